#!/usr/bin/env bash
# Sourced by ./fukan and ./bench: publish_once PROJECT OUT [WATCHED_DIR…] publishes PROJECT (Release, ReadyToRun)
# into OUT on first use and whenever a file in a watched directory is newer than the last publish.
publish_once() {
  local project="$1" out="$2"; shift 2
  local stamp="$out/.built"
  if [ -f "$stamp" ] && [ -z "$(find "$@" -newer "$stamp" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "$(basename "$out"): building (Release)…" >&2
  local log; log="$(mktemp)"
  # ReadyToRun (precompiled) starts every command about twice as fast and spares a batch run most of its JIT
  # time; it needs the crossgen package from the NuGet feed, so a plain build is the fallback.
  local rid="linux-x64"
  case "$(uname -s)-$(uname -m)" in Linux-aarch64) rid="linux-arm64";; Darwin-arm64) rid="osx-arm64";; Darwin-x86_64) rid="osx-x64";; esac
  if ! dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
       -o "$out" --nologo -v quiet >"$log" 2>&1; then
    if ! dotnet build "$project" -c Release -o "$out" --nologo -v quiet >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; exit 3
    fi
  fi
  rm -f "$log"
  touch "$stamp"
}
