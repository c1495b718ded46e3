#!/usr/bin/env python3
"""Throughput of the extractor (normalisation + document attributes + facts) on one core.

The corpus is realistic report text: the seed reports in seeds/*.txt plus their traditional-script
versions (OpenCC s2t), repeated until it holds at least --mb MB of UTF-8. Each report goes through
``extract_report`` on its own, as in the pipeline, in this one process. The same corpus also goes
through a naive one-regex baseline (every figure with an optional magnitude and the character after
it as its unit), which shows what the extractor costs over merely finding numbers.

Prints MB/s of raw UTF-8 text for both (best of --runs, taken per tenth of the corpus so that a
burst of other work on a shared machine spoils one slice of one run only), their ratio, and a final
JSON line
``{"extract_mb_per_s": …, "baseline_mb_per_s": …, "ratio": …, "facts": …, "eval_extract_mb_per_s": …}``.

The seed corpus repeats five reports, so whatever the extractor remembers per phrase is found again.
The last figure is the extractor on the evaluation sets' reports instead (eval/*/reports, each once
with its traditional version): unique texts, from every genre, 2–3 times denser in figures than the
seeds; a figure, not a report, is what costs.

usage: python scripts/bench_extract.py [--mb 5] [--runs 3] [--seeds DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

import opencc  # noqa: E402

from fulian.evaluation.sets import eval_sets  # noqa: E402
from fulian.text.extract import extract_report  # noqa: E402

_BASELINE = re.compile(r"(\d+(?:\.\d+)?)\s*([万亿]?)([^\W\d]?)")
_MAGNITUDE = {"": 1.0, "万": 1e4, "亿": 1e8}


def baseline(text: str) -> list[tuple[float, str]]:
    """The naive extractor: one regex, (value, unit) per figure."""
    return [(float(num) * _MAGNITUDE[mag], unit) for num, mag, unit in _BASELINE.findall(text)]


def corpus(seeds: Path, mb: float) -> list[str]:
    """The seed reports and their traditional-script versions, repeated to at least ``mb`` MB."""
    reports = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if not reports:
        sys.exit(f"no reports in {seeds}")
    s2t = opencc.OpenCC("s2t")
    unit = reports + [s2t.convert(r) for r in reports]
    unit_bytes = sum(len(r.encode("utf-8")) for r in unit)
    copies = max(1, -(-int(mb * 1e6) // unit_bytes))
    return unit * copies


def eval_corpus() -> list[str]:
    """The evaluation sets' own reports (not the seeds) and their traditional-script versions."""
    s2t = opencc.OpenCC("s2t")
    reports = [
        p.read_text(encoding="utf-8") for s in eval_sets() if s.role != "samples" for p in s.report_files()
    ]
    return reports + [s2t.convert(r) for r in reports]


def best_time(fn: Callable[[str], object], docs: list[str], runs: int, chunks: int = 10) -> tuple[float, int]:
    """Wall time of ``fn`` over every document, best of ``runs``, and the items it returned.

    The corpus is timed in ``chunks`` consecutive slices and each slice keeps its best time over the
    runs: on a shared machine a burst of other work then spoils one slice of one run, not a whole run.
    """
    size = -(-len(docs) // chunks)
    slices = [docs[i : i + size] for i in range(0, len(docs), size)]
    best = [float("inf")] * len(slices)
    items = 0
    for _ in range(runs):
        gc.collect()
        items = 0
        for k, part in enumerate(slices):
            t0 = time.perf_counter()
            for d in part:
                out = fn(d)
                items += len(out[1]) if isinstance(out, tuple) else len(out)
            best[k] = min(best[k], time.perf_counter() - t0)
    return sum(best), items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB of UTF-8 (default 5)")
    ap.add_argument("--runs", type=int, default=3, help="timed passes, the best is kept (default 3)")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of seed reports")
    args = ap.parse_args()

    docs = corpus(args.seeds, args.mb)
    size_mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    for d in docs[:10]:
        extract_report(d)  # warm up: lexicons, regexes, converter
    print(f"corpus: {len(docs)} reports, {size_mb:.2f} MB (seeds + traditional versions), one core")

    t_extract, facts = best_time(extract_report, docs, args.runs)
    t_base, figures = best_time(baseline, docs, args.runs)
    extract_mbs, base_mbs = size_mb / t_extract, size_mb / t_base
    ratio = extract_mbs / base_mbs
    print(f"extract_report  {extract_mbs:8.2f} MB/s  {facts:>8} facts    ({facts / size_mb:.0f} per MB)")
    print(f"naive regex     {base_mbs:8.2f} MB/s  {figures:>8} figures  ({figures / size_mb:.0f} per MB)")
    print(f"ratio           {ratio:8.3f}  (extractor speed / baseline speed, best of {args.runs})")
    reports = eval_corpus()
    eval_mb = sum(len(d.encode("utf-8")) for d in reports) / 1e6
    t_eval, eval_facts = best_time(extract_report, reports, args.runs)
    per_mb = eval_facts / eval_mb
    print(
        f"eval reports    {eval_mb / t_eval:8.2f} MB/s  {eval_facts:>8} facts    ({per_mb:.0f} per MB;"
        f" {len(reports) // 2} reports and their traditional versions, {eval_mb:.2f} MB)"
    )
    print(
        json.dumps(
            {
                "extract_mb_per_s": round(extract_mbs, 3),
                "baseline_mb_per_s": round(base_mbs, 3),
                "ratio": round(ratio, 4),
                "facts": facts,
                "eval_extract_mb_per_s": round(eval_mb / t_eval, 3),
                "eval_facts": eval_facts,
            }
        )
    )


if __name__ == "__main__":
    main()
