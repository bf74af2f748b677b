// The wire format alone: what the server reads and writes must be exactly the y-websocket
// protocol, and anything that is not a whole, known message must be refused with the error
// that picks its close code (Malformed → 1007, Unsupported → 1003).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate as yEncodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { createNode } from '../shared';
import {
  MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, MalformedMessageError, UnsupportedMessageError,
  assertValidUpdate, decodeAwarenessUpdate, decodeIncoming, encodeAwareness, encodeAwarenessUpdate, encodeSyncStep1,
  encodeSyncStep2, encodeUpdate,
} from './protocol';
import { seeded } from './testing/testServer';

function docWithCards(n: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < n; i++) createNode(doc, { kind: 'goal', tier: 'kommuneplan', title: `Mål ${i}` }, 'test');
  return doc;
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

const titles = (doc: Y.Doc) => [...doc.getMap('nodes').values()].map((n) => (n as Y.Map<unknown>).get('title')?.toString()).sort();

describe('decodeIncoming reads what encode* writes', () => {
  it('sync step 1 carries the state vector', () => {
    const doc = docWithCards(3);
    const msg = decodeIncoming(encodeSyncStep1(doc));
    expect(msg).toEqual({ type: 'syncStep1', stateVector: Y.encodeStateVector(doc) });
    doc.destroy();
  });

  it('sync step 2 carries exactly what the other side is missing', () => {
    const server = docWithCards(4);
    const client = new Y.Doc();
    const msg = decodeIncoming(encodeSyncStep2(server, Y.encodeStateVector(client)));
    expect(msg.type).toBe('syncStep2');
    Y.applyUpdate(client, (msg as { update: Uint8Array }).update);
    expect(titles(client)).toEqual(titles(server));
    expect(titles(client)).toHaveLength(4);
    server.destroy();
    client.destroy();
  });

  it('an update round-trips byte for byte', () => {
    const doc = docWithCards(2);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeIncoming(encodeUpdate(update))).toEqual({ type: 'syncUpdate', update });
    doc.destroy();
  });

  it('awareness and query-awareness frames', () => {
    const payload = new Uint8Array([1, 2, 3, 4]);
    expect(decodeIncoming(encodeAwareness(payload))).toEqual({ type: 'awareness', update: payload });
    expect(decodeIncoming(new Uint8Array([MESSAGE_QUERY_AWARENESS]))).toEqual({ type: 'queryAwareness' });
  });

  it('reads the frames the y-protocols encoder (what y-websocket sends) writes', () => {
    const doc = docWithCards(1);
    const step1 = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(decodeIncoming(step1).type).toBe('syncStep1');
    const update = Y.encodeStateAsUpdate(doc);
    const upd = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      syncProtocol.writeUpdate(e, update);
    });
    expect(decodeIncoming(upd)).toEqual({ type: 'syncUpdate', update });
    doc.destroy();
  });
});

describe('decodeIncoming refuses', () => {
  const doc = docWithCards(3);
  const valid = [encodeSyncStep1(doc), encodeSyncStep2(doc, new Uint8Array([0])), encodeUpdate(Y.encodeStateAsUpdate(doc)), encodeAwareness(new Uint8Array([0]))];

  it('every truncation of a valid frame as malformed', () => {
    for (const f of valid) {
      for (let cut = 0; cut < f.length; cut++) {
        expect(() => decodeIncoming(f.subarray(0, cut)), `cut at ${cut} of ${f.length}`).toThrow(MalformedMessageError);
      }
    }
  });

  it('trailing bytes after a whole message as malformed', () => {
    for (const f of [...valid, new Uint8Array([MESSAGE_QUERY_AWARENESS])]) {
      const longer = new Uint8Array(f.length + 1);
      longer.set(f);
      expect(() => decodeIncoming(longer)).toThrow(/trailing bytes/);
      expect(() => decodeIncoming(longer)).toThrow(MalformedMessageError);
    }
  });

  it('a length far past the end of the frame as malformed', () => {
    const huge = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
      encoding.writeVarUint(e, 2 ** 40);
      encoding.writeUint8Array(e, new Uint8Array([1, 2, 3]));
    });
    expect(() => decodeIncoming(huge)).toThrow(MalformedMessageError);
    const awareness = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint(e, 1_000_000);
    });
    expect(() => decodeIncoming(awareness)).toThrow(MalformedMessageError);
    // A varuint that never ends.
    expect(() => decodeIncoming(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow(MalformedMessageError);
  });

  it('a sync step 1 whose state vector is cut short as malformed', () => {
    const brokenSv = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
      encoding.writeVarUint8Array(e, new Uint8Array([5, 1])); // five entries announced, half of one given
    });
    expect(() => decodeIncoming(brokenSv)).toThrow(MalformedMessageError);
  });

  it('an empty frame as malformed', () => {
    expect(() => decodeIncoming(new Uint8Array())).toThrow(MalformedMessageError);
  });

  it('unknown message and sync types as unsupported, not malformed', () => {
    expect(() => decodeIncoming(new Uint8Array([MESSAGE_AUTH, 0]))).toThrow(UnsupportedMessageError);
    expect(() => decodeIncoming(new Uint8Array([7]))).toThrow(UnsupportedMessageError);
    expect(() => decodeIncoming(frame((e) => encoding.writeVarUint(e, 100_000)))).toThrow(/unknown message type 100000/);
    expect(() => decodeIncoming(new Uint8Array([MESSAGE_SYNC, 9, 0]))).toThrow(UnsupportedMessageError);
  });
});

describe('awareness updates', () => {
  it('decodeAwarenessUpdate reads what encodeAwarenessUpdate writes', () => {
    const entries = [
      { clientId: 1, clock: 0, state: { user: { name: 'Kari', color: '#c00' }, cursor: { x: 1, y: 2 } } },
      { clientId: 4_000_000_000, clock: 17, state: null },
      { clientId: 42, clock: 3, state: {} },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual(entries);
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate([]))).toEqual([]);
  });

  it('reads what the y-protocols Awareness (the client) writes', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ola' } });
    const entries = decodeAwarenessUpdate(yEncodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(entries).toEqual([{ clientId: doc.clientID, clock: expect.any(Number), state: { user: { name: 'Ola' } } }]);
    awareness.destroy();
    doc.destroy();
  });

  it('refuses truncated, trailing, non-JSON and non-object states', () => {
    const good = encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: { a: 1 } }]);
    for (let cut = 0; cut < good.length; cut++) expect(() => decodeAwarenessUpdate(good.subarray(0, cut))).toThrow(MalformedMessageError);
    expect(() => decodeAwarenessUpdate(new Uint8Array([...good, 0]))).toThrow(MalformedMessageError);
    const withState = (s: string) =>
      frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 5);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, s);
      });
    expect(() => decodeAwarenessUpdate(withState('{not json'))).toThrow(MalformedMessageError);
    expect(() => decodeAwarenessUpdate(withState('[1,2]'))).toThrow(/not an object/);
    expect(() => decodeAwarenessUpdate(withState('"text"'))).toThrow(MalformedMessageError);
    expect(() => decodeAwarenessUpdate(withState('7'))).toThrow(MalformedMessageError);
    expect(decodeAwarenessUpdate(withState('null'))).toEqual([{ clientId: 5, clock: 1, state: null }]);
  });
});

describe('assertValidUpdate', () => {
  it('accepts real Yjs updates, including the empty one and incremental ones', () => {
    const doc = docWithCards(5);
    expect(() => assertValidUpdate(Y.encodeStateAsUpdate(doc))).not.toThrow();
    expect(() => assertValidUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).not.toThrow();
    const incremental: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => incremental.push(u));
    createNode(doc, { kind: 'measure', tier: 'nav_local', title: 'Tiltak' }, 'test');
    doc.getMap('nodes').clear();
    expect(incremental.length).toBeGreaterThan(1);
    for (const u of incremental) expect(() => assertValidUpdate(u)).not.toThrow();
    doc.destroy();
  });

  it('rejects garbage, truncated updates and random bytes', () => {
    const doc = docWithCards(5);
    const update = Y.encodeStateAsUpdate(doc);
    expect(() => assertValidUpdate(new Uint8Array())).toThrow(MalformedMessageError);
    expect(() => assertValidUpdate(update.subarray(0, Math.floor(update.length / 2)))).toThrow(/invalid Yjs update/);
    expect(() => assertValidUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow(MalformedMessageError);
    // Random bytes are almost never an update; those that are must also apply without throwing.
    const rand = seeded(2024);
    let rejected = 0;
    for (let i = 0; i < 500; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256));
      try {
        assertValidUpdate(bytes);
      } catch (err) {
        expect(err).toBeInstanceOf(MalformedMessageError);
        rejected++;
        continue;
      }
      const probe = new Y.Doc();
      expect(() => Y.applyUpdate(probe, bytes)).not.toThrow();
      probe.destroy();
    }
    expect(rejected).toBeGreaterThan(400);
    doc.destroy();
  });
});
