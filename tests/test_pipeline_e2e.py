"""The daily DAG end to end, really run by Airflow (`dag.test()`): extraction, DuckDB, dbt, GX, publish."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from warehouse_checks import content_checksums

from alert_receivers import webhook_receiver
from conftest import GOLD, SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)

IMPOSSIBLE_REPORT = (
    "某某市妇联2023年工作简报\n"
    "全市美丽庭院建成率380%，累计发放巾帼创业贷款5000000亿元，培训妇女30亿人次。\n"
    "另开展宣讲活动120场。\n"
)


def _run_dag(landing: Path, warehouse: Path, logical_date: datetime | None = None) -> str:
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(Path(__file__).resolve().parents[1] / "dags"))
    assert not bag.import_errors, bag.import_errors
    dag = bag.get_dag("fulian_daily")
    conf = {"landing_dir": str(landing), "warehouse": str(warehouse)}
    run = dag.test(run_conf=conf, logical_date=logical_date) if logical_date else dag.test(run_conf=conf)
    return str(run.state)


def _gold_facts() -> list[dict]:
    rows = [json.loads(line) for line in (GOLD / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if not r.get("optional")]


@pytest.fixture(scope="module")
def first_run(airflow_db, tmp_path_factory) -> tuple[Path, Path, str, list[dict]]:
    """The samples, one report with impossible figures and an empty file, landed together and run once,
    with a webhook receiving the alerts: (landing, warehouse, run state, webhook posts)."""
    landing = tmp_path_factory.mktemp("landing")
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, landing / f.name)
    (landing / "impossible report.txt").write_text(IMPOSSIBLE_REPORT, encoding="utf-8")
    (landing / "empty.txt").write_bytes(b"")
    warehouse = tmp_path_factory.mktemp("wh") / "nested" / "fulian.duckdb"
    with webhook_receiver() as (url, posts), pytest.MonkeyPatch.context() as mp:
        mp.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        state = _run_dag(landing, warehouse)
    return landing, warehouse, state, list(posts)


def test_run_succeeds_and_publishes_the_sample_facts(first_run) -> None:
    _, warehouse, state, _ = first_run
    assert state == "success"
    assert warehouse.exists()
    assert not list(warehouse.parent.glob("*.wal")), "the published file must be checkpointed"
    assert "<svg" in (warehouse.parent / "report.html").read_text(encoding="utf-8"), (
        "the DAG renders the report"
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        n_facts = con.execute("select count(*) from marts.fct_facts").fetchone()[0]
        n_docs = con.execute(
            "select count(*) from marts.dim_document where is_current and file_name like '00%'"
        ).fetchone()[0]
    assert n_facts >= 150
    assert n_docs == 5


def test_the_duckdb_cli_of_pypi_opens_the_published_warehouse_read_only(first_run) -> None:
    """Analysts' `duckdb -readonly` (PyPI duckdb-cli, DuckDB 1.x): it reads the published storage version."""
    _, warehouse, _, _ = first_run
    query = (
        "select u.unit_class, count(*) from marts.fct_facts as f join marts.dim_unit as u using (unit_key) "
        "group by all order by all"
    )
    cli = Path(sys.executable).with_name("duckdb")
    shell = subprocess.run(
        [str(cli), "-readonly", "-csv", "-noheader", str(warehouse), "-c", query],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shell.returncode == 0, shell.stderr
    assert "v1." in subprocess.run([str(cli), "--version"], capture_output=True, text=True).stdout
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = con.execute(query).fetchall()
    assert [tuple(row.split(",")) for row in shell.stdout.splitlines()] == [(c, str(n)) for c, n in expected]
    assert len(expected) >= 3, "several unit classes: the answer is more than a count"


def test_figures_stated_in_the_reports_are_in_the_marts_with_their_values(first_run) -> None:
    _, warehouse, _, _ = first_run
    with duckdb.connect(str(warehouse), read_only=True) as con:
        found = set(con.execute("select file_name, value, unit from marts.fct_facts").fetchall())
    gold = _gold_facts()
    hits = [g for g in gold if (g["doc"], float(g["value"]), g["unit"]) in found]
    assert len(hits) / len(gold) >= 0.8, f"only {len(hits)} of {len(gold)} gold figures in the marts"
    # A few figures checked by hand in the reports: simplified, traditional script, and 万 in traditional.
    for doc, value, unit in [
        ("000_cf8da975d4ff23a9.txt", 12854.0, "人"),
        ("003_fd61fb6c5e3993ec.txt", 762.0, "场次"),
        ("003_fd61fb6c5e3993ec.txt", 75500.0, "人次"),
    ]:
        assert (doc, value, unit) in found


def test_documents_carry_province_city_and_organisation(first_run) -> None:
    _, warehouse, _, _ = first_run
    from fulian.warehouse.export import export

    out = warehouse.parent / "export"
    export(warehouse, out)
    docs = {json.loads(line)["doc"]: json.loads(line) for line in (out / "documents.jsonl").open()}
    assert docs["001_50db6e2cd06eea04.txt"]["province"] == "山东省"
    assert docs["001_50db6e2cd06eea04.txt"]["city"] == "东营市"
    assert docs["003_fd61fb6c5e3993ec.txt"]["script"] == "traditional"
    facts = [json.loads(line) for line in (out / "facts.jsonl").open()]
    assert set(facts[0]) >= {"doc", "text", "value", "unit", "qualifier", "metric", "category"}
    assert set(facts[0]) >= {"indicator", "observation", "part_of"}


ANALYST = """
import sys, duckdb

con = duckdb.connect(sys.argv[1], read_only=True)
count = lambda: con.execute("select count(*) from dq.runs").fetchone()[0]
print(count(), flush=True)
sys.stdin.readline()
print(count(), flush=True)
"""


def test_impossible_figures_are_quarantined_alerted_and_kept_out_of_the_marts(first_run) -> None:
    _, warehouse, _, posts = first_run
    assert posts and any("impossible report.txt" in p["text"] for p in posts)
    assert (warehouse.parent / "gx_data_docs" / "index.html").exists()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        quarantined = con.execute(
            "select fact_text, check_name from dq.quarantine where kind = 'fact' "
            "and file_name = 'impossible report.txt'"
        ).fetchall()
        in_marts = con.execute(
            "select fact_text from marts.fct_facts where file_name = 'impossible report.txt'"
        ).fetchall()
        alerts = con.execute("select file_names from dq.alerts").fetchall()
        rejected = con.execute("select reason from dq.quarantine where kind = 'file'").fetchall()
        sample_facts = con.execute(
            "select count(*) from marts.fct_facts where file_name like '00%'"
        ).fetchone()[0]
    texts = {t for t, _ in quarantined}
    assert {"380%", "5000000亿元", "30亿人次"} <= texts
    assert ("120场",) in in_marts
    assert not texts & {t for (t,) in in_marts}
    assert any("impossible report.txt" in (files or []) for (files,) in alerts)
    assert any("empty" in r for (r,) in rejected)
    assert sample_facts >= 150


def _backdate_loads(warehouse: Path, days: int) -> None:
    """As if the landing folder had brought its reports `days` ago and nothing since."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"update raw.reports set ingested_at = ingested_at - interval {days} day")
        con.execute(f"update raw.report_files set first_seen_at = first_seen_at - interval {days} day")


def test_a_second_run_and_a_backfill_over_the_same_folder_add_nothing(first_run, monkeypatch) -> None:
    """...and, the landing having been silent for longer than FULIAN_FRESHNESS_DAYS (default 7), the
    run alerts its staleness (dbt source freshness) and still succeeds, publishing (by rename) while an
    analyst holds the published file open, whose connection keeps its consistent snapshot."""
    landing, warehouse, _, _ = first_run
    _backdate_loads(warehouse, days=30)
    before = content_checksums(warehouse, every_column=True)
    analyst = subprocess.Popen(
        [sys.executable, "-c", ANALYST, str(warehouse)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    runs_seen = int(analyst.stdout.readline())
    with webhook_receiver() as (url, posts):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        assert _run_dag(landing, warehouse, logical_date=datetime(2026, 3, 1, tzinfo=UTC)) == "success"
    out, _ = analyst.communicate("\n", timeout=60)
    assert analyst.returncode == 0
    assert int(out.strip()) == runs_seen == 1, "an open connection keeps its consistent snapshot"
    after = content_checksums(warehouse, every_column=True)
    alerts_before, alerts_after = before.pop("dq.alerts"), after.pop("dq.alerts")
    assert after == before, "no data row added or changed"
    assert alerts_after[0] == alerts_before[0] + 1, "one alert: the stale landing"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from dq.runs").fetchone()[0] == 2, "every run is logged"
        stale = con.execute(
            "select a.severity, a.message from dq.alerts as a join dq.runs as r using (run_id) "
            "where a.check_name = 'landing_freshness' and r.reports_added = 0"
        ).fetchall()
    assert len(stale) == 1 and stale[0][0] == "warning"
    assert str(landing) in stale[0][1] and "raw.reports" in stale[0][1]
    assert [p["alerts"][0]["check_name"] for p in posts] == ["landing_freshness"]


def test_the_readme_example_queries_run_and_answer(first_run) -> None:
    from fulian.report.queries import as_markdown, load_queries

    _, warehouse, _, _ = first_run
    queries = load_queries()
    assert len(queries) >= 5
    markdown = as_markdown(warehouse)
    assert markdown.count("```sql") == len(queries)
    assert "山东省" in markdown and "东营市" in markdown
