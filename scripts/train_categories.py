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

from fulian.evaluation.score import match_document
from fulian.evaluation.training import batch_of, train_model_file, tuning_reports
from fulian.text.category_model import MODEL_FILE
from fulian.text.lexicons import category_codes

FOLDS = 6
TOLERANCE = 0.001  # a dozen facts of the development set's 12,600
MARGINS = [0, 5, 10, 15, 20, 25, 30, 40, 60]


def examples() -> list[dict]:
    """One row per gold fact the extractor finds: batch, features, rule category, gold category."""
    rows = []
    codes = set(category_codes())
    for s, path, gold, facts in tuning_reports(rules_only=True):
        batch = batch_of(s, path)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the shipped model differs")
    args = ap.parse_args()
    train_model_file(
        examples(),
        MODEL_FILE,
        "category",
        "category",
        "scripts/train_categories.py",
        args.check,
        MARGINS,
        FOLDS,
        TOLERANCE,
    )


if __name__ == "__main__":
    main()
