#!/usr/bin/env bash
# CI (.ci/run): the production install works with no dev dependency. Builds a release as the
# Dockerfile does (scripts/release.sh), starts it with `npm start` from the release folder (the
# sources are not there), runs scripts/smoke.mjs against it, backs up and restores its store,
# and stops it with SIGTERM, which must exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d -t malkart-release-XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

scripts/release.sh "$work/app" >/dev/null
cd "$work/app"
for dev in tsx vite vitest typescript esbuild playwright-core @sparticuz/chromium; do
  if [ -e "node_modules/$dev" ]; then echo "release: dev dependency $dev is installed"; exit 1; fi
done
[ ! -e server ] && [ ! -e client ] || { echo "release: sources were copied"; exit 1; }

port=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
DATA_DIR="$work/data" PORT=$port HOST=127.0.0.1 npm start >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  PORT=$port node scripts/healthcheck.mjs && break
  sleep 0.2
done
PORT=$port node scripts/healthcheck.mjs || { echo "release: no /healthz"; cat "$work/server.log"; exit 1; }
node_modules/.bin/node scripts/smoke.mjs "http://127.0.0.1:$port" || { cat "$work/server.log"; exit 1; }

DATA_DIR="$work/data" npm run --silent backup -- "$work/backup.sqlite"
DATA_DIR="$work/restored" npm run --silent restore -- "$work/backup.sqlite"

kill -TERM "$server"
code=0
wait "$server" || code=$?
server=""
[ $code -eq 0 ] || { echo "release: exit code $code after SIGTERM"; cat "$work/server.log"; exit 1; }
grep -q '"msg":"stopped"' "$work/server.log" || { echo "release: no clean stop in the log"; cat "$work/server.log"; exit 1; }
echo "release: ok (npm ci --omit=dev, npm start on $(node_modules/.bin/node --version), smoke, backup, restore, SIGTERM)"
