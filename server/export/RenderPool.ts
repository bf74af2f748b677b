// Renders DOCX and PNG exports on worker threads, so a large export never stalls the event loop
// that relays every board's edits. Workers start on the first job and stay for the next one; at
// most `maxQueue` jobs wait for a free worker, and a job that runs past `timeoutMs` stops its worker.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderReply, RenderRequest } from './renderJob';

/** The queue is full: the caller should try again shortly (HTTP 503). */
export class RenderBusyError extends Error {}
/** The job threw, its worker crashed, or it took too long (HTTP 500). */
export class RenderFailedError extends Error {}
/** The pool was closed (the server is shutting down) before the job was done. */
export class RenderClosedError extends Error {}
/** The caller gave up on the job (its request was closed), so it was dropped or stopped. */
export class RenderCancelledError extends Error {}

export interface RenderPoolOptions {
  /** Worker threads at most (at least 1). */
  size: number;
  /** Jobs that may wait for a free worker; one more is refused with RenderBusyError. */
  maxQueue?: number;
  /** A job running longer than this fails and its worker is stopped and replaced. */
  timeoutMs?: number;
  /** The worker entry; tests pass one that can be made to crash or hang. */
  workerUrl?: URL;
}

// Built (`npm start` runs dist/server/main.js, plain JavaScript) the worker is the sibling file
// dist/server/renderWorker.js and starts as it is (scripts/build-server.mjs).
// From the sources (vitest, the bench, `npm run dev`) workers run TypeScript. On Node 20 a Worker
// ignored loader hooks given as `execArgv: ['--import', 'tsx']` (nodejs/node#47747, tsx#354), so
// such a worker starts from a one-line script that registers tsx's ESM hooks with its documented
// API (`tsx/esm/api`) and then imports the entry. tsx is resolved then, to a file URL, so that it
// does not depend on the directory the server was started from (and is not needed when built).
const BUILT = import.meta.url.endsWith('.js');
function tsxApi(): string {
  // The ESM build, as tsx's exports map names it: require.resolve would pick the CJS one.
  const pkgJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(pkgJson), pkg.exports['./esm/api']!.import.default)).href;
}
let TSX_API: string | null = null;
const bootstrap = (entry: URL) =>
  entry.pathname.endsWith('.ts')
    ? `import(${JSON.stringify((TSX_API ??= tsxApi()))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`
    : `import(${JSON.stringify(entry.href)});`;

interface Pending {
  id: number;
  job: RenderJob;
  resolve(bytes: Buffer): void;
  reject(err: Error): void;
}
interface Slot {
  worker: Worker;
  /** The worker has loaded its modules and listens (its first start takes about a second). */
  ready: boolean;
  current: Pending | null;
  timer?: NodeJS.Timeout;
}

export class RenderPool {
  private readonly size: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly workerUrl: URL;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: RenderPoolOptions) {
    this.size = Math.max(1, Math.floor(opts.size));
    this.maxQueue = opts.maxQueue ?? 32;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.workerUrl = opts.workerUrl ?? new URL(BUILT ? './renderWorker.js' : './renderWorker.ts', import.meta.url);
  }

  /** Jobs being rendered now. */
  get running(): number {
    return [...this.slots].filter((s) => s.current).length;
  }
  /** Jobs waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }
  /** Counts since start, for /metrics: jobs past their time limit, workers that crashed, jobs refused (queue full). */
  readonly stats = { timeouts: 0, crashes: 0, refused: 0 };
  /** The settings, for /metrics. */
  get limits(): { size: number; maxQueue: number; timeoutMs: number } {
    return { size: this.size, maxQueue: this.maxQueue, timeoutMs: this.timeoutMs };
  }
  /** Worker threads alive or starting (0 until the first job). */
  get workers(): number {
    return this.slots.size;
  }

  /** Renders `job` on a worker. Aborting `signal` drops the job if it waits, or stops its worker if it runs. */
  run(job: RenderJob, signal?: AbortSignal): Promise<Buffer> {
    if (this.closed) return Promise.reject(new RenderClosedError('the server is shutting down'));
    if (this.running + this.queue.length >= this.size + this.maxQueue) {
      this.stats.refused++;
      return Promise.reject(new RenderBusyError(`${this.queue.length} exports are already waiting`));
    }
    return new Promise<Buffer>((resolve, reject) => {
      const p: Pending = { id: this.nextId++, job, resolve, reject };
      if (signal) {
        const cancel = () => this.cancel(p);
        signal.addEventListener('abort', cancel, { once: true });
        p.resolve = (bytes) => (signal.removeEventListener('abort', cancel), resolve(bytes));
        p.reject = (err) => (signal.removeEventListener('abort', cancel), reject(err));
      }
      this.queue.push(p);
      this.dispatch();
    });
  }

  /** Fails what is queued or running and stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const err = new RenderClosedError('the server is shutting down');
    for (const p of this.queue.splice(0)) p.reject(err);
    await Promise.all([...this.slots].map((slot) => this.retire(slot, err)));
  }

  private cancel(p: Pending): void {
    const err = new RenderCancelledError('the export was cancelled');
    const waiting = this.queue.indexOf(p);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      return p.reject(err);
    }
    const slot = [...this.slots].find((s) => s.current === p);
    if (slot) void this.retire(slot, err);
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.ready && !slot.current) this.start(slot, this.queue.shift()!);
    }
    // Jobs still waiting while workers are starting: start more, up to the size.
    const starting = [...this.slots].filter((s) => !s.ready).length;
    for (let i = starting; i < this.queue.length && this.slots.size < this.size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(bootstrap(this.workerUrl), { eval: true, execArgv: [] });
    const slot: Slot = { worker, ready: false, current: null };
    worker.on('message', (msg: RenderReply | 'ready') => {
      if (msg === 'ready') {
        slot.ready = true;
        worker.unref();
        return this.dispatch();
      }
      const p = slot.current;
      if (!p || p.id !== msg.id) return;
      this.finish(slot);
      if (msg.ok) p.resolve(Buffer.from(msg.bytes));
      else p.reject(new RenderFailedError(msg.message));
      this.dispatch();
    });
    worker.on('error', (err) => {
      if (this.slots.has(slot)) this.stats.crashes++;
      void this.retire(slot, `the render worker crashed: ${err.message}`);
    });
    worker.on('exit', (code) => {
      if (this.slots.has(slot)) this.stats.crashes++;
      void this.retire(slot, `the render worker stopped with exit code ${code}`);
    });
    this.slots.add(slot);
  }

  private start(slot: Slot, p: Pending): void {
    slot.current = p;
    // Only a worker with a job keeps the process alive; an idle pool never holds up an exit.
    slot.worker.ref();
    slot.timer = setTimeout(() => (this.stats.timeouts++, void this.retire(slot, `it took longer than ${Math.round(this.timeoutMs / 1000)} s`)), this.timeoutMs);
    try {
      slot.worker.postMessage({ id: p.id, job: p.job } satisfies RenderRequest);
    } catch (err) {
      this.finish(slot);
      p.reject(new RenderFailedError(`the job could not be sent to the render worker: ${(err as Error).message}`));
    }
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.current = null;
    slot.worker.unref();
  }

  /**
   * Drops a worker that crashed, hung or is no longer wanted: its job fails and waiting jobs get a
   * new worker. A worker that dies while starting fails the oldest waiting job, so a worker that
   * cannot start costs each job one attempt instead of restarting forever.
   */
  private async retire(slot: Slot, why: string | Error): Promise<void> {
    if (!this.slots.delete(slot)) return;
    const p = slot.current ?? (slot.ready ? null : this.queue.shift() ?? null);
    this.finish(slot);
    p?.reject(typeof why === 'string' ? new RenderFailedError(why) : why);
    this.dispatch();
    await slot.worker.terminate();
  }
}
