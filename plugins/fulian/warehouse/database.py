"""The DuckDB warehouse file: read-only looks at the published copy, and the run's working copy.

DuckDB lets one process write a file and then refuses every other process, readers included. So nothing
ever writes the published file: a run copies it into its workspace, builds there (load, dbt, checks) and
publishes by an atomic rename. Analysts keep reading the old file until they reconnect; a killed run
leaves the published file untouched and only a stale workspace behind.

The published file is written in the storage version of `settings.storage_version()` (v1.2.0 by
default), which DuckDB 1.x clients read; DuckDB 2.0's own default (format 69) they refuse. A working copy
is a byte copy of the published file, and DuckDB keeps writing a file in the version it has, so only a
run whose working copy is in another version (the first run, a warehouse published before the setting,
a changed setting) pays for rewriting it at publish time.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

from fulian import settings
from fulian.errors import ConcurrentPublish
from fulian.settings import STALE_WORKSPACE_SECONDS, WORK_DIR_NAME

log = logging.getLogger(__name__)

RAW_SCHEMA_SQL = Path(__file__).with_name("raw_schema.sql")
# DuckDB takes 80% of RAM by default; a run must fit beside Airflow and GX on a small worker. dbt's
# connection gets the same limit (dbt_project/profiles.yml).


def safe_run_id(run_id: str) -> str:
    """A run id usable as a folder name (Airflow run ids hold ':' and '+')."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", run_id)


def workspace_for(published: Path, run_id: str) -> Path:
    """The run's private folder, beside the warehouse so the final rename stays on one file system."""
    return published.parent / WORK_DIR_NAME / f"{published.name}.{safe_run_id(run_id)}"


def working_copy(published: Path, run_id: str) -> Path:
    return workspace_for(published, run_id) / published.name


@cache
def raw_table_schema(table: str) -> pa.Schema:
    """The Arrow schema of a raw-layer table, read from raw_schema.sql: its columns' one declaration."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
        return con.sql(f"select * from {table} limit 0").to_arrow_table().schema
    finally:
        con.close()


@contextmanager
def read_only(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection, closed on exit so the file is never held longer than needed."""
    con = duckdb.connect(str(path), read_only=True, config={"memory_limit": settings.duckdb_memory_limit()})
    try:
        yield con
    finally:
        con.close()


@contextmanager
def writable(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The single writer's connection to a working copy; checkpointed on close so no WAL is left."""
    con = duckdb.connect(str(path), config={"memory_limit": settings.duckdb_memory_limit()})
    try:
        yield con
        con.execute("checkpoint")
    finally:
        con.close()


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    row = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table],
    ).fetchone()
    return bool(row and row[0])


def seen_files(published: Path) -> set[tuple[str, str]]:
    """(file name, content hash or rejection reason) pairs the warehouse has already handled."""
    if not published.exists():
        return set()
    with read_only(published) as con:
        if not has_table(con, "raw", "report_files"):
            return set()
        rows = con.execute(
            """
            select file_name, content_hash from raw.report_files
            union
            select file_name, coalesce(content_hash, reason) from raw.rejected_files
            """
        ).fetchall()
    return {(name, key) for name, key in rows}


def known_hashes(published: Path) -> frozenset[str]:
    """Content hashes of the reports already in the warehouse: these are never extracted again."""
    if not published.exists():
        return frozenset()
    with read_only(published) as con:
        if not has_table(con, "raw", "reports"):
            return frozenset()
        return frozenset(h for (h,) in con.execute("select content_hash from raw.reports").fetchall())


def sweep_stale_workspaces(published: Path, now: float | None = None) -> list[Path]:
    """Remove workspaces of runs killed long ago (a day untouched): a live run touches its own often."""
    root = published.parent / WORK_DIR_NAME
    if not root.is_dir():
        return []
    now = time.time() if now is None else now
    removed = []
    for workspace in root.glob(f"{published.name}.*"):
        newest = max((p.stat().st_mtime for p in workspace.rglob("*")), default=workspace.stat().st_mtime)
        if now - newest > STALE_WORKSPACE_SECONDS:
            shutil.rmtree(workspace, ignore_errors=True)
            removed.append(workspace)
    return removed


def prepare_working_copy(published: Path, run_id: str) -> Path:
    """Start the run's working copy from the published warehouse (or empty), with the raw layer's DDL."""
    target = working_copy(published, run_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in (target, target.with_name(target.name + ".wal")):
        stale.unlink(missing_ok=True)
    if published.exists():
        shutil.copyfile(published, target)
    with writable(target) as con:
        con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
    return target


def _literal(value: object) -> str:
    """A SQL string literal (ATTACH takes no parameters for its path and options)."""
    return "'" + str(value).replace("'", "''") + "'"


def storage_version_of(path: Path) -> str:
    """The storage version DuckDB reports for a file, e.g. `v1.2.0+`: the oldest DuckDB that reads it."""
    with read_only(path) as con:
        row = con.execute(
            "select tags['storage_version'] from duckdb_databases() where database_name = current_database()"
        ).fetchone()
    return str(row[0]) if row and row[0] else "unknown"


@cache
def storage_tag(version: str) -> str:
    """What `storage_version_of` says of a file written in `version` (v1.1.0 and v1.0.0 give `v1.0.0+`).

    Found by writing a throwaway file, so it follows DuckDB's own mapping; an unknown version fails here
    with DuckDB's list of valid ones, which is why `prepare` asks it before a run does any work.
    """
    with tempfile.TemporaryDirectory(prefix="fulian-storage-") as tmp:
        probe = Path(tmp) / "probe.duckdb"
        con = duckdb.connect(":memory:")
        try:
            con.execute(f"attach {_literal(probe)} as probe (storage_version {_literal(version)})")
            con.execute("create table probe.t (i integer)")
            con.execute("detach probe")
        finally:
            con.close()
        return storage_version_of(probe)


def write_in_storage_version(source: Path, target: Path, version: str) -> Path:
    """Copy every schema, table, view, macro, sequence, constraint and comment of `source` into a new
    file `target` written in storage `version`. Views keep their SQL (re-rendered by DuckDB: same
    columns, same meaning); they name no catalog, so the copy answers the same under any file name."""
    target.unlink(missing_ok=True)
    con = duckdb.connect(":memory:", config={"memory_limit": settings.duckdb_memory_limit()})
    try:
        con.execute(f"attach {_literal(source)} as fulian_source (read_only)")
        con.execute(f"attach {_literal(target)} as fulian_target (storage_version {_literal(version)})")
        con.execute("copy from database fulian_source to fulian_target")
        con.execute("checkpoint fulian_target")
        con.execute("detach fulian_target")
    finally:
        con.close()
    return target


def in_published_format(working: Path) -> Path:
    """The working copy as the file to publish: itself if already in the published storage version,
    else a copy written in it beside it (in the workspace, so the rename stays on one file system)."""
    version = settings.storage_version()
    if storage_version_of(working) == storage_tag(version):
        return working
    started = time.perf_counter()
    converted = write_in_storage_version(working, working.with_name(f"{working.name}.publish"), version)
    log.info(
        "wrote the published copy in storage version %s (%.1f s, %d bytes)",
        version,
        time.perf_counter() - started,
        converted.stat().st_size,
    )
    return converted


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def identity(published: Path) -> str:
    """What the published file is now (inode, size, mtime): a rename by another run changes it."""
    try:
        st = published.stat()
    except FileNotFoundError:
        return "absent"
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


@contextmanager
def publish_lock(published: Path) -> Iterator[None]:
    """Serialise the check-and-rename of concurrent runs (held for milliseconds, not for the run)."""
    published.parent.mkdir(parents=True, exist_ok=True)
    with open(published.parent / f".{published.name}.publish.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def publish(published: Path, run_id: str, expected: str | None = None) -> Path:
    """Make the run's working copy the published warehouse in one atomic rename, then drop the workspace.

    Runs never lock each other out while they work; instead, a run publishes only if the published file
    is still the one it started from (`expected`, from `identity`). Two runs at once: the second to
    finish fails with ConcurrentPublish and publishes nothing; its files are read again next run.
    What is renamed is in the published storage version (`in_published_format`), written and fsynced
    before the lock is taken.
    """
    working = working_copy(published, run_id)
    if not working.exists():
        raise FileNotFoundError(f"no working copy to publish at {working}")
    with writable(working) as con:
        con.execute("select 1")
    source = in_published_format(working)
    _fsync(source)
    with publish_lock(published):
        if expected is not None and identity(published) != expected:
            shutil.rmtree(workspace_for(published, run_id), ignore_errors=True)
            raise ConcurrentPublish(
                f"{published} was published by another run while run {run_id} was building; "
                "this run published nothing (its reports are read again by the next run)"
            )
        os.replace(source, published)
    _fsync(published.parent)
    shutil.rmtree(workspace_for(published, run_id), ignore_errors=True)
    return published
