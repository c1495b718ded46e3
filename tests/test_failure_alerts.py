"""Failures outside the checks reach people: the DAG, really run by Airflow, against real receivers.

Two runs, each failing the way production runs do, with no test hook in the code:
- dbt runs out of the DuckDB memory the worker allows (FULIAN_DUCKDB_MEMORY_LIMIT, read by the pipeline
  and by dbt's profile): the run's raw layer loads, then dbt cannot build;
- another run publishes the warehouse while this one builds (two runs at once): `publish` refuses to
  overwrite it (ConcurrentPublish).
Each failed task's alert must reach the webhook and the mailbox, naming the run, the task and the reason.
"""

from __future__ import annotations

import email
import shutil
import threading
import time
from email import policy
from pathlib import Path

import pytest

from fulian.warehouse import database

from alert_receivers import smtp_receiver, webhook_receiver
from conftest import SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)


@pytest.fixture(scope="module")
def dag(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(Path(__file__).resolve().parents[1] / "dags"))
    assert not bag.import_errors, bag.import_errors
    return bag.get_dag("fulian_daily")


@pytest.fixture
def receivers(monkeypatch):
    """Both channels configured as a deployment would: connections and recipients in the environment."""
    with webhook_receiver() as (url, posts), smtp_receiver() as (port, mails):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        monkeypatch.setenv(
            "AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://127.0.0.1:{port}?disable_ssl=true&disable_tls=true"
        )
        monkeypatch.setenv("FULIAN_ALERT_EMAIL", "oncall@example.org")
        yield posts, mails


def _failed_tasks(dag_id: str, run_id: str) -> set[str]:
    from airflow.models import TaskInstance
    from airflow.utils.session import create_session

    with create_session() as session:
        rows = session.query(TaskInstance.task_id).filter_by(dag_id=dag_id, run_id=run_id, state="failed")
        return {task_id for (task_id,) in rows}


def _mail_bodies(mails) -> list[str]:
    messages = [email.message_from_string(m.content, policy=policy.default) for m in mails]
    return [m.get_body().get_content() for m in messages]


def _landing(tmp_path: Path, count: int) -> Path:
    landing = tmp_path / "landing"
    landing.mkdir()
    for report in sorted(SEEDS.glob("*.txt"))[:count]:
        shutil.copy(report, landing)
    return landing


def test_a_dbt_model_that_fails_alerts_both_channels_naming_the_task(
    dag, receivers, tmp_path, monkeypatch
) -> None:
    posts, mails = receivers
    # enough for the raw layer of five reports, not for dbt's models and tests over them
    monkeypatch.setenv("FULIAN_DUCKDB_MEMORY_LIMIT", "16MB")
    warehouse = tmp_path / "wh" / "fulian.duckdb"
    conf = {"landing_dir": str(_landing(tmp_path, 5)), "warehouse": str(warehouse)}
    run = dag.test(run_conf=conf)
    failed = _failed_tasks(dag.dag_id, run.run_id)
    assert str(run.state) == "failed", "a run whose models failed ends failed, not skipped into success"
    assert "publish" in failed, "publish refuses (UpstreamFailed) rather than skipping"
    failed -= {"publish"}
    assert failed and all(t.startswith("dbt_marts.") for t in failed), failed
    assert not warehouse.exists(), "a run whose dbt failed publishes nothing"
    alerted = {p["task_id"] for p in posts}
    assert alerted == failed, "one alert per failed step, and only those (publish's refusal is no news)"
    bodies = _mail_bodies(mails)
    assert len(bodies) == len(failed)
    for task in failed:
        post = next(p for p in posts if p["task_id"] == task)
        assert run.run_id in post["text"] and "Out of Memory" in post["reason"]
        assert post["log_url"] in post["text"] and f"/tasks/{task}" in post["log_url"]
        assert any(task in body and run.run_id in body and "Out of Memory" in body for body in bodies)


def _publish_meanwhile(warehouse: Path, stop: threading.Event) -> None:
    """Another run: as soon as this run has its working copy, it publishes its own warehouse first."""
    work = warehouse.parent / ".fulian-work"
    while not stop.is_set():
        if any(p.name != "fulian.duckdb.other-run" for p in work.glob("fulian.duckdb.*")):
            started_from = database.identity(warehouse)
            database.prepare_working_copy(warehouse, "other-run")
            database.publish(warehouse, "other-run", started_from)
            return
        time.sleep(0.05)


def test_a_publish_that_cannot_complete_alerts_both_channels(dag, receivers, tmp_path) -> None:
    posts, mails = receivers
    warehouse = tmp_path / "wh" / "fulian.duckdb"
    conf = {"landing_dir": str(_landing(tmp_path, 1)), "warehouse": str(warehouse)}
    stop = threading.Event()
    other = threading.Thread(target=_publish_meanwhile, args=(warehouse, stop), daemon=True)
    other.start()
    try:
        run = dag.test(run_conf=conf)
    finally:
        stop.set()
        other.join(timeout=30)
    assert str(run.state) == "failed"
    assert _failed_tasks(dag.dag_id, run.run_id) == {"publish"}
    failure = [p for p in posts if p.get("task_id") == "publish"]
    assert len(failure) == 1
    assert "ConcurrentPublish" in failure[0]["reason"] and "published by another run" in failure[0]["reason"]
    assert run.run_id in failure[0]["text"] and failure[0]["log_url"] in failure[0]["text"]
    assert any("publish" in body and "ConcurrentPublish" in body for body in _mail_bodies(mails))
