"""Look-ups in China's administrative divisions (dbt_project/reference/admin_divisions.csv).

Full names (东营市, 顺昌县) are safe to find in running text; short names (东营, 安康) are not —
``安康`` is a city and also "well-being" (幸福安康) — so short names are only resolved where the
caller already knows a place name stands (before 妇联, in a title), and ambiguous names are settled
by the province or city the rest of the document points to.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from fulian.text import lexicons, marks
from fulian.text.lexicons import admin_divisions, region_stopnames

_START = re.Match.start
DIRECT = "省直辖行政区划"  # jionlp's pseudo-city over province-administered county-level cities


class Region(NamedTuple):
    code: str
    province: str
    city: str
    county: str
    level: str  # province | city | county
    short_name: str

    @property
    def name(self) -> str:
        return {"province": self.province, "city": self.city, "county": self.county}[self.level]

    @property
    def effective_city(self) -> str:
        """The prefecture-level city a report about this region belongs to ('' if province-wide).

        A county-level city directly under the province (济源市, 仙桃市, 琼海市) belongs to no
        prefecture-level city: it is a county-level place of its province (海南省 / "" / 琼海市).
        """
        if self.level == "province":
            return ""
        if self.city == DIRECT:
            return ""
        if self.city == self.province:
            return ""  # a municipality (北京市) is a province: its districts belong to no city
        return self.city


def trie_regex(words) -> str:
    """A regex matching any of ``words``, longest first, shaped as a trie so the engine never
    tries thousands of alternatives at one position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


class _Index(NamedTuple):
    by_full: dict[str, tuple[Region, ...]]
    by_short: dict[str, tuple[Region, ...]]
    max_len: int
    by_code: dict[tuple[str, str], Region]
    lengths_by_last2: dict[str, tuple[int, ...]]  # name lengths per last two characters, longest first
    # a second-to-last character of a full name followed by a last one: where a name may end
    pair_starts: re.Pattern[str]
    # the same positions found from the last characters, one literal at a time (the engine's fast
    # literal search): (last character, its pattern), and the second-to-last characters
    pair_ends: tuple[tuple[str, re.Pattern[str]], ...]
    second_last: frozenset[str]
    aliases: frozenset[str]  # the other names of counties (_county_aliases)


def _lengths_by_suffix(names, size: int) -> dict[str, tuple[int, ...]]:
    """{last ``size`` characters: lengths of the names ending with them, longest first}."""
    lengths: dict[str, set[int]] = defaultdict(set)
    for n in names:
        lengths[n[-size:]].add(len(n))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


_COUNTY_SUFFIXES = ("县", "区", "市")


def _county_aliases(counties: list[Region], names: set[str]) -> list[tuple[str, Region]]:
    """Other names a county-level division goes by in reports: its short name with another county
    suffix. A county becomes a district or a city (凤翔县 → 凤翔区) and reports of each year use the name
    of their time; an autonomous county is often written short (乳源县 for 乳源瑶族自治县). A name that
    is some division's own is never an alias.

    A renamed plain division keeps the name the text writes (the spec's "as the names stood in the
    text's time"); an autonomous one resolves to its full official name."""
    aliases: dict[str, list[Region]] = defaultdict(list)
    for reg in counties:
        short = reg.short_name
        if len(short) < 2 or short[-1] in "县区市旗":
            continue
        if reg.county not in {short + s for s in _COUNTY_SUFFIXES}:
            continue
        for suffix in _COUNTY_SUFFIXES:
            alias = short + suffix
            if alias not in names:
                aliases[alias].append(reg._replace(county=alias))
    return [(alias, reg) for alias, regs in aliases.items() for reg in regs]


@lru_cache(maxsize=1)
def _index() -> _Index:
    stop = region_stopnames()
    full: dict[str, list[Region]] = defaultdict(list)
    short: dict[str, list[Region]] = defaultdict(list)
    by_code: dict[tuple[str, str], Region] = {}
    counties: list[Region] = []
    for r in admin_divisions():
        reg = Region(r["region_code"], r["province"], r["city"], r["county"], r["level"], r["short_name"])
        by_code[(reg.code, reg.level)] = reg
        if reg.name == DIRECT:
            continue
        if reg.level == "city" and reg.city == reg.province:
            continue  # the municipality's city row duplicates its province row
        if reg.name not in stop and len(reg.name) >= 2:
            full[reg.name].append(reg)
        if reg.level in ("province", "city") and len(reg.short_name) >= 2 and reg.short_name not in stop:
            short[reg.short_name].append(reg)
        if reg.level == "county" and reg.name not in stop:
            counties.append(reg)  # a stop name's aliases are the same word (会同县 → 会同市财政局)
    aliases = _county_aliases(counties, set(full))
    for alias, reg in aliases:
        if alias not in stop:
            full[alias].append(reg)
    return _Index(
        {k: tuple(v) for k, v in full.items()},
        {k: tuple(v) for k, v in short.items()},
        max(len(n) for n in full),
        by_code,
        _lengths_by_suffix(full, 2),
        re.compile(
            "["
            + re.escape("".join(sorted({n[-2] for n in full})))
            + "](?=["
            + re.escape("".join(sorted({n[-1] for n in full})))
            + "])"
        ),
        tuple((last, re.compile(re.escape(last))) for last in sorted({n[-1] for n in full})),
        frozenset(n[-2] for n in full),
        frozenset(alias for alias, _ in aliases),
    )


@lru_cache(maxsize=1)
def _name_ends() -> frozenset[str]:
    """The characters a division's full name can end with (市, 县, 区, 旗, …): a cheap test before
    looking for names in a short string."""
    return frozenset(last for last, _ in _index().pair_ends)


def is_division_name(text: str) -> bool:
    """Whether a short string is wholly the full name of one division (保定市, 金台区): a row label of a
    table by place, an item of a list by place."""
    if len(text) < 2 or text[-1] not in _name_ends():
        return False
    return any(m.start == 0 and m.end == len(text) for m in mentions_in(text))


def lookup(name: str) -> tuple[Region, ...]:
    """Regions with this full name, else with this short name (provinces and cities only)."""
    idx = _index()
    return idx.by_full.get(name) or idx.by_short.get(name, ())


def lookup_full(name: str) -> tuple[Region, ...]:
    return _index().by_full.get(name, ())


def lookup_short(name: str) -> tuple[Region, ...]:
    return _index().by_short.get(name, ())


def full_name_lengths(last_two: str) -> tuple[int, ...]:
    """Lengths of the full names that end with the two characters ``last_two``, longest first."""
    return _index().lengths_by_last2.get(last_two, ())


@lru_cache(maxsize=1)
def _short_regex() -> re.Pattern[str]:
    return re.compile(trie_regex(_index().by_short))


# after a short name, the street or square named after it (中山北路, 北京大街, 人民广场 aside)
_STREET_AFTER = re.compile(r"[东西南北中]?[一二三四五六七八九]?(?:路|大街|街道?|大道|巷|广场)")


def find_short_mentions(text: str) -> list[Mention]:
    """Short-name mentions of provinces and cities (东营, 聊城) that are not the start of a full name.

    Only for places where a name is expected (a title, a masthead): in running text short names
    collide with ordinary words.
    """
    idx = _index()
    out = []
    for m in _short_regex().finditer(text):
        tail = text[m.start() : m.start() + idx.max_len]
        if any(tail.startswith(full) for full in _full_names_starting(m.group())):
            continue
        if _STREET_AFTER.match(text, m.end()):
            continue  # 中山北路, 南京东路: a street named after the place, anywhere
        out.append(Mention(m.start(), m.end(), m.group(), idx.by_short[m.group()]))
    return out


@lru_cache(maxsize=4096)
def _full_names_starting(short: str) -> tuple[str, ...]:
    return tuple(r.name for r in _index().by_short.get(short, ()))


def township_counties(name: str) -> tuple[Region, ...]:
    """The counties that have a township or street of this name (金牛镇: five; 溪翁庄镇: 密云区)."""
    by_code = _index().by_code
    codes = lexicons.townships().get(name, ())
    return tuple(r for code in codes if (r := by_code.get((code, "county"))) is not None)


def parent(region: Region) -> Region | None:
    """The city of a county, the province of a city; None for a province."""
    idx = _index()
    if region.level == "county":
        for r in idx.by_full.get(region.city, ()):
            if r.province == region.province and r.level == "city":
                return r
        return idx.by_code.get((region.code[:2] + "0000", "province"))
    if region.level == "city":
        return idx.by_code.get((region.code[:2] + "0000", "province"))
    return None


def province_region(region: Region) -> Region | None:
    return _index().by_code.get((region.code[:2] + "0000", "province"))


def city_region(region: Region) -> Region | None:
    """The prefecture-level Region a region belongs to (itself for a city), None if province-wide."""
    if region.level == "city":
        return None if region.city == region.province else region
    if region.level == "county":
        if region.city == DIRECT:
            return region
        return parent(region)
    return None


class Mention(NamedTuple):
    start: int
    end: int
    name: str
    regions: tuple[Region, ...]


@lru_cache(maxsize=8)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """Full-name mentions of divisions in a report's text (simplified script), the longest name at
    each end.

    Remembered for the last few texts: the document reader and the place reader ask about the same
    report text. Short snippets go to ``mentions_in``, so that they do not push the report out."""
    return mentions_in(text)


def mentions_in(text: str) -> tuple[Mention, ...]:
    """``find_mentions`` of a text without remembering it (a name, a line's head)."""
    idx = _index()
    by_full, lengths_by_last2 = idx.by_full, idx.lengths_by_last2
    out: list[Mention] = []
    last_end = 0
    # the positions pair_starts.finditer gives: a last character preceded by a second-to-last one
    ends: list[int] = []
    for last, rx in idx.pair_ends:
        if last in text:
            ends += map(_START, rx.finditer(text, 1))
    ends.sort()
    second_last = idx.second_last
    for pos in ends:
        pos -= 1
        if text[pos] not in second_last:
            continue
        # every name has ≥ 2 chars: only names ending in these two characters can end here
        end = pos + 2
        lengths = lengths_by_last2.get(text[pos:end])
        if not lengths:
            continue
        for length in lengths:
            start = end - length
            if start < last_end:
                continue
            regs = by_full.get(text[start:end])
            if regs and text[end : end + 1] == "级" and text[start:end] in idx.aliases:
                regs = ()  # 新建县级: a verb and "county level", not 新建县 (now 新建区)
            if regs and length == 2:
                regs = named_at(regs, text, start)
            if regs:
                out.append(Mention(start, end, text[start:end], regs))
                last_end = end
                break
    return tuple(out)


def named_at(regs: tuple[Region, ...], text: str, start: int) -> tuple[Region, ...]:
    """The regions a full name found at text[start:] can be. A two-character name (和县, 成县, 兴县,
    南县) right after another Han character is usually the end of a word and a character after it
    (`城区和县`, `完成县级`, `旅游兴县`, `连南县`, `领导和县妇联`), not a name; it is one only right after
    its own province's or city's name (`安徽省和县`)."""
    if len(regs[0].name) != 2 or not start or not marks.is_han(text[start - 1]):
        return regs
    before = text[max(0, start - 12) : start]
    return tuple(r for r in regs if before.endswith((r.province, r.city)))


def disambiguate(regions: tuple[Region, ...], provinces: set[str], cities: set[str]) -> Region | None:
    """Pick the region whose city or province the document also mentions; else the first one."""
    if not regions:
        return None
    for r in regions:
        if r.city in cities or (r.level == "city" and r.city in cities):
            return r
    for r in regions:
        if r.province in provinces:
            return r
    return regions[0]
