"""A reviewed variant of the GX project, as a test's own folder: expectations/ copied, bounds edited, suites
rebuilt with the real builder (`fulian gx-suites`); point $FULIAN_GX_PROJECT at it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

from fulian.dq.gx_project import build

from conftest import ROOT


def variant_project(tmp: Path, edit: Callable[[dict], None]) -> Path:
    """expectations/ copied into `tmp` with `edit` applied to its bounds, and its suites rebuilt."""
    project = tmp / "expectations"
    shutil.copytree(ROOT / "expectations", project, ignore=shutil.ignore_patterns("uncommitted"))
    bounds = yaml.safe_load((project / "bounds.yml").read_text(encoding="utf-8"))
    edit(bounds)
    (project / "bounds.yml").write_text(
        yaml.safe_dump(bounds, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    build(project)
    return project
