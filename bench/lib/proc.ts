// Child processes of the bench: spawn a TypeScript entry as its own Node process, read its CPU
// time and memory from /proc, and make sure none outlives the run (normal exit, error, Ctrl-C).
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGKILLs every child still running; safe to call more than once. */
export function killAllChildren(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
}

let hooked = false;
/** Installs the exit and signal handlers that leave no child behind. */
export function installCleanup(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAllChildren);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      killAllChildren();
      process.exit(130);
    });
  }
}

export interface ServerChild {
  process: ChildProcess;
  pid: number;
  /** The URL the child printed as "running at <url>". */
  url: string;
  exited: Promise<number | string | null>;
  output(): string;
}

/** Spawns `node --import tsx <entry>` and waits for it to print "running at http://…". */
export async function spawnServer(entry: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerChild> {
  const child = track(
    spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
    void exited.then((code) => reject(new Error(`${entry} exited (${code}) before starting:\n${out}`)));
  });
  return { process: child, pid: child.pid!, url, exited, output: () => out };
}

/** Forks a TypeScript module with an IPC channel (the client load generators). */
export function forkTs(entry: string, args: string[] = []): ChildProcess {
  return track(fork(path.join(ROOT, entry), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

const CLK_TCK = 100; // Linux USER_HZ; /proc/<pid>/stat counts CPU time in these ticks

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may contain spaces; the fields after its closing parenthesis are fixed.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / CLK_TCK;
}

/** Resident set size now and at its peak (VmHWM), in MiB. */
export function memory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

/** Samples a process during a window: CPU share of one core and the highest RSS seen. */
export class ProcessSampler {
  private cpu0 = 0;
  private t0 = 0;
  private maxRss = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pid: number) {}

  start(): void {
    this.cpu0 = cpuSeconds(this.pid);
    this.t0 = performance.now();
    this.maxRss = memory(this.pid).rssMiB;
    this.timer = setInterval(() => {
      try {
        this.maxRss = Math.max(this.maxRss, memory(this.pid).rssMiB);
      } catch {
        /* process gone */
      }
    }, 100);
  }

  stop(): { cpuPercent: number; peakRssMiB: number } {
    if (this.timer) clearInterval(this.timer);
    const secs = (performance.now() - this.t0) / 1000;
    const cpu = cpuSeconds(this.pid) - this.cpu0;
    this.maxRss = Math.max(this.maxRss, memory(this.pid).rssMiB);
    return { cpuPercent: round((100 * cpu) / secs, 0), peakRssMiB: round(this.maxRss, 1) };
  }
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
