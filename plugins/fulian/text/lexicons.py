"""Lexicons of the fact extractor, loaded from data files so an analyst can edit them without Python.

Two homes: ``dbt_project/reference/`` (units, categories, category rules, admin divisions: versioned and
queryable in the warehouse) and ``plugins/fulian/text/data/`` (qualifiers, non-fact patterns, unit
blockers, metric fillers, money context, boilerplate, region stop-names). Every loader is cached:
the files are read once per process, which keeps ``extract_report`` free of I/O after warm-up.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fulian.settings import REFERENCE_DIR as SEEDS_DIR

DATA_DIR = Path(__file__).resolve().parent / "data"
UNITS_CSV = SEEDS_DIR / "units.csv"
CATEGORIES_CSV = SEEDS_DIR / "categories.csv"
CATEGORY_KEYWORDS_CSV = SEEDS_DIR / "category_keywords.csv"
ADMIN_DIVISIONS_CSV = SEEDS_DIR / "admin_divisions.csv"
INDICATORS_CSV = SEEDS_DIR / "indicators.csv"
SEED_FILES = (UNITS_CSV, CATEGORIES_CSV, CATEGORY_KEYWORDS_CSV, ADMIN_DIVISIONS_CSV, INDICATORS_CSV)
"""The dbt seeds read here: with DATA_DIR, the data the extractor's output depends on."""


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a lexicon's CSV file, their fields stripped.

    A row with more or fewer fields than the header is refused, naming the file and line: a regular
    expression holding an unquoted comma ({0,30}) would otherwise be cut there, its rest silently taken
    for the next column, and the rule would never match."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = []
        for row in reader:
            if None in row or None in row.values():
                raise ValueError(
                    f"{path}:{reader.line_num}: not as many fields as the header"
                    f" ({len(reader.fieldnames or [])}); quote a field that holds a comma"
                )
            rows.append({k: v.strip() for k, v in row.items()})
        return rows


def _lines(path: Path) -> list[str]:
    """Non-blank lines of a text lexicon, `#` comment lines dropped (whitespace kept inside a line)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.rstrip("\n"))
    return out


@dataclass(frozen=True)
class Unit:
    unit: str
    unit_class: str
    base_unit: str


@dataclass(frozen=True)
class CategoryRule:
    category: str
    keywords: tuple[str, ...]  # all must occur (``a&b`` in the file); empty = any text
    unit_key: str  # a unit class, a unit, or "" for any
    scope: str  # "metric" or "sentence"
    priority: int


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Counting words by simplified spelling (units.csv)."""
    return {
        r["unit"]: Unit(r["unit"], r["unit_class"], r["base_unit"] or r["unit"]) for r in read_rows(UNITS_CSV)
    }


@lru_cache(maxsize=1)
def counted_nouns() -> tuple[tuple[str, str], ...]:
    """(suffix, unit class) of the nouns a table column may count (三八红旗手: people), longest first
    (counted_nouns.csv): which of the units its caption lists (单位：名、个、户) a column takes."""
    rows = [(r["suffix"], r["unit_class"]) for r in read_rows(DATA_DIR / "counted_nouns.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def category_codes() -> tuple[str, ...]:
    return tuple(r["category_code"] for r in read_rows(CATEGORIES_CSV))


@lru_cache(maxsize=1)
def category_rules() -> tuple[CategoryRule, ...]:
    """Category rules, highest priority first (file order breaks ties)."""
    rules = []
    for r in read_rows(CATEGORY_KEYWORDS_CSV):
        kws = tuple(k for k in r["keyword"].split("&") if k)
        rules.append(
            CategoryRule(
                r["category_code"],
                kws,
                r.get("unit_class", ""),
                r.get("scope") or "metric",
                int(r["priority"] or 0),
            )
        )
    return tuple(sorted(rules, key=lambda x: -x.priority))


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, dict[str, str]]:
    """{position: {word: qualifier}} with position before | after | tail (tail = after the unit)."""
    out: dict[str, dict[str, str]] = {"before": {}, "after": {}, "tail": {}}
    for r in read_rows(DATA_DIR / "qualifiers.csv"):
        out[r["position"]][r["word"]] = r["qualifier"]
    return out


@lru_cache(maxsize=1)
def unit_blockers() -> dict[str, tuple[str, ...]]:
    """{unit: continuations}: a unit followed by one of them is the start of another word (名单, 期间)."""
    out: dict[str, list[str]] = {}
    for r in read_rows(DATA_DIR / "unit_blockers.csv"):
        out.setdefault(r["unit"], []).append(r["next"])
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def metric_fillers() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(leading, trailing) filler words stripped from metric phrases, longest first, and the words
    kept whole although they open with a leading filler (计划, not 计 + 划)."""
    rows = read_rows(DATA_DIR / "metric_fillers.csv")
    lead, trail, keep = (
        tuple(sorted({r["word"] for r in rows if r["position"] == where}, key=len, reverse=True))
        for where in ("lead", "trail", "keep")
    )
    return lead, trail, keep


@lru_cache(maxsize=1)
def money_context() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words after, words before) that make a bare 万/亿 figure an amount of money."""
    after, before = [], []
    for line in _lines(DATA_DIR / "money_context.txt"):
        where, word = line.split()
        (after if where == "after" else before).append(word)
    return tuple(after), tuple(before)


_CATEGORY_CLASS = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


def _class_items(members) -> list[str] | None:
    """The items of a parsed character class, or None for a negated class or another category."""
    from re import _constants as c  # the parser's own vocabulary, private: see first_char_guard

    items: list[str] = []
    for op, av in members:
        if op is c.LITERAL:
            items.append(re.escape(chr(av)))
        elif op is c.RANGE:
            items.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and str(av) in _CATEGORY_CLASS:
            items.append(_CATEGORY_CLASS[str(av)])
        else:
            return None
    return items


def _op_items(op, av) -> tuple[list[str], bool] | None:
    """(class items that can start a match of one parsed item, whether it can match empty); None
    for a construct this analysis does not follow (inline flags, back references, …)."""
    from re import _constants as c  # the parser's own vocabulary, private: see first_char_guard

    if op is c.LITERAL:
        return [re.escape(chr(av))], False
    if op is c.IN:
        items = _class_items(av)
        return None if items is None else (items, False)
    if op is c.SUBPATTERN:
        return None if av[1] or av[2] else _first_items(av[3])  # not with inline flags
    if op is c.BRANCH:
        subs = [_first_items(alt) for alt in av[1]]
        if any(x is None for x in subs):
            return None
        return [i for x in subs for i in x[0]], any(x[1] for x in subs)  # type: ignore[index]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        inner = _first_items(av[2])
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return [], True  # zero-width: the next item still starts the match
    return None


def _first_items(data) -> tuple[list[str], bool] | None:
    """(class items that can start a match of this parsed sequence, whether it can match empty);
    None when the sequence holds a construct this analysis does not follow."""
    items: list[str] = []
    for op, av in data:
        sub = _op_items(op, av)
        if sub is None:
            return None
        items += sub[0]
        if not sub[1]:
            return items, False
    return items, True


def first_char_guard(pattern: str, flags: int = 0) -> str:
    """A look-ahead ``(?=[…])`` of the characters a match of ``pattern`` can start with, or "".

    Put in front of a long alternation it lets the regex engine reject most positions with one
    character test instead of trying every alternative; it never changes what matches.
    """
    try:
        from re import _parser  # private: any failure below means no guard

        parsed = _parser.parse(pattern, flags)
        first = _first_items(parsed.data)
    except Exception:  # an unknown parser: no guard, same matches
        return ""
    if first is None or first[1] or not first[0] or parsed.state.flags & (re.I | re.L):
        return ""
    return "(?=[" + "".join(dict.fromkeys(first[0])) + "])"


def scans_fast(pattern: str, flags: int = 0) -> bool:
    """Whether the regex engine finds where ``pattern`` can match without trying it at every
    position: the pattern opens (inside any groups) with a literal, a character class, alternatives
    that each open with a literal, or an anchor at the start of the text. The engine's own scan for
    those beats a first-character guard, which would only hide them from it. A speed question only:
    a guard never changes what matches."""
    try:
        from re import _constants as c  # private: any failure below means "no fast scan"
        from re import _parser

        data = _parser.parse(pattern, flags).data
        while data and data[0][0] is c.SUBPATTERN:  # the engine looks inside a group too
            data = data[0][1][3]
    except Exception:  # an unknown parser: a guard, same matches
        return False
    if not data:
        return False
    op, av = data[0]
    if op is c.BRANCH:
        return all(alt.data and alt.data[0][0] is c.LITERAL for alt in av[1])
    return op in (c.LITERAL, c.IN) or (op is c.AT and av in (c.AT_BEGINNING, c.AT_BEGINNING_STRING))


def guarded(body: str, flags: int = 0) -> re.Pattern[str]:
    """``body`` compiled with its first-character guard in front (``first_char_guard``), unless the
    engine scans fast for its start by itself (``scans_fast``): the same matches either way."""
    guard = "" if scans_fast(body, flags) else first_char_guard(body, flags)
    return re.compile(f"{guard}(?:{body})", flags)


def _guarded(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    return guarded("|".join(f"(?:{p.strip()})" for p in patterns), flags)


@lru_cache(maxsize=1)
def non_fact_regex() -> re.Pattern[str]:
    """One alternation of every non-fact pattern (names, idioms, contact details)."""
    return _guarded(_lines(DATA_DIR / "non_fact_patterns.txt"))


@lru_cache(maxsize=1)
def boilerplate_regex() -> re.Pattern[str]:
    return _guarded(_lines(DATA_DIR / "boilerplate.txt"), re.M)


def _anchored(pattern: str) -> bool:
    """Whether a pattern can only match at the start of a line (it begins with ``^``)."""
    try:
        from re import _constants as c  # private: any failure below means "not anchored"
        from re import _parser

        data = _parser.parse(pattern, re.M).data
    except Exception:  # an unknown parser: treated as not anchored, same verdicts
        return False
    return bool(data) and data[0][0] is c.AT and data[0][1] in (c.AT_BEGINNING, c.AT_BEGINNING_STRING)


@lru_cache(maxsize=1)
def boilerplate_line() -> Callable[[str], bool]:
    """``is_boilerplate(line)`` for one line (no newline in it): same verdict as searching the line
    with ``boilerplate_regex()``, faster — the patterns anchored with ``^`` are tried at the start of
    the line only, the others form one alternation the regex engine can scan for."""
    patterns = [p.strip() for p in _lines(DATA_DIR / "boilerplate.txt")]
    anchored = [p for p in patterns if _anchored(p)]
    free = [p for p in patterns if not _anchored(p)]
    free_rx = re.compile("|".join(f"(?:{p})" for p in free), re.M) if free else None
    anchored_rx = re.compile("|".join(f"(?:{p})" for p in anchored), re.M) if anchored else None

    def is_boilerplate(line: str) -> bool:
        return bool((free_rx and free_rx.search(line)) or (anchored_rx and anchored_rx.match(line)))

    return is_boilerplate


@lru_cache(maxsize=1)
def place_as_name() -> re.Pattern[str]:
    """What, right after a place, makes it part of a name (an honour's level, a national body)."""
    return _guarded(_lines(DATA_DIR / "place_as_name.txt"))


@lru_cache(maxsize=1)
def region_stopnames() -> frozenset[str]:
    return frozenset(s.strip() for s in _lines(DATA_DIR / "region_stopnames.txt"))


@lru_cache(maxsize=1)
def admin_divisions() -> tuple[dict[str, str], ...]:
    """Rows of admin_divisions.csv (region_code, province, city, county, level, short_name)."""
    return tuple(read_rows(ADMIN_DIVISIONS_CSV))


@lru_cache(maxsize=1)
def townships() -> dict[str, tuple[str, ...]]:
    """Township or street name → the codes of the counties that have one so named (data/townships.csv,
    built by scripts/build_townships.py). Read only for a report that names no county."""
    found: dict[str, list[str]] = {}
    for row in read_rows(DATA_DIR / "townships.csv"):
        name = row["township"]
        found.setdefault(name, []).append(row["county_code"])
        if name.endswith("街街道"):  # a street officially 唐家墩街, listed 唐家墩街街道, written 唐家墩街道
            found.setdefault(name[:-3] + "街道", []).append(row["county_code"])
    return {name: tuple(codes) for name, codes in found.items()}
