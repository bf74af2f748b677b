// BoardLog on a real SQLite store (in memory): stored before applied, refused updates never
// stored, server changes on the same path (one at a time; one that fails leaves nothing behind),
// compaction at its bound, a missing board never blank.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/SqliteStorage';
import { Metrics } from '../metrics';
import { GroupCommit } from './GroupCommit';
import { BoardLog, SERVER_ORIGIN } from './BoardLog';
import { BoardGoneError } from '../errors';
import { MalformedMessageError } from '../protocol';
import { UpdateRefusedError } from './updateGuard';
import { boardMaps, createNode } from '../../shared';

const LIMITS = { compactAfterUpdates: 1000, compactAfterBytes: 1 << 30, maxBoardBytes: 0 };
let storage: SqliteStorage;

afterEach(async () => {
  await storage?.close();
});

async function open(limits = LIMITS): Promise<{ log: BoardLog; client: Y.Doc }> {
  storage = new SqliteStorage(':memory:');
  const initial = new Y.Doc();
  boardMaps(initial).meta.set('title', 'Prøve');
  await storage.createBoard({ id: 'b1', createdAt: new Date().toISOString(), tokens: { owner: 'o', editor: 'e', viewer: 'v' } }, Y.encodeStateAsUpdate(initial));
  const metrics = new Metrics();
  const log = await BoardLog.load('b1', storage, new GroupCommit(storage, 0, metrics), limits, metrics);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(log.doc));
  return { log, client };
}

/** Makes the store's appends fail (as a full disk would) while `on` is set. */
function failAppends(s: SqliteStorage): { on: boolean } {
  const state = { on: false };
  const append = s.appendUpdates.bind(s);
  s.appendUpdates = (entries) => (state.on ? Promise.reject(new Error('disk full')) : append(entries));
  return state;
}

/** The update a client makes by creating one card. */
function cardUpdate(client: Y.Doc, title: string): { id: string; update: Uint8Array } {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = u);
  client.on('update', capture);
  const r = createNode(client, { kind: 'goal', tier: 'kommuneplan', title }, 'test');
  client.off('update', capture);
  if (!r.ok) throw new Error('createNode failed');
  return { id: r.id, update: update! };
}

describe('BoardLog', () => {
  it('stores an update before the document holds it, then applies it with its origin', async () => {
    const { log, client } = await open();
    const { id, update } = cardUpdate(client, 'Flere i arbeid');
    const origins: unknown[] = [];
    log.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    log.checkClientUpdate(update);
    const done = log.storeThenApply(update, 'conn-1');
    expect(boardMaps(log.doc).nodes.has(id)).toBe(false);
    await done;
    expect(boardMaps(log.doc).nodes.has(id)).toBe(true);
    expect(origins).toEqual(['conn-1']);
    expect((await storage.loadDocument('b1')).updates).toHaveLength(1);
  });

  it('applies nothing it could not store', async () => {
    const { log, client } = await open();
    const { id, update } = cardUpdate(client, 'For sent');
    await storage.deleteBoard('b1'); // the log row now breaks its foreign key
    await expect(log.storeThenApply(update, 'conn-1')).rejects.toThrow();
    expect(boardMaps(log.doc).nodes.has(id)).toBe(false);
  });

  it('refuses garbage and schema breaks before anything is stored', async () => {
    const { log, client } = await open();
    expect(() => log.checkClientUpdate(new Uint8Array([1, 2, 3]))).toThrow(MalformedMessageError);
    let bad: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => (bad = u));
    client.getMap('elsewhere').set('x', 1);
    expect(() => log.checkClientUpdate(bad!)).toThrow(UpdateRefusedError);
    expect((await storage.loadDocument('b1')).updates).toHaveLength(0);
  });

  it('makes a server change off the live document, stores it, then applies it with SERVER_ORIGIN', async () => {
    const { log } = await open();
    const origins: unknown[] = [];
    log.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    await log.applyServerChange((doc) => boardMaps(doc).meta.set('title', 'Fra tjeneren'));
    expect(boardMaps(log.doc).meta.get('title')).toBe('Fra tjeneren');
    expect(origins).toEqual([SERVER_ORIGIN]);
    const stored = await storage.loadDocument('b1');
    expect(stored.updates).toHaveLength(1);
    const fromDisk = new Y.Doc();
    Y.applyUpdate(fromDisk, stored.state!);
    Y.applyUpdate(fromDisk, stored.updates[0]!.update);
    expect(boardMaps(fromDisk).meta.get('title')).toBe('Fra tjeneren');
  });

  it('a server change that could not be stored is on neither the document nor disk, and the next one carries none of it', async () => {
    const { log } = await open();
    const failing = failAppends(storage);
    const heard: unknown[] = [];
    log.doc.on('update', (_u: Uint8Array, origin: unknown) => heard.push(origin));
    failing.on = true;
    await expect(log.applyServerChange((doc) => boardMaps(doc).meta.set('title', 'Aldri lagret'))).rejects.toThrow('disk full');
    expect(boardMaps(log.doc).meta.get('title')).toBe('Prøve');
    expect(heard).toEqual([]);
    failing.on = false;
    // The next change is made against the board as it is: the lost title is not in its update either.
    await log.applyServerChange((doc) => {
      expect(boardMaps(doc).meta.get('title')).toBe('Prøve');
      boardMaps(doc).meta.set('municipality', 'Lier');
    });
    expect(boardMaps(log.doc).meta.toJSON()).toMatchObject({ title: 'Prøve', municipality: 'Lier' });
    const stored = await storage.loadDocument('b1');
    expect(stored.updates).toHaveLength(1);
    const fromDisk = new Y.Doc();
    Y.applyUpdate(fromDisk, stored.state!);
    Y.applyUpdate(fromDisk, stored.updates[0]!.update);
    expect(boardMaps(fromDisk).meta.toJSON()).toMatchObject({ title: 'Prøve', municipality: 'Lier' });
  });

  it('a server change that throws half-way leaves nothing behind, in the document or in the next change', async () => {
    const { log } = await open();
    await expect(
      log.applyServerChange((doc) => {
        boardMaps(doc).meta.set('title', 'Halvveis');
        throw new Error('writer failed');
      }),
    ).rejects.toThrow('writer failed');
    expect(boardMaps(log.doc).meta.get('title')).toBe('Prøve');
    await log.applyServerChange((doc) => boardMaps(doc).meta.set('municipality', 'Lier'));
    const stored = await storage.loadDocument('b1');
    expect(stored.updates).toHaveLength(1);
    const fromDisk = new Y.Doc();
    Y.applyUpdate(fromDisk, stored.state!);
    Y.applyUpdate(fromDisk, stored.updates[0]!.update);
    expect(boardMaps(fromDisk).meta.toJSON()).toMatchObject({ title: 'Prøve', municipality: 'Lier' });
  });

  it('server changes made at the same time see each other and each land once, with client edits between them', async () => {
    const { log, client } = await open();
    const card = cardUpdate(client, 'Samtidig');
    log.checkClientUpdate(card.update);
    const counts = [1, 2, 3].map((n) =>
      log.applyServerChange((doc) => {
        const seen = (boardMaps(doc).meta.get('municipality') as string | undefined) ?? '';
        boardMaps(doc).meta.set('municipality', `${seen}${n}`);
      }),
    );
    const edit = log.storeThenApply(card.update, 'conn-1');
    await Promise.all([...counts, edit]);
    expect(boardMaps(log.doc).meta.get('municipality')).toBe('123');
    expect(boardMaps(log.doc).nodes.has(card.id)).toBe(true);
    const stored = await storage.loadDocument('b1');
    expect(stored.updates).toHaveLength(4);
    const fromDisk = new Y.Doc();
    Y.applyUpdate(fromDisk, stored.state!);
    for (const row of stored.updates) Y.applyUpdate(fromDisk, row.update);
    expect(Buffer.from(Y.encodeStateVector(fromDisk)).equals(Buffer.from(Y.encodeStateVector(log.doc)))).toBe(true);
    expect(boardMaps(fromDisk).meta.get('municipality')).toBe('123');
  });

  it('compacts the log into the state at its bound, and on close', async () => {
    const { log, client } = await open({ ...LIMITS, compactAfterUpdates: 3 });
    for (const title of ['A', 'B', 'C']) await log.storeThenApply(cardUpdate(client, title).update, 'c');
    await log.compact(); // joins the compaction the third update started
    expect((await storage.loadDocument('b1')).updates).toHaveLength(0);
    await log.storeThenApply(cardUpdate(client, 'D').update, 'c');
    expect((await storage.loadDocument('b1')).updates).toHaveLength(1);
    await log.close();
    const stored = await storage.loadDocument('b1');
    expect(stored.updates).toHaveLength(0);
    const fromDisk = new Y.Doc();
    Y.applyUpdate(fromDisk, stored.state!);
    expect(boardMaps(fromDisk).nodes.size).toBe(4);
  });

  it('will not load a board that is not in storage', async () => {
    await open();
    const metrics = new Metrics();
    await expect(BoardLog.load('nope', storage, new GroupCommit(storage, 0, metrics), LIMITS, metrics)).rejects.toBeInstanceOf(BoardGoneError);
  });
});

describe('the whole state', () => {
  it('is the stored bytes while the board is as loaded, and holds every change after', async () => {
    const { log, client } = await open();
    const stored = (await storage.loadDocument('b1')).state!;
    expect(Buffer.from(log.encodeState()).equals(Buffer.from(stored))).toBe(true);
    const { id, update } = cardUpdate(client, 'Flere i arbeid');
    log.checkClientUpdate(update);
    await log.storeThenApply(update, null);
    const after = new Y.Doc();
    Y.applyUpdate(after, log.encodeState());
    expect(boardMaps(after).nodes.has(id)).toBe(true);
    expect(boardMaps(after).meta.get('title')).toBe('Prøve');
  });
});
