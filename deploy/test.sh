#!/usr/bin/env bash
# Run the tests: makes sure the PostgreSQL/RabbitMQ binaries are installed (the test fixture starts its
# own throwaway servers from them on free ports), lints protos/ with buf, then runs every test project,
# then (phase "node") starts the services with deploy/run.sh and plays clients/node/journey.mjs against them.
#   bash deploy/test.sh [extra dotnet test args, e.g. --filter "FullyQualifiedName~Skeleton"]
# Results: .local/test-results/*.trx (cleared first). The last line is "N passed, M failed[, K skipped]";
# the Node.js journey and the CLI demo journey count as one test each, and so do the short fault-injection run
# (deploy/chaos.sh --short; RR_SKIP_CHAOS=1 skips it) and the smoke benchmark (RR_SKIP_BENCH=1 skips it).
# Env: RR_SKIP_NODE=1 skips the node phase.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESULTS="$ROOT/.local/test-results"

# phase NAME DESCRIPTION: announces a phase and ends the previous one; timings are printed at the end.
timings=() phase_name="" phase_start=$SECONDS
phase() {
  [[ -z $phase_name ]] || timings+=("$phase_name $((SECONDS - phase_start))s")
  phase_name=$1 phase_start=$SECONDS
  [[ $# -lt 2 ]] || echo "==> $1: $2" >&2
}

phase install "deploy/local/install.sh"
deploy/local/install.sh

phase lint "buf lint protos"
# npm keeps its own copy of the lock file in node_modules; reinstall only when package-lock.json is newer.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
npx --no-install buf lint protos

phase test "dotnet test RunRestore.sln -c Release $*"
mkdir -p "$RESULTS"
find "$RESULTS" -maxdepth 1 -name '*.trx' -delete
rc=0
dotnet test RunRestore.sln -c Release \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@" || rc=$?

# Sum the <Counters .../> of this run's .trx files (VSTest records skipped tests as notExecuted).
passed=0 failed=0 skipped=0
counter() { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
  passed=$((passed + $(counter "$trx" passed)))
  failed=$((failed + $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
  skipped=$((skipped + $(counter "$trx" notExecuted)))
done
dotnet_failed=$failed

# The node journey: a non-.NET client against the services as deploy/run.sh runs them (default ports
# 5101-5103, PostgreSQL 54329, RabbitMQ 56729). What the phase started is stopped by the trap, also on failure;
# services or infrastructure of this checkout that were already running before are left running.
node_journey() (
  # shellcheck source=deploy/services.sh
  source deploy/services.sh
  local_infra_before=false
  services_before=()
  deploy/local/infra.sh status >/dev/null 2>&1 && local_infra_before=true
  for name in intake assessment programming; do
    svc_pid "$name" >/dev/null && services_before+=("$name")
  done
  # shellcheck disable=SC2317 # called from the EXIT trap
  stop_started() {
    local to_stop=() n
    for n in intake programming assessment; do
      [[ " ${services_before[*]} " == *" $n "* ]] || to_stop+=("$n")
    done
    echo "==> node: stopping what this phase started" >&2
    if ((${#services_before[@]} == 0)) && ! $local_infra_before; then
      bash "$ROOT/deploy/stop.sh"
    else
      echo "==> node: leaving running what ran before (services: ${services_before[*]:-none}; infrastructure: $local_infra_before)" >&2
      if ((${#to_stop[@]})); then bash "$ROOT/deploy/stop.sh" --services-only "${to_stop[@]}" || return 1; fi
      $local_infra_before || "$ROOT/deploy/local/infra.sh" down
    fi
  }
  trap 'stop_started || { echo "==> node: stopping failed (see above)" >&2; exit 1; }' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  # set -e does not apply inside a function called as an if condition: every step checks its own status.
  export RR_NO_DEMO=1 # deploy/run.sh's demo journey would duplicate this one
  bash deploy/run.sh || { echo "==> node: deploy/run.sh failed" >&2; exit 3; }
  # npm keeps its own copy of the lock file in node_modules; reinstall only when package-lock.json is newer.
  lock=clients/node/package-lock.json installed=clients/node/node_modules/.package-lock.json
  if [[ ! -f $installed || $lock -nt $installed ]]; then
    (cd clients/node && npm ci --no-audit --no-fund) || { echo "==> node: npm ci failed" >&2; exit 3; }
  fi
  # Two journeys count as two tests; the exit code says which failed (1 node, 2 demo, 3 both or setup).
  result=0
  node clients/node/journey.mjs || { echo "==> node: clients/node/journey.mjs failed" >&2; result=1; }
  # The README run command's journey (runrestore demo), through the CLI against the same services.
  dotnet services/Cli/bin/Release/net10.0/runrestore.dll demo || { echo "==> node: runrestore demo failed" >&2; result=$((result | 2)); }
  exit "$result"
)

if [[ ${RR_SKIP_NODE:-0} == 1 ]]; then
  echo "==> node: skipped (RR_SKIP_NODE=1)" >&2
else
  phase node "deploy/run.sh, node clients/node/journey.mjs, runrestore demo, deploy/stop.sh"
  journeys=0
  node_journey || journeys=$?
  for bit in 1 2; do
    if ((journeys & bit)); then failed=$((failed + 1)); else passed=$((passed + 1)); fi
  done
  if ((journeys == 0)); then
    echo "==> node: the Node.js journey and the demo journey passed" >&2
  else
    echo "==> node: a journey FAILED (service logs: .local/logs/)" >&2
  fi
fi
# Fault injection (docs/reliability.md): the short run of deploy/chaos.sh, on servers and ports of its own, counts as one
# test — it fails on any acknowledged write lost, duplicate effect, effect never delivered, or a service not back within 30 s.
if [[ ${RR_SKIP_CHAOS:-0} == 1 ]]; then
  echo "==> chaos: skipped (RR_SKIP_CHAOS=1)" >&2
else
  phase chaos "deploy/chaos.sh --short --no-build"
  if bash deploy/chaos.sh --short --no-build; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "==> chaos: the short fault-injection run FAILED (table above; logs: .local/chaos/)" >&2
  fi
fi
# Benchmarks are not tests: the smoke run only proves the benchmark completes and prints every row (no timing
# assertion); the real figures come from `bash deploy/bench.sh` (docs/benchmarks.md).
if [[ ${RR_SKIP_BENCH:-0} == 1 ]]; then
  echo "==> bench: skipped (RR_SKIP_BENCH=1)" >&2
else
  phase bench "deploy/bench.sh --smoke"
  # Free loopback ports for the benchmark's own servers, so it never collides with anything else on the machine.
  # shellcheck source=deploy/local/common.sh
  source deploy/local/common.sh # free_port
  bench_env=(RR_PG_PORT="$(free_port)" RR_RABBIT_PORT="$(free_port)" RR_RABBIT_MGMT_PORT="$(free_port)"
    RR_RABBIT_DIST_PORT="$(free_port)" RR_RABBIT_NODE="rr-bench-$$@localhost"
    RR_BENCH_INTAKE_GRPC="$(free_port)" RR_BENCH_ASSESSMENT_GRPC="$(free_port)" RR_BENCH_PROGRAMMING_GRPC="$(free_port)"
    RR_BENCH_INTAKE_HTTP="$(free_port)" RR_BENCH_ASSESSMENT_HTTP="$(free_port)" RR_BENCH_PROGRAMMING_HTTP="$(free_port)")
  if env "${bench_env[@]}" bash deploy/bench.sh --smoke; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "==> bench: the smoke benchmark FAILED (logs: .local/bench/logs/)" >&2
  fi
fi
phase end
echo "==> timings: ${timings[*]}, total ${SECONDS}s" >&2
if ((rc != 0 && dotnet_failed == 0)); then
  echo "==> dotnet test exited $rc with no failed test recorded: a build error or a test host that crashed (see above)" >&2
fi
summary="$passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"
echo
echo "$summary"
if ((rc == 0 && failed > 0)); then rc=1; fi
exit "$rc"
