#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:5432 (trust auth, user postgres), which the
# store tests use through TestDatabases. Starts the local cluster when it is down and
# installs Debian's server when there is none; fails loudly when neither works.
set -euo pipefail
PGHOST_ADDR=127.0.0.1
PGPORT_NUM=5432

ready() { pg_isready -q -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U postgres 2>/dev/null; }

if command -v pg_isready >/dev/null && ready; then
  exit 0
fi

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "PostgreSQL is not installed; installing Debian's postgresql package" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /etc/postgresql | sort -V | tail -1)"
echo "Starting PostgreSQL $version" >&2
if [ "$(id -u)" = 0 ]; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
else
  sudo pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
fi

for _ in $(seq 1 30); do
  if ready; then exit 0; fi
  sleep 1
done
echo "ERROR: PostgreSQL did not come up on $PGHOST_ADDR:$PGPORT_NUM" >&2
exit 1
