// Appends to the update log from a worker thread with its own connection to the SQLite file.
// A durable commit waits for fsync; done on the main thread it stalled every board's sync for
// that long (bench: ~40 % of the server's busy time at 40 clients, p50 latency 2–3× a bare
// relay). Here the event loop keeps relaying while the disk works, and the next group commit
// gathers whatever arrives meanwhile. WAL lets the main connection read during the write.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { LogEntry } from './BoardStorage';
import { APPEND_UPDATE_SQL, connectionPragmas, type Synchronous } from './sqliteSetup';

// Plain JavaScript run with `eval`, so it needs no TypeScript loader in the worker; its pragmas and
// statement come from sqliteSetup.ts, the same as the main connection's.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const p of workerData.pragmas) db.pragma(p);
const insert = db.prepare(workerData.appendSql);
const append = db.transaction((boards, updates) => boards.map((b, i) => Number(insert.run(b, updates[i]).lastInsertRowid)));
parentPort.on('message', (m) => {
  if (m.close) {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  try {
    parentPort.postMessage({ id: m.id, seqs: append.immediate(m.boards, m.updates) });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err), code: err && err.code });
  }
});
`;

interface Request {
  resolve(seqs: number[]): void;
  reject(err: Error): void;
}

export class LogWriter {
  private readonly worker: Worker;
  private readonly requests = new Map<number, Request>();
  private nextId = 1;
  private failed: Error | null = null;
  private closing: Promise<void> | null = null;

  constructor(file: string, synchronous: Synchronous) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, pragmas: connectionPragmas(synchronous), appendSql: APPEND_UPDATE_SQL }, execArgv: [] });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; seqs?: number[]; error?: string; code?: string }) => {
      const req = this.requests.get(m.id);
      if (!req) return;
      this.settled(m.id);
      // The SQLite code travels with the message, so a full disk is told apart from other failures.
      if (m.error !== undefined) req.reject(Object.assign(new Error(m.error), m.code ? { code: m.code } : {}));
      else req.resolve(m.seqs!);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`update-log writer stopped (exit ${code})`)));
  }

  /** True once the worker thread stopped (crashed or exited): the store replaces it. */
  get stopped(): boolean {
    return this.failed !== null && this.closing === null;
  }

  /** Resolves with each entry's sequence number once the whole batch is committed. */
  append(entries: readonly LogEntry[]): Promise<number[]> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closing) return Promise.reject(new Error('storage is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { resolve, reject });
      // Held open only while a write is pending, so an idle store never keeps the process alive.
      if (this.requests.size === 1) this.worker.ref();
      // An update is usually a view into the socket's read buffer; posting the view would copy the
      // whole buffer behind it (tens of KiB) to the thread. Copy just its bytes.
      const updates = entries.map((e) => (e.update.byteLength === e.update.buffer.byteLength ? e.update : e.update.slice()));
      this.worker.postMessage({ id, boards: entries.map((e) => e.boardId), updates });
    });
  }

  /** Waits for pending writes, then closes the worker's connection. */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      if (this.failed) return;
      await Promise.allSettled([...this.requests.keys()].map((id) => new Promise<void>((r) => this.onSettled.set(id, r))));
      const closed = new Promise<void>((resolve) => {
        this.worker.once('message', () => resolve());
        this.worker.once('exit', () => resolve());
      });
      this.worker.ref();
      this.worker.postMessage({ close: true });
      await closed;
      await this.worker.terminate();
    })());
  }

  private readonly onSettled = new Map<number, () => void>();

  private settled(id: number): void {
    this.requests.delete(id);
    this.onSettled.get(id)?.();
    this.onSettled.delete(id);
    if (this.requests.size === 0) this.worker.unref();
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    for (const [id, req] of [...this.requests]) {
      this.settled(id);
      req.reject(err);
    }
  }
}
