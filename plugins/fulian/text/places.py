"""Each figure's own place: the province, city and county a figure is about, not the report's.

A provincial bulletin gives city figures (`郑州市学前教育毛入园率达到94.8%`), a city report gives county
figures and compares with the province (`全省平均水平`) or the nation (`全国…平均水平`). Filing all of
them under the report's place adds a county to its city and a national average to a province. The
place that governs a figure is, nearest first:

1. a division named in its clause before the figure: a full name (`洛阳市`) or a word for the
   report's own divisions (`全国` → national, `全省` → the report's province, `全市` → its city,
   `全县`/`全区` → its own place); when a clause lists as many places as figures after `分别`
   (`洛阳市、南阳市分别为92.1%和90.4%`), each figure takes the place in the same position;
2. else the same in its sentence before the figure (the subject of the first clause);
3. else the report's own place.

Pure functions over one report's normalised text; facts carry original offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from fulian.text import marks, regions
from fulian.text.lexicons import place_as_name
from fulian.text.normalise import Normalised

_CLAUSE_STOPS = "，,；;。！？!?\n：:"
_SENTENCE_STOPS = "。！？!?\n；;"
# the report's own divisions, by the level they name
_NATIONAL = ("", "", "")


class _Named(NamedTuple):
    start: int
    end: int
    place: tuple[str, str, str]


def _own_place(word: str, own: tuple[str, str, str], level: str) -> tuple[str, str, str]:
    """The place 全国/全省/全市/全县 names, from the report's own place."""
    province, city, county = own
    if word == "全国":
        return _NATIONAL
    if word == "全省" or (word == "全区" and level == "province"):
        return (province, "", "")
    if word in ("全市", "全州", "全盟") and city:
        return (province, city, "")
    return own


def _named_places(text: str, own: tuple[str, str, str], level: str) -> list[_Named]:
    """Every place named in the text, in order: full names of divisions and 全国/全省/全市/全县."""
    provinces = {own[0]} if own[0] else set()
    cities = {own[1]} if own[1] else set()
    named = []
    for m in regions.find_mentions(text):
        r = regions.disambiguate(m.regions, provinces, cities)
        if r is None:
            continue
        county = r.county if r.level == "county" else ""
        named.append(_Named(m.start, m.end, (r.province, r.effective_city, county)))
    if level == "province" and own[0]:
        # a provincial report names its cities short (郑州、洛阳两市分别发放…; a table's rows 郑州 4.6 …):
        # short names of its own province's cities only, where they collide least with other words
        for m in regions.find_short_mentions(text):
            mine = [r for r in m.regions if r.level == "city" and r.province == own[0]]
            if len(mine) == 1:
                named.append(_Named(m.start, m.end, (own[0], mine[0].effective_city, "")))
    named += [
        _Named(m.start(), m.end(), _own_place(m.group(), own, level)) for m in marks.OWN_WHOLE.finditer(text)
    ]
    named.sort()
    as_name = place_as_name()
    return [n for n in named if not as_name.match(text, n.end)]


def place_facts(norm: Normalised, document: dict, facts: list[dict]) -> list[dict]:
    """Add place_province, place_city and place_county to each fact of one report."""
    text = norm.text
    own = (document.get("province") or "", document.get("city") or "", document.get("county") or "")
    level = "county" if own[2] else "city" if own[1] else "province"
    named = _named_places(text, own, level) if facts else []
    starts = [n.start for n in named]
    clauses, sentences = marks.positions(text, _CLAUSE_STOPS), marks.positions(text, _SENTENCE_STOPS)
    positions = [norm.normalised_index(f["start"]) for f in facts]
    by_clause: dict[int, list[int]] = {}
    for i, pos in enumerate(positions):
        k = bisect_left(clauses, pos)
        by_clause.setdefault(clauses[k - 1] + 1 if k else 0, []).append(i)
    for clause_start, members in by_clause.items():
        first = positions[members[0]]
        lo, hi = bisect_left(starts, clause_start), bisect_right(starts, first)
        in_clause = [n for n in named[lo:hi] if n.end <= first]
        listed = len(in_clause) == len(members) > 1 and "分别" in text[clause_start:first]
        for rank, i in enumerate(members):
            pos = positions[i]
            if listed:
                place = in_clause[rank].place
            elif not in_clause and marks.REST_OF_LIST.match(text, clause_start):
                place = None  # 其余县市区合计5090人次: not the last place the list named, the whole's
            else:
                place = _nearest(named, starts, clause_start, pos, text) or _sentence_place(
                    named, starts, sentences, clause_start, text
                )
            f = facts[i]
            if word := f.pop("place_word", ""):  # a table's column of a wider place (全省2023年)
                place = _own_place(word, own, level)
            f["place_province"], f["place_city"], f["place_county"] = place or own
    return facts


# between two places of one list (岫岩县、海城市和台安县)
_LIST_JOIN = re.compile(r"[、和及与]|以及")


def _nearest(
    named: list[_Named], starts: list[int], lo: int, hi: int, text: str
) -> tuple[str, str, str] | None:
    """The place named last in text[lo:hi] (ending before hi), if any; when it ends a list of
    places, the place they share (a figure over three counties is their city's)."""
    k = bisect_right(starts, hi) - 1
    while k >= 0 and named[k].start >= lo:
        if named[k].end <= hi:
            return _listed_with(named, k, lo, text)
        k -= 1
    return None


def _listed_with(named: list[_Named], k: int, lo: int, text: str) -> tuple[str, str, str]:
    """The place of named[k], or, when places before it are joined to it as a list, the largest place
    that holds them all."""
    places = [named[k].place]
    while k > 0 and named[k - 1].start >= lo:
        if not _LIST_JOIN.fullmatch(text[named[k - 1].end : named[k].start]):
            break
        k -= 1
        places.append(named[k].place)
    if len(places) == 1:
        return places[0]
    shared = []
    for level in zip(*places, strict=True):
        if len(set(level)) != 1:
            break
        shared.append(level[0])
    return (*shared, *([""] * (3 - len(shared))))  # type: ignore[return-value]


def _sentence_place(
    named: list[_Named], starts: list[int], sentences: list[int], clause_start: int, text: str
) -> tuple[str, str, str] | None:
    """The place the sentence names before the figure's clause (its subject), if any."""
    k = bisect_left(sentences, clause_start)
    sentence_start = sentences[k - 1] + 1 if k else 0
    if sentence_start >= clause_start:
        return None
    return _nearest(named, starts, sentence_start, clause_start, text)
