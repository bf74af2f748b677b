// #16 §2: agreements are written by the server alone. The stat and kommune links agree for their
// own side over the API (two people at the same moment); the record carries the server's time and
// fingerprint; a raw client that writes a record itself is refused (not stored, not relayed) and
// closed with 4423.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { agree, agreementOf, boardMaps, updateNode, workshopMaps } from '../../shared';
import { CLOSE } from '../../shared';
import { callApi } from '../testing/api';
import { SqliteStorage } from '../storage/SqliteStorage';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor, type TestServer } from '../testing/testServer';

cleanUpAfterEach();

interface Board {
  id: string;
  tokens: Record<'owner' | 'editor' | 'viewer' | 'stat' | 'kommune', string>;
}

async function setUp(storage?: SqliteStorage & { dataDir: string }): Promise<{ server: TestServer; board: Board }> {
  const server = await startTestServer({ autoSnapshotMs: 0, ...(storage ? { storage, dataDir: storage.dataDir } : {}) });
  const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
  return { server, board };
}

/** A real SQLite store whose log appends fail (as a full disk would) while `failing.on` is set. */
function failingStore(): { storage: SqliteStorage & { dataDir: string }; failing: { on: boolean } } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-test-'));
  const storage = Object.assign(new SqliteStorage(path.join(dataDir, 'malkart.sqlite')), { dataDir });
  const failing = { on: false };
  const append = storage.appendUpdates.bind(storage);
  storage.appendUpdates = (entries) => (failing.on ? Promise.reject(new Error('disk full')) : append(entries));
  return { storage, failing };
}

/** The board as stored: its state and every log row after it. */
async function fromDisk(server: TestServer, boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await server.storage.loadDocument(boardId);
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const row of stored.updates) Y.applyUpdate(doc, row.update);
  return doc;
}

const give = (server: TestServer, board: Board, token: string, json: unknown) => callApi(server.url, 'POST', `/api/boards/${board.id}/agreements`, { token, json });

describe('agreements over the API', () => {
  it('POST /api/boards makes stat and kommune links, each an editor bound to its side', async () => {
    const { server, board } = await setUp();
    expect(Object.keys(board.tokens).sort()).toEqual(['editor', 'kommune', 'owner', 'stat', 'viewer']);
    expect(new Set(Object.values(board.tokens)).size).toBe(5);
    const stat = await callApi(server.url, 'GET', `/api/boards/${board.id}`, { token: board.tokens.stat });
    expect(stat.body).toMatchObject({ role: 'editor', link: 'stat', side: 'stat' });
    const editor = await callApi(server.url, 'GET', `/api/boards/${board.id}`, { token: board.tokens.editor });
    expect(editor.body).toMatchObject({ role: 'editor', link: 'editor' });
    expect(editor.body.side).toBeUndefined();
  });

  it('both sides agree at the same moment: 201, every client sees «avtalt» with the server time and unverified names', async () => {
    const { server, board } = await setUp();
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await watcher.synced;
    const before = new Date().toISOString();
    const [s, k] = await Promise.all([
      give(server, board, board.tokens.stat, { targetId: 'K2', side: 'stat', name: 'Siri Stat' }),
      give(server, board, board.tokens.kommune, { targetId: 'K2', side: 'kommune', name: 'Kari Kommune' }),
    ]);
    expect([s.status, k.status]).toEqual([201, 201]);
    expect(s.body.record).toMatchObject({ targetId: 'K2', side: 'stat', name: 'Siri Stat', verified: false });
    expect(s.body.record.at >= before && s.body.record.at <= new Date().toISOString()).toBe(true);
    await waitFor(() => agreementOf(watcher.doc, 'K2').state === 'avtalt', 10_000, 'the viewer to see «avtalt»');
    expect(agreementOf(watcher.doc, 'K2').stat).toEqual(s.body.record);
    // Agreeing again to the same content keeps the first record.
    const again = await give(server, board, board.tokens.stat, { targetId: 'K2', side: 'stat', name: 'Someone Else' });
    expect(again.body.record).toEqual(s.body.record);
  });

  it('two people agree on the same goal at the same time while a third edits: both records and the edit land, every client and the store hold them', async () => {
    const { server, board } = await setUp();
    const stat = connectClient(server.wsUrl, board.id, board.tokens.stat);
    const kommune = connectClient(server.wsUrl, board.id, board.tokens.kommune);
    const editor = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([stat.synced, kommune.synced, editor.synced]);
    const agreed = Promise.all([
      give(server, board, board.tokens.stat, { targetId: 'K2', side: 'stat', name: 'Siri Stat' }),
      give(server, board, board.tokens.kommune, { targetId: 'K2', side: 'kommune', name: 'Kari Kommune' }),
    ]);
    updateNode(editor.doc, 'K4', { title: 'Imens endret' }, 'edit');
    const [s, k] = await agreed;
    expect([s.status, k.status]).toEqual([201, 201]);
    for (const c of [stat, kommune, editor]) {
      await waitFor(() => agreementOf(c.doc, 'K2').state === 'avtalt' && String(boardMaps(c.doc).nodes.get('K4')!.get('title')) === 'Imens endret', 10_000, 'both records and the edit');
      expect(agreementOf(c.doc, 'K2')).toMatchObject({ stat: s.body.record, kommune: k.body.record });
    }
    await server.rooms.closeBoard(board.id, { code: 1012, reason: 'test' });
    const stored = await fromDisk(server, board.id);
    expect(agreementOf(stored, 'K2')).toMatchObject({ state: 'avtalt', stat: s.body.record, kommune: k.body.record });
    expect(String(boardMaps(stored).nodes.get('K4')!.get('title'))).toBe('Imens endret');
  });

  it('an agreement that could not be stored is refused and reaches no client and not the store; the next one lands alone', async () => {
    const { storage, failing } = failingStore();
    const { server, board } = await setUp(storage);
    const stat = connectClient(server.wsUrl, board.id, board.tokens.stat);
    const kommune = connectClient(server.wsUrl, board.id, board.tokens.kommune);
    await Promise.all([stat.synced, kommune.synced]);
    failing.on = true;
    const lost = await give(server, board, board.tokens.stat, { targetId: 'K2', side: 'stat', name: 'Siri Stat' });
    expect(lost.status).toBeGreaterThanOrEqual(500);
    failing.on = false;
    const next = await give(server, board, board.tokens.kommune, { targetId: 'K3', side: 'kommune', name: 'Kari Kommune' });
    expect(next.status).toBe(201);
    // Updates reach a client in the order the server sends them: once the second is there, the first would have been too.
    for (const c of [stat, kommune]) {
      await waitFor(() => agreementOf(c.doc, 'K3').state === 'kommune', 10_000, 'the second agreement');
      expect(workshopMaps(c.doc).agreements.size).toBe(1);
      expect(c.closes).toEqual([]);
    }
    const live = await server.rooms.withRoom(board.id, (room) => [...workshopMaps(room.doc).agreements.keys()]);
    expect(live).toEqual(['K3|kommune']);
    const log = await callApi(server.url, 'GET', `/api/boards/${board.id}/audit`, { token: board.tokens.owner });
    const agreements = (log.body.entries as { action: string; details?: { side?: string } }[]).filter((e) => e.action.startsWith('agreement.'));
    expect(agreements.map((e) => `${e.action} ${e.details?.side}`)).toEqual(['agreement.give kommune']);
    await server.rooms.closeBoard(board.id, { code: 1012, reason: 'test' });
    expect([...workshopMaps(await fromDisk(server, board.id)).agreements.keys()]).toEqual(['K3|kommune']);
  });

  it('wrong side, the plain editor link, the owner link and a viewer are 403; an unknown card 404; a vision 400', async () => {
    const { server, board } = await setUp();
    for (const token of [board.tokens.kommune, board.tokens.editor, board.tokens.owner, board.tokens.viewer]) {
      const r = await give(server, board, token, { targetId: 'K2', side: 'stat', name: 'Mallory' });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('side_not_bound');
    }
    expect((await give(server, board, board.tokens.stat, { targetId: 'NOPE', side: 'stat', name: 'Siri' })).status).toBe(404);
    expect((await give(server, board, board.tokens.stat, { targetId: 'K0', side: 'stat', name: 'Siri' })).status).toBe(400);
    expect((await give(server, board, board.tokens.stat, { targetId: 'K2', side: 'stat' })).status).toBe(400);
    expect((await give(server, board, board.tokens.stat, { targetId: 'K2', side: 'brukerrep', name: 'Siri' })).status).toBe(400);
  });

  it('DELETE withdraws the own side only (204), and a content edit still clears it on every replica', async () => {
    const { server, board } = await setUp();
    const editor = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await editor.synced;
    await give(server, board, board.tokens.stat, { targetId: 'K2', side: 'stat', name: 'Siri' });
    await give(server, board, board.tokens.kommune, { targetId: 'K3', side: 'kommune', name: 'Kari' });
    expect((await callApi(server.url, 'DELETE', `/api/boards/${board.id}/agreements/K2/stat`, { token: board.tokens.kommune })).status).toBe(403);
    expect((await callApi(server.url, 'DELETE', `/api/boards/${board.id}/agreements/K2/stat`, { token: board.tokens.stat })).status).toBe(204);
    await waitFor(() => agreementOf(editor.doc, 'K3').state === 'kommune' && agreementOf(editor.doc, 'K2').state === 'open', 10_000, 'the records to arrive');
    // An edit of the content (by an ordinary editor) clears the kommune agreement everywhere.
    updateNode(editor.doc, 'K3', { title: 'Endret tittel' }, 'edit');
    const fresh = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await fresh.synced;
    await waitFor(() => agreementOf(fresh.doc, 'K3').state === 'open', 10_000, 'the edit to clear it');
    expect(agreementOf(fresh.doc, 'K3').cleared).toHaveLength(1);
  });

  it('a raw client that writes an agreement itself is refused, closed with 4423, and nobody ever sees the record', async () => {
    const { server, board } = await setUp();
    const forger = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const other = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([forger.synced, other.synced]);
    // The attack of the issue: one connection writes both sides' records with invented names.
    expect(agree(forger.doc, { targetId: 'K2', side: 'stat', participantId: 'p-x', name: 'Invented Stat', at: '2020-01-01T00:00:00.000Z' }, 'forge').ok).toBe(true);
    expect(agree(forger.doc, { targetId: 'K2', side: 'kommune', participantId: 'p-y', name: 'Invented Kommune', at: '2020-01-01T00:00:00.000Z' }, 'forge').ok).toBe(true);
    await waitFor(() => forger.closes.length > 0, 10_000, 'the forger to be closed');
    expect(forger.closes[0]!.code).toBe(CLOSE.serverWritten.code);
    // Even a side-bound link may not write the record itself.
    const statRaw = connectClient(server.wsUrl, board.id, board.tokens.stat);
    await statRaw.synced;
    workshopMaps(statRaw.doc).agreements.set('K3|stat', { targetId: 'K3', side: 'stat', participantId: 'p', name: 'Siri', at: '2020-01-01T00:00:00.000Z', fingerprint: 'abc' });
    await waitFor(() => statRaw.closes.length > 0, 10_000, 'the stat raw client to be closed');
    expect(statRaw.closes[0]!.code).toBe(CLOSE.serverWritten.code);
    // The other editor goes on, and neither it nor a newcomer holds a forged record.
    updateNode(other.doc, 'K4', { title: 'Fortsatt arbeid' }, 'good');
    const fresh = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await fresh.synced;
    await waitFor(() => String(boardMaps(fresh.doc).nodes.get('K4')!.get('title')) === 'Fortsatt arbeid', 10_000, 'the good edit');
    for (const doc of [other.doc, fresh.doc]) expect(workshopMaps(doc).agreements.size).toBe(0);
    // Nor does the store: a reload gives no record either.
    await server.rooms.closeBoard(board.id, { code: 1012, reason: 'test' });
    const reloaded = new Y.Doc();
    const stored = await server.storage.loadDocument(board.id);
    if (stored.state) Y.applyUpdate(reloaded, stored.state);
    for (const row of stored.updates) Y.applyUpdate(reloaded, row.update);
    expect(workshopMaps(reloaded).agreements.size).toBe(0);
  });
});
