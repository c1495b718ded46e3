"""The published warehouse as an Airflow Asset: `publish` in fulian_daily updates it, and DAGs scheduled
on it (fulian_exports) run after every publication, with no clock and no polling.

The Asset is a name, the same at every parse: the warehouse's path is a run parameter of fulian_daily,
so it cannot be the asset's identity. Each asset event carries the path (and the run's counts) in its
extra; a consumer reads them from its triggering asset events.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fulian.settings import WAREHOUSE_ASSET


def warehouse_asset():
    """The Asset of the published warehouse (airflow.sdk imported here: the package runs without it)."""
    from airflow.sdk import Asset

    return Asset(name=WAREHOUSE_ASSET)


def event_extra(published: str, plan: dict, added: dict | None, counts: dict | None) -> dict[str, Any]:
    """The extra of a publication's asset event: which file, which run, what it added (JSON only)."""
    added, counts = added or {}, counts or {}
    return {
        "warehouse": str(published),
        "run_id": plan["run_id"],
        "reports_added": int(added.get("reports", 0)),
        "facts_added": int(added.get("facts", 0)),
        "facts_quarantined": int(counts.get("facts_quarantined") or 0),
    }


def published_warehouses(events: Iterable[Any]) -> list[Path]:
    """The warehouses named by asset events (objects with `.extra`), each once, in order of last mention.

    Several publications may trigger one consumer run, of one warehouse or of several (a run's
    `warehouse` param differs): each distinct file is handled once. Events without a path are ignored.
    """
    latest: dict[str, int] = {}
    for i, event in enumerate(events):
        path = (getattr(event, "extra", None) or {}).get("warehouse")
        if path:
            latest[str(path)] = i
    return [Path(p) for p, _ in sorted(latest.items(), key=lambda item: item[1])]
