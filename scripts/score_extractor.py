#!/usr/bin/env python3
"""Score the extractor alone (no Airflow, no warehouse) on every evaluation set in eval/, in seconds.

The fast loop for growing rules and lexicons: `make eval` measures the same sets through the whole
pipeline (what analysts get); this measures the pure extractor. Same scorer, same tables, same JSON line.

usage: python scripts/score_extractor.py [--set NAME ...] [--show N] [--json]
"""

from __future__ import annotations

import argparse
import json

from fulian.evaluation.report import format_set, score_sets
from fulian.evaluation.sets import eval_sets
from fulian.text.extract import extract_report
from fulian.warehouse.export import annotated_unit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", help="only this set (repeatable)")
    ap.add_argument("--show", type=int, default=0, help="list up to N missed and N extra facts per set")
    ap.add_argument("--json", action="store_true", help="print only the JSON line")
    args = ap.parse_args()
    sets = [s for s in eval_sets() if not args.set or s.name in args.set]
    facts, documents = [], []
    for s in sets:
        for path in s.report_files():
            document, found = extract_report(path.read_text(encoding="utf-8"))
            documents.append({"doc": path.name, **document})
            facts += [{"doc": path.name, **f, "unit": annotated_unit(f["unit"])} for f in found]
    results = score_sets(facts, documents, sets)
    if not args.json:
        for name, result in results.items():
            print(format_set(name, result, args.show) + "\n")
    print(json.dumps({"sets": {name: r.figures for name, r in results.items()}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
