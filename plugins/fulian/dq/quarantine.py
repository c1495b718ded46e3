"""What a run does with check results: quarantine failing facts, raise alerts, rebuild the marts.

Quarantine is a list of fact keys in dq.quarantine; the dbt models leave those facts out of the marts,
so after recording them the fact mart and its dependants are rebuilt in the same working copy. Nothing
is deleted from the raw layer: lifting a quarantine is deleting its dq.quarantine row and rerunning.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from fulian.dq.expectations import CheckResult
from fulian.warehouse.database import read_only, writable
from fulian.warehouse.dbt import run_dbt

log = logging.getLogger(__name__)

QUARANTINE_SQL = """
    insert into dq.quarantine
        (run_id, kind, file_name, fact_key, content_hash, fact_text, check_name, reason, quarantined_at)
    select $run_id, 'fact', f.file_name, f.fact_key, f.content_hash, f.fact_text, q.check_name, q.reason, $now
    from bad as q
    join marts.fct_facts as f on f.fact_key = q.fact_key
    where not exists (
        select 1 from dq.quarantine as d where d.fact_key = q.fact_key and d.check_name = q.check_name
    )
"""


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
            con.execute(QUARANTINE_SQL, {"run_id": run_id, "now": now})
        after = con.execute("select count(*) from dq.quarantine where kind = 'fact'").fetchone()[0]
        for r in failed:
            con.execute(
                "insert into dq.alerts values ($run_id, $check, $severity, $files, $message, $now)",
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
            "%d facts quarantined; rebuilding the fact marts without them", counts["facts_quarantined"]
        )
        run_dbt(["build", "--select", "fct_facts+"], working)
    return counts


def still_in_marts(working: Path) -> int:
    """Quarantined facts that are still in marts.fct_facts: must be 0 after record_results."""
    with read_only(working) as con:
        return con.execute(
            "select count(*) from marts.fct_facts where fact_key in "
            "(select fact_key from dq.quarantine where kind = 'fact')"
        ).fetchone()[0]
