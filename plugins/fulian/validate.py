"""Great Expectations checks on the built marts of a run's working copy.

Why DataFrames: GX over SQLAlchemy + duckdb-engine fails on this stack (MetricResolutionError), while a
DataFrame read from DuckDB validates fine. The frames are read when the task runs, from the working copy
the run just built, never when the DAG file is parsed.

Suites are built from `expectations/bounds.yml` (the bounds, each with its reason) so that reviewing a
bound means reading one YAML file. Row-level failures name fact keys: those facts go to dq.quarantine and
leave the marts; report-level failures raise alerts; run-level failures stop publication.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from fulian.paths import EXPECTATIONS_DIR
from fulian.warehouse import read_only

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TQDM_DISABLE", "1")

log = logging.getLogger(__name__)

FACTS_SQL = """
    select f.fact_key, f.content_hash, f.file_name, f.fact_text, f.value, f.qualifier,
           f.category_code, u.unit_class
    from marts.fct_facts as f
    join marts.dim_unit as u on u.unit_key = f.unit_key
"""
REPORTS_SQL = """
    select file_name, content_hash, report_year, fact_count
    from marts.agg_report_summary
"""
QUALIFIERS = ["exact", "over", "about", "under"]
# Repetitive text columns held as pandas categoricals: at 1.3 M facts this halves the frames' memory.
CATEGORICAL = ("content_hash", "file_name", "qualifier", "category_code", "unit_class")


class RunLevelFailure(RuntimeError):
    """The run as a whole is unusable (no facts, a suite that cannot run): do not publish."""


@dataclass
class CheckResult:
    check_name: str
    success: bool
    severity: str  # 'error' for held-back facts, 'warning' for report-level doubts
    message: str
    fact_keys: list[str] = field(default_factory=list)
    file_names: list[str] = field(default_factory=list)


def load_bounds() -> dict:
    """The bounds file: expectations/bounds.yml, or $FULIAN_BOUNDS (a reviewed variant, or a test's)."""
    path = Path(os.environ.get("FULIAN_BOUNDS") or EXPECTATIONS_DIR / "bounds.yml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _suites(bounds: dict, categories: list[str], current_year: int) -> list[tuple[str, object, str]]:
    """(dataset, suite, severity) triples; dataset names a frame, or 'facts:<unit_class>' for a slice."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    suites = []
    keys = gx.ExpectationSuite(name="fct_facts.keys_and_sets")
    for column in ("fact_key", "content_hash", "file_name", "value", "unit_class"):
        keys.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=column))
    keys.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="qualifier", value_set=QUALIFIERS))
    keys.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="category_code", value_set=categories))
    keys.add_expectation(
        gxe.ExpectColumnValuesToBeInSet(column="unit_class", value_set=sorted(bounds["value_bounds"]))
    )
    suites.append(("facts", keys, "error"))
    for unit_class, b in bounds["value_bounds"].items():
        suite = gx.ExpectationSuite(name=f"fct_facts.value_range.{unit_class}")
        suite.add_expectation(
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=b["min"], max_value=b["max"], meta={"why": b["why"]}
            )
        )
        suites.append((f"facts:{unit_class}", suite, "error"))
    reports = gx.ExpectationSuite(name="agg_report_summary.plausible_reports")
    year = bounds["report_year"]
    max_year = current_year if year["max"] == "current" else int(year["max"])
    reports.add_expectation(
        gxe.ExpectColumnValuesToBeBetween(column="report_year", min_value=year["min"], max_value=max_year)
    )
    per = bounds["facts_per_report"]
    reports.add_expectation(
        gxe.ExpectColumnValuesToBeBetween(column="fact_count", min_value=per["min"], max_value=per["max"])
    )
    suites.append(("reports", reports, "warning"))
    return suites


def _frame_for(dataset: str, frames: dict):
    if dataset.startswith("facts:"):
        facts = frames["facts"]
        return facts[facts["unit_class"] == dataset.split(":", 1)[1]].reset_index(drop=True)
    return frames[dataset]


def data_docs_dir(published: Path) -> Path:
    """Where a warehouse's GX Data Docs go: beside it, so the alert and the README can point there."""
    return published.parent / "gx_data_docs"


def _context(docs_dir: Path | None):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    # The ephemeral context's default site writes Data Docs into a fresh /tmp folder on every run.
    for site in context.get_site_names():
        context.delete_data_docs_site(site)
    if docs_dir is not None:
        context.add_data_docs_site(
            site_name="fulian",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


def run_checks(
    working: Path, docs_dir: Path | None = None, today: dt.date | None = None
) -> list[CheckResult]:
    """Validate the working copy's marts; one CheckResult per expectation; Data Docs into docs_dir."""
    import great_expectations as gx

    bounds = load_bounds()
    with read_only(working) as con:
        facts = con.execute(FACTS_SQL).df()
        frames = {
            "facts": facts.astype(dict.fromkeys(CATEGORICAL, "category")),
            "reports": con.execute(REPORTS_SQL).df(),
        }
        categories = [c for (c,) in con.execute("select category_code from marts.dim_category").fetchall()]
    if frames["facts"].empty or len(frames["facts"]) < bounds["run"]["min_facts_published"]:
        raise RunLevelFailure("the run produced no facts at all: nothing is published")
    context = _context(docs_dir)
    source = context.data_sources.add_pandas("fulian_marts")
    actions = [gx.checkpoint.UpdateDataDocsAction(name="data_docs")] if docs_dir is not None else []
    results: list[CheckResult] = []
    current_year = (today or dt.date.today()).year
    for dataset, suite, severity in _suites(bounds, categories, current_year):
        frame = _frame_for(dataset, frames)
        if frame.empty:
            continue
        index_column = "fact_key" if dataset.startswith("facts") else "file_name"
        batch_definition = source.add_dataframe_asset(suite.name).add_batch_definition_whole_dataframe(
            "whole"
        )
        suite = context.suites.add(suite)
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(data=batch_definition, suite=suite, name=suite.name)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=suite.name,
                validation_definitions=[definition],
                actions=actions,
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [index_column]},
            )
        )
        outcome = next(iter(checkpoint.run(batch_parameters={"dataframe": frame}).run_results.values()))
        for er in outcome.results:
            cfg = er.expectation_config
            if er.exception_info and er.exception_info.get("raised_exception"):
                raise RunLevelFailure(f"{suite.name}: {cfg.type} could not run: {er.exception_info}")
            column = cfg.kwargs.get("column", "")
            name = f"{suite.name}.{cfg.type}" + (f"({column})" if column else "")
            bad = [row[index_column] for row in (er.result.get("unexpected_index_list") or [])]
            bad_rows = frame[frame[index_column].isin(bad)] if bad else frame.iloc[0:0]
            results.append(
                CheckResult(
                    check_name=name,
                    success=bool(er.success),
                    severity=severity,
                    message=_message(name, cfg.kwargs, bad_rows, column),
                    fact_keys=bad if index_column == "fact_key" else [],
                    file_names=sorted(set(bad_rows["file_name"])) if not bad_rows.empty else [],
                )
            )
    return results


def _message(name: str, kwargs: dict, bad_rows, column: str) -> str:
    if bad_rows.empty:
        return f"{name}: passed"
    bounds = {k: kwargs[k] for k in ("min_value", "max_value", "value_set") if k in kwargs}
    shown = bad_rows.head(5)
    examples = "; ".join(
        f"{r.file_name}: {getattr(r, 'fact_text', '') or ''} {column}={getattr(r, column, '')}".strip()
        for r in shown.itertuples()
    )
    return f"{name}: {len(bad_rows)} rows outside {bounds}. e.g. {examples}"
