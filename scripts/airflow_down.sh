#!/usr/bin/env bash
# Stop every process `scripts/airflow_up.sh` started (its whole process group).
set -uo pipefail
pgid_file=${AIRFLOW_HOME:?}/standalone.pgid
[[ -f $pgid_file ]] || { echo "Airflow is not running (no $pgid_file)"; exit 0; }
pgid=$(cat "$pgid_file")
kill -TERM -- "-$pgid" 2>/dev/null
for _ in $(seq 1 20); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.5; done
kill -KILL -- "-$pgid" 2>/dev/null
# SIGKILL is delivered asynchronously: return only once the group is gone (a busy machine takes seconds)
for _ in $(seq 1 40); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.25; done
rm -f "$pgid_file"
echo "Airflow stopped (process group $pgid)"
