"""A landing folder of everything scrapers and colleagues drop there: every decodable file publishes its
facts, everything else is quarantined with a reason, nothing outside the folder is read, and a second
run adds nothing."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import opencc
import pytest
from warehouse_checks import content_checksums

from fulian.pipeline import run_in_process

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)


def _report(n: int) -> str:
    return f"某某市妇联工作简报\n全市开展巾帼宣讲活动{100 + n}场，培训农村妇女{2000 + n}人。\n"


READABLE = {
    "utf8.txt": lambda t: t.encode("utf-8"),
    "bom.txt": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf16.txt": lambda t: t.encode("utf-16"),
    "gbk.txt": lambda t: t.encode("gbk"),
    "big5 traditional.txt": lambda t: opencc.OpenCC("s2t").convert(t).encode("big5"),
    "crlf.txt": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "page.html.txt": lambda t: (
        f"<html><head><title>简报</title></head><body><p>{t}</p></body></html>".encode()
    ),
    "cut.txt": lambda t: t.rstrip("\n").encode("utf-8")[:-1],
    "nul.txt": lambda t: t.encode("utf-8").replace("，".encode(), b"\x00" + "，".encode(), 1),
    "with space and 'quotes\".txt": lambda t: t.encode("utf-8"),
    "中文报告.txt": lambda t: t.encode("utf-8"),
    "x'); drop table raw.facts; --.txt": lambda t: t.encode("utf-8"),
    "nested/deeper/report.txt": lambda t: t.encode("utf-8"),
}
REJECTED = {
    "empty.txt": "empty",
    "blank.txt": "whitespace",
    "binary.txt": "binary",
    "link to passwd.txt": "symbolic link",
    "link to outside.txt": "symbolic link",
    "pipe.txt": "not a regular file",
    "huge.txt": "too large",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("hostile")
    landing = root / "landing"
    figures = {}
    for n, (name, encode) in enumerate(READABLE.items()):
        path = landing / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encode(_report(n)))
        figures[name] = 2000 + n
    (landing / "dup_a.txt").write_text(_report(50), encoding="utf-8")
    (landing / "dup_b.txt").write_text(_report(50), encoding="utf-8")
    (landing / "empty.txt").write_bytes(b"")
    (landing / "blank.txt").write_bytes(b"  \r\n\t \n")
    (landing / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (landing / "link to passwd.txt").symlink_to("/etc/passwd")
    outside = root / "outside.txt"
    outside.write_text(_report(77), encoding="utf-8")
    (landing / "link to outside.txt").symlink_to(outside)
    os.mkfifo(landing / "pipe.txt")
    with open(landing / "huge.txt", "wb") as f:
        f.truncate(60 * 1024 * 1024)  # sparse: 60 MB that cost no disk, rejected before reading
    warehouse = root / "fulian.duckdb"
    run_in_process(str(landing), str(warehouse), "hostile-1")
    return landing, warehouse, figures


def test_every_decodable_file_publishes_its_facts(hostile) -> None:
    _, warehouse, figures = hostile
    with duckdb.connect(str(warehouse), read_only=True) as con:
        found = set(con.execute("select file_name, value from marts.fct_facts where unit = '人'").fetchall())
    for name, value in figures.items():
        assert (name, float(value)) in found, f"{name}: its figure {value} is not in the marts"


def test_same_content_under_two_names_is_one_report(hostile) -> None:
    _, warehouse, _ = hostile
    with duckdb.connect(str(warehouse), read_only=True) as con:
        reports = con.execute("select count(*) from raw.reports where file_name like 'dup_%'").fetchone()[0]
        names = con.execute("select count(*) from raw.report_files where file_name like 'dup_%'").fetchone()[
            0
        ]
        facts = con.execute("select count(*) from marts.fct_facts where value = 2050").fetchone()[0]
    assert (reports, names, facts) == (1, 2, 1)


def test_what_is_not_a_report_is_quarantined_with_its_reason(hostile) -> None:
    _, warehouse, _ = hostile
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = dict(con.execute("select file_name, reason from dq.quarantine where kind = 'file'").fetchall())
    for name, reason in REJECTED.items():
        assert name in rows, f"{name} was not quarantined"
        assert reason in rows[name], f"{name}: {rows[name]!r}"


def test_nothing_from_outside_the_landing_folder_is_read(hostile) -> None:
    _, warehouse, _ = hostile
    with duckdb.connect(str(warehouse), read_only=True) as con:
        leaked = con.execute(
            "select count(*) from raw.reports "
            "where original_text like '%root:%' or original_text like '%2077%'"
        ).fetchone()[0]
    assert leaked == 0


def test_a_second_run_over_the_same_folder_adds_nothing(hostile) -> None:
    landing, warehouse, _ = hostile
    before = content_checksums(warehouse)
    run_in_process(str(landing), str(warehouse), "hostile-2")
    assert content_checksums(warehouse) == before
