#!/usr/bin/env bash
# The services' own RabbitMQ users and their rights on one vhost (ARCHITECTURE.md, "Clinics on the broker"), through
# the management HTTP API. Idempotent: creates or updates the users and (re)sets their permissions.
#   deploy/local/rabbitmq-users.sh [VHOST]          VHOST defaults to "/"
# env: RR_RABBIT_MGMT_URL  (default http://127.0.0.1:$RR_RABBIT_MGMT_PORT/, port default 15679) the management API
#      RR_RABBIT_ADMIN     (default guest:guest) an administrator's user:password (operators and tests keep it)
#      RR_RABBIT_INTAKE_PASSWORD, RR_RABBIT_ASSESSMENT_PASSWORD, RR_RABBIT_PROGRAMMING_PASSWORD
#                          (defaults <service>-local-dev, as in services/<Service>/appsettings.Development.json)
# Each service may declare, write and read only its own queues ("<service>-…", as MassTransit names them, with their
# _error/_skipped queues), the integration-event exchanges (write: only its own "RunRestore.Contracts.<Service>:…"),
# MassTransit's fault exchanges and its temporary bus endpoint, and the clinic exchanges it uses: every service
# publishes to runrestore.clinic-events, assessment binds its queue to runrestore.clinic-inbound. Clinics' users are
# made by `runrestore clinic add` (services/Cli), never here. Logs go to stderr; nothing on stdout.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

VHOST=${1:-/}
MGMT=${RR_RABBIT_MGMT_URL:-http://127.0.0.1:${RR_RABBIT_MGMT_PORT:-15679}/}
MGMT=${MGMT%/}
ADMIN=${RR_RABBIT_ADMIN:-guest:guest}
VHOST_PATH=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$VHOST")

api() { # api METHOD PATH JSON
  local out
  out=$(curl -sS --max-time 15 -u "$ADMIN" -X "$1" -H 'content-type: application/json' -d "$3" \
    -w '\n%{http_code}' "$MGMT/api/$2") || die "$1 $MGMT/api/$2 failed"
  [[ ${out##*$'\n'} =~ ^2 ]] || die "$1 $MGMT/api/$2 answered ${out##*$'\n'}: ${out%$'\n'*}"
}

# MassTransit's temporary bus endpoint: "<host>_<process>_bus_<id>" (never a clinic's "clinic.…" name).
BUS='(?!clinic[.])[^:]*_bus_[a-z0-9]+'
# [.] rather than \. so the patterns need no escaping inside JSON.
service_user() { # service_user NAME Contracts-namespace extra-configure extra-write extra-read [tags]
  local name=$1 ns=$2 password_var="RR_RABBIT_${1^^}_PASSWORD" own="$1-.*" tags=${6:-}
  local password=${!password_var:-$1-local-dev}
  local configure="^($own|RunRestore[.]Contracts[.:].*|MassTransit:.*|runrestore[.]clinic-events$3|$BUS)\$"
  local write="^($own|RunRestore[.]Contracts[.]$ns:.*|RunRestore[.]Contracts:.*|MassTransit:.*|runrestore[.]clinic-events$4|$BUS)\$"
  local read="^($own|RunRestore[.]Contracts[.:].*|MassTransit:.*$5|$BUS)\$"
  api PUT "users/$name" "{\"password\":\"$password\",\"tags\":\"$tags\"}"
  api PUT "permissions/$VHOST_PATH/$name" "{\"configure\":\"$configure\",\"write\":\"$write\",\"read\":\"$read\"}"
}

# Intake also publishes the red flags its pain reports raise (Contracts.Safety, DOMAIN.md R1-R6, issue 13).
service_user intake Intake "" "|RunRestore[.]Contracts[.]Safety:RedFlagRaised" ""
# impersonator: MassTransit moves a refused screen to assessment-clinic-screens_error with its properties, user_id (the
# clinic's) included; without the tag the broker refuses that move (user_id is not assessment's) and the screen is
# redelivered for ever. The tag lets assessment set another user's user_id and grants nothing else.
# Assessment also publishes the shared RedFlagRaised of the red flags a screen raises (DOMAIN.md R2, R5; issue 13).
service_user assessment Assessment "|runrestore[.]clinic-inbound" "|RunRestore[.]Contracts[.]Safety:RedFlagRaised" \
  "|runrestore[.]clinic-inbound" impersonator
service_user programming Programming "" "|RunRestore[.]Contracts[.]Safety:RedFlagCleared" ""
log "service users intake, assessment, programming have their rights on vhost '$VHOST' ($MGMT)"
