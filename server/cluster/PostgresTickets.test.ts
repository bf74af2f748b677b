// Tickets in Postgres: issued by one instance, taken once by any, for their board only, until they
// expire (Postgres's clock); only a hash of the ticket is stored.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newResourceId, newTokens } from '../auth/tokens';
import { PostgresStorage } from '../storage/PostgresStorage';
import { createTestSchema, type TestSchema } from '../testing/postgres';
import { PostgresTickets } from './PostgresTickets';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const schema: TestSchema = await createTestSchema();
  cleanups.push(() => schema.drop());
  const store = await PostgresStorage.open(schema.url);
  cleanups.push(() => store.close());
  const boardId = newResourceId();
  await store.createBoard({ id: boardId, createdAt: new Date().toISOString(), tokens: newTokens().hashes }, Y.encodeStateAsUpdate(new Y.Doc()));
  const other = new pg.Pool({ connectionString: schema.url, max: 1 });
  cleanups.push(() => other.end());
  return { store, boardId, here: new PostgresTickets(store.pool), there: new PostgresTickets(other) };
}

describe('PostgresTickets', () => {
  it('a ticket issued on one instance is taken once on another, for its own board only', async () => {
    const { store, boardId, here, there } = await setup();
    const grant = { boardId, role: 'editor' as const, link: 'stat' as const, tokenHash: 'h' };
    const { ticket } = await here.issue(grant);
    expect(await there.take(ticket, 'another-board')).toBeNull();
    const second = await here.issue(grant);
    expect(await there.take(second.ticket, boardId)).toEqual(grant);
    expect(await here.take(second.ticket, boardId)).toBeNull();
    // Stored as a hash, never as the ticket.
    const { rows } = await store.pool.query<{ ticket_hash: string }>('SELECT ticket_hash FROM ws_tickets');
    expect(rows.map((r) => r.ticket_hash).some((h) => h === ticket)).toBe(false);
  });

  it('a member\'s ticket carries the hash of its session to the instance that takes it', async () => {
    const { boardId, here, there } = await setup();
    const member = { boardId, role: 'editor' as const, link: 'editor' as const, tokenHash: 'member:kari', sessionIdHash: 'session-hash' };
    const { ticket } = await here.issue(member);
    expect(await there.take(ticket, boardId)).toEqual(member);
  });

  it('an expired ticket is refused and swept', async () => {
    const { store, boardId } = await setup();
    const short = new PostgresTickets(store.pool, 1);
    const { ticket } = await short.issue({ boardId, role: 'viewer', link: 'viewer', tokenHash: 'h' });
    await new Promise((r) => setTimeout(r, 20));
    expect(await short.take(ticket, boardId)).toBeNull();
    await short.issue({ boardId, role: 'viewer', link: 'viewer', tokenHash: 'h' });
    await new Promise((r) => setTimeout(r, 20));
    await new PostgresTickets(store.pool).issue({ boardId, role: 'viewer', link: 'viewer', tokenHash: 'h' });
    expect((await store.pool.query('SELECT 1 FROM ws_tickets')).rowCount).toBe(1);
  });
});
