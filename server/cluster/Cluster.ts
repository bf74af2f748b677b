// What one instance needs to be part of a cluster (STORE=postgres): its board leases (ownership
// and the fence's epochs), the signals from the other instances, the secret that marks an internal
// hop, and the routing answer for a board: served here, or proxied to the instance that owns it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PostgresStorage } from '../storage/PostgresStorage';
import { BoardGoneError, OwnedElsewhereError } from '../errors';
import type { BoardOwnership } from '../sync/RoomManager';
import { BoardLeases, LeaseBoardGoneError } from './BoardLease';
import { ClusterSignals, type SignalHandlers } from './ClusterSignals';
import { HOP_HEADER } from './wsProxy';

export class Cluster implements BoardOwnership {
  private constructor(
    readonly leases: BoardLeases,
    readonly signals: ClusterSignals,
    private readonly hopSecret: Buffer,
    /** The key of the participant passes ballots are kept under (#16): a pass made on one instance is good on every other. */
    readonly participantKey: Buffer,
  ) {}

  static async start(storage: PostgresStorage, connectionString: string, leaseMs: number, handlers: SignalHandlers): Promise<Cluster> {
    const pool = storage.pool;
    const hopSecret = await sharedSecret(pool, 'hop_secret', 24);
    const participantKey = Buffer.from(await sharedSecret(pool, 'participant_secret', 32), 'base64url');
    const signals = await ClusterSignals.start(connectionString, pool, handlers);
    const cluster = new Cluster(new BoardLeases(pool, '', leaseMs), signals, Buffer.from(hopSecret), participantKey);
    cluster.leases.start();
    return cluster;
  }

  /** Known once the server listens (INSTANCE_URL, else http://127.0.0.1:<port>). */
  set instanceUrl(url: string) {
    this.leases.instanceUrl = url;
  }
  get instanceUrl(): string {
    return this.leases.instanceUrl;
  }

  get hopHeaderValue(): string {
    return this.hopSecret.toString();
  }

  /** The request was forwarded by another instance of this cluster (not merely claims to be). */
  isHop(req: IncomingMessage): boolean {
    const given = req.headers[HOP_HEADER];
    if (typeof given !== 'string') return false;
    const b = Buffer.from(given);
    return b.length === this.hopSecret.length && timingSafeEqual(b, this.hopSecret);
  }

  /** The instance that holds a live lease on the board, if that is not this one. */
  async ownerElsewhere(boardId: string): Promise<{ owner: string; remainingMs: number } | null> {
    const h = await this.leases.holder(boardId);
    return h && h.owner !== this.instanceUrl && h.remainingMs > 0 ? { owner: h.owner, remainingMs: h.remainingMs } : null;
  }

  /** Waits, at most `maxMs`, until nobody else holds a live lease on the board (by Postgres's clock): its owner did not answer. */
  async waitForExpiry(boardId: string, maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    while (Date.now() < until) {
      const elsewhere = await this.ownerElsewhere(boardId);
      if (!elsewhere) return;
      await new Promise((res) => setTimeout(res, Math.min(elsewhere.remainingMs + 5, 250)));
    }
  }

  /** Ownership for the room manager: the epoch of a lease taken now, or OwnedElsewhereError. */
  async take(boardId: string): Promise<number> {
    const r = await this.leases.take(boardId).catch((err: unknown) => {
      throw err instanceof LeaseBoardGoneError ? new BoardGoneError(boardId) : err;
    });
    if (!r.owned) throw new OwnedElsewhereError(boardId, r.owner, r.remainingMs);
    return r.epoch;
  }

  release(boardId: string, epoch: number): Promise<void> {
    return this.leases.release(boardId, epoch);
  }

  forget(boardId: string, epoch: number): void {
    this.leases.forget(boardId, epoch);
  }

  async stop(): Promise<void> {
    await this.leases.stop();
    await this.signals.stop();
  }
}

/** A secret every instance shares: the first instance makes it, every later one reads the same value. */
async function sharedSecret(pool: PostgresStorage['pool'], key: string, bytes: number): Promise<string> {
  await pool.query('INSERT INTO cluster_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, randomBytes(bytes).toString('base64url')]);
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM cluster_settings WHERE key = $1', [key]);
  return rows[0]!.value;
}
