"""The evaluation sets kept in the repository's eval/ folder, one folder per set.

A set is a folder `eval/<name>/` with `facts.jsonl` and `documents.jsonl` (the gold, to
docs/annotation-spec.md) and `set.json`, which says where its reports are (`reports`, relative to the
set's folder; default `reports/`), what it is (`description`) and its role: `samples` (the sample
reports), `tuning` (rules may be grown from it) or `held_out` (never used to tune: measures
generalisation). The repository carries everything: no set needs anything outside it.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from fulian.evaluation.score import read_jsonl
from fulian.settings import EVAL_DIR


@dataclass(frozen=True)
class EvalSet:
    name: str
    folder: Path
    reports: Path
    description: str
    role: str

    def gold_facts(self) -> list[dict]:
        return read_jsonl(self.folder / "facts.jsonl")

    def gold_documents(self) -> list[dict]:
        return read_jsonl(self.folder / "documents.jsonl")

    def report_files(self) -> list[Path]:
        return sorted(self.reports.glob("*.txt"))


def eval_sets(root: Path = EVAL_DIR) -> list[EvalSet]:
    """Every set under `root` (folders with a set.json), samples first, then by name."""
    found = []
    for meta_path in sorted(root.glob("*/set.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        folder = meta_path.parent
        found.append(
            EvalSet(
                name=folder.name,
                folder=folder,
                reports=(folder / meta.get("reports", "reports")).resolve(),
                description=meta.get("description", ""),
                role=meta.get("role", "tuning"),
            )
        )
    return sorted(found, key=lambda s: (s.role != "samples", s.name))


def collect_reports(sets: list[EvalSet], landing: Path) -> int:
    """Copy every set's reports into one landing folder for one pipeline run; names must be unique."""
    landing.mkdir(parents=True, exist_ok=True)
    copied: dict[str, str] = {}
    for s in sets:
        for path in s.report_files():
            if path.name in copied:
                raise ValueError(f"report name {path.name} is in sets {copied[path.name]} and {s.name}")
            copied[path.name] = s.name
            shutil.copyfile(path, landing / path.name)
    return len(copied)
