// Issue #12, findings 4 and 7: before/after figures for connection hardening. Not part of
// `npm run bench`; run by hand against a checkout: `npx tsx bench/hardenConn.ts [root]` (root: the
// checkout whose server/main.ts runs, in a child process; default this one).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { EXAMPLE_BOARD } from '../shared/examples';
import { applyBoardJson, moveNodes, parseBoardJson } from '../shared';

const root = path.resolve(process.argv[2] ?? '.');
const MiB = 1024 * 1024;

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}
const awarenessFrame = (clientId: number, clock: number, state: unknown) =>
  frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, frame((i) => {
      encoding.writeVarUint(i, 1);
      encoding.writeVarUint(i, clientId);
      encoding.writeVarUint(i, clock);
      encoding.writeVarString(i, JSON.stringify(state));
    }));
  });
const updateFrame = (u: Uint8Array) => frame((e) => {
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, u);
});

async function startServer(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'malkart-hc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: path.join(dataDir, 'none'), CREATE_LIMIT: '0', UPGRADE_LIMIT: '0', MAX_MESSAGE_BYTES: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.once('exit', () => reject(new Error(out)));
  });
  return { url, ws: url.replace(/^http/, 'ws') + '/ws', stop: () => { child.kill('SIGKILL'); rmSync(dataDir, { recursive: true, force: true }); } };
}

async function createBoard(url: string, body: unknown) {
  const res = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; tokens: { editor: string; viewer: string } };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

function open(url: string, onMessage?: (d: Buffer) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { maxPayload: 1024 * MiB });
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
    if (onMessage) ws.on('message', onMessage);
  });
}

/** Polls /healthz every 5 ms while `run` runs: the longest answer is how long the server was blocked. */
async function blockedWhile(url: string, run: () => Promise<void>): Promise<number> {
  let max = 0;
  let going = true;
  const poll = (async () => {
    while (going) {
      const t = performance.now();
      await fetch(`${url}/healthz`).catch(() => undefined);
      max = Math.max(max, performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await run();
  going = false;
  await poll;
  return max;
}

/** A board of `cards` cards with ~`chars` characters of description each, as interchange JSON. */
function bigBoard(cards: number, chars: number) {
  const nodes = Array.from({ length: cards }, (_, i) => ({
    id: `c${i}`, kind: 'goal', tier: 'kommuneplan', owner: 'kommune', title: `Mål ${i}: flere i arbeid og aktivitet`,
    description: 'Kommunen og NAV samarbeider om tiltak for inkludering. '.repeat(Math.ceil(chars / 56)).slice(0, chars),
    position: { x: (i % 100) * 300, y: Math.floor(i / 100) * 200 },
  }));
  return { format: 'malkart.board', version: 1, meta: { title: 'Stor tavle', language: 'nb' }, nodes, edges: [] };
}

async function main() {
  const only = process.argv[3];
  console.log(`server: ${root}`);
  // Sizes that decide MAX_MESSAGE_BYTES and MAX_BOARD_BYTES.
  const sizeOf = (json: unknown) => {
    const doc = new Y.Doc();
    const parsed = parseBoardJson(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors[0]));
    applyBoardJson(doc, parsed.board, 'x');
    return doc;
  };
  const example = sizeOf(EXAMPLE_BOARD);
  const big = sizeOf(bigBoard(5000, 200));
  let moveAll = 0;
  big.on('update', (u: Uint8Array) => (moveAll = u.byteLength));
  moveNodes(big, Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`c${i}`, { x: i * 7, y: i * 3 }])), 'x');
  console.log(`sizes: example board state ${Y.encodeStateAsUpdate(example).byteLength} B; 5,000-card board state ${(Y.encodeStateAsUpdate(big).byteLength / MiB).toFixed(2)} MiB; moving all 5,000 cards, one update of ${(moveAll / 1024).toFixed(0)} KiB`);

  // 1. 20,000 cursor updates into a room of 50.
  if (!only || only === '1') {
    const s = await startServer();
    const b = await createBoard(s.url, { title: 'Flom' });
    const url = `${s.ws}/${b.id}?token=${b.tokens.editor}`;
    const room = await Promise.all(Array.from({ length: 50 }, () => open(url, () => undefined)));
    const flooder = await open(url);
    const cpu0 = await metric(s.url, 'process_cpu_seconds_total');
    const blocked = await blockedWhile(s.url, async () => {
      for (let c = 1; c <= 20_000; c++) flooder.send(awarenessFrame(31337, c, { user: { name: 'Flom', color: '#101010' }, cursor: { x: c, y: c } }));
      // Done when the server answers a query sent after the flood on the same connection.
      await new Promise<void>((resolve) => {
        flooder.on('message', (d: Buffer) => d[0] === 1 && resolve());
        flooder.send(new Uint8Array([3]));
      });
    });
    const cpu = (await metric(s.url, 'process_cpu_seconds_total')) - cpu0;
    const lag = await metric(s.url, 'nodejs_eventloop_lag_max_seconds');
    console.log(`cursor flood (20,000 into a room of 50): server event loop's longest stall ${(lag * 1000).toFixed(0)} ms; server CPU ${cpu.toFixed(2)} s; longest /healthz wait seen by the (busy) client ${blocked.toFixed(0)} ms`);
    for (const w of room) w.terminate();
    flooder.terminate();
    s.stop();
  }

  // 2. Fifty sync step 1 requests on a ~3.4 MiB board.
  if (!only || only === '2') {
    const s = await startServer();
    const b = await createBoard(s.url, { board: bigBoard(5000, 700) });
    let bytes = 0;
    let step2 = 0;
    const ws = await open(`${s.ws}/${b.id}?token=${b.tokens.viewer}`, (d) => {
      bytes += d.byteLength;
      if (d[0] === 0 && d[1] === 1) step2++;
    });
    await new Promise((r) => setTimeout(r, 1000));
    bytes = 0;
    step2 = 0;
    for (let i = 0; i < 50; i++) ws.send(new Uint8Array([0, 0, 1, 0]));
    let closedWith = 0;
    await new Promise<void>((resolve) => {
      ws.on('message', (d: Buffer) => d[0] === 1 && resolve());
      ws.on('close', (code) => {
        closedWith = code;
        resolve();
      });
      ws.send(new Uint8Array([3]));
    });
    if (closedWith) console.log(`(connection closed with ${closedWith})`);
    console.log(`fifty sync step 1 (empty state vector): ${step2} answers of ${(bytes / Math.max(1, step2) / MiB).toFixed(2)} MiB, ${(bytes / MiB).toFixed(1)} MiB sent`);
    ws.terminate();
    s.stop();
  }

  // 3. One 31.5 MiB update of many small, unmergeable items.
  if (!only || only === '3') {
    const s = await startServer();
    const b = await createBoard(s.url, { title: 'Stor oppdatering' });
    const doc = new Y.Doc();
    const m = doc.getMap('junk');
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.transact(() => {
      for (let i = 0; i < 420_000; i++) m.set(`k${i}`, 'x'.repeat(60));
    });
    const u = update!;
    const rss0 = await metric(s.url, 'process_resident_memory_bytes');
    const ws = await open(`${s.ws}/${b.id}?token=${b.tokens.editor}`, () => undefined);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send(updateFrame(u));
    const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 20_000))]);
    const rss = await metric(s.url, 'process_resident_memory_bytes');
    console.log(`one ${(u.byteLength / MiB).toFixed(1)} MiB update: closed ${code || 'no'}; server RSS ${(rss0 / MiB).toFixed(0)} → ${(rss / MiB).toFixed(0)} MiB (+${((rss - rss0) / MiB).toFixed(0)} MiB)`);
    ws.terminate();
    s.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
