// The per-board size quota: an update that would make a board's encoded state larger than
// MAX_BOARD_BYTES is refused (its connection is closed with 4413 and told why). The size is kept
// as an estimate — the stored size at load, plus every update since (an over-estimate: updates
// merge) — and measured exactly (one encoding of the board) only when the estimate says the limit
// is near, at most once per interval.
import * as Y from 'yjs';

export class BoardTooLargeError extends Error {}

const MEASURE_EVERY_MS = 5_000;

export class BoardQuota {
  private estimate: number;
  private measuredAt = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxBytes: number,
    initialEstimate: number,
  ) {
    this.estimate = initialEstimate;
  }

  /** Throws BoardTooLargeError when `update` would take the board past its quota. */
  check(update: Uint8Array, now = Date.now()): void {
    if (this.maxBytes <= 0 || this.estimate + update.byteLength <= this.maxBytes) return;
    if (now - this.measuredAt >= MEASURE_EVERY_MS) {
      this.measuredAt = now;
      this.estimate = Y.encodeStateAsUpdate(this.doc).byteLength;
      if (this.estimate + update.byteLength <= this.maxBytes) return;
    }
    throw new BoardTooLargeError(`the board would pass its size limit of ${this.maxBytes} bytes`);
  }

  /** An update was applied. */
  grew(bytes: number): void {
    this.estimate += bytes;
  }

  /** The board's exact encoded size (from a compaction). */
  measured(bytes: number): void {
    this.estimate = bytes;
  }
}
