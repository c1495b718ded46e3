#!/usr/bin/env python3
"""Build the category model (plugins/fulian/text/data/category_model.csv) from annotated sets.

Only sets whose role allows tuning (the samples and the development set) are read; the held-out set
never is. Each gold fact the extractor finds gives one example: the extractor's metric and unit (what
the model sees at run time), labelled with the gold category. The model is an averaged perceptron
over ``fulian.text.category_model.features``. The margin by which it must prefer its own category to
the rules' before it overrides them is chosen by cross-validation over groups of batches (the
development set's reports were written in batches, each batch new kinds of report): every batch's
facts are scored by a model trained without it, so the margin is the one that helps on reports of a
kind the model has not seen. Deterministic: same gold, same extractor, same file.

usage: python scripts/train_categories.py [--check]   (--check: fail if the shipped file differs)
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict

from fulian.evaluation.score import match_document
from fulian.evaluation.sets import eval_sets
from fulian.text.category_model import MODEL_FILE, build, recategorise, train
from fulian.text.extract import extract_report
from fulian.text.lexicons import category_codes

FOLDS = 6
TOLERANCE = 0.001  # a dozen facts of the development set's 12,600
MARGINS = [0, 5, 10, 15, 20, 25, 30, 40, 60]


def examples() -> list[dict]:
    """One row per gold fact the extractor finds: batch, features, rule category, gold category."""
    rows = []
    codes = set(category_codes())
    for s in eval_sets():
        if s.role not in ("samples", "tuning"):
            continue
        by_doc: dict[str, list[dict]] = defaultdict(list)
        for g in s.gold_facts():
            by_doc[g["doc"]].append(g)
        for path in s.report_files():
            _, facts = extract_report(path.read_text(encoding="utf-8"), rules_only=True)
            batch = re.match(r"[a-z]+", path.name).group(0) if s.role == "tuning" else s.name
            for g, p in match_document(by_doc[path.name], facts)[0]:
                if g.get("category") in codes:  # a code of the taxonomy (dbt's accepted values)
                    rows.append(
                        {
                            "batch": batch,
                            "metric": p["metric"],
                            "unit": p["unit"],
                            "rule": p["category"],
                            "gold": g["category"],
                            "optional": bool(g.get("optional")),
                        }
                    )
    return rows


def cross_validate(rows: list[dict]) -> dict[float, float]:
    """Category accuracy on the non-optional facts per margin, each group of batches scored by a model
    trained on the others (the rules' own accuracy is the margin ∞)."""
    batches = sorted({r["batch"] for r in rows})
    groups = [set(batches[i::FOLDS]) for i in range(FOLDS)]
    right = dict.fromkeys([*MARGINS, float("inf")], 0)
    n = 0
    for group in groups:
        model_entries = train([r for r in rows if r["batch"] not in group])
        test = [r for r in rows if r["batch"] in group and not r["optional"]]
        n += len(test)
        for margin in right:
            model = build(margin, model_entries)
            facts = [{"metric": r["metric"], "unit": r["unit"], "category": r["rule"]} for r in test]
            recategorise(facts, model)
            right[margin] += sum(f["category"] == r["gold"] for f, r in zip(facts, test, strict=True))
    return {margin: ok / n for margin, ok in right.items()}


def render(margin: float, entries: list[tuple[str, str, float]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["feature", "category", "weight"])
    w.writerow(["", "margin", margin])
    w.writerows(entries)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the shipped model differs")
    args = ap.parse_args()
    rows = examples()
    results = cross_validate(rows)
    for margin, acc in results.items():
        print(f"margin {margin:>4}  category accuracy, batches left out {acc:.4f}")
    # overriding the rules is the risk: of the margins as good as the best within the noise of a few
    # facts, the widest (the one that overrides least)
    top = max(results[m] for m in MARGINS)
    best = max(m for m in MARGINS if results[m] >= top - TOLERANCE)
    text = render(best, train(rows))
    if args.check:
        if MODEL_FILE.read_text(encoding="utf-8") != text:
            sys.exit(f"{MODEL_FILE} is not what the gold builds: run python scripts/train_categories.py")
        print("model up to date")
        return
    MODEL_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_FILE} ({len(rows)} examples, margin {best})")


if __name__ == "__main__":
    main()
