#!/usr/bin/env bash
# Installs what the tests need and runs every test. `.ci/run` calls this; so can you.
#   ./test.sh            install (when root and something is missing), build, run all tests
#   ./test.sh --no-install
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [ "${1:-}" != "--no-install" ]; then
  "$here/scripts/install-test-deps.sh"
fi
# shellcheck disable=SC1091
[ -f "$here/.tmp/test-env" ] && . "$here/.tmp/test-env"

# A throwaway PostgreSQL cluster for the store tests, removed when the run ends however it ends.
# shellcheck disable=SC1091
. "$here/scripts/test-postgres.sh"
trap pg_test_stop EXIT
pg_test_start

dotnet build Fukan.sln -c Release --nologo -v quiet
log="$(mktemp)"
status=0
dotnet test --project tests/Fukan.Tests -c Release --no-build 2>&1 | tee "$log" || status=$?
# One plain closing line for any reader of the log: "N passed, N failed, N skipped".
passed=$(grep -Eo 'succeeded: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
failed=$(grep -Eo 'failed: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
skipped=$(grep -Eo 'skipped: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
rm -f "$log"
if [ "$status" -eq 0 ]; then
  # The tool package: small, and `dotnet tool install` from the packed file gives a working `fukan`.
  "$here/scripts/pack-check.sh"
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
