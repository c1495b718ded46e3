"""The one entry point of the extractor: report text in, (document attributes, facts) out.

Pure: no I/O besides the lexicons, which are read once per process and cached. The pipeline records
``EXTRACTOR_VERSION`` with every row. It is derived from the content of everything that decides the
output — the modules of ``fulian.text``, its data files and the dbt seeds the lexicons load — so a
change to any rule, lexicon or data file gives rows a new version without anyone remembering to bump
it, and an unchanged extractor keeps its version across checkouts.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from fulian.settings import PROJECT_ROOT
from fulian.text import lexicons
from fulian.text.category_model import recategorise
from fulian.text.documents import extract_document
from fulian.text.facts import budget_spending, extract_facts
from fulian.text.indicators import assign_indicators
from fulian.text.normalise import Normalised, normalise
from fulian.text.observations import group_observations
from fulian.text.periods import place_in_time
from fulian.text.places import place_facts
from fulian.text.stock_model import restock

TEXT_DIR = Path(__file__).resolve().parent


def extractor_files() -> list[Path]:
    """The files the extractor's output depends on: the modules of ``fulian.text``, every file in
    its data folder and the dbt seeds read by ``lexicons``."""
    data = [p for p in lexicons.DATA_DIR.iterdir() if p.is_file()]
    return [*TEXT_DIR.glob("*.py"), *data, *lexicons.SEED_FILES]


def content_version(files: Iterable[Path], root: Path) -> str:
    """The first 12 hex digits of a SHA-256 over the files, in the order of their paths relative to
    ``root``: each path, its size and its bytes (so moving content between files changes it too)."""
    digest = hashlib.sha256()
    for name, path in sorted((Path(os.path.relpath(p, root)).as_posix(), p) for p in files):
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = content_version(extractor_files(), PROJECT_ROOT)


def read_report(original_text: str, rules_only: bool = False) -> tuple[Normalised, dict, list[dict]]:
    """Normalise once, then read the document attributes and the facts from the same normalised text.

    The normalised text is returned too: the raw layer keeps it, and normalising is a fifth of the cost.
    ``rules_only`` leaves each fact the category its rules give and the start year the periods reader
    gives (what the category and stock models are trained to second-guess), without the models' opinion.
    """
    norm = normalise(original_text)
    document = extract_document(original_text, norm)
    title = normalise(document["title"]).text if document["title"] else ""
    facts = extract_facts(original_text, norm, title)
    if not rules_only:
        facts = recategorise(facts)
    facts = budget_spending(facts, title)
    facts = place_facts(norm, document, place_in_time(norm, document, facts, title))
    if not rules_only:
        facts = restock(facts)
    return norm, document, group_observations(assign_indicators(facts))


def extract_report(original_text: str, rules_only: bool = False) -> tuple[dict, list[dict]]:
    """(document attributes, facts) of one report (``rules_only``: see ``read_report``)."""
    _, document, facts = read_report(original_text, rules_only)
    return document, facts
