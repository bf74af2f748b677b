// Back-pressure: a client that stops reading is disconnected (4508) once too much is queued for
// it, while every other client keeps receiving every update; it resyncs when it comes back.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createNode, toBoardJson, updateNode } from '../../shared';
import { CLOSE } from '../protocol';
import { cleanUpAfterEach, connectClient, createBoard, seeded, startTestServer, trackSocket, waitFor, type TestClient, type TestServer } from '../testing/testServer';

const MAX_BUFFERED_BYTES = 64 * 1024;
/** Enough to fill the kernel's socket buffers on both ends many times over. */
const MAX_EDITS = 3000;

let server: TestServer | null = null;
cleanUpAfterEach();

const connect = (s: TestServer, boardId: string, token: string): TestClient => connectClient(s.wsUrl, boardId, token);

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

async function slowDisconnects(s: TestServer): Promise<number> {
  return (await s.metrics.slowClientsDisconnected.get()).values[0]?.value ?? 0;
}

/** A raw client that stops reading its socket as soon as it is open. */
function stalledClient(url: string) {
  const ws = new WebSocket(url);
  trackSocket(ws);
  let close: { code: number; reason: string } | null = null;
  let framesRead = 0;
  ws.on('message', () => framesRead++);
  ws.on('close', (code, reason) => (close = { code, reason: reason.toString() }));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) =>
    ws.on('open', () => {
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      resolve();
    }),
  );
  return {
    opened,
    resume: () => (ws as unknown as { _socket: { resume(): void } })._socket.resume(),
    get close() {
      return close;
    },
    get framesRead() {
      return framesRead;
    },
  };
}

describe('a client that stops reading', () => {
  it('is disconnected with 4508 while another client keeps receiving every update; it resyncs on reconnect', { timeout: 60_000 }, async () => {
    // No per-connection byte budget here: this test is about the stalled reader, and the editor's
    // 19 kB edits must reach the server as fast as it sends them (the budget is tested in budgets.test.ts).
    server = await startTestServer({ maxBufferedBytes: MAX_BUFFERED_BYTES, connectionBytesPerSecond: 0 });
    const board = await createBoard(server.url);
    const editor = connect(server, board.id, board.tokens.editor);
    const watcher = connect(server, board.id, board.tokens.viewer);
    await Promise.all([editor.synced, watcher.synced]);
    const stalled = stalledClient(`${server.wsUrl}/${board.id}?token=${board.tokens.viewer}`);
    await stalled.opened;
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => room.connectionCount === 3, 5000, 'the stalled client to join');

    const card = createNode(editor.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Lang tekst' }, 'editor');
    if (!card.ok) throw new Error('create failed');
    const rand = seeded(4508);
    const letters = 'abcdefghijklmnopqrstuvwxyzæøå ';
    let edits = 0;
    let checkedWhileStalled = 0;
    while (edits < MAX_EDITS && (await slowDisconnects(server)) === 0) {
      // ~19 kB of text that does not compress, replacing the last.
      const description = Array.from({ length: 19_000 }, () => letters[Math.floor(rand() * letters.length)]).join('');
      const r = updateNode(editor.doc, card.id, { description, title: `Lang tekst ${edits}` }, 'editor');
      if (!r.ok) throw new Error(`edit failed: ${JSON.stringify(r)}`);
      edits++;
      // While the stalled client is still connected and its queue grows, the watcher has every edit.
      if (edits % 25 === 0 && (await slowDisconnects(server)) === 0) {
        await waitFor(() => sameState(watcher.doc, editor.doc), 15_000, `the watcher to have edit ${edits}`);
        checkedWhileStalled++;
      }
    }
    expect(await slowDisconnects(server)).toBe(1);
    expect(checkedWhileStalled).toBeGreaterThan(0);
    expect(stalled.close).toBeNull();

    // Once it reads again it finds the close frame behind what was queued: 4508, "reconnect to resync".
    stalled.resume();
    await waitFor(() => stalled.close !== null, 10_000, 'the stalled client to see its close');
    expect(stalled.close).toEqual({ code: CLOSE.tooFarBehind.code, reason: CLOSE.tooFarBehind.reason });
    // It was cut off: what it reads is what the kernel's socket buffers held before the close (on
    // loopback that can be nearly every edit sent so far), and nothing after it (checked below).
    const readAtClose = stalled.framesRead;
    await waitFor(() => room.connectionCount === 2, 5000, 'the server to forget the stalled connection');

    await waitFor(() => sameState(watcher.doc, editor.doc), 15_000, 'the watcher to have every edit');
    expect(toBoardJson(watcher.doc)).toEqual(toBoardJson(editor.doc));
    expect(toBoardJson(watcher.doc).nodes[0]!.title).toBe(`Lang tekst ${edits - 1}`);
    expect(watcher.closes).toEqual([]);
    expect(editor.closes).toEqual([]);

    // The editing carries on for the others, and a reconnect resyncs everything.
    updateNode(editor.doc, card.id, { title: 'Etter frakoblingen' }, 'editor');
    await waitFor(() => toBoardJson(watcher.doc).nodes[0]?.title === 'Etter frakoblingen', 5000, 'the watcher to see the next edit');
    expect(stalled.framesRead).toBe(readAtClose);
    const back = connect(server, board.id, board.tokens.viewer);
    await back.synced;
    await waitFor(() => sameState(back.doc, editor.doc), 10_000, 'the reconnected client to resync');
    expect(toBoardJson(back.doc)).toEqual(toBoardJson(editor.doc));
  });

  it('a y-websocket client that stalls is cut off with 4508, reconnects by itself and resyncs', { timeout: 60_000 }, async () => {
    server = await startTestServer({ maxBufferedBytes: MAX_BUFFERED_BYTES });
    const board = await createBoard(server.url);
    const editor = connect(server, board.id, board.tokens.editor);
    const slow = connect(server, board.id, board.tokens.viewer);
    await Promise.all([editor.synced, slow.synced]);
    const socketOf = (c: TestClient) => (c.provider.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    const firstSocket = socketOf(slow);
    firstSocket.pause();

    const card = createNode(editor.doc, { kind: 'measure', tier: 'nav_local', title: 'Tiltak' }, 'editor');
    if (!card.ok) throw new Error('create failed');
    const rand = seeded(99);
    let edits = 0;
    while (edits < MAX_EDITS && (await slowDisconnects(server)) === 0) {
      const description = Array.from({ length: 19_000 }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
      updateNode(editor.doc, card.id, { description }, 'editor');
      edits++;
      if (edits % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await slowDisconnects(server)).toBe(1);
    firstSocket.resume();
    // 4508 is outside 4400–4499, so y-websocket treats it as transient and comes back on its own.
    await waitFor(() => slow.closes.some((c) => c.code === CLOSE.tooFarBehind.code), 10_000, 'the 4508 close');
    await waitFor(() => slow.provider.wsconnected && sameState(slow.doc, editor.doc), 15_000, 'the slow client to reconnect and resync');
    expect(toBoardJson(slow.doc)).toEqual(toBoardJson(editor.doc));
    expect(editor.closes).toEqual([]);
  });
});
