#!/usr/bin/env bash
# Installs a real VS Code for the end-to-end tests: code-server (VS Code's workbench and Node
# extension host) with the Node it requires, from the npm registry, into a cache outside the
# repository (VSCODE_E2E_CACHE, default ~/.cache/vscode-e2e). Also installs Debian's Chromium, which
# drives the workbench. A second run returns at once; a partial install is redone. Prints the
# install folder on its last line. See ../shared/guides/real-vscode.md for why each step exists.
set -euo pipefail
CS_VERSION="${CS_VERSION:-4.139.1}"          # code-server 4.139.1 is VS Code 1.139.1.
NODE_VERSION="${CS_NODE_VERSION:-24.21.0}"   # code-server 4.139 runs only on Node 24.
CACHE="${VSCODE_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vscode-e2e}"
DIR="$CACHE/code-server-$CS_VERSION-node$NODE_VERSION"
STAMP="$DIR/.complete"
log() { printf '[install-code-server] %s\n' "$*" >&2; }

install_debian_packages() {
  local missing=()
  for package in libkrb5-dev chromium; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]} (needs root)"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  fi
}

install_debian_packages
if [ -f "$STAMP" ]; then
  log "cached: $DIR"
  echo "$DIR"
  exit 0
fi
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
if [ -f "$STAMP" ]; then
  echo "$DIR"
  exit 0
fi
log "installing code-server $CS_VERSION with Node $NODE_VERSION into $DIR (about 4 minutes, once)"
rm -rf "$DIR"
mkdir -p "$DIR"
SECONDS=0
cd "$DIR"
printf '{"name":"code-server-cache","private":true}\n' > package.json
# The npm package `node` ships the Node binary itself.
npm install --no-audit --no-fund "node@$NODE_VERSION" >&2
export PATH="$DIR/node_modules/.bin:$PATH"
[ "$(node -v)" = "v$NODE_VERSION" ] || { log "wrong node: $(node -v)"; exit 1; }
npm install --no-audit --no-fund --ignore-scripts "code-server@$CS_VERSION" >&2
# npm leaves this bin without its run bit, and argon2's build calls it.
chmod +x node_modules/cross-env/dist/bin/*.js
(cd node_modules/argon2 && npx --no-install node-gyp-build) >&2
# code-server's postinstall compiles VS Code's native modules; it reads Node and npm from the user agent.
(cd node_modules/code-server && npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" sh ./postinstall.sh) >&2
node node_modules/code-server/out/node/entry.js --version >&2
touch "$STAMP"
log "done in ${SECONDS}s"
echo "$DIR"
