#!/bin/sh
# The console's build with the machine's Node.js and npm (never a download of Node itself).
# build: install the locked packages when package-lock.json changed, then Vite builds into
#        target/classes/META-INF/resources (served at / by the Quarkus app).
# test:  vitest (the locale files' keys among them).
set -eu
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
case "${1:-build}" in
  build) npx vite build --logLevel warn ;;
  test) npx vue-tsc --noEmit -p tsconfig.json && npx vitest run ;;
  *) echo "usage: build.sh build|test" >&2; exit 2 ;;
esac
