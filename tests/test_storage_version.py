"""The published warehouse is written in the storage version of FULIAN_STORAGE_VERSION, so DuckDB 1.x
clients open it; the working copy may be in DuckDB 2.0's own format. Real DuckDB files, no Airflow."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from warehouse_checks import content_checksums

from fulian.warehouse import database

DUCKDB_CLI = Path(sys.executable).with_name("duckdb")  # the `duckdb-cli` package (test group), 1.5.x


def _catalog(path: Path) -> dict[str, list]:
    """What a reader sees besides the rows: columns, constraints, comments, views' columns."""
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            "columns": con.execute(
                "select schema_name, table_name, column_name, column_index, data_type, is_nullable, "
                "column_default, comment from duckdb_columns() order by all"
            ).fetchall(),
            "constraints": con.execute(
                "select schema_name, table_name, constraint_type, constraint_text "
                "from duckdb_constraints() order by all"
            ).fetchall(),
            "tables": con.execute(
                "select schema_name, table_name, comment from duckdb_tables() order by all"
            ).fetchall(),
            "views": con.execute(
                "select schema_name, view_name from duckdb_views() where not internal order by all"
            ).fetchall(),
        }


def _build(working: Path) -> None:
    """Marts-like objects in the working copy: a contract-checked table, a view over it, comments."""
    with database.writable(working) as con:
        con.execute(
            """
            create schema if not exists marts;
            create table marts.fct_facts (fact_key varchar primary key, value double not null, unit varchar);
            insert into marts.fct_facts
                select 'f' || i, i * 1.5, case when i % 2 = 0 then '人' else '元' end from range(1000) t(i);
            create view marts.facts_per_unit as select unit, count(*) as n from marts.fct_facts group by unit;
            comment on table marts.fct_facts is 'one row per figure';
            comment on column marts.fct_facts.value is 'in base units';
            """
        )


def _first_working_copy(published: Path, run_id: str) -> Path:
    """The first run's working copy: no published file yet, so a new file in DuckDB 2.0's format."""
    working = database.prepare_working_copy(published, run_id)
    _build(working)
    return working


def _publish_first_run(published: Path) -> None:
    _first_working_copy(published, "run1")
    database.publish(published, "run1")


def test_a_new_warehouse_is_published_in_the_configured_version_with_the_same_content(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("FULIAN_STORAGE_VERSION", "v1.2.0")
    published = tmp_path / "fulian.duckdb"
    working = _first_working_copy(published, "run1")
    assert database.storage_version_of(working) == database.storage_tag("latest"), "DuckDB 2.0's own format"
    expected_rows, expected_catalog = content_checksums(working, every_column=True), _catalog(working)
    assert expected_rows, "the comparison covers tables"

    database.publish(published, "run1")

    assert (
        database.storage_version_of(published)
        == database.storage_tag("v1.2.0")
        != database.storage_tag("latest")
    )
    assert content_checksums(published, every_column=True) == expected_rows
    assert _catalog(published) == expected_catalog
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select * from marts.facts_per_unit order by unit").fetchall() == [
            ("人", 500),
            ("元", 500),
        ]
    assert not database.workspace_for(published, "run1").exists()


def test_the_next_run_copies_the_published_version_and_publishes_by_rename_alone(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("FULIAN_STORAGE_VERSION", "v1.2.0")
    published = tmp_path / "fulian.duckdb"
    _publish_first_run(published)

    working = database.prepare_working_copy(published, "run2")
    with database.writable(working) as con:
        con.execute("insert into marts.fct_facts values ('new', 7, '场')")
    assert database.storage_version_of(working) == database.storage_tag("v1.2.0"), (
        "DuckDB keeps writing a copied file in the version it has"
    )
    inode = working.stat().st_ino
    database.publish(published, "run2")
    assert published.stat().st_ino == inode, "no rewrite: the working copy itself was renamed"
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_facts").fetchone()[0] == 1001


def test_changing_the_setting_rewrites_the_next_publication_in_the_new_version(tmp_path, monkeypatch) -> None:
    published = tmp_path / "fulian.duckdb"
    monkeypatch.setenv("FULIAN_STORAGE_VERSION", "v1.2.0")
    _publish_first_run(published)
    monkeypatch.setenv("FULIAN_STORAGE_VERSION", "latest")
    database.prepare_working_copy(published, "run2")
    database.publish(published, "run2")
    assert database.storage_version_of(published) == database.storage_tag("latest")


def test_an_unknown_storage_version_stops_the_run_before_any_work(tmp_path, monkeypatch) -> None:
    from fulian import pipeline

    monkeypatch.setenv("FULIAN_STORAGE_VERSION", "v9.9")
    landing = tmp_path / "landing"
    landing.mkdir()
    with pytest.raises(duckdb.InvalidInputException, match="v1.2.0"):
        pipeline.prepare(str(landing), str(tmp_path / "fulian.duckdb"), "run1")
    assert not (tmp_path / ".fulian-work").exists()


def test_the_duckdb_1x_cli_reads_the_published_file_and_refuses_duckdb_2_format(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("FULIAN_STORAGE_VERSION", "v1.2.0")
    published = tmp_path / "fulian.duckdb"
    working = _first_working_copy(published, "run1")
    query = "select count(*) from marts.fct_facts"
    refused = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", str(working), "-c", query], capture_output=True, text=True
    )
    assert refused.returncode != 0 and "version number" in refused.stderr, refused.stderr
    database.publish(published, "run1")
    read = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-csv", "-noheader", str(published), "-c", query],
        capture_output=True,
        text=True,
    )
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == "1000"
