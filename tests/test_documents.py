"""Document attributes: region, organisation, year, script, title, publication date, source."""

from __future__ import annotations

from fulian.text import regions
from fulian.text.documents import extract_document
from fulian.text.normalise import normalise


def doc_of(text: str) -> dict:
    return extract_document(text, normalise(text))


def test_city_report() -> None:
    d = doc_of("东营市妇联2020年工作总结\n2020年,东营市妇联聚焦服务中心。东营市妇联培训妇女1000人。\n")
    assert (d["province"], d["city"], d["county"]) == ("山东省", "东营市", "")
    assert d["organisation"] == "东营市妇联"
    assert d["region_code"] == "370500"
    assert d["report_year"] == 2020
    assert d["script"] == "simplified"
    assert d["title"] == "东营市妇联2020年工作总结"


def test_web_page_metadata_line_gives_date_and_source_not_the_title() -> None:
    d = doc_of(
        "来源：中国妇女报  发布时间：2024-03-05 09:12  浏览次数：1,236\n"
        "湖北省宜昌市夷陵区妇联：巾帼助力乡村振兴\n"
        "2023年，夷陵区妇联开展直播带货培训40余场，参训学员达2600人。\n"
    )
    assert d["title"] == "湖北省宜昌市夷陵区妇联：巾帼助力乡村振兴"
    assert d["publication_date"] == "2024-03-05"
    assert d["source"] == "中国妇女报"
    assert (d["city"], d["county"], d["report_year"]) == ("宜昌市", "夷陵区", 2023)


def test_county_maps_to_its_city() -> None:
    d = doc_of("顺昌县妇联开展关爱活动\n顺昌县妇联联合有关单位举办活动。顺昌县妇联走访慰问儿童50人。")
    assert (d["province"], d["city"], d["county"]) == ("福建省", "南平市", "顺昌县")
    assert d["organisation"] == "顺昌县妇联"
    assert d["region_code"] == "350721"


def test_bare_city_federation_completed_from_context() -> None:
    d = doc_of(
        "聊城乡村振兴简报\n\n第 4 期\n\n聊城市乡村振兴局\n\n2023 年 1 月 31 日\n\n"
        "市妇联深入实施乡村振兴巾帼行动。"
    )
    assert (d["city"], d["organisation"]) == ("聊城市", "聊城市妇联")
    assert d["publication_date"] == "2023-01-31"
    assert d["report_year"] == 2022  # published in January: the work of the year before
    assert d["source"] == "聊城市乡村振兴局"
    assert d["title"] == "聊城乡村振兴简报"


def test_traditional_document() -> None:
    d = doc_of(
        "齊魯網·閃電新聞2月27日訊 2月27日,濱州市政府新聞辦組織召開新聞發布會。"
        "高梅介紹,2022年,濱州市婦聯緊緊圍繞市委部署。濱州市婦聯組宣部被評為先進集體。"
    )
    assert (d["province"], d["city"], d["organisation"]) == ("山东省", "滨州市", "滨州市妇联")
    assert d["script"] == "traditional"
    assert d["report_year"] == 2022
    assert d["publication_date"] is None  # no year stated
    assert d["source"] == "齐鲁网·闪电新闻"


def test_province_wide_report() -> None:
    d = doc_of("山东省妇联召开会议\n山东省妇联部署全年工作，全省各级妇联培训妇女5万人。")
    assert (d["province"], d["city"], d["organisation"]) == ("山东省", "", "山东省妇联")
    assert d["region_code"] == "370000"


def test_no_year_no_date() -> None:
    d = doc_of("连云港市妇联:五大行动助力乡村振兴\n今年推荐4户家庭获全国表彰。\n来源:省妇联新媒体中心\n")
    assert d["report_year"] is None
    assert d["publication_date"] is None
    assert d["source"] == "省妇联新媒体中心"
    assert d["organisation"] == "连云港市妇联"


def test_region_lookups() -> None:
    assert regions.lookup("东营")[0].city == "东营市"
    assert regions.lookup("东营市")[0].code == "370500"
    county = regions.lookup("顺昌县")[0]
    assert regions.city_region(county).city == "南平市"
    # 朝阳区 exists in Beijing and in Changchun: the document's other mentions decide
    both = regions.lookup("朝阳区")
    assert len(both) >= 2
    assert regions.disambiguate(both, {"吉林省"}, set()).city == "长春市"
    # short names are not matched inside ordinary words of running text
    assert [m.name for m in regions.find_mentions("家家幸福安康工程")] == []


def test_a_news_item_belongs_to_the_year_of_the_event_it_leads_with() -> None:
    from fulian.text.extract import extract_report

    # Written for the project: a news page published in January about an event days before, which
    # names last year's programme.
    page = (
        "某县举行春蕾助学金发放仪式\n发布时间：2024-01-15 10:20\n"
        "本报讯（记者 王敏）1月12日上午，某县妇联举行助学金发放仪式，"
        "为86名女童发放助学金9.26万元。助学金来自2023年度“公益日”众筹。\n"
    )
    document, facts = extract_report(page)
    assert document["report_year"] == 2024
    assert {f["text"]: f["year_to"] for f in facts}["9.26万元"] == 2024


def test_a_county_level_city_s_federation_is_its_own_not_its_prefecture_s() -> None:
    from fulian.text.extract import extract_report

    # Written for the project: a county-level city (定州市, under 保定市) reports as 市妇联.
    page = (
        "市妇联2023年工作总结\n"
        "2023年，定州市妇联围绕中心工作，培训农村妇女1200人次。市妇联联合保定市妇联开展宣讲12场，"
        "定州市各乡镇妇联积极参与。\n"
    )
    document, _ = extract_report(page)
    assert document["organisation"].startswith("定州市")


def test_an_ambiguous_district_is_settled_by_an_unambiguous_name() -> None:
    # 宝山区 is a district of 上海 and of 双鸭山; only the text's other names can say which
    d = doc_of("宝山区妇联上半年工作总结\n宝山区妇联推荐上海市三八红旗手2名，区妇联表彰家庭20户。\n")
    assert (d["province"], d["county"]) == ("上海市", "宝山区")


def test_a_township_federation_that_opens_the_title_reports() -> None:
    d = doc_of("依汶镇妇联2023年工作总结\n2023年，依汶镇妇联在沂南县妇联指导下，培训妇女300人。\n")
    assert d["organisation"] == "依汶镇妇联"
    assert d["county"] == "沂南县"


def test_a_source_label_naming_a_level_only_is_that_level_of_the_reports_region() -> None:
    d = doc_of(
        "重庆市城口县人民政府\n首页 | 政务公开\n县妇联助力山区妇女增收\n"
        "来源：县妇联　　发布时间：2024-10-16 10:05\n今年以来，城口县妇联培训家政人员420人。\n"
    )
    assert d["organisation"] == "城口县妇联"
    assert d["publication_date"] == "2024-10-16"


def test_a_meetings_news_reports_on_the_year_whose_work_it_reviews() -> None:
    d = doc_of(
        "东台市妇联召开执委会议\n发布日期：2023-02-16\n2月15日，东台市妇联执委会议召开。"
        "会议回顾总结2022年全市妇联工作，部署2023年重点任务。全年培训妇女3000人次。\n"
    )
    assert d["report_year"] == 2022


def test_an_official_documents_head_names_its_issuer_and_the_notice_is_its_title() -> None:
    d = doc_of(
        "某市妇女联合会\n某市人力资源和社会保障局　文件\n某市农业农村局\n\n某妇联〔2024〕12号\n\n"
        "东营市妇女联合会 东营市人力资源和社会保障局 东营市农业农村局\n"
        "关于下达2024年巾帼技能提升行动培训任务的通知\n\n2023年全市培训妇女5900人，今年下达任务6350人。\n"
        "\n东营市妇女联合会\n2024年3月15日\n"
    )
    assert d["title"] == "关于下达2024年巾帼技能提升行动培训任务的通知"
    assert d["organisation"] == "东营市妇女联合会", "the first issuer reports"
    assert d["report_year"] == 2024


def test_a_notice_issuing_a_plan_reports_on_the_plans_year() -> None:
    d = doc_of(
        "东营市妇女联合会文件\n东妇〔2024〕3号\n关于印发《东营市妇联2024年工作要点》的通知\n"
        "东营市妇女联合会\n2024年2月22日\n2023年，全市新建儿童之家12个。\n"
    )
    assert d["title"] == "关于印发《东营市妇联2024年工作要点》的通知"
    assert d["report_year"] == 2024


def test_a_government_work_report_named_by_its_session_s_year_reports_on_the_year_before() -> None:
    # Written for the project: a county government's work report on its portal, named by the year of
    # the people's congress session it is given to.
    d = doc_of(
        "某县人民政府\n当前位置：首页 > 政务公开 > 政府工作报告\n\n2024年某县政府工作报告（节选）\n"
        "发布时间：2024-01-22\n\n各位代表：全年民生支出28.6亿元。2024年，完成宫颈癌筛查1.5万人。\n"
    )
    assert d["report_year"] == 2023
    d = doc_of("某县妇联2024年工作报告\n\n发布时间：2025-01-22\n\n2024年，全县培训妇女3200人次。\n")
    assert d["report_year"] == 2024


def test_a_congress_report_is_given_for_the_body_its_opening_names() -> None:
    # Written for the project: a town women's congress report, the body named only in the speaker's
    # formula (受…委托), the county in the congress's name.
    d = doc_of(
        "某某自治县青石镇妇女第三次代表大会\n工作报告\n\n（2022年3月25日）\n\n各位代表、同志们：\n\n"
        "受青石镇妇女联合会第二届执行委员会委托，我向大会报告工作，请予审议，并请列席同志提出意见。\n\n"
        "五年来，镇妇联团结带领全镇妇女建功立业，累计培训妇女2300余人次。\n"
    )
    assert d["organisation"] == "青石镇妇女联合会"


def test_a_speaker_s_formula_names_the_township_federation_the_report_is_given_for() -> None:
    # Written for the project: a town women's congress report whose speaker names the federation.
    d = doc_of(
        "凝聚巾帼力量　建设美丽家园\n——在青石镇妇女第二次代表大会上的工作报告\n\n青石镇妇联主席　卓玛\n"
        "（2021年7月16日）\n\n各位代表、同志们：\n\n现在，我代表青石镇妇女联合会第一届执行委员会向大会作工作报告，"
        "请予审议。\n\n五年来，镇妇联累计培训妇女1200余人次。\n"
    )
    assert d["organisation"] == "青石镇妇女联合会"


def test_a_report_about_one_county_named_more_than_its_city_is_the_county_s() -> None:
    # Written for the project: a county statistics report on a government portal, no reporting body
    # named in full.
    d = doc_of(
        "某县人民政府  网站首页 | 政务公开\n当前位置：首页 > 政务公开 > 统计信息\n\n"
        "2023年《固始县儿童发展规划（2021—2030年）》统计监测报告\n\n发布时间：2024-11-20\n\n"
        "截至2023年末，固始县0—17岁儿童24.36万人。信阳市统一部署监测工作，固始县各项指标稳步推进。"
        "固始县婴儿死亡率为2.83‰。\n"
    )
    assert (d["city"], d["county"]) == ("信阳市", "固始县")


def test_a_slogan_title_s_subtitle_names_the_body_that_reports() -> None:
    # Written for the project: a trade union women workers' committee's annual report under a slogan.
    d = doc_of(
        "凝心聚力展巾帼风采　维权服务显娘家温暖\n——芜湖市总工会女职工委员会2023年工作报告\n"
        "（2024年1月25日在市总工会女职工委员会全体会议上）\n\n各位委员、同志们：\n\n"
        "现在，我代表市总工会女职工委员会，向会议报告2023年工作，请予审议。全年新建母婴室126个。\n"
    )
    assert d["organisation"] == "芜湖市总工会女职工委员会"


def test_a_page_dated_in_its_metadata_line_and_its_quarter() -> None:
    d = doc_of(
        "东营市东营区人民政府\n首页 | 政务公开 | 走进东营\n当前位置：首页 > 政务公开 > 部门动态\n"
        "区妇联召开前三季度工作推进会\n2024-10-18 16:42　来源：区妇联\n"
        "10月17日，区妇联召开2024年前三季度工作推进会。该贷款自2021年推出以来累计发放3100万元。\n"
    )
    assert d["title"] == "区妇联召开前三季度工作推进会"
    assert d["publication_date"] == "2024-10-18"
    assert d["report_year"] == 2024, "2024年前三季度 is no 'before 2024'"


def test_a_report_early_in_the_year_on_the_past_year_reports_on_the_year_before() -> None:
    d = doc_of(
        "凝聚巾帼力量 展现女性新作为\n——在东营市妇联执委会议上的工作报告\n（2024年1月19日）\n"
        "一、过去一年工作回顾\n过去的一年，全市培训妇女3.2万人次。\n二、2024年工作安排\n"
        "2024年，力争培训妇女3.5万人次。2024年，新建儿童之家20个。\n"
    )
    assert d["report_year"] == 2023


def test_a_party_group_and_a_court_report_as_themselves() -> None:
    d = doc_of(
        "中共东营市东营区妇女联合会党组2024年工作总结\n（2025年1月10日）\n2024年，区妇联培训妇女3000人次。\n"
    )
    assert d["organisation"] == "中共东营市东营区妇女联合会党组"
    d = doc_of(
        "利津县人民法院 县妇联联合发布婚姻家庭纠纷化解情况\n发布时间：2024-03-06\n"
        "3月5日，利津县人民法院与县妇联联合召开新闻发布会。去年，县妇联调解纠纷276起。\n"
    )
    assert d["organisation"] == "利津县人民法院", "a joint release: the body named first"


def test_a_year_the_title_deploys_is_planned_not_reported_on() -> None:
    d = doc_of(
        "全市妇联工作会议召开 部署2024年重点任务\n发布时间：2024-02-27\n"
        "2月26日，全市妇联工作会议召开。会议全面总结2023年工作。\n2023年，全市培训妇女3200人次。\n"
    )
    assert d["report_year"] == 2023


def test_early_in_the_year_news_reporting_last_year_reports_on_the_year_before() -> None:
    d = doc_of(
        "县法院与县妇联联合发布家事审判情况\n来源：县法院　2024年03月06日\n"
        "3月5日，县法院与县妇联召开发布会，通报去年以来全县婚姻家庭纠纷化解情况。"
        "去年共受理婚姻家庭纠纷案件300件。\n"
    )
    assert d["report_year"] == 2023


def test_a_part_of_the_labelled_publisher_that_the_title_names_reports() -> None:
    d = doc_of(
        "东营市总工会女职工委员会2024年工作报告\n来源：东营市总工会　　发布时间：2025-01-21\n"
        "2024年，市总工会女职工委员会团结引领全市女职工建功立业。全年签订专项集体合同4217份。\n"
    )
    assert d["organisation"] == "东营市总工会女职工委员会"
    assert (d["province"], d["city"]) == ("山东省", "东营市")


def test_a_community_federation_opening_the_title_reports() -> None:
    d = doc_of(
        "锦华社区妇联召开第一季度妇女议事会\n发布时间：2025-04-08\n"
        "4月3日，锦华社区妇联召开妇女议事会，居民代表共23人参加会议。\n"
    )
    assert d["organisation"] == "锦华社区妇联"


def test_the_base_year_of_a_comparison_is_not_the_year_reported_on() -> None:
    d = doc_of(
        "区妇联：今年以来服务妇女儿童9万人次\n发布日期：2024-11-26\n"
        "今年以来，全区新领域妇联组织达到87个，较2021年底的41个增加了一倍多。\n"
    )
    assert d["report_year"] == 2024


def test_a_maternal_and_child_health_hospital_reports_as_itself() -> None:
    d = doc_of(
        "渭源县妇幼保健院2023年妇幼健康工作通报\n发布时间：2024-02-26\n"
        "2023年，全县住院分娩率99.8%，孕产妇系统管理率95.1%。\n"
    )
    assert d["organisation"] == "渭源县妇幼保健院"
    assert (d["city"], d["county"]) == ("定西市", "渭源县")


def test_a_plans_span_in_the_title_is_no_report_year_a_span_opening_a_sentence_ends_in_it() -> None:
    d = doc_of(
        "某市妇女儿童发展规划（2021—2030年）实施情况中期评估报告\n某市妇儿工委办公室\n"
        "按照部署，对两规划2021—2024年实施情况开展了中期评估。\n"
        "2021—2024年，全市财政累计投入妇女儿童事业经费38.6亿元。妇女规划已达到2030年终期目标的指标52项。\n"
    )
    assert d["report_year"] == 2024


def test_a_speechs_subtitle_dates_it_and_a_spans_start_is_no_report_year() -> None:
    d = doc_of(
        "关于某县贯彻实施妇女权益保障法情况的报告\n\n——2024年8月27日在县人民代表大会常务委员会会议上\n\n"
        "主任、各位副主任、各位委员：\n现将有关情况报告如下。全县受理妇女维权投诉86件。\n"
    )
    assert (d["publication_date"], d["report_year"]) == ("2024-08-27", 2024)
    d = doc_of("某市妇联开展两癌筛查\n10月16日讯 自2017年实施项目以来，全市累计筛查妇女98万人。\n")
    assert d["report_year"] is None, "the start of a span says nothing of the year reported on"


def test_an_undated_congress_news_is_dated_by_the_goal_year_of_its_next_years() -> None:
    d = doc_of(
        "省第十三次妇女代表大会开幕\n本报讯 10月27日上午，省第十三次妇女代表大会开幕。"
        "报告指出，五年来，全省累计培训城乡妇女38.6万人次。"
        "报告提出，今后五年，全省各级妇联将力争到2026年累计培训城乡妇女30万人次以上。\n"
    )
    assert d["report_year"] == 2021


def test_a_credit_after_the_text_names_the_reporter_on_a_portal_whose_head_names_the_government() -> None:
    page = (
        "某市人民政府 | 乡镇动态\n首页  政务公开  乡镇动态  便民服务\n"
        "高岭镇妇联举办电商直播技能培训班\n发布时间：2021-05-10 09:30  浏览次数：211\n"
        "5月8日，高岭镇妇联举办培训班，全镇46名妇女参加培训。\n（高岭镇妇联 供稿）\n"
        "上一篇：某镇开展活动\n主办单位：某市人民政府办公室\n"
    )
    d = doc_of(page)
    assert d["organisation"] == "高岭镇妇联"
    assert d["title"] == "高岭镇妇联举办电商直播技能培训班"


def test_a_government_s_general_office_reports_as_itself() -> None:
    d = doc_of(
        "仪陇县人民政府办公室关于2022年民生实事项目进展情况的通报\n各乡镇人民政府：\n"
        "截至9月底，全县完成宫颈癌检查1.2万人。\n仪陇县人民政府办公室\n2022年10月14日\n"
    )
    assert d["organisation"] == "仪陇县人民政府办公室"


def test_a_news_item_opening_on_its_event_s_day_is_of_that_year_but_not_an_early_year_meeting() -> None:
    body = (
        "某县召开巾帼工坊建设推进会\n发布时间：{pub}\n"
        "{day}，某县巾帼工坊建设推进会召开。\n2023年，全县巾帼工坊实现产值1.36亿元。\n"
    )
    assert doc_of(body.format(pub="2024-04-18", day="4月17日"))["report_year"] == 2024
    # a meeting early in the year reviews the year before
    assert doc_of(body.format(pub="2024-02-20", day="2月19日"))["report_year"] == 2023


def test_an_early_year_news_item_of_an_event_that_is_no_meeting_is_of_its_own_year() -> None:
    d = doc_of(
        "某镇妇联开展庆祝三八国际妇女节系列活动\n发布时间：2024-03-11\n"
        "3月6日上午，镇妇联在集镇主街开展普法宣传，发放宣传资料600余份。\n"
        "活动中表彰了2023年度巾帼建功标兵12名。\n"
    )
    assert d["report_year"] == 2024
    d = doc_of(
        "某区三八表彰会举行\n发布时间：2024-03-07\n"
        "3月6日下午，某区纪念三八国际妇女节暨表彰大会举行，表彰2023年度三八红旗手20名。\n"
    )
    assert d["report_year"] == 2023, "a commendation meeting in March is of the year it commends"


def test_a_report_to_a_congress_session_on_data_to_last_year_s_end_reports_on_that_year() -> None:
    head = "某市人民政府关于妇女发展规划实施情况的报告\n\n——2024年10月29日在市人民代表大会常务委员会会议上\n"
    d = doc_of(head + "截至2023年底，58项监测指标中已达到中期目标的有41项。\n")
    assert d["report_year"] == 2023
    d = doc_of(head + "全市受理妇女维权投诉86件，监测指标达标41项。\n")
    assert d["report_year"] == 2024, "without a cut-off, a session's report is of its year"


def test_a_white_paper_on_past_years_reports_on_the_last_and_the_court_that_opens_its_news_reports() -> None:
    d = doc_of(
        "五年审结家事案件一万四千余件\n——家事审判工作白皮书（2019—2023年）发布\n"
        "发布时间：2024-05-14　　来源：本院新闻中心\n"
        "5月14日，在“国际家庭日”来临之际，重庆市渝北区人民法院联合区妇联召开新闻发布会，"
        "发布白皮书，通报5起典型案例。\n"
    )
    assert (d["report_year"], d["publication_date"]) == (2023, "2024-05-14")
    assert d["organisation"] == "重庆市渝北区人民法院"


def test_a_date_after_the_source_label_dates_the_page() -> None:
    d = doc_of(
        "全区巾帼家政提质扩容再加速\n来源：广西壮族自治区妇女联合会　　2023-09-22 10:35　　字号：大 中 小\n"
        "9月20日，全区推进会在玉林市召开。2021年以来，全区累计培训12.6万人次。\n"
    )
    assert (d["publication_date"], d["report_year"]) == ("2023-09-22", 2023)


def test_a_two_character_county_inside_a_word_before_妇联_is_no_reporter() -> None:
    # 领导和县妇联: "leadership and the county federation", not 和县 (安徽省马鞍山市)
    d = doc_of(
        "天荒坪镇妇联2022年度工作总结\n2022年，镇妇联在镇党委的坚强领导和县妇联的精心指导下，全面完成湖州市下达的任务。\n"
    )
    assert d["province"] == "浙江省"


def test_a_credit_naming_the_writer_after_the_body_still_names_the_reporter() -> None:
    d = doc_of(
        "“家校社”携手 共育好家风\n——某街道举办家庭教育公益讲座\n"
        "5月20日下午，一场家庭教育公益讲座在某街道党群服务中心举行，辖区家长120余人参加活动。\n"
        "（南营门街道妇联 供稿  通讯员 陈思雨）\n2023-05-22\n"
    )
    assert d["organisation"] == "南营门街道妇联"


def test_studying_a_congress_s_spirit_is_no_congress_report() -> None:
    d = doc_of(
        "凝心聚力 建功新征程\n——在市妇联十四届五次执委（扩大）会议上的讲话\n（2024年1月23日）\n"
        "这次会议的任务是，学习贯彻中国妇女第十三次全国代表大会精神，总结全市妇联工作。\n"
        "过去的一年，全市组建宣讲团42支。今年，力争新建示范基地30个。\n"
    )
    assert d["report_year"] == 2023


def test_a_media_centre_s_news_of_federation_work_in_one_place_is_that_place_s_federation_s() -> None:
    d = doc_of(
        "我市表彰2023年度三八红旗手\n"
        "诸暨市融媒体中心讯（记者 某某）3月7日上午，我市召开纪念三八国际劳动妇女节暨表彰大会。"
        "会议授予40名同志“诸暨市三八红旗手”称号。过去一年，全市各级妇联组织开展培训120余期。\n"
    )
    assert d["organisation"] == "诸暨市妇联"
    d = doc_of("诸暨市召开安全生产会议\n诸暨市融媒体中心讯 3月7日，全市检查企业120家。\n")
    assert d["organisation"] == "", "no federation work, no federation"


def test_a_community_federation_after_a_title_s_bar_or_wechat_s_original_mark_reports() -> None:
    d = doc_of(
        "巾帼暖心 力量在社区｜汇润社区妇联2024年第一季度工作简报\n"
        "原创 汇润社区妇联 天津市河西区越秀路街道汇润社区 2024-04-03 17:26\n"
        "2024年第一季度，社区妇联开展庆祝三八国际妇女节系列活动5场，参与妇女180余人次。\n"
    )
    assert d["organisation"] == "汇润社区妇联"


def test_a_township_body_named_with_its_county_once_places_the_report_in_that_county() -> None:
    d = doc_of(
        "洪水镇妇联：志愿服务走进12个村\n来源：洪水镇妇联  发布时间：2024-03-08\n"
        "本网讯 3月5日，民乐县洪水镇妇联组织巾帼志愿者43名走进12个村开展志愿服务。\n"
    )
    assert (d["city"], d["county"]) == ("张掖市", "民乐县")


def test_news_of_the_day_it_is_published_is_of_that_year_whatever_year_its_background_opens_with() -> None:
    # Written for the project: an item published on the day its lead names, whose background paragraph
    # opens with the year before.
    d = doc_of(
        "某市春蕾助学金发放仪式举行\n"
        "来源：某市妇联　发布时间：2019-10-11 16:42\n"
        "10月11日是国际女童日。当天上午，某市妇联举行助学金发放仪式，向120名女童发放助学金。\n"
        "2018年，全市共资助女童986名。今年以来，共募集善款213.6万元。\n"
    )
    assert d["report_year"] == 2019


def test_a_township_named_by_the_page_reports_through_its_federation_and_a_court_by_its_full_name() -> None:
    # Written for the project: a township's news on its county's portal, its federation named by level
    # alone; a city intermediate court's news.
    township = doc_of(
        "干汊河镇20户家庭获评2023年度镇级“最美家庭”\n"
        "舒城县人民政府网　　2024-03-08 16:21　　来源：干汊河镇\n"
        "3月6日下午，干汊河镇召开表彰会，为20户家庭颁发证书。镇妇联负责人介绍了评选情况。\n"
    )
    assert township["organisation"] == "干汊河镇妇联"
    court = doc_of(
        "桂林中院通报妇女儿童权益司法保护工作情况\n发布时间：2022-03-07　来源：桂林市中级人民法院\n"
        "“三八”国际妇女节前夕，桂林市中级人民法院召开新闻发布会，与市妇联共同通报去年发出保护令41份。\n"
    )
    assert court["organisation"] == "桂林市中级人民法院"


def test_a_speaker_s_formula_a_page_widget_and_a_community_s_credit_name_the_body_that_reports() -> None:
    # Written for the project: a city congress report naming its body only where the speaker says whom
    # she speaks for; a bureau's page whose byline carries the font-size widget; a community's post
    # naming its federation once mid-text and credited at its foot by level alone.
    congress = doc_of(
        "凝心聚力 建功新时代\n——在宿州市妇女第七次代表大会上的工作报告\n（2021年10月12日）\n各位代表：\n"
        "现在，我代表宿州市妇女联合会第六届执行委员会向大会作工作报告，请予审议。\n"
        "五年来，全市各级妇联组织在省妇联指导下，培训妇女3.2万人次。省妇联多次肯定我市工作。\n"
    )
    assert (congress["organisation"], congress["city"]) == ("宿州市妇女联合会", "宿州市")
    bureau = doc_of(
        "洋县完成年度适龄妇女“两癌”筛查任务\n\n洋县卫生健康局　　【字体：大 中 小】\n\n"
        "今年以来，县卫健局联合县妇联为全县8000名妇女开展免费筛查，完成率102.5%。\n"
    )
    assert bureau["organisation"] == "洋县卫生健康局"
    community = doc_of(
        "春风里的亲子课堂\n\n花桥街道微家园　原创　2025年03月08日\n\n"
        "3月7日上午，由花桥街道妇联指导，桃源社区妇联联合辖区幼儿园举办亲子课堂，20组家庭参加。\n\n"
        "图文：社区妇联\n编辑：王丽\n审核：李娜\n终审：赵红\n\n"
        "花桥街道微家园\n街道官方公众号。\n\n阅读 860　赞 31\n"
    )
    assert community["organisation"] == "桃源社区妇联"


def test_a_congress_early_in_the_year_reports_on_the_year_before() -> None:
    # Written for the project: a district congress in March reviews the five years to last year's end;
    # one in the autumn reviews them up to its own year.
    head = "——在某区第四次妇女代表大会上的工作报告\n（{date}）\n各位代表：\n五年来，全区培训妇女1.2万人次。\n"
    assert doc_of("凝聚巾帼力量\n" + head.format(date="2026年3月26日"))["report_year"] == 2025
    assert doc_of("凝聚巾帼力量\n" + head.format(date="2026年10月12日"))["report_year"] == 2026


def test_a_body_that_calls_itself_our_procuratorate_reports() -> None:
    # Written for the project: a procuratorate's news with the county federation beside it, signed by
    # its own department; the federation is named, but the text's "我院" is the procuratorate.
    doc = doc_of(
        "检护半边天——某县检察院通报妇女儿童权益保护工作\n\n时间：2025-03-06　作者：第三检察部\n\n"
        "3月5日，麻阳苗族自治县人民检察院联合县妇女联合会召开通报会。\n\n"
        "2024年，我院共受理审查逮捕侵害妇女儿童犯罪案件38件46人，县妇联移送救助线索14条。\n"
    )
    assert doc["organisation"] == "麻阳苗族自治县人民检察院"


def test_a_township_report_that_names_no_county_is_placed_by_its_township() -> None:
    # Written for the project: a township's summary naming neither its county nor its city; the
    # divisions' table has one 溪翁庄镇 (北京市密云区) and five 金牛镇, of which the province picks one.
    doc = doc_of("溪翁庄镇妇联2024年工作总结\n\n2024年，镇妇联在区妇联指导下，培训妇女320人次。\n")
    assert (doc["province"], doc["county"]) == ("北京市", "密云区")
    ambiguous = doc_of("金牛镇妇联2023年度工作总结\n\n2023年，镇妇联带领全镇妇女发展水果产业。\n")
    assert ambiguous["county"] == ""
    named = doc_of("金牛镇妇联2023年度工作总结\n\n2023年，云南省金牛镇妇联带领全镇妇女发展水果产业。\n")
    assert (named["city"], named["county"]) == ("大理白族自治州", "宾川县")


def test_an_undated_school_year_news_item_is_of_its_term_s_year() -> None:
    # Written for the project: an education bureau's news dated by its day alone, on a school year's event.
    lead = (
        "某县教育局开展关爱留守儿童活动\n来源：某县教育局\n\n"
        "　　{day}，某县教育局举行2024—2025学年“春蕾班”助学金发放仪式，为80名女生发放助学金16万元。\n"
    )
    assert doc_of(lead.format(day="11月20日"))["report_year"] == 2024
    assert doc_of(lead.format(day="3月6日"))["report_year"] == 2025


def test_a_people_s_congress_inspection_group_reports_and_early_reviews_are_of_the_year_before() -> None:
    # Written for the project: an inspection report signed by the congress's group; a bureau's review
    # feature published in January opening on a day of its own month; an undated meeting's news.
    inspection = doc_of(
        "某市人大常委会执法检查组关于检查妇女权益保障法实施情况的报告\n\n市人大常委会：\n"
        "检查组听取了市妇联等12个部门的汇报。全市共核发人身安全保护令81份。\n\n泰安市人大常委会执法检查组\n2024年10月\n"
    )
    assert inspection["organisation"] == "泰安市人大常委会执法检查组"
    review = doc_of(
        "合作社让妇女腰包鼓起来\n——县农业农村局推进巾帼行动综述\n"
        "发布时间：2025-01-16　来源：静宁县农业农村局\n\n"
        "　　1月10日，记者走进合作社。全县女性领办合作社达到137家，全年销售额1.52亿元。\n"
    )
    assert review["report_year"] == 2024
    meeting = doc_of(
        "市残联召开工作推进会\n\n　　1月22日，市残联召开推进会，通报2024年度工作情况，部署2025年重点任务。"
        "2025年将为1900名残疾儿童实施康复救助。\n"
    )
    assert meeting["report_year"] == 2024


def test_a_news_office_s_press_conference_is_reported_by_the_body_it_invites() -> None:
    # Written for the project: the government news office holds it and is its source; the provincial
    # federation presents its year.
    doc = doc_of(
        "广东省人民政府新闻办公室新闻发布会实录\n巾帼奋进新征程\n\n时间：2025年2月27日\n\n"
        "今天上午，省政府新闻办举行新闻发布会，邀请省妇联主席介绍全省妇女工作情况。\n\n"
        "主席：2024年，全省组建巾帼宣讲队伍4800余支。\n\n（来源：广东省人民政府新闻办公室 2025-02-27）\n"
    )
    assert doc["organisation"] == "广东省妇联"
    # the conference named in the subtitle, its presenter asked (请) with two titles: the first body
    subtitled = doc_of(
        "广东省人民政府新闻办公室\n\n全省妇女儿童规划实施过半\n——省政府新闻办举行规划中期评估情况新闻发布会\n\n"
        "今天上午，省政府新闻办举行新闻发布会，请省政府妇女儿童工作委员会办公室常务副主任、省妇联副主席"
        "介绍有关情况。\n\n2024年，全省孕产妇死亡率为9.8/10万。\n"
    )
    assert subtitled["organisation"] == "广东省政府妇女儿童工作委员会办公室"
    # the federation's party secretary presents: the federation, not its party group, reports
    secretary = doc_of(
        "某某网2月27日讯 2月27日,滨州市政府新闻办组织召开纪念三八国际妇女节新闻发布会,"
        "邀请滨州市妇联党组书记、主席介绍妇女儿童工作有关情况。\n2022年,滨州市妇联培训妇女3200人次。\n"
    )
    assert secretary["organisation"] == "滨州市妇联"


def test_a_body_s_own_site_name_above_its_menu_names_the_reporter() -> None:
    # Written for the project: a disabled persons' federation's own page, its name heading the site
    # above the breadcrumb; its news names the women's federation among the attendees.
    doc = doc_of(
        "淮安市残疾人联合会\n首页 > 残联动态 > 工作动态\n\n市残联召开残疾妇女儿童工作推进会\n"
        "2024年为1926名残疾儿童实施康复救助\n\n"
        "　　1月22日，市残联召开全市残疾妇女儿童工作推进会，通报2024年度工作情况。"
        "市妇联、市卫健委有关负责同志参加会议。\n\n"
        "　　（市残联康复部　咨询电话：0517-83662150）\n\n版权所有：淮安市残疾人联合会　　邮编：223001\n"
    )
    assert doc["organisation"] == "淮安市残疾人联合会"


def test_a_village_page_under_its_township_s_portal_is_placed_in_the_county() -> None:
    # Written for the project: a village federation's notice on the township portal, whose breadcrumb
    # writes the county before the township (泾县 is two characters, too short to trust alone).
    doc = doc_of(
        "泾县桃花潭镇人民政府 > 信息公开 > 村务公开 > 柳溪村\n柳溪村妇联2024年度工作情况公开\n"
        "发布日期：2025-01-06\n\n　　2024年，村妇联组织开展活动18场，评选村级“最美家庭”10户。\n"
    )
    assert (doc["city"], doc["county"]) == ("宣城市", "泾县")


def test_a_wechat_post_s_author_after_original_reports_and_its_street_places_it() -> None:
    # Written for the project: a street federation's post, its byline "原创 author account date", the
    # street written as people write it (the divisions list it as 唐家墩街街道).
    doc = doc_of(
        "家长课堂半年开讲20场\n\n原创　唐家墩街道妇联　唐家墩e家　2025年07月08日 18:30　湖北\n\n"
        "　　今年上半年，街道“家长课堂”举办讲座20场，服务家庭600余户。\n"
    )
    assert (doc["organisation"], doc["city"], doc["county"]) == ("唐家墩街道妇联", "武汉市", "江汉区")


def test_a_bulletin_with_its_survey_team_is_the_bureau_s_and_a_speech_for_a_government_its() -> None:
    # Written for the project: a statistics bulletin's byline names the bureau and the national bureau's
    # survey team; a vice-mayor's speech speaks for the city government, though it cites the federation.
    bulletin = doc_of(
        "某年度统计公报（节选）\n\n六安市统计局　国家统计局六安调查队\n发布时间：2025年3月26日\n\n"
        "　　年末全市户籍人口560万人，全年出生人口3.9万人。\n"
    )
    assert bulletin["organisation"] == "六安市统计局"
    speech = doc_of(
        "在全市妇女儿童工作会议上的讲话\n（2025年3月6日）\n\n同志们：\n\n"
        "　　刚才，长治市妇联通报了全市妇女儿童工作情况。"
        "借此机会，我代表市政府，向全市广大妇女同胞致以节日的祝福！"
        "去年全市培训妇女1.1万人次。\n"
    )
    assert speech["organisation"] == "长治市政府"


def test_a_party_group_named_in_the_title_reports_though_the_source_label_names_its_federation() -> None:
    # Written for the project: a county federation's party group publishes its rectification notice on
    # the federation's site; the source label names the federation by its short name.
    doc = doc_of(
        "中共寿阳县妇女联合会党组关于巡察整改进展情况的通报\n\n"
        "发布时间：2025-10-09 10:00　　来源：寿阳县妇联\n\n"
        "　　巡察反馈的9个具体问题中，已完成整改7个。\n"
    )
    assert doc["organisation"] == "中共寿阳县妇女联合会党组"


def test_a_release_published_the_day_before_the_observance_it_opens_with_is_of_that_year() -> None:
    # Written for the project: a court's release the day before 11月25日, its body reviewing the years
    # since 2023 sentence by sentence.
    doc = doc_of(
        "某市中院通报近三年人身安全保护令案件审理情况\n\n发布时间：2025-11-24 16:30\n\n"
        "11月25日是“国际消除对妇女的暴力日”。11月24日上午，某市中级人民法院召开新闻发布会。\n\n"
        "2023年以来，全市法院共受理人身安全保护令申请案件380件。2023年受理110件。"
        "2023年，全市法院共审结案件105件。\n"
    )
    assert doc["report_year"] == 2025


def test_a_wechat_byline_s_account_after_its_author_reports() -> None:
    # Written for the project: a street federation's year review, its byline "原创 author account date".
    doc = doc_of(
        "年终盘点丨一路生花——某某街道妇联2025年工作回眸\n\n"
        "原创 巾帼小编 南苑街道妇联 2026年1月6日 18:06 江苏\n\n"
        "2025年，街道妇联带领辖区18个社区妇联，举办活动120场。\n"
    )
    assert doc["organisation"] == "南苑街道妇联"


def test_a_government_portal_s_name_above_its_menu_hosts_the_report_its_title_names() -> None:
    # Written for the project: a township federation's summary saved from its county's portal.
    doc = doc_of(
        "屯昌县人民政府网\n首页 > 政务公开 > 乡镇动态\n\n"
        "枫木镇妇联2025年工作总结及2026年工作计划\n发布时间：2025-12-19 10:20\n\n"
        "2025年，镇妇联举办培训班6期，培训妇女320人次。\n\n枫木镇妇女联合会\n2025年12月12日\n"
    )
    assert doc["organisation"] == "枫木镇妇女联合会"


def test_a_city_police_bureau_s_branch_reports_for_the_district_it_is_named_after() -> None:
    # Written for the project: a district police release on a city bureau's site, its source a branch.
    doc = doc_of(
        "警方通报反家庭暴力工作情况\n\n发布时间：2026-02-28 09:30　来源：佛山市公安局顺德分局\n\n"
        "2025年，全区公安机关接报家暴警情2104起，出具家庭暴力告诫书406份。\n"
    )
    assert (doc["organisation"], doc["city"], doc["county"]) == ("佛山市公安局顺德分局", "佛山市", "顺德区")


def test_a_paragraph_opening_with_next_year_is_no_topic_of_a_review_published_this_year() -> None:
    # Written for the project: a provincial programme's review published in November, its last
    # paragraph on next year's plans.
    doc = doc_of(
        "春蕾计划实施情况综述\n来源：省妇联　发布时间：2026-11-18 09:46\n\n"
        "自1993年启动以来，全省累计资助春蕾女童46.8万人次。\n"
        "2027年，省妇联将力争筹集春蕾资金不少于5000万元。\n"
    )
    assert doc["report_year"] == 2026


def test_a_year_that_opens_a_running_total_is_not_the_year_a_news_item_reports_on() -> None:
    # Written for the project: a bureau's news of the first three quarters naming no year but a total's
    # start.
    doc = doc_of(
        "某县前三季度城镇新增就业5126人\n发布时间：2026-10-16 11:32　来源：某县人力资源和社会保障局\n\n"
        "今年以来，县人社局举办职业技能培训班142期。2021年以来，全县累计发放创业担保贷款5.26亿元。\n"
    )
    assert doc["report_year"] == 2026


def test_a_township_several_counties_have_is_the_one_whose_county_the_head_names_short() -> None:
    # Written for the project: a township federation's WeChat post, its account named after the county.
    doc = doc_of(
        "巾帼绽芳华 | 渤海镇“三八”系列活动收官\n\n原创　渤海镇妇联　怀柔渤海巾帼　2026年3月11日 18:06\n\n"
        "3月8日，镇妇联举办活动6场，参与妇女420人次。\n"
    )
    assert (doc["province"], doc["county"]) == ("北京市", "怀柔区")


def test_news_leading_on_the_year_so_far_is_of_its_publication_year_whatever_its_anecdotes_date() -> None:
    # Written for the project: a county portal's news in May on loans since January, with a borrower's
    # story that opens on last year.
    d = doc_of(
        "某县人民政府门户网站\n巾帼创业贷助力妇女致富\n发布时间：2026-05-08\n"
        "今年以来，县妇联持续推进妇女创业担保贷款工作。1至4月全县累计发放贷款186笔、2970万元。\n"
        "2025年，合作社通过县妇联协调获得贷款20万元，带动12名妇女就业。\n"
    )
    assert d["report_year"] == 2026


def test_a_committee_labelled_short_reports_under_the_full_name_its_byline_spells_out() -> None:
    # Written for the project: a county portal's disclosure page for a plan's final review.
    d = doc_of(
        "某县人民政府\n首页 > 政务公开 > 规划计划\n"
        "索引号：620000-TW-0512-2026-00037　　发布机构：通渭县妇儿工委办　　发布日期：2026-05-12\n"
        "通渭县“十四五”妇女发展规划实施情况终期评估报告\n"
        "通渭县人民政府妇女儿童工作委员会办公室\n"
        "规划实施五年来，全县妇女发展环境不断优化。规划共设置主要监测指标62项，达标55项。\n"
    )
    assert d["organisation"] == "通渭县人民政府妇女儿童工作委员会办公室"


def test_a_township_federation_reports_for_its_own_county_not_one_it_visited() -> None:
    # Written for the project: a township's report whose text names only a county its women visited.
    d = doc_of(
        "寿山寺乡妇联关于2025年“美丽庭院”创建工作情况的报告\n乡党委、乡政府，县妇联：\n"
        "2025年，乡妇联紧扣和美乡村建设，把“美丽庭院”创建作为服务乡村振兴的主抓手。\n一、基本情况\n"
        "全乡新创建示范户320户，星级户96户。\n二、主要做法\n"
        "组织各村妇联主席到肥乡区、魏县等地观摩学习2次。\n"
    )
    assert (d["city"], d["county"]) == ("邯郸市", "馆陶县")


def test_a_township_federation_s_summary_on_its_county_s_portal_is_the_federation_s() -> None:
    # Written for the project: a county government's site hosting a township federation's summary.
    d = doc_of(
        "霍山县人民政府\n首页 | 政务公开 | 政务服务\n"
        "您现在所在的位置：网站首页 > 乡镇 > 但家庙镇 > 工作总结\n\n"
        "但家庙镇妇联2024年度工作总结\n发布时间：2025-01-09 15:20\n\n"
        "2024年，镇妇联团结带领全镇妇女建功立业，全年培训妇女312人次。\n"
    )
    assert (d["organisation"], d["county"]) == ("但家庙镇妇联", "霍山县")


def test_a_street_named_after_a_city_does_not_place_a_report_in_that_city() -> None:
    # Written for the project: a Shanghai street office's news whose first lines name a road called
    # after another city (中山北路); its street (长风新村街道) is Shanghai's 普陀区.
    doc = doc_of(
        "长风新村街道：儿童之家建到家门口\n\n来源：长风新村街道妇联　　2024-07-09\n\n"
        "暑假第一周，长风新村街道中山北路第三居民区的儿童之家里，20多个孩子学做剪纸。\n"
    )
    assert (doc["province"], doc["county"]) == ("上海市", "普陀区")


def test_a_mid_term_review_reports_on_the_year_its_window_of_months_ends() -> None:
    # Written for the project: a city federation's review of its plan, opening with the year the plan
    # was issued; the window it reviews ends in 2023.
    doc = doc_of(
        "某市妇联工作规划实施情况中期评估报告\n\n发布时间：2023-09-15\n\n"
        "2021年，市妇联印发工作规划，确定主要指标32项。市妇联对规划实施以来（2021年1月至2023年6月）的"
        "进展情况进行了评估。2021年，全市培训妇女1.2万人次。\n"
    )
    assert doc["report_year"] == 2023


def test_a_village_federation_a_title_opens_with_reports_on_its_county_federation_s_page() -> None:
    # Written for the project: a county federation's page, its source label the county's, carrying a
    # village federation's own news, the title opening with that federation and a colon.
    doc = doc_of(
        "当前位置：首页 > 基层动态\n发布时间：2024-06-21 16:05　　来源：尤溪县妇联\n\n"
        "桂峰村妇联：巾帼志愿队撑起古村半边天\n\n走进尤溪县洋中镇桂峰村，38名志愿者正在清扫古道。\n"
    )
    assert doc["organisation"] == "桂峰村妇联"
    plain = doc_of(
        "当前位置：首页 > 基层动态\n发布时间：2024-06-21 16:05　　来源：尤溪县妇联\n\n"
        "巾帼志愿队撑起古村半边天\n\n走进尤溪县洋中镇桂峰村，38名志愿者正在清扫古道。\n"
    )
    assert plain["organisation"] == "尤溪县妇联"


def test_a_government_site_s_disclosure_block_is_no_title_and_a_review_window_names_the_report_year() -> None:
    # Written for the project: a prefecture's portal page carrying its federation's mid-term review; the
    # disclosure block opens the page, the review covers a window of months running into mid-2023, the
    # text names its body by the short name and level only (州妇联, 红河州妇女联合会).
    d = doc_of(
        "某州人民政府门户网站\n首页 > 政务公开 > 规划信息\n\n"
        "索 引 号：11532500MB1K/2023-0917    发布机构：州妇联\n发布日期：2023-09-04\n\n"
        "红河州妇联关于“十四五”规划实施情况的中期评估报告\n\n"
        "州妇联对《规划》自2021年1月实施至2023年6月底的推进情况进行了评估。全州累计培训妇女12.7万人次。\n\n"
        "红河州妇女联合会\n2023年8月28日\n"
    )
    assert d["title"] == "红河州妇联关于“十四五”规划实施情况的中期评估报告"
    assert d["report_year"] == 2023
    assert d["organisation"] == "红河州妇女联合会"
    assert d["city"] == "红河哈尼族彝族自治州"


def test_a_spring_news_item_whose_figures_run_into_its_own_year_reports_on_that_year() -> None:
    # Written for the project: a city federation's March news of a results release; the dateline and
    # byline come before the event's day, the figures run from last year to February of this one.
    d = doc_of(
        "江门妇联助万余名妇女家门口就业\n\n日期：2024-03-07　来源：江门市妇联\n\n"
        "　　江门讯（通讯员 某某）3月6日，江门市妇联举行女性就业创业成果发布会。二〇二三年以来，全市累计帮助"
        "12 600余名妇女就近就业，近一年来越来越多。截至 2 0 2 4 年 2 月底，全市累计开发“妈妈岗”3 415个。\n"
    )
    assert d["report_year"] == 2024
