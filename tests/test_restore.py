"""Nothing is lost with the warehouse file: the raw layer is kept as Parquet per run beside it, the last
N files are kept, and `make restore` gives back the same marts, or an earlier run's.

One warehouse is built once for the module (two real runs in process, the DAG's steps with dbt
in-process), with a quarantine decided by the checks and one lifted by hand between the runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from warehouse_checks import content_checksums, mart_rows

from fulian import pipeline
from fulian.errors import WarehouseMissing
from fulian.warehouse import backup, database, restore
from fulian.warehouse.preflight import sha256_of

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)

IMPOSSIBLE = "某某市妇联2023年工作简报\n全市美丽庭院建成率380%，累计发放巾帼创业贷款5000000亿元。\n"


def _copy_tree(src: Path, dst: Path) -> Path:
    """A copy of the warehouse folder (file, Parquet, generations) a test may break."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".fulian-work", "gx_data_docs", "dbt_*"))
    return dst / "fulian.duckdb"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("restore")
    landing, warehouse = root / "landing", root / "wh" / "fulian.duckdb"
    landing.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:2]:
        shutil.copy(seed, landing)
    (landing / "impossible.txt").write_text(IMPOSSIBLE, encoding="utf-8")
    pipeline.run_in_process(str(landing), str(warehouse), "first")
    after_first = root / "after_first.duckdb"
    shutil.copy(warehouse, after_first)
    # A reviewer lifts one quarantine between the runs: the published file is edited in place.
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from dq.quarantine where fact_text = '380%'")
    for seed in seeds[2:]:
        shutil.copy(seed, landing)
    pipeline.run_in_process(str(landing), str(warehouse), "second")
    return {"warehouse": warehouse, "after_first": after_first, "landing": landing}


def _state_checksums(published: Path, upto_run: str, tmp_path: Path) -> dict:
    """The raw and dq tables as the Parquet holds them up to a run, in a fresh database."""
    manifests = backup.manifests(published)
    index = max(i for i, m in enumerate(manifests) if m["run_id"] == upto_run)
    db = tmp_path / "state.duckdb"
    restore.load_raw_layer(published, db, restore.files_at(manifests, index))
    return {
        k: v for k, v in content_checksums(db, every_column=True).items() if k.split(".")[0] in ("raw", "dq")
    }


def _raw_dq(path: Path) -> dict:
    return {
        k: v
        for k, v in content_checksums(path, every_column=True).items()
        if k.split(".")[0] in ("raw", "dq")
    }


def test_every_run_keeps_what_it_added_as_parquet_and_its_file(built, tmp_path) -> None:
    warehouse = built["warehouse"]
    first, second = backup.manifests(warehouse)
    assert [first["run_id"], second["run_id"]] == ["first", "second"]
    assert {e["mode"] for e in first["tables"].values()} == {"full"}, "no backup before: everything"
    modes = {t: e["mode"] for t, e in second["tables"].items()}
    assert modes.pop("dq.quarantine") == "full", "a quarantine lifted by hand changes the table: full rows"
    assert set(modes.values()) == {"delta"}
    assert second["tables"]["raw.reports"]["rows"] == 3 and second["tables"]["dq.runs"]["rows"] == 1
    files = sorted(
        p.relative_to(backup.raw_dir(warehouse)) for p in backup.raw_dir(warehouse).rglob("*.parquet")
    )
    assert Path("raw.facts/ingest_date=" + second["published_at"][:10] + "/second.parquet") in files
    # Up to each run, the Parquet holds exactly the raw and dq rows of the file that run published.
    assert _state_checksums(warehouse, "second", tmp_path) == _raw_dq(warehouse)
    generations = backup.generations_dir(warehouse)
    assert sorted(p.name for p in generations.glob("*.duckdb")) == ["first.duckdb", "second.duckdb"]
    assert sha256_of(generations / "second.duckdb") == second["sha256"] == sha256_of(warehouse)


def test_a_deleted_warehouse_is_restored_from_the_parquet_with_the_same_marts(built, tmp_path) -> None:
    """`make restore` (no landing folder) after the file is deleted, rebuilding from the Parquet."""
    warehouse = _copy_tree(built["warehouse"].parent, tmp_path / "wh")
    expected_marts, expected_raw = mart_rows(warehouse), _raw_dq(warehouse)
    warehouse.unlink()
    with pytest.raises(WarehouseMissing, match="make restore"):
        pipeline.prepare(str(built["landing"]), str(warehouse), "would-start-empty")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FULIAN_")}
    done = subprocess.run(
        ["make", "--no-print-directory", "restore", f"WAREHOUSE={warehouse}", "FROM=parquet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "to run second from parquet" in done.stdout
    assert mart_rows(warehouse) == expected_marts
    assert _raw_dq(warehouse) == expected_raw
    assert database.storage_version_of(warehouse) == database.storage_tag("v1.2.0")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        facts = {t for (t,) in con.execute("select fact_text from marts.fct_facts").fetchall()}
    assert "380%" in facts and "5000000亿元" not in facts, "the quarantine as it stood: one kept, one lifted"


def test_a_rollback_restores_an_earlier_runs_marts(built, tmp_path) -> None:
    warehouse = _copy_tree(built["warehouse"].parent, tmp_path / "wh")
    first_marts = mart_rows(built["after_first"])
    result = restore.restore(warehouse, "first")
    assert result["source"] == "generation first.duckdb"
    assert mart_rows(warehouse) == first_marts
    # The rollback is recorded: restoring "the last run" now means the rolled-back state, and the
    # next run's start knows the file as intact (its SHA-256 is the manifest's).
    assert backup.last_manifest(warehouse)["kind"] == "rollback"
    assert backup.last_manifest(warehouse)["sha256"] == sha256_of(warehouse)
    warehouse.unlink()
    assert restore.restore(warehouse)["run_id"] == "first"
    assert mart_rows(warehouse) == first_marts


def test_without_its_generation_a_run_is_rebuilt_from_the_parquet_up_to_it(built, tmp_path) -> None:
    """Only the last FULIAN_GENERATIONS files are kept; an older run's raw layer comes from the Parquet
    (its full snapshot), never including a later run's rows."""
    warehouse = _copy_tree(built["warehouse"].parent, tmp_path / "wh")
    assert backup.prune_generations(warehouse, keep=1) == [backup.generations_dir(warehouse) / "first.duckdb"]
    assert _state_checksums(warehouse, "first", tmp_path) == _raw_dq(built["after_first"])
    assert [r["generation"] for r in restore.runs(warehouse)] == [False, True]


def test_the_files_of_a_table_after_each_manifest() -> None:
    """Restore's table state: a full snapshot resets a table, deltas add to it, a rollback returns to the
    state after the run it names (pure function over the manifests)."""
    manifests = [
        {"seq": 1, "run_id": "a", "tables": {"t": {"mode": "full", "file": "t/a"}}},
        {"seq": 2, "run_id": "b", "tables": {"t": {"mode": "delta", "file": "t/b"}}},
        {"seq": 3, "run_id": "c", "tables": {"t": {"mode": "delta", "file": None}}},
        {"seq": 4, "run_id": "back", "kind": "rollback", "to": "a", "tables": {}},
        {"seq": 5, "run_id": "d", "tables": {"t": {"mode": "delta", "file": "t/d"}}},
        {"seq": 6, "run_id": "e", "tables": {"t": {"mode": "full", "file": "t/e"}}},
    ]
    assert [restore.files_at(manifests, i)["t"] for i in range(6)] == [
        ["t/a"],
        ["t/a", "t/b"],
        ["t/a", "t/b"],
        ["t/a"],
        ["t/a", "t/d"],
        ["t/e"],
    ]
