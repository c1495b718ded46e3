"""The same dbt project on a second adapter: PostgreSQL, on a throwaway server this test starts.

scripts/ensure_postgres.sh installs the server binaries if needed (Debian's postgresql); the test
then runs initdb into a tmp dir (as the `postgres` OS user when run as root), starts the server on a
free port, creates the raw and dq schemas from plugins/fulian/warehouse/raw_schema.sql (types translated for
Postgres), inserts three reports, their facts and one quarantined fact, and runs
`dbt build --target postgres` in-process. Then a file gets a second version and another fact is
quarantined, and the incremental build must follow. The server is stopped in the fixture teardown,
also when a step fails. Nothing is skipped: a setup failure fails the test with the reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbt_build import dbt_build
from raw_rows import H_DY1, H_DY2, H_GD, H_NONE, load_day_one, load_day_two, pyformat

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)

ROOT = Path(__file__).resolve().parents[1]
RAW_DDL = ROOT / "plugins" / "fulian" / "warehouse" / "raw_schema.sql"
ENSURE = ROOT / "scripts" / "ensure_postgres.sh"
DB_NAME = "fulian"

# dimension table -> key column of fct_facts pointing to it
DIMENSIONS = {
    "dim_document": "document_key",
    "dim_region": "region_key",
    "dim_organisation": "organisation_key",
    "dim_category": "category_key",
    "dim_unit": "unit_key",
    "dim_date": "date_key",
}


def _run(cmd: list[str], what: str, timeout: float = 120) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"PostgreSQL setup: {what} failed: {exc}", pytrace=False)
    if done.returncode != 0:
        pytest.fail(
            f"PostgreSQL setup: {what} failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}",
            pytrace=False,
        )
    return done.stdout


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_ddl() -> str:
    """raw_schema.sql for Postgres: DuckDB's `double` is Postgres' `double precision`."""
    return re.sub(r"\bdouble\b(?!\s+precision)", "double precision", RAW_DDL.read_text(encoding="utf-8"))


class PgServer:
    """A throwaway PostgreSQL cluster in a tmp dir, owned by the postgres OS user when we are root."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="fulian-pg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"
        self.port = _free_port()
        self.started = False

    def _cmd(self, tool: str, *args: str) -> list[str]:
        cmd = [str(self.bindir / tool), *args]
        return ["runuser", "-u", "postgres", "--", *cmd] if self.as_root else cmd

    def start(self) -> None:
        if self.as_root:  # initdb and postgres refuse to run as root
            shutil.chown(self.base, "postgres", "postgres")
        _run(
            self._cmd(
                "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"
            ),
            "initdb",
        )
        opts = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.started = True  # from here on, teardown tries to stop it
        cmd = self._cmd(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", opts, "start"
        )
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=90, stdin=subprocess.DEVNULL)
            error = None if done.returncode == 0 else f"exit {done.returncode}: {done.stdout}{done.stderr}"
        except (OSError, subprocess.TimeoutExpired) as exc:
            error = str(exc)
        if error is not None:
            log = self.log.read_text(errors="replace")[-4000:] if self.log.exists() else "(no server log)"
            pytest.fail(f"PostgreSQL setup: pg_ctl start failed ({error})\nserver log:\n{log}", pytrace=False)

    def stop(self) -> None:
        if self.started:
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                subprocess.run(
                    self._cmd("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop"),
                    capture_output=True,
                    stdin=subprocess.DEVNULL,
                    timeout=90,
                    check=False,
                )
            pid_file = self.data / "postmaster.pid"
            if pid_file.exists():  # pg_ctl could not stop it: end our own server by its pid
                with contextlib.suppress(OSError, ValueError, IndexError):
                    os.kill(int(pid_file.read_text().splitlines()[0]), signal.SIGQUIT)
            self.started = False
        shutil.rmtree(self.base, ignore_errors=True)

    def connect(self, dbname: str = DB_NAME):
        import psycopg2

        con = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=dbname)
        con.autocommit = True
        return con

    def query(self, sql: str, params: tuple | list | None = None) -> list[tuple]:
        con = self.connect()
        try:
            with con.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall()
        finally:
            con.close()


@pytest.fixture(scope="module")
def pg(tmp_path_factory) -> Iterator[PgServer]:
    bindir = _run(["bash", str(ENSURE)], "scripts/ensure_postgres.sh", timeout=900).strip().splitlines()[-1]
    server = PgServer(Path(bindir))
    try:
        server.start()
        admin = server.connect("postgres")
        try:
            with admin.cursor() as cur:
                # C collation: text sorts by code point, as in DuckDB
                cur.execute(
                    f"create database {DB_NAME} encoding 'UTF8' lc_collate 'C' lc_ctype 'C'"
                    " template template0"
                )
        finally:
            admin.close()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def builds(pg: PgServer, tmp_path_factory) -> dict[str, object]:
    con = pg.connect()
    try:
        with con.cursor() as cur:
            cur.execute(_pg_ddl())
            load_day_one(pyformat(cur))
    finally:
        con.close()

    tmp = tmp_path_factory.mktemp("dbt_pg")
    mp = pytest.MonkeyPatch()
    for name, value in {
        "FULIAN_PG_HOST": "127.0.0.1",
        "FULIAN_PG_PORT": str(pg.port),
        "FULIAN_PG_USER": "postgres",
        "FULIAN_PG_PASSWORD": "",
        "FULIAN_PG_DB": DB_NAME,
        "DO_NOT_TRACK": "1",
    }.items():
        mp.setenv(name, value)
    fact_rows = "select fact_key, loaded_at from marts.fct_facts order by 1"
    out: dict[str, object] = {}
    try:
        out["first"] = dbt_build(tmp, "postgres")
        out["after_first"] = pg.query(fact_rows)
        # day 2: dongying.txt changes, and a check quarantines one of guangdong.txt's facts
        con = pg.connect()
        try:
            with con.cursor() as cur:
                load_day_two(pyformat(cur))
        finally:
            con.close()
        out["second"] = dbt_build(tmp, "postgres")
        out["after_second"] = pg.query(fact_rows)
    finally:
        mp.undo()
    return out


def _orphans(pg: PgServer) -> dict[str, int]:
    out = {}
    for dim, key in DIMENSIONS.items():
        ((n,),) = pg.query(
            f"select count(*) from marts.fct_facts f where f.{key} is not null"
            f" and not exists (select 1 from marts.{dim} d where d.{key} = f.{key})"
        )
        out[dim] = n
    return out


def test_first_build_has_current_non_quarantined_facts_only(builds) -> None:
    assert builds["first"].get("error", 0) == 0 and builds["first"].get("fail", 0) == 0
    keys = {k for k, _ in builds["after_first"]}
    assert len(keys) == len(builds["after_first"]) == 4 + 4 + 2
    assert f"{H_DY1}:4" not in keys  # quarantined
    assert f"{H_DY1}:0" in keys and f"{H_NONE}:1" in keys


def test_incremental_build_replaces_superseded_version_without_duplicates(builds, pg: PgServer) -> None:
    assert builds["second"].get("error", 0) == 0 and builds["second"].get("fail", 0) == 0
    rows = pg.query("select fact_key, content_hash, file_name, value from marts.fct_facts")
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)) == 4 + 3 + 2, "duplicates or missing facts after the incremental run"
    assert pg.query("select fact_key from marts.fct_facts group by fact_key having count(*) > 1") == []
    assert not [r for r in rows if r[1] == H_DY1], "facts of the superseded version must be gone"
    assert {r[3] for r in rows if r[2] == "dongying.txt"} == {1300.0, 35.0, 150000000.0, 600.0}
    assert f"{H_GD}:3" not in keys  # quarantined on day 2
    assert f"{H_DY1}:4" not in keys and f"{H_DY2}:4" not in keys
    # untouched facts were not rewritten by the incremental run
    before = dict(builds["after_first"])
    after = dict(builds["after_second"])
    for key in (f"{H_GD}:0", f"{H_NONE}:0", f"{H_NONE}:1"):
        assert after[key] == before[key], key


def test_dim_document_versions(builds, pg: PgServer) -> None:
    docs = {
        h: (v, c, f)
        for h, v, c, f in pg.query(
            "select content_hash, version_number, is_current, file_name from marts.dim_document"
        )
    }
    assert docs == {
        H_DY1: (1, False, "dongying.txt"),
        H_DY2: (2, True, "dongying.txt"),
        H_GD: (1, True, "guangdong.txt"),
        H_NONE: (1, True, "bulletin.txt"),
    }
    # surrogate keys are md5 of the natural key, as on DuckDB
    ((key,),) = pg.query("select document_key from marts.dim_document where content_hash = %s", [H_GD])
    assert key == hashlib.md5(H_GD.encode()).hexdigest()
    summary = dict(pg.query("select file_name, quarantined_fact_count from marts.agg_report_summary"))
    assert summary == {"dongying.txt": 0, "guangdong.txt": 1, "bulletin.txt": 0}


def test_no_orphan_keys_and_unique_dimension_keys(builds, pg: PgServer) -> None:
    assert _orphans(pg) == dict.fromkeys(DIMENSIONS, 0)
    for dim, key in DIMENSIONS.items():
        ((n, n_distinct),) = pg.query(f"select count(*), count(distinct {key}) from marts.{dim}")
        assert n == n_distinct > 0, dim
    regions = pg.query("select region_code, level from marts.dim_region order by 1 nulls last")
    assert regions == [("370500", "city"), ("440000", "province"), (None, "unknown")]
    assert ("坨", "other") in pg.query("select unit, unit_class from marts.dim_unit")


def test_values_dates_and_aggregates(builds, pg: PgServer) -> None:
    kinds = dict(pg.query("select distinct qualifier, value_kind from marts.fct_facts"))
    assert kinds == {"exact": "exact", "over": "lower_bound", "about": "approximate", "under": "upper_bound"}
    ((date_key, report_key, pub_key, period_type),) = pg.query(
        "select distinct date_key, report_date_key, publication_date_key, period_type"
        " from marts.fct_facts where content_hash = %s",
        [H_GD],
    )
    assert (date_key, report_key, pub_key, period_type) == (20251231, 20250101, 20260115, "to_date")
    day = pg.query(
        "select date_day, year, quarter, iso_day_of_week, iso_week_of_year, day_name, month_name,"
        " year_month, year_quarter, is_weekend, last_day_of_month"
        " from marts.dim_date where date_key = 20240225"
    )
    assert [tuple(str(v) for v in row) for row in day] == [
        (
            "2024-02-25",
            "2024",
            "1",
            "7",
            "8",
            "Sunday",
            "February",
            "2024-02",
            "2024-Q1",
            "True",
            "2024-02-29",
        )
    ]
    ((n_days,),) = pg.query("select count(*) from marts.dim_date")
    assert n_days == 31776  # 1949-01-01 .. 2035-12-31, as on DuckDB
    rows = pg.query(
        "select province, report_year, category_code, unit_class, fact_count,"
        " sum_exact_value, sum_lower_bound_value from marts.agg_figures_by_region_year"
    )
    by = {(p, y, c): (u, n, e, lb) for p, y, c, u, n, e, lb in rows}
    assert by[("山东省", 2024, "loans")] == ("money", 1, 150000000.0, 0.0)
    assert by[("广东省", 2025, "volunteers")] == ("people", 1, 0.0, 2000.0)
    assert len(rows) == len({(p, y, c, u) for p, y, c, u, *_ in rows})
