"""Plan a run: which landed files are new or changed, cut into batch manifests for mapped extraction.

Reads the published warehouse read-only and the landed files' bytes (only those whose size, mtime,
ctime or inode changed since they were last hashed); writes nothing but the manifests and the hash
cache. `fulian.warehouse.batches` then extracts each manifest.
"""

from __future__ import annotations

import json
import logging
import math
import os
import stat
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fulian.errors import RejectedFile
from fulian.settings import WORK_DIR_NAME
from fulian.text.reading import content_hash, landed_names, landed_reader
from fulian.warehouse import database

log = logging.getLogger(__name__)

MIN_BATCH, MAX_BATCH = 200, 2000


def batch_size_for(n_files: int, workers: int | None = None) -> int:
    """Files per mapped extraction task: about four batches per core, within [200, 2000].

    Fewer, larger batches cut the per-task cost (start-up, XCom, one Parquet file each); four per core
    keep every core busy when batches differ in size; the cap bounds a task's memory.
    """
    workers = workers or os.cpu_count() or 2
    return min(MAX_BATCH, max(MIN_BATCH, math.ceil(n_files / (4 * workers))))


def hash_cache_path(published: Path) -> Path:
    """Where the landed files' known hashes are kept between runs (beside the run workspaces, under a
    name the stale-workspace sweep does not match)."""
    return published.parent / WORK_DIR_NAME / f"hashes.{published.name}.parquet"


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
    seen = database.seen_files(published)
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
