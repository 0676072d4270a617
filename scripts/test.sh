#!/usr/bin/env bash
# `pnpm test`: every test, against real parts. Starts a separate Neo4j for tests (its own data
# folder and port, so a test run never touches the graph you explore), makes sure Debian's
# Chromium is there for the browser tests, builds the explorer, runs Vitest, and stops only
# what it started. Extra arguments go to Vitest (e.g. `pnpm test packages/ingest`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

# Tests reset the database they use: never point them at a server of the user's by accident.
unset NEO4J_URI NEO4J_USER NEO4J_DATABASE
export NEO4J_BOLT_PORT="${HOTLINE_TEST_BOLT_PORT:-7688}"
export NEO4J_HOME_DIR="$ROOT/.neo4j/test-home"
export NEO4J_PASSWORD="${HOTLINE_TEST_NEO4J_PASSWORD:-hotline-test-password}"
if [ -n "${HOTLINE_TEST_NEO4J_URI:-}" ]; then export NEO4J_URI="$HOTLINE_TEST_NEO4J_URI"; fi

started=0
cleanup() {
  # Quietly: Vitest's summary stays the last thing printed.
  if [ "$started" = 1 ]; then bash scripts/neo4j/neo4j.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT INT TERM

if [ -z "${NEO4J_URI:-}" ] && ! bash scripts/neo4j/neo4j.sh status >/dev/null 2>&1; then
  bash scripts/neo4j/neo4j.sh start
  started=1
fi

if [ ! -x /usr/bin/chromium ]; then
  bash scripts/install-chromium.sh
fi

pnpm --filter @hotline/web build >/dev/null

pnpm exec vitest run "$@"
