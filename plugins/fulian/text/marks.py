"""Where a report's punctuation stands: listed once per text, shared by facts, periods and places.

Each reader cuts a report into lines, sentences and clauses at its own set of marks (facts keeps a
comma inside a number such as 1,200; periods also cuts at a space between table cells). The
positions of every mark are found once per text, one literal at a time (the engine's fast literal
search: several times faster than one scan for a character class over CJK text), and each reader
merges the lists of the marks it cuts at.
"""

from __future__ import annotations

import re
from functools import lru_cache

# every mark a reader cuts at: line, sentence and clause ends, spaces, and the quote marks facts opens
MARKS = '\n。！？!?，,；;：:\u3000\t “「《‘"'
_LITERALS = tuple((c, re.compile(re.escape(c))) for c in MARKS)
_KNOWN = frozenset(MARKS)


def is_han(char: str) -> bool:
    """Whether a character is a CJK unified ideograph (a Han character of running text)."""
    return "\u4e00" <= char <= "\u9fff"


# the report's own divisions as a whole (全国, 全省, 全市, 全县 …): places reads them as places, facts
# leaves them out of a listed place's metric
OWN_WHOLE = re.compile(r"全国|全省|全区|全市|全州|全盟|全县|全旗")
# the last item of a list by place: the places it did not name (其余各村合计, 其他12个乡镇, 其余县市区)
REST_OF_LIST = re.compile(
    r"(?:其余|其他|另外)[\d一二两三四五六七八九十几]*个?各?"
    r"(?:村|社区|街道|乡镇|镇乡|镇|乡|县市区|县区|区县|县（市、区）|县|区|市|市州)(?:合计|共计|共)?"
)
# a congress, not the study of one's spirit (学习贯彻…全国代表大会精神, said at the top of many speeches)
_CONGRESS = re.compile(r"代表大会(?!\s*精神)")


def opens_on_a_congress(text: str) -> bool:
    """Whether a report is of or on a congress (a women's congress, a people's congress's session):
    代表大会 in its first 300 characters. Read by documents (it covers the years up to the congress)
    and periods (a women's congress reviews the years since the last one)."""
    return _CONGRESS.search(text, 0, 300) is not None


# a window of months a review covers (2021年1月至2023年6月, 自2021年1月实施至2023年6月底): read by documents
# (the report is on the year it ends) and periods (undated figures of the review cover its years)
REVIEW_WINDOW = re.compile(
    r"((?:19|20)\d{2})年\d{1,2}月(?:[\u4e00-\u9fff]{1,4}(?=[至到]))?(?:至|到|—|–|-|——)((?:19|20)\d{2})年\d{1,2}月"
)


# a site's menu or breadcrumb (首页  政务公开  乡镇动态, 您当前的位置：首页 > 乡镇动态, after the site's name:
# 某市妇女联合会　首页 > 通知公告): the lines above it
# are the site's name, not the page's title
SITE_MENU = re.compile(
    r"(?:当前|现在)的?位置|您的位置|(?:^|\s)首页(?:\s*[>›»|]|\s{2})|(?:[>›»].*){2}|(?:\|.*){2}", re.M
)
# lines of a page's or an official document's head that are neither title nor text: a site's menu or
# breadcrumb, a document number (某妇〔2024〕3号), an issuer's header (某市妇女联合会文件); read by
# documents (no title) and periods (no running text: the page's head goes on past it)
HEAD_FURNITURE = re.compile(
    r"^[\u4e00-\u9fff\s]{2,40}文件$|[〔\[［]\s*\d{4}\s*[〕\]］]\s*\d+\s*号$|" + SITE_MENU.pattern, re.M
)
_START = re.Match.start


@lru_cache(maxsize=4)
def _by_mark(text: str) -> dict[str, list[int]]:
    """{mark: its positions in ``text``, ascending} for the marks that occur in it.

    Remembered for the last few texts: the readers of one report ask about the same text in turn.
    """
    return {c: list(map(_START, rx.finditer(text))) for c, rx in _LITERALS if c in text}


def positions(text: str, marks: str) -> list[int]:
    """The positions in ``text`` of any of ``marks`` (each one of ``MARKS``), ascending; a new list."""
    if not _KNOWN.issuperset(marks):
        raise ValueError(f"not a listed mark: {sorted(set(marks) - _KNOWN)}")
    found = _by_mark(text)
    out: list[int] = []
    for c in marks:
        out += found.get(c, ())
    out.sort()  # a merge of sorted runs
    return out


# a budget's or final accounts' disclosure by its title (2025年部门预算, 2023年度部门决算说明)
BUDGET_TITLE = re.compile(r"预算|决算")
