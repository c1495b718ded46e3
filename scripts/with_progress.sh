#!/usr/bin/env bash
# scripts/with_progress.sh LOG COMMAND...: run COMMAND (make run's `airflow dags test`) with its whole
# output written to LOG, and task-by-task progress on the terminal (python -m fulian.progress).
# Exits with COMMAND's status; on failure prints LOG's last 60 lines, then, as the very last line, the
# first deliberate error of the run (a fulian.errors message: the cause, the path and what to do), so
# that what a person reads last is why the run failed, not a teardown's or a callback's aftermath.
# `tee -p` keeps writing LOG even if the progress filter stopped, so the filter can never lose the log
# or fail the run.
set -u
log=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
"$@" 2>&1 | tee -p "$log" | "$root/.venv/bin/python" -m fulian.progress
status=("${PIPESTATUS[@]}")
if ((status[2] != 0)); then
  echo "(the progress display stopped; the run went on: $log)"
fi
if ((status[0] != 0)); then
  tail -n 60 "$log"
  echo "run failed; full log: $log"
  # FULIAN CANNOT RUN: a deterministic cause (fail_fast in the DAG); else the first fulian.errors
  # exception of any task's traceback; else the first exception line of any traceback.
  cause=$(grep -m1 -oE 'FULIAN CANNOT RUN: .*' "$log" | sed -E 's/^FULIAN CANNOT RUN: //; s/ +\[[^]]+\] +loc=.*$//')
  [[ -n $cause ]] || cause=$(grep -m1 -oE '^fulian\.errors\.[A-Za-z]+: .*' "$log" | sed -E 's/^fulian\.errors\.//')
  [[ -n $cause ]] || cause=$(grep -m1 -E '^[A-Za-z_.]*(Error|Exception|Failure|Failed)[A-Za-z]*: ' "$log")
  echo "cause: ${cause:-unknown (read $log)}"
fi
exit "${status[0]}"
