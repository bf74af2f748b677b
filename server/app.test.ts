// startServer as a process sees it: a port it cannot have is a clear error, and nothing of the
// half-started server (store, timers, render workers) stays behind to keep the process alive.
import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './app';
import { removeDir } from './testing/testServer';

const held: Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of held.splice(0)) await new Promise((r) => s.close(r));
  for (const d of dirs.splice(0)) removeDir(d);
});

/** The kinds of handle that keep Node running, counted (a failed start must add none). */
function activeHandles(): Record<string, number> {
  const n: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) n[kind] = (n[kind] ?? 0) + 1;
  return n;
}

describe('startServer on a port already taken', () => {
  it('rejects with EADDRINUSE and lets go of everything it had opened', async () => {
    const other = createServer();
    held.push(other);
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const { port } = other.address() as AddressInfo;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-app-'));
    dirs.push(dataDir);
    const before = activeHandles();

    await expect(startServer({ port, host: '127.0.0.1', dataDir, logLevel: 'silent' })).rejects.toMatchObject({ code: 'EADDRINUSE' });

    await expect.poll(activeHandles, { timeout: 5_000 }).toEqual(before);
    // The same folder serves a server at once (the store was closed, not left half open).
    const next = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
    await next.close();
  });
});
