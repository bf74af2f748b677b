// The PostgreSQL schema, as numbered migrations applied at start. Several instances start at
// once in a cluster: each takes a session advisory lock (one per schema) before it reads which
// migrations are applied, so exactly one applies each, and the others then see it done.
import type { Pool, PoolClient } from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'boards, compacted state, update log, snapshots, board leases, cluster settings',
    sql: `
CREATE TABLE boards (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  owner_hash TEXT NOT NULL,
  editor_hash TEXT NOT NULL,
  viewer_hash TEXT NOT NULL,
  sealed_owner TEXT,
  sealed_editor TEXT
);
CREATE TABLE board_state (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  state BYTEA NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE update_log (
  seq BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  update_data BYTEA NOT NULL
);
CREATE INDEX update_log_board ON update_log(board_id, seq);
CREATE TABLE snapshots (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  auto BOOLEAN NOT NULL,
  node_count INTEGER NOT NULL,
  edge_count INTEGER NOT NULL,
  state BYTEA NOT NULL,
  json TEXT NOT NULL,
  -- The order rows were written, for snapshots taken in the same millisecond (SQLite's rowid).
  written BIGSERIAL NOT NULL
);
CREATE INDEX snapshots_board ON snapshots(board_id, created_at);
-- One row per board that some instance has loaded (server/cluster/BoardLease.ts). The epoch only
-- ever grows; every append and compaction checks it (the fence). Times are Postgres's clock.
CREATE TABLE board_leases (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  owner TEXT NOT NULL,
  epoch BIGINT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
-- Values every instance of the cluster shares, made by the first that needs them (the hop secret).
CREATE TABLE cluster_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'WebSocket tickets shared by every instance',
    sql: `
CREATE TABLE ws_tickets (
  ticket_hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ws_tickets_expiry ON ws_tickets(expires_at);
`,
  },
  {
    version: 3,
    name: 'trusted records: side-bound links, the audit log, ballots kept by the server',
    sql: `
ALTER TABLE boards ADD COLUMN stat_hash TEXT, ADD COLUMN kommune_hash TEXT;
-- The link a ticket was issued for (a stat or kommune link is an editor bound to a side).
ALTER TABLE ws_tickets ADD COLUMN link TEXT NOT NULL DEFAULT 'editor';
-- No foreign key: the log stays when its board is deleted, until purgeAudit.
CREATE TABLE audit_log (
  seq BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  entry TEXT NOT NULL
);
CREATE INDEX audit_log_board ON audit_log(board_id, seq);
CREATE TABLE ballots (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  vote_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  ballot TEXT NOT NULL,
  PRIMARY KEY (board_id, vote_id, participant_id)
);
`,
  },
  {
    version: 4,
    name: 'sign-in (#17): link policy, sessions, members, invitations; tickets of a member session',
    sql: `
-- Absent (NULL) on boards made before sign-in: every link opens the board ('all').
ALTER TABLE boards ADD COLUMN links TEXT;
-- A member's ticket is checked against their session again when it is used.
ALTER TABLE ws_tickets ADD COLUMN session_id_hash TEXT;
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  sub TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  id_token TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE members (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  sub TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  side TEXT NOT NULL,
  added_at TEXT NOT NULL,
  -- The order members were added (SQLite's rowid); a replaced member keeps its place.
  written BIGSERIAL NOT NULL,
  PRIMARY KEY (board_id, sub)
);
CREATE INDEX members_sub ON members(sub);
CREATE TABLE invitations (
  token_hash TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  side TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  written BIGSERIAL NOT NULL
);
CREATE INDEX invitations_board ON invitations(board_id, written);
`,
  },
  {
    version: 5,
    name: 'sign-in (#17): logins under way in the store, so the callback may land on any instance',
    sql: `
CREATE TABLE pending_logins (
  key_hash TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  return_to TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX pending_logins_expiry ON pending_logins(expires_at);
`,
  },
];

/** Applies the migrations not yet applied, each in its own transaction. Returns the versions it applied. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    // Per schema, so stores in different schemas of one database do not wait for each other.
    const lockKey = "hashtext('malkart.migrate:' || current_schema())";
    await client.query(`SELECT pg_advisory_lock(${lockKey})`);
    try {
      return await applyPending(client);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${lockKey})`);
    }
  } finally {
    client.release();
  }
}

async function applyPending(client: PoolClient): Promise<number[]> {
  await client.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
  );
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((r) => r.version));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
    applied.push(m.version);
  }
  return applied;
}
