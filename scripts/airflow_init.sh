#!/usr/bin/env bash
# Prepare the project-local Airflow home: metadata DB migrated, and the pool that lets one task at a time
# write a fulian DuckDB working copy (DuckDB admits one writing process per file).
set -euo pipefail
: "${AIRFLOW_HOME:?AIRFLOW_HOME must be set (make sets it)}"
mkdir -p "$AIRFLOW_HOME"
exec 9> "$AIRFLOW_HOME/.init.lock"
flock 9  # parallel test workers may all arrive here first
if [[ ! -f $AIRFLOW_HOME/airflow.db || ! -f $AIRFLOW_HOME/.fulian-pool ]]; then
  airflow db migrate > /dev/null
  airflow pools set fulian_warehouse 1 "one writer of a fulian DuckDB working copy at a time" > /dev/null
  touch "$AIRFLOW_HOME/.fulian-pool"
fi
