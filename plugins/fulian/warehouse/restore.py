"""Give back a published warehouse that was lost or damaged, or roll it back to an earlier run.

Two sources, both written at every publication (`fulian.warehouse.backup`):

- a kept generation (`<stem>.generations/<run id>.duckdb`, the last FULIAN_GENERATIONS files): used
  for a rollback when its bytes still match the SHA-256 its manifest recorded;
- the Parquet raw layer (`<stem>.raw/`): the raw and dq tables as they were after the run, rebuilt
  from each table's last full snapshot and the run deltas after it; then the same code paths as a
  run: the raw schema (`raw_schema.sql`), `dbt build` (whose fact models leave the restored
  quarantine out), and `database.publish` (workspace, storage version, fsync, atomic rename).

The checks are not run again: the quarantine decisions are restored as they were taken, so the
marts are what the run published even if the bounds changed since. The landing folder is not read.
A rollback is recorded as a manifest of kind `rollback`, so that a later restore and the next run's
backup start from the rolled-back state, not from the runs after it.
"""

from __future__ import annotations

import logging
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from fulian.errors import NothingToRestore
from fulian.warehouse import backup, database
from fulian.warehouse.preflight import sha256_of

log = logging.getLogger(__name__)


def files_at(manifests: list[dict], upto: int) -> dict[str, list[str]]:
    """For each table, the Parquet files (relative to the raw folder) whose rows make it up after the
    manifest at index `upto`: its last full snapshot, then the deltas after it; a rollback manifest
    stands for the state after the run it rolled back to."""
    by_run = {m["run_id"]: i for i, m in enumerate(manifests) if m.get("kind", "run") == "run"}
    states: list[dict[str, list[str]]] = []
    for i, manifest in enumerate(manifests[: upto + 1]):
        if manifest.get("kind") == "rollback":
            states.append(states[by_run[manifest["to"]]] if by_run.get(manifest["to"], i) < i else {})
            continue
        state = {table: list(files) for table, files in (states[-1] if states else {}).items()}
        for table, entry in manifest["tables"].items():
            files = [entry["file"]] if entry.get("file") else []
            state[table] = files if entry["mode"] == "full" else state.get(table, []) + files
        states.append(state)
    return states[upto] if states else {}


def _target(manifests: list[dict], run_id: str | None, published: Path) -> int:
    """Index of the manifest to restore: the last one, or the last run manifest of `run_id`."""
    if not manifests:
        raise NothingToRestore(
            f"no raw layer is kept for {published} (no {backup.raw_dir(published) / backup.MANIFESTS}): "
            "nothing to restore from; run `make run` to build the warehouse from its landing folder"
        )
    if run_id is None:
        return len(manifests) - 1
    for i in range(len(manifests) - 1, -1, -1):
        if manifests[i]["run_id"] == run_id and manifests[i].get("kind", "run") == "run":
            return i
    known = ", ".join(m["run_id"] for m in manifests if m.get("kind", "run") == "run")
    raise NothingToRestore(
        f"run {run_id} is not in the raw layer kept for {published}: the runs kept are {known}"
    )


def runs(published: Path) -> list[dict]:
    """The runs a warehouse can be restored to, oldest first, with whether a generation is kept."""
    folder = backup.generations_dir(published)
    return [
        {
            "seq": m["seq"],
            "run_id": m["run_id"],
            "kind": m.get("kind", "run"),
            "published_at": m.get("published_at"),
            "generation": bool(m.get("generation") and (folder / m["generation"]).exists()),
        }
        for m in backup.manifests(published)
    ]


def load_raw_layer(published: Path, working: Path, files: dict[str, list[str]]) -> dict[str, int]:
    """Fill an empty working copy's raw and dq tables (raw_schema.sql) from the Parquet files."""
    root = backup.raw_dir(published)
    rows: dict[str, int] = {}
    with database.writable(working) as con:
        con.execute(database.RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
        con.execute("begin")
        for table in backup.TABLES:
            paths = [str(root / f) for f in files.get(table, [])]
            rows[table] = 0
            if not paths:
                continue
            # by name, union_by_name: a column added to the raw schema since an early run is null there;
            # the ingest_date= folders name no column
            con.execute(
                f"insert into {table} by name select * from read_parquet("
                "$files, union_by_name = true, hive_partitioning = false)",
                {"files": paths},
            )
            rows[table] = con.execute(f"select count(*) from {table}").fetchone()[0]
        con.execute("commit")
    return rows


def restore(published: Path, run_id: str | None = None, use_generation: bool = True) -> dict:
    """Make `published` the warehouse as it was after `run_id` (default: the last run kept).

    From the run's kept generation when there is one and its bytes are intact, else rebuilt from the
    Parquet raw layer (always, without `use_generation`). Never reads the landing folder; never
    touches the backup it restores from.
    """
    started = time.perf_counter()
    manifests = backup.manifests(published)
    index = _target(manifests, run_id, published)
    target = manifests[index]
    wanted = target["run_id"] if target.get("kind", "run") == "run" else target["to"]
    restore_id = database.safe_run_id(f"restore-{datetime.now(UTC):%Y%m%dT%H%M%S%f}")
    expected = database.identity(published)
    workspace = database.workspace_for(published, restore_id)
    working = database.working_copy(published, restore_id)
    shutil.rmtree(workspace, ignore_errors=True)
    working.parent.mkdir(parents=True, exist_ok=True)
    kept = target.get("generation")
    generation = backup.generations_dir(published) / kept if kept else None
    source = "parquet"
    try:
        intact = target.get("generation_sha256", target.get("sha256"))
        if (
            use_generation
            and generation is not None
            and generation.exists()
            and sha256_of(generation) == intact
        ):
            shutil.copyfile(generation, working)
            source = f"generation {generation.name}"
            rows = {}
        else:
            if use_generation and generation is not None:
                log.warning("generation %s is missing or damaged: rebuilding from the Parquet", generation)
            from fulian.warehouse.dbt import BUILD, run_dbt

            rows = load_raw_layer(published, working, files_at(manifests, index))
            run_dbt([*BUILD], working)  # the marts; their fact models leave the restored quarantine out
        database.publish(published, restore_id, expected, keep=False)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    _record_restore(published, manifests, target, wanted)
    seconds = time.perf_counter() - started
    log.info("restored %s to run %s from %s in %.1f s", published, wanted, source, seconds)
    return {"warehouse": str(published), "run_id": wanted, "source": source, "rows": rows, "seconds": seconds}


def _record_restore(published: Path, manifests: list[dict], target: dict, wanted: str) -> None:
    """A manifest saying the warehouse is now what it was after `wanted`: later restores and the next
    run's backup start from there (the run's fingerprints), not from any run rolled back over; its
    SHA-256 is the restored file's, so the next run's start check knows the file as intact."""
    with database.publish_lock(published):
        latest = backup.last_manifest(published) or manifests[-1]
        backup.write_manifest(
            published,
            {
                "seq": latest["seq"] + 1,
                "run_id": f"restore-to-{wanted}",
                "kind": "rollback",
                "to": wanted,
                "tables": target["tables"],
                "generation": target.get("generation"),
                "generation_sha256": target.get("generation_sha256", target.get("sha256")),
                "sha256": sha256_of(published),
                "published_at": datetime.now(UTC).isoformat(),
                "warehouse": published.name,
            },
        )
