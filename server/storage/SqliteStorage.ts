// The embedded default store: one SQLite file in WAL mode (better-sqlite3).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { LogWriter } from './LogWriter';
import { APPEND_UPDATE_SQL, setUpConnection, type Synchronous } from './sqliteSetup';
import { HealthRecord, type StorageHealth } from './storageHealth';
import type {
  BoardRecord, BoardStorage, InvitationRecord, LogEntry, MemberRecord, PendingLoginRecord, SealedLinks, SessionRecord, SnapshotRecord, StoredAuditEntry, StoredBallot,
  StoredDocument, StoredSnapshot, TokenHashes,
} from './BoardStorage';
import type { AuditEntry, LinkPolicy, Side } from '../../shared';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  owner_hash TEXT NOT NULL,
  editor_hash TEXT NOT NULL,
  viewer_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS board_state (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS update_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  update_data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS update_log_board ON update_log(board_id, seq);
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  auto INTEGER NOT NULL,
  node_count INTEGER NOT NULL,
  edge_count INTEGER NOT NULL,
  state BLOB NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_board ON snapshots(board_id, created_at);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  sub TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  id_token TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
-- Sign-ins under way: minutes long, taken once by the callback.
CREATE TABLE IF NOT EXISTS pending_logins (
  key_hash TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  return_to TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_logins_expiry ON pending_logins(expires_at);
CREATE TABLE IF NOT EXISTS members (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  sub TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  side TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (board_id, sub)
);
CREATE INDEX IF NOT EXISTS members_sub ON members(sub);
CREATE TABLE IF NOT EXISTS invitations (
  token_hash TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  side TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS invitations_board ON invitations(board_id);
-- The audit log (#16) has no foreign key: it stays when its board is deleted, until purgeAudit.
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_board ON audit_log(board_id, seq);
CREATE TABLE IF NOT EXISTS ballots (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  vote_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  ballot TEXT NOT NULL,
  PRIMARY KEY (board_id, vote_id, participant_id)
);
CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL, room BLOB);
`;

/** A store that is not healthy is probed with a tiny write at most this often, so it notices recovery. */
const PROBE_EVERY_MS = 1000;
/** A log writer that stopped is replaced at most this often. */
const RESTART_WRITER_EVERY_MS = 1000;

export interface SqliteOptions {
  /** FULL also survives power loss; NORMAL (WAL) survives a crash of the process. */
  synchronous?: Synchronous;
}

export class SqliteStorage implements BoardStorage {
  readonly db: Database.Database;
  private readonly stmt;
  /**
   * Appends wait for fsync off the event loop. Without fsync (NORMAL, or an in-memory database)
   * a commit takes microseconds and a hand-off to a thread would cost more than it saves.
   */
  private logWriter: LogWriter | null;
  private readonly file: string;
  private readonly synchronous: Synchronous;
  private writerStoppedAt = 0;
  private readonly health = new HealthRecord();
  private probedAt = 0;

  constructor(file: string, opts: SqliteOptions = {}) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    setUpConnection(this.db, opts.synchronous ?? 'FULL');
    this.db.exec(SCHEMA);
    this.file = file;
    this.synchronous = opts.synchronous ?? 'FULL';
    this.migrate();
    this.logWriter = file === ':memory:' || opts.synchronous === 'NORMAL' ? null : new LogWriter(file, 'FULL');
    const db = this.db;
    this.stmt = {
      insertBoard: db.prepare(
        'INSERT INTO boards (id, created_at, owner_hash, editor_hash, viewer_hash, stat_hash, kommune_hash, sealed_owner, sealed_editor, links) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      getBoard: db.prepare('SELECT id, created_at, owner_hash, editor_hash, viewer_hash, stat_hash, kommune_hash, sealed_owner, sealed_editor, links FROM boards WHERE id = ?'),
      setTokens: db.prepare('UPDATE boards SET owner_hash = ?, editor_hash = ?, viewer_hash = ?, stat_hash = ?, kommune_hash = ? WHERE id = ?'),
      setLinks: db.prepare('UPDATE boards SET links = ? WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (id_hash, sub, name, email, id_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      getSession: db.prepare('SELECT * FROM sessions WHERE id_hash = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
      dropExpiredLogins: db.prepare('DELETE FROM pending_logins WHERE expires_at <= ?'),
      insertPendingLogin: db.prepare('INSERT INTO pending_logins (key_hash, state, nonce, code_verifier, return_to, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
      takePendingLogin: db.prepare('DELETE FROM pending_logins WHERE key_hash = ? RETURNING *'),
      putMember: db.prepare(
        'INSERT INTO members (board_id, sub, name, email, role, side, added_at) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT(board_id, sub) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role, side = excluded.side',
      ),
      getMember: db.prepare('SELECT * FROM members WHERE board_id = ? AND sub = ?'),
      listMembers: db.prepare('SELECT * FROM members WHERE board_id = ? ORDER BY rowid'),
      removeMember: db.prepare('DELETE FROM members WHERE board_id = ? AND sub = ?'),
      listMemberships: db.prepare('SELECT * FROM members WHERE sub = ? ORDER BY rowid'),
      insertInvitation: db.prepare('INSERT INTO invitations (token_hash, id, board_id, role, side, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      getInvitation: db.prepare('SELECT * FROM invitations WHERE token_hash = ?'),
      takeInvitation: db.prepare('DELETE FROM invitations WHERE token_hash = ? RETURNING *'),
      listInvitations: db.prepare('SELECT * FROM invitations WHERE board_id = ? ORDER BY rowid'),
      deleteInvitation: db.prepare('DELETE FROM invitations WHERE board_id = ? AND id = ?'),
      setSealed: db.prepare('UPDATE boards SET sealed_owner = ?, sealed_editor = ? WHERE id = ?'),
      deleteBoard: db.prepare('DELETE FROM boards WHERE id = ?'),
      upsertState: db.prepare(
        'INSERT INTO board_state (board_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      ),
      getState: db.prepare('SELECT state FROM board_state WHERE board_id = ?'),
      getLog: db.prepare('SELECT seq, update_data FROM update_log WHERE board_id = ? ORDER BY seq'),
      append: db.prepare(APPEND_UPDATE_SQL),
      trimLog: db.prepare('DELETE FROM update_log WHERE board_id = ? AND seq <= ?'),
      insertSnapshot: db.prepare(
        'INSERT INTO snapshots (id, board_id, label, created_at, created_by, auto, node_count, edge_count, state, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      listSnapshots: db.prepare(
        'SELECT id, board_id, label, created_at, created_by, auto, node_count, edge_count FROM snapshots WHERE board_id = ? ORDER BY created_at DESC, rowid DESC',
      ),
      getSnapshot: db.prepare('SELECT * FROM snapshots WHERE board_id = ? AND id = ?'),
      deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE board_id = ? AND id = ?'),
      appendAudit: db.prepare('INSERT INTO audit_log (board_id, at, action, entry) VALUES (?, ?, ?, ?)'),
      listAudit: db.prepare('SELECT seq, entry FROM audit_log WHERE board_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
      purgeAudit: db.prepare(
        `DELETE FROM audit_log WHERE board_id NOT IN (SELECT id FROM boards) AND board_id IN
           (SELECT board_id FROM audit_log WHERE action = 'board.delete' GROUP BY board_id HAVING MAX(at) < ?)`,
      ),
      putBallot: db.prepare(
        'INSERT INTO ballots (board_id, vote_id, participant_id, ballot) VALUES (?, ?, ?, ?) ON CONFLICT(board_id, vote_id, participant_id) DO UPDATE SET ballot = excluded.ballot',
      ),
      listBallots: db.prepare('SELECT ballot FROM ballots WHERE board_id = ? AND vote_id = ? ORDER BY participant_id'),
      clearBallots: db.prepare('DELETE FROM ballots WHERE board_id = ? AND vote_id = ?'),
      // A probe writes 64 KiB (so it needs room, as real writes do) and frees it again.
      probe: db.prepare('INSERT INTO storage_probe (id, at, room) VALUES (1, ?, zeroblob(65536)) ON CONFLICT(id) DO UPDATE SET at = excluded.at, room = excluded.room'),
      unprobe: db.prepare('UPDATE storage_probe SET room = NULL WHERE id = 1'),
    };
  }

  /** Runs a write, keeping the health record: a fault is recorded (and rethrown), a success clears it. */
  private write<T>(fn: () => T): T {
    try {
      const out = fn();
      this.health.ok();
      return out;
    } catch (err) {
      throw this.health.failed(err);
    }
  }

  /**
   * How the store is. While it is not ok, a tiny write probes it (at most once a second), so the
   * status clears by itself when the disk has room again or becomes writable — no restart.
   */
  async checkHealth(now = Date.now()): Promise<StorageHealth> {
    if (this.health.get().status !== 'ok' && now - this.probedAt >= PROBE_EVERY_MS) {
      this.probedAt = now;
      try {
        this.write(() => {
          this.stmt.probe.run(new Date(now).toISOString());
          this.stmt.unprobe.run();
        });
      } catch {
        /* recorded */
      }
    }
    return this.health.get();
  }

  async createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void> {
    this.write(() =>
      this.db.transaction(() => {
        const t = record.tokens;
        this.stmt.insertBoard.run(
          record.id, record.createdAt, t.owner, t.editor, t.viewer, t.stat ?? null, t.kommune ?? null, record.sealed?.owner ?? null, record.sealed?.editor ?? null,
          record.links ?? null,
        );
        this.stmt.upsertState.run(record.id, initialState, record.createdAt);
      })(),
    );
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const row = this.stmt.getBoard.get(id) as
      | {
          id: string; created_at: string; owner_hash: string; editor_hash: string; viewer_hash: string; stat_hash: string | null; kommune_hash: string | null;
          sealed_owner: string | null; sealed_editor: string | null;
          links: LinkPolicy | null;
        }
      | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      createdAt: row.created_at,
      tokens: {
        owner: row.owner_hash, editor: row.editor_hash, viewer: row.viewer_hash,
        ...(row.stat_hash !== null ? { stat: row.stat_hash } : {}),
        ...(row.kommune_hash !== null ? { kommune: row.kommune_hash } : {}),
      },
      ...(row.sealed_owner !== null || row.sealed_editor !== null ? { sealed: { owner: row.sealed_owner, editor: row.sealed_editor } } : {}),
      ...(row.links !== null ? { links: row.links } : {}),
    };
  }

  async setLinkPolicy(id: string, links: LinkPolicy): Promise<void> {
    this.write(() => this.stmt.setLinks.run(links, id));
  }

  async setTokens(id: string, t: TokenHashes, sealed?: SealedLinks): Promise<void> {
    this.write(() =>
      this.db.transaction(() => {
        this.stmt.setTokens.run(t.owner, t.editor, t.viewer, t.stat ?? null, t.kommune ?? null, id);
        if (sealed) this.stmt.setSealed.run(sealed.owner, sealed.editor, id);
      })(),
    );
  }

  /** Columns added after the first release, for files made before them. */
  private migrate(): void {
    const columns = new Set((this.db.pragma('table_info(boards)') as { name: string }[]).map((c) => c.name));
    if (!columns.has('sealed_owner')) this.db.exec('ALTER TABLE boards ADD COLUMN sealed_owner TEXT');
    if (!columns.has('sealed_editor')) this.db.exec('ALTER TABLE boards ADD COLUMN sealed_editor TEXT');
    if (!columns.has('links')) this.db.exec('ALTER TABLE boards ADD COLUMN links TEXT');
    if (!columns.has('stat_hash')) this.db.exec('ALTER TABLE boards ADD COLUMN stat_hash TEXT');
    if (!columns.has('kommune_hash')) this.db.exec('ALTER TABLE boards ADD COLUMN kommune_hash TEXT');
  }

  async deleteBoard(id: string): Promise<void> {
    this.write(() => this.stmt.deleteBoard.run(id));
  }

  async loadDocument(id: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const state = this.stmt.getState.get(id) as { state: Buffer } | undefined;
      const rows = this.stmt.getLog.all(id) as { seq: number; update_data: Buffer }[];
      return {
        state: state ? new Uint8Array(state.state) : null,
        updates: rows.map((r) => ({ seq: r.seq, update: new Uint8Array(r.update_data) })),
      };
    })();
  }

  async appendUpdates(entries: readonly LogEntry[]): Promise<number[]> {
    const writer = this.currentWriter();
    if (writer) {
      try {
        const seqs = await writer.append(entries);
        this.health.ok();
        return seqs;
      } catch (err) {
        throw this.health.failed(err);
      }
    }
    return this.write(() => this.db.transaction(() => entries.map((e) => Number(this.stmt.append.run(e.boardId, e.update).lastInsertRowid)))());
  }

  async compact(id: string, state: Uint8Array, upToSeq: number): Promise<void> {
    this.write(() =>
      this.db.transaction(() => {
        this.stmt.upsertState.run(id, state, new Date().toISOString());
        this.stmt.trimLog.run(id, upToSeq);
      })(),
    );
  }

  async saveSnapshot(s: SnapshotRecord): Promise<void> {
    this.write(() => this.stmt.insertSnapshot.run(s.id, s.boardId, s.label, s.createdAt, s.createdBy, s.auto ? 1 : 0, s.counts.nodes, s.counts.edges, s.state, s.json));
  }

  async listSnapshots(boardId: string): Promise<StoredSnapshot[]> {
    const rows = this.stmt.listSnapshots.all(boardId) as {
      id: string; board_id: string; label: string; created_at: string; created_by: string; auto: number; node_count: number; edge_count: number;
    }[];
    return rows.map((r) => ({
      id: r.id, boardId: r.board_id, label: r.label, createdAt: r.created_at, createdBy: r.created_by, auto: r.auto === 1,
      counts: { nodes: r.node_count, edges: r.edge_count },
    }));
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<SnapshotRecord | undefined> {
    const r = this.stmt.getSnapshot.get(boardId, snapshotId) as
      | {
          id: string; board_id: string; label: string; created_at: string; created_by: string; auto: number;
          node_count: number; edge_count: number; state: Buffer; json: string;
        }
      | undefined;
    if (!r) return undefined;
    return {
      id: r.id, boardId: r.board_id, label: r.label, createdAt: r.created_at, createdBy: r.created_by, auto: r.auto === 1,
      counts: { nodes: r.node_count, edges: r.edge_count }, state: new Uint8Array(r.state), json: r.json,
    };
  }

  async deleteSnapshots(boardId: string, ids: readonly string[]): Promise<void> {
    this.write(() =>
      this.db.transaction(() => {
        for (const id of ids) this.stmt.deleteSnapshot.run(boardId, id);
      })(),
    );
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.write(() => this.stmt.insertSession.run(s.idHash, s.sub, s.name, s.email, s.idToken, s.createdAt, s.expiresAt));
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const r = this.stmt.getSession.get(idHash) as
      | { id_hash: string; sub: string; name: string; email: string; id_token: string | null; created_at: string; expires_at: string }
      | undefined;
    return r && { idHash: r.id_hash, sub: r.sub, name: r.name, email: r.email, idToken: r.id_token, createdAt: r.created_at, expiresAt: r.expires_at };
  }

  async deleteSession(idHash: string): Promise<void> {
    this.write(() => this.stmt.deleteSession.run(idHash));
  }

  async putPendingLogin(l: PendingLoginRecord, now: string): Promise<void> {
    this.write(() => {
      this.stmt.dropExpiredLogins.run(now);
      this.stmt.insertPendingLogin.run(l.keyHash, l.state, l.nonce, l.codeVerifier, l.returnTo, l.expiresAt);
    });
  }

  async takePendingLogin(keyHash: string, now: string): Promise<PendingLoginRecord | undefined> {
    const r = this.write(() => this.stmt.takePendingLogin.get(keyHash) as PendingLoginRow | undefined);
    return r && r.expires_at > now ? pendingLoginFromRow(r) : undefined;
  }

  async putMember(m: MemberRecord): Promise<void> {
    this.write(() => this.stmt.putMember.run(m.boardId, m.sub, m.name, m.email, m.role, m.side, m.addedAt));
  }

  async getMember(boardId: string, sub: string): Promise<MemberRecord | undefined> {
    const r = this.stmt.getMember.get(boardId, sub) as MemberRow | undefined;
    return r && memberFromRow(r);
  }

  async listMembers(boardId: string): Promise<MemberRecord[]> {
    return (this.stmt.listMembers.all(boardId) as MemberRow[]).map(memberFromRow);
  }

  async removeMember(boardId: string, sub: string): Promise<void> {
    this.write(() => this.stmt.removeMember.run(boardId, sub));
  }

  async listMemberships(sub: string): Promise<MemberRecord[]> {
    return (this.stmt.listMemberships.all(sub) as MemberRow[]).map(memberFromRow);
  }

  async createInvitation(i: InvitationRecord): Promise<void> {
    this.write(() => this.stmt.insertInvitation.run(i.tokenHash, i.id, i.boardId, i.role, i.side, i.createdBy, i.createdAt, i.expiresAt));
  }

  async getInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const r = this.stmt.getInvitation.get(tokenHash) as InvitationRow | undefined;
    return r && invitationFromRow(r);
  }

  async takeInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const r = this.write(() => this.stmt.takeInvitation.get(tokenHash) as InvitationRow | undefined);
    return r && invitationFromRow(r);
  }

  async listInvitations(boardId: string): Promise<InvitationRecord[]> {
    return (this.stmt.listInvitations.all(boardId) as InvitationRow[]).map(invitationFromRow);
  }

  async deleteInvitation(boardId: string, id: string): Promise<void> {
    this.write(() => this.stmt.deleteInvitation.run(boardId, id));
  }

  async appendAudit(boardId: string, entry: AuditEntry): Promise<void> {
    this.write(() => this.stmt.appendAudit.run(boardId, entry.at, entry.action, JSON.stringify(entry)));
  }

  async listAudit(boardId: string, page: { before?: number; limit: number }): Promise<StoredAuditEntry[]> {
    const rows = this.stmt.listAudit.all(boardId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit) as { seq: number; entry: string }[];
    return rows.map((r) => ({ ...(JSON.parse(r.entry) as AuditEntry), seq: r.seq }));
  }

  async purgeAudit(deletedBefore: string): Promise<number> {
    return this.write(() => this.stmt.purgeAudit.run(deletedBefore).changes);
  }

  async putBallot(boardId: string, ballot: StoredBallot): Promise<void> {
    this.write(() => {
      // A ballot for a board deleted meanwhile is dropped, as MemoryStorage does (no foreign-key error).
      if (this.stmt.getBoard.get(boardId)) this.stmt.putBallot.run(boardId, ballot.voteId, ballot.participantId, JSON.stringify(ballot));
    });
  }

  async listBallots(boardId: string, voteId: string): Promise<StoredBallot[]> {
    return (this.stmt.listBallots.all(boardId, voteId) as { ballot: string }[]).map((r) => JSON.parse(r.ballot) as StoredBallot);
  }

  async clearBallots(boardId: string, voteId: string): Promise<void> {
    this.write(() => this.stmt.clearBallots.run(boardId, voteId));
  }

  /** The log writer, replaced (at most once a second) if its thread stopped: a crash must not need a restart. */
  private currentWriter(now = Date.now()): LogWriter | null {
    if (!this.logWriter?.stopped || now - this.writerStoppedAt < RESTART_WRITER_EVERY_MS) return this.logWriter;
    this.writerStoppedAt = now;
    this.logWriter = new LogWriter(this.file, this.synchronous);
    return this.logWriter;
  }

  async close(): Promise<void> {
    await this.logWriter?.close();
    if (this.db.open) this.db.close();
  }
}

interface MemberRow {
  board_id: string; sub: string; name: string; email: string; role: MemberRecord['role']; side: Side; added_at: string;
}
const memberFromRow = (r: MemberRow): MemberRecord => ({ boardId: r.board_id, sub: r.sub, name: r.name, email: r.email, role: r.role, side: r.side, addedAt: r.added_at });

interface PendingLoginRow {
  key_hash: string; state: string; nonce: string; code_verifier: string; return_to: string; expires_at: string;
}
const pendingLoginFromRow = (r: PendingLoginRow): PendingLoginRecord => ({
  keyHash: r.key_hash, state: r.state, nonce: r.nonce, codeVerifier: r.code_verifier, returnTo: r.return_to, expiresAt: r.expires_at,
});

interface InvitationRow {
  token_hash: string; id: string; board_id: string; role: InvitationRecord['role']; side: Side; created_by: string; created_at: string; expires_at: string;
}
const invitationFromRow = (r: InvitationRow): InvitationRecord => ({
  id: r.id, boardId: r.board_id, tokenHash: r.token_hash, role: r.role, side: r.side, createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at,
});
