// `npm run bench`: every scenario in one run, on this machine — our server against the floor (a
// bare y-protocols relay) and against Hocuspocus — then bench/results/latest.json and latest.md.
//
//   npm run bench -- --scale 4            scale every scenario up (50×10 → 200×10 boards, …)
//   npm run bench -- --only latency,durability --servers ours,floor --duration 20 --rate 2
//   npm run bench -- --latency 1x40,200x10 --no-browser --no-cursors --profile
//   npm run bench -- --rounds 3     latency runs alternate servers 3 times; the run with the median p99 is reported
//   npm run bench -- --only restart,load --out partial    a part of the run: bench/results/partial.json and .md, latest.* untouched
//
// --profile writes CPU profiles of our server per latency scenario to bench/results/profiles/ (read them
// with `npx tsx bench/profileTop.ts <file>`).
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installCleanup, killAllChildren, ROOT } from './lib/proc';
import { runLatency, type LatencyResult } from './latency';
import { runDurability, type DurabilityResult } from './durability';
import { runLoadMemory, type LoadMemoryResult } from './loadMemory';
import { runExport, type ExportResult } from './export';
import { runCluster, type ClusterResult } from './cluster';
import { runRestart, type RestartKind, type RestartResult } from './restart';
import type { BrowserResult } from './browser';
import { SERVER_KINDS, type ServerKind } from './servers/index';
import { toMarkdown } from './report';

const SCENARIOS = ['latency', 'durability', 'restart', 'load', 'export', 'browser', 'cluster'] as const;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    servers: { type: 'string', default: SERVER_KINDS.join(',') },
    latency: { type: 'string' },
    rate: { type: 'string', default: '2' },
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1' },
    'no-cursors': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    /** Results under bench/results/<out>.json and .md instead of latest.* (a partial run must not replace the full one). */
    out: { type: 'string', default: 'latest' },
  },
});

const scale = Math.max(1, Number(args.scale));
const only = new Set(args.only ? args.only.split(',') : SCENARIOS);
if (args['no-browser']) only.delete('browser');
const servers = args.servers!.split(',') as ServerKind[];
const latencyScenarios = (args.latency ?? `1x${40},${50 * scale}x10`).split(',').map((s) => {
  const [b, c] = s.split('x').map(Number);
  return { boards: b!, clientsPerBoard: c! };
});
const options = {
  scale, scenarios: [...only], servers, latency: latencyScenarios.map((s) => `${s.boards}x${s.clientsPerBoard}`),
  rate: Number(args.rate), durationSec: Number(args.duration), cursors: !args['no-cursors'], rounds: Math.max(1, Number(args.rounds)),
};

export interface BenchResults {
  date: string;
  machine: { cores: number; cpuModel: string; memoryGiB: number; freeGiB: number; node: string; platform: string; loadAverage: number[] };
  options: typeof options;
  /** Per scenario and server, the round with the median p99. */
  latency: LatencyResult[];
  /** Every latency run, when there was more than one round. */
  latencyRounds: LatencyResult[][];
  durability: DurabilityResult[];
  /** kill -9, then start → /healthz answering (#19 §1). */
  restart: RestartResult[];
  loadMemory: LoadMemoryResult | null;
  export: ExportResult[];
  browser: BrowserResult | null;
  /** Two instances on Postgres: the proxy hop and the failover time (#18). */
  cluster: ClusterResult | null;
  skipped: string[];
}

async function main(): Promise<void> {
  installCleanup();
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), freeGiB: Math.round(freemem() / 2 ** 30),
      node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    },
    options, latency: [], latencyRounds: [], durability: [], restart: [], loadMemory: null, export: [], browser: null, cluster: null, skipped: [],
  };
  const step = async (name: string, fn: () => Promise<void>) => {
    const t0 = Date.now();
    process.stderr.write(`bench: ${name} …`);
    try {
      await fn();
      process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    } catch (err) {
      process.stderr.write(` failed\n${(err as Error).stack}\n`);
      results.skipped.push(`${name}: ${(err as Error).message.split('\n')[0]}`);
    }
  };

  if (only.has('latency')) {
    const profileDir = path.join(ROOT, 'bench/results/profiles');
    const runs: LatencyResult[] = [];
    // Rounds alternate the servers, so a neighbour's load on a shared machine falls on all alike.
    for (let round = 1; round <= options.rounds; round++) {
      for (const s of latencyScenarios) {
        for (const kind of servers) {
          await step(`latency ${s.boards}×${s.clientsPerBoard} ${kind}${options.rounds > 1 ? ` (round ${round})` : ''}`, async () => {
            // One profile per thread (tsx runs its loader in one): the main thread's is the largest file.
            const nodeArgs = args.profile && kind === 'ours' ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, `ours-${s.boards}x${s.clientsPerBoard}`)}`] : [];
            runs.push(await runLatency(kind, { ...s, rate: options.rate, durationMs: options.durationSec * 1000, cursors: options.cursors, nodeArgs }));
          });
        }
      }
    }
    for (const s of latencyScenarios) {
      for (const kind of servers) {
        const mine = runs.filter((r) => r.server === kind && r.scenario === `${s.boards}×${s.clientsPerBoard}`).sort((a, b) => a.latencyMs.p99 - b.latencyMs.p99);
        if (mine.length) results.latency.push(mine[Math.floor((mine.length - 1) / 2)]!);
        if (options.rounds > 1) results.latencyRounds.push(mine);
      }
    }
  }
  if (only.has('durability')) {
    for (const kind of servers) {
      await step(`durability ${kind}`, async () => {
        results.durability.push(await runDurability(kind, { writers: 4, rate: 100 * scale, killAfterMs: 1000 }));
      });
    }
  }
  if (only.has('restart')) {
    await step('restart', async () => {
      const kinds = (['ours', 'floor', 'hocuspocus'] as const).filter((k): k is RestartKind => servers.includes(k));
      results.restart = await runRestart(kinds, { runs: 7 });
    });
  }
  if (only.has('load')) {
    await step('load and memory', async () => {
      results.loadMemory = await runLoadMemory({ nodes: 5000 * scale, largeBoards: 3, openClose: 1000 * scale });
    });
  }
  if (only.has('export')) {
    await step('export', async () => {
      results.export = await runExport({ goals: 500 * scale, runs: 3 });
    });
  }
  if (only.has('browser')) {
    await step('browser', async () => {
      const { runBrowser } = await import('./browser');
      results.browser = await runBrowser(2000 * scale, { largest: 10_000 });
    });
  }

  if (only.has('cluster')) {
    await step('cluster', async () => {
      // Postgres on this machine (trust), a schema of its own, dropped afterwards.
      const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
      results.cluster = await runCluster({ edits: 300 * scale, leaseMs: 3000, databaseUrl });
    });
  }

  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const md = toMarkdown(results);
  writeFileSync(path.join(dir, `${args.out}.json`), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(path.join(dir, `${args.out}.md`), md);
  console.log(md);
}

main().then(
  () => {
    killAllChildren();
    process.exit(0);
  },
  (err) => {
    console.error(err);
    killAllChildren();
    process.exit(1);
  },
);
