#!/usr/bin/env bash
# Stands in for a desktop VS Code executable when @vscode/test-electron's runTests cannot download
# one: it runs the same extension tests in code-server (see inHostRunner.ts).
here="$(cd "$(dirname "$0")" && pwd)"
exec node --import tsx "$here/inHostRunner.ts" "$@"
