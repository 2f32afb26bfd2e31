#!/usr/bin/env bash
# Stop what deploy/run.sh started: the services by their pid files (.local/pids), then PostgreSQL and
# RabbitMQ (deploy/local/infra.sh down).
#   bash deploy/stop.sh [--services-only] [service...]
# --services-only keeps PostgreSQL and RabbitMQ running. Naming services (intake, assessment,
# programming) stops only those. Each gets SIGTERM (graceful: the event daemon hands over its
# leadership) and SIGKILL after RR_STOP_TIMEOUT seconds (default 35).
set -euo pipefail
# shellcheck source=deploy/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
STOP_TIMEOUT=${RR_STOP_TIMEOUT:-35}

services_only=false
names=()
for arg in "$@"; do
  case "$arg" in
    --services-only) services_only=true ;;
    intake|assessment|programming) names+=("$arg") ;;
    *) echo "usage: $0 [--services-only] [intake|assessment|programming ...]" >&2; exit 2 ;;
  esac
done
((${#names[@]})) || names=(intake programming assessment) # reverse start order

stop_service() {
  local name=$1 pid deadline
  if ! pid=$(svc_pid "$name"); then
    [[ -f $(svc_pidfile "$name") ]] && log "$name not running (stale pid file removed)"
    rm -f "$(svc_pidfile "$name")"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) still running after ${STOP_TIMEOUT}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(svc_pidfile "$name")"
  log "$name stopped (pid $pid)"
}

for name in "${names[@]}"; do stop_service "$name"; done

if ! $services_only; then
  "$RR_REPO_ROOT/deploy/local/infra.sh" down
fi
