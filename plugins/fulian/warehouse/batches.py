"""Extract one batch of landed files into columnar files: the parallel part of a run.

`extract_batch` reads, normalises and extracts the files of one manifest (written by
`fulian.warehouse.plan`), writing Parquet files into the run's workspace. It never writes DuckDB:
`fulian.warehouse.load` does that.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fulian.errors import RejectedFile
from fulian.text.extract import EXTRACTOR_VERSION, read_report
from fulian.text.reading import content_hash, landed_reader, to_report_text
from fulian.warehouse import database

log = logging.getLogger(__name__)

# Each batch file and the raw table it is loaded into; the columns and their types are declared once,
# in raw_schema.sql (database.raw_table_schema), and loaded by name, so their order is no contract.
RAW_TABLES = {
    "reports": "raw.reports",
    "facts": "raw.facts",
    "files": "raw.report_files",
    "rejected": "raw.rejected_files",
}


def _document_row(name: str, data: bytes, digest: str, run_id: str, now: datetime) -> tuple[dict, list]:
    decoded = to_report_text(data)
    norm, attrs, facts = read_report(decoded.text)
    publication_date = attrs.get("publication_date")
    report = {
        "content_hash": digest,
        "file_name": name,
        "byte_size": len(data),
        "encoding": decoded.encoding,
        "original_text": decoded.text,
        "normalised_text": norm.text,
        "script": attrs.get("script") or "simplified",
        "title": attrs.get("title") or None,
        "source": attrs.get("source") or None,
        "publication_date": datetime.fromisoformat(publication_date).date() if publication_date else None,
        "province": attrs.get("province") or None,
        "city": attrs.get("city") or None,
        "county": attrs.get("county") or None,
        "region_code": attrs.get("region_code") or None,
        "organisation": attrs.get("organisation") or None,
        "report_year": attrs.get("report_year"),
        "extractor_version": EXTRACTOR_VERSION,
        "run_id": run_id,
        "ingested_at": now,
    }
    rows = [
        {
            "content_hash": digest,
            "fact_index": i,
            "text": f["text"],
            "value": float(f["value"]),
            "unit": f["unit"],
            "qualifier": f["qualifier"],
            "metric": f["metric"],
            "category": f["category"],
            "sentence": f["sentence"],
            "start_offset": f["start"],
            "end_offset": f["end"],
            "extractor_version": EXTRACTOR_VERSION,
            "year_from": f["year_from"],
            "year_to": f["year_to"],
            "kind": f["kind"],
            "place_province": f["place_province"],
            "place_city": f["place_city"],
            "place_county": f["place_county"],
            "indicator": f["indicator"],
            "observation": f["observation"],
            "part_of": f["part_of"],
        }
        for i, f in enumerate(facts)
    ]
    return report, rows


def extract_batch(manifest: str, landing: Path, known_hashes: frozenset[str], run_id: str) -> str:
    """Read, normalise and extract one batch of files; write its rows as Parquet beside the manifest.

    Pure with respect to the warehouse. A file that cannot be read becomes a `rejected` row with its
    reason; it never stops the other files. Content already in the warehouse (a known report under a new
    name) is only registered under that name, not extracted again.
    """
    names: list[str] = json.loads(Path(manifest).read_text(encoding="utf-8"))
    now = datetime.now(UTC).replace(tzinfo=None)
    out: dict[str, list[dict]] = {key: [] for key in RAW_TABLES}
    seen: set[str] = set()
    read = landed_reader(landing)
    for name in names:
        path = landing / name
        data = b""
        digest = None
        try:
            data = read(path)
            digest = content_hash(data)
            if digest not in known_hashes and digest not in seen:
                report, facts = _document_row(name, data, digest, run_id, now)
                out["reports"].append(report)
                out["facts"].extend(facts)
                seen.add(digest)
            out["files"].append(
                {"file_name": name, "content_hash": digest, "first_seen_at": now, "run_id": run_id}
            )
        except RejectedFile as err:
            log.warning("REJECTED FILE %s: %s", name, err)
            out["rejected"].append(
                {
                    "file_name": name,
                    "content_hash": digest,
                    "byte_size": len(data) if digest else None,
                    "reason": str(err),
                    "run_id": run_id,
                    "rejected_at": now,
                }
            )
        except Exception as err:  # one bad file must never stop the batch
            log.exception("extraction failed on %s", name)
            out["rejected"].append(
                {
                    "file_name": name,
                    "content_hash": digest,
                    "byte_size": len(data) if digest else None,
                    "reason": f"extraction error: {type(err).__name__}: {err}",
                    "run_id": run_id,
                    "rejected_at": now,
                }
            )
    out_dir = Path(manifest).with_suffix("")
    out_dir.mkdir(parents=True, exist_ok=True)
    for key, raw_table in RAW_TABLES.items():
        table = pa.Table.from_pylist(out[key], schema=database.raw_table_schema(raw_table))
        tmp = out_dir / f"{key}.parquet.tmp"
        pq.write_table(table, tmp)
        tmp.replace(out_dir / f"{key}.parquet")
    log.info(
        "batch %s: %d files, %d reports, %d facts, %d rejected",
        Path(manifest).name,
        len(names),
        len(out["reports"]),
        len(out["facts"]),
        len(out["rejected"]),
    )
    return str(out_dir)
