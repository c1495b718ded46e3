"""Which facts a run's GX checks cover: a daily run checks what it added; changed checks recheck all.

Real runs (run_in_process: the DAG's steps with dbt in-process) on real reports; the verdicts are read
back from dq.runs, dq.quarantine and marts.fct_facts.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest
from gx_variant import variant_project

from fulian.pipeline import run_in_process

from conftest import SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)


IMPOSSIBLE = (
    "某某市妇联2023年工作简报\n"
    "全市美丽庭院建成率380%，累计发放巾帼创业贷款5000000亿元。\n"
    "另开展宣讲活动120场。\n"
)


def _runs(warehouse) -> dict[str, tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select run_id, checks_scope, checks_fingerprint from dq.runs").fetchall()
    return {run_id: (scope, fingerprint) for run_id, scope, fingerprint in rows}


def _quarantined(warehouse) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select fact_text from dq.quarantine where kind = 'fact'").fetchall()
    return {t for (t,) in rows}


def _in_marts(warehouse, fact_text: str) -> bool:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        sql = "select count(*) from marts.fct_facts where fact_text = $1"
        return con.execute(sql, [fact_text]).fetchone()[0] > 0


def _percents_over_30(warehouse) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "select count(*) from marts.fct_facts as f join marts.dim_unit as u using (unit_key) "
            "where u.unit_class = 'percent' and f.value > 30"
        ).fetchone()[0]


def test_daily_runs_check_only_new_reports_and_changed_bounds_recheck_everything(
    tmp_path, monkeypatch
) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    landing, warehouse = tmp_path / "landing", tmp_path / "wh" / "fulian.duckdb"
    landing.mkdir()
    for seed in seeds[:2]:
        shutil.copy(seed, landing)
    (landing / "impossible.txt").write_text(IMPOSSIBLE, encoding="utf-8")
    run_in_process(str(landing), str(warehouse), "first")
    assert {"380%", "5000000亿元"} <= _quarantined(warehouse)
    # A reviewer accepts the 380% (lifting a quarantine = deleting its row, between runs).
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from dq.quarantine where fact_text = '380%'")

    # A day later: one more sample report and another impossible one. Only those are checked: the new
    # impossible figure is caught, and the lifted 380% is not checked again, so it reaches the marts.
    shutil.copy(seeds[2], landing)
    (landing / "impossible-too.txt").write_text("某县妇联2024年总结\n培训妇女30亿人次。\n", encoding="utf-8")
    run_in_process(str(landing), str(warehouse), "second")
    runs = _runs(warehouse)
    assert runs["first"][0] == "all"
    assert runs["second"] == ("new", runs["first"][1])
    assert "30亿人次" in _quarantined(warehouse) and "380%" not in _quarantined(warehouse)
    assert _in_marts(warehouse, "380%")
    percents_over_30 = _percents_over_30(warehouse)
    assert percents_over_30 > 1, "the sample reports should state some rates above 30%"

    # A reviewer tightens a bound: the fingerprint changes, every fact is checked again (in chunks of
    # 25 facts here), and earlier facts that now fail leave the marts.
    tighter = variant_project(tmp_path, lambda bounds: bounds["value_bounds"]["percent"].update(max=30))
    monkeypatch.setenv("FULIAN_GX_PROJECT", str(tighter))
    monkeypatch.setenv("FULIAN_CHECK_CHUNK", "25")
    shutil.copy(seeds[3], landing)
    run_in_process(str(landing), str(warehouse), "third")
    runs = _runs(warehouse)
    assert runs["third"][0] == "all" and runs["third"][1] != runs["second"][1]
    assert _percents_over_30(warehouse) == 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        newly_held = con.execute(
            "select count(*) from dq.quarantine where run_id = 'third' and check_name like '%percent%'"
        ).fetchone()[0]
    assert newly_held >= percents_over_30

    # A requested rebuild with nothing new checks everything again.
    run_in_process(str(landing), str(warehouse), "rebuild", rebuild=True)
    assert _runs(warehouse)["rebuild"][0] == "all"

    # The warehouse's Data Docs keep every run's validation results, named by run id.
    index = (warehouse.parent / "gx_data_docs" / "index.html").read_text(encoding="utf-8")
    for run in ("first", "second", "third", "rebuild"):
        assert f"/agg_report_summary/plausible_reports/{run}/" in index, run
