"""The category model: a second opinion that overrides the rules only by a wide margin, trained
deterministically, and no worse than the rules alone on reports it was not trained on."""

from __future__ import annotations

from fulian.evaluation.score import match_document
from fulian.evaluation.sets import eval_sets
from fulian.text.category_model import _model, build, features, recategorise, train
from fulian.text.extract import extract_report
from fulian.text.lexicons import category_codes


def _fact(metric: str, category: str, unit: str = "人") -> dict:
    return {"metric": metric, "unit": unit, "category": category}


def test_the_model_overrides_the_rules_only_where_it_prefers_its_category_by_more_than_the_margin() -> None:
    entries = [("贷", "loans", 30.0), ("贷", "people_served", -5.0), ("培", "training", 12.0)]
    model = build(20, entries)
    facts = [
        _fact("获贷妇女", "people_served"),  # loans 30 against people_served -5: overridden
        _fact("参加培训妇女", "people_served"),  # training 12 against 0: within the margin, kept
        _fact("获贷妇女", "honours"),  # a category the model never learned: the rules' stands
        _fact("志愿者", "volunteers"),  # no known feature: kept
    ]
    got = [f["category"] for f in recategorise(facts, model)]
    assert got == ["loans", "people_served", "honours", "volunteers"]
    assert recategorise([], model) == []


def test_training_is_deterministic_and_learns_what_tells_categories_apart() -> None:
    rows = [
        {"metric": m, "unit": u, "gold": g}
        for m, u, g in [
            ("发放创业担保贷款", "元", "loans"),
            ("获得贷款的妇女", "人", "loans"),
            ("培训农村妇女", "人次", "training"),
            ("举办技能培训班", "期", "training"),
        ]
        * 3
    ]
    first, second = (train([dict(r) for r in rows], prune=0) for _ in range(2))  # tiny: keep all
    assert first == second
    model = build(0, first)
    # the rules wrong both ways: the model, margin 0, sets them right
    facts = recategorise([_fact("妇女贷款", "training", "元"), _fact("家政培训", "loans", "人次")], model)
    assert [f["category"] for f in facts] == ["loans", "training"]


def test_features_tell_grams_unit_and_head_apart() -> None:
    got = features("妇女培训", "人")
    assert {"培", "培训", "女培训", "u=人", "t=训", "t=培训"} <= set(got)
    assert len(got) == 4 + 3 + 2 + 1 + 4 + 3  # characters, pairs, triples; the unit; the head's
    assert features("培训", "期")[-3:] == ["t=培", "t=训", "t=培训"]


def test_the_shipped_model_is_no_worse_than_the_rules_alone_on_the_held_out_reports() -> None:
    # The held-out set is never read by the training script: a fair test of the second opinion. (Its
    # gain is measured with whole batches left out of the training: scripts/train_categories.py.)
    held_out = next(s for s in eval_sets() if s.role == "held_out")
    gold_by_doc: dict[str, list[dict]] = {}
    for g in held_out.gold_facts():
        gold_by_doc.setdefault(g["doc"], []).append(g)
    rules = model = total = 0
    for path in held_out.report_files():
        _, facts = extract_report(path.read_text(encoding="utf-8"), rules_only=True)
        pairs = [(g, p) for g, p in match_document(gold_by_doc[path.name], facts)[0] if not g.get("optional")]
        before = [p["category"] for _, p in pairs]
        recategorise([p for _, p in pairs], _model())
        total += len(pairs)
        rules += sum(b == g["category"] for b, (g, _) in zip(before, pairs, strict=True))
        model += sum(p["category"] == g["category"] for g, p in pairs)
    assert total > 500
    assert set(_model().labels) <= set(category_codes())  # nothing dbt's accepted values refuse
    assert model >= rules, (model, rules, total)
