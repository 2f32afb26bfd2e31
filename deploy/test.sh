#!/usr/bin/env bash
# Run the tests: makes sure the PostgreSQL/RabbitMQ binaries are installed (the test fixture starts its
# own throwaway servers from them on free ports), lints protos/ with buf, then runs every test project.
#   bash deploy/test.sh [extra dotnet test args, e.g. --filter "FullyQualifiedName~Skeleton"]
# Results: .local/test-results/*.trx (cleared first). The last line is "N passed, M failed[, K skipped]".
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
phase end
echo "==> timings: ${timings[*]}, total ${SECONDS}s" >&2
if ((rc != 0 && failed == 0)); then
  echo "==> dotnet test exited $rc with no failed test recorded: a build error or a test host that crashed (see above)" >&2
fi
summary="$passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"
echo
echo "$summary"
if ((rc == 0 && failed > 0)); then rc=1; fi
exit "$rc"
