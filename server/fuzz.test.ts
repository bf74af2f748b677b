// Seeded fuzzing of the WebSocket endpoint: while two honest clients keep editing, raw
// connections send bad frames of every kind. Each bad connection must be closed with the close
// code protocol.ts names and a reason; the honest clients must not notice; the server must not
// crash; and nothing bad may reach the stored board.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { toBoardJson } from '../shared';
import {
  CLOSE, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, UnsupportedMessageError,
  assertValidUpdate, decodeAwarenessUpdate, decodeIncoming, encodeAwareness, encodeAwarenessUpdate, encodeSyncStep1, encodeUpdate,
} from './protocol';
import { randomEdit } from './testing/randomEdits';
import { cleanUpAfterEach, connectClient, createBoard, seeded, startTestServer, trackSocket, waitFor, type TestServer } from './testing/testServer';

const MAX_MESSAGE_BYTES = 64 * 1024;
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed);
const TIME_BUDGET_MS = 25_000;

let server: TestServer | null = null;
cleanUpAfterEach();

type Rand = () => number;
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const randomBytes = (rand: Rand, n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
function build(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/**
 * The close code a frame must earn, from the protocol module's own decoders, or null when the
 * frame is (by chance) acceptable — such frames are regenerated, since this test wants only bad ones.
 */
function expectedClose(frame: Uint8Array): number | null {
  try {
    const msg = decodeIncoming(frame);
    if (msg.type === 'syncUpdate' || msg.type === 'syncStep2') assertValidUpdate(msg.update);
    else if (msg.type === 'awareness') decodeAwarenessUpdate(msg.update);
    else if (msg.type === 'syncStep1') Y.encodeStateAsUpdate(new Y.Doc(), msg.stateVector);
    return null;
  } catch (err) {
    return err instanceof UnsupportedMessageError ? CLOSE.unsupportedData.code : CLOSE.malformed.code;
  }
}

type Bad = { kind: string; data: Uint8Array | string; code: number };

/** Real frames, to truncate: what an honest client sends. */
function validFrames(rand: Rand): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 4; i++) randomEdit(doc, rand, 'fuzz');
  const frames = [encodeSyncStep1(doc), ...updates.map(encodeUpdate), encodeAwareness(new Uint8Array([1, 7, 1, 2, 123, 125]))];
  doc.destroy();
  return frames;
}

const generators: Record<string, (rand: Rand) => Uint8Array | string> = {
  randomBytes: (rand) => randomBytes(rand, int(rand, 1, 300)),
  truncated: (rand) => {
    const frames = validFrames(rand);
    const f = frames[int(rand, 0, frames.length - 1)]!;
    return f.subarray(0, int(rand, 1, f.length - 1));
  },
  lengthPastEnd: (rand) =>
    build((e) => {
      const awareness = rand() < 0.3;
      encoding.writeVarUint(e, awareness ? MESSAGE_AWARENESS : MESSAGE_SYNC);
      if (!awareness) encoding.writeVarUint(e, [SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE][int(rand, 0, 2)]!);
      encoding.writeVarUint(e, 2 ** int(rand, 10, 52) + int(rand, 0, 1000));
      encoding.writeUint8Array(e, randomBytes(rand, int(rand, 0, 40)));
    }),
  unknownType: (rand) =>
    build((e) => {
      const r = rand();
      if (r < 0.25) encoding.writeVarUint(e, MESSAGE_AUTH);
      else if (r < 0.5) {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, int(rand, 3, 1_000_000)); // unknown sync message type
      } else encoding.writeVarUint(e, int(rand, 4, 2 ** 31));
      encoding.writeVarUint8Array(e, randomBytes(rand, int(rand, 0, 40)));
    }),
  garbageUpdate: (rand) =>
    build((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, rand() < 0.5 ? SYNC_UPDATE : SYNC_STEP2);
      encoding.writeVarUint8Array(e, randomBytes(rand, int(rand, 1, 200)));
    }),
  garbageStateVector: (rand) =>
    build((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_STEP1);
      encoding.writeVarUint8Array(e, build((sv) => {
        encoding.writeVarUint(sv, int(rand, 2, 1000)); // more entries than follow
        encoding.writeVarUint(sv, int(rand, 0, 2 ** 32));
      }));
    }),
  garbageAwareness: (rand) => {
    // Non-ASCII in broken JSON: the parse error quotes it, so the close reason must stay within 123 bytes.
    const states = [
      '{"user":', '[1,2]', '"tekst"', '{"navn":"Åse Ødegård ÆØÅ æøå ' + 'ø'.repeat(int(rand, 1, 80)), String(int(rand, 0, 9)),
      '中'.repeat(int(rand, 1, 80)), '\u2028'.repeat(int(rand, 1, 30)), 'Åse',
    ];
    const payload =
      rand() < 0.3
        ? randomBytes(rand, int(rand, 1, 100))
        : build((e) => {
            encoding.writeVarUint(e, 1);
            encoding.writeVarUint(e, int(rand, 1, 2 ** 30));
            encoding.writeVarUint(e, int(rand, 0, 100));
            encoding.writeVarString(e, states[int(rand, 0, states.length - 1)]!);
          });
    return encodeAwareness(payload);
  },
  text: (rand) => ['hello', '{"type":"sync"}', 'ø'.repeat(int(rand, 1, 50)), ''][int(rand, 0, 3)]!,
  oversized: (rand) =>
    build((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_UPDATE);
      encoding.writeVarUint8Array(e, randomBytes(rand, MAX_MESSAGE_BYTES + int(rand, 0, 8192)));
    }),
};

function badFrame(rand: Rand): Bad {
  const kinds = Object.keys(generators);
  const kind = kinds[int(rand, 0, kinds.length - 1)]!;
  for (;;) {
    const data = generators[kind]!(rand);
    if (typeof data === 'string') return { kind, data, code: CLOSE.unsupportedData.code };
    if (data.byteLength > MAX_MESSAGE_BYTES) return { kind, data, code: CLOSE.tooLarge.code };
    const code = expectedClose(data);
    if (code !== null) return { kind, data, code };
  }
}

/** Opens a raw editor connection, sends one frame, and reports how the server closed it. */
function sendBad(url: string, data: Uint8Array | string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    trackSocket(ws);
    ws.on('open', () => ws.send(data));
    ws.on('error', () => {}); // a reset after a close frame still ends in 'close'
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString('utf8') });
    });
  });
}

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

describe('fuzzed frames', () => {
  it('close only their own connection, with the right code and a reason; honest clients converge; the stored board loads', { timeout: 90_000 }, async () => {
    server = await startTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES });
    const { dataDir } = server;
    const board = await createBoard(server.url);
    const a = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const b = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalState({ user: { name: 'Ærlig A' } });

    const rand = seeded(SEED);
    const badUrl = `${server.wsUrl}/${board.id}?token=${board.tokens.editor}`;
    const seen = new Map<string, Map<number, number>>();
    const wrong: string[] = [];
    const start = Date.now();
    let sent = 0;
    while (sent < FRAMES && Date.now() - start < TIME_BUDGET_MS) {
      // The honest clients keep editing throughout.
      randomEdit(rand() < 0.5 ? a.doc : b.doc, rand, 'honest');
      // A few bad connections at once.
      const batch = Array.from({ length: int(rand, 1, 3) }, () => badFrame(rand));
      const results = await Promise.all(batch.map((bad) => sendBad(badUrl, bad.data)));
      batch.forEach((bad, i) => {
        const { code, reason } = results[i]!;
        const byCode = seen.get(bad.kind) ?? new Map<number, number>();
        byCode.set(code, (byCode.get(code) ?? 0) + 1);
        seen.set(bad.kind, byCode);
        const preview = typeof bad.data === 'string' ? JSON.stringify(bad.data) : Buffer.from(bad.data.subarray(0, 24)).toString('hex');
        if (code !== bad.code) wrong.push(`${bad.kind} ${preview}: expected ${bad.code}, got ${code} "${reason}"`);
        // ws closes an oversized message itself, with 1009 and no reason; every other close carries one.
        else if (!reason && code !== CLOSE.tooLarge.code) wrong.push(`${bad.kind} ${preview}: closed with ${code} but no reason`);
      });
      sent += batch.length;
    }
    expect(wrong, `seed ${SEED}:\n${wrong.slice(0, 10).join('\n')}`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(100);
    // Every kind was tried.
    expect([...seen.keys()].sort()).toEqual(Object.keys(generators).sort());
    const rejected = await server.metrics.registry.getSingleMetricAsString('malkart_rejected_messages_total');
    for (const reason of ['malformed', 'unsupported', 'text', 'too_large']) expect(rejected).toMatch(new RegExp(`reason="${reason}"} [1-9]`));

    // The honest clients never noticed, and converge with each other and the server.
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => sameState(a.doc, room.doc) && sameState(b.doc, room.doc), 15_000, 'the honest clients to converge');
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    const expected = toBoardJson(room.doc);
    expect(toBoardJson(a.doc)).toEqual(expected);
    expect(toBoardJson(b.doc)).toEqual(expected);
    expect(expected.nodes.length).toBeGreaterThan(0);
    // Awareness of an honest client survived the garbage awareness frames.
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: 'Ærlig A' } });
    expect(server.rooms.loadedCount).toBe(1);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // Nothing bad reached the log: every stored row is a whole update, and replaying them gives the board.
    const stored = await server.storage.loadDocument(board.id);
    const replayed = new Y.Doc();
    if (stored.state) Y.applyUpdate(replayed, stored.state);
    for (const row of stored.updates) {
      expect(() => assertValidUpdate(row.update)).not.toThrow();
      Y.applyUpdate(replayed, row.update);
    }
    expect(toBoardJson(replayed)).toEqual(expected);
    replayed.destroy();

    // And after a restart on the same data the board loads as it was.
    a.destroy();
    b.destroy();
    await server.close();
    server = await startTestServer({ dataDir, maxMessageBytes: MAX_MESSAGE_BYTES });
    const check = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await check.synced;
    expect(toBoardJson(check.doc)).toEqual(expected);
  });

  it('a close reason quoting non-ASCII client input keeps its code, cut to the 123 bytes a reason may have', async () => {
    server = await startTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES });
    const board = await createBoard(server.url);
    const url = `${server.wsUrl}/${board.id}?token=${board.tokens.editor}`;
    // JSON.parse quotes short input whole: these make a reason of 125–150 bytes before cutting.
    for (const state of ['中'.repeat(12), '\u2028'.repeat(20), '😀'.repeat(9), '中'.repeat(80)]) {
      const frame = encodeAwareness(
        build((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 12345);
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, state);
        }),
      );
      const { code, reason } = await sendBad(url, frame);
      expect(code, state).toBe(CLOSE.malformed.code);
      expect(reason).toMatch(/^malformed message: invalid awareness update/);
      expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    }
  });

  it("a raw connection cannot overwrite or remove an honest client's awareness", async () => {
    server = await startTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES });
    const board = await createBoard(server.url);
    const a = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const b = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalState({ user: { name: 'Ekte Anne' } });
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name === 'Ekte Anne');

    const spoofs = [
      { clientId: a.doc.clientID, clock: 1_000_000, state: { user: { name: 'Falsk' } } },
      { clientId: a.doc.clientID, clock: 1_000_001, state: null },
    ];
    const replies: Uint8Array[] = [];
    const ws = new WebSocket(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`);
    trackSocket(ws);
    ws.on('message', (data: Buffer) => replies.push(new Uint8Array(data)));
    await new Promise((resolve) => ws.on('open', resolve));
    for (const spoof of spoofs) ws.send(encodeAwareness(encodeAwarenessUpdate([spoof])));
    // Frames on one connection are handled in order: the answer to this query comes after the spoofs were.
    const before = replies.length;
    ws.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
    await waitFor(() => replies.slice(before).some((r) => r[0] === MESSAGE_AWARENESS), 5000, 'the awareness answer');
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const room = await server.rooms.acquire(board.id);
    expect(room.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: 'Ekte Anne' } });
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: 'Ekte Anne' } });
  });

  it('a bad frame after honest traffic on the same connection closes it without losing what came before', async () => {
    server = await startTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES });
    const board = await createBoard(server.url);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await watcher.synced;
    // A raw client sends one good update and then garbage on the same socket.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    randomEdit(doc, seeded(5), 'raw');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      const ws = new WebSocket(`${server!.wsUrl}/${board.id}?token=${board.tokens.editor}`);
      trackSocket(ws);
      ws.on('open', () => {
        ws.send(encodeUpdate(Y.mergeUpdates(updates)));
        ws.send(new Uint8Array([MESSAGE_SYNC, SYNC_UPDATE, 5, 1, 2]));
      });
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    const { code, reason } = await closed;
    expect(code).toBe(CLOSE.malformed.code);
    expect(reason).toMatch(/^malformed message/);
    await waitFor(() => toBoardJson(watcher.doc).nodes.length === toBoardJson(doc).nodes.length && toBoardJson(doc).nodes.length > 0, 5000, 'the good update to arrive');
    expect(toBoardJson(watcher.doc).nodes).toEqual(toBoardJson(doc).nodes);
    expect(watcher.closes).toEqual([]);
    doc.destroy();
  });
});
