"""Two runs on one warehouse at once: the later publication is refused, nothing is lost or doubled."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from fulian import pipeline
from fulian.errors import ConcurrentPublish
from fulian.warehouse import backup

from conftest import SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)


def _landing(tmp_path, name: str, files: list) -> str:
    folder = tmp_path / name
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    return str(folder)


def test_the_second_of_two_overlapping_runs_publishes_nothing(tmp_path) -> None:
    samples = sorted(SEEDS.glob("*.txt"))
    warehouse = str(tmp_path / "fulian.duckdb")
    plan_a = pipeline.prepare(_landing(tmp_path, "a", samples[:1]), warehouse, "run-a")
    plan_b = pipeline.prepare(_landing(tmp_path, "b", samples[1:2]), warehouse, "run-b")
    for plan in (plan_b, plan_a):
        dirs = [pipeline.extract(plan, m) for m in plan["batches"]]
        plan["added"] = pipeline.load_raw(plan, dirs)

    pipeline.publish(plan_b, plan_b["added"], None)
    with pytest.raises(ConcurrentPublish, match="another run"):
        pipeline.publish(plan_a, plan_a["added"], None)

    with duckdb.connect(warehouse, read_only=True) as con:
        names = [n for (n,) in con.execute("select file_name from raw.reports").fetchall()]
        runs = [r for (r,) in con.execute("select run_id from dq.runs").fetchall()]
    assert names == [samples[1].name] and runs == ["run-b"]
    # The refused run left nothing in the kept raw layer: no manifest, no Parquet, no generation.
    assert [m["run_id"] for m in backup.manifests(Path(warehouse))] == ["run-b"]
    assert not list(backup.raw_dir(Path(warehouse)).rglob("run-a*"))
    assert not list(backup.generations_dir(Path(warehouse)).glob("*run-a*"))

    # The refused run's report is simply read by the next run over its folder.
    plan_c = pipeline.prepare(plan_a["landing"], warehouse, "run-c")
    assert len(plan_c["batches"]) == 1
    dirs = [pipeline.extract(plan_c, m) for m in plan_c["batches"]]
    pipeline.publish(plan_c, pipeline.load_raw(plan_c, dirs), None)
    with duckdb.connect(warehouse, read_only=True) as con:
        assert con.execute("select count(*) from raw.reports").fetchone()[0] == 2
