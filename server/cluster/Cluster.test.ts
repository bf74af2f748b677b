// Two instances in this process on one Postgres schema (the child-process tests in cluster.test.ts
// kill and pause real processes): routing through one hop, the fence closing a former owner's
// sockets with 4512 without losing the edit (or the server change) it refused, and signals
// revoking links on every instance.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { agreementOf, createNode, readGraph, workshopMaps } from '../../shared/index';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { callApi } from '../testing/api';
import { CLOSE } from '../../shared/wire';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor, type TestServer } from '../testing/testServer';
import { createTestSchema, type TestSchema } from '../testing/postgres';
import { HOP_HEADER } from './wsProxy';
import { CookieJar, browserFetch, signIn, startSignInServer } from '../testing/testProvider';
import { SESSION_COOKIE } from '../auth/sessions';
import type { PostgresStorage } from '../storage/PostgresStorage';

const schemas: TestSchema[] = [];
// Registered before cleanUpAfterEach: after-hooks run last-registered first, so the servers close before their schema goes.
afterEach(async () => {
  for (const s of schemas.splice(0)) await s.drop();
});
cleanUpAfterEach();

async function cluster(n: number, leaseMs = 1500): Promise<{ schema: TestSchema; servers: TestServer[] }> {
  const schema = await createTestSchema();
  schemas.push(schema);
  const servers: TestServer[] = [];
  for (let i = 0; i < n; i++) servers.push(await startTestServer({ store: 'postgres', databaseUrl: schema.url, leaseMs, unloadDelayMs: 60_000 }));
  return { schema, servers };
}

/** Polls an async check (Postgres, across instances) until it holds. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; !(await check()); i++) {
    if (i > 600) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const titles = (doc: Y.Doc) => [...readGraph(doc).nodes.values()].map((n) => n.title).sort();

describe('two instances on one Postgres', () => {
  it('clients on both instances share one room on the owner: the other instance forwards its socket in one hop', async () => {
    const { servers: [a, b] } = await cluster(2);
    const board = await createBoard(a!.url);
    const onA = connectClient(a!.wsUrl, board.id, board.tokens.editor);
    await onA.synced;
    const onB = connectClient(b!.wsUrl, board.id, board.tokens.editor);
    await onB.synced;
    createNode(onA.doc, { kind: 'goal', tier: 'kommuneplan', title: 'fra A' }, 'a');
    createNode(onB.doc, { kind: 'goal', tier: 'kommuneplan', title: 'fra B' }, 'b');
    await waitFor(() => titles(onA.doc).length === 2 && titles(onB.doc).length === 2, 10_000, 'convergence');
    expect(titles(onB.doc)).toEqual(['fra A', 'fra B']);
    // One room, on the owner, holding both sockets; the other instance holds none.
    expect((await a!.rooms.loaded(board.id))?.connectionCount).toBe(2);
    expect(await b!.rooms.loaded(board.id)).toBeUndefined();
    expect(await b!.cluster!.ownerElsewhere(board.id)).toMatchObject({ owner: a!.cluster!.instanceUrl });
  });

  it('the API answers for a board on any instance: a request to the other instance is forwarded to the owner', async () => {
    const { servers: [a, b] } = await cluster(2);
    const board = await createBoard(a!.url, { title: 'Lier' });
    const onA = connectClient(a!.wsUrl, board.id, board.tokens.editor);
    await onA.synced;
    createNode(onA.doc, { kind: 'goal', tier: 'kommuneplan', title: 'live' }, 'a');
    await eventually(async () => titles((await a!.rooms.loaded(board.id))!.doc).length === 1, 'the edit in the owner\'s room');
    // A snapshot taken through B is of A's live room (it holds the edit).
    const res = await fetch(`${b!.url}/api/boards/${board.id}/snapshots`, {
      method: 'POST', headers: { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'via B' }),
    });
    expect(res.status).toBe(201);
    const info = await (await fetch(`${b!.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).json();
    expect(info).toMatchObject({ id: board.id, counts: { nodes: 1 } });
    expect(await b!.rooms.loaded(board.id)).toBeUndefined();
  });

  it('a hop header without the cluster secret is not a hop: the request is still forwarded to the owner', async () => {
    const { servers: [a, b] } = await cluster(2);
    const board = await createBoard(a!.url);
    const onA = connectClient(a!.wsUrl, board.id, board.tokens.editor);
    await onA.synced;
    const res = await fetch(`${b!.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.viewer}`, [HOP_HEADER]: 'guess' } });
    expect(res.status).toBe(200);
    expect(await b!.rooms.loaded(board.id)).toBeUndefined();
  });

  it('a fenced former owner closes its sockets with 4512 and stores nothing; the refused edit reaches the new owner from the client', async () => {
    const { servers: [a, b] } = await cluster(2, 800);
    const board = await createBoard(a!.url);
    const client = connectClient(a!.wsUrl, board.id, board.tokens.editor);
    await client.synced;
    const stored = async () => {
      const doc = new Y.Doc();
      const s = await b!.storage.loadDocument(board.id);
      if (s.state) Y.applyUpdate(doc, s.state);
      for (const r of s.updates) Y.applyUpdate(doc, r.update);
      return titles(doc);
    };
    createNode(client.doc, { kind: 'goal', tier: 'kommuneplan', title: 'før' }, 'c');
    await eventually(async () => (await stored()).includes('før'), 'the first edit stored');
    // Another instance takes the lease, as if A had been paused past it (that instance then stops answering).
    await (b!.storage as PostgresStorage).pool.query(
      "UPDATE board_leases SET owner = 'http://127.0.0.1:9', epoch = epoch + 1, expires_at = clock_timestamp() + interval '800 milliseconds' WHERE board_id = $1",
      [board.id],
    );
    // A's next write is refused by the fence: its socket closes with 4512 and the room is dropped.
    createNode(client.doc, { kind: 'goal', tier: 'kommuneplan', title: 'etter' }, 'c');
    await waitFor(() => client.closes.some((c) => c.code === CLOSE.boardMoved.code), 10_000, '4512');
    expect((await a!.metrics.fenced.get()).values[0]!.value).toBe(1);
    // The client reconnects to A; the owner named in the lease does not answer, so once its lease
    // has run out A takes the board afresh, and the client's own document resends the refused edit.
    await eventually(async () => (await stored()).includes('etter'), 'the refused edit stored by the new owner');
    expect(await stored()).toEqual(['etter', 'før']);
    expect((await a!.rooms.loaded(board.id))?.epoch).toBe(3);
  });

  it('a server change the fence refuses (an agreement) is answered 503, reaches no client and is not stored; given again, it lands once with the new owner', async () => {
    const { servers: [a, b] } = await cluster(2, 800);
    const board = await createBoard(a!.url, { board: EXAMPLE_BOARD });
    const client = connectClient(a!.wsUrl, board.id, board.tokens.viewer);
    await client.synced;
    const storedAgreements = async () => {
      const doc = new Y.Doc();
      const s = await b!.storage.loadDocument(board.id);
      if (s.state) Y.applyUpdate(doc, s.state);
      for (const r of s.updates) Y.applyUpdate(doc, r.update);
      return [...workshopMaps(doc).agreements.keys()];
    };
    // The first server change (before the lease moves) builds A's mirror of the board.
    const give = (side: 'stat' | 'kommune', targetId: string) => callApi(a!.url, 'POST', `/api/boards/${board.id}/agreements`, { token: board.tokens[side], json: { targetId, side, name: side } });
    expect((await give('kommune', 'K3')).status).toBe(201);
    await (b!.storage as PostgresStorage).pool.query(
      "UPDATE board_leases SET owner = 'http://127.0.0.1:9', epoch = epoch + 1, expires_at = clock_timestamp() + interval '800 milliseconds' WHERE board_id = $1",
      [board.id],
    );
    expect((await give('stat', 'K2')).status).toBe(503);
    await waitFor(() => client.closes.some((c) => c.code === CLOSE.boardMoved.code), 10_000, '4512');
    expect(agreementOf(client.doc, 'K2').stat).toBeUndefined();
    expect(await storedAgreements()).toEqual(['K3|kommune']);
    // Once the lease named in the row has run out, A takes the board afresh and the agreement lands.
    await eventually(async () => (await give('stat', 'K2')).status === 201, 'the agreement given again');
    expect((await storedAgreements()).sort()).toEqual(['K2|stat', 'K3|kommune']);
    await waitFor(() => agreementOf(client.doc, 'K2').state === 'stat', 10_000, 'the reconnected client to see it');
  });

  it('a rotation stored by one instance disconnects the old link\'s sockets on the instance that holds them (signal)', async () => {
    const { servers: [a, b] } = await cluster(2);
    const board = await createBoard(a!.url);
    const viewer = connectClient(a!.wsUrl, board.id, board.tokens.viewer);
    const editor = connectClient(a!.wsUrl, board.id, board.tokens.editor);
    await Promise.all([viewer.synced, editor.synced]);
    // Handled by B itself (as in a race with the lease), not forwarded: only the signal reaches A.
    const res = await fetch(`${b!.url}/api/boards/${board.id}/tokens/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'application/json', [HOP_HEADER]: b!.cluster!.hopHeaderValue },
      body: JSON.stringify({ roles: ['viewer'] }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => viewer.closes.some((c) => c.code === 4403), 10_000, 'viewer revoked');
    expect(editor.closes).toEqual([]);
  });

  it('a WebSocket ticket issued by one instance opens the board on another (tickets are shared through Postgres)', async () => {
    const { servers: [a, b] } = await cluster(2);
    const board = await createBoard(a!.url);
    // Nobody holds the board: the ticket is made on A, the socket lands on B, which takes the board itself.
    const res = await fetch(`${a!.url}/api/boards/${board.id}/ws-ticket`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.editor}` } });
    const { ticket } = (await res.json()) as { ticket: string };
    const ws = trackSocket(new WebSocket(`${b!.wsUrl}/${board.id}?ticket=${ticket}`));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('unexpected-response', (_req, r) => reject(new Error(`refused: ${r.statusCode}`)));
    });
    expect((await b!.rooms.loaded(board.id))?.connectionCount).toBe(1);
    // Single use, on every instance.
    const again = trackSocket(new WebSocket(`${a!.wsUrl}/${board.id}?ticket=${ticket}`));
    again.on('error', () => undefined); // closed while still connecting, after the refusal
    const status = await new Promise<number>((resolve) => again.once('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0)));
    expect(status).toBe(403);
  });

  it('a rotation signalled from another instance closes the old link\'s sockets, not a signed-in member\'s (#17) nor another link\'s', async () => {
    const schema = await createTestSchema();
    schemas.push(schema);
    const opts = { store: 'postgres' as const, databaseUrl: schema.url, leaseMs: 1500, unloadDelayMs: 60_000 };
    const a = await startSignInServer(opts);
    const b = await startTestServer(opts);
    const kari = new CookieJar();
    await signIn(kari, a, 'kari');
    const post = (path: string, body: unknown, method = 'POST') =>
      browserFetch(kari, `${a.url}${path}`, { method, headers: { 'content-type': 'application/json', origin: a.url }, body: JSON.stringify(body) });
    const created = await post('/api/boards', { title: 'Lier', side: 'stat' });
    expect(created.status).toBe(201);
    const board = (await created.json()) as { id: string; tokens: { owner: string; viewer: string; stat: string } };
    expect((await post(`/api/boards/${board.id}/link-policy`, { links: 'all' }, 'PUT')).status).toBe(200);
    const member = connectClient(a.wsUrl, board.id, '', undefined, { cookie: `${SESSION_COOKIE}=${kari.get(a.url, SESSION_COOKIE)}`, origin: a.url });
    const screen = connectClient(a.wsUrl, board.id, board.tokens.viewer);
    // A side-bound link (#16) is an editor whose hash is the stat link's, not the editor link's.
    const stat = connectClient(a.wsUrl, board.id, board.tokens.stat);
    await Promise.all([member.synced, screen.synced, stat.synced]);
    // Handled by B itself, not forwarded: only the signal reaches A, and A re-reads the board.
    const res = await fetch(`${b.url}/api/boards/${board.id}/tokens/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'application/json', [HOP_HEADER]: b.cluster!.hopHeaderValue },
      body: JSON.stringify({ roles: ['viewer'] }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => screen.closes.some((c) => c.code === 4403), 10_000, 'viewer link revoked');
    // The same signal looked at the member's socket too: it is no link holder, so it stays; so does the unrotated stat link.
    expect(member.closes).toEqual([]);
    expect(stat.closes).toEqual([]);
  });

  it('a deletion on one instance closes the board\'s sockets on the other with 4404', async () => {
    const { servers: [a, b] } = await cluster(2);
    const board = await createBoard(a!.url);
    const ws = trackSocket(new WebSocket(`${a!.wsUrl}/${board.id}?token=${board.tokens.editor}`));
    await new Promise((res) => ws.once('open', res));
    const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
    const del = await fetch(`${b!.url}/api/boards/${board.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.tokens.owner}`, [HOP_HEADER]: b!.cluster!.hopHeaderValue } });
    expect(del.status).toBe(204);
    expect(await closed).toBe(4404);
  });
});
