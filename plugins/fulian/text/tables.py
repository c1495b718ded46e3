"""Figures in tables flattened into text: the cells of statistical tables, placed by row and column.

Monitoring reports and bulletins print their indicators as tables; copied into text, a table becomes
lines of cells separated by spaces (`学前教育毛入园率(%)  89.8  91.3  ≥92`), sometimes all run together
on one line. A cell is a bare number: nothing after it says what it counts, so the sentence grammar of
``fulian.text.facts`` cannot read it. The table itself says everything:

- the row label says what is measured, and its unit, as a suffix `(%)` or a cell of its own (`%`);
- the header row (`指标  2020年  2021年  增减`, `指标  2022年  2023年  2025年目标`) says, per column,
  the year a cell covers and whether it is an actual, a change or a target.

So each cell becomes a fact with its unit, its metric (the label, plus the column's name when that is
no bare year) and its period and kind from the header. A row whose unit cannot be told is left out:
a number without a unit is no figure an analyst can use. Pure functions over the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fulian.text import lexicons, regions
from fulian.text.periods import counts_a_stock, goal_year, plan_years

# A line holding two numbers separated only by spaces or a rule (|) is the cheap sign that a table
# may be there.
_MAYBE_TABLE = re.compile(r"\d[ \t]*[ \t|｜][ \t]*[≥≤><]?-?\d")
_TOKEN = re.compile(r"[^ \t\u3000]+")
_TAB_CELL = re.compile(r"[^ \t\u3000](?:[^\t]*[^ \t\u3000])?")
# a cell between rules (渭滨区 | 婴儿死亡率（‰） | ≤4.5): its text may hold spaces
_RULED_CELL = re.compile(r"[^|｜]*[^|｜ \t\u3000]")
_RULE = re.compile(r"[|｜]")
# a cell: a number, with a comparison before it or a bound after it (≥92, 81以上, 保持在40以上), and
# its own unit when it is a share or a rate per thousand (93.6%, 2.87‰)
_CELL = re.compile(
    r"(?:保持在|稳定在|不低于|不少于|不高于|控制在)?(?P<cmp>[≥≤><])?"
    # a signed change (+0.8), thousands kept apart by a space or comma inside a tab-separated cell (31 860)
    r"(?P<num>[-+]?\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?)(?P<pct>[%‰])?"
    r"(?P<bound>以上|以下|左右)?"
)
_EMPTY_CELL = frozenset("—–-－/…")
_YEAR_COLUMN = re.compile(
    r"(\d{4})年(?:底|末)?(?:数据|数值|基数|基期值|基线值|监测值|实际值|现状值|已建|已有|建成|累计|实有)?"
    r"(?:[（(](?:基期|基期值|基线|基线值|基准|基准值|基准年|基年)[)）])?"  # 2020年（基期）
)
# a year column of a wider place the table compares with (全省2023年, 全国2023年): that place's figures
_WIDER_PLACE = re.compile(r"全[国省市州盟区县]")
_PLACE_PREFIX = re.compile(rf"{_WIDER_PLACE.pattern}(?=\d{{4}}年)")
_CAPTION_YEAR = re.compile(r"[（(]((?:19|20)\d{2})年[)）]")
_TARGET_COLUMN = re.compile(r"目标|预算数")  # (a budget's 预算数 is what was to be spent)
_GOAL_STAGE = re.compile(r"中期|终期")
_CHANGE_COLUMN = re.compile(r"(?:增减|增幅|增长|变化|变动|比上年|同比)率?")
_LABEL_HEADS = ("指标", "项目", "类别", "名称", "案由", "类型", "分类", "科目")
# a budget's label column named by its classification (功能科目, 支出功能分类科目, 经济分类科目)
_CLASSED_LABEL = re.compile(r"[\u4e00-\u9fff]{1,8}科目(?:名称)?")
# a header whose rows are years (年度  创业担保贷款（亿元）  扶持妇女（人）; rows 2017年 …, 合计)
_YEAR_HEADS = ("年度", "年份")
_YEAR_ROW = re.compile(r"((?:19|20)\d{2})年?度?")
# a column of words about the row, no figure (片区  承检机构  宫颈癌任务（人）: 文林片区  文林镇卫生院  3200)
_TEXT_COLUMN = re.compile(
    r"[\u4e00-\u9fff]{0,4}(?:机构|单位名称|所辖[\u4e00-\u9fff]{1,4}|负责人|联系人|备注|地址)"
)
# a budget's code column before its label column (科目编码  科目名称  预算数  决算数): its rows open with
# the code, a number that is no figure
_CODE_HEAD = re.compile(r"(?:科目|项目)?(?:编码|代码)")
_CODED_LABEL = re.compile(r"(?:科目|项目)名称")
# the label column named after a place column (县区  指标名称  2023年 …), not a column that only starts
# with one of its words (区县  项目实施以来累计发放)
_LABEL_COLUMN = re.compile(r"(?:指标|项目|类别|案由|类型|分类)(?:名称)?|名称")
# a header whose rows are places (a task table: 县（市、区）  2023年任务  2023年完成  完成率 …)
_PLACE_HEADS = (
    "县（市、区）",
    "县(市、区)",
    "县市区",
    "县市",
    "市县",
    "旗县",
    "盟市",
    "市别",
    "县别",
    "镇别",
    "乡镇别",
    "地区别",
    "街镇",
    "县（区）",
    "县(区)",
    "区县",
    "县区",
    "地区",
    "市州",
    "市（州）",
    "乡镇",
    "镇街",
    "设区市",
    "地市",
    "省辖市",
    "社区",
    "村（社区）",
    "村(社区)",
    "片区",
)
# ... or any level written with the levels it also holds: 镇（街道）, 乡镇（街道）, 市（州、盟）
_LEVELS = "县市区乡镇街道州盟旗"
_PLACE_HEAD = re.compile(
    rf"(?:{'|'.join(map(re.escape, _PLACE_HEADS))}|[{_LEVELS}]{{1,4}}[（(][{_LEVELS}、]{{1,6}}[)）]"
    rf"|[{_LEVELS}]{{1,4}}名称?(?![\u4e00-\u9fff]))"  # 镇名, 乡镇名称
)
# a column named by a year and what it holds: 2023年任务 (a quota), 2023年完成 (what was done)
_YEAR_WORD_COLUMN = re.compile(r"(\d{4})年(?:度)?(任务|计划|目标|完成|实际|实绩|预算|决算)(?:数|值)?")
_RATE_COLUMN = re.compile(r"完成率|完成比例|完成进度")
_QUOTA_COLUMN = re.compile(r"任务|计划|指标数")
_TOTAL_COLUMN = re.compile(r"(?:[一二三四五六七八九十两]年)?(?:合计|总计|总数|小计)")
# a column named by a year and what was done in it (2025年发放, 2024年新建)
_DATED_COLUMN = re.compile(r"(\d{4})年度?[\u4e00-\u9fff“”]{1,10}")
# a column of what stands at a year's end (2024年底已建, 2023年末实有): a stock, no start year
_STANDING_COLUMN = re.compile(r"年[底末]|已建|已有|实有|累计")
# a column of the months of the year so far (1—9月累计, 本年累计, 前三季度, 本期): actuals, dated by the
# text; and of the same months the year before (上年同期, 去年同期)
_MONTHS_COLUMN = re.compile(
    r"(?:\d{1,2}\s*[—–\-－~～至到]+\s*\d{1,2}\s*月|前[一二三]季度|上半年|本年|本期|当期|本月)(?:累计)?(?:数|值)?"
)
_LAST_YEAR_COLUMN = re.compile(r"(?:上年|去年)同期(?:累计)?(?:数|值)?")
# a column of what was done, no year named (目标任务  实际完成  完成率): actuals, dated by the text
_DONE_COLUMN = re.compile(r"(?:实际|已)?完成(?:数|值)?|实际(?:数|值)?|实绩|决算数")
_PART_COLUMN = re.compile(r"其中.{1,8}")
# an actual column named by a word (决算数, 实际完成), not a year or a place
_WORDED_ACTUAL = re.compile(r"决算数|实际完成(?:数|值)?")
# a column of shares or rates among named columns (乡镇  农户数（户）  美丽庭院（户）  创建率): its cells
# carry their own unit
_SHARE_COLUMN = re.compile(r"[\u4e00-\u9fff“”]{1,10}(?:率|比例|占比)(?:[(（]%[)）])?")
# a column of a label's count (件数, 人数, 案件数量) or its share (占比, 比重), beside header words (同比)
_STATISTIC_COLUMN = re.compile(r"[\u4e00-\u9fff]{0,6}(?:件数|人数|户数|个数|次数|数量)|占比|比重|所占比例")
# a column that says only how the row's figure stands, not what it counts (目标任务, 实际完成, 完成率)
_GENERIC_COLUMN = re.compile(
    rf"(?:全年|年度|\d{{4}}年度?)?(?:目标任务|目标|任务|计划)(?:数|值)?|{_DONE_COLUMN.pattern}|{_RATE_COLUMN.pattern}"
    # a column named by what was done only (累计建成, 其中：2023年新建): the caption says to what
    r"|(?:其中[:：]?)?(?:\d{4}年度?)?(?:累计|全年|当年|年内|已|新)?(?:建成|新建|创建|新增|建设|发放|培训|开展|举办)"
)
# a table's unit in its caption: （单位：人次）, 单位：万元
_CAPTION_UNIT = re.compile(r"单位\s*[:：]\s*([^\s)）:：，,。]{1,4})")
# a caption listing one unit per kind of column (单位：名、个、户): a column takes the one its noun counts in
_LISTED_UNIT = r"[^\s)）:：，,。、/／]{1,2}"
_CAPTION_UNITS = re.compile(rf"单位\s*[:：]\s*({_LISTED_UNIT}(?:[、/／]{_LISTED_UNIT})+)")
_UNIT_SUFFIX = re.compile(r"[(（]([^()（）]{1,4})[)）]$")
_QUALIFIER = {
    "≥": "over",
    ">": "over",
    "≤": "under",
    "<": "under",
    "以上": "over",
    "以下": "under",
    "左右": "about",
}
# a table's columns listed in its caption (表1，按“指标名称 / 2020年 / 2023年 / 2025年目标 / 评估结论”排列,
# 列示如下（指标名称｜规划目标值｜2022年实际值｜是否达标）)
# (a place column may come first: 县区 / 指标 / 2023年 / …)
_LISTED_COLUMNS = re.compile(
    rf"(?:(?:{_PLACE_HEAD.pattern})\s*[/／|｜]\s*)?"
    r"(?:指标|项目|类别|名称)[^“”\"/／|｜:：\n]{0,4}(?:\s*[/／|｜:：]\s*[^/／|｜:：“”\"\n）)]{1,12}){2,}"
)
# a row whose cells are set apart by slashes after its label's colon (婴儿死亡率（‰）：3.6 / 3.2 / 4.5以下)
_SLASHED_ROW = re.compile(r"[^:：\n]{2,40}[:：]\s*[^/／\n]+(?:\s[/／]\s|／)")
# a row whose every cell is set apart by slashes (秦州区 / 孕产妇系统管理率 / 93.6% / 95.1% / ≥92%)
_SLASHED_CELLS = re.compile(r"[^/／:：\n]{1,40}(?:\s[/／]\s[^/／\n]{1,40}){2,}")
_SLASH_RULE = re.compile(r"\s*(?:\s[/／]\s|／)\s*")
# a row's number in a list (1．孕产妇死亡率, 2、…): no part of what the row measures
_ROW_NUMBER = re.compile(r"^[(（]?\d{1,2}[)）.．、]\s*")
# a row under a header whose cells are set apart by wide gaps, one figure among empty cells
# (受理离婚登记申请      对     1026     —     —)
_GAPPED_ROW = re.compile(r"\d(?:\.\d+)?[%‰]?(?:[ \t\u3000]{2,}|\t)[ \t\u3000]*[—–\-－/…]")


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell read as a figure (offsets into the normalised text)."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: str
    metric: str
    year_from: int | None
    year_to: int | None
    kind: str | None  # None: the header does not say; the periods reader decides
    by_place: bool = False  # its row is a place (a task table by county): the table says what it counts
    place: str = ""  # the wider place its column is of (全省, 全国), which fulian.text.places resolves
    quota: bool = False  # a quota of a column that names no year (任务数): the year the text dates
    earlier: int = 0  # years before the text's year (上年同期: 1), which the periods reader dates


@dataclass(frozen=True, slots=True)
class _Column:
    name: str
    year: int | None
    kind: str | None
    unit: tuple[str, float] | None = None  # a unit its name carries: “两癌”检查任务（人）
    place: str = ""  # 全省 of 全省2023年
    since: int | None = None  # the first year of a total over the year columns before it (合计)
    earlier: int = 0  # a column of the same months a year before (上年同期): 1


def _named_unit(name: str) -> tuple[str, tuple[str, float]] | None:
    """(name without it, (unit, multiplier)) of a column named with its unit (技能培训（人次）), else None."""
    m = _UNIT_SUFFIX.search(name)
    if m and m.start() and (u := _unit(m.group(1))):
        return name[: m.start()], u
    return None


def _unit(word: str) -> tuple[str, float] | None:
    """(unit, multiplier) of a unit written in a table (%, ‰, 万人, 元), or None."""
    if word in ("%", "‰"):
        return word, 1.0
    mult = 1.0
    if word[:1] in "万亿" and len(word) > 1:
        mult, word = (1e4 if word[0] == "万" else 1e8), word[1:]
    return (word, mult) if word in lexicons.units() else None


def _columns(
    names: list[str], plan: tuple[int, int] | None = None, caption_year: int | None = None
) -> list[_Column]:
    """The value columns of a header (the unit column 单位 set aside), each with its year and kind;
    ``plan``, the years of the plan the text names, dates a goal column that names only its stage
    (中期目标: the plan's middle year); ``caption_year``, a year the caption names once (主要指标与全国
    比较（2024年）), dates the columns named by places."""
    years = [
        int(m.group(1))
        for n in names
        if (m := _YEAR_COLUMN.fullmatch(_PLACE_PREFIX.sub("", n)) or _YEAR_WORD_COLUMN.fullmatch(n))
    ]
    columns: list[_Column] = []
    for named in names:
        # a column may carry its unit (目标任务（万人）, 实际完成（万人）): read without it, counted in it
        name, unit = _named_unit(named) or (named, None)
        place = _PLACE_PREFIX.match(name)
        year = _YEAR_COLUMN.fullmatch(name, place.end() if place else 0)
        stated = re.search(r"\d{4}", name)
        worded = _YEAR_WORD_COLUMN.fullmatch(name)
        if year:
            columns.append(_Column(name, int(year.group(1)), "actual", unit, place.group() if place else ""))
        elif worded:
            done = worded.group(2) in ("完成", "实际", "实绩", "决算")
            columns.append(_Column(name, int(worded.group(1)), "actual" if done else "target", unit))
        elif _RATE_COLUMN.fullmatch(name):
            # a completion rate: of the year whose results stand before it; of what the column before
            # it counts when that names a thing (宫颈癌筛查  完成率  乳腺癌筛查  完成率)
            done = [c.year for c in columns if c.kind == "actual" and c.year]
            named_before = columns[-1].name if columns and columns[-1].kind is None else ""
            columns.append(_Column(named_before + name, done[-1] if done else None, "actual", unit))
        elif _DONE_COLUMN.fullmatch(name) or _MONTHS_COLUMN.fullmatch(name):
            columns.append(_Column(name, None, "actual", unit))
        elif _LAST_YEAR_COLUMN.fullmatch(name):
            columns.append(_Column(name, None, "actual", unit, earlier=1))
        elif _TOTAL_COLUMN.fullmatch(name) and years:
            # 案由  2023年  2024年  2025年  合计: the sum over the years of the columns
            columns.append(_Column(name, max(years), "actual", unit, since=min(years)))
        elif _PART_COLUMN.fullmatch(name) and columns:
            # a part of the column before
            columns.append(_Column(name, columns[-1].year, columns[-1].kind, unit))
        elif _TARGET_COLUMN.search(name):
            stage = _GOAL_STAGE.search(name)
            year = int(stated.group()) if stated else None
            if year is None and plan and stage:
                year = goal_year(plan, stage.group())
            columns.append(_Column(name, year, "target", unit))
        elif _CHANGE_COLUMN.search(name):
            # 增长（%）: a change in its own unit, whatever the row counts in; of the year it names
            # (2025年比上年增减), else of the latest year column
            year = int(stated.group()) if stated else max(years) if years else None
            columns.append(_Column(name, year, "change", unit))
        else:
            columns.append(_named_column_of(name, unit, caption_year))
    return columns


def _named_column_of(name: str, unit: tuple[str, float] | None, caption_year: int | None) -> _Column:
    """A column named by a place, by what was done in a year, or by what it counts."""
    if _place_column(name):
        # the figures of a place in the caption's year, else the text's; of the wider place (全国) it names
        return _Column(name, caption_year, "actual", unit, name if _WIDER_PLACE.fullmatch(name) else "")
    if (dated := _DATED_COLUMN.fullmatch(name)) and not _QUOTA_COLUMN.search(name):
        # 区县  项目实施以来累计发放  2025年发放: what was done in the year it names
        return _Column(name, int(dated.group(1)), "actual", unit)
    # 新建“妇女微家”（个）: what the column counts (in its unit, if it names one, or the one its name ends
    # with: 活动场次); a quota if it says so
    quota = _QUOTA_COLUMN.search(name)
    return _Column(name, None, "target" if quota else None, unit or _unit_ending(name))


def _place_column(name: str) -> bool:
    """Whether a header names a column by a place: the report's own (陕西, 遂宁市) or a wider one it is
    compared with (指标  陕西  全国  规划目标（2030年）)."""
    return bool(_WIDER_PLACE.fullmatch(name) or regions.lookup_short(name) or regions.lookup_full(name))


def _unit_ending(name: str) -> tuple[str, float] | None:
    """The unit a column's name ends with, when it is a word of two characters or more (活动场次,
    服务人次), or the count of a unit (件数, 受理人数): a name ending with a one-character unit (妇女之家)
    names a thing, not its unit."""
    if len(name) >= 2 and name[-1] == "数" and (u := _unit(name[-2])):
        return u
    for n in (3, 2):
        if len(name) > n and (u := _unit(name[-n:])) and len(u[0]) >= 2:
            return u
    return None


def _is_header_word(token: str) -> bool:
    name = _UNIT_SUFFIX.sub("", token)  # 完成率（%）, 增长（%）
    return bool(
        token == "单位"
        or _YEAR_COLUMN.fullmatch(_PLACE_PREFIX.sub("", token))
        or _YEAR_WORD_COLUMN.fullmatch(token)
        or _RATE_COLUMN.fullmatch(name)
        or _DONE_COLUMN.fullmatch(name)
        or _MONTHS_COLUMN.fullmatch(name)
        or _LAST_YEAR_COLUMN.fullmatch(name)
        or _PART_COLUMN.fullmatch(token)
        or _TARGET_COLUMN.search(token)
        or _CHANGE_COLUMN.fullmatch(name)
        or _TOTAL_COLUMN.fullmatch(name)
    )


def _header(tokens: list[str], i: int) -> tuple[list[str], int] | None:
    """(column names, index after the header) when tokens[i] opens a header row (指标 2020年 …).

    A header may name two label columns, the place first (县区  指标  目标值  2023年): its rows then
    start with a place and the label says what is measured there."""
    by_place = bool(_PLACE_HEAD.match(tokens[i]))
    by_year = tokens[i] in _YEAR_HEADS
    labelled = tokens[i].startswith(_LABEL_HEADS) or _CLASSED_LABEL.fullmatch(tokens[i])
    if not (by_place or by_year or labelled) or _CELL.fullmatch(tokens[i]):
        return None
    j = i + 1
    if by_place and j < len(tokens) and _LABEL_COLUMN.fullmatch(tokens[j]):
        j += 1
    words = j
    while j < len(tokens) - 2 and _TEXT_COLUMN.fullmatch(tokens[j]):
        j += 1  # a column of words (承检机构), set aside like the unit column
    words = j - words
    coded = _CODE_HEAD.fullmatch(tokens[i]) and j < len(tokens) and _CODED_LABEL.fullmatch(tokens[j])
    if coded:
        i, j = i + 1, j + 1
    first = j  # the first column of figures
    while j < len(tokens) and (
        _is_header_word(tokens[j])
        or _named_column(tokens, j)
        or _dated_change(tokens, j)
        or ((_SHARE_COLUMN.fullmatch(tokens[j]) or _place_column(tokens[j])) and _not_a_row_label(tokens, j))
    ):
        j += 1
    if j == first:  # columns named with their units (乡镇  技能培训（人次）  新建“妇女微家”（个）), a
        # share among them (区县  全年任务(人)  已完成(人)  完成率)
        while j < len(tokens) and (_named_unit(tokens[j]) is not None or _is_header_word(tokens[j])):
            j += 1
    # a place's columns named by what they count (设区市  三八红旗手  三八红旗集体  最美家庭), a part among
    # them (市别  累计建成  其中：2023年新建); a label's statistics (类别  件数  占比  同比)
    named = _counted_or_dated if by_place else _STATISTIC_COLUMN.fullmatch
    if j == first and len(tokens) - j >= 2 and all(named(t) or _is_header_word(t) for t in tokens[j:]):
        j = len(tokens)
    # the columns of words marked "文"
    names = tokens[i + 1 : first - words] + ["文"] * words + tokens[first:j]
    if names[:1] and _LABEL_COLUMN.fullmatch(names[0]):
        names = ["", *names[1:]]  # the label column after the place column: marked by an empty name
    return (names, j) if len([n for n in names if n not in ("单位", "")]) >= 2 else None


def _named_column(tokens: list[str], j: int) -> bool:
    """Whether tokens[j] names a column with its unit (实际完成（万人）) among header words."""
    return _named_unit(tokens[j]) is not None and _not_a_row_label(tokens, j)


def _dated_change(tokens: list[str], j: int) -> bool:
    """Whether tokens[j] names a change column with its year or base (2025年比上年增减) among header
    words."""
    return bool(_CHANGE_COLUMN.search(tokens[j])) and _not_a_row_label(tokens, j)


def _not_a_row_label(tokens: list[str], j: int) -> bool:
    """Whether tokens[j] is followed by another name or the line's end, not by a row's values: a row's
    label on the header's line (毛入园率(%) 89.8 …) names no column."""
    return j + 1 == len(tokens) or not _is_value(tokens[j + 1])


def _counted_or_dated(token: str) -> bool:
    """Whether a header token names what a column counts, or that and its year (2025年发放)."""
    return _counted(token) or bool(_DATED_COLUMN.fullmatch(token))


def _counted(token: str) -> bool:
    """Whether a header token can name what a column counts (三八红旗手): a short name, no figure."""
    return len(token) <= 12 and not _is_value(token) and not any(c.isdigit() for c in token)


def _row_unit(label: str, unit_cell: str | None, caption: str | None = None) -> tuple[str, str, float] | None:
    """(label without its unit, unit, multiplier) of a row, or None when no unit is told: the label's
    suffix, the row's unit cell, else the table's caption (单位：人次)."""
    m = _UNIT_SUFFIX.search(label)
    if m and (u := _unit(m.group(1))):
        return label[: m.start()], *u
    for word in (unit_cell, caption):
        if word and (u := _unit(word)):
            return label, *u
    return None


def _is_value(token: str) -> bool:
    return bool(_CELL.fullmatch(token)) or token in _EMPTY_CELL


def _own_unit(token: str) -> bool:
    """Whether a value cell carries its own unit (93.6%, 2.87‰) or is empty (—)."""
    m = _CELL.fullmatch(token)
    return m is None or bool(m.group("pct"))


def _open_table(state: dict, names: list[str], opener: str, text: str) -> None:
    """Start a table in ``state`` from its header: the column names after the label's (``opener``);
    ``text`` the report's, which may name the years of the plan a goal column is of."""
    state["has_unit_column"] = "单位" in names
    state["place_column"] = "" in names
    state["text_columns"] = names.count("文")
    state["by_year"] = opener in _YEAR_HEADS
    state["years"] = []  # the years of the rows so far (a by-year table's total sums them)
    dated = _CAPTION_YEAR.search(state.get("caption", ""))
    columns = _columns(
        [n for n in names if n not in ("单位", "", "文")],
        plan_years(text),
        int(dated.group(1)) if dated else None,
    )
    if listed := state.get("caption_units"):
        columns = [_counted_in(c, listed) for c in columns]
    state["by_place"] = not state["place_column"] and bool(_PLACE_HEAD.match(opener))
    # what the rows' places did, for columns that say only how it stands (目标任务, 实际完成, 完成率)
    state["subject"] = _caption_subject(state.get("caption", "")) if state["by_place"] else ""
    if state["by_place"] and not state.get("caption_unit"):
        columns = [_counted_as_in_text(c, text, state["subject"]) for c in columns]
    state["columns"] = columns


# a column's name without the word for a count (任务数 → 任务) and without its year (2024年底已建 → 已建)
_COLUMN_COUNT = re.compile(r"(?:数|数量|人数)$")
_DATED = re.compile(r"\d{4}年(?:底|末|度)?|\d")
# what a caption's subject says besides the thing counted (2027年站点建设目标 → 站点)
_SUBJECT_FRAME = re.compile(rf"{_DATED.pattern}|建设|创建|目标|任务|完成|进度|情况|计划|分解")
# what a column of a table by place counts in: people, times, households, things, money; not a share,
# a duration (2024年) or a measure
_COUNTS_IN = frozenset(("people", "person_times", "events", "households", "organisations", "items", "money"))


def _counted_as_in_text(column: _Column, text: str, subject: str) -> _Column:
    """A column of a table by place that names no unit (乡镇  任务数  宫颈癌筛查  完成率; 县（市、区）
    2024年底已建  2025年 under 各县（市、区）站点建设目标如下), with the unit its name ends with
    (检查人数: 人) or the one the text counts the same thing in (…筛查任务各1.2万人, 建成站点126个):
    the column's name, else the caption's subject; unchanged when it has a unit, holds rates or
    changes, or the text counts it in no unit."""
    if column.unit or _RATE_COLUMN.search(column.name) or _CHANGE_COLUMN.search(column.name):
        return column
    if column.name.endswith("数") and (u := _unit(column.name[-2])) and _counts(u[0]):
        return _Column(column.name, column.year, column.kind, u, column.place)  # 检查人数, 户数: 人, 户
    for key in (_DATED.sub("", _COLUMN_COUNT.sub("", column.name)), _SUBJECT_FRAME.sub("", subject)):
        if len(key) >= 2 and (unit := _unit_counted_after(key, text)):
            return _Column(column.name, column.year, column.kind, unit, column.place)
    return column


def _unit_counted_after(key: str, text: str) -> tuple[str, float] | None:
    """The unit of the first figure the text gives right after ``key`` (站点126个: 个), if any."""
    after = re.escape(key) + r"[^\d，,。；;\n]{0,6}?\d[\d,.]*\s*[万亿]?([^\s\d，,。；;、]{1,2})"
    for m in re.finditer(after, text):
        for word in (m.group(1), m.group(1)[:1]):
            if (u := _unit(word)) and _counts(u[0]):
                return u[0], 1.0
    return None


def _counts(unit: str) -> bool:
    """Whether a unit is one a column of a table by place counts in (_COUNTS_IN)."""
    info = lexicons.units().get(unit)
    return info.unit_class in _COUNTS_IN if info else unit == "元"


def _is_quota(column: _Column) -> bool:
    """Whether a column holds quotas without their year (任务数): the periods reader dates them."""
    return column.kind == "target" and column.year is None and bool(_QUOTA_COLUMN.search(column.name))


def _counted_in(column: _Column, listed: list[str]) -> _Column:
    """The column with the unit of its caption's list (单位：名、个、户) that its noun counts in
    (三八红旗手: people, 名; 最美家庭: households, 户); unchanged when its name says no such noun."""
    if column.unit or column.year is not None:
        return column
    known = lexicons.units()
    for suffix, unit_class in lexicons.counted_nouns():
        if column.name.endswith(suffix):
            for word in listed:
                if word in known and known[word].unit_class == unit_class:
                    return _Column(column.name, column.year, column.kind, (word, 1.0))
            return column
    return column


def _cells_of_line(text: str, start: int, end: int, state: dict) -> list[Cell]:
    """The cells of one line; ``state`` carries the current header across the lines of a table."""
    spans = _spans(text, start, end)
    tokens = [text[s:e] for s, e in spans]
    ruled = bool(_RULE.search(text, start, end)) or bool(_SLASHED_ROW.match(text, start, end))
    cells: list[Cell] = []
    i = 0
    while i < len(tokens):
        header = _header(tokens, i)
        if header:
            names, i = header
            _open_table(state, names, tokens[i - len(names) - 1], text)
            continue
        if _is_value(tokens[i]) or not state.get("columns"):
            i += 1
            continue
        label, unit_cell, i = _row_head(tokens, i, state)
        first, i = i, _row_end(tokens, i, ruled, len(state["columns"]))
        years = _row_years(label, state) if state.get("by_year") else None
        row = _row_unit(label, unit_cell, state.get("caption_unit"))
        columns = state["columns"]
        own_units_only = False
        if row is None:
            # every column or cell says its own unit (技能培训（人次）, 93.6%); else only the cells
            # that say it (a task table without units: 1650  1803  109.3%) are figures
            own_units_only = not all(
                c.unit or _own_unit(tokens[k]) for c, k in zip(columns, range(first, i), strict=False)
            )
            row = (label, "", 1.0)
        if i == first or i - first > len(columns):
            continue
        name, row_unit, row_mult = row
        for k in range(first, i):
            m = _CELL.fullmatch(tokens[k])
            if m is None:
                continue
            column = columns[k - first]
            if own_units_only and not (column.unit or m.group("pct")):
                continue
            unit, mult = column.unit or (row_unit, row_mult)
            metric = _metric_of_cell(state, column, label, name)
            number = float(m.group("num").replace(" ", "").replace(",", ""))
            value = number * (1.0 if m.group("pct") else mult)
            unit = m.group("pct") or unit
            # a count that stands at the year's end (参加养老保险的女性) has no start year; a share is the
            # year's level
            stock = (
                column.kind == "actual"
                and unit not in ("%", "‰")
                and (counts_a_stock(name) or bool(_STANDING_COLUMN.search(column.name)))
            )
            first_year, year, kind = column.since or column.year, column.year, column.kind
            if years is not None:  # a row of a table by year (2017年, 合计): its years, done then
                (first_year, year), kind = years, column.kind or "actual"
            cells.append(
                Cell(
                    spans[k][0] + (m.start("cmp") if m.group("cmp") else m.start("num")),
                    spans[k][1],
                    _whole(value),
                    unit,
                    _QUALIFIER.get(m.group("cmp") or m.group("bound") or "", "exact"),
                    metric,
                    None if stock else first_year,
                    year,
                    kind,
                    bool(state.get("by_place")),
                    column.place,
                    _is_quota(column),
                    column.earlier,
                )
            )
    return cells


def _row_head(tokens: list[str], i: int, state: dict) -> tuple[str, str | None, int]:
    """(label, unit cell, index of the first value) of the row opening at tokens[i]: its label (after a
    place column, the label's own column), its unit column, its columns of words passed over."""
    label, i = _ROW_NUMBER.sub("", tokens[i]), i + 1
    if state.get("place_column") and i < len(tokens) and not _is_value(tokens[i]):
        label, i = tokens[i], i + 1  # the place before it is the figure's own place, read from the row
    unit_cell = None
    if state.get("has_unit_column") and i < len(tokens) and not _is_value(tokens[i]):
        unit_cell, i = tokens[i], i + 1
    for _ in range(state.get("text_columns", 0)):
        if i < len(tokens) and not _is_value(tokens[i]):
            i += 1  # 文林镇卫生院: the words of a text column, no figure
    return label, unit_cell, i


def _metric_of_cell(state: dict, column: _Column, label: str, name: str) -> str:
    """What a cell measures: in a table by place, the row and the column (福州市三八红旗手), as a reader
    names the cell (a division is also the figure's own place: fulian.text.places); else the row's
    label ``name`` (without its unit), and the column's name where it says more than the fields do."""
    if state.get("by_place"):
        generic = _GENERIC_COLUMN.fullmatch(column.name)
        subject = state["subject"] if generic and state["subject"] not in label else ""
        return label + subject + column.name
    # an actual column named by its year or place says no more than the fields; one named by what was
    # done says what (行政运行决算数)
    worded = column.kind != "actual" or _WORDED_ACTUAL.fullmatch(column.name)
    return column.place + name + (column.name if worded else "")


def _row_years(label: str, state: dict) -> tuple[int, int] | None:
    """(first, last year) of a row of a table by year: its own year (2017年), or for a total (合计) the
    years of the rows above it; None for any other row."""
    if m := _YEAR_ROW.fullmatch(label):
        year = int(m.group(1))
        state["years"].append(year)
        return year, year
    if _TOTAL_COLUMN.fullmatch(label) and state["years"]:
        return min(state["years"]), max(state["years"])
    return None


def _row_end(tokens: list[str], first: int, ruled: bool, columns: int) -> int:
    """The index after a row's value cells from ``first``: the run of values, or between rules the
    columns' count of cells, a cell keeping its column even when it is no figure (逐步提高)."""
    if ruled:
        return min(len(tokens), first + columns)
    i = first
    while i < len(tokens) and _is_value(tokens[i]):
        i += 1
    return i


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a line as spans: between rules when the line is ruled (a | b | c), after its label's
    colon and between slashes when it is slashed (a：1 / 2 / 3), else the runs of text between spaces."""
    if not _RULE.search(text, start, end) and _SLASHED_ROW.match(text, start, end):
        colon = min(i for i in (text.find("：", start, end), text.find(":", start, end)) if i >= 0)
        spans, lo = [(start, colon)], colon + 1
        for m in _SLASH_RULE.finditer(text, lo, end):
            spans.append((lo, m.start()))
            lo = m.end()
        spans.append((lo, end))
        return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()]
    if not _RULE.search(text, start, end) and _SLASHED_CELLS.fullmatch(text, start, end):
        spans, lo = [], start
        for m in _SLASH_RULE.finditer(text, start, end):
            spans.append((lo, m.start()))
            lo = m.end()
        spans.append((lo, end))
        return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()]
    if _RULE.search(text, start, end):
        spans = []
        for m in _RULED_CELL.finditer(text, start, end):
            s = m.start() + len(m.group()) - len(m.group().lstrip(" \t\u3000"))
            spans.append((s, m.end()))
        return spans
    if text.find("\t", start, end) >= 0:  # cells between tabs, a space inside a cell a thousands separator
        return [(m.start(), m.end()) for m in _TAB_CELL.finditer(text, start, end)]
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def table_cells(text: str) -> list[Cell]:
    """Every table cell of a normalised text that reads as a figure, in text order."""
    if not _MAYBE_TABLE.search(text) and not _LISTED_COLUMNS.search(text) and not _CAPTION_UNIT.search(text):
        return []
    cells: list[Cell] = []
    state: dict = {}
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if (listed := _LISTED_COLUMNS.search(line)) and _is_caption(line, listed):
            names = [n.strip() for n in re.split("[/／|｜:：]", listed.group())]
            if header := _header(names, 0):
                _open_table(state, header[0], names[0], text)
                pos = end + 1
                continue
        if (
            _MAYBE_TABLE.search(line)
            or _header_in(line)
            or (
                state.get("columns")
                and (
                    _RULE.search(line)
                    or _SLASHED_ROW.match(line)
                    or _SLASHED_CELLS.fullmatch(line)
                    or _GAPPED_ROW.search(line)
                )
            )
        ):
            cells += _cells_of_line(text, pos, end, state)
        elif state.get("caption_unit") and _ITEM_ROW.match(line):
            cells += _item_cells(pos, line, state["caption_unit"], state.get("caption_quota", False))
        elif len(line.strip()) > 40:
            state = {}  # prose ends a table
        if not state.get("columns") and (caption := _CAPTION_UNITS.search(line)):
            state["caption_units"] = re.split("[、/／]", caption.group(1))  # …如下（单位：名、个、户）
        elif not state.get("columns") and (caption := _CAPTION_UNIT.search(line)):
            state["caption_unit"] = caption.group(1)  # the caption before a table: …如下（单位：人次）
            state["caption_quota"] = bool(_QUOTA_CAPTION.search(line))  # 任务分配如下: quotas
        if not state.get("columns") and line.strip():
            state["caption"] = _last_sentence(line)  # …。各市（州）宫颈癌检查完成情况如下：
        pos = end + 1
    return cells


def _last_sentence(line: str) -> str:
    """A line's last sentence, with its own end mark (found from the end: a long line is read once)."""
    body = line.rstrip("。；;！! \t\u3000")
    return line[max(body.rfind(mark) for mark in "。；;！!") + 1 :]


# what a caption says around the thing its table counts (its brackets cut out first): a number or label
# before (表1, 附件：), its year, the scope of its rows (各市（州）, 全省各县区), and after it the words
# for a table (完成情况如下：, 分解表)
_CAPTION_FRAME = re.compile(
    r"^\s*(?:表\s*\d+[.．、:：]?\s*|附件\s*\d*[:：]?\s*)?(?:\d{4}年(?:度)?)?(?:全[省市州县区])?各?(?:主要|部分|重点)?"
    r"(?:[县市区州乡镇街道]{1,4}(?:[（(][^）)]{1,8}[)）])?)?"
    r"|(?:完成|进展|进度|实施|落实|分解|分配|下达|建设|推进|开展)?(?:情况|进度)?(?:统计|汇总|一览)?(?:表|如下)?\s*[:：]?\s*$"
)


def _caption_subject(caption: str) -> str:
    """What a by-place table counts, from the caption before it (各市（州）宫颈癌检查完成情况如下：
    → 宫颈癌检查), or "" when the caption says nothing short enough to be it."""
    subject = _CAPTION_FRAME.sub("", _BRACKETED.sub("", caption)).strip()
    return subject if 2 <= len(subject) <= 12 else ""


# a row written as its label and bare items under a caption's unit (1．某培训中心（服务某区）：育婴员160，
# 养老护理员120，合计380；): the items' numbers are cells in the caption's unit
_ITEM_CELL = re.compile(r"([^\d，,；;。：:\s]{1,12}?)(\d+(?:\.\d+)?)")  # an item's name, its number
_ITEM = _ITEM_CELL.pattern
_ITEM_ROW = re.compile(rf"\s*[^：:\n]{{2,60}}[：:]\s*{_ITEM}(?:\s*[，,、]\s*{_ITEM}){{1,}}\s*[；;。]?\s*$")
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")


_QUOTA_CAPTION = re.compile(r"任务|计划|指标|分配|下达")


def _whole(value: float) -> float:
    """A cell's value as the figures of the text are kept: rounded against float noise (9.87 × 1e4), a
    whole number without a sign of zero (-0.0 → 0.0), so that equal cells compare and print alike."""
    value = round(value, 6)
    return value if not value.is_integer() else float(int(value))


def _item_cells(pos: int, line: str, unit_word: str, quota: bool) -> list[Cell]:
    """The cells of a row of labelled items under a caption's unit (单位：人), each named by the row's
    label (its number and bracketed remarks left out) and the item's name; targets when the caption
    assigns quotas (任务分配如下), else of the kind the text around says."""
    unit = _unit(unit_word)
    if unit is None:
        return []
    colon = min(i for i in (line.find("："), line.find(":")) if i >= 0)
    label = _BRACKETED.sub("", _ROW_NUMBER.sub("", line[:colon].strip()))
    cells = []
    for m in _ITEM_CELL.finditer(line, colon + 1):
        value = float(m.group(2)) * unit[1]
        cells.append(
            Cell(
                pos + m.start(2),
                pos + m.end(2),
                _whole(value),
                unit[0],
                "exact",
                label + m.group(1),
                None,
                None,
                "target" if quota else None,
            )
        )
    return cells


def _is_caption(line: str, listed: re.Match[str]) -> bool:
    """Whether columns listed in a line are a caption's (按“指标名称 / 2020年 / …”, （指标名称｜…）), not
    the ruled header row of the table itself (县区 | 指标 | 目标值 | 2023年): columns set apart by rules
    are a caption's only in brackets or quotes."""
    return not _RULE.search(listed.group()) or line[: listed.start()].endswith(("(", "（", "“", '"'))


def _header_in(line: str) -> bool:
    tokens = [line[s:e] for s, e in _spans(line, 0, len(line))]
    return any(_header(tokens, i) for i in range(min(len(tokens), 3)))
