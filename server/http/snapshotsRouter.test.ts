import { describe, expect, it } from 'vitest';
import { agreementOf, createNode, deleteNodes, startThread, toBoardJson, updateNode } from '../../shared';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor, type CreatedBoard, type TestClient, type TestServer } from '../testing/testServer';

let server: TestServer | null = null;
cleanUpAfterEach();

async function api(path: string, token: string, init: RequestInit = {}) {
  const res = await fetch(`${server!.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const titles = (c: TestClient) => toBoardJson(c.doc).nodes.map((n) => n.title).sort();

async function setup(): Promise<{ board: CreatedBoard; a: TestClient; b: TestClient }> {
  server = await startTestServer({ autoSnapshotMs: 0 });
  const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
  const a = connectClient(server.wsUrl, board.id, board.tokens.editor);
  const b = connectClient(server.wsUrl, board.id, board.tokens.owner);
  await Promise.all([a.synced, b.synced]);
  return { board, a, b };
}

describe('snapshots', () => {
  it('take, list newest first, read back as interchange JSON', async () => {
    const { board, a } = await setup();
    const first = await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ label: 'Før workshop', createdBy: 'Kari' }) });
    expect(first.status).toBe(201);
    // Authorship comes from the link (#16 §4), not from what the request claims.
    expect(first.body).toMatchObject({ label: 'Før workshop', createdBy: 'editor', counts: { nodes: 27, edges: 29 } });
    const r = createNode(a.doc, { kind: 'goal', tier: 'nav_local', title: 'Nytt lokalt mål' }, 'a');
    if (!r.ok) throw new Error('create failed');
    const room = await server!.rooms.acquire(board.id);
    await waitFor(() => room.doc.getMap('nodes').has(r.id));
    const second = await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ label: 'Etter workshop 12. mars' }) });
    expect(second.body.counts.nodes).toBe(28);
    const list = await api(`/api/boards/${board.id}/snapshots`, board.tokens.viewer);
    expect(list.body.snapshots.map((s: { label: string }) => s.label)).toEqual(['Etter workshop 12. mars', 'Før workshop']);
    const json = await api(`/api/boards/${board.id}/snapshots/${first.body.id}`, board.tokens.viewer);
    expect(json.body.format).toBe('malkart.board');
    expect(json.body.nodes).toHaveLength(27);
  });

  it('restore reaches both live clients at once, keeps a "before" snapshot, and restoring that undoes it', async () => {
    const { board, a, b } = await setup();
    const snap = await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ label: 'Utgangspunkt' }) });
    const original = titles(a);
    // After the snapshot: one card deleted, one renamed, one added.
    deleteNodes(a.doc, ['C2'], 'a');
    updateNode(b.doc, 'K2', { title: 'Alle unge i jobb' }, 'b');
    createNode(a.doc, { kind: 'measure', tier: 'nav_local', title: 'Nytt tiltak' }, 'a');
    await waitFor(() => titles(a).includes('Alle unge i jobb') && titles(b).includes('Nytt tiltak') && !titles(b).includes('Hendelse: stor arbeidsgiver legger ned'));
    const edited = titles(a);

    const restored = await api(`/api/boards/${board.id}/snapshots/${snap.body.id}/restore`, board.tokens.owner, { method: 'POST', body: '{}' });
    expect(restored.status).toBe(200);
    await waitFor(() => JSON.stringify(titles(a)) === JSON.stringify(original) && JSON.stringify(titles(b)) === JSON.stringify(original), 5000, 'both clients to see the restored board');
    expect(toBoardJson(a.doc)).toEqual(toBoardJson(b.doc));

    const undo = await api(`/api/boards/${board.id}/snapshots/${restored.body.before.id}/restore`, board.tokens.owner, { method: 'POST', body: '{}' });
    expect(undo.status).toBe(200);
    await waitFor(() => JSON.stringify(titles(a)) === JSON.stringify(edited) && JSON.stringify(titles(b)) === JSON.stringify(edited), 5000, 'the edits to come back');
  });

  it('diff lists exactly what changed, against another snapshot or the live board', async () => {
    const { board, a } = await setup();
    const snap = await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ label: 'A' }) });
    deleteNodes(a.doc, ['C2'], 'a');
    updateNode(a.doc, 'K2', { title: 'Alle unge i jobb' }, 'a');
    const r = createNode(a.doc, { kind: 'measure', tier: 'nav_local', title: 'Nytt tiltak' }, 'a');
    if (!r.ok) throw new Error('create failed');
    const room = await server!.rooms.acquire(board.id);
    await waitFor(() => room.doc.getMap('nodes').has(r.id) && !room.doc.getMap('nodes').has('C2'));
    const live = await api(`/api/boards/${board.id}/snapshots/${snap.body.id}/diff/live`, board.tokens.viewer);
    expect(live.status).toBe(200);
    expect(live.body.nodes.added.map((n: { id: string }) => n.id)).toEqual([r.id]);
    expect(live.body.nodes.removed.map((n: { id: string }) => n.id)).toEqual(['C2']);
    expect(live.body.nodes.changed).toEqual([
      { id: 'K2', title: 'Alle unge i jobb', changes: [{ field: 'title', old: 'Alle unge fullfører utdanning eller er i arbeid', new: 'Alle unge i jobb' }] },
    ]);
    expect(live.body.edges.removed.map((e: { id: string }) => e.id)).toEqual(['e27']);
    const snap2 = await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ label: 'B' }) });
    const between = await api(`/api/boards/${board.id}/snapshots/${snap.body.id}/diff/${snap2.body.id}`, board.tokens.viewer);
    expect(between.body).toEqual(live.body);
  });

  it('agreements and comments are in a snapshot, its diff tells an agreement cleared by an edit, and a restore brings it back', async () => {
    const { board, a, b } = await setup();
    const room = await server!.rooms.acquire(board.id);
    const at = '2025-03-12T09:00:00.000Z';
    // Agreements are the server's to write (#16): given over the API with the side-bound links.
    const tokens = board.tokens;
    for (const [side, name] of [['stat', 'Siri Stat'], ['kommune', 'Kari Kommune']] as const) {
      const r = await api(`/api/boards/${board.id}/agreements`, tokens[side], { method: 'POST', body: JSON.stringify({ targetId: 'K2', side, name }) });
      expect(r.status).toBe(201);
    }
    expect(startThread(b.doc, { id: 'th1', targetId: 'K2', targetType: 'node', participantId: 'p-kom', name: 'Kari Kommune', text: 'Enige!', at }, 'b').ok).toBe(true);
    await waitFor(() => agreementOf(room.doc, 'K2').state === 'avtalt' && room.doc.getMap('comments').has('th1'));

    const agreed = await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ label: 'Avtalt' }) });
    const json = await api(`/api/boards/${board.id}/snapshots/${agreed.body.id}`, board.tokens.viewer);
    expect(json.body.workshop.agreements.map((r: { targetId: string; side: string; name: string }) => `${r.targetId}|${r.side}|${r.name}`)).toEqual([
      'K2|kommune|Kari Kommune',
      'K2|stat|Siri Stat',
    ]);
    expect(json.body.workshop.comments[0]).toMatchObject({ id: 'th1', targetId: 'K2', messages: [{ text: 'Enige!' }] });

    updateNode(a.doc, 'K2', { title: 'Alle unge i jobb' }, 'a');
    await waitFor(() => agreementOf(room.doc, 'K2').state === 'open');
    const diff = await api(`/api/boards/${board.id}/snapshots/${agreed.body.id}/diff/live`, board.tokens.viewer);
    expect(diff.body.agreements).toEqual([
      {
        id: 'K2',
        title: 'Alle unge i jobb',
        before: 'avtalt',
        after: 'open',
        sides: [
          { side: 'stat', change: 'cleared', record: json.body.workshop.agreements[1] },
          { side: 'kommune', change: 'cleared', record: json.body.workshop.agreements[0] },
        ],
      },
    ]);

    const restored = await api(`/api/boards/${board.id}/snapshots/${agreed.body.id}/restore`, board.tokens.owner, { method: 'POST', body: '{}' });
    expect(restored.status).toBe(200);
    await waitFor(() => agreementOf(a.doc, 'K2').state === 'avtalt' && agreementOf(b.doc, 'K2').state === 'avtalt', 5000, 'both clients to see K2 avtalt again');
  });

  it('automatic snapshots are taken while a board is edited and kept under the retention rule', async () => {
    server = await startTestServer({ autoSnapshotMs: 0, autoSnapshotKeep: 2 });
    const board = await createBoard(server.url);
    const a = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await a.synced;
    const room = await server.rooms.acquire(board.id);
    for (let i = 0; i < 4; i++) {
      const r = createNode(a.doc, { kind: 'goal', tier: 'national', title: `Mål ${i}` }, 'a');
      if (!r.ok) throw new Error('create failed');
      await waitFor(() => room.doc.getMap('nodes').has(r.id));
      await new Promise((res) => setTimeout(res, 5));
      await server.snapshots.autoSnapshotTick();
    }
    await server.snapshots.autoSnapshotTick(); // nothing edited since: no new snapshot
    await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ label: 'For hånd' }) });
    const list = (await api(`/api/boards/${board.id}/snapshots`, board.tokens.viewer)).body.snapshots as { auto: boolean; counts: { nodes: number } }[];
    expect(list.filter((s) => s.auto).map((s) => s.counts.nodes)).toEqual([4, 3]);
    expect(list.filter((s) => !s.auto)).toHaveLength(1);
  });

  it('bad requests get the right status and message', async () => {
    const { board } = await setup();
    const snap = await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ label: 'X' }) });
    expect((await api(`/api/boards/${board.id}/snapshots`, board.tokens.viewer, { method: 'POST', body: JSON.stringify({ label: 'X' }) })).status).toBe(403);
    expect((await api(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: '{}' })).body.error.code).toBe('invalid_request');
    const unknown = await api(`/api/boards/${board.id}/snapshots/nope`, board.tokens.viewer);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('snapshot_not_found');
    const viewerRestore = await api(`/api/boards/${board.id}/snapshots/${snap.body.id}/restore`, board.tokens.viewer, { method: 'POST' });
    expect(viewerRestore.status).toBe(403);
    expect(viewerRestore.body.error.code).toBe('role_insufficient');
    const editorRestore = await api(`/api/boards/${board.id}/snapshots/${snap.body.id}/restore`, board.tokens.editor, { method: 'POST' });
    expect(editorRestore.status).toBe(403);
    expect((await api(`/api/boards/${board.id}/snapshots/${snap.body.id}/diff/nope`, board.tokens.viewer)).status).toBe(404);
  });
});
