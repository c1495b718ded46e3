"""Observations, not mentions: the figures of one report that state the same thing, and sub-totals.

A report states one figure several times (title and body, a photo caption, a page that prints its
article twice); each mention is a fact, but adding them counts the figure twice. The mentions of one
observation carry the same value, unit, place, years and kind, and say what they measure alike (the
same indicator, or, where none was mapped, metrics that share most of their characters). Every other
fact is an observation of its own.

A figure introduced by `其中` (or `包括`) is part of the figure before it in the same sentence (or in the
sentence before, when its own opens with `其中`), when that one is counted in the same unit and is
larger: `part_of` holds the whole's observation label, and the part takes the whole's category (the
trainees among whom 380 were poor women are trainees).
Labels (`o1`, `o2`, …) are per report, in order of first mention.
"""

from __future__ import annotations

from fulian.text.indicators import features

_PART_WORDS = ("其中", "包括", "内含")
_SAME_METRIC = 0.5  # Dice over metric characters and pairs above which two unmapped mentions agree


def _same_thing(a: dict, b: dict) -> bool:
    if a["indicator"] or b["indicator"]:
        return a["indicator"] == b["indicator"]
    fa, fb = features(a["metric"]), features(b["metric"])
    return bool(fa and fb) and 2 * len(fa & fb) / (len(fa) + len(fb)) >= _SAME_METRIC


def _key(f: dict) -> tuple:
    return (
        f["value"],
        f["unit"],
        f.get("year_from"),
        f.get("year_to"),
        f.get("kind"),
        f.get("place_province"),
        f.get("place_city"),
        f.get("place_county"),
    )


def group_observations(facts: list[dict]) -> list[dict]:
    """Add `observation` and `part_of` to each fact of one report (facts in text order)."""
    firsts: dict[tuple, list[dict]] = {}
    count = 0
    for f in facts:
        key = _key(f)
        same = next((g for g in firsts.get(key, ()) if _same_thing(f, g)), None)
        if same is None:
            count += 1
            f["observation"] = f"o{count}"
            firsts.setdefault(key, []).append(f)
        else:
            f["observation"] = same["observation"]
    by_label = {f["observation"]: f for f in reversed(facts)}  # the first mention of each
    for i, f in enumerate(facts):
        f["part_of"] = _whole(facts, i)
        if f["part_of"]:  # 培训妇女1200人次，其中贫困妇女380人次: the part counts what its whole counts
            f["category"] = by_label[f["part_of"]]["category"]
    return facts


def _whole(facts: list[dict], i: int) -> str:
    """The observation a `其中` figure is part of: the last larger figure of its sentence in the same
    unit, or of the sentence before when its own opens with `其中` (…发放贷款21.4亿元。其中，运城市发放
    4.1亿元)."""
    f = facts[i]
    sentence = f["sentence"]
    if not any(w in sentence for w in _PART_WORDS):
        return ""
    before = sentence[: max(0, sentence.find(f["text"]))]
    if not any(w in before[-12:] for w in _PART_WORDS):
        return ""
    earlier = [g for g in facts[:i] if g["sentence"] == sentence]
    if not earlier and sentence.lstrip().startswith(_PART_WORDS) and i:
        previous = facts[i - 1]["sentence"]
        earlier = [g for g in facts[:i] if g["sentence"] == previous]
    for g in reversed(earlier):
        if g["unit"] == f["unit"] and g["value"] > f["value"]:
            return g["observation"]
    return ""
