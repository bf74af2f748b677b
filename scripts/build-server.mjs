// Builds the server ahead into plain JavaScript (dist/server), so `npm start` runs node on it:
// no TypeScript compiler at start, no dev dependency at run time, a restart in a fraction of a
// second. npm packages stay external (resolved from node_modules at run time, native ones too);
// our own modules (server/ and shared/) are bundled into one file per entry:
//   main.js          the server (`node dist/server/main.js`)
//   renderWorker.js  the export worker thread RenderPool starts beside main.js
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = 'dist/server';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'server/main.ts', renderWorker: 'server/export/renderWorker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
