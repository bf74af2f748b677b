// The WebSocket endpoint /ws/<boardId>?token=…: access is checked and the board loaded at the
// HTTP upgrade, before the handshake, so a refused client gets a plain HTTP status and reason.
// One exception: a new client (`fresh=1`) of a board being loaded gets the handshake and the
// stored state as soon as the state is read; a load failing after that closes its socket (4503).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BoardStorage } from '../storage/BoardStorage';
import type { RoomManager } from '../sync/RoomManager';
import { BoardGoneError, OwnedElsewhereError } from '../errors';
import type { Cluster } from '../cluster/Cluster';
import { OwnerUnreachableError, proxyUpgrade } from '../cluster/wsProxy';
import { Connection } from '../sync/Connection';
import { CLOSE, encodeSyncStep2Update } from '../protocol';
import type { ServerConfig } from '../config';
import type { Metrics } from '../metrics';
import { errorBody, httpErrorOf } from './errors';
import { checkAccess, checkTicket, tokenFrom } from './boardAccess';
import type { TicketStore } from '../auth/wsTickets';
import { STATUS_CODES } from 'node:http';
import { createLogger, redactUrl, requestId, type Logger } from '../log';

import { UpgradeLimiter } from './rateLimits';
import { parseCookies, SESSION_COOKIE, type Sessions } from '../auth/sessions';
import { budgetFrom } from '../sync/ConnectionBudget';

function refuseSocket(socket: Duplex, status: number, code: string, message: string, extraHeaders = ''): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(errorBody({ code, message }));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}Connection: close\r\n\r\n${body}`,
  );
}

/**
 * A WebSocket is not covered by CORS: any site may open one to us, and the browser adds our cookie.
 * So an upgrade that signs in by cookie must come from a page of PUBLIC_URL itself (exact origin).
 */
export function originAllowed(origin: string | undefined, publicUrl: string | null): boolean {
  return !!origin && !!publicUrl && origin === new URL(publicUrl).origin;
}

/** How often connections of sessions that have run out are looked for and closed. */
const SESSION_SWEEP_MS = 2000;

/**
 * Forwards the upgrade to the instance that holds the board's lease. True when it was forwarded;
 * false when the board is free (or became free: its owner did not answer and its lease ran out),
 * so this instance serves it. Waits at most about one lease for an unreachable owner.
 */
async function forwardToOwner(cluster: Cluster, req: IncomingMessage, socket: Duplex, head: Buffer, boardId: string, leaseMs: number, log: Logger): Promise<boolean> {
  const deadline = Date.now() + 2 * leaseMs;
  while (Date.now() < deadline && !socket.destroyed) {
    const elsewhere = await cluster.ownerElsewhere(boardId);
    if (!elsewhere) return false;
    try {
      await proxyUpgrade(req, socket, head, elsewhere.owner, cluster.hopHeaderValue, Math.min(2000, leaseMs));
      return true;
    } catch (err) {
      if (!(err instanceof OwnerUnreachableError)) throw err;
      // Dead or paused: once its lease has run out (Postgres's clock), the board is taken here.
      log.warn({ owner: elsewhere.owner, err: err.message }, 'board owner unreachable; waiting for its lease to expire');
      await cluster.waitForExpiry(boardId, deadline - Date.now());
    }
  }
  return false;
}

/** The early state's frame, encoded once per load however many new clients are sent it (a workshop joining at once). */
const earlyFrames = new WeakMap<Uint8Array, Uint8Array>();
function earlyFrameOf(state: Uint8Array): Uint8Array {
  let frame = earlyFrames.get(state);
  if (!frame) earlyFrames.set(state, (frame = encodeSyncStep2Update(state)));
  return frame;
}

export function attachWebSockets(
  server: Server, storage: BoardStorage, rooms: RoomManager, config: ServerConfig, metrics: Metrics, log: Logger = createLogger('silent'),
  tickets: TicketStore | null = null,
  sessions: Sessions | null = null,
  cluster: Cluster | null = null,
): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false });
  const connectionOf = new WeakMap<WebSocket, Connection>();
  const limiter = new UpgradeLimiter(config.upgradeLimit, config.upgradeWindowMs, config.trustProxy);
  const budget = budgetFrom(config);

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // One log context per connection: request id, redacted URL, then board and role once known.
    let wsLog = log.child({ reqId: requestId(req), url: redactUrl(req.url) });
    const refuse = (sock: Duplex, status: number, code: string, message: string, extraHeaders = '') => {
      wsLog.warn({ status, code }, 'websocket refused');
      refuseSocket(sock, status, code, message, extraHeaders);
    };
    // Forwarded by another instance of the cluster: its own limits applied; it is not forwarded again.
    const hop = cluster?.isHop(req) ?? false;
    void (async () => {
      const wait = hop ? 0 : limiter.take(req);
      if (wait > 0) {
        metrics.rateLimited.inc({ what: 'upgrade' });
        return refuse(socket, 429, 'rate_limited', 'Too many connections from this address; try again shortly.', `Retry-After: ${wait}\r\n`);
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = /^\/ws\/([^/]+)\/?$/.exec(url.pathname);
      if (!match) return refuse(socket, 404, 'not_found', 'WebSocket path is /ws/<boardId>');
      let boardId: string;
      try {
        boardId = decodeURIComponent(match[1]!);
      } catch {
        return refuse(socket, 404, 'not_found', 'WebSocket path is /ws/<boardId>');
      }
      wsLog = wsLog.child({ boardId });
      // Several instances: a board another instance owns is served there, through one hop.
      if (cluster && !hop && !(await rooms.loaded(boardId)) && (await forwardToOwner(cluster, req, socket, head, boardId, config.leaseMs, wsLog))) {
        metrics.proxiedConnections.inc({ what: 'websocket' });
        return;
      }
      if (socket.destroyed) return;
      let room;
      let grant;
      // A client with nothing of the board yet (`fresh=1`, sent by the app when its document is
      // empty) gets the stored state the moment it is read and applies it while the server builds
      // the room from the same bytes; its sync step 1 is then answered with only what changed since.
      // The handshake is done early for this; a load that fails after it closes the socket instead.
      let early: WebSocket | null = null;
      /** Resolves once the frame is handed to the socket (the load waits for that, briefly). */
      const sendEarly = (state: Uint8Array) =>
        new Promise<void>((resolve) => {
          if (socket.destroyed) return resolve();
          wss.handleUpgrade(req, socket, head, (ws) => {
            early = ws;
            ws.pause(); // its frames wait for the room
            ws.on('error', () => ws.terminate()); // until its Connection listens
            const frame = earlyFrameOf(state);
            metrics.bytesOut.inc(frame.byteLength);
            metrics.earlyStates.inc();
            ws.send(frame, () => resolve());
          });
          if (!early) resolve(); // the handshake was refused (a bad request)
        });
      try {
        // The browser app sends a single-use ticket (issue 12 §9); scripts may still send the token.
        const ticket = url.searchParams.get('ticket');
        const token = tokenFrom(req.headers, url);
        if (ticket && tickets) grant = await checkTicket(storage, tickets, boardId, ticket);
        else if (!token && sessions && parseCookies(req.headers.cookie).has(SESSION_COOKIE)) {
          // A signed-in member's browser, by its session cookie (issue #17): only from our own pages.
          if (!originAllowed(req.headers.origin, config.publicUrl)) {
            return refuse(socket, 403, 'origin_refused', 'This WebSocket must be opened from the board\'s own site.');
          }
          const session = await sessions.fromCookieHeader(req.headers.cookie);
          if (!session) return refuse(socket, 401, 'signed_out', 'The session has ended. Sign in again.');
          grant = await checkAccess(storage, boardId, null, 'viewer', session);
        } else grant = await checkAccess(storage, boardId, token, 'viewer');
        room = await rooms.acquire(boardId, url.searchParams.get('fresh') === '1' ? sendEarly : undefined);
      } catch (err) {
        const opened = early as WebSocket | null;
        if (opened) {
          wsLog.error({ err }, 'board load failed after its stored state was sent');
          const close = err instanceof BoardGoneError ? CLOSE.boardDeleted : err instanceof OwnedElsewhereError ? CLOSE.boardMoved : CLOSE.storageFailed;
          opened.resume(); // to read the peer's answer to the close
          opened.close(close.code, close.reason);
          return;
        }
        if (err instanceof OwnedElsewhereError && cluster && !hop && (await forwardToOwner(cluster, req, socket, head, boardId, config.leaseMs, wsLog))) {
          // Another instance took the board in between (a race for its lease, which it won): forwarded there.
          metrics.proxiedConnections.inc({ what: 'websocket' });
          return;
        }
        const known = httpErrorOf(err);
        if (known) return refuse(socket, known.status, known.code, known.message);
        wsLog.error({ err }, 'upgrade failed');
        return refuse(socket, 503, 'storage_failed', 'The board could not be read from storage. Nothing was changed; try again later.');
      }
      const opened = early as WebSocket | null;
      if (socket.destroyed || (opened && opened.readyState !== opened.OPEN)) {
        if (room.connectionCount === 0) rooms.scheduleUnload(boardId);
        return;
      }
      const theRoom = room;
      const role = grant.role;
      const tokenHash = grant.tokenHash;
      wsLog = wsLog.child({ role });
      const open = (ws: WebSocket) => {
        wsLog.info({ early: !!opened }, 'websocket open');
        ws.once('close', (code: number) => wsLog.info({ code }, 'websocket closed'));
        const conn = new Connection(ws, theRoom, { role, tokenHash, link: grant.link, maxBufferedBytes: config.maxBufferedBytes, metrics, budget });
        connectionOf.set(ws, conn);
        if (grant.session && grant.identity.sub !== null) {
          conn.member = {
            sub: grant.identity.sub,
            name: grant.identity.name ?? '',
            side: grant.identity.side ?? 'gjest',
            sessionIdHash: grant.session.idHash,
            sessionExpiresAt: Date.parse(grant.session.expiresAt),
          };
        }
        // The room may have begun unloading since it was acquired: the client reconnects and is
        // then told the board is gone (404) or joins it afresh.
        if (opened) conn.sentLoadedState = true;
        if (!rooms.addConnection(theRoom, conn)) conn.close(CLOSE.serverRestart);
      };
      if (!opened) return wss.handleUpgrade(req, socket, head, open);
      open(opened);
      opened.resume();
    })().catch((err: unknown) => {
      // Nothing a request carries may become an unhandled rejection: that would stop the process.
      wsLog.error({ err }, 'upgrade failed');
      socket.destroy();
    });
  });

  // Dead peers (no pong within one interval) are dropped so their rooms can unload.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) connectionOf.get(ws)?.heartbeat();
  }, 30_000);
  heartbeat.unref();

  // A member's connection ends with their session, within seconds of its expiry.
  const sessionSweep = setInterval(() => {
    const now = Date.now();
    void rooms.loadedRooms().then((list) => {
      for (const room of list) room.closeConnections(CLOSE.signedOut, (c) => c.member !== null && c.member.sessionExpiresAt <= now);
    });
  }, SESSION_SWEEP_MS);
  sessionSweep.unref();

  return {
    close() {
      clearInterval(heartbeat);
      clearInterval(sessionSweep);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
