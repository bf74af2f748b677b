// Every setting comes from the environment, with defaults that suit a workshop on one machine.
import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from './log';

/** Sign-in with OpenID Connect (issue #17); null when OIDC_ISSUER is unset (share links alone, as before). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** client_secret_post / _basic; null when a private key is used instead. */
  clientSecret: string | null;
  /** PEM (PKCS#8) or JWK file for private_key_jwt (ID-porten, Ansattporten); null with a secret. */
  privateKeyFile: string | null;
  scopes: string;
  /** acr_values asked for (ID-porten: `idporten-loa-substantial`); null = the provider's default. */
  acrValues: string | null;
}

export interface ServerConfig {
  /** The address people use (`https://malkart.lier.kommune.no`): redirect URI base and the one allowed WebSocket Origin. Null = not set. */
  publicUrl: string | null;
  oidc: OidcSettings | null;
  /** A session lasts this long from sign-in, then the person signs in again. */
  sessionMaxAgeMs: number;
  port: number;
  host: string;
  dataDir: string;
  /** Folder of the built client; the server serves it when present. */
  clientDir: string;
  /** Largest WebSocket message accepted, in bytes. Larger ones close that connection (1009). */
  maxMessageBytes: number;
  /** Largest JSON body (an import), in bytes. */
  maxBodyBytes: number;
  /** Most boards held in memory at once; more are refused with 503 until some unload. */
  maxLoadedBoards: number;
  /** A board is unloaded this long after its last client left. */
  unloadDelayMs: number;
  /** Updates are collected for at most this long and committed in one transaction. */
  groupCommitMs: number;
  /** The update log is folded into one state row when it passes either bound. */
  compactAfterUpdates: number;
  compactAfterBytes: number;
  /** A client with more than this many bytes not yet sent to it is disconnected (it resyncs on reconnect). */
  maxBufferedBytes: number;
  /** SQLite synchronous mode: FULL survives power loss, NORMAL survives a crash of the process. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Automatic snapshots of a board being edited: at most one per interval (0 turns them off). */
  autoSnapshotMs: number;
  /** Automatic snapshots kept per board (the newest); snapshots taken by hand are always kept. */
  autoSnapshotKeep: number;
  /** Worker threads that render exports (every format) off the event loop; 0 renders them on it. */
  exportWorkers: number;
  /** Least severe log line written (JSON on stdout); `silent` writes none. */
  logLevel: LogLevel;
  /** Largest board, in bytes of its encoded state; an update that would pass it is refused (4413). 0 = no limit. */
  maxBoardBytes: number;
  /** Awareness (presence) changes are sent out in batches, one per this many ms. */
  awarenessFlushMs: number;
  /** Sync step 1 requests answered per connection at once (then one per 30 s). 0 = no limit. */
  maxSyncStep1PerConnection: number;
  /** Per-connection budget: messages per second and burst, bytes per second and burst (0 per second = no limit). */
  connectionMessagesPerSecond: number;
  connectionMessageBurst: number;
  connectionBytesPerSecond: number;
  connectionByteBurst: number;
  /** Boards one client address may create per window (0 = no limit). */
  createLimit: number;
  createWindowMs: number;
  /** Sign-ins one client address may start per window (0 = no limit): each is kept in the store until it expires. */
  loginLimit: number;
  loginWindowMs: number;
  /** WebSocket upgrades one client address may make per window (0 = no limit). */
  upgradeLimit: number;
  upgradeWindowMs: number;
  /** Express `trust proxy`: which proxies' X-Forwarded-For gives the client address (false = none). */
  trustProxy: boolean | number | string;
  /** A loaded board nobody has edited or moved in for this long may be unloaded to make room for another. */
  evictIdleMs: number;
  /** Exports that may wait for a render worker, in all and per board. */
  exportQueue: number;
  exportQueuePerBoard: number;
  /** An export running longer than this fails and its worker is replaced. */
  exportTimeoutMs: number;
  /** Heap limit of each render worker in MiB. */
  exportMemoryMb: number;
  /** Largest PNG (and DOCX map picture) in pixels; a larger map is scaled down. */
  exportMaxPixels: number;
  /** Snapshots taken by hand kept per board; one more is refused (409) until one is deleted. */
  maxSnapshotsPerBoard: number;
  /** Where boards live: one SQLite file under dataDir (one instance), or PostgreSQL (several instances). */
  store: 'sqlite' | 'postgres';
  /** The PostgreSQL database when store is postgres, e.g. postgres://user@host:5432/malkart. */
  databaseUrl: string;
  /** How the other instances reach this one (WebSocket proxying); empty = http://127.0.0.1:<port> once listening. */
  instanceUrl: string;
  /** A board's lease lasts this long unless renewed (renewed every third of it); a dead owner's boards move after it. */
  leaseMs: number;
  /** How long the audit log of a deleted board is kept, in days (0 = for ever). */
  auditRetentionDays: number;
}

/** TRUST_PROXY: unset/false/0 = no proxy, true, a hop count, or addresses/subnets as Express reads them. */
function trustProxy(): boolean | number | string {
  const raw = (process.env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/** See README: the largest honest message (a 5,000-card board's whole state) with a wide margin. */
export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

function logLevel(): LogLevel {
  // Quiet under the test runner unless asked for: tests read logs through their own destination.
  const raw = (process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')).toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw as LogLevel;
}

function publicUrl(): string | null {
  const raw = (process.env.PUBLIC_URL ?? '').trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL such as https://malkart.example.no, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must be http(s), got "${raw}"`);
  // The origin plus any path prefix, without a trailing slash: `${publicUrl}/auth/callback`.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function oidcSettings(hasPublicUrl: boolean): OidcSettings | null {
  const issuer = (process.env.OIDC_ISSUER ?? '').trim();
  if (!issuer) return null;
  const clientId = (process.env.OIDC_CLIENT_ID ?? '').trim();
  const clientSecret = process.env.OIDC_CLIENT_SECRET || null;
  const privateKeyFile = process.env.OIDC_PRIVATE_KEY_FILE || null;
  if (!clientId) throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID is needed too');
  if (!hasPublicUrl) throw new Error('OIDC_ISSUER is set: PUBLIC_URL is needed too (the redirect URI is ${PUBLIC_URL}/auth/callback)');
  if (!clientSecret && !privateKeyFile) throw new Error('OIDC_ISSUER is set: give OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY_FILE');
  return {
    issuer,
    clientId,
    clientSecret,
    privateKeyFile,
    scopes: (process.env.OIDC_SCOPES ?? '').trim() || 'openid profile email',
    acrValues: (process.env.OIDC_ACR_VALUES ?? '').trim() || null,
  };
}

/** STORE and DATABASE_URL, checked together: postgres needs a URL. */
function store(): { store: 'sqlite' | 'postgres'; databaseUrl: string } {
  const kind = (process.env.STORE ?? 'sqlite').toLowerCase();
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`STORE must be sqlite or postgres, got "${kind}"`);
  const databaseUrl = process.env.DATABASE_URL ?? '';
  if (kind === 'postgres' && !databaseUrl) throw new Error('STORE=postgres needs DATABASE_URL (e.g. postgres://user@host:5432/malkart)');
  return { store: kind, databaseUrl };
}

export function configFromEnv(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const sync = (process.env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${sync}"`);
  const pub = publicUrl();
  const leaseMs = int('LEASE_MS', 5000);
  if (leaseMs < 300) throw new Error(`LEASE_MS must be at least 300, got ${leaseMs}`);
  return {
    publicUrl: pub,
    oidc: oidcSettings(pub !== null),
    sessionMaxAgeMs: int('SESSION_MAX_AGE_MS', 12 * 60 * 60 * 1000),
    port: int('PORT', 8080),
    host: process.env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
    clientDir: path.resolve(process.env.CLIENT_DIR ?? 'dist/client'),
    maxMessageBytes: int('MAX_MESSAGE_BYTES', DEFAULT_MAX_MESSAGE_BYTES),
    maxBodyBytes: int('MAX_BODY_BYTES', 11 * 1024 * 1024),
    maxLoadedBoards: int('MAX_LOADED_BOARDS', 2000),
    unloadDelayMs: int('UNLOAD_DELAY_MS', 5000),
    groupCommitMs: int('GROUP_COMMIT_MS', 2),
    compactAfterUpdates: int('COMPACT_AFTER_UPDATES', 1000),
    compactAfterBytes: int('COMPACT_AFTER_BYTES', 4 * 1024 * 1024),
    maxBufferedBytes: int('MAX_BUFFERED_BYTES', 16 * 1024 * 1024),
    sqliteSynchronous: sync,
    autoSnapshotMs: int('AUTO_SNAPSHOT_MS', 15 * 60 * 1000),
    autoSnapshotKeep: int('AUTO_SNAPSHOT_KEEP', 20),
    exportWorkers: int('EXPORT_WORKERS', 1),
    exportQueue: int('EXPORT_QUEUE', 32),
    logLevel: logLevel(),
    maxBoardBytes: int('MAX_BOARD_BYTES', 64 * 1024 * 1024),
    awarenessFlushMs: int('AWARENESS_FLUSH_MS', 50),
    maxSyncStep1PerConnection: int('MAX_SYNC_STEP1', 5),
    connectionMessagesPerSecond: int('CONNECTION_MESSAGES_PER_SECOND', 300),
    connectionMessageBurst: int('CONNECTION_MESSAGE_BURST', 2000),
    connectionBytesPerSecond: int('CONNECTION_BYTES_PER_SECOND', 1024 * 1024),
    connectionByteBurst: int('CONNECTION_BYTE_BURST', 0),
    createLimit: int('CREATE_LIMIT', 30),
    createWindowMs: int('CREATE_WINDOW_MS', 10 * 60 * 1000),
    loginLimit: int('LOGIN_LIMIT', 120),
    loginWindowMs: int('LOGIN_WINDOW_MS', 10 * 60 * 1000),
    upgradeLimit: int('UPGRADE_LIMIT', 300),
    upgradeWindowMs: int('UPGRADE_WINDOW_MS', 60 * 1000),
    trustProxy: trustProxy(),
    evictIdleMs: int('EVICT_IDLE_MS', 10 * 60 * 1000),
    exportQueuePerBoard: int('EXPORT_QUEUE_PER_BOARD', 4),
    exportTimeoutMs: int('EXPORT_TIMEOUT_MS', 60_000),
    exportMemoryMb: int('EXPORT_MEMORY_MB', 1024),
    exportMaxPixels: int('EXPORT_MAX_PIXELS', 32_000_000),
    maxSnapshotsPerBoard: int('MAX_SNAPSHOTS_PER_BOARD', 100),
    ...store(),
    instanceUrl: (process.env.INSTANCE_URL ?? '').replace(/\/+$/, ''),
    leaseMs,
    auditRetentionDays: int('AUDIT_RETENTION_DAYS', 365),
    ...overrides,
  };
}
