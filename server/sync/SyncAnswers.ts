// Answers to sync step 1 ("here is my state vector, send me what I lack"). Each is the whole
// difference, up to the whole board: fifty 4-byte requests on a 3.4 MiB board made the server send
// 171 MiB. So each connection is answered a few times (an honest client asks once per connection),
// then one more per interval; and answers are kept, encoded, until the board changes, so a room
// full of clients joining at once costs one encoding.
import * as Y from 'yjs';
import type { Metrics } from '../metrics';
import { encodeSyncStep2, encodeSyncStep2Update, isEmptyStateVector } from '../protocol';
import type { Connection } from './Connection';

/** One more answer per connection after this long. */
export const SYNC_STEP1_REFILL_MS = 30_000;
/** Distinct state vectors whose answers are kept between changes. */
const CACHED_ANSWERS = 8;

export class SyncAnswers {
  private readonly cache = new Map<string, Uint8Array>();
  private readonly used = new WeakMap<Connection, { tokens: number; at: number }>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly perConnection: number,
    private readonly metrics: Metrics,
    /** The whole board as one update (BoardLog.encodeState: the stored bytes while the board is as loaded). */
    private readonly wholeState: () => Uint8Array = () => Y.encodeStateAsUpdate(doc),
  ) {}

  /** The step 2 frame for `conn`, or null when it has asked too often. */
  answer(conn: Connection, stateVector: Uint8Array, now = Date.now()): Uint8Array | null {
    if (!this.take(conn, now)) {
      this.metrics.throttled.inc({ what: 'sync_step1' });
      return null;
    }
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1');
    let frame = this.cache.get(key);
    if (!frame) {
      // A new client lacks everything: the whole state, which right after a load is the stored bytes.
      frame = isEmptyStateVector(stateVector) ? encodeSyncStep2Update(this.wholeState()) : encodeSyncStep2(this.doc, stateVector);
      if (this.cache.size >= CACHED_ANSWERS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, frame);
    }
    return frame;
  }

  /** The board changed: every kept answer is out of date. */
  changed(): void {
    this.cache.clear();
  }

  forget(conn: Connection): void {
    this.used.delete(conn);
  }

  private take(conn: Connection, now: number): boolean {
    if (this.perConnection <= 0) return true;
    const u = this.used.get(conn) ?? { tokens: this.perConnection, at: now };
    const refill = Math.floor((now - u.at) / SYNC_STEP1_REFILL_MS);
    if (refill > 0) {
      u.tokens = Math.min(this.perConnection, u.tokens + refill);
      u.at += refill * SYNC_STEP1_REFILL_MS;
    }
    this.used.set(conn, u);
    if (u.tokens <= 0) return false;
    u.tokens--;
    return true;
  }
}
