// Issue #12 finding 8: the CRDT accepted what the schema forbids (a nested Y.Map in planRef,
// garbage in meta.language, a title of millions of characters), and exports, snapshots and
// restores of that board then failed with 500. Two editors on one board: the one who writes
// such a thing is disconnected with a clear code, the other keeps working and never sees it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { CLOSE, boardMaps, moveNodes, parseBoardJson, plainValue, updateNode } from '../../shared';

const UPDATE_REFUSED = CLOSE.updateRefused;
import { SqliteStorage } from '../storage/SqliteStorage';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor, type TestServer } from '../testing/testServer';

let server: TestServer | null = null;
cleanUpAfterEach();

const nodeOf = (doc: Y.Doc, id: string) => boardMaps(doc).nodes.get(id)!;

const HOSTILE: [string, (doc: Y.Doc) => void][] = [
  ['a nested Y.Map in planRef', (doc) => nodeOf(doc, 'K0').set('planRef', new Y.Map([['x', 1]]))],
  ['garbage in meta.language', (doc) => boardMaps(doc).meta.set('language', 'klingon')],
  ['a title past its length bound', (doc) => nodeOf(doc, 'K0').set('title', 'x'.repeat(100_000))],
  ['typing a description past its bound', (doc) => (nodeOf(doc, 'K0').get('description') as Y.Text).insert(0, 'y'.repeat(30_000))],
  ['a card 5 px wide', (doc) => boardMaps(doc).layout.set('K0', { x: 0, y: 0, width: 5, height: 100 })],
  ['a card with an unknown kind', (doc) => boardMaps(doc).nodes.set('N9', new Y.Map<unknown>([['kind', 'bogus'], ['tier', 'national'], ['owner', 'stat'], ['title', 't']]))],
  ['a field no card has', (doc) => nodeOf(doc, 'K0').set('secret', 'x')],
  ['a part of the document no board has', (doc) => doc.getMap('elsewhere').set('x', 1)],
  ['a measured value that is not a number', (doc) => doc.getMap('indicatorValues').set('K6/2024', { value: 'mange' })],
  ['a measured value under a key that is no period', (doc) => doc.getMap('indicatorValues').set('K6/soon', { value: 1 })],
  ['an SDG list holding a code that is no SDG', (doc) => nodeOf(doc, 'K0').set('sdg', Y.Array.from(['99']))],
  ['a code pushed into an SDG list that is no SDG', (doc) => (nodeOf(doc, 'K2').get('sdg') as Y.Array<string>).push(['ikke et mål'])],
  ['an SDG list of 500 codes', (doc) => (nodeOf(doc, 'K2').get('sdg') as Y.Array<string>).push(Array.from({ length: 500 }, (_, i) => String((i % 17) + 1)))],
  ['a measured value as a nested map', (doc) => doc.getMap('indicatorValues').set('K6/2024', new Y.Map([['value', 1]]))],
];

describe('the server refuses an edit that breaks the schema', () => {
  for (const [what, write] of HOSTILE) {
    it(`${what}: not stored, not relayed, its sender closed with ${UPDATE_REFUSED.code}; the other editor keeps editing`, async () => {
      server = await startTestServer({ autoSnapshotMs: 0 });
      const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
      const bad = connectClient(server.wsUrl, board.id, board.tokens.editor);
      const good = connectClient(server.wsUrl, board.id, board.tokens.editor);
      await Promise.all([bad.synced, good.synced]);
      const before = JSON.stringify(boardMaps(good.doc).nodes.get('K0')!.toJSON()) + JSON.stringify(boardMaps(good.doc).meta.toJSON());

      write(bad.doc);
      await waitFor(() => bad.closes.length > 0, 10_000, 'the sender to be disconnected');
      expect(bad.closes[0]!.code).toBe(UPDATE_REFUSED.code);
      expect(bad.closes[0]!.reason).toMatch(/^update refused/);

      // The other editor goes on: her edit arrives, the refused one never did.
      updateNode(good.doc, 'K1', { title: 'Videre arbeid' }, 'good');
      moveNodes(good.doc, { K1: { x: 10, y: 20 } }, 'good');
      const fresh = connectClient(server.wsUrl, board.id, board.tokens.viewer);
      await fresh.synced;
      await waitFor(() => String(nodeOf(fresh.doc, 'K1').get('title')) === 'Videre arbeid', 10_000, 'the good edit to reach a new client');
      expect(JSON.stringify(boardMaps(fresh.doc).nodes.get('K0')!.toJSON()) + JSON.stringify(boardMaps(fresh.doc).meta.toJSON())).toBe(before);
      expect(JSON.stringify(boardMaps(good.doc).nodes.get('K0')!.toJSON()) + JSON.stringify(boardMaps(good.doc).meta.toJSON())).toBe(before);
      expect(fresh.doc.share.has('elsewhere')).toBe(false);
      expect(boardMaps(fresh.doc).nodes.has('N9')).toBe(false);

      // Not stored either: after a restart of the room the board is as before.
      for (const c of [bad, good, fresh]) c.destroy();
      await waitFor(() => server!.rooms.loadedCount === 0, 10_000, 'the room to unload');
      const again = connectClient(server.wsUrl, board.id, board.tokens.viewer);
      await again.synced;
      expect(JSON.stringify(boardMaps(again.doc).nodes.get('K0')!.toJSON()) + JSON.stringify(boardMaps(again.doc).meta.toJSON())).toBe(before);
    });
  }
});

describe('SDG codes, two editors on one card at once', () => {
  it('each adds a different code in the same moment: the server takes both and every screen shows both', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const ana = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const bo = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([ana.synced, bo.synced]);
    // Both write from the same list (K2: 4.3, 8.6), before either has seen the other's change.
    updateNode(ana.doc, 'K2', { sdg: ['4.3', '8.6', '3'] }, 'ana');
    updateNode(bo.doc, 'K2', { sdg: ['4.3', '8.6', '13'] }, 'bo');
    const sdgOf = (doc: Y.Doc) => [...(plainValue(nodeOf(doc, 'K2').get('sdg')) as string[])].sort();
    const all = ['13', '3', '4.3', '8.6'];
    await waitFor(() => JSON.stringify(sdgOf(ana.doc)) === JSON.stringify(all) && JSON.stringify(sdgOf(bo.doc)) === JSON.stringify(all), 10_000, 'both codes on both screens');
    expect(ana.closes).toEqual([]);
    expect(bo.closes).toEqual([]);
    const fresh = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await fresh.synced;
    expect(sdgOf(fresh.doc)).toEqual(all);
  });
});

describe('a board that already holds such things (written before the check)', () => {
  it('exports, snapshots and restores; a restore goes ahead when its "before" snapshot cannot be made', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-test-'));
    const sqlite = new SqliteStorage(path.join(dataDir, 'malkart.sqlite'));
    // A store whose "before restore" snapshots fail, as a full disk would make them.
    const storage = new Proxy(sqlite, {
      get(target, prop, receiver) {
        if (prop === 'saveSnapshot') {
          return (s: { label: string }) => (s.label.startsWith('before-restore:') ? Promise.reject(new Error('disk full')) : target.saveSnapshot(s as never));
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    server = await startTestServer({ autoSnapshotMs: 0, dataDir, storage });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const owner = { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'application/json' };
    const clean = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, { method: 'POST', headers: owner, body: JSON.stringify({ label: 'Rent' }) }).then(
      (r) => r.json() as Promise<{ id: string }>,
    );
    // The server's own changes skip the check: this is how such a board came to be.
    const room = await server.rooms.acquire(board.id);
    await room.log.applyServerChange((doc) => {
      const maps = boardMaps(doc);
      maps.meta.set('language', 'klingon');
      maps.nodes.get('K0')!.set('planRef', new Y.Map([['x', 1]]));
      maps.nodes.get('K0')!.set('responsible', 42);
      maps.layout.set('K0', { x: 1e9, y: 0, width: 1 });
    });

    for (const format of ['md', 'json', 'csv', 'svg', 'docx', 'png']) {
      const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=${format}`, { headers: owner });
      expect(res.status, `${format}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
      if (format === 'json') expect(parseBoardJson(await res.json()).ok).toBe(true);
    }
    const snap = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, { method: 'POST', headers: owner, body: JSON.stringify({ label: 'Rart' }) });
    expect(snap.status).toBe(201);
    const odd = (await snap.json()) as { id: string };
    expect(parseBoardJson(await fetch(`${server.url}/api/boards/${board.id}/snapshots/${odd.id}`, { headers: owner }).then((r) => r.json())).ok).toBe(true);

    const restored = await fetch(`${server.url}/api/boards/${board.id}/snapshots/${clean.id}/restore`, { method: 'POST', headers: owner, body: '{}' });
    expect(restored.status).toBe(200);
    expect((await restored.json()).before).toBeNull();
    // (the room may have been unloaded and loaded again meanwhile: read the board as it is now)
    const now = await server.rooms.withRoom(board.id, (r) => ({ language: boardMaps(r.doc).meta.get('language'), planRef: nodeOf(r.doc, 'K0').get('planRef') }));
    expect(now.language).toBe((EXAMPLE_BOARD as { meta: { language?: string } }).meta.language);
    expect(now.planRef).not.toBeInstanceOf(Y.Map);
  }, 120_000);
});
