"""What the scripts that train the extractor's models share (scripts/train_*.py).

Both models learn from the same place, the gold facts of the sets that allow tuning matched to what
the extractor finds in their reports, and both ship as a CSV file that must stay exactly what the gold
builds: a script writes it, or with `--check` fails when the shipped file differs, so that whoever
changes the gold or the extractor can tell whether a model must be retrained (README: the indicator
model is deliberately kept as trained on the first 51 development reports).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from fulian.evaluation.sets import EvalSet, eval_sets
from fulian.text.category_model import build, overrule, train
from fulian.text.extract import extract_report

TUNING_ROLES = ("samples", "tuning")  # never "held_out": it measures what was not learnt from


def tuning_reports(rules_only: bool = False) -> Iterator[tuple[EvalSet, Path, list[dict], list[dict]]]:
    """Each report of the sets a model may learn from: (set, path, its gold facts, extracted facts)."""
    for s in eval_sets():
        if s.role not in TUNING_ROLES:
            continue
        by_doc: dict[str, list[dict]] = defaultdict(list)
        for g in s.gold_facts():
            by_doc[g["doc"]].append(g)
        for path in s.report_files():
            _, facts = extract_report(path.read_text(encoding="utf-8"), rules_only=rules_only)
            yield s, path, by_doc[path.name], facts


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """The rows as the model files are written: CSV with '\\n' line ends, whatever the platform."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def write_or_check(path: Path, text: str, check: bool, script: str) -> None:
    """Write the model file, or with `check` exit with a message if the shipped one is not `text`."""
    if check:
        if path.read_text(encoding="utf-8") != text:
            sys.exit(f"{path} is not what the gold builds: run python {script}")
        print("model up to date")
        return
    path.write_text(text, encoding="utf-8")


def batch_of(s: EvalSet, path: Path) -> str:
    """The batch a report was written in (its name's letters: zh01_… → zh), or its set's name for the
    samples: what cross-validation leaves out together."""
    return re.match(r"[a-z]+", path.name).group(0) if s.role == "tuning" else s.name


def cross_validate(rows: list[dict], margins: list[float], folds: int = 6) -> dict[float, float]:
    """Accuracy on the non-optional rows (``batch``, ``metric``, ``unit``, ``rule``, ``gold``,
    ``optional``) per margin by which a model must prefer its label to the rules', each group of
    batches scored by a model trained on the others (the rules' own accuracy is the margin ∞)."""
    batches = sorted({r["batch"] for r in rows})
    groups = [set(batches[i::folds]) for i in range(folds)]
    right = dict.fromkeys([*margins, float("inf")], 0)
    n = 0
    for group in groups:
        entries = train([r for r in rows if r["batch"] not in group])
        test = [r for r in rows if r["batch"] in group and not r["optional"]]
        n += len(test)
        items, rules = [(r["metric"], r["unit"]) for r in test], [r["rule"] for r in test]
        for margin in right:
            labels = overrule(build(margin, entries), items, rules)
            right[margin] += sum(label == r["gold"] for label, r in zip(labels, test, strict=True))
    return {margin: ok / n for margin, ok in right.items()}


def widest_margin(results: dict[float, float], margins: list[float], tolerance: float) -> float:
    """Overriding the rules is the risk: of the margins as good as the best within ``tolerance`` (the
    noise of a few facts), the widest, the one that overrides least."""
    top = max(results[m] for m in margins)
    return max(m for m in margins if results[m] >= top - tolerance)


def train_model_file(
    rows: list[dict],
    path: Path,
    label: str,
    what: str,
    script: str,
    check: bool,
    margins: list[float],
    folds: int = 6,
    tolerance: float = 0.001,
) -> None:
    """Choose the margin with batches left out (printing each margin's accuracy), train the averaged
    perceptron on every row, and write the model file (``feature,<label>,weight``, then the margin's
    row) or with ``check`` fail when the shipped one differs (``what`` the models tell apart, for the
    printout): what scripts/train_categories.py and
    scripts/train_stock.py both do."""
    results = cross_validate(rows, margins, folds)
    for margin, acc in results.items():
        print(f"margin {margin:>4}  {what} accuracy, batches left out {acc:.4f}")
    best = widest_margin(results, margins, tolerance)
    text = csv_text([["feature", label, "weight"], ["", "margin", best], *train(rows)])
    write_or_check(path, text, check, script)
    if not check:
        print(f"wrote {path} ({len(rows)} examples, margin {best})")
