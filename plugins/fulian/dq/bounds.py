"""The bounds of the data-quality checks: expectations/bounds.yml, one readable file with a reason per bound.

Both checkers read their bounds from here: the GX suites committed in expectations/gx/ are built from
this file (`fulian gx-suites`), and dbt gets the bounds it tests as variables (`year_parameters`, passed by
fulian.warehouse.dbt.dbt_vars). No GX import here: dbt's side and the DAG file load this module cheaply.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from fulian import settings


def load_bounds(project: Path | None = None) -> dict:
    """The bounds file of a GX project: expectations/bounds.yml unless $FULIAN_GX_PROJECT names a variant."""
    path = (project or settings.gx_project_dir()) / "bounds.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def year_parameters(bounds: dict, today: dt.date | None = None) -> dict[str, int]:
    """The bounds that move with the calendar, resolved for `today`.

    The committed suites name these as GX suite parameters ({"$PARAMETER": ...}) and dbt reads them as
    variables, so a suite written this year still holds next year, and dbt and GX agree on the same day.
    """
    year = (today or dt.date.today()).year
    report = bounds["report_year"]
    periods = bounds["period_years"]
    return {
        "report_year_min": int(report["min"]),
        "report_year_max": year if report["max"] == "current" else int(report["max"]),
        "period_end_year_min": int(periods["min"]),
        "period_end_year_max": year + int(periods["max_ahead"]),
    }


def dbt_bound_vars(today: dt.date | None = None) -> dict[str, int]:
    """The dbt variables of the bounds dbt tests too (dim_document.report_year, severity warn)."""
    years = year_parameters(load_bounds(), today)
    return {k: years[k] for k in ("report_year_min", "report_year_max")}


if __name__ == "__main__":  # `python -m fulian.dq.bounds`: the dbt --vars for running dbt by hand
    import json

    print(json.dumps(dbt_bound_vars()))
