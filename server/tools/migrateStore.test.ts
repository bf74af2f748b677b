// SQLite → Postgres: every board, token hash, log row and snapshot arrives, content verified; a
// second run copies nothing and still verifies; a copy that differs from its source is reported.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, toBoardJson } from '../../shared/index';
import { hashToken, newResourceId, newTokens } from '../auth/tokens';
import { PostgresStorage } from '../storage/PostgresStorage';
import { SqliteStorage } from '../storage/SqliteStorage';
import { createTestSchema, type TestSchema } from '../testing/postgres';
import { removeDir } from '../testing/testServer';
import { main, migrateStore } from './migrateStore';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A SQLite store with two boards: one compacted with a log after it, rotated tokens and snapshots; one fresh. */
async function sourceStore(): Promise<{ dir: string; store: SqliteStorage; ids: string[]; docs: Y.Doc[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'malkart-migrate-'));
  cleanups.push(() => removeDir(dir));
  const store = new SqliteStorage(path.join(dir, 'malkart.sqlite'), { synchronous: 'NORMAL' });
  cleanups.push(() => store.close());
  const docs = [new Y.Doc(), new Y.Doc()];
  const ids = [newResourceId(), newResourceId()];
  for (let b = 0; b < 2; b++) {
    await store.createBoard({ id: ids[b]!, createdAt: `2025-0${b + 1}-01T10:00:00.000Z`, tokens: newTokens().hashes, sealed: { owner: `sealed-${b}`, editor: null } }, Y.encodeStateAsUpdate(docs[b]!));
  }
  const updates: Uint8Array[] = [];
  docs[0]!.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 6; i++) createNode(docs[0]!, { kind: 'goal', tier: 'kommuneplan', title: `Mål ${i}` }, 'test');
  const seqs = await store.appendUpdates(updates.map((update) => ({ boardId: ids[0]!, update })));
  await store.compact(ids[0]!, Y.encodeStateAsUpdate(docs[0]!), seqs[3]!);
  await store.setTokens(ids[0]!, { ...(await store.getBoard(ids[0]!))!.tokens, viewer: hashToken('rotert') });
  for (const [label, at] of [['Start', '2025-03-01T09:00:00.000Z'], ['Samme ms A', '2025-03-02T09:00:00.000Z'], ['Samme ms B', '2025-03-02T09:00:00.000Z']] as const) {
    await store.saveSnapshot({
      id: newResourceId(), boardId: ids[0]!, label, createdAt: at, createdBy: 'Kari', auto: label === 'Start',
      counts: { nodes: 6, edges: 0 }, state: Y.encodeStateAsUpdate(docs[0]!), json: JSON.stringify({ label }),
    });
  }
  // An audit log for the first board, and one of a board already deleted (kept for its retention time).
  await store.appendAudit(ids[0]!, { at: '2025-03-01T09:00:00.000Z', action: 'board.create', actor: { name: 'Eier', verified: false } });
  await store.appendAudit(ids[0]!, { at: '2025-03-02T09:00:00.000Z', action: 'tokens.rotate', actor: { name: 'Eier', verified: false } });
  await store.appendAudit('gone-board', { at: '2025-02-01T09:00:00.000Z', action: 'board.delete', actor: { name: 'Eier', verified: false } });
  return { dir, store, ids, docs };
}

async function target(): Promise<{ schema: TestSchema; store: PostgresStorage }> {
  const schema = await createTestSchema();
  cleanups.push(() => schema.drop());
  const store = await PostgresStorage.open(schema.url);
  cleanups.push(() => store.close());
  return { schema, store };
}

describe('migrate-store', () => {
  it('copies every board, token hash, log row and snapshot, and verifies the content', async () => {
    const src = await sourceStore();
    const { store: to } = await target();
    const report = await migrateStore(src.store, to);
    expect(report).toEqual({ boards: 2, copied: 2, alreadyThere: 0, snapshots: 3, logRows: 2, auditEntries: 3, mismatches: [] });
    expect((await to.listAudit(src.ids[0]!, { limit: 10 })).map((e) => e.action)).toEqual(['tokens.rotate', 'board.create']);
    expect((await to.listAudit('gone-board', { limit: 10 })).map((e) => e.action)).toEqual(['board.delete']);
    for (let b = 0; b < 2; b++) {
      expect(await to.getBoard(src.ids[b]!)).toEqual(await src.store.getBoard(src.ids[b]!));
      const stored = await to.loadDocument(src.ids[b]!);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored.state!);
      for (const r of stored.updates) Y.applyUpdate(doc, r.update);
      expect(toBoardJson(doc)).toEqual(toBoardJson(src.docs[b]!));
      doc.destroy();
    }
    expect((await to.listSnapshots(src.ids[0]!)).map((s) => s.label)).toEqual(['Samme ms B', 'Samme ms A', 'Start']);
  });

  it('a board with sign-in (#17) arrives with its link policy, members in their order and open invitations', async () => {
    const src = await sourceStore();
    const id = src.ids[1]!;
    await src.store.setLinkPolicy(id, 'none');
    const member = (sub: string, role: 'owner' | 'editor', side: 'stat' | 'kommune') =>
      ({ boardId: id, sub, name: sub, email: `${sub}@lier.kommune.no`, role, side, addedAt: '2025-04-01T08:00:00.000Z' });
    await src.store.putMember(member('kari', 'owner', 'stat'));
    await src.store.putMember(member('ola', 'editor', 'kommune'));
    await src.store.createInvitation({
      id: 'inv-1', boardId: id, tokenHash: hashToken('invitasjon'), role: 'viewer', side: 'kommune', createdBy: 'kari',
      createdAt: '2025-04-01T08:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z',
    });
    const { store: to } = await target();
    expect((await migrateStore(src.store, to)).mismatches).toEqual([]);
    expect((await to.getBoard(id))?.links).toBe('none');
    expect(await to.listMembers(id)).toEqual(await src.store.listMembers(id));
    expect(await to.listInvitations(id)).toEqual(await src.store.listInvitations(id));
    // Edited in Postgres since: reported, not overwritten.
    await to.removeMember(id, 'ola');
    expect((await migrateStore(src.store, to)).mismatches).toEqual([{ boardId: id, problem: 'members differ (2 in SQLite, 1 in Postgres)' }]);
  });

  it('run twice: the second copies nothing, duplicates nothing and verifies again', async () => {
    const src = await sourceStore();
    const { store: to } = await target();
    await migrateStore(src.store, to);
    const again = await migrateStore(src.store, to);
    expect(again).toMatchObject({ boards: 2, copied: 0, alreadyThere: 2, auditEntries: 0, mismatches: [] });
    const { rows } = await to.pool.query<{ n: number }>('SELECT (SELECT count(*) FROM boards) + (SELECT count(*) FROM snapshots) + (SELECT count(*) FROM update_log) AS n');
    expect(rows[0]!.n).toBe(2 + 3 + 2);
  });

  it('a board that differs in Postgres (edited there since) is reported, not overwritten', async () => {
    const src = await sourceStore();
    const { store: to } = await target();
    await migrateStore(src.store, to);
    const edit = new Y.Doc();
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(src.docs[1]!));
    let update: Uint8Array | null = null;
    edit.on('update', (u: Uint8Array) => (update = u));
    createNode(edit, { kind: 'goal', tier: 'kommuneplan', title: 'Bare i Postgres' }, 'test');
    await to.appendUpdates([{ boardId: src.ids[1]!, update: update! }]);
    const report = await migrateStore(src.store, to);
    expect(report.mismatches).toEqual([{ boardId: src.ids[1], problem: expect.stringMatching(/document differs/) }]);
    expect((await to.loadDocument(src.ids[1]!)).updates).toHaveLength(1);
    edit.destroy();
  });

  it('the command line: --from and --to, exit 0 when verified, 2 without arguments', async () => {
    const src = await sourceStore();
    const { schema, store: to } = await target();
    await src.store.close();
    expect(await main(['--from', src.dir, '--to', schema.url])).toBe(0);
    expect(await main(['--from', src.dir, '--to', schema.url])).toBe(0);
    expect((await to.pool.query('SELECT id FROM boards')).rowCount).toBe(2);
    expect(await main([])).toBe(2);
  });
});
