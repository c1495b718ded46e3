"""The analysts' report on a real published warehouse: self-contained, bilingual, its charts and tables
equal to the marts, untrusted text escaped, and the page rendered by headless Chromium (Debian package)
with the same marks in the rendered DOM and a screenshot kept."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from fulian.cli import main as cli_main
from fulian.pipeline import run_in_process
from fulian.report.html import CHART_CLASSES, TOP_N, fmt_full, render_report

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.integration  # starts real components (Airflow, dbt, DuckDB runs, ...)

CHROMIUM = Path("/usr/bin/chromium")
KINDS = ("exact", "lower_bound", "approximate", "upper_bound")
HOSTILE = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>'


class _Elements(HTMLParser):
    """Start tags with their attributes, and the text of h1/h2 headings (stdlib only, no browser)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("h1", "h2"):
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def _with_class(parsed: _Elements, css: str) -> list[dict[str, str]]:
    return [attrs for _tag, attrs in parsed.tags if css in attrs.get("class", "").split()]


def _q(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _expected_marks(db: Path, dim: str) -> list[tuple[str, str, str, str]]:
    """(unit class, base unit, group, value kind) for every group of the mart with facts of that kind."""
    classes = ", ".join(f"'{c}'" for c in CHART_CLASSES)
    rows = _q(
        db,
        f"select unit_class, base_unit, {dim}, period_end_year, sum(exact_count), sum(lower_bound_count), "
        f"sum(approximate_count), sum(upper_bound_count) from marts.agg_figures_by_region_year "
        f"where unit_class in ({classes}) and statement_kind = 'actual' and period_type = 'single_year' "
        "group by all",
    )
    out = []
    for unit_class, base_unit, grp, year, *counts in rows:
        group = f"{grp or ''}|{'' if year is None else year}"
        out += [(unit_class, base_unit, group, kind) for kind, n in zip(KINDS, counts, strict=True) if n]
    return sorted(out)


def _drawn_marks(parsed: _Elements, dim: str) -> list[tuple[str, str, str, str]]:
    return sorted(
        (m["data-unit-class"], m["data-base-unit"], m["data-group"], m["data-kind"])
        for m in _with_class(parsed, "mark")
        if m["data-chart"].startswith(f"{dim}:")
    )


def _assert_marks_match_mart(parsed: _Elements, db: Path) -> None:
    assert _drawn_marks(parsed, "province") == _expected_marks(db, "province")
    assert _drawn_marks(parsed, "category") == _expected_marks(db, "category_code")
    provinces = _q(db, "select coalesce(province, ''), count(*) from marts.agg_report_summary group by 1")
    drawn = {
        m["data-group"]: int(float(m["data-value"]))
        for m in _with_class(parsed, "mark")
        if m["data-chart"] == "reports-by-province"
    }
    assert drawn == dict(provinces)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A real warehouse: the sample reports through the pipeline's own steps (dbt, GX checks, publish)."""
    root = tmp_path_factory.mktemp("report")
    landing = root / "landing"
    landing.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, landing / f.name)
    warehouse = root / "wh" / "fulian.duckdb"
    run_in_process(str(landing), str(warehouse), "report-test-run")
    return warehouse


@pytest.fixture(scope="module")
def report(published: Path) -> tuple[Path, str, _Elements]:
    path = render_report(published)
    html = path.read_text(encoding="utf-8")
    return path, html, _parse(html)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, installed by the suite itself when missing (never downloaded by a test tool)."""
    subprocess.run([str(ROOT / "scripts" / "ensure_chromium.sh")], check=True, timeout=900)
    assert CHROMIUM.exists()
    return CHROMIUM


def _headless(browser: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [
        str(browser),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=True)


def test_report_is_written_next_to_the_warehouse_and_read_only(published, report) -> None:
    path, html, _ = report
    assert path == published.parent / "report.html"
    assert html.startswith("<!DOCTYPE html>")
    with duckdb.connect(str(published)) as con:  # a writer can open it: the report left no connection
        assert con.execute("select count(*) from marts.fct_facts").fetchone()[0] > 0


def test_report_is_self_contained(report) -> None:
    _, html, parsed = report
    lowered = html.lower()
    assert "http://" not in lowered and "https://" not in lowered
    assert "<script" not in lowered and "<link" not in lowered and "@import" not in lowered
    assert "url(" not in lowered
    for _tag, attrs in parsed.tags:
        for name in ("src", "href"):
            assert not attrs.get(name, "").startswith(("//", "http:", "https:")), attrs


def test_headings_and_category_labels_are_bilingual(published, report) -> None:
    _, html, parsed = report
    assert len(parsed.headings) >= 6
    for heading in parsed.headings:
        assert re.search(r"[\u4e00-\u9fff]", heading) and re.search(r"[A-Za-z]{3}", heading), heading
    drawn = {
        m["data-group"].split("|")[0] for m in _with_class(parsed, "mark") if "category:" in m["data-chart"]
    }
    labels = _q(published, "select category_code, label_zh, label_en from marts.dim_category")
    for code, zh, en in labels:
        if code in drawn:
            assert f"{zh} {en}" in html
    for unit_class in ("People 人数", "Person-times 人次", "Money 金额"):
        assert unit_class in html
    assert "至少 / at least" in html  # lower bounds are labelled as such on the bars


def test_chart_marks_equal_the_groups_of_the_mart(published, report) -> None:
    _, _, parsed = report
    _assert_marks_match_mart(parsed, published)
    assert _drawn_marks(parsed, "province"), "no figures charted"
    lower = [m for m in _with_class(parsed, "mark") if m["data-kind"] == "lower_bound"]
    assert lower and all("k-lower" in m["class"] for m in lower)


def test_marks_never_add_unit_classes_or_value_kinds(published, report) -> None:
    _, _, parsed = report
    rows = _q(
        published,
        "select unit_class, province, period_end_year, sum(sum_exact_value), sum(sum_lower_bound_value) "
        "from marts.agg_figures_by_region_year "
        "where statement_kind = 'actual' and period_type = 'single_year' group by all",
    )
    sums = {(c, f"{p or ''}|{'' if y is None else y}", "exact"): e for c, p, y, e, _ in rows}
    sums |= {(c, f"{p or ''}|{'' if y is None else y}", "lower_bound"): lb for c, p, y, _, lb in rows}
    for m in _with_class(parsed, "mark"):
        if m["data-chart"].startswith("province:") and m["data-kind"] in ("exact", "lower_bound"):
            key = (m["data-unit-class"], m["data-group"], m["data-kind"])
            assert float(m["data-value"]) == pytest.approx(sums[key])


def test_largest_figures_table_equals_the_marts_top_values(published, report) -> None:
    _, html, parsed = report
    rows = _with_class(parsed, "top-figure")
    assert rows
    for unit_class in CHART_CLASSES:
        top = _q(
            published,
            f"select value, file_name, value_kind from marts.fct_observations "
            f"where unit_class = '{unit_class}' "
            f"order by value desc, file_name, observation_key limit {TOP_N}",
        )
        shown = [r for r in rows if r["data-unit-class"] == unit_class]
        assert [float(r["data-value"]) for r in shown] == [t[0] for t in top]
        assert [r["data-kind"] for r in shown] == [t[2] for t in top]
        for value, file_name, _kind in top:
            assert fmt_full(value) in html and file_name in html
    best_money = _q(
        published,
        "select value, sentence from marts.fct_observations where unit_class = 'money' "
        "order by value desc limit 1",
    )[0]
    assert f"{int(best_money[0]):,} 元" in html
    assert best_money[1][:10] in html  # the source sentence is shown


def test_indicator_trends_draw_the_yearbook_cells(published, report) -> None:
    """Every cell of the charted indicators is one bar, its value the yearbook's (never a sum)."""
    _, html, parsed = report
    drawn = {
        (m["data-indicator"], m["data-base-unit"], m["data-group"]): float(m["data-value"])
        for m in _with_class(parsed, "mark")
        if m["data-chart"].startswith("yearbook:")
    }
    charted = {code for code, _, _ in drawn}
    assert charted, "no indicator trend charted"
    cells = _q(
        published,
        "select indicator_code, base_unit, place_province, place_city, place_county, year, value "
        "from marts.agg_indicator_yearbook",
    )
    expected = {(code, u, f"{p}|{c}|{k}|{y}"): v for code, u, p, c, k, y, v in cells if code in charted}
    assert drawn == expected
    assert "Indicator trends 指标年度趋势" in html


def test_data_quality_section_shows_the_last_run(published, report) -> None:
    path, html, parsed = report
    run_id, passed, failed, quarantined, rejected = _q(
        published,
        "select run_id, checks_passed, checks_failed, facts_quarantined, files_rejected from dq.runs "
        "order by finished_at desc limit 1",
    )[0]
    assert run_id == "report-test-run" and passed > 0
    status = _with_class(parsed, "status")[0]
    assert status["data-checks-failed"] == str(failed)
    for label, value in (
        ("Checks passed 检查通过", passed),
        ("Checks failed 检查失败", failed),
        ("Facts quarantined 隔离数值", quarantined),
        ("Files rejected 拒收文件", rejected),
    ):
        assert f"<th>{label}</th><td>{value}</td>" in html
    links = [a["href"] for tag, a in parsed.tags if tag == "a"]
    assert "gx_data_docs/index.html" in links
    assert (path.parent / "gx_data_docs" / "index.html").exists()


def test_cli_writes_the_report_where_asked(published, tmp_path) -> None:
    out = tmp_path / "elsewhere" / "r.html"
    assert cli_main(["report", "--warehouse", str(published), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    gx = [a["href"] for tag, a in _parse(html).tags if tag == "a"][0]
    assert (out.parent / gx).resolve() == (published.parent / "gx_data_docs" / "index.html").resolve()


def test_untrusted_text_from_the_warehouse_is_escaped(published, tmp_path) -> None:
    """File names, sentences, alerts and rejected files come from landing files: none may become markup."""
    db = tmp_path / "hostile.duckdb"
    shutil.copy(published, db)
    with duckdb.connect(str(db)) as con:
        run_id = con.execute("select run_id from dq.runs order by finished_at desc limit 1").fetchone()[0]
        key = con.execute(
            "select fact_key from marts.fct_facts join marts.dim_unit using (unit_key) "
            "where unit_class = 'money' order by value desc limit 1"
        ).fetchone()[0]
        con.execute(
            "update marts.fct_facts set file_name = $1, sentence = $1 || sentence where fact_key = $2",
            [HOSTILE, key],
        )
        con.execute(
            "update marts.fct_observations set file_name = $1, sentence = $1 || sentence "
            "where observation_key = (select observation_key from marts.fct_facts where fact_key = $2)",
            [HOSTILE, key],
        )
        con.execute("insert into raw.rejected_files values ($1, 'x', 0, $1, $2, now())", [HOSTILE, run_id])
        con.execute("insert into dq.alerts values ($1, $2, 'warning', [$2], $2, now())", [run_id, HOSTILE])
    html = render_report(db, tmp_path / "hostile.html").read_text(encoding="utf-8")
    assert "<img" not in html and "<script" not in html
    assert html.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;") >= 4


def test_chromium_renders_the_report_with_every_mark(published, report, chromium, tmp_path) -> None:
    path, _, _ = report
    url = path.resolve().as_uri()
    dom = _headless(chromium, tmp_path / "profile-dom", "--dump-dom", url).stdout
    rendered = _parse(dom)
    _assert_marks_match_mart(rendered, published)
    assert len(_with_class(rendered, "tile")) == 34

    shot = tmp_path / "report.png"
    _headless(chromium, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1400,2000", url)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 2000)
    assert len(data) > 50_000  # charts and text, not a blank page
    if os.environ.get("FULIAN_UPDATE_SCREENSHOTS"):  # refresh the README's image on request
        shutil.copy(shot, ROOT / "docs" / "report.png")
