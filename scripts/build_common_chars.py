"""Regenerate plugins/fulian/text/data/common_chars.txt: the most frequent Chinese characters in both scripts.

Why: telling GB18030 from Big5 (and either from binary noise) is a question of which decoding yields
ordinary Chinese text. Both decoders accept most byte sequences, so the test is how many decoded
characters are common ones. Frequencies come from jionlp's char_distribution table (Apache-2.0,
https://github.com/dongrixinyu/JioNLP); traditional forms are added with OpenCC s2t.

jionlp is in the dependency group `refdata`, which no make target installs: first
`scripts/sync_env.sh refdata`.

usage: .venv/bin/python scripts/build_common_chars.py
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import opencc

TOP_N = 4000
OUT = Path(__file__).resolve().parents[1] / "plugins" / "fulian" / "text" / "data" / "common_chars.txt"


def main() -> None:
    spec = importlib.util.find_spec("jionlp")
    assert spec and spec.origin, "jionlp is not installed"
    table = Path(spec.origin).parent / "dictionary" / "char_distribution.zip"
    with zipfile.ZipFile(table) as zf, zf.open("char_distribution.json") as f:
        rows = [json.loads(line) for line in f.read().decode("utf-8").split("\n") if line.strip()]
    cjk = [(c, n) for c, n in rows if len(c) == 1 and "\u4e00" <= c <= "\u9fff"]
    cjk.sort(key=lambda cn: -cn[1])
    simplified = "".join(c for c, _ in cjk[:TOP_N])
    traditional = opencc.OpenCC("s2t").convert(simplified)
    chars = sorted(set(simplified) | set(traditional))
    OUT.write_text("".join(chars) + "\n", encoding="utf-8")
    print(f"wrote {len(chars)} characters to {OUT}")


if __name__ == "__main__":
    main()
