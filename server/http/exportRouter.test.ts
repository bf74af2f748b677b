import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { byId, parseBoardJson, toBoardJson, updateNode } from '../../shared/index';
import { lierWithWorkshop } from '../../shared/workshop/testing';
import { connectClient, createBoard, removeDir, startTestServer, waitFor, type CreatedBoard, type TestClient, type TestServer } from '../testing/testServer';

let server: TestServer | null = null;
let clients: TestClient[] = [];
afterEach(async () => {
  clients.forEach((c) => c.destroy());
  clients = [];
  if (server) {
    await server.close();
    removeDir(server.dataDir);
    server = null;
  }
});

async function get(board: CreatedBoard, query: string) {
  const res = await fetch(`${server!.url}/api/boards/${board.id}/export?${query}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Owner column of a CSV export (the simple split is enough: owners never hold commas). */
function owners(csv: string): string[] {
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  const col = header!.split(',').indexOf('owner');
  return rows.map((r) => r.split(',')[col]!);
}

describe('export over HTTP', () => {
  it('serves every format of the example board with its type and a file name', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const expected: Record<string, (b: Buffer) => boolean> = {
      docx: (b) => b.subarray(0, 2).toString() === 'PK',
      md: (b) => b.toString('utf8').includes('Sammen skaper vi Lier'),
      csv: (b) => b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
      json: (b) => JSON.parse(b.toString('utf8')).format === 'malkart.board',
      svg: (b) => b.toString('utf8').includes('<svg'),
      png: (b) => b.subarray(1, 4).toString() === 'PNG',
    };
    for (const [format, check] of Object.entries(expected)) {
      const { res, bytes } = await get(board, `format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-disposition'), format).toMatch(new RegExp(`filename="lier-mal-for-arbeid-og-inkludering\\.${format}"`));
      expect(check(bytes), format).toBe(true);
    }
  });

  it('json re-imports with equal content', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const { bytes } = await get(board, 'format=json');
    const again = await createBoard(server.url, { board: JSON.parse(bytes.toString('utf8')) });
    const second = await get(again, 'format=json');
    expect(JSON.parse(second.bytes.toString('utf8'))).toEqual(JSON.parse(bytes.toString('utf8')));
    const parsed = parseBoardJson(EXAMPLE_BOARD);
    if (!parsed.ok) throw new Error('example does not parse');
    expect(JSON.parse(bytes.toString('utf8')).nodes).toEqual([...parsed.board.nodes].sort(byId));
  });

  it('view=stat keeps stat and felles, view=kommune keeps kommune and felles', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const all = owners((await get(board, 'format=csv')).bytes.toString('utf8'));
    const stat = owners((await get(board, 'format=csv&view=stat')).bytes.toString('utf8'));
    const kommune = owners((await get(board, 'format=csv&view=kommune')).bytes.toString('utf8'));
    expect(new Set(stat)).toEqual(new Set(['stat', 'felles']));
    expect(new Set(kommune)).toEqual(new Set(['kommune', 'felles']));
    expect(stat.length).toBe(all.filter((o) => o !== 'kommune').length);
    expect(kommune.length).toBe(all.filter((o) => o !== 'stat').length);
  });

  it('exports a snapshot as it was, not the board as it is', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const snap = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, {
      method: 'POST', headers: { authorization: `Bearer ${board.tokens.editor}`, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'Vedtatt' }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const c = connectClient(server.wsUrl, board.id, board.tokens.editor);
    clients.push(c);
    await c.synced;
    updateNode(c.doc, 'K0', { title: 'Ny visjon' }, 'c');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => (room.doc.getMap('nodes').get('K0') as Y.Map<unknown> | undefined)?.get('title') === 'Ny visjon');
    expect((await get(board, 'format=md')).bytes.toString('utf8')).toContain('Ny visjon');
    const old = (await get(board, `format=md&snapshot=${snap.id}`)).bytes.toString('utf8');
    expect(old).toContain('Sammen skaper vi Lier');
    expect(old).not.toContain('Ny visjon');
  });

  it('comments=1 adds the comment appendix to md and docx; a view cut of the json keeps only its own workshop records', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const doc = lierWithWorkshop();
    const board = await createBoard(server.url, { board: toBoardJson(doc) });
    doc.destroy();
    const plain = (await get(board, 'format=md')).bytes.toString('utf8');
    expect(plain).toContain('## Enighet mellom stat og kommune');
    expect(plain).not.toContain('Vedlegg: Kommentarer');
    const md = (await get(board, 'format=md&comments=1')).bytes.toString('utf8');
    expect(md).toContain('## Vedlegg: Kommentarer');
    expect(md).toContain('  - Kari Kommune, 12.03.2025 kl. 10.05: Ja, med IPS i ungdomsteamet.');
    const docx = await get(board, 'format=docx&comments=1');
    expect(docx.res.status).toBe(200);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Vedlegg: Kommentarer');
    expect(xml).toContain('Enighet mellom stat og kommune');

    const stat = JSON.parse((await get(board, 'format=json&view=stat')).bytes.toString('utf8'));
    const reparsed = parseBoardJson(stat);
    expect(reparsed.ok).toBe(true);
    // K2 and K3 are the kommune's cards; L1 and T1 are joint, so they stay in the stat view.
    expect(stat.workshop.agreements.map((a: { targetId: string; side: string }) => `${a.targetId}|${a.side}`)).toEqual(['L1|kommune', 'L1|stat', 'T1|kommune']);
    expect(stat.workshop.comments).toEqual([]);
    const all = JSON.parse((await get(board, 'format=json')).bytes.toString('utf8'));
    expect(all.workshop.agreements).toHaveLength(6);

    const bad = await get(board, 'format=md&comments=yes');
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString('utf8')).error.message).toBe('"comments" must be one of 0, 1, not "yes".');
  });

  it('refuses an unknown format, view or snapshot with a clear message', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const bad = await get(board, 'format=pdf');
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).error.message).toContain('docx, md, csv, json, svg, png');
    expect((await get(board, 'format=md&view=alle')).res.status).toBe(400);
    const missing = await get(board, 'format=md&snapshot=nope');
    expect(missing.res.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString()).error.code).toBe('snapshot_not_found');
    const noToken = await fetch(`${server.url}/api/boards/${board.id}/export?format=md`);
    expect(noToken.status).toBe(401);
  });
});
