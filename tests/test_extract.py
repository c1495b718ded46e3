"""Fact extraction: values, units, qualifiers, exclusions, offsets; and the score on the gold seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fulian.evaluation.score import read_jsonl, score
from fulian.settings import PROJECT_ROOT
from fulian.text.extract import EXTRACTOR_VERSION, content_version, extract_report, extractor_files
from fulian.text.facts import categorise, extract_facts
from fulian.text.normalise import normalise

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "eval" / "seeds"
CORPUS = REPO / "seeds"
FIELDS = {"text", "value", "unit", "qualifier", "metric", "category", "sentence", "start", "end"}


def facts_of(text: str) -> list[dict]:
    return extract_facts(text, normalise(text))


def one(text: str) -> dict:
    facts = facts_of(text)
    assert len(facts) == 1, facts
    return facts[0]


@pytest.mark.parametrize(
    ("text", "quantity", "value", "unit", "qualifier"),
    [
        ("帮扶困难妇女百余名。", "百余名", 100, "名", "over"),
        ("近千人参与活动。", "近千人", 1000, "人", "about"),
        ("发放贷款1.2亿元。", "1.2亿元", 120_000_000, "元", "exact"),
        ("受益7.55萬人次。", "7.55萬人次", 75_500, "人次", "exact"),
        ("村庄数量为 5815 个，", "5815 个", 5815, "个", "exact"),
        ("成立２０００多支志愿者服务队", "２０００多支", 2000, "支", "over"),
        ("覆盖率达到百分之三十。", "百分之三十", 30, "%", "exact"),
        ("建成率38.1%，", "38.1%", 38.1, "%", "exact"),
        ("超过98.4%的家庭参与", "超过98.4%", 98.4, "%", "over"),
        ("培训妇女三千余人。", "三千余人", 3000, "人", "over"),
        ("举办讲座一百二十场。", "一百二十场", 120, "场", "exact"),
        ("两万人次受益。", "两万人次", 20_000, "人次", "exact"),
        ("募集资金万余元。", "万余元", 10_000, "元", "over"),
        ("培训3-5天。", "3-5天", 3, "天", "over"),
        ("志愿者 1.4 万名，", "1.4 万名", 14_000, "名", "exact"),
        ("募集爱心物资90余万元", "90余万元", 900_000, "元", "over"),
        ("带动妇女3万余人就业", "3万余人", 30_000, "人", "over"),
        ("培训学员不足200人。", "不足200人", 200, "人", "under"),
        ("服务群众500人左右。", "500人左右", 500, "人", "about"),
        ("争取资金20个亿。", "20个亿", 2_000_000_000, "元", "exact"),
        ("培训11,000人。", "11,000人", 11_000, "人", "exact"),
        ("共有会员1 200人。", "1 200人", 1_200, "人", "exact"),  # thousands grouped by a space
        ("扶持 3 1 6 0 名妇女创业，", "3 1 6 0 名", 3_160, "名", "exact"),  # spaced digit by digit
        ("团结全县 4 2 萬多婦女", "4 2 萬多", 420_000, "", "over"),
        ("覆盖妇女群众1 2 360人次，", "1 2 360人次", 12_360, "人次", "exact"),  # stray spaces, unit at once
        ("办理民生事项4 8 600餘件。", "4 8 600餘件", 48_600, "件", "over"),
        ("发放贷款3 . 5亿元，", "3 . 5亿元", 350_000_000, "元", "exact"),  # spaces round the point
        ("增长12. 4%，", "12. 4%", 12.4, "%", "exact"),
        ("资金2 .75万元", "2 .75万元", 27_500, "元", "exact"),
        ("发放创业贷款1万-2万元。", "1万-2万元", 10_000, "元", "over"),  # a range: the lower value
        ("资助1-2万元。", "1-2万元", 10_000, "元", "over"),  # the magnitude serves both ends
        ("筛查覆盖率达百分之九十以上。", "百分之九十以上", 90, "%", "over"),
        ("受益群众逾十万人。", "逾十万人", 100_000, "人", "over"),
        ("覆盖近十万名妇女。", "近十万名", 100_000, "名", "about"),
        ("女性人均预期寿命80.47岁，", "80.47岁", 80.47, "岁", "exact"),
        ("人均预期寿命78岁，", "78岁", 78, "岁", "exact"),
        ("妇女平均受教育年限10.1年。", "10.1年", 10.1, "年", "exact"),
        ("受理来信来访892件次，", "892件次", 892, "件次", "exact"),
        ("比上年下降0.37个千分点。", "0.37个千分点", 0.37, "个千分点", "exact"),
        ("约占儿童伤害死亡的三成左右。", "三成左右", 30, "%", "about"),
        ("女性店主占九成以上。", "九成以上", 90, "%", "over"),
        ("还有近三成乡镇没有建成", "近三成", 30, "%", "about"),  # a qualifier makes it a share
        ("授信共计伍拾亿元，", "伍拾亿元", 5_000_000_000, "元", "exact"),  # financial numerals
        ("人口自然增长率为-2.12‰，", "-2.12‰", -2.12, "‰", "exact"),  # a minus sign, not a dash
        ("累计发放贷款十二亿三千余万元。", "十二亿三千余万元", 1_230_000_000, "元", "over"),
        ("协调发放贷款一点二亿元，", "一点二亿元", 120_000_000, "元", "exact"),  # a Chinese decimal
        ("贷款不低于一点五亿元；", "不低于一点五亿元", 150_000_000, "元", "over"),
        # a lone numeral whose measure word ends its phrase counts the noun before it, or places
        ("新认定县级示范基地五个，", "五个", 5, "个", "exact"),
        ("新建家长学校十所。", "十所", 10, "所", "exact"),
        ("深入八个镇开展宣讲。", "八个", 8, "个", "exact"),
        ("满意度年度指标值为≥90%，", "≥90%", 90, "%", "over"),  # a comparison sign as a qualifier
        ("差错率≤2%。", "≤2%", 2, "%", "under"),
    ],
)
def test_quantities(text: str, quantity: str, value: float, unit: str, qualifier: str) -> None:
    f = one(text)
    assert (f["text"], f["value"], f["unit"], f["qualifier"]) == (quantity, value, unit, qualifier)
    assert text[f["start"] : f["end"]] == quantity


@pytest.mark.parametrize(
    "text",
    [
        "2020年,东营市妇联工作。",
        "2023 年 1 月 31 日",
        "2022年5月底",
        "纪念三八国际妇女节113周年",
        "第 4 期",
        "(总第 36 期)",
        "第一批",
        "十九届五中全会",
        "第七届家庭文化艺术节",
        "省第十二次党代会",
        "三八红旗手",
        "六一儿童节",
        "“12197”民生实事",
        "“1+11868”工作部署",
        "2411工程",
        "“四个一”工作法",
        "市妇联“五个聚焦”深入实施",
        "围绕两个规划，落实五个方面工作",
        "提升“三大工程”",
        "“两癌”免费检查",
        "联系电话：0543-1234567",
        "邮箱：lcxczxjb@163.com",
        "五年来",
        "近三年来累计",
        "2021年以来",
        "千家万户",
        "二级调研员",
        "《南平市妇女发展纲要(2021-2030年)》",
        "评为2016-2020年全市普法工作先进单位",
        "公布名单",
        "“百家讲坛”",
        "留言与评论(共有 0 条评论)",
        "开展一次卫生大清扫",
        "五类巾帼志愿服务队伍",
        "千万家庭受益",
        "百万妇女建功新时代",
        "3岁以下儿童系统管理率",  # an age bound, not a measured age
        "每千名儿童拥有",  # the denominator of a rate
        "每10万人口",
        "成立三个分会，分成两组，一成不变",
        "一位二年级学生的家长说，一名网约车司机也来听课",  # 一位, 一名 alone introduce a person
        "组织建设　15　14.5　台账不完整",  # 台账 is a ledger, not a count of machines
        "1．2024年部分数据为快报数",  # a note's number before a year
        "召开万人大会，盗窃罪居前三位",  # a round word; a rank
    ],
)
def test_non_facts_not_extracted(text: str) -> None:
    assert facts_of(text) == []


def test_traditional_sentence_with_gloss() -> None:
    original = "全年累計開展巾幗宣講線下活動762場次，受益7.55萬(wàn)人次。建成各級美麗庭院167275戶。"
    facts = facts_of(original)
    assert [(f["text"], f["value"], f["unit"]) for f in facts] == [
        ("762場次", 762, "场次"),
        ("7.55萬(wàn)人次", 75_500, "人次"),
        ("167275戶", 167_275, "户"),
    ]
    assert all(original[f["start"] : f["end"]] == f["text"] for f in facts)
    assert facts[0]["metric"] == "开展巾帼宣讲线下活动"  # simplified
    # the sentence is quoted in the original script
    assert facts[0]["sentence"] == "全年累計開展巾幗宣講線下活動762場次，受益7.55萬(wàn)人次。"
    assert "受益" in facts[1]["metric"]


def test_a_metric_drops_a_year_s_whole_date_words() -> None:
    # 2024年度 and 截至2024年底 leave no 度 or 截至 behind in what is counted
    assert one("2024年度本年支出合计865.2万元。")["metric"] == "本年支出"
    assert one("截至2024年底累计开发“妈妈岗”1.16万个。")["metric"] == "开发“妈妈岗”"


def test_fact_fields_and_metric() -> None:
    f = one("选树10名巾帼致富带头人")
    assert set(f) == FIELDS
    assert f["metric"] == "选树巾帼致富带头人"
    assert f["category"] == "honours"


def test_a_headline_s_second_half_after_a_space_is_no_noun_of_the_first() -> None:
    facts = facts_of("前三季度我市女性城镇新增就业2.73万人 女性创业者获创业担保贷款3.2亿元\n")
    assert facts[0]["metric"] == "前三季度我市女性城镇新增就业"


def test_two_numbers_in_one_clause_share_the_verb() -> None:
    facts = facts_of("年内协调发放贷款1.3万笔19.52亿元，")
    assert [(f["value"], f["unit"], f["category"]) for f in facts] == [
        (13_000, "笔", "loans"),
        (1_952_000_000, "元", "loans"),
    ]
    assert all("发放贷款" in f["metric"] for f in facts)


def test_a_bare_measure_after_a_programme_s_first_figure_names_the_programme() -> None:
    # Written for the project: a congress report's sentence on the Spring Bud programme.
    facts = facts_of("实施“春蕾计划”，资助困难女童520名，资助金额共计78万元。")
    assert [f["metric"] for f in facts] == ["“春蕾计划”资助困难女童", "“春蕾计划”资助金额"]


def test_a_change_from_a_base_year_keeps_the_year_and_borrows_the_level_s_words_once() -> None:
    # Written for the project: a monitoring report's rate, its change on last year and on the base year.
    facts = facts_of("全市儿童伤害死亡率为9.84%，比上年下降0.71个百分点，比2020年下降10.7%。")
    assert [f["metric"] for f in facts] == [
        "全市儿童伤害死亡率",
        "全市儿童伤害死亡率比上年下降",
        "全市儿童伤害死亡率比2020年下降",
    ]


def test_a_row_labelled_by_a_street_or_township_names_it_in_each_metric() -> None:
    # Written for the project: a district's half-year notice, one numbered row per street.
    rows = facts_of("1．观音岩街道：培训妇女96人次，新建“妇女微家”2个；\n2．青石镇：培训妇女75人次。\n")
    assert [f["metric"] for f in rows] == [
        "观音岩街道培训妇女",
        "观音岩街道新建“妇女微家”",
        "青石镇培训妇女",
    ]


def test_the_items_of_a_list_by_place_take_the_list_s_words_at_their_own_place() -> None:
    listed = facts_of("其中，石家庄市发放贷款9.8亿元，保定市8.1亿元，邯郸市7.4亿元。")
    assert [f["metric"] for f in listed] == ["石家庄市发放贷款", "保定市发放贷款", "邯郸市发放贷款"]
    assert [f["category"] for f in listed] == ["loans"] * 3
    rates = facts_of("检查目标完成率石家庄市达98.2%、唐山市96.7%、邢台市95.1%。")
    assert [f["metric"] for f in rates][1:] == ["检查目标完成率唐山市达", "检查目标完成率邢台市达"]
    # a list naming no place in its first item keeps its words before each place
    parts = facts_of("上半年完成筛查2.46万人，其中凌海市6200人、北镇市5800人。")
    assert [f["metric"] for f in parts][1:] == ["完成筛查凌海市", "完成筛查北镇市"]


def test_a_part_named_after_its_whole_s_clause_carries_the_whole() -> None:
    _, part, share = facts_of("受表彰的30名三八红旗手中，来自基层一线的有19名，占63.3%。")
    assert part["metric"] == "受表彰的三八红旗手中来自基层一线" and part["category"] == "honours"
    [_, women] = facts_of("在10392件离婚纠纷中，原告为女性的7139件。")
    assert women["metric"].startswith("离婚纠纷中")


def test_a_rate_stated_in_a_clause_before_a_change_leaves_its_number_out_of_the_change_s_metric() -> None:
    [change] = facts_of("全市孕产妇死亡率为7.77/10万，比上年下降2.48个十万分点。")
    assert change["metric"] == "全市孕产妇死亡率比上年下降"


def test_a_change_said_alone_takes_what_changed_from_the_clause_before() -> None:
    facts = facts_of("全年培训农村妇女9400余人次，同比增长16.2%。")
    assert facts[1]["metric"] == "培训农村妇女同比增长"
    facts = facts_of("扶持创业妇女186名，比上年增加42名。")
    assert facts[1]["metric"] == "扶持创业妇女比上年增加"
    assert facts[1]["category"] == facts[0]["category"], "a change counts what its level counts"
    facts = facts_of("为14名患病妇女争取救助金每人1万元，共计14万元。")
    assert "救助金" in facts[-1]["metric"], "a bare total (共计) is of what the clause before counts"


def test_restated_number_gives_two_rows() -> None:
    assert len(facts_of("累计救助145名患病妇女。此后又救助145名。")) == 2


@pytest.mark.parametrize(
    ("metric", "unit", "category"),
    [
        ("培训女致富带头人", "人", "people_trained"),
        ("每千名儿童拥有儿科床位", "张", "rate"),  # a rate per thousand, whatever its unit
        ("扶持妇女创业", "人", "loans"),
        ("县直机关及企事业单位妇委会", "个", "organisations"),
        ("特色种养、电子商务等培训", "期", "training_sessions"),
        ("开展普法宣传活动", "场", "events_held"),
        ("受益妇女", "人", "people_served"),
        ("志愿者用户", "人", "volunteers"),
        ("提供就业岗位", "个", "jobs"),
        ("发放贷款", "元", "loans"),
        ("募集善款", "元", "funds"),
        ("评选市级最美家庭", "户", "households"),
        ("创建示范基地", "个", "organisations"),
        ("选树市三八红旗手", "名", "honours"),
        ("结对帮扶留守困境儿童", "人", "aid_recipients"),
        ("发放宣传材料", "份", "publicity"),
        ("化解家庭矛盾", "件", "cases"),
        ("建成率", "%", "rate"),
        ("志愿活动总时长", "小时", "other"),
        ("裁定驳回申请", "件", "cases"),  # a count in 件 is of cases unless a keyword says otherwise
        ("组建巾帼宣讲小分队", "支", "organisations"),
        ("患病妇女获救助", "名", "aid_recipients"),
        ("免费筛查中检出宫颈癌", "例", "other"),
        ("公众号文章总阅读量", "次", "publicity"),
        ("线上直播和短视频累计观看", "次", "publicity"),  # views in 次 are reach, in 人次 people served
        ("线上家长课堂观看", "人次", "people_served"),
        ("亲子短视频征集收到作品", "件", "other"),
        ("为妇女挽回经济损失", "元", "other"),
        ("家庭教育咨询热线接听来电", "个", "people_served"),
        ("巡讲团深入中小学和幼儿园", "所", "other"),
        ("被告人依法宣告从业禁止", "名", "cases"),
        ("新建“爱心妈妈小屋”", "个", "organisations"),
        ("全省共保障孤儿", "名", "aid_recipients"),  # aided, not merely counted
        ("新增纳入保障", "人", "aid_recipients"),
        ("全县现有留守儿童", "名", "other"),  # a stock of children, not the children aided
        ("共有困境儿童", "人", "other"),
        ("三八红旗手中来自制造业、数字经济等领域", "名", "honours"),  # 等 lists kinds: the head is no noun
        ("新认定站点", "个", "organisations"),  # places that serve, set up
        ("累计建成儿童安全教育体验场馆", "个", "organisations"),
        ("新开办春蕾班", "个", "organisations"),
        ("镇街妇联主席参加会议", "个", "other"),  # federations that attend are not set up
        ("为适龄女生完成首剂接种", "人", "people_served"),  # health services received
        ("全县住院分娩活产数", "人", "other"),  # births counted, no service
        ("家长聆听家庭教育讲座", "名", "people_served"),
        ("女职工报名参赛", "名", "people_served"),
        ("为受害妇女提供临时庇护", "名", "aid_recipients"),
        ("协助妇女申请人身安全保护令", "名", "aid_recipients"),
        ("甲区红旗手", "名", "honours"),  # a table's short names for the honours
        ("乙区红旗集体", "个", "honours"),
        ("各单位推荐三八红旗手候选人", "名", "other"),  # nominated, not honoured
        ("受理审查起诉", "人", "cases"),  # a procuratorate's people and papers
        ("发出诉前检察建议", "份", "cases"),
        ("县妇联向检察院移送救助线索", "条", "cases"),
        ("设立妇女儿童权益保护联络站", "个", "organisations"),
        ("全县公安机关接报家庭暴力类警情", "起", "cases"),  # the police's incidents and measures
        ("对施暴人依法行政拘留", "人", "cases"),
        ("出具家庭暴力告诫书", "份", "cases"),
        ("新培育“法律明白人”", "名", "people_trained"),
        ("新建就业帮扶车间", "个", "organisations"),  # workshops set up to employ people, not jobs
        ("一般公共预算财政拨款支出年初预算", "元", "other"),  # a body's own budget and accounts
        ("公务接待费支出决算", "元", "other"),
        ("收回超标准发放的补助", "元", "other"),  # money taken back is no aid
        ("帮助女职工追回被拖欠工资", "元", "other"),  # wages, sales and money recovered are no aid either
        ("学员直播带货销售", "元", "other"),
        ("“两癌”救助资金预算", "元", "funds"),  # a budget of aid money is still aid money
        ("第二产业增加值", "元", "other"),  # an economy's output and a business's trade are no aid
        ("直播带货单场最高成交额", "元", "other"),
        ("合作社实现营业额", "元", "other"),
        ("县妇联表扬县级“最美巾帼志愿者”", "名", "honours"),  # the honour, not who is honoured
        ("队伍获评全市优秀巾帼志愿服务组织", "支", "honours"),
        ("占全县农户总数", "户", "other"),  # the households there are, the base of a rate, not reached
        ("广宗镇农户数", "户", "other"),
        ("广宗镇美丽庭院", "户", "households"),
        ("全年完成HPV检测", "人", "people_served"),  # a screening test done for each woman
    ],
)
def test_categories(metric: str, unit: str, category: str) -> None:
    assert categorise(metric, unit) == category


def test_extractor_version_is_a_string() -> None:
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def _copy_extractor(to: Path) -> list[Path]:
    """The extractor's files copied under ``to`` at their places in the repository."""
    copies = []
    for path in extractor_files():
        copy = to / path.relative_to(PROJECT_ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    return copies


@pytest.mark.parametrize(
    "lexicon", ["plugins/fulian/text/data/qualifiers.csv", "dbt_project/reference/units.csv"]
)
def test_extractor_version_follows_the_content_of_its_files(tmp_path: Path, lexicon: str) -> None:
    """The version is a hash of the files the output depends on: the same bytes give the same
    version wherever they lie, and editing a lexicon (a data file or a dbt seed) changes it."""
    assert re.fullmatch(r"[0-9a-f]{12}", EXTRACTOR_VERSION)
    copies = _copy_extractor(tmp_path)
    assert {c.relative_to(tmp_path).as_posix() for c in copies} >= {lexicon, "plugins/fulian/text/facts.py"}
    assert content_version(copies, tmp_path) == EXTRACTOR_VERSION
    edited = tmp_path / lexicon
    edited.write_bytes(edited.read_bytes() + b"\n")
    assert content_version(copies, tmp_path) != EXTRACTOR_VERSION


def test_score_on_gold_seeds() -> None:
    """The extractor on the five annotated reports: F1 ≥ 0.95, qualifier, category and metric agreement
    ≥ 0.9 on the matched facts, and every document field right."""
    preds, docs = [], []
    for path in sorted(CORPUS.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        doc, facts = extract_report(original)
        docs.append({"doc": path.name, **doc})
        for f in facts:
            assert original[f["start"] : f["end"]] == f["text"]
            preds.append({"doc": path.name, **f})
    figures = score(
        read_jsonl(GOLD / "facts.jsonl"), preds, read_jsonl(GOLD / "documents.jsonl"), docs
    ).figures
    f1, precision, recall = figures["f1"], figures["precision"], figures["recall"]
    assert f1 >= 0.95, (precision, recall)
    assert figures["qualifier_acc"] >= 0.9, figures
    assert figures["category_acc"] >= 0.9, figures
    assert figures["metric_acc"] >= 0.9, figures
    predicted = {d["doc"]: d for d in docs}
    for g in read_jsonl(GOLD / "documents.jsonl"):
        for field in ("province", "city", "organisation", "report_year", "script"):
            assert predicted[g["doc"]][field] == g[field], (g["doc"], field)


def test_guarded_regexes_match_like_the_plain_alternations() -> None:
    """The first-character guard and the split boilerplate check only make the regexes faster."""
    import re

    from fulian.text import lexicons

    def plain(name: str, flags: int = 0) -> re.Pattern[str]:
        lines = lexicons._lines(lexicons.DATA_DIR / name)
        return re.compile("|".join(f"(?:{p.strip()})" for p in lines), flags)

    texts = [normalise(p.read_text(encoding="utf-8")).text for p in sorted(CORPUS.glob("*.txt"))]
    texts += [
        "千家万户、五个聚焦，联系电话：0543-1234567，邮箱 a@b.cn，共 3 页，图 2",
        "  报：市委\n发: 各县",
    ]
    nf, nf_plain = lexicons.non_fact_regex(), plain("non_fact_patterns.txt")
    assert nf.pattern.startswith("(?=[")
    bp_line, bp_plain = lexicons.boilerplate_line(), plain("boilerplate.txt", re.M)
    for text in texts:
        assert [m.span() for m in nf.finditer(text)] == [m.span() for m in nf_plain.finditer(text)]
        for line in text.split("\n"):
            assert bp_line(line) == bool(bp_plain.search(line)), line
    assert lexicons.first_char_guard(r"\d+|[a-c]x") == r"(?=[\da-c])"
    assert lexicons.first_char_guard("a*") == ""  # can match empty: no guard


def test_period_phrases_match_like_the_plain_alternations() -> None:
    """periods.csv's regexes are guarded only where the engine cannot scan for their start by itself;
    guarded or not, they find what the plain alternation of the file's patterns finds."""
    import csv
    import re

    from fulian.text import lexicons, periods

    by_role: dict[str, list[str]] = {}
    with periods.PHRASES_FILE.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_role.setdefault(row["role"], []).append(f"(?:{row['pattern']})")
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in sorted(CORPUS.glob("*.txt"))]
    stretches = [t[i : i + 40] for t in texts for i in range(0, len(t), 17)]  # as a figure's clause is
    for role, patterns in by_role.items():
        guarded, plain = periods._phrases()[role], re.compile("|".join(patterns))
        for text in texts + stretches:
            spans = [m.span() for m in guarded.finditer(text)]
            assert spans == [m.span() for m in plain.finditer(text)], role
    assert periods._phrases()["change"].pattern.startswith("(?=[")  # alternatives of groups: guarded
    assert not periods._phrases()["floor"].pattern.startswith("(?=[")  # literals the engine scans for
    assert all(map(lexicons.scans_fast, ("^全[县市]", "[一二]年", "一年|x")))
    assert not lexicons.scans_fast("[一二]年|x")
    assert not lexicons.scans_fast("(?<!x)a")


def test_export_writes_a_measure_word_unit_as_the_annotation_spec_does() -> None:
    from fulian.warehouse.export import annotated_unit

    assert [annotated_unit(u) for u in ("个百分点", "个千分点", "个", "个月", "人次", "")] == [
        "个",
        "个",
        "个",
        "个月",
        "人次",
        "",
    ]


def test_a_listed_measure_word_takes_the_unit_its_list_ends_with() -> None:
    facts = facts_of("新生儿死亡率分别比上年下降0.19个、0.33个和0.37个千分点。")
    assert [f["unit"] for f in facts] == ["个千分点"] * 3


def test_a_sub_total_counts_what_its_whole_counts() -> None:
    _, facts = extract_report("2023年，培训农村妇女1200人次，其中脱贫家庭妇女380人次。")
    whole, part = facts
    assert part["part_of"] == whole["observation"] and part["category"] == whole["category"]


def test_a_word_opening_with_a_filler_character_is_kept_whole_in_the_metric() -> None:
    facts = facts_of("今年计划培训城乡妇女1.5万人次，及时救助困难妇女86名。")
    assert [f["metric"] for f in facts] == ["计划培训城乡妇女", "及时救助困难妇女"]


def test_figures_of_a_respectively_clause_pair_in_order_with_what_they_are_of() -> None:
    # Written for the project: the three shapes of 分别 in statistics bulletins.
    metrics = {
        f["text"]: f["metric"]
        for f in facts_of(
            "全省婴儿死亡率为3.12‰，赣州市、上饶市分别为3.68‰和3.54‰，但较上年分别下降0.42个和0.35个千分点。"
            "城镇居民人均可支配收入47326元，农村居民人均可支配收入27815元，分别比上年增加2251元和1894元。"
            "萍乡市、鹰潭市毛入园率分别为95.8%和94.9%。"
        )
    }
    assert metrics["3.54‰"] == "上饶市婴儿死亡率"
    assert metrics["0.35个千分点"] == "上饶市婴儿死亡率较上年下降"
    assert metrics["1894元"] == "农村居民人均可支配收入比上年增加"
    assert metrics["95.8%"] == "萍乡市毛入园率"


def test_figures_listed_by_year_range_or_by_street_say_what_the_sentence_counts() -> None:
    # Written for the project: a police release's yearly counts after a year range, and a count by
    # street and town (places below a county, named by no table of divisions).
    facts = facts_of(
        "告诫书出具数量逐年增加，2021年至2025年分别为218份、264份和406份。"
        "2025年出具的406份告诫书中，桂城街道、九江镇分别为96份和78份。"
    )
    metrics = [f["metric"] for f in facts]
    assert metrics[:3] == ["告诫书出具数量逐年增加"] * 3  # no 至 left of the range, no 、和 of the list
    assert metrics[4:] == ["桂城街道出具告诫书中", "九江镇出具告诫书中"]  # 九 names it, counts nothing


def test_a_respectively_list_after_a_breakdown_s_lead_in_counts_what_the_whole_before_counts() -> None:
    # Written for the project: a city's new organisations, then their breakdown by district.
    metrics = [
        f["metric"]
        for f in facts_of(
            "今年全市新建新兴领域妇联组织96个。"
            "分县区看，海州区、连云区分别新建24个、13个，东海县、灌云县分别新建17个、12个。"
        )
    ]
    assert metrics[1:] == [p + "新建新兴领域妇联组织" for p in ("海州区", "连云区", "东海县", "灌云县")]


def test_a_goal_quoted_after_a_figure_is_the_goal_of_what_its_sentence_measures() -> None:
    facts = facts_of("0—6个月婴儿纯母乳喂养率为62.8%，比上年提高2.3个百分点，超过《规划》“50%以上”的目标。")
    assert facts[-1]["metric"] == "0—6个月婴儿纯母乳喂养率目标"


def test_rows_under_an_introduction_naming_the_columns_are_of_their_label_in_each_column() -> None:
    facts = facts_of(
        "各县区受表彰情况如下（县区／三八红旗手／三八红旗集体）：\n兰山区　11名　6个；\n罗庄区　6名　3个。\n"
        "会上，3名受表彰代表作了交流发言。\n"
    )
    got = {(f["text"], f["metric"], f["category"]) for f in facts}
    assert ("11名", "兰山区三八红旗手", "honours") in got
    assert ("3个", "罗庄区三八红旗集体", "honours") in got
    assert not any(f["metric"].startswith("会上") and "红旗" in f["metric"] for f in facts)


def test_a_decimal_spaced_digit_by_digit_is_one_figure_and_a_family_is_no_count() -> None:
    facts = facts_of("同比增長1 5 . 3%，發放助學金1 5 . 6萬元。次坞镇一家珍珠养殖合作社带动农户120户。")
    assert [(f["value"], f["unit"]) for f in facts] == [(15.3, "%"), (156000.0, "元"), (120.0, "户")]


def test_a_change_said_only_as_a_comparison_measures_what_the_figure_before_it_measures() -> None:
    # Written for the project: a bulletin's level, then its change against the year before.
    _, facts = extract_report(
        "某市2022年妇女发展统计监测报告\n全市婚前医学检查率为76.3%，比上年提高4.1个百分点。"
        "女性人均预期寿命80.1岁，比男性高5.4岁。\n"
    )
    got = {f["text"]: f["metric"] for f in facts}
    assert got["4.1个百分点"].startswith(got["76.3%"]) and got["4.1个百分点"].endswith("比上年提高")
    assert got["5.4岁"] == "女性人均预期寿命比男性高"


def test_bare_sums_listed_after_money_or_a_count_of_loans_are_money_and_a_dialled_number_is_none() -> None:
    # Written for the project: a bureau's loan news writes its sums without 元.
    facts = facts_of(
        "向返乡创业妇女发放贷款1860笔、3.12亿，其中三县分别发放0.96亿、0.71亿和0.52亿。"
        "全市贷款余额达到18.4亿。咨询可拨打12333人社服务热线。"
    )
    assert [(f["text"], f["value"], f["unit"]) for f in facts] == [
        ("1860笔", 1860, "笔"),
        ("3.12亿", 312_000_000, "元"),
        ("0.96亿", 96_000_000, "元"),
        ("0.71亿", 71_000_000, "元"),
        ("0.52亿", 52_000_000, "元"),
        ("18.4亿", 1_840_000_000, "元"),
    ]


def test_sums_listed_under_a_money_word_are_money_and_a_lone_financial_digit_is_none() -> None:
    # Written for the project: loans by district, the money word once at the head of the list.
    facts = facts_of("分区县看，女性获贷金额甲区8650万、乙区4120万。陆家庄村五名妇女参加。他分成三组。")
    assert [(f["text"], f["value"], f["unit"]) for f in facts] == [
        ("8650万", 86_500_000, "元"),
        ("4120万", 41_200_000, "元"),
        ("五名", 5, "名"),
    ]


def test_a_bare_ten_thousand_of_people_after_a_sum_is_not_made_money() -> None:
    # a list of unlike things: the sum is money, the count after a full stop is not
    facts = facts_of("发放助学金50万元。受益群众1.2万，")
    assert [(f["text"], f["unit"]) for f in facts] == [("50万元", "元"), ("1.2万", "")]


def test_every_lexicon_file_parses_and_a_row_cut_by_an_unquoted_comma_is_refused(tmp_path) -> None:
    from fulian.text import lexicons

    for path in [*lexicons.DATA_DIR.glob("*.csv"), *lexicons.SEED_FILES]:
        assert lexicons.read_rows(path), path  # raises on a row whose field count is not the header's
    bad = tmp_path / "periods.csv"
    bad.write_text("role,pattern,why\nplan_title,下达[^，]{0,30}任务,a notice\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"periods\.csv:2: .*quote a field"):
        lexicons.read_rows(bad)


def test_a_range_that_repeats_its_unit_is_one_figure_from_its_lower_bound() -> None:
    # Written for the project: ranges of wages and sums written with the unit on both ends.
    facts = facts_of("签约学员月薪在4800元至7500元之间，每户补助1万元—2万元，达标率由86.1%至94.4%不等。")
    assert [(f["text"], f["value"], f["unit"], f["qualifier"]) for f in facts] == [
        ("4800元至7500元", 4800, "元", "over"),
        ("1万元—2万元", 10_000, "元", "over"),
        ("86.1%至94.4%", 86.1, "%", "over"),
    ]
    # a change to a new level is no range: two figures
    assert [f["text"] for f in facts_of("人均月收入由1800元增至2600元。")] == ["1800元", "2600元"]


def test_a_ranking_with_the_place_ranked_in_between_is_no_figure() -> None:
    facts = facts_of("培训槐店乡355人次，位列全县前四位；三地法院签发数量位居全市前三位。")
    assert [f["text"] for f in facts] == ["355人次"]


def test_doses_and_groups_are_units_and_an_organisation_is_no_group() -> None:
    facts = facts_of("为在校女生免费接种HPV疫苗1.86万剂次，辖区42组亲子家庭参加活动，新建妇联3组织。")
    assert [(f["text"], f["value"], f["unit"]) for f in facts] == [
        ("1.86万剂次", 18_600, "剂次"),
        ("42组", 42, "组"),
    ]


def test_the_villages_or_towns_of_a_list_take_the_whole_s_words_without_piling_up() -> None:
    facts = facts_of("1—11月全镇新创建示范户326户，其中金桥村58户、石门村46户、柳湾村41户。")
    assert [f["metric"] for f in facts] == [
        "全镇新创建示范户",
        "金桥村新创建示范户",
        "石门村新创建示范户",
        "柳湾村新创建示范户",
    ]
    # the whole in the sentence before, its first figure in the same unit
    facts = facts_of("上半年新创建示范户2140户，全年目标3500户，已完成61.1%。其中城关镇326户、河口镇298户。")
    assert [f["metric"] for f in facts][-2:] == ["城关镇新创建示范户", "河口镇新创建示范户"]
    # after a bare 其中：, and the rest of the list (其余各村合计) counted like its items
    facts = facts_of("上半年共评选星级户287户，其中：金桥村46户，石门村38户，其余各村合计34户。")
    assert [f["metric"] for f in facts][1:] == ["金桥村评选星级户", "石门村评选星级户", "其余各村评选星级户"]
    # a kind of place counted once is no place
    [named] = facts_of("命名精品村20个。")
    assert named["metric"] == "命名精品村"


def test_a_bare_verb_borrows_without_saying_it_twice() -> None:
    facts = facts_of("向城镇创业妇女放款73笔，放款1190万元。")
    assert facts[1]["metric"] == "向城镇创业妇女放款"
    facts = facts_of("本院共受理家事案件2146件。其中，2023年受理682件，2024年受理718件。")
    assert [f["metric"] for f in facts][1:] == ["受理", "受理"]
    # a noun that holds the verb is no verb said: the trainees, not the classes
    facts = facts_of("举办妇女技能培训班12期，培训1200人次。")
    assert facts[1]["metric"] == "举办妇女技能培训班培训"


def test_a_bare_figure_borrows_the_clause_before_without_cutting_a_place_s_name() -> None:
    [orphans] = facts_of("从各县区看，融水苗族自治县事实无人抚养儿童最多，为468名。")
    assert orphans["metric"].startswith("融水苗族自治县")


def test_a_goal_beside_a_figure_measures_what_that_figure_measures() -> None:
    facts = facts_of("学前三年毛入园率为93.5%，比上年提高0.7个百分点，距离95%的规划目标尚差1.5个百分点。")
    assert facts[2]["metric"] == "学前三年毛入园率规划目标"
    facts = facts_of("完成宫颈癌筛查15.86万人，占年度任务（15万人）的105.7%。")
    assert facts[1]["metric"] == "完成宫颈癌筛查年度任务"


def test_a_programme_named_in_the_clause_before_identifies_what_a_figure_counts() -> None:
    facts = facts_of("持续实施“春蕾计划”，资助困难女童126名，发放助学金37.8万元。")
    assert facts[0]["metric"] == "“春蕾计划”资助困难女童"
    assert facts[1]["metric"] == "发放助学金"  # its clause follows the figure's, not the programme's
    facts = facts_of("深入推进“美丽庭院”创建，全镇新创建示范户215户。")
    assert facts[0]["metric"].startswith("“美丽庭院”")
    # a slogan names no programme; a metric quoting its own name keeps it once
    assert "“" not in facts_of("开展“巾帼心向党·奋进新征程”主题宣讲，参与妇女3200人次。")[0]["metric"]
    facts = facts_of("实施“春蕾计划”，发放“春蕾计划”助学金8.6万元。")
    assert facts[0]["metric"].count("春蕾计划") == 1


def test_a_bare_sum_right_after_a_count_of_loans_is_money() -> None:
    facts = facts_of("分乡镇看，青石镇96笔1520万，柳河镇40笔610万。")
    assert [(f["text"], f["unit"], f["value"]) for f in facts if f["text"].endswith("万")] == [
        ("1520万", "元", 15_200_000),
        ("610万", "元", 6_100_000),
    ]


def test_a_flattened_table_row_names_each_item_under_its_label() -> None:
    facts = facts_of(
        "各区受表彰情况如下：\n甲区：红旗手7名、红旗集体3个、文明岗5个\n乙区：红旗手4名、红旗集体2个、文明岗1个\n"
    )
    assert [f["metric"] for f in facts] == [
        "甲区红旗手",
        "甲区红旗集体",
        "甲区文明岗",
        "乙区红旗手",
        "乙区红旗集体",
        "乙区文明岗",
    ]
    # a list that is no row keeps what it lists before the item
    listed = facts_of("今年的重点是：培训妇女4000人次以上、新建基地12个。")
    assert listed[1]["metric"] != "今年的重点新建基地"


def test_a_share_of_a_task_done_measures_what_its_sentence_counted() -> None:
    facts = facts_of("全县举办培训班41期，培训妇女2600人次，完成年度任务（2400人次）的108.3%。")
    assert facts[-1]["metric"] == "培训妇女完成年度任务"
    facts = facts_of("全县“两癌”筛查已完成1.2万人，完成全年任务的80%。")
    assert facts[-1]["metric"].count("完成") == 1 and facts[-1]["metric"].endswith("完成全年任务")


def test_a_breakdown_by_township_counts_what_the_whole_before_it_counts() -> None:
    facts = facts_of(
        "全县共发放妇女创业担保贷款215笔、金额3480万元。分乡镇看，青石镇62笔980万，柳河镇40笔650万。"
    )
    town, river = "青石镇共发放妇女创业担保贷款", "柳河镇共发放妇女创业担保贷款"
    assert [f["metric"] for f in facts[2:]] == [town, town, river, river]
    # a part's sentence between names no whole: the breakdown counts the whole before it
    facts = facts_of(
        "全县共有农村留守儿童8430名。其中，父母双方均外出务工的5127名。分乡镇看，青石镇612名、柳河镇488名。"
    )
    assert facts[-2]["metric"] == "青石镇共有农村留守儿童"


def test_a_breakdown_s_first_item_with_a_bare_verb_counts_what_the_whole_counts() -> None:
    facts = facts_of("全市协调发放妇女创业担保贷款4.26亿元。分地区看，沭阳县发放1.38亿元，泗洪县0.97亿元。")
    whole = "协调发放妇女创业担保贷款"
    assert [f["metric"] for f in facts[1:]] == ["沭阳县" + whole, "泗洪县" + whole]
    assert [f["category"] for f in facts[1:]] == ["loans", "loans"]


def test_a_place_item_in_a_sum_s_unit_counts_that_sum_not_the_figure_before_it() -> None:
    facts = facts_of("协调发放创业担保贷款8.6亿元，扶持1.2万名妇女创业，其中银川市2.1亿元、吴忠市2.2亿元。")
    yinchuan, wuzhong = facts[2]["metric"], facts[3]["metric"]
    assert "银川市" in yinchuan and "吴忠市" in wuzhong
    assert "创业担保贷款" in yinchuan and "创业担保贷款" in wuzhong


def test_a_breakdown_by_county_counts_the_whole_its_paragraph_gave_in_its_unit() -> None:
    facts = facts_of(
        "全年为残疾儿童实施康复救助1926名。其中孤独症儿童538名。全市定点康复机构47家。"
        "分县区看，清江浦区412名、淮安区336名。\n"
    )
    assert [f["category"] for f in facts[-2:]] == ["aid_recipients", "aid_recipients"]
    assert all("残疾儿童实施康复救助" in f["metric"] for f in facts[-2:])


def test_a_row_by_place_puts_each_of_its_figures_at_its_place() -> None:
    facts = facts_of("各市进展如下：\n1. 宁德市：年度任务3400人次，完成3920人次，完成率115.3%。\n")
    assert len(facts) == 3 and all(f["metric"].startswith("宁德市") for f in facts)


def test_a_row_of_cells_set_apart_by_spaces_counts_each_cell_at_the_row_s_place() -> None:
    # Written for the project: a city's running totals, then a row per district, each cell a verb and
    # its figure, the verbs' objects said only by the sentence above the rows.
    facts = facts_of(
        "截至2024年5月底，全市累计开发灵活就业岗位2108个，比去年同期增加640个，吸纳1890名妇女就业。分区县看：\n"
        "东城区　开发 512 个　吸纳 455 人\n西岭县　开发 388 个　吸纳 301 人\n"
    )
    metric = {f["text"]: f["metric"] for f in facts}
    assert metric["512 个"] == metric["388 个"].replace("西岭县", "东城区") == "东城区开发灵活就业岗位"
    assert metric["455 人"] == "东城区吸纳妇女就业" and metric["301 人"] == "西岭县吸纳妇女就业"
    assert {f["category"] for f in facts[-4:]} == {"jobs"}


def test_an_income_quoted_as_what_a_worker_earns_a_month_is_no_fund() -> None:
    # Written for the project: a resettlement site's workshop news quoting a worker's monthly pay.
    _, facts = extract_report(
        "某县妇联：搬迁妇女家门口就业\n发布时间：2024-06-12\n\n今年以来，县妇联在安置点建成就业帮扶车间5个。"
        "绣娘们说，在车间做绣片一个月能挣2800多元。县妇联为困难绣娘发放帮扶资金12万元。\n"
    )
    category = {f["text"]: f["category"] for f in facts}
    assert category["2800多元"] == "other"
    assert category["12万元"] == "funds"


def test_a_budget_s_own_spending_is_no_fund_its_aid_to_people_is() -> None:
    # Written for the project: a city federation's budget disclosure listing its project spending.
    _, facts = extract_report(
        "某市妇女联合会2024年部门预算\n\n项目支出313.63万元，主要包括：妇女儿童维权服务经费45.00万元，"
        "基层妇联组织建设经费10.01万元，困难妇女救助资金12.00万元。\n"
    )
    category = {f["text"]: f["category"] for f in facts}
    assert category["45.00万元"] == category["10.01万元"] == "other"
    assert category["12.00万元"] == "funds"
