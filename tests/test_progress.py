"""make run's progress display: fulian.progress over a captured `airflow dags test` log, and
scripts/with_progress.sh keeping the full log and the exit status. No Airflow run: the log is real,
captured from `make run` on the sample reports (tests/data/dags_test.log, trimmed of most noise lines)."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path

from fulian.progress import follow

from conftest import ROOT

SAMPLE = Path(__file__).with_name("data") / "dags_test.log"
STARTING = re.compile(r"^(\S+?)Z? .*\[DAG TEST\] starting task_id=(\S+) map_index=(-?\d+)")
ENDING = re.compile(r"^(\S+?)Z? .*\[DAG TEST\] end task task_id=(\S+) map_index=(-?\d+)")


def _sample() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)


def _tasks(lines: list[str]) -> list[tuple[str, int, float]]:
    """(task id, map index, seconds from its start line to its end line), in the order they ran."""
    started: dict[tuple[str, int], datetime] = {}
    out = []
    for line in lines:
        if m := STARTING.match(line):
            started[(m[2], int(m[3]))] = datetime.fromisoformat(m[1])
        elif m := ENDING.match(line):
            key = (m[2], int(m[3]))
            out.append((*key, (datetime.fromisoformat(m[1]) - started[key]).total_seconds()))
    return out


def _with_mapped_extract(lines: list[str], copies: int) -> list[str]:
    """The sample with `extract` mapped over `copies` batches: its block repeated with map indexes
    0..copies-1, and `batches` returning that many manifests (as a run over more reports would)."""
    start = next(i for i, line in enumerate(lines) if "starting task_id=extract map_index=0" in line)
    end = next(i for i, line in enumerate(lines) if "end task task_id=extract map_index=0" in line)
    block = lines[start : end + 1]
    repeated = [line.replace("map_index=0", f"map_index={i}") for i in range(copies) for line in block]
    out = lines[:start] + repeated + lines[end + 1 :]
    manifests = ", ".join(f"'/w/batches/batch_{i:05d}.json'" for i in range(copies))
    return [
        re.sub(r"Returned value was: \[[^\]]*\]", f"Returned value was: [{manifests}]", line) for line in out
    ]


def test_every_task_shows_a_start_and_an_end_with_its_state_and_duration() -> None:
    lines = _sample()
    tasks = _tasks(lines)
    assert len(tasks) >= 20, "the sample holds the whole run"
    shown = list(follow(lines))
    ends = [s for s in shown if re.search(r"\(\d+\.\d s\)", s) and " run " not in s]
    assert len(ends) == len(tasks)
    for (task, index, seconds), line in zip(tasks, ends, strict=True):
        name = f"{task}[{index}]" if index >= 0 else task
        assert re.search(rf"\s(success|skipped)\s+{re.escape(name)} \({seconds:.1f} s\)", line), line
    starts = [s for s in shown if " start " in s]
    assert [s.split()[-1] for s in starts if "mapped" not in s] == [t for t, i, _ in tasks if i < 0]
    assert shown[-1].split()[1:3] == ["run", "success"]


def test_a_mapped_task_counts_its_instances_against_the_list_it_was_expanded_over() -> None:
    shown = list(follow(_with_mapped_extract(_sample(), 3)))
    assert any(re.search(r"start\s+extract \(3 mapped\)", s) for s in shown)
    progress = [re.search(r"extract (\d+)/(\d+) done", s).groups() for s in shown if "done" in s]
    assert progress == [("1", "3"), ("2", "3"), ("3", "3")]


def test_a_failed_task_is_shown_failed() -> None:
    lines = _sample()
    load_start = next(i for i, line in enumerate(lines) if "starting task_id=load " in line)
    load_end = next(i for i, line in enumerate(lines) if "end task task_id=load " in line)
    failed = lines[:load_start] + [
        line.replace("new_state=success", "new_state=failed") for line in lines[load_start : load_end + 1]
    ]
    shown = list(follow(failed))
    assert re.search(r"\sfailed\s+load \(", shown[-1]), shown[-1]


def test_unreadable_lines_are_skipped_and_the_display_goes_on() -> None:
    lines = _sample()
    noisy = ["\x00\ufffd garbage [DAG TEST] starting task_id=\n", "Done. Returned value was: [1, 2\n", *lines]
    assert list(follow(noisy))[-1] == list(follow(lines))[-1]


def _run(script: str, tmp_path: Path) -> subprocess.CompletedProcess:
    log = tmp_path / "last-run.log"
    return subprocess.run(
        [str(ROOT / "scripts" / "with_progress.sh"), str(log), "bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_wrapper_keeps_the_full_log_and_the_commands_exit_status(tmp_path) -> None:
    ok = _run(f"cat {SAMPLE}", tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "last-run.log").read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")
    assert ok.stdout.splitlines() == list(follow(_sample()))

    failed = _run(f"cat {SAMPLE}; echo 'Traceback: the end of a failed run' >&2; exit 3", tmp_path)
    assert failed.returncode == 3
    assert "Traceback: the end of a failed run" in failed.stdout, "the failure tail is printed"
    assert "run failed; full log:" in failed.stdout
    assert (tmp_path / "last-run.log").read_text(encoding="utf-8").endswith("the end of a failed run\n")
