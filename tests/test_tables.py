"""Tables flattened into text: each cell a figure with its row's unit and its column's year and kind."""

from __future__ import annotations

import pytest

from fulian.text.extract import extract_report

# Written for the project: a county bulletin's indicator table, one row per line (cells separated by
# two spaces, the unit in a column of its own), then a second table run together on one line.
BULLETIN = """某县妇女儿童发展规划统计监测报告
一、健康
全县孕产妇系统管理率继续提高。
表1  主要健康指标
指标名称  单位  2022年  2023年  增减
孕产妇系统管理率  %  91.5  93.0  1.5
婴儿死亡率  ‰  4.10  3.80  -0.30
疫苗接种率  %  ≥98  ≥98  —
注：2022年数据为上年终期数据。
二、教育
指标 2022年 2023年 2025年目标 学前教育毛入园率（%） 90.2 91.4 ≥92 高中阶段毛入学率（%） 92.8 93.6 ≥94
"""


def cells() -> dict[tuple[str, float], dict]:
    _, facts = extract_report(BULLETIN)
    return {(f["text"], f["value"]): f for f in facts}


def test_every_cell_with_a_unit_is_a_figure_with_its_row_and_column() -> None:
    found = cells()
    f = found[("93.0", 93.0)]
    assert (f["unit"], f["metric"], f["year_from"], f["year_to"], f["kind"]) == (
        "%",
        "孕产妇系统管理率",
        2023,
        2023,
        "actual",
    )
    change = found[("-0.30", -0.3)]
    assert (change["unit"], change["kind"], change["year_to"]) == ("‰", "change", 2023)
    assert found[("≥98", 98.0)]["qualifier"] == "over"


def test_a_run_together_table_reads_the_unit_from_the_label_and_targets_from_the_header() -> None:
    found = cells()
    level = found[("91.4", 91.4)]
    assert (level["unit"], level["metric"], level["year_to"], level["kind"]) == (
        "%",
        "学前教育毛入园率",
        2023,
        "actual",
    )
    target = found[("≥94", 94.0)]
    assert (target["kind"], target["year_to"], target["qualifier"]) == ("target", 2025, "over")
    assert target["metric"] == "高中阶段毛入学率2025年目标"


def test_empty_cells_and_prose_are_no_cells() -> None:
    _, facts = extract_report(BULLETIN)
    assert not any(f["text"] in ("—", "2022年", "2023年") for f in facts)
    assert len([f for f in facts if f["unit"] in ("%", "‰")]) == 3 + 3 + 2 + 3 + 3


# Written for the project: a notice's task table, one row per county, the unit in the caption.
TASKS = """东营市妇联关于下达2024年培训任务的通知
2023年各县（区）任务完成情况及2024年任务分配如下（单位：人次）：
县（区）  2023年任务  2023年完成  完成率  2024年任务  其中家政服务类
东营区  600  642  107.0%  650  200
利津县  550  538  97.8%  600  150
全市合计  1150  1180  102.6%  1250  350
"""


def test_a_task_table_by_place_reads_its_unit_from_the_caption_and_each_column_s_year_and_kind() -> None:
    _, facts = extract_report(TASKS)
    got = {(f["text"], f["place_county"]): f for f in facts}
    quota, done = got[("600", "东营区")], got[("642", "东营区")]
    assert (quota["unit"], quota["metric"]) == ("人次", "东营区2023年任务"), (
        "a reader names a cell by row and column"
    )
    assert (quota["year_to"], quota["kind"]) == (2023, "target")
    assert (done["metric"], done["year_to"], done["kind"]) == ("东营区2023年完成", 2023, "actual")
    rate = got[("97.8%", "利津县")]
    assert (rate["unit"], rate["value"], rate["year_to"], rate["kind"]) == ("%", 97.8, 2023, "actual")
    part = got[("150", "利津县")]
    assert (part["metric"], part["year_to"], part["kind"]) == ("利津县其中家政服务类", 2024, "target")
    assert quota["category"] == "people_trained", "the title says what a table by place counts"
    total = next(f for f in facts if f["text"] == "1250")
    assert (total["place_city"], total["place_county"]) == ("东营市", "")


# Written for the project: a county's work plan with its quotas by township in an annex table whose
# column names carry their units; townships are no divisions the place fields know.
PLAN = """某县妇联2024年工作要点
2024年，全年举办妇女技能培训不少于18期、1500人次。
附件：2024年各乡镇妇联重点工作任务分解表
乡镇 “两癌”检查任务（人） 技能培训（人次） 新建“妇女微家”（个）
城关镇 1150 300 8
东岗乡 900 220 6
合计 2050 520 14
"""


def test_a_table_whose_columns_carry_their_units_reads_each_cell_with_its_column_s_unit() -> None:
    document, facts = extract_report(PLAN)
    got = {(f["text"], f["metric"]): f for f in facts}
    quota = got[("1150", "城关镇“两癌”检查任务")]
    assert (quota["unit"], quota["kind"], quota["year_to"]) == ("人", "target", 2024)
    assert got[("220", "东岗乡技能培训")]["unit"] == "人次"
    assert got[("14", "合计新建“妇女微家”")]["unit"] == "个"
    assert document["report_year"] == 2024


# Written for the project: a mid-term assessment of a city's plans, its table ruled with | (a place
# column before the indicator, a base-year column, a target column that names no year), one district
# under the name it took when it stopped being a county.
RULED = """某市“十四五”妇女儿童发展规划中期评估报告
市妇儿工委对《宝鸡市儿童发展规划（2021—2025年）》实施情况进行了中期评估。
表1 部分重点指标分县区监测情况
县区 | 指标 | 目标值 | 2020年基数 | 2023年
金台区 | 学前三年毛入园率（%） | ≥95 | 93.2 | 96.8
凤翔区 | 儿童之家覆盖率（%） | ≥90 | 78.4 | 92.6
注：以上为各县区上报数据。
"""


def test_a_ruled_table_with_a_place_column_places_each_row_and_dates_its_target_by_the_plan() -> None:
    _, facts = extract_report(RULED)
    got = {f["text"]: f for f in facts}
    done = got["96.8"]
    assert (done["unit"], done["metric"], done["year_to"], done["kind"]) == (
        "%",
        "学前三年毛入园率",
        2023,
        "actual",
    )
    assert done["place_county"] == "金台区"
    base = got["78.4"]
    assert (base["year_from"], base["year_to"], base["kind"], base["place_county"]) == (
        2020,
        2020,
        "actual",
        "凤翔区",
    )
    target = got["≥90"]
    assert (target["kind"], target["year_from"], target["year_to"], target["qualifier"]) == (
        "target",
        2025,
        2025,
        "over",
    )
    assert not any(f["text"] in ("2020", "2023") for f in facts)


def test_columns_listed_in_a_caption_head_the_rows_below_and_a_bound_after_a_number_qualifies_it() -> None:
    # Written for the project: a mid-term evaluation whose tables list their columns in the caption
    # and state targets as bounds (81以上, 保持在40以上), the second table's columns "as above".
    report = (
        "某市两规划中期评估报告\n"
        "（一）妇女发展规划主要指标（表1，按“指标名称 / 2020年 / 2023年 / 2025年目标 / 评估结论”排列）\n"
        "女性人均预期寿命（岁） 79.86 80.71 81以上 接近目标\n"
        "城镇单位女性就业人员占比（%） 40.8 41.6 保持在40以上 已达标\n"
        "（二）儿童发展规划主要指标（表2，栏目同上）\n"
        "学前三年毛入园率（%） 90.5 93.6 ≥92 已达标\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["value"], f["unit"], f["qualifier"], f["year_to"], f["kind"]) for f in facts}
    assert got["79.86"] == (79.86, "岁", "exact", 2020, "actual")
    assert got["81以上"] == (81.0, "岁", "over", 2025, "target")
    assert got["40以上"] == (40.0, "%", "over", 2025, "target")
    assert got["93.6"] == (93.6, "%", "exact", 2023, "actual")


def test_ruled_columns_listed_in_a_caption_head_rows_whose_cells_carry_their_units_and_keep_columns() -> None:
    # Written for the project: an implementation report that lists its columns in brackets, set apart by
    # rules, rows numbered, each cell with its own unit; a cell that is no figure keeps its column.
    report = (
        "某县2022年妇女儿童发展规划实施情况报告\n"
        "《某县妇女发展规划（2021—2030年）》实施第二年，主要指标如下（指标名称｜规划目标值｜2022年实际值｜是否达标）：\n"
        "1．孕产妇系统管理率｜90%以上｜93.6%｜达标\n"
        "2．婚前医学检查率｜逐步提高｜81.4%｜达标\n"
        "3．婴儿死亡率｜5‰以下｜2.87‰｜达标\n"
        "4．居委会成员中女性比例｜50%左右｜54.2%｜达标\n"
    )
    _, facts = extract_report(report)
    fields = ("value", "unit", "qualifier", "year_to", "kind", "metric")
    got = {f["text"]: tuple(f[k] for k in fields) for f in facts}
    assert got["90%以上"] == (90.0, "%", "over", 2030, "target", "孕产妇系统管理率规划目标值")
    assert got["93.6%"] == (93.6, "%", "exact", 2022, "actual", "孕产妇系统管理率")
    assert got["81.4%"][3:5] == (2022, "actual")  # not read as the target of 逐步提高's column
    assert got["5‰以下"][1:5] == ("‰", "under", 2030, "target")
    assert got["2.87‰"][3:5] == (2022, "actual")
    assert got["50%左右"][2:5] == ("about", 2030, "target")


def test_columns_listed_after_a_colon_head_rows_whose_cells_follow_a_colon_between_slashes() -> None:
    # Written for the project: a monitoring report's table flattened as "label：base / now / target".
    report = (
        "某省儿童发展规划2022年统计监测报告\n"
        "主要健康指标对照（指标名称：2020年基期值 / 2022年监测值 / 2030年目标值）\n"
        "婴儿死亡率（‰）：3.6 / 3.2 / 4.5以下\n"
        "7岁以下儿童健康管理率（%）：94.2 / 95.6 / 95以上\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["value"], f["unit"], f["year_to"], f["kind"]) for f in facts}
    assert got["94.2"] == (94.2, "%", 2020, "actual")
    assert got["95.6"] == (95.6, "%", 2022, "actual")
    assert got["95以上"] == (95.0, "%", 2030, "target")
    assert got["3.2"] == (3.2, "‰", 2022, "actual")


def test_a_table_by_city_takes_each_column_s_unit_from_the_caption_s_list_by_what_it_counts() -> None:
    # Written for the project: honours by city, bare cells under columns named by what they count, the
    # caption listing the units once (people 名, items 个, households 户).
    _, facts = extract_report(
        "某省2023年度妇女工作表彰名单公布\n各市受表彰情况如下（单位：名、个、户）：\n"
        "设区市 三八红旗手 巾帼文明岗 最美家庭\n甲山市 12 8 5\n乙水市 9 6 4\n合计 21 14 9\n"
    )
    by_text = {(f["metric"], f["value"]): f["unit"] for f in facts}
    assert by_text[("甲山市三八红旗手", 12)] == "名"
    assert by_text[("甲山市巾帼文明岗", 8)] == "个"
    assert by_text[("乙水市最美家庭", 4)] == "户"
    assert by_text[("合计最美家庭", 9)] == "户"


def test_a_goal_column_naming_only_its_stage_is_of_that_stage_of_the_plan_the_report_names() -> None:
    # Written for the project: a county's mid-term review of its plan for 2021—2030, its table ruled by
    # bars, the goal column without a year.
    report = (
        "某县妇女发展规划（2021—2030年）中期评估报告\n"
        "指标名称 | 2020年基期值 | 2022年监测值 | 中期目标 | 终期目标\n"
        "“两癌”检查目标人群覆盖率（%） | 52.3 | 61.5 | 65 | 80\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["year_from"], f["year_to"], f["kind"]) for f in facts}
    assert got["61.5"] == (2022, 2022, "actual")
    assert got["65"] == (2025, 2025, "target")  # the middle of 2021—2030
    assert got["80"] == (2030, 2030, "target")


def test_rows_slashed_cell_by_cell_under_columns_listed_from_a_place_read_each_cell() -> None:
    # Written for the project: a city 妇儿工委's table by county, its columns listed in the caption from
    # the place column on, each row's cells set apart by slashes, a goal written with its sign.
    report = (
        "某市2024年妇女儿童发展规划实施情况\n"
        "表1　2024年各县区部分监测指标情况\n"
        "（按“县区 / 指标 / 2023年 / 2024年 / 目标值”排列）\n"
        "甲区 / 孕产妇系统管理率 / 93.6% / 95.1% / ≥92%\n"
        "乙县 / 孕产妇系统管理率 / 91.4% / 93.0% / ≥92%\n"
    )
    _, facts = extract_report(report)
    got = [(f["text"], f["metric"], f["year_to"], f["kind"]) for f in facts]
    assert got[:3] == [
        ("93.6%", "孕产妇系统管理率", 2023, "actual"),
        ("95.1%", "孕产妇系统管理率", 2024, "actual"),
        ("≥92%", "孕产妇系统管理率目标值", got[2][2], "target"),  # the sign is its qualifier (over)
    ]
    assert [g[3] for g in got] == ["actual", "actual", "target"] * 2


def test_a_quota_table_whose_place_column_names_two_levels_reads_each_town_s_cells() -> None:
    # Written for the project: a county's work plan splits its quotas by town in a table ruled by ｜,
    # its first column headed by a level and the level it also holds (镇（街道）).
    report = (
        "某县妇联2025年工作要点\n"
        "附：2025年各镇（街道）重点目标任务分解表\n"
        "镇（街道）｜“美丽庭院”示范户（户）｜技能培训（人次）\n"
        "东城街道｜120｜500\n"
        "西河镇｜200｜350\n"
    )
    _, facts = extract_report(report)
    got = {(f["value"], f["unit"]): f["metric"] for f in facts}
    assert got == {
        (120, "户"): "东城街道“美丽庭院”示范户",
        (500, "人次"): "东城街道技能培训",
        (200, "户"): "西河镇“美丽庭院”示范户",
        (350, "人次"): "西河镇技能培训",
    }


def test_a_change_column_named_with_its_unit_reads_in_that_unit_and_the_unit_cell_is_no_figure() -> None:
    # Written for the project: a county statistics release's table, its growth column headed 增长（%）.
    report = (
        "某县2024年妇女儿童发展统计资料\n"
        "指标名称  单位  2023年  2024年  增长（%）\n"
        "年末常住人口  万人  46.38  46.12  -0.56\n"
        "宫颈癌筛查人数  人次  9860  11245  14.05\n"
    )
    _, facts = extract_report(report)
    got = {f["text"]: (f["value"], f["unit"], f["kind"], f["year_to"]) for f in facts}
    assert got["46.12"] == (461_200, "人", "actual", 2024)
    assert got["-0.56"] == (-0.56, "%", "change", 2024)
    assert got["14.05"] == (14.05, "%", "change", 2024)
    assert "万人" not in got


def test_rows_of_labelled_items_under_a_caption_s_unit_are_quotas_when_the_caption_assigns_them() -> None:
    # Written for the project: a notice assigns training quotas by institution, one row a line.
    report = (
        "某市妇联关于做好2025年巾帼家政培训工作的通知\n二、2025年培训任务\n"
        "（二）任务分配。任务分配如下（序号、承训机构、育婴员、养老护理员、合计，单位：人）：\n"
        "1．某市巾帼家政培训中心（服务甲区、乙区）：育婴员160，养老护理员120，合计280；\n"
        "2．某县妇女儿童活动中心（服务某县）：育婴员70，养老护理员60，合计130；\n"
    )
    _, facts = extract_report(report)
    got = {(f["value"], f["metric"]): (f["unit"], f["kind"], f["year_to"]) for f in facts}
    assert got[(160, "某市巾帼家政培训中心育婴员")] == ("人", "target", 2025)
    assert got[(280, "某市巾帼家政培训中心合计")] == ("人", "target", 2025)
    assert got[(60, "某县妇女儿童活动中心养老护理员")] == ("人", "target", 2025)


def test_columns_named_with_their_units_beside_a_share_column_read_every_cell() -> None:
    # Written for the project: a city's progress notice, its table by county with the task, the work
    # done (each column with its unit in brackets) and the share done.
    report = (
        "关于2026年民生实事项目进展情况的通报\n"
        "表1 各区县“两癌”免费检查完成情况(截至2026年9月30日)\n"
        "区县 全年任务(人) 已完成(人) 完成率\n"
        "甲区 2400 2208 92.0%\n"
        "乙县 3000 2550 85.0%\n"
    )
    _, facts = extract_report(report)
    got = [(f["text"], f["unit"], f["kind"]) for f in facts]
    assert got == [
        ("2400", "人", "target"),
        ("2208", "人", "actual"),
        ("92.0%", "%", "actual"),
        ("3000", "人", "target"),
        ("2550", "人", "actual"),
        ("85.0%", "%", "actual"),
    ]


def test_a_task_table_whose_every_column_names_its_unit_and_magnitude_reads_each_cell_in_it() -> None:
    # Written for the project: a provincial completion report's table by city, in 万人 and %.
    report = (
        "某省妇联关于2025年民生实事完成情况的报告\n"
        "（一）“两癌”免费检查。年度目标为适龄妇女宫颈癌检查50万人。各市（州）宫颈癌检查完成情况如下：\n"
        "市（州）  目标任务（万人）  实际完成（万人）  完成率（%）\n"
        "甲市  4.5  4.93  109.6\n"
        "乙州  9.0  9.87  109.7\n"
    )
    _, facts = extract_report(report)
    got = [(f["text"], f["value"], f["unit"], f["kind"]) for f in facts[1:]]
    assert got == [
        ("4.5", 45_000, "人", "target"),
        ("4.93", 49_300, "人", "actual"),
        ("109.6", 109.6, "%", "actual"),
        ("9.0", 90_000, "人", "target"),
        ("9.87", 98_700, "人", "actual"),  # not 98699.99999999999
        ("109.7", 109.7, "%", "actual"),
    ]
    # the columns say only how the figure stands: what the rows' cities did is in the caption
    assert facts[1]["metric"] == "甲市宫颈癌检查目标任务"


def test_a_column_of_checks_takes_the_people_unit_of_a_caption_that_lists_two() -> None:
    # Written for the project: a city's quota table by county under 单位：人/户.
    report = (
        "附件：各县（市、区）主要目标任务分解表\n"
        "单位：人/户\n"
        "县（市、区）  培训城乡妇女  新创建美丽庭院示范户  “两癌”免费检查\n"
        "甲县  2200  1100  7400\n"
    )
    _, facts = extract_report(report)
    assert [(f["text"], f["unit"]) for f in facts] == [("2200", "人"), ("1100", "户"), ("7400", "人")]


def test_a_change_column_named_with_its_year_and_base_is_read_with_the_year_columns() -> None:
    # Written for the project: a statistics bureau's table, a unit column and a dated change column.
    report = (
        "表1　全省妇女就业主要指标\n"
        "指标  单位  2020年  2024年  2025年  2025年比上年增减\n"
        "女性就业人员  万人  2376.1  2409.2  2418.6  9.4\n"
        "女性参加失业保险  万人  538.2  612.7  628.5  15.8\n"
    )
    _, facts = extract_report(report)
    # the insured stand at each year's end: no start year
    assert [f["year_from"] for f in facts[4:7]] == [None, None, None]
    facts = facts[:4]
    got = [(f["text"], f["value"], f["kind"], f["year_to"]) for f in facts]
    assert got == [
        ("2376.1", 23_761_000, "actual", 2020),
        ("2409.2", 24_092_000, "actual", 2024),
        ("2418.6", 24_186_000, "actual", 2025),
        ("9.4", 94_000, "change", 2025),
    ]


def test_a_table_by_province_s_cities_and_a_column_named_by_its_unit_word_read_every_cell() -> None:
    # Written for the project: a provincial release's table by 省辖市 (cells set apart by ideographic
    # spaces), and a district's table whose first column's name ends with its unit (活动场次).
    _, facts = extract_report(
        "附：部分省辖市主要指标\n省辖市　培训农村妇女（万人次）　带动就业（人）\n郑州　4.6　12400\n"
    )
    assert [(f["text"], f["value"], f["unit"]) for f in facts] == [
        ("4.6", 46_000, "人次"),
        ("12400", 12_400, "人"),
    ]
    _, facts = extract_report(
        "附：宣传周主要数据\n街道（镇）  活动场次  参与家长（人次）\n长寿路街道  24  2860\n"
    )
    assert [(f["text"], f["unit"]) for f in facts] == [("24", "场次"), ("2860", "人次")]


def test_a_column_of_the_province_beside_the_city_s_years_is_the_province_s_figure() -> None:
    # Written for the project: a city's monitoring table, cells set apart by single spaces, with a
    # column of the province's figure for the same year before the plan's goal.
    text = (
        "某市2023年妇女发展规划统计监测报告\n发布时间：2024-10-12\n河南省郑州市统计局\n"
        "表1 主要监测指标\n指标名称 单位 2022年 2023年 全省2023年 2030年目标\n"
        "孕产妇系统管理率 % 94.1 95.2 94.6 90以上\n"
    )
    document, facts = extract_report(text)
    found = {f["text"]: f for f in facts}
    own = found["95.2"]
    province = found["94.6"]
    assert (own["year_to"], own["kind"], own["place_city"]) == (2023, "actual", document["city"])
    assert (province["year_to"], province["kind"], province["unit"]) == (2023, "actual", "%")
    assert (province["place_province"], province["place_city"]) == (document["province"], "")
    assert found["90以上"]["kind"] == "target"


def test_a_task_table_by_town_without_units_reads_them_from_the_header_and_the_text() -> None:
    # Written for the project: a county bulletin's table by town, cells set apart by single spaces, no
    # unit in its header: the body counts the screenings and quotas in 人, a count column says 人数.
    text = (
        "某县2024年“两癌”筛查工作通报\n2024年，市下达我县宫颈癌筛查任务各1.2万人，全年完成宫颈癌筛查12683人。\n"
        "各乡镇完成情况如下：\n乡镇 任务数 宫颈癌筛查 完成率 救助人数\n城关镇 1650 1803 109.3% 8\n"
        "上津镇 820 901 109.9% 3\n"
    )
    _, facts = extract_report(text)
    row = [f for f in facts if "上津镇" in f["sentence"][:4]]
    assert [(f["text"], f["unit"]) for f in row] == [
        ("820", "人"),
        ("901", "人"),
        ("109.9%", "%"),
        ("3", "人"),
    ]
    quota, done, rate, _ = row
    assert (quota["kind"], quota["year_to"]) == ("target", 2024)  # the year's quota, not a plan's goal
    assert (done["kind"], done["year_to"]) == ("actual", 2024)
    assert rate["metric"] == "上津镇宫颈癌筛查完成率"  # the rate of the column before it


def test_a_plan_s_table_of_yearly_levels_by_county_counts_in_the_text_s_unit() -> None:
    # Written for the project: a three-year plan's milestones by county; the caption's subject (站点) is
    # what the text counts in 个; the column at the last year's end stands (no start year), the years
    # the plan is for are its targets.
    text = (
        "关于印发《某市家庭教育三年行动方案（2025—2027年）》的通知\n发布日期：2025-03-21\n"
        "截至2024年底，全市已建成站点126个。\n各县（市、区）站点建设目标如下：\n"
        "县（市、区） 2024年底已建 2025年 2026年 2027年目标\n东台市 24 34 45 56\n"
    )
    _, facts = extract_report(text)
    cells = [f for f in facts if f["sentence"].startswith("东台市")]
    assert [(f["text"], f["unit"]) for f in cells] == [("24", "个"), ("34", "个"), ("45", "个"), ("56", "个")]
    assert [(f["year_from"], f["year_to"], f["kind"]) for f in cells[:3]] == [
        (None, 2024, "actual"),
        (2025, 2025, "target"),
        (2026, 2026, "target"),
    ]


def test_a_table_headed_by_town_names_in_traditional_script_reads_each_row() -> None:
    # Written for the project: a traditional-script summary's appendix (鎮名 heads the rows).
    text = "附表：全縣各鎮“兩癌”檢查情況\n鎮名 “兩癌”檢查人數 完成率 救助金（萬元）\n蕉城鎮 3126 104.2% 6.4\n"
    _, facts = extract_report(text)
    assert [(f["text"], f["value"], f["unit"]) for f in facts] == [
        ("3126", 3126, "人"),
        ("104.2%", 104.2, "%"),
        ("6.4", 64_000, "元"),
    ]


def test_a_table_of_case_types_by_year_with_a_total_column_reads_the_total_over_the_years() -> None:
    # Written for the project: a court's white paper, cells set apart by ideographic spaces.
    _, facts = extract_report(
        "分年度主要案由情况如下（单位：件）：\n"
        "案由　2023年　2024年　2025年　合计\n离婚纠纷　1851　1930　1861　5642\n"
    )
    assert [(f["text"], f["unit"], f["year_from"], f["year_to"]) for f in facts] == [
        ("1851", "件", 2023, 2023),
        ("1930", "件", 2024, 2024),
        ("1861", "件", 2025, 2025),
        ("5642", "件", 2023, 2025),
    ]


def test_a_table_by_county_whose_columns_name_a_running_total_and_a_year_s_issue_reads_both() -> None:
    # Written for the project: a charity's parcels by county; the first column's name starts with 项目,
    # which is no label column here, the second names its year.
    _, facts = extract_report(
        "各区县发放情况如下（单位：个）：\n\n区县　项目实施以来累计发放　2025年发放\n碧江区　1632　188\n"
    )
    assert [(f["text"], f["unit"]) for f in facts] == [("1632", "个"), ("188", "个")]
    assert (facts[1]["year_from"], facts[1]["year_to"], facts[1]["kind"]) == (2025, 2025, "actual")
    assert facts[0]["metric"] == "碧江区项目实施以来累计发放"


def test_a_plan_s_quota_table_with_a_total_over_its_years_reads_every_row() -> None:
    # Written for the project: a county's three-year plan, its yearly quotas in a tab-separated table
    # with the unit in each row's label and a column summing the three years.
    _, facts = extract_report(
        "某县妇联巾帼助力乡村振兴三年行动方案（2024—2026年）\n发布时间：2024-03-08\n\n表1　年度任务\n"
        "指标\t2024年\t2025年\t2026年\t三年合计\n培训农村妇女（人次）\t1400\t1500\t1600\t4500\n"
    )
    assert [(f["text"], f["unit"], f["year_from"], f["year_to"], f["kind"]) for f in facts] == [
        ("1400", "人次", 2024, 2024, "target"),
        ("1500", "人次", 2025, 2025, "target"),
        ("1600", "人次", 2026, 2026, "target"),
        ("4500", "人次", 2024, 2026, "target"),
    ]


def test_a_table_by_town_with_a_rate_among_its_named_columns_reads_every_column() -> None:
    # Written for the project: a county summary's courtyards by township, ideographic spaces between
    # cells; the rate column names no unit, its cells carry theirs.
    _, facts = extract_report(
        "2023年，全县累计创建美丽庭院1200户。各乡镇创建情况如下：\n\n"
        "乡镇　农户数（户）　美丽庭院（户）　创建率　精品庭院（户）\n甲镇　1000　800　80.0%　120\n"
    )
    assert [(f["text"], f["unit"], f["metric"]) for f in facts[1:]] == [
        ("1000", "户", "甲镇农户数"),
        ("800", "户", "甲镇美丽庭院"),
        ("80.0%", "%", "甲镇创建率"),
        ("120", "户", "甲镇精品庭院"),
    ]


def test_a_table_comparing_a_province_with_the_nation_places_the_national_column_nationally() -> None:
    # Written for the project: a provincial press release's appendix; the columns are the province, the
    # nation and the plan's goal.
    _, facts = extract_report(
        "广东省妇女儿童发展规划中期评估新闻发布会\n\n2024年，全省学前三年毛入园率继续提高。\n\n"
        "附：主要指标与全国比较（2024年）\n指标　广东　全国　规划目标（2030年）\n"
        "学前三年毛入园率（%）　93.4　92.0　95以上\n"
    )
    cells = [(f["text"], f["kind"], f["year_to"], f["place_province"]) for f in facts]
    assert cells == [
        ("93.4", "actual", 2024, "广东省"),
        ("92.0", "actual", 2024, ""),
        ("95以上", "target", 2030, "广东省"),
    ]


def test_a_tab_separated_table_reads_thousands_kept_apart_by_a_space_inside_a_cell() -> None:
    # Written for the project: a statistics bureau's bulletin, cells between tabs, a space in each
    # large number (a thousands separator), the head column named 县市.
    _, facts = extract_report(
        "2023年，全省女性城镇新增就业继续增加。\n\n2023年各县市女性城镇新增就业情况\n"
        "县市\t女性城镇新增就业（人）\t占本地城镇新增就业比重（%）\n甲市\t31 860\t46.8\n乙县\t2 950\t44.2\n"
    )
    assert [(f["text"], f["value"], f["unit"]) for f in facts] == [
        ("31 860", 31860.0, "人"),
        ("46.8", 46.8, "%"),
        ("2 950", 2950.0, "人"),
        ("44.2", 44.2, "%"),
    ]


def test_a_table_by_city_whose_columns_name_only_what_was_done_takes_the_caption_s_subject() -> None:
    # Written for the project: a trade union's data release; the columns say 累计建成 and a part of it
    # built in the year, the caption says what was built.
    _, facts = extract_report(
        "2023年，全省新建女职工休息哺乳室2 316个。\n\n2023年各市女职工休息哺乳室建设情况（单位：个）\n"
        "市别\t累计建成\t其中：2023年新建\n甲市\t2 460\t268\n"
    )
    cells = [(f["text"], f["metric"], f["year_from"], f["year_to"]) for f in facts[1:]]
    assert cells[0] == ("2 460", "甲市女职工休息哺乳室累计建成", None, 2023)
    assert cells[1][0] == "268" and "女职工休息哺乳室" in cells[1][1] and cells[1][2:] == (2023, 2023)


def test_a_table_of_case_types_with_count_share_and_change_columns_reads_each_cell() -> None:
    # Written for the project: a county federation's petition statistics; the count column names its
    # unit only by 件数, the change column carries signed percentages.
    _, facts = extract_report(
        "某县妇联2023年信访工作情况\n\n2023年，全县妇联系统共受理信访事项164件。\n\n"
        "表1　2023年信访事项分类统计\n"
        "类别　件数　占比　同比\n婚姻家庭　98　59.8%　-12.5%\n合计　164　100%　-9.4%\n"
    )
    cells = [(f["text"], f["value"], f["unit"], f["kind"]) for f in facts[1:]]
    assert cells[:3] == [
        ("98", 98.0, "件", "actual"),
        ("59.8%", 59.8, "%", "actual"),
        ("-12.5%", -12.5, "%", "change"),
    ]
    assert cells[-1] == ("-9.4%", -9.4, "%", "change")


def test_a_budget_table_reads_the_budget_as_planned_and_the_outturn_as_spent() -> None:
    # Written for the project: a district federation's final accounts; rows open with a subject code,
    # the caption gives the unit.
    _, facts = extract_report(
        "某区妇联2023年度部门决算说明\n\n2023年度一般公共预算财政拨款支出决算为467.03万元。具体情况如下（单位：万元）：\n"
        "科目编码\t科目名称\t预算数\t决算数\t增减\t增减率\n2012901\t行政运行\t228.60\t236.14\t7.54\t3.3%\n"
    )
    cells = [(f["text"], f["value"], f["kind"], f["year_to"]) for f in facts[1:]]
    assert [f["metric"] for f in facts[1:3]] == ["行政运行预算数", "行政运行决算数"]
    assert cells == [
        ("228.60", 2286000.0, "target", 2023),
        ("236.14", 2361400.0, "actual", 2023),
        ("7.54", 75400.0, "change", 2023),
        ("3.3%", 3.3, "change", 2023),
    ]


@pytest.mark.parametrize("head", ["镇别", "街镇", "市别", "县市"])
def test_a_table_by_place_whose_head_names_its_rows_by_level_reads_every_cell(head: str) -> None:
    # Written for the project: a city's monitoring report with a table by town (镇别), street and town
    # (街镇), city (市别) or county and city (县市).
    _, facts = extract_report(
        "某市2024年儿童发展规划监测报告\n\n2024年，全市学前三年毛入园率继续提高。\n\n"
        f"{head}　婴儿死亡率（‰）　学前三年毛入园率（%）\n甲镇　2.71　97.8\n乙镇　3.15　93.4\n"
    )
    assert [(f["text"], f["unit"]) for f in facts] == [
        ("2.71", "‰"),
        ("97.8", "%"),
        ("3.15", "‰"),
        ("93.4", "%"),
    ]


@pytest.mark.parametrize("head", ["社区", "村（社区）", "片区"])
def test_a_table_by_community_or_area_reads_every_cell(head: str) -> None:
    # Written for the project: a street federation's half-year table, a row per community.
    _, facts = extract_report(
        "某街道妇联2024年上半年工作总结\n\n上半年，街道妇联组织各社区开展活动。\n\n"
        f"{head}\t执委（名）\t巾帼志愿者（人）\t开展活动（场）\n甲\t18\t246\t27\n乙\t15\t198\t22\n"
    )
    assert [(f["text"], f["unit"]) for f in facts] == [
        ("18", "名"),
        ("246", "人"),
        ("27", "场"),
        ("15", "名"),
        ("198", "人"),
        ("22", "场"),
    ]


def test_a_column_of_words_beside_the_row_s_label_is_no_column_of_figures() -> None:
    # Written for the project: a screening bulletin's table by area, each row naming its clinic.
    _, facts = extract_report(
        "某县2024年两癌筛查工作通报\n\n各片区完成情况如下：\n\n"
        "片区\t承检机构\t宫颈癌任务（人）\t宫颈癌完成（人）\t病变检出（例）\n"
        "东片区\t东镇卫生院\t3200\t3318\t14\n西片区\t西镇卫生院\t2400\t2466\t9\n"
    )
    cells = [(f["text"], f["unit"], f["kind"], f["metric"]) for f in facts]
    assert cells[:3] == [
        ("3200", "人", "target", "东片区宫颈癌任务"),
        ("3318", "人", "actual", "东片区宫颈癌完成"),
        ("14", "例", "actual", "东片区病变检出"),
    ]
    assert len(cells) == 6


def test_a_table_by_year_dates_each_row_by_its_year_and_the_total_by_all_of_them() -> None:
    # Written for the project: a congress report's five years of work in a table, a row per year.
    _, facts = extract_report(
        "某市妇联第九次代表大会工作报告\n（2021年11月8日）\n\n五年来主要工作数据如下：\n"
        "年度\t创业担保贷款（亿元）\t扶持妇女（人）\n2017年\t2.9\t4 860\n2018年\t3.4\t5 730\n"
        "合计\t6.3\t10 590\n"
    )
    cells = [(f["text"], f["value"], f["year_from"], f["year_to"], f["kind"]) for f in facts]
    assert cells == [
        ("2.9", 290000000.0, 2017, 2017, "actual"),
        ("4 860", 4860.0, 2017, 2017, "actual"),
        ("3.4", 340000000.0, 2018, 2018, "actual"),
        ("5 730", 5730.0, 2018, 2018, "actual"),
        ("6.3", 630000000.0, 2017, 2018, "actual"),
        ("10 590", 10590.0, 2017, 2018, "actual"),
    ]


def test_a_base_year_column_and_a_budget_by_year_read_their_years() -> None:
    # Written for the project: a monitoring table whose first year is marked as the plan's base, and a
    # county federation's budget by subject with this year's and last year's budget.
    _, facts = extract_report(
        "某县儿童发展规划2023年统计监测报告\n\n主要指标如下：\n"
        "指标名称\t单位\t2020年（基期）\t2023年\t2030年目标\n学前三年毛入园率\t%\t88.4\t92.7\t92以上\n"
    )
    assert [(f["text"], f["year_to"], f["kind"]) for f in facts] == [
        ("88.4", 2020, "actual"),
        ("92.7", 2023, "actual"),
        ("92以上", 2030, "target"),
    ]
    _, facts = extract_report(
        "某县妇联2025年部门预算公开\n\n一般公共预算拨款支出预算情况（单位：万元）\n"
        "功能科目　　2025年预算　2024年预算　增减率\n行政运行　　84.63　　80.12　　5.63%\n"
    )
    assert [(f["text"], f["value"], f["year_to"], f["kind"]) for f in facts] == [
        ("84.63", 846300.0, 2025, "target"),
        ("80.12", 801200.0, 2024, "target"),
        ("5.63%", 5.63, 2025, "change"),
    ]


def test_a_table_of_the_year_so_far_and_the_same_months_a_year_before_dates_each_column() -> None:
    # Written for the project: a district civil affairs bureau's quarterly statistics, columns set apart
    # by spaces, rows with one figure among empty cells.
    _, facts = extract_report(
        "某区民政局2024年前三季度民政事业统计数据\n\n发布时间：2024-10-20\n\n一、主要指标\n\n"
        "指标名称                 单位      1—9月累计    上年同期    同比增减（%）\n"
        "结婚登记                 对        1862         2282        -18.4\n"
        "受理离婚登记申请         对        1026         —           —\n"
        "补领婚姻登记证           件        536          498         7.6\n"
    )
    cells = [(f["text"], f["year_to"], f["kind"]) for f in facts]
    assert cells == [
        ("1862", 2024, "actual"),
        ("2282", 2023, "actual"),
        ("-18.4", 2024, "change"),
        ("1026", 2024, "actual"),
        ("536", 2024, "actual"),
        ("498", 2023, "actual"),
        ("7.6", 2024, "change"),
    ]
