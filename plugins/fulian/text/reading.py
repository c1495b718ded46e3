"""Turn the bytes of a landed file into report text, or say clearly why it is not a report.

Landing folders hold whatever scrapers and colleagues drop there: UTF-8 with or without BOM, UTF-16,
GB18030/GBK, Big5, HTML pages saved as .txt, files cut mid-character, and things that are no report at
all. Everything here is pure (bytes in, text or a reason out) except `read_landed_file`, which does the
only file-system checks (symlinks, size) before reading, so memory stays bounded.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from fulian.errors import RejectedFile

MAX_REPORT_BYTES = 50 * 1024 * 1024
"""Larger files are rejected unread: no work report is 50 MB of text, and reading it would blow memory."""

MIN_COMMON_SHARE = 0.6
"""Share of CJK characters that must be common ones for a legacy (GB/Big5) decoding to count as text."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def content_hash(data: bytes) -> str:
    """The report's identity: same bytes, same report, whatever the file is called."""
    return hashlib.sha256(data).hexdigest()


@cache
def _common_chars() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "common_chars.txt"
    return frozenset(path.read_text(encoding="utf-8").strip())


def _cjk_common_share(text: str) -> tuple[int, float]:
    """How many CJK characters the text has and which share of them are common ones."""
    common = _common_chars()
    cjk = [c for c in text if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"]
    if not cjk:
        return 0, 0.0
    return len(cjk), sum(c in common for c in cjk) / len(cjk)


def _strip_truncated_tail(data: bytes, encoding: str) -> str | None:
    """Decode strictly; if only the last few bytes fail (a file cut inside its last character), drop them."""
    for cut in range(0, 4):
        try:
            return (data[: len(data) - cut] if cut else data).decode(encoding)
        except UnicodeDecodeError as err:
            if err.start < len(data) - 4:
                return None
    return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Chinese text in UTF-16 has NUL high bytes on ASCII (newlines, digits)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nul > 0.05 * half and even_nul < 0.01 * half:
        return "utf-16-le"
    if even_nul > 0.05 * half and odd_nul < 0.01 * half:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace mark binary data decoded by accident."""
    if not text:
        return False
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return controls / len(sample) > 0.01


def decode_bytes(data: bytes) -> Decoded:
    """Find the encoding of a report and decode it; raise RejectedFile with a reason when it is not text."""
    if not data:
        raise RejectedFile("empty file (0 bytes)")
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
    for bom, encoding in boms:
        if data.startswith(bom):
            text = _strip_truncated_tail(data[len(bom) :], encoding.replace("-sig", ""))
            if text is not None:
                return Decoded(text, encoding)
    utf16 = _looks_utf16(data)
    if utf16:
        text = _strip_truncated_tail(data, utf16)
        if text is not None and not _looks_binary(text):
            return Decoded(text, utf16)
    if b"\x00" in data:
        # Stray NUL bytes in an otherwise readable file (a bad copy, a padded download): read around them.
        return _decode_legacy_or_utf8(data.replace(b"\x00", b""), "binary file (NUL bytes)")
    return _decode_legacy_or_utf8(data, "binary or undecodable")


def _decode_legacy_or_utf8(data: bytes, what: str) -> Decoded:
    text = _strip_truncated_tail(data, "utf-8")
    if text is not None and not _looks_binary(text):
        return Decoded(text, "utf-8")
    best: tuple[float, Decoded] | None = None
    for encoding in ("gb18030", "big5"):
        text = _strip_truncated_tail(data, encoding)
        if text is None or _looks_binary(text):
            continue
        n_cjk, share = _cjk_common_share(text)
        if n_cjk and share >= MIN_COMMON_SHARE and (best is None or share > best[0]):
            best = (share, Decoded(text, encoding))
    if best is None:
        raise RejectedFile(f"{what}: no encoding among UTF-8, UTF-16, GB18030 and Big5 yields Chinese text")
    return best[1]


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML page, one line per block element."""

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "title",
            "section",
            "article",
            "header",
            "footer",
            "td",
        ]
    )
    SKIP = frozenset(("script", "style", "noscript", "template"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


_HTML_SIGNS = re.compile(r"<\s*(?:!doctype\s+html|html|body|head|meta|div|p)\b", re.IGNORECASE)


def html_to_text(text: str) -> str:
    """The visible text of an HTML page; plain text passes through unchanged."""
    if len(_HTML_SIGNS.findall(text[:20000])) < 2:
        return text
    parser = _TextOfHtml()
    parser.feed(text)
    parser.close()
    lines = (re.sub(r"[ \t\u3000]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return html.unescape("\n".join(line for line in lines if line))


def to_report_text(data: bytes) -> Decoded:
    """Bytes to the report's original text: decoded, HTML stripped, line endings normalised to \\n."""
    decoded = decode_bytes(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    text = html_to_text(text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.strip():
        raise RejectedFile("no text: the file holds only whitespace")
    return Decoded(text, decoded.encoding)


def landed_names(landing: Path) -> list[str]:
    """Candidate report files under the landing folder (recursively), as their paths inside it
    ('/'-separated, sorted for a stable order). Plain strings: the scan runs over every landed file.

    Hidden files and folders (`.partial`, editors' swap files) are skipped; symbolic links are listed so
    they can be rejected with a reason rather than silently ignored.
    """
    found: list[str] = []
    for root, dirs, files in os.walk(landing, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        inside = os.path.relpath(root, landing)
        prefix = "" if inside == "." else inside.replace(os.sep, "/") + "/"
        found.extend(prefix + f for f in files if not f.startswith("."))
    return sorted(found)


SYMLINK_REASON = "symbolic link: not followed (files must be copied into the landing folder)"


def landed_reader(landing: Path) -> Callable[[str | Path], bytes]:
    """A reader for one pass over the landing folder (see read_landed_file).

    The landing folder's real path and each sub-folder's are looked up once per pass, not once per
    file: a run checks every landed file, so at 100,000 files this is seconds of every daily run.
    """
    root = os.path.realpath(landing)
    inside: dict[str, bool] = {}

    def read(path: str | Path) -> bytes:
        try:
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                raise RejectedFile(SYMLINK_REASON)
            parent = os.path.dirname(path)
            if parent not in inside:
                folder = os.path.realpath(parent)
                inside[parent] = folder == root or folder.startswith(root + os.sep)
            if not inside[parent]:
                raise RejectedFile("outside the landing folder")
            if not stat.S_ISREG(st.st_mode):
                raise RejectedFile("not a regular file")
            if st.st_size > MAX_REPORT_BYTES:
                raise RejectedFile(f"too large: {st.st_size} bytes (limit {MAX_REPORT_BYTES}); not read")
            # O_NOFOLLOW: a file swapped for a symbolic link after the checks is still not followed
            with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as f:
                return f.read()
        except PermissionError as err:
            raise RejectedFile(f"unreadable: {err.strerror}") from err
        except OSError as err:
            raise RejectedFile(f"unreadable: {err.strerror or err}") from err

    return read


def read_landed_file(path: Path, landing: Path) -> bytes:
    """Read one landed file's bytes after the checks that must happen before reading: not a symbolic
    link, inside the landing folder, a regular file, at most MAX_REPORT_BYTES."""
    return landed_reader(landing)(path)
