// The HTTP API of issue 3, against a real server: create (by title or import), read with each
// share link, rotate links, delete, and the health and metrics endpoints.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { createNode, parseBoardJson } from '../../shared';
import { encodeUpdate } from '../protocol';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor, type TestClient, type TestServer } from '../testing/testServer';

let server: TestServer | null = null;
cleanUpAfterEach();

const connect = (s: TestServer, boardId: string, token: string): TestClient => connectClient(s.wsUrl, boardId, token);

interface ApiErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

async function api(method: string, path: string, opts: { token?: string; query?: string; body?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body = opts.body;
  if (opts.json !== undefined) body = JSON.stringify(opts.json);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const url = `${server!.url}${path}${opts.query ? `?token=${encodeURIComponent(opts.query)}` : ''}`;
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed as any, headers: res.headers };
}

function expectError(res: { status: number; body: unknown; headers: Headers }, status: number, code: string): ApiErrorBody {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = res.body as ApiErrorBody;
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(body.error.message.length).toBeGreaterThan(5);
  return body;
}

/** Resolves with the HTTP status a WebSocket upgrade was refused with, or 101 if it opened. */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    trackSocket(ws);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('open', () => resolve(101));
    ws.on('error', (err) => reject(err));
  });
}

const example = parseBoardJson(EXAMPLE_BOARD);
if (!example.ok) throw new Error('the example board does not parse');

describe('POST /api/boards', () => {
  it('creates a board from a title: 201 with an id and five different tokens (three roles, two sides)', async () => {
    server = await startTestServer();
    const res = await api('POST', '/api/boards', { json: { title: '  Lier 2036  ' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{16}$/),
      tokens: { owner: expect.any(String), editor: expect.any(String), viewer: expect.any(String), stat: expect.any(String), kommune: expect.any(String) },
    });
    const { owner, editor, viewer, stat, kommune } = res.body.tokens;
    expect(new Set([owner, editor, viewer, stat, kommune]).size).toBe(5);
    expect(res.headers.get('location')).toBe(`/api/boards/${res.body.id}`);
    const got = await api('GET', `/api/boards/${res.body.id}`, { token: owner });
    expect(got.body.meta.title).toBe('Lier 2036');
    expect(got.body.counts).toEqual({ nodes: 0, edges: 0 });
  });

  it('imports an interchange board: 201, and the board reads back with its meta and counts', async () => {
    server = await startTestServer();
    const res = await api('POST', '/api/boards', { json: { board: EXAMPLE_BOARD } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body.tokens).sort()).toEqual(['editor', 'kommune', 'owner', 'stat', 'viewer']);
    const got = await api('GET', `/api/boards/${res.body.id}`, { token: res.body.tokens.viewer });
    expect(got.status).toBe(200);
    expect(got.body.meta).toMatchObject({ title: example.board.meta.title, municipality: 'Lier' });
    expect(got.body.counts).toEqual({ nodes: example.board.nodes.length, edges: example.board.edges.length });
  });

  it('a malformed JSON body is 400 malformed_json', async () => {
    server = await startTestServer();
    expectError(await api('POST', '/api/boards', { body: '{"title": "Lier",' }), 400, 'malformed_json');
    expectError(await api('POST', '/api/boards', { body: '{"board": {"nodes": [}' }), 400, 'malformed_json');
  });

  it('a missing or empty title is 400, with the field named', async () => {
    server = await startTestServer();
    for (const json of [{}, { title: '' }, { title: '   ' }, { title: 42 }, { name: 'Lier' }]) {
      const body = expectError(await api('POST', '/api/boards', { json }), 400, 'invalid_request');
      expect(body.error.details).toEqual([expect.objectContaining({ path: 'title' })]);
    }
    // A body that is not JSON at all (no content type) is no title either.
    const res = await fetch(`${server.url}/api/boards`, { method: 'POST', body: 'title=Lier' });
    expect(res.status).toBe(400);
  });

  it('a board failing the schema is 400 with path-precise details', async () => {
    server = await startTestServer();
    const badKind = structuredClone(EXAMPLE_BOARD) as { nodes: { kind: string }[]; edges: { target: string }[] };
    badKind.nodes[0]!.kind = 'wish';
    let body = expectError(await api('POST', '/api/boards', { json: { board: badKind } }), 400, 'invalid_board');
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'nodes[0].kind', message: expect.any(String) })]));
    expect(body.error.message).toContain('nodes[0].kind');

    const badEdge = structuredClone(EXAMPLE_BOARD) as { edges: { target: string }[] };
    badEdge.edges[0]!.target = 'NO_SUCH_NODE';
    body = expectError(await api('POST', '/api/boards', { json: { board: badEdge } }), 400, 'invalid_board');
    expect(body.error.details).toContainEqual({ path: 'edges[0].target', message: expect.stringContaining('NO_SUCH_NODE') });

    const notABoard = expectError(await api('POST', '/api/boards', { json: { board: 'hei' } }), 400, 'invalid_board');
    expect(notABoard.error.details!.length).toBeGreaterThan(0);
    // None of the refused imports left a board behind.
    expect(server.rooms.loadedCount).toBe(0);
  });

  it('a body larger than maxBodyBytes is 413', async () => {
    server = await startTestServer({ maxBodyBytes: 2048 });
    expectError(await api('POST', '/api/boards', { json: { title: 'x'.repeat(5000) } }), 413, 'too_large');
  });
});

describe('GET /api/boards/:id', () => {
  it('gives meta, counts and the role of each of the three tokens, by header or by ?token=', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    for (const role of ['owner', 'editor', 'viewer'] as const) {
      const token = board.tokens[role];
      for (const res of [await api('GET', `/api/boards/${board.id}`, { token }), await api('GET', `/api/boards/${board.id}`, { query: token })]) {
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          id: board.id,
          createdAt: expect.any(String),
          meta: expect.objectContaining({ title: example.board.meta.title }),
          counts: { nodes: example.board.nodes.length, edges: example.board.edges.length },
          role,
          link: role,
        });
        expect(Number.isNaN(Date.parse(res.body.createdAt))).toBe(false);
      }
    }
  });

  it('/access gives the role and link of each token without loading the board, and refuses as the summary does', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    await server.rooms.unload(board.id);
    for (const role of ['owner', 'editor', 'viewer', 'stat'] as const) {
      const res = await api('GET', `/api/boards/${board.id}/access`, { token: board.tokens[role] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: board.id, createdAt: expect.any(String), role: role === 'stat' ? 'editor' : role, link: role, ...(role === 'stat' ? { side: 'stat' } : {}) });
    }
    expect(server.rooms.loadedCount).toBe(0);
    expectError(await api('GET', `/api/boards/${board.id}/access`), 401, 'token_missing');
    expectError(await api('GET', `/api/boards/${board.id}/access`, { token: 'not-a-token' }), 403, 'token_invalid');
    expectError(await api('GET', '/api/boards/doesnotexist0000/access', { token: board.tokens.owner }), 404, 'board_not_found');
  });

  it('counts follow live edits', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const c = connect(server, board.id, board.tokens.editor);
    await c.synced;
    createNode(c.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Flere i arbeid' }, 'test');
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => room.doc.getMap('nodes').size === 1, 5000, 'the server to hold the card');
    const nodes = (await api('GET', `/api/boards/${board.id}`, { token: board.tokens.viewer })).body.counts.nodes;
    expect(nodes).toBe(1);
  });

  it('no token is 401, a wrong token 403, an unknown board 404', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const other = await createBoard(server.url);
    expectError(await api('GET', `/api/boards/${board.id}`), 401, 'token_missing');
    expectError(await api('GET', `/api/boards/${board.id}`, { token: 'not-a-token' }), 403, 'token_invalid');
    expectError(await api('GET', `/api/boards/${board.id}`, { query: 'not-a-token' }), 403, 'token_invalid');
    // A real token, of another board.
    expectError(await api('GET', `/api/boards/${board.id}`, { token: other.tokens.owner }), 403, 'token_invalid');
    expectError(await api('GET', '/api/boards/doesnotexist0000', { token: board.tokens.owner }), 404, 'board_not_found');
    expectError(await api('GET', '/api/nothing-here'), 404, 'not_found');
    // A board id with broken percent-encoding is the client's error, answered in the same shape.
    const broken = await api('GET', '/api/boards/%E0%A4%A', { token: board.tokens.owner });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    expect(broken.body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  });
});

describe('POST /api/boards/:id/tokens/rotate', () => {
  it('is for the owner only', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    expectError(await api('POST', `/api/boards/${board.id}/tokens/rotate`, { token: board.tokens.editor }), 403, 'role_insufficient');
    expectError(await api('POST', `/api/boards/${board.id}/tokens/rotate`, { token: board.tokens.viewer }), 403, 'role_insufficient');
    expectError(await api('POST', `/api/boards/${board.id}/tokens/rotate`), 401, 'token_missing');
    // Nothing was rotated.
    expect((await api('GET', `/api/boards/${board.id}`, { token: board.tokens.editor })).body.role).toBe('editor');
  });

  it('gives new editor and viewer tokens, refuses the old ones, and closes their live connections with 4403', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const owner = connect(server, board.id, board.tokens.owner);
    const editor = connect(server, board.id, board.tokens.editor);
    const viewer = connect(server, board.id, board.tokens.viewer);
    await Promise.all([owner.synced, editor.synced, viewer.synced]);

    const res = await api('POST', `/api/boards/${board.id}/tokens/rotate`, { token: board.tokens.owner });
    expect(res.status).toBe(200);
    // Without a body every link but the owner's is renewed: the side-bound ones rotate with the others.
    expect(res.body).toEqual({ tokens: { editor: expect.any(String), viewer: expect.any(String), stat: expect.any(String), kommune: expect.any(String) } });
    const fresh = res.body.tokens as { editor: string; viewer: string };
    expect(fresh.editor).not.toBe(board.tokens.editor);
    expect(fresh.viewer).not.toBe(board.tokens.viewer);

    await waitFor(() => editor.closes.length > 0 && viewer.closes.length > 0, 5000, 'the old-token connections to close');
    expect(editor.closes[0]).toEqual({ code: 4403, reason: expect.stringMatching(/rotated/) });
    expect(viewer.closes[0]!.code).toBe(4403);
    expect(owner.closes).toEqual([]);
    expect(owner.provider.wsconnected).toBe(true);

    // Old tokens are refused over HTTP and at the upgrade; new ones and the owner's work.
    expectError(await api('GET', `/api/boards/${board.id}`, { token: board.tokens.editor }), 403, 'token_invalid');
    expectError(await api('GET', `/api/boards/${board.id}`, { token: board.tokens.viewer }), 403, 'token_invalid');
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`)).toBe(403);
    expect((await api('GET', `/api/boards/${board.id}`, { token: fresh.editor })).body.role).toBe('editor');
    expect((await api('GET', `/api/boards/${board.id}`, { token: fresh.viewer })).body.role).toBe('viewer');
    expect((await api('GET', `/api/boards/${board.id}`, { token: board.tokens.owner })).body.role).toBe('owner');

    // The owner's connection still carries edits both ways, with an editor on the new link.
    const newEditor = connect(server, board.id, fresh.editor);
    await newEditor.synced;
    const made = createNode(owner.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Fra eieren' }, 'owner');
    if (!made.ok) throw new Error('create failed');
    await waitFor(() => newEditor.doc.getMap('nodes').has(made.id), 5000, 'the owner edit to reach the new editor');
    const back = createNode(newEditor.doc, { kind: 'measure', tier: 'nav_local', title: 'Fra ny redaktør' }, 'editor');
    if (!back.ok) throw new Error('create failed');
    await waitFor(() => owner.doc.getMap('nodes').has(back.id), 5000, 'the new editor edit to reach the owner');
    // The rotated-out clients stay closed (4403 is final for y-websocket) and saw none of it.
    expect(editor.provider.wsconnected).toBe(false);
    expect(editor.doc.getMap('nodes').has(made.id)).toBe(false);
  });
});

/** A raw editor socket that does not read (so never sees its close frame) but keeps writing. */
async function deafWriter(s: TestServer, boardId: string, token: string) {
  const ws = new WebSocket(`${s.wsUrl}/${boardId}?token=${token}`);
  trackSocket(ws);
  ws.on('error', () => {});
  await new Promise((resolve) => ws.on('open', resolve));
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  return ws;
}

/** One real update that adds a card, as a sync frame. */
function cardFrame(title: string): { frame: Uint8Array; id: string } {
  const doc = new Y.Doc();
  const r = createNode(doc, { kind: 'goal', tier: 'kommuneplan', title }, 'raw');
  if (!r.ok) throw new Error('create failed');
  const frame = encodeUpdate(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return { frame, id: r.id };
}

/** Waits until the server has read `bytes` more bytes from the connection's socket, and has stored what it accepted. */
async function serverRead(s: TestServer, socket: { bytesRead: number }, bytes: number, from: number): Promise<void> {
  await waitFor(() => socket.bytesRead >= from + bytes, 5000, 'the server to read the frame');
  await s.rooms.log.flush();
}

describe('a connection the server has closed', () => {
  it('cannot write after its token was rotated, even if it ignores the close', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const owner = connect(server, board.id, board.tokens.owner);
    await owner.synced;
    const raw = await deafWriter(server, board.id, board.tokens.editor);
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => room.connectionCount === 2);
    const serverSocket = [...room.connections].find((c) => c.role === 'editor')!.ws as unknown as { _socket: { bytesRead: number } };

    // Before the rotation its writes count.
    const before = cardFrame('Før rotering');
    let read = serverSocket._socket.bytesRead;
    raw.send(before.frame);
    await serverRead(server, serverSocket._socket, before.frame.length, read);
    await waitFor(() => owner.doc.getMap('nodes').has(before.id));

    expect((await api('POST', `/api/boards/${board.id}/tokens/rotate`, { token: board.tokens.owner })).status).toBe(200);
    expect(room.connectionCount).toBe(1);
    const after = cardFrame('Etter rotering');
    read = serverSocket._socket.bytesRead;
    raw.send(after.frame);
    await serverRead(server, serverSocket._socket, after.frame.length, read);

    expect(room.doc.getMap('nodes').has(after.id)).toBe(false);
    const stored = await server.storage.loadDocument(board.id);
    const fromDisk = new Y.Doc();
    if (stored.state) Y.applyUpdate(fromDisk, stored.state);
    for (const u of stored.updates) Y.applyUpdate(fromDisk, u.update);
    expect(fromDisk.getMap('nodes').has(before.id)).toBe(true);
    expect(fromDisk.getMap('nodes').has(after.id)).toBe(false);
    fromDisk.destroy();
  });

  it("cannot write to a deleted board, nor break another board's commits", async () => {
    server = await startTestServer();
    const doomed = await createBoard(server.url);
    const other = await createBoard(server.url);
    const bystander = connect(server, other.id, other.tokens.editor);
    await bystander.synced;
    const raw = await deafWriter(server, doomed.id, doomed.tokens.editor);
    const room = await server.rooms.acquire(doomed.id);
    await waitFor(() => room.connectionCount === 1);
    const serverSocket = ([...room.connections][0]!.ws as unknown as { _socket: { bytesRead: number } })._socket;

    const del = await fetch(`${server.url}/api/boards/${doomed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${doomed.tokens.owner}` } });
    expect(del.status).toBe(204);
    // The deaf client writes into the deleted board while the bystander edits its own, in the same commit window.
    const late = cardFrame('For sent');
    const read = serverSocket.bytesRead;
    raw.send(late.frame);
    const mine = createNode(bystander.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Min egen' }, 'bystander');
    if (!mine.ok) throw new Error('create failed');
    await serverRead(server, serverSocket, late.frame.length, read);

    const otherRoom = await server.rooms.acquire(other.id);
    await waitFor(() => otherRoom.doc.getMap('nodes').has(mine.id), 5000, "the bystander's card to be stored and applied");
    expect(bystander.closes).toEqual([]);
    expect(await server.storage.getBoard(doomed.id)).toBeUndefined();
    expect(await server.storage.loadDocument(doomed.id)).toEqual({ state: null, updates: [] });
  });
});

describe('DELETE /api/boards/:id', () => {
  it('is for the owner only', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    expectError(await api('DELETE', `/api/boards/${board.id}`, { token: board.tokens.editor }), 403, 'role_insufficient');
    expectError(await api('DELETE', `/api/boards/${board.id}`), 401, 'token_missing');
    expect((await api('GET', `/api/boards/${board.id}`, { token: board.tokens.viewer })).status).toBe(200);
  });

  it('204, closes live connections with 4404, then the board is gone over HTTP, WebSocket and storage', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const keep = await createBoard(server.url, { title: 'Blir' });
    const owner = connect(server, board.id, board.tokens.owner);
    const editor = connect(server, board.id, board.tokens.editor);
    const viewer = connect(server, board.id, board.tokens.viewer);
    const bystander = connect(server, keep.id, keep.tokens.editor);
    await Promise.all([owner.synced, editor.synced, viewer.synced, bystander.synced]);
    createNode(editor.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Snart borte' }, 'editor');
    await waitFor(() => owner.doc.getMap('nodes').size === 1);

    const res = await fetch(`${server.url}/api/boards/${board.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');

    await waitFor(() => [owner, editor, viewer].every((c) => c.closes.length > 0), 5000, 'every connection to close');
    for (const c of [owner, editor, viewer]) expect(c.closes[0]).toEqual({ code: 4404, reason: expect.stringMatching(/deleted/) });
    expect(bystander.closes).toEqual([]);

    expectError(await api('GET', `/api/boards/${board.id}`, { token: board.tokens.owner }), 404, 'board_not_found');
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.owner}`)).toBe(404);
    expect(await server.storage.getBoard(board.id)).toBeUndefined();
    expect(await server.storage.loadDocument(board.id)).toEqual({ state: null, updates: [] });
    // Deleting again is a 404, not an error.
    expectError(await api('DELETE', `/api/boards/${board.id}`, { token: board.tokens.owner }), 404, 'board_not_found');

    // The other board is untouched and still live.
    expect((await api('GET', `/api/boards/${keep.id}`, { token: keep.tokens.viewer })).body.meta.title).toBe('Blir');
    expect(bystander.provider.wsconnected).toBe(true);
  });
});

describe('health and metrics', () => {
  it('GET /healthz', async () => {
    server = await startTestServer();
    const res = await api('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
  });

  it('GET /metrics is Prometheus text with the metrics the issue names', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const c = connect(server, board.id, board.tokens.editor);
    const v = connect(server, board.id, board.tokens.viewer);
    await Promise.all([c.synced, v.synced]);
    createNode(c.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Målt' }, 'test');
    await waitFor(() => v.doc.getMap('nodes').size === 1);

    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const name of [
      'malkart_boards_loaded', 'malkart_connections', 'malkart_updates_in_total', 'malkart_bytes_in_total',
      'malkart_persist_seconds', 'malkart_update_log_length', 'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    }
    const value = (line: string) => Number(new RegExp(`^${line.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('malkart_boards_loaded')).toBe(1);
    expect(value('malkart_connections{role="editor"}')).toBe(1);
    expect(value('malkart_connections{role="viewer"}')).toBe(1);
    expect(value('malkart_updates_in_total')).toBeGreaterThanOrEqual(1);
    expect(value('malkart_bytes_in_total')).toBeGreaterThan(0);
    expect(value('malkart_persist_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(value('malkart_update_log_length')).toBeGreaterThanOrEqual(1);
  });
});
