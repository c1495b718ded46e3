"""Every setting of fulian in one place: project paths, and each environment variable with its default.

Why one module: the DAG, the CLI, the tasks and the tests must agree on where things live and on what
a variable means; a variable read in six modules drifts. Values are read when asked for (functions),
so a test or a deployment can set a variable before a run without re-importing anything.

| variable | meaning | default |
| --- | --- | --- |
| FULIAN_LANDING_DIR | folder of landed reports | seeds/ |
| FULIAN_WAREHOUSE | the published DuckDB file | warehouse/fulian.duckdb |
| FULIAN_SCHEDULE | cron or preset of fulian_daily; `none` for triggered runs only | @daily |
| FULIAN_DUCKDB_MEMORY_LIMIT | DuckDB memory limit of the pipeline's and dbt's connections | 1GB |
| FULIAN_STORAGE_VERSION | DuckDB storage version the published warehouse is written in | v1.2.0 |
| FULIAN_DBT_THREADS | dbt threads on DuckDB (read by dbt_project/profiles.yml) | 2 |
| FULIAN_GX_PROJECT | the GX project the checks run (bounds.yml, committed gx/ suites) | expectations/ |
| FULIAN_CHECK_CHUNK | facts validated per Great Expectations batch | 250000 |
| FULIAN_ALERT_EMAIL | comma-separated alert recipients (SMTP via Airflow's smtp_default) | unset: no mail |
| FULIAN_ALERT_FROM | sender of alert mail | smtp_default's `from_email`, else fulian@localhost |
| FULIAN_FRESHNESS_DAYS | days without a new report before `dbt source freshness` alerts | 7 |

Which file a dbt invocation builds is not a setting: it is the dbt variable `fulian_db`, passed per
invocation (`fulian.warehouse.dbt.dbt_vars`); `FULIAN_DBT_DB` remains only for running dbt by hand.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
REFERENCE_DIR = DBT_PROJECT_DIR / "reference"  # reference data: read by the extractor, loaded by dbt as seeds
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
EVAL_DIR = PROJECT_ROOT / "eval"
DEFAULT_LANDING_DIR = PROJECT_ROOT / "seeds"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "fulian.duckdb"
WORK_DIR_NAME = ".fulian-work"  # run workspaces and the hash cache, beside the warehouse
STALE_WORKSPACE_SECONDS = 24 * 3600  # a workspace untouched this long belongs to a killed run
WRITER_POOL = "fulian_warehouse"  # Airflow pool with one slot: one task at a time writes DuckDB
# The Airflow Asset `publish` updates: a name, static at parse time (the file's path is a run parameter,
# so it travels in each asset event's extra, not in the asset's identity).
WAREHOUSE_ASSET = "fulian_warehouse"
EXPORTS_DIR_NAME = "exports"  # the analysts' Parquet and CSV of the marts, beside the published warehouse


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


def landing_dir(value: str | os.PathLike | None = None) -> Path:
    """The landing folder: an explicit value, else $FULIAN_LANDING_DIR, else the sample `seeds/`."""
    return Path(value or _env("FULIAN_LANDING_DIR", str(DEFAULT_LANDING_DIR))).expanduser().resolve()


def warehouse_path(value: str | os.PathLike | None = None) -> Path:
    """The published warehouse: an explicit value, else $FULIAN_WAREHOUSE, else warehouse/fulian.duckdb."""
    return Path(value or _env("FULIAN_WAREHOUSE", str(DEFAULT_WAREHOUSE))).expanduser().resolve()


def schedule() -> str | None:
    """fulian_daily's schedule: $FULIAN_SCHEDULE (a cron or preset), None for `none`."""
    value = _env("FULIAN_SCHEDULE", "@daily")
    return None if value.lower() == "none" else value


def duckdb_memory_limit() -> str:
    """DuckDB takes 80% of RAM by default; a run must fit beside Airflow and GX on a small worker."""
    return _env("FULIAN_DUCKDB_MEMORY_LIMIT", "1GB")


def storage_version() -> str:
    """The DuckDB storage version of the published file (`v1.2.0`, ..., `latest`).

    DuckDB 2.0 writes format 69 by default, which every 1.x client (the PyPI `duckdb-cli` 1.5.6, BI
    drivers) refuses to open; v1.2.0 is read by DuckDB 1.2 and later. Only the published file is
    written in it: the run's working copy may be in any format DuckDB 2.0 reads.
    """
    return _env("FULIAN_STORAGE_VERSION", "v1.2.0")


def gx_project_dir() -> Path:
    """The GX project the checks run: expectations/ (bounds.yml, and the suites built from it in gx/),
    or $FULIAN_GX_PROJECT, a reviewed variant built with `fulian gx-suites --project DIR`."""
    return Path(_env("FULIAN_GX_PROJECT", str(EXPECTATIONS_DIR))).expanduser().resolve()


def check_chunk() -> int:
    """Facts per GX batch: memory stays bounded however large the warehouse grows."""
    return int(_env("FULIAN_CHECK_CHUNK", "250000"))


def alert_recipients() -> list[str]:
    """Addresses that receive alert mail ($FULIAN_ALERT_EMAIL, comma-separated); none by default."""
    return [a.strip() for a in _env("FULIAN_ALERT_EMAIL", "").split(",") if a.strip()]


def alert_sender() -> str | None:
    """The sender of alert mail when set ($FULIAN_ALERT_FROM); None lets smtp_default's `from_email` speak."""
    return os.environ.get("FULIAN_ALERT_FROM") or None


def freshness_days() -> int:
    """Days the landing folder may bring no new report before a run alerts (dbt source freshness).

    Reports arrive irregularly, a few a week at most from one federation; a week of silence is worth a
    look (a broken feed, a moved folder), not a failed run. Also the dbt var's default when dbt is run
    by hand (dbt_project/models/staging/_staging.yml reads the same variable).
    """
    return int(_env("FULIAN_FRESHNESS_DAYS", "7"))
