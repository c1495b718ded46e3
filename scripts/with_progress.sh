#!/usr/bin/env bash
# scripts/with_progress.sh LOG COMMAND...: run COMMAND (make run's `airflow dags test`) with its whole
# output written to LOG, and task-by-task progress on the terminal (python -m fulian.progress).
# Exits with COMMAND's status; on failure prints LOG's last 60 lines. `tee -p` keeps writing LOG even
# if the progress filter stopped, so the filter can never lose the log or fail the run.
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
fi
exit "${status[0]}"
