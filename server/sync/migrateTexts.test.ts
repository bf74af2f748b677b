// A board stored before card titles were a Y.Text (the title a plain string in the node's map)
// is converted once when the server loads it, as one stored change: every client sees Y.Texts
// with the same words, and a second load finds nothing left to convert.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps, createNode, hasPlainTexts, readGraph } from '../../shared';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor } from '../testing/testServer';

cleanUpAfterEach();

/** An update that adds cards the way an older server stored them: titles as plain strings. */
function oldStyleCards(): Uint8Array {
  const doc = new Y.Doc();
  createNode(doc, { id: 'g1', kind: 'goal', tier: 'kommuneplan', title: 'Flere i arbeid' }, 'old');
  createNode(doc, { id: 'g2', kind: 'goal', tier: 'kommuneplan', title: 'Færre på sosialhjelp' }, 'old');
  doc.transact(() => {
    for (const y of boardMaps(doc).nodes.values()) y.set('title', String(y.get('title')));
  });
  expect(hasPlainTexts(doc)).toBe(true);
  return Y.encodeStateAsUpdate(doc);
}

describe('loading an older board', () => {
  it('turns plain-string titles into Y.Texts once, stored, before the first client syncs', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    await server.rooms.unload(board.id);
    await server.storage.appendUpdates([{ boardId: board.id, update: oldStyleCards() }]);

    const c = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await c.synced;
    const titles = (doc: Y.Doc) => [...readGraph(doc).nodes.values()].map((n) => n.title).sort();
    expect(titles(c.doc)).toEqual(['Flere i arbeid', 'Færre på sosialhjelp']);
    for (const y of boardMaps(c.doc).nodes.values()) expect(y.get('title')).toBeInstanceOf(Y.Text);

    // Typing into the converted title reaches the server and merges there.
    (boardMaps(c.doc).nodes.get('g1')!.get('title') as Y.Text).insert(6, 'unge ');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => readGraph(room.doc).nodes.get('g1')?.title === 'Flere unge i arbeid');
    c.destroy();

    // Stored: a fresh load holds Y.Texts and has nothing to convert.
    await server.rooms.unload(board.id);
    const stored = await server.storage.loadDocument(board.id);
    const again = new Y.Doc();
    if (stored.state) Y.applyUpdate(again, stored.state);
    for (const row of stored.updates) Y.applyUpdate(again, row.update);
    expect(hasPlainTexts(again)).toBe(false);
    expect(titles(again)).toEqual(['Flere unge i arbeid', 'Færre på sosialhjelp']);
  });
});
