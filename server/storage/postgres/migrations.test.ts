// Several instances start at once against one database: each runs the migrations at start, and
// exactly one of them applies each migration while the others wait and then find it done.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from '../../testing/postgres';
import { MIGRATIONS, migrate } from './migrations';

const schemas: TestSchema[] = [];
const pools: pg.Pool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.end();
  for (const s of schemas.splice(0)) await s.drop();
});

async function freshSchema(): Promise<TestSchema> {
  const s = await createTestSchema();
  schemas.push(s);
  return s;
}

function pool(url: string): pg.Pool {
  const p = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(p);
  return p;
}

describe('migrate', () => {
  it('eight instances starting at once: every migration applied exactly once, none fails', async () => {
    const schema = await freshSchema();
    const results = await Promise.all(Array.from({ length: 8 }, () => migrate(pool(schema.url))));
    // Together they applied each version once; the rest found it done.
    expect(results.flat().sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
    const { rows } = await pool(schema.url).query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('a second start applies nothing and keeps the data', async () => {
    const schema = await freshSchema();
    const p = pool(schema.url);
    expect(await migrate(p)).toEqual(MIGRATIONS.map((m) => m.version));
    await p.query("INSERT INTO boards (id, created_at, owner_hash, editor_hash, viewer_hash) VALUES ('b', 't', 'o', 'e', 'v')");
    expect(await migrate(p)).toEqual([]);
    expect((await p.query('SELECT id FROM boards')).rows).toEqual([{ id: 'b' }]);
  });

  it('the tables go into the schema the URL names, not public', async () => {
    const schema = await freshSchema();
    const p = pool(schema.url);
    await migrate(p);
    const { rows } = await p.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema.name]);
    expect(rows.map((r) => r.table_name)).toEqual([
      'audit_log', 'ballots', 'board_leases', 'board_state', 'boards', 'cluster_settings', 'invitations', 'members', 'pending_logins', 'schema_migrations', 'sessions',
      'snapshots', 'update_log', 'ws_tickets',
    ]);
  });
});
