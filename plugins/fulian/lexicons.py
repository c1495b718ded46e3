"""Lexicons of the fact extractor, loaded from data files so an analyst can edit them without Python.

Two homes: ``dbt_project/seeds/`` (units, categories, category rules, admin divisions: versioned and
queryable in the warehouse) and ``plugins/fulian/data/`` (qualifiers, non-fact patterns, unit
blockers, metric fillers, money context, boilerplate, region stop-names). Every loader is cached:
the files are read once per process, which keeps ``extract_report`` free of I/O after warm-up.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fulian.paths import DBT_SEEDS_DIR as SEEDS_DIR

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


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
    return {r["unit"]: Unit(r["unit"], r["unit_class"], r["base_unit"] or r["unit"])
            for r in _rows(SEEDS_DIR / "units.csv")}


@lru_cache(maxsize=1)
def category_codes() -> tuple[str, ...]:
    return tuple(r["category_code"] for r in _rows(SEEDS_DIR / "categories.csv"))


@lru_cache(maxsize=1)
def category_rules() -> tuple[CategoryRule, ...]:
    """Category rules, highest priority first (file order breaks ties)."""
    rules = []
    for r in _rows(SEEDS_DIR / "category_keywords.csv"):
        kws = tuple(k for k in r["keyword"].split("&") if k)
        rules.append(CategoryRule(r["category_code"], kws, r.get("unit_class", ""),
                                  r.get("scope") or "metric", int(r["priority"] or 0)))
    return tuple(sorted(rules, key=lambda x: -x.priority))


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, dict[str, str]]:
    """{position: {word: qualifier}} with position before | after | tail (tail = after the unit)."""
    out: dict[str, dict[str, str]] = {"before": {}, "after": {}, "tail": {}}
    for r in _rows(DATA_DIR / "qualifiers.csv"):
        out[r["position"]][r["word"]] = r["qualifier"]
    return out


@lru_cache(maxsize=1)
def unit_blockers() -> dict[str, tuple[str, ...]]:
    """{unit: continuations}: a unit followed by one of them is the start of another word (名单, 期间)."""
    out: dict[str, list[str]] = {}
    for r in _rows(DATA_DIR / "unit_blockers.csv"):
        out.setdefault(r["unit"], []).append(r["next"])
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def metric_fillers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(leading, trailing) filler words stripped from metric phrases, longest first."""
    rows = _rows(DATA_DIR / "metric_fillers.csv")
    lead = sorted({r["word"] for r in rows if r["position"] == "lead"}, key=len, reverse=True)
    trail = sorted({r["word"] for r in rows if r["position"] == "trail"}, key=len, reverse=True)
    return tuple(lead), tuple(trail)


@lru_cache(maxsize=1)
def money_context() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words after, words before) that make a bare 万/亿 figure an amount of money."""
    after, before = [], []
    for line in _lines(DATA_DIR / "money_context.txt"):
        where, word = line.split()
        (after if where == "after" else before).append(word)
    return tuple(after), tuple(before)


@lru_cache(maxsize=1)
def non_fact_regex() -> re.Pattern[str]:
    """One alternation of every non-fact pattern (names, idioms, contact details)."""
    return re.compile("|".join(f"(?:{p.strip()})" for p in _lines(DATA_DIR / "non_fact_patterns.txt")))


@lru_cache(maxsize=1)
def boilerplate_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.strip()})" for p in _lines(DATA_DIR / "boilerplate.txt")), re.M)


@lru_cache(maxsize=1)
def region_stopnames() -> frozenset[str]:
    return frozenset(s.strip() for s in _lines(DATA_DIR / "region_stopnames.txt"))


@lru_cache(maxsize=1)
def admin_divisions() -> tuple[dict[str, str], ...]:
    """Rows of admin_divisions.csv (region_code, province, city, county, level, short_name)."""
    return tuple(_rows(SEEDS_DIR / "admin_divisions.csv"))
