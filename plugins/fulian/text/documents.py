"""Document-level facts: where the report is from, who reports, for which year, published when and where.

Conventions follow shared/gold/documents.jsonl: the organisation is the reporting women's federation
by full name (``东营市妇联``; a bare ``市妇联`` is completed with the city the text is about), the city
is prefecture-level (a county maps to its city, "" for a province-wide report), names are in
simplified script whatever the script of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from itertools import chain

from fulian.text import regions
from fulian.text.normalise import Normalised, t2s
from fulian.text.regions import Region

_ORG = re.compile(r"妇联|妇女联合会")
_NOT_THE_REPORTER = ("全国", "各级", "村", "乡镇", "镇", "乡", "社区", "基层", "两新", "企业", "机关")
# a year (2020年) not preceded by a digit or dash and not opening a range; the look-behind sits after
# the first digit so that the pattern starts on a literal the engine can scan for
_YEAR = re.compile(r"((?:1(?<![\d\-~～—]1)9|2(?<![\d\-~～—]2)0)\d{2})\s*年(?!\s*[-~～—至到]\s*\d)")
_TOPIC_YEAR = re.compile(r"(?:^|[。\n！？!?])\s*((?:19|20)\d{2})\s*年度?\s*[，,、]", re.M)
# _TOPIC_YEAR without its opening boundary: starts on a literal digit, so the engine scans for it
_TOPIC_YEAR_CORE = re.compile(r"((?:19|20)\d{2})\s*年度?\s*[，,、]")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?.{0,12}(?:总结|报告|工作|情况|要点|简报)")
_DATE_LINE = re.compile(
    r"^[^\n]{0,16}?((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.M,
)
# a labelled date in a page's metadata line: 发布时间：2024-03-05 09:12, 日期: 2023年5月8日. The labels
# are spelled out one by one (发布时间|发布日期|…, same order) so that every alternative starts with a
# literal: the engine then scans for their first characters instead of trying each position.
_DATE_LABEL = re.compile(
    r"(?:发布时间|发布日期|发表时间|发表日期|更新时间|更新日期|录入时间|录入日期|日期)"
    r"\s*[:：]\s*((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})"
)
_DATELINE_FULL = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*电?讯")
_SOURCE_LABEL = re.compile(r"(?:来源|来自|稿源|出处)\s*[:：]\s*([^\s\n]{2,30})")
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
            if regs:
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
            level = {"省": "province", "市": "city", "州": "city"}.get(text[p - 1], "county")
            found = ("bare", level, p - 1)
        if found:
            out.append(found)
    return out


def _region_weights(text: str, head_end: int) -> tuple[Counter, Counter, Counter, dict[str, Region]]:
    """Mention counts of provinces, cities and counties (full names; short names in the head too)."""
    prov, city, county = Counter(), Counter(), Counter()
    by_name: dict[str, Region] = {}
    mentions = regions.find_mentions(text)
    provs = {r.province for m in mentions for r in m.regions}
    cities = {r.city for m in mentions for r in m.regions if r.level == "city"}
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
        key = max(scores, key=lambda k: (scores[k], -first[k]))
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


def _best_of_level(
    level: str, prov_w: Counter, city_w: Counter, county_w: Counter, by_name: dict[str, Region]
) -> Region | None:
    counter = {"province": prov_w, "city": city_w, "county": county_w}[level]
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
    (发布时间：…) there, else a dateline (…年…月…日电) in the first 300 characters."""
    zones = list(dict.fromkeys(lines[:10] + lines[-10:]))  # the head and tail of a short text overlap
    date_lines = (
        (_DATE_LINE.match(text, s, e) if len(text[s:e].strip()) <= 40 else None, (s, e)) for s, e in zones
    )
    labelled = ((_DATE_LABEL.search(text, s, e), (s, e)) for s, e in zones)
    m = _DATELINE_FULL.search(text, 0, min(len(text), 300))
    return _first_valid_date(chain(date_lines, labelled, [(m, m.span() if m else (0, 0))]))


def _topic_years(text: str) -> list[int]:
    """The years of ``_TOPIC_YEAR`` (a year opening a sentence or line: ``2020年,``), found as
    ``_TOPIC_YEAR_CORE`` matches whose preceding whitespace starts the text, follows a sentence
    end or holds a line break."""
    years = []
    for m in _TOPIC_YEAR_CORE.finditer(text):
        y = j = m.start()
        while j and text[j - 1].isspace():
            j -= 1
        if j == 0 or text[j - 1] in "。！？!?" or "\n" in text[j:y]:
            years.append(int(m.group(1)))
    return years


def _report_year(text: str, title: str, pub: str | None, pub_span: tuple[int, int] | None) -> int | None:
    m = _TITLE_YEAR.search(title)
    if m:
        return int(m.group(1))
    topic = Counter(_topic_years(text))
    if topic:
        return max(topic, key=lambda y: (topic[y], y))
    pub_year = int(pub[:4]) if pub else None
    years = []
    for m in _YEAR.finditer(text):
        if pub_span and pub_span[0] <= m.start() < pub_span[1]:
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        if before.endswith(("到", "至", "《")) or text.startswith(("前", "以前"), m.end()):
            continue
        y = int(m.group(1))
        if pub_year and y > pub_year:
            continue
        years.append(y)
    if years:
        return max(years)
    if pub:
        return pub_year - 1 if int(pub[5:7]) <= 2 else pub_year
    return None


# --------------------------------------------------------------------------------- title, source


def _title(original: str, norm: Normalised, lines: list[tuple[int, int]]) -> str:
    text = norm.text
    for s, e in lines[:15]:
        line = text[s:e].strip()
        if len(line) <= 3 or _NOT_TITLE.match(line) or _DATE_LINE.match(line):
            continue
        if _BYLINE.search(line) and len(line) <= 40:
            continue
        if _SOURCE_LABEL.search(line) or _DATE_LABEL.search(line):
            continue  # the page's metadata line (来源：…  发布时间：…), not its title
        cut = _DATELINE_PREFIX.match(line)
        offset = s + (len(text[s:e]) - len(text[s:e].lstrip()))
        if cut:
            offset += cut.end()
            line = line[cut.end() :]
        if len(line) > 60:
            end_sent = re.search(r"[。！？!?]", line)
            line = line[: end_sent.end() if end_sent and end_sent.end() <= 80 else 60]
        o_s, o_e = norm.to_original(offset, offset + len(line))
        return original[o_s:o_e].strip()
    return ""


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


# ----------------------------------------------------------------------------------------- entry


def extract_document(original: str, norm: Normalised) -> dict:
    """Document attributes: province, city, county, region_code, organisation, report_year, script,
    title, publication_date, source."""
    text = norm.text
    lines = _lines(text)
    head_end = min(lines[min(len(lines), 6) - 1][1] if lines else 0, 200)
    region, organisation = _pick_region(text, head_end)
    province = city = county = code = ""
    if region:
        province = region.province
        city = region.effective_city
        county = region.county if region.level == "county" and region.city != regions.DIRECT else ""
        code = region.code
    title = _title(original, norm, lines)
    pub, pub_span = _publication_date(text, lines)
    return {
        "province": province,
        "city": city,
        "county": county,
        "region_code": code,
        "organisation": organisation,
        "report_year": _report_year(text, t2s(title), pub, pub_span),
        "script": norm.script,
        "title": title,
        "publication_date": pub,
        "source": _source(text, lines),
    }
