// First sync of a new client, on a real server: the answer to an empty state vector may be the
// board's stored bytes (no re-encoding after a load), so it must stop being them the moment the
// board changes — by an edit or by the conversion the server makes on load. And a client with
// nothing to add costs no log row.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps, createNode, toBoardJson } from '../../shared';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor } from '../testing/testServer';

cleanUpAfterEach();

describe('the first sync of a new client', () => {
  it('after a load gets the stored board, and after an edit gets the edit too', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    await server.rooms.unload(board.id);
    const a = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await a.synced; // the answer to an empty state vector is now kept
    const r = createNode(a.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Flere i arbeid' }, 'a');
    if (!r.ok) throw new Error('create failed');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => boardMaps(room.doc).nodes.has(r.id), 10_000, 'the server to apply the edit');
    // Two people at once: b joins fresh while a is connected.
    const b = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await b.synced;
    expect(boardMaps(b.doc).nodes.has(r.id)).toBe(true);
    expect(toBoardJson(b.doc)).toEqual(toBoardJson(a.doc));
  });

  it('of an older board gets the titles the load converted, not the stored bytes', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    await server.rooms.unload(board.id);
    // The compacted state itself holds a plain-string title, as an older server stored it.
    const old = new Y.Doc();
    createNode(old, { id: 'g1', kind: 'goal', tier: 'kommuneplan', title: 'Flere i arbeid' }, 'old');
    boardMaps(old).nodes.get('g1')!.set('title', 'Flere i arbeid');
    await server.storage.compact(board.id, Y.encodeStateAsUpdate(old), 0);

    const c = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await c.synced;
    expect(boardMaps(c.doc).nodes.get('g1')!.get('title')).toBeInstanceOf(Y.Text);
    expect(toBoardJson(c.doc).nodes[0]!.title).toBe('Flere i arbeid');
  });

  it('of a client with nothing to add writes no log row', async () => {
    const server = await startTestServer({ compactAfterUpdates: 1_000_000 });
    const board = await createBoard(server.url);
    const a = connectClient(server.wsUrl, board.id, board.tokens.editor);
    // By now a has answered the server's step 1 with its (empty) update; its edit comes after it.
    await a.synced;
    const r = createNode(a.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Flere i arbeid' }, 'a');
    if (!r.ok) throw new Error('create failed');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => boardMaps(room.doc).nodes.has(r.id), 10_000, 'the server to apply the edit');
    const stored = await server.storage.loadDocument(board.id);
    expect(stored.updates).toHaveLength(1);
  });
});
