"""What a run does with check results: quarantine failing facts and record alerts in the warehouse.

Quarantine is a list of fact keys in dq.quarantine; the dbt models leave those facts out of the marts,
so after recording them the DAG's `dbt_apply_quarantine` task rebuilds the fact mart and its
dependants in the same working copy. Nothing is deleted from the raw layer: lifting a quarantine is
deleting its dq.quarantine row and rerunning.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from fulian.dq.expectations import CheckResult
from fulian.warehouse.database import read_only, writable

log = logging.getLogger(__name__)

FAILING_FACTS_SQL = """
    select $run_id as run_id, 'fact' as kind, f.file_name, f.fact_key, f.content_hash, f.fact_text,
           q.check_name, q.reason, $now as quarantined_at
    from bad as q
    join marts.fct_facts as f on f.fact_key = q.fact_key
"""
REJECTED_FILES_SQL = """
    select run_id, 'file' as kind, file_name, null as fact_key, content_hash, null as fact_text,
           'readable_report' as check_name, reason, $now as quarantined_at
    from raw.rejected_files
    where run_id = $run_id
"""


def _quarantine(con: duckdb.DuckDBPyConnection, candidates_sql: str, params: dict) -> None:
    """The one writer of dq.quarantine: the candidate rows (every column, by name) not already in it.

    A fact is quarantined once per check; a file once per reason, so reruns add nothing.
    """
    con.execute(
        f"""
        insert into dq.quarantine by name
        select * from ({candidates_sql}) as c
        where not exists (
            select 1 from dq.quarantine as q
            where q.kind = c.kind
              and q.check_name = c.check_name
              and q.fact_key is not distinct from c.fact_key
              and (c.kind = 'fact' or (q.file_name = c.file_name and q.reason = c.reason))
        )
        """,
        params,
    )


def quarantine_rejected_files(con: duckdb.DuckDBPyConnection, run_id: str, now: datetime) -> None:
    """Quarantine the files this run could not read (raw.rejected_files), inside the load's transaction."""
    _quarantine(con, REJECTED_FILES_SQL, {"run_id": run_id, "now": now})


def record_results(working: Path, run_id: str, results: list[CheckResult]) -> dict[str, int]:
    """Write failing facts to dq.quarantine and one dq.alerts row per failed check; return counts."""
    now = datetime.now(UTC).replace(tzinfo=None)
    failed = [r for r in results if not r.success]
    bad = pd.DataFrame(
        [(key, r.check_name, r.message) for r in failed for key in r.fact_keys],
        columns=["fact_key", "check_name", "reason"],
    )
    with writable(working) as con:
        con.execute("begin")
        con.register("bad", bad)
        before = con.execute("select count(*) from dq.quarantine where kind = 'fact'").fetchone()[0]
        if not bad.empty:
            _quarantine(con, FAILING_FACTS_SQL, {"run_id": run_id, "now": now})
        after = con.execute("select count(*) from dq.quarantine where kind = 'fact'").fetchone()[0]
        for r in failed:
            con.execute(
                """
                insert into dq.alerts by name
                select $run_id as run_id, $check as check_name, $severity as severity,
                       $files as file_names, $message as message, $now as raised_at
                """,
                {
                    "run_id": run_id,
                    "check": r.check_name,
                    "severity": r.severity,
                    "files": r.file_names,
                    "message": r.message,
                    "now": now,
                },
            )
        con.execute("commit")
    counts = {
        "checks_passed": sum(r.success for r in results),
        "checks_failed": len(failed),
        "facts_quarantined": int(after - before),
    }
    if counts["facts_quarantined"]:
        log.warning(
            "%d facts quarantined; the fact marts are rebuilt without them", counts["facts_quarantined"]
        )
    return counts


def still_in_marts(working: Path) -> int:
    """Quarantined facts that are still in marts.fct_facts: must be 0 after record_results."""
    with read_only(working) as con:
        return con.execute(
            "select count(*) from marts.fct_facts where fact_key in "
            "(select fact_key from dq.quarantine where kind = 'fact')"
        ).fetchone()[0]
