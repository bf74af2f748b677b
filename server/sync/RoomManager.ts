// Owns the loaded rooms: one loading promise per board, unload after the last client leaves
// (after a final flush), a bound on how many are loaded, and an orderly shutdown.
import type { BoardStorage } from '../storage/BoardStorage';
import type { ServerConfig } from '../config';
import type { Metrics } from '../metrics';
import { GroupCommit } from './GroupCommit';
import { Room } from './Room';
import { hasPlainTexts, migrateTexts } from '../../shared';
import type { Connection } from './Connection';
import { CLOSE, type CloseEvent } from '../protocol';
import { BoardGoneError, BoardLoadError, OwnedElsewhereError, TooManyBoardsError } from '../errors';

/**
 * Board ownership across instances (server/cluster/Cluster.ts): a board is loaded only with its
 * lease, whose epoch fences every write, and given up after the final flush. `take` throws when
 * another instance owns the board (OwnedElsewhereError, which reaches the caller unchanged) or
 * BoardGoneError when it does not exist.
 */
export interface BoardOwnership {
  take(boardId: string): Promise<number>;
  release(boardId: string, epoch: number): Promise<void>;
  /** The lease is gone without a write of ours having been refused yet: forget it. */
  forget(boardId: string, epoch: number): void;
}

/**
 * An older board holds card titles as plain strings: they are turned into Y.Texts once, here, as
 * one stored change before any client syncs (shared/migrateTexts.ts), so no two clients race to do it.
 */
async function migrateOnLoad(room: Room): Promise<Room> {
  if (!hasPlainTexts(room.doc)) return room;
  try {
    await room.log.applyServerChange((doc) => migrateTexts(doc, 'migrate-texts'));
  } catch (err) {
    await room.close().catch(() => undefined);
    throw err;
  }
  return room;
}

/** A load under way: who hears its stored state, and whether it was read already. */
interface Loading {
  listeners: Set<(state: Uint8Array) => Promise<void> | void>;
  read: boolean;
}

export class RoomManager {
  readonly log: GroupCommit;
  private rooms = new Map<string, Promise<Room>>();
  private unloading = new Map<string, Promise<void>>();
  private unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Boards being loaded, with whoever waits to hear the stored state (see acquire). */
  private loading = new Map<string, Loading>();

  constructor(
    private readonly storage: BoardStorage,
    private readonly config: ServerConfig,
    private readonly metrics: Metrics,
    private readonly ownership: BoardOwnership | null = null,
  ) {
    this.log = new GroupCommit(storage, config.groupCommitMs, metrics);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /**
   * The loaded room of a board, loading it (once, however many ask at the same time) if needed.
   * `onStoredState`, while this call loads the board or waits for a load under way, hears the
   * board's stored state (the whole board as one update, when the store holds no log rows after
   * it) as soon as it is read and before the room is built from it: a new client can apply it
   * while the server does, instead of after (the cold first sync of a large board).
   */
  async acquire(boardId: string, onStoredState?: (state: Uint8Array) => Promise<void> | void): Promise<Room> {
    const pending = this.unloading.get(boardId);
    if (pending) await pending;
    this.cancelUnload(boardId);
    let room = this.rooms.get(boardId);
    if (!room && this.rooms.size >= this.config.maxLoadedBoards) {
      await this.evictIdle();
      if (!this.rooms.has(boardId) && this.rooms.size >= this.config.maxLoadedBoards) await this.evictLeastActive();
      // Someone else may have loaded this board while we waited: one room per board, always.
      room = this.rooms.get(boardId);
    }
    if (!room) {
      if (this.rooms.size >= this.config.maxLoadedBoards) {
        throw new TooManyBoardsError(this.rooms.size);
      }
      room = this.load(boardId).then(
        (r) => {
          r.onEmpty = () => this.scheduleUnload(boardId);
          r.onFenced = () => void this.drop(r).catch((err: unknown) => console.error(`board ${boardId}: dropping a fenced room failed`, err));
          this.metrics.boardsLoaded.set(this.rooms.size);
          return r;
        },
        (err: unknown) => {
          this.rooms.delete(boardId);
          if (err instanceof BoardGoneError || err instanceof OwnedElsewhereError) throw err;
          this.metrics.loadFailures.inc();
          throw new BoardLoadError(boardId, err);
        },
      );
      this.rooms.set(boardId, room);
    }
    const loading = this.loading.get(boardId);
    if (onStoredState && loading && !loading.read) loading.listeners.add(onStoredState);
    return room;
  }

  /** With ownership: the lease first (its epoch goes with every write), given back if the load fails. */
  private async load(boardId: string): Promise<Room> {
    const loading: Loading = { listeners: new Set(), read: false };
    this.loading.set(boardId, loading);
    /** Tells the listeners; resolves when what they sent is on its way. */
    const heard = async (state: Uint8Array) => {
      loading.read = true;
      const sent = [...loading.listeners].map(async (listener) => listener(state));
      loading.listeners.clear();
      await Promise.all(sent.map((p) => p.catch((err: unknown) => console.error(`board ${boardId}: sending the stored state failed`, err))));
    };
    let epoch: number | undefined;
    try {
      if (this.ownership) epoch = await this.ownership.take(boardId);
      try {
        return await Room.load(boardId, this.storage, this.log, this.config, this.metrics, epoch, heard).then(migrateOnLoad);
      } catch (err) {
        if (epoch !== undefined) await this.ownership!.release(boardId, epoch).catch(() => undefined);
        throw err;
      }
    } finally {
      if (this.loading.get(boardId) === loading) this.loading.delete(boardId);
    }
  }

  /**
   * Called once per room, by `room.fence()`. Another instance took the board (a write was fenced, or a renewal found the lease moved on): its
   * clients are closed with 4512 and reconnect — through any instance — to the new owner, resending
   * from their own documents whatever this room had not stored. Nothing here is written again.
   */
  private async drop(room: Room): Promise<void> {
    if (room.epoch !== undefined) this.ownership?.forget(room.boardId, room.epoch);
    this.metrics.fenced.inc();
    room.closeConnections(CLOSE.boardMoved);
    if ((await this.rooms.get(room.boardId)?.catch(() => null)) === room) await this.unload(room.boardId);
  }

  /** The renewal found the lease taken: drops the room that held it with that epoch. */
  async leaseLost(boardId: string, epoch: number): Promise<void> {
    const room = await this.loaded(boardId);
    if (room && room.epoch === epoch) room.fence(); // once: the room calls drop through onFenced
  }

  /** Runs `fn` on a board's room; a room nobody is connected to is unloaded again later. */
  async withRoom<T>(boardId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      return await fn(room);
    } finally {
      if (room.connectionCount === 0) this.scheduleUnload(boardId);
    }
  }

  /** False when the room began unloading after it was acquired (its board deleted, the server stopping). */
  addConnection(room: Room, conn: Connection): boolean {
    if (room.isClosing) return false;
    this.cancelUnload(room.boardId);
    room.addConnection(conn);
    return true;
  }

  scheduleUnload(boardId: string): void {
    this.cancelUnload(boardId);
    const timer = setTimeout(() => {
      this.unloadIfIdle(boardId).catch((err: unknown) => console.error(`board ${boardId}: unload failed`, err));
    }, this.config.unloadDelayMs);
    timer.unref();
    this.unloadTimers.set(boardId, timer);
  }

  private cancelUnload(boardId: string): void {
    const t = this.unloadTimers.get(boardId);
    if (t) clearTimeout(t);
    this.unloadTimers.delete(boardId);
  }

  private async unloadIfIdle(boardId: string): Promise<void> {
    const room = await this.rooms.get(boardId)?.catch(() => null);
    if (room && room.connectionCount === 0) await this.unload(boardId);
  }

  /** Final flush, then forget the room. */
  async unload(boardId: string): Promise<void> {
    this.cancelUnload(boardId);
    const running = this.unloading.get(boardId);
    if (running) return running; // a second caller waits for the same close, never closes twice
    const roomPromise = this.rooms.get(boardId);
    if (!roomPromise) return;
    const run = (async () => {
      const room = await roomPromise.catch(() => null);
      try {
        if (room) await room.close();
      } finally {
        this.rooms.delete(boardId);
        this.metrics.boardsLoaded.set(this.rooms.size);
        // Given up only after the final flush, so the next owner loads everything this one stored.
        if (room && room.epoch !== undefined && !room.isFenced) await this.ownership?.release(boardId, room.epoch).catch((err: unknown) => console.error(`board ${boardId}: lease release failed`, err));
      }
    })();
    this.unloading.set(boardId, run);
    try {
      await run;
    } finally {
      this.unloading.delete(boardId);
    }
  }

  private async evictIdle(): Promise<void> {
    for (const boardId of [...this.unloadTimers.keys()]) await this.unload(boardId);
  }

  /**
   * Still full, with every board open somewhere: the board that has waited longest without anyone
   * working on it gives way — anonymous ones (sockets without a name) before named ones — if it has
   * been idle for EVICT_IDLE_MS. Its clients are told (4509) and reconnect when they act again.
   * Boards in use are never unloaded: then the newcomer is refused (503), not the people working.
   */
  private async evictLeastActive(now = Date.now()): Promise<void> {
    const rooms = await this.loadedRooms();
    let victim: Room | null = null;
    for (const r of rooms) {
      if (r.isClosing || now - r.lastActiveAt < this.config.evictIdleMs) continue;
      if (!victim || (r.isAnonymous && !victim.isAnonymous) || (r.isAnonymous === victim.isAnonymous && r.lastActiveAt < victim.lastActiveAt)) victim = r;
    }
    if (!victim) return;
    this.metrics.evictions.inc();
    await this.closeBoard(victim.boardId, CLOSE.evicted);
  }

  /** Closes every connection of a board with `close`, then unloads it. */
  async closeBoard(boardId: string, close: CloseEvent): Promise<void> {
    const room = await this.rooms.get(boardId)?.catch(() => null);
    if (!room) return;
    room.closeConnections(close);
    await this.unload(boardId);
  }

  /** Every room that finished loading. */
  async loadedRooms(): Promise<Room[]> {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => null)));
    return rooms.filter((r): r is Room => r !== null);
  }

  /** The room if it is loaded, without loading it. */
  async loaded(boardId: string): Promise<Room | undefined> {
    return (await this.rooms.get(boardId)?.catch(() => undefined)) ?? undefined;
  }

  async shutdown(close: CloseEvent): Promise<void> {
    const ids = [...this.rooms.keys()];
    for (const id of ids) {
      const room = await this.rooms.get(id)?.catch(() => null);
      room?.closeConnections(close);
    }
    await this.log.flush();
    await Promise.all(ids.map((id) => this.unload(id)));
  }
}
