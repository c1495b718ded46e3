#!/usr/bin/env python3
"""Build the indicator model (plugins/fulian/text/data/indicator_examples.csv) from annotated sets.

Only sets whose role allows tuning (the samples and the development set) are read; the held-out set
never is. Each matched gold fact with an indicator gives two examples: the extractor's metric and the
annotator's metric, both labelled with the gold indicator. The similarity threshold is chosen by
leave-one-report-out cross-validation: for each candidate threshold, every report's facts are mapped
by a model built from the other reports only, and the threshold with the best pairwise indicator F1
(the scorer's measure) is kept. Deterministic: same gold, same file.

usage: python scripts/train_indicators.py [--check]   (--check: fail if the shipped file differs)
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from fulian.evaluation.score import match_document, score
from fulian.evaluation.training import csv_text, tuning_reports, write_or_check
from fulian.text.indicators import DATA, assign_indicators, build_model, catalogue
from fulian.warehouse.export import annotated_unit

THRESHOLDS = [round(0.10 + 0.05 * i, 2) for i in range(13)]
OUT = DATA / "indicator_examples.csv"


def labelled_reports() -> tuple[dict[str, list[tuple[str, str]]], list[dict], dict[str, list[dict]]]:
    """(examples per report, gold facts, extracted facts per report) of the tuning sets."""
    known = catalogue()
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)
    golds: list[dict] = []
    extracted: dict[str, list[dict]] = {}
    for _, path, gold, facts in tuning_reports():
        for f in facts:
            f["doc"], f["unit"] = path.name, annotated_unit(f["unit"])
        extracted[path.name] = facts
        golds += gold
        pairs, _, _ = match_document(gold, facts)
        for g, p in pairs:
            code = g.get("indicator") or ""
            if code in known:
                examples[path.name] += [(code, p["metric"]), (code, g["metric"])]
    return examples, golds, extracted


def cross_validate(examples, golds, extracted) -> dict[float, float]:
    """Indicator pair F1 per threshold, each report mapped by a model of the other reports."""
    results = {}
    for threshold in THRESHOLDS:
        predicted = []
        for doc, facts in extracted.items():
            others = [e for d, rows in examples.items() if d != doc for e in rows]
            predicted += assign_indicators([dict(f) for f in facts], build_model(others, threshold))
        results[threshold] = score(golds, predicted).figures.get("indicator_pair_f1", 0.0)
    return results


def render(examples: dict[str, list[tuple[str, str]]], threshold: float) -> str:
    rows = sorted({e for rows in examples.values() for e in rows if e[1]})
    return csv_text([["threshold", threshold], ["indicator", "metric"], *rows])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the shipped model differs")
    args = ap.parse_args()
    examples, golds, extracted = labelled_reports()
    results = cross_validate(examples, golds, extracted)
    for threshold, f1 in results.items():
        print(f"threshold {threshold:.2f}  leave-one-report-out indicator pair F1 {f1:.4f}")
    best = max(results, key=lambda t: (results[t], -t))
    text = render(examples, best)
    write_or_check(OUT, text, args.check, "scripts/train_indicators.py")
    if not args.check:
        n = sum(len(v) for v in examples.values())
        print(f"wrote {OUT} ({n} examples, threshold {best})")


if __name__ == "__main__":
    main()
