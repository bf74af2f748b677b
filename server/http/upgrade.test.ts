// The WebSocket upgrade: a refused client gets a plain HTTP status and reason before any
// handshake, and a board whose storage read fails is refused (503), never served blank.
import { mkdtempSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { toBoardJson } from '../../shared';
import type { StoredDocument } from '../storage/BoardStorage';
import { SqliteStorage } from '../storage/SqliteStorage';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor, type TestServer } from '../testing/testServer';

let server: TestServer | null = null;
cleanUpAfterEach();

interface Outcome {
  status: number;
  body: { error?: { code: string; message: string } } | null;
  /** Set when the upgrade succeeded instead. */
  opened?: WebSocket;
}

/** Opens a raw WebSocket and reports how the upgrade ended: the HTTP status and JSON body of a refusal, or 101. */
function tryUpgrade(url: string, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    trackSocket(ws);
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let body = null;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    ws.on('open', () => resolve({ status: 101, body: null, opened: ws }));
    ws.on('error', (err) => reject(err));
  });
}

describe('refused at the upgrade, before the handshake', () => {
  it('missing token 401, wrong token 403, unknown board 404, bad path 404', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const other = await createBoard(server.url);
    const cases: [string, number, string][] = [
      [`${server.wsUrl}/${board.id}`, 401, 'token_missing'],
      [`${server.wsUrl}/${board.id}?token=`, 401, 'token_missing'],
      [`${server.wsUrl}/${board.id}?token=wrong`, 403, 'token_invalid'],
      [`${server.wsUrl}/${board.id}?token=${other.tokens.owner}`, 403, 'token_invalid'],
      [`${server.wsUrl}/doesnotexist0000?token=${board.tokens.owner}`, 404, 'board_not_found'],
      [`${server.wsUrl}/?token=${board.tokens.owner}`, 404, 'not_found'],
      [`${server.wsUrl}?token=${board.tokens.owner}`, 404, 'not_found'],
      [`${server.wsUrl}/${board.id}/extra?token=${board.tokens.owner}`, 404, 'not_found'],
      [`${server.url.replace(/^http/, 'ws')}/api/boards/${board.id}?token=${board.tokens.owner}`, 404, 'not_found'],
    ];
    for (const [url, status, code] of cases) {
      const out = await tryUpgrade(url);
      expect(out.status, url).toBe(status);
      expect(out.body?.error?.code, url).toBe(code);
      expect(out.body?.error?.message.length, url).toBeGreaterThan(5);
    }
    // Nothing refused loaded a board or left a connection behind.
    expect(server.rooms.loadedCount).toBe(0);
    const metrics = await server.metrics.registry.getSingleMetricAsString('malkart_connections');
    expect(metrics).not.toMatch(/ [1-9]\d*$/m);
  });

  it('a board id with broken percent-encoding is refused, and the server lives on', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    for (const bad of ['%E0%A4%A', '%', 'abc%zz']) {
      const out = await tryUpgrade(`${server.wsUrl}/${bad}?token=${board.tokens.owner}`);
      expect(out.status, bad).toBe(404);
      expect(out.body?.error?.code, bad).toBe('not_found');
    }
    expect((await tryUpgrade(`${server.wsUrl}/${board.id}?token=${board.tokens.owner}`)).status).toBe(101);
  });

  it('an upgrade request whose URL cannot be parsed is dropped, and the server lives on', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const sock = connectTcp(server!.port, '127.0.0.1', () => {
        sock.write(
          'GET http://[broken/ws/x HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      let text = '';
      sock.on('data', (d) => (text += d.toString()));
      sock.on('close', () => resolve(text));
      sock.on('error', reject);
    });
    expect(reply).not.toMatch(/^HTTP\/1.1 101/);
    expect((await tryUpgrade(`${server.wsUrl}/${board.id}?token=${board.tokens.owner}`)).status).toBe(101);
  });

  it('accepts each role by ?token= and by an Authorization header', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    for (const token of Object.values(board.tokens)) {
      const byQuery = await tryUpgrade(`${server.wsUrl}/${board.id}?token=${token}`);
      expect(byQuery.status).toBe(101);
      const byHeader = await tryUpgrade(`${server.wsUrl}/${board.id}`, { authorization: `Bearer ${token}` });
      expect(byHeader.status).toBe(101);
    }
  });

  it('exactly the URL y-websocket opens is accepted (board id percent-decoded)', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const c = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await c.synced;
    expect(toBoardJson(c.doc).nodes).toHaveLength(27);
    const encoded = await tryUpgrade(`${server.wsUrl}/${encodeURIComponent(board.id)}?token=${board.tokens.viewer}`);
    expect(encoded.status).toBe(101);
  });
});

/** SQLite storage whose document reads fail while `failing` is set — failure injection, nothing mocked. */
class FlakyStorage extends SqliteStorage {
  failing = true;
  reads = 0;
  override async loadDocument(id: string): Promise<StoredDocument> {
    this.reads++;
    if (this.failing) throw new Error('disk I/O error (injected)');
    return super.loadDocument(id);
  }
}

describe('a board whose storage read fails', () => {
  it('is refused with 503 and a clear reason, and is served with its stored content once storage recovers', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-test-'));
    const storage = new FlakyStorage(path.join(dataDir, 'malkart.sqlite'));
    server = await startTestServer({ dataDir, storage });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });

    const refused = await tryUpgrade(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`);
    expect(refused.status).toBe(503);
    expect(refused.body?.error?.code).toBe('storage_failed');
    expect(refused.body?.error?.message).toMatch(/storage/i);
    expect(refused.body?.error?.message).toContain('disk I/O error (injected)');

    // A real client keeps retrying meanwhile and never syncs a blank board.
    const client = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await waitFor(() => storage.reads >= 3, 10_000, 'the client to retry a few times');
    expect(client.provider.synced).toBe(false);
    expect(client.doc.getMap('nodes').size).toBe(0);
    // The failed load is not cached: no room was kept, and the failure was counted.
    expect(server.rooms.loadedCount).toBe(0);
    const failures = await server.metrics.registry.getSingleMetricAsString('malkart_board_load_failures_total');
    expect(Number(/ (\d+)$/m.exec(failures)?.[1])).toBeGreaterThanOrEqual(3);
    // Nothing was written while it failed.
    storage.failing = false;
    const stored = await storage.loadDocument(board.id);
    expect(stored.updates).toEqual([]);

    await client.synced;
    expect(toBoardJson(client.doc).nodes).toHaveLength(27);
    expect(toBoardJson(client.doc).meta.title).toBe((EXAMPLE_BOARD as { meta: { title: string } }).meta.title);
    // The server's copy is the stored one, not a blank one merged with it.
    const room = await server.rooms.acquire(board.id);
    expect(toBoardJson(room.doc)).toEqual(toBoardJson(client.doc));
  });

  it('the REST read of that board says 503 storage_failed, not a 500', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-test-'));
    const storage = new FlakyStorage(path.join(dataDir, 'malkart.sqlite'));
    server = await startTestServer({ dataDir, storage });
    const board = await createBoard(server.url);
    const res = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('storage_failed');
    storage.failing = false;
    const ok = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } });
    expect(ok.status).toBe(200);
  });
});

describe('a board deleted while someone is joining it', () => {
  it('is not loaded again blank, and a room that began unloading takes no new connection', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    // The joiner's access check has passed and its room is loaded …
    const room = await server.rooms.acquire(board.id);
    expect(room.isClosing).toBe(false);
    // … when the owner deletes the board.
    const res = await fetch(`${server.url}/api/boards/${board.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(res.status).toBe(204);
    expect(room.isClosing).toBe(true);
    // Loading it once more (the upgrade's acquire, a moment late) finds no board, not an empty one.
    await expect(server.rooms.acquire(board.id)).rejects.toThrow(/does not exist/);
    expect(await server.rooms.loaded(board.id)).toBeUndefined();
  });
});
