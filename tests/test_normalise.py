"""Normalisation: simplified script, NFKC, gloss removal, exact offsets back to the original."""

from __future__ import annotations

from bisect import bisect_left

import pytest

from fulian.text.normalise import detect_script, normalise


def test_glosses_stripped_real_parentheses_kept() -> None:
    text = "南平市婦聯(lián)發放萬（wàn）元，三八紅旗集體(集体)、綱要(2021-2030年)、宣傳品(张)"
    n = normalise(text)
    assert "(lián)" not in n.text and "（wàn）" not in n.text
    assert "南平市妇联" in n.text and "万元" in n.text
    assert "(集体)" in n.text and "(2021-2030年)" in n.text and "(张)" in n.text


def test_toneless_gloss_stripped_but_not_english() -> None:
    n = normalise("婦聯(lian)和手机(App)")
    assert "(lian)" not in n.text
    assert "(App)" in n.text


def test_fullwidth_digits_and_percent_folded_punctuation_kept() -> None:
    n = normalise("培訓２０００多名，建成率３８．１％")
    assert n.text == "培训2000多名，建成率38.1%"


def test_enclosed_numerals_kept() -> None:
    assert normalise("①10名").text == "①10名"


@pytest.mark.parametrize(
    "text",
    [
        "濱州市婦聯(lián)培訓婦女3.9萬人",
        "情景剧……诵读㎡",
        "普通简体文本，没有变化。",
        "",
        "萬(wàn)元\n第二行（guān）",
    ],
)
def test_offsets_map_back_exactly(text: str) -> None:
    n = normalise(text)
    assert len(n.offsets) == len(n.text)
    assert n.offsets == sorted(n.offsets)
    for i, o in enumerate(n.offsets):
        assert 0 <= o < len(text)
        assert n.original_index(i) == o


@pytest.mark.parametrize(
    "text",
    [
        "濱州市婦聯(lián)培訓婦女3.9萬人",
        "情景剧……诵读㎡",
        "普通简体文本，没有变化。",
        "",
        "萬(wàn)元\n第二行（guān）",
    ],
)
def test_normalised_index_is_the_bisection_of_offsets(text: str) -> None:
    n = normalise(text)
    for original in range(-1, len(text) + 2):
        assert n.normalised_index(original) == bisect_left(n.offsets, original)


def test_span_maps_to_original_span_with_gloss_inside() -> None:
    original = "發放7083萬(wàn)元資金"
    n = normalise(original)
    s = n.text.index("7083")
    e = n.text.index("元") + 1
    o_s, o_e = n.to_original(s, e)
    assert original[o_s:o_e] == "7083萬(wàn)元"


def test_detect_script() -> None:
    assert detect_script("濱州市婦聯組織召開新聞發布會，介紹婦女兒童工作有關情況") == "traditional"
    assert detect_script("滨州市妇联组织召开新闻发布会，介绍妇女儿童工作有关情况") == "simplified"
    assert normalise("婦聯工作會議").script == "traditional"


def _script_reference(before: str, after: str) -> str:
    """_script_of written plainly: count every changed character and every Han character."""
    n = min(len(before), 20_000)
    changed = sum(a != b for a, b in zip(before[:n], after[:n], strict=True))
    han = sum(
        1
        for c in before[:n]
        if "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"
    )
    return "traditional" if changed >= 2 and han and changed / han >= 0.03 else "simplified"


@pytest.mark.parametrize("rate", [0, 0.001, 0.02, 0.029, 0.03, 0.031, 0.05, 0.3])
@pytest.mark.parametrize("length", [3, 40, 700, 25_000])
def test_script_counting_shortcuts_give_the_plain_verdict(rate: float, length: int) -> None:
    from fulian.text.normalise import _script_of

    before = ("妇联培训妇女1200人，abc。" * (length // 14 + 1))[:length]
    step = int(1 / rate) if rate else 0
    after = "".join("X" if step and i % step == 0 else c for i, c in enumerate(before))
    assert _script_of(before, after) == _script_reference(before, after)


def test_identity_spans_map_to_themselves() -> None:
    n = normalise("培训妇女1200人。")
    assert n.identity
    assert n.to_original(4, 9) == (4, 9) and n.to_original(3, 3) == (3, 3)
    assert not normalise("婦聯(lián)培訓").identity


def test_a_year_written_digit_by_digit_with_spaces_is_read_as_a_year_and_maps_back() -> None:
    # A garbled page: the year's digits spaced (2 0 2 4 年), a large number's thousands spaced (3 415).
    text = "截至 2 0 2 4 年 2 月底，全市累計開發 3 415 個，另有 1 2 3 項"
    n = normalise(text)
    assert "截至 2024年 2 月底" in n.text and "3 415" in n.text and "1 2 3" in n.text
    i = n.text.index("2024年")
    assert text[slice(*n.to_original(i, i + 5))] == "2 0 2 4 年"
