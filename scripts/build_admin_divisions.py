#!/usr/bin/env python3
"""Build dbt_project/reference/admin_divisions.csv: China's provinces, prefecture-level cities and counties.

Provenance: the administrative-division tree shipped with jionlp (https://github.com/dongrixinyu/JioNLP,
Apache License 2.0), file ``jionlp/dictionary/china_location.zip`` → ``china_location.txt``. That file
is a tab-indented tree, one division a line: ``name<TAB>code<TAB>short name``; indentation depth 0 =
province, 1 = city, 2 = county/district; deeper lines (towns, villages) carry no code and are skipped.

Output columns: region_code, province, city, county, level (province | city | county), short_name.
Municipalities (北京市, 上海市, 天津市, 重庆市) appear as a province row and as a city row with the same
code, as the dbt seed documentation says. Rows are sorted by code, then level; the script is
deterministic, so re-running it on the same jionlp version gives the same file.

jionlp is in the dependency group `refdata`, which no make target installs: first
`scripts/sync_env.sh refdata`.

usage: .venv/bin/python scripts/build_admin_divisions.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import io
import zipfile
from pathlib import Path

import jionlp

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "dbt_project" / "reference" / "admin_divisions.csv"
LEVELS = ("province", "city", "county")


def read_tree() -> list[str]:
    archive = Path(jionlp.__file__).parent / "dictionary" / "china_location.zip"
    with zipfile.ZipFile(archive) as z:
        return z.read("china_location.txt").decode("utf-8").splitlines()


def parse(lines: list[str]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    province = city = ""
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        parts = [p.strip() for p in line.strip().split("\t")]
        if depth > 2 or len(parts) < 2 or not parts[1].isdigit():
            continue  # towns and villages
        name, code = parts[0], parts[1]
        if name == "市直辖行政区划":
            continue  # a placeholder under cities without counties (东莞市, 中山市), not a place
        short = parts[2] if len(parts) > 2 and parts[2] else name
        if depth == 0:
            province, city = name, ""
        elif depth == 1:
            city = name
        level = LEVELS[depth]
        rows.append(
            {
                "region_code": code,
                "province": province,
                "city": city if depth else "",
                "county": name if depth == 2 else "",
                "level": level,
                "short_name": short,
            }
        )
    rows.sort(key=lambda r: (r["region_code"], LEVELS.index(r["level"]), r["county"]))
    return rows


def out_path(description: str, default: Path) -> Path:
    """The --out argument of a build script (its output file)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--out", type=Path, default=default)
    return ap.parse_args().out


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Rows as CSV with a header, LF line ends, UTF-8: byte-identical for the same rows."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def main() -> None:
    out = out_path(__doc__.splitlines()[0], DEFAULT_OUT)
    rows = parse(read_tree())
    write_csv(out, ["region_code", "province", "city", "county", "level", "short_name"], rows)
    counts = {lvl: sum(r["level"] == lvl for r in rows) for lvl in LEVELS}
    print(f"wrote {len(rows)} rows to {out}: {counts}")


if __name__ == "__main__":
    main()
