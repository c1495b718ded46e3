"""The one entry point of the extractor: report text in, (document attributes, facts) out.

Pure: no I/O besides the lexicons, which are read once per process and cached. The pipeline records
``EXTRACTOR_VERSION`` with every row, so bump it whenever a rule, lexicon or data file changes what
the extractor outputs.
"""

from __future__ import annotations

from fulian.text.documents import extract_document
from fulian.text.facts import extract_facts
from fulian.text.normalise import Normalised, normalise
from fulian.text.periods import place_in_time

EXTRACTOR_VERSION = "1.0.0"


def read_report(original_text: str) -> tuple[Normalised, dict, list[dict]]:
    """Normalise once, then read the document attributes and the facts from the same normalised text.

    The normalised text is returned too: the raw layer keeps it, and normalising is a fifth of the cost.
    """
    norm = normalise(original_text)
    document = extract_document(original_text, norm)
    return norm, document, place_in_time(norm, document, extract_facts(original_text, norm))


def extract_report(original_text: str) -> tuple[dict, list[dict]]:
    """(document attributes, facts) of one report."""
    _, document, facts = read_report(original_text)
    return document, facts
