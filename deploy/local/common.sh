# Shared helpers for deploy/local/*.sh (sourced, not executed).
# shellcheck shell=bash

# shellcheck disable=SC2034 # used by the scripts that source this file
RR_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { echo "[$(basename "$0" .sh)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_root() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (the scripts switch to the postgres/rabbitmq users themselves)"
}

# Make sure USER can traverse every parent directory of DIR (adds o+x only where needed,
# e.g. when the repo sits under a root-owned 0700/0750 directory).
ensure_traversable() {
  local user=$1 dir=$2 d
  d=$(dirname "$dir")
  while [[ $d != / ]]; do
    if ! runuser -u "$user" -- test -x "$d" 2>/dev/null; then
      log "chmod o+x $d (so user $user can reach $dir)"
      chmod o+x "$d"
    fi
    d=$(dirname "$d")
  done
}

# A free TCP port on 127.0.0.1 (outside 35672-35682, which rabbitmqctl itself uses), so a run's own servers never
# collide with anything else on the machine.
free_port() {
  local port
  while :; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    ((port < 35672 || port > 35682)) && { echo "$port"; return; }
  done
}
