// A new client opening a board nobody has open (`fresh=1`) is sent the stored state the moment it
// is read, before the server has built the room from it, so both apply the same bytes at once
// (the cold first sync of a large board). Its sync step 1 is then answered with only what changed
// since the load. Without `fresh`, or once the room is loaded, the first frame is the room's step 1.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { boardMaps, createNode, hasPlainTexts, readGraph, updateNode } from '../../shared';
import { CLOSE, MESSAGE_SYNC, decodeIncoming } from '../protocol';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor, type TestServer } from '../testing/testServer';

cleanUpAfterEach();

/** A board's whole state the way an older server stored it: titles as plain strings (converted at load). */
function oldStyleState(cards: number): Uint8Array {
  const doc = new Y.Doc();
  for (let i = 0; i < cards; i++) createNode(doc, { id: `g${i}`, kind: 'goal', tier: 'kommuneplan', title: `Mål nummer ${i} for kommunen` }, 'old');
  doc.transact(() => {
    for (const y of boardMaps(doc).nodes.values()) y.set('title', String(y.get('title')));
  });
  expect(hasPlainTexts(doc)).toBe(true);
  return Y.encodeStateAsUpdate(doc);
}

/** A raw client: every frame the server sends, decoded, applied to its own document. */
function rawClient(server: TestServer, boardId: string, token: string, fresh: boolean) {
  const ws = trackSocket(new WebSocket(`${server.wsUrl}/${boardId}?token=${token}${fresh ? '&fresh=1' : ''}`));
  const doc = new Y.Doc();
  const frames: { type: string; bytes: number }[] = [];
  let closed: { code: number; reason: string } | null = null;
  ws.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data);
    const msg = decodeIncoming(frame);
    frames.push({ type: msg.type, bytes: frame.byteLength });
    try {
      if (msg.type === 'syncStep2' || msg.type === 'syncUpdate') Y.applyUpdate(doc, msg.update);
    } catch {
      // the broken board of the last test but one: the server's close is what is checked
    }
    if (msg.type === 'syncStep1') ws.send(frameOf((e) => syncProtocol.writeSyncStep2(e, doc, msg.stateVector)));
  });
  ws.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  return {
    ws, doc, frames, opened,
    get closed() {
      return closed;
    },
    /** Sync step 1 with this client's state vector, as y-websocket sends it on open. */
    sendStep1: () => ws.send(frameOf((e) => syncProtocol.writeSyncStep1(e, doc))),
    sendUpdate: (update: Uint8Array) => ws.send(frameOf((e) => syncProtocol.writeUpdate(e, update))),
  };
}

function frameOf(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  write(e);
  return encoding.toUint8Array(e);
}

const titles = (doc: Y.Doc) => [...readGraph(doc).nodes.values()].map((n) => n.title).sort();

/** A board whose stored state is `state` alone (no log rows), not loaded. */
async function storedBoard(server: TestServer, state: Uint8Array) {
  const board = await createBoard(server.url);
  await server.rooms.unload(board.id);
  await server.storage.compact(board.id, state, 0);
  return board;
}

describe('the stored state for a new client while the board loads', () => {
  it('comes before the room is built; the step 1 answer after it carries only what changed at the load', async () => {
    const server = await startTestServer();
    const state = oldStyleState(200);
    const board = await storedBoard(server, state);

    const c = rawClient(server, board.id, board.tokens.editor, true);
    await c.opened;
    c.sendStep1();
    await waitFor(() => c.frames.filter((f) => f.type === 'syncStep2').length === 2, 10_000, 'the answer to step 1');
    // First the stored bytes as they are (the room's step 1 comes only once the room exists) …
    expect(c.frames[0]).toEqual({ type: 'syncStep2', bytes: expect.any(Number) });
    expect(c.frames[0]!.bytes).toBeGreaterThan(state.byteLength);
    expect(c.frames.findIndex((f) => f.type === 'syncStep1')).toBeGreaterThan(0);
    // … then what the load changed (the titles made Y.Texts), not the whole board a second time.
    const answer = c.frames.filter((f) => f.type === 'syncStep2')[1]!;
    expect(answer.bytes).toBeLessThan(state.byteLength / 2);
    for (const y of boardMaps(c.doc).nodes.values()) expect(y.get('title')).toBeInstanceOf(Y.Text);
    const room = await server.rooms.acquire(board.id);
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(room.doc));
    expect(titles(c.doc)).toEqual(titles(room.doc));
    expect(titles(c.doc)).toHaveLength(200);
    expect(await server.metrics.earlyStates.get()).toMatchObject({ values: [{ value: 1 }] });
  });

  it('two new people at once: both start from the stored state, and what each types at once reaches the other', async () => {
    const server = await startTestServer();
    const doc = new Y.Doc();
    for (let i = 0; i < 300; i++) createNode(doc, { id: `g${i}`, kind: 'goal', tier: 'kommuneplan', title: `Mål ${i}` }, 'seed');
    const board = await storedBoard(server, Y.encodeStateAsUpdate(doc));

    const a = rawClient(server, board.id, board.tokens.editor, true);
    const b = rawClient(server, board.id, board.tokens.editor, true);
    await Promise.all([a.opened, b.opened]);
    a.sendStep1();
    b.sendStep1();
    // Both edit the same card the moment they have the board, before either knows the room is ready.
    await waitFor(() => readGraph(a.doc).nodes.size === 300 && readGraph(b.doc).nodes.size === 300, 10_000, 'both have the board');
    const edit = (c: typeof a, title: string) => {
      const off = (u: Uint8Array, origin: unknown) => origin === 'me' && c.sendUpdate(u);
      c.doc.on('update', off);
      updateNode(c.doc, 'g7', { title }, 'me');
      c.doc.off('update', off);
    };
    edit(a, 'Flere unge i arbeid');
    edit(b, 'Færre barn i lavinntekt');
    await waitFor(() => titles(a.doc).join() === titles(b.doc).join() && readGraph(a.doc).nodes.get('g7')!.title !== 'Mål 7', 10_000, 'both edits merged on both');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => readGraph(room.doc).nodes.get('g7')!.title === readGraph(a.doc).nodes.get('g7')!.title, 10_000, 'the server has it');
    // Both edits kept (Y.Text merges the two), in both documents and on the server.
    const merged = readGraph(room.doc).nodes.get('g7')!.title;
    expect(merged).toContain('unge');
    expect(merged).toContain('lavinntekt');
    expect(a.closed).toBeNull();
    expect(b.closed).toBeNull();
  });

  it('not without `fresh`, nor once the room is loaded: the room\'s step 1 comes first', async () => {
    const server = await startTestServer();
    const board = await storedBoard(server, oldStyleState(5));
    const returning = rawClient(server, board.id, board.tokens.editor, false);
    await returning.opened;
    await waitFor(() => returning.frames.length > 0);
    expect(returning.frames[0]!.type).toBe('syncStep1');
    const late = rawClient(server, board.id, board.tokens.viewer, true);
    await late.opened;
    await waitFor(() => late.frames.length > 0);
    expect(late.frames[0]!.type).toBe('syncStep1');
    expect(await server.metrics.earlyStates.get()).toMatchObject({ values: [{ value: 0 }] });
  });

  it('a board whose stored state cannot be applied closes the socket that was sent it with 4503, and a y-websocket client with it', async () => {
    const server = await startTestServer();
    const board = await storedBoard(server, new Uint8Array([1, 200, 200, 200, 200, 1]));
    const c = rawClient(server, board.id, board.tokens.editor, true);
    await waitFor(() => c.closed !== null, 10_000, 'the close');
    expect(c.closed!.code).toBe(CLOSE.storageFailed.code);
    // The server is still there for everyone else.
    const other = await createBoard(server.url);
    const y = connectClient(server.wsUrl, other.id, other.tokens.editor);
    await y.synced;
  });

  it('still refuses a bad token with a plain HTTP status before anything is sent', async () => {
    const server = await startTestServer();
    const board = await storedBoard(server, oldStyleState(5));
    const c = rawClient(server, board.id, 'not-a-token', true);
    const status = await new Promise<number>((resolve) => c.ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
    expect(c.frames).toEqual([]);
  });
});
