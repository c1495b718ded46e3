"""A run killed with SIGKILL at any stage leaves the published warehouse as it was, and the next run
ends identical to an uninterrupted one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from warehouse_checks import content_checksums, file_sha256

from conftest import SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)


DRIVER = """
import sys
from fulian.pipeline import run_in_process
run_in_process(sys.argv[1], sys.argv[2], sys.argv[3])
"""
SAMPLES = sorted(SEEDS.glob("*.txt"))


def _run(landing: Path, warehouse: Path, run_id: str, kill_at: str | None = None, delay: float = 0.0) -> int:
    """Run the pipeline in a child process; with kill_at, SIGKILL it once that stage has started."""
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(landing), str(warehouse), run_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if kill_at and line.strip() == f"STAGE {kill_at}":
            time.sleep(delay)
            os.killpg(proc.pid, signal.SIGKILL)
            break
    return proc.wait(timeout=300)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, Path, dict]:
    """A warehouse holding three sample reports, the landing folder with all five, and the reference:
    the same two runs, uninterrupted."""
    root = tmp_path_factory.mktemp("crash")
    landing = root / "landing"
    landing.mkdir()
    for f in SAMPLES[:3]:
        shutil.copy(f, landing / f.name)
    base_wh = root / "base" / "fulian.duckdb"
    assert _run(landing, base_wh, "base") == 0
    for f in SAMPLES[3:]:
        shutil.copy(f, landing / f.name)
    reference = root / "reference" / "fulian.duckdb"
    reference.parent.mkdir()
    shutil.copy(base_wh, reference)
    assert _run(landing, reference, "reference") == 0
    return landing, base_wh, content_checksums(reference)


KILL_POINTS = [("extract", 0.0), ("load", 0.0), ("dbt", 2.0), ("check", 1.0)]


def test_sigkill_at_every_stage_leaves_published_warehouse_intact_and_next_run_recovers(
    base, tmp_path
) -> None:
    """Kill one run at each stage in turn (each a fresh run over the same state), then run to the end."""
    landing, base_wh, reference = base
    warehouse = tmp_path / "fulian.duckdb"
    shutil.copy(base_wh, warehouse)
    before = file_sha256(warehouse)
    for stage, delay in KILL_POINTS:
        assert _run(landing, warehouse, f"killed-{stage}", kill_at=stage, delay=delay) == -signal.SIGKILL
        assert file_sha256(warehouse) == before, f"killed during {stage}: the published file changed"

    assert _run(landing, warehouse, "after-kills") == 0
    assert content_checksums(warehouse) == reference
    assert not (tmp_path / ".fulian-work" / "fulian.duckdb.after-kills").exists()


def test_workspaces_of_killed_runs_are_swept_after_a_day(tmp_path) -> None:
    from fulian.settings import STALE_WORKSPACE_SECONDS
    from fulian.warehouse.database import sweep_stale_workspaces, workspace_for

    published = tmp_path / "fulian.duckdb"
    old, fresh = workspace_for(published, "killed-long-ago"), workspace_for(published, "running-now")
    for folder in (old, fresh):
        folder.mkdir(parents=True)
        (folder / "fulian.duckdb").write_bytes(b"x")
    now = (old / "fulian.duckdb").stat().st_mtime + STALE_WORKSPACE_SECONDS + 60
    os.utime(fresh / "fulian.duckdb", (now, now))
    assert sweep_stale_workspaces(published, now=now) == [old]
    assert fresh.exists() and not old.exists()
