"""Run dbt in-process against one warehouse file: the DAG's in-process twin (crash tests, benchmarks,
`run_in_process`) and `make docs`. In the DAG, cosmos runs the same project, one task per model.

Which file dbt builds is passed as the dbt variable `fulian_db` (dbt_project/profiles.yml), per
invocation: nothing in the process environment changes, so concurrent invocations cannot interfere.
"""

from __future__ import annotations

import json
from pathlib import Path

from fulian.dq.bounds import dbt_bound_vars
from fulian.errors import DbtFailed
from fulian.settings import DBT_PROJECT_DIR


def dbt_vars(database: Path | str) -> dict[str, str | int]:
    """The dbt variables of one invocation: the warehouse file it builds, and the bounds dbt tests that
    GX checks too (from expectations/bounds.yml, so the two cannot disagree; see fulian.dq.bounds)."""
    return {"fulian_db": str(database), **dbt_bound_vars()}


def run_dbt(args: list[str], database: Path) -> None:
    """`dbt <args>` on the project, building `database`; raise DbtFailed naming the failing nodes."""
    from dbt.cli.main import dbtRunner

    # Each warehouse gets its own target and log folders, so concurrent runs never share dbt's
    # manifest and partial-parse files.
    result = dbtRunner().invoke(
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
    if not result.success:
        failures = [
            f"{node.node.unique_id}: {node.message}"
            for node in getattr(result.result, "results", None) or []
            if str(node.status) in ("error", "fail")
        ]
        raise DbtFailed(f"dbt {' '.join(args)} failed: {failures or result.exception}")
