// Issue 12 §9 and §10 on the server: headers that keep links from leaking, the single-use
// WebSocket ticket the browser app uses instead of its token, and a rotatable owner link.
import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import WebSocket from 'ws';
import { WsTickets } from '../auth/wsTickets';
import { SqliteStorage } from '../storage/SqliteStorage';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor, type TestServer } from '../testing/testServer';

cleanUpAfterEach();

/** The HTTP status a WebSocket upgrade to `url` ends with (101 when it opened). */
function upgradeStatus(url: string): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const ws = trackSocket(new WebSocket(url));
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { error: { code: string } }).error.code }));
    });
    ws.on('open', () => resolve({ status: 101 }));
    ws.on('error', reject);
  });
}

async function ticketFor(server: TestServer, boardId: string, token: string): Promise<string> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/ws-ticket`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ticket: string; expiresInMs: number; role: string };
  expect(body.ticket).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  expect(body.ticket).not.toContain(token);
  return body.ticket;
}

describe('security headers', () => {
  it('the page and the API forbid inline script, framing, the Referer and sniffing; the API is never cached', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    for (const path of ['/', `/b/${board.id}`, `/api/boards/${board.id}`]) {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      const host = new URL(server.url).host;
      expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host}`);
      expect(csp).not.toMatch(/upgrade-insecure-requests/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      await res.arrayBuffer();
    }
    const api = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } });
    expect(api.headers.get('cache-control')).toBe('no-store');
    const created = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' });
    expect(created.headers.get('cache-control')).toBe('no-store');
  });

  it('a Host header cannot add a directive', async () => {
    const server = await startTestServer();
    const csp = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.url}/healthz`, { headers: { host: 'evil; script-src *' } }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy'] ?? ''));
      });
      req.on('error', reject);
      req.end();
    });
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('evil');
    expect(csp).toContain('connect-src \'self\' ws://localhost wss://localhost');
  });
});

describe('POST /api/boards/:id/ws-ticket', () => {
  it('a ticket opens the board once, with the role of the token it was issued for', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const ticket = await ticketFor(server, board.id, board.tokens.viewer);
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?ticket=${ticket}`)).toEqual({ status: 101 });
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?ticket=${ticket}`)).toEqual({ status: 403, code: 'ticket_invalid' });
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?ticket=made-up-ticket-000000000`)).toEqual({ status: 403, code: 'ticket_invalid' });
    // The ticket endpoint itself needs a valid token.
    const noToken = await fetch(`${server.url}/api/boards/${board.id}/ws-ticket`, { method: 'POST' });
    expect(noToken.status).toBe(401);
    const wrong = await fetch(`${server.url}/api/boards/${board.id}/ws-ticket`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(403);
  });

  it('the ticket answer names the role of the token it was issued for', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const res = await fetch(`${server.url}/api/boards/${board.id}/ws-ticket`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.viewer}` } });
    expect(((await res.json()) as { role: string }).role).toBe('viewer');
    const owner = await fetch(`${server.url}/api/boards/${board.id}/ws-ticket`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(((await owner.json()) as { role: string }).role).toBe('owner');
  });

  it('expires after its time, and works only for the board it was issued for', async () => {
    let now = 1_000_000;
    const server = await startTestServer({ wsTickets: new WsTickets(30_000, () => now) });
    const board = await createBoard(server.url);
    const other = await createBoard(server.url);
    const late = await ticketFor(server, board.id, board.tokens.editor);
    now += 30_001;
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?ticket=${late}`)).toEqual({ status: 403, code: 'ticket_invalid' });
    const inTime = await ticketFor(server, board.id, board.tokens.editor);
    now += 29_000;
    const elsewhere = await ticketFor(server, board.id, board.tokens.editor);
    expect(await upgradeStatus(`${server.wsUrl}/${other.id}?ticket=${elsewhere}`)).toEqual({ status: 403, code: 'ticket_invalid' });
    // Tried on the wrong board, it is spent.
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?ticket=${elsewhere}`)).toEqual({ status: 403, code: 'ticket_invalid' });
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?ticket=${inTime}`)).toEqual({ status: 101 });
  });

  it('a ticket issued before a rotation is refused after it', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const ticket = await ticketFor(server, board.id, board.tokens.editor);
    const rot = await fetch(`${server.url}/api/boards/${board.id}/tokens/rotate`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(rot.status).toBe(200);
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?ticket=${ticket}`)).toEqual({ status: 403, code: 'token_invalid' });
  });

  it('a deleted board answers 404 to its tickets', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const ticket = await ticketFor(server, board.id, board.tokens.editor);
    await fetch(`${server.url}/api/boards/${board.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?ticket=${ticket}`)).toEqual({ status: 404, code: 'board_not_found' });
  });

  it('?token= still opens the WebSocket for scripts', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`)).toEqual({ status: 101 });
  });
});

describe('rotating the owner link', () => {
  it('{roles:["owner"]} gives a new owner link; the old one is refused and its holders are disconnected (4403), editors stay', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const owner = connectClient(server.wsUrl, board.id, board.tokens.owner);
    const editor = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([owner.synced, editor.synced]);

    const res = await fetch(`${server.url}/api/boards/${board.id}/tokens/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['owner'] }),
    });
    expect(res.status).toBe(200);
    const { tokens } = (await res.json()) as { tokens: Record<string, string> };
    expect(Object.keys(tokens)).toEqual(['owner']);
    expect(tokens.owner).not.toBe(board.tokens.owner);

    await waitFor(() => owner.closes.length > 0, 5000, 'the old owner connection to close');
    expect(owner.closes[0]!.code).toBe(4403);
    expect(editor.closes).toEqual([]);
    const old = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(old.status).toBe(403);
    const fresh = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${tokens.owner}` } });
    expect(((await fresh.json()) as { role: string }).role).toBe('owner');
    // The editor link is unchanged.
    const ed = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.editor}` } });
    expect(ed.status).toBe(200);
  });

  it('refuses an unknown role list', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    for (const roles of [[], ['admin'], 'owner']) {
      const res = await fetch(`${server.url}/api/boards/${board.id}/tokens/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'application/json' },
        body: JSON.stringify({ roles }),
      });
      expect(res.status).toBe(400);
    }
  });
});

describe('GET /api/boards/:id/links (for «Del»)', () => {
  const links = async (server: TestServer, id: string, token: string) => {
    const res = await fetch(`${server.url}/api/boards/${id}/links`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { links: Record<string, string> } };
  };
  const rotate = async (server: TestServer, id: string, token: string, roles?: string[]) => {
    const res = await fetch(`${server.url}/api/boards/${id}/tokens/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: roles ? JSON.stringify({ roles }) : undefined,
    });
    return ((await res.json()) as { tokens: Record<string, string> }).tokens;
  };

  it('gives the owner the editor, viewer, stat and kommune links, an editor the viewer link, a side-bound link and a viewer none; the database holds no token', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    expect((await links(server, board.id, board.tokens.owner)).body.links).toEqual({
      editor: board.tokens.editor, viewer: board.tokens.viewer, stat: board.tokens.stat, kommune: board.tokens.kommune,
    });
    expect((await links(server, board.id, board.tokens.editor)).body.links).toEqual({ viewer: board.tokens.viewer });
    expect((await links(server, board.id, board.tokens.stat)).body.links).toEqual({});
    expect((await links(server, board.id, board.tokens.viewer)).body.links).toEqual({});
    expect((await links(server, board.id, 'wrong')).status).toBe(403);

    const row = (server.storage as SqliteStorage).db.prepare('SELECT * FROM boards WHERE id = ?').get(board.id) as Record<string, unknown>;
    const stored = JSON.stringify(row);
    for (const token of Object.values(board.tokens)) expect(stored).not.toContain(token);
  });

  it('follows rotations: new editor and viewer links, then a new owner link', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const fresh = await rotate(server, board.id, board.tokens.owner);
    const all = { editor: fresh.editor, viewer: fresh.viewer, stat: fresh.stat, kommune: fresh.kommune };
    expect((await links(server, board.id, board.tokens.owner)).body.links).toEqual(all);
    expect((await links(server, board.id, fresh.editor!)).body.links).toEqual({ viewer: fresh.viewer });
    expect((await links(server, board.id, board.tokens.editor)).status).toBe(403);

    const owner = await rotate(server, board.id, board.tokens.owner, ['owner']);
    expect((await links(server, board.id, owner.owner!)).body.links).toEqual(all);
    expect((await links(server, board.id, board.tokens.owner)).status).toBe(403);
  });
});
