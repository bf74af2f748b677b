// The WebSocket endpoint /ws/<boardId>?token=…: access is checked and the board loaded at the
// HTTP upgrade, before the handshake, so a refused client gets a plain HTTP status and reason.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BoardStorage } from '../storage/BoardStorage';
import type { RoomManager } from '../sync/RoomManager';
import { Connection } from '../sync/Connection';
import { CLOSE } from '../protocol';
import type { ServerConfig } from '../config';
import type { Metrics } from '../metrics';
import { errorBody, httpErrorOf } from './errors';
import { checkAccess, checkTicket, tokenFrom } from './boardAccess';
import type { WsTickets } from '../auth/wsTickets';
import { STATUS_CODES } from 'node:http';
import { createLogger, redactUrl, requestId, type Logger } from '../log';

import { UpgradeLimiter } from './rateLimits';
import { budgetFrom } from '../sync/ConnectionBudget';

function refuseSocket(socket: Duplex, status: number, code: string, message: string, extraHeaders = ''): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(errorBody({ code, message }));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}Connection: close\r\n\r\n${body}`,
  );
}

export function attachWebSockets(
  server: Server, storage: BoardStorage, rooms: RoomManager, config: ServerConfig, metrics: Metrics, log: Logger = createLogger('silent'),
  tickets: WsTickets | null = null,
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
    void (async () => {
      const wait = limiter.take(req);
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
      let room;
      let grant;
      try {
        // The browser app sends a single-use ticket (issue 12 §9); scripts may still send the token.
        const ticket = url.searchParams.get('ticket');
        grant = ticket && tickets ? await checkTicket(storage, tickets, boardId, ticket) : await checkAccess(storage, boardId, tokenFrom(req.headers, url), 'viewer');
        room = await rooms.acquire(boardId);
      } catch (err) {
        const known = httpErrorOf(err);
        if (known) return refuse(socket, known.status, known.code, known.message);
        wsLog.error({ err }, 'upgrade failed');
        return refuse(socket, 503, 'storage_failed', 'The board could not be read from storage. Nothing was changed; try again later.');
      }
      if (socket.destroyed) {
        if (room.connectionCount === 0) rooms.scheduleUnload(boardId);
        return;
      }
      const theRoom = room;
      const role = grant.role;
      const tokenHash = grant.tokenHash;
      wsLog = wsLog.child({ role });
      wss.handleUpgrade(req, socket, head, (ws) => {
        wsLog.info('websocket open');
        ws.once('close', (code: number) => wsLog.info({ code }, 'websocket closed'));
        const conn = new Connection(ws, theRoom, { role, tokenHash, maxBufferedBytes: config.maxBufferedBytes, metrics, budget });
        connectionOf.set(ws, conn);
        // The room may have begun unloading since it was acquired: the client reconnects and is
        // then told the board is gone (404) or joins it afresh.
        if (!rooms.addConnection(theRoom, conn)) conn.close(CLOSE.serverRestart);
      });
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

  return {
    close() {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
