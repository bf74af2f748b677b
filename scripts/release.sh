#!/usr/bin/env bash
# Builds a production release into <outdir>: the client and the server built ahead (dist/), the
# scripts `npm start`, `npm run backup` and `npm run restore` run, and the runtime dependencies
# only (npm ci --omit=dev: no dev dependency at run time). The Dockerfile runs this, and CI tests
# the result with scripts/test-release.sh, so every build step is tested even where no container
# can be built.
#   scripts/release.sh <outdir>      (run in a checkout whose dev dependencies are installed)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/release.sh <outdir>}

npm run build --silent
rm -rf "$out"
mkdir -p "$out/scripts"
cp package.json package-lock.json "$out/"
cp -r dist "$out/dist"
cp scripts/ensure-build.mjs scripts/backup.mjs scripts/restore.mjs scripts/healthcheck.mjs scripts/smoke.mjs "$out/scripts/"
(cd "$out" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
echo "release in $out"
