"""Export the marts: as the gold files' JSON Lines (so `fulian score` can score a warehouse), and every
mart as Parquet and CSV for the analysts' tools that do not read DuckDB (the fulian_exports DAG).

Reads the published warehouse read-only; the JSON Lines field names are those of GUIDELINES.md, with
`doc` = the report's file name as it was in the landing folder.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from fulian.text import lexicons
from fulian.warehouse.database import read_only

FACTS_SQL = """
    select file_name as doc, fact_text as text, value, unit, qualifier, metric,
           category_code as category, period_start_year as year_from, period_end_year as year_to,
           statement_kind as kind,
           coalesce(place_province, '') as place_province, coalesce(place_city, '') as place_city,
           coalesce(place_county, '') as place_county,
           coalesce(indicator_code, '') as indicator, coalesce(observation_label, '') as observation,
           coalesce(part_of_label, '') as part_of,
           sentence, start_offset, end_offset, extractor_version
    from marts.fct_facts
    order by file_name, start_offset, fact_key
"""
DOCUMENTS_SQL = """
    select d.file_name as doc,
           coalesce(s.province, '') as province,
           -- the spec's city: none for a municipality's district (the municipality is the province)
           -- nor for a county-level city under its province (the seed's pseudo-city 省直辖行政区划)
           case when s.city in (s.province, '省直辖行政区划') then '' else coalesce(s.city, '') end as city,
           coalesce(s.organisation_name, '') as organisation,
           s.report_year,
           d.script
    from marts.dim_document as d
    join marts.agg_report_summary as s on s.document_key = d.document_key
    where d.is_current
    order by d.file_name
"""


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def annotated_unit(unit: str) -> str:
    """The unit as the annotation spec writes it: a measure word 个 standing between the number and a
    unit noun (0.8个百分点, 0.37个千分点) is what the spec takes, as for 432个学时; the warehouse keeps
    the whole unit, which says what the figure measures (percentage points, not items)."""
    if len(unit) > 1 and unit[0] == "个" and unit[1:] in lexicons.units():
        return "个"
    return unit


def _year(value: object) -> int | None:
    """A year from pandas (NaN or a float where the column holds nulls) as an int or None."""
    return None if value is None or value != value else int(value)  # NaN != NaN


def export(warehouse: Path, out_dir: Path) -> dict[str, int]:
    """Write facts.jsonl and documents.jsonl into out_dir; return the row counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with read_only(warehouse) as con:
        facts = con.execute(FACTS_SQL).df().to_dict("records")
        documents = con.execute(DOCUMENTS_SQL).df().to_dict("records")
    for row in facts:
        row["unit"] = annotated_unit(row["unit"] or "")
        for key in ("year_from", "year_to"):
            row[key] = _year(row[key])
    for doc in documents:
        doc["report_year"] = _year(doc.get("report_year"))
    _write_jsonl(out_dir / "facts.jsonl", facts)
    _write_jsonl(out_dir / "documents.jsonl", documents)
    return {"facts": len(facts), "documents": len(documents)}


MART_TABLES_SQL = """
    select table_name from information_schema.tables
    where table_schema = 'marts' and table_type = 'BASE TABLE'
    order by table_name
"""
COPY_OPTIONS = {"parquet": "format parquet, compression zstd", "csv": "format csv, header"}


def _sql_string(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def export_marts(
    warehouse: Path, out_dir: Path, formats: tuple[str, ...] = ("parquet", "csv")
) -> dict[str, int]:
    """Write every mart of `warehouse` as `<mart>.<format>` into out_dir, plus manifest.json; row counts.

    One read-only connection for all marts, so the files are one consistent snapshot. Each file is
    written under a temporary name and renamed, so a reader never opens a half-written export;
    manifest.json (which warehouse, when, rows per mart) is written last.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    with read_only(warehouse) as con:
        for (table,) in con.execute(MART_TABLES_SQL).fetchall():
            rows[table] = con.execute(f'select count(*) from marts."{table}"').fetchone()[0]
            for fmt in formats:
                partial = out_dir / f".{table}.{fmt}.partial"
                con.execute(f'copy marts."{table}" to {_sql_string(partial)} ({COPY_OPTIONS[fmt]})')
                os.replace(partial, out_dir / f"{table}.{fmt}")
    manifest = {
        "warehouse": str(warehouse),
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "formats": list(formats),
        "rows": rows,
    }
    partial = out_dir / ".manifest.json.partial"
    partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, out_dir / "manifest.json")
    return rows
