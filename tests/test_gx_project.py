"""The committed GX project in expectations/: built from bounds.yml, validated from as committed, and its
Data Docs keep every run's results (issue: GX project under version control, Data Docs history).

Real GX on small frames, no warehouse and no Airflow: the checks' frames are plain DataFrames (see
fulian.dq.expectations), so the committed checkpoints can be run on hand-made rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from fulian.dq import gx_project
from fulian.dq.bounds import load_bounds, year_parameters
from fulian.dq.expectations import _with_bound_classes, qualifier_codes

from conftest import ROOT

pytestmark = pytest.mark.integration  # imports and runs Great Expectations (about 10 s here)

PROJECT = ROOT / "expectations"
COMMITTED = ("great_expectations.yml", "expectations", "validation_definitions", "checkpoints")
TODAY = dt.date(2026, 6, 1)


def _committed_files(project: Path) -> dict[str, str]:
    """Path -> SHA-256 of every file of the project that is under version control (not uncommitted/)."""
    gx = project / "gx"
    files = [
        p for name in COMMITTED for p in ([gx / name] if (gx / name).is_file() else (gx / name).rglob("*"))
    ]
    return {str(p.relative_to(gx)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


def _parameters(bounds: dict) -> dict:
    return {
        **year_parameters(bounds, TODAY),
        "category_codes": ["loans", "training"],
        "qualifier_codes": qualifier_codes(),
    }


def _facts(bounds: dict) -> pd.DataFrame:
    """Seven facts: a plausible rate, an impossible 380 % rate, a negative share (impossible), a 150 %
    growth (a change may pass 100 %), a decline of 0.19 ‰ from a table's 增减 column (a change may be
    negative), a negative natural growth rate (a level that may be negative), and an actual said to
    end two years after its report."""
    keys = ["ok", "rate380", "share_negative", "growth150", "decline", "natural_growth", "future"]
    facts = pd.DataFrame(
        {
            "fact_key": keys,
            "content_hash": ["h1"] * 7,
            "file_name": ["a.txt"] * 7,
            "fact_text": ["38.1%", "380%", "-5%", "增长150%", "-0.19", "-2.12‰", "培训100人"],
            "value": [38.1, 380.0, -5.0, 150.0, -0.19, -2.12, 100.0],
            "qualifier": ["exact"] * 7,
            "category_code": ["training"] * 7,
            "unit_class": ["percent"] * 6 + ["people"],
            "statement_kind": ["actual", "actual", "actual", "change", "change", "actual", "actual"],
            "period_end_year": [2024] * 6 + [2026],
            "years_past_publication": [0] * 6 + [2],
            "metric": ["建成率", "建成率", "建成率", "增长", "婴儿死亡率增减", "人口自然增长率", "培训"],
        }
    )
    return _with_bound_classes(facts, bounds)


def _failing(result, index_column: str) -> dict[str, set[str]]:
    """Suite name -> keys of the rows that failed one of its expectations."""
    out: dict[str, set[str]] = {}
    for outcome in result.run_results.values():
        for er in outcome.results:
            keys = {row[index_column] for row in er.result.get("unexpected_index_list") or []}
            if keys:
                out.setdefault(outcome.suite_name, set()).update(keys)
    return out


def test_committed_suites_are_what_bounds_yml_builds(tmp_path) -> None:
    copy = tmp_path / "expectations"
    shutil.copytree(PROJECT, copy, ignore=shutil.ignore_patterns("uncommitted"))
    gx_project.build(copy)
    assert _committed_files(copy) == _committed_files(PROJECT), (
        "expectations/gx/ is not what expectations/bounds.yml builds: run `make expectations` and commit"
    )
    # ...and a changed bound shows in the rebuilt suite, so the comparison above can fail
    bounds = load_bounds(copy)
    bounds["value_bounds"]["percent"]["max"] = 30
    (copy / "bounds.yml").write_text(
        yaml.safe_dump(bounds, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    gx_project.build(copy)
    changed = {k for k, v in _committed_files(copy).items() if _committed_files(PROJECT).get(k) != v}
    assert changed == {"expectations/fct_facts/value_range/percent.json"}


def test_the_committed_checkpoint_quarantines_out_of_bounds_rows_and_writes_nothing_committed(
    tmp_path,
) -> None:
    before = _committed_files(PROJECT)
    bounds = load_bounds(PROJECT)
    context = gx_project.open_context(PROJECT, tmp_path / "docs", tmp_path / "validations")
    result = context.checkpoints.get("fct_facts").run(
        batch_parameters={"dataframe": _facts(bounds)}, expectation_parameters=_parameters(bounds)
    )
    assert not result.success
    assert _failing(result, "fact_key") == {
        "fct_facts.value_range.percent": {"rate380", "share_negative"},
        "fct_facts.plausible_periods": {"future"},
    }
    gx_project.build_docs(context, list(result.run_results))
    assert (tmp_path / "docs" / "index.html").exists()
    assert _committed_files(PROJECT) == before, "a run must not write into the committed project"


def test_the_report_year_bound_moves_with_the_year_given(tmp_path) -> None:
    bounds = load_bounds(PROJECT)
    reports = pd.DataFrame(
        {
            "file_name": ["old.txt", "now.txt", "ahead.txt"],
            "report_year": [1990, 2026, 2027],
            "fact_count": [3, 3, 3],
        }
    )
    context = gx_project.open_context(PROJECT, tmp_path / "docs", tmp_path / "validations")
    checkpoint = context.checkpoints.get("agg_report_summary")
    this_year = checkpoint.run(
        batch_parameters={"dataframe": reports}, expectation_parameters=_parameters(bounds)
    )
    assert _failing(this_year, "file_name") == {"agg_report_summary.plausible_reports": {"ahead.txt"}}
    next_year = {**_parameters(bounds), **year_parameters(bounds, dt.date(2027, 1, 1))}
    later = checkpoint.run(batch_parameters={"dataframe": reports}, expectation_parameters=next_year)
    assert later.success


def test_two_runs_into_one_data_docs_location_are_both_in_its_index(tmp_path) -> None:
    from fulian.dq.expectations import _gx_run_id

    bounds = load_bounds(PROJECT)
    docs, validations = tmp_path / "gx_data_docs", tmp_path / "gx_validations"
    for run in ("manual__first-run", "scheduled__second-run"):  # a fresh context each, as two runs
        context = gx_project.open_context(PROJECT, docs, validations)
        result = context.checkpoints.get("fct_facts").run(
            batch_parameters={"dataframe": _facts(bounds)},
            expectation_parameters=_parameters(bounds),
            run_id=_gx_run_id(run),
        )
        gx_project.build_docs(context, list(result.run_results))
    index = (docs / "index.html").read_text(encoding="utf-8")
    assert "manual__first-run" in index and "scheduled__second-run" in index
    pages = set(re.findall(r'validations/fct_facts/value_range/percent/([^/"]+)/', index))
    assert pages == {"manual__first-run", "scheduled__second-run"}
