// Builds the server ahead into plain JavaScript (dist/server), so `npm start` runs node on it:
// no TypeScript compiler at start, no dev dependency at run time, a restart in a fraction of a
// second. npm packages stay external (resolved from node_modules at run time, native ones too);
// our own modules (server/ and shared/) are bundled into one file per entry:
//   main.js          the server (`node dist/server/main.js`)
//   renderWorker.js  the export worker thread RenderPool starts beside main.js
//   migrateStore.js  `npm run migrate-store` (SQLite → PostgreSQL)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = 'dist/server';
const EXTERNAL = ['better-sqlite3', '@resvg/resvg-js', 'bufferutil', 'utf-8-validate'];
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'server/main.ts', renderWorker: 'server/export/renderWorker.ts', migrateStore: 'server/tools/migrateStoreCli.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // Bundled too: loading one file is much faster than resolving and reading hundreds of small
  // ones (express alone is ~60 files). Left outside: native addons and what loads files beside itself.
  external: EXTERNAL,
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __malkartRequire } from 'node:module'; const require = __malkartRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
