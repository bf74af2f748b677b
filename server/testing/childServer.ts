// Runs `server/main.ts` as a child process, as `npm start` would, so a test can kill it for real.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildServer {
  url: string;
  wsUrl: string;
  process: ChildProcess;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string | null>;
}

/** `startTimeoutMs`: how long it may take to print its URL (tsx compiles at start; several at once on a busy machine take longer). */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}, startTimeoutMs = 20_000): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: path.join(dataDir, 'no-client'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before starting:\n${output}`)));
  });
  return { url, wsUrl: url.replace(/^http/, 'ws') + '/ws', process: child, exited };
}
