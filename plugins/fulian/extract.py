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

All word lists live in data files (see ``fulian.lexicons``); this module holds grammar only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from fulian import lexicons
from fulian.normalise import Normalised
from fulian.numerals import DIGITS, STRUCTURAL_CHARS, magnitude, parse_number

_SP = r"[ \t]{0,2}"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = r"[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
_MAG = r"个?(?:万亿|千万|百万|万|亿|千(?![克米瓦])|百(?!分))"
_RANGE_SEP = r"[-~～—–－至到]"
_CLAUSE_BOUNDARY = re.compile(r"[，；;。！？!?：:\n]|,(?!\d{3}(?!\d))")
_SENTENCE_BOUNDARY = re.compile(r"[。！？!?\n]")
_DATE_IN_METRIC = re.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以来|底|初|末|中|上半年|下半年|全年)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?:份|底|初)?"
)
_EDGE_PUNCT = " \t、，,;；:：—-·"
_DURATION_VERBS = ("持续", "连续", "历时", "坚持", "为期", "用时", "长达", "累计服务", "工作")
_NEIGHBOUR_BAD = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@_/+#·.＋")
_ORDINAL_LAST = frozenset("第初周期拜.前 \t")
_ORDINAL_BEFORE = ("第", "初", "周", "星期", "礼拜", "No.", "NO.", "no.",
                   "排名前", "位居前", "位列前", "进入前", "名列前")


@dataclass(frozen=True)
class _Patterns:
    arabic: re.Pattern[str]
    chinese: re.Pattern[str]
    percent: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qb_last_chars: frozenset[str]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The candidate regexes. Each starts on the number itself (so the engine can skip ahead fast);
    a qualifier written before the number is picked up afterwards by ``qualifier_before``."""
    q = lexicons.qualifiers()
    qa, tail = _alt(q["after"]), _alt(q["tail"])
    unit_words = lexicons.units()
    units = _alt(unit_words)
    # a candidate must end in a unit or a magnitude: fixed-width look-behind on their last characters
    enders = re.escape("".join(sorted({u[-1] for u in unit_words} | set("万亿千百"))))
    arabic = re.compile(
        rf"(?P<num>{_ARABIC})"
        rf"(?:{_SP}(?P<rsep>{_RANGE_SEP}){_SP}(?P<num2>{_ARABIC}))?"
        rf"{_SP}(?P<qa>{qa})?{_SP}(?P<mag>{_MAG})?(?P<qa2>{qa})?{_SP}(?P<unit>{units})?(?<=[{enders}])"
        rf"(?P<tail>{tail})?"
    )
    chinese = re.compile(
        rf"(?P<num>{_CN})(?P<qa>{qa})?(?P<mag>万|亿)?(?P<qa2>{qa})?"
        rf"{_SP}(?P<unit>{units})(?P<tail>{tail})?"
    )
    percent = re.compile(rf"百分之(?P<num>{_ARABIC}|{_CN})")
    qb = re.compile(rf"(?:{_alt(q['before'])})[ \t]{{0,2}}$")
    return _Patterns(arabic, chinese, percent, qb, frozenset({w[-1] for w in q["before"]} | {" ", "\t"}))


@dataclass
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
    """Per-document lookups built once: clause and sentence bounds, boilerplate verdict per line."""

    text: str
    clause_bounds: list[int]
    sentence_bounds: list[int]
    boilerplate_lines: dict[int, bool] = field(default_factory=dict)


def _context(text: str) -> _DocContext:
    return _DocContext(
        text,
        [m.start() for m in _CLAUSE_BOUNDARY.finditer(text)],
        [m.start() for m in _SENTENCE_BOUNDARY.finditer(text)],
    )


_PAIRS = {"“": ("”", 40), "「": ("」", 40), "《": ("》", 80), "‘": ("’", 40), "\"": ("\"", 20)}


def _in_quotes(text: str, s: int, e: int) -> bool:
    """Whether [s, e) sits inside a short quoted name (“四个一”) or a 《title》 on the same line."""
    for open_mark, (close_mark, width) in _PAIRS.items():
        o = text.rfind(open_mark, max(0, s - width), s)
        if o < 0:
            continue
        if open_mark == close_mark:
            if text.count(open_mark, text.rfind("\n", 0, s) + 1, s) % 2 == 0:
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
    w0, w1 = max(0, s - 10), min(len(text), e + 10)
    for m in lexicons.non_fact_regex().finditer(text, w0, w1):
        if m.start() < e and s < m.end():
            return True
    line_start = text.rfind("\n", 0, s) + 1
    verdict = ctx.boilerplate_lines.get(line_start)
    if verdict is None:
        line_end = text.find("\n", s)
        line = text[line_start:len(text) if line_end < 0 else line_end]
        verdict = ctx.boilerplate_lines[line_start] = bool(lexicons.boilerplate_regex().search(line))
    return verdict


def _qualifier(m: re.Match[str], qb: str) -> str:
    q = lexicons.qualifiers()
    groups = m.groupdict()
    if groups.get("num2"):
        return "over"
    if qb:
        return q["before"][qb.strip()]
    for g in ("qa", "qa2"):
        if groups.get(g):
            return q["after"][groups[g]]
    if groups.get("tail"):
        return q["tail"][groups["tail"]]
    return "exact"


def _unit_blocked(text: str, unit: str, end: int) -> bool:
    nxt = lexicons.unit_blockers().get(unit)
    return bool(nxt) and text.startswith(nxt, end)


def _money_context(text: str, start: int, end: int) -> bool:
    after, before = lexicons.money_context()
    head = text[end:end + 4]
    if any(head.startswith(w) for w in after):
        return True
    tail = text[max(0, start - 6):start]
    return any(tail.endswith(w) or tail.endswith(w + "达") or tail.endswith(w + "为") for w in before)


def _ordinal_before(text: str, pos: int) -> bool:
    back = text[max(0, pos - 6):pos].rstrip(" \t")
    return back.endswith(_ORDINAL_BEFORE)


def _duration_ok(text: str, pos: int) -> bool:
    back = text[max(0, pos - 6):pos]
    return any(v in back for v in _DURATION_VERBS)


def _chinese_numeral_ok(num: str, groups: dict[str, str | None], has_qb: bool) -> bool:
    """Chinese numerals are facts only in unambiguous shapes (三千余人, 一百二十场, 近千人, 百余名)."""
    structural = [c for c in num if c in STRUCTURAL_CHARS]
    has_qual = bool(has_qb or groups.get("qa") or groups.get("qa2") or groups.get("tail"))
    if not structural:
        # 三八, 五一, 二〇二三: names and dates; a lone digit (一个, 五类, 六项) is a list count at most
        return len(num) == 1 and has_qual and num != "一"
    if all(c in STRUCTURAL_CHARS for c in num):
        if len(num) > 1:
            return False  # 千万, 百万: rhetorical
        if num == "十":
            return has_qual
        return has_qual or (groups.get("unit") in ("名", "人", "位", "人次"))
    return True


def _candidate(m: re.Match[str], text: str, chinese: bool, percent: bool = False) -> _Candidate | None:
    groups = m.groupdict()
    num = groups["num"]
    num_start = start = m.start()
    end = m.end()  # every pattern ends on a unit, magnitude, qualifier or digit: no trailing space
    pats = _patterns()
    qb = ""
    if start and text[start - 1] in pats.qb_last_chars:
        qbm = pats.qualifier_before.search(text, max(0, start - 5), start)
        if qbm:
            qb, start = qbm.group(), qbm.start()
    prev = text[start - 1] if start > 0 else ""
    if prev in _NEIGHBOUR_BAD or (prev in _ORDINAL_LAST and _ordinal_before(text, start)):
        return None
    if chinese and prev and (prev in DIGITS or prev.isdigit() or prev in "十百千万亿"):
        return None
    if percent:
        try:
            value = parse_number(num)
        except ValueError:
            return None
        return _Candidate(start, end, num_start, value, "%", _qualifier(m, qb), chinese)

    unit = groups["unit"] or ""
    mag = groups["mag"] or ""
    if unit and _unit_blocked(text, unit, m.end("unit")):
        return None
    nxt = text[end] if end < len(text) else ""
    if not unit and nxt and nxt in _NEIGHBOUR_BAD and nxt not in "./·":
        return None
    if chinese and not _chinese_numeral_ok(num, groups, bool(qb)):
        return None
    try:
        value = parse_number(num) * magnitude(mag)
    except ValueError:
        return None
    if not unit:
        if not mag:
            return None  # a bare figure: page numbers, codes, years
        unit = "元" if ("个" in mag or _money_context(text, start, end)) else ""
    elif unit in ("年", "个月") and (value >= 1000 or not _duration_ok(text, start)):
        return None  # a year (2020年) or a time frame (近3年, 前6个月)
    else:
        info = lexicons.units().get(unit)
        if info and info.unit_class == "money":
            unit = "元"
    if value == 0:
        return None
    if unit == "人/次":
        unit = "人次"
    return _Candidate(start, end, num_start, round(value, 6), unit, _qualifier(m, qb), chinese)


def _find_candidates(text: str) -> list[_Candidate]:
    pats = _patterns()
    occupied = bytearray(len(text) + 1)
    found: list[_Candidate] = []
    # priority on overlaps: 百分之…, then Arabic figures, then Chinese numerals (万元 inside 1.2万元)
    for rx, chinese, percent in ((pats.percent, True, True), (pats.arabic, False, False),
                                 (pats.chinese, True, False)):
        for m in rx.finditer(text):
            is_cn = chinese and not (percent and m.group("num")[0].isdigit())
            c = _candidate(m, text, is_cn, percent)
            if c and not any(occupied[c.num_start:c.end]):
                occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
                found.append(c)
    found.sort(key=lambda c: c.start)
    return found


def _accept(c: _Candidate, ctx: _DocContext) -> bool:
    return not (_in_quotes(ctx.text, c.num_start, c.end) or _blocked(ctx, c.num_start, c.end))


# ---------------------------------------------------------------------------------------- metric


@lru_cache(maxsize=1)
def _filler_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lead, trail = lexicons.metric_fillers()
    edge = re.escape(_EDGE_PUNCT)
    return (re.compile(rf"^(?:[{edge}]|{_alt(lead)})+"), re.compile(rf"(?:[{edge}]|{_alt(trail)})+$"))


def _strip_fillers(phrase: str) -> str:
    """Drop filler words and punctuation at both ends (累计, 共, 截至目前 … 达到, 为)."""
    lead, trail = _filler_regexes()
    phrase = lead.sub("", phrase, count=1)
    return trail.sub("", phrase, count=1)


def _clause(ctx: _DocContext, s: int, e: int) -> tuple[int, int]:
    k = bisect_left(ctx.clause_bounds, s)
    start = ctx.clause_bounds[k - 1] + 1 if k > 0 else 0
    k2 = bisect_left(ctx.clause_bounds, e)
    end = ctx.clause_bounds[k2] if k2 < len(ctx.clause_bounds) else len(ctx.text)
    return start, end


def _sentence(ctx: _DocContext, s: int, e: int) -> tuple[int, int]:
    k = bisect_left(ctx.sentence_bounds, s)
    start = ctx.sentence_bounds[k - 1] + 1 if k > 0 else 0
    k2 = bisect_left(ctx.sentence_bounds, e)
    end = ctx.sentence_bounds[k2] + 1 if k2 < len(ctx.sentence_bounds) else len(ctx.text)
    return start, end


def _without(text: str, base: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (starting at ``base``) with the given absolute spans cut out."""
    out, pos = [], base
    for s, e in spans:
        if e <= pos or s >= base + len(text):
            continue
        out.append(text[pos - base:max(pos, s) - base])
        pos = max(pos, e)
    out.append(text[pos - base:])
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
            return phrase[:close + 1]
    return head


def _parts(ctx: _DocContext, c: _Candidate, facts: list[_Candidate], idx: int) -> tuple[str, str]:
    """(before, after): the verb-object before the number and the counted noun after it."""
    text = ctx.text
    cs, ce = _clause(ctx, c.start, c.end)
    first = idx
    while first > 0 and facts[first - 1].start >= cs:
        first -= 1
    spans = [(f.start, f.end) for f in facts[first:idx]]
    before = _without(text[cs:c.start], cs, spans) if spans else text[cs:c.start]
    if "月" in before or "年" in before:
        before = _DATE_IN_METRIC.sub("", before)
    before = _strip_fillers(before)
    nxt = facts[idx + 1].start if idx + 1 < len(facts) and facts[idx + 1].start < ce else ce
    after = text[c.end:nxt]
    if after[:1] in ("、", "和", "及") or after.startswith(("以及", "其中")):
        after = ""
    return _cut_before(before, 30), _strip_fillers(_cut_after(after, 20))


def _metric(ctx: _DocContext, c: _Candidate, facts: list[_Candidate], idx: int,
            parts: tuple[str, str] | None = None) -> str:
    before, after = parts or _parts(ctx, c, facts, idx)
    metric = before + after
    if len(metric) <= 3 and before:  # a bare verb (受益7.55万人次): borrow what the clause before did
        sent_start = _sentence(ctx, c.start, c.end)[0]
        prev = [f for f in facts[:idx] if f.end > sent_start]
        if prev:
            metric = _metric(ctx, prev[-1], facts, facts.index(prev[-1])) + metric
        else:
            cs, _ = _clause(ctx, c.start, c.end)
            if cs > sent_start + 1:
                pcs, _ = _clause(ctx, cs - 1, cs - 1)
                prev_clause = _strip_fillers(_DATE_IN_METRIC.sub("", ctx.text[pcs:cs - 1]))
                metric = prev_clause[-12:] + metric
    return metric


# -------------------------------------------------------------------------------------- category


_SCOPES = ("metric", "noun", "clause", "sentence")


@lru_cache(maxsize=256)
def _rules_for(unit_class: str, unit: str) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """(category, scope index, keywords) of the rules that apply to a unit, by priority."""
    return tuple(
        (r.category, _SCOPES.index(r.scope) if r.scope in _SCOPES else 0, r.keywords)
        for r in lexicons.category_rules()
        if not r.unit_key or r.unit_key in (unit_class, unit)
    )


def categorise(metric: str, unit: str, sentence: str = "", noun: str = "", clause: str = "") -> str:
    """Category of a fact: the highest-priority rule of category_keywords.csv that matches.

    Scopes: ``metric`` looks at the metric's head (after a list closed by 等, the part after 等:
    in 特色种养、电子商务等培训 the fact counts 培训), ``noun`` at the counted noun right after the
    number, ``clause`` at the whole clause, ``sentence`` at the sentence.
    """
    info = lexicons.units().get(unit)
    unit_class = info.unit_class if info else ("money" if unit == "元" else "")
    head = metric.rsplit("等", 1)[-1] if "等" in metric else metric
    if len(head) < 2:
        head = metric
    hays = (head, noun, clause or metric, sentence or metric)
    for category, scope, keywords in _rules_for(unit_class, unit):
        hay = hays[scope]
        for k in keywords:
            if k not in hay:
                break
        else:
            return category
    return "other"


# ------------------------------------------------------------------------------------------ entry


def extract_facts(original: str, norm: Normalised) -> list[dict]:
    """Facts of one report, in text order (fields: see GUIDELINES.md plus sentence/start/end)."""
    text = norm.text
    ctx = _context(text)
    cands = [c for c in _find_candidates(text) if _accept(c, ctx)]
    facts = []
    for i, c in enumerate(cands):
        parts = _parts(ctx, c, cands, i)
        metric = _metric(ctx, c, cands, i, parts)
        ss, se = _sentence(ctx, c.start, c.end)
        cs, ce = _clause(ctx, c.start, c.end)
        category = categorise(metric, c.unit, text[ss:se], parts[1], text[cs:ce])
        o_start, o_end = norm.to_original(c.start, c.end)
        s_start, s_end = norm.to_original(ss, se)
        facts.append({
            "text": original[o_start:o_end],
            "value": c.value,
            "unit": c.unit,
            "qualifier": c.qualifier,
            "metric": metric,
            "category": category,
            "sentence": original[s_start:s_end].strip(),
            "start": o_start,
            "end": o_end,
        })
    return facts
