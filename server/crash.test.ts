// docs/design.md "Sync and persistence", rule 1 (durable before broadcast): a kill -9 of the server loses no update that any other client has seen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, moveNodes } from '../shared';
import { startChildServer, type ChildServer } from './testing/childServer';
import { connectClient, createBoard, removeDir, waitFor, type TestClient } from './testing/testServer';

let children: ChildServer[] = [];
let clients: TestClient[] = [];
let dirs: string[] = [];
afterEach(() => {
  clients.forEach((c) => c.destroy());
  children.forEach((c) => c.process.kill('SIGKILL'));
  dirs.forEach(removeDir);
  clients = [];
  children = [];
  dirs = [];
});

/** Everything a doc holds that a later reader must find: card ids and their positions. */
function seen(doc: Y.Doc): Map<string, unknown> {
  const out = new Map<string, unknown>();
  doc.getMap('nodes').forEach((_, id) => out.set(id, JSON.stringify(doc.getMap('layout').get(id))));
  return out;
}

// FULL (the default) waits for the disk's fsync on the log writer thread before broadcasting;
// NORMAL commits to the OS on the event loop. Both must survive a killed process.
it.each(['FULL', 'NORMAL'])('loses no update any client had received when killed with SIGKILL mid-burst (SQLITE_SYNCHRONOUS=%s)', async (synchronous) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-crash-'));
  dirs.push(dataDir);
  const env = { SQLITE_SYNCHRONOUS: synchronous };
  const first = await startChildServer(dataDir, env);
  children.push(first);
  const board = await createBoard(first.url);
  const writer = connectClient(first.wsUrl, board.id, board.tokens.editor);
  const observer = connectClient(first.wsUrl, board.id, board.tokens.viewer);
  clients.push(writer, observer);
  await Promise.all([writer.synced, observer.synced]);

  // What the observer has received, as it arrives: the last picture before the kill is the bar.
  let lastSeen = new Map<string, unknown>();
  observer.doc.on('update', () => (lastSeen = seen(observer.doc)));

  let burst = true;
  const editing = (async () => {
    let i = 0;
    while (burst) {
      const r = createNode(writer.doc, { kind: 'goal', tier: 'kommuneplan', title: `Mål ${i}`, position: { x: i, y: 0 } }, 'w');
      if (r.ok && i % 3 === 0) moveNodes(writer.doc, { [r.id]: { x: i, y: 10 } }, 'w');
      i++;
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  await waitFor(() => lastSeen.size >= 150, 20_000, 'the observer to receive 150 cards');
  first.process.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  burst = false;
  await editing;
  const before = lastSeen;
  // What the observer received, as clocks per writer: the restarted server must hold at least these.
  const observed = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
  writer.destroy();
  observer.destroy();
  clients = [];

  const second = await startChildServer(dataDir, env);
  children.push(second);
  const reader = connectClient(second.wsUrl, board.id, board.tokens.owner);
  clients.push(reader);
  await reader.synced;
  const stored = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
  const lost = [...observed].filter(([client, clock]) => (stored.get(client) ?? 0) < clock);
  expect(lost).toEqual([]);
  const after = seen(reader.doc);
  expect([...before.keys()].filter((id) => !after.has(id))).toEqual([]);
  expect(before.size).toBeGreaterThanOrEqual(150);
}, 60_000);

it('SIGTERM flushes every board and closes connections with 1012', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-term-'));
  dirs.push(dataDir);
  const first = await startChildServer(dataDir, { UNLOAD_DELAY_MS: '600000' });
  children.push(first);
  const board = await createBoard(first.url);
  const a = connectClient(first.wsUrl, board.id, board.tokens.editor);
  clients.push(a);
  await a.synced;
  for (let i = 0; i < 20; i++) createNode(a.doc, { kind: 'measure', tier: 'nav_local', title: `Tiltak ${i}` }, 'a');
  await new Promise((r) => setTimeout(r, 200));
  first.process.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  await waitFor(() => a.closes.length > 0, 5000, 'the close frame');
  expect(a.closes[0]!.code).toBe(1012);
  const expected = seen(a.doc);
  a.destroy();
  clients = [];

  const second = await startChildServer(dataDir);
  children.push(second);
  const reader = connectClient(second.wsUrl, board.id, board.tokens.viewer);
  clients.push(reader);
  await reader.synced;
  expect(seen(reader.doc)).toEqual(expected);
}, 60_000);
