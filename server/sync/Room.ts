// One loaded board: its Y.Doc and awareness, the connections that share it, and the path every
// update takes — check, store durably, apply, then fan out (docs/design.md "Sync and persistence").
import * as Y from 'yjs';
import type { BoardStorage } from '../storage/BoardStorage';
import type { Metrics } from '../metrics';
import type { GroupCommit } from './GroupCommit';
import { Connection } from './Connection';
import { RoomAwareness } from './RoomAwareness';
import { SyncAnswers } from './SyncAnswers';
import { BoardQuota, BoardTooLargeError } from './BoardQuota';
import { facilitatorOf } from '../../shared';
import { UpdateGuard, UpdateRefusedError } from './updateGuard';

/** The board is not in storage: deleted, or never there. */
export class BoardGoneError extends Error {}
import {
  CLOSE, MalformedMessageError, UnsupportedMessageError, assertValidUpdate, decodeIncoming, encodeAwarenessFrame, encodeSyncStep1, encodeUpdate,
} from '../protocol';

export interface RoomLimits {
  compactAfterUpdates: number;
  compactAfterBytes: number;
  /** Awareness changes are sent out in batches, one per this many ms. */
  awarenessFlushMs: number;
  /** Sync step 1 requests answered per connection; later ones are ignored. */
  maxSyncStep1PerConnection: number;
  /** Largest board, in bytes of its encoded state; an update that would pass it is refused. */
  maxBoardBytes: number;
}

/** Origin of changes the server makes itself (a restore); they are stored before they are sent. */
export const SERVER_ORIGIN = Symbol('server');

export class Room {
  readonly connections = new Set<Connection>();
  readonly awareness: RoomAwareness;
  private readonly answers: SyncAnswers;
  private readonly quota: BoardQuota;
  private facilitatorId: string | undefined;
  /** Log rows (and their bytes) written since the last compaction. */
  private logRows: number;
  private logBytes = 0;
  /** Highest log sequence number whose update is applied to `doc`. */
  private appliedSeq: number;
  private compacting: Promise<void> | null = null;
  private closed = false;
  private closing = false;
  /** Refuses an edit that writes what the board's schema forbids, before it is stored. */
  private readonly guard: UpdateGuard;
  lastEditAt = 0;
  readonly loadedAt = Date.now();
  onEmpty: (() => void) | null = null;

  private constructor(
    readonly boardId: string,
    readonly doc: Y.Doc,
    storedRows: number,
    lastSeq: number,
    storedBytes: number,
    private readonly storage: BoardStorage,
    private readonly log: GroupCommit,
    private readonly limits: RoomLimits,
    private readonly metrics: Metrics,
  ) {
    this.logRows = storedRows;
    this.appliedSeq = lastSeq;
    this.metrics.logLength.inc(storedRows);
    this.guard = new UpdateGuard(doc);
    this.facilitatorId = facilitatorOf(doc)?.participantId;
    this.awareness = new RoomAwareness(
      (frame) => {
        for (const conn of this.connections) conn.send(frame);
      },
      () => this.facilitatorId,
      metrics,
      limits.awarenessFlushMs,
    );
    this.answers = new SyncAnswers(doc, limits.maxSyncStep1PerConnection, metrics);
    this.quota = new BoardQuota(doc, limits.maxBoardBytes, storedBytes);
    doc.on('update', this.onDocUpdate);
  }

  /** Loads a board from storage. Throws if storage fails: a blank board is never served in its place. */
  static async load(boardId: string, storage: BoardStorage, log: GroupCommit, limits: RoomLimits, metrics: Metrics): Promise<Room> {
    // A board deleted after its access check (a DELETE racing an upgrade) must not come back blank.
    if (!(await storage.getBoard(boardId))) throw new BoardGoneError(`board ${boardId} does not exist (it may just have been deleted)`);
    const stored = await storage.loadDocument(boardId);
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
    return new Room(boardId, doc, stored.updates.length, lastSeq, storedBytes, storage, log, limits, metrics);
  }

  addConnection(conn: Connection): void {
    this.connections.add(conn);
    this.metrics.connections.inc({ role: conn.role });
    conn.send(encodeSyncStep1(this.doc));
    const states = this.awareness.encodeAll();
    if (states) conn.send(states);
  }

  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.metrics.connections.dec({ role: conn.role });
    this.awareness.removeConnection(conn);
    this.answers.forget(conn);
    if (this.connections.size === 0) this.onEmpty?.();
  }

  closeConnections(close: { code: number; reason: string }, which: (c: Connection) => boolean = () => true): void {
    for (const conn of [...this.connections]) {
      if (!which(conn)) continue;
      conn.close(close);
      this.removeConnection(conn);
    }
  }

  /** Handles one frame. A malformed frame closes only its own connection. */
  handleFrame(conn: Connection, frame: Uint8Array): void {
    this.metrics.bytesIn.inc(frame.byteLength);
    // A closed connection (bad frame, rotated token, deleted board) may still have frames in
    // flight, or a peer that ignores the close: none of them count.
    if (conn.closed) return;
    const admission = conn.admit(frame);
    if (admission === 'drop') return;
    if (admission === 'close') {
      conn.close(CLOSE.overBudget);
      this.removeConnection(conn);
      return;
    }
    try {
      const msg = decodeIncoming(frame);
      switch (msg.type) {
        case 'syncStep1': {
          const answer = this.answers.answer(conn, msg.stateVector);
          if (answer) conn.send(answer);
          break;
        }
        case 'syncStep2':
        case 'syncUpdate':
          if (!conn.canEdit) {
            this.metrics.viewerUpdatesDropped.inc();
            break;
          }
          assertValidUpdate(msg.update);
          this.guard.check(msg.update);
          this.quota.check(msg.update);
          void this.receiveUpdate(conn, msg.update);
          break;
        case 'awareness':
          this.awareness.receive(conn, msg.update);
          break;
        case 'queryAwareness':
          conn.send(this.awareness.encodeAll() ?? encodeAwarenessFrame([]));
          break;
      }
    } catch (err) {
      if (err instanceof BoardTooLargeError) {
        this.metrics.rejectedMessages.inc({ reason: 'board_too_large' });
        conn.close(CLOSE.boardTooLarge);
        this.removeConnection(conn);
        return;
      }
      if (err instanceof UpdateRefusedError) {
        this.metrics.rejectedMessages.inc({ reason: 'schema' });
        conn.close({ code: err.close.code, reason: `${err.close.reason}: ${err.message}`.slice(0, 120) });
        this.removeConnection(conn);
        return;
      }
      const close = err instanceof UnsupportedMessageError ? CLOSE.unsupportedData : CLOSE.malformed;
      this.metrics.rejectedMessages.inc({ reason: err instanceof UnsupportedMessageError ? 'unsupported' : 'malformed' });
      if (!(err instanceof MalformedMessageError || err instanceof UnsupportedMessageError)) console.error('unexpected error in frame handling', err);
      conn.close({ code: close.code, reason: `${close.reason}: ${(err as Error).message}`.slice(0, 120) });
      this.removeConnection(conn);
    }
  }

  /** Durable before broadcast: the update is in the log before the doc (and so any client) sees it. */
  private async receiveUpdate(conn: Connection, update: Uint8Array): Promise<void> {
    try {
      await this.storeAndApply(update, conn);
    } catch (err) {
      // Not stored, so not applied: the client keeps it and sends it again when it reconnects.
      console.error(`board ${this.boardId}: could not store an update`, err);
      conn.close(CLOSE.storageFailed);
      this.removeConnection(conn);
      return;
    }
    this.metrics.updatesIn.inc();
  }

  /**
   * Makes a change on the server's behalf (a restore) as one ordinary update. `fn` runs on a copy
   * of the board; the update it makes takes the same path as a client's: stored, then applied and
   * sent to every client — the live doc never holds what is not yet stored.
   */
  async change(fn: (doc: Y.Doc) => void, origin: unknown = SERVER_ORIGIN): Promise<void> {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    let update: Uint8Array | null = null;
    copy.on('update', (u: Uint8Array) => (update = u));
    copy.transact(() => fn(copy), origin);
    copy.destroy();
    if (update) await this.storeAndApply(update, origin);
  }

  /** Log first, then the doc; applied before it is counted, so a compaction it triggers includes it. */
  private async storeAndApply(update: Uint8Array, origin: unknown): Promise<void> {
    const seq = await this.log.append(this.boardId, update);
    if (this.closed) return;
    Y.applyUpdate(this.doc, update, origin);
    this.recordLogged(seq, update.byteLength);
  }

  private recordLogged(seq: number, bytes: number): void {
    this.logRows++;
    this.logBytes += bytes;
    this.metrics.logLength.inc();
    if (seq > this.appliedSeq) this.appliedSeq = seq;
    this.lastEditAt = Date.now();
    if (this.logRows >= this.limits.compactAfterUpdates || this.logBytes >= this.limits.compactAfterBytes) {
      // A failed compaction loses nothing (the rows stay in the log) and is tried at the next bound.
      this.compact().catch((err: unknown) => console.error(`board ${this.boardId}: compaction failed`, err));
    }
  }

  // Every update reaches the doc through storeAndApply, so whatever the doc hears is stored.
  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.answers.changed();
    this.quota.grew(update.byteLength);
    this.broadcastUpdate(update, origin instanceof Connection ? origin : null);
    const facilitatorId = facilitatorOf(this.doc)?.participantId;
    if (facilitatorId !== this.facilitatorId) {
      this.facilitatorId = facilitatorId;
      this.awareness.facilitatorChanged();
    }
  };

  /** Encodes once, sends to every other connection. */
  private broadcastUpdate(update: Uint8Array, except: Connection | null): void {
    const frame = encodeUpdate(update);
    for (const conn of this.connections) {
      if (conn === except) continue;
      this.metrics.updatesOut.inc();
      conn.send(frame);
    }
  }

  /** Folds the log into one state row: state written first, then the rows it covers deleted, in one transaction. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    const run = async () => {
      const upToSeq = this.appliedSeq;
      const rows = this.logRows;
      const bytes = this.logBytes;
      const state = Y.encodeStateAsUpdate(this.doc);
      this.quota.measured(state.byteLength);
      await this.storage.compact(this.boardId, state, upToSeq);
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

  /** When someone last edited or (with a name) moved here; the load counts as activity. */
  get lastActiveAt(): number {
    return Math.max(this.loadedAt, this.lastEditAt, this.awareness.lastActiveAt);
  }

  /** Nobody here has a name in their presence: sockets that only hold the board open. */
  get isAnonymous(): boolean {
    return !this.awareness.hasNamedPeople;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** True from the moment an unload begins: a connection that arrives now must go elsewhere. */
  get isClosing(): boolean {
    return this.closing;
  }

  /** Final flush before unload: everything pending is durable and compacted. */
  async close(): Promise<void> {
    this.closing = true;
    await this.log.flush();
    if (this.compacting) await this.compacting;
    if (this.logRows > 0) await this.compact();
    this.closed = true;
    this.metrics.logLength.dec(this.logRows);
    this.awareness.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
  }
}
