// Latency and throughput: N boards × M clients editing at a set rate against one server child;
// edit-to-other-client latency, updates per second, server CPU and peak RSS, and the share of the
// nominal edit rate the clients achieved (they share the machine's cores with the server).
import { cpus } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { forkTs, ProcessSampler, round, sleep } from './lib/proc';
import { percentiles, type Percentiles } from './lib/stats';
import { exampleBoard, seedUpdate } from './lib/boards';
import { startBenchServer, removeDataDir, type ServerKind, type BoardTarget } from './servers/index';
import type { FromWorker, ToWorker, WorkerClient } from './clients/worker';

export interface LatencyOptions {
  boards: number;
  clientsPerBoard: number;
  /** Edits per second per client. */
  rate: number;
  durationMs: number;
  cursors: boolean;
  workers?: number;
  /** Extra node flags for the server child (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

export interface LatencyResult {
  server: ServerKind;
  scenario: string;
  clients: number;
  latencyMs: Percentiles;
  /** Edits the clients made per second, and what share of the nominal rate that is. */
  editsPerSec: number;
  nominalEditsPerSec: number;
  achievedShare: number;
  /** Edits seen by other clients per second (each edit counts once per observer). */
  deliveriesPerSec: number;
  /** Deliveries seen over deliveries expected from the edits made (1 = none missing). */
  deliveredShare: number;
  serverCpuPercent: number;
  serverPeakRssMiB: number;
  meanSyncMs: number;
}

function waitFor<T extends FromWorker['type']>(w: ChildProcess, type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client worker sent no "${type}" within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMsg = (m: FromWorker) => {
      if (m.type === type) {
        clearTimeout(timer);
        w.off('message', onMsg);
        resolve(m as Extract<FromWorker, { type: T }>);
      }
    };
    w.on('message', onMsg);
    w.once('exit', (code) => reject(new Error(`client worker exited (${code}) before "${type}"`)));
  });
}

export async function runLatency(kind: ServerKind, o: LatencyOptions): Promise<LatencyResult> {
  const scenario = `${o.boards}×${o.clientsPerBoard}`;
  const server = await startBenchServer(kind, { nodeArgs: o.nodeArgs });
  const workers: ChildProcess[] = [];
  try {
    const example = exampleBoard();
    const targets: BoardTarget[] = [];
    for (let b = 0; b < o.boards; b++) targets.push(await server.newBoard(example));
    const nWorkers = o.workers ?? Math.max(1, cpus().length);
    const shares: WorkerClient[][] = Array.from({ length: nWorkers }, () => []);
    let n = 0;
    targets.forEach((target, b) => {
      for (let j = 0; j < o.clientsPerBoard; j++) shares[n++ % nWorkers]!.push({ target, key: `b${b}c${j}` });
    });
    const seed = Buffer.from(seedUpdate()).toString('base64');
    for (let i = 0; i < nWorkers; i++) workers.push(forkTs('bench/clients/worker.ts'));
    const ready = workers.map((w) => waitFor(w, 'ready', 120_000));
    workers.forEach((w, i) => w.send({ type: 'init', clients: shares[i]!, seed, rate: o.rate, cursors: o.cursors } satisfies ToWorker));
    const syncMs = (await Promise.all(ready)).flatMap((r) => r.syncMs);
    await sleep(500);

    const sampler = new ProcessSampler(server.pid);
    const results = workers.map((w) => waitFor(w, 'result', o.durationMs + 60_000));
    const at = performance.timeOrigin + performance.now() + 300;
    const drainMs = 2000;
    workers.forEach((w) => w.send({ type: 'start', at, durationMs: o.durationMs, drainMs } satisfies ToWorker));
    await sleep(300);
    sampler.start();
    await sleep(o.durationMs);
    const usage = sampler.stop();
    const rs = await Promise.all(results);
    if (process.env.BENCH_DEBUG && kind === 'ours') {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      process.stderr.write('\n' + text.split('\n').filter((l) => /^(malkart_persist_seconds_(sum|count)|malkart_commit_batch_size_(sum|count)|nodejs_eventloop_lag_(p99|max)_seconds|malkart_updates_in_total)/.test(l)).join('\n') + '\n');
    }

    const secs = o.durationMs / 1000;
    const sent = rs.reduce((s, r) => s + r.sent, 0);
    const received = rs.reduce((s, r) => s + r.received, 0);
    const nominal = o.boards * o.clientsPerBoard * o.rate;
    return {
      server: kind,
      scenario,
      clients: o.boards * o.clientsPerBoard,
      latencyMs: percentiles(rs.flatMap((r) => r.latencies)),
      editsPerSec: round(sent / secs, 0),
      nominalEditsPerSec: nominal,
      achievedShare: round(sent / secs / nominal, 3),
      deliveriesPerSec: round(received / secs, 0),
      deliveredShare: round(received / Math.max(1, sent * (o.clientsPerBoard - 1)), 3),
      serverCpuPercent: usage.cpuPercent,
      serverPeakRssMiB: usage.peakRssMiB,
      meanSyncMs: round(syncMs.reduce((a, b) => a + b, 0) / Math.max(1, syncMs.length), 1),
    };
  } finally {
    for (const w of workers) if (w.connected) w.send({ type: 'close' } satisfies ToWorker);
    // A worker that does not leave within 5 s is killed: the bench never leaves processes behind.
    await Promise.all(
      workers.map((w) =>
        w.exitCode !== null || w.signalCode !== null ? null : Promise.race([new Promise((r) => w.once('exit', r)), sleep(5000).then(() => w.kill('SIGKILL'))]),
      ),
    );
    await server.stop();
    removeDataDir(server.dataDir);
  }
}
