// A real server on a free port with a throw-away data folder, serving the built client.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/app';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'malkart-e2e-'));
  // Every browser and client of a test comes from one address: the per-address limits are off here.
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, clientDir: path.join(root, 'dist/client'), autoSnapshotMs: 0, createLimit: 0, upgradeLimit: 0 });
  return {
    url: server.url.replace(/\/$/, ''),
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Created {
  id: string;
  /** The three links by role and the editor links bound to a side (#16). */
  tokens: { owner: string; editor: string; viewer: string; stat: string; kommune: string };
}

export async function createBoard(base: string, body: { title: string } | { board: unknown }): Promise<Created> {
  const res = await fetch(`${base}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

export async function boardCounts(base: string, id: string, token: string): Promise<{ nodes: number; edges: number }> {
  const res = await fetch(`${base}/api/boards/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`get board: ${res.status}`);
  return ((await res.json()) as { counts: { nodes: number; edges: number } }).counts;
}
