"""Run dbt in-process against one warehouse file: the DAG's in-process twin (crash tests, benchmarks,
`run_in_process`) and `make docs`. In the DAG, cosmos runs the same project, one task per model.

Which file dbt builds is passed as the dbt variable `fulian_db` (dbt_project/profiles.yml), per
invocation: nothing in the process environment changes, so concurrent invocations cannot interfere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fulian.dq.bounds import dbt_bound_vars
from fulian.errors import DbtFailed
from fulian.settings import DBT_PROJECT_DIR, freshness_days

# A run's `dbt build`: models, seeds and data tests, without the unit tests. Their inputs are fixed in
# the project, so a daily run would only repeat the verdict the test suite already gave on the same
# code (dbt's advice: run them in development and CI, not in production builds); they cost a tenth of
# a build's execution. `make test` runs them (tests/test_dbt_models.py, tests/test_dbt_postgres.py).
BUILD = ("build", "--exclude-resource-type", "unit_test")


def dbt_vars(database: Path | str) -> dict[str, str | int]:
    """The dbt variables of every invocation: the warehouse file to build, the bounds dbt tests that GX
    checks too (from expectations/bounds.yml, so the two cannot disagree; see fulian.dq.bounds), and
    the freshness threshold. Every invocation passes the same set, so dbt's partial parse (which
    re-parses when vars change) serves the freshness check and the build of one run alike.
    """
    return {"fulian_db": str(database), "fulian_freshness_days": freshness_days(), **dbt_bound_vars()}


def release_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open after an invocation (profiles.yml: keep_open).

    The process goes on to open the same file (the checks, the publication, the next task under
    `airflow dags test`), and DuckDB refuses a second connection to a file with another configuration
    (read-only) while the first is open. dbt-duckdb keeps its one environment on its connection
    manager and only drops it at exit, so it is closed here.
    """
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:  # the adapter is not installed: nothing was opened
        return
    with DuckDBConnectionManager._LOCK:
        env, DuckDBConnectionManager._ENV = DuckDBConnectionManager._ENV, None
    if env is not None:
        env.close()


def _invoke(args: list[str], database: Path):
    """`dbt <args>` in-process on the project against `database`; the dbtRunnerResult."""
    from dbt.cli.main import dbtRunner

    # Each warehouse gets its own target and log folders, so concurrent runs never share dbt's
    # manifest and partial-parse files.
    try:
        return dbtRunner().invoke(
            [
                *args,
                "--vars",
                json.dumps(dbt_vars(database)),
                "--project-dir",
                str(DBT_PROJECT_DIR),
                "--profiles-dir",
                str(DBT_PROJECT_DIR),
                "--target-path",
                str(database.parent / "dbt_target"),
                "--log-path",
                str(database.parent / "dbt_logs"),
            ]
        )
    finally:
        release_duckdb()


def run_dbt(args: list[str], database: Path) -> None:
    """`dbt <args>` on the project, building `database`; raise DbtFailed naming the failing nodes."""
    result = _invoke(args, database)
    if not result.success:
        failures = [
            f"{node.node.unique_id}: {node.message}"
            for node in getattr(result.result, "results", None) or []
            if str(node.status) in ("error", "fail")
        ]
        raise DbtFailed(f"dbt {' '.join(args)} failed: {failures or result.exception}")


@dataclass(frozen=True)
class SourceFreshness:
    """One source table's freshness as dbt measured it (status: pass, warn, error, runtime error)."""

    source: str  # e.g. raw.reports
    status: str
    max_loaded_at: datetime | None
    age_days: float | None
    message: str | None


def source_freshness(database: Path) -> list[SourceFreshness]:
    """`dbt source freshness` on `database`: one result per source table that declares freshness.

    A table dbt could not measure (an empty raw layer has no newest row) comes back as a
    `runtime error` result, not an exception: only a dbt that could not run at all raises DbtFailed.
    """
    result = _invoke(["source", "freshness"], database)
    results = getattr(result.result, "results", None)
    if results is None:
        raise DbtFailed(f"dbt source freshness could not run: {result.exception}")
    return [
        SourceFreshness(
            source=f"{r.node.source_name}.{r.node.name}",
            status=str(r.status),
            max_loaded_at=getattr(r, "max_loaded_at", None),
            age_days=(r.age / 86400) if getattr(r, "age", None) is not None else None,
            message=r.message,
        )
        for r in results
    ]
