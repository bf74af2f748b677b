// Assembles the server: storage, rooms, HTTP API, WebSockets, the built client — one port.
import express from 'express';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { configFromEnv, type ServerConfig } from './config';
import { Metrics } from './metrics';
import type { BoardStorage } from './storage/BoardStorage';
import { SqliteStorage } from './storage/SqliteStorage';
import { PostgresStorage } from './storage/PostgresStorage';
import { RoomManager } from './sync/RoomManager';
import { CLOSE } from './protocol';
import { boardsRouter } from './http/boardsRouter';
import { snapshotsRouter } from './http/snapshotsRouter';
import { exportRouter } from './http/exportRouter';
import { indicatorValuesRouter } from './http/indicatorValuesRouter';
import { SnapshotService } from './snapshots/SnapshotService';
import { RenderPool } from './export/RenderPool';
import { errorHandler, sendError } from './http/errors';
import { attachWebSockets } from './http/upgrade';
import { createLogger, requestLogger, type Logger } from './log';
import type { DestinationStream } from 'pino';
import { createBoardLimiter, loginLimiter } from './http/rateLimits';
import { noStore, securityHeaders } from './http/securityHeaders';
import { WsTickets, type TicketStore } from './auth/wsTickets';
import { Sessions } from './auth/sessions';
import { OidcAuth } from './auth/oidc';
import { readSession } from './http/signedIn';
import { meRouter } from './http/meRouter';
import { membersRouter } from './http/membersRouter';
import { PostgresTickets } from './cluster/PostgresTickets';
import { Cluster } from './cluster/Cluster';
import { routeBoardRequests } from './cluster/httpProxy';
import { applySignal, recheckLoadedBoards } from './cluster/revocations';
import { AuditLog } from './audit/AuditLog';
import { AgreementService } from './trust/AgreementService';
import { BallotBox } from './trust/BallotBox';
import { ParticipantPasses, loadPassKey } from './trust/participantPass';
import { agreementsRouter } from './http/agreementsRouter';
import { votesRouter } from './http/votesRouter';
import { auditRouter } from './http/auditRouter';

export interface StartOptions extends Partial<ServerConfig> {
  /** Use this store instead of the one STORE names (tests inject failing stores). */
  storage?: BoardStorage;
  /** Use this render pool instead of one of `exportWorkers` workers (tests inject small or faulty ones). */
  renderPool?: RenderPool;
  /** Where the JSON log lines go (default: stdout); tests read them here. */
  logDestination?: DestinationStream;
  /** Use this WebSocket ticket store (tests inject one with a clock they control). */
  wsTickets?: WsTickets;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  storage: BoardStorage;
  rooms: RoomManager;
  /** Leases, signals and routing when STORE=postgres; null on a single instance. */
  cluster: Cluster | null;
  snapshots: SnapshotService;
  metrics: Metrics;
  /** Renders exports; null when EXPORT_WORKERS=0 (they render on the event loop). */
  renderPool: RenderPool | null;
  log: Logger;
  /** Server-side sessions; null without sign-in configured (OIDC_ISSUER). */
  sessions: Sessions | null;
  audit: AuditLog;
  /** Flushes everything, closes sockets with 1012 and the store. */
  close(): Promise<void>;
}

export function createApp(
  storage: BoardStorage, rooms: RoomManager, snapshots: SnapshotService, metrics: Metrics, config: ServerConfig, renderPool: RenderPool | null = null,
  log: Logger = createLogger('silent'),
  tickets: TicketStore = new WsTickets(),
  sessions: Sessions | null = null,
  cluster: Cluster | null = null,
  audit: AuditLog = new AuditLog(storage, config.auditRetentionDays * 86_400_000),
): express.Express {
  // PARTICIPANT_SECRET, else with several instances the key they share in Postgres, else one kept in DATA_DIR.
  const passes = new ParticipantPasses(process.env.PARTICIPANT_SECRET || !cluster ? loadPassKey(config.dataDir) : cluster.participantKey);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(log));
  app.use(securityHeaders());
  app.set('trust proxy', config.trustProxy);
  // 503 while storage is full, read-only or failing, so a load balancer or monitor notices; it turns
  // back to 200 by itself when the disk recovers (the store probes it).
  app.get('/healthz', async (_req, res) => {
    const health = (await storage.checkHealth?.()) ?? { status: 'ok' as const };
    res.status(health.status === 'ok' ? 200 : 503).json({ ok: health.status === 'ok', boardsLoaded: rooms.loadedCount, storage: health });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const oidc = config.oidc && sessions ? new OidcAuth(config.oidc, config.publicUrl!, sessions, storage, log) : null;
  if (oidc) {
    app.use('/auth', noStore);
    app.get('/auth/login', loginLimiter(config, metrics));
    app.use('/auth', oidc.router());
  }
  app.use('/api', noStore);
  // Several instances: a board another instance owns is served there (before the body is read here).
  if (cluster) app.use('/api/boards/:id', routeBoardRequests(cluster, rooms, metrics, config.leaseMs, config.exportTimeoutMs + 5000));
  app.use('/api', readSession(sessions));
  app.use('/api', express.json({ limit: config.maxBodyBytes }));
  // Before the JSON routes' catch-all: this one reads its own text/csv body.
  app.use('/api/boards/:id/indicator-values', indicatorValuesRouter(storage, rooms));
  app.post('/api/boards', createBoardLimiter(config, metrics));
  app.use('/api/boards', boardsRouter(storage, rooms, tickets, oidc !== null, cluster?.signals ?? null, audit));
  app.use('/api/boards/:id', membersRouter(storage, rooms, cluster?.signals ?? null));
  app.use('/api', meRouter(storage, rooms, oidc !== null));
  app.use('/api/boards/:id/snapshots', snapshotsRouter(storage, snapshots, audit));
  app.use('/api/boards/:id/agreements', agreementsRouter(storage, new AgreementService(rooms, audit)));
  app.use('/api/boards/:id', votesRouter(storage, new BallotBox(storage, rooms, audit), passes));
  app.use('/api/boards/:id/audit', auditRouter(storage, audit));
  app.use('/api/boards/:id/export', exportRouter(storage, snapshots, renderPool, { maxPixels: config.exportMaxPixels }, rooms, audit));
  app.use('/api', (_req, res) => sendError(res, 404, 'not_found', 'No such API route.'));

  const index = path.join(config.clientDir, 'index.html');
  app.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
  // Express 5 syntax for "every other path": the client routes (/b/:id) live in the browser.
  app.get('/{*splat}', (_req, res) => {
    if (existsSync(index)) res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    else res.status(503).type('text').send('The client is not built. Run `npm run build` (npm start does it for you).');
  });
  app.use(errorHandler);
  return app;
}

/** The store STORE names: SQLite under dataDir (the default, no services), or PostgreSQL at DATABASE_URL (migrated at start). */
async function openStore(config: ServerConfig, log: Logger): Promise<BoardStorage> {
  if (config.store === 'postgres') return PostgresStorage.open(config.databaseUrl, { onPoolError: (err) => log.error({ err }, 'postgres: idle connection failed') });
  return new SqliteStorage(path.join(config.dataDir, 'malkart.sqlite'), { synchronous: config.sqliteSynchronous });
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const { storage: given, renderPool: givenPool, logDestination, wsTickets, ...overrides } = opts;
  const config = configFromEnv(overrides);
  const log = createLogger(logDestination && config.logLevel === 'silent' ? 'info' : config.logLevel, logDestination);
  const storage = given ?? (await openStore(config, log));
  const metrics = new Metrics();
  // Several instances share the store: board leases, the fence's epochs, signals between instances.
  let rooms: RoomManager | null = null;
  const cluster =
    config.store === 'postgres' && storage instanceof PostgresStorage
      ? await Cluster.start(storage, config.databaseUrl, config.leaseMs, {
          onSignal: async (signal) => {
            if (rooms) await applySignal(signal, storage, rooms);
          },
          onResync: async () => {
            if (rooms) await recheckLoadedBoards(storage, rooms);
          },
        })
      : null;
  rooms = new RoomManager(storage, config, metrics, cluster);
  if (cluster) cluster.leases.onLost = (boardId, epoch) => void rooms.leaseLost(boardId, epoch);
  const snapshots = new SnapshotService(storage, rooms, config.autoSnapshotKeep, config.maxSnapshotsPerBoard);
  snapshots.startTimer(config.autoSnapshotMs);
  // Its workers start with the first export.
  const renderPool =
    givenPool ??
    (config.exportWorkers > 0
      ? new RenderPool({
          size: config.exportWorkers,
          maxQueue: config.exportQueue,
          maxQueuePerBoard: config.exportQueuePerBoard,
          timeoutMs: config.exportTimeoutMs,
          memoryMb: config.exportMemoryMb,
        })
      : null);
  if (renderPool) metrics.watchRenderPool(renderPool);
  // Several instances: a ticket made on one is used on another, so they are kept in Postgres.
  const tickets = wsTickets ?? (cluster && storage instanceof PostgresStorage ? new PostgresTickets(storage.pool) : new WsTickets());
  const sessions = config.oidc ? new Sessions(storage, config.sessionMaxAgeMs, config.publicUrl!.startsWith('https:')) : null;
  // A session that ends (sign-out, expiry) closes its sockets at once: here, and through a signal on every other instance.
  sessions?.onEnded((ended) => {
    void rooms.loadedRooms().then((list) => {
      for (const room of list) room.closeConnections(CLOSE.signedOut, (c) => c.member?.sessionIdHash === ended.idHash);
    });
    cluster?.signals.publish({ kind: 'session', sessionIdHash: ended.idHash }).catch((err: unknown) => log.error({ err }, 'cluster signal not sent: session ended'));
  });
  const audit = new AuditLog(storage, config.auditRetentionDays * 86_400_000);
  audit.startTimer();
  const server = createServer(createApp(storage, rooms, snapshots, metrics, config, renderPool, log, tickets, sessions, cluster, audit));
  const sockets = attachWebSockets(server, storage, rooms, config, metrics, log, tickets, sessions, cluster);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      server.close();
      snapshots.stop();
      audit.stop();
      await renderPool?.close();
      await rooms.shutdown(CLOSE.serverRestart);
      sockets.close();
      server.closeAllConnections();
      await cluster?.stop();
      await storage.close();
    })());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  }).catch(async (err: unknown) => {
    // The port is taken (or not ours): let go of the store, timers and workers before saying so.
    await close();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  if (cluster) cluster.instanceUrl = config.instanceUrl || `http://127.0.0.1:${port}`;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return { url: `http://${shownHost}:${port}`, port, server, storage, rooms, cluster, snapshots, metrics, renderPool, log, sessions, audit, close };
}
