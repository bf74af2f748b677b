// Test support for PostgreSQL: every test run gets a schema of its own in the `test` database
// (127.0.0.1:5432, trust), reached through a DATABASE_URL whose search_path names it, and drops it
// afterwards. A URL is all a child process needs, so the cluster tests use the same schemas.
import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** The database tests make their schemas in; TEST_DATABASE_URL overrides it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  name: string;
  /** TEST_DATABASE_URL with search_path set to this schema. */
  url: string;
  drop(): Promise<void>;
}

/** A DATABASE_URL whose connections use `schema` (created here) for every table. */
export function urlForSchema(base: string, schema: string): string {
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export async function createTestSchema(): Promise<TestSchema> {
  const name = `malkart_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlForSchema(TEST_DATABASE_URL, name),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
