"""Append the batches' Parquet files to the raw layer of the working copy: the run's only writer.

Set-based SQL over all batch files at once (no per-row Python), with anti-joins on the natural keys so
that loading the same batch twice, or a report that arrived under two names, adds each row once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fulian.warehouse.database import writable

LOAD_SQL = {
    "reports": """
        insert into raw.reports
        select * exclude (rn) from (
            select *, row_number() over (partition by content_hash order by file_name) as rn
            from read_parquet($files)
        ) as batch
        where rn = 1
          and not exists (select 1 from raw.reports as r where r.content_hash = batch.content_hash)
    """,
    "facts": """
        insert into raw.facts
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
        insert into raw.report_files
        select distinct on (file_name, content_hash) *
        from read_parquet($files) as batch
        where not exists (
            select 1 from raw.report_files as f
            where f.file_name = batch.file_name and f.content_hash = batch.content_hash
        )
    """,
    "rejected": """
        insert into raw.rejected_files
        select distinct on (file_name, coalesce(content_hash, reason)) *
        from read_parquet($files) as batch
        where not exists (
            select 1 from raw.rejected_files as r
            where r.file_name = batch.file_name
              and coalesce(r.content_hash, r.reason) = coalesce(batch.content_hash, batch.reason)
        )
    """,
}

QUARANTINE_FILES_SQL = """
    insert into dq.quarantine
        (run_id, kind, file_name, fact_key, content_hash, fact_text, check_name, reason, quarantined_at)
    select run_id, 'file', file_name, null, content_hash, null, 'readable_report', reason, $now
    from raw.rejected_files as r
    where r.run_id = $run_id
      and not exists (
          select 1 from dq.quarantine as q
          where q.kind = 'file' and q.file_name = r.file_name and q.reason = r.reason
      )
"""


def load_batches(working: Path, batch_dirs: list[str], run_id: str) -> dict[str, int]:
    """Insert every batch's rows into the working copy's raw layer; return rows added per table."""
    added: dict[str, int] = {}
    with writable(working) as con:
        con.execute("begin")
        for table, sql in LOAD_SQL.items():
            files = [str(Path(d) / f"{table}.parquet") for d in batch_dirs]
            files = [f for f in files if Path(f).exists()]
            if not files:
                added[table] = 0
                continue
            before = con.execute(f"select count(*) from raw.{_target(table)}").fetchone()[0]
            con.execute(sql, {"files": files})
            after = con.execute(f"select count(*) from raw.{_target(table)}").fetchone()[0]
            added[table] = after - before
        con.execute(QUARANTINE_FILES_SQL, {"run_id": run_id, "now": datetime.now(UTC).replace(tzinfo=None)})
        con.execute("commit")
    return added


def _target(table: str) -> str:
    return {"files": "report_files", "rejected": "rejected_files"}.get(table, table)
