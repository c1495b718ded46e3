"""Score a warehouse against the evaluation sets: a table per set, then one JSON line for machines.

The warehouse is exported with the gold files' field names (fulian.warehouse.export) and each set is
scored on its own documents, so one pipeline run over every set's reports serves all of them.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from fulian.evaluation.score import Score, read_jsonl, score
from fulian.evaluation.sets import EvalSet, eval_sets
from fulian.warehouse.export import export


def score_sets(facts: list[dict], documents: list[dict], sets: list[EvalSet]) -> dict[str, Score]:
    """Each set's score on the given predictions (facts of other sets' documents are ignored)."""
    return {s.name: score(s.gold_facts(), facts, s.gold_documents(), documents) for s in sets}


def format_set(name: str, result: Score, show: int = 0) -> str:
    """A human-readable table of one set: per document, then every figure, then a few misses."""
    lines = [f"== {name}", f"{'document':<40} {'matched':>7} {'extra':>6} {'missed':>6}"]
    lines += [f"{doc:<40} {m:>7} {e:>6} {x:>6}" for doc, (m, e, x) in result.per_doc.items()]
    lines += [f"{key:<24} {value}" for key, value in result.figures.items()]
    for title, rows in (("missed", result.missed), ("extra", result.extra)):
        lines += [
            f"{title}: {r.get('doc')} {r.get('text')!r} value={r.get('value')} unit={r.get('unit')!r} "
            f"metric={r.get('metric')!r}"
            for r in rows[:show]
        ]
    return "\n".join(lines)


def score_warehouse(
    warehouse: Path, only: list[str] | None = None, show: int = 0, as_json: bool = False
) -> int:
    """Print the tables (unless `as_json`) and, last, `{"sets": {name: figures}}`; 1 if a set is unknown."""
    sets = eval_sets()
    if only:
        unknown = sorted(set(only) - {s.name for s in sets})
        if unknown:
            print(f"unknown evaluation set(s) {unknown}; known: {[s.name for s in sets]}")
            return 1
        sets = [s for s in sets if s.name in only]
    with tempfile.TemporaryDirectory() as tmp:
        export(warehouse, Path(tmp))
        exported = {d["doc"] for d in read_jsonl(Path(tmp) / "documents.jsonl")}
        absent = [s.name for s in sets if not exported & {p.name for p in s.report_files()}]
        sets = [s for s in sets if s.name not in absent]
        for name in absent:
            print(f"set {name}: none of its reports is in {warehouse}; not scored (make eval runs them all)")
        results = score_sets(
            read_jsonl(Path(tmp) / "facts.jsonl"), read_jsonl(Path(tmp) / "documents.jsonl"), sets
        )
    if not as_json:
        for name, result in results.items():
            print(format_set(name, result, show) + "\n")
    print(json.dumps({"sets": {name: r.figures for name, r in results.items()}}, ensure_ascii=False))
    return 0
