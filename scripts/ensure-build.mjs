// `npm start`: build what is missing or older than its sources, the client (vite) and the server
// (scripts/build-server.mjs), then `npm start` runs dist/server/main.js. In a production install
// (npm ci --omit=dev on a built release, see scripts/release.sh) the sources are not there and
// dist/ is used as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(...paths) {
  let t = 0;
  for (const p of paths) {
    const s = statSync(p);
    if (!s.isDirectory()) t = Math.max(t, s.mtimeMs);
    else for (const entry of readdirSync(p)) t = Math.max(t, newest(path.join(p, entry)));
  }
  return t;
}
const stale = (output, sources) => !existsSync(output) || statSync(output).mtimeMs < newest(...sources);
const haveSources = existsSync('client') && existsSync('server') && existsSync('shared');

if (!haveSources) {
  for (const f of ['dist/client/index.html', 'dist/server/main.js']) {
    if (!existsSync(f)) {
      console.error(`${f} is missing and there are no sources to build it from (build the release with scripts/release.sh).`);
      process.exit(1);
    }
  }
} else {
  if (stale('dist/client/index.html', ['client', 'shared', 'vite.config.ts'])) {
    console.log('Building the client (vite build)…');
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  if (stale('dist/server/main.js', ['server', 'shared', 'scripts/build-server.mjs', 'package-lock.json'])) {
    console.log('Building the server (esbuild)…');
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  }
}
