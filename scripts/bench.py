"""`make bench`: the real DAG (`airflow dags test`) on generated reports, full run then an incremental one.

Prints a table, then one JSON line: reports/s, MB/s, seconds per stage, peak RSS, the incremental run's
time (and its ratio to the full run), and extraction F1 on the generated gold. Timings are wall-clock
on whatever else the machine is doing: compare ratios within one run, not absolute seconds across runs.

usage: .venv/bin/python scripts/bench.py --docs 10000 [--incremental 100] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from fulian.evaluation.score import read_jsonl, score

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TASK_LINE = re.compile(r"^(\S+)Z .*\[DAG TEST\] (starting|end)(?: task)? task_id=(\S+) map_index=(-?\d+)")


def stage_of(task_id: str) -> str:
    if task_id.startswith("dbt_marts."):
        return "dbt"
    return {"batches": "prepare", "anything_new": "load", "summary": "publish", "cleanup": "publish"}.get(
        task_id, task_id
    )


def run_dag(landing: Path, warehouse: Path, log: Path) -> tuple[float, dict[str, float]]:
    """One `airflow dags test`; returns wall seconds and seconds per stage (summed over mapped tasks)."""
    conf = json.dumps({"landing_dir": str(landing), "warehouse": str(warehouse)})
    started = time.monotonic()
    with log.open("w") as out:
        subprocess.run(
            [str(BIN / "airflow"), "dags", "test", "fulian_daily", "-c", conf],
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
        )
    wall = time.monotonic() - started
    starts: dict[tuple[str, str], dt.datetime] = {}
    stages: dict[str, float] = defaultdict(float)
    for line in log.read_text(errors="replace").splitlines():
        m = TASK_LINE.match(line)
        if not m:
            continue
        when, kind, task_id, index = dt.datetime.fromisoformat(m.group(1)), m.group(2), m.group(3), m.group(4)
        if kind == "starting":
            starts[(task_id, index)] = when
        elif (task_id, index) in starts:
            stages[stage_of(task_id)] += (when - starts.pop((task_id, index))).total_seconds()
    return wall, dict(stages)


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.txt"))


def f1_on_generated(warehouse: Path, gold: Path, work: Path) -> dict:
    subprocess.run(
        [str(BIN / "fulian"), "export", "--warehouse", str(warehouse), "--out", str(work)],
        check=True,
        capture_output=True,
    )
    return score(read_jsonl(gold / "seeds.jsonl"), read_jsonl(work / "facts.jsonl")).figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--incremental", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="work in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="fulian-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        gen, extra = work / "generated", work / "increment"
        t0 = time.monotonic()
        for folder, n, seed in ((gen, args.docs, args.seed), (extra, args.incremental, args.seed + 1000)):
            if not (folder / "reports").exists():
                subprocess.run(
                    [
                        str(BIN / "python"),
                        "-m",
                        "tools.generate",
                        "--docs",
                        str(n),
                        "--out",
                        str(folder),
                        "--seed",
                        str(seed),
                        "--quiet",
                    ],
                    check=True,
                    cwd=ROOT,
                )
        generate_s = time.monotonic() - t0
        landing, warehouse = work / "landing", work / "warehouse" / "fulian.duckdb"
        shutil.rmtree(landing, ignore_errors=True)
        shutil.rmtree(warehouse.parent, ignore_errors=True)
        shutil.copytree(gen / "reports", landing)
        size = corpus_bytes(landing)

        full_s, full_stages = run_dag(landing, warehouse, work / "full.log")
        for f in (extra / "reports").glob("*.txt"):
            shutil.copy(f, landing / f"inc_{f.name}")
        inc_s, inc_stages = run_dag(landing, warehouse, work / "incremental.log")
        peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        score = f1_on_generated(warehouse, gen / "gold", work / "export")

        result = {
            "docs": args.docs,
            "mb": round(size / 1e6, 2),
            "full_s": round(full_s, 1),
            "reports_per_s": round(args.docs / full_s, 1),
            "mb_per_s": round(size / 1e6 / full_s, 3),
            "stages_s": {k: round(v, 1) for k, v in sorted(full_stages.items())},
            "incremental_docs": args.incremental,
            "incremental_s": round(inc_s, 1),
            "incremental_ratio": round(inc_s / full_s, 3),
            "incremental_stages_s": {k: round(v, 1) for k, v in sorted(inc_stages.items())},
            "peak_rss_mb": round(peak_rss_mb),
            "extraction_f1_generated": score["f1"],
            "precision": score["precision"],
            "recall": score["recall"],
            "generate_s": round(generate_s, 1),
            "cores": os.cpu_count(),
        }
        print(f"{'measure':<34} value")
        for key, value in result.items():
            print(f"{key:<34} {value}")
        print(json.dumps(result))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
