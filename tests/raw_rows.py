"""The raw rows both dbt test suites load (DuckDB and PostgreSQL), in one place.

A small, realistic raw layer: three reports (one city, one province-wide, one without any region),
eleven facts, one quarantined fact; then a second version of one file and another quarantined fact.
Facts of day one carry no indicator or observation label (as extracted before 1.4: each its own
observation); the second version of dongying.txt does. `load_restatements` adds a later report that
restates figures, states a 其中 sub-total and a ratio, for the observation and yearbook marts.
SQL uses `?` placeholders; `pyformat` adapts it for psycopg2.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

H_DY1 = "1" * 64  # 东营市妇联 report, first version of dongying.txt
H_DY2 = "2" * 64  # second version of dongying.txt
H_GD = "3" * 64  # 广东省妇联, province-wide report
H_NONE = "4" * 64  # a bulletin without region or organisation
H_DY25 = "5" * 64  # 东营市妇联's 2025 report, looking back at 2024 (load_restatements)

T1 = datetime(2026, 1, 1, 8, 0)
T2 = datetime(2026, 1, 2, 8, 0)

# (fact_index, text, value, unit, qualifier, metric, category, start)
DY_FACTS = [
    (0, "1200名", 1200.0, "名", "exact", "培训妇女", "people_trained", 10),
    (1, "30余场", 30.0, "场", "over", "开展宣讲活动", "events_held", 40),
    (2, "1.2亿元", 120000000.0, "元", "exact", "发放巾帼创业贷款", "loans", 70),
    (3, "约500户", 500.0, "户", "about", "评选美丽庭院", "households", 100),
    (4, "380%", 380.0, "%", "exact", "美丽庭院建成率", "rate", 130),  # quarantined from the start
]
GD_FACTS = [
    (0, "7.55萬人次", 75500.0, "人次", "exact", "服务妇女儿童", "people_served", 5),
    (1, "不足100个", 100.0, "个", "under", "建成巾帼示范基地", "organisations", 30),
    (2, "2000多名", 2000.0, "名", "over", "巾帼志愿者", "volunteers", 60),
    (3, "15个学时", 15.0, "学时", "exact", "培训课程", "training_sessions", 90),
]
NONE_FACTS = [
    (0, "12件", 12.0, "件", "exact", "调处矛盾纠纷", "cases", 3),
    (1, "3坨", 3.0, "坨", "exact", "发放物品", "weird_category", 20),  # unit and category not in seeds
]
DY2_FACTS = [
    (0, "1300名", 1300.0, "名", "exact", "培训妇女", "people_trained", 10),
    (1, "35场", 35.0, "场", "exact", "开展宣讲活动", "events_held", 40),
    (2, "1.5亿元", 150000000.0, "元", "exact", "发放巾帼创业贷款", "loans", 70),
    (3, "近600户", 600.0, "户", "about", "评选美丽庭院", "households", 100),
]
# fact_index -> (indicator, observation, part_of) of dongying.txt's second version
DY2_LABELS = {
    0: ("women_trained", "o1", ""),
    1: ("", "o2", ""),
    2: ("loans_amount", "o3", ""),
    3: ("", "o4", ""),
}
# 东营市妇联's 2025 report on 2024: the loans of dongying.txt again (title and body: one observation),
# a 其中 sub-total of them, aid per person (a ratio indicator, in yuan, of one county: DY25_PLACES)
# beside aid money (a flow), women trained stated otherwise than dongying.txt did (1250, not 1300), and a
# growth rate below zero (a level, not a change, yet negative: the marts' non-negative checks pass it).
DY25_FACTS = [
    (0, "1.5亿元", 150000000.0, "元", "exact", "发放巾帼创业贷款", "loans", 5),
    (1, "1.5亿元", 150000000.0, "元", "exact", "发放巾帼创业贷款", "loans", 40),
    (2, "3000万元", 30000000.0, "元", "exact", "创业担保贷款", "loans", 60),
    (3, "2000元", 2000.0, "元", "exact", "人均救助", "funds", 90),
    (4, "50万元", 500000.0, "元", "exact", "发放两癌救助金", "funds", 120),
    (5, "1250名", 1250.0, "名", "exact", "培训妇女", "people_trained", 150),
    (6, "-2.12‰", -2.12, "‰", "exact", "人口自然增长率", "rate", 180),
]
DY25_LABELS = {
    0: ("loans_amount", "o1", ""),
    1: ("loans_amount", "o1", ""),
    2: ("loans_amount", "o2", "o1"),
    3: ("aid_per_person_amount", "o3", ""),
    4: ("two_cancer_aid_amount", "o4", ""),
    5: ("women_trained", "o5", ""),
    6: ("", "o6", ""),
}
# fact_index -> its own place where it is not the report's (a county of the city report)
DY25_PLACES = {3: ("山东省", "东营市", "东营区")}


Execute = Callable[[str, list], object]

REPORT_SQL = (
    "insert into raw.reports values (?, ?, 2048, 'utf-8', ?, ?, 'simplified',"
    " ?, ?, ?, ?, ?, null, ?, ?, ?, '0.1.0', ?, ?)"
)
FILE_SQL = "insert into raw.report_files values (?, ?, ?, ?)"
FACT_SQL = (
    "insert into raw.facts (content_hash, fact_index, text, value, unit, qualifier, metric, category,"
    " sentence, start_offset, end_offset, extractor_version, year_from, year_to, kind,"
    " place_province, place_city, place_county, indicator, observation, part_of)"
    " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '0.1.0', ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
QUARANTINE_SQL = (
    "insert into dq.quarantine values (?, 'fact', ?, ?, ?, ?, 'value_in_range', 'impossible value', ?)"
)


def _report(
    execute: Execute,
    content_hash,
    file_name,
    *,
    province,
    city,
    region_code,
    organisation,
    year,
    at,
    run,
    published=None,
):
    title = f"{organisation or '某单位'}{year or ''}年工作总结"
    published = published or (None if year is None else f"{year + 1}-01-15")
    execute(
        REPORT_SQL,
        [
            content_hash,
            file_name,
            "正文",
            "正文",
            title,
            organisation,
            published,
            province,
            city,
            region_code,
            organisation,
            year,
            run,
            at,
        ],
    )
    execute(FILE_SQL, [file_name, content_hash, at, run])


def _facts(
    execute: Execute,
    content_hash,
    rows,
    period=(None, None, "actual"),
    place=(None, None, None),
    labels=None,
    places=None,
) -> None:
    """Insert a report's facts; every one holds for `period` (year_from, year_to, kind) and `place`
    (province, city, county; null as extracted before 1.3) unless `places` maps its fact_index to
    another; `labels` maps a fact_index to its (indicator, observation, part_of), null for facts
    without (as extracted before 1.4)."""
    for index, text, value, unit, qualifier, metric, category, start in rows:
        execute(
            FACT_SQL,
            [
                content_hash,
                index,
                text,
                value,
                unit,
                qualifier,
                metric,
                category,
                f"……{text}……",
                start,
                start + len(text),
                *period,
                *(places or {}).get(index, place),
                *((labels or {}).get(index) or (None, None, None)),
            ],
        )


def _quarantine(execute: Execute, content_hash, file_name, index, text, run, at) -> None:
    execute(QUARANTINE_SQL, [run, file_name, f"{content_hash}:{index}", content_hash, text, at])


DY_PLACE = ("山东省", "东营市", "")

DONGYING = {
    "province": "山东省",
    "city": "东营市",
    "region_code": "370500",
    "organisation": "东营市妇联",
    "year": 2024,
}


def load_day_one(execute: Execute) -> None:
    """Three reports (a city, a province-wide one, one with no region), eleven facts, one quarantined."""
    _report(execute, H_DY1, "dongying.txt", **DONGYING, at=T1, run="run-1")
    _report(
        execute,
        H_GD,
        "guangdong.txt",
        province="广东省",
        city=None,
        region_code=None,
        organisation="广东省妇联",
        year=2025,
        at=T1,
        run="run-1",
    )
    _report(
        execute,
        H_NONE,
        "bulletin.txt",
        province=None,
        city=None,
        region_code=None,
        organisation=None,
        year=None,
        at=T1,
        run="run-1",
    )
    _facts(execute, H_DY1, DY_FACTS, (2024, 2024, "actual"))
    _facts(execute, H_GD, GD_FACTS, (None, 2025, "actual"))
    _facts(execute, H_NONE, NONE_FACTS)
    _quarantine(execute, H_DY1, "dongying.txt", 4, "380%", "run-1", T1)


def load_day_two(execute: Execute) -> None:
    """dongying.txt changes (a second version), and a check quarantines one of guangdong.txt's facts."""
    _report(execute, H_DY2, "dongying.txt", **DONGYING, at=T2, run="run-2")
    _facts(execute, H_DY2, DY2_FACTS, (2024, 2024, "actual"), DY_PLACE, DY2_LABELS)
    _quarantine(execute, H_GD, "guangdong.txt", 3, "15个学时", "run-2", T2)


def load_restatements(execute: Execute) -> None:
    """A later report of 东营市妇联 (2025, published 2026-03-01) restating 2024's figures (DY25_FACTS)."""
    dongying_2025 = {**DONGYING, "year": 2025}
    _report(execute, H_DY25, "dongying-2025.txt", **dongying_2025, at=T2, run="run-2", published="2026-03-01")
    _facts(execute, H_DY25, DY25_FACTS, (2024, 2024, "actual"), DY_PLACE, DY25_LABELS, DY25_PLACES)


def pyformat(cursor) -> Execute:
    """An Execute for DB-API drivers that mark parameters with %s (psycopg2)."""
    return lambda sql, params: cursor.execute(sql.replace("?", "%s"), params)
