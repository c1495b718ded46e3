"""Planning a run: which landed files are read, and the hash cache that spares re-reading the rest."""

from __future__ import annotations

import hashlib
import os

import pyarrow.parquet as pq

from fulian.warehouse import plan


def _cached(published) -> dict[str, str]:
    table = pq.read_table(plan.hash_cache_path(published)).to_pydict()
    return dict(zip(table["path"], table["sha256"], strict=True))


def test_unchanged_files_are_not_read_again_and_changed_ones_are(tmp_path, monkeypatch) -> None:
    landing, published = tmp_path / "landing", tmp_path / "wh" / "fulian.duckdb"
    (landing / "sub").mkdir(parents=True)
    for name, text in {"a.txt": "培训妇女100人。", "sub/b.txt": "发放贷款1.2亿元。", ".hidden": "x"}.items():
        (landing / name).write_text(text, encoding="utf-8")
    hashed: list[int] = []
    real = plan.content_hash
    monkeypatch.setattr(plan, "content_hash", lambda data: hashed.append(len(data)) or real(data))

    first = plan.plan_batches(landing, published, tmp_path / "ws1")
    assert len(hashed) == 2  # the hidden file is not a report
    assert sorted(_cached(published)) == sorted(str(landing / n) for n in ("a.txt", "sub/b.txt"))

    hashed.clear()
    second = plan.plan_batches(landing, published, tmp_path / "ws2")
    assert hashed == []  # nothing changed: every hash came from the cache
    assert len(first) == len(second) == 1  # one batch of both files, both times

    # Same size, same mtime, new bytes: the ctime moved, so the file is read again.
    a = landing / "a.txt"
    st = a.stat()
    a.write_text("培训妇女200人。", encoding="utf-8")
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert a.stat().st_size == st.st_size
    plan.plan_batches(landing, published, tmp_path / "ws3")
    assert hashed == [st.st_size]
    assert _cached(published)[str(a)] == hashlib.sha256(a.read_bytes()).hexdigest()
