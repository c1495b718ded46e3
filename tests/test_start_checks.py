"""Every start that cannot succeed fails in seconds with one sentence: the cause, the path, what to do.

`pipeline.prepare` is called directly (what the DAG's first task runs), on real folders, real DuckDB
files, a real read-only and a real full file system (tmpfs mounts, when the tests run as root).
The DAG-level check that `make run` prints the cause last is in tests/test_make_run_failure.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from fulian import pipeline
from fulian.errors import (
    BadParameter,
    CannotRun,
    LandingUnusable,
    NoSpaceLeft,
    WarehouseDamaged,
    WarehouseMissing,
    WarehouseUnusable,
)
from fulian.warehouse import backup, database
from fulian.warehouse.preflight import sha256_of

from conftest import ROOT, SEEDS

IS_ROOT = os.geteuid() == 0
SECONDS = 30  # the bound for a failing start (Airflow's own start-up excluded)


def _fails(landing, warehouse, error: type[CannotRun], *words: str) -> str:
    """prepare fails with `error` within SECONDS, its message naming every word (the path, the remedy)."""
    started = time.monotonic()
    with pytest.raises(error) as caught:
        pipeline.prepare(str(landing) if landing is not None else None, str(warehouse), "start-check")
    assert time.monotonic() - started < SECONDS
    message = str(caught.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert "\n" not in message, "one sentence, one line"
    return message


@pytest.fixture
def landing(tmp_path) -> Path:
    folder = tmp_path / "landing"
    folder.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder)
    return folder


@contextmanager
def _tmpfs(path: Path, options: str) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_missing_landing_folder(tmp_path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    _fails(
        missing,
        tmp_path / "wh" / "fulian.duckdb",
        LandingUnusable,
        str(missing),
        "does not exist",
        "LANDING=",
    )


def test_a_file_given_as_landing_folder(tmp_path, landing) -> None:
    report = next(landing.iterdir())
    _fails(report, tmp_path / "wh" / "fulian.duckdb", LandingUnusable, str(report), "is a file, not a folder")


def test_a_landing_folder_that_cannot_be_listed(tmp_path, landing) -> None:
    """Root reads any folder, so as root the check runs in a child process without the capabilities
    that let root read through permissions (setpriv drops CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    landing.chmod(0o000)
    warehouse = tmp_path / "wh"
    try:
        if not IS_ROOT:
            _fails(landing, warehouse / "fulian.duckdb", LandingUnusable, str(landing), "cannot be listed")
            return
        code = (
            "import sys\n"
            "from fulian.warehouse.preflight import check_landing\n"
            "from pathlib import Path\n"
            "check_landing(Path(sys.argv[1]))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
        done = subprocess.run(
            [
                "setpriv",
                "--bounding-set",
                "-dac_override,-dac_read_search",
                sys.executable,
                "-c",
                code,
                str(landing),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode != 0
        assert (
            f"LandingUnusable: landing folder {landing} cannot be listed (Permission denied)" in done.stderr
        )
    finally:
        landing.chmod(0o755)


def test_a_blank_parameter_and_bad_settings(tmp_path, landing, monkeypatch) -> None:
    _fails("  ", tmp_path / "fulian.duckdb", BadParameter, "landing_dir parameter is blank")
    with pytest.raises(BadParameter, match="warehouse parameter is blank"):
        pipeline.prepare(str(landing), " ", "start-check")
    monkeypatch.setenv("FULIAN_STORAGE_VERSION", "v9.9.9")
    _fails(landing, tmp_path / "fulian.duckdb", BadParameter, "FULIAN_STORAGE_VERSION=v9.9.9", "v1.2.0")
    monkeypatch.setenv("FULIAN_STORAGE_VERSION", "v1.2.0")
    monkeypatch.setenv("FULIAN_GENERATIONS", "three")
    _fails(landing, tmp_path / "fulian.duckdb", BadParameter, "FULIAN_GENERATIONS=three")


def test_a_folder_given_as_warehouse(tmp_path, landing) -> None:
    folder = tmp_path / "warehouse"
    folder.mkdir()
    _fails(landing, folder, WarehouseUnusable, f"warehouse {folder} is a folder", "WAREHOUSE=")


def test_a_warehouse_folder_that_cannot_be_written(tmp_path, landing) -> None:
    """A read-only mount as root (root writes through permissions); a folder without write bit otherwise."""
    folder = tmp_path / "readonly"
    if IS_ROOT:
        with _tmpfs(folder, "ro,size=1m"):
            _fails(landing, folder / "fulian.duckdb", WarehouseUnusable, str(folder), "Read-only file system")
        return
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _fails(landing, folder / "fulian.duckdb", WarehouseUnusable, str(folder), "cannot be written")
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not IS_ROOT, reason="a real full file system needs a tmpfs mount (root)")
def test_no_space_left_on_the_warehouse_disk(tmp_path, landing) -> None:
    """A real full disk: a 1 MB tmpfs filled to the last byte, then a run started on it."""
    folder = tmp_path / "full"
    with _tmpfs(folder, "size=1m"):
        with open(folder / "filler", "wb", buffering=0) as filler, pytest.raises(OSError, match="No space"):
            while True:
                filler.write(b"\0" * 4096)
        _fails(
            landing,
            folder / "fulian.duckdb",
            NoSpaceLeft,
            f"no space left on the file system of {folder}",
            "df -h",
        )


def _small_warehouse(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute(
            "create schema raw; create table raw.t as select i, md5(i::varchar) as s from range(200000) t(i)"
        )


def test_a_damaged_warehouse_names_the_restore_command(tmp_path, landing) -> None:
    """Truncated, overwritten, and blocks flipped in place (found by the full read that a SHA-256 differing
    from the last manifest's triggers)."""
    warehouse = tmp_path / "wh" / "fulian.duckdb"
    _small_warehouse(warehouse)
    backup.write_manifest(
        warehouse, {"seq": 1, "run_id": "r1", "kind": "run", "tables": {}, "sha256": sha256_of(warehouse)}
    )
    size = warehouse.stat().st_size
    with open(warehouse, "r+b") as f:
        f.seek(size // 2)
        block = f.read(64)
        f.seek(size // 2)
        f.write(bytes(b ^ 0xFF for b in block))
    restore = f"make restore WAREHOUSE={warehouse}"
    _fails(landing, warehouse, WarehouseDamaged, str(warehouse), "checksum", restore)
    with open(warehouse, "r+b") as f:
        f.truncate(size // 3)
    _fails(landing, warehouse, WarehouseDamaged, "Could not read enough bytes", restore)
    warehouse.write_bytes(b"not a database " * 100)
    _fails(landing, warehouse, WarehouseDamaged, "not a valid DuckDB database file", restore)
    assert not (tmp_path / "wh" / ".fulian-work" / "fulian.duckdb.start-check").exists(), (
        "no work was started"
    )


def test_a_damaged_warehouse_without_a_kept_raw_layer_says_so(tmp_path, landing) -> None:
    warehouse = tmp_path / "fulian.duckdb"
    warehouse.write_bytes(b"\0" * 5000)
    _fails(landing, warehouse, WarehouseDamaged, str(warehouse), "no raw layer is kept", "make run")


def test_a_lost_warehouse_whose_raw_layer_is_kept_is_restored_first(tmp_path, landing) -> None:
    warehouse = tmp_path / "fulian.duckdb"
    backup.write_manifest(warehouse, {"seq": 1, "run_id": "r1", "kind": "run", "tables": {}})
    _fails(landing, warehouse, WarehouseMissing, str(warehouse), f"make restore WAREHOUSE={warehouse}", "r1")


def test_a_hand_edited_warehouse_that_reads_in_full_is_not_damage(tmp_path, landing) -> None:
    """Lifting a quarantine edits the published file in place: its SHA-256 changes, it still reads."""
    warehouse = tmp_path / "wh" / "fulian.duckdb"
    _small_warehouse(warehouse)
    backup.write_manifest(
        warehouse, {"seq": 1, "run_id": "r1", "kind": "run", "tables": {}, "sha256": sha256_of(warehouse)}
    )
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from raw.t where i < 10")
    plan = pipeline.prepare(str(landing), str(warehouse), "start-check")
    assert len(plan["batches"]) == 1
    pipeline.discard(plan)


def test_the_teardown_never_masks_the_first_error() -> None:
    """`cleanup` runs after a failed prepare with no plan: nothing to drop, nothing raised."""
    pipeline.discard(None)
    pipeline.discard({})


def test_make_run_prints_the_cause_last(tmp_path) -> None:
    """scripts/with_progress.sh on a failing command: the deliberate error's sentence is the last line,
    after the log's tail (which ends with a teardown's noise here)."""
    log = tmp_path / "run.log"
    noise = (
        "2026-11-30T06:43:14Z [error    ] FULIAN CANNOT RUN: landing folder /x does not exist: create it "
        "[unusual_prefix_fulian_daily] loc=fulian_daily.py:42\\n"
        "fulian.errors.LandingUnusable: landing folder /x does not exist: create it\\n"
        "TypeError: 'NoneType' object is not subscriptable\\n"
    )
    done = subprocess.run(
        [str(ROOT / "scripts" / "with_progress.sh"), str(log), "bash", "-c", f"printf '{noise}'; exit 1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "cause: landing folder /x does not exist: create it"


@pytest.mark.skipif(not IS_ROOT, reason="a real full file system needs a tmpfs mount (root)")
def test_a_disk_that_fills_while_the_raw_layer_is_kept_leaves_no_part_of_it(tmp_path) -> None:
    """Keeping a run on a 2 MB tmpfs: its Parquet fits, the copy of its 4 MB file does not. NoSpaceLeft
    names the folder, and neither the Parquet written nor the partial generation is left behind."""
    from fulian.warehouse.preflight import disk_full_explained

    source = tmp_path / "working.duckdb"
    _small_warehouse(source)  # 200,000 rows of filler: a 4 MB file
    with duckdb.connect(str(source)) as con:
        con.execute(database.RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
        con.execute(
            "insert into raw.reports by name select md5(i::varchar) as content_hash, 'a.txt' as file_name, "
            "1 as byte_size, 'utf-8' as encoding, 't' as original_text, 't' as normalised_text, "
            "'simplified' as script, 'x' as extractor_version, 'r1' as run_id, "
            "now()::timestamp as ingested_at "
            "from range(1000) t(i)"
        )
    folder = tmp_path / "small"
    with _tmpfs(folder, "size=2m"):
        published = folder / "fulian.duckdb"
        with (
            pytest.raises(NoSpaceLeft, match=f"no space left on the file system of {folder}"),
            disk_full_explained(folder),
        ):
            backup.write_run(source, published, "r1")
        left = [p for p in folder.rglob("*") if p.is_file()]
        assert left == [], left
