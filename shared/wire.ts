// The contract between client and server, in one place: the roles a link gives, the token set,
// the board and snapshot summaries the REST API returns, the shape of every error body, and the
// WebSocket close codes. client/api.ts and server/ both import it. Types and constants only: no I/O.

/** What a share link lets its holder do, from most to least. */
export type Role = 'owner' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

/** One value per role: the share-link tokens of a board (or, on the server, their hashes). */
export interface TokenSet {
  owner: string;
  editor: string;
  viewer: string;
  /** Editor links bound to a side (#16): they edit, and agree for their own side only. Boards made before have none until the owner makes new links. */
  stat?: string;
  kommune?: string;
}

/**
 * Which share links still open a board (issue #17): `all` (as before sign-in existed), `viewer`
 * (only the viewer link, e.g. for a public screen) or `none` (members only).
 */
export type LinkPolicy = 'all' | 'viewer' | 'none';
export const LINK_POLICIES: readonly LinkPolicy[] = ['all', 'viewer', 'none'];

/** POST /api/boards answers with the new board's id and its three tokens (shown once). */
export interface CreatedBoard {
  id: string;
  tokens: TokenSet;
  /** With sign-in: `none`, the board is for its members until the owner opens links. Absent without sign-in. */
  links?: LinkPolicy;
}

/**
 * GET /api/boards/:id/access: what the caller may do on the board, without its content — read
 * without loading the board, so the socket that follows is the first to load it (and may be sent
 * the stored state while the server builds the board). The board page opens with this.
 */
export interface AccessSummary {
  id: string;
  createdAt: string;
  role: Role;
  /** With sign-in (issue #17): which share links open the board; absent = all. */
  links?: LinkPolicy;
  /** With sign-in: the caller as a verified member (name from the identity provider, side from the membership). */
  member?: { sub: string; name: string; side: 'stat' | 'kommune' | 'brukerrep' | 'tillitsvalgt' | 'gjest' };
  /** Which of the board's links the caller holds (shared/trust.ts); a stat or kommune link also names its side. */
  link?: 'owner' | 'editor' | 'viewer' | 'stat' | 'kommune';
  side?: 'stat' | 'kommune';
}

/** GET /api/boards/:id: what the board is, seen with the caller's link: its access and its title and size. */
export interface BoardSummary extends AccessSummary {
  meta: { title?: string; municipality?: string; language?: string };
  counts: { nodes: number; edges: number };
}

/** One snapshot as the API lists it (its content is fetched on its own). */
export interface SnapshotSummary {
  id: string;
  /** A free label; one the server made is stored as data (shared/snapshotLabel.ts) and shown in each reader's language. */
  label: string;
  createdAt: string;
  createdBy: string;
  auto: boolean;
  counts: { nodes: number; edges: number };
}

/** POST …/snapshots/:sid/restore. `before` (taken just before, so restoring it undoes the restore) is null when it could not be made. */
export interface RestoreResult {
  restored: SnapshotSummary;
  before: SnapshotSummary | null;
}

/** Where in a request something is wrong (a path into the JSON), and what. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** Every error the API (and a refused WebSocket upgrade) answers with: `{ "error": { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** How the server ends a WebSocket: the code the client acts on, and a reason for people. */
export interface CloseEvent {
  code: number;
  reason: string;
}

/**
 * Every close code the server sends. y-websocket treats 4400–4499 as final (it stops
 * reconnecting) and every other code as transient, so a client that fell behind or met a
 * restart comes back.
 */
export const CLOSE = {
  /** A text frame: the protocol is binary. */
  textFrame: { code: 1003, reason: 'binary messages only' },
  unsupportedData: { code: 1003, reason: 'unknown message type' },
  malformed: { code: 1007, reason: 'malformed message' },
  tooLarge: { code: 1009, reason: 'message too large' },
  serverRestart: { code: 1012, reason: 'server restarting' },
  /** This link was rotated or revoked; final. */
  tokenRevoked: { code: 4403, reason: 'access token was rotated or revoked' },
  /** The board was deleted; final. */
  boardDeleted: { code: 4404, reason: 'board was deleted' },
  /** An update would take the board past its size quota (MAX_BOARD_BYTES); final, resending it would fail again. */
  boardTooLarge: { code: 4413, reason: 'board is at its size limit; this change was not saved' },
  /** An edit wrote what the board's schema forbids: it was neither stored nor sent on; final. */
  updateRefused: { code: 4422, reason: 'update refused: it breaks the board schema' },
  /** An edit wrote records only the server writes (agreements, votes, ballots, comment stamps): neither stored nor sent on; final (#16). */
  serverWritten: { code: 4423, reason: 'update refused: agreements, votes and stamps are written by the server only' },
  /** Storage failed; the update was not stored and the client keeps it; transient. */
  storageFailed: { code: 4503, reason: 'storage failed; try again later' },
  /** The client read too slowly; transient, it reconnects and resyncs. */
  tooFarBehind: { code: 4508, reason: 'connection too far behind; reconnect to resync' },
  /** The server needed the room for boards in use and unloaded this idle one; transient. */
  evicted: { code: 4509, reason: 'board unloaded to make room on the server; reconnect to continue' },
  /**
   * Several instances (STORE=postgres): another instance now owns the board (this one was paused or
   * cut off past its lease, and its writes are refused); transient, the client reconnects — through
   * any instance — and resyncs with the new owner, resending what was not stored.
   */
  boardMoved: { code: 4512, reason: 'board moved to another server; reconnect' },
  /** The connection kept sending past its budget; transient, the client reconnects and resyncs. */
  overBudget: { code: 4529, reason: 'too many messages; reconnect' },
  /** Signed-in member (issue #17): the owner removed them from the board; final. */
  memberRemoved: { code: 4401, reason: 'you are no longer a member of this board' },
  /** Signed-in member: they signed out or their session ended; final (sign in again). */
  signedOut: { code: 4402, reason: 'signed out or the session ended' },
  /** Signed-in member: the owner changed their role or side; transient, the reconnect carries the new one. */
  memberChanged: { code: 4010, reason: 'your role or side on this board changed; reconnecting' },
} as const satisfies Record<string, CloseEvent>;

