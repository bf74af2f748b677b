// Board ownership across instances (STORE=postgres): one lease row per loaded board — owner
// instance, epoch, expiry — taken and renewed with Postgres's clock (no instance's clock matters).
// The epoch grows by one at every take; PostgresStorage refuses an append or compaction that
// carries an older epoch (the fence), so a paused former owner can never write after a takeover.
import type pg from 'pg';

export type TakeResult =
  | { owned: true; epoch: number }
  /** Held by a live lease of another instance: `owner` is its INSTANCE_URL; it may be taken after `remainingMs`. */
  | { owned: false; owner: string; epoch: number; remainingMs: number };

/** The board has no row in `boards` (deleted, or never there). */
export class LeaseBoardGoneError extends Error {}

export interface LeaseHolder {
  owner: string;
  epoch: number;
  remainingMs: number;
}

export class BoardLeases {
  /** Leases this instance holds: board id → epoch. */
  private readonly held = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;
  /** Called when a renewal finds that another instance has taken a board (its epoch moved on). */
  onLost: (boardId: string, epoch: number) => void = () => undefined;

  constructor(
    private readonly pool: pg.Pool,
    /** This instance's INSTANCE_URL, the lease's `owner` (set once the server listens). */
    public instanceUrl: string,
    readonly leaseMs: number,
  ) {}

  /** Renews every held lease each third of LEASE_MS, so one missed round still leaves time. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.renewAll(), Math.max(100, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.renewing;
  }

  /** The epoch this instance holds for a board, if it holds it. */
  epochOf(boardId: string): number | undefined {
    return this.held.get(boardId);
  }

  /**
   * Takes the board's lease if nobody holds it, it has expired, or this instance (by its URL, say
   * after a restart) held it; in one statement, so of several instances racing exactly one wins.
   * Every take increases the epoch, which fences whatever held it before.
   */
  async take(boardId: string): Promise<TakeResult> {
    for (let attempt = 0; attempt < 3; attempt++) {
      let rows: { epoch: number }[];
      try {
        ({ rows } = await this.pool.query<{ epoch: number }>(
          `INSERT INTO board_leases (board_id, owner, epoch, expires_at)
           VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
           ON CONFLICT (board_id) DO UPDATE
             SET owner = excluded.owner, epoch = board_leases.epoch + 1, expires_at = excluded.expires_at
             WHERE board_leases.expires_at <= clock_timestamp() OR board_leases.owner = excluded.owner
           RETURNING epoch`,
          [boardId, this.instanceUrl, this.leaseMs],
        ));
      } catch (err) {
        if ((err as { code?: string }).code === '23503') throw new LeaseBoardGoneError(`board ${boardId} does not exist`);
        throw err;
      }
      if (rows[0]) {
        this.held.set(boardId, rows[0].epoch);
        return { owned: true, epoch: rows[0].epoch };
      }
      const holder = await this.holder(boardId);
      // Expired or released between the two statements: try again.
      if (holder && holder.remainingMs > 0) return { owned: false, ...holder };
    }
    throw new Error(`board ${boardId}: the lease changed hands three times while being taken`);
  }

  /** Who holds the board's lease now, by Postgres's clock; undefined if nobody ever did. */
  async holder(boardId: string): Promise<LeaseHolder | undefined> {
    const { rows } = await this.pool.query<{ owner: string; epoch: number; remaining_ms: number }>(
      `SELECT owner, epoch, GREATEST(0, CEIL(EXTRACT(EPOCH FROM expires_at - clock_timestamp()) * 1000))::int AS remaining_ms
       FROM board_leases WHERE board_id = $1`,
      [boardId],
    );
    const r = rows[0];
    return r && { owner: r.owner, epoch: r.epoch, remainingMs: r.remaining_ms };
  }

  /** Extends every held lease; a board whose epoch moved on is forgotten and reported through onLost. */
  renewAll(): Promise<void> {
    if (this.renewing) return this.renewing;
    const run = async () => {
      const held = [...this.held];
      if (held.length === 0) return;
      let kept: Set<string>;
      try {
        const { rows } = await this.pool.query<{ board_id: string }>(
          `UPDATE board_leases l SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
           FROM unnest($1::text[], $2::bigint[]) AS h(board_id, epoch)
           WHERE l.board_id = h.board_id AND l.epoch = h.epoch
           RETURNING l.board_id`,
          [held.map(([id]) => id), held.map(([, epoch]) => epoch), this.leaseMs],
        );
        kept = new Set(rows.map((r) => r.board_id));
      } catch (err) {
        // Postgres unreachable: nothing can be written either (every write is fenced), so the
        // rooms stay; the next round tries again.
        console.error('board leases: renewal failed', err);
        return;
      }
      for (const [boardId, epoch] of held) {
        if (kept.has(boardId) || this.held.get(boardId) !== epoch) continue;
        this.held.delete(boardId);
        this.onLost(boardId, epoch);
      }
    };
    this.renewing = run().finally(() => (this.renewing = null));
    return this.renewing;
  }

  /** Gives the board up (after its final flush), so another instance may take it at once. */
  async release(boardId: string, epoch: number): Promise<void> {
    if (this.held.get(boardId) === epoch) this.held.delete(boardId);
    await this.pool.query('UPDATE board_leases SET expires_at = clock_timestamp() WHERE board_id = $1 AND epoch = $2', [boardId, epoch]);
  }

  /** Forgets a lease without touching its row (the room was fenced: the row is someone else's now). */
  forget(boardId: string, epoch: number): void {
    if (this.held.get(boardId) === epoch) this.held.delete(boardId);
  }
}
