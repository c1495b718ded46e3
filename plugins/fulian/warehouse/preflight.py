"""Checks a run makes before it does any work, so that a start that cannot succeed fails in seconds.

Every cause a retry cannot fix (a blank parameter, a landing folder that is missing, is a file or cannot
be listed, a warehouse path that is a folder or sits where nothing can be written, a damaged or lost
published warehouse, a full disk) is raised here as a `CannotRun` subclass whose message names the
cause, the path and what to do. Without these checks the same causes surfaced minutes later, deep in
DuckDB or the extractor, as messages that named neither the path nor the remedy.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from fulian import settings
from fulian.errors import (
    BadParameter,
    LandingUnusable,
    NoSpaceLeft,
    WarehouseDamaged,
    WarehouseMissing,
    WarehouseUnusable,
)
from fulian.warehouse import backup, database

log = logging.getLogger(__name__)

DISK_FULL = "No space left on device"


def check_parameters(landing: str | None, published: str | None) -> None:
    """Parameters given but blank, and settings that do not parse, fail before anything is touched."""
    for name, value in (("landing_dir", landing), ("warehouse", published)):
        if value is not None and not str(value).strip():
            raise BadParameter(f"the {name} parameter is blank: give a path, or leave it out for the default")
        if value is not None and "\0" in str(value):
            raise BadParameter(f"the {name} parameter {value!r} holds a NUL byte: give a plain path")
    version = settings.storage_version()
    try:
        database.storage_tag(version)
    except duckdb.Error as err:
        said = str(err).split(", valid options are")[0]  # DuckDB lists every version ever released
        raise BadParameter(
            f"FULIAN_STORAGE_VERSION={version} is not a DuckDB storage version ({said}): "
            "set it to e.g. v1.2.0 or latest"
        ) from err
    settings.generations()  # raises BadParameter itself


def check_landing(landing: Path) -> None:
    """The landing folder exists, is a folder, and can be listed."""
    if not landing.exists():
        raise LandingUnusable(
            f"landing folder {landing} does not exist: create it or pass LANDING=<folder of .txt reports>"
        )
    if not landing.is_dir():
        raise LandingUnusable(
            f"landing folder {landing} is a file, not a folder: pass the folder that holds the reports"
        )
    try:
        with os.scandir(landing) as entries:
            next(entries, None)
    except OSError as err:
        raise LandingUnusable(
            f"landing folder {landing} cannot be listed ({err.strerror}): "
            f"give the user running fulian read and execute permission on it"
        ) from err


def check_warehouse_path(published: Path) -> None:
    """The warehouse path is a file path in a folder where files can be created (the run's workspace and
    the atomic rename both need that folder writable)."""
    if published.is_dir():
        raise WarehouseUnusable(
            f"warehouse {published} is a folder: pass a file path, "
            f"e.g. WAREHOUSE={published / 'fulian.duckdb'}"
        )
    folder = published.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".fulian-probe-"):
            pass
    except OSError as err:
        if err.errno == errno.ENOSPC:
            raise no_space(folder, err) from err
        raise WarehouseUnusable(
            f"warehouse folder {folder} cannot be written ({err.strerror}): "
            "make it writable for the user running fulian, or pass another WAREHOUSE"
        ) from err


def check_published(published: Path) -> None:
    """A published warehouse opens and reads; a lost one whose raw layer is kept is restored first.

    A file whose bytes differ from what the last run published (its SHA-256 in the backup manifest)
    is read in full, so DuckDB checks every block's checksum; a file changed by hand on purpose (a
    lifted quarantine) passes that, a damaged one does not.
    """
    restore = f"run `make restore WAREHOUSE={published}`"
    if not published.exists():
        last = backup.last_manifest(published)
        if last is not None:
            raise WarehouseMissing(
                f"published warehouse {published} is missing but its raw layer is kept in "
                f"{backup.raw_dir(published)} (last run {last['run_id']}): {restore} first "
                "(or move that folder aside to start an empty warehouse)"
            )
        return
    last = backup.last_manifest(published)
    deep = last is not None and last.get("sha256") not in (None, sha256_of(published))
    try:
        with database.read_only(published) as con:
            tables = con.execute(
                "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
            ).fetchall()
            for schema, table in tables:
                query = f'select count(*) from "{schema}"."{table}"'
                if deep:
                    query = f'select sum(hash(t)) from "{schema}"."{table}" as t'
                con.execute(query).fetchone()
    except duckdb.Error as err:
        if "Could not set lock" in str(err):
            raise  # another process writes it: transient, not damage
        remedy = (
            f"{restore} to rebuild it from the raw layer kept beside it, or add RUN=<run id> to roll back"
            if last is not None
            else "no raw layer is kept beside it (published before backups): move it aside and `make run` "
            "to rebuild it from the landing folder"
        )
        raise WarehouseDamaged(
            f"published warehouse {published} is damaged ({str(err).splitlines()[0]}): {remedy}"
        ) from err
    if deep:
        log.warning("%s changed since run %s published it, but reads in full", published, last["run_id"])


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def no_space(path: Path, err: BaseException) -> NoSpaceLeft:
    """The one wording of a full disk."""
    return NoSpaceLeft(
        f"no space left on the file system of {path} ({str(err).splitlines()[0]}): "
        f"free space there (df -h {path}) or pass a WAREHOUSE on another disk, then run again",
    )


def is_disk_full(err: BaseException) -> bool:
    return (isinstance(err, OSError) and err.errno == errno.ENOSPC) or DISK_FULL in str(err)


@contextmanager
def disk_full_explained(path: Path) -> Iterator[None]:
    """Turn a full disk met while writing (an OSError, or DuckDB's IO error) into NoSpaceLeft."""
    try:
        yield
    except NoSpaceLeft:
        raise
    except Exception as err:
        if is_disk_full(err):
            raise no_space(path, err) from err
        raise
