"""Normalisation of a report's text, with an exact map back to the original characters.

The extractor reads one canonical form — simplified script, NFKC (full-width digits and ％ become
ASCII), pinyin glosses such as ``婦聯(lián)`` removed — but every fact must quote the ORIGINAL text.
So normalisation never reorders text and keeps, for each normalised character, the index of the
original character it came from (``offsets``).

Choices made on purpose:
- full-width CJK punctuation (，：；（）！？) is NOT folded to ASCII: it is the sentence punctuation
  of Chinese text, and folding ``，`` into ``,`` would make thousand separators ambiguous;
- enclosed numerals (①, ⑴, ㈠) are kept: NFKC would turn ``①10名`` into ``110名``;
- OpenCC t2s may, in rare phrase conversions, change the length of a string; then the affected
  lines are converted character by character so the offsets stay exact.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import ne

import opencc

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_CHARS = f"a-zü{_TONED}"
# A gloss: right after a Han character, one or more pinyin syllables in (half- or full-width) brackets.
_GLOSS = re.compile(rf"[(（]\s*([{_PINYIN_CHARS}]+(?:\s+[{_PINYIN_CHARS}]+)*)\s*[)）]")
# _GLOSS for each opening bracket: a literal start the engine searches fast. A gloss holds no opening
# bracket, so the matches of the two are those of _GLOSS.
_GLOSS_BY_OPEN = tuple(
    (o, re.compile(rf"{re.escape(o)}\s*([{_PINYIN_CHARS}]+(?:\s+[{_PINYIN_CHARS}]+)*)\s*[)）]"))
    for o in "(（"
)
_START = re.Match.start
_HAN_CHAR = re.compile(rf"[{_HAN}]")
_SYLLABLE = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|in|un|ün|vn"
    r"|ia|ie|iu|ua|uo|ui|ue|üe|ve|er|a|o|e|i|u|ü|v)|ng|m|n)+"
)
_TONE_STRIP = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")
_TRAD_SAMPLE = 20_000  # characters looked at by detect_script


_FULLWIDTH_PUNCT = ((0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65))


def _keep_as_is(cp: int) -> bool:
    """Code points NFKC must not touch (see module docstring)."""
    if 0x2460 <= cp <= 0x24FF or 0x2776 <= cp <= 0x2793 or 0x3200 <= cp <= 0x32FF:
        return True  # enclosed / parenthesised numerals and ideographs
    # CJK punctuation stays; ％ and ． are folded explicitly in _nfkc_table
    return any(a <= cp <= b for a, b in _FULLWIDTH_PUNCT)


@lru_cache(maxsize=1)
def _nfkc_table() -> dict[int, str]:
    """str.translate table of NFKC for the BMP, built once (≈25 ms)."""
    table: dict[int, str] = {}
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp < 0xE000 or _keep_as_is(cp):
            continue
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        if n != c:
            table[cp] = n
    table[0xFF0E] = "."
    table[0xFF05] = "%"
    return table


@lru_cache(maxsize=1)
def _expanding() -> re.Pattern[str]:
    """Characters whose NFKC form is not exactly one character (…, ㎡, ¼)."""
    chars = "".join(chr(cp) for cp, n in _nfkc_table().items() if len(n) != 1)
    return re.compile("[" + re.escape(chars) + "]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def t2s(text: str) -> str:
    """Traditional → simplified (OpenCC t2s), cached converter."""
    return _converter().convert(text)


@dataclass(frozen=True)
class Normalised:
    """Normalised text plus the map from its characters back to the original text.

    The map is kept as segments (normalised start, original start, linear?) — cheap to build —
    and ``offsets`` (one original index per normalised char) is derived from them on demand.
    """

    text: str
    original_length: int
    script: str
    _seg_norm: list[int] = field(repr=False)
    _seg_orig: list[int] = field(repr=False)
    _seg_linear: list[bool] = field(repr=False)

    def original_index(self, i: int) -> int:
        """Original index of normalised char ``i`` (``len(text)`` maps to the original's length)."""
        if i >= len(self.text):
            return self.original_length
        k = bisect_right(self._seg_norm, i) - 1
        return self._seg_orig[k] + (i - self._seg_norm[k] if self._seg_linear[k] else 0)

    def normalised_index(self, original: int) -> int:
        """How many normalised chars come from original chars before index ``original``: where a
        span starting there in the original starts in the normalised text. The same as
        ``bisect_left(self.offsets, original)``, from the segments, without building ``offsets``."""
        if self.identity:  # offsets is 0, 1, 2, …
            return min(max(original, 0), len(self.text))
        k = bisect_left(self._seg_orig, original) - 1  # the last segment starting before it
        if k < 0:
            return 0
        n0 = self._seg_norm[k]
        n1 = self._seg_norm[k + 1] if k + 1 < len(self._seg_norm) else len(self.text)
        return n0 + min(original - self._seg_orig[k], n1 - n0) if self._seg_linear[k] else n1

    @cached_property
    def offsets(self) -> list[int]:
        """For each normalised char, the index of the original char it came from."""
        out: list[int] = []
        bounds = [*self._seg_norm[1:], len(self.text)] if self._seg_norm else []
        for n0, n1, o, lin in zip(self._seg_norm, bounds, self._seg_orig, self._seg_linear, strict=True):
            out.extend(range(o, o + n1 - n0) if lin else [o] * (n1 - n0))
        return out

    @cached_property
    def identity(self) -> bool:
        """Whether every normalised char sits at its own index in the original (nothing removed)."""
        return (
            self._seg_norm == [0]
            and self._seg_orig == [0]
            and self._seg_linear == [True]
            and len(self.text) == self.original_length
        )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span [start, end) to the original span that produced it.

        A removed gloss between the two ends stays inside (``萬(wàn)元`` is quoted whole); one just
        after the last char is left out.
        """
        if self.identity:  # original_index(i) is i, or the length past the end
            n = self.original_length
            if start >= end:
                return (start, start) if start < n else (n, n)
            return (start if start < n else n), (end if end <= n else n + 1)
        if start >= end:
            pos = self.original_index(start)
            return pos, pos
        return self.original_index(start), self.original_index(end - 1) + 1


@lru_cache(maxsize=4096)
def _is_gloss(content: str) -> bool:
    if any(c in _TONED for c in content):
        return True
    return all(_SYLLABLE.fullmatch(w.translate(_TONE_STRIP)) for w in content.split())


# a year written digit by digit with spaces between (2 0 2 4 年), as some pages garble it: the spaces go
_SPACED_YEAR = re.compile(r"(?<![\d.])[12][ \u3000][09][ \u3000]\d[ \u3000]\d(?=[ \u3000]?年)")
_SPACES = re.compile(r"[ \u3000]")


def _spaced_year_gaps(text: str) -> list[tuple[int, int]]:
    """The spaces inside years written digit by digit (2 0 2 4 年), and the one before their 年."""
    gaps = []
    for m in _SPACED_YEAR.finditer(text):
        gaps += [(g.start(), g.end()) for g in _SPACES.finditer(text, m.start(), m.end() + 1)]
    return gaps


def _strip_glosses(text: str) -> list[tuple[int, int]]:
    """Original spans to keep once pinyin glosses (and the spaces inside a spaced year) are removed."""
    keep, pos = [], 0
    han = _HAN_CHAR.match
    matches: list[re.Match[str]] = []
    for o, rx in _GLOSS_BY_OPEN:
        if o in text:
            if matches:
                matches += rx.finditer(text)
                matches.sort(key=_START)
            else:
                matches = list(rx.finditer(text))
    drops = [
        (m.start(), m.end())
        for m in matches
        if m.start() > 0 and han(text, m.start() - 1) and _is_gloss(m.group(1))
    ]
    if "年" in text and (gaps := _spaced_year_gaps(text)):
        drops = sorted(drops + gaps)
    for start, end in drops:
        if start > pos:
            keep.append((pos, start))
        pos = end
    if pos < len(text):
        keep.append((pos, len(text)))
    return keep


def _t2s_aligned(text: str) -> str:
    """t2s that never changes the length: whole text, else line by line, else char by char."""
    out = t2s(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.splitlines(keepends=True):
        conv = t2s(line)
        if len(conv) != len(line):
            conv = "".join(c2 if len(c2 := t2s(c)) == 1 else c for c in line)
        lines.append(conv)
    return "".join(lines)


_HAN_RUN = re.compile(rf"[{_HAN}]+")
_CHUNK = 256  # characters compared at a time by _script_of


def _han_count(text: str) -> int:
    return sum(map(len, _HAN_RUN.findall(text)))


def _script_of(before: str, after: str) -> str:
    """Traditional when t2s changes a noticeable share of the Han characters (simplified text: ~0).

    The changed characters are counted chunk by chunk (equal chunks cost one comparison) and the
    count stops early once it is clearly above 3 % of the whole sample, which bounds the Han count.
    """
    n = min(len(before), _TRAD_SAMPLE)
    if before[:n] == after[:n]:
        return "simplified"
    sure = 0.031 * n + 2  # changed ≥ this ⇒ changed / han > 0.03 (han ≤ n) and changed ≥ 2
    changed = 0
    for i in range(0, n, _CHUNK):
        j = min(i + _CHUNK, n)
        b = before[i:j]
        a = after[i:j]
        if a != b:
            # operator.ne is one direct call per character; str.__ne__ went through a slot wrapper
            changed += sum(map(ne, b, a))
            if changed >= sure:
                return "traditional" if _HAN_CHAR.search(before, 0, n) else "simplified"
    if changed < 2:
        return "simplified"
    han = _han_count(before[:n])
    return "traditional" if han and changed / han >= 0.03 else "simplified"


def detect_script(text: str) -> str:
    """'traditional' or 'simplified', by comparing the text to its OpenCC t2s conversion."""
    sample = text[:_TRAD_SAMPLE]
    return _script_of(sample, _t2s_aligned(sample))


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern[str]:
    """Runs of characters NFKC changes one-for-one (full-width digits, ％, ideographic space…)."""
    chars = "".join(chr(cp) for cp, n in _nfkc_table().items() if len(n) == 1)
    return re.compile("[" + re.escape(chars) + "]+")


def _fold(chunk: str, table: dict[int, str], foldable: re.Pattern[str]) -> str:
    return foldable.sub(lambda m: m.group().translate(table), chunk)


@lru_cache(maxsize=1)
def _changing() -> re.Pattern[str]:
    """Any character NFKC changes (the union of ``_foldable`` and ``_expanding``)."""
    return re.compile("[" + re.escape("".join(chr(cp) for cp in _nfkc_table())) + "]")


def normalise(text: str) -> Normalised:
    """Strip pinyin glosses, apply NFKC (length-safe) and t2s, keeping an exact map to the original."""
    table, expanding, foldable, changing = _nfkc_table(), _expanding(), _foldable(), _changing()
    pieces: list[str] = []
    seg_norm: list[int] = []
    seg_orig: list[int] = []
    seg_linear: list[bool] = []
    size = 0

    def add(piece: str, orig: int, linear: bool) -> None:
        nonlocal size
        if piece:
            pieces.append(piece)
            seg_norm.append(size)
            seg_orig.append(orig)
            seg_linear.append(linear)
            size += len(piece)

    for a, b in _strip_glosses(text):
        if not changing.search(text, a, b):  # the common case: nothing for NFKC to do in the span
            add(text[a:b], a, True)
            continue
        pos = a
        for m in expanding.finditer(text, a, b):  # rare (…, ㎡): every output char maps to the source
            add(_fold(text[pos : m.start()], table, foldable), pos, True)
            add(table[ord(m.group())], m.start(), False)
            pos = m.end()
        add(_fold(text[pos:b], table, foldable), pos, True)
    folded_text = "".join(pieces)
    simplified = _t2s_aligned(folded_text)
    script = _script_of(folded_text, simplified)
    return Normalised(simplified, len(text), script, seg_norm, seg_orig, seg_linear)
