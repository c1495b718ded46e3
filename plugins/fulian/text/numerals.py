"""Parsing of the numbers written in reports: Arabic figures, Chinese numerals and magnitudes.

Pure functions on short strings: the extractor's regular expressions cut a quantity into
number + magnitude + unit, and these functions turn the pieces into a float. Kept apart so the
arithmetic (三千五百, 1.2亿, 百分之三十, 二〇二三) is tested on its own.
"""

from __future__ import annotations

import re

# Each digit's spellings, in value order: everyday (一), financial (壹), and 两 for two.
DIGITS = {
    c: d
    for d, spellings in enumerate(
        ("零〇○", "一壹", "二贰两", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖")
    )
    for c in spellings
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
STRUCTURAL_CHARS = frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)

# Magnitude words written after a figure (1.2亿, 3千, 20个亿, 5百万).
MAGNITUDES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

_ARABIC_CLEAN = re.compile(r"[,\s]")


def parse_arabic(text: str) -> float:
    """``"11,000.5"`` → 11000.5. Thousand separators and stray spaces are ignored."""
    return float(_ARABIC_CLEAN.sub("", text))


def is_chinese_numeral(text: str) -> bool:
    return bool(text) and all(c in CHINESE_NUMERAL_CHARS or c == "点" for c in text)


def _parse_chinese_integer(text: str) -> int:
    if all(c in DIGITS for c in text):
        # digit by digit: 二〇二三 → 2023, 五 → 5
        value = 0
        for c in text:
            value = value * 10 + DIGITS[c]
        return value
    yi = wan = section = number = 0
    for c in text:
        if c in DIGITS:
            number = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[c]
            number = 0
        elif c == "万":
            wan = (section + number) or 1
            section = number = 0
        elif c == "亿":
            yi = ((wan * 10_000 + section + number) or 1) * 100_000_000
            wan = section = number = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    if number and len(text) >= 2 and text[-2] in "百佰千仟万亿":
        # abbreviated tail: 一万二 = 12000, 三千五 = 3500, 两百五 = 250
        number *= {**SMALL_UNITS, **BIG_UNITS}[text[-2]] // 10
    return yi + wan * 10_000 + section + number


def parse_chinese(text: str) -> float:
    """Chinese numeral → number: 一百二十 → 120, 两万 → 20000, 百 → 100, 三点五 → 3.5, 二〇二三 → 2023."""
    if not text:
        raise ValueError("empty numeral")
    if "点" in text:
        whole, frac = text.split("点", 1)
        if not frac or not all(c in DIGITS for c in frac):
            raise ValueError(f"bad decimal numeral: {text!r}")
        int_part = _parse_chinese_integer(whole) if whole else 0
        return float(f"{int_part}.{''.join(str(DIGITS[c]) for c in frac)}")
    return float(_parse_chinese_integer(text))


def parse_number(text: str) -> float:
    """Either script: ``"1.2"`` → 1.2, ``"三千"`` → 3000, ``"２０"`` (already NFKC'd to 20) → 20."""
    text = text.strip()
    if not text:
        raise ValueError("empty number")
    if text[0].isdigit():
        return parse_arabic(text)
    return parse_chinese(text)


def magnitude(text: str) -> float:
    """Multiplier of a magnitude word: 万 → 1e4, 个亿 → 1e8, 百万 → 1e6, "" → 1."""
    factor = 1.0
    for c in text:
        if c == "个":
            continue
        if c not in MAGNITUDES:
            raise ValueError(f"not a magnitude: {text!r}")
        factor *= MAGNITUDES[c]
    return factor


def quantity(number: str, mag: str = "") -> float:
    """Number and magnitude → value in base units, rounded to kill float noise (1.2 × 1e8)."""
    value = parse_number(number) * magnitude(mag)
    return round(value, 6)
