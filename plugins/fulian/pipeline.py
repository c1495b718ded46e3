"""The steps of one daily run, as plain functions the DAG's tasks call (the DAG file stays thin).

Order and writers: prepare (copies the published warehouse into the run's workspace) → extract batches
(parallel, write Parquet only) → load (the one writer of the working copy) → dbt (cosmos, same working
copy) → check (GX, then quarantine and alerts) → publish (atomic rename) → summary (read-only).
"""

from __future__ import annotations

import json
import logging
import shutil
from datetime import UTC, datetime
from pathlib import Path

from fulian.dq import expectations, freshness, quarantine
from fulian.dq.alerts import deliver_alerts
from fulian.errors import RunLevelFailure, UpstreamFailed
from fulian.settings import freshness_days, landing_dir, warehouse_path
from fulian.warehouse import batches, database, load, preflight
from fulian.warehouse.plan import plan_batches

log = logging.getLogger(__name__)


def prepare(landing: str | None, published: str | None, run_id: str) -> dict:
    """Plan the run: which files to read (as batch manifests) and a fresh working copy to build in.

    First the checks that make a start that cannot succeed fail in seconds, naming the cause, the
    path and what to do (`fulian.warehouse.preflight`): parameters, landing folder, warehouse folder,
    the published file's health, and a full disk met while preparing.
    """
    preflight.check_parameters(landing, published)
    landing_path, published_path = landing_dir(landing), warehouse_path(published)
    preflight.check_landing(landing_path)
    preflight.check_warehouse_path(published_path)
    preflight.check_published(published_path)
    workspace = database.workspace_for(published_path, run_id)
    shutil.rmtree(workspace, ignore_errors=True)
    for stale in database.sweep_stale_workspaces(published_path):
        log.warning("removed the workspace of a run that never finished: %s", stale)
    started_from = database.identity(published_path)
    with preflight.disk_full_explained(published_path.parent):
        manifests = plan_batches(landing_path, published_path, workspace)
        working = database.prepare_working_copy(published_path, run_id)
    return {
        "landing": str(landing_path),
        "warehouse": str(published_path),
        "working": str(working),
        "batches": manifests,
        "run_id": run_id,
        "started_from": started_from,
    }


def extract(plan: dict, manifest: str) -> str:
    """One mapped task: read and extract one batch; returns the folder of its Parquet files."""
    known = database.known_hashes(Path(plan["warehouse"]))
    with preflight.disk_full_explained(Path(plan["warehouse"]).parent):
        return batches.extract_batch(manifest, Path(plan["landing"]), known, plan["run_id"])


def load_raw(plan: dict, batch_dirs: list[str]) -> dict:
    """Append the batches to the working copy's raw layer."""
    with preflight.disk_full_explained(Path(plan["warehouse"]).parent):
        added = load.load_batches(Path(plan["working"]), list(batch_dirs), plan["run_id"])
    added["files_read"] = sum(len(_manifest_names(m)) for m in plan["batches"])
    log.info("loaded into the raw layer: %s", added)
    return added


def has_work(plan: dict, added: dict, rebuild: bool = False) -> bool:
    """Whether dbt and the checks must run: something new, a first run, or a forced rebuild."""
    first_run = not Path(plan["warehouse"]).exists()
    changed = any(added.get(k, 0) for k in ("reports", "files", "rejected"))
    if not (changed or first_run or rebuild):
        log.info("nothing new in %s: dbt and the checks are skipped; only the run is logged", plan["landing"])
    return changed or first_run or rebuild


def brought_reports(added: dict) -> bool:
    """Whether this run loaded a report or a new file of one: its raw sources are fresh by definition."""
    return bool(added.get("reports") or added.get("files"))


def check_freshness(plan: dict) -> dict:
    """`dbt source freshness` on the working copy; a stale landing is alerted, never a failure.

    Recorded in dq.alerts like any failed check (published with the run's row) and delivered through
    the same channels. Only worth running when the run brought nothing (see `brought_reports`).
    """
    days = freshness_days()
    alert = freshness.check_landing(Path(plan["working"]), plan["landing"], days)
    if alert is None:
        log.info("landing %s: a new report within the last %d days", plan["landing"], days)
        return {"stale": False, "days": days}
    log.warning("DATA QUALITY %s: %s", alert.severity.upper(), alert.message)
    quarantine.record_results(Path(plan["working"]), plan["run_id"], [alert])
    deliver_alerts(plan["run_id"], [alert], plan["warehouse"])
    return {"stale": True, "days": days, "message": alert.message}


def check(plan: dict, added: dict) -> dict:
    """Run the GX suites on the working copy's marts; record quarantine and alerts; deliver the alerts.

    Newly quarantined facts are still in the marts after this step: the DAG's `dbt_apply_quarantine`
    task (or `run_in_process`) rebuilds the fact marts, whose models leave quarantined facts out.
    """
    working = Path(plan["working"])
    published = Path(plan["warehouse"])
    docs = expectations.data_docs_dir(published)
    try:
        # A run that added reports checks those; one that added none got here as a first run or a
        # requested rebuild (or for rejected files only), and checks everything.
        new_only = plan["run_id"] if added.get("reports") else None
        checked = expectations.run_checks(working, published, run_id=new_only, run_name=plan["run_id"])
    except RunLevelFailure as err:
        _record_failure(plan, err)
        raise
    except Exception as err:  # any failure of the checks themselves is run-level
        failure = RunLevelFailure(f"checks could not run: {type(err).__name__}: {err}")
        _record_failure(plan, failure)
        raise failure from err
    results = checked.results
    counts = quarantine.record_results(working, plan["run_id"], results)
    counts |= {"checks_scope": checked.scope, "checks_fingerprint": checked.fingerprint}
    failed = [r for r in results if not r.success]
    for r in failed:
        log.warning("DATA QUALITY %s: %s", r.severity.upper(), r.message)
    deliver_alerts(plan["run_id"], failed, plan["warehouse"], docs)
    return counts


def _failure_marker(plan: dict) -> Path:
    return database.workspace_for(Path(plan["warehouse"]), plan["run_id"]) / "run_failure.json"


def _record_failure(plan: dict, reason: object) -> None:
    """A run-level failure: deliver the alert now, and leave it for `publish` to record.

    None of the run's data is published; `publish` writes the alert and the run's dq.runs row into a
    fresh copy of the published warehouse, so analysts see the failure next to unchanged data.
    """
    published = Path(plan["warehouse"])
    files = sorted({name for m in plan["batches"] for name in _manifest_names(m)})
    alert = expectations.CheckResult(
        "run", False, "critical", f"run not published: {reason}", file_names=files
    )
    log.error("DATA QUALITY CRITICAL: %s", alert.message)
    marker = _failure_marker(plan)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({"message": alert.message, "files": files}), encoding="utf-8")
    deliver_alerts(plan["run_id"], [alert], str(published), expectations.data_docs_dir(published))


def _publish_failure(plan: dict, added: dict, failure: dict) -> None:
    """Record a failed run's alert and dq.runs row in the published warehouse (if there is one)."""
    published = Path(plan["warehouse"])
    if not published.exists():
        return  # nothing published yet: the alert went to the task log and the alert channels
    alert = expectations.CheckResult(
        "run", False, "critical", failure["message"], file_names=failure["files"]
    )
    started_from = database.identity(published)
    working = database.prepare_working_copy(published, plan["run_id"])
    quarantine.record_results(working, plan["run_id"], [alert])
    _record_run(working, plan, added, {"checks_passed": 0, "checks_failed": 1, "facts_quarantined": 0})
    database.publish(published, plan["run_id"], started_from)


def _record_run(working: Path, plan: dict, added: dict, counts: dict | None) -> None:
    """One dq.runs row per run, also for runs that found nothing new (their checks are null)."""
    counts = counts or {}
    with database.writable(working) as con:
        con.execute(
            """
            insert or replace into dq.runs (
                run_id, landing_dir, files_read, reports_added, facts_added, files_rejected,
                checks_passed, checks_failed, facts_quarantined, finished_at, checks_scope,
                checks_fingerprint
            ) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """,
            [
                plan["run_id"],
                plan["landing"],
                added.get("files_read", 0),
                added.get("reports", 0),
                added.get("facts", 0),
                added.get("rejected", 0),
                counts.get("checks_passed"),
                counts.get("checks_failed"),
                counts.get("facts_quarantined"),
                datetime.now(UTC).replace(tzinfo=None),
                counts.get("checks_scope"),
                counts.get("checks_fingerprint"),
            ],
        )


def why_not_publish(
    plan: dict | None, added: dict | None, counts: dict | None, rebuild: bool = False
) -> str | None:
    """Why `publish` must not publish the working copy (None: it may). Publish runs whatever happened
    upstream, so that a run-level failure is recorded; a run whose building failed publishes nothing
    and fails (UpstreamFailed), so the run ends failed, not skipped into success."""
    if plan is None:
        return "the run was never planned"
    if _failure_marker(plan).exists():
        return None  # publish records the failure itself
    if added is None:
        raise UpstreamFailed("loading the raw layer failed: the published warehouse is unchanged")
    if counts is None and has_work(plan, added, rebuild):
        raise UpstreamFailed("a step before publishing failed: the published warehouse is unchanged")
    if counts and counts.get("facts_quarantined") and quarantine.still_in_marts(Path(plan["working"])):
        raise UpstreamFailed(
            "quarantined facts are still in the marts (dbt_apply_quarantine did not finish): "
            "the published warehouse is unchanged"
        )
    return None


def publish(plan: dict, added: dict | None, counts: dict | None) -> str:
    """Record the run, then atomically replace the published warehouse with the run's working copy.

    A run that found nothing new publishes too: its data tables are unchanged (dbt and the checks were
    skipped) and only its dq.runs row is added, so every run leaves a trace analysts can see. A run
    whose checks failed as a whole publishes only its alert and run row, then fails with that reason.
    """
    added = added or {}
    marker = _failure_marker(plan)
    if marker.exists():
        failure = json.loads(marker.read_text(encoding="utf-8"))
        _publish_failure(plan, added, failure)
        raise RunLevelFailure(failure["message"])
    with preflight.disk_full_explained(Path(plan["warehouse"]).parent):
        _record_run(Path(plan["working"]), plan, added, counts)
        path = database.publish(Path(plan["warehouse"]), plan["run_id"], plan.get("started_from"))
    log.info("published %s", path)
    return str(path)


def discard(plan: dict | None) -> None:
    """Drop the run's workspace when nothing was published (nothing new, or a failed run).

    The DAG's teardown: it runs after every failure, so it must never add one of its own. A run whose
    `prepare` failed has no plan and no workspace: nothing to do (and the first error stays the one shown).
    """
    if not plan:
        return
    shutil.rmtree(database.workspace_for(Path(plan["warehouse"]), plan["run_id"]), ignore_errors=True)


def summary(published: Path) -> dict:
    """The published warehouse's totals and its last recorded run, for people and for `make run`."""
    if not published.exists():
        return {"warehouse": str(published), "published": False}
    with database.read_only(published) as con:
        totals = con.execute(
            """
            select (select count(*) from marts.dim_document where is_current),
                   (select count(*) from marts.fct_facts),
                   (select count(*) from dq.quarantine where kind = 'fact'),
                   (select count(*) from dq.quarantine where kind = 'file')
            """
        ).fetchone()
        last = con.execute("select * from dq.runs order by finished_at desc limit 1").df()
    run = last.iloc[0].to_dict() if not last.empty else {}
    return {
        "warehouse": str(published),
        "published": True,
        "reports_in_marts": totals[0],
        "facts_in_marts": totals[1],
        "facts_quarantined_total": totals[2],
        "files_rejected_total": totals[3],
        "last_run": {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in run.items()},
    }


def _manifest_names(manifest: str) -> list[str]:
    return json.loads(Path(manifest).read_text(encoding="utf-8"))


def run_in_process(landing: str, published: str, run_id: str, rebuild: bool = False) -> dict:
    """The DAG's steps in their order, in this process, without Airflow.

    For crash tests, fixtures and benchmarks that need many runs: the same functions the DAG's tasks
    call, with dbt run in-process instead of through cosmos. Prints a `STAGE <name>` line as each step
    starts, so a test can kill the process at a known point.
    """
    from fulian.warehouse.dbt import BUILD, run_dbt

    def stage(name: str) -> None:
        print(f"STAGE {name}", flush=True)

    stage("prepare")
    plan = prepare(landing, published, run_id)
    try:
        stage("extract")
        batch_dirs = [extract(plan, manifest) for manifest in plan["batches"]]
        stage("load")
        added = load_raw(plan, batch_dirs)
        if not brought_reports(added):
            stage("freshness")
            check_freshness(plan)
        counts = None
        if has_work(plan, added, rebuild):
            stage("dbt")
            run_dbt([*BUILD], Path(plan["working"]))
            stage("check")
            try:
                counts = check(plan, added)
            except RunLevelFailure:
                publish(plan, added, None)  # records the failure, then raises it again
            if counts["facts_quarantined"]:
                stage("dbt_apply_quarantine")
                run_dbt([*BUILD, "--select", "fct_facts+"], Path(plan["working"]))
        stage("publish")
        publish(plan, added, counts)
        stage("done")
        return summary(Path(plan["warehouse"]))
    finally:
        discard(plan)
