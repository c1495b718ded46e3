"""The analysts' example questions (docs/analyst_queries.sql), runnable and printable as Markdown.

Kept as one SQL file so the README's examples are the same text the tests run against a real warehouse:
an example that stops working fails the suite instead of misleading a reader.
"""

from __future__ import annotations

from pathlib import Path

from fulian.settings import PROJECT_ROOT
from fulian.warehouse.database import read_only

QUERIES_FILE = PROJECT_ROOT / "docs" / "analyst_queries.sql"


def load_queries(path: Path = QUERIES_FILE) -> list[tuple[str, str, str]]:
    """(name, description, sql) for every `-- name:` block of the file."""
    queries = []
    for block in path.read_text(encoding="utf-8").split("-- name: ")[1:]:
        name, rest = block.split("\n", 1)
        lines = rest.strip().splitlines()
        description = " ".join(line.removeprefix("--").strip() for line in lines if line.startswith("--"))
        sql = "\n".join(line for line in lines if not line.startswith("--")).strip().rstrip(";")
        queries.append((name.strip(), description, sql))
    return queries


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if value == value else ""
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def as_markdown(warehouse: Path, path: Path = QUERIES_FILE) -> str:
    """Every example with its SQL and its result table, as Markdown."""
    out = []
    with read_only(warehouse) as con:
        for name, description, sql in load_queries(path):
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            out.append(f"**{description}** (`{name}`)\n\n```sql\n{sql};\n```\n")
            out.append("| " + " | ".join(columns) + " |")
            out.append("|" + "---|" * len(columns))
            out.extend("| " + " | ".join(_cell(v) for v in row) + " |" for row in rows)
            out.append("")
    return "\n".join(out)
