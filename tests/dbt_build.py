"""`dbt build` of the project in-process, for the dbt tests on DuckDB and on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1] / "dbt_project"


def dbt_build(tmp: Path, target: str | None = None) -> dict[str, int]:
    """Build every node into the target's database; return the count of nodes per status.

    Fails the test, naming each node that did not pass, when the build does not succeed.
    """
    from dbt.cli.main import dbtRunner

    from fulian.dq.bounds import dbt_bound_vars

    args = ["build", "--project-dir", str(PROJECT), "--profiles-dir", str(PROJECT)]
    args += ["--vars", json.dumps(dbt_bound_vars())]  # the bounds dbt shares with GX (bounds.yml)
    args += ["--target-path", str(tmp / "target"), "--log-path", str(tmp / "logs"), "--threads", "1"]
    from fulian.warehouse.dbt import release_duckdb

    try:
        res = dbtRunner().invoke(args + (["--target", target] if target else []))
    finally:
        release_duckdb()  # dbt-duckdb keeps the file open (profiles.yml: keep_open); the test reads it next
    statuses: dict[str, int] = {}
    failed = []
    for r in res.result or []:
        statuses[str(r.status)] = statuses.get(str(r.status), 0) + 1
        if str(r.status) not in ("success", "pass"):
            failed.append(f"{r.node.unique_id}: {r.status} {r.message}")
    assert res.success, f"dbt build ({target or 'dev'}) failed: {statuses} {res.exception}\n" + "\n".join(
        failed
    )
    return statuses
