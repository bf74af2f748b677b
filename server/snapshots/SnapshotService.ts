// Named, immutable copies of a board: taken by hand, before a restore, and on a timer while a
// board is being edited; restored as one ordinary change that every client sees at once.
import * as Y from 'yjs';
import {
  AUTO_SNAPSHOT_LABEL, applyBoardJson, beforeRestoreLabel, commentStampsRecord, diffBoards, parseBoardJson, toBoardJson, type BoardDiff, type BoardJson, type CommentStamp,
} from '../../shared';
import type { BoardStorage, StoredSnapshot } from '../storage/BoardStorage';
import type { RoomManager } from '../sync/RoomManager';
import { newResourceId } from '../auth/tokens';
import { ConflictError, InternalError, NotFoundError } from '../errors';

/** Who took the snapshots the server takes by itself (a product name, the same in every language). */
const SERVER_AUTHOR = 'Målkart';

export interface TakeOptions {
  label: string;
  createdBy: string;
  auto?: boolean;
  /** Taken by hand over the API: counts against the board's snapshot quota. */
  byHand?: boolean;
}

export class SnapshotService {
  private lastAutoAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  /** Snapshots of one board taken by hand are counted and saved one at a time, so a burst cannot pass the quota. */
  private readonly handTaking = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: BoardStorage,
    private readonly rooms: RoomManager,
    private readonly autoKeep: number,
    /** Snapshots that are not automatic kept per board at most (each holds a whole board). */
    private readonly maxPerBoard = Infinity,
  ) {}

  async take(boardId: string, opts: TakeOptions): Promise<StoredSnapshot> {
    if (!opts.byHand) return this.save(boardId, opts);
    const before = this.handTaking.get(boardId) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(async () => {
      const kept = (await this.storage.listSnapshots(boardId)).filter((s) => !s.auto).length;
      if (kept >= this.maxPerBoard) {
        throw new ConflictError(
          'too_many_snapshots',
          `This board already has ${kept} snapshots, the most a board may keep (automatic ones not counted). Restore or export an older one instead.`,
        );
      }
      return this.save(boardId, opts);
    });
    this.handTaking.set(boardId, mine);
    try {
      return await mine;
    } finally {
      if (this.handTaking.get(boardId) === mine) this.handTaking.delete(boardId);
    }
  }

  private async save(boardId: string, { label, createdBy, auto = false }: TakeOptions): Promise<StoredSnapshot> {
    const { state, json } = await this.rooms.withRoom(boardId, (room) => ({ state: Y.encodeStateAsUpdate(room.doc), json: toBoardJson(room.doc) }));
    const summary: StoredSnapshot = {
      id: newResourceId(),
      boardId,
      label,
      createdAt: new Date().toISOString(),
      createdBy,
      auto,
      counts: { nodes: json.nodes.length, edges: json.edges.length },
    };
    await this.storage.saveSnapshot({ ...summary, state, json: JSON.stringify(json) });
    if (auto) await this.applyRetention(boardId);
    return summary;
  }

  list(boardId: string): Promise<StoredSnapshot[]> {
    return this.storage.listSnapshots(boardId);
  }

  /** The snapshot's interchange JSON; `live` is the board as it is now. */
  async board(boardId: string, snapshotId: string): Promise<BoardJson> {
    if (snapshotId === 'live') return this.rooms.withRoom(boardId, (room) => toBoardJson(room.doc));
    const snap = await this.storage.getSnapshot(boardId, snapshotId);
    if (!snap) throw new NotFoundError('snapshot_not_found', `There is no snapshot "${snapshotId}" of this board.`);
    return JSON.parse(snap.json) as BoardJson;
  }

  /** The server's stamps on the board's comments (#16 §4), as a plain record; they hold for a snapshot's messages too (ids never change). */
  commentStamps(boardId: string): Promise<Record<string, CommentStamp>> {
    return this.rooms.withRoom(boardId, (room) => commentStampsRecord(room.doc));
  }

  /** A snapshot's name and time with its board (the referat's start, #20 §2). */
  async withSummary(boardId: string, snapshotId: string): Promise<{ summary: StoredSnapshot; board: BoardJson }> {
    const snap = await this.storage.getSnapshot(boardId, snapshotId);
    if (!snap) throw new NotFoundError('snapshot_not_found', `There is no snapshot "${snapshotId}" of this board.`);
    const { state: _s, json, ...summary } = snap;
    return { summary, board: JSON.parse(json) as BoardJson };
  }

  /**
   * Takes a "before restore" snapshot, then makes the live board equal the snapshot as one change
   * (stored, then sent to every client). Restoring the "before" snapshot undoes it.
   */
  async restore(boardId: string, snapshotId: string, by: string): Promise<{ restored: StoredSnapshot; before: StoredSnapshot | null }> {
    const target = await this.storage.getSnapshot(boardId, snapshotId);
    if (!target) throw new NotFoundError('snapshot_not_found', `There is no snapshot "${snapshotId}" of this board.`);
    const parsed = parseBoardJson(JSON.parse(target.json));
    if (!parsed.ok) throw new InternalError('snapshot_unreadable', `The snapshot could not be read: ${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}`);
    // Named as data (see shared/snapshotLabel.ts): every client shows it in its own language.
    // A board the "before" snapshot cannot be made of (say it holds something no reader can use)
    // is exactly the one that needs restoring: the restore goes ahead without it, and says so.
    let before: StoredSnapshot | null = null;
    try {
      before = await this.take(boardId, { label: beforeRestoreLabel(target.label), createdBy: by, auto: false });
    } catch (err) {
      console.error(`board ${boardId}: the "before restore" snapshot could not be made; restoring without it`, err);
    }
    await this.rooms.withRoom(boardId, (room) => room.log.applyServerChange((doc) => applyBoardJson(doc, parsed.board, 'restore')));
    const { state: _s, json: _j, ...restored } = target;
    return { restored, before };
  }

  async diff(boardId: string, a: string, b: string): Promise<BoardDiff> {
    return diffBoards(await this.board(boardId, a), await this.board(boardId, b));
  }

  /** Keeps the newest `autoKeep` automatic snapshots; snapshots taken by hand are never removed. */
  private async applyRetention(boardId: string): Promise<void> {
    const autos = (await this.storage.listSnapshots(boardId)).filter((s) => s.auto);
    const extra = autos.slice(this.autoKeep).map((s) => s.id);
    if (extra.length) await this.storage.deleteSnapshots(boardId, extra);
  }

  /** Snapshots every loaded board edited since its last automatic snapshot. */
  async autoSnapshotTick(): Promise<void> {
    for (const room of await this.rooms.loadedRooms()) {
      if (room.isClosing) continue; // its last edits were snapshotted or are about to be unloaded; no reload for it
      const last = this.lastAutoAt.get(room.boardId) ?? 0;
      if (room.log.lastEditAt <= last) continue;
      this.lastAutoAt.set(room.boardId, Date.now());
      try {
        // Named as data (shared/snapshotLabel.ts): each client shows it in its own language.
        await this.take(room.boardId, { label: AUTO_SNAPSHOT_LABEL, createdBy: SERVER_AUTHOR, auto: true });
      } catch (err) {
        console.error(`automatic snapshot of ${room.boardId} failed`, err);
      }
    }
  }

  startTimer(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.autoSnapshotTick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
