// Leases and the fence against a real Postgres: one owner per board, exactly one winner of a race,
// takeover only after expiry (or by the same instance), and a former owner's writes refused.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode } from '../../shared/index';
import { newResourceId, newTokens } from '../auth/tokens';
import { FencedError } from '../storage/BoardStorage';
import { PostgresStorage } from '../storage/PostgresStorage';
import { createTestSchema, type TestSchema } from '../testing/postgres';
import { BoardLeases, LeaseBoardGoneError } from './BoardLease';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Setup {
  schema: TestSchema;
  store: PostgresStorage;
  boardId: string;
  /** Leases as one instance sees them, each with its own pool, as separate processes would. */
  instance(url: string, leaseMs?: number): BoardLeases;
}

async function setup(): Promise<Setup> {
  const schema = await createTestSchema();
  cleanups.push(() => schema.drop());
  const store = await PostgresStorage.open(schema.url);
  cleanups.push(() => store.close());
  const boardId = newResourceId();
  await store.createBoard({ id: boardId, createdAt: new Date().toISOString(), tokens: newTokens().hashes }, Y.encodeStateAsUpdate(new Y.Doc()));
  return {
    schema, store, boardId,
    instance(url, leaseMs = 5000) {
      const pool = new pg.Pool({ connectionString: schema.url, max: 2 });
      const leases = new BoardLeases(pool, url, leaseMs);
      cleanups.push(async () => {
        await leases.stop();
        await pool.end();
      });
      return leases;
    },
  };
}

function cardUpdate(doc: Y.Doc, title: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const grab = (u: Uint8Array) => (captured = u);
  doc.on('update', grab);
  createNode(doc, { kind: 'goal', tier: 'kommuneplan', title }, 'test');
  doc.off('update', grab);
  return captured!;
}

/** Waits (polling Postgres, not a clock here) until `leases` can take the board. */
async function takeOnceExpired(leases: BoardLeases, boardId: string) {
  for (;;) {
    const r = await leases.take(boardId);
    if (r.owned) return r;
    await new Promise((res) => setTimeout(res, Math.min(50, r.remainingMs + 1)));
  }
}

describe('BoardLeases', () => {
  it('the first instance takes a free board; another sees it held, by whom and for how long', async () => {
    const { boardId, instance } = await setup();
    const a = instance('http://a:1', 5000);
    const b = instance('http://b:1', 5000);
    expect(await a.take(boardId)).toEqual({ owned: true, epoch: 1 });
    const seen = await b.take(boardId);
    expect(seen).toMatchObject({ owned: false, owner: 'http://a:1', epoch: 1 });
    expect(seen.owned === false && seen.remainingMs > 0 && seen.remainingMs <= 5000).toBe(true);
    expect(a.epochOf(boardId)).toBe(1);
    expect(b.epochOf(boardId)).toBeUndefined();
  });

  it('twelve instances racing for one board: exactly one wins', async () => {
    const { boardId, instance } = await setup();
    const all = Array.from({ length: 12 }, (_, i) => instance(`http://i${i}:1`));
    const results = await Promise.all(all.map((l) => l.take(boardId)));
    const winners = results.filter((r) => r.owned);
    expect(winners).toHaveLength(1);
    const winner = all[results.findIndex((r) => r.owned)]!;
    for (const r of results) if (!r.owned) expect(r.owner).toBe(winner.instanceUrl);
  });

  it('a lease that is not renewed expires and is taken with a higher epoch; the former owner learns it lost the board', async () => {
    const { boardId, instance } = await setup();
    const a = instance('http://a:1', 300);
    const b = instance('http://b:1', 300);
    expect(await a.take(boardId)).toEqual({ owned: true, epoch: 1 });
    expect(await takeOnceExpired(b, boardId)).toEqual({ owned: true, epoch: 2 });
    const lost: [string, number][] = [];
    a.onLost = (id, epoch) => lost.push([id, epoch]);
    await a.renewAll();
    expect(lost).toEqual([[boardId, 1]]);
    expect(a.epochOf(boardId)).toBeUndefined();
  });

  it('renewal keeps a lease: another instance cannot take it while the owner renews', async () => {
    const { boardId, instance } = await setup();
    const a = instance('http://a:1', 400);
    const b = instance('http://b:1', 400);
    await a.take(boardId);
    // Renew for longer than the lease lasts, checking from the other instance each round.
    for (let i = 0; i < 6; i++) {
      await a.renewAll();
      expect((await b.take(boardId)).owned).toBe(false);
      await new Promise((res) => setTimeout(res, 150));
    }
  });

  it('a released board is taken at once; the same instance (a restart) may retake its own live lease', async () => {
    const { boardId, instance } = await setup();
    const a = instance('http://a:1');
    const b = instance('http://b:1');
    await a.take(boardId);
    await a.release(boardId, 1);
    expect(await b.take(boardId)).toEqual({ owned: true, epoch: 2 });
    const bAgain = instance('http://b:1');
    expect(await bAgain.take(boardId)).toEqual({ owned: true, epoch: 3 });
  });

  it('a board that does not exist cannot be leased', async () => {
    const { instance } = await setup();
    await expect(instance('http://a:1').take('no-such-board')).rejects.toBeInstanceOf(LeaseBoardGoneError);
  });
});

describe('the fence (PostgresStorage with lease epochs)', () => {
  it('a former owner\'s append and compaction are refused; nothing it sent after losing the lease is stored', async () => {
    const { store, boardId, instance } = await setup();
    const a = instance('http://a:1', 300);
    const b = instance('http://b:1', 300);
    const doc = new Y.Doc();
    const { epoch: epochA } = (await a.take(boardId)) as { epoch: number };
    const [first] = await store.appendUpdates([{ boardId, update: cardUpdate(doc, 'før'), epoch: epochA }]);

    const { epoch: epochB } = await takeOnceExpired(b, boardId);
    const late = cardUpdate(doc, 'for sent');
    await expect(store.appendUpdates([{ boardId, update: late, epoch: epochA }])).rejects.toBeInstanceOf(FencedError);
    await expect(store.compact(boardId, Y.encodeStateAsUpdate(doc), first!, epochA)).rejects.toBeInstanceOf(FencedError);
    const stored = await store.loadDocument(boardId);
    expect(stored.updates.map((r) => r.seq)).toEqual([first]);

    // The new owner writes and compacts.
    const [second] = await store.appendUpdates([{ boardId, update: late, epoch: epochB }]);
    await store.compact(boardId, Y.encodeStateAsUpdate(doc), second!, epochB);
    expect((await store.loadDocument(boardId)).updates).toEqual([]);
    doc.destroy();
  });

  it('in a batch of several boards only the fenced board is refused, as a FencedError naming it', async () => {
    const { store, boardId, instance } = await setup();
    const other = newResourceId();
    await store.createBoard({ id: other, createdAt: new Date().toISOString(), tokens: newTokens().hashes }, new Uint8Array([0, 0]));
    const a = instance('http://a:1');
    await a.take(boardId);
    await a.take(other);
    const doc = new Y.Doc();
    const err = await store.appendUpdates([
      { boardId, update: cardUpdate(doc, 'a'), epoch: 1 },
      { boardId: other, update: cardUpdate(doc, 'b'), epoch: 7 },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FencedError);
    expect((err as FencedError).boardIds).toEqual([other]);
    // One transaction: nothing of the batch was written.
    expect((await store.loadDocument(boardId)).updates).toEqual([]);
    doc.destroy();
  });

  it('a takeover waits for an append in flight, so the new owner loads it', async () => {
    const { schema, store, boardId, instance } = await setup();
    const a = instance('http://a:1', 300);
    const b = instance('http://b:1', 300);
    await a.take(boardId);
    // An append transaction of the owner, held open between its fence check and its commit.
    const writer = new pg.Client({ connectionString: schema.url });
    await writer.connect();
    cleanups.push(() => writer.end());
    const writerPid = (await writer.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await writer.query('BEGIN');
    await writer.query('SELECT epoch FROM board_leases WHERE board_id = $1 FOR SHARE', [boardId]);
    await new Promise((res) => setTimeout(res, 400)); // past the lease
    const takeover = takeOnceExpired(b, boardId);
    // The takeover is blocked by the append's transaction, which holds the lease row FOR SHARE (Postgres says so).
    for (let i = 0; ; i++) {
      // Asked outside the writer's transaction: inside it pg_stat_activity would be a cached snapshot.
      const { rows } = await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [writerPid]);
      if (rows[0]!.n > 0) break;
      if (i > 200) throw new Error('the takeover never waited for the append');
      await new Promise((res) => setTimeout(res, 25));
    }
    const doc = new Y.Doc();
    await writer.query('INSERT INTO update_log (board_id, update_data) VALUES ($1, $2)', [boardId, Buffer.from(cardUpdate(doc, 'i flukt'))]);
    await writer.query('COMMIT');
    expect(await takeover).toEqual({ owned: true, epoch: 2 });
    expect((await store.loadDocument(boardId)).updates).toHaveLength(1);
    doc.destroy();
  });
});
