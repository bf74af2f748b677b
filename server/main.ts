// `npm start`: serve Målkart until SIGTERM/SIGINT, then flush every board and close sockets with 1012.
import { startServer } from './app';

const running = await startServer();
console.log(`Målkart is running at ${running.url}  (data in ${process.env.DATA_DIR ?? './data'})`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: saving every open board and closing connections…`);
    running.close().then(
      () => process.exit(0),
      (err) => {
        console.error('shutdown failed', err);
        process.exit(1);
      },
    );
  });
}
