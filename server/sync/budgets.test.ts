// Per-connection budgets (issue #12, finding 7): sync step 1 is answered a bounded number of times
// per connection; a flood of cursor updates is batched and throttled instead of relayed one by
// one to everyone; an update that would take a board past its size quota is refused with 4413.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { createNode } from '../../shared';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP2, encodeAwareness, encodeAwarenessUpdate, encodeUpdate } from '../protocol';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor } from '../testing/testServer';

cleanUpAfterEach();

/** Opens a raw socket and collects every frame the server sends it. */
async function raw(url: string) {
  const ws = trackSocket(new WebSocket(url));
  const frames: Uint8Array[] = [];
  let closed: { code: number; reason: string } | null = null;
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)));
  ws.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  return {
    ws,
    frames,
    closed: () => closed,
    async handled() {
      const before = frames.length;
      ws.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
      await waitFor(() => frames.slice(before).some((r) => r[0] === MESSAGE_AWARENESS), 10_000, 'the awareness answer');
    },
  };
}

const isStep2 = (f: Uint8Array) => {
  const d = decoding.createDecoder(f);
  return decoding.readVarUint(d) === MESSAGE_SYNC && decoding.readVarUint(d) === SYNC_STEP2;
};

describe('per-connection budgets', () => {
  it('fifty sync step 1 requests on one connection are answered five times', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const r = await raw(`${server.wsUrl}/${board.id}?token=${board.tokens.viewer}`);
    for (let i = 0; i < 50; i++) r.ws.send(new Uint8Array([MESSAGE_SYNC, 0, 1, 0])); // step 1, empty state vector: "send me everything"
    await r.handled();
    expect(r.frames.filter(isStep2).length).toBe(5);
    expect(r.closed()).toBeNull();
    // The same board, the same answer (it is encoded once and kept until the board changes).
    expect(new Set(r.frames.filter(isStep2).map((f) => Buffer.from(f).toString('hex'))).size).toBe(1);
  });

  it('20,000 cursor updates from one connection reach the others as a few batches, and edits still flow', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const watcher = await raw(`${server.wsUrl}/${board.id}?token=${board.tokens.viewer}`);
    const flooder = await raw(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`);
    const before = watcher.frames.length;
    for (let clock = 1; clock <= 20_000; clock++) {
      flooder.ws.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 4711, clock, state: { user: { name: 'Flom', color: '#101010' }, cursor: { x: clock, y: clock } } }])));
    }
    await flooder.handled();
    const awarenessFrames = watcher.frames.slice(before).filter((f) => f[0] === MESSAGE_AWARENESS).length;
    expect(awarenessFrames).toBeGreaterThan(0);
    expect(awarenessFrames).toBeLessThan(1000);
    // An honest editor's change still reaches the watcher.
    const editor = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await editor.synced;
    const n = watcher.frames.length;
    editor.doc.getMap('meta').set('title', 'Fortsatt i live');
    await waitFor(() => watcher.frames.slice(n).some((f) => f[0] === MESSAGE_SYNC), 10_000, 'the edit to arrive');
  });

  it('an update that would take a board past MAX_BOARD_BYTES is refused with 4413; the board and the others are unharmed', async () => {
    const server = await startTestServer({ maxBoardBytes: 64 * 1024 });
    const board = await createBoard(server.url);
    const other = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await other.synced;
    const r = await raw(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    // Within the schema (the update guard would refuse an over-long field first): six cards with
    // long descriptions, about 114 KB in all, in one transaction.
    doc.transact(() => {
      for (let i = 0; i < 6; i++) {
        const r = createNode(doc, { id: `stor${i}`, kind: 'goal', tier: 'kommuneplan', title: `Stor ${i}`, description: 'x'.repeat(19_000) }, null);
        expect(r.ok).toBe(true);
      }
    });
    expect(updates).toHaveLength(1);
    r.ws.send(encodeUpdate(updates[0]!));
    await waitFor(() => r.closed() !== null, 10_000, 'the close');
    expect(r.closed()).toEqual({ code: CLOSE.boardTooLarge.code, reason: CLOSE.boardTooLarge.reason });
    // A small edit from the other client is still taken.
    other.doc.getMap('meta').set('title', 'Liten');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => room.doc.getMap('meta').get('title') === 'Liten', 10_000, 'the small edit');
    expect(other.closes).toEqual([]);
  });
});
