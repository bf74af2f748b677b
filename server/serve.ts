// The server process, loaded by main.ts: serve Målkart until SIGTERM/SIGINT, then flush every
// board and close sockets with 1012. Logs are JSON lines on stdout (server/log.ts).
import { flushCompileCache } from 'node:module';
import { format } from 'node:util';
import { startServer } from './app';

const running = await startServer();
// Node writes its compile cache (main.ts switches it on) only when the process exits normally: a
// server that is killed -9 or crashes never would, and every restart after would compile the whole
// server again. Written once the server answers, so the next start, however this one ends, finds it.
flushCompileCache?.();
const { log } = running;
// Modules that report through console.error/warn write JSON lines too, with the error's stack.
for (const level of ['error', 'warn'] as const) {
  console[level] = (...args: unknown[]) => log[level]({ err: args.find((a) => a instanceof Error) }, format(...args.filter((a) => !(a instanceof Error))));
}
const dataDir = process.env.DATA_DIR ?? './data';
log.info({ url: running.url, dataDir, node: process.version }, `Målkart is running at ${running.url} (data in ${dataDir})`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: saving every open board and closing connections…`);
    running.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.fatal({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
