"""Canonical indicators: what a figure measures, at the level analysts compare across reports.

`metric` is the report's own phrase (`培训农村妇女`, `开展妇女技能培训`, `培训建档立卡贫困妇女`): hundreds
of phrases for a few dozen things analysts count. The controlled list
(dbt_project/reference/indicators.csv: code, Chinese and English name, unit class, and how it
aggregates) names those things; each fact is mapped
to one indicator, or left unmapped ("") when nothing in the list is close enough.

The mapping is a small nearest-neighbour model shipped as data (data/indicator_examples.csv, built by
``scripts/train_indicators.py`` from the annotated development sets, never from the held-out one):
labelled metric phrases with their indicator. A fact takes the indicator of the example whose
characters and character pairs it shares most (Dice coefficient), among examples of a compatible unit
class (a share is never mapped to a count), when that similarity reaches the model's threshold.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from fulian.text import lexicons

DATA = lexicons.DATA_DIR
# The indicator unit classes a fact's unit class may map to (units.csv's classes → the list's).
COMPATIBLE = {
    "percent": ("share", "rate", "ratio"),
    "money": ("money",),
    "duration": ("duration",),
}
COUNT_CLASSES = ("count",)
_NOT_A_FEATURE = re.compile(r"[\d\s\W_a-zA-Z]+")


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    unit_class: str  # count | money | share | rate | ratio | duration
    aggregation: str  # flow (sum over places and years) | stock (sum over places only) | ratio (never)


@dataclass(frozen=True)
class _Model:
    threshold: float
    codes: tuple[str, ...]
    sizes: tuple[int, ...]
    postings: dict[tuple[str, str], tuple[int, ...]]  # (unit class, feature) → example ids


@cache
def catalogue() -> dict[str, Indicator]:
    """The controlled list, by code (dbt_project/reference/indicators.csv, also the dbt seed behind
    marts.dim_indicator)."""
    with lexicons.INDICATORS_CSV.open(encoding="utf-8") as f:
        return {r["code"]: Indicator(**r) for r in csv.DictReader(f)}


def features(metric: str) -> frozenset[str]:
    """Characters and character pairs of a metric, digits, Latin letters and punctuation left out."""
    parts = [p for p in _NOT_A_FEATURE.split(metric) if p]
    return frozenset([c for p in parts for c in p] + [p[i : i + 2] for p in parts for i in range(len(p) - 1)])


def indicator_class(unit_class: str) -> tuple[str, ...]:
    """The indicator unit classes a fact of this unit class can be mapped to."""
    return COMPATIBLE.get(unit_class, COUNT_CLASSES)


def build_model(examples: list[tuple[str, str]], threshold: float) -> _Model:
    """The model over labelled (indicator code, metric) examples."""
    known = catalogue()
    codes, sizes = [], []
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for code, metric in examples:
        if code not in known:
            raise ValueError(f"indicator {code!r} is not in indicators.csv")
        feats = features(metric)
        if not feats:
            continue
        i = len(codes)
        codes.append(code)
        sizes.append(len(feats))
        for feat in feats:
            postings[(known[code].unit_class, feat)].append(i)
    return _Model(threshold, tuple(codes), tuple(sizes), {k: tuple(v) for k, v in postings.items()})


@cache
def _model() -> _Model:
    """The shipped model: data/indicator_examples.csv (first line ``threshold,<value>``, then a
    header ``indicator,metric`` and one labelled example per line)."""
    with (DATA / "indicator_examples.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return build_model([(code, metric) for code, metric in rows[2:]], float(rows[0][1]))


def indicator_of(metric: str, unit_class: str, model: _Model | None = None) -> str:
    """The code of the indicator a fact measures, or "" when no example is close enough."""
    model = model or _model()
    feats = features(metric)
    if not feats:
        return ""
    shared: dict[int, int] = defaultdict(int)
    for cls in indicator_class(unit_class):
        for feat in feats:
            for i in model.postings.get((cls, feat), ()):
                shared[i] += 1
    if not shared:
        return ""
    best, score = -1, 0.0
    for i, n in shared.items():
        dice = 2 * n / (len(feats) + model.sizes[i])
        if dice > score or (dice == score and i < best):  # ties: the first example, whatever the order
            best, score = i, dice
    return model.codes[best] if score >= model.threshold else ""


def unit_class_of(unit: str) -> str:
    info = lexicons.units().get(unit)
    return info.unit_class if info else ("money" if unit == "元" else "other")


def assign_indicators(facts: list[dict], model: _Model | None = None) -> list[dict]:
    """Add `indicator` to each fact of one report."""
    for f in facts:
        f["indicator"] = indicator_of(f["metric"], unit_class_of(f["unit"]), model)
    return facts
