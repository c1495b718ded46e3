"""One definition of each bound dbt and GX both test: expectations/bounds.yml (issue: the report-year
bound differed, dbt <= 2100 and GX <= the current year).

No GX and no dbt run: what is compared is what each checker is configured with.
"""

from __future__ import annotations

import datetime as dt
import json

import yaml

from fulian.dq.bounds import load_bounds, year_parameters
from fulian.warehouse.dbt import dbt_vars

from conftest import ROOT

PROJECT = ROOT / "expectations"


def _dbt_arguments(models_yml: str, model: str, column: str) -> dict:
    marts = yaml.safe_load((ROOT / "dbt_project" / "models" / models_yml).read_text(encoding="utf-8"))
    node = next(m for m in marts["models"] if m["name"] == model)
    spec = next(c for c in node["columns"] if c["name"] == column)
    (arguments,) = [t["value_between"]["arguments"] for t in spec["data_tests"] if "value_between" in t]
    return arguments


def _gx_kwargs(suite: str, column: str) -> dict:
    spec = json.loads((PROJECT / "gx" / "expectations" / suite).read_text(encoding="utf-8"))
    (expectation,) = [e for e in spec["expectations"] if e["kwargs"]["column"] == column]
    return expectation["kwargs"]


def test_dbt_and_gx_take_the_report_year_bound_from_bounds_yml() -> None:
    years = year_parameters(load_bounds(PROJECT))
    assert years["report_year_max"] == dt.date.today().year  # bounds.yml: max current
    given = dbt_vars("x.duckdb")
    assert {k: given[k] for k in ("report_year_min", "report_year_max")} == {
        "report_year_min": years["report_year_min"],
        "report_year_max": years["report_year_max"],
    }
    assert _dbt_arguments("marts/_marts.yml", "dim_document", "report_year") == {
        "min_value": "{{ var('report_year_min') }}",
        "max_value": "{{ var('report_year_max') }}",
    }
    gx = _gx_kwargs("agg_report_summary/plausible_reports.json", "report_year")
    assert gx["min_value"] == {"$PARAMETER": "report_year_min"}
    assert gx["max_value"] == {"$PARAMETER": "report_year_max"}


def test_the_year_bounds_follow_the_calendar_and_bounds_yml() -> None:
    bounds = load_bounds(PROJECT)
    later = year_parameters(bounds, dt.date(2031, 3, 1))
    assert later["report_year_max"] == 2031
    assert later["period_end_year_max"] == 2031 + bounds["period_years"]["max_ahead"]
    fixed = {**bounds, "report_year": {**bounds["report_year"], "max": 2040}}
    assert year_parameters(fixed, dt.date(2031, 3, 1))["report_year_max"] == 2040
