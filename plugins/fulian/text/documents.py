"""Document-level facts: where the report is from, who reports, for which year, published when and where.

Conventions follow shared/gold/documents.jsonl: the organisation is the reporting women's federation
by full name (``东营市妇联``; a bare ``市妇联`` is completed with the city the text is about), the city
is prefecture-level (a county maps to its city, "" for a province-wide report), names are in
simplified script whatever the script of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from itertools import chain

from fulian.text import marks, regions
from fulian.text.normalise import Normalised, t2s
from fulian.text.numerals import parse_chinese, parse_number
from fulian.text.regions import Region

_ORG = re.compile(r"妇联|妇女联合会")
# The level a federation named by its level alone (市妇联, 县妇联) stands at.
_BARE_LEVEL = {"省": "province", "市": "city", "州": "city", "县": "county", "区": "county", "旗": "county"}
_NOT_THE_REPORTER = ("全国", "各级", "村", "乡镇", "镇", "乡", "社区", "基层", "两新", "企业", "机关")
# a year (2020年) not preceded by a digit or dash and not opening a range; the look-behind sits after
# the first digit so that the pattern starts on a literal the engine can scan for
_YEAR = re.compile(r"((?:1(?<![\d\-~～—]1)9|2(?<![\d\-~～—]2)0)\d{2})\s*年(?!\s*[-~～—至到]\s*\d)")
_TOPIC_YEAR = re.compile(r"(?:^|[。\n！？!?])\s*((?:19|20)\d{2})\s*年度?\s*[，,、]", re.M)
# the first year of a span written before its last (2021—), right before that last year
# the dash or word between the years of a span (2021—2024年, 2019至2023年)
_SPAN_DASH = r"\s*年?\s*[—–\-~～至到]+\s*"
_SPAN_START = re.compile(rf"(?:19|20)\d{{2}}{_SPAN_DASH}$")
# _TOPIC_YEAR without its opening boundary: starts on a literal digit, so the engine scans for it
_TOPIC_YEAR_CORE = re.compile(r"((?:19|20)\d{2})\s*年度?\s*[，,、]")
# (not the end of a span: 规划（2021—2030年）实施情况 reports on no 2030)
_TITLE_YEAR = re.compile(
    r"(?<![\d\-~～—–至到])((?:19|20)\d{2})\s*年度?.{0,12}(?:总结|报告|工作|情况|要点|简报)"
)
# a date written 2024年3月5日, 2024-03-05, 2024/3/5 or 2024.3.5: year, month, day
_YMD = r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})"
_DATE_LINE = re.compile(
    r"^[^\n]{0,16}?" + _YMD + r"\s*日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.M,
)
# a labelled date in a page's metadata line: 发布时间：2024-03-05 09:12, 日期: 2023年5月8日. The labels
# are spelled out one by one (发布时间|发布日期|…, same order) so that every alternative starts with a
# literal: the engine then scans for their first characters instead of trying each position.
_DATE_LABEL = re.compile(
    r"(?:发布时间|发布日期|发表时间|发表日期|更新时间|更新日期|录入时间|录入日期|时间|日期)"
    r"\s*[:：]\s*" + _YMD
)
# a page's metadata line that opens with its date: 2024-03-05 08:12　来源：…　作者：…
_DATE_META = re.compile(
    _YMD + r"\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"\s+(?=来源|作者|字号|浏览|点击|编辑|发布|阅读|责任编辑|稿源)"
)
# a date after a metadata label's value on the same line (来源：某妇联  2023-09-22 10:35  字号：大 中 小)
_DATE_AFTER_LABEL = re.compile(
    r"(?:来源|稿源|作者|编辑)\s*[:：][^\n]{1,40}?\s"
    + _YMD
    + r"\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?=\s|$)"
)
_DATELINE_FULL = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*电?讯")
# A full date on a short line of the head (a byline, a speech's "（2021年8月27日）"), not in a sentence.
_HEAD_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
# A date written in Chinese numerals (二〇一六年十一月二十二日), as a speech or a bulletin dates itself.
_CN_DATE = re.compile(
    r"([一二][〇零○一二三四五六七八九]{3})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_IN_BOOK_TITLE = re.compile(r"《[^》]*》")
# a year a title deploys (会议召开 部署2024年重点任务): the year planned, not the year reported on
_PLANNED_YEAR = re.compile(r"(?:部署|安排|谋划|筹划|展望)\s*(?:19|20)\d{2}\s*年度?")
_CN_YEAR = re.compile(r"[一二][〇零○一二三四五六七八九]{3}(?=年)")


def _digit_years(text: str) -> str:
    """二〇一六年 → 2016年, same length (so offsets hold): year rules then read both ways of writing."""
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_YEAR_DIGITS), text)


_SOURCE_LABEL = re.compile(r"(?:来源|来自|稿源|出处)\s*[:：]\s*([^\s\n]{2,30})")
# a government site's disclosure block (索 引 号：…　发布机构：…　主题分类：…): the page's metadata, no title
_DISCLOSURE_LABEL = re.compile(r"(?:索\s*引\s*号|发布机构|主题分类|信息分类|公开方式)\s*[:：]")
_SOURCE_DATELINE = re.compile(
    r"^\s*([\u4e00-\u9fff·]{2,20}?)\s*(?:\d{1,2}月\d{1,2}日\s*(?:电|讯)|讯|记者|通讯员|消息)"
)
_ISSUER_LINE = re.compile(
    r"^[\u4e00-\u9fff]{2,20}(?:局|委员会|委|办公室|办|妇联|妇女联合会|中心|政府|厅|部)$"
)
_BULLETIN_LINE = re.compile(r"^[\u4e00-\u9fff]{2,20}(?:简报|快报|动态|通讯|信息|专刊)$")
_NOT_TITLE = re.compile(
    r"^[\s\d.,、()（）第期总号\-—:：]*$|^[(（]?\s*总?\s*第\s*\d+\s*期\s*[)）]?$|^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"
)
_BYLINE = re.compile(r"记者|通讯员|编辑|作者")
_DATELINE_PREFIX = re.compile(r"^[\u4e00-\u9fff·]{2,20}?\s*(?:\d{1,2}月\d{1,2}日)?\s*电?讯\s*")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of the normalised text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# ------------------------------------------------------------------------------------ regions/org


def _org_mentions(text: str) -> list[tuple[str, object, int]]:
    """Each 妇联 with what stands before it: ('named', Region-tuple, pos) or ('bare', level, pos)."""
    out: list[tuple[str, object, int]] = []
    for m in _ORG.finditer(text):
        p = m.start()
        found = None
        longest = min(16, p)
        # the longest full name (≤ 16 chars) ending right before 妇联: only the lengths of names
        # that end in the two characters before it can match
        for length in regions.full_name_lengths(text[p - 2 : p]) if p >= 2 else ():
            if length > longest:
                continue
            regs = regions.lookup_full(text[p - length : p])
            if regs and (regs := regions.named_at(regs, text, p - length)):
                found = ("named", regs, p - length)
                break
        if not found:
            for length in (4, 3, 2):
                if p >= length and (regs := regions.lookup_short(text[p - length : p])):
                    found = ("named", regs, p - length)
                    break
        if not found and p >= 1 and text[p - 1] in "省市县区州":
            if text[max(0, p - 3) : p - 1].endswith(_NOT_THE_REPORTER) or text[p - 2 : p - 1] in "全各本":
                continue
            level = _BARE_LEVEL[text[p - 1]]
            found = ("bare", level, p - 1)
        if found:
            out.append(found)
    return out


def _region_weights(text: str, head_end: int) -> tuple[Counter, Counter, Counter, dict[str, Region]]:
    """Mention counts of provinces, cities and counties (full names; short names in the head too)."""
    prov, city, county = Counter(), Counter(), Counter()
    by_name: dict[str, Region] = {}
    mentions = regions.find_mentions(text)
    # the evidence that settles an ambiguous name (宝山区: 上海 or 双鸭山) comes from names that are not
    # ambiguous themselves, or an ambiguous name would vote for all its own readings
    settled = [m for m in mentions if len({r.province for r in m.regions}) == 1]
    provs = {r.province for m in settled for r in m.regions}
    cities = {r.city for m in settled for r in m.regions if r.level == "city"}
    for m in mentions:
        r = regions.disambiguate(m.regions, provs, cities)
        if r is None:
            continue
        w = 3 if m.start < head_end else 1
        by_name[m.name] = r
        if r.level == "province":
            prov[r.province] += w
        elif r.level == "city":
            city[r.city] += w
            prov[r.province] += w * 0.5
        else:
            county[r.county] += w
            cr = regions.city_region(r)
            if cr:
                city[cr.name] += w * 0.5
                by_name.setdefault(cr.name, cr)
            prov[r.province] += w * 0.25
    # short city names are trusted in the head only (聊城乡村振兴简报)
    for m in regions.find_short_mentions(text[:head_end]):
        r = regions.disambiguate(m.regions, provs, cities)
        if r and r.level == "city":
            city[r.city] += 2
            by_name.setdefault(r.city, r)
    return prov, city, county, by_name


def _pick_region(text: str, head_end: int) -> tuple[Region | None, str]:
    """The reporting region and organisation name."""
    prov_w, city_w, county_w, by_name = _region_weights(text, head_end)
    provs, cities = set(prov_w), set(city_w)
    orgs = _org_mentions(text)
    scores: Counter = Counter()
    first: dict[object, int] = {}
    named: dict[object, Region] = {}
    for kind, what, pos in orgs:
        if kind == "named":
            r = regions.disambiguate(what, provs, cities)  # type: ignore[arg-type]
            key: object = ("named", r.code, r.level)
            named[key] = r
        else:
            key = ("bare", what)
        scores[key] += 1
        first.setdefault(key, pos)
    if scores:
        # equal mentions: the body of the place the text is most about (区第三次妇代会 news that a 市妇联
        # leader attends, named first), then the first named
        key = max(
            scores, key=lambda k: (scores[k], _weight_of(named.get(k), prov_w, city_w, county_w), -first[k])
        )
        if key[0] == "named":
            r = named[key]
            return r, f"{r.name}妇联"
        level = key[1]
        r = _best_of_level(level, prov_w, city_w, county_w, by_name)
        return r, (f"{r.name}妇联" if r else "")
    r = _best_of_level("city", prov_w, city_w, county_w, by_name) or _best_of_level(
        "province", prov_w, city_w, county_w, by_name
    )
    return r, ""


def _weights_at(level: str, prov_w: Counter, city_w: Counter, county_w: Counter) -> Counter:
    """The mention weights of the regions of one level."""
    return {"province": prov_w, "city": city_w, "county": county_w}[level]


def _weight_of(r: Region | None, prov_w: Counter, city_w: Counter, county_w: Counter) -> float:
    """How much the text is about region r (its mention weight at its level; 0 for no region)."""
    return 0 if r is None else _weights_at(r.level, prov_w, city_w, county_w)[r.name]


def _best_of_level(
    level: str, prov_w: Counter, city_w: Counter, county_w: Counter, by_name: dict[str, Region]
) -> Region | None:
    counter = _weights_at(level, prov_w, city_w, county_w)
    if level == "city":
        # 市妇联 in a report about a county-level city (定州市, under 保定市) is that city's federation,
        # and a report about one county (固始县) with no body named is that county's, when the text
        # names it at least as often as any prefecture-level city, and names none of the counties beside
        # it (a prefecture's report lists its counties: 岫岩县、海城市和台安县)
        county_cities = [(n, w) for n, w in county_w.most_common() if n in by_name]
        top = city_w.most_common(1)
        if county_cities and (not top or county_cities[0][1] >= top[0][1]):
            chosen = by_name[county_cities[0][0]]
            siblings = [r for r in by_name.values() if r.level == "county" and r.city == chosen.city]
            if all(r.name == chosen.name for r in siblings):
                return chosen
    for name, _ in counter.most_common():
        if level == "province":
            regs = [r for r in regions.lookup_full(name) if r.level == "province"]
            if regs:
                return regs[0]
        elif name in by_name:
            return by_name[name]
    if level == "county":
        return _best_of_level("city", prov_w, city_w, county_w, by_name)
    if level == "city" and prov_w:
        return None
    return None


# ------------------------------------------------------------------------------------ dates, year


def _valid_date(y: str, m: str, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _first_valid_date(
    found: Iterable[tuple[re.Match[str] | None, tuple[int, int]]],
) -> tuple[str | None, tuple[int, int] | None]:
    """The first (match, span) whose match holds a valid date: (ISO date, span), else (None, None)."""
    for m, span in found:
        iso = m and _valid_date(*m.groups())
        if iso:
            return iso, span
    return None, None


def _publication_date(text: str, lines: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
    """A date line (≤ 40 characters) among the first and last ten lines, else a labelled date
    (发布时间：…) there, else a dateline (…年…月…日电) in the first 300 characters, else a date on a
    short line of the head."""
    zones = list(dict.fromkeys(lines[:10] + lines[-10:]))  # the head and tail of a short text overlap
    date_lines = (
        (_DATE_LINE.match(text, s, e) if len(text[s:e].strip()) <= 40 else None, (s, e)) for s, e in zones
    )
    labelled = (
        (
            _DATE_LABEL.search(text, s, e)
            or _DATE_META.match(text, s, e)
            or _DATE_AFTER_LABEL.search(text, s, e),
            (s, e),
        )
        for s, e in zones
    )
    m = _DATELINE_FULL.search(text, 0, min(len(text), 300))
    found = _first_valid_date(chain(date_lines, labelled, [(m, m.span() if m else (0, 0))]))
    return found if found[0] else _head_date(text, lines)


def _head_date(text: str, lines: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
    """A date on a short line of the head (a byline, a speech's "（2021年8月27日）"), in digits or in
    Chinese numerals; not one opening a sentence or a caption (2021年1月8日，…举办)."""
    for s, e in lines[:8]:
        line = text[s:e].strip()
        if len(line) > 60 or line.endswith("。"):
            continue
        m = _HEAD_DATE.search(text, s, e)
        # a speech's subtitle (——2024年8月27日在县人大常委会会议上) dates it too
        speech = line.startswith(("—", "（", "(")) and text.startswith("在", m.end()) if m else False
        if m and not (m.end() == e or text[m.end()] in " \t）)" or speech):
            continue
        iso = _valid_date(*m.groups()) if m else _chinese_date(text[s:e])
        if iso:
            return iso, (s, e)
    return None, None


def _chinese_date(line: str) -> str | None:
    """二〇一六年十一月二十二日 → 2016-11-22 (None when the line holds no such date)."""
    m = _CN_DATE.search(line)
    if not m:
        return None
    year = m.group(1).translate(_CN_YEAR_DIGITS)
    return _valid_date(year, str(int(parse_chinese(m.group(2)))), str(int(parse_chinese(m.group(3)))))


# a lead on the publication's year so far (今年以来, 今年1至4月, 年初以来, 今年上半年)
_THIS_YEAR_LEAD = re.compile(r"今年以来|年初以来|今年(?:前|上半年|\d{1,2}\s*[月至-])")


def _topic_years(text: str) -> list[int]:
    """The years of ``_TOPIC_YEAR`` (a year opening a sentence or line: ``2020年,``), found as
    ``_TOPIC_YEAR_CORE`` matches whose preceding whitespace starts the text, follows a sentence
    end or holds a line break."""
    years = []
    for m in _TOPIC_YEAR_CORE.finditer(text):
        y = j = m.start()
        if span := _SPAN_START.search(text, max(0, y - 8), y):
            j = span.start()  # 2021—2024年，: a span opening the sentence, of its last year
        while j and text[j - 1].isspace():
            j -= 1
        if j == 0 or text[j - 1] in "。！？!?" or "\n" in text[j:y]:
            years.append(int(m.group(1)))
    return years


# A news item dates its event by month and day alone (1月12日上午, 记者…讯 3月8日): the year is the
# publication's, or the one before for a day later in the year than the publication.
_EVENT_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
# a meeting, a release or a commendation in a title (工作会议召开, 表彰大会, 联合发布)
_MEETING = re.compile(r"会议|大会|召开|发布|座谈|表彰")
# a head that calls the piece a review of the year's work (a 综述 feature published early in the year)
_REVIEW_HEAD = re.compile(r"综述|年终盘点|回眸|工作回顾")
# the same day opening a paragraph of the body
# (after a dateline and its byline: 江门讯（通讯员 某某）3月6日，…)
_OPENING_DAY = re.compile(
    r"^[ \t\u3000]*(?:[\u4e00-\u9fff·]{2,12}?讯\s*(?:[（(][^（）()\n]{1,24}[)）])?\s*)?"
    r"(\d{1,2})月(\d{1,2})日(?:上午|下午|晚上|晚)?[，,]",
    re.M,
)


# 2016年前 / 2016年以前 (before that year), not 2024年前三季度 (its first three quarters)
_BEFORE_YEAR = re.compile(r"以前|前(?![一二两三四五六七八九十\d半几]|个月)")
# (近一年来 is the last twelve months, not last year)
_PAST_YEAR = re.compile(
    r"过去的?一年|去年(?:一年|以来)?(?:的)?工作回顾|(?<!近)一年来|(?:通报|总结|回顾)了?去年"
)
_REVIEWED_YEAR = re.compile(r"(?:回顾|总结|通报)了?\s*((?:19|20)\d{2})\s*年")


def _news_year(text: str, title: str, pub: str) -> int | None:
    """The year of the event a news item leads with, from its month-and-day and the publication."""
    lead = text[: min(len(text), 400)]
    m = _EVENT_DAY.search(lead)
    if m is None or not ("讯" in lead[: m.start()] or "记者" in lead[: m.start()] or m.start() < 120):
        return None
    if _early_meeting(text, title, m, pub):
        return int(pub[:4]) - 1
    return _event_year(int(m.group(1)), int(m.group(2)), pub)


def _fresh_news_year(text: str, title: str, pub: str) -> int | None:
    """The publication's year for a news item whose lead names a day of the week around it (10月11日是
    …国际女童日。当天…, published on 10-11; 11月25日是…, published on 11-24): news of that day, whatever
    years its background sentences open with (2018年，全市…); None for any other text, and for a meeting
    early in the year."""
    m = _EVENT_DAY.search(text, 0, 300)
    if m is None:
        return None
    try:
        lag = (date.fromisoformat(pub) - date(int(pub[:4]), int(m.group(1)), int(m.group(2)))).days
    except ValueError:
        return None
    if -7 <= lag <= 7 and not _early_meeting(text, title, m, pub):  # (or a day just ahead: 11月25日是…)
        return int(pub[:4])
    return None


# figures running to a month of a year (截至2024年2月底): of that year
_CUT_OFF_MONTH = re.compile(r"截[至止]\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")


def _early_meeting(text: str, title: str, day: re.Match[str], pub: str) -> bool:
    """Whether a news item dated by its event's day is of a meeting (a work conference, a release, a
    commendation) in the first quarter, which reviews the year before: its title or the sentence of
    that day names one, and its figures do not run into the publication's year."""
    sentence = text[day.start() : text.find("。", day.start()) % (len(text) + 1)]
    review = _REVIEW_HEAD.search(text, 0, day.start())  # ——…推进乡村振兴巾帼行动综述
    if any(int(m.group(1)) == int(pub[:4]) for m in _CUT_OFF_MONTH.finditer(text)):
        return False  # its figures run to a month of the publication's year (截至2024年2月底): that year's
    return int(pub[5:7]) <= 3 and bool(_MEETING.search(title) or _MEETING.search(sentence) or review)


def _event_year(month: int, day: int, pub: str) -> int | None:
    """The year of an event on a month and day, published on ``pub``: the publication's, or the year
    before for a day later in the year."""
    pub_year, pub_month, pub_day = int(pub[:4]), int(pub[5:7]), int(pub[8:10])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return pub_year - 1 if (month, day) > (pub_month, pub_day) else pub_year


def _issued_title(title: str) -> str:
    """The book title a notice issues (关于印发《某市妇联2024年工作要点》的通知 → its name), else ''."""
    m = re.search(r"(?:印发|转发|下发|发布)\s*《([^》]*)》", title)
    return m.group(1) if m else ""


def _stated_year(text: str, title: str, pub: str | None) -> int | None:
    """The year the title states (before the publication) or a congress's year; None when neither
    says."""
    own = _PLANNED_YEAR.sub("", _IN_BOOK_TITLE.sub("", title))
    m = _TITLE_YEAR.search(own) or _TITLE_YEAR.search(_issued_title(title))
    if m:
        # a government's work report is named by the year of the session it is given to, early in that
        # year (2024年某县政府工作报告, 2024年1月): it reports on the year before
        return int(m.group(1)) - (1 if _SESSION_REPORT.search(own, m.end(1)) else 0)
    pub_year = int(pub[:4]) if pub else None
    for m in _YEAR.finditer(own):
        if pub_year is None or int(m.group(1)) <= pub_year:
            return int(m.group(1))
    if pub_year and marks.opens_on_a_congress(text):
        cut_off = _DATA_CUT_OFF.search(text, 0, 1500)
        if cut_off and int(cut_off.group(1)) == pub_year - 1:
            return pub_year - 1  # a report to a session on the data to last year's end (截至2023年底，…)
        if pub and len(pub) >= 7 and int(pub[5:7]) <= 3:
            return pub_year - 1  # a congress early in the year reviews the years up to the last one's end
        return pub_year  # a congress report covers the years up to the congress
    return None


_SESSION_REPORT = re.compile(r"政府工作报告")
# the data's cut-off at a year's end, opening a report's account: 截至2023年底 / 年末 / 12月31日
_DATA_CUT_OFF = re.compile(r"截至\s*((?:19|20)\d{2})\s*年\s*(?:底|末|12\s*月\s*(?:31\s*日|底))")


# a year written after these dates no report: a goal (到2025年), a book's name, the base of a comparison
# (较2021年底的41个), the start of a span (自2017年…以来)
_NO_REPORT_YEAR_AFTER = ("到", "至", "《", "较", "比", "由", "从", "自")
_SINCE_YEAR = re.compile(r"\s*(?:以来|起|至今)")


def _report_year(text: str, title: str, pub: str | None, pub_span: tuple[int, int] | None) -> int | None:
    stated = _stated_year(text, title, pub)
    if stated:
        return stated
    if ended := _head_span_end(text, pub):
        return ended
    if pub and int(pub[5:7]) <= 3 and _PAST_YEAR.search(text, 0, 800):
        return int(pub[:4]) - 1  # a report early in the year on 过去的一年: the year before
    opening = _OPENING_DAY.search(text, 0, 1000) if pub and len(pub) >= 10 else None
    if opening and not _early_meeting(text, title, opening, pub):
        # a news item opening its body on its event's day (4月17日，…推进会在…召开): of the event's
        # year, whatever years its background sentences open with (2023年，全县…), unless it is a
        # meeting early in the year
        return _event_year(int(opening.group(1)), int(opening.group(2)), pub)
    if pub and len(pub) >= 10 and (fresh := _fresh_news_year(text, title, pub)):
        return fresh
    if pub and len(pub) >= 7 and int(pub[5:7]) >= 3 and _THIS_YEAR_LEAD.search(text, 0, 600):
        return int(pub[:4])  # 今年以来，…1至4月全县累计发放…: the year so far, whatever anecdotes date
    topic_years = _topic_years(text)
    if pub:  # a year after the publication's opens next year's plans (2027年，省妇联将…), not the topic
        topic_years = [y for y in topic_years if y <= int(pub[:4])]
    if topic_years:  # the commonest; on a tie the first (a review comes before next year's plans)
        topic = Counter(topic_years)
        return max(topic, key=lambda y: (topic[y], -topic_years.index(y)))
    if reviewed := _REVIEWED_YEAR.search(text, 0, 600):
        return int(reviewed.group(1))  # a meeting's news: the year whose work it reviews (回顾总结2022年…)
    if pub and len(pub) >= 10 and (event := _news_year(text, title, pub)):
        return event  # no year opens a sentence: a news item, dated by its event's day
    if not pub and (school := _school_year(text)):
        return school
    return _latest_year(text, pub, pub_span)


# a school year (2024—2025学年): its autumn term in the first year, its spring term in the second
_SCHOOL_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:[-—–~～至到]|——)\s*((?:19|20)\d{2})\s*学年")


def _school_year(text: str) -> int | None:
    """The year of an undated news item on a school year's event (11月20日，…举行2024—2025学年…仪式):
    the first year for an event in September to December, the second for one in January to August, the
    first when no day is given."""
    m = _SCHOOL_YEAR.search(text, 0, 1500)
    if m is None or int(m.group(2)) != int(m.group(1)) + 1:
        return None
    day = _OPENING_DAY.search(text, 0, 1000)
    return int(m.group(2)) if day and int(day.group(1)) <= 8 else int(m.group(1))


# a span of years in a title or subtitle (家事审判工作白皮书（2019—2023年）, 2016—2020年终期评估)
_SPAN_IN_HEAD = re.compile(rf"((?:19|20)\d{{2}}){_SPAN_DASH}((?:19|20)\d{{2}})\s*年")


def _head_span_end(text: str, pub: str | None) -> int | None:
    """The last year of a span the title or its subtitle names, when it ended before the publication:
    a report on those years (a white paper on 2019—2023 published in 2024) reports on its last one. A
    span running on past the publication is a plan's, no year reported on. Else the year a window of
    months the opening reviews ends in (规划实施以来（2021年1月至2023年6月）的进展)."""
    if not pub:
        return None
    for line in text[:300].split("\n")[:4]:
        m = _SPAN_IN_HEAD.search(line)
        if m and int(m.group(1)) <= int(m.group(2)) < int(pub[:4]):
            return int(m.group(2))
    window = marks.REVIEW_WINDOW.search(text, 0, 800)
    return int(window.group(2)) if window and int(window.group(2)) <= int(pub[:4]) else None


def _latest_year(text: str, pub: str | None, pub_span: tuple[int, int] | None) -> int | None:
    """The report year where nothing says it outright: the latest year the text names up to its
    publication, else the publication's, else the year its next years are said in."""
    pub_year = int(pub[:4]) if pub else None
    years = []
    for m in _YEAR.finditer(text):
        if pub_span and pub_span[0] <= m.start() < pub_span[1]:
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        if before.endswith(_NO_REPORT_YEAR_AFTER) or _BEFORE_YEAR.match(text, m.end()):
            continue
        if _SINCE_YEAR.match(text, m.end()):
            continue  # 2021年以来: the start of a running total, not the year reported on
        y = int(m.group(1))
        if pub_year and y > pub_year:
            continue
        years.append(y)
    if years:
        return max(years)
    if pub:
        return pub_year - 1 if int(pub[5:7]) <= 2 else pub_year
    if ahead := _YEARS_AHEAD.search(text):  # 今后五年，…力争到2026年: said in 2021
        return int(ahead.group(2)) - int(parse_number(ahead.group(1)))
    return None


# the next N years and the goal year they run to, in one sentence: the year they are said in, N before
_YEARS_AHEAD = re.compile(
    r"(?:今后|未来)([一二三四五六七八九十]|\d{1,2})年[^。！？]{0,80}?到((?:19|20)\d{2})年"
)


# --------------------------------------------------------------------------------- title, source


def _is_issuer_line(line: str) -> bool:
    """A line of an official document's head naming its issuers (某市妇女联合会, 某局　文件, several
    joint issuers on one line), not a title."""
    names = line.replace("文件", " ").split()
    return bool(names) and all(_ISSUER_LINE.match(name) for name in names)


def _title_span(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the title stands in the normalised text: the first line that is none of a page's
    furniture (a site's name and menu, an issuer, a byline, a metadata line, a date), cut to its first
    sentence when long. A site's menu or breadcrumb ends the page's head: the lines above it are the
    site's name (某市人民政府 | 乡镇动态), not the title."""
    menus = [k + 1 for k, (s, e) in enumerate(lines[:6]) if marks.SITE_MENU.search(text, s, e)]
    first = menus[-1] if menus else 0
    for s, e in lines[first:15]:
        line = text[s:e].strip()
        if len(line) <= 3 or _NOT_TITLE.match(line) or _DATE_LINE.match(line):
            continue
        if marks.HEAD_FURNITURE.search(line) or _is_issuer_line(line):
            continue
        if _BYLINE.search(line) and len(line) <= 40:
            continue
        if _SOURCE_LABEL.search(line) or _DATE_LABEL.search(line) or _DISCLOSURE_LABEL.search(line):
            continue  # the page's metadata line (来源：…  发布时间：…), not its title
        cut = _DATELINE_PREFIX.match(line)
        offset = s + (len(text[s:e]) - len(text[s:e].lstrip()))
        if cut:
            offset += cut.end()
            line = line[cut.end() :]
        if len(line) > 60:
            end_sent = re.search(r"[。！？!?]", line)
            line = line[: end_sent.end() if end_sent and end_sent.end() <= 80 else 60]
        return offset, offset + len(line)
    return None


def _source(text: str, lines: list[tuple[int, int]]) -> str:
    m = _SOURCE_LABEL.search(text)
    if m:
        return m.group(1).strip("。，,;；")
    if lines:
        s, e = lines[0]
        m = _SOURCE_DATELINE.match(text, s, e)
        if m:
            return m.group(1)
    head = [text[s:e].strip() for s, e in lines[:8]]
    # an issuing office (…妇联, …委员会), else a bulletin's name (…简报)
    return next((line for rx in (_ISSUER_LINE, _BULLETIN_LINE) for line in head if rx.match(line)), "")


# ----------------------------------------------------------------------------- the reporting body

# What a reporting body's name ends with: a federation, a statistics bureau, a women's and children's
# working committee (or its office), a government (or its general office) and its departments, a
# court, a trade union, the other mass organisations that report on women and children (残联, 关工委,
# 红十字会, 团委), a maternal and child health hospital. The committee is written
# with and then without 人民政府 before it (as an optional prefix would try it) so that every
# alternative starts with a literal and the engine scans for their first characters.
_COMMITTEE = "妇女儿童工作委员会办公室|妇儿工委办公室|妇女儿童工作委员会|妇儿工委办|妇儿工委"
_BODY = re.compile(
    rf"人民政府(?:{_COMMITTEE})|{_COMMITTEE}"
    r"|妇女联合会|妇联|统计局|乡村振兴局|卫生健康委员会|卫生健康局|卫健委|卫健局|民政局|教育局"
    r"|人力资源和社会保障局|中级人民法院|高级人民法院|人民法院|人民检察院|司法局|公安局[\u4e00-\u9fff]{2,4}?分局|公安局|人民政府办公室|人民政府办公厅|人民政府"
    r"|总工会女职工委员会|总工会|妇幼保健院|妇幼保健计划生育服务中心|残疾人联合会|残联"
    r"|关心下一代工作委员会|关工委|红十字会|慈善总会|农业农村局|医疗保障局|医保局|文化和旅游局"
    r"|科学技术协会|科协|工商业联合会|工商联|团委|团市委|团县委|团区委"
    r"|人大常委会执法检查组|人大常委会|人民代表大会常务委员会"
)
# What a byline holds besides the body's name: dates, labels, spaces, a page's widgets (【字体：大 中 小】).
# A statistical bulletin's co-issuer (某市统计局　国家统计局某市调查队) is noise beside the bureau it joins.
_BYLINE_NOISE = re.compile(
    r"【[^】]{0,16}】|[\s\d年月日:：\-/.()（）]|来源|发布|作者|时间|日期|供稿|编辑"
    r"|国家统计局[\u4e00-\u9fff]{2,8}?调查总?队"
)
_LABEL_WORD = re.compile(r"来源|发布|供稿|稿源|图文|撰稿")
# A credit after an article: the body that wrote it (（某镇妇联 供稿）, （某街道妇联 供稿  通讯员 某某）).
_CREDIT = re.compile(
    r"[（(]\s*(?:稿件来源|稿源|来源)?[:：]?\s*(?P<body>[^（）()\s:：]{2,30}?)\s*供稿[^（）()\n]{0,24}[)）]"
)
# a government portal's name above its menu (琼中黎族苗族自治县人民政府网): the host, not the reporter
_PORTAL_NAME = re.compile(r"(?:政府|人民政府)(?:门户)?网站?\s*$")
# Where a page names who publishes it.
_BODY_LABEL = re.compile(r"(?:来源|发布单位|发布机构|发布|供稿|信息来源|稿源|图文|文图|撰稿)\s*[:：]\s*$")


def _body_at(text: str, m: re.Match[str]) -> str | None:
    """The full name of the body whose suffix `m` matched: from the first division name that runs into
    it (贵州省黔东南州雷山县妇联 → 雷山县妇联 unless the province prefix is written with it), or None
    when no division is named right before it (县妇联, 各级妇联)."""
    lo = max(0, m.start() - 24)
    head = text[lo : m.start()]
    if not regions.full_name_lengths(head[-2:]):
        return None  # no division name ends with the two characters before it: none runs into it
    ends = {mention.end: mention.start for mention in regions.mentions_in(head)}
    if len(head) not in ends:
        return None
    start = ends[len(head)]
    while start in ends:  # a chain of names (北京市延庆区): the body is named after all of it
        start = ends[start]
    return head[start:] + m.group(0)


# A federation below the county (依汶镇妇联, 南苑街道妇联, 锦华社区妇联): townships, streets, communities
# and villages are not in the divisions' list, so such a body is taken only where a line opens with it
# (a title, a byline, a signature).
# a township's, street's, community's or village's federation opening a line or a label's value
_TOWNSHIP_BODY_NAME = r"([\u4e00-\u9fff]{2,12}?(?:镇|乡|街道|社区|村))(?:妇联|妇女联合会)"
# whom a congress report is given for, before the body (受某某镇妇女联合会第二届执行委员会委托，…)
_GIVEN_FOR = r"(?:我?(?:受|代表))?"
# (a congress report's line may open with that formula)
_TOWNSHIP_BODY = re.compile(r"(?:^|(?<=原创)|(?<=[：:｜|]))\s*" + _GIVEN_FOR + _TOWNSHIP_BODY_NAME, re.M)
_TOWNSHIP_BODY_HERE = re.compile(_TOWNSHIP_BODY_NAME)
_NOT_A_TOWNSHIP = ("全", "各", "本", "该", "乡镇", "镇街")
# a WeChat byline naming its author, then the account that publishes (原创 潍坊巾帼 潍坊新村街道妇联 2026年…)
_WECHAT_AUTHOR = re.compile(r"原创\s+\S{1,16}\s+")
_WECHAT_BYLINE = re.compile(rf"^{_WECHAT_AUTHOR.pattern}(?=\S)", re.M)
# A body a page names by its level alone (来源：县妇联): whose it is follows from the report's region.
_BARE_BODY = re.compile(r"([省市县区州旗])(?:妇联|妇女联合会)")


def _bodies(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(position, full name) of every named body in text[lo:hi]."""
    out = []
    for m in _BODY.finditer(text, lo, hi):
        name = _body_at(text, m)
        if name:
            start = m.end() - len(name)
            # a body's party group reports as itself (中共…妇联党组), not a member's title (妇联党组书记)
            if text.startswith("党组", m.end()) and not text.startswith(
                ("书记", "副书记", "成员"), m.end() + 2
            ):
                name += "党组"
                if text.startswith("中共", start - 2):
                    start, name = start - 2, "中共" + name
            out.append((start, name))
    townships = list(_TOWNSHIP_BODY.finditer(text, lo, hi))
    for byline in _WECHAT_BYLINE.finditer(text, lo, hi):  # the account after the author
        if (m := _TOWNSHIP_BODY_HERE.match(text, byline.end(), hi)) is not None:
            townships.append(m)
    for m in townships:
        if not m.group(1).startswith(_NOT_A_TOWNSHIP) and all(pos != m.start(1) for pos, _ in out):
            out.append((m.start(1), text[m.start(1) : m.end()]))
    return sorted(out)


def _bare_label_body(text: str, s: int, e: int) -> str:
    """`县妇联` when the page's source label names a body by its level alone, else ''; below the county
    (图文：社区妇联) the one federation of that level the text names (某某社区妇联), if it names one."""
    for m in _BARE_BODY.finditer(text, s, e):
        # the whole label (来源：县妇联), not a unit of it (来源：省妇联新媒体中心)
        whole = m.end() == e or not ("\u4e00" <= text[m.end()] <= "\u9fff")
        if whole and _BODY_LABEL.search(text, s, m.start()):
            return m.group(0)
    for m in _BARE_LOWER_BODY.finditer(text, s, e):
        if _BODY_LABEL.search(text, s, m.start()) and (named := _named_lower_body(text, m.group(1))):
            return named
    return ""


# a body below the county named by its level alone (社区妇联), and by its name mid-text (，某某社区妇联联合…)
_LOWER_LEVEL = r"(社区|街道|镇|乡|村)"
_BARE_LOWER_BODY = re.compile(rf"(?<![\u4e00-\u9fff]){_LOWER_LEVEL}(?:妇联|妇女联合会)")
_LOWER_BODY = re.compile(rf"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{{2,8}}?{_LOWER_LEVEL})(?:妇联|妇女联合会)")


def _named_lower_body(text: str, level: str) -> str:
    """The federation of a level below the county that the text names, when it names exactly one."""
    names = {
        m.group(1) + "妇联"
        for m in _LOWER_BODY.finditer(text)
        if m.group(2) == level and not m.group(1).startswith(_NOT_A_TOWNSHIP)
    }
    return names.pop() if len(names) == 1 else ""


def _name_bare_body(bare: str, region: Region | None) -> str:
    """A level-only body (县妇联) named after the report's region of that level; '' when unknown."""
    if region is None:
        return ""
    level = _BARE_LEVEL[bare[0]]
    if level == "county" and region.level == "county":
        return region.name + bare[1:]
    if level == "city" and region.level in ("city", "county"):
        city = regions.city_region(region)
        if city is None or city.level != "city":  # a municipality's 市妇联 is the municipality's
            return region.province + bare[1:] if region.city in (regions.DIRECT, region.province) else ""
        return city.name + bare[1:]
    if level == "province":
        return region.province + bare[1:]
    return ""


def _as_written(text: str, name: str, region: Region | None) -> str:
    """A body named by its division's full name (红河哈尼族彝族自治州妇联) that the text never writes so,
    by the division's short name and level where the text writes it that way (红河州妇联, or 红河州妇女联合会
    in its signature): the fullest form the text itself uses."""
    if region is None or name in text:
        return name
    for division in (region, regions.city_region(region)):
        if division is None or not name.startswith(division.name) or len(division.short_name) < 2:
            continue
        short = division.short_name + division.name[-1] + name[len(division.name) :]
        forms = (short, short[:-2] + "妇女联合会") if short.endswith("妇联") else (short,)
        if short != name and any(form in text for form in forms):
            return short
    return name


def _credited_body(text: str) -> str:
    """The body a credit after the article names (（某镇妇联 供稿）), else ''."""
    for m in _CREDIT.finditer(text):
        name = m.group("body")  # read alone: a township's body is then at the start of its "line"
        if found := _bodies(name, 0, len(name)):
            return found[0][1]
    return ""


# a working committee's office named short, and its full name (with 人民政府 before it or not)
_SHORT_COMMITTEE = re.compile(r"(妇儿工委办公室|妇儿工委办|妇儿工委)$")
_COMMITTEE_IN_FULL = {
    "妇儿工委办公室": "妇女儿童工作委员会办公室",
    "妇儿工委办": "妇女儿童工作委员会办公室",
    "妇儿工委": "妇女儿童工作委员会",
}


def _spelled_out(text: str, name: str) -> str:
    """A body a page's label names short (发布机构：通渭县妇儿工委办) by the full name its byline gives
    (通渭县人民政府妇女儿童工作委员会办公室), when the text spells it out; else as labelled."""
    short = _SHORT_COMMITTEE.search(name)
    if short is None:
        return name
    place, full = name[: short.start()], _COMMITTEE_IN_FULL[short.group(1)]
    for spelled in (f"{place}人民政府{full}", f"{place}{full}"):
        if spelled in text:
            return spelled
    return name


def _reporting_body(text: str, lines: list[tuple[int, int]], title: tuple[int, int]) -> str:
    """The body that reports, where the page says it: a source or publisher label, a credit after the
    text (（某镇妇联 供稿）), a byline under the title, the title itself, or a signature line at the end.
    '' when none is named there."""
    title_start, title_end = title
    head, tail = lines[:8], lines[-4:]
    # only short lines (bylines, signatures) and labelled ones can name the reporter: others are body
    # text. A short text's head and tail share lines: each line is read once. A label may stand
    # further up the foot, above a page's editor lines and account card (图文：… / 编辑：… / 审核：…).
    bodies = {
        (s, e): _bodies(text, s, e) if e - s <= 60 or _LABEL_WORD.search(text, s, e) else []
        for s, e in dict.fromkeys(head + lines[-10:])
    }
    for (s, e), found in bodies.items():
        for pos, name in found:
            # a WeChat byline's author, or its account after the author (原创 潍坊巾帼 潍坊新村街道妇联)
            if (
                _BODY_LABEL.search(text, s, pos)
                or _WECHAT_AUTHOR.fullmatch(text, s, pos)
                or text[s:pos].strip() == "原创"
            ):
                # a part of the labelled body that the title names reports (来源：某市总工会, title
                # 某市总工会女职工委员会2024年工作报告; 来源：某县妇联, title 中共某县妇女联合会党组关于…)
                forms = (name, name[:-2] + "妇女联合会") if name.endswith("妇联") else (name,)
                part = [
                    n
                    for _, n in _bodies(text, 0, title_end)
                    if n.removeprefix("中共").startswith(forms) and n not in forms
                ]
                return part[0] if part else _lower_titled_federation(text, title) or _spelled_out(text, name)
        if bare := _bare_label_body(text, s, e):
            return bare
    if credited := _credited_body(text):
        return credited
    if any(_BULLETIN_LINE.match(text[s:e].strip()) for s, e in head[:3]):
        return ""  # a bulletin's issuer publishes other bodies' reports: the article says who reports
    # the first line is the title, unless the page opens with its issuer (某市妇女联合会 / …文件):
    # then the first issuer named is the body that reports
    # (or a site's name above its menu, the title further down: 淮安市残疾人联合会 / 首页 > … / 市残联召开…)
    first = 0 if head and (_is_issuer_line(text[head[0][0] : head[0][1]]) or title_start > head[0][1]) else 1
    for s, e in head[first:] + tail:
        found = bodies[(s, e)]
        if not found or _PORTAL_NAME.search(text, s, e):
            continue  # names no body (most lines), or a portal that hosts others' reports (某县人民政府网)
        rest = _BYLINE_NOISE.sub("", text[s:e])
        for _, name in found:
            rest = rest.replace(name, "")
        if len(rest) <= 2:
            # a byline or a signature: the body, perhaps with a date or a label
            return _site_or_titled_federation(text, found[0][1], title) if s == 0 else found[0][1]
    return _title_body(text, title) or _speaker_body(text) or _opening_body(text, lines, title_end)


def _title_body(text: str, title: tuple[int, int]) -> str:
    """The body a title opens with (海口市妇联凝聚巾帼力量…), or the subtitle under a slogan title
    (凝心聚力展巾帼风采 / ——芜湖市总工会女职工委员会2023年工作报告), or ''."""
    found = _bodies(text, title[0], min(title[1], title[0] + 60))
    if found and found[0][0] < title[0] + 20:
        return found[0][1]
    sub = _SUBTITLE.match(text, title[1] + 1)
    found = _bodies(text, sub.end(), sub.end() + 40) if sub else []
    return found[0][1] if found and found[0][0] == sub.end() else ""


_SUBTITLE = re.compile(r"[ \t\u3000]*(?:——|—|－－)[ \t\u3000]*")


def _township_federation_at(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """A township's, street's, community's or village's federation named at text[lo] (not 全镇妇联)."""
    m = _TOWNSHIP_BODY_HERE.match(text, lo, hi)
    return m if m and not m.group(1).startswith(_NOT_A_TOWNSHIP) else None


def _lower_titled_federation(text: str, title: tuple[int, int]) -> str:
    """The township's, street's, community's or village's federation a title opens with and a colon
    follows (桂峰村妇联：巾帼红马甲…): its own work, whoever's page labels it (来源：某县妇联); else ''."""
    m = _township_federation_at(text, title[0], title[1])
    if m and text.startswith(("：", ":"), m.end()):
        return m.group(0)
    return ""


def _site_or_titled_federation(text: str, name: str, title: tuple[int, int]) -> str:
    """``name``, the body that opens the page, unless it is a government's site over a title that opens
    with a federation (霍山县人民政府 / 但家庙镇妇联2024年度工作总结): a county's portal hosts its
    townships' reports."""
    titled = _title_body(text, title) if "政府" in name else ""
    return titled if titled.endswith(("妇联", "妇女联合会")) else name


# a government news office's press conference (某省人民政府新闻办公室新闻发布会实录): the office holds it
# for the body it invites to present (邀请省妇联党组书记、主席…介绍…)
_PRESS_OFFICE = re.compile(r"新闻办(?:公室)?[^，。\n]{0,30}发布会")
_INVITED = re.compile(r"(?:邀|[，,]\s*)请([^。；\n]{2,80})")


def _invited_body(text: str, title: tuple[int, int]) -> str:
    """The body a news office's press conference invites to present, named in full or by its level alone
    (省妇联); '' for any other report. Its source label names the office, which only holds it."""
    # said in the title or the line under it (——省政府新闻办举行“两个规划”中期评估情况新闻发布会)
    subtitle_end = text.find("\n", title[1] + 1, title[1] + 200)
    held = _PRESS_OFFICE.search(text, title[0], subtitle_end if subtitle_end > 0 else title[1] + 200)
    m = _INVITED.search(text, 0, 1500) if held else None
    return "" if m is None else _body_named_in(text, m.start(1), m.end(1), _BARE_PRESENTER.search)


# a presenting body named by its level alone: a federation, or a government's women and children's
# committee (请省政府妇女儿童工作委员会办公室常务副主任、省妇联二级巡视员介绍: the first is who presents)
_BARE_PRESENTER = re.compile(rf"[省市县区州旗](?:(?:人民)?政府)?(?:{_COMMITTEE})|{_BARE_BODY.pattern}")


# the speaker's formula of a congress or an executive committee's report: whom the report is given for
# (现在，我代表某市妇女联合会第十届执行委员会向大会作工作报告; 我受市妇联常委会委托，向执委会报告工作)
_SPEAKER_FOR = re.compile(
    r"我(?:代表|受)([^，。,；\n]{2,40}?)(?:第[一二三四五六七八九十百零〇\d]+届)?"
    r"(?:执行委员会|执委会|常务委员会|常委会)?(?:委托)?[，,]?\s*向"
)


def _speaker_body(text: str) -> str:
    """The body a report's speaker speaks for, named in the opening (a level alone: 市妇联), else ''."""
    m = _SPEAKER_FOR.search(text, 0, 2000)
    if m is None:
        return ""
    if body := _body_named_in(text, m.start(1), m.end(1), _BARE_SPEAKER.fullmatch):
        return body
    # a township's federation (我代表鲁朗镇妇女联合会第一届执行委员会): named mid-line here, where the
    # formula itself says it is the body
    town = _township_federation_at(text, m.start(1), m.end(1))
    return town.group(0) if town else ""


# a body a speaker speaks for by its level alone: a federation, or a government (我代表市政府)
_BARE_SPEAKER = re.compile(r"([省市县区州旗])(?:妇联|妇女联合会|人民政府|政府)")


def _body_named_in(text: str, lo: int, hi: int, level_only: Callable[[str], re.Match[str] | None]) -> str:
    """The first body text[lo:hi] names in full, else the body it names by its level alone (市妇联) as
    ``level_only`` finds it in the span, else ''."""
    if found := _bodies(text, lo, hi):
        return found[0][1]
    bare = level_only(text[lo:hi])
    return bare.group(0) if bare else ""


# what may open a news item's first sentence before its subject: the day, 近日, 日前, the occasion
# (在“国际家庭日”来临之际，)
_OPENING = re.compile(
    r"\s*(?:\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?|近日|日前|近期)?[，,]?\s*"
    r"(?:(?:在|值|正值)[^，。]{1,24}(?:之际|前夕|期间|之时|当天)[，,]\s*)?"
)


_GIVEN_FOR_ONLY = re.compile(_GIVEN_FOR)


def _opening_body(text: str, lines: list[tuple[int, int]], title_end: int) -> str:
    """The body a news item's first sentence opens with (5月14日，某区人民法院联合区妇联召开新闻发布会):
    the one that acts, where no label, byline, title or signature names the reporter; else ''."""
    for s, e in lines:
        if s < title_end or e - s <= 40:
            continue  # the head: the title, metadata and other short lines
        start = _OPENING.match(text, s, e).end()
        found = _bodies(text, start, min(e, start + 30))
        # (or whom a congress report is given for: 受某某镇妇女联合会第二届执行委员会委托，我向大会报告工作)
        return found[0][1] if found and _GIVEN_FOR_ONLY.fullmatch(text, start, found[0][0]) else ""
    return ""


# a city bureau's branch named after a district or county (佛山市公安局南海分局): the branch reports
_BRANCH = re.compile(r"局([\u4e00-\u9fff]{2,4}?)分局$")


def _region_of(body: str, found: Region | None) -> Region | None:
    """The division a named body belongs to (the last name of its chain; for a city bureau's branch,
    the district or county of the city it is named after): a report is about the place of whoever
    reports, so a provincial bureau's report is province-wide even if it names cities."""
    mentions = regions.mentions_in(body)
    if not mentions:
        return found
    candidates = mentions[-1].regions
    if branch := _BRANCH.search(body):
        city = {r.city for r in candidates if r.level == "city"}
        within = [
            r
            for suffix in ("区", "县", "市", "旗")
            for r in regions.lookup_full(branch.group(1) + suffix)
            if r.level == "county" and r.city in city
        ]
        candidates = tuple(within) or candidates
    if found is not None:
        for r in candidates:  # the reading that agrees with the text's own weighting
            if r.province == found.province:
                return r
    return candidates[0]


def _fullest_form(text: str, name: str) -> str:
    """The fullest way the text writes this body: with the province before it (北京市延庆区妇女联合会)
    and 妇女联合会 spelled out, where the text itself does so anywhere."""
    forms = (name, name[:-2] + "妇女联合会") if name.endswith("妇联") else (name,)
    written = [name]
    for form in forms:
        for m in re.finditer(re.escape(form), text):
            start = m.start()
            before = text[max(0, start - 24) : start]
            if not regions.full_name_lengths(before[-2:]):
                written.append(form)  # no division name ends right before it
                continue
            ends = {mention.end: mention.start for mention in regions.mentions_in(before)}
            offset = max(0, start - 24)
            while start - offset in ends:  # division names written before it (北京市 before 延庆区)
                start = offset + ends[start - offset]
            written.append(text[start : m.end()])
    return max(written, key=len)


# ----------------------------------------------------------------------------------------- entry


# a township, town or street named by a page's source label or opening its title (来源：某某镇,
# 某某镇20户家庭获评…), and its federation named by level alone in the text (镇妇联)
_TOWNSHIP_NAMED = re.compile(
    r"(?:^|来源\s*[：:]\s*)([\u4e00-\u9fff]{2,8}?(镇|乡|街道))(?![\u4e00-\u9fff]*妇)", re.M
)


def _township_reporter(text: str, head_end: int) -> str:
    """某某镇妇联 for a page whose head names a township (its source label or its title's first word) and
    whose text names that level's federation alone (镇妇联): the township's federation reports; '' else."""
    named = _TOWNSHIP_NAMED.search(text, 0, head_end)
    if named is None:
        return ""
    for m in _BARE_LOWER_BODY.finditer(text):
        if m.group(1) == named.group(2):
            return named.group(1) + "妇联"
    return ""


# a township or street the head names at a line's start, after a source label or a breadcrumb's mark
_TOWNSHIP_AT = re.compile(r"(?:^|来源\s*[：:]\s*|[>›»]\s*)([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道))", re.M)


def _named_below_the_head(text: str, head_end: int, organisation: str, region: Region) -> bool:
    """Whether a township's federation reports (寿山寺乡妇联关于…的报告) and the county its region was
    read from is one the head does not name (a county visited: 到肥乡区观摩学习): the township's own
    county may then be the reporter's."""
    head = text[:head_end]
    return (
        bool(_TOWNSHIP_AT.search(organisation)) and region.name not in head and region.short_name not in head
    )


def _township_county(text: str, head_end: int, organisation: str, region: Region | None) -> Region | None:
    """The county of the township a report names in its head or as its reporting body (金牛镇妇联2023年
    度工作总结), for a report that names no county: where only one county has a township of that name,
    or one within the province or city the text names; None otherwise."""
    names = [m.group(1) for m in _TOWNSHIP_AT.finditer(organisation)]
    names += [m.group(1) for m in _TOWNSHIP_AT.finditer(text, 0, head_end)]
    # a township written after its county (泾县桃花潭镇人民政府 > …): the township alone
    names += [n[m.end :] for n in names for m in regions.mentions_in(n)[-1:] if len(n) - m.end >= 2]
    for name in dict.fromkeys(names):
        if name.startswith(_NOT_A_TOWNSHIP):
            continue
        found = regions.township_counties(name)
        if region is not None:
            found = tuple(r for r in found if r.province == region.province)
            if region.level == "city":
                found = tuple(r for r in found if r.city == region.city)
        if len(found) > 1:
            # a township several counties have: the one whose county or province the head names short
            # (怀柔渤海巾帼, a WeChat post's 北京)
            head = text[:head_end]
            found = tuple(r for r in found if r.short_name in head) or tuple(
                r for r in found if r.province[:2] in head
            )
        if len(found) == 1:
            return found[0]
    return None


# a body speaking of itself (我院, 本院, 我局, 我委): the kind of body its name ends with
_SELF_NAMED = re.compile(r"(?:我|本)([院局委])(?![\u4e00-\u9fff]{0,1}[长校系])")
_SELF_KIND = {"院": ("院",), "局": ("局",), "委": ("委", "委员会", "委员会办公室")}


def _self_named_body(text: str) -> str:
    """The body that calls itself 我院/本院 (a procuratorate's or court's news), 我局 (a bureau's) or
    我委 (a commission's): the first body of that kind the text names; '' when none speaks so."""
    m = _SELF_NAMED.search(text)
    if m is None:
        return ""
    kind = _SELF_KIND[m.group(1)]
    return next((name for _, name in _bodies(text, 0, len(text)) if name.endswith(kind)), "")


def extract_document(original: str, norm: Normalised) -> dict:
    """Document attributes: province, city, county, region_code, organisation, report_year, script,
    title, publication_date, source."""
    text = norm.text
    lines = _lines(text)
    head_end = min(lines[min(len(lines), 6) - 1][1] if lines else 0, 200)
    region, organisation = _pick_region(text, head_end)
    title_span = _title_span(text, lines)
    title_or_first = title_span or (lines[0] if lines else (0, 0))
    body = _invited_body(text, title_or_first) or _reporting_body(text, lines, title_or_first)
    if body and body[0] in _BARE_LEVEL:  # the federation the text itself points to, if of that level
        body = organisation if organisation.endswith(body) else _name_bare_body(body, region) or organisation
    named = body or _township_reporter(text, head_end) or _self_named_body(text) or organisation
    organisation = _fullest_form(text, _as_written(text, named, region)) if named else ""
    if body:
        # the fullest form the text writes the body in may name its place (洪水镇妇联 → 民乐县洪水镇妇联)
        region = _region_of(organisation, region)
    if (
        region is None
        or region.level != "county"
        or _named_below_the_head(text, head_end, organisation, region)
    ):
        region = _township_county(text, head_end, organisation, region) or region
    province = city = county = code = ""
    if region:
        province = region.province
        city = region.effective_city
        county = region.county if region.level == "county" else ""
        code = region.code
    title = original[slice(*norm.to_original(*title_span))].strip() if title_span else ""
    pub, pub_span = _publication_date(text, lines)
    if not organisation and region and "妇联" in text:
        # no body named as reporter, but the text is of federation work (全市各级妇联组织…) in one
        # place (a media centre's news of 我市's Women's Day commendation): that place's federation
        organisation = f"{region.name}妇联"
    return {
        "province": province,
        "city": city,
        "county": county,
        "region_code": code,
        "organisation": organisation,
        "report_year": _report_year(_digit_years(text), _digit_years(t2s(title)), pub, pub_span),
        "script": norm.script,
        "title": title,
        "publication_date": pub,
        "source": _source(text, lines),
    }
