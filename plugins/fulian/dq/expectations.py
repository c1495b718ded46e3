"""Great Expectations checks on the built marts of a run's working copy.

Why DataFrames: GX over SQLAlchemy + duckdb-engine fails on this stack (MetricResolutionError), while a
DataFrame read from DuckDB validates fine. The frames are read when the task runs, from the working copy
the run just built, never when the DAG file is parsed.

The run validates with the committed GX project in expectations/gx/ (its two checkpoints, fct_facts and
agg_report_summary), built from `expectations/bounds.yml` by `fulian gx-suites` (fulian.dq.gx_project);
reviewing a bound still means reading one YAML file. Validation results and Data Docs accumulate beside
the published warehouse, one history per warehouse. Row-level failures name fact keys: those facts go to
dq.quarantine and leave the marts; report-level failures raise alerts; run-level failures stop publication.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fulian import settings
from fulian.dq import gx_project
from fulian.dq.bounds import load_bounds, year_parameters
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


def _with_bound_classes(facts, bounds: dict):
    """Add the columns the fact suites read: the bound class of each value (its unit class, or a kind
    bound: a change or a share of a target may pass 100 %) and, for actuals, the years they end
    after their report's publication (an actual cannot end in the future)."""
    facts["bound_class"] = facts["unit_class"].astype(str)
    kinds, metrics = facts["statement_kind"].astype(str), facts["metric"].fillna("")
    for name, rule in bounds["kind_bounds"].items():  # in file order: a later rule wins
        hit = kinds.isin(rule.get("kinds", []))
        if rule.get("metric_pattern"):
            hit |= metrics.str.contains(rule["metric_pattern"], regex=True)
        if rule.get("unit_class"):
            hit &= facts["unit_class"].astype(str).eq(rule["unit_class"])
        facts.loc[hit, "bound_class"] = name
    actual = facts["statement_kind"].astype(str).eq("actual")
    facts["actual_years_past_publication"] = facts["years_past_publication"].where(actual)
    return facts.drop(columns=["metric", "years_past_publication"])


def _frames(con, reports, chunks: list[list[str]], bounds: dict) -> Iterator[tuple[str, object]]:
    """(checkpoint, frame): the reports, then the facts one chunk at a time (one chunk in memory at once)."""
    yield "agg_report_summary", reports
    for hashes in chunks:
        facts = _read_chunk(con, FACTS_SQL, hashes).astype(dict.fromkeys(CATEGORICAL, "category"))
        yield "fct_facts", _with_bound_classes(facts, bounds)


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
    """Where a warehouse's GX Data Docs go: beside it, so the alert and the report can point there."""
    return published.parent / "gx_data_docs"


def validations_dir(published: Path) -> Path:
    """Where a warehouse's GX validation results go: beside it, so its Data Docs index keeps every run."""
    return published.parent / "gx_validations"


def check_fingerprint(
    suites: list[dict], bounds: dict, parameters: dict, units: list[tuple[str, str]]
) -> str:
    """What the row-level verdicts depend on besides the facts: the committed suites, the bounds (their
    kind rules pick each fact's bound class), the suite parameters (categories, qualifiers, years) and
    the unit classes.

    Facts already checked under the same fingerprint keep their verdict, so a daily run checks only the
    reports it added; rebuilding the suites from an edited bounds.yml, or a new seed, changes the
    fingerprint and every fact is rechecked.
    """
    basis = json.dumps([suites, bounds, parameters, sorted(units)], sort_keys=True, default=str)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def _committed_suites(context) -> list[dict]:
    """The suites as the project stores them, in a stable order (for the fingerprint)."""
    return sorted((s.to_json_dict() for s in context.suites.all()), key=lambda s: s["name"])


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
    working: Path,
    published: Path,
    today: dt.date | None = None,
    run_id: str | None = None,
    run_name: str | None = None,
) -> CheckRun:
    """Validate the working copy's marts with the committed checkpoints; one CheckResult per expectation.

    Validation results and Data Docs go beside `published` (validations_dir, data_docs_dir), so its
    Data Docs index lists every run. With `run_id`, only the facts and reports that run added are
    checked, unless the checks changed since the last recorded run (see check_fingerprint). Facts are
    read and validated in chunks of $FULIAN_CHECK_CHUNK facts, so memory stays bounded. `run_name`
    (the Airflow run id) names the run in the Data Docs index.
    """
    project = settings.gx_project_dir()
    bounds = load_bounds(project)
    context = gx_project.open_context(project, data_docs_dir(published), validations_dir(published))
    suites = _committed_suites(context)
    severities = {s["name"]: s["meta"]["severity"] for s in suites}
    checkpoints = {name: context.checkpoints.get(name) for name in gx_project.CHECKPOINTS}
    limit = settings.check_chunk()
    with read_only(working) as con:
        total = con.execute("select count(*) from marts.fct_facts").fetchone()[0]
        if total < max(1, bounds["run"]["min_facts_published"]):
            raise RunLevelFailure("the run produced no facts at all: nothing is published")
        categories = [c for (c,) in con.execute("select category_code from marts.dim_category").fetchall()]
        units = con.execute("select unit, unit_class from marts.dim_unit").fetchall()
        parameters = {
            **year_parameters(bounds, today),
            "category_codes": sorted(categories),
            "qualifier_codes": qualifier_codes(),
        }
        fingerprint = check_fingerprint(suites, bounds, parameters, units)
        scope = "new" if run_id and _last_fingerprint(con) == fingerprint else "all"
        chunks = _chunks(con, scope, run_id, limit)
        reports = con.execute(*_scoped(REPORTS_SQL, scope, run_id)).df()
        log.info("checking %s facts (%d chunks) under checks %s", scope, len(chunks), fingerprint)
        verdicts: dict[str, dict] = {}
        stored: list = []  # identifiers of this run's validation results, for Data Docs
        for n, (name, frame) in enumerate(_frames(con, reports, chunks, bounds)):
            if frame.empty:
                continue
            index_column = gx_project.CHECKPOINTS[name]
            label = (run_name or run_id or "fulian") + (f" chunk {n}" if len(chunks) > 1 and n else "")
            run = checkpoints[name].run(
                batch_parameters={"dataframe": frame},
                expectation_parameters=parameters,
                run_id=_gx_run_id(label),
            )
            stored += run.run_results
            for outcome in run.run_results.values():
                for er in outcome.results:
                    suite = outcome.suite_name
                    _collect(verdicts, suite, severities[suite], er, frame, index_column)
    gx_project.build_docs(context, stored)
    return CheckRun([_result(v) for v in verdicts.values()], scope, fingerprint)


def _gx_run_id(name: str):
    """The GX run id: the Airflow run's id as its name, so the Data Docs index names runs as Airflow does."""
    from great_expectations.core.run_identifier import RunIdentifier

    return RunIdentifier(run_name=name, run_time=dt.datetime.now(dt.UTC))


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
