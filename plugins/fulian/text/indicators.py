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
from functools import cache, lru_cache

import numpy as np

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
    sizes: np.ndarray  # features per example
    # per group of compatible unit classes (indicator_class), feature → example ids, ascending
    postings: dict[tuple[str, ...], dict[str, np.ndarray]]


@cache
def catalogue() -> dict[str, Indicator]:
    """The controlled list, by code (dbt_project/reference/indicators.csv, also the dbt seed behind
    marts.dim_indicator)."""
    with lexicons.INDICATORS_CSV.open(encoding="utf-8") as f:
        return {r["code"]: Indicator(**r) for r in csv.DictReader(f)}


@lru_cache(maxsize=4096)
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
    groups: dict[tuple[str, ...], dict[str, np.ndarray]] = {}
    for group in {*COMPATIBLE.values(), COUNT_CLASSES}:
        feats = {feat for cls, feat in postings if cls in group}
        groups[group] = {
            feat: np.asarray(
                sorted(i for cls in group for i in postings.get((cls, feat), ())), dtype=np.int32
            )
            for feat in feats
        }
    return _Model(threshold, tuple(codes), np.asarray(sizes, dtype=np.float64), groups)


@cache
def _model() -> _Model:
    """The shipped model: data/indicator_examples.csv (first line ``threshold,<value>``, then a
    header ``indicator,metric`` and one labelled example per line)."""
    with (DATA / "indicator_examples.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return build_model([(code, metric) for code, metric in rows[2:]], float(rows[0][1]))


def indicator_of(metric: str, unit_class: str, model: _Model | None = None) -> str:
    """The code of the indicator a fact measures, or "" when no example is close enough.

    The shared features of every example are counted at once (numpy over the posting lists: a common
    character is shared by a thousand examples); of equally close examples the first one wins."""
    model = model or _model()
    feats = features(metric)
    postings = model.postings[indicator_class(unit_class)]
    lists = [ids for feat in feats if (ids := postings.get(feat)) is not None]
    if not feats or not lists:
        return ""
    shared = np.bincount(np.concatenate(lists), minlength=len(model.codes))
    candidates = np.flatnonzero(shared)
    dice = 2 * shared[candidates] / (len(feats) + model.sizes[candidates])
    best = int(np.argmax(dice))  # the first maximum: the lowest example id among ties
    return model.codes[candidates[best]] if dice[best] >= model.threshold else ""


def unit_class_of(unit: str) -> str:
    info = lexicons.units().get(unit)
    return info.unit_class if info else ("money" if unit == "元" else "other")


def assign_indicators(facts: list[dict], model: _Model | None = None) -> list[dict]:
    """Add `indicator` to each fact of one report."""
    for f in facts:
        f["indicator"] = indicator_of(f["metric"], unit_class_of(f["unit"]), model)
    return facts
