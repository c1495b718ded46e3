"""A landing folder that brings nothing new for FULIAN_FRESHNESS_DAYS days is alerted, through dbt.

The dbt part runs the real `dbt source freshness` (in-process) on a scratch warehouse whose raw layer
was loaded days ago; the alert goes through dq.alerts and the real webhook channel. The DAG's wiring
(a nothing-new run alerts and still succeeds) is in tests/test_pipeline_e2e.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from fulian.dq.freshness import CHECK_NAME, landing_alert
from fulian.warehouse.dbt import SourceFreshness

from alert_receivers import webhook_receiver
from conftest import ROOT

RAW_DDL = ROOT / "plugins" / "fulian" / "warehouse" / "raw_schema.sql"


def _result(source: str, status: str, age_days: float | None) -> SourceFreshness:
    loaded = None if age_days is None else datetime(2026, 11, 30, tzinfo=UTC) - timedelta(days=age_days)
    return SourceFreshness(source, status, loaded, age_days, None if loaded else "no rows")


def test_no_alert_while_every_source_passes() -> None:
    results = [_result("raw.reports", "pass", 1.0), _result("raw.report_files", "pass", 0.5)]
    assert landing_alert(results, "/in", 7) is None


def test_a_stale_source_is_a_warning_naming_it_its_age_and_the_setting() -> None:
    results = [_result("raw.reports", "warn", 9.5), _result("raw.report_files", "pass", 2.0)]
    alert = landing_alert(results, "/data/in", 7)
    assert alert is not None and not alert.success
    assert (alert.check_name, alert.severity) == (CHECK_NAME, "warning")
    assert "/data/in" in alert.message and "FULIAN_FRESHNESS_DAYS" in alert.message
    assert "raw.reports" in alert.message and "9.5 days" in alert.message
    assert "raw.report_files" not in alert.message


def test_an_unmeasurable_source_is_alerted_not_raised() -> None:
    alert = landing_alert([_result("raw.reports", "runtime error", None)], "/in", 7)
    assert alert is not None and "not measurable (no rows)" in alert.message


def _stale_warehouse(tmp: Path) -> Path:
    """A working copy whose newest report was loaded 6 days ago and newest file sighting 3 days ago."""
    db = tmp / "work" / "fulian.duckdb"
    db.parent.mkdir()
    now = datetime.now(UTC).replace(tzinfo=None)
    with duckdb.connect(str(db)) as con:
        con.execute(RAW_DDL.read_text(encoding="utf-8"))
        con.execute(
            "insert into raw.reports (content_hash, file_name, byte_size, encoding, original_text, "
            "normalised_text, script, extractor_version, run_id, ingested_at) "
            "values ('h1', 'a.txt', 3, 'utf-8', 'abc', 'abc', 'simplified', 'v', 'old', ?)",
            [now - timedelta(days=6)],
        )
        con.execute(
            "insert into raw.report_files values ('b.txt', 'h1', ?, 'old')", [now - timedelta(days=3)]
        )
    return db


@pytest.mark.integration
def test_dbt_source_freshness_alerts_a_landing_stale_past_the_setting(tmp_path, monkeypatch) -> None:
    """Six days without a new report: stale at FULIAN_FRESHNESS_DAYS=5 (the default 7 would not be)."""
    from fulian.pipeline import check_freshness

    db = _stale_warehouse(tmp_path)
    plan = {"working": str(db), "landing": "/data/in", "warehouse": str(tmp_path / "w.duckdb"), "run_id": "r"}
    monkeypatch.setenv("DO_NOT_TRACK", "1")
    monkeypatch.setenv("FULIAN_FRESHNESS_DAYS", "5")
    with webhook_receiver() as (url, posts):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        outcome = check_freshness(plan)
    assert outcome["stale"] is True and outcome["days"] == 5
    assert "raw.reports" in outcome["message"] and "raw.report_files" not in outcome["message"]
    assert len(posts) == 1 and "raw.reports" in posts[0]["text"]
    with duckdb.connect(str(db)) as con:
        rows = con.execute("select run_id, check_name, severity, message from dq.alerts").fetchall()
        assert rows == [("r", CHECK_NAME, "warning", outcome["message"])]
        # a report arrives: the next check finds the landing fresh and alerts nothing
        con.execute("update raw.reports set ingested_at = now()::timestamp - interval 1 day")
    with webhook_receiver() as (url, posts):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        assert check_freshness(plan | {"run_id": "r2"}) == {"stale": False, "days": 5}
    assert posts == []


def test_a_table_that_never_held_a_row_is_no_landing_gone_quiet() -> None:
    never = SourceFreshness("raw.reports", "error", datetime(1, 1, 1, tzinfo=UTC), 739949.0, None)
    assert landing_alert([never], "/in", 7) is None
