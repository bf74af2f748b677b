// One loaded board's document and its durable log, behind the BoardStorage interface: loads it,
// checks a client's update (parses, keeps the schema, fits the quota), stores it (GroupCommit)
// and only then applies it, and compacts the log (docs/design.md "Sync and persistence").
// No sockets here: the Room hears every applied update through the document's 'update' event.
import * as Y from 'yjs';
import { FencedError, type BoardStorage, type StoredDocument } from '../storage/BoardStorage';
import type { Metrics } from '../metrics';
import type { GroupCommit } from './GroupCommit';
import { BoardQuota } from './BoardQuota';
import { UpdateGuard } from './updateGuard';
import { ServerWriter } from './ServerWriter';
import { assertValidUpdate } from '../protocol';
import { BoardGoneError } from '../errors';

export interface BoardLogLimits {
  compactAfterUpdates: number;
  compactAfterBytes: number;
  /** Largest board, in bytes of its encoded state; an update that would pass it is refused. */
  maxBoardBytes: number;
}

/** A board's document as rebuilt from storage. */
export interface LoadedDocument {
  doc: Y.Doc;
  /** Log rows applied after the state. */
  rows: number;
  /** Highest log sequence number applied; 0 without rows. */
  lastSeq: number;
  /** Bytes read: the state and every row. */
  storedBytes: number;
  /** The stored state when it alone made the document (no log rows): the whole board, already encoded. */
  state: Uint8Array | null;
}

/** Rebuilds a board's document from its stored state and the log after it (what a load does, without the I/O). */
export function documentFromStorage(boardId: string, stored: StoredDocument): LoadedDocument {
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  let lastSeq = 0;
  for (const row of stored.updates) {
    // Rows were checked before they were written; one that still fails is skipped, not fatal.
    try {
      Y.applyUpdate(doc, row.update);
    } catch (err) {
      console.error(`board ${boardId}: log row ${row.seq} could not be applied and was skipped:`, err);
    }
    lastSeq = row.seq;
  }
  const storedBytes = (stored.state?.byteLength ?? 0) + stored.updates.reduce((n, r) => n + r.update.byteLength, 0);
  return { doc, rows: stored.updates.length, lastSeq, storedBytes, state: stored.updates.length === 0 ? stored.state : null };
}

/** How long a load waits for the stored state it sent early to reach the sockets before it builds the document. */
const EARLY_STATE_WAIT_MS = 50;

/** Origin of changes the server makes itself (a restore, a migration); they are stored before they are applied. */
export const SERVER_ORIGIN = Symbol('server');

export class BoardLog {
  /** Log rows (and their bytes) written since the last compaction. */
  private logRows: number;
  private logBytes = 0;
  /** Highest log sequence number whose update is applied to `doc`. */
  private appliedSeq: number;
  private compacting: Promise<void> | null = null;
  private closed = false;
  /** Refuses an edit that writes what the board's schema forbids, before it is stored. */
  private readonly guard: UpdateGuard;
  private readonly quota: BoardQuota;
  /** Where server changes are made: a mirror of the board, so the live document holds only what is stored. */
  private readonly writer: ServerWriter;
  /** Server changes run one after another, each on the board with the one before it stored and applied. */
  private serverTurn: Promise<void> = Promise.resolve();
  /** When an update was last stored and applied; 0 = not since the load. */
  lastEditAt = 0;
  readonly doc: Y.Doc;
  /**
   * The stored state while the document is exactly that (loaded without log rows, unchanged since):
   * a new client's first sync and the update guard's copy take it instead of encoding the whole
   * board again (a 5,000-card board: ~3 MB, tens of ms). Dropped at the first change.
   */
  private storedState: Uint8Array | null;
  /** The document's state vector as loaded (see withLoadedState). */
  private readonly loadedStateVector: Map<number, number>;
  /** True once a write was refused by the fence: another instance owns the board; nothing more is written. */
  private fenced = false;
  /** Called once, when the fence first refuses a write (the room manager drops the room). */
  onFenced: (() => void) | null = null;

  private constructor(
    readonly boardId: string,
    loaded: LoadedDocument,
    private readonly storage: BoardStorage,
    private readonly commit: GroupCommit,
    private readonly limits: BoardLogLimits,
    private readonly metrics: Metrics,
    /** The board's lease epoch (STORE=postgres): every append and compaction carries it, and the store refuses it once the lease moved on. */
    readonly epoch: number | undefined,
  ) {
    this.doc = loaded.doc;
    this.storedState = loaded.state;
    this.loadedStateVector = Y.decodeStateVector(Y.encodeStateVector(loaded.doc));
    this.logRows = loaded.rows;
    this.appliedSeq = loaded.lastSeq;
    this.metrics.logLength.inc(loaded.rows);
    this.guard = new UpdateGuard(this.doc, () => this.encodeState());
    this.quota = new BoardQuota(this.doc, limits.maxBoardBytes, loaded.storedBytes);
    this.writer = new ServerWriter(this.doc, () => this.encodeState());
    this.doc.on('update', this.onDocUpdate);
  }

  /**
   * Loads a board from storage. Throws if storage fails: a blank board is never served in its place.
   * `onStoredState` hears the stored state as soon as it is read, when it alone is the board (no log
   * rows after it), before the document is built from it: a new client can start applying the same
   * bytes while the server does (RoomManager.acquire).
   */
  static async load(
    boardId: string, storage: BoardStorage, commit: GroupCommit, limits: BoardLogLimits, metrics: Metrics, epoch?: number,
    onStoredState?: (state: Uint8Array) => Promise<void>,
  ): Promise<BoardLog> {
    // A board deleted after its access check (a DELETE racing an upgrade) must not come back blank.
    if (!(await storage.getBoard(boardId))) throw new BoardGoneError(boardId);
    const stored = await storage.loadDocument(boardId);
    if (onStoredState && stored.state && stored.updates.length === 0) {
      // Building the document holds the event loop (~0.2 s for 5,000 cards): the bytes go out
      // first, as far as the socket takes them within a moment (a slow line gets the rest after).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([onStoredState(stored.state), new Promise((resolve) => (timer = setTimeout(resolve, EARLY_STATE_WAIT_MS)))]);
      clearTimeout(timer);
    }
    const loaded = documentFromStorage(boardId, stored);
    return new BoardLog(boardId, loaded, storage, commit, limits, metrics, epoch);
  }

  /**
   * What a client holds that was sent the stored state before the document was built: its own
   * state vector joined with the stored state's, so its sync step 1 is answered with only what
   * changed since the load, not the whole board again.
   */
  withLoadedState(stateVector: Uint8Array): Uint8Array {
    const have = Y.decodeStateVector(stateVector);
    for (const [client, clock] of this.loadedStateVector) if ((have.get(client) ?? 0) < clock) have.set(client, clock);
    return Y.encodeStateVector(have);
  }

  /** The whole board as one update: the stored bytes while the board is as loaded, else encoded now. */
  encodeState(): Uint8Array {
    return this.storedState ?? Y.encodeStateAsUpdate(this.doc);
  }

  /**
   * Checks a client's update before it is stored, in the order frames arrive. Throws
   * MalformedMessageError (not a Yjs update), UpdateRefusedError (breaks the schema) or
   * BoardTooLargeError (past the quota); nothing is stored then.
   */
  checkClientUpdate(update: Uint8Array): void {
    assertValidUpdate(update);
    this.guard.check(update);
    this.quota.check(update);
  }

  /**
   * Durable before broadcast: the update is in the log before the doc (and so any client) sees it.
   * Rejects when it could not be stored; then it is not applied either.
   */
  async storeThenApply(update: Uint8Array, origin: unknown): Promise<void> {
    const seq = await this.store(update);
    if (this.closed) return;
    // Applied before it is counted, so a compaction it triggers includes it.
    Y.applyUpdate(this.doc, update, origin);
    this.recordLogged(seq, update.byteLength);
  }

  /**
   * Makes a change on the server's behalf (an agreement, a vote's tallies, a restore, a migration)
   * as one ordinary update. `fn` runs on the server's mirror of the board (ServerWriter), not on
   * the live document; the update it makes takes the same path as a client's: stored, then applied
   * and sent to every client — the live document never holds what is not yet stored. Changes run
   * one at a time, so each sees the one before it and none depends on one that was not stored.
   * Rejects (and changes nothing anywhere) when `fn` throws or the update could not be stored.
   */
  applyServerChange(fn: (doc: Y.Doc) => void, origin: unknown = SERVER_ORIGIN): Promise<void> {
    const change = this.serverTurn.then(() => this.serverChange(fn, origin));
    this.serverTurn = change.catch(() => undefined);
    return change;
  }

  private async serverChange(fn: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    const update = this.writer.write(fn, origin);
    if (!update) return;
    try {
      await this.storeThenApply(update, origin);
    } catch (err) {
      // Not stored, so not applied: the mirror alone holds it, and is built again from the board.
      this.writer.drop();
      throw err;
    }
    // Unloaded meanwhile: stored (the next load has it), but the mirror follows no board any more.
    if (this.closed) this.writer.drop();
  }

  /** The one place an update is written to the log, with the lease epoch the fence checks. Resolves with its sequence number once durable. */
  private async store(update: Uint8Array): Promise<number> {
    try {
      return await this.commit.append(this.boardId, update, this.epoch);
    } catch (err) {
      if (err instanceof FencedError) this.fence();
      throw err;
    }
  }

  /** Another instance owns the board now: nothing more is written from here (told once). */
  fence(): void {
    if (this.fenced) return;
    this.fenced = true;
    this.onFenced?.();
  }

  get isFenced(): boolean {
    return this.fenced;
  }

  private recordLogged(seq: number, bytes: number): void {
    this.logRows++;
    this.logBytes += bytes;
    this.metrics.logLength.inc();
    if (seq > this.appliedSeq) this.appliedSeq = seq;
    this.lastEditAt = Date.now();
    if (this.logRows >= this.limits.compactAfterUpdates || this.logBytes >= this.limits.compactAfterBytes) {
      // A failed compaction loses nothing (the rows stay in the log) and is tried at the next bound.
      this.compact().catch((err: unknown) => (err instanceof FencedError ? this.fence() : console.error(`board ${this.boardId}: compaction failed`, err)));
    }
  }

  // Every update reaches the doc through storeThenApply, so whatever the doc hears is stored.
  private onDocUpdate = (update: Uint8Array): void => {
    this.storedState = null;
    this.quota.grew(update.byteLength);
  };

  /** Folds the log into one state row: state written first, then the rows it covers deleted, in one transaction. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    const run = async () => {
      const upToSeq = this.appliedSeq;
      const rows = this.logRows;
      const bytes = this.logBytes;
      const state = Y.encodeStateAsUpdate(this.doc);
      this.quota.measured(state.byteLength);
      await this.storage.compact(this.boardId, state, upToSeq, this.epoch);
      this.metrics.compactions.inc();
      this.metrics.logLength.dec(rows);
      // What was logged while the state was being written stays counted for the next compaction.
      this.logRows -= rows;
      this.logBytes -= bytes;
    };
    this.compacting = run().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /** Final flush before unload: everything pending is durable and compacted; then the doc is destroyed. */
  async close(): Promise<void> {
    await this.commit.flush();
    if (this.compacting) await this.compacting.catch(() => undefined);
    // A fenced log may not write: the next owner loaded what was stored and compacts it itself.
    if (this.logRows > 0 && !this.fenced) await this.compact().catch((err: unknown) => {
      if (!(err instanceof FencedError)) throw err;
      this.fenced = true;
    });
    this.closed = true;
    this.writer.drop();
    this.metrics.logLength.dec(this.logRows);
    this.doc.off('update', this.onDocUpdate);
    this.storedState = null;
    this.doc.destroy();
  }
}
