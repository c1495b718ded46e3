#!/usr/bin/env python3
"""Build the stock model (plugins/fulian/text/data/stock_model.csv) from annotated sets.

Only sets whose role allows tuning are read (the held-out set never is). Each gold fact the extractor
finds as an actual figure of one year (``fulian.text.stock_model.reading``) gives one example: the
extractor's metric and unit, labelled ``stock`` when the gold gives it no start year, ``flow`` when it
starts in the year it ends (a gold span of years or a different end year teaches nothing about this).
The model is the category model's averaged perceptron; the margin by which it must prefer its reading
to the periods reader's is chosen with whole batches left out, as for categories. Deterministic.

usage: python scripts/train_stock.py [--check]   (--check: fail if the shipped file differs)
"""

from __future__ import annotations

import argparse

from fulian.evaluation.score import match_document
from fulian.evaluation.training import batch_of, train_model_file, tuning_reports
from fulian.text.stock_model import MODEL_FILE, reading

FOLDS = 6
TOLERANCE = 0.001
MARGINS = [0, 5, 10, 15, 20, 25, 30, 40]


def examples() -> list[dict]:
    """One row per matched actual one-year figure: batch, features, the reader's and the gold's reading."""
    rows = []
    for s, path, gold, facts in tuning_reports(rules_only=True):
        for g, p in match_document(gold, facts)[0]:
            rule = reading(p)
            if rule is None or g.get("year_to") != p["year_to"]:
                continue
            if g.get("year_from") not in (None, g["year_to"]):
                continue
            rows.append(
                {
                    "batch": batch_of(s, path),
                    "metric": p["metric"],
                    "unit": p["unit"],
                    "rule": rule,
                    "gold": "stock" if g.get("year_from") is None else "flow",
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
        "label",
        "stock/flow",
        "scripts/train_stock.py",
        args.check,
        MARGINS,
        FOLDS,
        TOLERANCE,
    )


if __name__ == "__main__":
    main()
