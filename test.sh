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

dotnet build Fukan.sln -c Release --nologo -v quiet
dotnet test --project tests/Fukan.Tests -c Release --no-build
# The tool package: small, and `dotnet tool install` from the packed file gives a working `fukan`.
"$here/scripts/pack-check.sh"
