// One contract, three stores: everything above storage relies on exactly these promises, so the
// SQLite store, the PostgreSQL store and the in-memory store must keep them alike.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, toBoardJson } from '../../shared';
import { hashToken, newResourceId, newTokens } from '../auth/tokens';
import { removeDir } from '../testing/testServer';
import type { BoardRecord, BoardStorage, SnapshotRecord } from './BoardStorage';
import { MemoryStorage } from './MemoryStorage';
import { SqliteStorage } from './SqliteStorage';
import { PostgresStorage } from './PostgresStorage';
import { createTestSchema, type TestSchema } from '../testing/postgres';

const dirs: string[] = [];
const schemas: TestSchema[] = [];
const stores: BoardStorage[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) removeDir(d);
  for (const s of schemas.splice(0)) await s.drop();
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'malkart-storage-'));
  dirs.push(dir);
  return path.join(dir, 'malkart.sqlite');
}

/** A PostgresStorage in a schema of its own, dropped after the test. */
async function postgres(): Promise<PostgresStorage> {
  const schema = await createTestSchema();
  schemas.push(schema);
  return PostgresStorage.open(schema.url);
}

const factories: [string, () => BoardStorage | Promise<BoardStorage>][] = [
  ['SqliteStorage', () => new SqliteStorage(tempFile())],
  ['PostgresStorage', postgres],
  // FULL (the default) appends through the log writer thread, NORMAL on the event loop: the same contract must hold.
  ['SqliteStorage (NORMAL)', () => new SqliteStorage(tempFile(), { synchronous: 'NORMAL' })],
  ['MemoryStorage', () => new MemoryStorage()],
];

function board(id = newResourceId(), createdAt = new Date().toISOString()): BoardRecord {
  return { id, createdAt, tokens: newTokens().hashes };
}

/** A real update that adds one card; `base` is the document it extends. */
function cardUpdate(base: Y.Doc, title: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const grab = (u: Uint8Array) => (captured = u);
  base.on('update', grab);
  createNode(base, { kind: 'goal', tier: 'kommuneplan', title }, 'test');
  base.off('update', grab);
  return captured!;
}

function replay(stored: { state: Uint8Array | null; updates: { update: Uint8Array }[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc;
}

function snapshot(boardId: string, label: string, createdAt: string, auto = false): SnapshotRecord {
  return {
    id: newResourceId(), boardId, label, createdAt, createdBy: 'Kari', auto,
    counts: { nodes: 1, edges: 0 },
    state: new Uint8Array([0, 0, label.length]), json: JSON.stringify({ label }),
  } as SnapshotRecord;
}

const bytes = (u: Uint8Array | null | undefined) => (u ? [...u] : u);

describe.each(factories)('%s keeps the BoardStorage contract', (_name, make) => {
  const open = async () => {
    const s = await make();
    stores.push(s);
    return s;
  };

  it('creates, reads, re-keys and deletes a board', async () => {
    const s = await open();
    const rec = board();
    const initial = Y.encodeStateAsUpdate(new Y.Doc());
    await s.createBoard(rec, initial);
    expect(await s.getBoard(rec.id)).toEqual(rec);
    expect(await s.getBoard('nope')).toBeUndefined();
    const loaded = await s.loadDocument(rec.id);
    expect(bytes(loaded.state)).toEqual([...initial]);
    expect(loaded.updates).toEqual([]);

    const tokens = { owner: rec.tokens.owner, editor: hashToken('e2'), viewer: hashToken('v2') };
    await s.setTokens(rec.id, tokens);
    expect((await s.getBoard(rec.id))?.tokens).toEqual(tokens);

    await s.deleteBoard(rec.id);
    expect(await s.getBoard(rec.id)).toBeUndefined();
  });

  it('refuses a second board with the same id', async () => {
    const s = await open();
    const rec = board();
    await s.createBoard(rec, new Uint8Array([0, 0]));
    await expect(s.createBoard(rec, new Uint8Array([0, 0]))).rejects.toThrow();
  });

  it('a board it never had loads as empty, not as an error', async () => {
    const s = await open();
    expect(await s.loadDocument('missing')).toEqual({ state: null, updates: [] });
  });

  it('keeps a board\'s link policy (absent until set)', async () => {
    const s = await open();
    const rec = board();
    await s.createBoard(rec, new Uint8Array([0, 0]));
    expect((await s.getBoard(rec.id))?.links).toBeUndefined();
    await s.setLinkPolicy(rec.id, 'viewer');
    expect((await s.getBoard(rec.id))?.links).toBe('viewer');
    await s.setLinkPolicy(rec.id, 'none');
    expect((await s.getBoard(rec.id))?.links).toBe('none');
  });

  it('stores, finds and deletes sessions by the hash of their id', async () => {
    const s = await open();
    const session = { idHash: hashToken('cookie'), sub: 'kari', name: 'Kari Nordmann', email: 'kari@lier.kommune.no', idToken: 'eyJ…', createdAt: '2026-01-01T08:00:00.000Z', expiresAt: '2026-01-01T20:00:00.000Z' };
    await s.createSession(session);
    await s.createSession({ ...session, idHash: hashToken('other'), idToken: null });
    expect(await s.getSession(session.idHash)).toEqual(session);
    expect((await s.getSession(hashToken('other')))?.idToken).toBeNull();
    await s.deleteSession(session.idHash);
    expect(await s.getSession(session.idHash)).toBeUndefined();
    expect(await s.getSession(hashToken('other'))).toBeDefined();
  });

  it('keeps a login under way (#17) until it is taken, once, or has expired', async () => {
    const s = await open();
    const login = { keyHash: hashToken('login'), state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/b/x', expiresAt: '2026-01-01T08:10:00.000Z' };
    await s.putPendingLogin(login, '2026-01-01T08:00:00.000Z');
    await s.putPendingLogin({ ...login, keyHash: hashToken('late'), expiresAt: '2026-01-01T08:20:00.000Z' }, '2026-01-01T08:01:00.000Z');
    // Of two callbacks with one cookie (a replay, or a double click), one gets it.
    const [first, second] = await Promise.all([s.takePendingLogin(login.keyHash, '2026-01-01T08:05:00.000Z'), s.takePendingLogin(login.keyHash, '2026-01-01T08:05:00.000Z')]);
    expect([first, second].filter(Boolean)).toEqual([login]);
    // Taken after its expiry: gone, and not given.
    expect(await s.takePendingLogin(hashToken('late'), '2026-01-01T08:20:00.000Z')).toBeUndefined();
    expect(await s.takePendingLogin(hashToken('late'), '2026-01-01T08:00:00.000Z')).toBeUndefined();
    // Putting one drops the expired ones.
    await s.putPendingLogin({ ...login, keyHash: hashToken('old'), expiresAt: '2026-01-01T08:30:00.000Z' }, '2026-01-01T08:00:00.000Z');
    await s.putPendingLogin({ ...login, keyHash: hashToken('new'), expiresAt: '2026-01-01T09:10:00.000Z' }, '2026-01-01T09:00:00.000Z');
    expect(await s.takePendingLogin(hashToken('old'), '2026-01-01T08:01:00.000Z')).toBeUndefined();
    expect(await s.takePendingLogin(hashToken('new'), '2026-01-01T09:01:00.000Z')).toMatchObject({ returnTo: '/b/x' });
  });

  it('keeps members per board: put replaces role and side in place, remove, memberships of a person, gone with the board', async () => {
    const s = await open();
    const a = board();
    const b = board();
    await s.createBoard(a, new Uint8Array([0, 0]));
    await s.createBoard(b, new Uint8Array([0, 0]));
    const kari = { boardId: a.id, sub: 'kari', name: 'Kari', email: 'kari@x.no', role: 'owner' as const, side: 'stat' as const, addedAt: '2026-01-01T08:00:00.000Z' };
    const ola = { ...kari, sub: 'ola', name: 'Ola', email: 'ola@x.no', role: 'editor' as const, side: 'gjest' as const, addedAt: '2026-01-01T08:01:00.000Z' };
    await s.putMember(kari);
    await s.putMember(ola);
    await s.putMember({ ...kari, boardId: b.id, role: 'viewer' });
    await s.putMember({ ...ola, side: 'kommune', addedAt: '2026-01-02T00:00:00.000Z' });
    expect(await s.getMember(a.id, 'ola')).toEqual({ ...ola, side: 'kommune' });
    expect((await s.listMembers(a.id)).map((m) => [m.sub, m.side])).toEqual([['kari', 'stat'], ['ola', 'kommune']]);
    expect((await s.listMemberships('kari')).map((m) => [m.boardId, m.role])).toEqual([[a.id, 'owner'], [b.id, 'viewer']]);
    await s.removeMember(a.id, 'ola');
    expect(await s.getMember(a.id, 'ola')).toBeUndefined();
    await s.deleteBoard(a.id);
    expect(await s.listMembers(a.id)).toEqual([]);
    expect((await s.listMemberships('kari')).map((m) => m.boardId)).toEqual([b.id]);
  });

  it('an invitation is taken once, listed per board until then, and deleted with its board', async () => {
    const s = await open();
    const a = board();
    await s.createBoard(a, new Uint8Array([0, 0]));
    const inv = { id: 'inv1', boardId: a.id, tokenHash: hashToken('invite'), role: 'editor' as const, side: 'kommune' as const, createdBy: 'kari', createdAt: '2026-01-01T08:00:00.000Z', expiresAt: '2026-01-08T08:00:00.000Z' };
    await s.createInvitation(inv);
    await s.createInvitation({ ...inv, id: 'inv2', tokenHash: hashToken('invite2') });
    expect(await s.getInvitation(inv.tokenHash)).toEqual(inv);
    expect((await s.listInvitations(a.id)).map((i) => i.id)).toEqual(['inv1', 'inv2']);
    const [first, second] = await Promise.all([s.takeInvitation(inv.tokenHash), s.takeInvitation(inv.tokenHash)]);
    expect([first, second].filter(Boolean)).toEqual([inv]);
    await s.deleteInvitation(a.id, 'inv2');
    expect(await s.listInvitations(a.id)).toEqual([]);
    await s.createInvitation({ ...inv, id: 'inv3', tokenHash: hashToken('invite3') });
    await s.deleteBoard(a.id);
    expect(await s.getInvitation(hashToken('invite3'))).toBeUndefined();
  });

  it('appendUpdates returns increasing sequence numbers; loadDocument gives each board its own rows in order', async () => {
    const s = await open();
    const a = board();
    const b = board();
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    await s.createBoard(a, Y.encodeStateAsUpdate(docA));
    await s.createBoard(b, Y.encodeStateAsUpdate(docB));

    const seqs: number[] = [];
    const sentA: Uint8Array[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const entries = [];
      for (let i = 0; i < 3; i++) {
        const u = cardUpdate(docA, `A${batch}.${i}`);
        sentA.push(u);
        entries.push({ boardId: a.id, update: u });
        // Interleave the other board's rows in the same transaction.
        entries.push({ boardId: b.id, update: cardUpdate(docB, `B${batch}.${i}`) });
      }
      const got = await s.appendUpdates(entries);
      expect(got).toHaveLength(entries.length);
      seqs.push(...got);
    }
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);

    const loaded = await s.loadDocument(a.id);
    expect(loaded.updates.map((r) => bytes(r.update))).toEqual(sentA.map((u) => [...u]));
    const loadedSeqs = loaded.updates.map((r) => r.seq);
    expect(loadedSeqs).toEqual([...loadedSeqs].sort((x, y) => x - y));
    expect(loadedSeqs.every((q) => seqs.includes(q))).toBe(true);

    const restored = replay(loaded);
    expect(toBoardJson(restored)).toEqual(toBoardJson(docA));
    expect((await s.loadDocument(b.id)).updates).toHaveLength(15);
    [docA, docB, restored].forEach((d) => d.destroy());
  });

  it('compact writes the state and deletes only rows up to upToSeq, leaving later rows', async () => {
    const s = await open();
    const rec = board();
    const other = board();
    const doc = new Y.Doc();
    await s.createBoard(rec, Y.encodeStateAsUpdate(doc));
    await s.createBoard(other, new Uint8Array([0, 0]));
    const first = await s.appendUpdates([1, 2, 3, 4].map((i) => ({ boardId: rec.id, update: cardUpdate(doc, `før ${i}`) })));
    const otherSeqs = await s.appendUpdates([{ boardId: other.id, update: cardUpdate(new Y.Doc(), 'annen tavle') }]);
    const compactedState = Y.encodeStateAsUpdate(doc);
    const upTo = first[first.length - 1]!;
    const later = await s.appendUpdates([5, 6].map((i) => ({ boardId: rec.id, update: cardUpdate(doc, `etter ${i}`) })));

    await s.compact(rec.id, compactedState, upTo);
    const loaded = await s.loadDocument(rec.id);
    expect(bytes(loaded.state)).toEqual([...compactedState]);
    expect(loaded.updates.map((r) => r.seq)).toEqual(later);
    // The compacted state and the rows after it are the whole board.
    const restored = replay(loaded);
    expect(toBoardJson(restored)).toEqual(toBoardJson(doc));
    expect(toBoardJson(restored).nodes).toHaveLength(6);
    // Another board's rows are not touched, whatever their sequence numbers.
    expect((await s.loadDocument(other.id)).updates.map((r) => r.seq)).toEqual(otherSeqs);

    // Compacting everything empties the log.
    await s.compact(rec.id, Y.encodeStateAsUpdate(doc), later[later.length - 1]!);
    expect((await s.loadDocument(rec.id)).updates).toEqual([]);
    doc.destroy();
    restored.destroy();
  });

  it('saves snapshots, lists them newest first without their content, gets and deletes them', async () => {
    const s = await open();
    const rec = board();
    await s.createBoard(rec, new Uint8Array([0, 0]));
    // Saved out of time order: "newest" is by createdAt, not by when the row was written.
    const mid = snapshot(rec.id, 'Etter workshop 12. mars', '2025-03-12T15:00:00.000Z');
    const old = snapshot(rec.id, 'Start', '2025-03-01T09:00:00.000Z', true);
    const newest = snapshot(rec.id, 'Før gjenoppretting', '2025-04-01T08:00:00.000Z', true);
    for (const snap of [mid, old, newest]) await s.saveSnapshot(snap);

    const list = await s.listSnapshots(rec.id);
    expect(list.map((x) => x.label)).toEqual(['Før gjenoppretting', 'Etter workshop 12. mars', 'Start']);
    expect(list[0]).toMatchObject({ id: newest.id, boardId: rec.id, createdAt: newest.createdAt, createdBy: 'Kari', auto: true });
    expect(list[1]!.auto).toBe(false);
    for (const x of list) {
      expect(x).not.toHaveProperty('state');
      expect(x).not.toHaveProperty('json');
    }

    const got = await s.getSnapshot(rec.id, mid.id);
    expect(got).toMatchObject({ id: mid.id, boardId: rec.id, label: mid.label, createdAt: mid.createdAt, createdBy: 'Kari', auto: false, json: mid.json });
    expect(bytes(got!.state)).toEqual([...mid.state]);
    expect(await s.getSnapshot(rec.id, 'nope')).toBeUndefined();
    expect(await s.getSnapshot('other-board', mid.id)).toBeUndefined();

    await s.deleteSnapshots(rec.id, [mid.id, old.id]);
    expect((await s.listSnapshots(rec.id)).map((x) => x.id)).toEqual([newest.id]);
    expect(await s.getSnapshot(rec.id, old.id)).toBeUndefined();
  });

  it('snapshots made in the same millisecond list the later one first', async () => {
    const s = await open();
    const rec = board();
    await s.createBoard(rec, new Uint8Array([0, 0]));
    const at = '2025-05-05T10:00:00.000Z';
    const a = snapshot(rec.id, 'første', at);
    const b = snapshot(rec.id, 'andre', at);
    await s.saveSnapshot(a);
    await s.saveSnapshot(b);
    expect((await s.listSnapshots(rec.id)).map((x) => x.label)).toEqual(['andre', 'første']);
  });

  it('keeps the side-bound link hashes (#16), and a board without them reads back without them', async () => {
    const s = await open();
    const withSides = board();
    expect(withSides.tokens.stat).toBeDefined();
    await s.createBoard(withSides, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await s.getBoard(withSides.id)).toEqual(withSides);
    const { stat: _s, kommune: _k, ...older } = withSides.tokens;
    const old: BoardRecord = { id: newResourceId(), createdAt: withSides.createdAt, tokens: older };
    await s.createBoard(old, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await s.getBoard(old.id)).toEqual(old);
    const rotated = { ...older, stat: hashToken('s2'), kommune: hashToken('k2') };
    await s.setTokens(old.id, rotated);
    expect((await s.getBoard(old.id))!.tokens).toEqual(rotated);
  });

  it('appends audit entries and lists them newest first, a page at a time; they outlive the board until purged', async () => {
    const s = await open();
    const a = board();
    const b = board();
    await s.createBoard(a, Y.encodeStateAsUpdate(new Y.Doc()));
    await s.createBoard(b, Y.encodeStateAsUpdate(new Y.Doc()));
    const actor = { name: 'Kari', verified: false };
    for (let i = 0; i < 5; i++) await s.appendAudit(a.id, { at: `2026-01-01T10:00:0${i}.000Z`, action: 'agreement.give', actor, target: `G${i}`, details: { side: 'stat' } });
    await s.appendAudit(b.id, { at: '2026-01-01T10:00:00.000Z', action: 'board.create', actor });
    const first = await s.listAudit(a.id, { limit: 2 });
    expect(first.map((e) => e.target)).toEqual(['G4', 'G3']);
    expect(first[0]).toMatchObject({ action: 'agreement.give', actor, details: { side: 'stat' } });
    const next = await s.listAudit(a.id, { before: first[1]!.seq, limit: 10 });
    expect(next.map((e) => e.target)).toEqual(['G2', 'G1', 'G0']);
    expect((await s.listAudit(b.id, { limit: 10 })).map((e) => e.action)).toEqual(['board.create']);

    await s.appendAudit(a.id, { at: '2026-01-02T00:00:00.000Z', action: 'board.delete', actor });
    await s.deleteBoard(a.id);
    expect(await s.listAudit(a.id, { limit: 1 })).toEqual([expect.objectContaining({ action: 'board.delete' })]);
    // Purged only once the deletion is older than the cut-off, and never a board that still exists.
    expect(await s.purgeAudit('2026-01-01T12:00:00.000Z')).toBe(0);
    expect(await s.purgeAudit('2026-01-03T00:00:00.000Z')).toBe(6);
    expect(await s.listAudit(a.id, { limit: 10 })).toEqual([]);
    expect(await s.listAudit(b.id, { limit: 10 })).toHaveLength(1);
  });

  it('keeps one ballot per participant and vote, replaced when they vote again; cleared per vote and with the board', async () => {
    const s = await open();
    const rec = board();
    await s.createBoard(rec, Y.encodeStateAsUpdate(new Y.Doc()));
    const at = '2026-01-01T10:00:00.000Z';
    await s.putBallot(rec.id, { voteId: 'v1', participantId: 'p2', name: 'Per', dots: { G1: 2 }, at });
    await s.putBallot(rec.id, { voteId: 'v1', participantId: 'p1', name: 'Kari', dots: { G1: 1 }, at });
    await s.putBallot(rec.id, { voteId: 'v1', participantId: 'p1', name: 'Kari', dots: { G2: 3 }, at });
    await s.putBallot(rec.id, { voteId: 'v2', participantId: 'p1', name: 'Kari', dots: { G1: 1 }, at });
    expect(await s.listBallots(rec.id, 'v1')).toEqual([
      { voteId: 'v1', participantId: 'p1', name: 'Kari', dots: { G2: 3 }, at },
      { voteId: 'v1', participantId: 'p2', name: 'Per', dots: { G1: 2 }, at },
    ]);
    await s.clearBallots(rec.id, 'v1');
    expect(await s.listBallots(rec.id, 'v1')).toEqual([]);
    expect(await s.listBallots(rec.id, 'v2')).toHaveLength(1);
    await s.deleteBoard(rec.id);
    expect(await s.listBallots(rec.id, 'v2')).toEqual([]);
    // A ballot for a board that is gone is dropped, not an error.
    await s.putBallot(rec.id, { voteId: 'v2', participantId: 'p1', name: 'Kari', dots: {}, at });
    expect(await s.listBallots(rec.id, 'v2')).toEqual([]);
  });

  it('deleteBoard removes the log, the state and the snapshots, and no other board', async () => {
    const s = await open();
    const rec = board();
    const keep = board();
    const doc = new Y.Doc();
    await s.createBoard(rec, Y.encodeStateAsUpdate(doc));
    await s.createBoard(keep, Y.encodeStateAsUpdate(doc));
    await s.appendUpdates([{ boardId: rec.id, update: cardUpdate(doc, 'borte') }, { boardId: keep.id, update: cardUpdate(doc, 'blir') }]);
    const snap = snapshot(rec.id, 'borte', new Date().toISOString());
    const kept = snapshot(keep.id, 'blir', new Date().toISOString());
    await s.saveSnapshot(snap);
    await s.saveSnapshot(kept);

    await s.deleteBoard(rec.id);
    expect(await s.loadDocument(rec.id)).toEqual({ state: null, updates: [] });
    expect(await s.listSnapshots(rec.id)).toEqual([]);
    expect(await s.getSnapshot(rec.id, snap.id)).toBeUndefined();

    expect(await s.getBoard(keep.id)).toEqual(keep);
    expect((await s.loadDocument(keep.id)).updates).toHaveLength(1);
    expect((await s.listSnapshots(keep.id)).map((x) => x.id)).toEqual([kept.id]);
    doc.destroy();
  });
});

describe('SqliteStorage on disk', () => {
  it('reopened from the same file keeps boards, tokens, state, log and snapshots', async () => {
    const file = tempFile();
    const first = new SqliteStorage(file);
    const rec = board(newResourceId(), '2025-01-02T03:04:05.000Z');
    const doc = new Y.Doc();
    await first.createBoard(rec, Y.encodeStateAsUpdate(doc));
    const seqs1 = await first.appendUpdates([1, 2, 3].map((i) => ({ boardId: rec.id, update: cardUpdate(doc, `kort ${i}`) })));
    await first.compact(rec.id, Y.encodeStateAsUpdate(doc), seqs1[1]!);
    const tokens = { ...rec.tokens, viewer: hashToken('rotert') };
    await first.setTokens(rec.id, tokens);
    const snap = snapshot(rec.id, 'Etter workshop', '2025-03-12T15:00:00.000Z');
    await first.saveSnapshot(snap);
    const before = await first.loadDocument(rec.id);
    await first.close();

    const second = new SqliteStorage(file);
    stores.push(second);
    expect(await second.getBoard(rec.id)).toEqual({ ...rec, tokens });
    const after = await second.loadDocument(rec.id);
    expect(bytes(after.state)).toEqual(bytes(before.state));
    expect(after.updates.map((r) => [r.seq, bytes(r.update)])).toEqual(before.updates.map((r) => [r.seq, bytes(r.update)]));
    expect(after.updates.map((r) => r.seq)).toEqual([seqs1[2]]);
    const restored = replay(after);
    expect(toBoardJson(restored)).toEqual(toBoardJson(doc));
    expect((await second.listSnapshots(rec.id)).map((x) => x.id)).toEqual([snap.id]);
    expect(bytes((await second.getSnapshot(rec.id, snap.id))!.state)).toEqual([...snap.state]);
    // Sequence numbers keep increasing after a reopen: a new row never reuses an old seq.
    const [next] = await second.appendUpdates([{ boardId: rec.id, update: cardUpdate(doc, 'etter omstart') }]);
    expect(next).toBeGreaterThan(seqs1[2]!);
    doc.destroy();
    restored.destroy();
  });

  it('runs in WAL mode with foreign keys on', () => {
    const s = new SqliteStorage(tempFile());
    stores.push(s);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
