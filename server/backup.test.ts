// `npm run backup` while edits flow and `npm run restore` into a fresh folder (docs/design.md
// "Backup"): the restored store holds every board as its clients had seen it at the backup, no
// less, and no torn state (each board's cards are a prefix of what its writer sent, in order).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode } from '../shared';
import { cleanUpAfterEach, connectClient, createBoard, removeDir, startTestServer, waitFor } from './testing/testServer';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const script = (name: string) => path.join(root, 'scripts', name);

cleanUpAfterEach();
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));
const tempDir = (name: string) => {
  const d = mkdtempSync(path.join(tmpdir(), `malkart-${name}-`));
  dirs.push(d);
  return d;
};

/** The card ids a doc holds with title and position, sorted. */
function cardsOf(doc: Y.Doc): string[] {
  const out: string[] = [];
  doc.getMap('nodes').forEach((n, id) => {
    const pos = doc.getMap('layout').get(id) as { x: number; y: number } | undefined;
    out.push(`${id} ${(n as Y.Map<unknown>).get('title')} ${pos?.x},${pos?.y}`);
  });
  return out.sort();
}
const expectedCards = (count: number, board: number) =>
  Array.from({ length: count }, (_, i) => `k${board}x${i} Kort ${i} ${i},${board}`).sort();

it('backs up mid-burst and restores into a fresh folder every board as its clients had seen it', async () => {
  const server = await startTestServer({ autoSnapshotMs: 0 });
  const boards = await Promise.all([0, 1, 2].map((b) => createBoard(server.url, { title: `Kart ${b}` })));
  const pairs = boards.map((board) => ({
    board,
    writer: connectClient(server.wsUrl, board.id, board.tokens.editor),
    observer: connectClient(server.wsUrl, board.id, board.tokens.viewer),
    sent: 0,
  }));
  await Promise.all(pairs.flatMap((p) => [p.writer.synced, p.observer.synced]));

  // Each writer adds cards one update at a time, with ids in order, until told to stop.
  let burst = true;
  const editing = pairs.map(async (p, b) => {
    while (burst) {
      const i = p.sent;
      const r = createNode(p.writer.doc, { id: `k${b}x${i}`, kind: 'goal', tier: 'kommuneplan', title: `Kort ${i}`, position: { x: i, y: b } }, 'w');
      if (!r.ok) throw new Error(JSON.stringify(r));
      p.sent++;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  });
  await waitFor(() => pairs.every((p) => p.observer.doc.getMap('nodes').size >= 40), 30_000, 'every observer to see 40 cards');

  // What each observer has seen when the backup starts: the backup must hold at least that.
  const seenAtStart = pairs.map((p) => p.observer.doc.getMap('nodes').size);
  const file = path.join(tempDir('backup'), 'malkart-backup.sqlite');
  const backup = await run(process.execPath, [script('backup.mjs'), file], { env: { ...process.env, DATA_DIR: server.dataDir } });
  const sentAtEnd = pairs.map((p) => p.sent);
  expect(backup.stdout).toMatch(/backup of \d+ boards written/);
  // The edits really flowed during the backup.
  await waitFor(() => pairs.every((p, b) => p.observer.doc.getMap('nodes').size > seenAtStart[b]!), 30_000, 'edits after the backup');
  burst = false;
  await Promise.all(editing);

  // Restore into a fresh folder and serve it.
  const fresh = tempDir('restored');
  const restore = await run(process.execPath, [script('restore.mjs'), file], { env: { ...process.env, DATA_DIR: fresh } });
  expect(restore.stdout).toMatch(/restored 3 boards/);
  expect(existsSync(path.join(fresh, 'malkart.sqlite'))).toBe(true);
  const restored = await startTestServer({ autoSnapshotMs: 0, dataDir: fresh });
  for (const [b, p] of pairs.entries()) {
    const reader = connectClient(restored.wsUrl, p.board.id, p.board.tokens.viewer);
    await reader.synced;
    const got = cardsOf(reader.doc);
    expect(got.length).toBeGreaterThanOrEqual(seenAtStart[b]!);
    expect(got.length).toBeLessThanOrEqual(sentAtEnd[b]!);
    expect(got).toEqual(expectedCards(got.length, b));
    expect(reader.doc.getMap('meta').get('title')).toBe(`Kart ${b}`);
  }
}, 90_000);

it('restore refuses a folder that already holds a store, and a file that is not a backup', async () => {
  const server = await startTestServer({ autoSnapshotMs: 0 });
  await createBoard(server.url, { title: 'Kart' });
  const notBackup = path.join(tempDir('junk'), 'junk.sqlite');
  await run(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(notBackup)}, 'not a database at all')`]);
  const intoLive = run(process.execPath, [script('restore.mjs'), notBackup], { env: { ...process.env, DATA_DIR: server.dataDir } });
  await expect(intoLive).rejects.toMatchObject({ stderr: expect.stringMatching(/already holds a store/) });
  const junk = run(process.execPath, [script('restore.mjs'), notBackup], { env: { ...process.env, DATA_DIR: tempDir('empty') } });
  await expect(junk).rejects.toMatchObject({ stderr: expect.stringMatching(/is not a Målkart backup/) });
});
