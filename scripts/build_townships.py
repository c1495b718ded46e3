#!/usr/bin/env python3
"""Build plugins/fulian/text/data/townships.csv: China's townships and streets, each with its county.

Why: a township's or a community's report often never names its county (金牛镇妇联2023年度工作总结,
a street federation's post); the divisions list (admin_divisions.csv) stops at counties, so such a
report had no place at all. This table lets the extractor place it by the township it names, where the
name is unique or the text names the province or city that makes it so.

Provenance: the same administrative-division tree as scripts/build_admin_divisions.py (jionlp's
``china_location.zip``, Apache License 2.0): depth 3 of the tab-indented tree, under the county whose
code is on the line above it. Villages (depth 4) are left out: 660,000 names, most of them shared by
many places.

Output columns: township, county_code (the county's region_code in admin_divisions.csv). One row per
township and county, sorted; deterministic for one jionlp version.

jionlp is in the dependency group `refdata`, which no make target installs: first
`scripts/sync_env.sh refdata`.

usage: .venv/bin/python scripts/build_townships.py [--out PATH]
"""

from __future__ import annotations

from pathlib import Path

from build_admin_divisions import out_path, read_tree, write_csv

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "plugins" / "fulian" / "text" / "data" / "townships.csv"
SUFFIXES = ("镇", "乡", "街道", "苏木", "民族乡")


def parse(lines: list[str]) -> list[tuple[str, str]]:
    """(township, county code) for every township or street under a county with a code."""
    rows: set[tuple[str, str]] = set()
    county = ""
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        parts = [p.strip() for p in line.strip().split("\t")]
        if depth == 2:
            county = parts[1] if len(parts) > 1 and parts[1].isdigit() else ""
        elif depth < 2:
            county = ""
        elif depth == 3 and county and parts[0].endswith(SUFFIXES) and len(parts[0]) >= 3:
            rows.add((parts[0], county))
    return sorted(rows)


def main() -> None:
    out = out_path(__doc__.splitlines()[0], DEFAULT_OUT)
    rows = parse(read_tree())
    write_csv(out, ["township", "county_code"], [{"township": t, "county_code": c} for t, c in rows])
    print(f"wrote {len(rows)} townships to {out}")


if __name__ == "__main__":
    main()
