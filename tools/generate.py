"""Synthetic women's-federation work reports with their gold facts, for load tests and extractor checks.

The five real reports in ``seeds/`` are too few to measure throughput or to see which shapes of
quantity an extractor misses, so this module writes as many reports as asked, in the genre of the
real ones, and beside them the gold rows that /work/shared/gold/GUIDELINES.md says a perfect
extractor would produce. Every quantity is built together with its gold row (value, unit,
qualifier, metric, category), so the gold is right by construction, not by re-reading the text.

A report is assembled as a list of segments: plain strings (which never hold a fact) and ``Fact``
objects (which hold exactly one quantity). Script conversion runs over the whole report (OpenCC
s2t keeps the length, so each fact is sliced back out at its offsets and its gold ``text`` is the
traditional form actually written); pinyin glosses are added to plain segments only, so they never
fall inside a quantity. Everything is drawn from one ``random.Random(seed)``: the same seed gives
the same bytes. Reports are written one at a time, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from fulian.settings import REFERENCE_DIR
from fulian.text.regions import DIRECT

# --------------------------------------------------------------------------------------------------
# Places and people
# --------------------------------------------------------------------------------------------------

EXCLUDED_PROVINCES = {"台湾省", "香港特别行政区", "澳门特别行政区"}  # no 妇联 work reports from there


@dataclass(frozen=True)
class Place:
    """One reporting body's place: a city of a province, or a whole province (city "")."""

    province: str
    city: str
    counties: tuple[str, ...]  # names to mention as sub-units (counties, or cities of a province)

    @property
    def name(self) -> str:
        return self.city or self.province

    @property
    def organisation(self) -> str:
        return f"{self.name}妇联"


@lru_cache(maxsize=1)
def places() -> tuple[tuple[Place, ...], tuple[Place, ...]]:
    """(cities, provinces) from admin_divisions.csv: real names, so reports look like real ones.

    Municipalities (北京市) are province-level: their reports are province-wide (city "").
    """
    rows = list(csv.DictReader((REFERENCE_DIR / "admin_divisions.csv").open(encoding="utf-8")))
    counties: dict[tuple[str, str], list[str]] = {}
    cities_of: dict[str, list[str]] = {}
    for r in rows:
        if r["province"] in EXCLUDED_PROVINCES:
            continue
        if r["level"] == "county" and re.search(r"[县区市旗]$", r["county"]):
            counties.setdefault((r["province"], r["city"]), []).append(r["county"])
        if r["level"] == "city" and r["city"] not in (DIRECT, r["province"]):
            cities_of.setdefault(r["province"], []).append(r["city"])
    city_places = []
    for province, cities in cities_of.items():
        for city in cities:
            subs = tuple(counties.get((province, city), ())) or (city,)
            city_places.append(Place(province, city, subs))
    province_places = []
    for r in rows:
        if r["level"] == "province" and r["province"] not in EXCLUDED_PROVINCES:
            p = r["province"]
            subs = tuple(cities_of.get(p, ())) or tuple(counties.get((p, p), ())) or (p,)
            province_places.append(Place(p, "", subs))
    return tuple(city_places), tuple(province_places)


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵"
)
GIVEN = "丽娜静敏燕艳娟霞芳婷秀英华慧巧美凤玉兰萍红琳雪梅莉倩颖洁欣悦晨晶璐瑶怡佳雅琪楠蕾薇岚红梅"
MEDIA = (
    "齐鲁晚报·齐鲁壹点",
    "中国妇女报",
    "大众网",
    "人民网",
    "新华网",
    "澎湃新闻",
    "中国女网",
    "文明风",
    "闪电新闻",
)


def person(rng: random.Random) -> str:
    """A plausible two- or three-character name, with no numeral characters (万, 千) in it."""
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


# --------------------------------------------------------------------------------------------------
# Facts: quantity slots and clause templates
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One quantity in a clause: what it counts, in which units, over what range of base values."""

    category: str
    units: tuple[str, ...]
    lo: float
    hi: float
    metric: str  # may use the clause's vocabulary slots, e.g. "培训{women}"
    optional: bool = False


@dataclass(frozen=True)
class Clause:
    """A clause pattern with {Q0}, {Q1} quantity slots and {name} vocabulary slots."""

    pattern: str
    slots: tuple[Slot, ...]


@dataclass
class Fact:
    """A quantity as it will stand in the text, with its gold row."""

    text: str
    value: int | float
    unit: str
    qualifier: str
    metric: str
    category: str
    optional: bool = False


PEOPLE = ("人", "名")
PEOPLE_TIMES = ("人次",)
MONEY = ("元",)
PCT = ("%",)

# Word lists for the clauses' {name} slots, space-separated (no word contains a space).
VOCAB_WORDS: dict[str, str] = {
    "train": "培训 轮训 培养 培育 集中培训 示范培训",
    "women": (
        "农村妇女 城乡妇女 留守妇女 女大学生 女农民 返乡创业女性 妇联执委 "
        "村(社区)妇联主席 女致富带头人 家政从业人员 巾帼电商带头人 "
        "基层妇女干部 低收入妇女 脱贫妇女 进城务工妇女 女企业家 新就业形态女性 "
        "妇女骨干"
    ),
    "topic": (
        "家政服务 电子商务 手工编织 特色种养 直播带货 月嫂育婴 乡村旅游 "
        "家庭教育 法律知识 心理健康 创业技能 茶艺 农产品加工 养老护理 "
        "数字技能 非遗刺绣 烹饪面点 中式面点 花卉种植 食用菌栽培"
    ),
    "event": (
        "巾帼宣讲活动 家庭教育讲座 “巾帼心向党”主题宣讲 普法宣传活动 "
        "亲子阅读活动 文艺演出 巡回宣讲 专题报告会 座谈交流会 公益讲座 "
        "女性专场招聘会 家风故事分享会 “美丽庭院”现场观摩会 反家暴宣传活动 "
        "心理健康讲座 移风易俗宣传活动 巾帼志愿服务活动 红色故事宣讲 "
        "健康知识讲座 亲子运动会"
    ),
    "venue": "村(社区) 企业 校园 机关 网格 农村 商圈 楼宇",
    "crowd": ("群众 妇女群众 妇女儿童 家庭 城乡妇女 留守儿童 家长 青少年 孕产妇 老年人 困难群众 农村妇女"),
    "serve": "服务 惠及 覆盖 辐射带动 受益",
    "vteam": ("巾帼志愿服务队 志愿服务队伍 巾帼志愿者服务队 “娘家人”志愿服务队 家庭教育志愿服务队"),
    "vol": ("巾帼志愿者 志愿者 志愿宣讲员 家庭教育志愿者 巾帼网络文明志愿者 心理咨询志愿者"),
    "service": ("疫情防控 文明城市创建 关爱帮扶 垃圾分类 普法宣传 人居环境整治 助老助残"),
    "loan": (
        "“巾帼贷” 创业担保贷款 妇女小额担保贷款 “丽人贷” “巾帼惠企贷” "
        "“巾帼创业贷” 妇女创业担保贷款 “乡村振兴巾帼贷”"
    ),
    "borrower": "创业女性 女企业主 农村妇女 巾帼创业项目 女性个体工商户",
    "fund": ("爱心善款 帮扶资金 救助资金 项目资金 专项资金 公益资金 “两癌”救助金 助学金 慰问金 爱心捐款"),
    "goods": "防疫物资 爱心物资 学习用品 生活物资 御寒衣物",
    "hh": (
        "“美丽庭院”示范户 “最美家庭” “五好家庭” 文明家庭 绿色家庭 "
        "书香家庭 清廉家庭 “美丽庭院” “平安家庭” “巾帼示范户”"
    ),
    "level": "市级 县级 省级 各级 全国 区县级",
    "org": (
        "巾帼示范基地 “妇女之家” 巧手创业工作室 “儿童之家” 新领域妇联组织 "
        "巾帼家政服务站 示范村 女性社会组织 婚姻家庭纠纷调解室 "
        "家庭教育指导服务站 “妇女微家” 巾帼创业孵化基地 “暖心港湾” "
        "巾帼文明岗 女性创业示范点 村级妇联组织"
    ),
    "honour": (
        "三八红旗手 三八红旗集体 巾帼建功标兵 巾帼文明岗 最美巾帼奋斗者 "
        "巾帼科技创新之星 巾帼致富带头人 最美基层妇联人 优秀妇女工作者 "
        "巾帼建功先进集体"
    ),
    "needy": (
        "困难妇女 留守儿童 困境儿童 单亲困难母亲 患病妇女 困难家庭 "
        "“两癌”患病妇女 低收入妇女 留守老人 孤残儿童 困难女大学生"
    ),
    "aid": "救助 慰问 帮扶 结对帮扶 关爱 资助 走访慰问",
    "material": "宣传材料 宣传手册 宣传折页 倡议书 明白纸 宣传品 家庭教育读本",
    "article": "宣传报道 信息 微信推文 工作简报 短视频 稿件 典型事迹",
    "media": "中央级媒体 省级以上媒体 主流媒体 《中国妇女报》 省级媒体",
    "dispute": "矛盾纠纷 婚姻家庭纠纷 家庭矛盾 邻里纠纷 涉妇女儿童权益纠纷",
    "complaint": "来信来访 信访件 妇女儿童维权投诉 12338热线来电 网上信访",
    "ratewhat": (
        "美丽庭院建成率 妇女参保率 “两癌”筛查覆盖率 "
        "村(社区)妇联主席进“两委”比例 女性就业率 妇女儿童维权案件办结率 "
        "群众满意率 家庭教育指导服务覆盖率 女性代表比例 示范村覆盖率"
    ),
    "firm": "巾帼创业企业 女性农民专业合作社 巾帼家政企业 巾帼电商企业 女性领办企业 巾帼农业合作社",
    "school": "家长学校 新时代家长学校 网上家长学校 婚姻家庭学校 妇女学校",
    "sharewhat": ("女性就业人员 女性创业者 女性代表 女性科技工作者 女干部 女性新注册市场主体"),
}
VOCAB: dict[str, tuple[str, ...]] = {name: tuple(words.split()) for name, words in VOCAB_WORDS.items()}


def _c(pattern: str, *slots: Slot) -> Clause:
    return Clause(pattern, slots)


def _s(
    category: str, units: tuple[str, ...], lo: float, hi: float, metric: str, optional: bool = False
) -> Slot:
    return Slot(category, units, lo, hi, metric, optional)


CLAUSES: dict[str, tuple[Clause, ...]] = {
    "people_trained": (
        _c("{train}{women}{Q0}", _s("people_trained", PEOPLE + PEOPLE_TIMES, 20, 2e5, "{train}{women}")),
        _c(
            "举办{topic}培训班,培训{women}{Q0}",
            _s("people_trained", PEOPLE + PEOPLE_TIMES, 20, 5e4, "培训{women}"),
        ),
        _c(
            "开展{topic}技能培训,受训{women}达{Q0}",
            _s("people_trained", PEOPLE + PEOPLE_TIMES, 30, 8e4, "受训{women}"),
        ),
        _c(
            "组织{Q0}{women}参加{topic}培训",
            _s("people_trained", ("名",), 10, 5000, "参加{topic}培训的{women}"),
        ),
        _c("线上线下累计培训{Q0}", _s("people_trained", PEOPLE_TIMES + ("人",), 100, 5e5, "线上线下培训")),
        _c("{topic}实训受训{Q0}", _s("people_trained", PEOPLE_TIMES, 50, 5e4, "{topic}实训")),
    ),
    "training_sessions": (
        _c("举办{topic}培训班{Q0}", _s("training_sessions", ("期", "个", "场"), 2, 800, "{topic}培训班")),
        _c("开展{topic}培训{Q0}", _s("training_sessions", ("期", "场", "场次"), 2, 1500, "{topic}培训")),
        _c("举办{Q0}{topic}培训班", _s("training_sessions", ("期",), 2, 300, "{topic}培训班")),
        _c("开设{topic}课程{Q0}", _s("training_sessions", ("门", "节", "堂"), 2, 600, "开设{topic}课程")),
        _c("送培训下乡{Q0}", _s("training_sessions", ("场次", "期", "次"), 3, 500, "送培训下乡")),
    ),
    "events_held": (
        _c("开展{event}{Q0}", _s("events_held", ("场", "场次", "次"), 5, 2e4, "开展{event}")),
        _c("举办{event}{Q0}", _s("events_held", ("场", "场次", "期"), 3, 5000, "举办{event}")),
        _c("深入{venue}开展{event}{Q0}", _s("events_held", ("场", "场次"), 5, 1e4, "深入{venue}开展{event}")),
        _c("组织开展{Q0}{event}", _s("events_held", ("场", "次"), 3, 3000, "{event}")),
        _c("{event}进{venue}{Q0}", _s("events_held", ("场次", "场"), 5, 5000, "{event}进{venue}")),
    ),
    "people_served": (
        _c("受益{crowd}{Q0}", _s("people_served", PEOPLE + PEOPLE_TIMES, 100, 3e6, "受益{crowd}")),
        _c(
            "{serve}{crowd}{Q0}",
            _s("people_served", PEOPLE + PEOPLE_TIMES + ("户",), 100, 2e6, "{serve}{crowd}"),
        ),
        _c("参与{crowd}达{Q0}", _s("people_served", PEOPLE + PEOPLE_TIMES, 100, 1e6, "参与{crowd}")),
        _c("线上观看{Q0}", _s("people_served", PEOPLE_TIMES, 1000, 5e6, "线上观看")),
        _c("走访{crowd}{Q0}", _s("people_served", ("户", "人", "人次"), 50, 2e5, "走访{crowd}")),
        _c(
            "为{Q0}{crowd}提供服务",
            _s("people_served", PEOPLE_TIMES + ("名",), 100, 5e5, "提供服务的{crowd}"),
        ),
    ),
    "volunteers": (
        _c("组建{vteam}{Q0}", _s("volunteers", ("支", "个"), 2, 5000, "组建{vteam}")),
        _c("招募{vol}{Q0}", _s("volunteers", PEOPLE, 10, 2e5, "招募{vol}")),
        _c("注册{vol}{Q0}", _s("volunteers", PEOPLE, 50, 5e5, "注册{vol}")),
        _c("动员{Q0}{vol}参与{service}", _s("volunteers", ("名",), 20, 1e5, "{vol}参与{service}")),
        _c("组建{Q0}{vteam}", _s("volunteers", ("支",), 2, 3000, "{vteam}")),
        _c("{vol}服务{Q0}", _s("volunteers", PEOPLE_TIMES, 50, 3e5, "{vol}服务")),
    ),
    "jobs": (
        _c("提供就业岗位{Q0}", _s("jobs", ("个",), 50, 5e4, "提供就业岗位")),
        _c("带动{women}就业{Q0}", _s("jobs", PEOPLE, 20, 1e5, "带动{women}就业")),
        _c("达成求职意向{Q0}", _s("jobs", PEOPLE, 10, 2e4, "达成求职意向")),
        _c("帮助{Q0}{women}实现就业", _s("jobs", ("名",), 10, 5e4, "帮助{women}实现就业")),
        _c("发布用工岗位{Q0}", _s("jobs", ("个",), 20, 3e4, "发布用工岗位")),
        _c("{women}灵活就业{Q0}", _s("jobs", PEOPLE, 20, 5e4, "{women}灵活就业")),
    ),
    "loans": (
        _c("发放{loan}{Q0}", _s("loans", MONEY, 1e5, 5e9, "发放{loan}")),
        _c(
            "发放{loan}{Q0}{Q1}",
            _s("loans", ("笔",), 10, 3e4, "发放{loan}笔数"),
            _s("loans", MONEY, 1e6, 5e9, "发放{loan}"),
        ),
        _c("协调金融机构授信{Q0}", _s("loans", MONEY, 1e6, 5e9, "金融机构授信")),
        _c("为{borrower}办理{loan}{Q0}", _s("loans", ("笔",), 5, 2e4, "{borrower}办理{loan}")),
        _c("累计为{borrower}贴息贷款{Q0}", _s("loans", MONEY, 1e5, 2e9, "为{borrower}贴息贷款")),
    ),
    "funds": (
        _c("募集{fund}{Q0}", _s("funds", MONEY, 1e3, 5e8, "募集{fund}")),
        _c("争取{fund}{Q0}", _s("funds", MONEY, 1e4, 5e8, "争取{fund}")),
        _c("发放{fund}{Q0}", _s("funds", MONEY, 1e3, 1e8, "发放{fund}")),
        _c("捐赠{goods}折合{Q0}", _s("funds", MONEY, 1e3, 5e7, "捐赠{goods}")),
        _c("保险理赔{Q0}", _s("funds", MONEY, 1e4, 5e7, "保险理赔")),
        _c("筹措{fund}{Q0}", _s("funds", MONEY, 1e4, 2e8, "筹措{fund}")),
    ),
    "households": (
        _c("创建{hh}{Q0}", _s("households", ("户",), 10, 5e5, "创建{hh}")),
        _c("评选{level}{hh}{Q0}", _s("households", ("户", "个"), 5, 1e4, "评选{level}{hh}")),
        _c("命名{level}{hh}{Q0}", _s("households", ("户",), 5, 2e4, "命名{level}{hh}")),
        _c("建成{level}{hh}{Q0}", _s("households", ("户",), 10, 5e5, "建成{level}{hh}")),
        _c("寻找{hh}{Q0}", _s("households", ("户", "个"), 5, 5e4, "寻找{hh}")),
    ),
    "organisations": (
        _c("建立{org}{Q0}", _s("organisations", ("个", "处"), 1, 5000, "建立{org}")),
        _c("新建{org}{Q0}", _s("organisations", ("个", "处"), 1, 3000, "新建{org}")),
        _c("命名{level}{org}{Q0}", _s("organisations", ("个",), 1, 1000, "命名{level}{org}")),
        _c("建成{Q0}{org}", _s("organisations", ("个", "处"), 1, 3000, "建成{org}")),
        _c("培育{org}{Q0}", _s("organisations", ("个",), 1, 2000, "培育{org}")),
        _c("扶持{firm}{Q0}", _s("organisations", ("家",), 2, 3000, "扶持{firm}")),
        _c("建立{school}{Q0}", _s("organisations", ("所", "个"), 2, 5000, "建立{school}")),
    ),
    "honours": (
        _c("表彰{level}{honour}{Q0}", _s("honours", ("名", "个", "人"), 1, 2000, "表彰{level}{honour}")),
        _c("选树{honour}{Q0}", _s("honours", ("名", "个"), 1, 1000, "选树{honour}")),
        _c(
            "推荐获评{level}{honour}{Q0}",
            _s("honours", ("名", "个", "人"), 1, 500, "推荐获评{level}{honour}"),
        ),
        _c("评选{honour}{Q0}", _s("honours", ("名", "人"), 1, 500, "评选{honour}")),
    ),
    "aid_recipients": (
        _c("{aid}{needy}{Q0}", _s("aid_recipients", ("名", "人", "户", "人次"), 10, 1e5, "{aid}{needy}")),
        _c("为{Q0}{needy}发放救助金", _s("aid_recipients", ("名",), 10, 2e4, "发放救助金的{needy}")),
        _c("与{needy}结对{Q0}", _s("aid_recipients", ("对", "名"), 10, 2e4, "与{needy}结对")),
        _c("{aid}{Q0}{needy}", _s("aid_recipients", ("名", "户"), 10, 5e4, "{aid}{needy}")),
    ),
    "publicity": (
        _c("发放{material}{Q0}", _s("publicity", ("份", "册", "张"), 100, 2e6, "发放{material}")),
        _c("刊发{article}{Q0}", _s("publicity", ("篇", "条"), 5, 2e4, "刊发{article}")),
        _c("推送{article}{Q0}", _s("publicity", ("条", "篇"), 10, 5e4, "推送{article}")),
        _c("阅读量达{Q0}", _s("publicity", ("次", "人次", ""), 1000, 5e7, "阅读量")),
        _c("被{media}报道{Q0}", _s("publicity", ("次", "篇次", "篇"), 2, 500, "{media}报道")),
    ),
    "cases": (
        _c("调处{dispute}{Q0}", _s("cases", ("件", "起"), 2, 2e4, "调处{dispute}")),
        _c("受理{complaint}{Q0}", _s("cases", ("件", "次", "批次"), 5, 2e4, "受理{complaint}")),
        _c("化解{dispute}{Q0}", _s("cases", ("件", "起"), 2, 1e4, "化解{dispute}")),
        _c("办理{complaint}{Q0}", _s("cases", ("件",), 5, 1e4, "办理{complaint}")),
    ),
    "rate": (
        _c("{ratewhat}达{Q0}", _s("rate", PCT, 30, 100, "{ratewhat}")),
        _c("{ratewhat}为{Q0}", _s("rate", PCT, 5, 100, "{ratewhat}")),
        _c("{sharewhat}占比{Q0}", _s("rate", PCT, 5, 70, "{sharewhat}占比")),
        _c("同比增长{Q0}", _s("rate", PCT, 0.5, 60, "同比增长")),
        _c("{ratewhat}同比提高{Q0}", _s("rate", ("个百分点",), 1, 30, "{ratewhat}提高", optional=True)),
    ),
}

CATEGORIES = tuple(CLAUSES)

# --------------------------------------------------------------------------------------------------
# Numbers: Arabic, magnitudes, Chinese numerals, full width, qualifiers
# --------------------------------------------------------------------------------------------------

# (word, where it stands, qualifier): "pre" before the number, "mid" between number and unit, "post"
# after the unit. Mapping per GUIDELINES.md; 不低于 ("at least") is a lower bound, so "over".
QUALIFIERS: tuple[tuple[str, str, str, int], ...] = (
    ("", "", "exact", 620),
    ("余", "mid", "over", 110),
    ("多", "mid", "over", 45),
    ("以上", "post", "over", 25),
    ("超过", "pre", "over", 30),
    ("超", "pre", "over", 10),
    ("逾", "pre", "over", 10),
    ("不低于", "pre", "over", 15),
    ("近", "pre", "about", 40),
    ("约", "pre", "about", 40),
    ("大约", "pre", "about", 8),
    ("左右", "post", "about", 20),
    ("不足", "pre", "under", 17),
    ("不到", "pre", "under", 10),
)
QUALIFIER_WEIGHTS = tuple(q[3] for q in QUALIFIERS)

CN_DIGITS = "零一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def cn_under_10000(n: int) -> str:
    """Chinese numeral for 1..9999 the way reports write it: 十五, 一百二十, 两千, 一千零五."""
    out, zero = [], False
    for power, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        digit = "两" if d == 2 and power == 1000 else CN_DIGITS[d]
        out.append(digit + name)
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


def to_chinese(n: int) -> str:
    """Chinese numeral for 1..99,999,999 (两万, 三万五千, 十二万)."""
    high, low = divmod(n, 10000)
    if not high:
        return cn_under_10000(low)
    head = "两" if high == 2 else cn_under_10000(high)
    tail = "" if not low else ("零" if low < 1000 else "") + cn_under_10000(low)
    return head + "万" + tail


def cn_decimal(d: Decimal) -> str:
    """百分之 numbers: 九十五, 三十八点五."""
    whole, _, frac = format(d, "f").partition(".")
    text = to_chinese(int(whole)) if int(whole) else "零"
    return text + ("点" + "".join(CN_DIGITS[int(c)] for c in frac) if frac else "")


def round_sig(x: float, digits: int) -> int:
    """Round to a few significant digits: the numbers people write with 余, 近, 约 are round."""
    if x < 1:
        return 1
    p = max(0, int(math.floor(math.log10(x))) - digits + 1)
    return max(1, int(round(x / 10**p)) * 10**p)


def log_uniform(rng: random.Random, lo: float, hi: float) -> float:
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def plain(d: Decimal) -> str:
    """A decimal as written: no exponent, no trailing zeros (1.50 -> 1.5, 3.0 -> 3)."""
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def as_json_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


@dataclass
class Style:
    """Per-report habits of writing numbers: real reports are consistent within themselves."""

    spaced: float  # chance a quantity has a space between number and what follows
    full_width: float  # chance an Arabic quantity is in full-width digits
    chinese: float  # chance of Chinese numerals where the number allows them
    magnitude: float  # chance of 万/亿 where the number allows them


def pick_qualifier(rng: random.Random, final: bool, after_verb: bool) -> tuple[str, str, str]:
    """A qualifier word, its position and its gold qualifier.

    "post" words (以上, 左右) only at the clause end; after 达/为 only 近 reads well among the "pre"
    words (达不到 would even mean "fails to reach").
    """
    word, pos, qual, _ = rng.choices(QUALIFIERS, QUALIFIER_WEIGHTS)[0]
    if (pos == "post" and not final) or (pos == "pre" and after_verb and word != "近"):
        return "", "", "exact"
    return word, pos, qual


def render_number(
    rng: random.Random, x: float, unit: str, qual_pos: str, style: Style
) -> tuple[str, str, Decimal]:
    """(number text up to the magnitude, text between it and the unit, value in base units).

    Either part may hold the placeholder "{mid}" where a 余/多 qualifier would stand: after the digits
    or after the magnitude (90余万元, 1.3万余名), both common, with the same value; the caller fills
    it in or empties it.
    """
    approx = qual_pos != ""
    money = unit == "元"
    sp = " " if rng.random() < style.spaced else ""
    mid = "{mid}"
    if x >= 1e4 and rng.random() < style.chinese * 0.5 and not money:
        n = round_sig(x, 1 if approx else 2)
        return to_chinese(n), mid, Decimal(n)
    if x >= 1e8 and (money or rng.random() < style.magnitude):
        decimals = rng.choice((0, 1, 1, 2))
        m = Decimal(round(x / 1e8, decimals)).quantize(Decimal(1).scaleb(-decimals))
        if m == 0:
            m = Decimal(1)
        return plain(m) + sp + "亿", mid, m * Decimal(10) ** 8
    if x >= 1e4 and (money and rng.random() < 0.85 or rng.random() < style.magnitude):
        decimals = rng.choice((0, 0, 1)) if approx else rng.choice((0, 1, 1, 2))
        m = Decimal(round(x / 1e4, decimals)).quantize(Decimal(1).scaleb(-decimals))
        if m == 0:
            m = Decimal(1)
        if approx and m == m.to_integral_value() and m >= 10 and rng.random() < 0.4:
            return plain(m) + sp + mid + "万", "", m * 10**4  # 90余万元
        return plain(m) + sp + "万", mid, m * 10**4
    if x >= 10 and rng.random() < style.chinese:
        power = 10 ** min(4, max(2, round(math.log10(x))))
        if approx and rng.random() < 0.35:
            return {100: "百", 1000: "千", 10000: "万"}[power], mid, Decimal(power)  # 百余名, 近千人, 万余人
        n = round_sig(x, 1 if approx else rng.choice((1, 2, 2, 3)))
        return to_chinese(n), mid, Decimal(n)
    n = round_sig(x, 1 if x < 100 else rng.choice((1, 2))) if approx else int(round(x))  # 30余, not 33余
    digits = str(max(n, 1))
    if rng.random() < style.full_width:
        digits = digits.translate(FULL_WIDTH)
    return digits + sp, mid, Decimal(max(n, 1))


def render_percent(
    rng: random.Random, x: float, qual: tuple[str, str, str], style: Style
) -> tuple[str, Decimal]:
    """38.1%, 95%以上, 超过98.4%, 百分之九十五: shares are written in several ways."""
    word, pos, _ = qual
    decimals = rng.choice((0, 0, 1, 1, 2)) if x < 99.95 else 0
    d = Decimal(round(min(x, 100.0), decimals)).quantize(Decimal(1).scaleb(-decimals))
    d = Decimal(plain(d)) if d > 0 else Decimal(1)
    if rng.random() < style.chinese * 1.5:
        body = "百分之" + cn_decimal(d)
    else:
        body = plain(d) + ("%" if rng.random() > 0.1 else "％")
        if rng.random() < style.full_width:
            body = body.translate(FULL_WIDTH)
    if pos == "pre":
        body = word + body
    elif pos == "post":
        body += word
    return body, d


def make_fact(
    rng: random.Random, slot: Slot, fill: dict[str, str], final: bool, after_verb: bool, style: Style
) -> Fact:
    """One quantity for ``slot``: the text as written and its gold row, built together."""
    unit = rng.choice(slot.units)
    x = log_uniform(rng, slot.lo, slot.hi)
    metric = slot.metric.format_map(fill)
    if unit == "%":
        qual = pick_qualifier(rng, final, after_verb)
        if qual[1] == "mid":
            qual = ("", "", "exact")
        text, value = render_percent(rng, x, qual, style)
        return Fact(text, as_json_number(value), "%", qual[2], metric, slot.category, slot.optional)
    word, pos, qualifier = pick_qualifier(rng, final, after_verb) if not slot.optional else ("", "", "exact")
    if unit == "个百分点":
        n = rng.randint(1, int(slot.hi))
        return Fact(f"{n}个百分点", n, unit, "exact", metric, slot.category, True)
    head, between, value = render_number(rng, x, unit, pos, style)
    mid_word = word if pos == "mid" else ""
    head = head.replace("{mid}", mid_word)
    between = between.replace("{mid}", mid_word)
    text = (head + between + unit).rstrip()  # no unit: a space after the digits is not part of it
    if pos == "pre":
        text = word + text
    elif pos == "post":
        text += word
    return Fact(text, as_json_number(value), unit, qualifier, metric, slot.category, slot.optional)


# --------------------------------------------------------------------------------------------------
# Sentences and paragraphs
# --------------------------------------------------------------------------------------------------

Segment = str | Fact

THEMES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        (
            "聚焦思想引领,引导妇女听党话跟党走",
            "强化政治引领,凝聚巾帼奋进力量",
            "深化思想政治引领,筑牢巾帼信仰之基",
        ),
        ("events_held", "people_served", "publicity", "honours", "volunteers"),
    ),
    (
        (
            "聚焦服务发展大局,助力妇女建新功",
            "实施乡村振兴巾帼行动,助力共同富裕",
            "深化巾帼建功,促进妇女创业就业",
        ),
        ("people_trained", "training_sessions", "jobs", "loans", "organisations", "people_served"),
    ),
    (
        (
            "聚焦家庭家教家风建设,推动家庭扬美德树新风",
            "加强家庭家教家风建设,涵养文明乡风",
            "深化“美丽庭院”创建",
        ),
        ("households", "events_held", "people_served", "honours", "publicity"),
    ),
    (
        (
            "聚焦维护妇女儿童权益,守护妇女儿童美好生活",
            "强化维权关爱服务,增进妇女儿童福祉",
            "做实关爱帮扶,传递党的温暖",
        ),
        ("cases", "aid_recipients", "funds", "people_served", "events_held"),
    ),
    (
        ("深化巾帼志愿服务,彰显巾帼担当", "弘扬志愿精神,打造巾帼志愿服务品牌"),
        ("volunteers", "events_held", "people_served", "funds"),
    ),
    (
        ("加强妇联自身建设,激发基层组织活力", "深化妇联改革,夯实基层基础", "统筹推进妇女儿童发展规划实施"),
        ("organisations", "people_trained", "rate", "training_sessions", "honours"),
    ),
)


def words(text: str) -> tuple[str, ...]:
    """Word lists are written as space-separated strings: compact, and easy to extend."""
    return tuple(text.split())


LEADS = ("", "", "", "") + words("全年 累计 全年累计 共 先后 联合相关部门 通过线上线下相结合的方式,")
FILLERS = words(
    "助力乡村振兴 引导广大妇女听党话、感党恩、跟党走 切实增强妇女群众的获得感、幸福感、安全感 "
    "营造了浓厚氛围 取得良好社会效果 推动工作提质增效 为高质量发展贡献巾帼力量 "
    "有效提升了妇女的就业创业能力 让党的温暖直达基层 形成了一批可复制可推广的经验 "
    "擦亮了妇联工作品牌 得到了社会各界的广泛好评"
)
# Clauses of the narrative that surrounds the figures: real reports are mostly words, not numbers.
NARRATIVE = words(
    "坚持党建带妇建 深化妇联改革 创新工作方式方法 聚焦妇女群众急难愁盼问题 搭建联系服务妇女平台 "
    "健全常态化工作机制 推动资源力量向基层下沉 强化典型示范引领 用好网上网下两个阵地 "
    "把党的声音传递到千家万户 整合部门资源形成工作合力 打造具有地方特色的工作品牌 "
    "持续扩大妇联组织覆盖面 压紧压实工作责任 加强督导调研 广泛动员社会力量参与 "
    "推动各项政策落地落实 注重从群众需求出发 建立问题清单和责任清单 以点带面推动全域提升 "
    "将家庭家教家风建设融入基层治理 积极对接人社、农业农村、民政等部门 "
    "深入开展调查研究 总结推广基层经验做法 主动融入全市中心工作 "
    "切实发挥妇联组织桥梁纽带作用 不断增强妇联组织的吸引力凝聚力影响力"
)
AREA_CODES = (
    "010",
    "021",
    "022",
    "023",
    "020",
    "025",
    "027",
    "028",
    "029",
    "0531",
    "0546",
    "0591",
    "0371",
    "0731",
)
CN_ORDINALS = "一二三四五六七八九十"


@cache
def clause_shape(clause: Clause) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(vocabulary slot names, pattern split at the {Qn} slots), parsed once per clause."""
    names = set(re.findall(r"\{([a-z]+)\}", clause.pattern))
    for slot in clause.slots:
        names |= set(re.findall(r"\{([a-z]+)\}", slot.metric))
    return tuple(sorted(names)), tuple(p for p in re.split(r"(\{Q\d\})", clause.pattern) if p)


def fill_vocab(rng: random.Random, clause: Clause) -> dict[str, str]:
    """Draw one word for each vocabulary slot of the clause; the metric reuses the same words."""
    return {name: rng.choice(VOCAB[name]) for name in clause_shape(clause)[0]}


def clause_segments(rng: random.Random, clause: Clause, style: Style) -> list[Segment]:
    """Split the clause at its {Qn} slots, filling words and building the facts."""
    fill = fill_vocab(rng, clause)
    parts = clause_shape(clause)[1]
    out: list[Segment] = []
    for i, part in enumerate(parts):
        if part.startswith("{Q"):
            final = i == len(parts) - 1
            after_verb = i > 0 and parts[i - 1].endswith(("达", "为"))
            out.append(make_fact(rng, clause.slots[int(part[2])], fill, final, after_verb, style))
        else:
            out.append(part.format_map(fill))
    return out


def fact_sentence(
    rng: random.Random, categories: tuple[str, ...], style: Style, sub_unit: str, comma: str
) -> list[Segment]:
    """One sentence: an optional lead, one to three fact clauses, maybe a closing filler clause."""
    segments: list[Segment] = []
    lead = rng.choice(LEADS)
    if rng.random() < 0.15:
        lead = f"{sub_unit}妇联{lead}"
    if lead:
        segments.append(lead)
    n = rng.choices((1, 2, 3), (62, 30, 8))[0]
    for k in range(n):
        cat = rng.choice(categories) if rng.random() < 0.85 else rng.choice(CATEGORIES)
        if k:
            segments.append(rng.choice((comma, comma, "、")))
        segments.extend(clause_segments(rng, rng.choice(CLAUSES[cat]), style))
    if rng.random() < 0.35:
        segments.append(comma + rng.choice(FILLERS))
    segments.append("。")
    return segments


def narrative_sentence(rng: random.Random, comma: str) -> str:
    """A sentence with no number at all, so facts sit in running prose at a realistic density."""
    return comma.join(rng.sample(NARRATIVE, rng.randint(2, 4))) + comma + rng.choice(FILLERS) + "。"


def non_fact_sentence(rng: random.Random, place: Place, year: int, sub_unit: str, comma: str) -> str:
    """A sentence whose numbers are NOT facts: dates, issue numbers, names with numbers, phones."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    phone = f"{rng.choice(AREA_CODES)}-{rng.randint(2000000, 8999999)}"
    choices = (
        f"{year}年{month}月,{sub_unit}妇联举办第{rng.randint(2, 30)}期“巾帼大讲堂”{comma}邀请专家现场授课。",
        f"在“三八”国际妇女节{year - 1910}周年之际{comma}{place.organisation}组织开展系列纪念活动。",
        f"五年来{comma}{place.organisation}始终坚持以人民为中心的发展思想{comma}团结带领广大妇女建功新时代。",
        f"近三年来{comma}全{place.name[-1]}各级妇联组织持续深化“巾帼建功”活动。",
        f"围绕“{rng.randint(10000, 99999)}”民生实事{comma}{place.organisation}主动认领重点任务。",
        f"紧扣“{rng.randint(1, 9)}+{rng.randint(1000, 99999)}”工作部署{comma}推动各项工作落地见效。",
        f"深入实施“{rng.randint(1000, 9999)}工程”{comma}探索形成“四个一”工作法。",
        f"评选“十佳好军嫂”{comma}开展“五进”活动{comma}实施“三大工程”。",
        f"联系电话:{phone}。",
        f"妇女维权公益服务热线12338全年畅通{comma}咨询电话{phone}。",
        f"{month}月{day}日{comma}{place.organisation}召开{year}年第{rng.randint(1, 6)}次执委会议。",
        f"{year - rng.randint(1, 5)}年以来{comma}第一批“巾帼示范村”创建工作稳步推进。",
        f"认真学习贯彻党的二十大精神和十九届五中全会精神{comma}持续推进“两纲”实施。",
        f"{year}年{month}月底{comma}“六一”儿童节前夕{comma}开展“童心向党”主题活动。",
        f"（{sub_unit}妇联供图 第{rng.randint(1, 40)}页）",
    )
    return rng.choice(choices)


# --------------------------------------------------------------------------------------------------
# A whole report
# --------------------------------------------------------------------------------------------------


@dataclass
class Report:
    """A generated report before script conversion: segments plus the document's gold row."""

    segments: list[Segment]
    doc_row: dict


def title_lines(rng: random.Random, place: Place, year: int) -> list[str]:
    """A title and a dateline, in one of the shapes the real reports have (summary, press release)."""
    org = place.organisation
    kind = rng.randrange(5)
    if kind == 0:
        return [f"{org}{year}年工作总结", f"（{year + 1}年{rng.randint(1, 2)}月{rng.randint(1, 28)}日）"]
    if kind == 1:
        return [f"{org}关于{year}年工作情况的报告", f"{year + 1}年1月{rng.randint(5, 28)}日"]
    if kind == 2:
        return [
            f"凝心聚力建新功 巾帼奋进新征程——{org}{year}年工作综述",
            f"发布时间:{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日",
        ]
    if kind == 3:
        media = rng.choice(MEDIA)
        return [
            f"{media}记者 {person(rng)} 通讯员 {person(rng)}",
            f"{media}{rng.randint(1, 3)}月{rng.randint(1, 28)}日讯",
        ]
    return [
        f"{year}年{place.name}妇女儿童工作亮点回眸",
        f"来源:{org} {year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日",
    ]


def intro(rng: random.Random, place: Place, year: int, comma: str) -> str:
    """The opening paragraph: the year and the body, which is where report_year and organisation live."""
    return (
        f"{year}年{comma}{place.organisation}在{place.name}委的坚强领导下{comma}坚持以习近平新时代中国特色社会主义思想为指导"
        f"{comma}团结带领全{place.name[-1]}广大妇女{rng.choice(FILLERS)}{comma}各项工作取得新成效。"
    )


def build_report(rng: random.Random, target_bytes: int) -> Report:
    """Sections of fact and non-fact sentences until the report reaches about ``target_bytes``."""
    cities, provinces = places()
    place = rng.choice(provinces) if rng.random() < 0.15 else rng.choice(cities)
    year = rng.randint(2015, 2025)
    comma = "," if rng.random() < 0.3 else "，"
    style = Style(
        spaced=rng.choice((0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.7)),
        full_width=rng.choice((0.0,) * 12 + (0.6,)),
        chinese=rng.choice((0.02, 0.05, 0.1, 0.2)),
        magnitude=rng.choice((0.3, 0.5, 0.8)),
    )
    segments: list[Segment] = []
    size = 0

    def add(items: list[Segment]) -> None:
        nonlocal size
        segments.extend(items)
        size += sum(len((s if isinstance(s, str) else s.text).encode("utf-8")) for s in items)

    add(["\n".join(title_lines(rng, place, year)) + "\n", intro(rng, place, year, comma) + "\n"])
    section = 0
    while size < target_bytes:
        headings, categories = rng.choice(THEMES)
        heading = rng.choice(headings)
        if rng.random() < 0.7:
            heading = f"{CN_ORDINALS[section % 10]}、{heading}"
        add([heading + "\n"])
        section += 1
        for _ in range(rng.randint(1, 3)):
            enumerated = rng.random() < 0.4
            for k in range(rng.randint(2, 5)):
                sub_unit = rng.choice(place.counties)
                if rng.random() < 0.18:
                    add([non_fact_sentence(rng, place, year, sub_unit, comma)])
                if enumerated:
                    add([f"{CN_ORDINALS[k]}是"])
                if rng.random() < 0.55:
                    add([narrative_sentence(rng, comma)])
                add(fact_sentence(rng, categories, style, sub_unit, comma))
                if size >= target_bytes:
                    break
            add(["\n"])
            if size >= target_bytes:
                break
    if rng.random() < 0.4:
        add([non_fact_sentence(rng, place, year, rng.choice(place.counties), comma) + "\n"])
    doc_row = {
        "province": place.province,
        "city": place.city,
        "organisation": place.organisation,
        "report_year": year,
    }
    return Report(segments, doc_row)


# --------------------------------------------------------------------------------------------------
# Script and pinyin glosses
# --------------------------------------------------------------------------------------------------

GLOSSES = {
    "联": "lián",
    "业": "yè",
    "务": "wù",
    "农": "nóng",
    "创": "chuàng",
    "设": "shè",
    "产": "chǎn",
    "态": "tài",
    "领": "lǐng",
    "质": "zhì",
    "调": "diào",
    "结": "jié",
    "权": "quán",
    "术": "shù",
    "续": "xù",
    "网": "wǎng",
    "统": "tǒng",
    "络": "luò",
    "稳": "wěn",
    "构": "gòu",
    "战": "zhàn",
    "妇": "fù",
    "关": "guān",
    "区": "qū",
    "乡": "xiāng",
    "发": "fā",
    "万": "wàn",
    "县": "xiàn",
    "会": "huì",
    "动": "dòng",
    "专": "zhuān",
    "项": "xiàng",
    "儿": "ér",
    "开": "kāi",
    "组": "zǔ",
    "织": "zhī",
    "实": "shí",
    "计": "jì",
    "划": "huà",
    "庭": "tíng",
    "岗": "gǎng",
    "贷": "dài",
}


GLOSS_GROWTH = 1.3  # glossed reports come out about this much longer than their unglossed text


@lru_cache(maxsize=1)
def converter():
    """OpenCC simplified→traditional, built once per process (it loads dictionaries)."""
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=1)
def gloss_table() -> tuple[dict[str, str], re.Pattern]:
    """Glossable characters in both scripts, and one regex that finds any of them."""
    cc = converter()
    table = dict(GLOSSES)
    for ch, py in GLOSSES.items():
        table.setdefault(cc.convert(ch), py)
    return table, re.compile("[" + "".join(sorted(table)) + "]")


def to_traditional(pieces: list[str]) -> list[str]:
    """Convert the whole report at once (as a bad real-world conversion would), then cut it back
    into the same pieces; OpenCC s2t keeps the length, and if it ever did not, convert piecewise."""
    joined = "".join(pieces)
    converted = converter().convert(joined)
    if len(converted) != len(joined):
        return [converter().convert(p) for p in pieces]
    out, pos = [], 0
    for p in pieces:
        out.append(converted[pos : pos + len(p)])
        pos += len(p)
    return out


def gloss(rng: random.Random, text: str, rate: float) -> str:
    """Glue pinyin after some characters, as in 婦聯(lián): the residue of a careless conversion."""
    table, pattern = gloss_table()
    return pattern.sub(
        lambda m: f"{m.group()}({table[m.group()]})" if rng.random() < rate else m.group(), text
    )


def render(
    rng: random.Random, report: Report, traditional: bool, gloss_rate: float
) -> tuple[str, list[Fact]]:
    """The report's final text and its facts, with each fact's text as it stands in that text."""
    pieces = [s if isinstance(s, str) else s.text for s in report.segments]
    if traditional:
        pieces = to_traditional(pieces)
    facts = []
    for i, seg in enumerate(report.segments):
        if isinstance(seg, Fact):
            seg.text = pieces[i]
            facts.append(seg)
        elif gloss_rate:
            pieces[i] = gloss(rng, pieces[i], gloss_rate)
    return "".join(pieces), facts


# --------------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------------


def target_size(rng: random.Random) -> int:
    """Bytes to aim for: 1-20 KB, skewed short with a long tail; the mean is about 2 KB."""
    return int(min(19000, 1024 + rng.lognormvariate(6.25, 1.0)))  # 19000: room for the last sentence


def fact_row(doc: str, fact: Fact) -> dict:
    row = {
        "doc": doc,
        "text": fact.text,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "metric": fact.metric,
        "category": fact.category,
    }
    if fact.optional:
        row["optional"] = True
    return row


def generate(n_docs: int, out_dir: Path, seed: int, progress: bool = True) -> dict:
    """Write ``n_docs`` reports to out_dir/reports and their gold to out_dir/gold; return counts.

    Streaming: each report and its gold rows are written as soon as they are made.
    """
    started = time.monotonic()
    out_dir = Path(out_dir)
    reports_dir, gold_dir = out_dir / "reports", out_dir / "gold"
    reports_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n_facts = n_bytes = 0
    step = max(1, n_docs // 20)
    with (
        (gold_dir / "seeds.jsonl").open("w", encoding="utf-8") as seeds_f,
        (gold_dir / "documents.jsonl").open("w", encoding="utf-8") as docs_f,
    ):
        for index in range(n_docs):
            doc = f"{index:05d}_{rng.getrandbits(32):08x}.txt"
            traditional = rng.random() < 0.3
            gloss_rate = 0.8 if rng.random() < (0.3 if traditional else 0.05) else 0.0
            target = target_size(rng)
            if gloss_rate:
                target = max(1100, int(target / GLOSS_GROWTH))
            report = build_report(rng, target)
            text, facts = render(rng, report, traditional, gloss_rate)
            data = text.encode("utf-8")
            (reports_dir / doc).write_bytes(data)
            n_bytes += len(data)
            for fact in facts:
                seeds_f.write(json.dumps(fact_row(doc, fact), ensure_ascii=False) + "\n")
            n_facts += len(facts)
            row = {"doc": doc, **report.doc_row, "script": "traditional" if traditional else "simplified"}
            docs_f.write(json.dumps(row, ensure_ascii=False) + "\n")
            if progress and n_docs >= 100 and (index + 1) % step == 0:
                print(
                    f"generate: {index + 1}/{n_docs} docs ({100 * (index + 1) // n_docs}%), {n_facts} facts, "
                    f"{n_bytes / 1e6:.1f} MB, {time.monotonic() - started:.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
    return {
        "docs": n_docs,
        "facts": n_facts,
        "bytes": n_bytes,
        "seconds": round(time.monotonic() - started, 2),
    }


def main(argv: list[str] | None = None) -> int:
    """`python -m tools.generate --docs N --out DIR`: write N reports and their gold (load tests)."""
    parser = argparse.ArgumentParser(prog="python -m tools.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True, help="number of reports")
    parser.add_argument("--out", required=True, help="output folder: reports/ and gold/ are written inside")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same bytes")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    counts = generate(args.docs, Path(args.out), args.seed, progress=not args.quiet)
    print(
        f"wrote {counts['docs']} reports ({counts['bytes'] / 1e6:.1f} MB) and {counts['facts']} gold facts "
        f"to {args.out} in {counts['seconds']:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
