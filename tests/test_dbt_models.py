"""The dbt project on a small scratch warehouse: build twice, then a new version of a file.

Runs dbt in-process (dbtRunner) against a tmp DuckDB holding the raw and dq schemas of
plugins/fulian/warehouse/raw_schema.sql and a handful of realistic rows: three reports (one province-wide,
one city, one without any region), eleven facts, one quarantined fact. Then a file gets a second
version and another fact is quarantined; the marts must follow.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from dbt_build import dbt_build
from raw_rows import H_DY1, H_DY2, H_DY25, H_GD, H_NONE, load_day_one, load_day_two, load_restatements

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)

ROOT = Path(__file__).resolve().parents[1]
RAW_DDL = ROOT / "plugins" / "fulian" / "warehouse" / "raw_schema.sql"
OBSERVATION_COLUMNS = (
    "indicator_key",
    "observation_key",
    "part_of_observation_key",
    "indicator_code",
    "observation_label",
    "part_of_label",
)


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
        # day 2: dongying.txt changes, a check quarantines one of guangdong.txt's facts, and a later
        # report restates dongying.txt's figures (observations and the yearbook)
        with duckdb.connect(str(warehouse)) as con:
            load_day_two(con.execute)
            load_restatements(con.execute)
            # as if the warehouse had been built before observations and figure-level regions:
            # fct_facts without their columns
            for column in (*OBSERVATION_COLUMNS, "place_region_key"):
                con.execute(f"alter table marts.fct_facts drop column {column}")
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
    assert len(keys) == len(set(keys)) == 4 + 3 + 2 + 7
    assert not [r for r in rows if r[1] == H_DY1], "facts of the superseded version must be gone"
    assert {r[3] for r in rows if r[2] == "dongying.txt"} == {1300.0, 35.0, 150000000.0, 600.0}
    assert f"{H_GD}:3" not in keys  # quarantined on day 2
    assert {
        k: (v, c)
        for k, v, c in _q(
            warehouse, "select content_hash, version_number, is_current from marts.dim_document"
        )
    } == {H_DY1: (1, False), H_DY2: (2, True), H_GD: (1, True), H_NONE: (1, True), H_DY25: (1, True)}
    summary = dict(_q(warehouse, "select file_name, quarantined_fact_count from marts.agg_report_summary"))
    assert summary == {"dongying.txt": 0, "guangdong.txt": 1, "bulletin.txt": 0, "dongying-2025.txt": 0}


def test_a_growth_rate_below_zero_reaches_the_marts(builds, warehouse) -> None:
    # the build itself passed (dbt_build asserts it): no non-negative test took -2.12‰ for an error
    rows = _q(warehouse, f"select value, statement_kind from marts.fct_facts where fact_key = '{H_DY25}:6'")
    assert rows == [(-2.12, "actual")]


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
        ("dim_indicator", "indicator_key"),
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
    ((orphans,),) = _q(
        warehouse,
        "select count(*) from marts.fct_facts f anti join marts.dim_region d"
        " on f.place_region_key = d.region_key",
    )
    assert orphans == 0
    regions = _q(warehouse, "select region_code, level from marts.dim_region order by 1 nulls last")
    # the reports' regions and the county one figure is about
    assert regions == [("370500", "city"), ("370502", "county"), ("440000", "province"), (None, "unknown")]


def test_each_figure_is_keyed_to_its_own_place(builds, warehouse) -> None:
    # rewritten with the column when the table was built before it (dropped before the last build)
    assert _q(warehouse, "select count(*) from marts.fct_facts where place_region_key is null") == [(0,)]
    rows = {
        k: (report, place)
        for k, report, place in _q(
            warehouse,
            "select f.fact_key, r.region_code, p.region_code from marts.fct_facts as f "
            "join marts.dim_region as r on f.region_key = r.region_key "
            "join marts.dim_region as p on f.place_region_key = p.region_key",
        )
    }
    assert rows[f"{H_DY25}:3"] == ("370500", "370502")  # a city report's figure of one of its counties
    assert rows[f"{H_DY25}:0"] == ("370500", "370500")  # the city's own figure
    assert rows[f"{H_GD}:0"] == ("440000", "440000")  # no place of its own (before 1.3): the report's
    assert rows[f"{H_NONE}:0"] == (None, None)  # neither: the unknown member
    obs = _one(
        warehouse,
        f"select o.place_region_key, y.place_region_key as cell_region_key, y.place_level "
        f"from marts.fct_observations as o join marts.agg_indicator_yearbook as y "
        f"on y.preferred_observation_key = o.observation_key where o.preferred_fact_key = '{H_DY25}:3'",
    )
    assert obs == {
        "place_region_key": _q(warehouse, "select md5('370502')")[0][0],
        "cell_region_key": _q(warehouse, "select md5('370502')")[0][0],
        "place_level": "county",
    }


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


def _one(db: Path, sql: str) -> dict:
    with duckdb.connect(str(db)) as con:
        cursor = con.execute(sql)
        rows = cursor.fetchall()
        assert len(rows) == 1, (sql, rows)
        return dict(zip([d[0] for d in cursor.description], rows[0], strict=True))


def test_facts_carry_indicator_and_observation_keys(builds, warehouse) -> None:
    # fct_facts was built before observations (columns dropped before the last build): every row,
    # also the untouched ones of day one, was rewritten with the new columns filled
    assert _q(warehouse, "select count(*) from marts.fct_facts where observation_key is null") == [(0,)]
    rows = {
        k: (code, label, part, obs, whole, ind)
        for k, code, label, part, obs, whole, ind in _q(
            warehouse,
            "select fact_key, indicator_code, observation_label, part_of_label, observation_key, "
            "part_of_observation_key, indicator_key from marts.fct_facts",
        )
    }
    title, body, part = rows[f"{H_DY25}:0"], rows[f"{H_DY25}:1"], rows[f"{H_DY25}:2"]
    assert title[:3] == ("loans_amount", "o1", None) and title[3] == body[3]  # a restatement: one key
    assert part[2] == "o1" and part[4] == title[3] and part[3] != title[3]
    assert title[5] == _q(warehouse, "select md5('loans_amount')")[0][0]
    # facts extracted before observations: each its own observation, the unknown indicator
    legacy = rows[f"{H_GD}:0"]
    assert legacy[:3] == (None, None, None) and legacy[5] == _q(warehouse, "select md5('unknown')")[0][0]
    assert len({v[3] for k, v in rows.items() if not k.startswith(H_DY25)}) == 4 + 3 + 2


def test_a_restated_figure_is_one_observation(builds, warehouse) -> None:
    obs = _one(
        warehouse,
        f"select * from marts.fct_observations where content_hash = '{H_DY25}' and observation_label = 'o1'",
    )
    assert (obs["mention_count"], obs["value"], obs["fact_keys"]) == (
        2,
        150000000.0,
        f"{H_DY25}:0,{H_DY25}:1",
    )
    assert (obs["preferred_fact_key"], obs["first_fact_key"]) == (f"{H_DY25}:0", f"{H_DY25}:0")
    assert (obs["indicator_code"], obs["aggregation"], obs["unit_class"]) == ("loans_amount", "flow", "money")
    assert (obs["place_province"], obs["place_city"], obs["period_type"]) == (
        "山东省",
        "东营市",
        "single_year",
    )
    assert not obs["is_subtotal"] and obs["part_of_observation_key"] is None
    part = _one(
        warehouse,
        f"select * from marts.fct_observations where content_hash = '{H_DY25}' and observation_label = 'o2'",
    )
    assert part["is_subtotal"] and part["part_of_observation_key"] == obs["observation_key"]
    # one row per observation: 4 + 3 + 2 mentions stated once each, the 2025 report's 7 mentions are 6
    assert _q(warehouse, "select count(*), sum(mention_count) from marts.fct_observations") == [(15, 16)]


def test_sub_totals_and_restatements_are_not_added_twice(builds, warehouse) -> None:
    loans = _one(
        warehouse,
        "select * from marts.agg_figures_by_region_year where province = '山东省' and report_year = 2025 "
        "and category_code = 'loans'",
    )
    # 1.5亿 stated twice, and 其中 3000万 of it: the sum is 1.5亿, not 3亿, 1.8亿 or 3.3亿
    assert loans["sum_exact_value"] == 150000000.0
    assert (loans["observation_count"], loans["fact_count"], loans["subtotal_count"]) == (1, 2, 1)
    assert loans["exact_count"] == 1


def test_a_ratio_is_never_summed(builds, warehouse) -> None:
    funds = _one(
        warehouse,
        "select * from marts.agg_figures_by_region_year where province = '山东省' and report_year = 2025 "
        "and category_code = 'funds'",
    )
    # 50万元 of aid money is summed; 2000元 of aid per person (a ratio indicator) is only counted
    assert (funds["sum_exact_value"], funds["ratio_count"], funds["exact_count"]) == (500000.0, 1, 1)
    cell = _one(
        warehouse, "select * from marts.agg_indicator_yearbook where indicator_code = 'aid_per_person_amount'"
    )
    assert cell["aggregation"] == "ratio"
    assert not cell["is_summable_across_places"] and not cell["is_summable_across_years"]
    flags = _q(
        warehouse,
        "select aggregation, bool_and(is_summable_across_places), bool_and(is_summable_across_years) "
        "from marts.dim_indicator where is_in_reference group by 1 order by 1",
    )
    assert flags == [("flow", True, True), ("ratio", False, False), ("stock", True, False)]


def test_two_reports_of_one_figure_are_one_yearbook_cell(builds, warehouse) -> None:
    cells = _q(
        warehouse,
        "select indicator_code, place_province, place_city, place_county, place_level, year, value, "
        "reports_count, observation_count, mention_count, values_agree, min_value, max_value, file_name "
        "from marts.agg_indicator_yearbook order by indicator_code",
    )
    by = {c[0]: c[1:] for c in cells}
    assert len(cells) == len(by) == 4  # loans, women trained, aid per person, two-cancer aid
    # dongying.txt (2024 report) and dongying-2025.txt state the loans of 2024 alike: one cell, restatement
    # in dongying-2025.txt counted once; its sub-total of the same indicator is no candidate
    assert by["loans_amount"] == (
        "山东省", "东营市", "", "city", 2024, 150000000.0, 2, 2, 3, True, 150000000.0, 150000000.0,
        "dongying-2025.txt",
    )  # fmt: skip
    # they disagree on women trained: the latest published report's value is kept, the spread shown
    assert by["women_trained"][5:12] == (1250.0, 2, 2, 2, False, 1250.0, 1300.0)
    assert by["women_trained"][12] == "dongying-2025.txt"


def test_export_writes_indicator_observation_and_part_of_as_written(builds, warehouse, tmp_path) -> None:
    from fulian.warehouse.export import export

    export(warehouse, tmp_path / "out")
    facts = [json.loads(line) for line in (tmp_path / "out" / "facts.jsonl").open(encoding="utf-8")]
    labels = {(f["doc"], f["start_offset"]): (f["indicator"], f["observation"], f["part_of"]) for f in facts}
    assert labels[("dongying-2025.txt", 60)] == ("loans_amount", "o2", "o1")  # the 其中 sub-total
    assert labels[("dongying-2025.txt", 40)] == ("loans_amount", "o1", "")
    assert labels[("guangdong.txt", 5)] == ("", "", "")  # extracted before observations


def test_the_warehouse_itself_refuses_what_the_mart_contracts_forbid(builds, warehouse) -> None:
    """The marts rebuilt each run declare not_null as contract constraints, not as data tests: DuckDB
    enforces them on every write (a build that would write a null fails at that model), and analysts'
    clients see the columns as NOT NULL. (The incremental fct_facts keeps data tests: a column it
    gains later is added by ALTER TABLE without the constraint, as this warehouse's third build shows.)"""
    manifest = json.loads((warehouse.parent / "target" / "manifest.json").read_text(encoding="utf-8"))
    declared = {
        (node["name"], column)
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"]["materialized"] == "table"
        for column, spec in node["columns"].items()
        if any(c["type"] == "not_null" for c in spec.get("constraints", []))
    }
    assert len(declared) >= 70  # every key and measure the tables of the marts promise
    not_nullable = set(
        _q(
            warehouse,
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'marts' and is_nullable = 'NO'",
        )
    )
    assert declared <= not_nullable
    with duckdb.connect(str(warehouse)) as con:
        with pytest.raises(duckdb.ConstraintException, match="NOT NULL"):
            con.execute("insert into marts.dim_unit (unit_key) values (null)")
        # counts that cannot be negative say so as check constraints, enforced the same way
        with pytest.raises(duckdb.ConstraintException, match="CHECK"):
            con.execute("update marts.agg_figures_by_region_year set fact_count = -1")
