"""The dbt project on a small scratch warehouse: build twice, then a new version of a file.

Runs dbt in-process (dbtRunner) against a tmp DuckDB holding the raw and dq schemas of
plugins/fulian/warehouse/raw_schema.sql and a handful of realistic rows: three reports (one province-wide,
one city, one without any region), eleven facts, one quarantined fact. Then a file gets a second
version and another fact is quarantined; the marts must follow.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from dbt_build import dbt_build
from raw_rows import H_DY1, H_DY2, H_GD, H_NONE, load_day_one, load_day_two

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)

ROOT = Path(__file__).resolve().parents[1]
RAW_DDL = ROOT / "plugins" / "fulian" / "warehouse" / "raw_schema.sql"


def _q(db: Path, sql: str) -> list[tuple]:
    # Not read_only: dbt-duckdb may keep its in-process DuckDB instance open after dbtRunner returns,
    # and DuckDB refuses a second connection to the same file with a different configuration.
    with duckdb.connect(str(db)) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("dbt")
    db = tmp / "scratch.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(RAW_DDL.read_text(encoding="utf-8"))
        load_day_one(con.execute)
    return db


@pytest.fixture(scope="module")
def builds(warehouse: Path, tmp_path_factory) -> dict[str, object]:
    mp = pytest.MonkeyPatch()
    mp.setenv("FULIAN_DBT_DB", str(warehouse))
    mp.setenv("DO_NOT_TRACK", "1")
    tmp = warehouse.parent
    out: dict[str, object] = {}
    try:
        out["first"] = dbt_build(tmp)
        out["after_first"] = _q(warehouse, "select fact_key, loaded_at from marts.fct_facts order by 1")
        out["second"] = dbt_build(tmp)
        out["after_second"] = _q(warehouse, "select fact_key, loaded_at from marts.fct_facts order by 1")
        # day 2: dongying.txt changes, and a check quarantines one of guangdong.txt's facts
        with duckdb.connect(str(warehouse)) as con:
            load_day_two(con.execute)
        out["third"] = dbt_build(tmp)
    finally:
        mp.undo()
    return out


def test_first_build_has_current_non_quarantined_facts_only(builds, warehouse) -> None:
    assert builds["first"].get("error", 0) == 0 and builds["first"].get("fail", 0) == 0
    keys = {k for k, _ in builds["after_first"]}
    assert len(keys) == len(builds["after_first"]) == 4 + 4 + 2
    assert f"{H_DY1}:4" not in keys  # quarantined
    assert f"{H_DY1}:0" in keys and f"{H_NONE}:1" in keys


def test_second_build_is_idempotent(builds) -> None:
    assert builds["after_second"] == builds["after_first"]  # same keys, rows not even rewritten


def test_new_version_replaces_its_facts_and_new_quarantine_applies(builds, warehouse) -> None:
    rows = _q(warehouse, "select fact_key, content_hash, file_name, value from marts.fct_facts")
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)) == 4 + 3 + 2
    assert not [r for r in rows if r[1] == H_DY1], "facts of the superseded version must be gone"
    assert {r[3] for r in rows if r[2] == "dongying.txt"} == {1300.0, 35.0, 150000000.0, 600.0}
    assert f"{H_GD}:3" not in keys  # quarantined on day 2
    assert {
        k: (v, c)
        for k, v, c in _q(
            warehouse, "select content_hash, version_number, is_current from marts.dim_document"
        )
    } == {H_DY1: (1, False), H_DY2: (2, True), H_GD: (1, True), H_NONE: (1, True)}
    summary = dict(_q(warehouse, "select file_name, quarantined_fact_count from marts.agg_report_summary"))
    assert summary == {"dongying.txt": 0, "guangdong.txt": 1, "bulletin.txt": 0}


def test_fact_columns_and_value_kinds(builds, warehouse) -> None:
    rows = dict(_q(warehouse, "select qualifier, value_kind from marts.fct_facts group by all"))
    assert rows == {"exact": "exact", "over": "lower_bound", "about": "approximate", "under": "upper_bound"}
    ((date_key, report_key, pub_key, period_type),) = _q(
        warehouse,
        "select distinct date_key, report_date_key, publication_date_key, period_type"
        f" from marts.fct_facts where content_hash = '{H_GD}'",
    )
    # the period's end (a total to the end of 2025), the report's year, the publication day
    assert (date_key, report_key, pub_key, period_type) == (20251231, 20250101, 20260115, "to_date")
    assert _q(
        warehouse,
        f"select count(*) from marts.fct_facts where content_hash = '{H_NONE}' "
        "and date_key is null and region_key = md5('unknown') and organisation_key = md5('unknown')",
    ) == [(2,)]
    assert _q(
        warehouse,
        f"select category_code, category_key = md5('unknown') from marts.fct_facts "
        f"where fact_key = '{H_NONE}:1'",
    ) == [("weird_category", True)]


def test_dimension_keys_are_unique_and_facts_find_their_members(builds, warehouse) -> None:
    for dim, key in [
        ("dim_document", "document_key"),
        ("dim_region", "region_key"),
        ("dim_organisation", "organisation_key"),
        ("dim_date", "date_key"),
        ("dim_category", "category_key"),
        ("dim_unit", "unit_key"),
    ]:
        ((n, n_distinct),) = _q(warehouse, f"select count(*), count(distinct {key}) from marts.{dim}")
        assert n == n_distinct > 0, dim
        ((orphans,),) = (
            _q(
                warehouse,
                f"select count(*) from marts.fct_facts f anti join marts.{dim} d on f.{key} = d.{key}",
            )
            if key != "date_key"
            else [(0,)]
        )
        assert orphans == 0, dim
    assert ("坨", "other") in _q(warehouse, "select unit, unit_class from marts.dim_unit")
    regions = _q(warehouse, "select region_code, level from marts.dim_region order by 1 nulls last")
    assert regions == [("370500", "city"), ("440000", "province"), (None, "unknown")]


def test_aggregates_never_mix_unit_classes(builds, warehouse) -> None:
    rows = _q(
        warehouse,
        "select province, report_year, category_code, unit_class, fact_count, "
        "sum_exact_value, sum_lower_bound_value from marts.agg_figures_by_region_year",
    )
    by = {(p, y, c): (u, n, e, lb) for p, y, c, u, n, e, lb in rows}
    assert by[("山东省", 2024, "loans")] == ("money", 1, 150000000.0, 0.0)
    assert by[("广东省", 2025, "volunteers")] == ("people", 1, 0.0, 2000.0)
    assert len(rows) == len({(p, y, c, u) for p, y, c, u, *_ in rows})
