#!/usr/bin/env bash
# Packs the CLI as a .NET tool, checks the package stays small, installs it from the packed file into a scratch
# tool path and runs it there: what `dotnet tool install` gives a user, not what the build folder has.
#   scripts/pack-check.sh [MAX_MB]     (default 15)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
max_mb="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet pack "$here/src/Fukan.Cli" -c Release -o "$work/pkg" --nologo -v quiet >/dev/null
pkg="$(ls "$work"/pkg/Fukan.Cli.*.nupkg)"
bytes=$(stat -c %s "$pkg")
echo "pack-check: $(basename "$pkg") is $(awk "BEGIN { printf \"%.2f\", $bytes / 1000000 }") MB"
if [ "$bytes" -ge $((max_mb * 1000000)) ]; then
  echo "pack-check: the package is over $max_mb MB" >&2
  exit 1
fi
# The listing goes to a file first: `unzip | grep -q` under pipefail fails at random when grep stops reading early.
unzip -l "$pkg" > "$work/listing.txt"
for f in README.md LICENSE; do
  grep -q " $f\$" "$work/listing.txt" || { echo "pack-check: the package has no $f" >&2; exit 1; }
done

version="$(basename "$pkg" .nupkg)"; version="${version#Fukan.Cli.}"
dotnet tool install Fukan.Cli --version "$version" --tool-path "$work/tools" --add-source "$work/pkg" >/dev/null
cd "$work"
"$work/tools/fukan" --version
# The installed tool has no data/ folder: init writes the embedded defaults, the samples ingest with embedded SQLite.
"$work/tools/fukan" init "$work/config" >/dev/null
for f in watchlist.yaml weights.yaml gazetteer.yaml; do [ -s "$work/config/$f" ] || { echo "pack-check: init wrote no $f" >&2; exit 1; }; done
"$work/tools/fukan" --db "$work/demo.db" demo >/dev/null
"$work/tools/fukan" --db "$work/demo.db" docs --json > "$work/docs.json"
grep -q '"title"' "$work/docs.json"
echo "pack-check: installed from the package; init, demo and docs ran"
