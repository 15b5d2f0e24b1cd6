#!/usr/bin/env bash
# Installs the test dependencies that do not come with the .NET SDK. Idempotent; does nothing when all is there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$here/.tmp"
: > "$here/.tmp/test-env"

need=()
# (Later issues add PostgreSQL, MeCab and Chromium here.)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "install-test-deps: not root; install these yourself: ${need[*]}" >&2
  fi
fi
