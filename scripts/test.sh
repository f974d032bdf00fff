#!/usr/bin/env bash
# The whole test suite: installs what is missing, starts PostgreSQL when it is down,
# runs every package's Jest tests once (no watch mode) on SQLite and PostgreSQL, checks
# each package's committed API report against its exports, then the browser tests
# against the running app, and ends with one line
# "N passed, N failed" summed from the runners' JSON reports.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/test-results"
rm -rf "$OUT" && mkdir -p "$OUT"

./scripts/yarn.sh install --immutable >"$OUT/install.log" 2>&1 || {
  tail -40 "$OUT/install.log" >&2
  echo "ERROR: yarn install failed (full log: $OUT/install.log)" >&2
  echo "0 passed, 1 failed"
  exit 1
}
bash scripts/ensure-postgres.sh || {
  echo "0 passed, 1 failed"
  exit 1
}

# TestDatabases reads PostgreSQL from this variable; Docker does not run here.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
# CI=true keeps `backstage-cli repo test` out of watch mode.
export CI=true

node_modules/.bin/backstage-cli repo test --json --outputFile="$OUT/jest.json" "$@"
jest_status=$?

if [ $# -eq 0 ]; then
  bash scripts/check-api-reports.sh "$OUT"
fi

if [ $# -eq 0 ] && [ "${SKIP_E2E:-}" != 1 ]; then
  bash scripts/e2e.sh
fi

node scripts/test-summary.js "$OUT"
summary_status=$?
if [ $jest_status -ne 0 ] && [ $summary_status -eq 0 ]; then
  echo "ERROR: Jest exited with $jest_status" >&2
  exit $jest_status
fi
exit $summary_status
