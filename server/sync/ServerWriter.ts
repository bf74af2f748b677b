// Where the server makes its own changes to a board (an agreement, a vote's tallies, a restore, a
// migration): a second document kept equal to the live one, so that the change can be made and
// its update taken without the live document holding anything before it is stored.
//
// The mirror is built once, at the first server change (one copy of the board, what every change
// used to cost: ~0.5 s for a 2,000-card board on a loaded machine), and from then on hears every
// update the live document applies, so a change costs what it writes. A change that could not be
// stored is in the mirror but not on the board: the mirror is dropped then and built again at
// the next change. Its memory is a second copy of the board while it is loaded, like the update
// guard's shadow — and every update applied twice — so it is dropped after `idleMs` without a server
// change: a workshop agreeing holds it, a board merely edited does not. The caller makes one change at a time (BoardLog.applyServerChange), so when a
// change runs the mirror is exactly the live board.
import * as Y from 'yjs';

/** How long a mirror is kept after the last server change. */
export const MIRROR_IDLE_MS = 60_000;

export class ServerWriter {
  private mirror: Y.Doc | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly live: Y.Doc,
    /** The live document's whole state as one update (the board's owner may have it already encoded). */
    private readonly encodeLive: () => Uint8Array,
    private readonly idleMs = MIRROR_IDLE_MS,
  ) {}

  /** True while a mirror is kept (for tests and metrics). */
  get holdsMirror(): boolean {
    return this.mirror !== null;
  }

  /**
   * Runs `fn` in one transaction with `origin` on the mirror and answers the update it made
   * (null when it changed nothing). The mirror then holds the change: the caller stores it and
   * applies it to the live document, or calls `drop` if it could not be stored.
   */
  write(fn: (doc: Y.Doc) => void, origin: unknown): Uint8Array | null {
    const mirror = this.mirror ?? this.build();
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    mirror.on('update', capture);
    try {
      mirror.transact(() => fn(mirror), origin);
    } catch (err) {
      // Yjs keeps what was written before the throw: the mirror is no longer the board.
      this.drop();
      throw err;
    } finally {
      mirror.off('update', capture);
    }
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.drop(), this.idleMs);
    this.idle.unref();
    return update;
  }

  /** Forgets the mirror (it holds what the board does not, or the board is unloading); the next write builds it again. */
  drop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (!this.mirror) return;
    this.live.off('update', this.follow);
    this.mirror.destroy();
    this.mirror = null;
  }

  private build(): Y.Doc {
    const mirror = new Y.Doc();
    Y.applyUpdate(mirror, this.encodeLive());
    this.mirror = mirror;
    this.live.on('update', this.follow);
    return mirror;
  }

  // Every update the live document applies, the mirror applies too; its own change coming back
  // from the live document (once stored) is already there and costs a decode.
  private follow = (update: Uint8Array): void => {
    if (this.mirror) Y.applyUpdate(this.mirror, update);
  };
}
