"""Run-level failures stop publication of the run's data, and still alert (issue: quarantine, not loss)."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from gx_variant import variant_project
from warehouse_checks import file_sha256

from fulian.errors import RunLevelFailure
from fulian.pipeline import run_in_process

from alert_receivers import webhook_receiver
from conftest import SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)


def test_a_run_without_any_fact_publishes_nothing_and_alerts(tmp_path, monkeypatch) -> None:
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "empty.txt").write_bytes(b"")
    (landing / "noise.bin.txt").write_bytes(bytes(range(256)) * 10)
    warehouse = tmp_path / "wh" / "fulian.duckdb"
    with webhook_receiver() as (url, posts):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        with pytest.raises(RunLevelFailure, match="no facts"):
            run_in_process(str(landing), str(warehouse), "no-facts")
    assert not warehouse.exists()
    assert posts and "no facts" in posts[0]["text"] and "empty.txt" in posts[0]["text"]


def test_a_suite_that_cannot_run_keeps_the_published_data_and_records_the_alert(
    tmp_path, monkeypatch
) -> None:
    landing = tmp_path / "landing"
    landing.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], landing)
    warehouse = tmp_path / "fulian.duckdb"
    run_in_process(str(landing), str(warehouse), "good")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        facts_before = con.execute("select count(*) from marts.fct_facts").fetchone()[0]

    # A committed suite edited by hand into one GX cannot run (bounds.yml could not even build it).
    broken = variant_project(tmp_path, lambda bounds: None)
    suite = broken / "gx" / "expectations" / "fct_facts" / "value_range" / "people.json"
    spec = json.loads(suite.read_text(encoding="utf-8"))
    spec["expectations"][0]["kwargs"]["max_value"] = "not a number"
    suite.write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("FULIAN_GX_PROJECT", str(broken))
    shutil.copy(sorted(SEEDS.glob("*.txt"))[1], landing)
    before = file_sha256(warehouse)
    with pytest.raises(RunLevelFailure):
        run_in_process(str(landing), str(warehouse), "broken-suite")
    assert file_sha256(warehouse) != before, "the alert is recorded in the published warehouse"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        facts_after = con.execute("select count(*) from marts.fct_facts").fetchone()[0]
        reports = con.execute("select count(*) from raw.reports").fetchone()[0]
        alert = con.execute(
            "select severity, file_names, message from dq.alerts where run_id = 'broken-suite'"
        )
        severity, files, message = alert.fetchone()
    assert facts_after == facts_before and reports == 1, "none of the failed run's data is published"
    assert severity == "critical" and "not published" in message
    assert files == [sorted(SEEDS.glob("*.txt"))[1].name]
    work = tmp_path / ".fulian-work"  # no run workspace is left; the landed files' hash cache may stay
    left = [p.name for p in (work.iterdir() if work.exists() else []) if not p.name.startswith("hashes.")]
    assert left == []
