"""The stock model: a second opinion on whether an actual figure of one year stands at the year's end
(no start year) or is what the year added, overriding the periods reader only by a wide margin, and
no worse than the reader alone on reports it was not trained on."""

from __future__ import annotations

from fulian.evaluation.score import match_document
from fulian.evaluation.sets import eval_sets
from fulian.text.category_model import build
from fulian.text.extract import extract_report
from fulian.text.stock_model import _model, reading, restock


def _fact(metric: str, year_from: int | None, kind: str = "actual", year_to: int = 2025) -> dict:
    return {"metric": metric, "unit": "所", "kind": kind, "year_from": year_from, "year_to": year_to}


def test_only_actual_figures_of_one_year_have_a_reading() -> None:
    assert reading(_fact("家长学校", None)) == "stock"
    assert reading(_fact("培训妇女", 2025)) == "flow"
    assert reading(_fact("培训妇女", 2021)) is None  # a span of years
    assert reading(_fact("家长学校", None, kind="target")) is None
    assert reading(_fact("家长学校", 2025, kind="change")) is None
    # a running total the words before it date (截至…底, …以来) is the periods reader's to place
    cued = dict(_fact("发放贷款", None), sentence="截至2024年1月底，已发放贷款160万元。", text="160万元")
    assert reading(cued) is None


def test_the_model_sets_the_start_year_only_where_it_prefers_its_reading_by_more_than_the_margin() -> None:
    model = build(10, [("学", "stock", 30.0), ("学", "flow", -5.0), ("培", "flow", 8.0)])
    facts = [
        _fact("家长学校", 2025),  # stock 30 against flow -5: no start year
        _fact("培训妇女", None),  # flow 8 against stock 0: within the margin, kept
        _fact("家长学校", 2025, kind="target"),  # a target: not the model's to read
    ]
    restock(facts, model)
    assert [f["year_from"] for f in facts] == [None, None, 2025]


def test_the_shipped_model_is_no_worse_than_the_periods_reader_alone_on_the_held_out_reports() -> None:
    # The held-out set is never read by scripts/train_stock.py: a fair test of the second opinion.
    held_out = next(s for s in eval_sets() if s.role == "held_out")
    gold_by_doc: dict[str, list[dict]] = {}
    for g in held_out.gold_facts():
        gold_by_doc.setdefault(g["doc"], []).append(g)
    reader = model = total = 0
    for path in held_out.report_files():
        _, facts = extract_report(path.read_text(encoding="utf-8"), rules_only=True)
        pairs = [(g, p) for g, p in match_document(gold_by_doc[path.name], facts)[0] if not g.get("optional")]
        pairs = [(g, p) for g, p in pairs if reading(p) is not None and g["year_to"] == p["year_to"]]
        before = [p["year_from"] for _, p in pairs]
        restock([p for _, p in pairs], _model())
        total += len(pairs)
        reader += sum(b == g["year_from"] for b, (g, _) in zip(before, pairs, strict=True))
        model += sum(p["year_from"] == g["year_from"] for g, p in pairs)
    assert total > 300
    assert set(_model().labels) == {"stock", "flow"}
    assert model >= reader, (model, reader, total)
