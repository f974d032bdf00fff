#!/usr/bin/env bash
# Browser tests: starts the app the way the README does, drives Debian's Chromium with
# playwright-core (test tools cannot download browsers here), writes
# test-results/e2e.json, and stops the app again.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="$PWD/test-results"
mkdir -p "$OUT"

fail() {
  echo "ERROR: $1" >&2
  echo '{"numPassedTests":0,"numFailedTests":1,"reason":"'"$1"'"}' >"$OUT/e2e.json"
  exit 1
}

if ! command -v chromium >/dev/null; then
  echo "Installing Debian's chromium for the browser tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
    >"$OUT/chromium-install.log" 2>&1 || fail "could not install chromium"
fi

for port in 3000 7007 7443; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is already in use; stop the running app first"
  fi
done

# setsid: the app runs in its own process group so that all of it stops at the end.
SKIP_INSTALL=1 setsid ./scripts/start.sh >"$OUT/app.log" 2>&1 &
APP_PID=$!
stop_app() { kill -- -"$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; }
trap stop_app EXIT

node e2e/run.js "$OUT"
status=$?
if [ $status -ne 0 ]; then
  echo "Browser tests failed; app log: $OUT/app.log" >&2
fi
exit $status
