"""fulian_exports: every mart as Parquet and CSV beside the published warehouse, after each publication.

Scheduled on the Asset `fulian_warehouse`, which fulian_daily's `publish` updates: no clock, no
polling, and never a half-built warehouse (only a successful publish is an event). The published file
travels in the event's extra (the warehouse is a run parameter of fulian_daily); a manual trigger
exports its `warehouse` param. Reads the warehouse read-only, like any analyst; writes
`exports/<mart>.parquet`, `exports/<mart>.csv` and `exports/manifest.json` next to it.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from airflow.sdk import Param, dag, get_current_context, task
from airflow.sdk.exceptions import AirflowSkipException

from fulian.asset import published_warehouses, warehouse_asset
from fulian.dq.notifiers import on_task_failure
from fulian.settings import EXPORTS_DIR_NAME, warehouse_path
from fulian.warehouse.export import export_marts

WAREHOUSE = warehouse_asset()
log = logging.getLogger(__name__)


@dag(
    dag_id="fulian_exports",
    schedule=[WAREHOUSE],
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"on_failure_callback": on_task_failure()},  # a failed export alerts like any task
    params={
        "warehouse": Param(
            str(warehouse_path()), type="string", description="published DuckDB file (manual runs only)"
        ),
    },
    tags=["fulian"],
    doc_md=__doc__,
)
def fulian_exports():
    @task(retries=1, inlets=[WAREHOUSE])
    def export() -> dict:
        """Export each warehouse the triggering events name (the param when triggered by hand).

        A publication whose file is gone since (a test's or a trial's temporary warehouse) has nothing
        left to export: it is skipped, not failed.
        """
        ctx = get_current_context()
        events = ctx["triggering_asset_events"].get(WAREHOUSE, [])
        named = published_warehouses(events) or [Path(ctx["params"]["warehouse"])]
        targets = [w for w in named if w.is_file()]
        for gone in set(named) - set(targets):
            log.warning("published warehouse %s no longer exists: nothing to export", gone)
        if not targets:
            raise AirflowSkipException(f"none of the published warehouses exists any more: {named}")
        return {str(w): export_marts(w, w.parent / EXPORTS_DIR_NAME) for w in targets}

    export()


fulian_exports()
