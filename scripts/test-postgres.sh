#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for one test run: `. scripts/test-postgres.sh; pg_test_start; …; pg_test_stop`.
# initdb into a temp folder as an unprivileged user (`nobody` when run as root, else yourself), a free port on
# 127.0.0.1, the socket in the temp folder, password authentication over TCP. pg_test_start exports FUKAN_TEST_PG
# (a connection string for a superuser; tests make a database each). On CI (CI=true) a missing or failing
# PostgreSQL is an error; locally it skips, saying so.

pg_test_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

pg_test_fail() {
  if [ "${CI:-}" = true ]; then echo "test-postgres: $*" >&2; return 1; fi
  echo "test-postgres: $*; the PostgreSQL tests will be SKIPPED (they fail on CI)" >&2
  return 0
}

pg_test_start() {
  local bin
  bin=$(pg_test_bindir) || true
  if [ -z "$bin" ]; then pg_test_fail "PostgreSQL is not installed (Debian package postgresql)"; return; fi
  PG_TEST_DIR=$(mktemp -d /tmp/fukan-pg.XXXXXX)
  chmod 755 "$PG_TEST_DIR"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown nobody "$PG_TEST_DIR"
    as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  fi
  local password
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s\n' "$password" > "$PG_TEST_DIR/pw"
  chmod 644 "$PG_TEST_DIR/pw"
  if ! (cd "$PG_TEST_DIR" && "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U fukan --pwfile="$PG_TEST_DIR/pw" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1); then
    cat "$PG_TEST_DIR/initdb.log" >&2
    pg_test_fail "initdb failed"; local rc=$?; rm -rf "$PG_TEST_DIR"; unset PG_TEST_DIR; return $rc
  fi
  local port
  for _ in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
    if (cd "$PG_TEST_DIR" && "${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c max_connections=200 -c wal_level=replica -c max_wal_senders=4" start >/dev/null 2>&1); then
      PG_TEST_BIN=$bin
      PG_TEST_AS=("${as[@]}")
      export FUKAN_TEST_PG="Host=127.0.0.1;Port=$port;Username=fukan;Password=$password;Database=postgres"
      export FUKAN_TEST_PG_BIN=$bin
      [ "$(id -u)" = 0 ] && export FUKAN_TEST_PG_RUNAS=nobody
      echo "test-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_TEST_DIR)" >&2
      return 0
    fi
  done
  cat "$PG_TEST_DIR/server.log" >&2 2>/dev/null
  pg_test_fail "the test server did not start"; local rc=$?; rm -rf "$PG_TEST_DIR"; unset PG_TEST_DIR; return $rc
}

pg_test_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  (cd "$PG_TEST_DIR" && "${PG_TEST_AS[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1) || true
  rm -rf "$PG_TEST_DIR"
  unset PG_TEST_DIR FUKAN_TEST_PG
}
