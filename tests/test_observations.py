"""Indicators (the controlled list and its model) and observations (restatements, sub-totals)."""

from __future__ import annotations

import csv

from fulian.text.extract import extract_report
from fulian.text.indicators import DATA, catalogue, indicator_of

# Written for the project: a county news item that states its training figure in the title and the
# body, and gives a sub-total after 其中.
NEWS = """县妇联培训农村妇女1200人次
2023年，县妇联举办技能培训班24期，培训农村妇女1200人次，其中脱贫家庭妇女380人次。
活动现场发放宣传资料1200份。
"""


def test_the_list_says_how_each_indicator_aggregates_and_the_model_uses_only_listed_codes() -> None:
    indicators = catalogue()
    assert {i.aggregation for i in indicators.values()} <= {"flow", "stock", "ratio"}
    assert all(i.aggregation == "ratio" for i in indicators.values() if i.unit_class in ("share", "rate"))
    with (DATA / "indicator_examples.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))[2:]
    assert rows and {code for code, _ in rows} <= set(indicators)


def test_a_phrase_maps_to_the_indicator_of_its_unit_class_or_to_none() -> None:
    assert indicator_of("培训农村妇女", "person_times") == "women_trained"
    assert indicator_of("培训农村妇女", "percent") != "women_trained"  # a share is never a count
    assert indicator_of("", "people") == ""


def test_a_restated_figure_is_one_observation_and_a_sub_total_is_part_of_it() -> None:
    _, facts = extract_report(NEWS)
    by_text = {}
    for f in facts:
        by_text.setdefault(f["text"], []).append(f)
    title, body = by_text["1200人次"]
    assert title["observation"] == body["observation"]
    assert by_text["380人次"][0]["part_of"] == body["observation"]
    assert by_text["1200份"][0]["observation"] != body["observation"]  # same value, other thing
    assert by_text["24期"][0]["part_of"] == ""


def test_a_part_opening_its_own_sentence_is_part_of_the_sentence_before_and_counts_what_it_counts() -> None:
    # Written for the project: the whole in one sentence, its parts by city in the next.
    _, facts = extract_report(
        "某省妇联2022年工作总结\n全年发放创业担保贷款21.4亿元，落实贴息1.12亿元。其中，甲市发放4.1亿元，居全省首位。\n"
    )
    got = {f["text"]: f for f in facts}
    assert got["4.1亿元"]["part_of"] == got["21.4亿元"]["observation"]
    assert got["4.1亿元"]["category"] == got["21.4亿元"]["category"] == "loans"
