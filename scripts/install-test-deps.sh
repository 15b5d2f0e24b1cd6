#!/usr/bin/env bash
# Installs the test dependencies that do not come with the .NET SDK. Idempotent; does nothing when all is there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$here/.tmp"
: > "$here/.tmp/test-env"

need=()
# MeCab + IPA dictionary: the search tests compare the morphological analyzer with the bigram one.
mecab_ok=no
if [[ "$(ldconfig -p 2>/dev/null)" == *libmecab.so.2* ]]; then
  for d in /var/lib/mecab/dic/ipadic-utf8 /usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8; do [ -e "$d" ] && mecab_ok=yes; done
fi
[ "$mecab_ok" = yes ] || need+=(mecab libmecab2 mecab-ipadic-utf8)
# PostgreSQL: the store contract and identical-answers tests run against a throwaway cluster (scripts/test-postgres.sh).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# Chromium and CJK fonts: the browser tests drive Debian's Chromium through Playwright (it cannot download browsers here).
[ -x /usr/bin/chromium ] || need+=(chromium)
[[ "$(fc-list 2>/dev/null)" == *"Noto Sans CJK"* ]] || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "install-test-deps: not root; install these yourself: ${need[*]}" >&2
  fi
fi
# Once installed, the tests that need them must run, not skip.
if [[ "$(ldconfig -p 2>/dev/null)" == *libmecab.so.2* ]]; then echo "export FUKAN_REQUIRE_MECAB=1" >> "$here/.tmp/test-env"; fi
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then echo "export FUKAN_REQUIRE_PG=1" >> "$here/.tmp/test-env"; fi
