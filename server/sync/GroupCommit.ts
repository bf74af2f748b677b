// Collects updates for a few milliseconds and makes them durable in one transaction, so that
// a burst of edits costs one commit, not one each. Flushes run one after another, in order.
import type { BoardStorage, LogEntry } from '../storage/BoardStorage';
import type { Metrics } from '../metrics';

interface Pending {
  entry: LogEntry;
  receivedAt: number;
  resolve(seq: number): void;
  reject(err: unknown): void;
}

export class GroupCommit {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: BoardStorage,
    private readonly delayMs: number,
    private readonly metrics: Metrics,
    private readonly maxBatch = 1000,
  ) {}

  /** Resolves with the update's log sequence number once it is durable; `epoch` fences it (a board's lease, STORE=postgres). */
  append(boardId: string, update: Uint8Array, epoch?: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry: epoch === undefined ? { boardId, update } : { boardId, update, epoch }, receivedAt: performance.now(), resolve, reject });
      // Exactly at the bound: one flush per full batch, not one per update past it.
      if (this.pending.length === this.maxBatch) this.flush();
      // 0 ms: gather what this turn of the event loop read from every socket, then commit.
      else if (!this.timer) this.timer = this.delayMs > 0 ? setTimeout(() => this.flush(), this.delayMs) : setImmediate(() => this.flush());
    });
  }

  /** Starts committing what is pending; resolves when everything appended so far is durable. */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.pending.length) {
      // The batch is taken when its turn comes, not now: what arrives while the previous commit
      // waits for the disk joins this one instead of queueing behind it as many small ones.
      this.chain = this.chain.then(() => {
        const batch = this.pending;
        this.pending = [];
        this.clearTimer();
        return batch.length ? this.commit(batch) : undefined;
      });
    }
    return this.chain;
  }

  private clearTimer(): void {
    if (!this.timer) return;
    if (this.delayMs > 0) clearTimeout(this.timer as NodeJS.Timeout);
    else clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = null;
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      const seqs = await this.storage.appendUpdates(batch.map((p) => p.entry));
      const now = performance.now();
      this.metrics.commitBatchSize.observe(batch.length);
      batch.forEach((p, i) => {
        this.metrics.persistLatency.observe((now - p.receivedAt) / 1000);
        p.resolve(seqs[i]!);
      });
    } catch (err) {
      // One board's failure (say, rows for a board deleted a moment ago) must not fail the others
      // that shared its transaction: each board's updates are tried again on their own.
      const byBoard = new Map<string, Pending[]>();
      for (const p of batch) byBoard.set(p.entry.boardId, [...(byBoard.get(p.entry.boardId) ?? []), p]);
      if (byBoard.size === 1) {
        for (const p of batch) p.reject(err);
        return;
      }
      for (const group of byBoard.values()) await this.commit(group);
    }
  }
}
