"""The scheduler path as people meet it: `make airflow`'s processes run a REST-triggered fulian_daily,
its publication triggers fulian_exports through the warehouse Asset, and the UI, signed into in
headless Chromium, shows the DAG and its tasks (the dbt models among them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request

import duckdb
import pyarrow.parquet as pq
import pytest

from alert_receivers import free_port
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)

PASSWORD = "fulian-test-password"


def _api(base: str, path: str, token: str | None = None, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        headers={
            "Content-Type": "application/json",
            **({"Authorization": f"Bearer {token}"} if token else {}),
        },
        method="POST" if body is not None else "GET",
    )
    with urllib.request.urlopen(request, timeout=180) as resp:  # a loaded machine answers slowly
        return json.loads(resp.read())


@pytest.fixture(scope="module")
def airflow(tmp_path_factory) -> dict:
    """Airflow started by scripts/airflow_up.sh with a home of its own; everything stopped afterwards."""
    home = tmp_path_factory.mktemp("airflow_home")
    port = free_port()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "FULIAN_SCHEDULE": "none",
        "FULIAN_AIRFLOW_PORT": str(port),
        "FULIAN_AIRFLOW_PASSWORD": PASSWORD,
        "FULIAN_AIRFLOW_DETACH": "1",
    }
    subprocess.run([str(ROOT / "scripts" / "airflow_init.sh")], env=env, check=True, timeout=120)
    try:
        subprocess.run([str(ROOT / "scripts" / "airflow_up.sh")], env=env, check=True, timeout=240)
        pgid = int((home / "standalone.pgid").read_text())
        yield {"base": f"http://127.0.0.1:{port}", "home": home, "pgid": pgid}
    finally:
        subprocess.run([str(ROOT / "scripts" / "airflow_down.sh")], env=env, timeout=60)
    left = subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True).stdout.split()
    assert not left, f"processes left running: {left}"


@pytest.fixture(scope="module")
def scheduled_run(airflow, tmp_path_factory) -> dict:
    base = airflow["base"]
    token = _api(base, "/auth/token", body={"username": "admin", "password": PASSWORD})["access_token"]
    deadline = time.monotonic() + 180
    while True:  # the DAG processor parses the DAG file after start-up
        try:
            _api(base, "/api/v2/dags/fulian_daily", token)
            break
        except OSError:
            assert time.monotonic() < deadline, "fulian_daily never appeared in the API"
            time.sleep(3)
    root = tmp_path_factory.mktemp("scheduled")
    landing = root / "landing"
    landing.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, landing / f.name)
    warehouse = root / "wh" / "fulian.duckdb"
    run = _api(
        base,
        "/api/v2/dags/fulian_daily/dagRuns",
        token,
        {"logical_date": None, "conf": {"landing_dir": str(landing), "warehouse": str(warehouse)}},
    )
    run_id = run["dag_run_id"]
    # a guard against a hung run, not a speed target: every task is a process of its own here, and a
    # machine loaded by other work took over 15 minutes for the run
    deadline = time.monotonic() + 1800
    while True:
        state = _api(base, f"/api/v2/dags/fulian_daily/dagRuns/{run_id}", token)["state"]
        if state in ("success", "failed"):
            break
        assert time.monotonic() < deadline, f"run {run_id} still {state}"
        time.sleep(5)
    return {"state": state, "run_id": run_id, "warehouse": warehouse, "token": token}


def test_the_scheduler_runs_a_rest_triggered_run_to_success(scheduled_run) -> None:
    assert scheduled_run["state"] == "success"
    with duckdb.connect(str(scheduled_run["warehouse"]), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_facts").fetchone()[0] >= 150
        assert con.execute("select count(*) from marts.dim_document where is_current").fetchone()[0] == 5


def test_the_publication_triggers_fulian_exports_which_exports_that_warehouse(airflow, scheduled_run) -> None:
    """Data-aware scheduling for real: no trigger but the asset event of `publish`, whose extra names
    the run's warehouse (a temporary one here, not the consumer's default param)."""
    base, token, warehouse = airflow["base"], scheduled_run["token"], scheduled_run["warehouse"]
    deadline = time.monotonic() + 120  # the scheduler creates the run within seconds; the export is small
    while True:
        runs = _api(base, "/api/v2/dags/fulian_exports/dagRuns?order_by=-start_date", token)["dag_runs"]
        done = [r for r in runs if r["state"] in ("success", "failed")]
        if done:
            break
        assert time.monotonic() < deadline, f"no finished fulian_exports run after the publication: {runs}"
        time.sleep(3)
    run = done[0]
    assert (run["run_type"], run["state"]) == ("asset_triggered", "success")
    events = _api(base, f"/api/v2/dags/fulian_exports/dagRuns/{run['dag_run_id']}/upstreamAssetEvents", token)
    [event] = events["asset_events"]
    assert (event["source_dag_id"], event["source_run_id"]) == ("fulian_daily", scheduled_run["run_id"])
    assert event["extra"]["warehouse"] == str(warehouse) and event["extra"]["reports_added"] == 5
    exports = warehouse.parent / "exports"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        facts = con.execute("select count(*) from marts.fct_facts").fetchone()[0]
        documents = con.execute("select count(*) from marts.dim_document").fetchone()[0]
    assert pq.read_metadata(exports / "fct_facts.parquet").num_rows == facts >= 150
    assert len((exports / "dim_document.csv").read_text(encoding="utf-8").splitlines()) == 1 + documents
    assert json.loads((exports / "manifest.json").read_text(encoding="utf-8"))["rows"]["fct_facts"] == facts


def _goto(page, url: str, attempts: int = 3) -> None:
    """Open `url`; a late client-side redirect of the single-page app may interrupt the first try."""
    from playwright.sync_api import Error

    for attempt in range(attempts):
        try:
            page.goto(url, wait_until="networkidle")
            return
        except Error as exc:
            if "interrupted by another navigation" not in str(exc) or attempt == attempts - 1:
                raise
            page.wait_for_load_state("networkidle")


def test_the_ui_shows_the_dag_and_its_dbt_tasks_after_signing_in(airflow, scheduled_run, tmp_path) -> None:
    from playwright.sync_api import sync_playwright

    subprocess.run([str(ROOT / "scripts" / "ensure_chromium.sh")], check=True, timeout=600)
    base = airflow["base"]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"{base}/", wait_until="networkidle")
            page.fill("input[name='username']", "admin")
            page.fill("input[name='password']", PASSWORD)
            page.click("button[type='submit']")
            # signing in ends in a redirect to the home page; a navigation started before it lands is
            # interrupted by it, so wait for the signed-in page rather than for a quiet network
            page.wait_for_url(lambda url: "login" not in url, timeout=60_000)
            page.wait_for_load_state("networkidle")
            _goto(page, f"{base}/dags/fulian_daily/runs/{scheduled_run['run_id']}")
            page.get_by_text("fulian_daily").first.wait_for(timeout=60_000)
            page.get_by_text("dbt_marts").first.wait_for(timeout=60_000)
            shot = tmp_path / "airflow-ui.png"
            page.screenshot(path=str(shot), full_page=True)
            body = page.inner_text("body")
        finally:
            browser.close()
    assert "fulian_daily" in body and "dbt_marts" in body
    assert shot.stat().st_size > 20_000
    if os.environ.get("FULIAN_UPDATE_SCREENSHOTS"):  # refresh the README's image on request
        shutil.copy(shot, ROOT / "docs" / "airflow-ui.png")
