// Load and memory (ours): a generated 5,000-card board — cold load from storage, time to first
// sync for a new client (cold and warm), bytes on the wire, RSS per loaded board; then RSS after
// many boards were opened and closed, which must come back near the baseline.
import path from 'node:path';
import { connectBenchClient } from './clients/connect';
import { exampleBoard, generateBoard } from './lib/boards';
import { cpuSeconds, memory, round, sleep } from './lib/proc';
import { collectGarbage, inspectorUrl } from './lib/inspector';
import { median } from './lib/stats';
import { startBenchServer, removeDataDir, type BenchServer, type BoardTarget } from './servers/index';
import { SqliteStorage } from '../server/storage/SqliteStorage';
import { documentFromStorage } from '../server/sync/BoardLog';

export interface LoadMemoryOptions {
  nodes: number;
  /** How many copies of the large board are loaded at once for RSS per board. */
  largeBoards: number;
  /** Small boards opened and closed one after another (25 at a time). */
  openClose: number;
}

export interface LoadMemoryResult {
  nodes: number;
  edges: number;
  importMs: number;
  storedBytes: number;
  coldLoadFromStorageMs: number;
  /** CPU time of the cold load (this process), which a busy machine swings less than the wall time. */
  coldLoadCpuMs: number;
  firstSyncColdMs: number;
  firstSyncWarmMs: number;
  /** The server's CPU time from the client's connect until its sync settled (10 ms resolution). */
  firstSyncColdServerCpuMs: number;
  firstSyncWarmServerCpuMs: number;
  wireBytes: number;
  rssPerLargeBoardMiB: number;
  /** RSS and live heap (after a full GC) before, at peak and after the boards were opened and closed. */
  openClose: {
    boards: number; baselineMiB: number; peakMiB: number; afterMiB: number; growthMiB: number; loadedAfter: number;
    heapBeforeMiB: number; heapAfterMiB: number;
  };
}

async function boardsLoaded(server: BenchServer): Promise<number> {
  const res = await fetch(`${server.url}/healthz`);
  return ((await res.json()) as { boardsLoaded: number }).boardsLoaded;
}

async function waitUnloaded(server: BenchServer, timeoutMs = 30_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let n = await boardsLoaded(server);
  while (n > 0 && Date.now() < end) {
    await sleep(100);
    n = await boardsLoaded(server);
  }
  return n;
}

async function timedSync(target: BoardTarget, serverPid: number): Promise<{ ms: number; serverCpuMs: number; bytes: number; close(): void }> {
  const cpu0 = cpuSeconds(serverPid);
  const t0 = performance.now();
  const c = connectBenchClient(target);
  await c.synced;
  const ms = performance.now() - t0;
  await sleep(300); // what the server does after its answer (the client's step 2) counts too
  return { ms, serverCpuMs: (cpuSeconds(serverPid) - cpu0) * 1000, bytes: c.bytesIn(), close: () => c.destroy() };
}

export async function runLoadMemory(o: LoadMemoryOptions): Promise<LoadMemoryResult> {
  const env = { UNLOAD_DELAY_MS: '300' };
  let server = await startBenchServer('ours', { env });
  const dataDir = server.dataDir;
  try {
    const large = generateBoard(o.nodes);
    const bigs: BoardTarget[] = [];
    let importMs = 0;
    for (let i = 0; i < o.largeBoards; i++) {
      const t0 = performance.now();
      bigs.push(await server.newBoard(large));
      if (i === 0) importMs = performance.now() - t0;
    }
    const small: BoardTarget[] = [];
    const example = exampleBoard();
    const queue = Array.from({ length: o.openClose }, (_, i) => i);
    await Promise.all(Array.from({ length: 10 }, async () => {
      while (queue.shift() !== undefined) small.push(await server.newBoard(example));
    }));
    await server.stop();

    // Cold load from storage, with the server's own code (BoardLog.load): read state and log, apply to a fresh Y.Doc.
    const storage = new SqliteStorage(path.join(dataDir, 'malkart.sqlite'));
    const loads: number[] = [];
    const loadsCpu: number[] = [];
    let storedBytes = 0;
    for (const b of bigs) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const loaded = documentFromStorage(b.room, await storage.loadDocument(b.room));
      loads.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      loadsCpu.push((c.user + c.system) / 1000);
      storedBytes = loaded.storedBytes;
      loaded.doc.destroy();
    }
    await storage.close();

    // The inspector lets the bench ask for a full GC before it reads memory.
    server = await startBenchServer('ours', { dataDir, env, nodeArgs: ['--inspect=127.0.0.1:0'] });
    const inspector = inspectorUrl(server.output());
    const settle = async () => (inspector ? (await collectGarbage(inspector)).heapUsedMiB : NaN);
    const port = new URL(server.url).port;
    const at = (t: BoardTarget) => ({ ...t, wsUrl: t.wsUrl.replace(/:\d+/, `:${port}`) });
    await sleep(1000);
    // Open-and-close first, from a fresh process: its baseline is the server with nothing loaded.
    const heapBeforeMiB = await settle();
    const baselineMiB = memory(server.pid).rssMiB;
    let peakMiB = baselineMiB;
    const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, memory(server.pid).rssMiB)), 100);
    const todo = [...small];
    await Promise.all(Array.from({ length: 25 }, async () => {
      for (let t = todo.shift(); t; t = todo.shift()) {
        const c = connectBenchClient(at(t));
        await c.synced;
        c.destroy();
      }
    }));
    const loadedAfter = await waitUnloaded(server);
    clearInterval(sampler);
    await sleep(1000);
    const heapAfterMiB = await settle();
    const afterMiB = memory(server.pid).rssMiB;
    await settle();
    const base = memory(server.pid).rssMiB;
    const cold = await timedSync(at(bigs[0]!), server.pid);
    const warm = await timedSync(at(bigs[0]!), server.pid);
    const others = [];
    for (const b of bigs.slice(1)) others.push(await timedSync(at(b), server.pid));
    await settle();
    const loadedRss = memory(server.pid).rssMiB;
    for (const c of [cold, warm, ...others]) c.close();
    await waitUnloaded(server);

    return {
      nodes: large.nodes.length,
      edges: large.edges.length,
      importMs: round(importMs, 0),
      storedBytes,
      coldLoadFromStorageMs: round(median(loads), 1),
      coldLoadCpuMs: round(median(loadsCpu), 1),
      firstSyncColdMs: round(cold.ms, 0),
      firstSyncWarmMs: round(warm.ms, 0),
      firstSyncColdServerCpuMs: round(cold.serverCpuMs, 0),
      firstSyncWarmServerCpuMs: round(warm.serverCpuMs, 0),
      wireBytes: cold.bytes,
      rssPerLargeBoardMiB: round((loadedRss - base) / bigs.length, 1),
      openClose: { boards: small.length, baselineMiB: round(baselineMiB), peakMiB: round(peakMiB), afterMiB: round(afterMiB), growthMiB: round(afterMiB - baselineMiB), loadedAfter,
        heapBeforeMiB: round(heapBeforeMiB), heapAfterMiB: round(heapAfterMiB) },
    };
  } finally {
    await server.stop();
    removeDataDir(dataDir);
  }
}
