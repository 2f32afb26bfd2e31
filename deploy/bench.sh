#!/usr/bin/env bash
# Benchmarks (docs/benchmarks.md): builds Release, starts its OWN PostgreSQL + RabbitMQ and the three services on
# ports of their own (never the ones deploy/run.sh and deploy/test.sh use), measures cold starts, runs
# tests/RunRestore.Benchmarks, stops everything it started and prints the table.
#   bash deploy/bench.sh            # full run, < 10 minutes on 2 cores; results in .local/bench/results.{json,md}
#   bash deploy/bench.sh --smoke    # seconds of measuring (CI): asserts that it completes, prints every row and
#                                   # lost nothing — never a timing. Results in .local/bench/results-smoke.{json,md}
# Further arguments go to the benchmark program (e.g. --only logrun,import, --stall-seconds 10; see its --help).
# Exit 0 when every phase ran and nothing was lost, even if targets were missed ("no" in the table). Exit 1 when the
# run FAILED, each reason on a line "FAILED <phase>: ..." after the table and at the end: a phase error, a failed send
# (LogRun/ImportRuns), a message never consumed (15 s after the last send), end to end stalled (nothing consumed for
# --stall-seconds [10] while runs wait) or fell behind (a slice's median LogRun → consumed rising --backlog-seconds [5]
# above an earlier slice's), or a build/start failure.
# Env (defaults in brackets; the RR_PG_*/RR_RABBIT_* ones are those of deploy/local):
#   RR_PG_DIR [.local/bench/postgres]  RR_PG_PORT [54400]  RR_BENCH_DB [runrestore_bench] (dropped and re-created)
#   RR_RABBIT_DIR [.local/bench/rabbitmq]  RR_RABBIT_PORT [56900]  RR_RABBIT_MGMT_PORT [15900]
#   RR_RABBIT_NODE [rr-bench@localhost]  RR_BENCH_VHOST [runrestore-bench] (deleted and re-created)
#   RR_BENCH_{INTAKE,ASSESSMENT,PROGRAMMING}_{GRPC,HTTP} [5301-5303 / 5401-5403]  RR_BENCH_OUT  RR_READY_TIMEOUT [60]
# A server that was already running is used and left running; whatever this script started, it stops (trap).
set -euo pipefail
# shellcheck source=deploy/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh" # RR_REPO_ROOT, log, die, SVC_DIR, svc_dll
cd "$RR_REPO_ROOT"

SMOKE=0
PASS=()
for arg in "$@"; do
  case $arg in
    --smoke) SMOKE=1 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) PASS+=("$arg") ;;
  esac
done

BENCH_DIR=$RR_REPO_ROOT/.local/bench
BENCH_LOGS=$BENCH_DIR/logs
export RR_PG_DIR=${RR_PG_DIR:-$BENCH_DIR/postgres}
export RR_PG_PORT=${RR_PG_PORT:-54400}
export RR_RABBIT_DIR=${RR_RABBIT_DIR:-$BENCH_DIR/rabbitmq}
export RR_RABBIT_PORT=${RR_RABBIT_PORT:-56900}
export RR_RABBIT_MGMT_PORT=${RR_RABBIT_MGMT_PORT:-15900}
export RR_RABBIT_NODE=${RR_RABBIT_NODE:-rr-bench@localhost}
DB=${RR_BENCH_DB:-runrestore_bench}
VHOST=${RR_BENCH_VHOST:-runrestore-bench}
READY_TIMEOUT=${RR_READY_TIMEOUT:-60}
if ((SMOKE)); then OUT=${RR_BENCH_OUT:-.local/bench/results-smoke.json}; else OUT=${RR_BENCH_OUT:-.local/bench/results.json}; fi
[[ $RR_PG_PORT != 54329 && $RR_RABBIT_PORT != 56729 ]] ||
  die "refusing to benchmark on the default ports of deploy/run.sh (54329/56729): set RR_PG_PORT/RR_RABBIT_PORT"

declare -A GRPC=([intake]=${RR_BENCH_INTAKE_GRPC:-5301} [assessment]=${RR_BENCH_ASSESSMENT_GRPC:-5302}
  [programming]=${RR_BENCH_PROGRAMMING_GRPC:-5303})
declare -A HTTP=([intake]=${RR_BENCH_INTAKE_HTTP:-5401} [assessment]=${RR_BENCH_ASSESSMENT_HTTP:-5402}
  [programming]=${RR_BENCH_PROGRAMMING_HTTP:-5403})
declare -A PIDS=() FIRST=() FIRST_CPU=() COLD=() COLD_CPU=()
ORDER=(assessment programming intake) # consumers first: RabbitMQ drops what intake publishes before their queues exist
PG_STARTED=0
RABBIT_STARTED=0
PG_CONN=""
RABBIT_URI=""

stop_service() {
  local name=$1 pid=${PIDS[$1]:-} i
  [[ -n $pid ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 200; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "$name (pid $pid) ignored SIGTERM for 20 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$name]"
}

# Stops the services, then the servers this script started (not one that was already running). Idempotent.
stop_all() {
  for name in intake programming assessment; do stop_service "$name"; done
  if ((RABBIT_STARTED)); then
    bash deploy/local/rabbitmq.sh stop >/dev/null 2>&1 || bash deploy/local/rabbitmq.sh kill >/dev/null 2>&1 || true
    RABBIT_STARTED=0
  fi
  if ((PG_STARTED)); then
    bash deploy/local/postgres.sh stop >/dev/null 2>&1 || true
    PG_STARTED=0
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT
  stop_all
  log "stopped everything this script started"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
seconds_since() { local ms=$((($(now_ns) - $1) / 1000000)); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }

# Starts one service from the Release build with the benchmark's ports, database and vhost (content root =
# its project folder, as deploy/run.sh runs it); sets T0[name] to the moment the process was started.
declare -A T0=()
start_service() {
  local name=$1 dir="$RR_REPO_ROOT/services/${SVC_DIR[$1]}" log=$BENCH_LOGS/$1.log
  if curl -s -o /dev/null -m 1 "http://127.0.0.1:${HTTP[$name]}/health/live"; then
    die "port ${HTTP[$name]} already answers: something else runs there (set RR_BENCH_${name^^}_HTTP)"
  fi
  T0[$name]=$(now_ns)
  (cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Development \
    "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:${GRPC[$name]}" \
    "Kestrel__Endpoints__Http__Url=http://127.0.0.1:${HTTP[$name]}" \
    "ConnectionStrings__Postgres=$PG_CONN" \
    "RabbitMq__Uri=$RABBIT_URI" \
    "Services__Intake=http://127.0.0.1:${GRPC[intake]}" \
    dotnet "$(svc_dll "$name")" >>"$log" 2>&1 </dev/null) &
  PIDS[$name]=$!
}

# Polls /health/ready every 50 ms; prints "WALL CPU": seconds from process start to the first 200, and the CPU
# seconds (user + system) the process had used by then.
wait_ready() {
  local name=$1 pid=${PIDS[$1]} url="http://127.0.0.1:${HTTP[$1]}/health/ready"
  until curl -fs -o /dev/null -m 1 "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$BENCH_LOGS/$name.log" >&2
      die "$name exited before it was ready (log: $BENCH_LOGS/$name.log)"
    fi
    if (($(now_ns) - T0[$name] > READY_TIMEOUT * 1000000000)); then
      tail -n 30 "$BENCH_LOGS/$name.log" >&2
      die "$name not ready after ${READY_TIMEOUT}s"
    fi
    sleep 0.05
  done
  local wall ticks
  wall=$(seconds_since "${T0[$name]}")
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  printf '%s %d.%02d\n' "$wall" $((ticks / 100)) $((ticks % 100))
}

mkdir -p "$BENCH_LOGS"
started_at=$SECONDS

# --- build ------------------------------------------------------------------------------------------------------
log "building Release: tests/RunRestore.Benchmarks (+ intake), services/Assessment, services/Programming"
build_log=$BENCH_LOGS/build.log
: >"$build_log"
for project in tests/RunRestore.Benchmarks services/Assessment services/Programming; do
  if ! dotnet build "$project" -c Release -nologo -v quiet >>"$build_log" 2>&1; then
    tail -n 30 "$build_log" >&2
    die "build of $project failed (full output: $build_log)"
  fi
done
BENCH_DLL=tests/RunRestore.Benchmarks/bin/Release/net10.0/RunRestore.Benchmarks.dll
log "built ($((SECONDS - started_at)) s)"
# Baseline for the cold starts: a bare .NET process (this program's --help) from start to exit.
t=$(now_ns)
dotnet "$BENCH_DLL" --help >/dev/null
DOTNET_START=$(seconds_since "$t")

# --- PostgreSQL and RabbitMQ of our own -------------------------------------------------------------------------
bash deploy/local/postgres.sh status >/dev/null 2>&1 || PG_STARTED=1
PG_CONN=$(RR_PG_DB=$DB bash deploy/local/postgres.sh start | tail -n 1)
pg() { psql -X -q -h 127.0.0.1 -p "$RR_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
# On a server of its own, the benchmark turns on pg_stat_statements (a restart) to report what PostgreSQL executed
# per operation; a server that was already running is left as it is (the rows then go without it).
if ((PG_STARTED)) && [[ $(pg -tAc "SHOW shared_preload_libraries") != *pg_stat_statements* ]]; then
  log "turning on pg_stat_statements on the benchmark's own PostgreSQL (restart)"
  pg -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
  bash deploy/local/postgres.sh stop >/dev/null 2>&1
  PG_CONN=$(RR_PG_DB=$DB bash deploy/local/postgres.sh start | tail -n 1)
fi
pg -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\"" >&2
bash deploy/local/rabbitmq.sh status >/dev/null 2>&1 || RABBIT_STARTED=1
bash deploy/local/rabbitmq.sh start >/dev/null
mgmt="http://127.0.0.1:$RR_RABBIT_MGMT_PORT/api"
curl -s -o /dev/null -u guest:guest -X DELETE "$mgmt/vhosts/$VHOST"
curl -fsS -o /dev/null -u guest:guest -X PUT "$mgmt/vhosts/$VHOST"
curl -fsS -o /dev/null -u guest:guest -X PUT -H 'content-type: application/json' \
  -d '{"configure":".*","write":".*","read":".*"}' "$mgmt/permissions/$VHOST/guest"
# The services connect as their own users (appsettings.Development.json): give them their rights on this vhost too.
RR_RABBIT_MGMT_URL="http://127.0.0.1:$RR_RABBIT_MGMT_PORT/" bash deploy/local/rabbitmq-users.sh "$VHOST"
RABBIT_URI="amqp://guest:guest@127.0.0.1:$RR_RABBIT_PORT/$VHOST"
PG_PID=$(head -n 1 "$RR_PG_DIR/postmaster.pid")
RABBIT_PID=$(cat "$RR_RABBIT_DIR/rabbitmq.pid")
log "PostgreSQL $PG_CONN (pid $PG_PID), RabbitMQ $RABBIT_URI (pid $RABBIT_PID)"

# --- cold starts -------------------------------------------------------------------------------------------------
# First start on the empty database (creates schemas and queues), one service at a time so each has the machine;
# then stop them and start them again (3 times; once with --smoke): those restarts, schema in place, are the cold
# starts the target is about. The table shows their median.
: >"$BENCH_LOGS/intake.log"; : >"$BENCH_LOGS/assessment.log"; : >"$BENCH_LOGS/programming.log"
for name in "${ORDER[@]}"; do
  start_service "$name"
  read -r wall cpu < <(wait_ready "$name")
  [[ -n ${wall:-} ]] || die "$name did not become ready"
  FIRST[$name]=$wall FIRST_CPU[$name]=$cpu
  log "$name: first start on an empty database, ready in $wall s ($cpu s CPU)"
done
restarts=3
((SMOKE)) && restarts=1
for ((round = 1; round <= restarts; round++)); do
  for name in intake programming assessment; do stop_service "$name"; done
  for name in "${ORDER[@]}"; do
    echo "----- restart $round -----" >>"$BENCH_LOGS/$name.log"
    start_service "$name"
    read -r wall cpu < <(wait_ready "$name")
    [[ -n ${wall:-} ]] || die "$name did not become ready"
    COLD[$name]+="${COLD[$name]:+,}$wall" COLD_CPU[$name]+="${COLD_CPU[$name]:+,}$cpu"
    log "$name: cold start $round (schema in place), ready in $wall s ($cpu s CPU, pid ${PIDS[$name]})"
  done
done

# --- the benchmark program ---------------------------------------------------------------------------------------
args=(--out "$OUT" --repo "$RR_REPO_ROOT" --pg "$PG_CONN" --rabbit "$RABBIT_URI" --pg-pid "$PG_PID" --rabbit-pid "$RABBIT_PID"
  --intake "http://127.0.0.1:${GRPC[intake]}" --assessment "http://127.0.0.1:${GRPC[assessment]}"
  --programming "http://127.0.0.1:${GRPC[programming]}" --dotnet-start "$DOTNET_START")
((SMOKE)) && args=(--smoke "${args[@]}")
for name in "${ORDER[@]}"; do
  args+=(--pid "$name=${PIDS[$name]}" --cold-start "$name=${COLD[$name]}" --cold-start-cpu "$name=${COLD_CPU[$name]}"
    --first-start "$name=${FIRST[$name]}" --first-start-cpu "$name=${FIRST_CPU[$name]}")
done
log "dotnet $BENCH_DLL ${args[*]} ${PASS[*]}"
rc=0
dotnet "$BENCH_DLL" "${args[@]}" "${PASS[@]}" >"$BENCH_LOGS/bench.stdout" || rc=$?

# --- stop everything, then the table -----------------------------------------------------------------------------
stop_all
trap - EXIT
log "stopped everything this script started; $((SECONDS - started_at)) s in all"

table=${OUT%.json}.md
[[ -f $table ]] || die "the benchmark program wrote no table ($table); exit code $rc"
echo
cat "$table"
echo
echo "JSON: $OUT   logs: ${BENCH_LOGS#"$RR_REPO_ROOT"/}/"
expected=16
rows=$(grep -c '^| [0-9]' "$table" || true)
((rows == expected)) || die "the table has $rows rows, expected $expected"
if ((rc != 0)); then
  # The program names every reason on a "FAILED <phase>: ..." line after the table; repeat them as the last word.
  mapfile -t failures < <(grep '^FAILED ' "$table" || true)
  ((${#failures[@]} > 0)) || die "the benchmark program exited with $rc without naming a failure (output: $BENCH_LOGS/bench.stdout)"
  for line in "${failures[@]}"; do log "$line"; done
  die "the benchmark run FAILED (${#failures[@]} reason(s) above; exit code $rc of the program): lost, failed or stalled work or a phase error — a missed target alone never fails it"
fi
