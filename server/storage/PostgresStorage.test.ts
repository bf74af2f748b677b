// What PostgresStorage adds to the shared contract (storage.test.ts runs that on it too): it keeps
// everything across a reopen, refuses to start without its database, and reports Postgres's faults.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, toBoardJson } from '../../shared/index';
import { hashToken, newResourceId, newTokens } from '../auth/tokens';
import { createTestSchema, type TestSchema } from '../testing/postgres';
import { PostgresStorage } from './PostgresStorage';
import { classifyStorageError } from './storageHealth';

const schemas: TestSchema[] = [];
const stores: PostgresStorage[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const s of schemas.splice(0)) await s.drop();
});

async function open(url: string): Promise<PostgresStorage> {
  const s = await PostgresStorage.open(url);
  stores.push(s);
  return s;
}

describe('PostgresStorage', () => {
  it('a second instance on the same database sees boards, tokens, state, log and snapshots; sequence numbers keep increasing', async () => {
    const schema = await createTestSchema();
    schemas.push(schema);
    const first = await open(schema.url);
    const rec = { id: newResourceId(), createdAt: '2025-01-02T03:04:05.000Z', tokens: newTokens().hashes, sealed: { owner: 'sealed-o', editor: null } };
    const doc = new Y.Doc();
    await first.createBoard(rec, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const t of ['én', 'to', 'tre']) createNode(doc, { kind: 'goal', tier: 'kommuneplan', title: t }, 'test');
    const seqs = await first.appendUpdates(updates.map((update) => ({ boardId: rec.id, update })));
    await first.compact(rec.id, Y.encodeStateAsUpdate(doc), seqs[1]!);
    const tokens = { ...rec.tokens, viewer: hashToken('rotert') };
    await first.setTokens(rec.id, tokens, { owner: 'ny-o', editor: 'ny-e' });

    const second = await open(schema.url);
    expect(await second.getBoard(rec.id)).toEqual({ ...rec, tokens, sealed: { owner: 'ny-o', editor: 'ny-e' } });
    const loaded = await second.loadDocument(rec.id);
    expect(loaded.updates.map((r) => r.seq)).toEqual([seqs[2]]);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, loaded.state!);
    for (const r of loaded.updates) Y.applyUpdate(restored, r.update);
    expect(toBoardJson(restored)).toEqual(toBoardJson(doc));
    const [next] = await second.appendUpdates([{ boardId: rec.id, update: updates[0]! }]);
    expect(next).toBeGreaterThan(seqs[2]!);
    doc.destroy();
    restored.destroy();
  });

  it('refuses to open when Postgres cannot be reached: the server does not start without its store', async () => {
    await expect(PostgresStorage.open('postgres://postgres@127.0.0.1:1/test')).rejects.toThrow();
  });

  it('Postgres faults are storage faults (503/507), a constraint is not', () => {
    expect(classifyStorageError(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBe('full');
    expect(classifyStorageError(Object.assign(new Error('read-only transaction'), { code: '25006' }))).toBe('read_only');
    expect(classifyStorageError(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe('failed');
    expect(classifyStorageError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('failed');
    expect(classifyStorageError(new Error('Connection terminated unexpectedly'))).toBe('failed');
    expect(classifyStorageError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeNull();
  });
});
