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
import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from fulian import settings
from fulian.errors import RunLevelFailure
from fulian.text import lexicons
from fulian.warehouse.database import read_only

log = logging.getLogger(__name__)

FACTS_SQL = """
    select f.fact_key, f.content_hash, f.file_name, f.fact_text, f.value, f.qualifier,
           f.category_code, u.unit_class, f.statement_kind, f.period_end_year,
           f.period_end_year - f.publication_date_key // 10000 as years_past_publication,
           f.metric
    from marts.fct_facts as f
    join marts.dim_unit as u on u.unit_key = f.unit_key
"""
REPORTS_SQL = """
    select file_name, content_hash, report_year, fact_count
    from marts.agg_report_summary
"""
# Repetitive text columns held as pandas categoricals: at 1.3 M facts this halves the frames' memory.
CATEGORICAL = ("content_hash", "file_name", "qualifier", "category_code", "unit_class", "statement_kind")


@dataclass
class CheckRun:
    results: list[CheckResult]
    scope: str  # 'all': every fact in the marts was checked; 'new': only the run's added reports
    fingerprint: str  # see check_fingerprint


@dataclass
class CheckResult:
    check_name: str
    success: bool
    severity: str  # 'error' for held-back facts, 'warning' for report-level doubts
    message: str
    fact_keys: list[str] = field(default_factory=list)
    file_names: list[str] = field(default_factory=list)


def qualifier_codes() -> list[str]:
    """The qualifiers a fact may carry: exact, and those of the extractor's qualifier lexicon."""
    return sorted({"exact"} | {q for by_word in lexicons.qualifiers().values() for q in by_word.values()})


def load_bounds() -> dict:
    """The bounds file: expectations/bounds.yml, or $FULIAN_BOUNDS (a reviewed variant, or a test's)."""
    path = settings.bounds_file()
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _suites(bounds: dict, categories: list[str], current_year: int) -> list[tuple[str, object, str]]:
    """(dataset, suite, severity) triples; dataset names a frame, or 'facts:<unit_class>' for a slice."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    suites = []
    keys = gx.ExpectationSuite(name="fct_facts.keys_and_sets")
    for column in ("fact_key", "content_hash", "file_name", "value", "unit_class"):
        keys.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=column))
    keys.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="qualifier", value_set=qualifier_codes()))
    keys.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="category_code", value_set=categories))
    keys.add_expectation(
        gxe.ExpectColumnValuesToBeInSet(column="unit_class", value_set=sorted(bounds["value_bounds"]))
    )
    suites.append(("facts", keys, "error"))
    for unit_class, b in {**bounds["value_bounds"], **bounds["kind_bounds"]}.items():
        suite = gx.ExpectationSuite(name=f"fct_facts.value_range.{unit_class}")
        suite.add_expectation(
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=b["min"], max_value=b["max"], meta={"why": b["why"]}
            )
        )
        suites.append((f"facts:{unit_class}", suite, "error"))
    periods = gx.ExpectationSuite(name="fct_facts.plausible_periods")
    years = bounds["period_years"]
    periods.add_expectation(
        gxe.ExpectColumnValuesToBeBetween(
            column="period_end_year",
            min_value=years["min"],
            max_value=current_year + years["max_ahead"],
            meta={"why": years["why"]},
        )
    )
    done = bounds["actual_after_publication"]
    periods.add_expectation(  # null for targets and changes, and where either year is unknown
        gxe.ExpectColumnValuesToBeBetween(
            column="actual_years_past_publication", max_value=done["max_years"], meta={"why": done["why"]}
        )
    )
    suites.append(("facts", periods, "error"))
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
    """The frame a suite validates, or None when this pass holds no such frame."""
    base, _, bound_class = dataset.partition(":")
    frame = frames.get(base)
    if frame is None or not bound_class:
        return frame
    return frame[frame["bound_class"] == bound_class].reset_index(drop=True)


def _with_bound_classes(facts, bounds: dict):
    """Add the columns the fact suites read: the bound class of each value (its unit class, or a kind
    bound: a change or a share of a target may pass 100 %) and, for actuals, the years they end
    after their report's publication (an actual cannot end in the future)."""
    facts["bound_class"] = facts["unit_class"].astype(str)
    for name, rule in bounds["kind_bounds"].items():
        hit = facts["unit_class"].astype(str).eq(rule["unit_class"]) & (
            facts["statement_kind"].astype(str).isin(rule.get("kinds", []))
            | facts["metric"].fillna("").str.contains(rule["metric_pattern"], regex=True)
        )
        facts.loc[hit, "bound_class"] = name
    actual = facts["statement_kind"].astype(str).eq("actual")
    facts["actual_years_past_publication"] = facts["years_past_publication"].where(actual)
    return facts.drop(columns=["metric", "years_past_publication"])


def _frames(con, reports, chunks: list[list[str]], bounds: dict) -> Iterator[dict]:
    """The reports frame, then the facts one chunk at a time (only one chunk is in memory at once)."""
    yield {"reports": reports}
    for hashes in chunks:
        facts = _read_chunk(con, FACTS_SQL, hashes).astype(dict.fromkeys(CATEGORICAL, "category"))
        yield {"facts": _with_bound_classes(facts, bounds)}


def _collect(verdicts: dict, suite_name: str, severity: str, er, frame, index_column: str) -> None:
    """Fold one expectation's result on one frame into its verdict over all chunks."""
    cfg = er.expectation_config
    if er.exception_info and er.exception_info.get("raised_exception"):
        raise RunLevelFailure(f"{suite_name}: {cfg.type} could not run: {er.exception_info}")
    column = cfg.kwargs.get("column", "")
    name = f"{suite_name}.{cfg.type}" + (f"({column})" if column else "")
    bad = [row[index_column] for row in (er.result.get("unexpected_index_list") or [])]
    verdict = verdicts.setdefault(
        name,
        {
            "name": name,
            "severity": severity,
            "success": True,
            "kwargs": cfg.kwargs,
            "column": column,
            "index": index_column,
            "bad": [],
            "bad_rows": [],
        },
    )
    verdict["success"] = verdict["success"] and bool(er.success)
    if bad:
        verdict["bad"] += bad
        verdict["bad_rows"].append(frame[frame[index_column].isin(bad)])


def _result_format(index_column: str) -> dict:
    """Every failing row, named by its key, so failures can be quarantined one by one."""
    return {"result_format": "COMPLETE", "unexpected_index_column_names": [index_column]}


def _result(verdict: dict) -> CheckResult:
    import pandas as pd

    bad_rows = pd.concat(verdict["bad_rows"]) if verdict["bad_rows"] else pd.DataFrame()
    return CheckResult(
        check_name=verdict["name"],
        success=verdict["success"],
        severity=verdict["severity"],
        message=_message(verdict["name"], verdict["kwargs"], bad_rows, verdict["column"]),
        fact_keys=verdict["bad"] if verdict["index"] == "fact_key" else [],
        file_names=sorted(set(bad_rows["file_name"])) if not bad_rows.empty else [],
    )


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


def check_fingerprint(bounds: dict, categories: list[str], units: list[tuple[str, str]], year: int) -> str:
    """What the row-level verdicts depend on besides the facts: bounds, category set, unit classes, year.

    Facts already checked under the same fingerprint keep their verdict, so a daily run checks only the
    reports it added; editing bounds.yml or a seed changes the fingerprint and every fact is rechecked.
    """
    basis = json.dumps([bounds, sorted(categories), sorted(units), year], sort_keys=True, default=str)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def _last_fingerprint(con) -> str | None:
    row = con.execute(
        "select checks_fingerprint from dq.runs where checks_fingerprint is not null "
        "order by finished_at desc limit 1"
    ).fetchone()
    return row[0] if row else None


ADDED_BY_RUN = "content_hash in (select content_hash from raw.reports where run_id = $run_id)"


def _scoped(sql: str, scope: str, run_id: str | None) -> tuple[str, dict]:
    """The query and its parameters, limited to the reports the run added when the scope is 'new'."""
    if scope != "new":
        return sql, {}
    return f"select * from ({sql}) where {ADDED_BY_RUN}", {"run_id": run_id}


def _chunks(con, scope: str, run_id: str | None, limit: int) -> list[list[str]]:
    """The reports to check, grouped so that each group holds about `limit` facts (bounded memory)."""
    sql, params = _scoped("select content_hash, count(*) from marts.fct_facts group by all", scope, run_id)
    rows = con.execute(sql + " order by content_hash", params).fetchall()
    chunks: list[list[str]] = [[]]
    size = 0
    for content_hash, n in rows:
        if size and size + n > limit:
            chunks.append([])
            size = 0
        chunks[-1].append(content_hash)
        size += n
    return [c for c in chunks if c]


def _read_chunk(con, sql: str, hashes: list[str]):
    import pandas as pd

    con.register("chunk_hashes", pd.DataFrame({"content_hash": hashes}))
    try:
        return con.execute(f"select * from ({sql}) where content_hash in (select * from chunk_hashes)").df()
    finally:
        con.unregister("chunk_hashes")


def run_checks(
    working: Path, docs_dir: Path | None = None, today: dt.date | None = None, run_id: str | None = None
) -> CheckRun:
    """Validate the working copy's marts; one CheckResult per expectation; Data Docs into docs_dir.

    With `run_id`, only the facts and reports that run added are checked, unless the checks changed
    since the last recorded run (see check_fingerprint). Facts are read and validated in chunks of
    $FULIAN_CHECK_CHUNK facts, so memory stays bounded however large the warehouse grows.
    """
    import great_expectations as gx

    bounds = load_bounds()
    current_year = (today or dt.date.today()).year
    limit = settings.check_chunk()
    with read_only(working) as con:
        total = con.execute("select count(*) from marts.fct_facts").fetchone()[0]
        if total < max(1, bounds["run"]["min_facts_published"]):
            raise RunLevelFailure("the run produced no facts at all: nothing is published")
        categories = [c for (c,) in con.execute("select category_code from marts.dim_category").fetchall()]
        units = con.execute("select unit, unit_class from marts.dim_unit").fetchall()
        fingerprint = check_fingerprint(bounds, categories, units, current_year)
        scope = "new" if run_id and _last_fingerprint(con) == fingerprint else "all"
        chunks = _chunks(con, scope, run_id, limit)
        reports = con.execute(*_scoped(REPORTS_SQL, scope, run_id)).df()
        log.info("checking %s facts (%d chunks) under checks %s", scope, len(chunks), fingerprint)
        context = _context(docs_dir)
        source = context.data_sources.add_pandas("fulian_marts")
        actions = [gx.checkpoint.UpdateDataDocsAction(name="data_docs")] if docs_dir is not None else []
        checkpoints = []
        for dataset, suite, severity in _suites(bounds, categories, current_year):
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
                    result_format=_result_format(index_column),
                )
            )
            checkpoints.append((dataset, suite, severity, checkpoint, index_column))
        verdicts: dict[str, dict] = {}
        for frames in _frames(con, reports, chunks, bounds):
            for dataset, suite, severity, checkpoint, index_column in checkpoints:
                frame = _frame_for(dataset, frames)
                if frame is None or frame.empty:
                    continue
                run = checkpoint.run(batch_parameters={"dataframe": frame})
                outcome = next(iter(run.run_results.values()))
                for er in outcome.results:
                    _collect(verdicts, suite.name, severity, er, frame, index_column)
    return CheckRun([_result(v) for v in verdicts.values()], scope, fingerprint)


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
