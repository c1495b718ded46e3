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

Speed (``make bench-extract``): every regex starts with a character class or literal so that the
engine scans instead of trying each position; per-document lookups (clause, sentence and line
bounds, quote marks) are computed once and searched with ``bisect``; the category rules of a unit
are grouped once into runs of keywords tried by a plain loop. None of this changes a result: the
seeds, their traditional, full-width, glossed and spaced versions give byte-identical output to the
plain implementation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from fulian.text import lexicons
from fulian.text.normalise import Normalised
from fulian.text.numerals import DIGITS, STRUCTURAL_CHARS, magnitude, parse_chinese, parse_number
from fulian.text.regions import trie_regex

_SP = r"[ \t]{0,2}"
# Thousands grouped by commas (1,200) or by single spaces (1 200, as some conversions write them).
_ARABIC = r"\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+)(?:\.\d+)?|\d+(?:\.\d+)?"
# The same language, tried in the same order, but starting with a plain \d so that the regex engine
# scans for a digit instead of trying the pattern at every position.
_ARABIC_HEAD = r"\d(?:\d{0,2}(?:(?:,\d{3})+|(?: \d{3})+)(?:\.\d+)?|\d*(?:\.\d+)?)"
_CN_CHARS = "零〇○一二两三四五六七八九十百千万亿"
_CN = rf"[{_CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
_CN_HEAD = rf"[{_CN_CHARS}][{_CN_CHARS}]*(?:点[零〇一二三四五六七八九]+)?"  # as _CN, engine-friendly
_MAG = r"个?(?:万亿|千万|百万|万|亿|千(?![克米瓦])|百(?!分))"
_RANGE_SEP = r"[-~～—–－至到]"
# ，；;。！？!?：:\n, and a comma that is not a thousands separator (1,000): one character class
# first, so the engine scans for it.
_CLAUSE_BOUNDARY = re.compile(r"[，；;。！？!?：:\n,](?:(?<=,)(?!\d{3}(?!\d))|(?<!,))")
_SENTENCE_BOUNDARY = re.compile(r"[。！？!?\n]")
# 2020年以来, 5月31日, 3月份: the first digit factored out of the alternatives (same matches, in the
# same order) so that the engine scans for a digit
_DATE_IN_METRIC = re.compile(
    r"\d(?:\d{3}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以来|底|初|末|中|上半年|下半年|全年)?|\d?月\d{1,2}日|\d?月(?:份|底|初)?)"
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
    "位居前",
    "位列前",
    "进入前",
    "名列前",
)
_CN_BEFORE_BAD = frozenset(DIGITS) | frozenset("十百千万亿")  # a Chinese numeral may not follow these
_START = re.Match.start


@dataclass(frozen=True)
class _Patterns:
    arabic: re.Pattern[str]
    chinese: re.Pattern[str]
    percent: re.Pattern[str]
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


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _trie(words) -> str:
    """``(?:_alt(words))`` shaped as a trie: the engine tries the same words at a position in the
    same order (the longest that fits first, then shorter ones) without walking every alternative."""
    return f"(?:{trie_regex(words)})"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The candidate regexes. Each starts on the number itself (so the engine can skip ahead fast);
    a qualifier written before the number is picked up afterwards by ``qualifier_before``."""
    q = lexicons.qualifiers()
    qa, tail = _trie(q["after"]), _trie(q["tail"])
    unit_words = lexicons.units()
    units = _trie(unit_words)
    # a candidate must end in a unit or a magnitude: fixed-width look-behind on their last characters
    enders = re.escape("".join(sorted({u[-1] for u in unit_words} | set("万亿千百"))))
    arabic = re.compile(
        rf"(?P<num>{_ARABIC_HEAD})"
        rf"(?:(?P<mag1>万|亿|千)?{_SP}(?P<rsep>{_RANGE_SEP}){_SP}(?P<num2>{_ARABIC}))?"
        rf"{_SP}(?P<qa>{qa})?{_SP}(?P<mag>{_MAG})?(?P<qa2>{qa})?{_SP}(?P<unit>{units})?(?<=[{enders}])"
        rf"(?P<tail>{tail})?"
    )
    chinese = re.compile(
        rf"(?P<num>{_CN_HEAD})(?P<qa>{qa})?(?P<mag>万|亿)?(?P<qa2>{qa})?"
        rf"{_SP}(?P<unit>{units})(?P<tail>{tail})?"
    )
    percent = re.compile(rf"百分之(?P<num>{_ARABIC}|{_CN})")
    qb = re.compile(rf"{_trie(q['before'])}[ \t]{{0,2}}$")
    ag = tuple(arabic.groupindex[g] for g in ("num", "num2", "qa", "mag", "qa2", "unit", "tail", "mag1"))
    cg = tuple(chinese.groupindex[g] for g in ("num", "qa", "mag", "qa2", "unit", "tail"))
    money = frozenset(u for u, info in unit_words.items() if info.unit_class == "money")
    return _Patterns(
        arabic,
        chinese,
        percent,
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


@dataclass
class _DocContext:
    """Per-document lookups built once: clause and sentence bounds, quote marks, boilerplate verdict
    per line."""

    text: str
    clause_bounds: list[int]
    sentence_bounds: list[int]
    open_marks: list[int]
    newlines: list[int]
    non_fact: Callable[..., Iterator[re.Match[str]]]  # finditer of the non-fact patterns
    boilerplate_lines: dict[int, bool] = field(default_factory=dict)
    fact_ends: list[int] = field(default_factory=list)  # ends of the accepted candidates


_PAIRS = {"“": ("”", 40), "「": ("」", 40), "《": ("》", 80), "‘": ("’", 40), '"': ('"', 20)}
_OPEN_MARK = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_MAX_WIDTH = max(w for _, w in _PAIRS.values())
_NEWLINE = re.compile("\n")


def _line_start(ctx: _DocContext, pos: int) -> int:
    """Start of the line holding ``pos`` (``text.rfind("\\n", 0, pos) + 1`` without the scan back)."""
    k = bisect_left(ctx.newlines, pos)
    return ctx.newlines[k - 1] + 1 if k else 0


# Positions of single characters are found one literal at a time (the engine's fast literal search)
# and merged: several times faster than one scan for a character class over CJK text, same lists.
_SENTENCE_MARKS = tuple((c, re.compile(re.escape(c))) for c in "。！？!?")  # with \n: _SENTENCE_BOUNDARY
_CLAUSE_MARKS = (*((c, re.compile(re.escape(c))) for c in "，；;：:"), (",", re.compile(r",(?!\d{3}(?!\d))")))
_OPEN_MARKS = tuple((c, re.compile(re.escape(c))) for c in _PAIRS)


def _context(text: str) -> _DocContext:
    newlines = list(map(_START, _NEWLINE.finditer(text)))
    sentence = newlines.copy()
    for c, rx in _SENTENCE_MARKS:
        if c in text:
            sentence += map(_START, rx.finditer(text))
    sentence.sort()
    clause = sentence.copy()  # _CLAUSE_BOUNDARY: the sentence marks plus these
    for c, rx in _CLAUSE_MARKS:
        if c in text:
            clause += map(_START, rx.finditer(text))
    clause.sort()
    marks = []
    for c, rx in _OPEN_MARKS:
        if c in text:
            marks += map(_START, rx.finditer(text))
    marks.sort()
    return _DocContext(text, clause, sentence, marks, newlines, lexicons.non_fact_regex().finditer)


def _in_quotes(ctx: _DocContext, s: int, e: int) -> bool:
    """Whether [s, e) sits inside a short quoted name (“四个一”) or a 《title》 on the same line."""
    marks = ctx.open_marks
    k = bisect_left(marks, s - _MAX_WIDTH)
    if k == len(marks) or marks[k] >= s:
        return False  # no opening mark close enough before the number
    text = ctx.text
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
            if text.count(open_mark, _line_start(ctx, s), s) % 2 == 0:
                continue
        elif text.find(close_mark, o + 1, s) >= 0:
            continue  # closed before the number
        c = text.find(close_mark, e, e + width)
        if c >= 0 and "\n" not in text[o:c] and (c - o) <= width + 2:
            return True
    return False


def _blocked(ctx: _DocContext, s: int, e: int) -> bool:
    """Overlaps a non-fact pattern (names, idioms, contacts) or lies on a boilerplate line."""
    text = ctx.text
    for m in ctx.non_fact(text, s - 10 if s > 10 else 0, e + 10):  # endpos past the end is the end
        if m.start() < e and s < m.end():
            return True
    k = bisect_left(ctx.newlines, s)
    line_start = ctx.newlines[k - 1] + 1 if k else 0
    verdict = ctx.boilerplate_lines.get(line_start)
    if verdict is None:
        line = text[line_start : ctx.newlines[k] if k < len(ctx.newlines) else len(text)]
        verdict = ctx.boilerplate_lines[line_start] = lexicons.boilerplate_line()(line)
    return verdict


def _money_context(text: str, start: int, end: int) -> bool:
    after, before = lexicons.money_context()
    head = text[end : end + 4]
    if any(head.startswith(w) for w in after):
        return True
    tail = text[max(0, start - 6) : start]
    return any(tail.endswith(w) or tail.endswith(w + "达") or tail.endswith(w + "为") for w in before)


def _ordinal_before(text: str, pos: int) -> bool:
    back = text[max(0, pos - 6) : pos].rstrip(" \t")
    return back.endswith(_ORDINAL_BEFORE)


def _duration_ok(text: str, pos: int) -> bool:
    back = text[max(0, pos - 6) : pos]
    return any(v in back for v in _DURATION_VERBS)


def _chinese_numeral_ok(num: str, has_qual: bool, unit: str | None) -> bool:
    """Chinese numerals are facts only in unambiguous shapes (三千余人, 一百二十场, 近千人, 百余名)."""
    structural = [c for c in num if c in STRUCTURAL_CHARS]
    if not structural:
        # 三八, 五一, 二〇二三: names and dates; a lone digit (一个, 五类, 六项) is a list count at most
        return len(num) == 1 and has_qual and num != "一"
    if len(structural) == len(num):
        if len(num) > 1:
            # 千万, 百万 alone are rhetorical (千万家庭); with a qualifier (逾十万人, 近十万名, 十万余人)
            # or as 十万 before a people unit they are counts
            return has_qual or (num[0] == "十" and unit in ("名", "人", "位", "人次", "户"))
        if num == "十":
            return has_qual
        return has_qual or (unit in ("名", "人", "位", "人次"))
    return True


_MAGNITUDES: dict[str, float] = {}


def _magnitude(mag: str) -> float:
    """``numerals.magnitude`` of the few magnitude words the patterns allow, remembered."""
    factor = _MAGNITUDES.get(mag)
    if factor is None:
        factor = _MAGNITUDES[mag] = magnitude(mag)
    return factor


def _quantity(text: str, pats: _Patterns, m: re.Match[str], chinese: bool) -> _Candidate | None:
    """A match of the Arabic or Chinese pattern → candidate, or None when it is not a fact."""
    if chinese:
        num, qa, mag, qa2, unit, tail = m.group(*pats.chinese_groups)
        num2 = mag1 = None
    else:
        # a range (3-5天, 1万-2万元) is one fact: the lower value, qualifier over
        num, num2, qa, mag, qa2, unit, tail, mag1 = m.group(*pats.arabic_groups)
    num_start, end = m.span()
    start = num_start
    qb = ""
    if start:
        prev = text[start - 1]
        if prev in pats.qb_last_chars:  # a qualifier written before the number (超过, 约)
            qbm = pats.qualifier_before.search(text, max(0, start - 5), start)
            if qbm:
                qb, start = qbm.group(), qbm.start()
                prev = text[start - 1] if start else ""
        # a letter, digit or symbol right before (codes, 1+1), an ordinal (第3), a numeral in a run
        if prev and (
            prev in _NEIGHBOUR_BAD
            or (prev in _ORDINAL_LAST and _ordinal_before(text, start))
            or (chinese and (prev in _CN_BEFORE_BAD or prev.isdigit()))
        ):
            return None
    if unit:
        blockers = pats.unit_blockers.get(unit)
        if blockers and text.startswith(blockers, m.end(pats.unit_group[chinese])):
            return None
    elif end < len(text):
        nxt = text[end]
        if nxt in _NEIGHBOUR_BAD and nxt not in "./·":
            return None
    if chinese and not _chinese_numeral_ok(num, bool(qb or qa or qa2 or tail), unit):
        return None
    try:
        number = parse_chinese(num) if chinese else float(num.replace(",", "").replace(" ", ""))
        value = number * _magnitude(mag1 or mag or "")
    except ValueError:
        return None
    if not unit:
        if not mag:
            return None  # a bare figure: page numbers, codes, years
        unit = "元" if ("个" in mag or _money_context(text, start, end)) else ""
    elif unit in ("年", "个月") and (value >= 1000 or not _duration_ok(text, start)):
        return None  # a year (2020年) or a time frame (近3年, 前6个月)
    elif unit in pats.money_units:
        unit = "元"
    if value == 0:
        return None
    if unit == "人/次":
        unit = "人次"
    if num2:
        qualifier = "over"
    elif qb:
        qualifier = pats.before[qb.strip()]
    elif qa:
        qualifier = pats.after[qa]
    elif qa2:
        qualifier = pats.after[qa2]
    elif tail:
        qualifier = pats.tail[tail]
    else:
        qualifier = "exact"
    return _Candidate(start, end, num_start, round(value, 6), unit, qualifier, chinese)


def _percent(text: str, pats: _Patterns, m: re.Match[str]) -> _Candidate | None:
    """百分之三十, 百分之38.1 → candidate, or None."""
    num = m.group("num")
    chinese = not num[0].isdigit()
    qb, start = "", m.start()
    if start and text[start - 1] in pats.qb_last_chars:
        qbm = pats.qualifier_before.search(text, max(0, start - 5), start)
        if qbm:
            qb, start = qbm.group(), qbm.start()
    if start:
        prev = text[start - 1]
        if (
            prev in _NEIGHBOUR_BAD
            or (prev in _ORDINAL_LAST and _ordinal_before(text, start))
            or (chinese and (prev in _CN_BEFORE_BAD or prev.isdigit()))
        ):
            return None
    try:
        value = parse_number(num)
    except ValueError:
        return None
    qualifier = pats.before[qb.strip()] if qb else "exact"
    end = m.end()
    tail = next((w for w in pats.tail_words if text.startswith(w, end)), None)
    if tail:  # 百分之九十以上
        end += len(tail)
        qualifier = qualifier if qb else pats.tail[tail]
    return _Candidate(start, end, m.start(), value, "%", qualifier, chinese)


def _find_candidates(text: str) -> list[_Candidate]:
    pats = _patterns()
    occupied = bytearray(len(text) + 1)
    found: list[_Candidate] = []
    # priority on overlaps: 百分之…, then Arabic figures, then Chinese numerals (万元 inside 1.2万元)
    passes = [(pats.arabic, False), (pats.chinese, True)]
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


# ---------------------------------------------------------------------------------------- metric


@dataclass(frozen=True)
class _Fillers:
    lead: re.Pattern[str]
    trail: re.Pattern[str]
    lead_first: frozenset[str]  # characters a leading filler can start with
    trail_last: frozenset[str]  # characters a trailing filler can end with


@lru_cache(maxsize=1)
def _fillers() -> _Fillers:
    lead, trail = lexicons.metric_fillers()
    edge = re.escape(_EDGE_PUNCT)
    return _Fillers(
        re.compile(rf"^(?:[{edge}]|{_trie(lead)})+"),
        re.compile(rf"(?:[{edge}]|{_trie(trail)})+$"),
        frozenset(_EDGE_PUNCT) | {w[0] for w in lead},
        frozenset(_EDGE_PUNCT) | {w[-1] for w in trail} | {"\n"},
    )  # $ also matches before \n


def _strip_fillers(phrase: str) -> str:
    """Drop filler words and punctuation at both ends (累计, 共, 截至目前 … 达到, 为)."""
    f = _fillers()
    if phrase and phrase[0] in f.lead_first:
        phrase = f.lead.sub("", phrase, count=1)
    if phrase and phrase[-1] in f.trail_last:
        phrase = f.trail.sub("", phrase, count=1)
    return phrase


def _clause(ctx: _DocContext, s: int, e: int) -> tuple[int, int]:
    bounds = ctx.clause_bounds
    k = bisect_left(bounds, s)
    start = bounds[k - 1] + 1 if k > 0 else 0
    k2 = k if e == s else bisect_left(bounds, e, k)
    end = bounds[k2] if k2 < len(bounds) else len(ctx.text)
    return start, end


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
    """Keep the last ``limit`` chars, widened so that a quoted name is not cut in half."""
    if len(phrase) <= limit:
        return phrase
    cut = len(phrase) - limit
    opened = phrase.rfind("“", 0, cut)
    if opened >= 0 and phrase.find("”", opened) >= cut:
        cut = opened
    return phrase[cut:]


def _cut_after(phrase: str, limit: int) -> str:
    """Keep the first ``limit`` chars, widened to the end of a quoted name left open."""
    if len(phrase) <= limit:
        return phrase
    head = phrase[:limit]
    if head.count("“") > head.count("”"):
        close = phrase.find("”", limit)
        if 0 <= close < limit + 16:
            return phrase[: close + 1]
    return head


def _parts(text: str, c: _Candidate, facts: list[_Candidate], idx: int, cs: int, ce: int) -> tuple[str, str]:
    """(before, after): the verb-object before the number and the counted noun after it, in the
    clause [cs, ce)."""
    fill = _fillers()
    first = idx
    while first > 0 and facts[first - 1].start >= cs:
        first -= 1
    if first < idx:
        before = _without(text[cs : c.start], cs, [(f.start, f.end) for f in facts[first:idx]])
    else:
        before = text[cs : c.start]
    if "月" in before or "年" in before:
        before = _DATE_IN_METRIC.sub("", before)
    if before:  # _strip_fillers, inlined: this runs for every fact
        if before[0] in fill.lead_first:
            before = fill.lead.sub("", before, count=1)
        if before and before[-1] in fill.trail_last:
            before = fill.trail.sub("", before, count=1)
        if len(before) > 30:
            before = _cut_before(before, 30)
    nxt = facts[idx + 1].start if idx + 1 < len(facts) and facts[idx + 1].start < ce else ce
    after = text[c.end : nxt]
    if after:
        if after[0] in "、和及" or after.startswith(("以及", "其中")):
            return before, ""
        if len(after) > 20:
            after = _cut_after(after, 20)
        if after[0] in fill.lead_first:
            after = fill.lead.sub("", after, count=1)
        if after and after[-1] in fill.trail_last:
            after = fill.trail.sub("", after, count=1)
    return before, after


def _borrowed(
    ctx: _DocContext, idx: int, metric: str, metrics: list[str], max_end: list[int], sent_start: int, cs: int
) -> str:
    """A metric that is a bare verb (受益7.55万人次) borrows what the clause before did: the metric of
    the last earlier fact ending in the same sentence, else the tail of the previous clause.
    ``metrics`` holds the metrics of the facts before ``idx``, ``max_end[i]`` the largest end among
    facts 0…i."""
    ends = ctx.fact_ends
    j = idx - 1
    while j >= 0 and max_end[j] > sent_start and ends[j] <= sent_start:
        j -= 1  # the last earlier fact that ends inside this sentence, if any
    if j >= 0 and max_end[j] > sent_start:
        return metrics[j] + metric
    if cs > sent_start + 1:
        pcs, _ = _clause(ctx, cs - 1, cs - 1)
        prev_clause = _strip_fillers(_DATE_IN_METRIC.sub("", ctx.text[pcs : cs - 1]))
        return prev_clause[-12:] + metric
    return metric


# -------------------------------------------------------------------------------------- category


_SCOPES = ("metric", "noun", "clause", "sentence")


class _Run(NamedTuple):
    """Rules next to each other in priority order that read the same scope.

    With ``needs_all`` false they are one-keyword rules and the first keyword (in priority order)
    found in the text decides; with ``needs_all`` true it is one rule whose keywords must all occur
    (``家庭&关爱`` in category_keywords.csv). ``categories`` maps each keyword to its rule's category.
    """

    scope: int
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


def _runs(rules: list[tuple[int, tuple[str, ...], str]]) -> tuple[list[_Run], str]:
    """(scope, keywords, category) rules in priority order → runs, and the fallback category.

    A rule without keywords matches anything, so it ends the list; a one-keyword rule whose keyword
    an earlier rule of its run already has can never decide and is dropped.
    """
    runs: list[_Run] = []
    for scope, keywords, category in rules:
        if not keywords:
            return runs, category
        if len(keywords) > 1:
            runs.append(_Run(scope, dict.fromkeys(keywords, category), needs_all=True))
        elif runs and runs[-1].scope == scope and not runs[-1].needs_all:
            runs[-1].categories.setdefault(keywords[0], category)
        else:
            runs.append(_Run(scope, {keywords[0]: category}, needs_all=False))
    return runs, "other"


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
    runs, default = _runs(rules)
    return _UnitRules(tuple(runs), default)


def _first_category(rules: _UnitRules, scopes: tuple[str, str, str, str]) -> str:
    """The category of the first rule (priority order) whose keywords occur in its scope's text."""
    for scope, categories, needs_all in rules.runs:
        text = scopes[scope]
        if needs_all:
            if all(k in text for k in categories):
                return next(iter(categories.values()))
            continue
        for keyword in categories:
            if keyword in text:
                return categories[keyword]
    return rules.default


def _head(metric: str) -> str:
    """The part of the metric the ``metric`` scope reads: after a list closed by 等, what follows."""
    if "等" in metric:
        head = metric.rsplit("等", 1)[-1]
        return head if len(head) >= 2 else metric
    return metric


def categorise(metric: str, unit: str, sentence: str = "", noun: str = "", clause: str = "") -> str:
    """Category of a fact: the highest-priority rule of category_keywords.csv that matches.

    Scopes: ``metric`` looks at the metric's head (after a list closed by 等, the part after 等:
    in 特色种养、电子商务等培训 the fact counts 培训), ``noun`` at the counted noun right after the
    number, ``clause`` at the whole clause, ``sentence`` at the sentence.
    """
    return _first_category(_unit_rules(unit), (_head(metric), noun, clause or metric, sentence or metric))


# ------------------------------------------------------------------------------------------ entry


def extract_facts(original: str, norm: Normalised) -> list[dict]:
    """Facts of one report, in text order (fields: see GUIDELINES.md plus sentence/start/end)."""
    text = norm.text
    n = len(text)
    ctx = _context(text)
    marks = ctx.open_marks
    n_marks = len(marks)
    cands = []
    for c in _find_candidates(text):
        s = c.num_start
        # _in_quotes only when an opening mark stands within _MAX_WIDTH before the number (its own
        # first test, done here without the call)
        if (
            n_marks
            and (k := bisect_left(marks, s - _MAX_WIDTH)) < n_marks
            and marks[k] < s
            and _in_quotes(ctx, s, c.end)
        ):
            continue
        if not _blocked(ctx, s, c.end):
            cands.append(c)
    ctx.fact_ends = ends = [c.end for c in cands]
    max_end, top = [], -1
    for e in ends:
        top = e if e > top else top
        max_end.append(top)
    identity = norm.identity
    original_index = norm.original_index
    clause_bounds, sentence_bounds = ctx.clause_bounds, ctx.sentence_bounds
    n_clause, n_sentence = len(clause_bounds), len(sentence_bounds)
    metrics: list[str] = []
    facts = []
    for i, c in enumerate(cands):
        start, end = c.start, c.end
        # the clause [cs, ce) and the sentence [ss, se) around the quantity; a sentence keeps its end mark
        k = bisect_left(clause_bounds, start)
        cs = clause_bounds[k - 1] + 1 if k else 0
        k = bisect_left(clause_bounds, end, k)
        ce = clause_bounds[k] if k < n_clause else n
        k = bisect_left(sentence_bounds, start)
        ss = sentence_bounds[k - 1] + 1 if k else 0
        k = bisect_left(sentence_bounds, end, k)
        se = sentence_bounds[k] + 1 if k < n_sentence else n
        before, after = _parts(text, c, cands, i, cs, ce)
        metric = before + after
        if len(metric) <= 3 and before:
            metric = _borrowed(ctx, i, metric, metrics, max_end, ss, cs)
        metrics.append(metric)
        unit = c.unit
        category = categorise(metric, unit, text[ss:se], after, text[cs:ce])
        if identity:  # start < end ≤ n and ss < se ≤ n: the spans are the original's
            o_start, o_end, s_start, s_end = start, end, ss, se
        else:
            # norm.to_original, which for a non-empty span maps its first and last characters
            o_start, o_end = original_index(start), original_index(end - 1) + 1
            s_start, s_end = original_index(ss), original_index(se - 1) + 1
        facts.append(
            {
                "text": original[o_start:o_end],
                "value": c.value,
                "unit": unit,
                "qualifier": c.qualifier,
                "metric": metric,
                "category": category,
                "sentence": original[s_start:s_end].strip(),
                "start": o_start,
                "end": o_end,
            }
        )
    return facts
