// Test support: a real server on port 0 with a real SQLite file in a temp folder, and real
// y-websocket clients over the `ws` package. Everything a test makes is destroyed after it: a test
// file calls `cleanUpAfterEach()` once, and every server, client and socket made here is tracked.
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startServer, type RunningServer, type StartOptions } from '../app';

// Every y-websocket provider adds a process 'exit' listener; twenty clients in one test are expected.
process.setMaxListeners(200);

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
}

const made = { servers: new Set<TestServer>(), clients: new Set<TestClient>(), sockets: new Set<WebSocket>() };

/** After each test of the calling file: destroys its clients and sockets, closes its servers and removes their data. */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    for (const c of made.clients) c.destroy();
    for (const ws of made.sockets) ws.terminate();
    const servers = [...made.servers];
    made.clients.clear();
    made.sockets.clear();
    made.servers.clear();
    for (const s of servers) await s.close(); // close() is idempotent: a test may have closed it already
    for (const dir of new Set(servers.map((s) => s.dataDir))) removeDir(dir);
  });
}

/** A raw socket a test opened itself, terminated after the test. */
export function trackSocket(ws: WebSocket): WebSocket {
  made.sockets.add(ws);
  return ws;
}

export async function startTestServer(opts: StartOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'malkart-test-'));
  // Tests open many connections and boards from one address: the per-address limits are off unless a test sets them.
  const running = await startServer({ port: 0, host: '127.0.0.1', unloadDelayMs: 200, groupCommitMs: 2, createLimit: 0, upgradeLimit: 0, ...opts, dataDir }).catch((err: unknown) => {
    if (!opts.dataDir) removeDir(dataDir);
    throw err;
  });
  const server = { ...running, dataDir, wsUrl: running.url.replace(/^http/, 'ws') + '/ws' };
  made.servers.add(server);
  return server;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CreatedBoard {
  id: string;
  /** The three links by role, and the editor links bound to a side (#16). */
  tokens: { owner: string; editor: string; viewer: string; stat: string; kommune: string };
}

export async function createBoard(baseUrl: string, body: unknown = { title: 'Test' }): Promise<CreatedBoard> {
  const res = await fetch(`${baseUrl}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedBoard;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves when the first sync with the server completed. */
  synced: Promise<void>;
  /** Close codes the server sent, in order. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** `headers` go with every (re)connect: a signed-in member's client sends its session cookie and Origin. */
export function connectClient(wsUrl: string, boardId: string, token: string, doc = new Y.Doc(), headers?: Record<string, string>): TestClient {
  const polyfill = headers
    ? class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      }
    : WebSocket;
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    WebSocketPolyfill: polyfill as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token ? { token } : {},
    maxBackoffTime: 300,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event: { code: number; reason: string } | null) => {
    if (event) closes.push({ code: event.code, reason: String(event.reason) });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (isSynced: boolean) => isSynced && resolve());
  });
  let destroyed = false;
  const client: TestClient = {
    doc,
    provider,
    synced,
    closes,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      made.clients.delete(client);
      provider.destroy();
      doc.destroy();
    },
  };
  made.clients.add(client);
  return client;
}

export async function waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export { seeded } from '../../shared/seeded';
