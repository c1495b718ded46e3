"""Fact extraction: every measured quantity of a report as one row (shared/gold/GUIDELINES.md).

Works on the normalised text (simplified, NFKC, glosses removed) and quotes the original through
``Normalised.to_original``. A fact is found in three steps:

1. candidates — regular expressions for ``[qualifier] number [range] [余/多] [magnitude] [余/多] unit
   [以上/左右]`` in Arabic figures, in Chinese numerals, and ``百分之…``;
2. filters — what the guideline says is not a fact: dates and years, ordinals (第…), numbers inside
   names and slogans (quoted “四个一”, 1+11868, 三八), idioms, contact details, boilerplate lines,
   time frames (五年来), words that merely start with a unit character (名单, 期间);
3. description — the metric (the verb-object before the number plus the counted noun after it,
   fillers such as 累计/共/截至目前 removed) and a category from the data-driven rules.

All word lists live in data files (see ``fulian.text.lexicons``); this module holds grammar only.

Speed (``make bench-extract``) comes from structure, not from special-cased copies of the code:
every regex starts with a character class or literal so that the engine scans instead of trying
each position; the boundaries of a document (lines, sentences, clauses, quote marks) are listed
once, and the line, clause and sentence of every candidate are then found together by ``bisect``;
each line is judged boilerplate or not once; the category rules of a unit are grouped once into
runs of keywords tried by a plain loop.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, pairwise, repeat
from operator import attrgetter
from typing import NamedTuple

from fulian.text import lexicons, marks, regions
from fulian.text.normalise import Normalised
from fulian.text.numerals import DIGITS, STRUCTURAL_CHARS, magnitude, parse_chinese, parse_number
from fulian.text.regions import trie_regex
from fulian.text.tables import Cell, table_cells

_SP = r"[ \t]{0,2}"
# Thousands grouped by commas (1,200) or by single spaces (1 200, as some conversions write them);
# a whole number spaced digit by digit (3 1 6 0 名, 4 2 萬多), as some page conversions print digits,
# or with stray spaces anywhere in it when its unit follows it at once (1 2 360人次, 4 8 600餘件), or
# round its decimal point (3 . 5億元, 12. 4%).
_ARABIC = (
    r"\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+)(?:\.\d+)?|\d(?: \d)+(?: ?\. ?\d(?: \d)*)?(?![\d.])"
    r"|\d{1,3}(?: \d{1,3})+(?![\d. ])"
    r"|\d+(?: \. ?| ?\. )\d+(?![\d.])"
    r"|\d+(?:\.\d+)?"
)
# The same language, tried in the same order, but starting with a plain \d so that the regex engine
# scans for a digit instead of trying the pattern at every position.
_ARABIC_HEAD = (
    r"\d(?:\d{0,2}(?:(?:,\d{3})+|(?: \d{3})+)(?:\.\d+)?|(?: \d)+(?: ?\. ?\d(?: \d)*)?(?![\d.])"
    r"|\d{0,2}(?: \d{1,3})+(?![\d. ])"
    r"|\d*(?: \. ?| ?\. )\d+(?![\d.])"
    r"|\d*(?:\.\d+)?)"
)
_FINANCIAL_DIGITS = "壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_CHARS = "零〇○一二两三四五六七八九十百千万亿" + _FINANCIAL_DIGITS  # financial forms too: 伍拾亿元
_CN = rf"[{_CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
_CN_HEAD = rf"[{_CN_CHARS}][{_CN_CHARS}]*(?:点[零〇一二三四五六七八九]+)?"  # as _CN, engine-friendly
_MAG = r"个?(?:万亿|千万|百万|万|亿|千(?![克米瓦分])|百(?!分))"
_RANGE_SEP = r"[-~～—–－至到]"
# 2020年以来, 5月31日, 3月份: the first digit factored out of the alternatives (same matches, in the
# same order) so that the engine scans for a digit
# dates a metric drops (2023年底, 3月8日, 1—11月); not a year naming a plan's goal (达到2025年中期目标)
_DATE_IN_METRIC = re.compile(
    r"(?<![比较])\d(?:\d{3}年(?:[至到—–~\-](?:19|20)\d{2}年)?(?!中期|终期|目标)(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以来|底|初|末|中|上半年|下半年|全年|度)?"
    r"|\d?月\d{1,2}日|\d?(?:[—–\-至~]\d{1,2})?月(?:份|底|初)?)"
)
_EDGE_PUNCT = " \t、，,;；:：—-·"
_DURATION_VERBS = ("持续", "连续", "历时", "坚持", "为期", "用时", "长达", "累计服务", "工作")
_NEIGHBOUR_BAD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@_/+#·.＋")
_ORDINAL_LAST = frozenset("第初周期拜.前 \t")
_ORDINAL_BEFORE = (
    "第",
    "初",
    "周",
    "星期",
    "礼拜",
    "No.",
    "NO.",
    "no.",
    "排名前",
    "居前",  # 位居前, 仍居前三位
    "位列前",
    "进入前",
    "名列前",
)
# Units after which a lone Chinese digit is a count, not a list count (五类, 三个方面) or a name (四个一).
_COUNTED_ONE_BY_ONE = frozenset(("名", "人", "位", "户", "期", "场", "场次", "支", "家", "所"))
# a measure word that ends its phrase counts the noun before it (基地五个，); places are counted too (八个镇)
_PHRASE_ENDS = frozenset("，。；、,;")
_PLACES_COUNTED = frozenset("镇乡村县区市")
_CN_BEFORE_BAD = frozenset(DIGITS) | frozenset("十百千万亿")  # a Chinese numeral may not follow these


@dataclass(frozen=True)
class _Patterns:
    arabic: re.Pattern[str]
    chinese: re.Pattern[str]
    percent: re.Pattern[str]
    tenths: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qb_last_chars: frozenset[str]
    arabic_groups: tuple[int, ...]  # num, num2, qa, mag, qa2, unit, tail, mag1
    chinese_groups: tuple[int, ...]  # num, qa, mag, qa2, unit, tail
    unit_group: tuple[int, int]  # the unit's group number in (arabic, chinese)
    before: dict[str, str]  # qualifier words
    after: dict[str, str]
    tail: dict[str, str]
    money_units: frozenset[str]
    unit_blockers: dict[str, tuple[str, ...]]
    tail_words: tuple[str, ...]  # the tail qualifiers, longest first


def _trie(words) -> str:
    """An alternation of ``words``, longest first, shaped as a trie: the engine tries the same words
    at a position in the same order without walking every alternative."""
    return f"(?:{trie_regex(words)})"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The candidate regexes. Each starts on the number itself (so the engine can skip ahead fast);
    a qualifier written before the number is picked up afterwards by ``qualifier_before``."""
    q = lexicons.qualifiers()
    qa, tail = _trie(q["after"]), _trie(q["tail"])
    unit_words = lexicons.units()
    units = _trie(unit_words)
    # a candidate must end in a unit or a magnitude, or a magnitude's qualifier (42万多妇女): fixed-width
    # look-behinds on their last characters
    enders = re.escape("".join(sorted({u[-1] for u in unit_words} | set("万亿千百"))))
    arabic = re.compile(
        rf"(?P<num>{_ARABIC_HEAD})"
        rf"(?:(?P<mag1>万|亿|千)?{_SP}(?P<rsep>{_RANGE_SEP}){_SP}(?P<num2>{_ARABIC}))?"
        rf"{_SP}(?P<qa>{qa})?{_SP}(?P<mag>{_MAG})?(?P<qa2>{qa})?{_SP}(?P<unit>{units})?"
        rf"(?:(?<=[{enders}])|(?<=[万亿][多余]))"
        rf"(?P<tail>{tail})?"
    )
    chinese = re.compile(
        rf"(?P<num>{_CN_HEAD})(?P<qa>{qa})?(?P<mag>万|亿)?(?P<qa2>{qa})?"
        rf"{_SP}(?P<unit>{units})(?P<tail>{tail})?"
    )
    percent = re.compile(rf"百分之(?P<num>{_ARABIC}|{_CN})")
    # 三成, 九成以上: tenths of a whole; not the verb 成 (成立, 成为, 分成, 一成不变). One digit class
    # first, the two endings after it: the engine then scans for the class (4x faster than two
    # alternatives each starting with it, same matches).
    # A qualifier before (近三成乡镇, 约七成集中在) makes it a share whatever follows.
    tenths = re.compile(
        r"(?P<num>[一二三四五六七八九1-9])成"
        r"(?:(?![\u4e00-\u9fff])|(?=左右|以上|多|余|的)|(?<=[近约逾过][一二三四五六七八九1-9]成))"
    )
    qb = re.compile(rf"{_trie(q['before'])}[ \t]{{0,2}}$")
    ag = tuple(arabic.groupindex[g] for g in ("num", "num2", "qa", "mag", "qa2", "unit", "tail", "mag1"))
    cg = tuple(chinese.groupindex[g] for g in ("num", "qa", "mag", "qa2", "unit", "tail"))
    money = frozenset(u for u, info in unit_words.items() if info.unit_class == "money")
    return _Patterns(
        arabic,
        chinese,
        percent,
        tenths,
        qb,
        frozenset({w[-1] for w in q["before"]} | {" ", "\t"}),
        ag,
        cg,
        (ag[5], cg[4]),
        q["before"],
        q["after"],
        q["tail"],
        money,
        lexicons.unit_blockers(),
        tuple(sorted(q["tail"], key=len, reverse=True)),
    )


@dataclass(slots=True)
class _Candidate:
    start: int  # normalised span, qualifier to tail
    end: int
    num_start: int
    value: float
    unit: str
    qualifier: str
    chinese: bool


def _money_context(text: str, start: int, end: int) -> bool:
    """Whether words around a bare 万/亿 figure make it an amount of money (money_context.txt)."""
    after, before = lexicons.money_context()
    head = text[end : end + 4]
    if any(head.startswith(w) for w in after):
        return True
    # a money word in the figure's clause before it: right before (贷款余额达18.4亿), or heading sums
    # listed under it (获贷金额张店区8650万、淄川区4120万)
    clause = text[max(0, start - 40) : start]
    clause = clause[max(map(clause.rfind, "，,。；;：:\n！？")) + 1 :]
    return any(w in clause for w in before)


def _ordinal_before(text: str, pos: int) -> bool:
    """Whether an ordinal word (第, 排名前, No.) ends just before ``pos``."""
    back = text[max(0, pos - 6) : pos].rstrip(" \t")
    return back.endswith(_ORDINAL_BEFORE)


def _duration_ok(text: str, pos: int) -> bool:
    """Whether a verb of duration (持续, 历时) just before makes 年/个月 a measured time, not a frame."""
    back = text[max(0, pos - 6) : pos]
    return any(v in back for v in _DURATION_VERBS)


def _chinese_numeral_ok(num: str, has_qual: bool, unit: str | None, after: str = "") -> bool:
    """Chinese numerals are facts only in unambiguous shapes (三千余人, 一百二十场, 近千人, 百余名), or
    counting what they follow or a place (示范基地五个，家长学校十所。深入八个镇), ``after`` being the
    character after the unit."""
    if "点" in num:
        return True  # 一点二亿元: a decimal is never a name, a date or a list's count
    structural = [c for c in num if c in STRUCTURAL_CHARS]
    if len(num) < 2 and num in _FINANCIAL_DIGITS:
        return False  # 陆, 伍 alone are names (陆家, 伍家), never a sum written out in financial forms
    lone = len(num) == 1 and num in "两二三四五六七八九十" and bool(unit)
    if lone and (after in _PHRASE_ENDS or (after in _PLACES_COUNTED and num != "十")):
        return True
    if not structural:
        # 三八, 五一, 二〇二三: names and dates; a lone digit (一个, 五类, 六项) is a list count at most,
        # unless it counts people, households or sessions (九名, 一户 is no less a figure than 9名)
        # (but 一名, 一位 alone introduce a person, as an article would: 一位家长说)
        one_person = num == "一" and unit in ("名", "位", "人")
        return len(num) == 1 and (has_qual and num != "一" or unit in _COUNTED_ONE_BY_ONE and not one_person)
    if len(structural) == len(num):
        if len(num) > 1:
            # 千万, 百万 alone are rhetorical (千万家庭); with a qualifier (逾十万人, 近十万名, 十万余人)
            # or as 十万 before a people unit they are counts
            return has_qual or (num[0] == "十" and unit in ("名", "人", "位", "人次", "户"))
        # 十, 百, 千, 万 alone are round words (万人大会, 千名巾帼; a table's unit cell 万人) unless
        # qualified (近千人, 逾万人)
        return has_qual
    return True


@cache
def _magnitude(mag: str) -> float:
    """``numerals.magnitude`` of the few magnitude words the patterns allow, remembered."""
    return magnitude(mag)


def _prefix(text: str, pats: _Patterns, start: int, chinese: bool) -> tuple[str, int] | None:
    """(qualifier written just before the number (超过, 约) or "", where the candidate starts), or
    None when what precedes rules the number out: a letter, digit or symbol (codes, 1+1), an ordinal
    (第3), a digit or numeral before a Chinese numeral (a numeral in a run)."""
    qb = ""
    if start and text[start - 1] in pats.qb_last_chars:
        m = pats.qualifier_before.search(text, max(0, start - 5), start)
        if m:
            qb, start = m.group(), m.start()
    prev = text[start - 1] if start else ""
    if prev and (
        prev in _NEIGHBOUR_BAD
        or prev == "每"  # 每千名儿童, 每10万人口: the denominator of a rate
        or (prev in _ORDINAL_LAST and _ordinal_before(text, start))
        or (chinese and (prev in _CN_BEFORE_BAD or prev.isdigit()))
    ):
        return None
    return qb, start


_NUMBERED_YEAR = re.compile(r"\d{1,2}\.(?:19|20)\d{2}")


def _unit_of(
    text: str, pats: _Patterns, m: re.Match[str], value: float, start: int, chinese: bool
) -> str | None:
    """The unit a quantity is counted in, or None when it is no fact: its unit starts a longer word
    (名单, 期间); a bare figure (page numbers, codes, a figure running into a code); a year (2020年)
    or a time frame (近3年, 前6个月). A bare 万/亿 figure is money in a money context; money units
    are counted in 元."""
    unit, end = m.group("unit"), m.end()
    if not unit:
        mag = m.group("mag")
        if not mag or (end < len(text) and text[end] in _NEIGHBOUR_BAD and text[end] not in "./·"):
            return None
        return "元" if ("个" in mag or _money_context(text, start, end)) else ""
    blockers = pats.unit_blockers.get(unit)
    if blockers and text.startswith(blockers, m.end(pats.unit_group[chinese])):
        return None
    decimal = "." in m.group("num")
    if decimal and unit == "年" and _NUMBERED_YEAR.fullmatch(m.group("num")):
        return None  # 1．2024年部分数据为快报数: a note's number before a year
    if unit in ("年", "个月") and (value >= 1000 or not (_duration_ok(text, start) or decimal)):
        return None  # 2020年, 近3年: a date or a time frame; 10.1年 (years of schooling) is measured
    if unit == "岁" and not (decimal or "寿命" in text[max(0, start - 12) : start]):
        return None  # 3岁以下儿童: an age bound; 80.47岁, 人均预期寿命78岁: a measured age
    return "元" if unit in pats.money_units else "人次" if unit == "人/次" else unit


def _minus_before(text: str, start: int) -> bool:
    """Whether a minus sign stands right before a figure: not a range's dash (2020-2023, 3-5人)."""
    return start >= 1 and text[start - 1] in "-−－" and not (start >= 2 and text[start - 2].isdigit())


def _qualifier(pats: _Patterns, qb: str, qa: str | None, qa2: str | None, tail: str | None) -> str:
    """The qualifier of the first qualifier word, in the order before the number, after it, after
    the magnitude, after the unit; ``exact`` when there is none."""
    if qb:
        return pats.before[qb.strip()]
    if qa or qa2:
        return pats.after[qa or qa2]
    return pats.tail[tail] if tail else "exact"


def _quantity(text: str, pats: _Patterns, m: re.Match[str], chinese: bool) -> _Candidate | None:
    """A match of the Arabic or Chinese pattern → candidate, or None when it is not a fact."""
    if chinese:
        num, qa, mag, qa2, unit, tail = m.group(*pats.chinese_groups)
        num2 = mag1 = None
    else:
        num, num2, qa, mag, qa2, unit, tail, mag1 = m.group(*pats.arabic_groups)
    prefix = _prefix(text, pats, m.start(), chinese)
    if prefix is None:
        return None
    qb, start = prefix
    if chinese and not _chinese_numeral_ok(
        num, bool(qb or qa or qa2 or tail), unit, text[m.end() : m.end() + 1]
    ):
        return None
    try:
        if chinese and mag and "亿" in num:
            # 十二亿三千余万元: the magnitude after the qualifier belongs to the part after 亿
            value = parse_chinese(num + mag)
        else:
            number = parse_chinese(num) if chinese else float(num.replace(",", "").replace(" ", ""))
            value = number * _magnitude(mag1 or mag or "")
    except ValueError:
        return None
    fact_unit = _unit_of(text, pats, m, value, start, chinese)
    if fact_unit is None or not value:
        return None
    if not qb and _minus_before(text, start):
        start, value = start - 1, -value  # 人口自然增长率为-2.12‰
    # a range (3-5天, 1万-2万元) is one fact: the lower value, qualifier over
    qualifier = "over" if num2 else _qualifier(pats, qb, qa, qa2, tail)
    # rounded against float noise (1.2 × 1e8); a whole number is what rounding would give
    value = value if value.is_integer() else round(value, 6)
    return _Candidate(start, m.end(), m.start(), value, fact_unit, qualifier, chinese)


def _percent(text: str, pats: _Patterns, m: re.Match[str]) -> _Candidate | None:
    """百分之三十, 百分之38.1, 三成, 九成以上 → candidate in %, or None."""
    num = m.group("num")
    tenths = m.re is pats.tenths
    chinese = not num[0].isdigit()
    prefix = _prefix(text, pats, m.start(), chinese)
    if prefix is None:
        return None
    qb, start = prefix
    try:
        value = parse_number(num) * (10 if tenths else 1)
    except ValueError:
        return None
    end = m.end()
    tail = next((w for w in pats.tail_words if text.startswith(w, end)), None)  # 百分之九十以上
    qualifier = _qualifier(pats, qb, None, None, tail)
    return _Candidate(start, end + len(tail or ""), m.start(), value, "%", qualifier, chinese)


def _find_candidates(text: str) -> list[_Candidate]:
    """Every quantity the patterns find that passes the checks around it, in text order; where two
    overlap, the first pass to take a number keeps it."""
    pats = _patterns()
    occupied = bytearray(len(text) + 1)
    found: list[_Candidate] = []
    # priority on overlaps: 百分之…, then Arabic figures, then Chinese numerals (万元 inside 1.2万元)
    passes = [(pats.arabic, False), (pats.chinese, True), (pats.tenths, None)]
    if "百分之" in text:
        passes.insert(0, (pats.percent, None))
    for rx, chinese in passes:
        for m in rx.finditer(text):
            if occupied[m.start()]:
                continue  # its number lies in a quantity already taken (万元 in 1.2万元): never kept
            c = _percent(text, pats, m) if chinese is None else _quantity(text, pats, m, chinese)
            if c is not None and occupied.find(1, c.num_start, c.end) < 0:
                occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
                found.append(c)
    found.sort(key=attrgetter("start"))
    return found


# -------------------------------------------------------------------------------------- document


@dataclass(frozen=True, slots=True)
class _Cuts:
    """Sorted positions of the boundary marks of a text, and the same list padded with -1 in front
    and the text's length behind: the stretch holding a position then starts after
    ``padded[bisect_left(marks, pos)]`` and ends at ``padded[bisect_left(marks, pos) + 1]``."""

    marks: list[int]
    padded: list[int]

    def starts(self, positions: Iterable[int]) -> list[int]:
        """Where the stretch holding each position starts: just after the last mark before it."""
        padded = self.padded
        return [padded[k] + 1 for k in map(bisect_left, repeat(self.marks), positions)]

    def ends(self, positions: Iterable[int]) -> list[int]:
        """Where the stretch holding each position ends: at the first mark at or after it."""
        padded = self.padded
        return [padded[k + 1] for k in map(bisect_left, repeat(self.marks), positions)]

    def around(self, s: int, e: int) -> tuple[int, int]:
        """The stretch around one [s, e)."""
        return self.starts((s,))[0], self.ends((e,))[0]


def _cuts(marks: list[int], size: int) -> _Cuts:
    """The cuts of a text of length ``size`` at the sorted positions ``marks``."""
    return _Cuts(marks, [-1, *marks, size])


@dataclass(frozen=True, slots=True)
class _Document:
    """What the filters and the metric ask about a document, built once: where its lines, sentences
    and clauses are cut, where quote marks open, and the non-fact patterns' search."""

    text: str
    lines: _Cuts
    sentences: _Cuts  # at newlines and 。！？!?
    clauses: _Cuts  # at the sentence marks and ，；;：: and a comma that is no thousands separator
    open_marks: list[int]
    non_fact: Callable[..., Iterator[re.Match[str]]]  # finditer of the non-fact patterns


_PAIRS = {"“": ("”", 40), "「": ("」", 40), "《": ("》", 80), "‘": ("’", 40), '"': ('"', 20)}
_MAX_WIDTH = max(w for _, w in _PAIRS.values())


_THOUSANDS = re.compile(r"\d{3}(?!\d)")  # after a comma: the comma groups thousands (1,200), no clause ends


def _document(text: str) -> _Document:
    """The per-document lookups, from the positions of the marks in the text (``marks``)."""
    newlines = marks.positions(text, "\n")
    sentence = marks.positions(text, "\n。！？!?")
    clause = [*sentence, *marks.positions(text, "，；;：:")]
    clause += [i for i in marks.positions(text, ",") if not _THOUSANDS.match(text, i + 1)]
    clause.sort()
    return _Document(
        text,
        _cuts(newlines, len(text)),
        _cuts(sentence, len(text)),
        _cuts(clause, len(text)),
        marks.positions(text, "".join(_PAIRS)),
        lexicons.non_fact_regex().finditer,
    )


def _quoted(doc: _Document, candidates: Sequence[_Candidate]) -> list[bool]:
    """For each candidate, whether its number sits inside a short quoted name (“四个一”) or a
    《title》 on its line. Only an opening mark at most ``_MAX_WIDTH`` before the number can open
    such a quote: the first one is found for every candidate by one ``bisect`` each. A share is never
    a name: a quoted one is a goal cited (保持在《纲要》"45%左右"的目标区间)."""
    marks = doc.open_marks
    sentinel = [*marks, len(doc.text)]  # no number starts after the end
    firsts = map(bisect_left, repeat(marks), [c.num_start - _MAX_WIDTH for c in candidates])
    return [
        c.unit != "%" and sentinel[k] < c.num_start and _in_quotes(doc, k, c.num_start, c.end)
        for k, c in zip(firsts, candidates, strict=True)
    ]


def _in_quotes(doc: _Document, k: int, s: int, e: int) -> bool:
    """Whether [s, e) sits inside a quote opened by one of the marks ``open_marks[k:]`` before ``s``."""
    marks, text = doc.open_marks, doc.text
    # only the kinds of mark that occur before the number can open a quote around it
    kinds = {text[marks[k]]}
    k += 1
    while k < len(marks) and marks[k] < s:
        kinds.add(text[marks[k]])
        k += 1
    for open_mark in kinds:
        close_mark, width = _PAIRS[open_mark]
        o = text.rfind(open_mark, max(0, s - width), s)
        if o < 0:
            continue
        if open_mark == close_mark:
            if text.count(open_mark, doc.lines.around(s, s)[0], s) % 2 == 0:
                continue
        elif text.find(close_mark, o + 1, s) >= 0:
            continue  # closed before the number
        c = text.find(close_mark, e, e + width)
        if c >= 0 and "\n" not in text[o:c] and (c - o) <= width + 2:
            return True
    return False


def _non_facts(doc: _Document, candidates: list[_Candidate]) -> list[bool]:
    """For each candidate, whether its number overlaps a non-fact pattern (names, idioms, contacts)
    found within 10 characters either side of it."""
    text, finditer = doc.text, doc.non_fact
    found = []
    for c in candidates:
        s, e = c.num_start, c.end
        overlaps = False
        for m in finditer(text, s - 10 if s > 10 else 0, e + 10):  # an end past the text is its end
            if m.end() > s:  # matches come in order and do not overlap: the first to end after s decides
                overlaps = m.start() < e
                break
        found.append(overlaps)
    return found


def _accepted(doc: _Document, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates that are facts: not in a quoted name, not on a non-fact pattern, not on a
    boilerplate line (each line holding a candidate is judged once)."""
    text = doc.text
    unquoted = [c for c, quoted in zip(candidates, _quoted(doc, candidates), strict=True) if not quoted]
    kept = [c for c, non_fact in zip(unquoted, _non_facts(doc, unquoted), strict=True) if not non_fact]
    line_starts = doc.lines.starts([c.num_start for c in kept])
    lines = set(line_starts)
    is_boilerplate = lexicons.boilerplate_line()
    boilerplate = {s: is_boilerplate(text[s:e]) for s, e in zip(lines, doc.lines.ends(lines), strict=True)}
    return [c for c, s in zip(kept, line_starts, strict=True) if not boilerplate[s]]


# ---------------------------------------------------------------------------------------- metric


@dataclass(frozen=True)
class _Fillers:
    lead: re.Pattern[str]
    trail: re.Pattern[str]
    lead_first: frozenset[str]  # characters a leading filler can start with
    trail_last: frozenset[str]  # characters a trailing filler can end with


@lru_cache(maxsize=1)
def _fillers() -> _Fillers:
    lead, trail, keep = lexicons.metric_fillers()
    edge = re.escape(_EDGE_PUNCT)
    return _Fillers(
        re.compile(rf"^(?:(?!{_trie(keep)})(?:[{edge}]|{_trie(lead)}))+"),
        re.compile(rf"(?:[{edge}]|{_trie(trail)})+$"),
        frozenset(_EDGE_PUNCT) | {w[0] for w in lead},
        frozenset(_EDGE_PUNCT) | {w[-1] for w in trail} | {"\n"},
    )  # $ also matches before \n


def _strip_fillers(*phrases: str) -> list[str]:
    """The phrases without filler words and punctuation at both ends (累计, 共, 截至目前 … 达到, 为);
    the first and last characters tell whether a regex needs to run at all."""
    f = _fillers()
    stripped = []
    for phrase in phrases:
        if phrase and phrase[0] in f.lead_first:
            phrase = f.lead.sub("", phrase, count=1)
        if phrase and phrase[-1] in f.trail_last:
            phrase = f.trail.sub("", phrase, count=1)
        stripped.append(phrase)
    return stripped


def _without(text: str, base: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (starting at ``base``) with the given absolute spans cut out."""
    out, pos = [], base
    for s, e in spans:
        if e <= pos or s >= base + len(text):
            continue
        out.append(text[pos - base : max(pos, s) - base])
        pos = max(pos, e)
    out.append(text[pos - base :])
    return "".join(out)


def _cut_before(phrase: str, limit: int) -> str:
    """The last ``limit`` chars of a longer phrase, widened so that a quoted name is not cut in half."""
    cut = len(phrase) - limit
    opened = phrase.rfind("“", 0, cut)
    if opened >= 0 and phrase.find("”", opened) >= cut:
        cut = opened
    return phrase[cut:]


def _cut_after(phrase: str, limit: int) -> str:
    """The first ``limit`` chars of a longer phrase, widened to the end of a quoted name left open."""
    head = phrase[:limit]
    if head.count("“") > head.count("”"):
        close = phrase.find("”", limit)
        if 0 <= close < limit + 16:
            return phrase[: close + 1]
    return head


_GAP = re.compile(r"[ \t\u3000]+(?=[\u4e00-\u9fff“])")


def _parts(text: str, facts: list[_Candidate], idx: int, cs: int, ce: int) -> tuple[str, str]:
    """(before, noun) of fact ``idx`` in its clause [cs, ce): the verb-object before the number,
    earlier quantities of the clause cut out, dates and fillers dropped, at most 30 characters; and
    the counted noun after it, up to the next fact, at most 20 characters, nothing when the text goes
    on to list more (、和及, 以及, 其中). Both are widened to keep a quoted name whole."""
    c = facts[idx]
    first = idx
    while first > 0 and facts[first - 1].start >= cs:
        first -= 1  # the earlier facts of the clause
    before = text[cs : c.start]
    if first < idx and (own := _row_item(text, cs, facts[idx - 1], c)):
        before = own  # 独山子区：红旗手6名、红旗集体3个: this item's noun under the row's label
    elif first < idx and all(
        _LIST_JOINERS.issuperset(text[a.end : b.start]) for a, b in pairwise(facts[first : idx + 1])
    ):
        before = text[cs : facts[first].start]  # 分别为218份、264份和406份: what the list's first says
    elif first < idx:
        before = _without(before, cs, [(f.start, f.end) for f in facts[first:idx]])
    if "月" in before or "年" in before:  # every date pattern holds one of them
        before = _DATE_IN_METRIC.sub("", before)
    nxt = facts[idx + 1].start if idx + 1 < len(facts) and facts[idx + 1].start < ce else ce
    noun = text[c.end : nxt]
    if (gap := _GAP.search(noun)) is not None:
        noun = noun[: gap.start()]  # a headline's halves set apart by a space: the next half is no noun
    if noun.startswith(("、", "和", "及", "以及", "其中")):
        noun = ""
    elif len(noun) > 20:
        noun = _cut_after(noun, 20)
    before, noun = _strip_fillers(before, noun)
    return (before if len(before) <= 30 else _cut_before(before, 30)), noun


# a row's label, the whole of its line (or of its sentence) up to the colon: a place, a unit, a kind
_ROW_LABEL = re.compile(r"(?:^|(?<=[\n。；;]))[ \t\u3000]*([^\d、，,；;：:。\n%％ \t\u3000]{2,8})$", re.M)
_NOT_A_LABEL = re.compile(r"[是有为下]$|如下|以下|工作$")


# a line that is a row by place (1. 宁德市：…, 福兴满族乡：…): its label before the colon
_ROW_HEAD = re.compile(r"[ \t\u3000]*(?:\d{1,2}[.、．]\s*)?([^\d、，,；;：:。\n\s]{2,10})[：:]")


def _row_place(text: str, cs: int) -> str:
    """The place that labels the line a clause is in (宁德市：年度任务3400人次，完成3920人次; 1．朝天门街道：
    培训妇女112人次), when the label is a place's name and nothing else (a region, or a township's,
    street's or village's name) and the clause follows it; '' otherwise."""
    ls = text.rfind("\n", 0, cs) + 1
    m = _ROW_HEAD.match(text, ls)
    if m is None or cs < m.end():
        return ""
    label = m.group(1)
    if _is_local_place(label):
        return label
    found = regions.mentions_in(label)
    if not found or found[0].start != 0 or found[-1].end != len(label):
        return ""
    return label


def _row_item(text: str, cs: int, last: _Candidate, c: _Candidate) -> str:
    """A row of a flattened table, ``label：noun N、noun M``, names each item's noun under the row's label
    (独山子区：红旗手6名、红旗集体3个 → 独山子区红旗集体), not every noun of the row before it; '' for
    any other list. The label is the clause before the colon that opens the item's clause."""
    if not text.startswith("、", last.end) or cs < 2 or text[cs - 1] not in "：:":
        return ""
    label = _ROW_LABEL.search(text[max(0, cs - 12) : cs - 1])
    if label is not None and label.start() == 0 and cs > 12 and text[cs - 13] not in "\n。；;":
        label = None  # the window cut a longer sentence: no label
    own = text[last.end + 1 : c.start]
    if label is None or _NOT_A_LABEL.search(label.group(1)) or not own or any(ch.isdigit() for ch in own):
        return ""
    return label.group(1) + own


# a metric that says only how a figure changed (同比增长, 比上年增加): of what, the clause before says
_BARE_CHANGE = re.compile(
    r"(?:同比|环比|比上年|较上年|比去年|较去年|与上年相比|与去年相比|较上年同期|比去年同期|[比较]\d{4}年)(?:分别)?"
    r"(?:增长|增加|提高|下降|减少|降低|上升|提升|多|少)了?"
)
_BARE_CHANGE_AT_END = re.compile(f"(?:{_BARE_CHANGE.pattern})$")


_NUMBERISH = re.compile(r"\d+(?:\.\d+)?(?:/\d*万|‰|%)?")
_PLACE_TAIL = re.compile(r"(?:达到?|为|是|共|有)$")


# a village, community, township or street named as an item of a list by place (其中烟灯堡村58户、擂鼓台村
# 46户): places below a county, which the table of divisions does not list. A name counts as one only
# where two or more such items stand in one sentence, each followed by its figure, so a kind of place
# counted once (命名精品村20个, 创建友好社区25个) is none
_LOCAL_END = re.compile(r"(?:村|社区|街道|镇|乡)(?=\d|[一二两三四五六七八九十])")
_LOCAL_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}(?:村|社区|街道|镇|乡)")
_ITEM_OPENS = frozenset("、，,；;：: \t\n（(。！？!?")
_NOT_LOCAL_PLACE = re.compile(
    r"[全各本该每新多个]|[一两三四五六七八九十]+(?:个|村|镇|乡|社区|街道)"  # 三个村, 两镇; not 九江镇
    r"|.*(?:行政|自然|示范|重点|农|城)(?:村|社区|镇|乡)$"
)


def _is_local_place(name: str) -> bool:
    """Whether a name is a whole village's, community's, township's or street's (烟灯堡村, 九江镇), not a
    kind or a count of them (行政村, 三个村)."""
    return bool(_LOCAL_NAME.fullmatch(name)) and not _NOT_LOCAL_PLACE.match(name)


_SENTENCE_END = re.compile(r"[。！？!?\n]")
_WHOLE_SCOPE = re.compile(r"^全(?:省|市|州|盟|县|区|旗|镇|乡|街道)")  # the whole's scope, not an item's


def _listed_local_places(text: str) -> frozenset[str]:
    """The names of places below a county that a text lists two or more to a sentence, each right
    before its figure and after a mark or 其中 (其中烟灯堡村58户、擂鼓台村46户). The scan looks for the
    place word before a figure, then back to the mark: a search for the mark first would try every
    character."""
    items: list[tuple[int, str]] = []
    for m in _LOCAL_END.finditer(text):
        end = m.end()
        lo = max(0, end - 9)
        k = end - 1
        while k >= lo and text[k] not in _ITEM_OPENS:
            k -= 1
        if k < lo and lo > 0:
            continue  # no mark within reach: not an item's name alone
        name = text[k + 1 : end].removeprefix("其中")
        if _is_local_place(name):
            items.append((k + 1, name))
    if len(items) < 2:
        return frozenset()
    stops = [m.start() for m in _SENTENCE_END.finditer(text)]
    per_sentence: dict[int, list[str]] = defaultdict(list)
    for start, name in items:
        per_sentence[bisect_left(stops, start)].append(name)
    return frozenset(name for names in per_sentence.values() if len(names) > 1 for name in names)


def _place_only(metric: str, listed: frozenset[str] = frozenset()) -> str:
    """The place a metric names and nothing else (保定市, 唐山市达, a listed 烟灯堡村): an item of a
    list by place, whose words the list's first item says; '' for any other metric."""
    name = _PLACE_TAIL.sub("", metric)
    return name if name in listed or regions.is_division_name(name) else ""


def _within(doc: _Document, facts: list[_Candidate], cs: int) -> str:
    """The whole a clause counts a part of, when the clause before it ends in 中 (受表彰的30名三八红旗手中，
    来自基层一线的有19名; 在10392件离婚纠纷中，原告为女性的7139件): that clause without its figures
    (受表彰的三八红旗手中); '' for any other clause."""
    text = doc.text
    if cs < 2 or text[cs - 1] not in "，," or text[cs - 2] != "中":
        return ""
    pcs = doc.clauses.around(cs - 1, cs - 1)[0]
    spans = [(f.start, f.end) for f in facts if pcs <= f.start and f.end <= cs - 1]
    whole = _without(text[pcs : cs - 1], pcs, spans).lstrip("在")
    # (not a plan's indicators: 可监测的指标中，达标48项 counts the indicators met, as the part says)
    return whole if 2 < len(whole) <= 16 and "指标" not in whole else ""


def _listed_place(metric: str, listed: frozenset[str] = frozenset()) -> str:
    """A metric that runs on over a list by place (检查目标完成率石家庄市达、唐山市, the earlier items'
    figures cut out) as the list's first item says it, at the last place (检查目标完成率唐山市达);
    a list of places alone (烟灯堡村、擂鼓台村) is its last place."""
    if "、" not in metric or "分别" in metric:
        return metric
    first, *rest = metric.split("、")
    if not all(_place_only(part, listed) for part in rest):
        return metric
    last = _place_only(rest[-1], listed)
    return last if _place_only(first, listed) else _at_place(first, last) or metric


def _list_item(metric: str, listed: frozenset[str]) -> tuple[str, bool, bool]:
    """(place, rest, local) of a metric: the place it names alone ('' if none), whether that is the
    rest of a list by place (其余各村合计34户: the places not named), and whether it is an item or
    the rest of a list of places below a county (its words then come without the items' places)."""
    rest = bool(marks.REST_OF_LIST.fullmatch(metric))
    place = metric if rest else _place_only(metric, listed)
    return place, rest, rest or place in listed


def _without_places(metric: str) -> str:
    """A metric with the names of places cut out (全市培训城乡妇女宁乡市 → 全市培训城乡妇女)."""
    for m in reversed(regions.mentions_in(metric)):
        metric = metric[: m.start] + metric[m.end :]
    return metric


def _at_place(borrowed: str, place: str) -> str:
    """An earlier item's metric with its place replaced by this item's (石家庄市发放 → 保定市发放);
    '' when it names no place."""
    found = regions.mentions_in(borrowed)
    if not found:
        return ""
    last = found[-1]
    return borrowed[: last.start] + place + borrowed[last.end :]


# a goal or quota stated beside the figure it is measured against: after the number (距离95%的规划目标,
# 高于4%的控制目标, 完成全年15万人任务的84%) or in brackets after its name (完成年度任务（15万人）)
_GOAL_NAME = r"(?:全年|年度|中期|终期|规划|控制|阶段性?|省定|市定|省级|市级)?(?:目标任务|目标|任务)"
_GOAL_AFTER = re.compile(rf"的?({_GOAL_NAME})")
_GOAL_BRACKET = re.compile(rf"({_GOAL_NAME}数?)[（(](?:为|是|达到)?$")


def _goal_of(
    text: str, facts: list[_Candidate], metrics: list[str], sentence_starts: list[int], i: int
) -> str:
    """The metric of a goal stated beside the figure it is measured against (学前三年毛入园率为93.5%，…
    距离95%的规划目标尚差: 学前三年毛入园率规划目标): what the last earlier figure of its sentence in
    the same unit measures, and the goal's name; '' for any other figure."""
    c = facts[i]
    m = _GOAL_AFTER.match(text, c.end)
    if m is None and text.startswith(("）", ")"), c.end):
        m = _GOAL_BRACKET.search(text, max(0, c.start - 12), c.start)
    if m is None:
        return ""
    name = m.group(1)
    for j in range(i - 1, -1, -1):
        if sentence_starts[j] != sentence_starts[i]:
            break
        if facts[j].unit == c.unit and metrics[j] and "目标" not in metrics[j] and "任务" not in metrics[j]:
            return metrics[j] + name
    return ""


# a programme named in the clause just before a figure's (实施“春蕾计划”，资助困难女童85名; 持续推进“美丽庭院”
# 创建，新增示范户420户): the programme identifies what the figure counts, as the spec keeps it. Only a
# programme's name (a plan, a project, a campaign, a loan product), not a slogan (“巾帼心向党·奋进新征程”)
_QUOTED_PROGRAMME = r"[“\"「]([^”\"」“「·•\s]{2,12})[”\"」]"  # a programme's name in quotes
_PROGRAMME_CLAUSE = re.compile(
    r"(?:^|[，,；;：:])[^，,；;：:“”\"「」]{0,6}?(?:实施|推进|开展|推广|深化|启动|举办|办好)"
    + _QUOTED_PROGRAMME
    + r"[^，,；;：:“”\"「」]{0,8}[，,]\s*$"
)
_PROGRAMME_NAME = re.compile(r"(?:计划|工程|行动|项目|庭院|贷|两癌)$")
_PROGRAMME_CLAUSE_EARLIER = re.compile(
    r"(?:实施|推进|开展|推广|深化|启动|举办|办好|落实)" + _QUOTED_PROGRAMME + r"[^。；;“”\"「」]{0,24}?[，,]"
)


def _programme_of(text: str, ss: int, cs: int, metric: str) -> str:
    """The programme named by the clause right before a figure's clause, quoted as written, when the
    figure's metric names none; '' otherwise."""
    if "“" in metric or '"' in metric or "「" in metric or cs <= ss:
        return ""
    lo = max(ss, cs - 40)
    m = _PROGRAMME_CLAUSE.search(text[lo:cs])  # its own string: ^ is the sentence's start, or a cut
    if m is not None and lo > ss and m.start() == 0 and text[lo] not in "，,；;：:":
        m = None
    if m is None and len(metric) <= 4:
        # a bare measure (资助金额共计96万元) after the programme's clause and its first figure: 实施“春蕾
        # 计划”，资助困难女童640名，资助金额…
        m = _PROGRAMME_CLAUSE_EARLIER.search(text, ss, cs)
    if m is None or not _PROGRAMME_NAME.search(m.group(1)) or m.group(1) in metric:
        return ""
    return f"“{m.group(1)}”"


# a share of a task done that names no doer (完成年度任务（3000人次）的109.0%: its goal's figure cut out)
_DONE_TAIL = re.compile(r"(?:已|共)?完成$")
_TASK_SHARE = re.compile(r"完成[^，,。；;]{0,12}?(?:任务|目标|计划)(?:[（(][）)])?")


def _task_of(
    facts: list[_Candidate], metrics: list[str], sentence_starts: list[int], i: int, metric: str
) -> str:
    """培训妇女3270人次，完成年度任务（3000人次）的109.0%: a share of a task done measures what the last
    earlier figure of its sentence counts, in the unit of the goal in brackets before the share if there
    is one (培训妇女完成年度任务); '' for any other figure."""
    if facts[i].unit != "%" or not _TASK_SHARE.fullmatch(metric):
        return ""
    earlier = _earlier_in_sentence(sentence_starts, i)
    goal_unit = facts[earlier[-1]].unit if earlier and metric.endswith(("（）", "()")) else ""
    for j in reversed(earlier[:-1] if goal_unit else earlier):
        if facts[j].unit == "%" or (goal_unit and facts[j].unit != goal_unit):
            continue
        done = _DONE_TAIL.sub("", metrics[j])  # 已完成 + 完成年度任务: said once
        if done and not any(word in done for word in ("任务", "目标", "计划")):
            return done + metric.rstrip("（）()")
    return ""


def _says_verb(borrowed: str, verb: str) -> bool:
    """Whether borrowed words hold a bare verb already (…放款 / 放款; 受理家事案件 / 受理), not as part
    of a noun (举办培训班 / 培训: the trainees, not the classes)."""
    at = borrowed.rfind(verb) if verb else -1
    return at >= 0 and not borrowed.startswith(("班", "会", "课", "站", "点"), at + len(verb))


def _whole_before(
    text: str, facts: list[_Candidate], counted: list[str], sentence_starts: list[int], i: int
) -> str:
    """What the whole a sentence opening with 其中 lists by place counts (…新创建示范户2140户，全年目标
    3500户，已完成61.1%。其中孙铁铺镇326户、…): the first figure in the same unit of the sentence before,
    or of the one before that when the sentence before is itself a part (其中，父母双方均外出务工的…)."""
    j = i - 1
    while j >= 0 and sentence_starts[j] == sentence_starts[i]:
        j -= 1
    if j < 0:
        return ""
    unit, ss = facts[i].unit, sentence_starts[j]
    if text.startswith("其中", ss):
        k = j
        while k >= 0 and sentence_starts[k] == ss:
            k -= 1
        if k >= 0:
            j, ss = k, sentence_starts[k]
    found = next((counted[k] for k in range(j + 1) if sentence_starts[k] == ss and facts[k].unit == unit), "")
    if found or not _FRAMING.match(text, sentence_starts[i]):
        return found
    # a breakdown by place (分县区看，清江浦区412名、…) may follow a sentence on something else (全市康复救助
    # 定点机构47家): the nearest sentence of its paragraph before that opens with a figure in its unit,
    # not a part's (其中孤独症儿童538名…)
    para = text.rfind("\n", 0, sentence_starts[i]) + 1
    for k in range(j, -1, -1):
        if sentence_starts[k] < para:
            break
        opens = k == 0 or sentence_starts[k - 1] != sentence_starts[k]
        if opens and facts[k].unit == unit and not text.startswith("其中", sentence_starts[k]):
            return counted[k]
    return ""


# a breakdown's lead-in: what the figures after it are broken down by (分乡镇看, 从各县区来看, 按类型分)
_FRAMING = re.compile(r"(?:分|按|从|就)[^，,。；;：:]{1,8}?(?:来看|看|统计|分|而言)")


def _same_unit_before(
    facts: list[_Candidate], metrics: list[str], sentence_starts: list[int], i: int, borrowed: str
) -> str:
    """The metric of the last earlier figure of the sentence in fact i's unit, when what fact i borrowed
    is the metric of the figure right before it in another unit; '' otherwise."""
    earlier = _earlier_in_sentence(sentence_starts, i)
    if not earlier or metrics[earlier[-1]] != borrowed or facts[earlier[-1]].unit == facts[i].unit:
        return ""
    return next((metrics[j] for j in reversed(earlier) if facts[j].unit == facts[i].unit), "")


def _breakdown_head(
    text: str, facts: list[_Candidate], counted: list[str], sentence_starts: list[int], i: int, metric: str
) -> str:
    """分地区看，沭阳县发放1.38亿元，泗洪县0.97亿元: a breakdown's first item names its place and a bare
    verb; it counts what the whole before it counts, at its place (沭阳县协调发放妇女创业担保贷款), when
    the whole says that verb; '' otherwise."""
    found = regions.mentions_in(metric)
    if not found or found[0].start != 0 or not 0 < len(metric) - found[-1].end <= 3:
        return ""
    verb = metric[found[-1].end :]
    whole = _whole_before(text, facts, counted, sentence_starts, i)
    if not whole or verb not in whole:
        return ""
    return metric[: found[-1].end] + _WHOLE_SCOPE.sub("", whole)


_PART_LEAD = re.compile(r"其中[:：]\s*$")


def _borrowed(doc: _Document, ends: list[int], reach: list[int], metrics: list[str], ss: int, cs: int) -> str:
    """What a metric that is a bare verb (受益7.55万人次) takes from the clause before: the metric of
    the last earlier fact ending in the same sentence (which starts at ``ss``), else the tail of the
    previous clause. ``metrics`` are those of the earlier facts, ``ends`` their ends and ``reach[j]``
    the largest end among facts 0…j."""
    j = len(metrics) - 1
    while j >= 0 and reach[j] > ss and ends[j] <= ss:
        j -= 1  # the last earlier fact that ends inside this sentence, if any
    pcs = doc.clauses.around(cs - 1, cs - 1)[0] if cs > ss + 1 else cs
    if ss < pcs and _PART_LEAD.match(doc.text, pcs, cs):
        # 共评选星级户287户，其中：金叵罗村46户: a bare 其中： says nothing of what the parts count
        pcs = doc.clauses.around(pcs - 1, pcs - 1)[0]
    # the earlier fact's metric, unless a clause without figures comes between them and says what
    # this one counts (…永济市1.3万人，其中平陆县完成率最高，达108.5%)
    if j >= 0 and reach[j] > ss and ends[j] > pcs:
        return metrics[j]
    if cs > ss + 1:
        # a figure the clause states that is no fact of its own (死亡率为7.77/10万) says nothing of what
        said = _strip_fillers(_NUMBERISH.sub("", _DATE_IN_METRIC.sub("", doc.text[pcs : cs - 1])))[0]
        if _FRAMING.fullmatch(said):
            return ""  # 分乡镇看，思恩镇112笔: a breakdown's lead-in says what it is by, not what it counts
        cut = max(0, len(said) - 12)
        if cut:  # not through a place's name (融水苗族自治县事实无人抚养儿童最多，为468名)
            cut = next((m.start for m in regions.mentions_in(said) if m.start < cut < m.end), cut)
        return said[cut:]
    return ""


def _in_row(
    text: str, facts: list[_Candidate], metrics: list[str], i: int, cs: int, metric: str, noun: str
) -> str:
    """A figure's metric where its line is a row: a cell's own words under the row's label (蓬江区　开发
    612 个　吸纳 540 人), and each figure of a row by place at its place (1. 宁德市：年度任务3400人次，
    完成3920人次)."""
    if cell := _cell_of_row(text, facts, i, cs):
        label, own = cell
        metric = label + (_object_of(text, own, metrics, facts, i) or own + noun)
    if (label := _row_place(text, cs)) and label not in metric:
        metric = label + metric
    return metric


# a row of cells set apart by spaces, its label first: 蓬江区　开发 612 个　吸纳 540 人
_CELL_ROW_LABEL = re.compile(r"[ \t\u3000]*([^\d\s、，,；;：:。“”]{2,10})[ \t\u3000]+")
_CELL_WORDS = re.compile(r"[\u4e00-\u9fff]{1,6}")
_CELL_GAP = frozenset(" \t\u3000")


def _cell_of_row(text: str, facts: list[_Candidate], i: int, cs: int) -> tuple[str, str] | None:
    """(the row's label, the cell's own words) of a figure in a row of cells set apart by spaces
    (蓬江区　开发 612 个　吸纳 540 人: 蓬江区, 吸纳), not the words of every cell before it in the row;
    None for any other figure. The clause is the whole line, and each cell is a few words then its
    figure, after a gap."""
    ls = text.rfind("\n", 0, facts[i].start) + 1
    m = _CELL_ROW_LABEL.match(text, ls)
    if m is None or cs > ls or facts[i].start < m.end():
        return None
    prev = facts[i - 1] if i > 0 and facts[i - 1].start >= m.end() else None
    if prev is not None and text[prev.end : prev.end + 1] not in _CELL_GAP:
        return None
    own = text[prev.end if prev else m.end() : facts[i].start].strip(" \t\u3000")
    return (m.group(1), own) if _CELL_WORDS.fullmatch(own) else None


def _object_of(text: str, verb: str, metrics: list[str], facts: list[_Candidate], i: int) -> str:
    """What a cell's bare verb (吸纳) does, as a figure above the rows says it (截至2月底，全市累计开发
    “妈妈岗”3415个，吸纳2960名妇女就业: 吸纳妇女就业), from the verb on; '' when no figure of the row's line
    or the three lines before it says the verb (each row borrows it from the row above, the first from
    the figure the rows break down)."""
    if len(verb) > 2:
        return ""
    lo = text.rfind("\n", 0, facts[i].start) + 1
    for _ in range(3):
        lo = text.rfind("\n", 0, lo - 1) + 1 if lo else 0
    for j in range(i - 1, -1, -1):
        if facts[j].start < lo:
            break
        if (k := metrics[j].find(verb)) >= 0:
            return _BARE_CHANGE_AT_END.sub("", metrics[j][k:])  # 开发“妈妈岗”, not 比去年同期增加
    return ""


# -------------------------------------------------------------------------------------- category


_SCOPES = ("metric", "noun", "clause", "sentence")


class _Run(NamedTuple):
    """Rules next to each other in priority order that read the same scope.

    With ``needs_all`` false they are one-keyword rules and the first of ``keywords`` found in the
    text decides; with ``needs_all`` true it is one rule whose keywords must all occur (``家庭&关爱``
    in category_keywords.csv). ``categories`` maps each keyword to the category of its first rule.
    """

    scope: int
    keywords: tuple[str, ...]
    categories: dict[str, str]
    needs_all: bool


class _UnitRules(NamedTuple):
    """The category rules that apply to one unit, as runs tried in priority order, and the
    category when none matches (a rule without keywords, else ``other``)."""

    runs: tuple[_Run, ...]
    default: str


def _unit_class(unit: str) -> str:
    info = lexicons.units().get(unit)
    return info.unit_class if info else ("money" if unit == "元" else "")


def _runs(rules: list[tuple[int, tuple[str, ...], str]]) -> tuple[tuple[_Run, ...], str]:
    """(scope, keywords, category) rules in priority order → runs, and the fallback category.

    A rule without keywords matches anything, so it ends the list; a one-keyword rule whose keyword
    an earlier rule of its run already has can never decide and is dropped.
    """
    groups: list[tuple[int, bool, dict[str, str]]] = []
    default = "other"
    for scope, keywords, category in rules:
        if not keywords:
            default = category
            break
        needs_all = len(keywords) > 1
        if needs_all or not groups or groups[-1][:2] != (scope, False):
            groups.append((scope, needs_all, {}))
        for keyword in keywords:
            groups[-1][2].setdefault(keyword, category)
    return tuple(_Run(scope, tuple(cats), cats, needs_all) for scope, needs_all, cats in groups), default


@lru_cache(maxsize=256)
def _unit_rules(unit: str) -> _UnitRules:
    """The rules of category_keywords.csv for this unit (its own, its class's and the general ones),
    highest priority first, grouped into runs.

    Categorising runs once per fact: grouping consecutive one-keyword rules of a scope lets a run be
    one plain loop of ``keyword in text`` tests instead of a walk over rule records.
    """
    unit_class = _unit_class(unit)
    rules = [
        (_SCOPES.index(r.scope) if r.scope in _SCOPES else 0, r.keywords, r.category)
        for r in lexicons.category_rules()
        if not r.unit_key or r.unit_key in (unit_class, unit)
    ]
    return _UnitRules(*_runs(rules))


# what may follow 等 without being what is counted: the list before it names kinds, places or parts
_KIND_WORDS = ("领域", "方面", "行业", "类型", "地区", "部门", "岗位", "环节")


def categorise(metric: str, unit: str, sentence: str = "", noun: str = "", clause: str = "") -> str:
    """Category of a fact: the highest-priority rule of category_keywords.csv that matches.

    Scopes: ``metric`` looks at the metric's head (after a list closed by 等, the part after 等 when
    it has two characters or more: in 特色种养、电子商务等培训 the fact counts 培训), ``noun`` at the
    counted noun right after the number, ``clause`` at the whole clause, ``sentence`` at the sentence
    (both the metric when empty). The rules are tried run by run, in priority order.
    """
    head = metric[metric.rfind("等") + 1 :]
    if len(head) < 2 or head.startswith(_KIND_WORDS):
        head = metric  # 来自制造业、数字经济等领域: the list names kinds of something the metric says
    scopes = (head, noun, clause or metric, sentence or metric)
    rules = _unit_rules(unit)
    for scope, keywords, categories, needs_all in rules.runs:
        text = scopes[scope]
        if not needs_all:
            for keyword in keywords:
                if keyword in text:
                    return categories[keyword]
        elif all(map(text.__contains__, keywords)):
            return categories[keywords[0]]
    return rules.default


# money a budget or its final accounts lists that is given to people (救助, 资助), not the body's own
_GIVEN = re.compile(r"救助|资助|补助|慰问|春蕾|帮扶|捐|奖补|助学")


def budget_spending(facts: list[dict], title: str) -> list[dict]:
    """In a budget or its final accounts (by the title), the body's own spending (运行维护费, 差旅费,
    家庭教育项目经费) is no fund raised or given: `other`, unless the line gives money to people
    (困难妇女救助资金). Applied after the category model, which reads the metric alone."""
    if marks.BUDGET_TITLE.search(title):
        for f in facts:
            if f["category"] == "funds" and not _GIVEN.search(f["metric"]):
                f["category"] = "other"
    return facts


# ------------------------------------------------------------------------------------------ entry


def _original_spans(norm: Normalised, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """The original spans of non-empty normalised spans: the same when normalising removed nothing."""
    if norm.identity:
        return starts, ends
    spans = [norm.to_original(s, e) for s, e in zip(starts, ends, strict=True)]
    return [s for s, _ in spans], [e for _, e in spans]


def _metrics(
    doc: _Document, facts: list[_Candidate], clauses: list[tuple[int, int]], sentence_starts: list[int]
) -> tuple[list[str], list[str]]:
    """(metric, noun) of each fact: the verb-object before the number plus the counted noun after
    it, or, when that is a bare verb, what it borrows from the clause before."""
    ends = [c.end for c in facts]
    reach = list(accumulate(ends, max))
    metrics: list[str] = []
    nouns: list[str] = []
    # per fact, what its list counts without the item's place (全镇新创建示范户 for 烟灯堡村58户): an
    # item borrows it, not the item before it's metric, so places do not pile up down the list
    counted: list[str] = []
    listed = _listed_local_places(doc.text)
    for i, ((cs, ce), ss) in enumerate(zip(clauses, sentence_starts, strict=True)):
        before, noun = _parts(doc.text, facts, i, cs, ce)
        metric = before + noun
        metric = _within(doc, facts, cs) + _listed_place(metric, listed)
        place, rest, local = _list_item(metric, listed)
        whole = metric
        framed = _FRAMING.match(doc.text, ss)  # 分乡镇看，…: a breakdown by place
        if place:  # 石家庄市发放9.8亿元，保定市8.1亿元: the list's metric, at this item's place
            borrowed = _borrowed(doc, ends, reach, counted if local else metrics, ss, cs)
            if not local and (same := _same_unit_before(facts, metrics, sentence_starts, i, borrowed)):
                borrowed = same  # 发放贷款8.6亿元，扶持1.2万名妇女创业，其中银川市2.1亿元: the sum's
            if not borrowed and (framed or (local and doc.text.startswith("其中", ss))):
                borrowed = _whole_before(doc.text, facts, counted, sentence_starts, i)
            whole = borrowed = _without_places(borrowed) if rest else borrowed  # not the last item's
            at_place = place + _WHOLE_SCOPE.sub("", borrowed) if local else borrowed + metric
            metric = (not rest and _at_place(borrowed, place)) or at_place
        elif len(metric) <= 3 or _BARE_CHANGE.fullmatch(metric):
            borrowed = _borrowed(doc, ends, reach, metrics, ss, cs)
            if len(metric) > 3:  # 比上年下降0.71个百分点，比2020年下降10.7%: the level's words, one change
                borrowed = _BARE_CHANGE_AT_END.sub("", borrowed)
            # (a verb is not said twice: 放款73笔，放款1190万元)
            metric = whole = (
                borrowed if len(metric) <= 3 and _says_verb(borrowed, metric) else borrowed + metric
            )
        elif framed and (whole_at := _breakdown_head(doc.text, facts, counted, sentence_starts, i, metric)):
            metric = whole = whole_at
        if goal := _goal_of(doc.text, facts, metrics, sentence_starts, i):
            metric = whole = goal
        elif programme := _programme_of(doc.text, ss, cs, metric):
            metric = programme + metric
        elif task := _task_of(facts, metrics, sentence_starts, i, metric):
            metric = task
        metrics.append(_in_row(doc.text, facts, metrics, i, cs, metric, noun))
        counted.append(whole)
        nouns.append(noun)
    return metrics, nouns


# a goal quoted as the plan words it (超过《规划》“50%以上”的目标, 距离“达到95%以上”的目标)
_QUOTED_GOAL = re.compile(r"[”\"」』]\s*的[^，,。；;]{0,6}?目标")


def _quoted_goals(
    text: str, facts: list[_Candidate], sentence_starts: list[int], metrics: list[str]
) -> list[str]:
    """A goal quoted after a figure of its sentence (纯母乳喂养率为62.8%，超过《规划》“50%以上”的目标)
    is the goal of what the sentence's first figure measures: its metric is that one's + 目标."""
    out = list(metrics)
    for i, c in enumerate(facts):
        if _QUOTED_GOAL.match(text, c.end, c.end + 12) and (
            earlier := _earlier_in_sentence(sentence_starts, i)
        ):
            out[i] = metrics[earlier[0]] + "目标"
    return out


def _earlier_in_sentence(sentence_starts: list[int], i: int) -> list[int]:
    """The facts before fact i in its sentence, in text order (facts are in text order)."""
    j = i
    while j > 0 and sentence_starts[j - 1] == sentence_starts[i]:
        j -= 1
    return list(range(j, i))


# a list's columns named in its introduction (各县区受表彰情况如下（县区／三八红旗手／三八红旗集体）：)
_COLUMNS_NAMED = re.compile(
    r"[（(]([^（）()\n]{1,30}?(?:[／/][^（）()\n／/]{1,20}){2,})[）)]\s*[:：]?[ \t]*$", re.M
)
_ROW_END = re.compile(r"[；;。]?[ \t\u3000]*$")


# a metric that is only a comparison (比上年提高, 较上届增加, 同比增长): what changed is said before it
_COMPARISON_ONLY = re.compile(r"^(?:比|较|同比|环比)")
_COMPARISON = re.compile(r"比|较")


def _changes_of_levels(sentence_starts: list[int], metrics: list[str]) -> list[str]:
    """婚前医学检查率76.3%，比上年提高4.1个百分点: a change whose metric is only the comparison measures
    what the figure before it in its sentence measures (婚前医学检查率比上年提高)."""
    out = list(metrics)
    for i in range(1, len(metrics)):
        if sentence_starts[i] == sentence_starts[i - 1] and _COMPARISON_ONLY.match(metrics[i]):
            subject = _COMPARISON.split(out[i - 1], 1)[0]
            if subject:
                out[i] = subject + metrics[i]
    return out


def _headed_rows(text: str, facts: list[_Candidate], metrics: list[str]) -> list[str]:
    """The figures of the rows under an introduction that names the columns (县区／三八红旗手／三八红旗集体,
    then 兰山区　11名　6个；): each is of its row's label in its column's name (兰山区三八红旗手)."""
    out = list(metrics)
    starts = [c.start for c in facts]
    for header in _COLUMNS_NAMED.finditer(text):
        columns = [c.strip() for c in re.split("[／/]", header.group(1))]
        line_start = text.find("\n", header.end()) + 1
        while 0 < line_start < len(text):
            line_end = text.find("\n", line_start) % (len(text) + 1)
            members = list(range(bisect_left(starts, line_start), bisect_left(starts, line_end)))
            if not members or len(members) > len(columns) - 1 or line_end - line_start > 60:
                break  # the rows end at the first line that is no short row of figures
            label = text[line_start : facts[members[0]].start].strip(" \t\u3000")
            if not label or not _ROW_END.fullmatch(text, facts[members[-1]].end, line_end):
                break
            for column, i in zip(columns[1:], members, strict=False):
                out[i] = label + column
            line_start = line_end + 1
    return out


# the items a 分别 clause lists before it (赣州市、上饶市分别为…; A和B分别为…)
_LIST_ITEMS = re.compile(r"、|以及|和|及|与")


def _respectively(
    text: str,
    facts: list[_Candidate],
    clauses: list[tuple[int, int]],
    sentence_starts: list[int],
    metrics: list[str],
) -> list[str]:
    """The metrics of the figures of a 分别 clause, paired in order with what they are of.

    A clause ``X、Y分别为a和b`` lists before 分别 as many items as it has figures: each figure is of
    its item (at a place, the sentence's earlier metric at that place: 赣州市婴儿死亡率). A clause that
    lists nothing (``分别比上年增加a和b``, ``但较上年分别下降a和b``) is of the figures of its sentence
    just before it, in order, with its own words (城镇居民人均可支配收入比上年增加)."""
    out = list(metrics)
    i = 0
    while i < len(facts):
        k = i + 1
        while k < len(facts) and clauses[k] == clauses[i]:
            k += 1  # the facts of a clause are consecutive
        members, i = list(range(i, k)), k
        cs, at = clauses[members[0]][0], text.find("分别", clauses[members[0]][0], facts[members[0]].start)
        if len(members) < 2 or at < 0:
            continue
        (said,) = _strip_fillers(text[at + 2 : facts[members[0]].start])
        items = [item for item in _strip_fillers(*_LIST_ITEMS.split(text[cs:at])) if item]
        before = _earlier_in_sentence(sentence_starts, members[0])
        if len(items) == len(members):
            subject = marks.OWN_WHOLE.sub("", out[before[0]]) if before else ""  # not 全省婴儿死亡率
            if not before and _FRAMING.match(text, sentence_starts[members[0]]):
                # 分县区看，海州区、连云区分别新建24个、13个: of what the whole before counts
                whole = _whole_before(text, facts, metrics, sentence_starts, members[0])
                subject = _WHOLE_SCOPE.sub("", whole)
            for j, of in zip(members, _of_each(items, subject), strict=True):
                if of:
                    out[j] = of + ("" if said in of else said)
            continue
        if len(before) < len(members):
            continue
        (head,) = _strip_fillers(_CONJUNCTION.sub("", text[cs:at]))
        for j, k in zip(members, before[-len(members) :], strict=True):
            out[j] = out[k] + head + said
    return out


def _of_each(items: list[str], subject: str) -> list[str]:
    """What each item of a 分别 list is of ('' where that cannot be told). Items led by places share
    the words after the last place (萍乡市、鹰潭市毛入园率), else the sentence's subject at each
    place (赣州市、上饶市 after 全省婴儿死亡率…). Other items are whole when of like length
    (3岁以下儿童系统管理率和7岁以下儿童健康管理率); a short first item shares words with the last
    that cannot be told apart (城市社区、农村家长学校覆盖率), so none is said."""
    ends = [_place_end(item) for item in items]
    if all(ends):
        tail = items[-1][ends[-1] :]
        out = []
        for item, end in zip(items, ends, strict=True):
            place, own = item[:end], item[end:]
            out.append(place + (own or tail) if own or tail else _at_place(subject, place) or place + subject)
        return out
    lengths = [len(item) for item in items]
    return items if max(lengths) <= 1.5 * min(lengths) + 1 else [""] * len(items)


def _place_end(item: str) -> int:
    """Where the place an item of a list opens with ends (赣州市婴儿死亡率; 桂城街道, 大沥镇: a place below
    a county is the whole item), 0 when it opens with none."""
    found = regions.mentions_in(item)
    if found and found[0].start == 0:
        return found[0].end
    return len(item) if _is_local_place(item) else 0


# a conjunction opening a clause (但较上年分别下降…): no part of what it says
_CONJUNCTION = re.compile(r"^(?:但|而|并|且|同时|其中)")


def extract_facts(original: str, norm: Normalised, title: str = "") -> list[dict]:
    """Facts of one report, in text order (fields: see GUIDELINES.md plus sentence/start/end).

    The clauses and sentences of all facts are found together, then their metrics and categories,
    then their places in the original text. `title` (normalised) tells what a table by place counts
    (…培训任务的通知 over a table of counties' quotas in 人次)."""
    text = norm.text
    doc = _document(text)
    facts = _joined_ranges(text, _accepted(doc, _find_candidates(text)))
    # by where each cell ends: a sentence figure may leave out a sign written before it (≥92%)
    cells = {c.end: c for c in table_cells(text)}
    if cells:
        facts = _with_cells(text, facts, cells)
    _share_listed_units(text, facts)
    starts, ends = [c.start for c in facts], [c.end for c in facts]
    clauses = list(zip(doc.clauses.starts(starts), doc.clauses.ends(ends), strict=True))
    sentence_starts = doc.sentences.starts(starts)
    sentence_ends = [e + 1 if e < len(text) else e for e in doc.sentences.ends(ends)]  # with its end mark
    metrics, nouns = _metrics(doc, facts, clauses, sentence_starts)
    metrics = _respectively(text, facts, clauses, sentence_starts, metrics)
    metrics = _quoted_goals(text, facts, sentence_starts, metrics)
    metrics = _headed_rows(text, facts, metrics)
    metrics = _changes_of_levels(sentence_starts, metrics)
    if cells:  # a table cell's metric is its row label (and column), not the words around it
        metrics = [cells[c.end].metric if c.end in cells else m for c, m in zip(facts, metrics, strict=True)]
    categories = [
        categorise(metric, c.unit, _by_place(cells, c.end, title) + text[ss:se], noun, text[cs:ce])
        for c, metric, noun, (cs, ce), ss, se in zip(
            facts, metrics, nouns, clauses, sentence_starts, sentence_ends, strict=True
        )
    ]
    rows = [
        {
            "text": original[start:end],
            "value": c.value,
            "unit": c.unit,
            "qualifier": c.qualifier,
            "metric": metric,
            "category": category,
            "sentence": original[s_start:s_end].strip(),
            "start": start,
            "end": end,
        }
        for c, metric, category, start, end, s_start, s_end in zip(
            facts,
            metrics,
            categories,
            *_original_spans(norm, starts, ends),
            *_original_spans(norm, sentence_starts, sentence_ends),
            strict=True,
        )
    ]
    for c, row in zip(facts, rows, strict=True):
        cell = cells.get(c.end) if cells else None
        if cell is not None and cell.place:  # a column of a wider place (全省2023年): fulian.text.places
            row["place_word"] = cell.place
        if cell is not None and cell.quota:  # a quota without its year: fulian.text.periods dates it
            row["quota"] = True
        if cell is not None and cell.earlier:  # the same months years before (上年同期): periods dates it
            row["earlier"] = cell.earlier
        if cell is not None and cell.kind is not None:  # the table's header says what kind the cell is
            row["kind"] = cell.kind
            if cell.year_to is not None:  # and its years; else the periods reader dates it
                row.update(year_from=cell.year_from, year_to=cell.year_to)
    return rows


def _by_place(cells: dict[int, Cell], end: int, title: str) -> str:
    """The title, read with a cell of a table by place, whose row names only where (its line says
    nothing of what is counted); '' for any other figure. ``cells`` by where each ends."""
    cell = cells.get(end) if cells else None
    return title + "\n" if cell is not None and cell.by_place else ""


_LIST_JOINERS = frozenset("、和及与,， ")
_BARE_MAGNITUDE = re.compile("[万亿]")


_RANGE_BETWEEN = frozenset(("至", "到", "-", "~", "～", "—", "–", "－", "——"))


def _joined_ranges(text: str, facts: list[_Candidate]) -> list[_Candidate]:
    """A range that writes its unit on both ends (4800元至7500元, 1万元—2万元, 86.1%至94.4%) is one
    figure, as the spec reads a range: its lower bound, qualifier over. The patterns join a range
    only when the unit follows the second number alone (3-5天)."""
    joined: list[_Candidate] = []
    for c in facts:
        low = joined[-1] if joined else None
        if (
            low is not None
            and c.unit
            and c.unit == low.unit
            and low.qualifier == c.qualifier == "exact"
            and low.value < c.value
            and text[low.end : c.start].strip(" \t") in _RANGE_BETWEEN
        ):
            joined[-1] = _Candidate(low.start, c.end, low.num_start, low.value, low.unit, "over", low.chinese)
        else:
            joined.append(c)
    return joined


def _listed(text: str, c: _Candidate, nxt: _Candidate) -> bool:
    """Whether nxt is listed right after c (、, 和, a comma: at most two joining characters)."""
    between = text[c.end : nxt.start]
    return bool(between) and len(between) <= 2 and set(between) <= _LIST_JOINERS


def _share_listed_units(text: str, facts: list[_Candidate]) -> None:
    """Units a list passes on to its figures.

    分别下降0.19个、0.33个和0.37个千分点: a measure word 个 listed before the figure that names the unit
    (百分点, 千分点) counts in that unit too (from the last figure back, so a list passes it on).
    发放贷款2310笔、2.06亿, 分别发放1.93亿、1.52亿和1.40亿: a bare 万/亿 figure listed after a sum of money
    or a count of loans (笔) is money too (from the first figure on), also right after the count
    (思恩镇112笔1860万)."""
    for i in range(len(facts) - 2, -1, -1):
        c, nxt = facts[i], facts[i + 1]
        points = nxt.unit.startswith("个") and nxt.unit.endswith("分点")
        if c.unit == "个" and points and _listed(text, c, nxt):
            c.unit = nxt.unit
    for before, c in pairwise(facts):
        if (
            c.unit == ""
            and before.unit in ("元", "笔")
            and _BARE_MAGNITUDE.search(text, c.start, c.end)
            and (_listed(text, before, c) or (before.unit == "笔" and before.end == c.start))
        ):
            c.unit = "元"


def _runs_into_cell(text: str, f: _Candidate, cells: dict[int, Cell], ends: list[int]) -> bool:
    """Whether a sentence figure overlaps a cell and runs over a space beyond it."""
    k = bisect_right(ends, f.start)
    return (
        k < len(ends) and cells[ends[k]].start < f.end and ends[k] != f.end and " " in text[f.start : f.end]
    )


def _with_cells(text: str, facts: list[_Candidate], cells: dict[int, Cell]) -> list[_Candidate]:
    """The sentence facts and the table cells that no sentence fact overlaps, in text order; a
    sentence figure that runs into a cell over a space (cells set apart by single spaces read as one
    number with spaced thousands: 820 901 109.9%) gives way to the cells."""
    ends = sorted(cells)
    facts = [f for f in facts if not _runs_into_cell(text, f, cells, ends)]
    taken = bytearray(max(c.end for c in cells.values()) + 1)
    for f in facts:
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    added = [
        _Candidate(c.start, c.end, c.start, c.value, c.unit, c.qualifier, False)
        for c in cells.values()
        if taken.find(1, c.start, c.end) < 0
    ]
    return sorted(facts + added, key=attrgetter("start"))
