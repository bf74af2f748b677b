// Restart after kill -9 (#19 §1): how long from starting the process again until it answers
// /healthz, on the data it left behind — the wait a workshop sees when the server crashed. Ours
// runs as it ships (`npm start` → node dist/server/main.js, built here first), Hocuspocus and the
// floor as plain JavaScript (their TypeScript entries with the types removed, imports left as they
// are), so no TypeScript loader or type stripping is in anyone's figure. Rounds alternate the servers, so a neighbour's load falls on all alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { cpuSeconds, ROOT, round, sleep } from './lib/proc';
import { median } from './lib/stats';
import { exampleBoard } from './lib/boards';
import { newDataDir, removeDataDir } from './servers/index';

export type RestartKind = 'ours' | 'floor' | 'hocuspocus';

export interface RestartResult {
  server: RestartKind;
  runs: number;
  /** Process start → first 200 from /healthz (Hocuspocus and the floor: from /), median and range. */
  healthzMs: number;
  minMs: number;
  maxMs: number;
  /** CPU time (all threads) the process used until then, median: a busy machine swings it less than the wall time. */
  cpuMs: number;
}

const SOURCE: Record<RestartKind, string> = {
  ours: 'dist/server/main.js',
  floor: 'bench/servers/floorMain.ts',
  hocuspocus: 'bench/servers/hocuspocusMain.ts',
};
/** Inside node_modules, so the peers' imports resolve from there as from their sources. */
const PLAIN_DIR = 'node_modules/.cache/malkart-bench';

/** The entry each server runs: ours built (scripts/build-server.mjs), the others' types removed. */
async function entries(kinds: RestartKind[]): Promise<Record<RestartKind, string>> {
  const out = { ...SOURCE };
  if (kinds.includes('ours')) execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const { build } = await import('esbuild');
  for (const kind of kinds.filter((k) => k !== 'ours')) {
    out[kind] = path.join(PLAIN_DIR, `${kind}Main.mjs`);
    await build({ entryPoints: [path.join(ROOT, SOURCE[kind])], outfile: path.join(ROOT, out[kind]), bundle: false, platform: 'node', format: 'esm', target: 'node24', logLevel: 'warning' });
  }
  return out;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

interface Started {
  child: ChildProcess;
  ms: number;
  cpuMs: number;
}

async function startUntilHealthy(kind: RestartKind, entry: string, port: number, dataDir: string): Promise<Started> {
  const env = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent',
    CLIENT_DIR: path.join(dataDir, 'no-client'), AUTO_SNAPSHOT_MS: '0',
    // A compile cache of this run's own (in its data folder): the first start fills it, as the first start after an install does.
    NODE_COMPILE_CACHE: path.join(dataDir, 'compile-cache'),
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}${kind === 'ours' ? '/healthz' : '/'}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${kind} exited (${child.exitCode}) before answering`);
    try {
      if ((await fetch(url)).ok) {
        const ms = performance.now() - t0;
        return { child, ms, cpuMs: cpuSeconds(child.pid!) * 1000 };
      }
    } catch {
      /* not listening yet */
    }
    await sleep(5);
  }
  child.kill('SIGKILL');
  throw new Error(`${kind}: no answer within 60 s`);
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

export async function runRestart(kinds: RestartKind[], o: { runs: number }): Promise<RestartResult[]> {
  const entry = await entries(kinds);
  const setups = new Map<RestartKind, { port: number; dataDir: string; ms: number[]; cpu: number[] }>();
  try {
    for (const kind of kinds) {
      const s = { port: await freePort(), dataDir: newDataDir(`restart-${kind}`), ms: [] as number[], cpu: [] as number[] };
      setups.set(kind, s);
      // The first start creates the store (ours: one example board in it) and is not counted.
      const first = await startUntilHealthy(kind, entry[kind], s.port, s.dataDir);
      if (kind === 'ours') {
        const res = await fetch(`http://127.0.0.1:${s.port}/api/boards`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ board: exampleBoard() }),
        });
        if (res.status !== 201) throw new Error(`create board: ${res.status}`);
      }
      await kill9(first.child);
    }
    for (let i = 0; i < o.runs; i++) {
      for (const kind of kinds) {
        const s = setups.get(kind)!;
        const run = await startUntilHealthy(kind, entry[kind], s.port, s.dataDir);
        await kill9(run.child);
        s.ms.push(run.ms);
        s.cpu.push(run.cpuMs);
      }
    }
    return kinds.map((kind) => {
      const s = setups.get(kind)!;
      return { server: kind, runs: s.ms.length, healthzMs: round(median(s.ms), 0), minMs: round(Math.min(...s.ms), 0), maxMs: round(Math.max(...s.ms), 0), cpuMs: round(median(s.cpu), 0) };
    });
  } finally {
    for (const s of setups.values()) removeDataDir(s.dataDir);
  }
}

// Alone: npx tsx bench/restart.ts [runs]
if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'bench/restart.ts')) {
  runRestart(['ours', 'floor', 'hocuspocus'], { runs: Number(process.argv[2] ?? 7) }).then(
    (r) => console.table(r),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
