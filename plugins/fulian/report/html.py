"""The analysts' report: one self-contained HTML page (inline SVG charts, no scripts, no fetches).

Why self-contained: the page is mailed, archived and opened on machines without network access, so
everything it needs (styles, charts) is inside the file. Why SVG drawn here: no chart library to
vendor or download, and every mark carries `class="mark"` and `data-*` attributes so tests can count
what was drawn and compare it with the marts.

Rules the charts keep: values are only added within one unit class and one base unit (people are never
added to yuan), and exact values, lower bounds ("at least"), approximate values and upper bounds are
drawn as separate bars, never added together. Sums and rankings count observations, not mentions: a
figure a report restates is counted once, and a 其中 sub-total is never added to its whole
(agg_figures_by_region_year, fct_observations). Indicator trends come from the yearbook
(agg_indicator_yearbook): one value per indicator, place and year, never a sum. All text read from the
warehouse is escaped: file names and sentences come from untrusted landing files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import duckdb

from fulian.dq.expectations import data_docs_dir
from fulian.warehouse.database import has_table, read_only

# Unit classes whose values are charted and ranked: additive counts with one base unit each.
CHART_CLASSES = ("people", "person_times", "money", "households")
TOP_N = 8

UNIT_CLASSES = {
    "people": ("人数", "People"),
    "person_times": ("人次", "Person-times"),
    "money": ("金额", "Money"),
    "households": ("户数", "Households"),
    "events": ("场次", "Events"),
    "items": ("件数", "Items"),
    "organisations": ("组织数", "Organisations"),
    "duration": ("时长", "Duration"),
    "percent": ("比率", "Percent"),
    "other": ("其他", "Other"),
}

# value_kind -> (Chinese, English, CSS class); the order is the bar order within a group.
KINDS = {
    "exact": ("精确", "exact", "k-exact"),
    "lower_bound": ("至少", "at least (lower bound)", "k-lower"),
    "approximate": ("约", "about (approximate)", "k-approx"),
    "upper_bound": ("不足", "under (upper bound)", "k-upper"),
}

# Province name prefix -> (English, column, row) on a rough tile map of China.
PROVINCES = {
    "黑龙江": ("Heilongjiang", 8, 0),
    "内蒙古": ("Inner Mongolia", 5, 1),
    "北京": ("Beijing", 6, 1),
    "天津": ("Tianjin", 7, 1),
    "吉林": ("Jilin", 8, 1),
    "新疆": ("Xinjiang", 1, 2),
    "甘肃": ("Gansu", 3, 2),
    "宁夏": ("Ningxia", 4, 2),
    "山西": ("Shanxi", 5, 2),
    "河北": ("Hebei", 6, 2),
    "山东": ("Shandong", 7, 2),
    "辽宁": ("Liaoning", 8, 2),
    "西藏": ("Tibet", 1, 3),
    "青海": ("Qinghai", 2, 3),
    "四川": ("Sichuan", 3, 3),
    "陕西": ("Shaanxi", 4, 3),
    "河南": ("Henan", 5, 3),
    "安徽": ("Anhui", 6, 3),
    "江苏": ("Jiangsu", 7, 3),
    "上海": ("Shanghai", 8, 3),
    "云南": ("Yunnan", 2, 4),
    "贵州": ("Guizhou", 3, 4),
    "重庆": ("Chongqing", 4, 4),
    "湖北": ("Hubei", 5, 4),
    "江西": ("Jiangxi", 6, 4),
    "浙江": ("Zhejiang", 7, 4),
    "广西": ("Guangxi", 3, 5),
    "湖南": ("Hunan", 4, 5),
    "广东": ("Guangdong", 5, 5),
    "福建": ("Fujian", 6, 5),
    "台湾": ("Taiwan", 7, 5),
    "海南": ("Hainan", 4, 6),
    "澳门": ("Macao", 5, 6),
    "香港": ("Hong Kong", 6, 6),
}

UNKNOWN = "unknown 未知"


@dataclass(frozen=True)
class Mark:
    """One bar: a group (e.g. province and year), one value kind, the summed value and its fact count."""

    group: str
    kind: str
    value: float
    count: int


# ----------------------------------------------------------------------------------------------- labels


def province_english(province: str | None) -> str | None:
    """The English (pinyin) name of a province, matched on its prefix (山东省, 内蒙古自治区 ...)."""
    for prefix, (english, _col, _row) in PROVINCES.items():
        if province and province.startswith(prefix):
            return english
    return None


def province_label(province: str | None) -> str:
    """`山东省 Shandong`; a missing province (region not recognised) reads `unknown 未知`."""
    if not province:
        return UNKNOWN
    english = province_english(province)
    return f"{province} {english}" if english else province


def year_label(year: int | None) -> str:
    """Reports without a recognised year stay visible instead of being dropped."""
    return str(year) if year is not None else "year unknown 年份不详"


def unit_class_label(unit_class: str) -> str:
    """`People 人数`: unit classes are the project's own names, so they get fixed translations."""
    zh, en = UNIT_CLASSES.get(unit_class, (unit_class, unit_class))
    return f"{en} {zh}"


def group_key(*parts: object) -> str:
    """The `data-group` value: parts joined by `|`, a missing part as the empty string."""
    return "|".join("" if p is None else str(p) for p in parts)


def fmt_full(value: float) -> str:
    """Grouped digits, decimals only when the figure has them (tables show figures as reported)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_compact(value: float) -> str:
    """Short bar labels readable in both languages: `19.5亿 (1.95 bn)`, `1.2万 (12k)`."""
    if value >= 1e8:
        return f"{value / 1e8:.3g}亿 ({_english_compact(value)})"
    if value >= 1e4:
        return f"{value / 1e4:.3g}万 ({_english_compact(value)})"
    return fmt_full(round(value, 2))


def _period_label(row: dict) -> str:
    """The years a figure covers and, unless it is an actual, its kind: 2022; 2016–2020; to 2022 · target."""
    start, end = row.get("period_start_year"), row.get("year")
    if end is None:
        years = year_label(None)
    elif start is None:
        years = f"to {end}"
    elif start == end:
        years = str(end)
    else:
        years = f"{start}–{end}"
    kind = row.get("statement_kind")
    return years if kind in (None, "actual") else f"{years} · {kind}"


def _english_compact(value: float) -> str:
    for size, suffix in ((1e9, " bn"), (1e6, " m"), (1e3, "k")):
        if value >= size:
            return f"{value / size:.3g}{suffix}"
    return fmt_full(value)


# ----------------------------------------------------------------------------------------------- reading


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


FIGURES_SQL = """
    select unit_class, base_unit, {dim} as grp, period_end_year as year,
           sum(exact_count) as exact_count, sum(lower_bound_count) as lower_bound_count,
           sum(approximate_count) as approximate_count, sum(upper_bound_count) as upper_bound_count,
           sum(sum_exact_value) as exact_value, sum(sum_lower_bound_value) as lower_bound_value,
           sum(sum_approximate_value) as approximate_value, sum(sum_upper_bound_value) as upper_bound_value
    from marts.agg_figures_by_region_year
    where unit_class in ({classes}) and statement_kind = 'actual' and period_type = 'single_year'
    group by all
    order by unit_class, base_unit, grp nulls last, year nulls last
"""

LARGEST_SQL = """
    select * from (
        select o.unit_class, o.base_unit, o.value, o.unit, o.value_kind, o.fact_text, o.sentence,
               o.file_name, o.period_start_year, o.period_end_year as year, o.statement_kind,
               o.category_code, o.mention_count, c.label_zh, c.label_en, r.province, r.city,
               row_number() over (partition by o.unit_class, o.base_unit
                                  order by o.value desc, o.file_name, o.observation_key) as rank
        from marts.fct_observations as o
        left join marts.dim_category as c on o.category_key = c.category_key
        left join marts.dim_region as r on o.place_region_key = r.region_key
        where o.unit_class in ({classes})
    )
    where rank <= {top}
    order by unit_class, base_unit, rank
"""

# Indicators charted from the yearbook: those with the most cells (indicator x place x year), up to this many.
TREND_INDICATORS = 12

YEARBOOK_SQL = """
    with ranked as (
        select indicator_code, count(*) as cells, count(distinct year) as years
        from marts.agg_indicator_yearbook
        group by 1
        order by years desc, cells desc, indicator_code
        limit {top}
    )
    select y.indicator_code, y.indicator_name_zh, y.indicator_name_en, y.aggregation, y.base_unit,
           y.place_province, y.place_city, y.place_county, y.place_level, y.year, y.value, y.value_kind,
           y.reports_count, y.values_agree
    from marts.agg_indicator_yearbook as y
    join ranked using (indicator_code)
    order by ranked.years desc, ranked.cells desc, y.indicator_code, y.place_level, y.place_province,
             y.place_city, y.place_county, y.base_unit, y.year
"""


TARGETS_SQL = """
    select r.province, r.city, t.period_end_year as year, t.target_metric, t.target_text, t.actual_text,
           t.attainment, t.target_file_name, t.actual_file_name
    from marts.fct_target_outcomes as t
    left join marts.dim_region as r on t.place_region_key = r.region_key
    order by r.province nulls last, r.city nulls last, year, t.target_metric
    limit 200
"""


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def targets_table(rows: list[dict]) -> str:
    """Each target beside the outcome stated for the same place, thing and years (never added)."""
    if not rows:
        return "<p>No report states both a target and its outcome yet. 尚无同时载明目标与完成情况的数值。</p>"
    body = "".join(
        f'<tr class="target-outcome"><td>{escape(province_label(r["province"]))} '
        f"{escape(r['city'] or '')}</td>"
        f"<td>{escape(year_label(r['year']))}</td><td>{escape(r['target_metric'] or '')}</td>"
        f'<td class="num">{escape(r["target_text"])}</td><td class="num">{escape(r["actual_text"])}</td>'
        f'<td class="num">{_share(r["attainment"])}</td></tr>'
        for r in rows
    )
    head = (
        "<tr><th>Region 地区</th><th>Year 年份</th><th>Target 目标</th><th>Promised 目标值</th>"
        "<th>Done 完成值</th><th>Attained 完成比例</th></tr>"
    )
    return f'<table class="targets"><thead>{head}</thead><tbody>{body}</tbody></table>'


def figure_rows(con: duckdb.DuckDBPyConnection, dim: str) -> list[dict]:
    """agg_figures_by_region_year summed by unit class, base unit, `dim` and year (never across units)."""
    classes = ", ".join(f"'{c}'" for c in CHART_CLASSES)
    return _rows(con, FIGURES_SQL.format(dim=dim, classes=classes))


def largest_rows(con: duckdb.DuckDBPyConnection, top: int = TOP_N) -> list[dict]:
    """The `top` largest facts per charted unit class and base unit, with their sentence and file."""
    classes = ", ".join(f"'{c}'" for c in CHART_CLASSES)
    rows = _rows(con, LARGEST_SQL.format(classes=classes, top=int(top)))
    return sorted(rows, key=lambda r: (CHART_CLASSES.index(r["unit_class"]), r["base_unit"], r["rank"]))


def yearbook_rows(con: duckdb.DuckDBPyConnection, top: int = TREND_INDICATORS) -> list[dict]:
    """The yearbook cells of the `top` indicators stated for the most years (then the most cells)."""
    if not has_table(con, "marts", "agg_indicator_yearbook"):
        return []
    return _rows(con, YEARBOOK_SQL.format(top=int(top)))


def load_report_data(warehouse: Path) -> dict:
    """Everything the page shows, read in one read-only connection that is closed before rendering."""
    with read_only(warehouse) as con:
        data = {
            "by_province": figure_rows(con, "province"),
            "by_category": figure_rows(con, "category_code"),
            "largest": largest_rows(con),
            "categories": {r["category_code"]: r for r in _rows(con, "select * from marts.dim_category")},
            "reports": _rows(
                con,
                "select province, count(*) as reports, sum(fact_count) as facts "
                "from marts.agg_report_summary group by 1 order by 2 desc, 1 nulls last",
            ),
            "class_counts": _rows(
                con,
                "select u.unit_class, count(*) as facts, count(distinct u.base_unit) as base_units "
                "from marts.fct_facts as f join marts.dim_unit as u on f.unit_key = u.unit_key "
                "group by 1 order by 2 desc, 1",
            ),
            "targets": _rows(con, TARGETS_SQL) if has_table(con, "marts", "fct_target_outcomes") else [],
            "yearbook": yearbook_rows(con),
            "totals": _rows(
                con,
                "select (select count(*) from marts.agg_report_summary) as reports, "
                "(select count(*) from marts.fct_facts) as facts, "
                "(select count(*) from marts.fct_observations) as observations",
            )[0],
        }
        data.update(_quality_data(con))
    return data


def _quality_data(con: duckdb.DuckDBPyConnection) -> dict:
    """The last run's dq.runs row, its alerts, quarantined facts and rejected files."""
    runs = _rows(con, "select * from dq.runs order by finished_at desc nulls last limit 1")
    if not runs:
        return {"run": None, "alerts": [], "quarantined": [], "rejected": []}
    run_id = runs[0]["run_id"]
    rejected = []
    if has_table(con, "raw", "rejected_files"):
        rejected = _rows(
            con, "select file_name, reason from raw.rejected_files where run_id = $1 order by 1", [run_id]
        )
    return {
        "run": runs[0],
        "alerts": _rows(
            con,
            "select check_name, severity, file_names, message from dq.alerts where run_id = $1 "
            "order by severity, check_name",
            [run_id],
        ),
        "quarantined": _rows(
            con,
            "select kind, file_name, fact_text, check_name, reason from dq.quarantine where run_id = $1 "
            "order by kind, file_name, check_name limit 50",
            [run_id],
        ),
        "rejected": rejected,
    }


# ----------------------------------------------------------------------------------------------- charts


def marks_from_rows(rows: list[dict]) -> list[Mark]:
    """One mark per group and value kind that has at least one fact (kinds are never added together)."""
    marks = []
    for row in rows:
        for kind in KINDS:
            count = int(row[f"{kind}_count"] or 0)
            if count:
                key = group_key(row["grp"], row["year"])
                marks.append(Mark(key, kind, float(row[f"{kind}_value"] or 0.0), count))
    return marks


def bar_chart_svg(
    chart: str,
    attrs: dict[str, str],
    labels: dict[str, str],
    marks: list[Mark],
    widths: tuple[int, int, int] = (300, 440, 190),
    counted: str = "figures 条",
) -> str:
    """Horizontal grouped bars: one row of bars per group (in `labels` order), one bar per value kind.

    `attrs` become `data-*` attributes of every mark, so a reader of the DOM can tell the charts apart;
    `widths` are those of the label column, the bars and the value labels; `counted` names what a
    mark's count counts in its tooltip.
    """
    (label_w, bar_w, value_w), bar_h, gap = widths, 14, 10
    kinds_in_chart = [k for k in KINDS if any(m.kind == k for m in marks)]
    top = max((m.value for m in marks), default=0.0) or 1.0
    extra = "".join(f' data-{escape(k)}="{escape(v)}"' for k, v in {"chart": chart, **attrs}.items())
    parts, y = [], 6
    for key, label in labels.items():
        group_marks = {m.kind: m for m in marks if m.group == key}
        if not group_marks:
            continue
        rows = [k for k in kinds_in_chart if k in group_marks]
        height = len(rows) * (bar_h + 2)
        parts.append(
            f'<text class="group-label" x="{label_w - 8}" y="{y + height / 2 + 4:.1f}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        for i, kind in enumerate(rows):
            m = group_marks[kind]
            zh, en, css = KINDS[kind]
            width = max(1.0, bar_w * m.value / top)
            by = y + i * (bar_h + 2)
            prefix = "" if kind == "exact" else f"{zh} / {en.split(' (')[0]} "
            tip = f"{label}: {prefix}{fmt_full(m.value)} ({m.count} {counted})"
            parts.append(
                f'<rect class="mark {css}" x="{label_w}" y="{by}" width="{width:.1f}" height="{bar_h}"'
                f'{extra} data-group="{escape(key)}" data-kind="{kind}" data-value="{m.value!r}" '
                f'data-count="{m.count}"><title>{escape(tip)}</title></rect>'
                f'<text class="value" x="{label_w + width + 4:.1f}" y="{by + bar_h - 3}">'
                f"{escape(prefix + fmt_compact(m.value))}</text>"
            )
        y += height + gap
    total_w = label_w + bar_w + value_w
    return (
        f'<svg class="chart" data-chart="{escape(chart)}" '
        f'width="{total_w}" height="{y}" viewBox="0 0 {total_w} {y}" role="img">'
        f"{''.join(parts)}</svg>"
    )


def legend_html() -> str:
    """The value-kind legend: lower bounds are explicitly 'at least', not totals."""
    items = "".join(
        f'<span class="legend-item"><span class="swatch {css}"></span>{escape(en)} {escape(zh)}</span>'
        for zh, en, css in KINDS.values()
    )
    return f'<p class="legend">{items}</p>'


def _group_labels(rows: list[dict], name_of) -> dict[str, str]:
    return {group_key(r["grp"], r["year"]): f"{name_of(r['grp'])} · {year_label(r['year'])}" for r in rows}


def _category_name(categories: dict[str, dict]):
    def name(code: str | None) -> str:
        row = categories.get(code or "")
        return f"{row['label_zh']} {row['label_en']}" if row else (code or UNKNOWN)

    return name


def figure_charts(rows: list[dict], dim: str, name_of) -> str:
    """One chart per unit class and base unit, so no bar ever adds people to yuan or households."""
    out = []
    for unit_class in CHART_CLASSES:
        for base_unit in sorted({r["base_unit"] for r in rows if r["unit_class"] == unit_class}):
            chart_rows = [r for r in rows if r["unit_class"] == unit_class and r["base_unit"] == base_unit]
            attrs = {"unit-class": unit_class, "base-unit": base_unit}
            svg = bar_chart_svg(
                f"{dim}:{unit_class}:{base_unit}",
                attrs,
                _group_labels(chart_rows, name_of),
                marks_from_rows(chart_rows),
            )
            out.append(
                f"<figure><figcaption>{escape(unit_class_label(unit_class))} "
                f"({escape(base_unit)})</figcaption>{svg}</figure>"
            )
    return "".join(out) or "<p>No figures yet. 暂无数据。</p>"


AGGREGATIONS = {
    "flow": ("流量", "flow: adds over places of one level and over years"),
    "stock": ("存量", "stock: adds over places of one level, never over years"),
    "ratio": ("比率", "ratio: never added"),
}


def place_label(row: dict) -> str:
    """`山东省 Shandong 东营市` for a yearbook cell; a national figure reads `全国 national`."""
    if not row["place_province"]:
        return "全国 national"
    return " ".join(
        p for p in (province_label(row["place_province"]), row["place_city"], row["place_county"]) if p
    )


def yearbook_charts(rows: list[dict]) -> str:
    """One chart per indicator (and base unit): a bar per place and year, the yearbook's one value.

    Bars are cells, never sums: restatements are already one cell, and no two places are added.
    """
    out = []
    charts: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        charts.setdefault((r["indicator_code"], r["base_unit"] or ""), []).append(r)
    for (code, base_unit), chart_rows in charts.items():
        first = chart_rows[0]
        labels, marks = {}, []
        for r in chart_rows:
            place = group_key(r["place_province"], r["place_city"], r["place_county"])
            key = group_key(place, r["year"])
            agree = "" if r["values_agree"] else " ≠"
            labels[key] = f"{place_label(r)} · {year_label(r['year'])}{agree}"
            marks.append(Mark(key, r["value_kind"], float(r["value"]), int(r["reports_count"])))
        zh, how = AGGREGATIONS.get(first["aggregation"], (first["aggregation"], first["aggregation"]))
        svg = bar_chart_svg(
            f"yearbook:{code}:{base_unit}",
            {"indicator": code, "aggregation": first["aggregation"], "base-unit": base_unit},
            labels,
            marks,
            counted="reports 份报告",
        )
        out.append(
            f'<figure class="trend" data-indicator="{escape(code)}"><figcaption>'
            f"{escape(first['indicator_name_en'] or code)} {escape(first['indicator_name_zh'] or '')} "
            f"({escape(base_unit)}; {escape(how)} {escape(zh)})</figcaption>{svg}</figure>"
        )
    return "".join(out) or "<p>No indicator is stated for a place and year yet. 暂无指标年度数据。</p>"


def reports_chart(reports: list[dict]) -> str:
    """Current reports per province as bars (one mark per province in agg_report_summary)."""
    marks = [Mark(r["province"] or "", "exact", float(r["reports"]), int(r["reports"])) for r in reports]
    labels = {r["province"] or "": province_label(r["province"]) for r in reports}
    return bar_chart_svg("reports-by-province", {"unit-class": "reports"}, labels, marks, (170, 160, 40))


def province_grid(reports: list[dict]) -> str:
    """A map-like tile grid of all provinces, shaded by the number of reports from each."""
    counts = {}
    for r in reports:
        english = province_english(r["province"])
        if english:
            counts[english] = counts.get(english, 0) + int(r["reports"])
    most = max(counts.values(), default=1)
    size, pad, tiles = 86, 4, []
    for prefix, (english, col, row) in PROVINCES.items():
        n = counts.get(english, 0)
        shade = f"fill-opacity:{0.5 + 0.5 * n / most:.2f}" if n else ""
        x, y, mid = col * (size + pad), row * (size + pad), col * (size + pad) + size / 2
        texts = ((30, "tile-zh", prefix), (48, "tile-en", english), (70, "tile-n", str(n or "")))
        tiles.append(
            f'<g class="tile{" has-reports" if n else ""}" data-province="{escape(english)}" '
            f'data-reports="{n}"><rect x="{x}" y="{y}" width="{size}" height="{size}" rx="6" '
            f'style="{shade}"/>'
            + "".join(
                f'<text x="{mid}" y="{y + dy}" text-anchor="middle" class="{css}">{escape(t)}</text>'
                for dy, css, t in texts
            )
            + "</g>"
        )
    width, height = 9 * (size + pad), 7 * (size + pad)
    return (
        f'<svg class="grid-map" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">{"".join(tiles)}</svg>'
    )


# ----------------------------------------------------------------------------------------------- tables


def _highlight(sentence: str | None, fact_text: str | None) -> str:
    """The source sentence, escaped, with the figure's own text marked (escaped part by part)."""
    sentence = sentence or ""
    if fact_text and fact_text in sentence:
        before, _, after = sentence.partition(fact_text)
        return f"{escape(before)}<mark>{escape(fact_text)}</mark>{escape(after)}"
    return escape(sentence)


def _value_cell(row: dict) -> str:
    zh, en, _css = KINDS.get(row["value_kind"], ("", row["value_kind"], ""))
    prefix = "" if row["value_kind"] == "exact" else f"{zh} {en.split(' (')[0]} "
    return f"{escape(prefix)}{fmt_full(row['value'])} {escape(row['base_unit'])}"


def largest_table(rows: list[dict]) -> str:
    """The largest figures per unit class, each with its sentence and report file (to check at source)."""
    body, current = [], None
    for r in rows:
        if (r["unit_class"], r["base_unit"]) != current:
            current = (r["unit_class"], r["base_unit"])
            body.append(
                f'<tr class="class-row"><th colspan="6">{escape(unit_class_label(r["unit_class"]))} '
                f"({escape(r['base_unit'])})</th></tr>"
            )
        category = f"{r['label_zh'] or ''} {r['label_en'] or r['category_code'] or ''}".strip()
        place = " ".join(p for p in (province_label(r["province"]), r["city"]) if p)
        body.append(
            f'<tr class="top-figure" data-unit-class="{escape(r["unit_class"])}" '
            f'data-base-unit="{escape(r["base_unit"])}" data-rank="{r["rank"]}" data-value="{r["value"]!r}" '
            f'data-kind="{escape(r["value_kind"])}">'
            f'<td class="num">{_value_cell(r)}</td><td>{escape(category)}</td><td>{escape(place)}</td>'
            f"<td>{escape(_period_label(r))}</td>"
            f'<td class="sentence">{_highlight(r["sentence"], r["fact_text"])}</td>'
            f'<td class="file"><code>{escape(r["file_name"] or "")}</code></td></tr>'
        )
    head = (
        "<tr><th>Figure 数值</th><th>Category 类别</th><th>Region 地区</th><th>Year 年份</th>"
        "<th>Source sentence 原文</th><th>Report file 报告文件</th></tr>"
    )
    return f'<table class="largest"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'


def class_counts_table(rows: list[dict]) -> str:
    """How many figures each unit class holds, charted or not, so nothing silently disappears."""
    body = "".join(
        f"<tr><td>{escape(unit_class_label(r['unit_class']))}</td><td class='num'>{r['facts']}</td>"
        f"<td class='num'>{r['base_units']}</td>"
        f"<td>{'charted 已绘图' if r['unit_class'] in CHART_CLASSES else 'counted only 仅计数'}</td></tr>"
        for r in rows
    )
    head = (
        "<tr><th>Unit class 单位类别</th><th>Figures 数值条数</th><th>Base units 基本单位数</th>"
        "<th></th></tr>"
    )
    return f'<table class="classes"><thead>{head}</thead><tbody>{body}</tbody></table>'


def quality_section(data: dict, docs_href: str, docs_exist: bool) -> str:
    """The last run's data-quality status and where to read the full GX results."""
    run = data["run"]
    link = (
        f'<p><a href="{escape(docs_href)}">Great Expectations Data Docs 数据质量报告</a>'
        f"{'' if docs_exist else ' (not generated yet 尚未生成)'}</p>"
    )
    if run is None:
        return f"<p>No run recorded yet. 尚无运行记录。</p>{link}"
    failed, rejected = run["checks_failed"], run["files_rejected"] or 0
    checked = run["checks_passed"] is not None
    ok = checked and not failed and not rejected
    status = (
        "passed 通过"
        if ok
        else ("checks skipped (nothing new) 未检查" if not checked else "attention 需关注")
    )
    cells = [
        ("Run 运行", run["run_id"]),
        ("Finished 完成时间", run["finished_at"]),
        ("Files read 读取文件", run["files_read"]),
        ("Reports added 新增报告", run["reports_added"]),
        ("Facts added 新增数值", run["facts_added"]),
        ("Checks passed 检查通过", run["checks_passed"] if checked else "—"),
        ("Checks failed 检查失败", failed if checked else "—"),
        ("Facts quarantined 隔离数值", run["facts_quarantined"] if checked else "—"),
        ("Files rejected 拒收文件", rejected),
    ]
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in cells)
    out = [
        f'<p class="status {"ok" if ok else "warn"}" data-checks-failed="{failed if checked else ""}">'
        f"Status 状态: {escape(status)}</p>",
        f'<table class="dq">{rows}</table>',
        link,
    ]
    out.append(_list_table("Alerts 告警", ("severity", "check_name", "message"), data["alerts"]))
    out.append(_list_table("Rejected files 拒收文件", ("file_name", "reason"), data["rejected"]))
    out.append(
        _list_table(
            "Quarantined 隔离 (first 50)",
            ("kind", "file_name", "fact_text", "check_name", "reason"),
            data["quarantined"],
        )
    )
    return "".join(out)


def _list_table(title: str, columns: tuple[str, ...], rows: list[dict]) -> str:
    if not rows:
        return f"<p><strong>{escape(title)}</strong>: none 无</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if r[c] is None else str(r[c]))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    return f"<h3>{escape(title)}</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# ----------------------------------------------------------------------------------------------- page

STYLE = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;
 margin:24px auto;max-width:1300px;color:#1a202c;padding:0 16px}
h1{font-size:26px;margin-bottom:4px} h2{margin-top:36px;border-bottom:2px solid #e2e8f0;padding-bottom:4px}
.meta{color:#4a5568} figure{margin:12px 0 20px} figcaption{font-weight:bold;margin-bottom:4px}
.chart text{font-size:12px;fill:#2d3748} .chart .value{fill:#4a5568}
.k-exact{fill:#2b6cb0;background:#2b6cb0} .k-lower{fill:#ed8936;background:#ed8936}
.k-approx{fill:#9f7aea;background:#9f7aea} .k-upper{fill:#718096;background:#718096}
.legend-item{margin-right:18px} .swatch{display:inline-block;width:14px;height:12px;margin-right:4px;
 vertical-align:middle}
table{border-collapse:collapse;margin:8px 0;font-size:13px} th,td{border:1px solid #e2e8f0;padding:4px 8px;
 text-align:left;vertical-align:top} .num{text-align:right;white-space:nowrap}
.largest .sentence{max-width:520px} .class-row th{background:#edf2f7} mark{background:#fefcbf}
.grid-map rect{fill:#edf2f7;stroke:#cbd5e0} .grid-map .has-reports rect{fill:#2b6cb0}
.grid-map text{font-size:12px;fill:#2d3748} .grid-map .has-reports text{fill:#fff;font-weight:bold}
.grid-map .tile-n{font-size:16px} .status{font-size:18px;font-weight:bold}
.status.ok{color:#276749} .status.warn{color:#c05621} code{font-size:12px}
.cols{display:flex;gap:32px;flex-wrap:wrap;align-items:flex-start}
"""


def render_html(data: dict, warehouse: Path, docs_href: str, docs_exist: bool) -> str:
    """The whole page as one string: styles inline, charts as inline SVG, no scripts."""
    name_of_category = _category_name(data["categories"])
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    totals = data["totals"]
    sections = [
        "<h2>1. Figures by province 各省数值</h2>",
        "<p>Sums of the figures done in each province and year (actual single-year figures only: targets, "
        "changes and multi-year or to-date totals are never added to them), one chart per unit class: "
        "people are never "
        "added to yuan. Lower bounds (&ldquo;more than N&rdquo;, 余/多/以上) are summed separately and read "
        "&ldquo;at least&rdquo;. 按单位类别分别作图；下限值（“至少”）单独列出，不与精确值相加。</p>",
        legend_html(),
        figure_charts(data["by_province"], "province", province_label),
        "<h2>2. Figures by category 各类别数值</h2>",
        legend_html(),
        figure_charts(data["by_category"], "category", name_of_category),
        "<h3>Figures per unit class 各单位类别数值条数</h3>",
        class_counts_table(data["class_counts"]),
        "<h2>3. Largest figures 最大数值</h2>",
        f"<p>The {TOP_N} largest figures of each charted unit class, with the sentence they were read from; "
        "a figure a report restates is listed once. "
        f"各类别最大的 {TOP_N} 个数值及其原文（重复提及只列一次）。</p>",
        largest_table(data["largest"]),
        "<h2>4. Indicator trends 指标年度趋势</h2>",
        "<p>The yearbook: one value per indicator, place and year (actual single-year figures). When "
        "several reports state the same figure, it is one bar (the latest report's value; the tooltip "
        "counts the reports, ≠ marks reports that disagree). Bars are never added: a province's value "
        "already holds its cities'. 指标年鉴：每个指标、地区、年份一个数值；多份报告重复的数值只计一次，"
        "≠ 表示各报告数值不一致。</p>",
        legend_html(),
        yearbook_charts(data.get("yearbook", [])),
        "<h2>5. Targets and outcomes 目标与完成</h2>",
        "<p>Each target a report states (计划, 力争, 确保…) beside the actual figure stated for the "
        "same place, category, unit and years; targets are never added to results. "
        "目标值与同地区、同类别、同年份的完成值对照，二者从不相加。</p>",
        targets_table(data["targets"]),
        "<h2>6. Reports per region 各地区报告数</h2>",
        f'<div class="cols"><div>{reports_chart(data["reports"])}</div>'
        f"<div>{province_grid(data['reports'])}</div></div>",
        "<h2>7. Data quality of the last run 最近一次运行的数据质量</h2>",
        quality_section(data, docs_href, docs_exist),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        "<title>fulian report 妇联工作报告数据</title>"
        f"<style>{STYLE}</style></head><body>"
        "<h1>Women's federation report figures 妇联工作报告数据</h1>"
        f'<p class="meta">{totals["reports"]} reports 份报告 · {totals["facts"]} figures 条数值 '
        f"({totals['observations']} distinct 不重复) · "
        f"warehouse <code>{escape(str(warehouse))}</code> · generated 生成于 {generated}</p>"
        f"{''.join(sections)}</body></html>\n"
    )


def render_report(warehouse: Path, out: Path | None = None) -> Path:
    """Write the report (default: `report.html` next to the warehouse) and return its path."""
    warehouse = Path(warehouse)
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}")
    out = Path(out) if out is not None else warehouse.parent / "report.html"
    data = load_report_data(warehouse)
    docs_index = data_docs_dir(warehouse) / "index.html"
    docs_href = Path(os.path.relpath(docs_index.resolve(), out.resolve().parent)).as_posix()
    html = render_html(data, warehouse, docs_href, docs_index.exists())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)
    return out
