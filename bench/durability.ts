// Durability: writers edit in a burst, the server is SIGKILLed mid-burst and restarted on the
// same data; every update an observer client had received before the kill must still be there.
import { connectBenchClient, type BenchClient } from './clients/connect';
import { stampMap } from './lib/boards';
import { sleep } from './lib/proc';
import { startBenchServer, removeDataDir, type ServerKind } from './servers/index';

export interface DurabilityOptions {
  writers: number;
  /** Updates per second per writer during the burst. */
  rate: number;
  /** The kill comes this long into the burst. */
  killAfterMs: number;
}

export interface DurabilityResult {
  server: ServerKind;
  sent: number;
  /** Updates the observer had received from the server before it died. */
  seenByObserver: number;
  /** Of those, updates present after the restart. */
  survived: number;
  /** Seen by a client, gone after restart: the figure that must be 0. */
  lost: number;
}

// The burst's keys are measured values of indicators ("burst-w<writer>:<n>/2026"): board content our
// update guard accepts. A root of their own would be refused (4422), and nothing would be seen or lost.
const burstKey = (name: string) => `burst-${name}/2026`;
const burstKeys = (c: BenchClient) => new Set([...stampMap(c.doc).keys()].filter((k) => k.startsWith('burst-w')));

export async function runDurability(kind: ServerKind, o: DurabilityOptions): Promise<DurabilityResult> {
  let server = await startBenchServer(kind);
  const dataDir = server.dataDir;
  const clients: BenchClient[] = [];
  try {
    const target = await server.newBoard();
    const observer = connectBenchClient(target);
    clients.push(observer);
    const writers = Array.from({ length: o.writers }, () => connectBenchClient(target));
    clients.push(...writers);
    await Promise.all(clients.map((c) => c.synced));
    // Something stored before the burst, so a restart has a board to load.
    stampMap(writers[0]!.doc).set(burstKey('before'), { value: 1 });
    await sleep(kind === 'hocuspocus' ? 2500 : 300);

    let sent = 0;
    let running = true;
    const timers = writers.map((w, i) => {
      let n = 0;
      return setInterval(() => {
        if (!running) return;
        stampMap(w.doc).set(burstKey(`w${i}:${n++}`), { value: Date.now() });
        sent++;
      }, 1000 / o.rate);
    });
    await sleep(o.killAfterMs);
    await server.kill();
    running = false;
    timers.forEach(clearInterval);
    // Whatever the server sent before it died has reached the observer once its socket closed.
    await Promise.race([observer.closed, sleep(2000)]);
    const seen = burstKeys(observer);
    // Writers must not resend their edits on reconnect: the question is what the server kept.
    for (const c of clients) c.destroy();
    clients.length = 0;

    server = await startBenchServer(kind, { dataDir });
    const fresh = connectBenchClient({ ...target, wsUrl: target.wsUrl.replace(/:\d+/, `:${new URL(server.url).port}`) });
    clients.push(fresh);
    await Promise.race([fresh.synced, sleep(10_000)]);
    const after = burstKeys(fresh);
    let survived = 0;
    for (const k of seen) if (after.has(k)) survived++;
    return { server: kind, sent, seenByObserver: seen.size, survived, lost: seen.size - survived };
  } finally {
    for (const c of clients) c.destroy();
    await server.stop();
    removeDataDir(dataDir);
  }
}
