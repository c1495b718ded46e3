"""Shared test setup: the same project-local, offline environment as the Makefile (.env.mk)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds"  # the samples' gold: facts.jsonl, documents.jsonl


def _load_env_mk() -> None:
    """Apply .env.mk's `export NAME := value` lines, so pytest run by hand matches `make test`."""
    for line in (ROOT / ".env.mk").read_text(encoding="utf-8").splitlines():
        m = re.match(r"export\s+(\w+)\s*:=\s*(.*)$", line.strip())
        if not m:
            continue
        name, value = m.group(1), m.group(2).replace("$(CURDIR)", str(ROOT))
        if name == "PATH":
            venv_bin = str(ROOT / ".venv" / "bin")
            if venv_bin not in os.environ.get("PATH", "").split(os.pathsep):
                os.environ["PATH"] = venv_bin + os.pathsep + os.environ.get("PATH", "")
        else:
            os.environ.setdefault(name, value)


_load_env_mk()


@pytest.fixture(scope="session")
def airflow_db() -> Path:
    """Airflow's metadata DB in the project-local AIRFLOW_HOME, migrated once, with the writer pool."""
    subprocess.run([str(ROOT / "scripts" / "airflow_init.sh")], check=True, capture_output=True)
    return Path(os.environ["AIRFLOW_HOME"])


# The slowest modules first (measured with `pytest --durations`). pytest-xdist (--dist loadfile) hands
# whole files to its workers, the files with the most tests first and files with as many in this
# order: the long integration files, a few tests each, then start before the quick ones that fill the
# end. (Strictly this order, --no-loadscope-reorder, ran the long files side by side and was slower:
# 15 min 28 s against 13 min 38 s, one run each, 2026-12-01.)
_SLOWEST_FIRST = (
    "test_check_scope.py",
    "test_pipeline_e2e.py",
    "test_failure_alerts.py",
    "test_crash_safety.py",
    "test_run_level_failures.py",
    "test_scheduler_ui.py",
    "test_restore.py",
    "test_dbt_models.py",
    "test_targets.py",
    "test_dbt_postgres.py",
    "test_revisions.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(_SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: file order kept within
