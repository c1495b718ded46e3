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


def test_a_two_character_county_name_inside_a_word_is_no_place() -> None:
    from fulian.text.regions import mentions_in

    def names(text: str) -> list[str]:
        return [m.name for m in mentions_in(text)]

    # 和县, 成县, 兴县: the first character ends another word (城区和县, 完成县级, 旅游兴县)
    assert names("城区和县（市）妇联分别完成县级任务，旅游兴县成效明显") == []
    # the name right after its own province or city, or after punctuation, is the county
    assert names("安徽省和县妇联") == ["安徽省", "和县"]
    assert names("陇南市成县、徽县") == ["陇南市", "成县", "徽县"]
    # after another province's name it is not that province's county
    assert names("江苏省和县") == ["江苏省"]


def test_a_county_under_its_older_or_newer_name_is_that_county_named_as_the_text_names_it() -> None:
    from fulian.text.regions import lookup_full, mentions_in

    # the divisions list has one name per county; reports of other years write another suffix
    (renamed,) = lookup_full("凤翔区")
    assert (renamed.city, renamed.county) == ("宝鸡市", "凤翔区")
    assert [m.name for m in mentions_in("陕西省凤翔县妇联")] == ["陕西省", "凤翔县"]
    # 会同 is a verb far more often than 会同县 is a place (县妇儿工委办会同县统计局)
    assert [m.name for m in mentions_in("县妇儿工委办会同县统计局开展监测")] == []
    # nor under another suffix (市民政局会同市财政局)
    assert [m.name for m in mentions_in("市民政局会同市财政局开展检查")] == []
    # a verb before 县级 is no renamed county (新建区 was 新建县)
    assert [m.name for m in mentions_in("新建县级示范基地5个")] == []
    assert [m.name for m in mentions_in("南昌市新建区")] == ["南昌市", "新建区"]


def test_a_county_level_city_under_its_province_is_a_county_level_place() -> None:
    # 济源市 is governed by 河南省 directly: no prefecture-level city stands above it
    document, facts = extract_report("济源市妇联2023年工作总结\n全市培训妇女1200人次。\n")
    assert (document["province"], document["city"], document["county"]) == ("河南省", "", "济源市")
    fact = facts[0]
    assert (fact["place_province"], fact["place_city"], fact["place_county"]) == ("河南省", "", "济源市")


def test_a_place_naming_an_honours_level_or_a_national_body_is_no_place_of_the_figure() -> None:
    report = (
        "湄潭县妇联五年工作报告\n五年来，湄潭县推选各级“最美家庭”2143户，其中全国“最美家庭”2户、省级11户。"
        "湄潭县妇联为14名患病妇女争取全国妇联救助金每人1万元。3人获评贵州省五一巾帼标兵，新增巾帼文明岗12个。\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["place_province"], f["place_city"], f["place_county"]) for f in facts}
    county = ("贵州省", "遵义市", "湄潭县")
    assert got["2户"] == county, "全国 is the honour's level: the families are the county's"
    assert got["1万元"] == county, "全国妇联 is a body, not where the money went"
    assert got["12个"] == county, "贵州省 names the honour earlier in the sentence"
    occasion = extract_report(
        "湄潭县妇联工作动态\n恰逢全国第四个家庭教育宣传周，县妇联发放宣传手册2000余份。\n"
    )[1]
    assert [(f["place_province"], f["place_city"], f["place_county"]) for f in occasion] == [county], (
        "全国 counts the occasion, not where the booklets went"
    )


def test_a_figure_over_a_list_of_counties_is_their_city_s_and_the_report_is_the_city_s() -> None:
    # Written for the project: a city federation's speech naming three of its counties, one of them
    # a county-level city (海城市), named twice.
    speech = (
        "在市妇联执委会议上的讲话\n"
        "过去的一年，在岫岩满族自治县、海城市和台安县建设巾帼现代农业示范基地35个。"
        "海城市新建儿童之家12个。\n"
    )
    document, facts = extract_report(speech)
    assert (document["city"], document["county"]) == ("鞍山市", ""), "a county's siblings named: the city's"
    got = {f["text"]: (f["place_province"], f["place_city"], f["place_county"]) for f in facts}
    assert got["35个"] == ("辽宁省", "鞍山市", "")
    assert got["12个"] == ("辽宁省", "鞍山市", "海城市")


def test_a_provincial_report_s_cities_named_short_are_places_in_its_province() -> None:
    # Written for the project: a provincial release naming its cities short, in a sentence and a table.
    _, facts = extract_report(
        "河南省妇联2025年乡村振兴巾帼行动新闻发布会\n"
        "全省培训农村妇女38.2万人次，其中郑州、洛阳两市分别发放创业担保贷款11.3亿元和9.7亿元。\n"
        "省辖市　培训农村妇女（万人次）　带动就业（人）\n南阳　8.2　23600\n"
    )
    got = {f["text"]: (f["place_province"], f["place_city"]) for f in facts}
    assert got["11.3亿元"] == ("河南省", "郑州市")
    assert got["9.7亿元"] == ("河南省", "洛阳市")
    assert got["8.2"] == ("河南省", "南阳市")


def test_the_rest_of_a_list_by_place_is_the_whole_s_place_not_the_last_item_s() -> None:
    # Written for the project: a city's figures by county, the rest summed.
    _, facts = extract_report(
        "长沙市妇联2021年工作总结\n全市培训城乡妇女1.2万人次，其中宁乡市3200人次，浏阳市2900人次，"
        "其余县市区合计5090人次。"
    )
    got = {f["text"]: (f["place_city"], f["place_county"], f["metric"]) for f in facts}
    assert got["2900人次"][:2] == ("长沙市", "浏阳市")
    assert got["5090人次"] == ("长沙市", "", "其余县市区培训城乡妇女")
