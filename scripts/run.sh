#!/usr/bin/env bash
# Entry point of the npm scripts (start, stop, reset, deploy, test, bench:*). On a fresh clone it
# installs the npm dependencies and compiles the TypeScript, then runs dist/scripts/<command>.js,
# which installs Fabric, Fabric CA and FerretDB itself when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

command="${1:?usage: scripts/run.sh <command> [args...]}"
shift

node_major_minor=$(node -p 'process.versions.node.split(".").slice(0,2).join(".")')
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "traceledger needs Node.js 20.19 or newer; this is $node_major_minor" >&2
  exit 1
fi
if ! command -v go >/dev/null 2>&1; then
  echo "traceledger builds Fabric and FerretDB with Go (1.26 or newer), and 'go' is not on PATH" >&2
  exit 1
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
# Browser tests drive Debian's Chromium (no browser download from the test tool).
if [ "$command" = "test" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[setup] installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "[setup] /usr/bin/chromium is missing and cannot be installed without root: browser tests will fail (apt-get install chromium)" >&2
  fi
fi
echo "[setup] compiling TypeScript"
npx tsc -p tsconfig.json

exec node "dist/scripts/${command}.js" "$@"
