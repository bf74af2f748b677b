// Restart after kill -9 until /healthz answers, for each start command given (median of N runs,
// alternating the commands so machine load hits them alike). Not a test: a figure for the notes.
//   node scripts/measure-restart.mjs [runs] -- "<command 1>" "<command 2>" …
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const sep = process.argv.indexOf('--');
const runs = Number(process.argv[2] !== '--' ? process.argv[2] : 5) || 5;
const commands = process.argv.slice(sep + 1);
const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-restart-'));
const port = 18000 + Math.floor(Math.random() * 1000);

async function healthy(deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

async function once(command) {
  const child = spawn('sh', ['-c', `exec ${command}`], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }, stdio: 'ignore', detached: true });
  const t0 = performance.now();
  const ok = await healthy(Date.now() + 60_000);
  const ms = performance.now() - t0;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {}
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
  if (!ok) throw new Error(`${command}: no /healthz within 60 s`);
  return ms;
}

const times = new Map(commands.map((c) => [c, []]));
await once(commands[0]); // first start creates the database; not counted
for (let i = 0; i < runs; i++) for (const c of commands) times.get(c).push(await once(c));
for (const [c, t] of times) {
  t.sort((a, b) => a - b);
  console.log(`${c}: median ${Math.round(t[t.length >> 1])} ms (min ${Math.round(t[0])}, max ${Math.round(t[t.length - 1])}, ${t.length} runs)`);
}
rmSync(dataDir, { recursive: true, force: true });
