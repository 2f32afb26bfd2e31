#!/usr/bin/env bash
# Installs the Debian packages the local servers need (PostgreSQL 15, RabbitMQ) if they are missing.
# Idempotent; does nothing (and needs no apt) when everything is already installed.
# After installing rabbitmq-server it stops/disables the system service so that it cannot clash
# with the nodes started by rabbitmq.sh. The Debian "main" PostgreSQL cluster (5432) is left alone.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

log() { echo "[install] $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  log "must run as root"; exit 1
fi

need=()
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql)
[[ -x /usr/sbin/rabbitmq-server && -x /usr/sbin/rabbitmqctl ]] || need+=(rabbitmq-server)
command -v curl >/dev/null 2>&1 || need+=(curl)

if ((${#need[@]} == 0)); then
  log "postgresql, rabbitmq-server and curl already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "missing packages (${need[*]}) and apt-get is not available"; exit 1
fi

log "installing: ${need[*]}"
apt-get update -qq </dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null >&2

# The package may have auto-started a system rabbitmq (port 5672, node rabbit@<host>) when
# services are allowed to start (no policy-rc.d). Stop and disable it; never fail here.
if [[ " ${need[*]} " == *" rabbitmq-server "* ]]; then
  log "stopping/disabling the system rabbitmq-server service"
  if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
    systemctl stop rabbitmq-server >/dev/null 2>&1 || true
    systemctl disable rabbitmq-server >/dev/null 2>&1 || true
  else
    service rabbitmq-server stop >/dev/null 2>&1 || true
    command -v update-rc.d >/dev/null 2>&1 && update-rc.d rabbitmq-server disable >/dev/null 2>&1 || true
  fi
  # Fallback when it was started some other way: stop the default node if it is still up.
  if timeout 15 rabbitmqctl -q status >/dev/null 2>&1; then
    timeout 30 rabbitmqctl -q stop >/dev/null 2>&1 || true
  fi
fi

log "done"
