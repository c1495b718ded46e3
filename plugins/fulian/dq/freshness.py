"""Is the landing folder still bringing reports? dbt source freshness, turned into a data-quality alert.

The raw sources declare when each row was loaded and how old the newest may be
(dbt_project/models/staging/_staging.yml: `ingested_at`, `first_seen_at`, the var
`fulian_freshness_days`), so `dbt source freshness`, `dbt docs` and this check say the same thing.
A stale landing is a warning for a person (a broken feed, a moved folder), never a failed run: the
warehouse it leaves is still correct, only not growing.
"""

from __future__ import annotations

from pathlib import Path

from fulian.dq.expectations import CheckResult
from fulian.warehouse.dbt import SourceFreshness, source_freshness

CHECK_NAME = "landing_freshness"


def _describe(result: SourceFreshness) -> str:
    if result.max_loaded_at is None or result.age_days is None:  # e.g. an empty table: nothing to date
        reason = (result.message or result.status).strip().splitlines()[0]
        return f"{result.source}: not measurable ({reason})"
    newest = result.max_loaded_at.strftime("%Y-%m-%d %H:%M UTC") if result.max_loaded_at else "never"
    return f"{result.source}: newest row loaded {newest}, {result.age_days:.1f} days ago"


def _never_loaded(result: SourceFreshness) -> bool:
    return result.max_loaded_at is not None and result.max_loaded_at.year < 1970


def landing_alert(results: list[SourceFreshness], landing: str, days: int) -> CheckResult | None:
    """The alert for the stale sources among `results` (dbt's verdicts), or None when all are fresh."""
    # a table that never held a row (dbt dates its newest row 0001-01-01) is no landing gone quiet: a
    # first run that brought no report; the run-level "no facts" alert says what there is to say
    stale = [r for r in results if r.status != "pass" and not _never_loaded(r)]
    if not stale:
        return None
    details = "; ".join(_describe(r) for r in stale)
    return CheckResult(
        CHECK_NAME,
        False,
        "warning",
        f"the landing folder {landing} has brought no new report for more than {days} days "
        f"(FULIAN_FRESHNESS_DAYS): {details}",
    )


def check_landing(working: Path, landing: str, days: int) -> CheckResult | None:
    """Run `dbt source freshness` on the run's working copy; the alert if the landing is stale."""
    return landing_alert(source_freshness(working), landing, days)
