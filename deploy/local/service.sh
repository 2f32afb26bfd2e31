#!/usr/bin/env bash
# One RunRestore service from the Release build, on ports, database and broker of the caller's choosing, detached
# from the caller (so a fault-injection run can SIGKILL it and start it again while the rest keeps running).
#   deploy/local/service.sh start|ready|stop|kill|status NAME        NAME: intake, assessment or programming
# start   launches it (content root = its project folder, as deploy/run.sh runs it) and prints its pid; no waiting
# ready   waits up to RR_SVC_READY_TIMEOUT s (default 60) for 200 on /health/ready; prints the log tail on failure
# stop    SIGTERM, then SIGKILL after 20 s          kill   SIGKILL at once (a crash), waits until it is gone
# env: RR_SVC_DIR            pid files and logs (<NAME>.pid, <NAME>.log, appended); required
#      RR_SVC_<NAME>_GRPC    gRPC (h2c) port; RR_SVC_<NAME>_HTTP  health port (e.g. RR_SVC_INTAKE_GRPC); required
#      ConnectionStrings__Postgres, RabbitMq__Uri   passed to the service as they are (else its appsettings.json)
# Intake's gRPC port also goes to the others as Services__Intake. ASPNETCORE_ENVIRONMENT=Development (dev signing key).
# Log lines carry UTC timestamps, to line them up with what a fault-injection run did when.
set -euo pipefail
# shellcheck source=deploy/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/../services.sh" # RR_REPO_ROOT, log, die, SVC_DIR, svc_dll

verb=${1:-}
name=${2:-}
[[ -n $verb && -n ${SVC_DIR[$name]:-} ]] || { echo "usage: $0 {start|ready|stop|kill|status} {intake|assessment|programming}" >&2; exit 2; }
: "${RR_SVC_DIR:?set RR_SVC_DIR (pid files and logs)}"
port_of() { local var="RR_SVC_${1^^}_$2"; [[ ${!var:-} =~ ^[0-9]+$ ]] || die "set $var"; echo "${!var}"; }
GRPC_PORT=$(port_of "$name" GRPC)
HTTP_PORT=$(port_of "$name" HTTP)
PID_FILE=$RR_SVC_DIR/$name.pid
LOG_FILE=$RR_SVC_DIR/$name.log
READY_URL="http://127.0.0.1:$HTTP_PORT/health/ready"

pid_of() { svc_pid_in "$PID_FILE" "$name"; }

# Waits up to $2 seconds for process $1 to end; fails if it is still there.
wait_gone() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  ! kill -0 "$1" 2>/dev/null
}

start() {
  local pid intake_port
  mkdir -p "$RR_SVC_DIR"
  if pid=$(pid_of); then die "$name already runs (pid $pid)"; fi
  if curl -s -o /dev/null -m 1 "http://127.0.0.1:$HTTP_PORT/health/live"; then
    die "port $HTTP_PORT already answers: something else runs there"
  fi
  intake_port=$(port_of intake GRPC)
  echo "----- $(date -u +%FT%TZ) start -----" >>"$LOG_FILE"
  (cd "$RR_REPO_ROOT/services/${SVC_DIR[$name]}" && exec env ASPNETCORE_ENVIRONMENT=Development \
    "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$GRPC_PORT" \
    "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$HTTP_PORT" \
    "Services__Intake=http://127.0.0.1:$intake_port" \
    "Logging__Console__TimestampFormat=HH:mm:ss.fff " Logging__Console__UseUtcTimestamp=true \
    setsid nohup dotnet "$(svc_dll "$name")" >>"$LOG_FILE" 2>&1 </dev/null) &
  echo $! >"$PID_FILE"
  echo $!
}

ready() {
  local pid deadline=$((SECONDS + ${RR_SVC_READY_TIMEOUT:-60}))
  pid=$(pid_of) || die "$name is not running (log: $LOG_FILE)"
  until curl -fs -o /dev/null -m 1 "$READY_URL" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
      tail -n 30 "$LOG_FILE" >&2
      die "$name (pid $pid) not ready at $READY_URL (log: $LOG_FILE)"
    fi
    sleep 0.2
  done
}

stop() {
  local pid
  pid=$(pid_of) || { rm -f "$PID_FILE"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" 20; then
    log "$name (pid $pid) ignored SIGTERM for 20 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "$name (pid $pid) survived SIGKILL"
  fi
  rm -f "$PID_FILE"
}

kill_now() {
  local pid
  pid=$(pid_of) || die "$name is not running"
  kill -KILL "$pid"
  wait_gone "$pid" 10 || die "$name (pid $pid) survived SIGKILL"
  rm -f "$PID_FILE"
  echo "$pid"
}

case $verb in
  start) start ;;
  ready) ready ;;
  stop) stop ;;
  kill) kill_now ;;
  status) pid_of || { log "$name not running"; exit 3; } ;;
  *) echo "usage: $0 {start|ready|stop|kill|status} NAME" >&2; exit 2 ;;
esac
