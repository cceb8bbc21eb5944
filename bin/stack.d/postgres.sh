# shellcheck shell=bash
# PostgreSQL from Debian's packages: a cluster of its own under $STACK_DIR/postgres, on 127.0.0.1, with the
# service's user and its databases (service, tests, benchmarks). Sourced by bin/stack.

PG_DEFAULT_PORT=55432
DB_NAME=ats
TEST_DB_NAME=ats_test
BENCH_DB_NAME=ats_bench
DB_USER=ats
DB_PASSWORD=ats

PG_DIR=$STACK_DIR/postgres
PG_DATA=$PG_DIR/data
PG_PIDFILE=$PG_DATA/postmaster.pid
PG_LOG=$PG_DIR/postgres.log
PG_SOCKET_DIR=$PG_DIR/run

pg_bindir() {
  local dir
  while IFS= read -r dir; do
    [[ -x "$dir/postgres" && -x "$dir/initdb" ]] && { echo "$dir"; return 0; }
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5 -V -r)
  return 1
}

# The PostgreSQL server refuses to run as root; as root we run it as the 'postgres' user.
as_pg_user() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_psql() {
  as_pg_user "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres "$@"
}

install_postgres() {
  pg_bindir >/dev/null && return 0
  say "PostgreSQL: server binaries missing, installing Debian's postgresql package"
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" "install them: sudo apt-get install -y postgresql"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
    || die "apt-get install postgresql failed" "run 'apt-get update && apt-get install -y postgresql' by hand and read its error"
  pg_bindir >/dev/null || die "postgresql installed but no server binaries found" "check 'ls /usr/lib/postgresql'"
}

# Starts the cluster unless it runs (creating it the first time), waits for it, then creates the user and databases
# that are missing.
start_postgres() {
  PG_BIN=$(pg_bindir)
  PG_PORT=$(choose_port PG_PORT "${ATS_PG_PORT:-}" "$PG_DEFAULT_PORT" "$PG_PIDFILE")
  if pid_alive "$PG_PIDFILE"; then
    say "PostgreSQL: already running on 127.0.0.1:$PG_PORT"
  else
    say "PostgreSQL: starting $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
    mkdir -p "$PG_DIR" "$PG_SOCKET_DIR"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres:postgres "$PG_DIR"; fi
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
      info "creating a cluster in $PG_DATA"
      as_pg_user "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { tail -n 20 "$PG_DIR/initdb.log" >&2; die "initdb failed" "see $PG_DIR/initdb.log"; }
    fi
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$TIMEOUT" \
      -o "-p $PG_PORT -k $PG_SOCKET_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
      || { tail -n 20 "$PG_LOG" >&2; die "PostgreSQL did not start (log: $PG_LOG)" "is port $PG_PORT taken? set ATS_PG_PORT to another one"; }
  fi
  save_port PG_PORT "$PG_PORT"
  wait_for "PostgreSQL" "$TIMEOUT" "$PG_LOG" "" as_pg_user "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"

  if [[ -z $(pg_psql -tAc "select 1 from pg_roles where rolname = '$DB_USER'") ]]; then
    pg_psql -c "create role $DB_USER login password '$DB_PASSWORD'"
  fi
  local db
  for db in "$DB_NAME" "$TEST_DB_NAME" "$BENCH_DB_NAME"; do
    if [[ -z $(pg_psql -tAc "select 1 from pg_database where datname = '$db'") ]]; then
      info "creating database $db"
      pg_psql -c "create database $db owner $DB_USER"
    fi
  done
}

stop_postgres() {
  if pid_alive "$PG_PIDFILE"; then
    PG_BIN=$(pg_bindir)
    say "PostgreSQL: stopping"
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
  fi
}

status_postgres() { print_status postgres "$PG_PIDFILE" "$PG_PORT"; }
