"""The dbt task group in watcher mode (fulian/watcher.py): one writer, the producer first, and the
nodes whose failure makes dbt skip a model (what a skipped model's alert names)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from fulian.settings import WRITER_POOL
from fulian.watcher import Watching, _blocking_nodes


def _node(resource_type: str, *depends_on: str) -> SimpleNamespace:
    return SimpleNamespace(resource_type=resource_type, depends_on=list(depends_on))


def test_a_model_is_blocked_by_its_ancestors_and_their_tests_not_by_its_siblings() -> None:
    nodes = {
        "seed.units": _node("seed"),
        "model.stg": _node("model", "seed.units"),
        "model.fct": _node("model", "model.stg"),
        "model.other": _node("model", "seed.units"),
        "test.stg_not_null": _node("test", "model.stg"),
        "test.other_unique": _node("test", "model.other"),
        "unit_test.fct_rule": _node("unit_test", "model.fct"),
    }
    blocking = _blocking_nodes(nodes)
    assert blocking["model.fct"] == {"model.stg", "seed.units", "test.stg_not_null", "unit_test.fct_rule"}
    assert blocking["model.stg"] == {"seed.units", "test.stg_not_null"}
    assert blocking["seed.units"] == frozenset()
    assert "test.other_unique" not in blocking["model.fct"], "a sibling's test does not block"


@pytest.fixture(scope="module")
def dbt_group(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(Path(__file__).resolve().parents[1] / "dags"))
    assert not bag.import_errors, bag.import_errors
    dag = bag.get_dag("fulian_daily")
    return {t.task_id: t for t in dag.tasks if t.task_id.startswith("dbt_marts.")}


def test_only_the_producer_writes_and_every_model_waits_for_it(dbt_group) -> None:
    producer = dbt_group["dbt_marts.dbt_producer_watcher"]
    assert producer.pool == WRITER_POOL, "the one dbt build is the run's writer of the working copy"
    models = [t for t in dbt_group.values() if t.task_id.endswith(("_run", "_seed"))]
    assert len(models) > 20, "one task per model and seed"
    for task in models:
        assert isinstance(task, Watching), task.task_id
        assert task.pool != WRITER_POOL and not task.deferrable, task.task_id
        ancestors = task.get_flat_relative_ids(upstream=True)
        assert producer.task_id in ancestors, f"{task.task_id} could start before the build"


def test_the_daily_build_runs_the_data_tests_and_leaves_the_unit_tests_to_the_suite(dbt_group) -> None:
    from fulian.warehouse.dbt import BUILD

    flags = dbt_group["dbt_marts.dbt_producer_watcher"].dbt_cmd_flags
    assert "--resource-type=test" in flags, "a failed data test must stop the models after it"
    assert not any("unit_test" in flag for flag in flags)
    assert BUILD[0] == "build" and BUILD[BUILD.index("--exclude-resource-type") + 1] == "unit_test"


def test_a_model_task_never_runs_dbt_itself(dbt_group) -> None:
    task = dbt_group["dbt_marts.fct_facts_run"]
    with pytest.raises(Exception, match="never runs dbt itself"):
        task._fallback_to_non_watcher_run(try_number=2, context={})


def test_parsing_the_dag_file_leaves_the_pipeline_s_heavy_imports_to_the_tasks_that_need_them() -> None:
    # Every task process and the DAG processor parse the file; the models' tasks never use the pipeline.
    heavy = ("pandas", "pyarrow", "fulian.pipeline", "fulian.text.extract")
    code = (
        "import sys; sys.path[:0] = ['dags', 'plugins']; import fulian_daily; "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr[-2000:]
