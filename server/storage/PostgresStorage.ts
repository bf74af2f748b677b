// The store for several instances (STORE=postgres): the same BoardStorage contract as SQLite, on a
// pg Pool. Appends and compactions that carry a lease epoch are fenced: they run in a transaction
// that first reads the board's lease row FOR SHARE and refuses (FencedError) if the epoch moved on,
// so a paused or partitioned former owner can never write after losing its board (docs/design.md).
import pg from 'pg';
import { HealthRecord, type StorageHealth } from './storageHealth';
import { migrate } from './postgres/migrations';
import {
  FencedError, type BoardRecord, type BoardStorage, type InvitationRecord, type LogEntry, type MemberRecord, type PendingLoginRecord, type SealedLinks, type SessionRecord,
  type SnapshotRecord, type StoredAuditEntry, type StoredBallot, type StoredSnapshot, type StoredDocument, type TokenHashes,
} from './BoardStorage';
import type { AuditEntry, LinkPolicy, Side } from '../../shared';

// int8 (sequence numbers, epochs) as JS numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface PostgresOptions {
  /** Connections in the pool. */
  max?: number;
  /** Reports an idle client's error (a restart of Postgres); without a listener it would stop the process. */
  onPoolError?: (err: Error) => void;
}

const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export class PostgresStorage implements BoardStorage {
  private readonly health = new HealthRecord();

  private constructor(readonly pool: pg.Pool) {}

  /** Connects and applies the migrations not yet applied (safe when several instances start at once). */
  static async open(connectionString: string, opts: PostgresOptions = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString, max: opts.max ?? 10 });
    pool.on('error', opts.onPoolError ?? ((err) => console.error('postgres pool: idle client failed', err)));
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStorage(pool);
  }

  /** Runs a statement, keeping the health record. */
  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const out = await fn();
      this.health.ok();
      return out;
    } catch (err) {
      throw this.health.failed(err);
    }
  }

  /** Runs `fn` in one transaction on one pooled connection. */
  private tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    });
  }

  async checkHealth(): Promise<StorageHealth> {
    if (this.health.get().status !== 'ok') await this.run(() => this.pool.query('SELECT 1')).catch(() => undefined);
    return this.health.get();
  }

  async createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void> {
    await this.tx(async (c) => {
      const t = record.tokens;
      await c.query(
        'INSERT INTO boards (id, created_at, owner_hash, editor_hash, viewer_hash, stat_hash, kommune_hash, sealed_owner, sealed_editor, links) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [record.id, record.createdAt, t.owner, t.editor, t.viewer, t.stat ?? null, t.kommune ?? null, record.sealed?.owner ?? null, record.sealed?.editor ?? null, record.links ?? null],
      );
      await c.query('INSERT INTO board_state (board_id, state) VALUES ($1, $2)', [record.id, buf(initialState)]);
    });
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const { rows } = await this.run(() =>
      this.pool.query<{
        id: string; created_at: string; owner_hash: string; editor_hash: string; viewer_hash: string; stat_hash: string | null; kommune_hash: string | null;
        sealed_owner: string | null; sealed_editor: string | null; links: LinkPolicy | null;
      }>(
        'SELECT id, created_at, owner_hash, editor_hash, viewer_hash, stat_hash, kommune_hash, sealed_owner, sealed_editor, links FROM boards WHERE id = $1',
        [id],
      ),
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      createdAt: row.created_at,
      tokens: {
        owner: row.owner_hash, editor: row.editor_hash, viewer: row.viewer_hash,
        ...(row.stat_hash ? { stat: row.stat_hash } : {}), ...(row.kommune_hash ? { kommune: row.kommune_hash } : {}),
      },
      ...(row.sealed_owner !== null || row.sealed_editor !== null ? { sealed: { owner: row.sealed_owner, editor: row.sealed_editor } } : {}),
      ...(row.links !== null ? { links: row.links } : {}),
    };
  }

  async setLinkPolicy(id: string, links: LinkPolicy): Promise<void> {
    await this.run(() => this.pool.query('UPDATE boards SET links = $1 WHERE id = $2', [links, id]));
  }

  async setTokens(id: string, t: TokenHashes, sealed?: SealedLinks): Promise<void> {
    await this.run(() =>
      sealed
        ? this.pool.query(
            'UPDATE boards SET owner_hash = $1, editor_hash = $2, viewer_hash = $3, stat_hash = $4, kommune_hash = $5, sealed_owner = $6, sealed_editor = $7 WHERE id = $8',
            [t.owner, t.editor, t.viewer, t.stat ?? null, t.kommune ?? null, sealed.owner, sealed.editor, id],
          )
        : this.pool.query('UPDATE boards SET owner_hash = $1, editor_hash = $2, viewer_hash = $3, stat_hash = $4, kommune_hash = $5 WHERE id = $6', [
            t.owner, t.editor, t.viewer, t.stat ?? null, t.kommune ?? null, id,
          ]),
    );
  }

  async appendAudit(boardId: string, entry: AuditEntry): Promise<void> {
    await this.run(() => this.pool.query('INSERT INTO audit_log (board_id, at, action, entry) VALUES ($1, $2, $3, $4)', [boardId, entry.at, entry.action, JSON.stringify(entry)]));
  }

  async listAudit(boardId: string, page: { before?: number; limit: number }): Promise<StoredAuditEntry[]> {
    const { rows } = await this.run(() =>
      this.pool.query<{ seq: string; entry: string }>('SELECT seq, entry FROM audit_log WHERE board_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3', [
        boardId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit,
      ]),
    );
    return rows.map((r) => ({ ...(JSON.parse(r.entry) as AuditEntry), seq: Number(r.seq) }));
  }

  async purgeAudit(deletedBefore: string): Promise<number> {
    const { rowCount } = await this.run(() =>
      this.pool.query(
        `DELETE FROM audit_log WHERE board_id NOT IN (SELECT id FROM boards) AND board_id IN
           (SELECT board_id FROM audit_log WHERE action = 'board.delete' GROUP BY board_id HAVING MAX(at) < $1)`,
        [deletedBefore],
      ),
    );
    return rowCount ?? 0;
  }

  async putBallot(boardId: string, ballot: StoredBallot): Promise<void> {
    // A ballot for a board deleted meanwhile is dropped (as the other stores do), not a foreign-key error.
    await this.run(() =>
      this.pool.query(
        `INSERT INTO ballots (board_id, vote_id, participant_id, ballot) SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM boards WHERE id = $1)
         ON CONFLICT (board_id, vote_id, participant_id) DO UPDATE SET ballot = excluded.ballot`,
        [boardId, ballot.voteId, ballot.participantId, JSON.stringify(ballot)],
      ),
    );
  }

  async listBallots(boardId: string, voteId: string): Promise<StoredBallot[]> {
    const { rows } = await this.run(() =>
      this.pool.query<{ ballot: string }>('SELECT ballot FROM ballots WHERE board_id = $1 AND vote_id = $2 ORDER BY participant_id', [boardId, voteId]),
    );
    return rows.map((r) => JSON.parse(r.ballot) as StoredBallot);
  }

  async clearBallots(boardId: string, voteId: string): Promise<void> {
    await this.run(() => this.pool.query('DELETE FROM ballots WHERE board_id = $1 AND vote_id = $2', [boardId, voteId]));
  }

  async deleteBoard(id: string): Promise<void> {
    // State, log, snapshots and the lease go with it (ON DELETE CASCADE).
    await this.run(() => this.pool.query('DELETE FROM boards WHERE id = $1', [id]));
  }

  async loadDocument(id: string): Promise<StoredDocument> {
    // REPEATABLE READ: the state and the log rows after it are read from one snapshot, so a
    // compaction committing in between cannot make rows disappear from under the state.
    return this.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const state = await client.query<{ state: Buffer }>('SELECT state FROM board_state WHERE board_id = $1', [id]);
        const log = await client.query<{ seq: number; update_data: Buffer }>('SELECT seq, update_data FROM update_log WHERE board_id = $1 ORDER BY seq', [id]);
        await client.query('COMMIT');
        return {
          state: state.rows[0] ? bytes(state.rows[0].state) : null,
          updates: log.rows.map((r) => ({ seq: r.seq, update: bytes(r.update_data) })),
        };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    });
  }

  async appendUpdates(entries: readonly LogEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    return this.tx(async (c) => {
      await this.checkFence(c, entries);
      // Sequence numbers taken first and handed out in order: entry i gets the i-th smallest, so
      // they increase in the order given whatever order Postgres inserts the rows in.
      const { rows } = await c.query<{ seq: number }>("SELECT nextval('update_log_seq_seq') AS seq FROM generate_series(1, $1)", [entries.length]);
      const seqs = rows.map((r) => r.seq).sort((a, b) => a - b);
      await c.query('INSERT INTO update_log (seq, board_id, update_data) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bytea[])', [
        seqs,
        entries.map((e) => e.boardId),
        entries.map((e) => buf(e.update)),
      ]);
      return seqs;
    });
  }

  /**
   * The fence: each board's lease row is read FOR SHARE, so a takeover (which updates that row)
   * waits until this transaction ends and then loads what it wrote; a write whose epoch is no
   * longer the lease's is refused before anything is written.
   */
  private async checkFence(c: pg.PoolClient, entries: readonly { boardId: string; epoch?: number }[]): Promise<void> {
    const wanted = new Map<string, Set<number>>();
    for (const e of entries) if (e.epoch !== undefined) wanted.set(e.boardId, (wanted.get(e.boardId) ?? new Set()).add(e.epoch));
    if (wanted.size === 0) return;
    const { rows } = await c.query<{ board_id: string; epoch: number }>(
      'SELECT board_id, epoch FROM board_leases WHERE board_id = ANY($1::text[]) ORDER BY board_id FOR SHARE',
      [[...wanted.keys()]],
    );
    const current = new Map(rows.map((r) => [r.board_id, r.epoch]));
    const fenced = [...wanted].filter(([id, epochs]) => epochs.size !== 1 || !epochs.has(current.get(id) ?? -1)).map(([id]) => id);
    if (fenced.length) throw new FencedError(fenced);
  }

  async compact(id: string, state: Uint8Array, upToSeq: number, epoch?: number): Promise<void> {
    await this.tx(async (c) => {
      await this.checkFence(c, [{ boardId: id, epoch }]);
      await c.query(
        'INSERT INTO board_state (board_id, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        [id, buf(state)],
      );
      await c.query('DELETE FROM update_log WHERE board_id = $1 AND seq <= $2', [id, upToSeq]);
    });
  }

  async saveSnapshot(s: SnapshotRecord): Promise<void> {
    await this.run(() =>
      this.pool.query(
        'INSERT INTO snapshots (id, board_id, label, created_at, created_by, auto, node_count, edge_count, state, json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [s.id, s.boardId, s.label, s.createdAt, s.createdBy, s.auto, s.counts.nodes, s.counts.edges, buf(s.state), s.json],
      ),
    );
  }

  async listSnapshots(boardId: string): Promise<StoredSnapshot[]> {
    const { rows } = await this.run(() =>
      this.pool.query<{ id: string; board_id: string; label: string; created_at: string; created_by: string; auto: boolean; node_count: number; edge_count: number }>(
        'SELECT id, board_id, label, created_at, created_by, auto, node_count, edge_count FROM snapshots WHERE board_id = $1 ORDER BY created_at DESC, written DESC',
        [boardId],
      ),
    );
    return rows.map((r) => ({
      id: r.id, boardId: r.board_id, label: r.label, createdAt: r.created_at, createdBy: r.created_by, auto: r.auto,
      counts: { nodes: r.node_count, edges: r.edge_count },
    }));
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<SnapshotRecord | undefined> {
    const { rows } = await this.run(() =>
      this.pool.query<{
        id: string; board_id: string; label: string; created_at: string; created_by: string; auto: boolean; node_count: number; edge_count: number; state: Buffer; json: string;
      }>('SELECT id, board_id, label, created_at, created_by, auto, node_count, edge_count, state, json FROM snapshots WHERE board_id = $1 AND id = $2', [boardId, snapshotId]),
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id, boardId: r.board_id, label: r.label, createdAt: r.created_at, createdBy: r.created_by, auto: r.auto,
      counts: { nodes: r.node_count, edges: r.edge_count }, state: bytes(r.state), json: r.json,
    };
  }

  async deleteSnapshots(boardId: string, ids: readonly string[]): Promise<void> {
    await this.run(() => this.pool.query('DELETE FROM snapshots WHERE board_id = $1 AND id = ANY($2::text[])', [boardId, [...ids]]));
  }

  /**
   * Copies a whole board from another store (npm run migrate-store) in one transaction: record,
   * state, log rows (in order) and snapshots. False, touching nothing, if the board is already here.
   */
  async importBoard(
    record: BoardRecord, stored: StoredDocument, snapshots: readonly SnapshotRecord[],
    access: { members: readonly MemberRecord[]; invitations: readonly InvitationRecord[] } = { members: [], invitations: [] },
  ): Promise<boolean> {
    return this.tx(async (c) => {
      const t = record.tokens;
      const { rowCount } = await c.query(
        'INSERT INTO boards (id, created_at, owner_hash, editor_hash, viewer_hash, stat_hash, kommune_hash, sealed_owner, sealed_editor, links) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING',
        [record.id, record.createdAt, t.owner, t.editor, t.viewer, t.stat ?? null, t.kommune ?? null, record.sealed?.owner ?? null, record.sealed?.editor ?? null, record.links ?? null],
      );
      if (rowCount === 0) return false;
      if (stored.state) await c.query('INSERT INTO board_state (board_id, state) VALUES ($1, $2)', [record.id, buf(stored.state)]);
      if (stored.updates.length) {
        await c.query('INSERT INTO update_log (board_id, update_data) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS x(u, n) ORDER BY n', [
          record.id,
          stored.updates.map((r) => buf(r.update)),
        ]);
      }
      // Oldest first, so snapshots of the same millisecond keep their order (`written`).
      for (const s of [...snapshots].reverse()) {
        await c.query(
          'INSERT INTO snapshots (id, board_id, label, created_at, created_by, auto, node_count, edge_count, state, json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
          [s.id, s.boardId, s.label, s.createdAt, s.createdBy, s.auto, s.counts.nodes, s.counts.edges, buf(s.state), s.json],
        );
      }
      // Members in the order they were added (`written`); without them a members-only board would open to nobody.
      for (const m of access.members) {
        await c.query('INSERT INTO members (board_id, sub, name, email, role, side, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          m.boardId, m.sub, m.name, m.email, m.role, m.side, m.addedAt,
        ]);
      }
      for (const i of access.invitations) {
        await c.query(
          'INSERT INTO invitations (token_hash, id, board_id, role, side, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [i.tokenHash, i.id, i.boardId, i.role, i.side, i.createdBy, i.createdAt, i.expiresAt],
        );
      }
      return true;
    });
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.run(() =>
      this.pool.query('INSERT INTO sessions (id_hash, sub, name, email, id_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        s.idHash, s.sub, s.name, s.email, s.idToken, s.createdAt, s.expiresAt,
      ]),
    );
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.run(() => this.pool.query<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1', [idHash]));
    const r = rows[0];
    return r && { idHash: r.id_hash, sub: r.sub, name: r.name, email: r.email, idToken: r.id_token, createdAt: r.created_at, expiresAt: r.expires_at };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.run(() => this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]));
  }

  async putPendingLogin(l: PendingLoginRecord, now: string): Promise<void> {
    await this.run(async () => {
      await this.pool.query('DELETE FROM pending_logins WHERE expires_at <= $1', [now]);
      await this.pool.query('INSERT INTO pending_logins (key_hash, state, nonce, code_verifier, return_to, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        l.keyHash, l.state, l.nonce, l.codeVerifier, l.returnTo, l.expiresAt,
      ]);
    });
  }

  async takePendingLogin(keyHash: string, now: string): Promise<PendingLoginRecord | undefined> {
    // One statement: of two callbacks with one cookie (on any instances), only one DELETE returns the row.
    const { rows } = await this.run(() => this.pool.query<PendingLoginRow>('DELETE FROM pending_logins WHERE key_hash = $1 RETURNING *', [keyHash]));
    return rows[0] && rows[0].expires_at > now ? pendingLoginFromRow(rows[0]) : undefined;
  }

  async putMember(m: MemberRecord): Promise<void> {
    await this.run(() =>
      this.pool.query(
        'INSERT INTO members (board_id, sub, name, email, role, side, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ' +
          'ON CONFLICT (board_id, sub) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role, side = excluded.side',
        [m.boardId, m.sub, m.name, m.email, m.role, m.side, m.addedAt],
      ),
    );
  }

  async getMember(boardId: string, sub: string): Promise<MemberRecord | undefined> {
    const { rows } = await this.run(() => this.pool.query<MemberRow>('SELECT * FROM members WHERE board_id = $1 AND sub = $2', [boardId, sub]));
    return rows[0] && memberFromRow(rows[0]);
  }

  async listMembers(boardId: string): Promise<MemberRecord[]> {
    const { rows } = await this.run(() => this.pool.query<MemberRow>('SELECT * FROM members WHERE board_id = $1 ORDER BY written', [boardId]));
    return rows.map(memberFromRow);
  }

  async removeMember(boardId: string, sub: string): Promise<void> {
    await this.run(() => this.pool.query('DELETE FROM members WHERE board_id = $1 AND sub = $2', [boardId, sub]));
  }

  async listMemberships(sub: string): Promise<MemberRecord[]> {
    const { rows } = await this.run(() => this.pool.query<MemberRow>('SELECT * FROM members WHERE sub = $1 ORDER BY written', [sub]));
    return rows.map(memberFromRow);
  }

  async createInvitation(i: InvitationRecord): Promise<void> {
    await this.run(() =>
      this.pool.query(
        'INSERT INTO invitations (token_hash, id, board_id, role, side, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [i.tokenHash, i.id, i.boardId, i.role, i.side, i.createdBy, i.createdAt, i.expiresAt],
      ),
    );
  }

  async getInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const { rows } = await this.run(() => this.pool.query<InvitationRow>('SELECT * FROM invitations WHERE token_hash = $1', [tokenHash]));
    return rows[0] && invitationFromRow(rows[0]);
  }

  async takeInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    // One statement: of two people (on any instances) redeeming one link, only one DELETE returns the row.
    const { rows } = await this.run(() => this.pool.query<InvitationRow>('DELETE FROM invitations WHERE token_hash = $1 RETURNING *', [tokenHash]));
    return rows[0] && invitationFromRow(rows[0]);
  }

  async listInvitations(boardId: string): Promise<InvitationRecord[]> {
    const { rows } = await this.run(() => this.pool.query<InvitationRow>('SELECT * FROM invitations WHERE board_id = $1 ORDER BY written', [boardId]));
    return rows.map(invitationFromRow);
  }

  async deleteInvitation(boardId: string, id: string): Promise<void> {
    await this.run(() => this.pool.query('DELETE FROM invitations WHERE board_id = $1 AND id = $2', [boardId, id]));
  }

  private closing: Promise<void> | null = null;
  close(): Promise<void> {
    return (this.closing ??= this.pool.end());
  }
}

interface SessionRow {
  id_hash: string; sub: string; name: string; email: string; id_token: string | null; created_at: string; expires_at: string;
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
