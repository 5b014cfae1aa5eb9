#!/usr/bin/env bash
# Installs Debian's Neovim for the editor-recipe tests (test/lsp/neovim.test.ts), which start the
# real editor headless with the README's recipe for the installed version. A second run returns at
# once. Without apt-get or root, it prints why on stderr and exits 3, and the test is skipped.
set -euo pipefail
log() { printf '[install-neovim] %s\n' "$*" >&2; }
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  log "nvim is not installed and apt-get as root is not available here"
  exit 3
fi
log "installing Debian's neovim (needs root)"
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim >&2
