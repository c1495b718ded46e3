"""The raw layer kept outside the warehouse file: append-only Parquet per run, and the last N files.

Why: the raw layer (every report's text and hash, every fact, the run log, the quarantine decisions)
lived only inside the one published DuckDB file; a damaged or deleted file lost it all. Now each
publication first writes what the run added, as Parquet, beside the warehouse:

    <folder>/<stem>.raw/<schema.table>/ingest_date=YYYY-MM-DD/<run id>.parquet
    <folder>/<stem>.raw/_manifests/<seq>.<run id>.json     (written last: the run's backup is complete)
    <folder>/<stem>.generations/<run id>.duckdb            (the file the run published, the last N kept)

Every table a run writes is append-only by run id (raw.reports, raw.report_files, raw.rejected_files,
dq.quarantine, dq.alerts carry the run's id; raw.facts belong to the run's reports; dq.runs is
`insert or replace` of the run's own row), so a run's delta is `where run_id = <run>`. Rows can also
change between runs outside any run (a quarantine lifted by deleting its row, a column added by a
schema change): each manifest records a fingerprint (row count, order-free hash) of every table after
the run, and a run whose starting file does not match the last manifest's fingerprint for a table
writes that table's full final rows instead of its delta. Restoring a table is then its last full
snapshot plus the deltas after it (`fulian.warehouse.restore`).

Files, their folders and the manifest are fsynced before the warehouse is renamed into place; a run
whose publication is refused (another run published first) removes its files and writes no manifest.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from fulian import settings

log = logging.getLogger(__name__)

# Every table of the raw and dq schemas a run adds rows to, with the rows it adds.
RUN_ROWS_SQL = {
    "raw.reports": "select * from w.raw.reports where run_id = $run_id",
    "raw.report_files": "select * from w.raw.report_files where run_id = $run_id",
    "raw.facts": (
        "select f.* from w.raw.facts as f where f.content_hash in "
        "(select content_hash from w.raw.reports where run_id = $run_id)"
    ),
    "raw.rejected_files": "select * from w.raw.rejected_files where run_id = $run_id",
    "dq.quarantine": "select * from w.dq.quarantine where run_id = $run_id",
    "dq.alerts": "select * from w.dq.alerts where run_id = $run_id",
    "dq.runs": "select * from w.dq.runs where run_id = $run_id",
}
TABLES = tuple(RUN_ROWS_SQL)
# The reports' two texts are determined by their content hash: the fingerprint leaves them out, so
# fingerprinting stays cheap on large archives.
FINGERPRINT_EXCLUDE = {"raw.reports": ("original_text", "normalised_text")}
MANIFESTS = "_manifests"


def raw_dir(published: Path) -> Path:
    """The Parquet copy of the raw layer, beside the warehouse (not under .fulian-work, which is swept)."""
    return published.parent / f"{published.stem}.raw"


def generations_dir(published: Path) -> Path:
    return published.parent / f"{published.stem}.generations"


def safe_name(run_id: str) -> str:
    from fulian.warehouse.database import safe_run_id

    return safe_run_id(run_id)


def manifests(published: Path) -> list[dict]:
    """Every complete run backup, oldest first (by sequence number)."""
    folder = raw_dir(published) / MANIFESTS
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as err:
            log.warning("skipping unreadable backup manifest %s: %s", path, err)
    return sorted(found, key=lambda m: m["seq"])


def last_manifest(published: Path) -> dict | None:
    found = manifests(published)
    return found[-1] if found else None


def fsync_path(path: Path) -> None:
    """fsync a file or a folder (a new file's name is durable only once its folder is synced)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _literal(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def fingerprint(con: duckdb.DuckDBPyConnection, catalog: str, table: str) -> list:
    """[row count, order-free hash of the rows] of one table of an attached database ([0, 0] if absent)."""
    schema, name = table.split(".")
    columns = [
        c
        for (c,) in con.execute(
            "select column_name from duckdb_columns() where database_name = ? and schema_name = ? "
            "and table_name = ? order by column_index",
            [catalog, schema, name],
        ).fetchall()
        if c not in FINGERPRINT_EXCLUDE.get(table, ())
    ]
    if not columns:
        return [0, 0]
    row = ", ".join(f'"{c}" := "{c}"' for c in columns)
    count, digest = con.execute(
        f'select count(*), coalesce(sum(hash(struct_pack({row}))), 0) from {catalog}."{schema}"."{name}"'
    ).fetchone()
    return [int(count), str(digest)]


@dataclass
class PendingBackup:
    """A run's Parquet files, written and fsynced, waiting for the publish lock to become part of the
    backup (`commit`) or to be removed (`abandon`)."""

    published: Path
    run_id: str
    manifest: dict
    files: list[Path] = field(default_factory=list)
    generation: Path | None = None


def write_run(source: Path, published: Path, run_id: str) -> PendingBackup:
    """Write what the run adds to every raw and dq table as Parquet (or the table's full rows when the
    file the run started from is not what the last backup left), plus the copy kept as a generation.
    A failure part-way (a full disk) removes what was written: no manifest names it anyway."""
    pending = PendingBackup(published, run_id, {"run_id": run_id, "kind": "run", "tables": {}})
    try:
        return _write_run(source, published, run_id, pending)
    except BaseException:
        abandon(pending)
        raise


def _write_run(source: Path, published: Path, run_id: str, pending: PendingBackup) -> PendingBackup:
    started = time.perf_counter()
    root = raw_dir(published)
    previous = last_manifest(published)
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    name = safe_name(run_id)
    con = duckdb.connect(":memory:", config={"memory_limit": settings.duckdb_memory_limit()})
    try:
        con.execute(f"attach {_literal(source)} as w (read_only)")
        if published.exists():
            con.execute(f"attach {_literal(published)} as p (read_only)")
        for table in TABLES:
            schema, tname = table.split(".")
            before = fingerprint(con, "p", table) if published.exists() else [0, 0]
            after = fingerprint(con, "w", table)
            known = (previous or {}).get("tables", {}).get(table, {}).get("after")
            mode = "delta" if known == before else "full"
            query = RUN_ROWS_SQL[table] if mode == "delta" else f'select * from w."{schema}"."{tname}"'
            params = {"run_id": run_id} if mode == "delta" else {}
            rows = con.execute(f"select count(*) from ({query})", params).fetchone()[0]
            entry = {"mode": mode, "rows": int(rows), "after": after, "file": None}
            if rows or mode == "full":
                target = root / table / f"ingest_date={day}" / f"{name}.parquet"
                target.parent.mkdir(parents=True, exist_ok=True)
                con.execute(
                    f"copy ({query}) to {_literal(target)} (format parquet, compression zstd)", params
                )
                fsync_path(target)
                pending.files.append(target)
                entry["file"] = str(target.relative_to(root))
            pending.manifest["tables"][table] = entry
    finally:
        con.close()
    folders = {p.parent for p in pending.files} | {p.parent.parent for p in pending.files} | {root}
    for folder in sorted(folders):
        if folder.exists():
            fsync_path(folder)
    pending.manifest["bytes"] = sum(p.stat().st_size for p in pending.files)
    pending.manifest["seconds"] = round(time.perf_counter() - started, 3)
    if settings.generations():
        pending.generation = generations_dir(published) / f".{name}.duckdb.tmp"
        _copy_generation(source, pending.generation)
    # the file as published (checked by the next run's start) and its kept copy: the same bytes
    pending.manifest["sha256"] = pending.manifest["generation_sha256"] = _sha256(pending.generation or source)
    return pending


def _sha256(path: Path) -> str:
    from fulian.warehouse.preflight import sha256_of

    return sha256_of(path)


def _copy_generation(source: Path, tmp: Path) -> None:
    """A copy (not a hard link: damage to the published file's blocks must not reach it) of the file
    about to be published, fsynced; renamed to its final name only when the run commits."""
    tmp.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, tmp)
    fsync_path(tmp)


def commit(pending: PendingBackup) -> dict:
    """Under the publish lock, just before the rename: the manifest makes the run's backup complete."""
    root = raw_dir(pending.published)
    folder = root / MANIFESTS
    folder.mkdir(parents=True, exist_ok=True)
    previous = last_manifest(pending.published)
    seq = (previous["seq"] + 1) if previous else 1
    manifest = pending.manifest | {
        "seq": seq,
        "published_at": datetime.now(UTC).isoformat(),
        "warehouse": pending.published.name,
    }
    if pending.generation is not None:
        final = generations_dir(pending.published) / f"{safe_name(pending.run_id)}.duckdb"
        os.replace(pending.generation, final)
        fsync_path(final.parent)
        manifest["generation"] = final.name
    write_manifest(pending.published, manifest)
    return manifest


def write_manifest(published: Path, manifest: dict) -> Path:
    folder = raw_dir(published) / MANIFESTS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{manifest['seq']:06d}.{safe_name(manifest['run_id'])}.json"
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    fsync_path(tmp)
    os.replace(tmp, path)
    fsync_path(folder)
    fsync_path(folder.parent)
    return path


def abandon(pending: PendingBackup) -> None:
    """The publication was refused: the run's files are not part of any backup, so they go."""
    for path in [*pending.files, pending.generation]:
        if path is not None:
            path.unlink(missing_ok=True)


def prune_generations(published: Path, keep: int | None = None) -> list[Path]:
    """Keep the generations of the last `keep` manifests that have one; remove older ones."""
    keep = settings.generations() if keep is None else keep
    wanted: set[str] = set()
    for manifest in reversed(manifests(published)):  # newest first; a rollback names its run's file again
        if len(wanted) >= keep:
            break
        if manifest.get("generation"):
            wanted.add(manifest["generation"])
    removed = []
    folder = generations_dir(published)
    for path in folder.glob("*.duckdb") if folder.is_dir() else []:
        if path.name not in wanted:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
