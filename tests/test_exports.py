"""The analysts' exports (fulian_exports) and the warehouse Asset's event extra, without Airflow.

The DAG itself, triggered by a real publication under a real scheduler, is in tests/test_scheduler_ui.py.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pyarrow.parquet as pq

from fulian.asset import event_extra, published_warehouses
from fulian.warehouse.database import read_only
from fulian.warehouse.export import export_marts


def _event(extra: dict | None) -> SimpleNamespace:
    return SimpleNamespace(extra=extra)


def test_each_published_warehouse_is_exported_once_in_order_of_its_last_event() -> None:
    events = [
        _event({"warehouse": "/a/fulian.duckdb"}),
        _event({"warehouse": "/b/fulian.duckdb"}),
        _event(None),  # an event from elsewhere (e.g. the REST API) without the path
        _event({"warehouse": "/a/fulian.duckdb"}),
    ]
    assert published_warehouses(events) == [Path("/b/fulian.duckdb"), Path("/a/fulian.duckdb")]
    assert published_warehouses([]) == []


def test_the_event_extra_names_the_file_and_the_run_in_plain_json() -> None:
    extra = event_extra("/w/fulian.duckdb", {"run_id": "r1"}, {"reports": 5, "facts": 190}, None)
    assert json.loads(json.dumps(extra)) == {
        "warehouse": "/w/fulian.duckdb",
        "run_id": "r1",
        "reports_added": 5,
        "facts_added": 190,
        "facts_quarantined": 0,
    }


def _warehouse(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts; create schema raw")
        con.execute(
            "create table marts.fct_facts as select * from (values (1, '11000余人', 11000.0), "
            "(2, 'it''s 1.2亿元', 1.2e8)) as t(fact_key, fact_text, value)"
        )
        con.execute("create table marts.dim_unit (unit_key integer, unit varchar)")  # empty mart
        con.execute("create view marts.v as select 1 as x")  # not a table: not exported
        con.execute("create table raw.reports as select 1 as x")  # not a mart
    return path


def test_every_mart_is_written_as_parquet_and_csv_with_a_manifest(tmp_path) -> None:
    warehouse = _warehouse(tmp_path / "fulian's wh.duckdb")
    digest = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    out = tmp_path / "exports"
    with read_only(warehouse):  # an analyst reading meanwhile
        rows = export_marts(warehouse, out)
    assert rows == {"dim_unit": 0, "fct_facts": 2}
    assert sorted(p.name for p in out.iterdir()) == [
        "dim_unit.csv",
        "dim_unit.parquet",
        "fct_facts.csv",
        "fct_facts.parquet",
        "manifest.json",
    ]
    facts = pq.read_table(out / "fct_facts.parquet").to_pylist()
    assert facts[0] == {"fact_key": 1, "fact_text": "11000余人", "value": 11000.0}
    csv = (out / "fct_facts.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0] == "fact_key,fact_text,value" and len(csv) == 3 and "11000余人" in csv[1]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["warehouse"] == str(warehouse) and manifest["rows"] == rows
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == digest, "read only"
    assert export_marts(warehouse, out) == rows, "a second export replaces the files"
