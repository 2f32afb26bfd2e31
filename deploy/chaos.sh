#!/usr/bin/env bash
# Fault injection (docs/reliability.md): builds Release, starts its OWN PostgreSQL, RabbitMQ and the three services on
# free loopback ports, and runs tests/RunRestore.Chaos against them: a bounded stream of mixed commands (8 clients also
# write to one runner) while RabbitMQ is stopped and started, intake and programming are SIGKILLed and started again
# and PostgreSQL restarts; then it checks that every acknowledged write is visible in intake, every downstream effect
# exists exactly once in assessment and programming, and every clinic CloudEvent arrived. Prints the table; exits
# non-zero on any lost write, duplicate effect, effect never delivered, or a service not recovered within 40 s (of its
# restart; of the restarted PostgreSQL or RabbitMQ accepting connections again), or a server not back within 90 s.
#   bash deploy/chaos.sh            # commands at ~50/s, at least 5,000 and on until the last fault has recovered;
#                                   # RabbitMQ restarted twice; writes docs/reliability.md (keeps its analysis section)
#   bash deploy/chaos.sh --short    # every fault kind once (RabbitMQ once, not twice), commands at ~50/s until the last
#                                   # fault has recovered (≤ 4,000); ≤ 4 min in all; writes .local/chaos/results.md only
#   --no-build                      # skip the Release build (when the solution was just built, as deploy/test.sh does)
# Further arguments go to the chaos program (see: dotnet tests/RunRestore.Chaos/bin/Release/net10.0/RunRestore.Chaos.dll --help).
# Everything it starts (servers in .local/chaos/, services, the program) is stopped on exit, also on failure; it never
# touches the servers of deploy/run.sh. Logs: .local/chaos/logs/ and .local/chaos/services/<service>.log.
set -euo pipefail
# shellcheck source=deploy/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh" # RR_REPO_ROOT, log, die, free_port, SVC_DIR
cd "$RR_REPO_ROOT"

SHORT=0 BUILD=1
PASS=()
for arg in "$@"; do
  case $arg in
    --short) SHORT=1 ;;
    --no-build) BUILD=0 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) PASS+=("$arg") ;;
  esac
done
require_root

CHAOS_DIR=$RR_REPO_ROOT/.local/chaos
LOGS=$CHAOS_DIR/logs
# Servers of its own, on free ports, with fresh data every run (a restarted server must be ours to restart).
export RR_PG_DIR=$CHAOS_DIR/postgres RR_PG_PORT RR_PG_DB=runrestore_chaos
export RR_RABBIT_DIR=$CHAOS_DIR/rabbitmq RR_RABBIT_PORT RR_RABBIT_MGMT_PORT RR_RABBIT_DIST_PORT
export RR_RABBIT_NODE="rr-chaos-$$@localhost"
export RR_SVC_DIR=$CHAOS_DIR/services
RR_PG_PORT=$(free_port) RR_RABBIT_PORT=$(free_port) RR_RABBIT_MGMT_PORT=$(free_port) RR_RABBIT_DIST_PORT=$(free_port)
for name in intake assessment programming; do
  export "RR_SVC_${name^^}_GRPC=$(free_port)" "RR_SVC_${name^^}_HTTP=$(free_port)"
done
svc_port() { local var="RR_SVC_${1^^}_$2"; echo "${!var}"; }
CHAOS_DLL=tests/RunRestore.Chaos/bin/Release/net10.0/RunRestore.Chaos.dll
if ((SHORT)); then OUT=.local/chaos/results.md LIMIT=270; else OUT=.local/chaos/results-full.md LIMIT=1200; fi

PG_STARTED=0 RABBIT_STARTED=0 PROGRAM_PID=""
# Stops whatever this script (or the chaos program, which restarts services through deploy/local/service.sh) started.
cleanup() {
  local rc=$? name
  trap - EXIT INT TERM
  if [[ -n $PROGRAM_PID ]] && kill -0 "$PROGRAM_PID" 2>/dev/null; then kill -TERM "$PROGRAM_PID" 2>/dev/null || true; wait "$PROGRAM_PID" 2>/dev/null || true; fi
  for name in intake programming assessment; do bash deploy/local/service.sh stop "$name" >/dev/null 2>&1 || true; done
  # A throwaway node: SIGKILL (0.5 s) rather than a graceful stop (7 s).
  ((RABBIT_STARTED)) && { bash deploy/local/rabbitmq.sh kill >/dev/null 2>&1 || true; }
  ((PG_STARTED)) && { bash deploy/local/postgres.sh stop >/dev/null 2>&1 || true; }
  log "stopped everything this script started ($((SECONDS - started_at)) s in all)"
  exit "$rc"
}
started_at=$SECONDS
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One run at a time: they share .local/chaos/ (the lock goes with this process, also when it is killed; whatever
# starts a daemon gets 9>&- so that no server or service holds it on).
mkdir -p "$CHAOS_DIR"
exec 9>"$CHAOS_DIR/.lock"
flock -n 9 || die "another deploy/chaos.sh run is in progress (lock $CHAOS_DIR/.lock)"
# A previous run that was itself killed may have left its servers running on the same folders: refuse, say how to stop.
if [[ -f $RR_PG_DIR/postmaster.pid ]] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$RR_PG_DIR" status >/dev/null 2>&1; then
  die "a PostgreSQL still runs in $RR_PG_DIR (an earlier run?): runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D $RR_PG_DIR stop"
fi
for name in intake assessment programming; do
  if pid=$(svc_pid_in "$RR_SVC_DIR/$name.pid" "$name"); then die "$name of an earlier run still runs (pid $pid): kill $pid"; fi
done
rm -rf "$RR_PG_DIR" "$RR_RABBIT_DIR" "$RR_SVC_DIR"
mkdir -p "$LOGS" "$RR_SVC_DIR"

# --- build (--no-build: deploy/test.sh has just built the solution in Release) -----------------------------------
if ((BUILD)); then
  log "building Release: tests/RunRestore.Chaos, services/Intake, services/Assessment, services/Programming"
  : >"$LOGS/build.log"
  for project in tests/RunRestore.Chaos services/Intake services/Assessment services/Programming; do
    if ! dotnet build "$project" -c Release -nologo -v quiet >>"$LOGS/build.log" 2>&1 9>&-; then
      tail -n 30 "$LOGS/build.log" >&2
      die "build of $project failed (full output: $LOGS/build.log)"
    fi
  done
  log "built ($((SECONDS - started_at)) s)"
fi
for name in intake assessment programming; do [[ -f $(svc_dll "$name") ]] || die "$(svc_dll "$name") is missing: build first"; done
[[ -f $CHAOS_DLL ]] || die "$CHAOS_DLL is missing: build first"

# --- servers and services ----------------------------------------------------------------------------------------
PG_STARTED=1
export ConnectionStrings__Postgres
ConnectionStrings__Postgres=$(bash deploy/local/postgres.sh start 9>&- | tail -n 1)
RABBIT_STARTED=1
export RabbitMq__Uri
RabbitMq__Uri=$(bash deploy/local/rabbitmq.sh start 9>&- | tail -n 1)
log "PostgreSQL $ConnectionStrings__Postgres, RabbitMQ $RabbitMq__Uri (node $RR_RABBIT_NODE)"
# Consumers first (both at once): RabbitMQ drops what intake publishes before their queues exist.
for group in "assessment programming" intake; do
  for name in $group; do bash deploy/local/service.sh start "$name" 9>&- >/dev/null; done
  for name in $group; do
    bash deploy/local/service.sh ready "$name"
    log "$name ready (gRPC 127.0.0.1:$(svc_port "$name" GRPC), health 127.0.0.1:$(svc_port "$name" HTTP))"
  done
done

# --- the chaos program -----------------------------------------------------------------------------------------
args=(--repo "$RR_REPO_ROOT" --pg "$ConnectionStrings__Postgres" --rabbit "$RabbitMq__Uri" --out "$OUT" --logs "$LOGS")
for name in intake assessment programming; do
  args+=(--grpc "$name=http://127.0.0.1:$(svc_port "$name" GRPC)" --health "$name=http://127.0.0.1:$(svc_port "$name" HTTP)")
done
if ((SHORT)); then args+=(--short); else args+=(--doc docs/reliability.md); fi
log "dotnet $CHAOS_DLL ${args[*]} ${PASS[*]}"
rc=0
# Bounded as a whole; the program bounds each of its loops too. It restarts services through deploy/local/service.sh
# and servers through deploy/local/{rabbitmq,postgres}.sh with this environment.
timeout --signal=TERM --kill-after=30 "$LIMIT" dotnet "$CHAOS_DLL" "${args[@]}" "${PASS[@]}" 9>&- &
PROGRAM_PID=$!
wait "$PROGRAM_PID" || rc=$?
PROGRAM_PID=""
((rc != 124)) || log "the chaos program overran its limit of $LIMIT s and was stopped"
((rc == 0)) || log "FAILED (exit $rc): see the table above, $LOGS/ and $RR_SVC_DIR/*.log"
exit "$rc"
