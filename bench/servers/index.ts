// The three servers under test, each started as its own child process so its CPU and memory are
// measured apart from the clients: ours (server/main.ts), the floor (a bare y-protocols relay) and
// the peer (@hocuspocus/server + SQLite).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer, type ServerChild } from '../lib/proc';

export const SERVER_KINDS = ['ours', 'ours-normal', 'floor', 'hocuspocus'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];
/**
 * `ours-normal` is our server with SQLITE_SYNCHRONOUS=NORMAL: commits wait for the OS, not the
 * disk — still safe against kill -9 (the durability scenario shows it), not against power loss.
 * It shows how much of our latency is the disk's fsync.
 */
const OURS_ENV: Partial<Record<ServerKind, Record<string, string>>> = { 'ours-normal': { SQLITE_SYNCHRONOUS: 'NORMAL' } };

/** Where a client connects for one board, on any of the three servers. */
export interface BoardTarget {
  /** Which protocol and board setup: our server in any configuration is 'ours'. */
  kind: 'ours' | 'floor' | 'hocuspocus';
  /** y-websocket server URL (ours, floor) or Hocuspocus URL. */
  wsUrl: string;
  room: string;
  token?: string;
}

export interface BenchServer extends ServerChild {
  kind: ServerKind;
  dataDir: string;
  /** A new board (ours: created over REST, with `initial` as its content if given). */
  newBoard(initial?: unknown): Promise<BoardTarget & { ownerToken?: string }>;
  /** SIGTERM and wait: a graceful stop (ours and Hocuspocus store everything). */
  stop(): Promise<void>;
  /** SIGKILL and wait. */
  kill(): Promise<void>;
}

const ENTRIES: Record<ServerKind, string> = {
  ours: 'server/main.ts',
  'ours-normal': 'server/main.ts',
  floor: 'bench/servers/floorMain.ts',
  hocuspocus: 'bench/servers/hocuspocusMain.ts',
};

export function newDataDir(kind: string): string {
  return mkdtempSync(path.join(tmpdir(), `malkart-bench-${kind}-`));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

let roomCounter = 0;

export async function startBenchServer(
  kind: ServerKind,
  opts: { dataDir?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<BenchServer> {
  const dataDir = opts.dataDir ?? newDataDir(kind);
  // PORT 0 (any free port) unless told: a PORT in the bench's own environment must not pin the children.
  const env: Record<string, string> = { DATA_DIR: dataDir, PORT: '0', ...opts.env };
  const ours = kind === 'ours' || kind === 'ours-normal';
  // Every bench client comes from 127.0.0.1: the per-address limits on creating boards and opening
  // sockets (an attacker's flood) would refuse the 50×10 run's own boards with 429.
  if (ours) Object.assign(env, { PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: path.join(dataDir, 'no-client'), AUTO_SNAPSHOT_MS: '0', CREATE_LIMIT: '0', UPGRADE_LIMIT: '0' }, OURS_ENV[kind], opts.env);
  const child = await spawnServer(ENTRIES[kind], env, opts.nodeArgs);
  const url = child.url.replace(/\/$/, '');
  const wsBase = url.replace(/^http/, 'ws');
  const end = async (signal: NodeJS.Signals) => {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal);
    await child.exited;
  };
  return {
    ...child,
    url,
    kind,
    dataDir,
    async newBoard(initial) {
      if (!ours) return { kind: kind as 'floor' | 'hocuspocus', wsUrl: wsBase, room: `board-${process.pid}-${++roomCounter}` };
      const body = initial ? { board: initial } : { title: 'Bench' };
      const res = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
      const b = (await res.json()) as { id: string; tokens: { owner: string; editor: string } };
      return { kind: 'ours', wsUrl: `${wsBase}/ws`, room: b.id, token: b.tokens.editor, ownerToken: b.tokens.owner };
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
