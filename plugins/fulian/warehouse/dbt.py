"""Run dbt in-process against a given warehouse file (outside cosmos: rebuilds after quarantine, CLI)."""

from __future__ import annotations

import os
from pathlib import Path

from fulian.settings import DBT_PROJECT_DIR

os.environ.setdefault("DO_NOT_TRACK", "1")


class DbtFailed(RuntimeError):
    """dbt returned failure: the message holds the failing nodes."""


def run_dbt(args: list[str], database: Path) -> None:
    """`dbt <args>` on the project with FULIAN_DBT_DB pointing at `database`; raise DbtFailed on failure."""
    from dbt.cli.main import dbtRunner

    previous = os.environ.get("FULIAN_DBT_DB")
    os.environ["FULIAN_DBT_DB"] = str(database)
    try:
        # Each warehouse gets its own target and log folders, so concurrent runs never share dbt's
        # manifest and partial-parse files.
        result = dbtRunner().invoke(
            [
                *args,
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
        if previous is None:
            os.environ.pop("FULIAN_DBT_DB", None)
        else:
            os.environ["FULIAN_DBT_DB"] = previous
    if not result.success:
        failures = []
        for node in getattr(result.result, "results", None) or []:
            if str(node.status) in ("error", "fail"):
                failures.append(f"{node.node.unique_id}: {node.message}")
        raise DbtFailed(f"dbt {' '.join(args)} failed: {failures or result.exception}")
