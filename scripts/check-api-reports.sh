#!/usr/bin/env bash
# Checks that each package's committed API report (report.api.md, report-alpha.api.md)
# matches what its index exports: `backstage-repo-tools api-reports --ci` compiles the
# declarations and fails on any difference, or on an API Extractor warning (a type the
# API uses but does not export, a missing release tag). Writes its outcome as one
# check into DIR/api-reports.json for the summary line. After changing a package's
# exports: `./scripts/yarn.sh build:api-reports`, then commit the reports.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${1:?usage: check-api-reports.sh DIR}"
if NODE_OPTIONS=--max-old-space-size=8000 ./scripts/yarn.sh check:api-reports >"$OUT/api-reports.log" 2>&1; then
  echo '{"numPassedTests":1,"numFailedTests":0}' >"$OUT/api-reports.json"
  echo "API reports: up to date"
else
  echo '{"numPassedTests":0,"numFailedTests":1}' >"$OUT/api-reports.json"
  grep -E "Error|changed|warning" "$OUT/api-reports.log" | head -20 >&2
  echo "API reports: stale or with warnings (log: $OUT/api-reports.log; regenerate with ./scripts/yarn.sh build:api-reports)" >&2
fi
