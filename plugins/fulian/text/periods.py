"""When a figure holds and what kind of statement it is: `year_from`, `year_to`, `kind` of each fact.

A report mixes periods: last year's results, this year's targets, five-year totals, running totals,
growth against the year before. Adding them up is the commonest way a warehouse of such figures
misleads, so every fact is placed in time from the text itself (docs/annotation-spec.md, "Time and
kind"):

- the time expression that governs a figure is the nearest one before it in its clause, then its
  sentence, then its paragraph (where a span opening the paragraph, 五年来…, governs all of it),
  then the headings above it; the report's own year last;
- relative expressions (今年, 去年, 五年来, "十三五"期间, 截至…底, 2021年以来, 到2025年) resolve against
  the report's year and its publication year;
- a running total or stock (累计, 共有, 现有, 截至) has no start year;
- the kind is `change` for growth and differences (增长12%, 提高6个百分点, 比上年增加2297元), `target`
  for what is planned or promised (计划, 力争, 确保, 将, 到2025年 in a report of 2021), else `actual`;
- a section plans when the nearest heading that plans or reviews above it plans (三、2024年工作打算,
  a heading naming a year after the report's, a plan document's title); what its sentence dates before
  the plan's year or says done stays `actual`; a news title naming a goal plans nothing;
- a few figures carry their own period: the base of a change (由2017年的8.5%), what a named plan sets
  (规划…设置指标86项: the plan's years), what a meeting counts (of the year it is held).

Pure functions over the normalised text (simplified script, ASCII digits); the phrase lists are in
`text/data/periods.csv`, so they can be grown without code.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from fulian.text import marks
from fulian.text.lexicons import guarded, read_rows
from fulian.text.normalise import Normalised
from fulian.text.numerals import parse_number

PHRASES_FILE = Path(__file__).resolve().parent / "data" / "periods.csv"

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_CN_NUM = "一二两三四五六七八九十"
# One alternation, tried at each position: the longest, most specific forms first.
_TIME = re.compile(
    # a first-character class: most positions fail on it at once
    rf"(?=[\d截到至“”\"十近过这今未目多长本全年去上前明来下第如以{_CN_NUM}])(?:"
    + "|".join(
        [
            rf"(?P<range_a>{_YEAR})\s*年?\s*(?:[-—–~～至到]|——)\s*(?P<range_b>{_YEAR})\s*年",
            # since a year, or since what began in it on a day of it (2022年社区妇联成立以来,
            # 2019年项目启动以来, 2015年被纳入…项目以来, 2016年3月1日《反家庭暴力法》施行以来, 自1983年起)
            rf"(?P<since>{_YEAR})\s*年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?"
            rf"(?:[^，,。；;\d]{{0,12}}?(?:成立|建立|启动|实施|施行|开展|组建|挂牌|纳入|列入|设立|开通)"
            rf"[^，,。；;\d]{{0,20}}?|[^，,。；;\d]{{1,12}}?(?=以来))?(?:以来|来|至今|(?<=[自从]\d{{4}}年)起)",
            rf"截[至止](?:到)?\s*(?P<asof>{_YEAR})\s*年",
            rf"(?P<asof_end>{_YEAR})\s*年(?:底|末)",
            rf"(?:到|至)\s*(?P<until>{_YEAR})\s*年",
            rf"(?P<year>{_YEAR})\s*年",
            # a year in Chinese numerals, since it (自二〇一九年以来) or alone
            r"(?P<cn_since>[一二][〇零○一二三四五六七八九]{3})年(?:以来|来|至今)",
            r"(?P<cn_year>[一二][〇零○一二三四五六七八九]{3})年",
            r"[“\"”]?(?P<plan>十[一二三四五])五[”\"“]?(?:期间|时期|以来|规划期|末|期末"
            r"|规划的?(?:收官|开局)之?年|(?:收官|开局)之?年)?",
            # (两年半来 to mid-2023: the calendar years 2021—2023)
            rf"(?:近|过去|这)?(?P<span>[{_CN_NUM}\d]{{1,2}})年半?(?:来|间|中|以来)",
            # (过去一年 is last year, below)
            rf"(?:过去(?![一1]年)|今后|未来)(?P<span_ahead>[{_CN_NUM}\d]{{1,2}})年",
            # a plan's 五年内 (五年内培训城乡妇女30万人次): the years ahead; not 毕业5年内的, 告诫后一年内
            rf"(?<![后业])(?P<span_within>[{_CN_NUM}\d]{{1,2}})年内(?![的再])",
            rf"近(?P<span_near>[{_CN_NUM}\d]{{1,2}})年",
            # 截至今年8月底: a point in this year, not 至今 (to date)
            r"截[至止](?:到)?\s*(?P<asof_this>今年|本年)",
            # 项目启动以来 with no year of its own: a running total to now
            r"(?P<to_date>(?P<now>截至目前|截止目前|目前|如今)|(?<!截)至今|近年来|近年以来|多年来|长期以来"
            r"|(?<=启动|成立|实施|开展|创办|开通|上线|运行)以来)",
            r"(?P<this>今年|(?<![年度])本年(?!度)|今年以来)",  # 2024年度本年收入: the year said
            # a point at a year's end (年末全市女性就业人员…, 截至去年底): a stock, no start year
            r"(?P<last_end>去年底|去年末|上年底|上年末)",
            r"(?P<asof_rel>年末|年底)(?!前)",
            # part of one year (上半年, 前三季度, 1-9月): the year named before it, else the report's
            # 本年度: the year a report is on (本年度可监测的指标), not the one it is written in
            r"(?P<within>本年度|全年|年内|年度|年初以来|[上下]半年|前[三两二]季度|第?[一二三四]季度"
            r"|(?:1|一)\s*(?:[-—–~～至到]|——)\s*(?:1[0-2]|[2-9]|十[一二]|[二三四五六七八九十])\s*月)",
            # (not how early something was done: 提前一年出列)
            r"(?P<last>去年以来|去年|上年度|上年|上一年|过去的一年|过去一年|(?<!提)前一年)",
            r"(?P<next>明年|来年|下一年)",
            r"(?P<before_last>前年)",
        ]
    )
    + ")"
)
_PLAN_YEARS = {
    "十一": (2006, 2010),
    "十二": (2011, 2015),
    "十三": (2016, 2020),
    "十四": (2021, 2025),
    "十五": (2026, 2030),
}
_POINT_UNITS = ("个百分点", "百分点", "千分点", "个千分点")
# units of a level at a point in time, not a count of what happened: a share, a rate per thousand
_LEVEL_UNITS = ("%", "‰")
# A line that is only a date (a bulletin's issue date): it dates the page, not the figures below it.
# A line that dates or labels the page (2023年1月31日, 发布日期：2024年6月3日, 来源：…) is no heading:
# it dates the page, not the figures below it.
_NOT_HEADING = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}|发布|来源|作者|浏览"
)
_COMPARISON_BASE = "比较由从同"
# a figure written as the base of a change: 由2017年的8.5%, 从2022年底的46家 (…提高到, …增加到),
# 比2021年的47份增加11份
_BASE_FIGURE = re.compile(r"(?:[由从比较]|相比)\s*((?:19|20)\d{2})\s*年(?:底|末)?的?$")
# the base of a change said without its year after one said with it (由2015年的22.1/10万下降到2022年的
# 9.6/10万，婴儿死亡率由4.8‰下降到3.1‰): of the same year
_BARE_BASE = re.compile(r"[由从]\s*$")
_YEAR_BASE = re.compile(r"[由从]\s*((?:19|20)\d{2})\s*年")
# the second base of a list of bases with their year (分别由2020年的42.3%和39.6%提高到…)
_LISTED_BASE = re.compile(
    r"(?:[由从比较]|相比)\s*((?:19|20)\d{2})\s*年(?:底|末)?的?(?:[\d.]+\s*(?:%|‰|/10万)?\s*[、和及]\s*)+$"
)
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:[人名户场期个家件元所支项次]|%)")
_GOAL_NAMED = re.compile(r"(?:的)?(?:阶段性|中期|终期|规划)?目标(?!任务)")


_SET_AGAINST = re.compile("相比|持平|相当|相同|一致")


# the base of a change a year before (比上年末的9052名, 较去年同期的41件)
_RELATIVE_BASE = re.compile(r"[由从比较]\s*(上|去)年(?:底|末|同期)?的$")


def _relative_base_year(
    text: str, start: int, report_year: int | None, published_year: int | None
) -> int | None:
    """The year of a base said a year back (比上年末的9052名): 上年 the one before the year reported on,
    去年 the one before the year of writing; None for any other figure."""
    m = _RELATIVE_BASE.search(text, max(0, start - 8), start)
    if m is None:
        return None
    base = (report_year or published_year) if m.group(1) == "上" else (published_year or report_year)
    return base - 1 if base else None


def _year_of_bare_base(ix: _Index, start: int) -> re.Match[str] | None:
    """For the base of a change said without its year (…，婴儿死亡率由4.8‰下降到3.1‰), the year of the
    base said with one earlier in its sentence (由2015年的22.1/10万下降到…), if any."""
    if not _BARE_BASE.search(ix.text, max(0, start - 2), start):
        return None
    found = None
    # from the paragraph's start: a list of changes goes on after a semicolon (…；孕产妇系统管理率由
    # 91.2%提高到95.7%)
    for m in _YEAR_BASE.finditer(ix.text, ix.sentence_of(ix.back(ix.clauses, start))[1], start):
        found = m
    return found


def _is_base(text: str, start: int, end: int) -> bool:
    """Whether the time expression at [start, end) is the base of a comparison, not a period."""
    if not start:
        return False
    before = text[start - 1]
    if before == "与":  # 与2022年秋季学期相比, 与上年基本持平
        return bool(_SET_AGAINST.search(text, end, end + 10))
    return before in _COMPARISON_BASE or (before in "是为" and text.startswith("的", end))


@dataclass(frozen=True)
class TimeCue:
    """A resolved time expression: the years it covers (`start` None for "to date") and whether it
    points past the report (a goal)."""

    start: int | None
    end: int | None
    future: bool = False
    open_start: bool = False
    within: bool = False  # 全年, 年内: one year, the one a wider expression names (else the report's)
    year_end: bool = False  # 年末, 年底: the year's end, a point in its year


@cache
def _phrases() -> dict[str, re.Pattern[str]]:
    """The phrase lists of text/data/periods.csv, one regex per role.

    Each is guarded by the characters its matches can start with where that helps
    (``lexicons.guarded``): the same matches, but the engine rejects most positions with one
    character test instead of trying every phrase (a figure's kind alone searches its clause and
    sentence with several of them)."""
    by_role: dict[str, list[str]] = {}
    for row in read_rows(PHRASES_FILE):
        by_role.setdefault(row["role"], []).append(f"(?:{row['pattern']})")
    return {role: guarded("|".join(patterns)) for role, patterns in by_role.items()}


_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def _cn_year(token: str) -> int:
    """二〇一六 → 2016 (years written digit by digit)."""
    return int(token.translate(_CN_DIGITS))


def _since_year(m: re.Match[str]) -> int | None:
    """The start year of a span to now (2019年以来, 自二〇一九年以来), in digits or numerals, else None:
    the two forms are two groups of the one pattern (a name can name one group only)."""
    if m.group("since"):
        return int(m.group("since"))
    return _cn_year(m.group("cn_since")) if m.group("cn_since") else None


def _span_years(token: str) -> int | None:
    value = parse_number(token)
    return int(value) if value else None


def resolve(m: re.Match[str], report_year: int | None, published_year: int | None) -> TimeCue | None:
    """The years a time expression covers, relative ones resolved against the report and publication."""
    g = m.groupdict()
    if _GOAL_NAMED.match(m.string, m.end()):
        return None  # 达到2025年中期目标的52项: the year names the goal a figure is measured against
    now = published_year or report_year
    ref = report_year or published_year
    if any(g[k] for k in _ABSOLUTE):
        return _absolute(m, now, ref)
    return _relative(g, m.group(0), now, ref, m.string)


_ABSOLUTE = ("range_a", "since", "cn_since", "asof", "asof_end", "until", "year", "cn_year", "plan")


def _absolute(m: re.Match[str], now: int | None, ref: int | None) -> TimeCue:
    """Years written out (2022年, 2018—2022年, 截至2022年底, 到2025年, "十三五")."""
    g, written = m.groupdict(), m.group(0)
    if g["range_a"]:
        a, b = sorted((int(g["range_a"]), int(g["range_b"])))
        return TimeCue(a, b, future=bool(now and b > now))
    start = _since_year(m)
    if start is not None:
        if ref is None:
            return TimeCue(start, None)  # since 2017, to a year the text never says
        return TimeCue(start, ref if ref >= start else start)
    if g["asof"] or g["asof_end"]:
        year = int(g["asof"] or g["asof_end"])
        return TimeCue(None, year, future=bool(now and year > now), open_start=True)
    if g["until"]:
        year = int(g["until"])
        return TimeCue(ref if ref and ref < year else year, year, future=bool(now and year > now))
    if g["plan"]:
        a, b = _PLAN_YEARS[g["plan"]]
        if written.endswith("以来") and ref and a <= ref < b:
            return TimeCue(a, ref)  # "十四五"以来 in a report of 2023: 2021—2023
        if written.endswith("年") and "开局" in written:
            return TimeCue(a, a, future=bool(now and a > now))  # "十四五"开局之年: its first year
        if written.endswith("年"):
            return TimeCue(b, b, future=bool(now and b > now))  # "十四五"规划收官之年: its last year
        return TimeCue(b if written.endswith(("末", "期末")) else a, b, future=bool(now and b > now))
    year = int(g["year"]) if g["year"] else _cn_year(g["cn_year"])
    return TimeCue(year, year, future=bool(now and year > now))


# relative words: the year they name, counted from the publication year
_STEPS = {"this": 0, "last": -1, "next": 1, "before_last": -2}


# a goal year (到2026年): where the next N years said in a year run to, when the text names it
_GOAL_YEAR = re.compile(r"到\s*((?:19|20)\d{2})\s*年")


def _goal_year_between(text: str, lo: int, hi: int) -> int | None:
    """The first goal year the text names (到2026年) between lo and hi, if any."""
    return next((y for m in _GOAL_YEAR.finditer(text) if lo <= (y := int(m.group(1))) <= hi), None)


def _span(g: dict, written: str, now: int | None, ref: int | None, text: str) -> TimeCue | None:
    """A number of years back to the report's year (五年来, 近三年, 两年半来) or ahead from the year it is
    said in (今后五年, 五年内)."""
    n = _span_years(g["span"] or g["span_near"] or g["span_ahead"] or g["span_within"])
    if not n or not ref or n > 30:
        return None
    if g["span"] and "年半" in written:
        n += 1  # a half year more reaches into one calendar year more
    if written.startswith(("今后", "未来")) or g["span_within"]:
        # counted from the year it is said in (a congress of 2021: 今后五年 2021—2025), or as many
        # years back from the goal year the text names for them (今后五年…到2026年: 2022—2026)
        first = now or ref + 1
        last = _goal_year_between(text, first + n - 1, first + n) or first + n - 1
        return TimeCue(last - n + 1, last, future=True)
    return TimeCue(ref - n + 1, ref)


def _relative(g: dict, written: str, now: int | None, ref: int | None, text: str = "") -> TimeCue | None:
    """Years named relative to the report (五年来, 今年, 去年, 全年, 目前); ``text`` the report's, for
    the goal year the next years run to."""
    if g["span"] or g["span_near"] or g["span_ahead"] or g["span_within"]:
        return _span(g, written, now, ref, text)
    if g["to_date"]:
        return TimeCue(None, ref, open_start=True) if ref else None
    if g["asof_this"]:
        return TimeCue(None, now, open_start=True) if now else None
    if g["asof_rel"]:
        return TimeCue(None, ref, open_start=True, year_end=True) if ref else None
    if g["last_end"]:
        # 去年底 from the year it is written in; 上年末 from the year the report is on (a report on 2023
        # published in January 2024: its 上年末 is 2022's end)
        base = ref if written.startswith("上") else now
        return TimeCue(None, base - 1, open_start=True, year_end=True) if base else None
    if g["within"]:
        return TimeCue(ref, ref, within=True) if ref else None
    step = next((v for k, v in _STEPS.items() if g[k]), None)
    if step is None or not now:
        return None
    if written.endswith("以来"):
        if ref == now - 1:
            return TimeCue(ref, ref)  # 去年以来 in a review of last year's work: that year
        return TimeCue(now - 1, max(now, ref or now))  # 去年以来 in an item of 2024: 2023—2024
    return TimeCue(now + step, now + step, future=step > 0)


# A clause ends at punctuation, or at a space not inside a number (flattened tables separate their
# cells with spaces; NFKC turns the ideographic space into one).
_CLAUSE_STOPS = "，,；;。！？!?\n：:\u3000\t"
_SENTENCE_STOPS = "。！？!?\n；;"
_PUNCTUATION = "，,；;。！？!?\n：:"
# the stretch after the last punctuation mark of a text: one search instead of a find per mark
_AFTER_PUNCTUATION = re.compile(f"[^{re.escape(_PUNCTUATION)}]*\\Z")


def _joins(text: str, i: int) -> bool:
    """Whether the space at text[i] joins rather than separates: inside a number (1 260), or garbled
    in between a word and its number (培训妇女 1 300人次); a table's cells are set apart by two."""
    before, after = text[i - 1], text[i + 1]
    return after.isdigit() and (before.isdigit() or marks.is_han(before))


_LIST_ROWS = 40  # rows of a list looked back over for the line that leads it
_DIGIT = re.compile(r"\d")


class _Index:
    """One report's boundaries, time expressions and headings, found once: every figure's period is
    then read with bisections instead of rescanning the text around it."""

    def __init__(
        self,
        text: str,
        report_year: int | None,
        published_year: int | None,
        summary: bool = False,
        said_early: bool = False,
        plan_document: bool = False,
    ) -> None:
        self.text = text
        self.plan_document = plan_document  # a notice or plan (its title says 通知, 方案): it requires
        self.summary = summary  # a year's summary (its title says 总结): it reports the year's meetings
        self.said_early = said_early  # published in the first half of its year: the year's plans ahead
        last = len(text) - 1
        self.clauses = marks.positions(text, _CLAUSE_STOPS)
        self.clauses += [i for i in marks.positions(text, " ") if not (0 < i < last and _joins(text, i))]
        self.clauses.sort()
        self.sentences = marks.positions(text, _SENTENCE_STOPS)
        self.lines = marks.positions(text, "\n")
        # time expressions, resolved only when a figure asks for them; the base of a comparison
        # (比上年, 较2020年, 由2016年的…增至, 是2010年的2.2倍) is not a period of the figure
        self.cues = [m for m in _TIME.finditer(text) if not _is_base(text, m.start(), m.end())]
        self.cue_starts = [m.start() for m in self.cues]
        self._resolved: dict[int, TimeCue | None] = {}
        self.years = (report_year, published_year)
        self.heading_lines = [k for k in range(len(self.lines) + 1) if self._is_heading(k)]
        # the page's head (its title, a site's menu, an issuer's name) ends at the first line of text
        self.body_start = next(
            (self._line(k)[0] for k in range(len(self.lines) + 1) if self._is_body_line(k)), len(text)
        )
        self._above: dict[int, list[tuple[int, int]]] = {}
        self.plan_sections: dict[int, bool] = {}
        self.plan_span: tuple[int, int] | tuple[()] | None = None  # the years of a plan the text names
        self.targets: dict[int, int] = {}  # sentence start → end of its last planned figure so far
        self._outer: dict[int, list[tuple[int, TimeCue]]] = {}  # by sentence start
        self._headed: dict[int, list[tuple[int, TimeCue]]] = {}  # by paragraph start
        self.plan_marks = [m.start() for m in _phrases()["target"].finditer(text)]
        self.review = _congress_review(text, report_year, published_year)

    def _line(self, k: int) -> tuple[int, int]:
        """Span of line k (0-based)."""
        start = self.lines[k - 1] + 1 if k > 0 else 0
        end = self.lines[k] if k < len(self.lines) else len(self.text)
        return start, end

    def _is_heading(self, k: int) -> bool:
        """A short line without a full stop that does not date or label the page reads as a heading."""
        line = self.text[slice(*self._line(k))].strip()
        return (
            bool(line)
            and len(line) <= 40
            and not line.endswith(("。", "；", ";"))
            and not _NOT_HEADING.search(line)
        )

    def _is_body_line(self, k: int) -> bool:
        """A line of running text: long, or ending a sentence; or the first heading of its outline
        (一、过去五年的工作回顾 right under the title and date: the body's, not the page's head)."""
        line = self.text[slice(*self._line(k))].strip()
        if marks.HEAD_FURNITURE.search(line):
            return False  # a site's menu or breadcrumb: still the page's head
        if _OUTLINE_LEVELS[0].match(line) or _OUTLINE_LEVELS[1].match(line):
            return True
        return len(line) > 40 or line.endswith(("。", "；", ";", "！", "？"))

    @staticmethod
    def back(stops: list[int], pos: int) -> int:
        k = bisect_left(stops, pos)
        return stops[k - 1] + 1 if k else 0

    def forward(self, stops: list[int], pos: int) -> int:
        k = bisect_left(stops, pos)
        return stops[k] if k < len(stops) else len(self.text)

    def plans_between(self, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] holds any planning word at all (most sentences hold none)."""
        k = bisect_left(self.plan_marks, lo)
        return k < len(self.plan_marks) and self.plan_marks[k] < hi

    def _last_cue_index(self, lo: int, hi: int, since: bool = False) -> int | None:
        """Index of the last resolvable time expression wholly inside text[lo:hi], if any; with
        ``since``, of the last span from a year (2012年…以来)."""
        k = bisect_left(self.cue_starts, hi) - 1
        while k >= 0 and self.cue_starts[k] >= lo:
            wanted = not since or _since_year(self.cues[k]) is not None
            if self.cues[k].end() <= hi and wanted and self._cue(k) is not None:
                return k
            k -= 1
        return None

    def last_cue(self, lo: int, hi: int) -> TimeCue | None:
        """The last time expression wholly inside text[lo:hi] (the nearest before a figure)."""
        k = self._last_cue_index(lo, hi)
        return None if k is None else self._cue(k)

    def _cue_start(self, lo: int, hi: int) -> int:
        """Where the last time expression wholly inside text[lo:hi] starts (hi when there is none)."""
        k = self._last_cue_index(lo, hi)
        return hi if k is None else self.cue_starts[k]

    def sentence_of(self, clause_start: int) -> tuple[int, int]:
        """(sentence start, paragraph start) of the clause starting at clause_start."""
        return self.back(self.sentences, clause_start), self.back(self.lines, clause_start)

    def outer_cues(
        self, clause_start: int, sentence_start: int, para_start: int
    ) -> list[tuple[int, TimeCue]]:
        """The cues that date a clause from further out, nearest first, with their scope number: the
        sentence before the clause (2), the paragraph before the sentence (3), the headings above
        (4+). A future year further away than the sentence names a goal a figure is measured
        against (优于2025年目标), not its period, so it is left out there. ``sentence_start`` and
        ``para_start`` are those of the clause (``sentence_of``)."""
        in_sentence = self.last_cue(sentence_start, clause_start)
        if in_sentence is not None and in_sentence.within:
            # 2024年，力争全年…，培训…: the whole year is the year its sentence names, if it names one
            in_sentence = self._named_year(sentence_start, clause_start, in_sentence)
        found = [(2, in_sentence)] if in_sentence is not None else []
        return found + self._wider_cues(sentence_start, para_start)

    def _named_year(self, lo: int, hi: int, within: TimeCue) -> TimeCue:
        """The year a `within` cue (全年, 年内) ending text[lo:hi] stands for: the single year named
        before it in that stretch (今年…：力争全年…), else its own (the report's year)."""
        k = self._last_cue_index(lo, self._cue_start(lo, hi))
        named = None if k is None else self._cue(k)
        if named is not None and named.start is not None and named.start == named.end:
            return named
        if named is not None and named.end is not None and self._at_year_end(k):
            # a year's end named before (计划到2022年底…，全年培训…): that year
            return TimeCue(named.end, named.end, future=named.future)
        return within

    def _at_year_end(self, k: int) -> bool:
        """Whether time expression k names a year's end (2022年底, 到2022年底, 截至2022年末)."""
        m = self.cues[k]
        return m.group(0).endswith(("底", "末")) or self.text.startswith(("底", "末"), m.end())

    def _wider_cues(self, sentence_start: int, para_start: int) -> list[tuple[int, TimeCue]]:
        """The paragraph's and the headings' cues for a sentence, found once per sentence (the
        headings' once per paragraph: every sentence of a paragraph has the same headings above)."""
        found = self._outer.get(sentence_start)
        if found is None:
            cue = _paragraph_cue(self, para_start, sentence_start)
            if cue is None and (intro := self._list_intro(para_start)) is not None:
                cue = self.last_cue(*intro)  # a row of a list (分地区看：\n蓬江区　开发 612 个): its lead's
            paragraph = (
                [] if cue is None or cue.future else [(3, self._settled(para_start, sentence_start, cue))]
            )
            found = self._outer[sentence_start] = paragraph + self._heading_cues(para_start)
        return found

    def _list_intro(self, para_start: int) -> tuple[int, int] | None:
        """The line that leads a list (…，全市累计开发“妈妈岗”3415个。分地区看：) when the paragraph at
        ``para_start`` is one of the list's rows: the lines between them are rows too (short, with a
        figure, no sentence ending), and the lead ends with a colon. None for any other paragraph."""
        k = bisect_left(self.lines, para_start)  # the paragraph's line
        for j in range(k - 1, max(-1, k - _LIST_ROWS), -1):
            lo, hi = self._line(j)
            line = self.text[lo:hi].strip()
            if line.endswith(("：", ":")):
                return lo, hi
            if line and (len(line) > 60 or line.endswith(("。", "；", ";")) or not _DIGIT.search(line)):
                return None
        return None

    def _heading_cues(self, para_start: int) -> list[tuple[int, TimeCue]]:
        """The cues of the headings above a paragraph, nearest first, numbered from 4 on; goals left out."""
        found = self._headed.get(para_start)
        if found is None:
            # the page's head (a title, under a site's menu or not) is no heading here: it dates the
            # report, which the document's default does (部署2024年重点任务 over 2023's results)
            scopes = _outline_ancestors(
                self.text, [h for h in self.headings_above(para_start) if h[0] >= self.body_start]
            )
            found = self._headed[para_start] = [
                (i, self._settled(lo, hi, cue))
                for i, (lo, hi) in enumerate(scopes, start=4)
                if (cue := self.last_cue(lo, hi)) is not None and not cue.future
            ]
        return found

    def _settled(self, lo: int, hi: int, cue: TimeCue) -> TimeCue:
        """A cue ending text[lo:hi], a `within` one (全年) standing for the year named before it there."""
        return self._named_year(lo, hi, cue) if cue.within else cue

    def _cue(self, k: int) -> TimeCue | None:
        if k not in self._resolved:
            self._resolved[k] = resolve(self.cues[k], *self.years)
        return self._resolved[k]

    def headings_above(self, para_start: int) -> list[tuple[int, int]]:
        """Heading lines above a paragraph, nearest first (once per paragraph): all of them, since a
        plan document's own title may stand fifty lines above its last items."""
        found = self._above.get(para_start)
        if found is None:
            hi = bisect_left(self.heading_lines, bisect_left(self.lines, para_start))  # the paragraph's line
            found = self._above[para_start] = [self._line(j) for j in reversed(self.heading_lines[:hi])]
        return found


# the numbering of an outline's headings, by level: 一、 over （一） over 1. over （1）
_OUTLINE_LEVELS = (
    re.compile(r"\s*[一二三四五六七八九十]+\s*[、.．]"),
    re.compile(r"\s*[(（][一二三四五六七八九十]+[)）]"),
    re.compile(r"\s*\d{1,2}\s*[、.．](?!\d)"),
    re.compile(r"\s*[(（]\d{1,2}[)）]"),
)


def _outline_ancestors(text: str, headings: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The headings above a paragraph (nearest first) that contain it: a numbered heading is left out
    when a nearer one of its level or higher stands between (二、本次大会代表产生情况 ends 一、过去五年的
    工作回顾 for what follows it); an unnumbered one (a title) always contains it."""
    kept, lowest = [], len(_OUTLINE_LEVELS)
    for lo, hi in headings:
        level = next((k for k, pattern in enumerate(_OUTLINE_LEVELS) if pattern.match(text, lo, hi)), None)
        if level is None:
            kept.append((lo, hi))
        elif level < lowest:
            kept.append((lo, hi))
            lowest = level
    return kept


def _paragraph_cue(ix: _Index, para_start: int, sentence_start: int) -> TimeCue | None:
    """The time a paragraph gives a sentence of its that names none: a span opening the paragraph
    (五年来，…) governs all of it, the years its later sentences name being their own; else the
    nearest time before the sentence that is not a span or a figure's own year said in a sentence
    before."""
    k = bisect_left(ix.cue_starts, para_start)
    while k < len(ix.cues) and ix.cue_starts[k] < sentence_start:
        cue = ix._cue(k)
        if cue is not None:
            opens = ix.back(ix.sentences, ix.cue_starts[k]) == ix.cue_starts[k]
            if opens and not cue.future and cue.start is not None and cue.start != cue.end:
                return cue
            break
        k += 1
    k = ix._last_cue_index(para_start, sentence_start)
    # a span from a year said inside the paragraph (…。2019年省妇代会以来，全省累计…) is its own
    # sentence's (up to its full stop, over its semicolons): the sentences after it go on in the time
    # said before it, else the report's
    # (and so is a year that dates one figure of a comparison: 由2019年的11万人增加到2024年的近16万人)
    while (
        k is not None
        and (_since_span(ix.cues[k]) or _OWN_FIGURE_AFTER.match(ix.text, ix.cues[k].end()))
        and _FULL_STOP.search(ix.text, ix.cue_starts[k], sentence_start)
    ):
        k = ix._last_cue_index(para_start, ix.cue_starts[k])
    return None if k is None else ix._cue(k)


_FULL_STOP = re.compile("[。！？!?]")
# after a year, the figure it dates (2024年的近16万人, 2019年的43.5%)
_OWN_FIGURE_AFTER = re.compile(r"的\s*(?:近|约|超过|超|逾|不足)?[\d一二两三四五六七八九十]")


def _since_span(m: re.Match[str]) -> bool:
    """Whether a time expression is a span running to now from a start (2019年…以来, “十四五”以来,
    三年来): said inside a paragraph, it dates its own sentence only."""
    return bool(
        _since_year(m) is not None or ((m.group("plan") or m.group("span")) and m.group(0).endswith("来"))
    )


def _settle(
    ix: _Index,
    cue: TimeCue | None,
    level: int,
    kind: str,
    sentence_start: int,
    para_start: int,
    report_year: int | None,
    published_year: int | None,
) -> tuple[TimeCue | None, int]:
    """The cue found nearest first, settled for what the figure is: a goal takes the goal years of its
    paragraph and headings; an undated figure of a news lead the publication year."""
    later = published_year and report_year and published_year > report_year
    if kind == "target" and (level >= 3 or (cue is not None and cue.within)):
        cue = _goal_cue(ix, sentence_start, para_start, cue)
        if cue is None and later and ix.said_early:
            if _MET.search(ix.text, sentence_start, ix.forward(ix.lines, sentence_start)):
                # a task its paragraph reports the outcome of (目标发放20亿元，实际发放22.7亿元，完成率
                # 113.5%): the reviewed year's
                return TimeCue(report_year, report_year), level
            # an undated task in a review of last year given early in this one (a March speech's
            # 全年要重点抓好…：新增学位3000个以上): this year's
            return TimeCue(published_year, published_year), level
        if cue is not None and cue.within and later:
            if _MET.search(ix.text, sentence_start, ix.forward(ix.sentences, sentence_start)):
                # 完成年度目标任务1.2万人次的113.3%: the quota of the year whose outcome it is set beside
                return TimeCue(report_year, report_year, within=True), level
            # 力争全年… said in 2024 of a report on 2023's work: the year it is said in
            cue = TimeCue(published_year, published_year, within=True)
        return cue, level
    if kind == "target" and later and cue is not None and cue.year_end and cue.end == report_year:
        # 力争年底… said in 2024 of a report on 2023's work: the end of the year it is said in
        return TimeCue(None, published_year, open_start=True, year_end=True), level
    if level > 3 and published_year and published_year != report_year and _news_lead(ix.text, para_start):
        return TimeCue(published_year, published_year), 2
    if level >= 3 and kind == "actual" and later and not ix.summary and _at_meeting(ix, sentence_start):
        # the meeting a news item reports (…等4个单位作交流发言, 1800余人参加会议) is held when it is
        # published, whatever year the meeting reviews; a year's summary reports the year's meetings
        return TimeCue(published_year, published_year), 2
    return cue, level


# the outcome of a task reported beside it: what was actually done, the share done, the excess
_MET = re.compile(
    r"实际(?!上|情况)[\u4e00-\u9fff]|完成率|超额完成|超出目标|完成[^，,。；;]{0,20}的\s*\d+(?:\.\d+)?\s*%"
)


_DAY = rf"(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})"
_DATELINE = re.compile(rf"\s*{_DAY}月{_DAY}日")


def _at_meeting(ix: _Index, sentence_start: int) -> bool:
    """Whether the sentence counts what a meeting itself counts (attendees, speakers, the honoured)."""
    return bool(
        _phrases()["meeting"].search(ix.text, sentence_start, ix.forward(ix.sentences, sentence_start + 1))
    )


def _news_lead(text: str, para_start: int) -> bool:
    """Whether the paragraph is a news item's lead, opening with the day of the event and no year (3月5日，
    县妇联召开…): the event is of the year the item is published in, whatever year it reviews."""
    return bool(_DATELINE.match(text, para_start)) and "。" not in text[:para_start]


@dataclass(frozen=True)
class Period:
    year_from: int | None
    year_to: int | None
    kind: str


def _plans(text: str) -> bool:
    """Whether a stretch of text plans or promises (计划, 力争, 将…), once names such as 春蕾计划 and
    what was met (完成…目标任务, 已达到) are set aside."""
    phrases = _phrases()
    cleaned = phrases["not_target_word"].sub("", text)
    return bool(phrases["target"].search(cleaned)) and not phrases["not_target"].search(cleaned)


def _change_or_actual(text: str, start: int, end: int, unit: str) -> str:
    """change for a difference or growth written right before the figure or in points, else actual."""
    phrases = _phrases()
    # the words right before the figure, up to punctuation: a space is no stop here (比上年增加 180人次,
    # a space that garbled text puts before a number)
    before = text[max(0, start - 12) : start]
    before = before[_AFTER_PUNCTUATION.search(before).start() :].rstrip()  # always matches, empty at worst
    # a figure in brackets is read by the words inside them: 低于全省平均水平（62.4%）is the level
    before = before[max(before.rfind("（"), before.rfind("(")) + 1 :]
    if unit in _POINT_UNITS or text.startswith(_POINT_UNITS, end):
        return "change"
    if phrases["change"].search(before) and not phrases["level"].search(before):
        return "change"
    if unit == "倍" and phrases["multiple"].search(before):
        return "change"
    return "actual"


# A sentence that goes on with an enumeration or a continuation (二是…, 同时…, 3.…) goes on with what
# the sentence before it said: after 今年力争…；二是新建…10个 the second item is planned too.
_CONTINUES = re.compile(
    r"\s*(?:[一二三四五六七八九十]是|同时|并且?|还要|此外|另外|主要包括|具体包括|主要有|具体为"
    r"|[\d一二三四五六七八九十]+[.、]|[(（][\d一二三四五六七八九十]+[)）])"
)
_QUOTES = "\"“”「」‘’'"


# a goal or a quota, of a year, a stage or a plan (年度目标, 规划目标, 任务)
_GOAL_WORD = r"(?:\d{4}年)?(?:年度|全年|阶段|终期|中期|规划|控制)?(?:目标|任务)"  # 的2025年目标 too
# figures listed after the figure before what they all are (4.5‰以下和6‰以下的目标, 10%、5%和5%的控制目标)
_PARALLEL = r"(?:[和、与及]\s*\d[\d.]*\s*[^\s\d，,。；;的、和]{0,4})*"
# the goal a figure is, after it or after parallel figures
_GOAL_AFTER = re.compile(rf"{_PARALLEL}的?{_GOAL_WORD}")
_CITED_GOAL = re.compile(rf"的{_GOAL_WORD}值?")
# a goal a result falls short of or passes (距离规划目标仍有差距, 低于目标): no plan of the sentence's own
_GOAL_MISSED = re.compile(rf"(?:距离?|[低高]于|差距)[^，,。；;]{{0,8}}?{_GOAL_WORD}")
# a plan's goal, cited after the figure (低于“30%以上”的规划目标值, 距30%的中期目标) or listed in
# brackets after it (优于规划目标值（婴儿死亡率4.5‰以下、…）)
_PLAN_GOAL_AFTER = re.compile(
    rf"{_PARALLEL}(?:的?(?:规划|纲要)(?P<mid>中期|终期)?目标|的(?P<mid_only>中期|终期|控制)?目标(?:要求|值)?)"
)
_PLAN_GOAL_BEFORE = re.compile(r"(?:规划|纲要)(?:中期|终期)?目标值?\s*[（(][^（）()]*$")


def _cites_goal(text: str, end: int) -> bool:
    """A figure written as the goal itself (保持在"45%左右"的目标区间, 距80%的目标, 高于不低于98%的年度
    目标): a target value."""
    return bool(_GOAL_AFTER.match(text[end : end + 20].lstrip(_QUOTES)))


def _cites_plan_goal(text: str, start: int, end: int, span: tuple[int, int]) -> int | None:
    """The year of the plan's goal a figure is (…的规划目标, 规划目标值（…4.5‰以下）, 距30%的中期目标), in
    a report naming the plan's years ``span``: its mid-term year for a mid-term goal, else its last;
    None for any other figure."""
    after = _PLAN_GOAL_AFTER.match(text[end : end + 24].lstrip(_QUOTES))
    if after:
        return goal_year(span, after.group("mid") or after.group("mid_only"))
    return span[1] if _PLAN_GOAL_BEFORE.search(text, max(0, start - 40), start) else None


# a quota cited where a share of it is done: 完成全年培训任务（2000人次）的57%, 完成任务2000人次的64.3%
_QUOTA_BEFORE = re.compile(r"(?:任务|目标|计划)数?\s*(?:为|是)?\s*([（(])?\s*(?:各|均|分别为?)?\s*$")
_SHARE_OF_IT = re.compile(r"\s*[）)]?\s*的\s*\d")


def _cites_quota(text: str, start: int, end: int) -> bool:
    """A figure cited as the quota a share of it was done of (完成全年任务（2000人次）的57%): a target,
    of the period of what was done, not a plan of its own that the figures after it would share."""
    quota = _QUOTA_BEFORE.search(text, max(0, start - 8), start)
    return bool(quota) and bool(quota.group(1) or _SHARE_OF_IT.match(text, end))


def _continues_plan(ix: _Index, sentence_start: int, depth: int = 6) -> bool:
    """Whether the sentence continues an enumeration or a thought whose earlier sentence plans."""
    text = ix.text
    while depth and sentence_start > 0 and text[sentence_start - 1] != "\n":
        # an item of a list joined by semicolons (力争…；新增…；新建…) shares its list's status too
        if not (_CONTINUES.match(text, sentence_start) or text[sentence_start - 1] in "；;"):
            return False
        previous = ix.back(ix.sentences, sentence_start - 1)
        # a goal it cites (高于90%的规划目标；…) is no plan of its own
        if _plans(_GOAL_MISSED.sub("", _CITED_GOAL.sub("", text[previous : sentence_start - 1]))):
            return True
        sentence_start, depth = previous, depth - 1
    return False


_NOW = re.compile(r"目前|现有|现已")
# the meeting a report is given at, counting itself (出席本次大会的正式代表680名): no plan, its own year
_THIS_MEETING = re.compile(r"本[次届](?:大会|会议)")
# goals listed after a colon (今年我市确定的目标是：…, 主要目标任务为：…)
_GOAL_LIST = re.compile(r"目标(?:任务)?(?:是|为)\s*[:：]")
# a gap to a goal (距终期目标差距14.3个百分点, 距离…的目标还差1.8个百分点, 低于目标8.5个百分点)
_GAP = re.compile("[距差]|[低高]于[^，,。；;]{0,6}?目标")


# a task, quota, budget or set value right before its figure (年度任务3400人次, 全年任务为1200名, 年初预算为
# 512.3万元, 年度指标值为≥95%), not one said done (完成…任务, 完成年初预算的105%)
_TASK_BEFORE = re.compile(
    r"(?:(?:年度|全年|下达的?|目标)任务(?:数|量)?|(?:年初|全年|年度)?预算(?:数|额)?|指标值)(?:为|是|[:：])?\s*$"
)


def _kind(ix: _Index, start: int, end: int, unit: str, clause_start: int, sentence_start: int) -> str:
    phrases, text = _phrases(), ix.text
    if _cites_goal(text, end):  # even after a comparison (高于不低于98%的年度目标)
        return "target"
    if _TASK_BEFORE.search(text, max(clause_start, start - 12), start):
        return "target"  # 宁德市：年度任务3400人次，完成3920人次: the task itself, not what was done
    if _change_or_actual(text, start, end, unit) == "change":
        # a change planned in its own clause (力争明年讲座场次较今年增长10%以上) is a target; a gap to a
        # goal (距终期目标差距14.3个百分点) is a change
        clause = text[clause_start:end]
        gap = _GAP.search(clause)
        return "target" if not gap and ix.plans_between(clause_start, end) and _plans(clause) else "change"
    sentence_end = ix.forward(ix.sentences, end)
    if ix.plan_document and phrases["floor"].search(text[clause_start:end]):
        return "target"  # a notice's or plan's floor (培训合格率不低于95%): what it requires
    if not ix.plans_between(sentence_start, sentence_end):
        # a sentence that continues no planned one (most) is actual whatever it says was done
        continues = _continues_plan(ix, sentence_start)
        return "target" if continues and not phrases["done"].search(text[sentence_start:start]) else "actual"
    if _GOAL_LIST.search(text, sentence_start, clause_start):
        return "target"  # 今年确定的目标是：全年发放…，培训…，帮助…: every figure the colon lists
    first_clause_end = ix.forward(ix.clauses, sentence_start)
    opening = text[sentence_start:first_clause_end] if first_clause_end < clause_start else ""
    # up to the figure's end: a qualifier written with it (将不低于2亿元) belongs to its clause
    if _plans(text[clause_start:end]) or (
        _plans(opening) and not phrases["done"].search(text[first_clause_end:start])
    ):
        return "target"
    # a figure listed after a planned one of its sentence is planned too (今年将举办…不少于6场，开展
    # 技能培训20期), unless what lies between says it was done (培训目标3000人 完成培训3200人)
    planned_end = ix.targets.get(sentence_start)
    if planned_end is not None and not phrases["done"].search(text[planned_end:start]):
        return "target"
    if phrases["floor"].search(text[clause_start:end]) and _plans(text[sentence_start:sentence_end]):
        return "target"  # 新增示范户不少于800户，力争…: a floor in a sentence that plans
    return "actual"


def _plan_section(ix: _Index, para_start: int) -> bool:
    """Whether the nearest heading above a paragraph opens a section of plans (今后五年的目标任务);
    once per paragraph."""
    if para_start not in ix.plan_sections:
        ix.plan_sections[para_start] = _opens_plans(ix, para_start)
    return ix.plan_sections[para_start]


# cells set apart by two or more spaces, a tab or a rule: a line of a table flattened into text
_TABLE_LINE = re.compile(r"\S(?:[ \u3000]{2,}|\t|\s*[|｜]\s*)\S")


def _sections_above(ix: _Index, para_start: int) -> list[tuple[int, int]]:
    """The headings whose sections hold a paragraph, nearest first: the unnumbered lines right above
    it, then each numbered heading of a higher level than the one below it (三、关于本次大会 closes
    二、今后五年的目标任务), then the page's head. Once a numbered heading is passed, the short
    unnumbered lines further up (a table's rows, a caption in an earlier section) hold nothing."""
    kept, lowest = [], len(_OUTLINE_LEVELS)
    for lo, hi in ix.headings_above(para_start):
        level = next((k for k, pattern in enumerate(_OUTLINE_LEVELS) if pattern.match(ix.text, lo, hi)), None)
        if level is None and _TABLE_LINE.search(ix.text, lo, hi):
            continue  # a table's header or row (市（州）  目标任务（万人）  实际完成（万人）): no heading
        if level is None:
            if lowest == len(_OUTLINE_LEVELS) or lo < ix.body_start:
                kept.append((lo, hi))
        elif level < lowest:
            kept.append((lo, hi))
            lowest = level
    return kept


# a paragraph opening on an enumerated task (一要…, 二是要…, 其次要…, 第三，要…) or on a speaker's 强调，要…:
# a speech's plans
_TASK_OPENING = re.compile(
    r"\s*(?:[一二三四五六七八九十]是?要|(?:首先|其次|再次|最后)要|第[一二三四五六七八九十]，?要"
    # a speaker's paragraph of tasks (孙某强调，要聚焦重点难点…一是…)
    r"|[^，,。；;\n]{1,16}?(?:强调|要求|指出)[，,：:]\s*要)"
)


def _opens_plans(ix: _Index, para_start: int) -> bool:
    """The sections holding a paragraph (``_sections_above``), nearest first, up to the first that
    opens plans (三、2024年工作打算 over its （一）…) or reviews (一、2023年工作回顾). In the page's
    head, before its text, only a plan
    document's title counts (某市妇联2024年工作要点, 关于下达…任务的通知), not a news title that names a
    goal (冲刺全年目标任务)."""
    phrases = _phrases()
    if _TASK_OPENING.match(ix.text, para_start):
        return True  # 三要在家庭建设上久久为功。新创建示范户1.2万户: a speech's task for the year ahead
    for lo, hi in _sections_above(ix, para_start):
        line = ix.text[lo:hi]
        if phrases["review_heading"].search(line):
            return False
        if lo < ix.body_start:
            if phrases["plan_title"].search(line):
                return True
            continue
        if phrases["plan_heading"].search(line) or _names_later_year(ix, lo, hi):
            return True
    return False


def _names_later_year(ix: _Index, lo: int, hi: int) -> bool:
    """A heading naming a year after the report's (二、2024年重点工作 in a report on 2023): its plans."""
    report_year = ix.years[0]
    cue = ix.last_cue(lo, hi)
    return bool(report_year and cue is not None and cue.start is not None and cue.start > report_year)


def _body_before(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] holds a line of the body with a figure (a masthead's 第4期 or a title's
    figures are no body): a time said after it opens no report-wide period."""
    return any(len(line) > 40 and _FIGURE.search(line) for line in text[lo:hi].split("\n"))


def document_cue(text: str, report_year: int | None, published_year: int | None) -> TimeCue:
    """The period a report as a whole speaks of: a span or running total opening its body (近年来,
    五年来, 2021年以来) or the window of months a review covers governs every figure that has no nearer
    time; else the report's year."""
    year = report_year or published_year
    lead_end = min(len(text), 400)
    window = marks.REVIEW_WINDOW.search(text, 0, lead_end)
    if window is None:
        # a review named with the years it covers (家事审判白皮书（2021—2023年）)
        window = _YEARS_COVERED.search(text, 0, lead_end)
    if window and not _body_before(text, 0, window.start()):
        # a review of a window of months (自2021年1月实施至2023年6月底的推进情况) or of years: its undated
        # figures are the window's (not a plan's years: 规划（2021—2030年）监测报告 runs past its year)
        first, last = sorted((int(window.group(1)), int(window.group(2))))
        if year is None or last <= year:
            return TimeCue(first, last)
    seen = 0
    for m in _TIME.finditer(text, 0, lead_end):
        g = m.groupdict()
        # a span that opens the body, before its first figure; one after figures dates its own part
        # (a masthead's 第4期 or a title's figures are no body)
        if _body_before(text, seen, m.start()):
            break
        seen = m.end()
        # (a lead's 截至目前 speaks of the year's tasks so far, not of every figure below it: a
        # year-end summary's 截至目前，年初确定的重点任务已基本完成)
        if (g["to_date"] and not g["now"]) or g["span"] or g["span_near"] or _since_year(m) is not None:
            cue = resolve(m, report_year, published_year)
            if cue is not None and not cue.future:
                return cue
    return TimeCue(year, year)


# the years a review says it covers, in brackets after its name: 白皮书（2021—2023年）, not the years of
# a plan it monitors (儿童发展规划（2011—2020年）终期统计监测报告)
_YEARS_COVERED = re.compile(
    r"(?<!规划)(?<!纲要)(?<!计划)(?<!方案)(?<!行动)[（(]((?:19|20)\d{2})年?\s*[—–\-－~～至到]{1,2}\s*((?:19|20)\d{2})年?度?[)）]"
)
_AT_THE_CONGRESS = re.compile(r"大会|会议|会上|会期|展出|展览|参观|出席|表彰|代表")


def _under_review(ix: _Index, start: int, end: int, sentence_start: int) -> TimeCue | None:
    """The years of a congress's review (``_congress_review``) for an undated figure after it opens;
    the year the congress meets for what it counts itself (本次大会应到代表286名, 表彰, 展览), wherever
    it stands (else a review opening the report would date it); None before the review."""
    if ix.review is None:
        return None
    if _AT_THE_CONGRESS.search(ix.text, sentence_start, ix.forward(ix.sentences, end)):
        year = ix.years[0] or ix.years[1]
        return TimeCue(year, year) if year else None
    return None if start < ix.review[0] else ix.review[1]


def _congress_review(
    text: str, report_year: int | None, published_year: int | None
) -> tuple[int, TimeCue] | None:
    """(where it starts, its years) of the review in a women's congress report or its news (市第十次妇女
    代表大会以来的五年…五年来): the undated figures after it are of those years; the congress's own
    (代表386名, before it) are of its year. None for any other report."""
    if not marks.opens_on_a_congress(text):
        return None
    review = next((m for m in _TIME.finditer(text) if m.group("span")), None)
    cue = resolve(review, report_year, published_year) if review else None
    return (review.start(), cue) if review and cue is not None and not cue.future else None


def _cues_nearest_first(
    ix: _Index, start: int, end: int, clause_start: int, sentence_start: int, para_start: int
) -> Iterator[tuple[int, TimeCue | None]]:
    """(scope number, cue or None) around the figure at [start, end), nearest first: the clause before
    the figure, the rest of its clause, then (the same for every figure of the clause) the sentence,
    the paragraph, the headings above. A generator: most figures stop at the first scope, and the
    outer ones are then never looked up."""
    yield 0, ix.last_cue(clause_start, start)
    yield 1, ix.last_cue(end, ix.forward(ix.clauses, end))
    yield from ix.outer_cues(clause_start, sentence_start, para_start)


def period_of(
    text: str,
    start: int,
    end: int,
    unit: str,
    report_year: int | None,
    published_year: int | None,
    default: TimeCue | None = None,
    index: _Index | None = None,
) -> Period:
    """year_from, year_to and kind of the figure at text[start:end] (normalised text offsets);
    `default` is the report's own period (document_cue), used when nothing nearer dates the figure;
    `index` the report's _Index, built here when not given (one figure)."""
    ix = index or _Index(text, report_year, published_year)
    base = (
        _BASE_FIGURE.search(text, max(0, start - 12), start)
        or _LISTED_BASE.search(text, max(0, start - 40), start)
        or _year_of_bare_base(ix, start)
    )
    year = int(base.group(1)) if base else _relative_base_year(text, start, report_year, published_year)
    if year:  # 由2017年的8.5%提高到…: the base figure is of its own year, a level (a stock's, no start)
        return Period(year if unit in _LEVEL_UNITS else None, year, "actual")
    clause_start = ix.back(ix.clauses, start)
    plan_years = _plan_items_span(ix, clause_start, start, end, unit)
    if plan_years:  # 《妇女发展规划》设置监测指标86项: what the plan sets, over the plan's years
        return Period(*plan_years, "actual")
    if (
        (span := _plan_span(ix))
        and (goal_year := _cites_plan_goal(text, start, end, span))
        and ix.last_cue(clause_start, start) is None  # “2025年达到90%以上”的目标: the year it names
    ):
        return Period(goal_year, goal_year, "target")  # 低于“30%以上”的规划目标值: the plan's goal
    sentence_start, para_start = ix.sentence_of(clause_start)
    kind = _kind(ix, start, end, unit, clause_start, sentence_start)
    cue, level, in_clause = _nearest_cue(ix, start, end, clause_start, sentence_start, para_start, kind)
    cue = _whole_year_of_paragraph(ix, cue, para_start)
    # what a plan's section says stands now (目前开放床位120张) is no plan
    planned_by_section = (
        kind == "actual"
        and _plan_section(ix, para_start)
        and not _NOW.search(text, sentence_start, start)
        and not _THIS_MEETING.search(text, sentence_start, start)
    )
    # what a plan's own paragraph dates before the plan's year (2023年，…。…；举办培训21期) was done then
    if planned_by_section and not _done_before(ix, cue, report_year, sentence_start, start):
        kind = "target"
    else:
        planned_by_section = False
    cue, level = _settle(ix, cue, level, kind, sentence_start, para_start, report_year, published_year)
    if planned_by_section and _done_before(ix, cue, report_year, sentence_start, start):
        kind = "actual"
    if cue is None:
        cue = (
            _under_review(ix, start, end, sentence_start)
            or default
            or document_cue(text, report_year, published_year)
        )
    # a goal year makes a target of the figure, unless its sentence says the goal was reached (已达到…目标)
    if cue.future and kind == "actual" and not _phrases()["not_target"].search(text[sentence_start:start]):
        kind = "target"
    elif cue.future and kind == "change" and _GAP.search(text, clause_start, start):
        # a gap to a goal (距离2030年…的目标还差1.8个百分点) is measured now, in the report's year
        cue = default or document_cue(text, report_year, published_year)
    if _cites_quota(text, start, end):
        kind = "target"  # placed in time as what was done; the figures after it are not planned
    elif kind == "target" and not _cites_goal(text, end):
        # the figures after a planned one of its sentence are planned too; not after a goal cited
        # (高于90%的规划目标；孕产妇住院分娩率保持在99.9%以上)
        ix.targets[sentence_start] = end
    # a part (其中…) is placed like the whole of the clause before it
    whole_start = clause_start
    if text.startswith("其中", clause_start):
        whole_start = ix.back(ix.clauses, clause_start - 1)
    clause = text[clause_start : ix.forward(ix.clauses, end)]
    year_from = _year_from(cue, kind, unit, 0 if in_clause else level, text[whole_start:start], clause)
    return Period(year_from, cue.end, kind)


_ITEM_UNITS = ("项", "个", "条")
# a plan named with its years: 《某市妇女发展规划（2021—2030年）》, 纲要(2021-2030年)
_PLAN_SPAN = re.compile(
    r"(?:规划|纲要)[^《》\n]{0,6}?[（(]\s*((?:19|20)\d{2})\s*年?\s*[—–\-~～至到]+\s*((?:19|20)\d{2})\s*年?\s*[)）]"
)


_SETS = re.compile(r"设置|设定|确定|提出")


def _plan_items_span(
    ix: _Index, clause_start: int, start: int, end: int, unit: str
) -> tuple[int, int] | None:
    """The years of a plan whose items the figure counts (规划…可监测的71项指标, 纲要共设置155项主要目标),
    when the text names the plan with its years; None for any other figure, and for a count of how the
    items fare (达到目标的11项, 差距较大的5项) or of items monitored without naming the plan in the clause
    (在可监测的63项指标中), which are of the year monitored."""
    phrases = _phrases()
    if unit not in _ITEM_UNITS:
        return None  # most figures: their clause is not even cut out
    # the plan named in the clause, or as the subject of a sentence whose clause says the plan sets the
    # items (新“两纲”坚持…，共设置了155项主要目标)
    if not phrases["plan_name"].search(ix.text, clause_start, start):
        subject = phrases["plan_name"].search(ix.text, ix.back(ix.sentences, clause_start), clause_start)
        if not subject or not _SETS.search(ix.text, clause_start, start):
            return None
    clause = ix.text[clause_start : ix.forward(ix.clauses, end)]
    if not phrases["plan_items"].search(clause) or phrases["plan_progress"].search(clause):
        return None
    return _plan_span(ix)


def counts_a_stock(label: str) -> bool:
    """Whether what a label counts stands at a point in time (共有…, 参加养老保险的女性): a table's cell of
    it has no start year."""
    return bool(_phrases()["stock"].search(label))


def plan_years(text: str) -> tuple[int, int] | None:
    """The years of the plan a text names with them (《妇女发展规划（2021—2030年）》), else None."""
    found = _PLAN_SPAN.search(text)
    return (int(found.group(1)), int(found.group(2))) if found else None


def goal_year(span: tuple[int, int], stage: str | None) -> int:
    """The year of a plan's goal: its mid-term year for a mid-term goal (中期目标), else its last."""
    return span[0] + (span[1] - span[0]) // 2 if stage == "中期" else span[1]


def _plan_span(ix: _Index) -> tuple[int, int] | None:
    """``plan_years`` of the report, found once."""
    if ix.plan_span is None:
        ix.plan_span = plan_years(ix.text) or ()
    return ix.plan_span or None


def _nearest_cue(
    ix: _Index, start: int, end: int, clause_start: int, sentence_start: int, para_start: int, kind: str
) -> tuple[TimeCue | None, int, bool]:
    """The time expression that governs the figure, nearest first: (cue, its scope number: 0 the
    figure's clause … 3+ beyond its sentence, 9 none, whether it lies in the clause before the figure).
    A whole year (全年, 年度) takes the single year its sentence names, or for a figure done, its
    paragraph (2023年，…。全市…超额完成年度任务); a plan's 全年 is not dated by a past year before it."""
    cue, level, in_clause = None, 9, False
    for i, found in _cues_nearest_first(ix, start, end, clause_start, sentence_start, para_start):
        if found is None or (i == 1 and found.future and kind == "actual"):
            continue  # a done figure's clause going on to the years ahead (代表780名，共商未来五年大计)
        if cue is not None:
            single = found.start is not None and found.start == found.end and not found.within
            if single and (i <= 2 or (i == 3 and kind != "target")):
                cue = found
            break
        cue, level, in_clause = found, i, i == 0
        if not found.within:
            break
    if cue is not None and cue.within and in_clause:
        cue = ix._named_year(sentence_start, start, cue)  # 计划到2022年底…，全年培训…: that year's
    if cue is not None and cue.open_start and level <= 2:
        # 自2012年项目实施以来，截至今年8月底，累计…: a running total whose start its sentence gives
        since = _since_before(ix, sentence_start, start)
        if since is not None and since.start is not None and cue.end is not None and since.start <= cue.end:
            cue = TimeCue(since.start, cue.end)
    return cue, level, in_clause


def _since_before(ix: _Index, lo: int, hi: int) -> TimeCue | None:
    """The last span from a year (2012年…以来) in text[lo:hi], resolved, if any."""
    k = ix._last_cue_index(lo, hi, since=True)
    return None if k is None else ix._cue(k)


def said_total(clause_before: str) -> bool:
    """Whether the words right before a figure say it is the running total reached (…，累计达到215个;
    执委总数达到4318名): a level whatever the clause before it added in the year."""
    return bool(_phrases()["total_reached"].search(clause_before))


_INDICATORS = re.compile(r"指标|目标")


def _year_from(cue: TimeCue, kind: str, unit: str, level: int, clause_before: str, clause: str) -> int | None:
    """The first year of a figure dated by `cue` found at scope `level` (0 its clause, 3+ further out
    than its sentence, 9 the document); `clause_before` is its clause up to the figure."""
    if kind == "actual" and unit == "项" and cue.open_start and _INDICATORS.search(clause):
        # how a plan's items fare in the year monitored (截至2023年底，已达到2030年目标值的指标49项;
        # 尚有差距的指标6项): that year's count, not a stock (the items a plan sets: period_of)
        return cue.end
    if kind == "actual" and unit not in _LEVEL_UNITS and level and _phrases()["coverage"].search(clause):
        return None  # 全县10个乡镇、167个行政村全部建立妇联: all the units there are, a stock
    # a share, or a rate per so many people (每千名儿童…0.71名), is a level at a point in time
    share = unit in _LEVEL_UNITS or bool(_phrases()["per_capita"].search(clause_before))
    if share and kind != "change" and cue.end is not None and cue.start != cue.end:
        # a share is a level at a point in time: a goal's level in its last year (到2025年…达到80%),
        # an actual one in the last year of a span or total that dates it from further out
        return cue.end if kind == "target" or cue.open_start or level >= 3 else cue.start
    if kind == "change" and cue.open_start and cue.end is not None:
        return cue.end  # 截至2023年末…，比上年末增加68万人: a change over one year
    if cue.year_end and level >= 2 and cue.end is not None:
        # 年末 said before the figure's clause: what stands at the year's end (年末全市共有普通高中38所，在校
        # 生9.74万人); a flow (全年新增…) is the year's
        stock = _phrases()["stock"].search(clause_before) or not _phrases()["flow"].search(clause_before)
        return None if stock else cue.end
    if kind == "target" and _phrases()["level_goal"].search(clause_before):
        return None  # 到2025年…累计达到100万户: a level to be reached, no start year
    if kind == "actual" and not share and said_total(clause_before):
        return None  # 新建妇女微家28个，累计达到215个: the total there is, not the year's 28
    if cue.open_start or level == 0 or kind != "actual" or share:
        return cue.start
    # a stock in the clause has no start year; under a span from further out only a standing one
    # (五年来…全县建成家长学校168所), a running total (累计) being the span's own
    # 累计 within a year its sentence names (今年以来…累计培训) is that year's total
    single = cue.start == cue.end
    role = ("stock" if level >= 3 else "standing") if single else "standing" if level >= 3 else None
    return None if role and _phrases()[role].search(clause_before) else cue.start


# a paragraph opening on its year (2025年，全市各级妇联…)
_YEAR_LEAD = re.compile(r"\s*((?:19|20)\d{2})\s*年[，,]")


def _whole_year_of_paragraph(ix: _Index, cue: TimeCue | None, para_start: int) -> TimeCue | None:
    """A 全年 or 年内 in a paragraph that opens on its year (2025年，全市…圆满完成年度任务。全年完成检查
    6.28万人, in a notice of 2026's tasks) is that year, not the report's."""
    if cue is None or not cue.within or not (lead := _YEAR_LEAD.match(ix.text, para_start)):
        return cue
    return TimeCue(int(lead.group(1)), int(lead.group(1)), within=True)


_RAN_TOTAL = re.compile(r"来[^。；;]{0,12}累计")


def _done_before(
    ix: _Index, cue: TimeCue | None, report_year: int | None, sentence_start: int, start: int
) -> bool:
    """A figure under a plan's heading that its sentence reports as done: dated before the plan's year
    (2023年，全市…开展宣讲420余场 in 2024's work plan) or said done (已累计创建, 五年来累计), unless
    its sentence plans too (确保每年完成检查任务)."""
    if cue is not None and cue.end is not None and report_year and cue.end < report_year:
        return True
    phrases = _phrases()
    said = ix.text[sentence_start:start]
    # 累计 says done only after a span that ran (五年来累计, 2018年以来累计): 五年累计覆盖 in a plan is a goal
    done = phrases["not_target"].search(said) or _RAN_TOTAL.search(said)
    return bool(done) and not phrases["target"].search(said)


# a deadline (到2027年示范户占比达到30%): the goal of its own sentence
_DEADLINE = re.compile(r"(?:到|至)\s*(?:19|20)\d{2}\s*年")


def _paragraph_goal_cue(ix: _Index, lo: int, hi: int) -> TimeCue | None:
    """The last time expression of a paragraph before a planned figure's sentence, passing over a
    deadline an earlier sentence set its own goal by (2026年…：三是…，到2027年占比达到30%。四是…新建
    家长学校100所: of 2026)."""
    k = ix._last_cue_index(lo, hi)
    while k is not None and _DEADLINE.match(ix.text, ix.cue_starts[k]):
        k = ix._last_cue_index(lo, ix.cue_starts[k])
    return None if k is None else ix._cue(k)


def _goal_cue(ix: _Index, sentence_start: int, para_start: int, cue: TimeCue | None) -> TimeCue | None:
    """The period of a planned figure that its own sentence does not date: the nearest time of its
    paragraph or the headings above, goal years included (二、2023年工作要点 / 到2025年，…主要目标：);
    a 全年 or 年内 stands for the single year named there."""
    now = ix.years[1] or ix.years[0]
    review = _phrases()["review_heading"]
    for lo, hi in [(para_start, sentence_start), *ix.headings_above(para_start)]:
        if lo != para_start and review.search(ix.text, lo, hi):
            break  # under 一、主要工作及成效 a forecast (预计全年…) is of the year reviewed
        found = _paragraph_goal_cue(ix, lo, hi) if lo == para_start else ix.last_cue(lo, hi)
        if found is not None and found.within:  # 五、2023年工作打算。力争全年…：the year named
            named = ix.last_cue(lo, ix._cue_start(lo, hi))
            if named is not None and named.start is not None and named.start == named.end:
                found = named
        if found is None or found.within or (now and found.end is not None and found.end < now):
            continue  # a past year before a plan is what was done then, not the plan's year
        if cue is not None and cue.within:
            return found if found.start is not None and found.start == found.end else cue
        return found
    return cue


# the Nth of a yearly occasion, and the year its first was held in less one: 第114个"三八"国际妇女节 → 2024
_OCCASION = re.compile(
    rf"第\s*(\d{{2,3}}|[{_CN_NUM}百零]{{2,6}})\s*个\s*[“\"]?(?:(三八)[”\"]?\s*|(六一)[”\"]?\s*)?国际(?:劳动)?(妇女|儿童)节"
)
_FIRST_HELD = {"妇女": 1910, "儿童": 1949}


def occasion_year(text: str) -> int | None:
    """The year a page without a date is said in, when its lead names the how-manieth International
    Women's or Children's Day it marks (纪念第114个"三八"国际妇女节: 2024): news of such meetings
    often carries no date but the day."""
    m = _OCCASION.search(text, 0, 800)
    if m is None:
        return None
    year = _FIRST_HELD[m.group(4)] + int(parse_number(m.group(1)))
    return year if 1950 <= year <= 2100 else None


# a year's summary by its title (某县妇联2024年工作总结和2025年工作计划), not a summing-up meeting's news
# (召开2024年度总结表彰大会)
_SUMMARY_TITLE = re.compile(r"总结(?![表会大])")
# a notice, a plan or its work points: what it says it requires is required, not done
_PLAN_TITLE = re.compile(
    r"(?:的通知|(?:实施|工作|行动)方案|工作要点|工作计划)(?:[（(][^（()）]{0,16}[)）])?$"
)  # the years after it: 三年行动方案（2024—2026年）
# a budget (2024年部门预算, 预算公开), not its outturn (决算) or how it ran (预算执行情况)
_OUTTURN = re.compile(r"决算|实际|执行")


def place_in_time(norm: Normalised, document: dict, facts: list[dict], title: str) -> list[dict]:
    """Add year_from, year_to and kind to each fact of one report (facts carry original offsets);
    ``title`` is the document's title normalised (工作總結 read as 工作总结)."""
    text = norm.text
    published = document.get("publication_date")
    published_year = int(published[:4]) if published else occasion_year(text)
    report_year = document.get("report_year")
    default = document_cue(text, report_year, published_year)
    summary = bool(_SUMMARY_TITLE.search(title))
    said_early = bool(published) and published[5:7].isdigit() and int(published[5:7]) <= 6
    plan_document = bool(_PLAN_TITLE.search(title))
    budget = bool(marks.BUDGET_TITLE.search(title)) and not _OUTTURN.search(title)
    index = _Index(text, report_year, published_year, summary, said_early, plan_document)
    for fact in facts:
        if "year_to" in fact:  # placed already (a table cell under a dated column)
            ahead = published_year and fact["year_to"] is not None and fact["year_to"] >= published_year
            if fact.get("kind") == "actual" and ahead and (plan_document or fact["year_to"] > published_year):
                fact["kind"] = "target"  # a year not yet over when it was written (a plan's 2026年 column)
            continue
        quota = fact.pop("quota", False)  # a table's quota column without a year (任务数): the year's
        earlier = fact.pop("earlier", 0)  # a table's column of the same months a year before (上年同期)
        if fact.get("kind") == "target" and not quota and (span := _plan_span(index)):
            # a table's target column that names no year (目标值): the goal of the plan the report
            # names, for its last year
            fact.update(year_from=span[1], year_to=span[1])
            continue
        start, end = norm.normalised_index(fact["start"]), norm.normalised_index(fact["end"])
        period = period_of(text, start, end, fact["unit"], report_year, published_year, default, index)
        if earlier:
            period = _years_before(period, earlier)
        # a table cell's kind is its column's (任务 a quota), when the header says it
        kind = fact.get("kind") or period.kind
        if budget and kind == "actual" and fact["unit"] in ("元", "%") and not _outturn(index, start):
            kind = "target"  # a budget's amounts and their shares are what is to be spent
        fact.update(year_from=period.year_from, year_to=period.year_to, kind=kind)
    _years_in_turn(norm, facts)
    _shares_of_counts(norm, facts)
    return facts


def _years_before(period: Period, years: int) -> Period:
    """A period moved back by some years: a table's 上年同期 column, dated as the text dates the year."""
    return Period(
        None if period.year_from is None else period.year_from - years,
        None if period.year_to is None else period.year_to - years,
        period.kind,
    )


def _outturn(ix: _Index, start: int) -> bool:
    """Whether the sentence up to a figure speaks of what was spent (上年决算数, 实际支出), not budgeted."""
    return bool(_OUTTURN.search(ix.text, ix.back(ix.sentences, start), start))


# a share stated right after the count it is a share of (离婚纠纷1327件，占61.8%), in a sentence or
# in the next cell of a flattened table's row (离婚纠纷　3617件　占61.7%)
_SHARE_OF_BEFORE = re.compile(r"(?:[，,]|[ \t\u3000]+)\s*约?占[^，,。；;\d]{0,10}")


def _shares_of_counts(norm: Normalised, facts: list[dict]) -> None:
    """A share stated right after a count of several years (三年来…离婚纠纷1327件，占61.8%) is a share of
    that count: it covers the count's years, not the last one's alone."""
    text = norm.text
    for before, fact in pairwise(facts):
        if (
            fact["unit"] in _LEVEL_UNITS
            and fact["kind"] == before["kind"] == "actual"
            and before["unit"] not in _LEVEL_UNITS
            and before["year_from"] is not None
            and before["year_from"] != before["year_to"]
            and _SHARE_OF_BEFORE.fullmatch(
                text, norm.normalised_index(before["end"]), norm.normalised_index(fact["start"])
            )
        ):
            fact.update(year_from=before["year_from"], year_to=before["year_to"])


# years listed before 分别 (2022年、2023年、2024年分别培训3860人次、4520人次、5130人次)
_LISTED_YEARS = re.compile(r"((?:\d{4}年度?[、和及与]\s*)+\d{4}年度?)[^，,。；;\d]{0,16}?分别")
_FOUR_DIGITS = re.compile(r"\d{4}")
_CLAUSE_END = re.compile(r"[，,。；;\n]")
_SENTENCE_END = re.compile(r"[。；;\n]")


def _years_in_turn(norm: Normalised, facts: list[dict]) -> None:
    """Figures given 分别 after a list of years take the years in turn, when the clause (or else the
    sentence) after 分别 holds as many figures as years are listed: each is of its own year, not all of
    the last one named."""
    text = norm.text
    if "分别" not in text:
        return
    positions = [norm.normalised_index(f["start"]) for f in facts]
    for m in _LISTED_YEARS.finditer(text):
        years = [int(y) for y in _FOUR_DIGITS.findall(m.group(1))]
        clause = _CLAUSE_END.search(text, m.end())
        sentence = _SENTENCE_END.search(text, m.end())
        for stop in (clause, sentence):
            end = stop.start() if stop else len(text)
            listed = [i for i, p in enumerate(positions) if m.end() <= p < end]
            if len(listed) == len(years):
                for i, year in zip(listed, years, strict=True):
                    facts[i].update(year_from=year, year_to=year)
                break
