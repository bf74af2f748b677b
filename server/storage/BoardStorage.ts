// The one storage interface the rooms and routes use. Promises throughout, although SQLite
// answers synchronously, so a PostgreSQL store can drop in without touching the rooms.

import type { StorageHealth } from './storageHealth';

export type Role = 'owner' | 'editor' | 'viewer';

export interface TokenHashes {
  owner: string;
  editor: string;
  viewer: string;
}

export interface BoardRecord {
  id: string;
  createdAt: string;
  tokens: TokenHashes;
}

/** What a board's document is made of on disk: the latest compacted state and the log after it. */
export interface StoredDocument {
  state: Uint8Array | null;
  updates: { seq: number; update: Uint8Array }[];
}

export interface SnapshotRecord {
  id: string;
  boardId: string;
  label: string;
  createdAt: string;
  createdBy: string;
  auto: boolean;
  counts: { nodes: number; edges: number };
  /** Encoded Y state (Y.encodeStateAsUpdate). */
  state: Uint8Array;
  /** The interchange JSON, as text. */
  json: string;
}
export type SnapshotSummary = Omit<SnapshotRecord, 'state' | 'json'>;

export interface LogEntry {
  boardId: string;
  update: Uint8Array;
}

export interface BoardStorage {
  createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | undefined>;
  setTokens(id: string, tokens: TokenHashes): Promise<void>;
  /** Removes the board with its log, state and snapshots. */
  deleteBoard(id: string): Promise<void>;

  loadDocument(id: string): Promise<StoredDocument>;
  /** Appends updates of one or more boards in one transaction; resolves when they are durable, with their sequence numbers. */
  appendUpdates(entries: readonly LogEntry[]): Promise<number[]>;
  /** Writes `state` as the board's compacted state and then deletes log rows up to `upToSeq`, in one transaction. */
  compact(id: string, state: Uint8Array, upToSeq: number): Promise<void>;

  saveSnapshot(snapshot: SnapshotRecord): Promise<void>;
  listSnapshots(boardId: string): Promise<SnapshotSummary[]>;
  getSnapshot(boardId: string, snapshotId: string): Promise<SnapshotRecord | undefined>;
  deleteSnapshots(boardId: string, snapshotIds: readonly string[]): Promise<void>;

  close(): Promise<void>;

  /** How the store is (full, read-only, failing), for /healthz; stores without faults of their own leave it out. */
  checkHealth?(): Promise<StorageHealth>;
}
