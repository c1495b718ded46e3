"""A report whose content changes under the same file name replaces its facts in the current marts;
the earlier version stays traceable in dim_document."""

from __future__ import annotations

import duckdb
import pytest

from fulian.pipeline import run_in_process

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)

V1 = "某某市妇联2022年工作总结\n培训农村妇女1200人，发放贷款3亿元。\n"
V2 = "某某市妇联2022年工作总结（修订）\n培训农村妇女1500人，发放贷款3亿元，开展活动45场。\n"


def test_a_changed_file_is_a_new_version_that_replaces_the_old_facts(tmp_path) -> None:
    landing = tmp_path / "landing"
    landing.mkdir()
    report = landing / "report.txt"
    (landing / "other.txt").write_text("某某县妇联简报\n走访慰问困难妇女300人。\n", encoding="utf-8")
    warehouse = tmp_path / "fulian.duckdb"
    report.write_text(V1, encoding="utf-8")
    run_in_process(str(landing), str(warehouse), "v1")
    report.write_text(V2, encoding="utf-8")
    run_in_process(str(landing), str(warehouse), "v2")

    with duckdb.connect(str(warehouse), read_only=True) as con:
        facts = sorted(
            con.execute("select value, unit from marts.fct_facts where file_name = 'report.txt'").fetchall()
        )
        versions = con.execute(
            "select version_number, is_current, valid_to is null from marts.dim_document "
            "where file_name = 'report.txt' order by version_number"
        ).fetchall()
        other = con.execute("select count(*) from marts.fct_facts where file_name = 'other.txt'").fetchone()[
            0
        ]
        raw_versions = con.execute(
            "select count(*) from raw.reports where file_name = 'report.txt'"
        ).fetchone()
    assert facts == [(45.0, "场"), (1500.0, "人"), (300000000.0, "元")]
    assert versions == [(1, False, False), (2, True, True)]
    assert other == 1
    assert raw_versions == (2,), "the raw layer keeps both versions"
