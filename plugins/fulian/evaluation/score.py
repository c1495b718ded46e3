"""Score extracted facts and documents against gold annotations (docs/annotation-spec.md).

Matching, per document: a predicted fact matches an unused gold fact with the same value (relative
tolerance 1e-6) and unit; among candidates the one with the same `text`, then the largest share of the
gold metric's characters, wins. Predictions that match an optional gold fact count neither way; facts of
documents without gold are ignored, so one export is scored against several sets. Field accuracies are
taken over matched pairs; observation and indicator are scored pairwise (are two facts grouped alike?),
so the labels themselves need not match. These are the rules of the reference scorer the project was
first measured with, so figures stay comparable across its history.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DOC_FIELDS = ("province", "city", "organisation", "report_year")
PLACE_FIELDS = ("place_province", "place_city", "place_county")
# Per matched pair: (counter name, gold field that must be present, how to compare)
PAIR_FIELDS = (
    ("kind", "kind", lambda p, g: (p.get("kind") or "actual") == g["kind"]),
    ("year_to", "year_to", lambda p, g: p.get("year_to") == g["year_to"]),
    (
        "period",
        "year_from",
        lambda p, g: (p.get("year_from"), p.get("year_to")) == (g["year_from"], g["year_to"]),
    ),
    ("place", "place_province", lambda p, g: all((p.get(k) or "") == g[k] for k in PLACE_FIELDS)),
)


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a JSON Lines file; a line that is not JSON stops with its file and line number."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{number}: not JSON: {err}") from err
    return rows


def same_value(a: object, b: object) -> bool:
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-6 * max(1.0, abs(y))


def metric_overlap(pred: str | None, gold: str | None) -> float:
    """Share of the gold metric's characters found in the predicted metric (1.0 for an empty gold)."""
    chars = set((gold or "").replace(" ", ""))
    return len(chars & set(pred or "")) / len(chars) if chars else 1.0


def match_document(
    golds: list[dict], preds: list[dict]
) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Greedy one-to-one matching of one document's facts: (pairs, unmatched predictions, missed gold)."""
    used: set[int] = set()
    pairs, extra = [], []
    for p in preds:
        candidates = [
            (p.get("text") == g.get("text"), metric_overlap(p.get("metric"), g.get("metric")), -i)
            for i, g in enumerate(golds)
            if i not in used
            and same_value(p.get("value"), g.get("value"))
            and (p.get("unit") or "").strip() == (g.get("unit") or "").strip()
        ]
        if not candidates:
            extra.append(p)
            continue
        best = -max(candidates)[2]
        used.add(best)
        pairs.append((golds[best], p))
    missed = [g for i, g in enumerate(golds) if i not in used]
    return pairs, extra, missed


def _pairwise(pairs: list[tuple[dict, dict]], key: str, counts: Counter) -> None:
    """Count pairs of facts grouped together (same non-empty label) in gold and in prediction."""
    labelled = [(g[key], p.get(key) or None) for g, p in pairs if g.get(key)]
    for i, (g1, p1) in enumerate(labelled):
        for g2, p2 in labelled[i + 1 :]:
            gold_same, pred_same = g1 == g2, p1 is not None and p1 == p2
            counts[f"{key}_tp"] += gold_same and pred_same
            counts[f"{key}_fp"] += pred_same and not gold_same
            counts[f"{key}_fn"] += gold_same and not pred_same


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(tp: float, fp: float, fn: float) -> float:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return _ratio(2 * precision * recall, precision + recall)


@dataclass
class Score:
    """One set's scores; `figures` holds the JSON-ready numbers, `per_doc` (matched, extra, missed)."""

    figures: dict[str, float | int] = field(default_factory=dict)
    per_doc: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    missed: list[dict] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)


def score(
    gold_facts: Iterable[dict],
    pred_facts: Iterable[dict],
    gold_docs: Iterable[dict] = (),
    pred_docs: Iterable[dict] = (),
) -> Score:
    """Score predictions against gold: match facts, then field agreement over the matched pairs."""
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold_facts:
        gold_by_doc[g["doc"]].append(g)
    pred_by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in pred_facts:
        if p.get("doc") in gold_by_doc:
            pred_by_doc[p["doc"]].append(p)
    result, counts, all_pairs = Score(), Counter(), []
    for doc, golds in sorted(gold_by_doc.items()):
        pairs, extra, missed = match_document(golds, pred_by_doc.get(doc, []))
        pairs = [(g, p) for g, p in pairs if not g.get("optional")]
        missed = [g for g in missed if not g.get("optional")]
        result.per_doc[doc] = (len(pairs), len(extra), len(missed))
        result.missed += missed
        result.extra += extra
        _pairwise(pairs, "observation", counts)
        all_pairs += pairs
    _pairwise([(g, p) for g, p in all_pairs if g.get("indicator")], "indicator", counts)
    tp = len(all_pairs)
    fp, fn = len(result.extra), len(result.missed)
    figures: dict[str, float | int] = {
        "documents": len(gold_by_doc),
        "gold_facts": tp + fn,
        "matched": tp,
        "extra": fp,
        "missed": fn,
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _f1(tp, fp, fn),
        "qualifier_acc": _ratio(
            sum((p.get("qualifier") or "exact") == (g.get("qualifier") or "exact") for g, p in all_pairs), tp
        ),
        "category_acc": _ratio(sum(p.get("category") == g.get("category") for g, p in all_pairs), tp),
        "metric_acc": _ratio(
            sum(metric_overlap(p.get("metric"), g.get("metric")) >= 0.5 for g, p in all_pairs), tp
        ),
    }
    for name, needs, same in PAIR_FIELDS:
        judged = [(g, p) for g, p in all_pairs if needs in g]
        if judged:
            figures[f"{name}_acc"] = _ratio(sum(same(p, g) for g, p in judged), len(judged))
    for key in ("observation", "indicator"):
        if counts[f"{key}_tp"] + counts[f"{key}_fp"] + counts[f"{key}_fn"]:
            figures[f"{key}_pair_f1"] = _f1(counts[f"{key}_tp"], counts[f"{key}_fp"], counts[f"{key}_fn"])
    gold_doc_rows = {d["doc"]: d for d in gold_docs}
    pred_doc_rows = {d.get("doc"): d for d in pred_docs}
    for name in DOC_FIELDS:
        if gold_doc_rows:
            ok = sum(
                1
                for doc, g in gold_doc_rows.items()
                if doc in pred_doc_rows and pred_doc_rows[doc].get(name) == g.get(name)
            )
            figures[f"doc_{name}_acc"] = _ratio(ok, len(gold_doc_rows))
    result.figures = {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}
    return result
