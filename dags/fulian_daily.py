"""fulian_daily: plan → extract → load raw → dbt marts (cosmos) → GX checks → dbt_apply_quarantine → publish.

Beside the dbt marts, `dbt_source_freshness` alerts when the landing folder has brought nothing new for
FULIAN_FRESHNESS_DAYS days.

Thin on purpose: every step is a function in the `fulian` package (plugins/fulian). The landing folder
and the warehouse are DAG params (defaults: $FULIAN_LANDING_DIR / $FULIAN_WAREHOUSE, then seeds/ and
warehouse/fulian.duckdb). Only one task at a time writes the run's working copy; readers keep the
published file until the atomic rename in `publish`.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from airflow.sdk import Param, dag, get_current_context, task, teardown
from airflow.sdk.exceptions import AirflowFailException, AirflowSkipException
from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
from cosmos.constants import ExecutionMode, InvocationMode, LoadMode, TestBehavior

from fulian import settings
from fulian.asset import event_extra, warehouse_asset
from fulian.dq.notifiers import on_task_failure
from fulian.errors import CannotRun
from fulian.settings import DBT_PROJECT_DIR, WRITER_POOL, landing_dir, warehouse_path
from fulian.warehouse.dbt import dbt_vars
from fulian.watcher import ReleasingDbtBuild, watch_after_producer

WORKING_COPY = "{{ ti.xcom_pull(task_ids='prepare')['working'] }}"
WAREHOUSE = warehouse_asset()  # updated by `publish`; fulian_exports is scheduled on it
log = logging.getLogger(__name__)


def _pipeline():
    """fulian.pipeline, imported when a task that needs it runs, not when the file is parsed: the DAG
    processor and every task process parse this file, and most tasks (the dbt models', the gates)
    never use the pipeline, whose imports (pandas, pyarrow, the extractor) cost a second or more."""
    from fulian import pipeline

    return pipeline


@contextmanager
def fail_fast() -> Iterator[None]:
    """A CannotRun (bad parameter, unusable path, damaged warehouse, full disk) is deterministic: the task
    fails now, without its retry, and logs the one sentence `make run` prints last."""
    try:
        yield
    except CannotRun as err:
        log.error("FULIAN CANNOT RUN: %s", err)
        raise AirflowFailException(str(err)) from err


PROFILE = ProfileConfig(
    profile_name="fulian", target_name="dev", profiles_yml_filepath=DBT_PROJECT_DIR / "profiles.yml"
)


@dag(
    dag_id="fulian_daily",
    schedule=settings.schedule(),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    # every task, the dbt models' included, alerts on failure through the notifier set (on the tasks:
    # a DAG-level on_failure_callback does not fire reliably on Airflow 3)
    default_args={
        "retries": 1,
        "retry_delay": timedelta(minutes=2),
        "on_failure_callback": on_task_failure(),
    },
    params={
        "landing_dir": Param(str(landing_dir()), type="string", description="folder of .txt reports"),
        "warehouse": Param(str(warehouse_path()), type="string", description="published DuckDB file"),
        "rebuild": Param(False, type="boolean", description="run dbt and checks even if nothing is new"),
    },
    tags=["fulian"],
    doc_md=__doc__,
)
def fulian_daily():
    @task(retries=0)
    def prepare() -> dict:
        ctx = get_current_context()
        with fail_fast():
            params = ctx["params"]
            return _pipeline().prepare(params["landing_dir"], params["warehouse"], ctx["run_id"])

    @task
    def batches(plan: dict) -> list[str]:
        """The batch manifests to map extraction over (one mapped task per batch)."""
        return plan["batches"]

    @task(max_active_tis_per_dagrun=os.cpu_count() or 2)
    def extract(plan: dict, manifest: str) -> str:
        with fail_fast():
            return _pipeline().extract(plan, manifest)

    @task(trigger_rule="none_failed", retries=0, pool=WRITER_POOL)
    def load(plan: dict, batch_dirs: list[str] | None) -> dict:
        with fail_fast():
            return _pipeline().load_raw(plan, list(batch_dirs or []))

    @task.short_circuit(ignore_downstream_trigger_rules=False)
    def anything_new(plan: dict, added: dict) -> bool:
        return _pipeline().has_work(plan, added, bool(get_current_context()["params"]["rebuild"]))

    # Beside the gate, not behind it: a stale landing is exactly the run that finds nothing new.
    @task(retries=0, pool=WRITER_POOL)
    def dbt_source_freshness(plan: dict, added: dict) -> dict:
        """`dbt source freshness` on the working copy when the run brought no report; alerts, never fails."""
        if _pipeline().brought_reports(added):
            raise AirflowSkipException("this run brought new reports: the landing is fresh")
        return _pipeline().check_freshness(plan)

    # One `dbt build` (models and tests) in the producer task `dbt_producer_watcher`, one start-up of dbt
    # per run; every model keeps its task, which reads the status dbt reported for it (fulian/watcher.py).
    dbt_marts = DbtTaskGroup(
        group_id="dbt_marts",
        project_config=ProjectConfig(DBT_PROJECT_DIR, install_dbt_deps=False),
        profile_config=PROFILE,
        execution_config=ExecutionConfig(
            execution_mode=ExecutionMode.WATCHER,
            invocation_mode=InvocationMode.DBT_RUNNER,
            # the producer's build runs the data tests too (cosmos's: models, seeds, snapshots); not the
            # unit tests, whose inputs are static: the suite runs them (fulian.warehouse.dbt.BUILD says why)
            setup_operator_args={"dbt_cmd_flags": ["--resource-type=test"]},
        ),
        render_config=RenderConfig(
            load_method=LoadMode.DBT_LS,
            invocation_mode=InvocationMode.DBT_RUNNER,
            # no test task: the producer's `dbt build` tests each model as it builds it, and fails if a
            # test fails (the models after it are not built; their tasks fail)
            test_behavior=TestBehavior.NONE,
            # no lineage Asset per model (their URIs would name the unrendered variable): the DAG's
            # Asset is the published warehouse (`publish`)
            emit_datasets=False,
        ),
        # the working copy as a dbt variable, rendered per task; listing the project at parse time
        # needs none (the profile then points at an in-memory database). The models' tasks leave the
        # writer pool (watch_after_producer): only the producer writes.
        operator_args={
            "retries": 0,
            "pool": WRITER_POOL,
            "vars": dbt_vars(WORKING_COPY),
        },
    )
    watch_after_producer(dbt_marts)

    @task(retries=0, pool=WRITER_POOL)
    def check(plan: dict, added: dict) -> dict:
        return _pipeline().check(plan, added)

    @task.short_circuit(ignore_downstream_trigger_rules=False)
    def anything_quarantined(counts: dict) -> bool:
        return bool(counts["facts_quarantined"])

    # The checks' quarantine reaches the marts here, in dbt, where the graph shows it: the fact mart
    # and its dependants are rebuilt, and their models leave quarantined facts out.
    apply_quarantine = ReleasingDbtBuild(
        task_id="dbt_apply_quarantine",
        project_dir=DBT_PROJECT_DIR,
        profile_config=PROFILE,
        select=["fct_facts+"],
        vars=dbt_vars(WORKING_COPY),
        invocation_mode=InvocationMode.DBT_RUNNER,
        install_deps=False,
        emit_datasets=False,
        retries=0,
        pool=WRITER_POOL,
    )

    # all_done: a run whose checks failed as a whole still records its alert in the published
    # warehouse; any other failure before this point publishes nothing (why_not_publish).
    # A publication is an event of the Asset (a skipped or failed publish is none); its extra names the
    # file, since the warehouse is a run parameter.
    @task(retries=0, trigger_rule="all_done", pool=WRITER_POOL, outlets=[WAREHOUSE])
    def publish(plan: dict | None, added: dict | None, counts: dict | None) -> str:
        ctx = get_current_context()
        reason = _pipeline().why_not_publish(plan, added, counts, bool(ctx["params"]["rebuild"]))
        if reason:
            raise AirflowSkipException(reason)
        with fail_fast():
            published = _pipeline().publish(plan, added, counts)
        ctx["outlet_events"][WAREHOUSE].extra = event_extra(published, plan, added, counts)
        return published

    @task(trigger_rule="none_failed")
    def report(plan: dict) -> str:
        """The analysts' report.html next to the published warehouse (charts, largest figures, DQ)."""
        from fulian.report.html import render_report

        if not Path(plan["warehouse"]).exists():  # a first run that failed before publishing
            raise AirflowSkipException("nothing published yet: no report")
        return str(render_report(Path(plan["warehouse"])))

    @task(trigger_rule="none_failed")
    def summary(plan: dict) -> dict:
        result = _pipeline().summary(Path(plan["warehouse"]))
        print("FULIAN SUMMARY", json.dumps(result, ensure_ascii=False, default=str))
        return result

    @teardown
    @task(retries=0)
    def cleanup(plan: dict | None) -> None:
        """Drop the run's workspace whatever happened: the published warehouse is never touched.
        Never fails: with no plan (prepare failed) there is nothing to drop."""
        _pipeline().discard(plan)

    plan = prepare()
    batch_dirs = extract.partial(plan=plan).expand(manifest=batches(plan))
    added = load(plan, batch_dirs)
    gate = anything_new(plan, added)
    fresh = dbt_source_freshness(plan, added)
    checked = check(plan, added)
    published = publish(plan, added, checked)
    gate >> dbt_marts >> checked >> anything_quarantined(checked) >> apply_quarantine >> published
    fresh >> published
    published >> report(plan) >> summary(plan) >> cleanup(plan)


pipeline_dag = fulian_daily()
# The workspace may go only once no task can still use it: the teardown waits for every task (a failed
# model makes its dependants upstream_failed at once while its siblings still run).
for _task in pipeline_dag.tasks:
    if _task.task_id != "cleanup":
        _task >> pipeline_dag.get_task("cleanup")
