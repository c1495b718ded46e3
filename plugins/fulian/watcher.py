"""The dbt task group in cosmos's watcher mode, fitted to fulian_daily.

cosmos's ExecutionMode.WATCHER renders one producer task (`dbt_producer_watcher`) that runs a single
`dbt build` over the whole project, models and tests, and one sensor per model that reads the status
the producer pushed to XCom for its node: one dbt start-up (≈ 3.5 s) per run instead of one per model.

cosmos lets a model's sensor start beside the producer and wait for its node. fulian's DAG runs under
`dag.test` too (`make run`, the tests), where tasks run one at a time in-process: a sensor that ran
before the producer would wait for a producer that cannot start. So `watch_after_producer` makes the
producer upstream of the group's first models: every sensor starts once the one `dbt build` has ended,
finds its node's status at its first poke, and never waits, under `dag.test` and under the scheduler.

`Watching` (mixed into every model's and seed's sensor) changes three things of cosmos's sensor:
- its failure names dbt's own message (e.g. DuckDB's "Out of Memory Error"), which the alert quotes, or
  for a model dbt skipped, the failures upstream (a model, a test) that made it skip;
- it never runs dbt itself: cosmos falls back to `dbt run --select <model>` when the producer ended
  without reporting the node, or on a retry; here the producer is the run's one writer of the working
  copy (pool `fulian_warehouse`), so the sensor fails, naming the producer, instead;
- a producer that did not run (`upstream_failed`) makes the sensor skip, without an alert: the task
  that failed upstream has alerted already.

`Producing` (mixed into the producer) writes XCom only for what those tasks read.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from airflow.exceptions import AirflowException
from airflow.sdk.exceptions import AirflowSkipException
from cosmos.operators._watcher.base import _log_dbt_msg
from cosmos.operators._watcher.state import get_dbt_event_xcom_key, get_xcom_val, safe_xcom_push
from cosmos.operators.local import DbtBuildLocalOperator
from cosmos.operators.watcher import DbtConsumerWatcherSensor, DbtProducerWatcherOperator

from fulian.warehouse.dbt import release_duckdb

log = logging.getLogger(__name__)
# the producer's states in which it has ended without ever running dbt
NOT_RUN = {"upstream_failed", "skipped", "removed"}
# the dbt events whose XCom a task reads: a node's end (its status, dbt's message), the skips that say an
# upstream node failed, and dbt's versions
WATCHED_EVENTS = {
    "NodeFinished",
    "SkippingDetails",
    "LogSkipBecauseError",
    "MainReportVersion",
    "AdapterRegistered",
}
UNWATCHED_NODES = {"test", "unit_test"}  # no task watches a test: a failed one fails the producer
FAILURES_KEY = "fulian_dbt_failures"  # XCom of the producer: {unique id: dbt's message} of each failed node
FAILED = {"error", "fail", "runtime error"}


class Releasing:
    """Mixed into a cosmos task that runs dbt: it closes the DuckDB file dbt-duckdb keeps open when the
    task ends (profiles.yml: keep_open), since under `airflow dags test` the tasks after it run in the
    same process and open the file again."""

    def execute(self, context: Any, **kwargs: Any) -> Any:
        try:
            return super().execute(context, **kwargs)  # type: ignore[misc]
        finally:
            release_duckdb()


class Producing(Releasing):
    """Mixed into cosmos's producer: only the events a task reads become XCom.

    cosmos writes XCom for each of a node's start, compiling, executing and result events, tests
    included, under a lock that the dbt threads share: five writes for each of the ~290 nodes, which
    made the one `dbt build` take longer than the tasks it replaced. Every event is still logged."""

    def _make_parse_callable(self) -> Callable[[str, Any], None]:
        parse = super()._make_parse_callable()  # type: ignore[misc]

        def parse_watched(line: str, extra_kwargs: Any) -> None:
            try:
                event = json.loads(line)
            except ValueError:
                return parse(line, extra_kwargs)
            node = (event.get("data") or {}).get("node_info") or {}
            name = (event.get("info") or {}).get("name")
            if name == "NodeFinished" and node.get("node_status") in FAILED:
                self._record_failure(node, event, extra_kwargs)
            if name in WATCHED_EVENTS and node.get("resource_type") not in UNWATCHED_NODES:
                return parse(line, extra_kwargs)
            _log_dbt_msg(event)
            return None

        return parse_watched

    def execute(self, context: Any, **kwargs: Any) -> Any:
        self.__dict__["_fulian_failures"] = {}
        return super().execute(context, **kwargs)  # type: ignore[misc]

    def _record_failure(self, node: dict, event: dict, extra_kwargs: Any) -> None:
        """A failed node's message, model or test, for the tasks of the models dbt then skipped."""
        failures = self.__dict__.setdefault("_fulian_failures", {})
        result = (event.get("data") or {}).get("run_result") or {}
        failures[node.get("unique_id")] = result.get("message") or node.get("node_status")
        context = (extra_kwargs or {}).get("context")
        if context is not None:
            safe_xcom_push(task_instance=context["ti"], key=FAILURES_KEY, value=dict(failures))


class ReleasingDbtBuild(Releasing, DbtBuildLocalOperator):
    """cosmos's `dbt build` task, closing the DuckDB file when it ends (see `Releasing`)."""


class Watching:
    """Mixed into cosmos's sensor of a model or seed: the status `dbt build` (the producer) reported."""

    model_unique_id: str
    producer_task_id: str
    # the nodes whose failure makes dbt skip this one: its ancestors and their tests, its own unit tests
    blocking_nodes: frozenset[str] = frozenset()

    def _dbt_message(self, context: Any) -> str | None:
        """dbt's message for the node; for a node dbt skipped, the failures upstream that made it."""
        ti = context["ti"]
        event = get_xcom_val(ti, self.producer_task_id, get_dbt_event_xcom_key(self.model_unique_id))
        event = event if isinstance(event, dict) else {}
        if event.get("status") != "skipped":
            return event.get("msg")
        failures = get_xcom_val(ti, self.producer_task_id, FAILURES_KEY) or {}
        upstream = [f"{uid}: {msg}" for uid, msg in failures.items() if uid in self.blocking_nodes]
        return "not built: dbt skipped it after " + ("; ".join(upstream) or "a failure upstream")

    def poke(self, context: Any) -> bool:
        try:
            return super().poke(context)
        except AirflowSkipException:
            raise
        except AirflowException as err:
            message = self._dbt_message(context)
            if message and message not in str(err):
                raise AirflowException(f"{err}: {message}") from err
            raise

    def _handle_no_dbt_node_status(
        self, producer_task_state: str | None, try_number: int, context: Any
    ) -> bool:
        if producer_task_state == "success":
            # dbt built without reporting the node (an ephemeral model, an empty file): nothing to watch
            log.info("dbt build reported nothing for %s: not a node it runs", self.model_unique_id)
            return True
        if producer_task_state in NOT_RUN:
            raise AirflowSkipException(f"{self.producer_task_id} did not run ({producer_task_state})")
        if producer_task_state == "failed":
            raise AirflowException(
                f"dbt build ({self.producer_task_id}) failed before it reported {self.model_unique_id}; "
                "see its log"
            )
        return super()._handle_no_dbt_node_status(producer_task_state, try_number, context)

    def _fallback_to_non_watcher_run(self, try_number: int, context: Any) -> bool:
        raise AirflowException(
            f"{self.model_unique_id} is built only by {self.producer_task_id} (one dbt build, the run's one "
            "writer of its working copy); a model's task never runs dbt itself"
        )


def _blocking_nodes(nodes: dict[str, Any]) -> dict[str, frozenset[str]]:
    """For each node, the nodes whose failure makes `dbt build` skip it: its ancestors, and the tests
    of it and of its ancestors."""
    parents = {uid: set(node.depends_on) for uid, node in nodes.items()}
    tests: dict[str, set[str]] = {}
    for uid, node in nodes.items():
        if str(getattr(node.resource_type, "value", node.resource_type)) in UNWATCHED_NODES:
            for parent in node.depends_on:
                tests.setdefault(parent, set()).add(uid)
    out: dict[str, frozenset[str]] = {}
    for uid in nodes:
        ancestors: set[str] = set()
        todo = list(parents.get(uid, ()))
        while todo:
            parent = todo.pop()
            if parent not in ancestors:
                ancestors.add(parent)
                todo.extend(parents.get(parent, ()))
        blocking = set(ancestors)
        for node in ancestors | {uid}:
            blocking |= tests.get(node, set())
        out[uid] = frozenset(blocking)
    return out


_MIXED: dict[type, type] = {}


def _mixed(mixin: type, cls: type) -> type:
    """cosmos's class with fulian's mixin (one class per cosmos class, of the same name)."""
    if cls not in _MIXED:
        _MIXED[cls] = type(cls.__name__, (mixin, cls), {"__module__": __name__})
    return _MIXED[cls]


def watch_after_producer(group: Any, poke_interval: float = 1.0, timeout: float = 600.0) -> Any:
    """Fit the watcher task group built by cosmos: every model's task `Watching`, polling (not
    deferred: it never waits), outside the writer pool (it reads XCom, never DuckDB), and the producer
    upstream of the first models. Returns the group."""
    tasks = list(group.children.values())
    producer = next(t for t in tasks if isinstance(t, DbtProducerWatcherOperator))
    producer.__class__ = _mixed(Producing, type(producer))
    blocking = _blocking_nodes(group.dbt_graph.nodes)
    for task in tasks:
        if not isinstance(task, DbtConsumerWatcherSensor):
            continue
        task.__class__ = _mixed(Watching, type(task))
        task.blocking_nodes = blocking.get(task.model_unique_id, frozenset())
        task.deferrable = False
        task.mode = "poke"
        task.poke_interval = poke_interval
        task.timeout = timeout
        task.pool = "default_pool"
        if not task.upstream_task_ids & set(group.children):
            # the first models: run once the producer has ended, failed or not (their node's status
            # says which); skipped with it when the run has nothing new
            task.trigger_rule = "none_skipped"
            producer >> task
    return group
