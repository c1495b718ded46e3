"""Where things live. One place, so the DAG, the CLI and the tests agree on the project layout."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
DBT_SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DEFAULT_LANDING_DIR = PROJECT_ROOT / "seeds"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "fulian.duckdb"


def landing_dir(value: str | os.PathLike | None = None) -> Path:
    """The landing folder: an explicit value, else $FULIAN_LANDING_DIR, else the sample `seeds/`."""
    chosen = value or os.environ.get("FULIAN_LANDING_DIR") or DEFAULT_LANDING_DIR
    return Path(chosen).expanduser().resolve()


def warehouse_path(value: str | os.PathLike | None = None) -> Path:
    """The published warehouse: an explicit value, else $FULIAN_WAREHOUSE, else warehouse/fulian.duckdb."""
    chosen = value or os.environ.get("FULIAN_WAREHOUSE") or DEFAULT_WAREHOUSE
    return Path(chosen).expanduser().resolve()
