"""Each figure placed in time and kind: the governing time expression, relative years, targets, changes."""

from __future__ import annotations

import pytest

from fulian.text.extract import extract_report
from fulian.text.periods import Period, period_of


def period(text: str, figure: str, report_year: int | None = 2022, published: int | None = 2023) -> Period:
    start = text.index(figure)
    unit = "%" if figure.endswith("%") else figure[-1]
    return period_of(text, start, start + len(figure), unit, report_year, published)


def placed(report: str, *fields: str) -> dict[str, tuple]:
    """Each extracted figure's text → its ``fields`` (year_from, year_to, kind unless named)."""
    _, facts = extract_report(report)
    return {f["text"]: tuple(f[k] for k in fields or ("year_from", "year_to", "kind")) for f in facts}


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("2022年，全市培训妇女1200人次。", "1200人次", (2022, 2022, "actual")),
        ("过去的一年，发放创业贷款20.1亿元。", "20.1亿元", (2022, 2022, "actual")),
        ("今年计划培训妇女5万名。", "5万名", (2023, 2023, "target")),
        # a goal a result is measured against makes no plan of the count
        ("评估显示，接近中期目标的有15项，尚未达到中期目标的有8项。", "8项", (2022, 2022, "actual")),
        # a share of the year's goal reached so far is an outcome, not a goal
        ("前三季度，全县新创建美丽庭院1850户，为全年目标的74%。", "74%", (2022, 2022, "actual")),
        # a target population (目标人群) is who is served, no goal
        ("孕前优生健康检查目标人群覆盖率达到98.1%。", "98.1%", (2022, 2022, "actual")),
        ("覆盖率达到61.5%，距中期目标还差3.5个百分点。", "61.5%", (2022, 2022, "actual")),
        # every goal a colon lists, whatever its own verb says (实现)
        ("今年确定的目标是：培训妇女3000人次，帮助妇女实现就业2000人。", "2000人", (2023, 2023, "target")),
        # said in 2023 of a report on 2022: the year it is said in (the 20个亿 of 2013)
        ("确保全年发放总量不低于20亿元。", "20亿元", (2023, 2023, "target")),
        ("五年来，累计发放贷款38亿元。", "38亿元", (2018, 2022, "actual")),
        ('"十三五"期间，全县完成"两癌"检查5.3万人。', "5.3万人", (2016, 2020, "actual")),
        ("截至2022年底，累计建成美丽庭院3000户。", "3000户", (None, 2022, "actual")),
        # a running total whose start its sentence gives runs from it; 截至今年 is a point this year
        ("自2012年项目实施以来，截至今年8月底，累计发放贷款4.86亿元。", "4.86亿元", (2012, 2023, "actual")),
        ("截至今年8月底，累计发放贷款4.86亿元。", "4.86亿元", (None, 2023, "actual")),
        ("2021年以来，开展宣讲活动120场。", "120场", (2021, 2022, "actual")),
        ("到2025年，培训农村妇女不少于1.5万人次。", "1.5万人次", (2022, 2025, "target")),
        # a rate per thousand is a level, like a share: a goal's in its last year
        ("到2025年，婴儿死亡率控制在4.5‰以下。", "4.5‰", (2025, 2025, "target")),
        # a level a goal sets has no start; a cumulative goal of what is done runs from now
        ("到2025年，全市“美丽庭院”示范户累计达到5万户。", "5万户", (None, 2025, "target")),
        ("到2025年，累计培训城乡妇女2万人次以上。", "2万人次", (2022, 2025, "target")),
        ("城镇居民人均可支配收入比上年增加2297元。", "2297元", (2022, 2022, "change")),
        ("同时启动项目，力争明年讲座场次较今年增长10%以上。", "10%", (2024, 2024, "target")),
        ("乳腺癌筛查率距终期目标差距14.3个百分点。", "14.3", (2022, 2022, "change")),
        # couples planning a pregnancy, a project obtained and carried out, indicators near their goal
        ("全年为1920对计划怀孕夫妇提供免费孕前优生健康检查。", "1920对", (2022, 2022, "actual")),
        ("争取并落实“两癌”免费检查项目，检查4.8万人。", "4.8万人", (2022, 2022, "actual")),
        ("接近目标的指标9项，滞后的4项。", "9项", (2022, 2022, "actual")),
        # funds obtained, a prosecutor's suggestions issued, work done as a document required
        ("争取“春蕾计划”助学金8.4万元，资助困境女童56名。", "56名", (2022, 2022, "actual")),
        ("发出诉前检察建议6份。", "6份", (2022, 2022, "actual")),
        # a task written right before its figure is the task, what was done after it is done
        ("宁德市：年度任务3400人次，完成3920人次。", "3400人次", (2023, 2023, "target")),
        ("宁德市：年度任务3400人次，完成3920人次。", "3920人次", (2022, 2022, "actual")),
        ("按照《创建实施方案》要求，全年新增示范户930户。", "930户", (2022, 2022, "actual")),
        # a done figure's clause may go on to the years ahead without planning it (a meeting: its year)
        ("出席大会的代表780名，共商未来五年发展大计。", "780名", (2023, 2023, "actual")),
        # a gap to a goal year is measured now; goals listed in parallel are goals each
        ("毛入学率距离2030年“达到95%以上”的目标还差1.8个百分点。", "1.8", (2022, 2022, "change")),
        ("贫血患病率为4.62%，低于10%、5%和5%的控制目标。", "10%", (2022, 2022, "target")),
        ("高中阶段毛入学率为92.0%，比上年提高0.8个百分点。", "92.0%", (2022, 2022, "actual")),
        ("全年完成目标任务的105.4%。", "105.4%", (2022, 2022, "actual")),
        # the quota a share of it was done of is a target of the same year; the share is actual
        ("培训妇女1140人次，完成全年培训任务（2000人次）的57%。", "2000人次", (2022, 2022, "target")),
        ("培训妇女1140人次，完成全年培训任务（2000人次）的57%。", "57%", (2022, 2022, "actual")),
        ("培训妇女1286人次，完成全年培训任务2000人次的64.3%。", "2000人次", (2022, 2022, "target")),
        ("分别完成省定年度任务（各13.2万人）的103.2%和102.9%。", "13.2万人", (2022, 2022, "target")),
        # a quota stated as such, and a figure written as the goal it is measured against
        ("2022年度任务为完成宫颈癌检查1.2万人。", "1.2万人", (2022, 2022, "target")),
        ("筛查率99.2%，高于不低于98%的年度目标。", "98%", (2022, 2022, "target")),
        ("筛查率99.2%，高于不低于98%的年度目标。", "99.2%", (2022, 2022, "actual")),
        # after a goal cited in its sentence, the next figures are no plans
        ("管理率为95.2%，高于90%的规划目标；住院分娩率保持在99.9%以上。", "99.9%", (2022, 2022, "actual")),
        # suggestions collected are counted, not suggested
        ("走访妇女群众，征集意见建议86条。", "86条", (2022, 2022, "actual")),
        ("实施“春蕾计划”，资助困难女童380名。", "380名", (2022, 2022, "actual")),
        ("实施学生营养改善计划，惠及学生9.6万人。", "9.6万人", (2022, 2022, "actual")),
        ("二〇一六年，全县举办培训班四十六期。", "四十六期", (2016, 2016, "actual")),
        # the national immunisation programme (国家免疫规划) is a name, not a plan; a document's
        # requirement done is no plan either
        ("适龄儿童国家免疫规划疫苗接种率保持在98%以上。", "98%", (2022, 2022, "actual")),
        ("依据市妇字〔2022〕12号文件要求，对1100余个村开展轮训。", "1100余个", (2022, 2022, "actual")),
        # 全年 and the items of a semicolon list take the year and the status their list opened with
        # naming the plan's goals (实现规划目标任务的关键一年) does not say a goal was met
        (
            "2023年是实现规划目标任务的关键一年，重点做好以下工作：力争全年培训妇女1万人次；新建儿童之家30个。",
            "30个",
            (2023, 2023, "target"),
        ),
        ("今年要：力争全年培训妇女2000人次；新建儿童之家10个。", "10个", (2023, 2023, "target")),
        ("今年要：力争全年培训妇女2000人次；新建儿童之家10个。", "2000人次", (2023, 2023, "target")),
        ("力争全年培训妇女2000人次；已建成儿童之家10个。", "10个", (None, 2022, "actual")),
        # a running total since a year its sentence opens with (自…年起), to the year reported on
        ("市妇联自1995年起开展评选，迄今累计表彰先进个人3100余名。", "3100余名", (1995, 2022, "actual")),
    ],
)
def test_period_and_kind(text: str, figure: str, expected: tuple) -> None:
    got = period(text, figure)
    assert (got.year_from, got.year_to, got.kind) == expected


def test_a_comparison_base_is_not_the_figures_year() -> None:
    text = "高中阶段毛入学率为92.0%，比上年提高0.8个百分点。"
    got = period(text, "0.8个百分点")
    assert (got.year_to, got.kind) == (2022, "change")
    text = "城镇居民人均可支配收入是2010年的2.2倍。"
    got = period(text, "2.2倍")
    assert (got.year_from, got.year_to, got.kind) == (2022, 2022, "change")


def test_a_goal_year_further_up_does_not_date_an_actual_figure() -> None:
    text = "二、到2030年的目标\n正高级职称人员中女性占33.9%。"
    assert period(text, "33.9%").year_to == 2022


def test_extracted_facts_carry_their_period() -> None:
    report = (
        "某县妇联2013年工作要点\n"
        "过去的一年，全县发放创业贷款2.1亿元。今年，全县发放创业贷款将不低于2亿元。"
        "五年来，累计培训妇女1.2万人次。\n"
    )
    got = placed(report)
    assert got["2.1亿元"] == (2012, 2012, "actual")
    assert got["不低于2亿元"] == (2013, 2013, "target")
    assert got["1.2万人次"] == (2009, 2013, "actual")


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        # a figure listed after a planned one of its sentence is planned too
        ("2024年3月，今年县妇联将举办招聘会不少于6场，开展技能培训20期。", "20期", "target"),
        # unless what lies between says it was done
        ("全省培训目标5万人，完成培训5.4万人。", "5.4万人", "actual"),
        # an enumeration goes on with what its first item planned
        ("2024年3月，会议要求：一是今年力争发放贷款5000万元；二是新建示范基地10个。", "10个", "target"),
        # a figure written as the goal itself
        ("2023年，就业人员中女性比重为44.1%，接近“45%左右”的目标。", "45%左右", "target"),
        # a plan document's name is no promise
        ("2023年，妇女发展规划设定的指标中已有52项达标。", "52项", "actual"),
        # 还将/也将 plan like 将
        ("2023年，年内还将与县妇联联合举办培训6期。", "6期", "target"),
        # the later items of a listed gap, and a multiple of a base year, are changes
        ("2023年，三门峡市、信阳市分别差35人和54人。", "54人", "change"),
        ("2020年，城乡居民人均可支配收入分别是2010年的2.2倍和3.4倍。", "3.4倍", "change"),
        ("2023年，两县分别完成任务的97.8%和98.4%，差额分别为12人和11人。", "11人", "change"),
    ],
)
def test_plans_carry_along_their_sentence_and_enumeration(text: str, figure: str, kind: str) -> None:
    _, facts = extract_report(text)
    assert {f["text"]: f["kind"] for f in facts}[figure] == kind


def test_a_plan_heading_dates_the_goals_below_it() -> None:
    report = (
        "某县妇联2022年工作总结\n一、2022年工作回顾\n全年培训妇女1200人次。\n"
        "二、2023年工作要点\n1.创业就业。力争全年协调发放贷款不低于2000万元。\n"
        "三、今后五年的目标\n到2025年，努力实现以下主要目标：\n"
        "——培训城乡妇女20万人次以上，家长学校覆盖率达到90%。\n"
    )
    got = placed(report)
    assert got["1200人次"] == (2022, 2022, "actual")
    assert got["不低于2000万元"] == (2023, 2023, "target")
    assert got["20万人次以上"] == (2022, 2025, "target")
    assert got["90%"] == (2025, 2025, "target")  # a level to reach: the goal year


def test_a_plan_documents_items_are_targets_and_its_review_of_last_year_actual() -> None:
    report = (
        "东营市妇女联合会文件\n关于印发《东营市妇联2024年工作要点》的通知\n"
        "现将《东营市妇联2024年工作要点》印发给你们，请认真贯彻落实。\n东营市妇女联合会\n2024年2月22日\n"
        "东营市妇联2024年工作要点\n"
        "2023年，全市各级妇联开展主题宣讲420余场，培训城乡妇女5860人次。全年评选最美家庭60户；"
        "举办技能培训21期。\n"
        "一、聚焦思想政治引领\n1. 深化理论武装。全年开展分众化宣讲不少于450场。\n"
        "2. 美丽庭院。“十四五”以来全市已累计创建示范户4860户；今年新创建示范户1500户。\n"
    )
    got = placed(report)
    assert got["420余场"] == (2023, 2023, "actual"), "last year's results in a plan are done"
    assert got["21期"] == (2023, 2023, "actual"), "a later sentence of last year's paragraph too"
    assert got["不少于450场"] == (2024, 2024, "target"), "an item under a plain heading of a plan"
    assert got["4860户"][2] == "actual", "said done (已累计创建)"
    assert got["1500户"] == (2024, 2024, "target")


def test_the_year_a_paragraph_names_dates_a_whole_year_said_later_in_it() -> None:
    text = "2023年，全市培训妇女6146人次。全市9个县中有7个超额完成年度任务。"
    assert period(text, "7个", report_year=2024, published=2024).year_to == 2023


def test_a_whole_year_planned_in_a_later_publication_is_the_year_it_is_said_in() -> None:
    text = "会议总结了去年工作。力争全年培训城乡妇女20万人次。"
    got = period(text, "20万人次", report_year=2023, published=2024)
    assert (got.year_from, got.year_to, got.kind) == (2024, 2024, "target")


def test_a_heading_naming_a_year_after_the_reports_opens_its_plans() -> None:
    report = (
        "在东营市妇联执委会议上的工作报告\n（2024年1月19日）\n一、过去一年工作回顾\n"
        "过去的一年，全市举办主题宣讲1380场。\n二、2024年重点工作\n"
        "（一）强化思想引领。持续开展主题宣讲，全年宣讲不少于1500场次。\n"
    )
    got = placed(report)
    assert got["1380场"] == (2023, 2023, "actual")
    assert got["不少于1500场次"] == (2024, 2024, "target")


def test_what_a_meeting_counts_is_of_the_year_it_is_held() -> None:
    report = (
        "省妇联召开执委会议\n2024-03-05 08:12　来源：某日报\n"
        "会议总结了去年全省妇联工作。2023年，全省培训妇女18.6万人次。\n"
        "牡丹江市妇联等4个单位作交流发言，全省各级妇联干部共1800余人参加会议。\n"
    )
    got = placed(report, "year_from", "year_to")
    assert got["18.6万人次"] == (2023, 2023)
    assert got["4个"] == (2024, 2024)


def test_what_a_plan_sets_covers_the_plans_years_and_how_it_fares_the_year_monitored() -> None:
    report = (
        "某市2023年《某市妇女发展规划（2021—2030年）》统计监测报告\n"
        "《某市妇女发展规划》设置监测指标86项，其中可量化监测指标71项。"
        "在可监测的71项指标中，已达到2025年目标的有40项。\n"
    )
    got = placed(report, "year_from", "year_to")
    assert got["86项"] == (2021, 2030)
    assert got["40项"] == (2023, 2023)


def test_a_sites_long_menu_is_no_text_so_the_news_title_stays_in_the_pages_head() -> None:
    report = (
        "某盟妇女联合会\n"
        "首页 | 妇联动态 | 业务工作 | 旗县市（区）动态 | 政策法规 | 联系我们 | 网站地图 | 在线留言\n"
        "全盟妇联工作会议召开 部署2024年重点任务\n发布时间：2024-02-28\n"
        "2月27日，全盟妇联工作会议召开。会议指出，2023年，全盟举办培训班186期。\n"
    )
    _, facts = extract_report(report)
    assert {f["text"]: f["kind"] for f in facts}["186期"] == "actual"


def test_a_news_title_naming_a_goal_makes_no_plan_of_the_news() -> None:
    report = (
        "某区人民政府\n首页 | 政务公开 | 走进某区\n当前位置：首页 > 政务公开 > 部门动态\n"
        "区妇联召开前三季度工作推进会 全力冲刺全年目标任务\n来源：区妇联　发布时间：2024-10-18 16:42\n"
        "10月17日，区妇联召开2024年前三季度工作推进会。1—9月举办技能培训48期，培训妇女2960人次。\n"
    )
    got = placed(report)
    assert got["48期"] == (2024, 2024, "actual")


def test_a_span_further_out_dates_flows_not_stocks_or_shares() -> None:
    report = "某县妇联2021年工作报告\n五年来，全县培训妇女9400人次。全县建成家长学校168所，结案率100%。\n"
    got = placed(report, "year_from", "year_to")
    assert got["9400人次"][0] is not None
    assert got["168所"][0] is None
    assert got["100%"][0] == got["100%"][1]


def test_a_year_naming_a_goal_does_not_date_the_figure() -> None:
    text = "2022年监测结果表明，已达到2025年中期目标的52项，占73.2%；较上年分别提高70元和50元。"
    assert (period(text, "52项").year_from, period(text, "52项").year_to) == (2022, 2022)
    assert period(text, "50元").kind == "change"


def test_the_title_and_a_span_after_the_first_figures_do_not_date_the_report() -> None:
    report = (
        "某县妇联：去年带动3200名妇女增收 今年力争发放贷款5000万元\n\n来源：某县妇联　时间：2019-03-06\n\n"
        "2018年，县妇联开展宣讲186场，覆盖妇女群众1.3万余人次，组织各类主题活动多场，效果良好。五年来，全县累计发放贷款1.42亿元。\n\n"
        "家庭文明创建方面，全县评选最美家庭300户。\n"
    )
    got = placed(report, "year_from", "year_to")
    assert got["300户"] == (2018, 2018)


def test_a_year_end_summarys_opening_so_far_dates_only_its_own_sentence() -> None:
    report = (
        "2024年度镇妇联工作总结\n\n2024年，镇妇联团结带领全镇妇女积极作为。截至目前，年初确定的重点任务已基本完成。\n\n"
        "一、技能培训\n举办直播电商等培训班9期，培训妇女412人次。\n"
        "二、志愿服务\n目前，全镇共注册巾帼志愿者560名。\n"
    )
    got = placed(report, "year_from", "year_to")
    assert got["412人次"] == (2024, 2024), "a flow of the year, not a running total"
    assert got["560名"] == (None, 2024), "目前 in its own sentence: a standing count"


def test_a_title_under_a_sites_menu_is_still_the_head_not_a_heading_over_the_figures() -> None:
    report = (
        "某盟妇女联合会\n首页 | 妇联动态 | 业务工作 | 联系我们\n当前位置：首页 >> 妇联动态\n\n"
        "全盟妇联工作会议召开 部署2024年重点任务\n\n发布时间：2024-02-28　来源：盟妇联\n\n"
        "2月27日，全盟妇联工作会议召开。会议全面总结2023年全盟妇联工作，安排部署2024年重点任务。\n\n"
        "会议指出，2023年，全盟各级妇联组织团结带领各族妇女建功立业。\n\n"
        "思想引领有声有色。组建宣讲团深入牧区开展宣讲860余场，覆盖妇女群众5.2万人次。\n"
    )
    got = placed(report)
    assert got["860余场"] == (2023, 2023, "actual"), "the year reviewed, not the year the title deploys"


def test_an_undated_news_of_the_nth_womens_day_is_said_in_that_days_year() -> None:
    report = (
        "我县召开纪念“三八”国际妇女节表彰大会\n来源：县融媒体中心\n\n"
        "3月7日，我县召开纪念第114个“三八”国际妇女节表彰大会，受表彰代表等300余人参加会议。"
        "会议宣读了表彰决定，50名同志被授予全县三八红旗手称号。\n\n"
        "会上，县妇联主席回顾了去年全县妇联工作。去年以来，全县举办农村妇女实用技术培训班42期。\n"
    )
    got = placed(report, "year_from", "year_to")
    assert got["300余人"] == (2024, 2024), "第114个三八节: 1910 + 114"
    assert got["50名"] == (2024, 2024), "honoured at the meeting, the year it is held"
    text = "去年以来，全县20户家庭获评县级最美家庭。"
    got = period(text, "20户", report_year=2024, published=2024)
    assert (got.year_from, got.year_to) == (2023, 2024), "去年以来 in a report on this year: to now"


def test_a_plan_documents_title_governs_items_far_below_it() -> None:
    items = "".join(f"{i}. 深化第{i}项重点工作。\n\n二、聚焦第{i}方面\n\n" for i in range(1, 30))
    report = (
        "关于印发《某市妇联2024年工作要点》的通知\n\n现将工作要点印发给你们，请认真贯彻落实。\n\n"
        "某市妇联2024年工作要点\n\n" + items + "30. 做好“儿童之家”提质，新建“儿童之家”6个。\n"
    )
    got = placed(report)
    assert got["6个"] == (2024, 2024, "target")


def test_a_five_year_plans_last_year_is_one_year_and_a_list_a_plan_opens_plans() -> None:
    text = "2025年是“十四五”规划收官之年，全省妇联将办好十件实事。主要包括：培训妇女20万人次以上。"
    got = period(text, "20万人次以上", report_year=2024, published=2025)
    assert (got.year_from, got.year_to, got.kind) == (2025, 2025, "target")


def test_a_forecast_under_a_review_heading_is_of_the_year_reviewed() -> None:
    report = (
        "某镇妇联2023年工作总结及2024年工作打算\n\n一、主要工作及成效\n"
        "截至11月底，镇村两级妇联共组织宣讲42场。预计全年宣讲场次将达到46场。\n\n"
        "二、2024年工作打算\n力争全年组织宣讲50场。\n\n某镇妇女联合会\n2023年12月12日\n"
    )
    got = placed(report)
    assert got["46场"] == (2023, 2023, "target")
    assert got["50场"] == (2024, 2024, "target")


def test_since_what_began_in_a_year_runs_to_a_year_the_text_may_never_say() -> None:
    text = "自2017年我市实施农村妇女“两癌”免费检查项目以来，已累计检查136万余人次。"
    got = period(text, "136万余人次", report_year=None, published=None)
    assert (got.year_from, got.year_to) == (2017, None)
    got = period(text, "136万余人次", report_year=2024, published=2024)
    assert (got.year_from, got.year_to) == (2017, 2024)
    # what began on a day of that year, or joined a programme then, runs from that year as well
    text = "自2016年3月1日《反家庭暴力法》施行以来，法院累计作出保护令118份。"
    got = period(text, "118份", report_year=2023, published=2024)
    assert (got.year_from, got.year_to) == (2016, 2023)
    text = "我区自2015年被纳入全省“两癌”免费检查项目以来，累计检查14.6万人次。"
    got = period(text, "14.6万人次", report_year=2023, published=2024)
    assert (got.year_from, got.year_to) == (2015, 2023)


def test_what_a_plan_named_as_its_sentences_subject_sets_covers_the_plans_years() -> None:
    report = (
        "某省妇联2022年工作总结\n2022年，省政府印发《某省妇女发展纲要(2021-2030年)》和儿童发展纲要(简称新“两纲”)。"
        "新“两纲”坚持男女平等原则，共设置了155项主要目标。在可监测的63项指标中，已有41项达到目标。\n"
    )
    got = placed(report, "year_from", "year_to")
    assert got["155项"] == (2021, 2030)
    assert got["63项"] == (2022, 2022), "items monitored are of the year monitored"


def test_the_next_years_count_from_the_year_they_are_said_in_and_quotas_are_targets() -> None:
    text = "今后五年，全县妇女工作的主要目标是：力争培训妇女不低于1.2万人。"
    got = period(text, "不低于1.2万人", report_year=2021, published=2021)
    assert (got.year_from, got.year_to, got.kind) == (2021, 2025, "target")
    text = "今后五年，全市妇联将力争累计培训城乡妇女15万人次，到2027年巾帼宣讲员达到2000名。"
    got = period(text, "15万人次", report_year=2022, published=2022)
    # to the goal year the text names for them, five years back from it (not six from the year said in)
    assert (got.year_from, got.year_to) == (2023, 2027)
    text = "1—9月，“两癌”检查已完成12.6万人，完成全年15万人任务的84%。"
    assert period(text, "15万人", 2024, 2024).kind == "target"
    assert period(text, "84%", 2024, 2024).kind == "actual"


def test_a_span_opening_a_paragraph_governs_its_undated_sentences() -> None:
    text = (
        "五年来，全市举办培训班120期。“十三五”期间，完成“两癌”检查41.6万人次。"
        "实施“春蕾计划”，资助困难女童3182人次。"
    )
    got = period(text, "3182人次", report_year=2021, published=2021)
    assert (got.year_from, got.year_to) == (2017, 2021)


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("“十四五”以来，全市累计救助困境儿童2300余人次。", "2300余人次", (2021, 2023, "actual")),
        # since what began in a year (…成立以来): since that year
        ("2021年社区妇联成立以来，累计组织各类活动130余场。", "130余场", (2021, 2023, "actual")),
        # 去年以来 in a review of last year's work (report 2023, said in 2024): that year
        ("去年以来，全县20户家庭获评县级最美家庭。", "20户", (2023, 2023, "actual")),
        ("今年以来，已举办培训班6期，累计培训妇女680余人次。", "680余人次", (2024, 2024, "actual")),
        ("全市7个县、54个乡镇、495个村全部完成妇联组织改革。", "54个", (None, 2023, "actual")),
        ("年末共有幼儿园412所，其中公办幼儿园168所。", "168所", (None, 2023, "actual")),
        ("全市城镇居民人均可支配收入28420元。", "28420元", (2023, 2023, "actual")),
        # a sum (共计) of what the year did is no stock; the places a work relied on are
        ("为29名创业妇女发放贷款共计480万元。", "480万元", (2023, 2023, "actual")),
        ("依托区家庭教育指导中心和12个街镇指导站，开展讲座36场。", "12个", (None, 2023, "actual")),
        ("依托巾帼示范基地，带动3200余名妇女就业。", "3200余名", (2023, 2023, "actual")),
        # a rate per so many people is a level at a point in time, like a share
        ("每千名儿童拥有儿科床位2.05张。", "2.05张", (2023, 2023, "actual")),
        ("每千名儿童拥有儿科执业（助理）医师0.71名。", "0.71名", (2023, 2023, "actual")),
        ("孤儿基本生活费标准（每人每月）提高到1850元。", "1850元", (2023, 2023, "actual")),
        # part of a year, in the clause, is that year's: its running total is the year's
        ("前三季度累计发放贷款1860万元。", "1860万元", (2023, 2023, "actual")),
        ("1-9月，全县受理信访23件。", "23件", (2023, 2023, "actual")),
        # a point at the year's end, a level reached, people insured: stocks
        ("年末全市女性就业人员286.4万人。", "286.4万人", (None, 2023, "actual")),
        ("全年新评示范户3260户，示范户累计达到4.1万户。", "4.1万户", (None, 2023, "actual")),
        ("全县妇女创业担保贷款余额5340万元。", "5340万元", (None, 2023, "actual")),
        ("全县常住人口34.6万人，其中女性16.9万人。", "34.6万人", (None, 2023, "actual")),
        # an assessment of how indicators fare is no plan (预计能按期实现的指标26项)
        ("在纳入监测的87项指标中，进展顺利、预计能按期实现的指标26项。", "26项", (2023, 2023, "actual")),
        ("与目标值仍有差距、需加大推进力度的指标12项。", "12项", (2023, 2023, "actual")),
        ("参加失业保险的女性142.8万人。", "142.8万人", (None, 2023, "actual")),
        # the base of a change is of its own year; a share's a point, a count's a level
        ("示范户比重由2017年的8.5%提高到21.5%。", "8.5%", (2017, 2017, "actual")),
        ("家政企业由2022年底的46家增加到58家。", "46家", (None, 2022, "actual")),
        ("家政企业由2022年底的46家增加到58家。", "58家", (None, 2023, "actual")),
        ("与2022年秋季学期相比，全县在校留守儿童减少1730人。", "1730人", (2023, 2023, "change")),
        # a space garbled in before the number does not hide the change
        ("培训妇女 1 260人次，比上年增加 180人次。", "180人次", (2023, 2023, "change")),
        ("会议强调：今年计划培训妇女 1 300人次以上。", "1 300人次以上", (2024, 2024, "target")),
        # all the federations of a place as the subject do not make a stock of what they did
        ("全市各级妇联开展矛盾纠纷排查2.3万户次。", "2.3万户次", (2023, 2023, "actual")),
    ],
)
def test_spans_since_and_stocks(text: str, figure: str, expected: tuple) -> None:
    got = period(text, figure, report_year=2023, published=2024)
    assert (got.year_from, got.year_to, got.kind) == expected


def test_a_news_lead_dated_by_day_is_of_the_publication_year() -> None:
    report = (
        "某县妇联召开执委会议\n来源：某县妇联　时间：2019-03-06\n"
        "3月5日，某县妇联召开执委（扩大）会议。各乡镇妇联主席共120余人参加会议。\n"
        "2018年，县妇联培训农村妇女3000人次。\n"
    )
    got = placed(report, "year_from", "year_to")
    assert got["3000人次"] == (2018, 2018)
    assert got["120余人"] == (2019, 2019)


def test_the_words_before_a_figure_start_after_the_last_punctuation_mark() -> None:
    """_AFTER_PUNCTUATION finds, in one search, what follows the last mark of _PUNCTUATION."""
    from fulian.text.periods import _AFTER_PUNCTUATION, _PUNCTUATION

    for text in ("", "，", "比上年增加 ", "培训，比上年增加", "a;b：c\nd", "一。二！三?", "无标点"):
        last = max(text.rfind(mark) for mark in _PUNCTUATION)
        assert text[_AFTER_PUNCTUATION.search(text).start() :] == text[last + 1 :], text


def test_a_goal_of_the_plan_cited_beside_a_figure_is_a_target_of_the_plan_s_last_year() -> None:
    report = (
        "某市2022年妇女儿童发展规划统计监测报告\n"
        "对《某市妇女发展规划（2021—2030年）》2022年实施情况进行了监测。\n"
        "2022年，村委会成员中女性比例为27.3%，仍低于“30%以上”的规划目标值。\n"
        "婴儿死亡率为2.31‰，优于规划目标值（婴儿死亡率4.5‰以下）。\n"
    )
    got = placed(report)
    assert got["30%以上"] == (2030, 2030, "target")
    assert got["4.5‰以下"] == (2030, 2030, "target")
    assert got["27.3%"] == (2022, 2022, "actual")


def test_a_congress_s_undated_review_figures_are_of_its_five_years_its_own_of_its_year() -> None:
    report = (
        "某市第十一次妇女代表大会开幕\n2021年09月28日　来源：某日报\n"
        "9月27日，某市第十一次妇女代表大会在市会议中心开幕，市领导出席开幕式并讲话。本次大会实到代表386名。\n"
        "报告指出，五年来，全市各级妇联累计开展技能培训28.6万人次。\n"
        "在民生关爱方面，为1420名患病困难妇女发放救助金1420万元。\n"
        "开幕式前，代表们参观了成就展，展览共展出210余幅图片。\n"
    )
    got = placed(report)
    assert got["1420万元"] == (2017, 2021, "actual")
    assert got["386名"] == (2021, 2021, "actual")
    assert got["210余幅"] == (2021, 2021, "actual")


def test_a_goal_cited_in_a_plans_monitoring_report_is_of_the_plans_goal_year() -> None:
    report = (
        "2022年某县妇女发展规划统计监测报告\n"
        "2022年是《某县妇女发展规划（2021—2030年）》实施的第二年。\n"
        "一是适龄妇女“两癌”筛查率仍低于70%的目标要求；二是村委会成员中女性比例距30%的中期目标还有5.3个百分点。\n"
    )
    got = placed(report)
    assert got["低于70%"] == (2030, 2030, "target")
    assert got["30%"] == (2025, 2025, "target"), "a mid-term goal is of the plan's middle year"
    assert got["5.3个百分点"][2] == "change"


def test_what_a_plan_section_says_stands_now_is_no_plan() -> None:
    report = (
        "某县妇幼健康工作情况\n六、2023年工作目标\n2023年将力争新建儿童之家10个。\n"
        "据了解，县妇幼保健院目前开放床位120张，现有职工286人。\n"
    )
    got = placed(report, "kind")
    assert got["10个"] == ("target",)
    assert got["120张"] == ("actual",) and got["286人"] == ("actual",)


def test_this_reporting_year_is_the_report_s_and_a_shortfall_against_a_goal_is_a_change_of_it() -> None:
    # Written for the project: a report on 2022 published in 2023; 本年度 is the year reported on, a
    # result below its goal by points is a change measured then, and the problems listed after it plan
    # nothing.
    report = (
        "某县2022年妇女儿童发展规划实施情况报告\n"
        "发布时间：2023-04-18\n"
        "妇女发展规划共设置监测指标77项，其中本年度可监测的定量指标63项。\n"
        "存在的问题：一是筛查率距离规划目标仍有差距，宫颈癌筛查率低于目标11.8个百分点。"
        "二是部分指标口径不统一，有3项指标暂无法获取年度数据。\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["year_from"], f["year_to"], f["kind"]) for f in facts}
    assert got["63项"] == (2022, 2022, "actual")
    assert got["11.8个百分点"] == (2022, 2022, "change")
    assert got["3项"] == (2022, 2022, "actual")


def test_a_span_since_an_event_of_a_year_is_its_sentence_s_and_the_sentences_after_are_the_year_s() -> None:
    # Written for the project: a report on 2022 whose paragraph gives one running total since a congress
    # of 2019 and goes on with the year's figures.
    report = (
        "某省妇联执委会议工作报告\n（2023年2月16日）\n"
        "一、2022年工作回顾\n"
        "全年发放贷款21.4亿元。2019年省第十二次妇代会以来，全省累计发放贷款86.3亿元；惠及妇女1520名。"
        "巾帼家政培训3.1万人次，推荐就业1.9万人。\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["year_from"], f["year_to"]) for f in facts}
    assert got["86.3亿元"] == (2019, 2022)
    assert got["1520名"] == (2019, 2022)  # after a semicolon, still in the span's sentence
    assert got["3.1万人次"] == (2022, 2022)
    assert got["1.9万人"] == (2022, 2022)


def test_bases_of_changes_take_their_years_and_an_assessment_or_a_year_s_end_named_before_plans_not() -> None:
    # Written for the project: a monitoring report on 2022 published in 2023.
    report = (
        "某市2022年妇女发展规划统计监测报告\n发布时间：2023-08-10\n"
        "可监测指标中，发展态势良好、预期可达标的19项，占27.9%。\n"
        "孕产妇死亡率由2015年的22.1/10万下降到2022年的9.6/10万，婴儿死亡率由4.8‰下降到3.1‰。\n"
        "签发保护令58份，比2021年的47份增加11份。\n"
        "普通高中在校生中女生占50.8%，与上年基本持平；普通高等学校在校生中女生占52.3%。\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["year_from"], f["year_to"], f["kind"]) for f in facts}
    assert got["19项"][2] == got["27.9%"][2] == "actual"
    assert got["4.8‰"] == (2015, 2015, "actual")
    assert got["3.1‰"][1] == 2022
    assert got["47份"][1] == 2021
    assert got["52.3%"] == (2022, 2022, "actual")
    plan = (
        "某市巾帼家政培训工作综述\n发布时间：2021-11-09\n"
        "今年以来培训家政服务人员2100人次。\n"
        "下一步，计划到2022年底新培育示范企业10家，全年培训家政服务人员3000人次以上。\n"
    )
    _, facts = extract_report(plan)
    got = {f["text"]: (f["year_from"], f["year_to"], f["kind"]) for f in facts}
    assert got["3000人次以上"] == (2022, 2022, "target")  # the whole year of the year's end named before


def test_a_congress_counts_itself_in_its_year_and_its_plans_five_year_totals_are_goals() -> None:
    # Written for the project: a district women's congress report whose review opens the body, a
    # section on the congress's own delegates, and the next five years' goals.
    report = (
        "在某区第十四次妇女代表大会上的工作报告\n（2022年6月16日）\n"
        "一、过去五年的工作回顾\n"
        "五年来，累计评选区级最美家庭530户，建成妇女之家135个。\n"
        "二、本次大会代表产生情况\n"
        "本次大会应到代表286名，实到代表279名。\n"
        "三、今后五年的目标任务\n"
        "今后五年的总体目标是：到2027年，妇女作用更加彰显。\n"
        "——每年开展巾帼宣讲不少于600场，五年累计覆盖妇女群众50万人次以上；\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["year_from"], f["year_to"], f["kind"]) for f in facts}
    assert got["530户"] == (2018, 2022, "actual")
    assert got["286名"] == (2022, 2022, "actual")
    assert got["50万人次以上"][1:] == (2027, "target")


def test_a_base_said_a_year_back_is_of_the_year_before_the_one_reported_on() -> None:
    # Written for the project: a civil-affairs report on 2023, issued in January 2024.
    report = (
        "某县民政局关于2023年农村留守儿童关爱保护工作情况的报告\n发布时间：2024-01-12\n"
        "截至2023年12月31日，全县共有农村留守儿童8436名，比上年末的9052名减少616名。\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["year_from"], f["year_to"], f["kind"]) for f in facts}
    assert got["9052名"] == (None, 2022, "actual")
    assert got["8436名"][1] == 2023


def test_a_share_of_the_year_s_plan_done_is_an_actual_and_the_plan_cited_its_quota() -> None:
    # Written for the project: a township's half-year summary.
    report = (
        "某镇妇联2024年上半年工作总结\n发布时间：2024-07-05\n"
        "举办各类培训班11期，培训妇女410人次，占全年计划（600人次）的68.3%。"
        "举办家庭教育讲座7场，完成全年计划12场的58.3%，参与家长约540人次。\n"
    )
    _, facts = extract_report(report)
    kinds = {f["text"]: f["kind"] for f in facts}
    assert (kinds["600人次"], kinds["68.3%"]) == ("target", "actual")
    assert (kinds["12场"], kinds["58.3%"], kinds["约540人次"]) == ("target", "actual", "actual")


def test_a_year_end_goal_said_the_year_after_the_one_reported_on_is_of_the_year_it_is_said_in() -> None:
    # Written for the project: a report on 2023 issued in January 2024, ending with next steps.
    report = (
        "某县民政局关于2023年儿童关爱保护工作情况的报告\n发布时间：2024-01-12\n"
        "全年新建儿童之家20个。\n"
        "下一步，我们将力争年底儿童之家达到180个。\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["year_to"], f["kind"]) for f in facts}
    assert got["20个"] == (2023, "actual")
    assert got["180个"] == (2024, "target")


def test_a_section_after_the_plans_at_their_level_closes_them_and_a_caption_above_holds_nothing() -> None:
    # Written for the project: a congress report whose section on the congress itself follows its
    # plans, and a notice whose requirements follow its targets, with a table's caption and rows above.
    congress = (
        "在某省妇女第十四次代表大会上的报告\n（2022年7月12日）\n"
        "一、过去五年的工作回顾\n五年来，全省建成妇女之家3200个。\n"
        "二、今后五年的目标任务\n到2027年，力争累计培训城乡妇女不少于150万人次。\n"
        "三、关于本次大会\n本次大会应到代表810名，实到代表806名。\n"
    )
    got = placed(congress)
    assert got["不少于150万人次"][1:] == (2027, "target")
    assert got["810名"] == (2022, 2022, "actual") and got["806名"] == (2022, 2022, "actual")
    notice = (
        "关于下达2024年巾帼技能培训任务的通知\n\n各县（区）妇联：\n\n为做好今年的培训工作，现将有关事项通知如下。\n"
        "一、2023年完成情况\n2023年，全市培训城乡妇女6146人次。\n"
        "各县完成情况如下：\n甲县  600  642\n乙县  550  571\n"
        "二、2024年目标任务\n2024年，全市计划培训城乡妇女6350人次。\n"
        "三、工作要求\n每期培训时间不少于5天，回访率达到100%。\n"
    )
    got = placed(notice)
    assert got["6146人次"][2] == "actual"
    assert got["不少于5天"][2] == "target" and got["100%"][2] == "target"


def test_a_summary_s_honours_are_of_its_year_and_a_news_item_s_of_its_day() -> None:
    # Written for the project: the same paragraph in a year's summary signed in January and in news of
    # the January meeting that honoured them.
    body = (
        "（一）思想引领。公众号全年推送信息520条。纪念“三八”国际妇女节，表彰三八红旗手26名，"
        "受表彰个人中乡村一线女性15名。\n\n某县妇联\n2025年1月9日\n"
    )
    summary = placed("某县妇联2024年工作总结\n\n一、2024年主要工作\n\n" + body)
    assert summary["26名"] == (2024, 2024, "actual")
    news = placed(
        "某县妇联召开2024年度总结表彰大会\n\n1月8日，县妇联召开总结表彰大会。2024年，全县培训妇女3100人次。"
        "会上表彰三八红旗手26名，受表彰个人中乡村一线女性15名。\n\n来源：某县妇联　2025-01-09\n"
    )
    assert news["26名"] == (2025, 2025, "actual")


def test_a_running_total_since_a_plan_began_dates_its_own_sentence_only() -> None:
    # Written for the project: a January report on last year, a running total since the plan began in
    # the middle of a paragraph, and the year's honours after it.
    report = (
        "某区妇联执委会工作报告\n（2025年1月16日）\n\n一、2024年工作回顾\n"
        "全区全年开展宣讲2.6万场；“十四五”以来累计宣讲9.8万场。表彰三八红旗手100名。\n"
    )
    got = placed(report)
    assert got["9.8万场"][:2] == (2021, 2024)
    assert got["100名"] == (2024, 2024, "actual")


def test_an_undated_task_in_a_review_given_early_in_the_next_year_is_of_that_year() -> None:
    # Written for the project: a March speech reviews last year and lists this year's tasks without a
    # year in their own paragraph.
    speech = (
        "在全市妇女儿童工作会议上的讲话\n（{date}）\n\n一、去年工作回顾\n去年全市培训妇女1.1万人次。\n\n"
        "二、重点任务\n今年是规划收官之年，下半年国家和省里将开展中期评估，各部门要对照指标逐项梳理。"
        "全年要重点抓好以下几项工作：\n\n"
        "第一，扩大普惠教育资源。新增普惠性学位3000个以上。\n"
    )
    spring = placed(speech.format(date="2025年3月6日"))  # (a speech given in the autumn names its years)
    assert spring["1.1万人次"] == (2024, 2024, "actual")
    assert spring["3000个以上"] == (2025, 2025, "target")


def test_under_a_year_s_end_what_stands_has_no_start_and_what_the_year_added_has() -> None:
    # Written for the project: a statistics bulletin's paragraph opened by 年末, its later clauses
    # naming no time of their own.
    got = placed(
        "某市2024年国民经济和社会发展统计公报\n\n"
        "教育事业。年末全市共有普通高中38所，在校生9.74万人；初中在校生15.60万人，"
        "全年新招收初中学生5.2万人。\n"
    )
    assert got["9.74万人"][:2] == (None, 2024)
    assert got["15.60万人"][:2] == (None, 2024)
    assert got["5.2万人"][:2] == (2024, 2024)


def test_a_notice_s_floor_is_what_it_requires_and_a_summary_s_is_what_was_reached() -> None:
    # Written for the project: the same requirement in a notice and in a year's summary.
    body = "\n（五）质量目标。各承训机构培训合格率不低于95%，取证率不低于80%。\n"
    notice = placed("关于做好2025年巾帼家政技能培训工作的通知" + body)
    summary = placed("某市妇联2025年巾帼家政培训工作总结" + body)
    assert notice["不低于95%"][2] == "target"
    assert summary["不低于95%"][2] == "actual"


def test_years_listed_before_fenbie_go_to_their_figures_in_turn() -> None:
    # Written for the project: a reply to a deputy naming three years' training in one sentence.
    got = placed(
        "关于省人大代表建议的答复（2025年6月）\n"
        "开展育婴员职业技能培训，2022年、2023年和2024年分别培训2100人次、2650人次、3080人次。"
        "2021年以来累计培训9800人次。\n"
    )
    assert got["2100人次"][:2] == (2022, 2022)
    assert got["2650人次"][:2] == (2023, 2023)
    assert got["3080人次"][:2] == (2024, 2024)
    assert got["9800人次"][:2] == (2021, 2025)


def test_a_budget_or_set_value_before_its_figure_is_a_target_and_its_outturn_actual() -> None:
    # Written for the project: a federation's final accounts, item by item, and a project's
    # performance targets against what was done.
    got = placed(
        "某市妇女联合会2024年度部门决算公开\n\n"
        "2024年度本年支出合计865.2万元。行政运行（项）。年初预算为402.5万元，支出决算为418.9万元，"
        "完成年初预算的104.07%。\n“培训妇女人次”年度指标值为≥1200人次，实际完成1315人次。\n",
        "year_to",
        "kind",
        "qualifier",
    )
    assert got["865.2万元"] == (2024, "actual", "exact")  # 本年 after the year said is that year
    assert got["402.5万元"][1] == "target"
    assert got["418.9万元"][1] == got["104.07%"][1] == "actual"
    assert got["≥1200人次"] == (2024, "target", "over")
    assert got["1315人次"][1] == "actual"


def test_what_ran_since_a_start_without_a_year_and_what_stands_now_run_to_the_report_s_year() -> None:
    # Written for the project: a news item of 2026 on a programme launched two years before.
    got = placed(
        "县妇联2026年第三期巾帼电商培训班结业\n发布时间：2026-05-12\n\n"
        "县妇联2024年启动了“云上茶乡”项目。项目启动以来，累计举办培训班9期，培训妇女512人次。\n"
        "2024年，学员李某报名参加培训，当时账号粉丝不到200人。如今，她的账号粉丝已达1.8万。\n"
    )
    assert got["9期"][:2] == got["512人次"][:2] == (None, 2026)
    assert got["不到200人"][:2] == (2024, 2024)
    assert got["1.8万"][:2] == (None, 2026)


def test_kinds_of_document_and_motion_are_no_plan_and_a_goal_cited_with_its_year_is_a_target() -> None:
    # Written for the project: an information-disclosure report's counts, and a monitoring report
    # citing the plan's goal for a year after a result.
    got = placed(
        "某县妇联2025年政府信息公开工作年度报告\n\n"
        "全年主动公开信息80条，其中工作动态52条，规划计划和工作总结6条。"
        "2025年，县妇联承办县人大代表建议4件、政协委员提案2件，办结率100%。\n"
        "九年义务教育巩固率为98.9%，高于“达到97%”的2025年目标。\n",
        "kind",
    )
    assert got["6条"] == got["4件"] == got["2件"] == got["100%"] == ("actual",)
    assert got["98.9%"] == ("actual",)
    assert got["97%"] == ("target",)


def test_a_table_header_naming_its_target_column_opens_no_section_of_plans() -> None:
    # Written for the project: a completion report whose first project has a table by city (its header
    # names a 目标任务 column), the next projects' results in prose after it.
    got = placed(
        "某省妇联关于2025年民生实事完成情况的报告\n"
        "一、各项实事完成情况\n"
        "（一）“两癌”检查。年度目标为50万人，实际完成53.6万人。各市检查完成情况如下：\n"
        "市（州）  目标任务（万人）  实际完成（万人）\n"
        "甲市  4.5  4.9\n"
        "（二）巾帼家政培训。目标培训2万人次，实际培训2.31万人次，推荐就业1.46万人。\n"
    )
    assert got["2.31万人次"][2] == got["1.46万人"][2] == "actual"


def test_a_task_whose_paragraph_reports_its_outcome_is_of_the_reviewed_year_though_said_early() -> None:
    # Written for the project: a January report on last year's projects, each task beside its outcome,
    # then next year's plan.
    got = placed(
        "某省妇联关于2025年民生实事完成情况的报告\n"
        "（一）巾帼家政培训。目标培训2万人次，实际培训2.31万人次，完成率115.5%。\n"
        "二、2026年工作打算\n"
        "全年培训家政从业人员2.2万人次。\n"
        "某省妇女联合会\n2026年1月12日\n"
    )
    assert got["2万人次"] == (2025, 2025, "target")
    assert got["2.31万人次"] == (2025, 2025, "actual")
    assert got["2.2万人次"] == (2026, 2026, "target")


def test_a_breakdown_by_plan_is_no_plan() -> None:
    # Written for the project: a final evaluation's counts of indicators met, broken down by plan.
    got = placed(
        "某县妇女儿童发展规划终期评估报告\n2025年，可监测指标152项，已达标141项。"
        "分规划看，妇女规划可监测指标72项，达标67项，达标率93.1%。\n"
    )
    assert got["67项"][2] == got["93.1%"][2] == "actual"


def test_a_heading_of_work_goals_opens_a_section_of_plans() -> None:
    # Written for the project: a half-year report's closing section of goals for the rest of the year.
    got = placed(
        "某市妇联2026年上半年家庭教育工作情况\n一、主要工作\n上半年开展指导服务活动1500场次。\n"
        "二、下半年工作目标\n（一）全年开展各类指导服务活动3200场次以上，覆盖家长力争达到60万人次。\n"
    )
    assert got["1500场次"][2] == "actual"
    assert got["3200场次以上"][2] == "target"


def test_a_speechs_enumerated_tasks_are_the_coming_years_plans() -> None:
    # Written for the project: a chair's speech in March, last year's results, then the year's tasks
    # each opening its paragraph with 一要/二要 and no year of its own.
    got = placed(
        "在全市妇联工作会议上的讲话\n（2026年3月6日）\n"
        "过去的一年，全市妇联系统培训城乡妇女2.1万人次，新建巾帼就业车间26个。\n"
        "2026年是“十五五”开局之年。全市各级妇联要重点抓好以下工作。\n"
        "一要在建功立业上主动作为。培训城乡妇女2.5万人次，新建巾帼就业车间30个。\n"
        "二要在家庭建设上久久为功。评选市级“最美家庭”100户。\n"
    )
    assert got["2.1万人次"] == (2025, 2025, "actual")
    assert got["2.5万人次"] == got["30个"] == got["100户"] == (2026, 2026, "target")


def test_a_share_right_after_a_count_of_several_years_covers_those_years() -> None:
    # Written for the project: a court's news on three years of family cases.
    got = placed(
        "某市人民法院通报2023年至2025年家事审判工作情况\n发布时间：2026-03-02\n"
        "2023年至2025年，本院共受理家事案件2146件。从案件类型看，离婚纠纷1327件，占61.8%。\n"
        "2023年至2025年受理的家事案件中：\n抚养纠纷　746件　占12.7%\n"
        "2025年，全市女性就业人员32.6万人，占45.2%。\n"
    )
    assert got["1327件"] == got["61.8%"] == (2023, 2025, "actual")
    # a flattened table's row: the share stands in the next cell, after spaces, not a comma
    assert got["746件"] == got["12.7%"] == (2023, 2025, "actual")
    assert got["45.2%"] == (2025, 2025, "actual")


def test_a_congress_counting_itself_below_its_plans_is_no_plan() -> None:
    # Written for the project: a women's congress report ending on the next five years' goals and a
    # note on the session itself.
    got = placed(
        "在某市第十四次妇女代表大会上的工作报告\n（2026年11月24日）\n"
        "一、过去五年的工作回顾\n五年来，全市累计培训城乡妇女36万人次。\n"
        "二、今后五年的目标任务\n力争累计培训城乡妇女40万人次以上。\n"
        "（本报告经大会审议通过。出席本次大会的正式代表680名、特邀代表60名。）\n"
    )
    assert got["40万人次以上"][2] == "target"
    assert got["680名"] == got["60名"] == (2026, 2026, "actual")


def test_bases_said_without_their_year_after_one_said_with_it_in_the_paragraph_are_of_that_year() -> None:
    # Written for the project: a plan's final review listing changes since its base year.
    got = placed(
        "某县2025年妇女发展规划终期评估报告\n"
        "孕产妇死亡率由2020年的23.8/10万下降到2025年的11.6/10万；孕产妇系统管理率由91.2%提高到95.7%。"
        "宫颈癌、乳腺癌筛查率分别由2020年的42.3%和39.6%提高到2025年的72.4%和66.8%。\n"
    )
    assert got["91.2%"] == got["42.3%"] == got["39.6%"] == (2020, 2020, "actual")
    assert got["95.7%"][1] == got["66.8%"][1] == 2025


def test_past_one_year_is_last_year_not_a_span_ending_in_the_report_s() -> None:
    # a March meeting's news, itself of the year it is published in, reviewing the year before
    text = "会上回顾了去年的工作。过去一年，全区开展巾帼志愿服务1800余场次。"
    assert period(text, "1800余场次", report_year=2026, published=2026) == Period(2025, 2025, "actual")


def test_a_quota_beside_its_share_done_is_the_reviewed_year_s_and_funds_obtained_are_done() -> None:
    # Written for the project: a city federation's summary of 2025 signed in January 2026.
    got = placed(
        "某市妇联2025年工作总结\n"
        "全年培训城乡妇女1.36万人次，完成年度目标任务1.2万人次的113.3%。"
        "争取全国妇联“两癌”救助资金132万元，救助患病妇女132名。\n"
        "某市妇联\n2026年1月9日\n"
    )
    assert got["1.2万人次"] == (2025, 2025, "target")
    assert got["132万元"] == got["132名"] == (2025, 2025, "actual")


def test_a_deadline_set_in_an_earlier_sentence_dates_only_its_own_goal() -> None:
    # Written for the project: the closing plans of a January summary.
    got = placed(
        "某市妇联2025年工作总结\n一、2025年工作回顾\n全年培训城乡妇女1.36万人次。\n"
        "二、2026年工作打算\n"
        "2026年是开局之年。三是推进美丽庭院提质扩面，全年新增示范户3万户，到2027年示范户占比达到30%。"
        "四是加强家庭建设，新建家长学校100所。\n"
        "某市妇联\n2026年1月9日\n"
    )
    assert got["30%"] == (2027, 2027, "target")
    assert got["100所"] == (2026, 2026, "target")


def test_a_whole_year_in_a_paragraph_opening_on_an_earlier_year_is_that_year_s_outcome() -> None:
    # Written for the project: a notice issuing 2026's tasks, last year's results in its preamble, on a
    # page whose site name runs into its breadcrumb.
    report = (
        "某市妇女联合会　首页 > 通知公告\n\n"
        "某市妇联关于下达2026年度全市妇联重点工作目标任务的通知\n\n"
        "发布时间：2026-02-11　来源：某市妇联\n\n"
        "2025年，全市各级妇联组织圆满完成了年度目标任务。全年完成“两癌”免费检查6.28万人，"
        "开展家政培训4120人次。\n"
        "一、2026年目标任务：完成“两癌”检查6.5万人。\n"
    )
    document, _ = extract_report(report)
    assert document["title"].startswith("某市妇联关于下达")
    got = placed(report)
    assert got["6.28万人"] == got["4120人次"] == (2025, 2025, "actual")
    assert got["6.5万人"] == (2026, 2026, "target")


def test_a_figure_in_brackets_after_a_comparison_is_the_level_compared_with() -> None:
    # Written for the project: a county bulletin comparing its coverage with the province's average.
    got = placed(
        "某县卫生健康局2024年“两癌”筛查工作通报\n"
        "2024年，全县“两癌”筛查覆盖率达到58.6%，但仍低于全省平均水平（62.4%）3.8个百分点。\n"
    )
    assert got["62.4%"] == (2024, 2024, "actual")
    assert got["3.8个百分点"][2] == "change"


def test_a_plan_s_yearly_goals_under_a_heading_of_goals_are_targets_of_their_years() -> None:
    # Written for the project: a plan's body signed in 2025 (its title, which would say it plans, left
    # out); the section of its yearly goals names each year once, at the head of a line whose later
    # sentences (after ；) name none.
    got = placed(
        "某市妇女联合会\n2025年3月18日\n\n一、工作基础\n\n截至2024年底，全市已建成站点126个。\n\n三、年度目标\n\n"
        "2026年（提升年）：新建站点60个，总数达到246个；家长学校覆盖率达到82%；培训家庭教育指导师460名。\n"
    )
    assert got["82%"] == got["460名"] == (2026, 2026, "target")
    assert got["126个"] == (None, 2024, "actual")


def test_a_summary_titled_in_traditional_script_is_read_as_a_summary() -> None:
    # Written for the project: the same year's summary, its title in either script, published in the
    # next January: a meeting it reports was held in the year it sums up.
    body = (
        "\n发布时间：2025-01-14\n\n一年来，县妇联团结带领全县妇女建功立业。\n\n"
        "一、加强思想引领\n\n召开全县妇联工作会议，280余人参加会议。\n"
    )
    simplified = placed("某县妇联2024年工作总结" + body)
    traditional = placed("某縣婦聯2024年工作總結" + body)
    assert simplified["280余人"] == traditional["280余人"] == (2024, 2024, "actual")


def test_a_paragraph_a_speaker_opens_with_tasks_plans_its_figures() -> None:
    # Written for the project: a working committee meeting's news, the vice-mayor's tasks for the year.
    got = placed(
        "某市召开2025年妇女儿童工作委员会全体会议\n发布时间：2025-03-12\n\n"
        "会议通报，2024年全市新建儿童友好社区42个。\n\n"
        "王某强调，要聚焦重点难点。一是着力促进妇女就业。全年城镇新增女性就业不少于3万人，"
        "新培育巾帼创业项目300个。\n"
    )
    assert got["42个"] == (2024, 2024, "actual")
    assert got["300个"] == (2025, 2025, "target")


def test_a_plan_s_years_within_are_the_years_ahead_but_a_graduate_s_are_no_span() -> None:
    # Written for the project: a congress report's count of graduates who left school within five
    # years, then its goals for the coming five years (to 2026).
    years = placed(
        "某市第十四次妇女代表大会工作报告\n（2021年12月21日）\n\n一、过去五年的工作回顾\n\n"
        "2021年，全市扶持返乡创业妇女214人、毕业5年内的女大学生87人。\n\n二、今后五年的目标任务\n\n"
        "到2026年，妇女发展环境更加优化。五年内培训城乡妇女30万人次以上，力争发放创业担保贷款50亿元。\n",
        "year_to",
        "kind",
    )
    assert years["30万人次以上"] == (2026, "target")
    assert years["50亿元"] == (2026, "target")
    assert years["87人"] == (2021, "actual")


def test_a_running_total_since_a_year_in_chinese_numerals_runs_to_the_report_s_year() -> None:
    # Written for the project: a county news item of 2024 written wholly in Chinese numerals.
    years = placed(
        "某县妇联：创业担保贷款助力巾帼创业\n发布时间：2024-11-20\n\n"
        "今年以来，县妇联联合县人社局推进创业担保贷款工作。自二〇一九年以来，全县累计发放创业担保贷款"
        "十二亿八千余万元，贷款按期回收率达到百分之九十九点二。\n"
    )
    assert years["十二亿八千余万元"] == (2019, 2024, "actual")


def test_a_running_total_reached_after_the_year_s_additions_is_a_stock() -> None:
    # Written for the project: a county federation's year-end summary; the year's new units, then the
    # total they bring it to. The restock model must not turn the total back into the year's.
    years = placed(
        "某县妇联2024年工作总结\n\n2024年，全县各级妇联围绕中心、服务大局。\n"
        "推进“美丽庭院”提质扩面，上半年新增示范户420户，累计达到5380户。全年新建“妇女微家”14个，"
        "累计达到38个；新增执委290名，执委总数达到1318名。\n"
    )
    assert years["420户"] == (2024, 2024, "actual")
    assert years["5380户"] == (None, 2024, "actual")
    assert years["38个"] == (None, 2024, "actual")
    assert years["1318名"] == (None, 2024, "actual")


def test_the_undated_figures_of_a_review_of_a_window_of_months_cover_the_window_s_years() -> None:
    # Written for the project: a mid-term review of a five-year plan, published in September 2023.
    years = placed(
        "某州妇联“十四五”规划中期评估报告\n发布日期：2023-09-04\n\n"
        "州妇联对《规划》自2021年1月实施至2023年6月底的推进情况进行了评估。\n\n"
        "一、主要目标推进情况\n全州各级妇联累计开展主题宣讲4 862场次，为困难妇女发放救助金1 569万元。"
        "两年半来累计培训城乡妇女12.74万人次。力争到2025年底扶持妇女创业就业3万人以上。\n"
    )
    assert years["4 862场次"] == (2021, 2023, "actual")
    assert years["1 569万元"] == (2021, 2023, "actual")
    assert years["12.74万人次"] == (2021, 2023, "actual")
    assert years["3万人以上"][1:] == (2025, "target")


@pytest.mark.parametrize(
    "opening",
    ["", "各位代表：\n\n现在，我代表省妇联第十三届执行委员会向大会作工作报告，请予审议。\n\n"],
    ids=["heading-under-the-date", "after-the-address"],
)
def test_a_year_that_dates_one_figure_of_a_comparison_does_not_date_the_sentences_after_it(
    opening: str,
) -> None:
    # Written for the project: a provincial congress report of 2024 reviewing the five years past; its
    # first numbered heading right under the date, or after the speaker's address.
    years = placed(
        f"某省妇女第十四次代表大会工作报告\n（2024年11月19日）\n\n{opening}一、过去五年的工作回顾\n"
        "全省从事刺绣的妇女由2019年的11万人增加到2024年的近16万人。协调发放妇女创业担保贷款35亿元，"
        "惠及创业妇女2.3万人次。\n"
    )
    assert years["近16万人"][1] == 2024
    assert years["35亿元"] == (2020, 2024, "actual")
    assert years["2.3万人次"] == (2020, 2024, "actual")


def test_a_deadline_within_the_year_plans_the_figure_unless_it_was_met() -> None:
    # Written for the project: a county federation's half-year summary with its tasks for the second half.
    years = placed(
        "某县妇联2024年上半年工作总结\n发布时间：2024-07-12\n\n一、上半年工作\n上半年完成“两癌”筛查9 860人。"
        "已于6月底前将结余的4.5万元全部拨付。\n\n二、下半年工作安排\n"
        "加快筛查进度，9月底前完成全年任务的85%以上；年底前新建“儿童之家”6个。\n",
        "kind",
    )
    assert years["9 860人"] == ("actual",)
    assert years["4.5万元"] == ("actual",)
    assert years["85%以上"] == ("target",)
    assert years["6个"] == ("target",)


def test_how_a_plan_s_indicators_fare_at_a_year_s_end_is_that_year_s_count() -> None:
    # Written for the project: a monitoring report of 2023; the plan's indicators reached and lagging,
    # counted as at the year's end, against a running total of screenings to date.
    years = placed(
        "某市妇女发展规划2023年统计监测报告\n\n截至2023年底，已达到或提前达到2030年目标值的指标49项，"
        "有进展但尚未达标的指标11项；截至2023年底，全市累计开展“两癌”检查12.6万人次。\n"
    )
    assert years["49项"] == (2023, 2023, "actual")
    assert years["11项"] == (2023, 2023, "actual")
    assert years["12.6万人次"] == (None, 2023, "actual")


def test_the_rows_of_a_list_take_the_time_of_the_line_that_leads_them() -> None:
    # Written for the project: a 2024 summary comparing with 2023, whose 2023 figures are broken down
    # by district in rows under the sentence that gives the year.
    _, facts = extract_report(
        "某市妇联2024年工作总结\n\n2024年，全市妇联培训妇女6200人次。\n\n与2023年相比，各区县培训规模扩大。"
        "2023年，全市培训妇女5000人次，新建就业基地42个。分区县看：\n"
        "东城区　培训 1200 人次　新建 9 个\n西岭县　培训 800 人次　新建 6 个\n"
    )
    years = {f["text"]: (f["year_from"], f["year_to"]) for f in facts}
    assert years["6200人次"] == (2024, 2024)
    assert {years[t] for t in ("1200 人次", "9 个", "800 人次", "6 个")} == {(2023, 2023)}


def test_a_review_named_with_the_years_it_covers_dates_its_undated_figures_by_them() -> None:
    # Written for the project: a court's news of its white paper on three years of family cases; a
    # plan's years in a monitoring report's title are no such window (they run past the report).
    _, facts = extract_report(
        "某州中级人民法院\n\n某州中院发布《家事审判白皮书（2021—2023年）》\n\n发布时间：2024-03-07\n\n"
        "3月6日，州中院召开新闻发布会。\n\n从各县市法院收案情况看，甲市人民法院受理家事案件4127件，居全州首位。\n"
    )
    assert [(f["year_from"], f["year_to"]) for f in facts if f["text"] == "4127件"] == [(2021, 2023)]
    _, facts = extract_report(
        "某市儿童发展规划（2011—2020年）2020年统计监测报告\n\n全市共有儿童福利机构12个，孤儿326名。\n"
    )
    assert {f["year_to"] for f in facts} == {2020} and 2011 not in {f["year_from"] for f in facts}


def test_a_budget_s_amounts_and_their_shares_are_planned_its_staff_and_outturn_are_not() -> None:
    # Written for the project: a county federation's budget disclosure.
    _, facts = extract_report(
        "某县妇女联合会2025年部门预算公开\n\n本部门核定编制6名，年初实有在职人员5人。"
        "2025年收入预算142.37万元，全部为一般公共预算拨款收入，占100%。"
        "2023年度决算支出为128.40万元。\n"
    )
    kinds = {f["text"]: f["kind"] for f in facts}
    assert kinds["142.37万元"] == kinds["100%"] == "target"
    assert kinds["6名"] == kinds["5人"] == kinds["128.40万元"] == "actual"


def test_how_early_a_thing_was_done_is_no_year_before() -> None:
    # Written for the project: a congress report's five years, a village lifted out a year early.
    got = placed(
        "某市妇女第九次代表大会工作报告\n（2021年11月8日）\n\n一、过去五年工作回顾\n\n"
        "五年来，全市各级妇联团结带领广大妇女建功新时代，各项工作取得新进展。\n\n"
        "（二）巾帼建功成效明显。帮扶的两个村提前一年出列。联合金融部门发放贷款18.7亿元，扶持2140名妇女创业。\n"
    )
    assert got["18.7亿元"][:2] == (2017, 2021)
