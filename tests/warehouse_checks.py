"""Comparing warehouses in tests: what must be identical between two runs, and what may differ."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

SCHEMAS = ("raw", "dq", "marts")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def content_checksums(path: Path, every_column: bool = False) -> dict[str, tuple]:
    """Row count and order-independent hash of every table, over the columns that carry content.

    Left out: the run log (dq.runs) and, unless every_column, run ids and timestamps (when a row was
    loaded differs between two runs that load the same content). With every_column the comparison is
    exact: what a rerun that adds nothing must leave untouched.
    """
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('raw', 'dq', 'marts') and table_type = 'BASE TABLE' "
            "and not (table_schema = 'dq' and table_name = 'runs') order by 1, 2"
        ).fetchall()
        out = {}
        for schema, table in tables:
            cols = [
                name
                for name, dtype in con.execute(
                    "select column_name, data_type from information_schema.columns "
                    "where table_schema = ? and table_name = ? order by ordinal_position",
                    [schema, table],
                ).fetchall()
                if every_column or (name != "run_id" and not dtype.startswith("TIMESTAMP"))
            ]
            select = ", ".join(f'"{c}"' for c in cols)
            out[f"{schema}.{table}"] = con.execute(
                f'select count(*), sum(hash(row({select})::varchar)) from "{schema}"."{table}"'
            ).fetchone()
        return out


# Columns of the marts that say when a row was built, not what it holds: fct_facts.loaded_at is
# `current_timestamp` at the dbt build that inserted the row (an incremental model keeps it), so a
# warehouse rebuilt from the same raw layer differs there and only there.
BUILD_TIME_COLUMNS = {("marts", "fct_facts", "loaded_at")}


def mart_rows(path: Path) -> dict[str, list[tuple]]:
    """Every mart's rows, sorted, without the build-time columns: what analysts can query."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' "
            "and table_type = 'BASE TABLE' order by 1"
        ).fetchall()
        out = {}
        for (table,) in tables:
            cols = [
                c
                for (c,) in con.execute(
                    "select column_name from information_schema.columns where table_schema = 'marts' "
                    "and table_name = ? order by ordinal_position",
                    [table],
                ).fetchall()
                if ("marts", table, c) not in BUILD_TIME_COLUMNS
            ]
            select = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(
                con.execute(f'select {select} from marts."{table}"').fetchall(), key=lambda r: repr(r)
            )
        return out
