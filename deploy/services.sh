# The three RunRestore services as deploy/run.sh and deploy/stop.sh run them (sourced, not executed).
# shellcheck shell=bash
# shellcheck source=deploy/local/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/local/common.sh" # RR_REPO_ROOT, log, die

# name -> project folder under services/ (and RunRestore.<Folder>.dll)
declare -A SVC_DIR=([intake]=Intake [assessment]=Assessment [programming]=Programming)
# shellcheck disable=SC2034 # used by run.sh
# Must match Kestrel:Endpoints in services/<Folder>/appsettings.json.
declare -A SVC_GRPC=([intake]=5101 [assessment]=5102 [programming]=5103)
declare -A SVC_HTTP=([intake]=5201 [assessment]=5202 [programming]=5203)

LOG_DIR="$RR_REPO_ROOT/.local/logs"
PID_DIR="$RR_REPO_ROOT/.local/pids"

svc_dll() { echo "$RR_REPO_ROOT/services/${SVC_DIR[$1]}/bin/Release/net10.0/RunRestore.${SVC_DIR[$1]}.dll"; }
svc_log() { echo "$LOG_DIR/$1.log"; }
svc_pidfile() { echo "$PID_DIR/$1.pid"; }
svc_ready_url() { echo "http://127.0.0.1:${SVC_HTTP[$1]}/health/ready"; }
svc_live_url() { echo "http://127.0.0.1:${SVC_HTTP[$1]}/health/live"; }

# Prints the pid of the service when its pid file names a live process that runs its dll; else fails.
svc_pid() { svc_pid_in "$(svc_pidfile "$1")" "$1"; }

# svc_pid_in FILE NAME: the same for any pid file (deploy/local/service.sh keeps its own).
svc_pid_in() {
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "RunRestore.${SVC_DIR[$2]}.dll" || return 1
  echo "$pid"
}

svc_is_ready() { curl -fsS -o /dev/null -m 3 "$(svc_ready_url "$1")" 2>/dev/null; }
