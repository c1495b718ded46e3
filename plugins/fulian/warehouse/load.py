"""Append the batches' Parquet files to the raw layer of the working copy: the run's only writer.

Set-based SQL over all batch files at once (no per-row Python), inserted by column name, with
anti-joins on the natural keys so that loading the same batch twice, or a report that arrived under
two names, adds each row once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fulian.dq.quarantine import quarantine_rejected_files
from fulian.warehouse.batches import RAW_TABLES
from fulian.warehouse.database import writable

# Per batch file: the rows of it that are new to the raw layer (`batch` is the Parquet rows).
NEW_ROWS_SQL = {
    "reports": """
        select * exclude (rn) from (
            select *, row_number() over (partition by content_hash order by file_name) as rn
            from read_parquet($files)
        ) as batch
        where rn = 1
          and not exists (select 1 from raw.reports as r where r.content_hash = batch.content_hash)
    """,
    "facts": """
        select * exclude (rn) from (
            select *, row_number() over (partition by content_hash, fact_index order by text) as rn
            from read_parquet($files)
        ) as batch
        where rn = 1
          and not exists (
              select 1 from raw.facts as f
              where f.content_hash = batch.content_hash and f.fact_index = batch.fact_index
          )
    """,
    "files": """
        select distinct on (file_name, content_hash) *
        from read_parquet($files) as batch
        where not exists (
            select 1 from raw.report_files as f
            where f.file_name = batch.file_name and f.content_hash = batch.content_hash
        )
    """,
    "rejected": """
        select distinct on (file_name, coalesce(content_hash, reason)) *
        from read_parquet($files) as batch
        where not exists (
            select 1 from raw.rejected_files as r
            where r.file_name = batch.file_name
              and coalesce(r.content_hash, r.reason) = coalesce(batch.content_hash, batch.reason)
        )
    """,
}


def load_batches(working: Path, batch_dirs: list[str], run_id: str) -> dict[str, int]:
    """Insert every batch's rows into the working copy's raw layer; return rows added per table."""
    added: dict[str, int] = {}
    with writable(working) as con:
        con.execute("begin")
        for key, raw_table in RAW_TABLES.items():
            files = [str(Path(d) / f"{key}.parquet") for d in batch_dirs]
            files = [f for f in files if Path(f).exists()]
            if not files:
                added[key] = 0
                continue
            before = con.execute(f"select count(*) from {raw_table}").fetchone()[0]
            con.execute(f"insert into {raw_table} by name {NEW_ROWS_SQL[key]}", {"files": files})
            added[key] = con.execute(f"select count(*) from {raw_table}").fetchone()[0] - before
        quarantine_rejected_files(con, run_id, datetime.now(UTC).replace(tzinfo=None))
        con.execute("commit")
    return added
