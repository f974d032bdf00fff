#!/usr/bin/env bash
# Installs the project (Yarn 4 from the npm registry, pinned Backstage 1.55.0 release)
# and starts the app: frontend on http://localhost:3000, backend on :7007 (SQLite in
# memory). Extra arguments go to `backstage-cli repo start`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_INSTALL:-}" != 1 ]; then
  ./scripts/yarn.sh install --immutable
fi
exec ./scripts/yarn.sh start "$@"
