#!/usr/bin/env python3
"""Run the extractor over the seed reports and score it against the gold annotations.

Writes facts.jsonl and documents.jsonl to a temporary directory (or --out) and calls
shared/gold/score.py on them. Also measures throughput (normalisation + extraction, MB/s) on the
seeds repeated.

usage: python scripts/score_extractor.py [--show N] [--out DIR] [--corpus DIR] [--speed]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from fulian.text.extract import extract_report  # noqa: E402

SHARED = ROOT.parent / "shared"
FACT_FIELDS = ("text", "value", "unit", "qualifier", "metric", "category")
DOC_FIELDS = ("province", "city", "organisation", "report_year", "script")


def run(corpus: Path, out: Path) -> tuple[Path, Path]:
    facts_path, docs_path = out / "facts.jsonl", out / "documents.jsonl"
    with facts_path.open("w", encoding="utf-8") as ff, docs_path.open("w", encoding="utf-8") as df:
        for path in sorted(corpus.glob("*.txt")):
            doc, facts = extract_report(path.read_text(encoding="utf-8"))
            doc_row = {"doc": path.name, **{k: doc[k] for k in DOC_FIELDS}}
            df.write(json.dumps(doc_row, ensure_ascii=False) + "\n")
            for f in facts:
                fact_row = {"doc": path.name, **{k: f[k] for k in FACT_FIELDS}}
                ff.write(json.dumps(fact_row, ensure_ascii=False) + "\n")
    return facts_path, docs_path


def speed(corpus: Path, repeat: int = 40) -> float:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    for t in texts:
        extract_report(t)  # warm the caches
    size = sum(len(t.encode("utf-8")) for t in texts) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            extract_report(t)
    return size / (time.perf_counter() - t0) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "seeds")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--speed", action="store_true", help="also measure MB/s")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="fulian-score-"))
    out.mkdir(parents=True, exist_ok=True)
    facts, docs = run(args.corpus, out)
    subprocess.run(
        [
            sys.executable,
            str(args.gold / "score.py"),
            str(args.gold / "seeds.jsonl"),
            str(facts),
            "--gold-docs",
            str(args.gold / "documents.jsonl"),
            "--pred-docs",
            str(docs),
            "--show",
            str(args.show),
        ],
        check=True,
    )
    print(f"output in {out}")
    if args.speed:
        print(f"throughput {speed(args.corpus):.2f} MB/s (normalise + document + facts, one core)")


if __name__ == "__main__":
    main()
