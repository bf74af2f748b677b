// One open board as people see it: the connections that share it, their frames, awareness, and
// fan-out. What is stored and how (check, store, apply, compact) is the board's `BoardLog`; the
// room hears every update the log applied and sends it on (docs/design.md "Sync and persistence").
import type * as Y from 'yjs';
import type { Metrics } from '../metrics';
import type { GroupCommit } from './GroupCommit';
import { FencedError, type BoardStorage } from '../storage/BoardStorage';
import { BoardLog, type BoardLogLimits } from './BoardLog';
import { Connection, type ConnectionHost } from './Connection';
import { RoomAwareness } from './RoomAwareness';
import { SyncAnswers } from './SyncAnswers';
import { BoardTooLargeError } from './BoardQuota';
import { facilitatorOf } from '../../shared';
import { UpdateRefusedError } from './updateGuard';
import { CommentStamper } from '../trust/CommentStamper';
import {
  CLOSE, MalformedMessageError, UnsupportedMessageError, decodeIncoming, encodeAwarenessFrame, encodeSyncStep1, encodeUpdate, isEmptyUpdate, type CloseEvent,
} from '../protocol';

export interface RoomLimits extends BoardLogLimits {
  /** Awareness changes are sent out in batches, one per this many ms. */
  awarenessFlushMs: number;
  /** Sync step 1 requests answered per connection; later ones are ignored. */
  maxSyncStep1PerConnection: number;
}

export class Room implements ConnectionHost {
  readonly connections = new Set<Connection>();
  readonly awareness: RoomAwareness;
  private readonly answers: SyncAnswers;
  /** Stamps the comment acts clients send with the server's time and their identity (#16 §4). */
  private readonly stamper: CommentStamper;
  private facilitatorId: string | undefined;
  private closing = false;
  readonly loadedAt = Date.now();
  onEmpty: (() => void) | null = null;
  /** Called once when the fence refuses this board's writes: another instance owns it now. */
  onFenced: (() => void) | null = null;

  private constructor(
    /** The board's document and its durable log: every change to `doc` goes through it. */
    readonly log: BoardLog,
    limits: RoomLimits,
    private readonly metrics: Metrics,
  ) {
    this.facilitatorId = facilitatorOf(log.doc)?.participantId;
    this.awareness = new RoomAwareness(
      (frame) => {
        for (const conn of this.connections) conn.send(frame);
      },
      () => this.facilitatorId,
      metrics,
      limits.awarenessFlushMs,
    );
    this.answers = new SyncAnswers(log.doc, limits.maxSyncStep1PerConnection, metrics, () => log.encodeState());
    log.doc.on('update', this.onApplied);
    this.stamper = new CommentStamper(log);
    log.onFenced = () => this.onFenced?.();
  }

  /** Loads a board from storage (BoardLog.load: throws rather than serve a blank board). */
  static async load(
    boardId: string, storage: BoardStorage, commit: GroupCommit, limits: RoomLimits, metrics: Metrics, epoch?: number,
    onStoredState?: (state: Uint8Array) => Promise<void>,
  ): Promise<Room> {
    return new Room(await BoardLog.load(boardId, storage, commit, limits, metrics, epoch, onStoredState), limits, metrics);
  }

  /** The lease epoch its writes carry (STORE=postgres); undefined on a single instance. */
  get epoch(): number | undefined {
    return this.log.epoch;
  }

  /** Another instance owns the board (a renewal found the lease gone): nothing more is written; onFenced is called once. */
  fence(): void {
    this.log.fence();
  }

  get isFenced(): boolean {
    return this.log.isFenced;
  }

  get boardId(): string {
    return this.log.boardId;
  }

  /** The live document: read it freely, change it only through `log`. */
  get doc(): Y.Doc {
    return this.log.doc;
  }

  addConnection(conn: Connection): void {
    this.connections.add(conn);
    this.metrics.connections.inc({ role: conn.role });
    conn.send(encodeSyncStep1(this.doc));
    const states = this.awareness.encodeAll();
    if (states) conn.send(states);
  }

  /** A connection left (Connection.close or its socket closed); called once or more, counted once. */
  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.metrics.connections.dec({ role: conn.role });
    this.awareness.removeConnection(conn);
    this.answers.forget(conn);
    if (this.connections.size === 0) this.onEmpty?.();
  }

  closeConnections(close: CloseEvent, which: (c: Connection) => boolean = () => true): void {
    for (const conn of [...this.connections]) if (which(conn)) conn.close(close);
  }

  /** Handles one admitted frame. A malformed or refused frame closes only its own connection. */
  handleFrame(conn: Connection, frame: Uint8Array): void {
    try {
      const msg = decodeIncoming(frame);
      switch (msg.type) {
        case 'syncStep1': {
          // A client sent the stored state while the room loaded asks for what it still lacks after it.
          const answer = this.answers.answer(conn, conn.sentLoadedState ? this.log.withLoadedState(msg.stateVector) : msg.stateVector);
          if (answer) conn.send(answer);
          break;
        }
        case 'syncStep2':
        case 'syncUpdate':
          if (!conn.canEdit) {
            this.metrics.viewerUpdatesDropped.inc();
            break;
          }
          // A new client's answer to our step 1 is usually empty: nothing to check, store or send on.
          if (isEmptyUpdate(msg.update)) break;
          this.log.checkClientUpdate(msg.update);
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
      conn.close(this.refusal(err));
    }
  }

  /** The close event for a frame that failed, counted by reason. */
  private refusal(err: unknown): CloseEvent {
    if (err instanceof BoardTooLargeError) {
      this.metrics.rejectedMessages.inc({ reason: 'board_too_large' });
      return CLOSE.boardTooLarge;
    }
    if (err instanceof UpdateRefusedError) {
      this.metrics.rejectedMessages.inc({ reason: 'schema' });
      // The schema's 4422, or 4423 for records only the server writes (#16).
      return { code: err.close.code, reason: `${err.close.reason}: ${err.message}`.slice(0, 120) };
    }
    const unsupported = err instanceof UnsupportedMessageError;
    const close = unsupported ? CLOSE.unsupportedData : CLOSE.malformed;
    this.metrics.rejectedMessages.inc({ reason: unsupported ? 'unsupported' : 'malformed' });
    if (!(err instanceof MalformedMessageError || unsupported)) console.error('unexpected error in frame handling', err);
    return { code: close.code, reason: `${close.reason}: ${(err as Error).message}`.slice(0, 120) };
  }

  private async receiveUpdate(conn: Connection, update: Uint8Array): Promise<void> {
    try {
      await this.log.storeThenApply(update, conn);
    } catch (err) {
      // Not stored, so not applied: the client keeps it and sends it again when it reconnects —
      // to the new owner, when the fence refused it (the room manager then closes every connection).
      if (err instanceof FencedError) return;
      console.error(`board ${this.boardId}: could not store an update`, err);
      conn.close(CLOSE.storageFailed);
      return;
    }
    this.metrics.updatesIn.inc();
  }

  // The log applies only what it stored, so whatever the doc hears may be sent on.
  private onApplied = (update: Uint8Array, origin: unknown): void => {
    this.answers.changed();
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

  /** When someone last edited or (with a name) moved here; the load counts as activity. */
  get lastActiveAt(): number {
    return Math.max(this.loadedAt, this.log.lastEditAt, this.awareness.lastActiveAt);
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
    await this.log.close();
    this.stamper.destroy();
    this.awareness.destroy();
    this.doc.off('update', this.onApplied);
  }
}
