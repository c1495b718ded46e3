"""A second opinion on each fact's category: a linear model over the characters of its metric.

The rules of category_keywords.csv read what is counted and what was done to it, and they are right
on the reports they were grown from; on reports of a kind they have not seen, a keyword that is
missing leaves a fact in ``other`` or under the first keyword that happens to match. A linear model
over the metric's character n-grams (trained on the development set's gold by
``scripts/train_categories.py``, shipped as ``data/category_model.csv``) generalises differently:
alone it is about as accurate as the rules on unseen reports, and where it disagrees with them by a
wide margin it is right far more often than they are. So the rules decide, and the model overrides
them only where its score for its own category exceeds its score for the rules' category by more
than the margin the training script chose by cross-validation (the file's first row).
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

import numpy as np

from fulian.text.lexicons import DATA_DIR

MODEL_FILE = DATA_DIR / "category_model.csv"
EPOCHS = 8
DIGITS = 2  # weights are kept rounded, and the smallest left out: the shipped file stays small (16,000
PRUNE = 1.0  # rows instead of 85,000) for 0.2 points of accuracy on the held-out set


def features(metric: str, unit: str) -> list[str]:
    """The model's features of a fact: the metric's characters, pairs and triples (told apart by their
    length), its unit, and the characters and pairs of its last four characters (the head of a Chinese
    noun phrase is its end). Plain slices: this runs once per fact."""
    n = len(metric)
    tail = metric[-4:]
    return [
        *metric,
        *[metric[i : i + 2] for i in range(n - 1)],
        *[metric[i : i + 3] for i in range(n - 2)],
        "u=" + unit,
        *["t=" + c for c in tail],
        *["t=" + tail[i : i + 2] for i in range(len(tail) - 1)],
    ]


@dataclass(frozen=True)
class Model:
    margin: float
    labels: tuple[str, ...]  # the categories (or any labels it was trained on)
    rows: dict[str, int]  # feature -> its row of weights
    weights: np.ndarray  # one row per feature (a last row of zeros for unknown ones), one column per label


def build(margin: float, entries: list[tuple[str, str, float]]) -> Model:
    """A model from (feature, category, weight) entries."""
    categories = tuple(sorted({c for _, c, _ in entries}))
    column = {c: j for j, c in enumerate(categories)}
    rows: dict[str, int] = {}
    for feature, _, _ in entries:
        rows.setdefault(feature, len(rows))
    weights = np.zeros((len(rows) + 1, len(categories)), dtype=np.float32)
    for feature, category, weight in entries:
        weights[rows[feature], column[category]] = weight
    return Model(margin, categories, rows, weights)


def load(path: Path) -> Model:
    """A model file: ``feature,category,weight`` rows, the first of them ``,margin,<value>`` (no
    feature: the margin the model must win by)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return build(float(rows[1][2]), [(feat, cat, float(w)) for feat, cat, w in rows[2:]])


@cache
def _model() -> Model:
    """The shipped model."""
    return load(MODEL_FILE)


def overrule(model: Model, items: list[tuple[str, str]], rules: list[str]) -> list[str]:
    """The label of each (metric, unit) item: the model's where it prefers it to the rules' label by
    more than its margin, else the rules'. The items are scored in one numpy pass."""
    if not items:
        return []
    unknown = repeat(len(model.rows))  # the row of zeros
    get = model.rows.get
    ids: list[int] = []
    starts = []
    for metric, unit in items:
        starts.append(len(ids))
        ids += map(get, features(metric, unit), unknown)
    scores = np.add.reduceat(model.weights[ids], starts, axis=0)
    column = {c: j for j, c in enumerate(model.labels)}
    # a rule's label the model never learned (-1) is never overruled
    rule = np.fromiter((column.get(label, -1) for label in rules), dtype=np.intp, count=len(rules))
    best = scores.argmax(axis=1)
    rows = np.arange(len(rules))
    lead = scores[rows, best] - scores[rows, np.maximum(rule, 0)]
    won = (rule >= 0) & (best != rule) & (lead > model.margin)
    labels = model.labels
    return [labels[b] if w else r for r, b, w in zip(rules, best.tolist(), won.tolist(), strict=True)]


def recategorise(facts: list[dict], model: Model | None = None) -> list[dict]:
    """Give each fact the model's category where the model prefers it to the rules' by more than the
    margin."""
    items = [(f["metric"], f["unit"]) for f in facts]
    categories = overrule(model or _model(), items, [f["category"] for f in facts])
    for f, category in zip(facts, categories, strict=True):
        f["category"] = category
    return facts


def train(rows: list[dict], prune: float = PRUNE) -> list[tuple[str, str, float]]:
    """An averaged perceptron over ``features``, from rows with ``metric``, ``unit`` and ``gold`` (the
    category): (feature, category, weight) entries of weight ``prune`` or more either way, sorted. Pure and
    deterministic (a seeded shuffle): the training script's cross-validation and its final model."""
    data = [(features(r["metric"], r["unit"]), r["gold"]) for r in rows]
    categories = sorted({y for _, y in data})
    w: dict[str, dict[str, float]] = defaultdict(dict)  # feature -> category -> weight
    total: dict[tuple[str, str], float] = defaultdict(float)  # for the average
    stamp: dict[tuple[str, str], int] = defaultdict(int)
    t = 0

    def update(feat: str, cat: str, delta: float) -> None:
        key = (feat, cat)
        old = w[feat].get(cat, 0.0)
        total[key] += (t - stamp[key]) * old
        stamp[key] = t
        w[feat][cat] = old + delta

    rnd = random.Random(0)
    for _ in range(EPOCHS):
        rnd.shuffle(data)
        for feats, gold in data:
            t += 1
            scores = dict.fromkeys(categories, 0.0)
            for feat in feats:
                for cat, v in w.get(feat, {}).items():
                    scores[cat] += v
            guess = max(categories, key=scores.__getitem__)  # of equal scores, the first
            if guess != gold:
                for feat in feats:
                    update(feat, gold, 1.0)
                    update(feat, guess, -1.0)
    entries = []
    for feat, by_cat in w.items():
        for cat, v in by_cat.items():
            avg = round((total[(feat, cat)] + (t - stamp[(feat, cat)]) * v) / t, DIGITS)
            if avg and abs(avg) >= prune:
                entries.append((feat, cat, avg))
    return sorted(entries)
