"""`make run` on a start that cannot succeed, as an operator types it: the issue's reproduction.

One real `make run` (Airflow's `dags test`, ≈ 60-90 s, mostly Airflow's start-up): the run fails at
`prepare` without retry, the teardown succeeds instead of failing on the missing plan, and the last
line printed is the cause with the path. The other bad starts are tested on `pipeline.prepare` in
tests/test_start_checks.py (seconds each).
"""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)


def test_make_run_on_a_missing_landing_folder_ends_with_the_cause(airflow_db, tmp_path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    warehouse = tmp_path / "wh" / "fulian.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FULIAN_")}
    done = subprocess.run(
        ["make", "--no-print-directory", "run", f"LANDING={missing}", f"WAREHOUSE={warehouse}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode != 0
    lines = done.stdout.splitlines()
    assert lines[-1] == (
        f"cause: landing folder {missing} does not exist: create it or pass LANDING=<folder of .txt reports>"
    )
    progress = [line for line in lines if line.startswith("+")]
    assert any("failed   prepare" in line for line in progress)
    assert any("success  cleanup" in line for line in progress), "the teardown has nothing to do, and does it"
    assert not any("up_for_retry" in line for line in progress), "no retry of a deterministic failure"
    assert "TypeError" not in done.stdout
    assert not warehouse.exists()
