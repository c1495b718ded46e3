"""A second opinion on whether an actual figure stands at a point in time or is what its period added.

A stock (年末全县共有家长学校254所, 参加失业保险的女性628.5万人) has no start year: it is how many there
are when the period ends. A flow (全年培训妇女3.2万人次) is what the period added, from its first year.
The periods reader decides from the words around a figure (共有, 累计, 新增, 全年); where they say
nothing, what is counted says it (家长学校, 从业人员 stand; 培训, 救助 happen), and that is what a
linear model over the metric's characters learns from the development set's gold (the same averaged
perceptron as the category model, ``scripts/train_stock.py``). It overrides the reader only where it
prefers the other reading by more than the margin chosen with whole batches left out.
"""

from __future__ import annotations

import re
from functools import cache

from fulian.text.category_model import Model, load, overrule
from fulian.text.lexicons import DATA_DIR
from fulian.text.periods import said_total

MODEL_FILE = DATA_DIR / "stock_model.csv"


# words before a figure in its sentence that say which it is (累计, 以来, 年末, 共有; 新增, 全年), in
# either script: the periods reader reads them, the model does not second-guess it there
_CUED = re.compile(r"以[来來]|至今|截[至止]")


def reading(fact: dict) -> str | None:
    """How the periods reader placed an actual figure of one year that no word before it in its
    sentence places: "stock" (no start year) or "flow"; None for any other (a target, a change, a span
    of years, an undated or a cued figure)."""
    if fact.get("kind") != "actual" or fact.get("year_to") is None:
        return None
    sentence = fact.get("sentence", "")
    before = sentence[: max(0, sentence.find(fact.get("text", "")))]
    if _CUED.search(before) or said_total(before):
        return None
    if fact.get("year_from") is None:
        return "stock"
    return "flow" if fact["year_from"] == fact["year_to"] else None


@cache
def _model() -> Model:
    return load(MODEL_FILE)


def restock(facts: list[dict], model: Model | None = None) -> list[dict]:
    """Set each actual one-year figure's start year as the model reads it where it overrules the
    periods reader: none for a stock, the year itself for a flow."""
    placed = [(f, r) for f in facts if (r := reading(f)) is not None]
    items = [(f["metric"], f["unit"]) for f, _ in placed]
    for (f, rule), label in zip(
        placed, overrule(model or _model(), items, [r for _, r in placed]), strict=True
    ):
        if label != rule:
            f["year_from"] = None if label == "stock" else f["year_to"]
    return facts
