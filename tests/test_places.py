"""Each figure's own place: named in its clause or sentence, else its report's."""

from __future__ import annotations

from fulian.text.extract import extract_report

# Written for the project: a provincial bulletin that gives city and county figures and compares
# with the nation.
BULLETIN = """河南省妇女儿童发展统计监测报告
2023年，全省学前教育毛入园率为91.3%，高于全国平均水平的89.7%。其中郑州市学前教育毛入园率达到94.8%，
洛阳市、南阳市分别为92.1%和90.4%。登封市新建儿童之家12个。
全年培训农村妇女3.2万人次。
"""


def places() -> dict[str, tuple[str, str, str]]:
    _, facts = extract_report(BULLETIN)
    return {f["text"]: (f["place_province"], f["place_city"], f["place_county"]) for f in facts}


def own_place() -> tuple[str, str, str]:
    document, _ = extract_report(BULLETIN)
    return (document["province"], document["city"], document["county"])


def test_figures_take_the_place_their_clause_names_else_the_report_s() -> None:
    got = places()
    assert got["91.3%"] == ("河南省", "", "")  # 全省: the report's province
    assert got["89.7%"] == ("", "", "")  # 全国: a national figure
    assert got["94.8%"] == ("河南省", "郑州市", "")
    assert got["12个"] == ("河南省", "郑州市", "登封市")  # a county-level city, with its city
    assert got["3.2万人次"] == own_place()  # nothing named: the report's own place


def test_places_listed_before_分别_pair_with_the_figures_in_order() -> None:
    got = places()
    assert (got["92.1%"][1], got["90.4%"][1]) == ("洛阳市", "南阳市")
