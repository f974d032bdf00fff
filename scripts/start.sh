#!/usr/bin/env bash
# Installs the project (Yarn 4 from the npm registry, pinned Backstage 1.55.0 release)
# and starts the local default: the ARM simulator on https://127.0.0.1:7443 seeded from
# examples/azure-fleet, then the app (frontend http://localhost:3000, backend :7007 on
# SQLite in memory), which reaches the simulator through the Azure SDK.
# Extra arguments go to `backstage-cli repo start`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_INSTALL:-}" != 1 ]; then
  ./scripts/yarn.sh install --immutable
fi

SIMULATOR_PORT="${ARM_SIMULATOR_PORT:-7443}"
CA_FILE="$PWD/.local/azure-arm-simulator/ca.pem"
node packages/azure-arm-simulator/bin/azure-arm-simulator \
  --port "$SIMULATOR_PORT" --ca-out "$CA_FILE" &
SIMULATOR_PID=$!
trap 'kill "$SIMULATOR_PID" 2>/dev/null || true' EXIT

# The backend reads the simulator's CA at start-up, so wait until it answers.
for _ in $(seq 1 60); do
  if [ -s "$CA_FILE" ] &&
    curl -s -o /dev/null --cacert "$CA_FILE" "https://127.0.0.1:$SIMULATOR_PORT/subscriptions"; then
    break
  fi
  if ! kill -0 "$SIMULATOR_PID" 2>/dev/null; then
    echo "ERROR: the ARM simulator did not start" >&2
    exit 1
  fi
  sleep 1
done

./scripts/yarn.sh start "$@"
