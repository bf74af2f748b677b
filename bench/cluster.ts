// Cluster (STORE=postgres, #18): two instances of ours on one Postgres. Edit latency for a pair of
// clients on the board's owner against a pair on the other instance, whose sockets are forwarded to
// the owner (the proxy hop, each way); then the owner is SIGKILLed and the failover time measured:
// from the kill to the first edit accepted again (seen by another client), with LEASE_MS as given.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectBenchClient, type BenchClient } from './clients/connect';
import { sleep } from './lib/proc';
import { percentiles, type Percentiles } from './lib/stats';
import { startBenchServer, removeDataDir, type BenchServer } from './servers/index';
import { createNode } from '../shared';

/** One real edit (a card), as the server's update guard accepts it; its id, or null. */
function addCard(c: BenchClient, title: string): string | null {
  const r = createNode(c.doc, { kind: 'goal', tier: 'kommuneplan', title }, 'bench');
  return r.ok ? r.id : null;
}

export interface ClusterResult {
  leaseMs: number;
  edits: number;
  /** Sender and receiver both connected to the owner. */
  direct: Percentiles;
  /** Sender and receiver both on the other instance: every frame crosses the hop twice (in and out). */
  proxied: Percentiles;
  /** SIGKILL of the owner → first edit stored and seen again, through the surviving instance. */
  failoverMs: number;
}

/**
 * Sends `n` edits on each path, alternating (so a busy moment of the machine falls on both alike),
 * one every `gapMs`, and times each from the sender's edit until the path's receiver has it.
 */
async function editLatencies(paths: [BenchClient, BenchClient][], n: number, gapMs: number): Promise<number[][]> {
  const sentAt = new Map<string, [number, number]>();
  const took: number[][] = paths.map(() => []);
  const observers = paths.map(([, to], p) => {
    const fn = (e: { keysChanged: Set<string> }) => {
      for (const k of e.keysChanged) {
        const s = sentAt.get(k);
        if (s && s[1] === p) {
          took[p]!.push(performance.now() - s[0]);
          sentAt.delete(k);
        }
      }
    };
    to.doc.getMap('nodes').observe(fn);
    return () => to.doc.getMap('nodes').unobserve(fn);
  });
  for (let i = 0; i < n; i++) {
    for (const [p, [from]] of paths.entries()) {
      const t = performance.now();
      const id = addCard(from, `e${i}`);
      if (id) sentAt.set(id, [t, p]);
      await sleep(gapMs);
    }
  }
  for (let i = 0; i < 200 && sentAt.size; i++) await sleep(25);
  observers.forEach((off) => off());
  return took;
}

export async function runCluster(o: { edits: number; leaseMs: number; databaseUrl: string }): Promise<ClusterResult> {
  const schema = `malkart_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: o.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(o.databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const env = { STORE: 'postgres', DATABASE_URL: url.toString(), LEASE_MS: String(o.leaseMs), UNLOAD_DELAY_MS: '600000' };
  const servers: BenchServer[] = [];
  const clients: BenchClient[] = [];
  try {
    servers.push(await startBenchServer('ours', { env }), await startBenchServer('ours', { env }));
    const [owner, other] = servers as [BenchServer, BenchServer];
    const onOwner = await owner.newBoard();
    const first = connectBenchClient(onOwner);
    clients.push(first);
    await first.synced; // the owner is the instance the first client reached
    const viaOther = { ...onOwner, wsUrl: onOwner.wsUrl.replace(owner.url.replace(/^http/, 'ws'), other.url.replace(/^http/, 'ws')) };
    const [second, p1, p2] = [connectBenchClient(onOwner), connectBenchClient(viaOther), connectBenchClient(viaOther)];
    clients.push(second, p1, p2);
    await Promise.all(clients.map((c) => c.synced));
    await editLatencies([[first, second], [p1, p2]], 30, 20); // warm-up: JIT, pools, Postgres caches
    const [direct, proxied] = await editLatencies([[first, second], [p1, p2]], o.edits, 20);

    // Failover: the clients on the other instance keep editing; kill the owner.
    const afterKill = new Set<string>();
    let killedAt = Infinity;
    let backAt = 0;
    p2.doc.getMap('nodes').observe((e) => {
      for (const k of e.keysChanged) if (afterKill.has(k) && !backAt) backAt = performance.now();
    });
    const editing = setInterval(() => {
      const id = addCard(p1, 'failover');
      if (id && performance.now() >= killedAt) afterKill.add(id);
    }, 20);
    await sleep(300);
    killedAt = performance.now();
    await owner.kill();
    for (let i = 0; i < 1200 && !backAt; i++) await sleep(25);
    clearInterval(editing);
    if (!backAt) throw new Error(`no edit was accepted after the owner was killed\n${other.output().slice(-4000)}`);
    return { leaseMs: o.leaseMs, edits: o.edits, direct: percentiles(direct!), proxied: percentiles(proxied!), failoverMs: Math.round(backAt - killedAt) };
  } finally {
    clients.forEach((c) => c.destroy());
    for (const s of servers) {
      await s.kill();
      if (process.env.BENCH_KEEP) console.error(s.dataDir); else removeDataDir(s.dataDir);
    }
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
