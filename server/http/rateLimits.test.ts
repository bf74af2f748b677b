// Nobody can fill the server with boards (issue #12, finding 4): board creation and WebSocket
// upgrades are limited per client address (X-Forwarded-For counts only behind TRUST_PROXY), and a
// full server unloads idle, anonymous boards for newcomers instead of refusing them.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE } from '../protocol';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor } from '../testing/testServer';

cleanUpAfterEach();

const create = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ title: 'T' }) });

/** Opens a raw WebSocket: resolves with the open socket, or the refusal's status. */
function upgrade(url: string): Promise<{ status: number; ws?: WebSocket; body?: { error?: { code: string } }; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const ws = trackSocket(new WebSocket(url));
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), retryAfter: res.headers['retry-after'] as string | undefined }));
    });
    ws.on('error', reject);
  });
}

describe('per-address rate limits', () => {
  it('board creation: 429 past the limit; X-Forwarded-For is ignored without TRUST_PROXY', async () => {
    const server = await startTestServer({ createLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await create(server.url, { 'x-forwarded-for': `10.0.0.${i}` })).status).toBe(201);
    const refused = await create(server.url, { 'x-forwarded-for': '10.0.0.99' });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('board creation behind TRUST_PROXY counts each forwarded client apart', async () => {
    const server = await startTestServer({ createLimit: 2, trustProxy: 'loopback' });
    for (const ip of ['10.0.0.1', '10.0.0.1']) expect((await create(server.url, { 'x-forwarded-for': ip })).status).toBe(201);
    expect((await create(server.url, { 'x-forwarded-for': '10.0.0.1' })).status).toBe(429);
    expect((await create(server.url, { 'x-forwarded-for': '10.0.0.2' })).status).toBe(201);
  });

  it('WebSocket upgrades: 429 with Retry-After past the limit, and no board loaded for it', async () => {
    const server = await startTestServer({ upgradeLimit: 3 });
    const board = await createBoard(server.url);
    const url = `${server.wsUrl}/${board.id}?token=${board.tokens.viewer}`;
    for (let i = 0; i < 3; i++) expect((await upgrade(url)).status).toBe(101);
    const refused = await upgrade(url);
    expect(refused.status).toBe(429);
    expect(refused.body?.error?.code).toBe('rate_limited');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });
});

describe('a full server', () => {
  it('unloads an idle anonymous board for a newcomer rather than refusing them, and keeps boards in use', async () => {
    const server = await startTestServer({ maxLoadedBoards: 2, evictIdleMs: 0 });
    const [named, anon, fresh] = [await createBoard(server.url), await createBoard(server.url), await createBoard(server.url)];
    // A person with a name on one board; a bare socket on another (loaded after, so "newer").
    const person = connectClient(server.wsUrl, named.id, named.tokens.editor);
    await person.synced;
    person.provider.awareness.setLocalState({ user: { name: 'Kari', color: '#123456' } });
    const room = await server.rooms.acquire(named.id);
    await waitFor(() => !room.isAnonymous, 5000, 'Kari to be seen');
    const squatter = await upgrade(`${server.wsUrl}/${anon.id}?token=${anon.tokens.viewer}`);
    const squatterClosed = new Promise<number>((resolve) => squatter.ws!.on('close', (code) => resolve(code)));

    const newcomer = connectClient(server.wsUrl, fresh.id, fresh.tokens.editor);
    await newcomer.synced;
    expect(await squatterClosed).toBe(CLOSE.evicted.code);
    expect(person.closes).toEqual([]);
    expect(server.rooms.loadedCount).toBe(2);
  });

  it('refuses (503) rather than unload boards someone worked on within EVICT_IDLE_MS', async () => {
    const server = await startTestServer({ maxLoadedBoards: 1, evictIdleMs: 60 * 60 * 1000 });
    const [a, b] = [await createBoard(server.url), await createBoard(server.url)];
    const first = await upgrade(`${server.wsUrl}/${a.id}?token=${a.tokens.viewer}`);
    expect(first.status).toBe(101);
    const second = await upgrade(`${server.wsUrl}/${b.id}?token=${b.tokens.viewer}`);
    expect(second.status).toBe(503);
    expect(second.body?.error?.code).toBe('too_many_boards');
  });
});
