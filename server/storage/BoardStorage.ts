// The one storage interface the rooms and routes use. Promises throughout, although SQLite
// answers synchronously, so a PostgreSQL store can drop in without touching the rooms.

import type { StorageHealth } from './storageHealth';
import { UnavailableError } from '../errors';
import type { AuditEntry, LinkPolicy, Role, Side, SnapshotSummary, TokenSet } from '../../shared';

/** The hashes of a board's tokens, one per link (stat and kommune since #16, optional for older boards); the tokens themselves are never stored. */
export type TokenHashes = TokenSet;

/**
 * The links a role may pass on, encrypted with a key derived from that role's own token, so the
 * server can hand them to their holder but a copy of the database alone reveals none
 * (server/auth/sealedLinks.ts): `owner` seals the editor and viewer links, `editor` the viewer link.
 * Null for boards made before links were sealed, until the owner makes new links.
 */
export interface SealedLinks {
  owner: string | null;
  editor: string | null;
}

export interface BoardRecord {
  id: string;
  createdAt: string;
  tokens: TokenHashes;
  sealed?: SealedLinks;
  /** Absent on boards made before sign-in: `all`. */
  links?: LinkPolicy;
}

/** A signed-in person's server-side session; the cookie holds the id, the store only its hash. */
export interface SessionRecord {
  idHash: string;
  sub: string;
  name: string;
  email: string;
  /** The provider's ID token, for its end-session endpoint (`id_token_hint`); null if none. */
  idToken: string | null;
  createdAt: string;
  expiresAt: string;
}

/**
 * A sign-in under way (#17): what the callback must check, kept from `/auth/login` until the
 * provider sends the browser back — to whichever instance — for at most LOGIN_TTL_MS, taken once.
 * The browser's cookie holds a random key; the store its hash.
 */
export interface PendingLoginRecord {
  keyHash: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: string;
}

/** A person's membership of a board: the role and the side they speak for, set by the owner. */
export interface MemberRecord {
  boardId: string;
  sub: string;
  name: string;
  email: string;
  role: Role;
  side: Side;
  addedAt: string;
}

/** A one-time invitation link: the token is shown once, the store holds its hash. */
export interface InvitationRecord {
  id: string;
  boardId: string;
  tokenHash: string;
  role: Role;
  side: Side;
  /** The `sub` of the owner who made it. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/** What a board's document is made of on disk: the latest compacted state and the log after it. */
export interface StoredDocument {
  state: Uint8Array | null;
  updates: { seq: number; update: Uint8Array }[];
}

export interface SnapshotRecord extends SnapshotSummary {
  boardId: string;
  /** Encoded Y state (Y.encodeStateAsUpdate). */
  state: Uint8Array;
  /** The interchange JSON, as text. */
  json: string;
}
/** A snapshot as listed: what the API shows (shared/wire.ts) and the board it belongs to. */
export type StoredSnapshot = Omit<SnapshotRecord, 'state' | 'json'>;

/** One line of a board's audit log as stored, with its place in the log (newest has the highest). */
export interface StoredAuditEntry extends AuditEntry {
  seq: number;
}

/** A ballot kept by the server while its vote is open (#16): one per participant, replaced when they vote again. */
export interface StoredBallot {
  voteId: string;
  /** The server-issued participant id (server/trust/participantPass.ts), never one the client chose. */
  participantId: string;
  name: string;
  /** targetId → dots (positive counts only; empty when they took all their dots back). */
  dots: Record<string, number>;
  /** ISO 8601, the server's clock. */
  at: string;
}

export interface LogEntry {
  boardId: string;
  update: Uint8Array;
  /**
   * The writer's lease epoch when boards have leases (Postgres, several instances): the append is
   * refused with FencedError if the board's lease has moved on. Single-instance stores ignore it.
   */
  epoch?: number;
}

/** A write by an instance that no longer holds the board's lease: refused, nothing written (docs/design.md "Lease and fence"). */
export class FencedError extends UnavailableError {
  constructor(readonly boardIds: readonly string[]) {
    super('board_moving', `fenced: the lease of ${boardIds.join(', ')} is held by a newer owner; nothing was changed. Try again in a moment.`);
  }
}

export interface BoardStorage {
  createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | undefined>;
  /** New token hashes (a rotation), with the links sealed anew when given. */
  setTokens(id: string, tokens: TokenHashes, sealed?: SealedLinks): Promise<void>;
  /** Which share links open the board. */
  setLinkPolicy(id: string, links: LinkPolicy): Promise<void>;
  /** Removes the board with its log, state, snapshots, members and invitations. */
  deleteBoard(id: string): Promise<void>;

  loadDocument(id: string): Promise<StoredDocument>;
  /** Appends updates of one or more boards in one transaction; resolves when they are durable, with their sequence numbers. */
  appendUpdates(entries: readonly LogEntry[]): Promise<number[]>;
  /**
   * Writes `state` as the board's compacted state and then deletes log rows up to `upToSeq`, in one
   * transaction; with `epoch`, fenced like an append (a stale owner's older state must never replace a newer one).
   */
  compact(id: string, state: Uint8Array, upToSeq: number, epoch?: number): Promise<void>;

  saveSnapshot(snapshot: SnapshotRecord): Promise<void>;
  listSnapshots(boardId: string): Promise<StoredSnapshot[]>;
  getSnapshot(boardId: string, snapshotId: string): Promise<SnapshotRecord | undefined>;
  deleteSnapshots(boardId: string, snapshotIds: readonly string[]): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;

  /** Keeps a login under way; drops those expired by `now` (ISO time), so the table stays small. */
  putPendingLogin(login: PendingLoginRecord, now: string): Promise<void>;
  /** Removes the login and returns it if it has not expired by `now`, atomically: of two callbacks with one cookie, one gets it. */
  takePendingLogin(keyHash: string, now: string): Promise<PendingLoginRecord | undefined>;

  /** Adds the member, or replaces the board's member with the same `sub`. */
  putMember(member: MemberRecord): Promise<void>;
  getMember(boardId: string, sub: string): Promise<MemberRecord | undefined>;
  /** The board's members, in the order they were added. */
  listMembers(boardId: string): Promise<MemberRecord[]>;
  removeMember(boardId: string, sub: string): Promise<void>;
  /** Every board the person is a member of. */
  listMemberships(sub: string): Promise<MemberRecord[]>;

  createInvitation(invitation: InvitationRecord): Promise<void>;
  getInvitation(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** Removes and returns the invitation, atomically: of two people redeeming one link, one gets it. */
  takeInvitation(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** The board's open invitations, oldest first. */
  listInvitations(boardId: string): Promise<InvitationRecord[]>;
  deleteInvitation(boardId: string, id: string): Promise<void>;

  /**
   * The audit log (#16): append-only, kept when the board is deleted (until purgeAudit). Entries
   * are never changed or removed one by one.
   */
  appendAudit(boardId: string, entry: AuditEntry): Promise<void>;
  /** A board's entries newest first: at most `limit`, only those with `seq < before` when given (the next page). */
  listAudit(boardId: string, page: { before?: number; limit: number }): Promise<StoredAuditEntry[]>;
  /** Removes the audit log of every board deleted before `deletedBefore` (ISO 8601; its `board.delete` entry is older); answers how many entries went. */
  purgeAudit(deletedBefore: string): Promise<number>;

  /** Stores a participant's ballot in an open vote, replacing their earlier one. */
  putBallot(boardId: string, ballot: StoredBallot): Promise<void>;
  /** The ballots of a vote, by participant id. */
  listBallots(boardId: string, voteId: string): Promise<StoredBallot[]>;
  /** Removes a vote's ballots (after its tallies are on the board). Deleting the board removes them too. */
  clearBallots(boardId: string, voteId: string): Promise<void>;

  close(): Promise<void>;

  /** How the store is (full, read-only, failing), for /healthz; stores without faults of their own leave it out. */
  checkHealth?(): Promise<StorageHealth>;
}
