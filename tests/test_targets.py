"""Periods and kinds through the warehouse: targets, changes and multi-year totals are never added to
the actual figures of a year, and each target stands beside its outcome (fct_target_outcomes)."""

from __future__ import annotations

import duckdb
import pytest

from fulian.pipeline import run_in_process

pytestmark = pytest.mark.integration  # builds the marts with dbt

# Written for this test: a county federation's plan for 2024 that reviews 2023 and the last five years.
REPORT = """某某县妇联2023年工作总结和2024年工作要点
发布时间：2024-02-20
2023年，全县协调发放妇女创业担保贷款1860万元，比上年增加420万元；培训农村妇女820人次。
五年来，全县累计发放妇女创业担保贷款8600万元。
2024年，力争全年协调发放妇女创业担保贷款不低于2000万元，培训农村妇女1000人次以上。
截至2024年1月底，全县已协调发放妇女创业担保贷款160万元，培训农村妇女120人次。
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    landing = tmp_path_factory.mktemp("landing")
    (landing / "plan_2024.txt").write_text(REPORT, encoding="utf-8")
    published = tmp_path_factory.mktemp("wh") / "fulian.duckdb"
    run_in_process(str(landing), str(published), "targets")
    return published


def _q(db, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_each_figure_has_its_years_and_kind(warehouse) -> None:
    rows = dict(
        (text, (start, end, period_type, kind))
        for text, start, end, period_type, kind in _q(
            warehouse,
            "select fact_text, period_start_year, period_end_year, period_type, statement_kind"
            " from marts.fct_facts",
        )
    )
    assert rows["1860万元"] == (2023, 2023, "single_year", "actual")
    assert rows["420万元"] == (2023, 2023, "single_year", "change")
    assert rows["8600万元"] == (2019, 2023, "multi_year", "actual")
    assert rows["不低于2000万元"] == (2024, 2024, "single_year", "target")
    assert rows["160万元"][1:] == (2024, "to_date", "actual")


def test_the_aggregate_never_adds_targets_changes_or_totals_to_a_years_actuals(warehouse) -> None:
    money = _q(
        warehouse,
        "select statement_kind, period_type, period_end_year, sum_exact_value + sum_lower_bound_value"
        " from marts.agg_figures_by_region_year where unit_class = 'money' order by all",
    )
    actual_2023 = [
        v for kind, ptype, year, v in money if (kind, ptype, year) == ("actual", "single_year", 2023)
    ]
    assert actual_2023 == [18_600_000.0], money  # not 1860万 + 420万 + 8600万 + 2000万


def test_a_target_stands_beside_its_outcome(warehouse) -> None:
    pairs = _q(
        warehouse,
        "select target_text, actual_text, period_end_year from marts.fct_target_outcomes order by all",
    )
    assert ("1000人次以上", "120人次", 2024) not in pairs  # a total to date is not the year's outcome
    assert all(year == 2024 for *_, year in pairs)
