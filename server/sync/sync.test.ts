import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { byId, createNode, parseBoardJson, toBoardJson, updateNode } from '../../shared';
import { cleanUpAfterEach, connectClient, createBoard, seeded, startTestServer, waitFor, type TestClient, type TestServer } from '../testing/testServer';
import { randomEdit } from '../testing/randomEdits';

let server: TestServer | null = null;
cleanUpAfterEach();

const connect = (s: TestServer, boardId: string, token: string, doc?: Y.Doc): TestClient => connectClient(s.wsUrl, boardId, token, doc);

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

async function serverDoc(s: TestServer, boardId: string): Promise<Y.Doc> {
  return (await s.rooms.acquire(boardId)).doc;
}

describe.each([2, 20])('%i clients editing at once', (n) => {
  it('converge on one board, identical to the server', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const cs = Array.from({ length: n }, () => connect(server!, board.id, board.tokens.editor));
    await Promise.all(cs.map((c) => c.synced));
    const rand = seeded(n * 7919);
    for (let round = 0; round < 15; round++) {
      for (const c of cs) randomEdit(c.doc, rand, 'test');
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 5)));
    }
    const sdoc = await serverDoc(server, board.id);
    await waitFor(() => cs.every((c) => sameState(c.doc, sdoc)), 15_000, 'all clients to converge');
    const expected = toBoardJson(sdoc);
    expect(expected.nodes.length).toBeGreaterThan(0);
    for (const c of cs) expect(toBoardJson(c.doc)).toEqual(expected);
  });
});

describe('persistence', () => {
  it('keeps everything across a restart', async () => {
    server = await startTestServer();
    const { dataDir } = server;
    const board = await createBoard(server.url);
    const a = connect(server, board.id, board.tokens.editor);
    await a.synced;
    const rand = seeded(42);
    for (let i = 0; i < 60; i++) randomEdit(a.doc, rand, 'a');
    const sdoc = await serverDoc(server, board.id);
    await waitFor(() => sameState(a.doc, sdoc), 10_000, 'server to hold every edit');
    const before = toBoardJson(a.doc);
    a.destroy();
    await server.close();

    server = await startTestServer({ dataDir });
    const b = connect(server, board.id, board.tokens.viewer);
    await b.synced;
    expect(toBoardJson(b.doc)).toEqual(before);
  });

  it('compaction leaves the board identical and the log empty', async () => {
    server = await startTestServer({ compactAfterUpdates: 1_000_000 });
    const board = await createBoard(server.url);
    const a = connect(server, board.id, board.tokens.editor);
    await a.synced;
    const rand = seeded(7);
    for (let i = 0; i < 80; i++) randomEdit(a.doc, rand, 'a');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => sameState(a.doc, room.doc), 10_000, 'server to hold every edit');
    const stored = await server.storage.loadDocument(board.id);
    expect(stored.updates.length).toBeGreaterThan(0);
    const before = toBoardJson(room.doc);

    await room.log.compact();
    const compacted = await server.storage.loadDocument(board.id);
    expect(compacted.updates).toHaveLength(0);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, compacted.state!);
    expect(toBoardJson(reloaded)).toEqual(before);
    reloaded.destroy();
  });

  it('compacts automatically past the bound, and a restart still has every edit', async () => {
    server = await startTestServer({ compactAfterUpdates: 10 });
    const { dataDir } = server;
    const board = await createBoard(server.url);
    const a = connect(server, board.id, board.tokens.editor);
    await a.synced;
    const rand = seeded(99);
    for (let i = 0; i < 50; i++) {
      randomEdit(a.doc, rand, 'a');
      await new Promise((r) => setTimeout(r, 3));
    }
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => sameState(a.doc, room.doc), 10_000, 'server to hold every edit');
    const compactions = (await server.metrics.registry.getSingleMetricAsString('malkart_compactions_total')).match(/ (\d+)$/m)?.[1];
    expect(Number(compactions)).toBeGreaterThan(0);
    const before = toBoardJson(a.doc);
    a.destroy();
    await server.close();
    server = await startTestServer({ dataDir });
    const b = connect(server, board.id, board.tokens.editor);
    await b.synced;
    expect(toBoardJson(b.doc)).toEqual(before);
  });

  it('unloads a board after its last client leaves, after a final flush', async () => {
    server = await startTestServer({ unloadDelayMs: 100 });
    const board = await createBoard(server.url);
    const a = connect(server, board.id, board.tokens.editor);
    await a.synced;
    createNode(a.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Flere i arbeid' }, 'a');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => sameState(a.doc, room.doc));
    expect(server.rooms.loadedCount).toBe(1);
    a.destroy();
    await waitFor(() => server!.rooms.loadedCount === 0, 5000, 'the board to unload');
    const stored = await server.storage.loadDocument(board.id);
    expect(stored.updates).toHaveLength(0); // folded into the state on unload
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state!);
    expect(toBoardJson(doc).nodes.map((n) => n.title)).toEqual(['Flere i arbeid']);
    doc.destroy();
  });
});

describe('viewers', () => {
  it("a viewer's edits never reach storage or another client", async () => {
    server = await startTestServer();
    const { dataDir } = server;
    const board = await createBoard(server.url);
    const editor = connect(server, board.id, board.tokens.editor);
    const viewer = connect(server, board.id, board.tokens.viewer);
    await Promise.all([editor.synced, viewer.synced]);

    createNode(viewer.doc, { kind: 'goal', tier: 'national', title: 'Fra en tilskuer' }, 'viewer');
    createNode(editor.doc, { kind: 'goal', tier: 'national', title: 'Fra en redaktør' }, 'editor');
    // The editor's card reaching the viewer shows the viewer's frame had its chance to travel first.
    await waitFor(() => toBoardJson(viewer.doc).nodes.some((n) => n.title === 'Fra en redaktør'));
    await new Promise((r) => setTimeout(r, 100));
    expect(toBoardJson(editor.doc).nodes.map((n) => n.title)).toEqual(['Fra en redaktør']);
    const dropped = await server.metrics.registry.getSingleMetricAsString('malkart_viewer_updates_dropped_total');
    expect(Number(dropped.match(/ (\d+)$/m)?.[1])).toBeGreaterThan(0);

    editor.destroy();
    viewer.destroy();
    await server.close();
    server = await startTestServer({ dataDir });
    const check = connect(server, board.id, board.tokens.owner);
    await check.synced;
    expect(toBoardJson(check.doc).nodes.map((n) => n.title)).toEqual(['Fra en redaktør']);
  });

  it("awareness is relayed with the connection's real role, not the one the client claims", async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const editor = connect(server, board.id, board.tokens.editor);
    const viewer = connect(server, board.id, board.tokens.viewer);
    await Promise.all([editor.synced, viewer.synced]);
    viewer.provider.awareness.setLocalState({ user: { name: 'Kari' }, role: 'owner' });
    const viewerId = viewer.doc.clientID;
    await waitFor(() => (editor.provider.awareness.getStates().get(viewerId) as { user?: unknown } | undefined)?.user !== undefined);
    expect(editor.provider.awareness.getStates().get(viewerId)).toMatchObject({ user: { name: 'Kari' }, role: 'viewer' });
  });
});

describe('import', () => {
  it('the example board imported over HTTP reads back identical over a WebSocket', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const c = connect(server, board.id, board.tokens.viewer);
    await c.synced;
    const parsed = parseBoardJson(EXAMPLE_BOARD);
    if (!parsed.ok) throw new Error('example does not parse');
    const expected = { ...parsed.board, nodes: [...parsed.board.nodes].sort(byId), edges: [...parsed.board.edges].sort(byId) };
    expect(toBoardJson(c.doc)).toEqual(expected);
    expect(toBoardJson(c.doc).nodes).toHaveLength(27);
  });

  it('edits by one client reach another only through the server, after it stored them', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const a = connect(server, board.id, board.tokens.editor);
    const b = connect(server, board.id, board.tokens.editor);
    await Promise.all([a.synced, b.synced]);
    const r = createNode(a.doc, { kind: 'goal', tier: 'nav_local', title: 'Kortere stønadstid' }, 'a');
    if (!r.ok) throw new Error('create failed');
    await waitFor(() => b.doc.getMap('nodes').has(r.id));
    // Whatever b has seen is in the log already.
    const stored = await server.storage.loadDocument(board.id);
    const fromDisk = new Y.Doc();
    if (stored.state) Y.applyUpdate(fromDisk, stored.state);
    for (const u of stored.updates) Y.applyUpdate(fromDisk, u.update);
    expect(fromDisk.getMap('nodes').has(r.id)).toBe(true);
    fromDisk.destroy();
    updateNode(b.doc, r.id, { title: 'Kortere stønadstid for unge' }, 'b');
    await waitFor(() => toBoardJson(a.doc).nodes[0]?.title === 'Kortere stønadstid for unge');
  });
});
