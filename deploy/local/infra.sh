#!/usr/bin/env bash
# Local infrastructure for RunRestore: PostgreSQL 15 + RabbitMQ 3.10 from the Debian packages.
#   deploy/local/infra.sh up|down|status
# up:     install.sh (only installs what is missing), then postgres.sh start and rabbitmq.sh start
# down:   rabbitmq.sh stop, postgres.sh stop
# status: both statuses (exit 0 only if both run)
# The env vars of postgres.sh / rabbitmq.sh (RR_PG_*, RR_RABBIT_*) are passed through.
# up/status print the service configuration as shell exports on stdout (logs go to stderr), e.g.
#   eval "$(deploy/local/infra.sh up)"
#   export ConnectionStrings__Postgres='Host=127.0.0.1;Port=54329;Username=postgres;Database=runrestore'
#   export RabbitMq__Uri='amqp://guest:guest@127.0.0.1:56729/'
#   export RabbitMq__ManagementUri='http://127.0.0.1:15679/'
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

print_exports() {
  local pg=$1 rb=$2
  echo "export ConnectionStrings__Postgres='$pg'"
  echo "export RabbitMq__Uri='$rb'"
  echo "export RabbitMq__ManagementUri='http://127.0.0.1:${RR_RABBIT_MGMT_PORT:-15679}/'"
}

case "${1:-}" in
  up)
    "$HERE/install.sh"
    pg=$("$HERE/postgres.sh" start | tail -n 1)
    rb=$("$HERE/rabbitmq.sh" start | tail -n 1)
    print_exports "$pg" "$rb"
    ;;
  down)
    rc=0
    "$HERE/rabbitmq.sh" stop || rc=$?
    "$HERE/postgres.sh" stop || rc=$?
    exit "$rc"
    ;;
  status)
    rc=0
    pg=$("$HERE/postgres.sh" status | tail -n 1) || rc=3
    rb=$("$HERE/rabbitmq.sh" status | tail -n 1) || rc=3
    if ((rc == 0)); then print_exports "$pg" "$rb"; fi
    exit "$rc"
    ;;
  *) echo "usage: $0 {up|down|status}" >&2; exit 2 ;;
esac
