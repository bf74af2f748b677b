// A client load generator, run as its own process (bench/latency.ts forks one per core): it
// connects its share of the clients, and on "start" each client edits at the set rate. Every
// client observes the others' edits and records edit-to-here latency from the send time each
// edit carries (one machine, one clock: performance.timeOrigin + now()).
import * as Y from 'yjs';
import { connectBenchClient, type BenchClient } from './connect';
import { benchEdit, stampClient, stampMap } from '../lib/boards';
import { seeded } from '../../shared/seeded';
import type { BoardTarget } from '../servers/index';

export interface WorkerClient {
  target: BoardTarget;
  key: string;
}
export type ToWorker =
  | { type: 'init'; clients: WorkerClient[]; seed: string; rate: number; cursors: boolean }
  | { type: 'start'; at: number; durationMs: number; drainMs: number }
  | { type: 'close' };
export type FromWorker =
  | { type: 'ready'; syncMs: number[] }
  | { type: 'result'; sent: number; received: number; latencies: number[]; windowMs: number };

const now = () => performance.timeOrigin + performance.now();
const send = (m: FromWorker) => process.send!(m);

let clients: { c: BenchClient; key: string }[] = [];
let rate = 1;
let cursors = true;
let collecting = false;
let startAt = Infinity;
let sent = 0;
let received = 0;
const latencies: number[] = [];

async function init(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  rate = msg.rate;
  cursors = msg.cursors;
  const seed = new Uint8Array(Buffer.from(msg.seed, 'base64'));
  const syncMs: number[] = [];
  // Connect a few at a time, as people join a workshop: not all in the same millisecond.
  const queue = [...msg.clients];
  const connectOne = async (wc: WorkerClient) => {
    const doc = new Y.Doc();
    // Ours imports the example at creation; the others start from the same content via the seed.
    if (wc.target.kind !== 'ours') Y.applyUpdate(doc, seed);
    const t0 = now();
    const c = connectBenchClient(wc.target, doc);
    c.awareness.setLocalState({ user: { name: wc.key } });
    await c.synced;
    syncMs.push(now() - t0);
    const stamps = stampMap(doc);
    stamps.observe((ev, tr) => {
      if (tr.local || !collecting) return;
      const t = now();
      for (const k of ev.keysChanged) {
        const from = stampClient(k);
        if (from === null || from === wc.key) continue;
        const v = stamps.get(k)?.value;
        if (v !== undefined && v >= startAt) {
          latencies.push(t - v);
          received++;
        }
      }
    });
    clients.push({ c, key: wc.key });
  };
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let wc = queue.shift(); wc; wc = queue.shift()) await connectOne(wc);
  }));
  send({ type: 'ready', syncMs });
}

function start(msg: Extract<ToWorker, { type: 'start' }>): void {
  const period = 1000 / rate;
  const endAt = msg.at + msg.durationMs;
  startAt = msg.at;
  collecting = true;
  clients.forEach(({ c, key }, i) => {
    const rand = seeded(i * 7919 + process.pid);
    const tick = () => {
      const t = now();
      if (t >= endAt) return;
      benchEdit(c.doc, key, rand, t);
      sent++;
      if (cursors) c.awareness.setLocalStateField('cursor', { x: Math.round(rand() * 2000), y: Math.round(rand() * 1200) });
      setTimeout(tick, period);
    };
    // Spread the clients over one period, then each edits once a period (late when the CPU is short).
    setTimeout(tick, Math.max(0, msg.at - now()) + rand() * period);
  });
  setTimeout(() => {
    collecting = false;
    send({ type: 'result', sent, received, latencies, windowMs: msg.durationMs });
  }, Math.max(0, endAt - now()) + msg.drainMs);
}

process.on('message', (msg: ToWorker) => {
  if (msg.type === 'init') void init(msg);
  else if (msg.type === 'start') start(msg);
  else {
    for (const { c } of clients) c.destroy();
    clients = [];
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
