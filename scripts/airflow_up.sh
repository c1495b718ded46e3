#!/usr/bin/env bash
# Start Airflow 3 for people: API server + UI, scheduler, DAG processor and triggerer (`airflow standalone`)
# on 127.0.0.1 with the project-local AIRFLOW_HOME, in a process group of its own so that Ctrl-C here or
# `make airflow-stop` stops every process it started (stopping only the main PID leaves the scheduler).
#   FULIAN_AIRFLOW_PORT   port of the UI/API (default 8080)
#   FULIAN_AIRFLOW_PASSWORD  password of user `admin` (default: generated once, kept in AIRFLOW_HOME)
#   FULIAN_AIRFLOW_DETACH=1  start, wait until healthy, print, return (tests); else stay in the foreground
set -euo pipefail
: "${AIRFLOW_HOME:?AIRFLOW_HOME must be set (make sets it)}"
port=${FULIAN_AIRFLOW_PORT:-8080}
mkdir -p "$AIRFLOW_HOME"
pgid_file=$AIRFLOW_HOME/standalone.pgid
log=$AIRFLOW_HOME/standalone.log
passwords=$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated

if [[ -f $pgid_file ]] && kill -0 -- "-$(cat "$pgid_file")" 2>/dev/null; then
  echo "Airflow is already running (process group $(cat "$pgid_file")); make airflow-stop first" >&2
  exit 1
fi
password=${FULIAN_AIRFLOW_PASSWORD:-}
if [[ -z $password ]]; then
  password=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"])' "$passwords" 2>/dev/null \
    || python3 -c 'import secrets; print(secrets.token_urlsafe(12))')
fi
printf '{"admin": "%s"}\n' "$password" > "$passwords"
chmod 600 "$passwords"

export AIRFLOW__API__HOST=127.0.0.1 AIRFLOW__API__PORT=$port
export AIRFLOW__API__BASE_URL=http://127.0.0.1:$port
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=admin:admin
export AIRFLOW__CORE__PARALLELISM=${AIRFLOW__CORE__PARALLELISM:-4}
export AIRFLOW__SCHEDULER__STANDALONE_DAG_PROCESSOR=True
setsid airflow standalone > "$log" 2>&1 < /dev/null &
pgid=$!
echo "$pgid" > "$pgid_file"

stop() { kill -TERM -- "-$pgid" 2>/dev/null || true; sleep 3; kill -KILL -- "-$pgid" 2>/dev/null || true; rm -f "$pgid_file"; }

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/api/v2/monitor/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$pgid" 2>/dev/null; then echo "Airflow exited; see $log" >&2; tail -n 30 "$log" >&2; stop; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/api/v2/monitor/health" > /dev/null || { echo "Airflow did not answer; see $log" >&2; stop; exit 1; }
echo "Airflow UI: http://127.0.0.1:$port   login: admin / $password   (log: $log)"
if [[ ${FULIAN_AIRFLOW_DETACH:-0} == 1 ]]; then exit 0; fi
trap 'echo; echo "stopping Airflow"; stop; exit 0' INT TERM
echo "Ctrl-C stops every Airflow process started here."
while kill -0 "$pgid" 2>/dev/null; do sleep 2; done
stop
