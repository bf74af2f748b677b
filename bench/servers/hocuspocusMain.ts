// The peer: @hocuspocus/server with its SQLite extension on a file, default settings (2 s store
// debounce). DATA_DIR holds the file. Run as a child process.
import path from 'node:path';
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const dataDir = process.env.DATA_DIR ?? '.';
const server = new Server({
  // PORT/HOST when given (the restart measurement restarts it on the same port), else any free port.
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: [new SQLite({ database: path.join(dataDir, 'hocuspocus.sqlite') })],
});
await server.listen();
console.log(`hocuspocus running at http://${process.env.HOST ?? '127.0.0.1'}:${server.address.port}`);
