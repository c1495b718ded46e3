#!/usr/bin/env python3
"""Agreement between two independent annotations of the same reports (eval/<set>/second/).

The second annotation is scored against the primary gold with the project's scorer, on the reports
both annotated: facts F1 says how often two people find the same figures; the field accuracies say
how often they then agree on each field. It is the ceiling an extractor can be expected to reach.

usage: python scripts/agreement.py [--json]
"""

from __future__ import annotations

import argparse
import json

from fulian.evaluation.report import format_set
from fulian.evaluation.score import read_jsonl, score
from fulian.evaluation.sets import eval_sets


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print only the JSON line")
    args = ap.parse_args()
    figures = {}
    for s in eval_sets():
        second = s.folder / "second"
        if not (second / "facts.jsonl").exists():
            continue
        docs = read_jsonl(second / "documents.jsonl")
        # rows the second annotator marked optional are left out: finding them is not expected
        facts = [f for f in read_jsonl(second / "facts.jsonl") if not f.get("optional")]
        both = {d["doc"] for d in docs}
        gold = [g for g in s.gold_facts() if g["doc"] in both]
        gold_docs = [d for d in s.gold_documents() if d["doc"] in both]
        result = score(gold, facts, gold_docs, docs)
        figures[s.name] = result.figures
        if not args.json:
            print(format_set(f"{s.name}: second annotator against the gold", result) + "\n")
    print(json.dumps({"agreement": figures}, ensure_ascii=False))


if __name__ == "__main__":
    main()
