// LISTEN/NOTIFY between instances: a signal published by one reaches all (itself included), only
// in its own schema's cluster, and a listener whose connection is cut reconnects and resyncs.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from '../testing/postgres';
import { ClusterSignals, type ClusterSignal } from './ClusterSignals';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function schema(): Promise<TestSchema> {
  const s = await createTestSchema();
  cleanups.push(() => s.drop());
  return s;
}

/** An instance's signals: its own pool and listening connection, and what it heard. */
async function instance(s: TestSchema) {
  const pool = new pg.Pool({ connectionString: s.url, max: 2 });
  const heard: ClusterSignal[] = [];
  let resyncs = 0;
  const waiters: (() => void)[] = [];
  const signals = await ClusterSignals.start(s.url, pool, {
    onSignal: (sig) => {
      heard.push(sig);
      waiters.splice(0).forEach((w) => w());
    },
    onResync: () => {
      resyncs++;
      waiters.splice(0).forEach((w) => w());
    },
  });
  cleanups.push(async () => {
    await signals.stop();
    await pool.end();
  });
  /** Resolves once `check` holds, re-checked whenever something arrives. */
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((res) => waiters.push(res));
  };
  return { pool, signals, heard, until, resyncs: () => resyncs };
}

describe('ClusterSignals', () => {
  it('a signal (rotation, deletion, member, session) sent by one instance reaches every instance of the cluster, and no other cluster', async () => {
    const s = await schema();
    const a = await instance(s);
    const b = await instance(s);
    const elsewhere = await instance(await schema());
    await a.signals.publish({ kind: 'tokens', boardId: 'tavle-1' });
    await b.signals.publish({ kind: 'deleted', boardId: 'tavle-2' });
    await a.signals.publish({ kind: 'member', boardId: 'tavle-1', sub: 'ola' });
    await b.signals.publish({ kind: 'session', sessionIdHash: 'abc123' });
    await a.until(() => a.heard.length === 4);
    await b.until(() => b.heard.length === 4);
    expect(a.heard).toEqual([
      { kind: 'tokens', boardId: 'tavle-1' },
      { kind: 'deleted', boardId: 'tavle-2' },
      { kind: 'member', boardId: 'tavle-1', sub: 'ola' },
      { kind: 'session', sessionIdHash: 'abc123' },
    ]);
    expect(b.heard).toEqual(a.heard);
    // A round trip on the other cluster's channel: by the time its own signal arrives, ours would have too.
    await elsewhere.signals.publish({ kind: 'tokens', boardId: 'egen' });
    await elsewhere.until(() => elsewhere.heard.length === 1);
    expect(elsewhere.heard).toEqual([{ kind: 'tokens', boardId: 'egen' }]);
  });

  it('a payload that is not a signal (another client on the channel) is ignored', async () => {
    const s = await schema();
    const a = await instance(s);
    await a.pool.query('SELECT pg_notify($1, $2)', [a.signals.channel, '{"kind":"drop tables"}']);
    await a.pool.query('SELECT pg_notify($1, $2)', [a.signals.channel, 'not json']);
    await a.pool.query('SELECT pg_notify($1, $2)', [a.signals.channel, '{"kind":"member","boardId":"x"}']);
    await a.pool.query('SELECT pg_notify($1, $2)', [a.signals.channel, '{"kind":"session","sessionIdHash":7}']);
    await a.signals.publish({ kind: 'deleted', boardId: 'x' });
    await a.until(() => a.heard.length > 0);
    expect(a.heard).toEqual([{ kind: 'deleted', boardId: 'x' }]);
  });

  it('a listener whose connection is cut reconnects, resyncs (it may have missed signals) and hears later ones', async () => {
    const s = await schema();
    const a = await instance(s);
    const b = await instance(s);
    const { rowCount } = await a.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [`LISTEN "${b.signals.channel}"`]);
    expect(rowCount).toBe(2); // both listeners' connections (a's too)
    await b.until(() => b.resyncs() === 1);
    await a.until(() => a.resyncs() === 1);
    await a.signals.publish({ kind: 'tokens', boardId: 'etter' });
    await b.until(() => b.heard.length === 1);
    expect(b.heard).toEqual([{ kind: 'tokens', boardId: 'etter' }]);
  });
});
