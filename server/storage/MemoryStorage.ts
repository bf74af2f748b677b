// An in-memory store with the same contract, for tests of what sits above storage and for
// failure injection (a store whose reads fail on demand).
import type {
  BoardRecord, BoardStorage, InvitationRecord, LogEntry, MemberRecord, PendingLoginRecord, SealedLinks, SessionRecord, SnapshotRecord, StoredAuditEntry, StoredBallot,
  StoredDocument, StoredSnapshot, TokenHashes,
} from './BoardStorage';
import type { AuditEntry, LinkPolicy } from '../../shared';

interface MemoryBoard {
  record: BoardRecord;
  state: Uint8Array | null;
  log: { seq: number; update: Uint8Array }[];
  snapshots: SnapshotRecord[];
}

export class MemoryStorage implements BoardStorage {
  private boards = new Map<string, MemoryBoard>();
  private seq = 0;
  private sessions = new Map<string, SessionRecord>();
  private pendingLogins = new Map<string, PendingLoginRecord>();
  /** Keyed by `${boardId} ${sub}`; Map order is insertion order, as SqliteStorage's rowid. */
  private members = new Map<string, MemberRecord>();
  private invitations = new Map<string, InvitationRecord>();
  /** Outlives the board, as the audit log must. */
  private audit = new Map<string, StoredAuditEntry[]>();
  private auditSeq = 0;
  private ballots = new Map<string, Map<string, StoredBallot>>();

  async createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void> {
    if (this.boards.has(record.id)) throw new Error(`board ${record.id} exists`);
    this.boards.set(record.id, { record: structuredClone(record), state: initialState, log: [], snapshots: [] });
  }
  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const b = this.boards.get(id);
    return b && structuredClone(b.record);
  }
  async setTokens(id: string, tokens: TokenHashes, sealed?: SealedLinks): Promise<void> {
    const b = this.boards.get(id);
    if (b) b.record.tokens = { ...tokens };
    if (b && sealed) b.record.sealed = { ...sealed };
  }
  async setLinkPolicy(id: string, links: LinkPolicy): Promise<void> {
    const b = this.boards.get(id);
    if (b) b.record.links = links;
  }
  async deleteBoard(id: string): Promise<void> {
    this.boards.delete(id);
    for (const [k, m] of this.members) if (m.boardId === id) this.members.delete(k);
    for (const [k, i] of this.invitations) if (i.boardId === id) this.invitations.delete(k);
    for (const key of [...this.ballots.keys()]) if (key.startsWith(`${id}|`)) this.ballots.delete(key);
  }
  async loadDocument(id: string): Promise<StoredDocument> {
    const b = this.boards.get(id);
    return { state: b?.state ?? null, updates: b ? b.log.map((r) => ({ ...r })) : [] };
  }
  async appendUpdates(entries: readonly LogEntry[]): Promise<number[]> {
    return entries.map((e) => {
      const seq = ++this.seq;
      this.boards.get(e.boardId)?.log.push({ seq, update: e.update });
      return seq;
    });
  }
  async compact(id: string, state: Uint8Array, upToSeq: number): Promise<void> {
    const b = this.boards.get(id);
    if (!b) return;
    b.state = state;
    b.log = b.log.filter((r) => r.seq > upToSeq);
  }
  async saveSnapshot(s: SnapshotRecord): Promise<void> {
    this.boards.get(s.boardId)?.snapshots.push(s);
  }
  async listSnapshots(boardId: string): Promise<StoredSnapshot[]> {
    const list = this.boards.get(boardId)?.snapshots ?? [];
    // Newest by createdAt, later-saved first on a tie: the order SqliteStorage gives.
    return [...list]
      .reverse()
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .map(({ state: _s, json: _j, ...summary }) => summary);
  }
  async getSnapshot(boardId: string, id: string): Promise<SnapshotRecord | undefined> {
    return this.boards.get(boardId)?.snapshots.find((s) => s.id === id);
  }
  async deleteSnapshots(boardId: string, ids: readonly string[]): Promise<void> {
    const b = this.boards.get(boardId);
    if (b) b.snapshots = b.snapshots.filter((s) => !ids.includes(s.id));
  }
  async createSession(session: SessionRecord): Promise<void> {
    this.sessions.set(session.idHash, { ...session });
  }
  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const s = this.sessions.get(idHash);
    return s && { ...s };
  }
  async deleteSession(idHash: string): Promise<void> {
    this.sessions.delete(idHash);
  }
  async putPendingLogin(login: PendingLoginRecord, now: string): Promise<void> {
    for (const [k, v] of this.pendingLogins) if (v.expiresAt <= now) this.pendingLogins.delete(k);
    this.pendingLogins.set(login.keyHash, { ...login });
  }
  async takePendingLogin(keyHash: string, now: string): Promise<PendingLoginRecord | undefined> {
    const login = this.pendingLogins.get(keyHash);
    this.pendingLogins.delete(keyHash);
    return login && login.expiresAt > now ? login : undefined;
  }
  async putMember(member: MemberRecord): Promise<void> {
    if (!this.boards.has(member.boardId)) throw new Error(`no board ${member.boardId}`);
    const key = `${member.boardId} ${member.sub}`;
    const before = this.members.get(key);
    // A replaced member keeps their place in the list (SQLite's upsert keeps the row).
    this.members.set(key, { ...member, addedAt: before?.addedAt ?? member.addedAt });
  }
  async getMember(boardId: string, sub: string): Promise<MemberRecord | undefined> {
    const m = this.members.get(`${boardId} ${sub}`);
    return m && { ...m };
  }
  async listMembers(boardId: string): Promise<MemberRecord[]> {
    return [...this.members.values()].filter((m) => m.boardId === boardId).map((m) => ({ ...m }));
  }
  async removeMember(boardId: string, sub: string): Promise<void> {
    this.members.delete(`${boardId} ${sub}`);
  }
  async listMemberships(sub: string): Promise<MemberRecord[]> {
    return [...this.members.values()].filter((m) => m.sub === sub).map((m) => ({ ...m }));
  }
  async createInvitation(invitation: InvitationRecord): Promise<void> {
    if (!this.boards.has(invitation.boardId)) throw new Error(`no board ${invitation.boardId}`);
    this.invitations.set(invitation.tokenHash, { ...invitation });
  }
  async getInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const i = this.invitations.get(tokenHash);
    return i && { ...i };
  }
  async takeInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const i = this.invitations.get(tokenHash);
    this.invitations.delete(tokenHash);
    return i;
  }
  async listInvitations(boardId: string): Promise<InvitationRecord[]> {
    return [...this.invitations.values()].filter((i) => i.boardId === boardId).map((i) => ({ ...i }));
  }
  async deleteInvitation(boardId: string, id: string): Promise<void> {
    for (const [k, i] of this.invitations) if (i.boardId === boardId && i.id === id) this.invitations.delete(k);
  }
  async appendAudit(boardId: string, entry: AuditEntry): Promise<void> {
    const list = this.audit.get(boardId) ?? [];
    list.push({ ...structuredClone(entry), seq: ++this.auditSeq });
    this.audit.set(boardId, list);
  }
  async listAudit(boardId: string, page: { before?: number; limit: number }): Promise<StoredAuditEntry[]> {
    const list = this.audit.get(boardId) ?? [];
    return list
      .filter((e) => page.before === undefined || e.seq < page.before)
      .reverse()
      .slice(0, page.limit)
      .map((e) => structuredClone(e));
  }
  async purgeAudit(deletedBefore: string): Promise<number> {
    let n = 0;
    for (const [boardId, list] of this.audit) {
      if (this.boards.has(boardId)) continue;
      const deleted = list.filter((e) => e.action === 'board.delete').at(-1);
      if (deleted && deleted.at < deletedBefore) {
        n += list.length;
        this.audit.delete(boardId);
      }
    }
    return n;
  }
  async putBallot(boardId: string, ballot: StoredBallot): Promise<void> {
    if (!this.boards.has(boardId)) return;
    const key = `${boardId}|${ballot.voteId}`;
    const votes = this.ballots.get(key) ?? new Map<string, StoredBallot>();
    votes.set(ballot.participantId, structuredClone(ballot));
    this.ballots.set(key, votes);
  }
  async listBallots(boardId: string, voteId: string): Promise<StoredBallot[]> {
    const votes = this.ballots.get(`${boardId}|${voteId}`);
    return votes ? [...votes.values()].sort((a, b) => (a.participantId < b.participantId ? -1 : 1)).map((b) => structuredClone(b)) : [];
  }
  async clearBallots(boardId: string, voteId: string): Promise<void> {
    this.ballots.delete(`${boardId}|${voteId}`);
  }
  async close(): Promise<void> {}
}
