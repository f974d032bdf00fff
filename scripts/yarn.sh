#!/usr/bin/env bash
# Runs the project's Yarn (4.13.0) from the npm registry package @yarnpkg/cli-dist.
# Why: corepack cannot reach Yarn's own download host on this kind of machine, and we
# commit no Yarn binary. The registry is whatever npm is configured with, so no host
# name is written into the repository.
set -euo pipefail
YARN_VERSION=4.13.0
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  registry="$(npm config get registry --workspaces=false)"
  export YARN_NPM_REGISTRY_SERVER="${registry%/}"
fi
# node-gyp would otherwise try to download Node's headers; npm knows where they are.
if [ -z "${npm_config_nodedir:-}" ]; then
  nodedir="$(npm config get nodedir --workspaces=false 2>/dev/null || true)"
  if [ -n "$nodedir" ] && [ "$nodedir" != "undefined" ] && [ "$nodedir" != "null" ]; then
    export npm_config_nodedir="$nodedir"
  fi
fi
export COREPACK_ENABLE_STRICT=0
exec npx --yes "@yarnpkg/cli-dist@${YARN_VERSION}" "$@"
