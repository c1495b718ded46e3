"""The synthetic corpus: deterministic, streaming, in the genre, and with gold that follows GUIDELINES.md.

The gold is built with the text, so these tests check it against the text from the outside: every
gold ``text`` stands in its report, simple Arabic quantities re-parse to the gold value, unit and
qualifier, and nothing the guideline calls a non-fact (dates, issue numbers, phones) is in it.
"""

from __future__ import annotations

import json
import re
import statistics
import tracemalloc
from decimal import Decimal
from pathlib import Path

import opencc
import pytest

from tools.generate import CATEGORIES, cn_under_10000, generate, main, places, to_chinese

ROOT = Path(__file__).resolve().parents[1]
FACT_FIELDS = {"doc", "text", "value", "unit", "qualifier", "metric", "category"}
DOC_FIELDS = {"doc", "province", "city", "organisation", "report_year", "script"}
QUALIFIER_OF = {
    "余": "over", "多": "over", "以上": "over", "超过": "over", "超": "over", "逾": "over", "不低于": "over",
    "近": "about", "约": "about", "大约": "about", "左右": "about", "不足": "under", "不到": "under",
}  # fmt: skip
SIMPLE = re.compile(
    r"^(?P<pre>超过|超|逾|不低于|近|约|大约|不足|不到)?(?P<num>\d+(?:\.\d+)?) ?(?P<mid1>余|多)?"
    r"(?P<mag>万|亿)?(?P<mid2>余|多)?(?P<unit>[^\d]*?)(?P<post>以上|左右)?$"
)
NON_FACTS = {
    "date": r"\d{4}年(\d{1,2}月)?",
    "issue": r"第\d+期",
    "phone": r"0\d{2,3}-\d{7}",
    "name": r"三八",
    "coded name": r"“\d+(\+\d+)?”",
    "time frame": r"五年来|近三年来|\d{4}年以来",
    "anniversary": r"\d+周年",
}
GLOSS = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
T2S = opencc.OpenCC("t2s")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """300 reports, read back once for all the content tests."""
    out = tmp_path_factory.mktemp("generated")
    counts = generate(300, out, seed=20240308, progress=False)
    reports = {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "reports").iterdir())}
    return {
        "out": out,
        "counts": counts,
        "reports": reports,
        "facts": read_jsonl(out / "gold" / "seeds.jsonl"),
        "docs": read_jsonl(out / "gold" / "documents.jsonl"),
    }


def test_chinese_numerals_read_as_reports_write_them():
    assert [cn_under_10000(n) for n in (10, 15, 120, 110, 1005, 2000, 3050)] == [
        "十", "十五", "一百二十", "一百一十", "一千零五", "两千", "三千零五十",
    ]  # fmt: skip
    assert [to_chinese(n) for n in (20000, 35000, 120000, 30500)] == [
        "两万",
        "三万五千",
        "十二万",
        "三万零五百",
    ]


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    def snapshot(folder: Path) -> dict[str, bytes]:
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    generate(40, tmp_path / "a", seed=7, progress=False)
    generate(40, tmp_path / "b", seed=7, progress=False)
    generate(40, tmp_path / "c", seed=8, progress=False)
    a, b, c = snapshot(tmp_path / "a"), snapshot(tmp_path / "b"), snapshot(tmp_path / "c")
    assert a == b
    assert a != c


def test_counts_names_and_fields(corpus):
    counts, reports, facts, docs = corpus["counts"], corpus["reports"], corpus["facts"], corpus["docs"]
    assert counts["docs"] == len(reports) == len(docs) == 300
    assert counts["facts"] == len(facts)
    assert counts["bytes"] == sum(len(t.encode("utf-8")) for t in reports.values())
    assert all(re.fullmatch(r"\d{5}_[0-9a-f]{8}\.txt", name) for name in reports)
    assert [d["doc"] for d in docs] == sorted(reports)
    for f in facts:
        assert FACT_FIELDS <= set(f) <= FACT_FIELDS | {"optional"}
        assert f["category"] in CATEGORIES
        assert f["qualifier"] in ("exact", "over", "about", "under")
        assert f["metric"] and f["metric"] == T2S.convert(f["metric"])
    assert set(CATEGORIES) == {f["category"] for f in facts}
    assert len(CATEGORIES) == 15


def test_documents_are_real_places_and_years(corpus):
    city_places, province_places = places()
    known = {(p.province, p.city) for p in city_places + province_places}
    for d in corpus["docs"]:
        assert set(d) == DOC_FIELDS
        assert (d["province"], d["city"]) in known
        assert d["organisation"] == (d["city"] or d["province"]) + "妇联"
        assert 2015 <= d["report_year"] <= 2025
    assert len({d["province"] for d in corpus["docs"]}) >= 20
    assert any(d["city"] == "" for d in corpus["docs"])


def test_every_gold_text_stands_in_its_report(corpus):
    reports = corpus["reports"]
    for f in corpus["facts"]:
        assert f["text"] in reports[f["doc"]], f


def test_simple_arabic_quantities_reparse_to_their_gold(corpus):
    """Where the text is digits, maybe 万/亿, a qualifier and a unit, parse it and compare."""
    checked = 0
    for f in corpus["facts"]:
        text = T2S.convert(f["text"]).translate(str.maketrans("０１２３４５６７８９．％", "0123456789.%"))
        m = SIMPLE.match(text)
        if not m:
            continue
        checked += 1
        value = Decimal(m["num"]) * {None: 1, "万": 10**4, "亿": 10**8}[m["mag"]]
        assert abs(float(value) - f["value"]) <= 1e-6 * max(1.0, f["value"]), f
        assert m["unit"] == f["unit"], f
        words = [w for w in (m["pre"], m["mid1"], m["mid2"], m["post"]) if w]
        assert f["qualifier"] == (QUALIFIER_OF[words[0]] if words else "exact"), f
        if f["unit"] == "元" or "元" in text:
            assert f["unit"] == "元"
    assert checked > 0.6 * len(corpus["facts"])


def test_number_shapes_of_the_genre_are_all_there(corpus):
    texts = [f["text"] for f in corpus["facts"]]

    def some(pattern: str) -> bool:
        return any(re.search(pattern, t) for t in texts)

    assert some(r"^\d+ \D")  # 5815 个
    assert some(r"\d \S*[万萬]")  # 1.4 万名
    assert some(r"[０-９]")  # １２０场
    assert some(r"^[一二两兩三四五六七八九十百千]+[余餘多]?[^\d]*$")  # 一百二十场, 三千余人, 百余名
    assert some(r"^近[千万萬]")  # 近千人
    assert some(r"\d\.\d+[万萬]")  # 1.3万
    assert some(r"[亿億]元")  # 1.2亿元
    assert some(r"%|％") and some(r"^百分之")
    for word in ("余", "多", "近", "约", "超过", "不低于", "不足", "左右", "以上"):
        assert some(word) or some(opencc.OpenCC("s2t").convert(word)), word


def test_non_facts_are_in_the_text_but_never_in_the_gold(corpus):
    text = "\n".join(corpus["reports"].values())
    for name, pattern in NON_FACTS.items():
        assert re.search(pattern, text), f"no {name} in the corpus"
        for f in corpus["facts"]:
            assert not re.search(pattern, f["text"]), (name, f)


def test_script_mix_and_pinyin_glosses(corpus):
    reports, docs = corpus["reports"], corpus["docs"]
    traditional = [d["doc"] for d in docs if d["script"] == "traditional"]
    assert 0.2 <= len(traditional) / len(docs) <= 0.4
    for d in docs:
        text = GLOSS.sub(lambda m: m.group()[0], reports[d["doc"]])
        assert ("婦聯" in text) == (d["script"] == "traditional"), d
        assert ("妇联" in text) == (d["script"] == "simplified"), d
    glossed = [name for name, text in reports.items() if GLOSS.search(text)]
    assert 0.03 <= len(glossed) / len(reports) <= 0.3
    assert not any("(" in f["text"] for f in corpus["facts"])
    trad_facts = [f for f in corpus["facts"] if f["doc"] in set(traditional)]
    assert any(re.search("[萬億場個餘戶]", f["text"]) for f in trad_facts)
    assert all(f["unit"] == T2S.convert(f["unit"]) for f in trad_facts)


def test_report_sizes(corpus):
    sizes = [len(t.encode("utf-8")) for t in corpus["reports"].values()]
    assert min(sizes) >= 1024
    assert max(sizes) <= 20480
    assert 1500 <= statistics.mean(sizes) <= 2700
    assert max(sizes) >= 2 * statistics.median(sizes)  # a long tail, not one size


def test_streaming_memory_does_not_grow_with_the_corpus(tmp_path):
    generate(5, tmp_path / "warm", seed=1, progress=False)  # load the place list and OpenCC first

    def peak(n: int) -> int:
        tracemalloc.start()
        generate(n, tmp_path / f"n{n}", seed=1, progress=False)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(50), peak(400)
    assert large < small + 2_000_000  # 8x the reports, not 8x the memory


def test_a_thousand_reports_weigh_about_two_megabytes(tmp_path):
    counts = generate(1000, tmp_path, seed=2, progress=False)
    assert 1.5e6 <= counts["bytes"] <= 2.7e6


def test_cli_generate(tmp_path, capsys):
    assert main(["--docs", "3", "--out", str(tmp_path), "--seed", "5", "--quiet"]) == 0
    assert len(list((tmp_path / "reports").iterdir())) == 3
    assert len(read_jsonl(tmp_path / "gold" / "documents.jsonl")) == 3
    assert "wrote 3 reports" in capsys.readouterr().out


def test_progress_lines_go_to_stderr(tmp_path, capsys):
    generate(200, tmp_path, seed=3, progress=True)
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("generate:")]
    assert 18 <= len(lines) <= 21
    assert lines[-1].startswith("generate: 200/200 docs (100%)")


def test_extractor_scores_well_on_generated_reports(tmp_path):
    """The project's extractor against the generated gold, with the evaluation's own matching."""
    from fulian.evaluation.score import score
    from fulian.text.extract import extract_report

    generate(200, tmp_path, seed=99, progress=False)
    preds = []
    for path in sorted((tmp_path / "reports").iterdir()):
        _, facts = extract_report(path.read_text(encoding="utf-8"))
        preds += [{**f, "doc": path.name} for f in facts]
    figures = score(read_jsonl(tmp_path / "gold" / "seeds.jsonl"), preds).figures
    print(f"extractor on generated reports: {figures}")
    assert figures["f1"] >= 0.8
