import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { byId, parseBoardJson, setMeta, toBoardJson, updateNode, type BoardJson } from '../../shared';
import { lierWithWorkshop } from '../../shared/workshop/testing';
import { RenderPool } from '../export/RenderPool';
import { largeBoard } from '../export/testing/largeBoard';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor, type CreatedBoard, type TestServer } from '../testing/testServer';

let server: TestServer | null = null;
cleanUpAfterEach();

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
      html: (b) => b.toString('utf8').startsWith('<!DOCTYPE html>') && b.toString('utf8').includes('Sammen skaper vi Lier'),
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
    await c.synced;
    updateNode(c.doc, 'K0', { title: 'Ny visjon' }, 'c');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => (room.doc.getMap('nodes').get('K0') as Y.Map<unknown> | undefined)?.get('title')?.toString() === 'Ny visjon');
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

  it('variant, headingLevel and numbering shape the docx and html chapter; bad values are refused', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const doc = lierWithWorkshop();
    const board = await createBoard(server.url, { board: toBoardJson(doc) });
    doc.destroy();
    const JSZip = (await import('jszip')).default;
    const docx = await get(board, 'format=docx&variant=publication&headingLevel=2&numbering=word&comments=1');
    expect(docx.res.status).toBe(200);
    const zip = await JSZip.loadAsync(docx.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">Lier: mål for arbeid og inkludering</);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('<w:numPr>');
    expect(xml).not.toContain('Kari Kommune');
    expect(xml).toContain('Avtalt mellom stat og kommune 12.03.2025.');
    const working = await JSZip.loadAsync((await get(board, 'format=docx')).bytes);
    expect(await working.file('word/document.xml')!.async('string')).toContain('Kari Kommune');

    const html = (await get(board, 'format=html&variant=publication&headingLevel=3&lang=nn')).bytes.toString('utf8');
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('<h3>Lier: mål for arbeid og inkludering</h3>');
    expect(html).toContain('<h4 id="part-kommuneplan">Måla i kommuneplanen</h4>');
    expect(html).not.toContain('Kari Kommune');

    for (const [q, msg] of [
      ['variant=draft', '"variant" must be one of publication, working, not "draft".'],
      ['headingLevel=4', '"headingLevel" must be one of 1, 2, 3, not "4".'],
      ['numbering=roman', '"numbering" must be one of none, word, not "roman".'],
    ]) {
      const bad = await get(board, `format=docx&${q}`);
      expect(bad.res.status).toBe(400);
      expect(JSON.parse(bad.bytes.toString('utf8')).error.message).toBe(msg);
    }
  });

  it('the stat and kommune views of docx, html and md each report their own line\'s indicators with the series; md takes the chapter options', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const b = structuredClone(EXAMPLE_BOARD) as BoardJson;
    b.nodes.find((n) => n.id === 'N5')!.series = [{ period: '2024', value: 31 }, { period: '2025', value: 33 }];
    b.nodes.find((n) => n.id === 'K6')!.series = [{ period: '2024', value: 3.9 }, { period: '2025', value: 3.6 }];
    b.nodes.find((n) => n.id === 'L4')!.series = [{ period: '2025-H1', value: 52 }];
    const board = await createBoard(server.url, { board: b });
    const JSZip = (await import('jszip')).default;
    const docxText = async (q: string) => {
      const zip = await JSZip.loadAsync((await get(board, `format=docx&variant=publication&${q}`)).bytes);
      // The text of the document, runs joined (a run boundary may fall anywhere in a line).
      return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    };
    const N5 = '31 % (2024) · 33 % (2025)';
    const K6 = '3,9 % (2024) · 3,6 % (2025)';
    const L4 = '52 % (2025-H1)';
    for (const format of ['docx', 'html', 'md'] as const) {
      const text = (view: string) => (format === 'docx' ? docxText(`view=${view}`) : get(board, `format=${format}&variant=publication&view=${view}`).then((r) => r.bytes.toString('utf8')));
      const stat = await text('stat');
      expect(stat, format).toContain(N5);
      expect(stat, format).toContain(L4);
      expect(stat, format).not.toContain(K6);
      const kommune = await text('kommune');
      expect(kommune, format).toContain(K6);
      expect(kommune, format).toContain(L4);
      expect(kommune, format).not.toContain(N5);
    }
    const md = (await get(board, 'format=md&variant=publication&headingLevel=2&numbering=word')).bytes.toString('utf8');
    expect(md.startsWith('## 1 Lier: mål for arbeid og inkludering\n')).toBe(true);
    expect(md).toContain('### 1.2 Kommuneplanens mål');
    expect(md).not.toContain('Arbeidsgrunnlag');
    expect((await get(board, 'format=md')).bytes.toString('utf8')).toContain('## Arbeidsgrunnlag');
  });

  it('refuses an unknown format, view or snapshot with a clear message', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const bad = await get(board, 'format=pdf');
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).error.message).toContain('docx, html, md, csv, json, svg, png');
    expect((await get(board, 'format=md&view=alle')).res.status).toBe(400);
    const missing = await get(board, 'format=md&snapshot=nope');
    expect(missing.res.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString()).error.code).toBe('snapshot_not_found');
    const noToken = await fetch(`${server.url}/api/boards/${board.id}/export?format=md`);
    expect(noToken.status).toBe(401);
  });
});

/** The longest a timer set for `everyMs` fired late while this runs (how long the event loop was blocked). */
function loopLag(everyMs = 5): { stop(): number } {
  let worst = 0;
  let timer: NodeJS.Timeout;
  let expected = performance.now() + everyMs;
  const tick = () => {
    worst = Math.max(worst, performance.now() - expected);
    expected = performance.now() + everyMs;
    timer = setTimeout(tick, everyMs);
  };
  timer = setTimeout(tick, everyMs);
  return { stop: () => (clearTimeout(timer), worst) };
}

const documentXml = async (buf: Buffer) => (await (await import('jszip')).default.loadAsync(buf)).file('word/document.xml')!.async('string');
const FAULTY = new URL('../export/testing/faultyRenderWorker.ts', import.meta.url);

describe('DOCX and PNG export off the event loop', () => {
  it('while a 500-goal DOCX renders, edits on another board keep being relayed and the loop stays responsive', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const big = await createBoard(server.url, { board: largeBoard(500) });
    const other = await createBoard(server.url, { title: 'Annet kart' });
    const a = connectClient(server.wsUrl, other.id, other.tokens.editor);
    const b = connectClient(server.wsUrl, other.id, other.tokens.editor);
    await Promise.all([a.synced, b.synced]);
    // The worker starts with the first export; warm it up so that only rendering is measured.
    expect((await get(big, 'format=png&view=stat')).res.status).toBe(200);

    // A renames the board, waits until B sees the name, renames it again: each round trip is a relayed edit.
    let exporting = true;
    const roundTrips: number[] = [];
    const pingPong = (async () => {
      for (let n = 1; exporting; n++) {
        const sent = performance.now();
        setMeta(a.doc, { title: `Runde ${n}` }, 'a');
        await waitFor(() => b.doc.getMap('meta').get('title') === `Runde ${n}`, 30_000, `round ${n}`);
        if (exporting) roundTrips.push(performance.now() - sent);
      }
    })();

    const lag = loopLag();
    const started = performance.now();
    const { res, bytes } = await get(big, 'format=docx');
    const exportMs = performance.now() - started;
    const worstLag = lag.stop();
    exporting = false;
    await pingPong;

    expect(res.status).toBe(200);
    const xml = await documentXml(bytes);
    expect(xml).toContain('Mål 499: flere i arbeid');
    expect(roundTrips.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...roundTrips)).toBeLessThan(exportMs / 2);
    expect(worstLag).toBeLessThan(exportMs / 2);
  }, 120_000); // a 500-goal board, a PNG and a DOCX: past 30 s on a busy machine

  it('a render worker that crashes gives that export a 500 with a message; the next export works', async () => {
    server = await startTestServer({ autoSnapshotMs: 0, renderPool: new RenderPool({ size: 1, workerUrl: FAULTY }) });
    const crashing = await createBoard(server.url, { title: '__crash__' });
    const { res, bytes } = await get(crashing, 'format=docx');
    expect(res.status).toBe(500);
    expect(JSON.parse(bytes.toString('utf8')).error).toEqual({
      code: 'export_failed',
      message: 'The DOCX export could not be made: the render worker stopped with exit code 7. Try again; if it keeps failing, tell the administrator.',
    });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const again = await get(board, 'format=png');
    expect(again.res.status).toBe(200);
    expect(again.bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('past the queue bound an export is refused with 503; a client that gives up frees its place; shutting down answers 503', async () => {
    const pool = new RenderPool({ size: 1, maxQueue: 1, workerUrl: FAULTY });
    server = await startTestServer({ autoSnapshotMs: 0, renderPool: pool });
    const hanging = await createBoard(server.url, { title: '__hang__' });
    const url = (format: string) => `${server!.url}/api/boards/${hanging.id}/export?format=${format}`;
    const headers = { authorization: `Bearer ${hanging.tokens.viewer}` };
    const first = get(hanging, 'format=png');
    const gaveUp = new AbortController();
    const second = fetch(url('docx'), { headers, signal: gaveUp.signal }).catch((e: unknown) => e);
    await waitFor(() => pool.running === 1 && pool.waiting === 1, 10_000, 'one export running, one waiting');
    const refused = await get(hanging, 'format=png');
    expect(refused.res.status).toBe(503);
    expect(JSON.parse(refused.bytes.toString('utf8')).error).toEqual({ code: 'export_busy', message: 'The server is busy exporting, try again in a moment.' });

    gaveUp.abort();
    expect(((await second) as Error).name).toBe('AbortError');
    await waitFor(() => pool.waiting === 0, 10_000, 'the abandoned export to leave the queue');
    const third = get(hanging, 'format=docx');
    await waitFor(() => pool.waiting === 1, 10_000, 'a new export to take its place');

    const closing = server.close();
    for (const { res, bytes } of await Promise.all([first, third])) {
      expect(res.status).toBe(503);
      expect(JSON.parse(bytes.toString('utf8')).error.code).toBe('shutting_down');
    }
    await closing;
    expect(pool.workers).toBe(0);
  });

  it('EXPORT_WORKERS=0 renders on the event loop, as before the pool', async () => {
    server = await startTestServer({ autoSnapshotMs: 0, exportWorkers: 0 });
    expect(server.renderPool).toBeNull();
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const { res, bytes } = await get(board, 'format=docx');
    expect(res.status).toBe(200);
    expect(await documentXml(bytes)).toContain('Sammen skaper vi Lier');
  });
});
