#!/usr/bin/env bash
# Local PostgreSQL 15 server for development/tests, run from the Debian binaries (no Docker).
#   deploy/local/postgres.sh start|stop|restart|status
#   (restart = pg_ctl restart -m fast: the same options, every connection dropped; for fault injection)
# env: RR_PG_DIR  (default <repo>/.local/postgres)  data dir; also holds the unix socket and the log
#      RR_PG_PORT (default 54329)                   TCP port, listens on 127.0.0.1 only
#      RR_PG_DB   (default runrestore)              database created on start if missing
#      RR_PG_FAST=1  fsync/synchronous_commit/full_page_writes off (throwaway test servers only)
#      RR_PG_BIN  (default /usr/lib/postgresql/15/bin)
# start prints the Npgsql connection string as the last stdout line; everything else goes to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_BIN=${RR_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${RR_PG_PORT:-54329}
PG_DB=${RR_PG_DB:-runrestore}
PG_DIR=${RR_PG_DIR:-$RR_REPO_ROOT/.local/postgres}
[[ $PG_DIR == /* ]] || PG_DIR="$PWD/$PG_DIR"
PG_DIR=${PG_DIR%/}
CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB"

# Unix socket path is limited to 107 bytes (".s.PGSQL.<port>" is appended); fall back to /tmp.
SOCK_DIR=$PG_DIR
if (( ${#PG_DIR} > 80 )); then SOCK_DIR=/tmp; fi

as_pg() { runuser -u postgres -- "$@"; }

is_running() {
  [[ -f $PG_DIR/PG_VERSION ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1
}

wait_ready() {
  local i
  for ((i = 0; i < 60; i++)); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && return 0
    sleep 0.5
  done
  die "server in $PG_DIR is not accepting connections on 127.0.0.1:$PG_PORT (see $PG_DIR/log)"
}

ensure_db() {
  local exists
  exists=$(psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")
  if [[ $exists != 1 ]]; then
    log "creating database $PG_DB"
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "CREATE DATABASE \"$PG_DB\"" >&2 ||
      [[ $(psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") == 1 ]] # lost a race: fine
  fi
}

start() {
  require_root
  [[ -x $PG_BIN/initdb ]] || die "$PG_BIN/initdb not found; run deploy/local/install.sh"
  if is_running; then
    log "already running (dir $PG_DIR, port $PG_PORT)"
  else
    mkdir -p "$PG_DIR"
    ensure_traversable postgres "$PG_DIR"
    if [[ ! -f $PG_DIR/PG_VERSION ]]; then
      log "initdb $PG_DIR"
      chown postgres:postgres "$PG_DIR"
      chmod 700 "$PG_DIR"
      local initdb_opts=(-D "$PG_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8)
      [[ ${RR_PG_FAST:-0} == 1 ]] && initdb_opts+=(--no-sync)
      as_pg "$PG_BIN/initdb" "${initdb_opts[@]}" >&2
    fi
    chown -R postgres:postgres "$PG_DIR"
    local opts="-p $PG_PORT -k $SOCK_DIR -c listen_addresses=127.0.0.1"
    opts+=" -c client_connection_check_interval=2s -c max_connections=300"
    # PostgreSQL 15 finishes a fast shutdown only when its "dead-end" children (connections refused because it is
    # shutting down) have exited, and such a child may linger until authentication_timeout (default 60 s; later
    # versions kill them). Under the chaos load that made restarts take 36-42 s; with 10 s here the shutdown ended exactly
    # 10 s after its checkpoint. Nothing local needs more than a few seconds to authenticate.
    opts+=" -c authentication_timeout=5s"
    if [[ ${RR_PG_FAST:-0} == 1 ]]; then
      opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    log "starting on 127.0.0.1:$PG_PORT (dir $PG_DIR${RR_PG_FAST:+, RR_PG_FAST=$RR_PG_FAST})"
    # stdin from /dev/null and output to the log so callers capturing our stdout never hang.
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -o "$opts" -l "$PG_DIR/log" -w -t 60 start </dev/null >&2; then
      tail -n 20 "$PG_DIR/log" >&2 || true
      die "pg_ctl start failed (is port $PG_PORT already in use?)"
    fi
  fi
  wait_ready
  ensure_db
  echo "$CONN"
}

stop() {
  require_root
  if is_running; then
    log "stopping (dir $PG_DIR)"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w -t 60 stop >&2
  else
    log "not running (dir $PG_DIR)"
  fi
}

restart() {
  require_root
  is_running || die "not running (dir $PG_DIR)"
  log "restarting (dir $PG_DIR, -m fast)"
  # pg_ctl restart reuses the options of the running server (postmaster.opts).
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -l "$PG_DIR/log" -w -t 60 restart </dev/null >&2
  wait_ready
}

status() {
  if is_running && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    log "running (dir $PG_DIR, port $PG_PORT)"
    echo "$CONN"
  else
    log "not running (dir $PG_DIR, port $PG_PORT)"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  status) status ;;
  *) echo "usage: $0 {start|stop|restart|status}" >&2; exit 2 ;;
esac
