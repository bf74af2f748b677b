// Builds the server ahead into plain JavaScript (dist/server), so `npm start` runs node on it:
// no TypeScript compiler at start, no dev dependency at run time, a restart in a fraction of a
// second. npm packages stay external (resolved from node_modules at run time, native ones too);
// our own modules (server/ and shared/) are bundled into one file per entry:
//   main.js          the server (`node dist/server/main.js`): switches on Node's compile cache,
//                    then loads the server (server/serve.ts), a chunk of its own
//   renderWorker.js  the export worker thread RenderPool starts beside main.js
//   migrateStore.js  `npm run migrate-store` (SQLite → PostgreSQL)
// Code splitting keeps what only exports need (docx, PNG) in chunks the server loads when an
// export first runs in-process, and lets main.js load the server only after the cache is on.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = 'dist/server';

// An ESM `import … from 'node:http'` makes Node build the module's ESM facade, which reads every
// export — among them http.WebSocket, a getter that loads Node's bundled undici: ~90 ms of CPU at
// each start for a WebSocket class we never use. Our modules take node:http through require()
// (the banner's), which reads only what it is asked for.
const httpThroughRequire = {
  name: 'node-http-through-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?http$/ }, (args) => (args.kind === 'import-statement' ? { path: 'node:http', namespace: 'http-through-require' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'http-through-require' }, () => ({ contents: "module.exports = require('node:http');", loader: 'js' }));
  },
};
const EXTERNAL = ['better-sqlite3', '@resvg/resvg-js', 'bufferutil', 'utf-8-validate'];
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'server/main.ts', renderWorker: 'server/export/renderWorker.ts', migrateStore: 'server/tools/migrateStoreCli.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  target: 'node24',
  // Bundled too: loading one file is much faster than resolving and reading hundreds of small
  // ones (express alone is ~60 files). Left outside: native addons and what loads files beside itself.
  external: EXTERNAL,
  plugins: [httpThroughRequire],
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __malkartRequire } from 'node:module'; const require = __malkartRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
