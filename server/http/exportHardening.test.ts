// Issue #12: exports must not stall the server, and one board's exports or snapshots must not
// crowd out another's. Each test failed before its fix.
import { describe, expect, it } from 'vitest';
import type { BoardJson } from '../../shared';
import { RenderPool } from '../export/RenderPool';
import { largeBoard } from '../export/testing/largeBoard';
import { cleanUpAfterEach, createBoard, startTestServer, waitFor, type CreatedBoard, type TestServer } from '../testing/testServer';

let server: TestServer | null = null;
cleanUpAfterEach();

const FAULTY = new URL('../export/testing/faultyRenderWorker.ts', import.meta.url);
const exportUrl = (board: CreatedBoard, query: string) => `${server!.url}/api/boards/${board.id}/export?${query}`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** 5,000 cards and 5,000 links in a kommuneplan-like tree (eight children per card, four levels deep). */
function wideBoard(): BoardJson {
  const b = largeBoard(5000);
  b.edges = b.nodes.slice(1).map((n, k) => ({ id: `e${k + 1}`, kind: 'partOf' as const, source: n.id, target: `g${Math.floor(k / 8)}` }));
  b.edges.push({ id: 'e0', kind: 'influencedBy' as const, source: 'g0', target: 'g4999' });
  return b;
}

describe('every export format off the event loop (#12 finding 1)', () => {
  it('md, csv, json and svg are rendered by the pool: while one is stuck there, the server answers', async () => {
    const pool = new RenderPool({ size: 1, workerUrl: FAULTY });
    server = await startTestServer({ autoSnapshotMs: 0, renderPool: pool });
    const stuck = await createBoard(server.url, { title: '__hang__' });
    for (const format of ['md', 'csv', 'json', 'svg']) {
      const gaveUp = new AbortController();
      const pending = fetch(exportUrl(stuck, `format=${format}`), { headers: auth(stuck.tokens.viewer), signal: gaveUp.signal }).then(
        (r) => r.status,
        (e: Error) => e.name,
      );
      await waitFor(() => pool.running === 1, 20_000, `the ${format} export to run in the pool`);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      gaveUp.abort();
      expect(await pending).toBe('AbortError');
      await waitFor(() => pool.running === 0, 20_000, 'the stuck export to be stopped');
    }
  }, 120_000);

  it('during a 5,000-card, 5,000-link Markdown export the server keeps answering', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const big = await createBoard(server.url, { board: wideBoard() });
    const small = await createBoard(server.url, { title: 'Lite kart' });
    // Start the worker first, so that only the export itself is watched.
    expect((await fetch(exportUrl(small, 'format=md'), { headers: auth(small.tokens.viewer) })).status).toBe(200);

    let exporting = true;
    let answered = 0;
    const exported = fetch(exportUrl(big, 'format=md'), { headers: auth(big.tokens.viewer) }).then(async (r) => {
      const text = await r.text();
      exporting = false;
      return { status: r.status, text };
    });
    // Health checks one after another for as long as the export runs.
    while (exporting) {
      const res = await fetch(`${server.url}/healthz`);
      if (exporting && res.ok) answered++;
    }
    const { status, text } = await exported;
    expect(status).toBe(200);
    expect(text).toContain('Mål 4999');
    // Rendered on the event loop, the export answered before any health check that came after it.
    expect(answered).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe('quotas (#12 finding 12)', () => {
  it('a board keeps at most MAX_SNAPSHOTS_PER_BOARD hand-made snapshots, even when asked at once; automatic ones do not count', async () => {
    server = await startTestServer({ autoSnapshotMs: 0, maxSnapshotsPerBoard: 3 });
    const board = await createBoard(server.url, { title: 'Kart' });
    const other = await createBoard(server.url, { title: 'Annet kart' });
    await server.snapshots.take(board.id, { label: 'Automatisk', createdBy: 'Målkart', auto: true });
    const take = (b: CreatedBoard, label: string) =>
      fetch(`${server!.url}/api/boards/${b.id}/snapshots`, {
        method: 'POST',
        headers: { ...auth(b.tokens.editor), 'content-type': 'application/json' },
        body: JSON.stringify({ label }),
      });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => take(board, `Nr. ${i}`)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    const refused = await answers.find((r) => r.status === 409)!.json();
    expect(refused.error.code).toBe('too_many_snapshots');
    expect(refused.error.message).toMatch(/already has 3 snapshots/);
    const list = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, { headers: auth(board.tokens.viewer) }).then((r) => r.json());
    expect(list.snapshots).toHaveLength(4);
    // Another board has its own quota.
    expect((await take(other, 'Eget')).status).toBe(201);
  });
});
