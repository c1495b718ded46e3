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
class _Group:
    """The examples of one group of compatible unit classes (indicator_class), numbered 0… within
    the group in the order of the examples file."""

    codes: tuple[str, ...]
    half_sizes: np.ndarray  # features per example, halved (exact: they are small whole numbers)
    postings: dict[str, np.ndarray]  # feature → ids of the examples holding it, ascending
    half_sizes32: np.ndarray  # the same in single precision, which ranks the examples (``_nearest``)


@dataclass(frozen=True)
class _Model:
    threshold: float
    groups: dict[tuple[str, ...], _Group]


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
    """The model over labelled (indicator code, metric) examples: per group of compatible unit
    classes, its examples (those with features) in file order and their posting lists."""
    known = catalogue()
    for code, _ in examples:
        if code not in known:
            raise ValueError(f"indicator {code!r} is not in indicators.csv")
    kept = [(code, feats) for code, metric in examples if (feats := features(metric))]
    groups = {}
    for group in {*COMPATIBLE.values(), COUNT_CLASSES}:
        members = [(code, feats) for code, feats in kept if known[code].unit_class in group]
        postings: dict[str, list[int]] = defaultdict(list)
        for k, (_, feats) in enumerate(members):
            for feat in feats:
                postings[feat].append(k)  # ascending: members are numbered in order
        half_sizes = np.asarray([len(feats) for _, feats in members], dtype=np.float64) * 0.5
        groups[group] = _Group(
            tuple(code for code, _ in members),
            half_sizes,
            # the index type bincount counts in: the lists of a block are then joined, shifted and
            # counted without a cast of every id (two passes over them, both ways)
            {feat: np.asarray(ids, dtype=np.intp) for feat, ids in postings.items()},
            half_sizes.astype(np.float32),
        )
    return _Model(threshold, groups)


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
    return _nearest(model.groups[indicator_class(unit_class)], model.threshold, [metric])[0]


_ROWS = 16  # metrics scored together: a block of shared counts stays in the processor's cache


def _nearest(group: _Group, threshold: float, metrics: list[str]) -> list[str]:
    """The indicator of each metric among the examples of one group ("" when none is close enough);
    of equally close examples the first one wins.

    Metrics are scored a block at a time: the features they share with each example are counted by
    one ``bincount`` over the concatenated posting lists, each metric's ids shifted to a row of its
    own (a common character is shared by a thousand examples, and a numpy call per metric costs more
    than the counting). Dice is 2·shared / (features of the metric + features of the example), a
    ratio of small whole numbers: two different ones differ by far more than single precision's
    rounding, and equal ones round alike, so ranking the examples in single precision (a tenth of
    the cost of dividing a block in double) finds the same first maximum. The winner's similarity is
    then computed in double precision, as the threshold was set. An example that shares nothing
    scores 0, so the first maximum of a row is the lowest example id among the closest ones.
    """
    get = group.postings.get
    codes = [""] * len(metrics)
    rows: list[int] = []  # the metrics that share a feature with some example
    sizes: list[int] = []  # their feature counts
    lists: list[list[np.ndarray]] = []  # their posting lists
    for i, metric in enumerate(metrics):
        feats = features(metric)
        found = [ids for ids in map(get, feats) if ids is not None]
        if found:
            rows.append(i)
            sizes.append(len(feats))
            lists.append(found)
    n = len(group.codes)
    for lo in range(0, len(rows), _ROWS):
        block = lists[lo : lo + _ROWS]
        ids = np.concatenate([ids for found in block for ids in found])
        if len(block) > 1:  # row r counts its examples at r·n + id
            ids += np.repeat(np.arange(0, len(block) * n, n), [sum(map(len, found)) for found in block])
        shared = np.bincount(ids, minlength=len(block) * n).reshape(len(block), n)
        block_sizes = sizes[lo : lo + _ROWS]
        # s / ((f + size) / 2): the halves are exact in either precision
        ranks = shared.astype(np.float32) / (
            np.asarray(block_sizes, dtype=np.float32)[:, None] * np.float32(0.5) + group.half_sizes32
        )
        for r, (i, b) in enumerate(zip(rows[lo : lo + _ROWS], ranks.argmax(axis=1).tolist(), strict=True)):
            s = int(shared[r, b])
            if s and s / (block_sizes[r] * 0.5 + float(group.half_sizes[b])) >= threshold:
                codes[i] = group.codes[b]
    return codes


def unit_class_of(unit: str) -> str:
    info = lexicons.units().get(unit)
    return info.unit_class if info else ("money" if unit == "元" else "other")


def assign_indicators(facts: list[dict], model: _Model | None = None) -> list[dict]:
    """Add `indicator` to each fact of one report: the facts of each group of unit classes are
    scored together (``_nearest``)."""
    model = model or _model()
    by_group: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for f in facts:
        by_group[indicator_class(unit_class_of(f["unit"]))].append(f)
    for group, members in by_group.items():
        metrics = [f["metric"] for f in members]
        for f, code in zip(members, _nearest(model.groups[group], model.threshold, metrics), strict=True):
            f["indicator"] = code
    return facts
