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
import re

from fulian.evaluation.score import match_document
from fulian.evaluation.training import csv_text, tuning_reports, write_or_check
from fulian.text.category_model import MODEL_FILE, build, recategorise, train
from fulian.text.lexicons import category_codes

FOLDS = 6
TOLERANCE = 0.001  # a dozen facts of the development set's 12,600
MARGINS = [0, 5, 10, 15, 20, 25, 30, 40, 60]


def examples() -> list[dict]:
    """One row per gold fact the extractor finds: batch, features, rule category, gold category."""
    rows = []
    codes = set(category_codes())
    for s, path, gold, facts in tuning_reports(rules_only=True):
        batch = re.match(r"[a-z]+", path.name).group(0) if s.role == "tuning" else s.name
        for g, p in match_document(gold, facts)[0]:
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
    return csv_text([["feature", "category", "weight"], ["", "margin", margin], *entries])


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
    write_or_check(MODEL_FILE, text, args.check, "scripts/train_categories.py")
    if not args.check:
        print(f"wrote {MODEL_FILE} ({len(rows)} examples, margin {best})")


if __name__ == "__main__":
    main()
