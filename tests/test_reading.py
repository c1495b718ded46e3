"""Reading landed files: every encoding a landing folder sees, and clear reasons for what is no report."""

from __future__ import annotations

import os

import pytest

from fulian.errors import RejectedFile
from fulian.text.reading import (
    content_hash,
    landed_names,
    read_landed_file,
    to_report_text,
)

SIMPLIFIED = "东营市妇联2020年工作总结\n培训女致富带头人11000余人，发放贷款1.2亿元。\n"
TRADITIONAL = "濱州市婦聯全年累計開展巾幗宣講線下活動762場次，受益7.55萬人次。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
    ],
)
def test_simplified_text_decodes_in_every_encoding(data: bytes, encoding: str) -> None:
    decoded = to_report_text(data)
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding == encoding


def test_big5_traditional_text_is_not_mistaken_for_gbk() -> None:
    decoded = to_report_text(TRADITIONAL.encode("big5"))
    assert decoded.encoding == "big5"
    assert decoded.text == TRADITIONAL


def test_crlf_and_cr_line_ends_become_newlines() -> None:
    text = to_report_text(SIMPLIFIED.replace("\n", "\r\n").encode("utf-8")).text
    assert "\r" not in text and text == SIMPLIFIED


def test_file_cut_inside_its_last_character_reads_what_is_there() -> None:
    data = SIMPLIFIED.rstrip("\n").encode("utf-8")[:-1]  # the final '。' loses one of its 3 bytes
    decoded = to_report_text(data)
    assert decoded.text == SIMPLIFIED.rstrip("\n")[:-1]


def test_html_page_yields_its_text_not_its_markup() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>妇联工作</title><style>p{color:red}</style>"
        "<script>var x = 1;</script></head><body><div><p>发放贷款1.2亿元</p><p>培训&amp;服务300人</p>"
        "</div></body></html>"
    )
    text = to_report_text(page.encode("utf-8")).text
    assert "发放贷款1.2亿元" in text and "培训&服务300人" in text
    assert "<" not in text and "color" not in text and "var x" not in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "whitespace"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(4000), "binary"),
    ],
)
def test_what_is_not_a_report_is_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(RejectedFile, match=reason):
        to_report_text(data)


def test_nul_bytes_inside_text_are_dropped() -> None:
    data = SIMPLIFIED.encode("utf-8").replace("。".encode(), b"\x00", 1)
    assert "\x00" not in to_report_text(data).text


def test_same_content_same_hash_different_content_different_hash() -> None:
    assert content_hash(b"a") == content_hash(b"a") != content_hash(b"b")


def test_symlinks_are_listed_and_rejected_not_followed(tmp_path) -> None:
    landing = tmp_path / "landing"
    landing.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(SIMPLIFIED, encoding="utf-8")
    (landing / "link.txt").symlink_to(secret)
    (landing / "good 报告 'q'.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (landing / ".hidden.txt").write_text(SIMPLIFIED, encoding="utf-8")
    names = landed_names(landing)
    assert names == ["good 报告 'q'.txt", "link.txt"]
    files = [landing / name for name in names]
    assert read_landed_file(files[0], landing).decode("utf-8") == SIMPLIFIED
    with pytest.raises(RejectedFile, match="symbolic link"):
        read_landed_file(files[1], landing)


def test_huge_file_is_rejected_unread(tmp_path, monkeypatch) -> None:
    import fulian.text.reading as reading

    monkeypatch.setattr(reading, "MAX_REPORT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(RejectedFile, match="too large"):
        read_landed_file(big, tmp_path)
