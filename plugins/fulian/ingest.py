"""Find what is new in the landing folder and turn each batch of files into columnar files.

The two functions here are the parallel part of a run: `plan_batches` decides what to read (reading the
published warehouse read-only), and `process_batch` reads, normalises and extracts one batch, writing
Parquet files into the run's workspace. Neither writes DuckDB: one task (`fulian.load`) does that.
"""

from __future__ import annotations

import json
import logging
import math
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fulian import warehouse
from fulian.extraction import EXTRACTOR_VERSION, read_report
from fulian.reading import (
    RejectedFile,
    content_hash,
    landed_names,
    landed_reader,
    to_report_text,
)

log = logging.getLogger(__name__)

MIN_BATCH, MAX_BATCH = 200, 2000


def batch_size_for(n_files: int, workers: int | None = None) -> int:
    """Files per mapped extraction task: about four batches per core, within [200, 2000].

    Fewer, larger batches cut the per-task cost (start-up, XCom, one Parquet file each); four per core
    keep every core busy when batches differ in size; the cap bounds a task's memory.
    """
    workers = workers or os.cpu_count() or 2
    return min(MAX_BATCH, max(MIN_BATCH, math.ceil(n_files / (4 * workers))))


REPORT_COLUMNS = {
    "content_hash": pa.string(),
    "file_name": pa.string(),
    "byte_size": pa.int64(),
    "encoding": pa.string(),
    "original_text": pa.string(),
    "normalised_text": pa.string(),
    "script": pa.string(),
    "title": pa.string(),
    "source": pa.string(),
    "publication_date": pa.date32(),
    "province": pa.string(),
    "city": pa.string(),
    "county": pa.string(),
    "region_code": pa.string(),
    "organisation": pa.string(),
    "report_year": pa.int32(),
    "extractor_version": pa.string(),
    "run_id": pa.string(),
    "ingested_at": pa.timestamp("us"),
}
FACT_COLUMNS = {
    "content_hash": pa.string(),
    "fact_index": pa.int32(),
    "text": pa.string(),
    "value": pa.float64(),
    "unit": pa.string(),
    "qualifier": pa.string(),
    "metric": pa.string(),
    "category": pa.string(),
    "sentence": pa.string(),
    "start_offset": pa.int32(),
    "end_offset": pa.int32(),
    "extractor_version": pa.string(),
}
FILE_COLUMNS = {
    "file_name": pa.string(),
    "content_hash": pa.string(),
    "first_seen_at": pa.timestamp("us"),
    "run_id": pa.string(),
}
REJECTED_COLUMNS = {
    "file_name": pa.string(),
    "content_hash": pa.string(),
    "byte_size": pa.int64(),
    "reason": pa.string(),
    "run_id": pa.string(),
    "rejected_at": pa.timestamp("us"),
}
TABLES = {
    "reports": REPORT_COLUMNS,
    "facts": FACT_COLUMNS,
    "files": FILE_COLUMNS,
    "rejected": REJECTED_COLUMNS,
}


def hash_cache_path(published: Path) -> Path:
    """Where the landed files' known hashes are kept between runs (beside the run workspaces, under a
    name the stale-workspace sweep does not match)."""
    return published.parent / warehouse.WORK_DIR_NAME / f"hashes.{published.name}.parquet"


HASH_CACHE_SCHEMA = pa.schema(
    [
        ("path", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("ctime_ns", pa.int64()),
        ("ino", pa.int64()),
        ("sha256", pa.string()),
    ]
)
HASH_CACHE_COLUMNS = tuple(HASH_CACHE_SCHEMA.names)


def _load_hash_cache(path: Path) -> dict[str, tuple[tuple[int, int, int, int], str]]:
    try:
        table = pq.read_table(path).to_pydict()
    except (OSError, pa.ArrowException):
        return {}  # no cache yet, or unreadable: every file is hashed, as without one
    rows = zip(*(table[c] for c in HASH_CACHE_COLUMNS), strict=True)
    return {name: ((size, mtime, ctime, ino), digest) for name, size, mtime, ctime, ino, digest in rows}


def _save_hash_cache(path: Path, entries: dict[str, tuple[tuple[int, int, int, int], str]]) -> None:
    rows = [(name, *key, digest) for name, (key, digest) in entries.items()]
    columns = zip(*rows, strict=True) if rows else [[] for _ in HASH_CACHE_COLUMNS]
    table = pa.table(
        dict(zip(HASH_CACHE_COLUMNS, map(list, columns), strict=True)),
        schema=HASH_CACHE_SCHEMA,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)  # atomic: a concurrent or killed run leaves the old cache or the new one


def _stat_key(path: str) -> tuple[int, int, int, int] | None:
    """What must not change for a file's cached hash to hold; None when the file is not a plain file."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    # ctime changes on every write and cannot be set back, so equal keys mean equal bytes
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def plan_batches(landing: Path, published: Path, workspace: Path, batch_size: int | None = None) -> list[str]:
    """Write the list of landed files worth reading as batch manifests; return their paths.

    A file is skipped when the warehouse already holds its (name, content) pair, or has already rejected
    it, so a rerun over the same folder reads nothing and adds nothing. A file's hash is taken from the
    hash cache when its size, mtime, ctime and inode are what they were when it was last hashed; only
    new and changed files are read (at 100,000 landed files, most of a daily run's scan).
    """
    seen = warehouse.seen_files(published)
    names = landed_names(landing)
    cache_path = hash_cache_path(published)
    cached, cache = _load_hash_cache(cache_path), {}
    todo = []
    read = landed_reader(landing)
    base = os.path.abspath(landing) + os.sep
    for name in names:
        path = base + name  # a string: Path objects cost more than the stat at 100,000 files
        key = _stat_key(path)
        hit = cached.get(path)
        try:
            if key is not None and hit is not None and hit[0] == key:
                digest = hit[1]
            else:
                digest = content_hash(read(path))
            if key is not None:
                cache[path] = (key, digest)
            planned = (name, digest)
        except RejectedFile as err:
            planned = (name, str(err))
        if planned not in seen:
            todo.append(name)
    try:
        _save_hash_cache(cache_path, cache)
    except OSError as err:  # the cache only saves time; a run never fails for it
        log.warning("could not write the hash cache %s: %s", cache_path, err)
    batch_dir = workspace / "batches"
    batch_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    batch_size = batch_size or batch_size_for(len(todo))
    for i in range(0, len(todo), batch_size):
        path = batch_dir / f"batch_{i // batch_size:05d}.json"
        path.write_text(json.dumps(todo[i : i + batch_size], ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    log.info("%d files landed, %d to read, in %d batches", len(names), len(todo), len(paths))
    return paths


def _document_row(name: str, data: bytes, digest: str, run_id: str, now: datetime) -> tuple[dict, list]:
    decoded = to_report_text(data)
    norm, attrs, facts = read_report(decoded.text)
    publication_date = attrs.get("publication_date")
    report = {
        "content_hash": digest,
        "file_name": name,
        "byte_size": len(data),
        "encoding": decoded.encoding,
        "original_text": decoded.text,
        "normalised_text": norm.text,
        "script": attrs.get("script") or "simplified",
        "title": attrs.get("title") or None,
        "source": attrs.get("source") or None,
        "publication_date": datetime.fromisoformat(publication_date).date() if publication_date else None,
        "province": attrs.get("province") or None,
        "city": attrs.get("city") or None,
        "county": attrs.get("county") or None,
        "region_code": attrs.get("region_code") or None,
        "organisation": attrs.get("organisation") or None,
        "report_year": attrs.get("report_year"),
        "extractor_version": EXTRACTOR_VERSION,
        "run_id": run_id,
        "ingested_at": now,
    }
    rows = [
        {
            "content_hash": digest,
            "fact_index": i,
            "text": f["text"],
            "value": float(f["value"]),
            "unit": f["unit"],
            "qualifier": f["qualifier"],
            "metric": f["metric"],
            "category": f["category"],
            "sentence": f["sentence"],
            "start_offset": f["start"],
            "end_offset": f["end"],
            "extractor_version": EXTRACTOR_VERSION,
        }
        for i, f in enumerate(facts)
    ]
    return report, rows


def process_batch(manifest: str, landing: Path, known_hashes: frozenset[str], run_id: str) -> str:
    """Read, normalise and extract one batch of files; write its rows as Parquet beside the manifest.

    Pure with respect to the warehouse. A file that cannot be read becomes a `rejected` row with its
    reason; it never stops the other files. Content already in the warehouse (a known report under a new
    name) is only registered under that name, not extracted again.
    """
    names: list[str] = json.loads(Path(manifest).read_text(encoding="utf-8"))
    now = datetime.now(UTC).replace(tzinfo=None)
    out: dict[str, list[dict]] = {key: [] for key in TABLES}
    seen: set[str] = set()
    read = landed_reader(landing)
    for name in names:
        path = landing / name
        data = b""
        digest = None
        try:
            data = read(path)
            digest = content_hash(data)
            if digest not in known_hashes and digest not in seen:
                report, facts = _document_row(name, data, digest, run_id, now)
                out["reports"].append(report)
                out["facts"].extend(facts)
                seen.add(digest)
            out["files"].append(
                {"file_name": name, "content_hash": digest, "first_seen_at": now, "run_id": run_id}
            )
        except RejectedFile as err:
            log.warning("REJECTED FILE %s: %s", name, err)
            out["rejected"].append(
                {
                    "file_name": name,
                    "content_hash": digest,
                    "byte_size": len(data) if digest else None,
                    "reason": str(err),
                    "run_id": run_id,
                    "rejected_at": now,
                }
            )
        except Exception as err:  # noqa: BLE001 - one bad file must never stop the batch
            log.exception("extraction failed on %s", name)
            out["rejected"].append(
                {
                    "file_name": name,
                    "content_hash": digest,
                    "byte_size": len(data) if digest else None,
                    "reason": f"extraction error: {type(err).__name__}: {err}",
                    "run_id": run_id,
                    "rejected_at": now,
                }
            )
    out_dir = Path(manifest).with_suffix("")
    out_dir.mkdir(parents=True, exist_ok=True)
    for key, columns in TABLES.items():
        schema = pa.schema(list(columns.items()))
        table = pa.Table.from_pylist(out[key], schema=schema)
        tmp = out_dir / f"{key}.parquet.tmp"
        pq.write_table(table, tmp)
        tmp.replace(out_dir / f"{key}.parquet")
    log.info(
        "batch %s: %d files, %d reports, %d facts, %d rejected",
        Path(manifest).name,
        len(names),
        len(out["reports"]),
        len(out["facts"]),
        len(out["rejected"]),
    )
    return str(out_dir)
