"""Number parsing: Arabic figures, Chinese numerals, magnitudes."""

from __future__ import annotations

import pytest

from fulian.text.numerals import magnitude, parse_arabic, parse_chinese, parse_number, quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [("11000", 11000), ("11,000", 11000), ("1,234,567.5", 1234567.5), ("10997.2", 10997.2), ("0.9", 0.9)],
)
def test_arabic(text: str, value: float) -> None:
    assert parse_arabic(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("百", 100),
        ("千", 1000),
        ("万", 10_000),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("一百二十", 120),
        ("一百零五", 105),
        ("三千", 3000),
        ("两万", 20_000),
        ("三千五", 3500),
        ("一万二", 12_000),
        ("十万", 100_000),
        ("一百万", 1_000_000),
        ("三亿五千万", 350_000_000),
        ("一万亿", 1_000_000_000_000),
        ("二〇二三", 2023),
        ("三点五", 3.5),
        ("两百五", 250),
    ],
)
def test_chinese(text: str, value: float) -> None:
    assert parse_chinese(text) == value


def test_chinese_rejects_other_characters() -> None:
    with pytest.raises(ValueError):
        parse_chinese("三个")


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("", 1),
        ("万", 1e4),
        ("亿", 1e8),
        ("千", 1e3),
        ("个亿", 1e8),
        ("百万", 1e6),
        ("千万", 1e7),
        ("万亿", 1e12),
    ],
)
def test_magnitude(text: str, factor: float) -> None:
    assert magnitude(text) == factor


@pytest.mark.parametrize(
    ("number", "mag", "value"),
    [
        ("1.2", "亿", 120_000_000),
        ("7.55", "万", 75_500),
        ("20", "个亿", 2_000_000_000),
        ("0.9", "万", 9000),
        ("53.41", "万", 534_100),
        ("三十", "万", 300_000),
    ],
)
def test_quantity_has_no_float_noise(number: str, mag: str, value: float) -> None:
    assert quantity(number, mag) == value


def test_parse_number_dispatches_on_script() -> None:
    assert parse_number("38.1") == 38.1
    assert parse_number("三十") == 30
