"""Task-by-task progress of `airflow dags test`, for the person waiting on `make run`.

`airflow dags test` logs hundreds of lines per task and nothing a person can follow, so `make run` used
to print nothing for minutes. This filter reads that log stream line by line (`tee` writes the full log
to .airflow/last-run.log beside it) and prints a line when a task starts and one when it ends, with its
state and duration, and for a mapped task how many of its instances are done (`extract 3/8 done`).

What it reads, per task, from Airflow 3's `dag.test` (airflow/sdk/definitions/dag.py, one task at a time):
`[DAG TEST] starting task_id=T map_index=I`, `[DAG TEST] running task <TaskInstance: ... ti_id=ID>`,
the execution API's `Task instance state updated ... new_state=S ... ti_id=ID`, and
`[DAG TEST] end task task_id=T map_index=I`; a mapped task's size is the length of the list its upstream
task returned (`Done. Returned value was: [...]`). Durations come from the log's own timestamps, so the
same log always gives the same progress.
"""

from __future__ import annotations

import ast
import io
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

# fulian_daily's one mapped task and the task whose returned list it is expanded over.
EXPANDS = {"extract": "batches"}

TIMESTAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)Z?\s")
PARSING = re.compile(r"Filling up the DagBag from (?P<folder>\S+)")
STARTING = re.compile(r"\[DAG TEST\] starting task_id=(?P<task>\S+) map_index=(?P<index>-?\d+)")
RUNNING = re.compile(r"\[DAG TEST\] running task <TaskInstance: .*\bti_id=(?P<ti>[0-9a-f-]+)>")
STATE = re.compile(r"Task instance state updated\b.*\bnew_state=(?P<state>\w+)\b.*\bti_id=(?P<ti>[0-9a-f-]+)")
ERROR = re.compile(r"\[DAG TEST\] Error running task")
RETURNED = re.compile(r"Done\. Returned value was: (?P<value>\[.*\]) \[airflow\.")
END = re.compile(r"\[DAG TEST\] end task task_id=(?P<task>\S+) map_index=(?P<index>-?\d+)")
FINISHED = re.compile(r"DagRun Finished: .*\brun_duration=(?P<seconds>[\d.]+), state=(?P<state>\w+)")


@dataclass
class Progress:
    """What the filter remembers between lines: the task running now and the mapped tasks' counts."""

    expands: dict[str, str] = field(default_factory=lambda: dict(EXPANDS))
    first: datetime | None = None
    now: datetime | None = None
    task: str | None = None
    started: datetime | None = None
    ti_id: str | None = None
    state: str | None = None
    returned: dict[str, int] = field(default_factory=dict)  # task id -> length of the list it returned
    mapped_done: dict[str, int] = field(default_factory=dict)
    mapped_started: set[str] = field(default_factory=set)
    parsing_shown: bool = False


def _timestamp(line: str) -> datetime | None:
    m = TIMESTAMP.match(line)
    return datetime.fromisoformat(m.group(1)) if m else None


def _clock(progress: Progress) -> str:
    """Time since the log's first line, as `+m:ss`."""
    if progress.first is None or progress.now is None:
        return "     "
    seconds = int((progress.now - progress.first).total_seconds())
    return f"+{seconds // 60}:{seconds % 60:02d}"


def _list_length(text: str) -> int | None:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    return len(value) if isinstance(value, list) else None


def _on_start(progress: Progress, task: str, index: int) -> str | None:
    progress.task, progress.started, progress.ti_id, progress.state = task, progress.now, None, None
    if index < 0:
        return f"{_clock(progress)}  start    {task}"
    if task in progress.mapped_started:
        return None  # a mapped task's instances: one start line, then one line per instance done
    progress.mapped_started.add(task)
    total = progress.returned.get(progress.expands.get(task, ""))
    return f"{_clock(progress)}  start    {task} ({total if total is not None else '?'} mapped)"


def _on_end(progress: Progress, task: str, index: int) -> str:
    state = progress.state or "unknown"
    seconds = (progress.now - progress.started).total_seconds() if progress.now and progress.started else 0.0
    line = f"{_clock(progress)}  {state:<8} {task}{f'[{index}]' if index >= 0 else ''} ({seconds:.1f} s)"
    if index >= 0 and state == "success":
        done = progress.mapped_done[task] = progress.mapped_done.get(task, 0) + 1
        total = progress.returned.get(progress.expands.get(task, ""))
        line += f"  {task} {done}/{total if total is not None else '?'} done"
    progress.task = None
    return line


def feed(progress: Progress, line: str) -> str | None:
    """Take one log line; return the progress line it causes, if any."""
    stamp = _timestamp(line)
    if stamp is not None:
        progress.now = stamp
        progress.first = progress.first or stamp
    if m := STARTING.search(line):
        return _on_start(progress, m["task"], int(m["index"]))
    if m := END.search(line):
        return _on_end(progress, m["task"], int(m["index"]))
    if progress.task is not None:
        if (m := RUNNING.search(line)) and progress.ti_id is None:
            progress.ti_id = m["ti"]
        elif (m := STATE.search(line)) and m["ti"] == progress.ti_id:
            progress.state = m["state"]
        elif ERROR.search(line):
            progress.state = "failed"
        elif m := RETURNED.search(line):
            length = _list_length(m["value"])
            if length is not None:
                progress.returned[progress.task] = length
        return None
    if (m := PARSING.search(line)) and not progress.parsing_shown:
        progress.parsing_shown = True
        return f"{_clock(progress)}  parsing  {m['folder']} (the DAG; cosmos lists the dbt project)"
    if m := FINISHED.search(line):
        return f"{_clock(progress)}  run {m['state']} ({float(m['seconds']):.1f} s)"
    return None


def follow(lines: Iterable[str], expands: dict[str, str] | None = None) -> Iterator[str]:
    """The progress lines of a log stream, as they happen. A line it cannot read is skipped, never fatal:
    the run must not fail because its progress display did."""
    progress = Progress(expands=dict(EXPANDS if expands is None else expands))
    for line in lines:
        try:
            shown = feed(progress, line.rstrip("\n"))
        except Exception:  # a display must never stop the run it displays
            continue
        if shown:
            yield shown


def main() -> int:
    """Read the log on standard input, print progress on standard output (`make run`)."""
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    try:
        for shown in follow(stream):
            print(shown, flush=True)
    except BrokenPipeError:  # the terminal went away; `tee` still writes the full log
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
