"""The file-based GX project in expectations/gx/: its suites, validation definitions and checkpoints.

Why a committed project: a reviewer sees in git exactly what the checks expect, and Data Docs render the
same suites the run used. The suites are built from bounds.yml (`fulian gx-suites`, `make expectations`)
and committed; a test rebuilds them into a copy and compares, so the two cannot drift. A run only
*reads* the project (`open_context`); where it writes validation results and Data Docs is given per
run as GX config variables, since the warehouse path is a run parameter.

Everything that changes with the calendar or the warehouse is a suite parameter ({"$PARAMETER": name})
given at run time: the year bounds (fulian.dq.bounds.year_parameters, the same numbers dbt tests), the
categories dbt built (marts.dim_category) and the extractor's qualifiers.

Ids are derived from names (uuid5, pinned after GX wrote its files) and the datasource is kept when
present, so rebuilding unchanged bounds rewrites byte-identical files and `git diff` shows real changes.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from fulian.dq.bounds import load_bounds

DATASOURCE = "fulian_marts"
BATCH = "whole"
SITE = "fulian"
# checkpoint (= dataframe asset = the frame it validates) -> the column naming a failing row
CHECKPOINTS = {"fct_facts": "fact_key", "agg_report_summary": "file_name"}
_NAMESPACE = uuid.UUID("6f0b8f0e-3f52-4d0c-9a57-1f6a4c1d2b7e")


def _id(kind: str, name: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{name}"))


def _between(column: str, low, high, why: str, bound_class: str | None = None) -> dict:
    kwargs = {"column": column, "min_value": low, "max_value": high}
    if bound_class:  # GX 1.x condition object, stored as JSON (the pandas string parser is deprecated)
        kwargs["row_condition"] = {
            "type": "comparison",
            "column": {"name": "bound_class"},
            "operator": "==",
            "parameter": bound_class,
        }
    return {"type": "expect_column_values_to_be_between", "kwargs": kwargs, "meta": {"why": why}}


def _param(name: str) -> dict:
    return {"$PARAMETER": name}


def suite_specs(bounds: dict) -> list[dict]:
    """Every suite as plain data: name, checkpoint, severity, expectations (type, kwargs, why)."""
    not_null = "every fact names its report, its value and its unit class"
    keys = [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": c}, "meta": {"why": not_null}}
        for c in ("fact_key", "content_hash", "file_name", "value", "unit_class")
    ]
    sets = [
        ("qualifier", _param("qualifier_codes"), "exact, or a qualifier of the extractor's lexicon"),
        ("category_code", _param("category_codes"), "a category of the taxonomy dbt built (dim_category)"),
        ("unit_class", sorted(bounds["value_bounds"]), "a unit class that has a value bound in bounds.yml"),
    ]
    keys += [
        {
            "type": "expect_column_values_to_be_in_set",
            "kwargs": {"column": c, "value_set": v},
            "meta": {"why": w},
        }
        for c, v, w in sets
    ]
    specs = [
        {
            "name": "fct_facts.keys_and_sets",
            "checkpoint": "fct_facts",
            "severity": "error",
            "expectations": keys,
        }
    ]
    for bound_class, b in {**bounds["value_bounds"], **bounds["kind_bounds"]}.items():
        # the facts frame carries each fact's bound class (expectations._with_bound_classes)
        specs.append(
            {
                "name": f"fct_facts.value_range.{bound_class}",
                "checkpoint": "fct_facts",
                "severity": "error",
                "expectations": [_between("value", b["min"], b["max"], b["why"], bound_class)],
            }
        )
    years, done = bounds["period_years"], bounds["actual_after_publication"]
    periods = [
        _between("period_end_year", years["min"], _param("period_end_year_max"), years["why"]),
        # null for targets and changes, and where either year is unknown
        _between("actual_years_past_publication", None, done["max_years"], done["why"]),
    ]
    specs.append(
        {
            "name": "fct_facts.plausible_periods",
            "checkpoint": "fct_facts",
            "severity": "error",
            "expectations": periods,
        }
    )
    year, per = bounds["report_year"], bounds["facts_per_report"]
    reports = [
        _between("report_year", _param("report_year_min"), _param("report_year_max"), year["why"]),
        _between("fact_count", per["min"], per["max"], per["why"]),
    ]
    specs.append(
        {
            "name": "agg_report_summary.plausible_reports",
            "checkpoint": "agg_report_summary",
            "severity": "warning",
            "expectations": reports,
        }
    )
    return specs


def _scratch_dirs(project: Path) -> dict[str, str]:
    """Store locations for a context that validates nothing (building suites): inside uncommitted/."""
    scratch = project / "gx" / "uncommitted"
    return {
        "fulian_gx_validations": str(scratch / "validations"),
        "fulian_gx_data_docs": str(scratch / "data_docs"),
    }


def open_context(project: Path, data_docs: Path, validations: Path):
    """The project's file context, its validation results and Data Docs going where the run says."""
    import great_expectations as gx

    runtime = {"fulian_gx_validations": str(validations), "fulian_gx_data_docs": str(data_docs)}
    return gx.get_context(mode="file", project_root_dir=str(project.resolve()), runtime_environment=runtime)


def build_docs(context, results: list) -> None:
    """Render this run's validation results and the site index once, after every checkpoint ran.

    The index lists every result in the validations store, so it keeps the history of earlier runs.
    """
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    suites = {ExpectationSuiteIdentifier(name=r.expectation_suite_identifier.name) for r in results}
    context.build_data_docs(site_names=[SITE], resource_identifiers=[*results, *sorted(suites, key=str)])


def build(project: Path) -> list[str]:
    """(Re)write the project's suites, validation definitions and checkpoints from its bounds.yml.

    Returns the suite names. Suites, definitions and checkpoints not built from the bounds are removed,
    so a bound deleted from bounds.yml leaves no stale suite behind.
    """
    import great_expectations as gx

    project = project.resolve()
    specs = suite_specs(load_bounds(project))
    dirs = _scratch_dirs(project)
    context = open_context(project, Path(dirs["fulian_gx_data_docs"]), Path(dirs["fulian_gx_validations"]))
    for checkpoint in context.checkpoints.all():
        context.checkpoints.delete(checkpoint.name)
    for definition in context.validation_definitions.all():
        context.validation_definitions.delete(definition.name)
    for suite in context.suites.all():
        context.suites.delete(suite.name)
    source = _datasource(context)
    definitions: dict[str, list] = {name: [] for name in CHECKPOINTS}
    pinned: dict[str, str] = {}
    for spec in specs:
        suite = gx.ExpectationSuite(
            name=spec["name"],
            meta={"severity": spec["severity"], "checkpoint": spec["checkpoint"]},
            expectations=[
                {
                    "type": e["type"],
                    "kwargs": {k: v for k, v in e["kwargs"].items() if v is not None},
                    "meta": e["meta"],
                }
                for e in spec["expectations"]
            ],
        )
        suite = context.suites.add(suite)
        pinned[suite.id] = _id("suite", suite.name)
        pinned |= {e.id: _id("expectation", f"{suite.name}#{i}") for i, e in enumerate(suite.expectations)}
        batch = source.get_asset(spec["checkpoint"]).get_batch_definition(BATCH)
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(data=batch, suite=suite, name=suite.name)
        )
        pinned[definition.id] = _id("definition", definition.name)
        definitions[spec["checkpoint"]].append(definition)
    for name, index_column in CHECKPOINTS.items():
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=name,
                validation_definitions=definitions[name],
                # No UpdateDataDocsAction: it rebuilds the whole site once per validation result (14 per
                # chunk, ~70% of a run's check time, measured); the run builds Data Docs once (build_docs).
                actions=[],
                # every failing row, named by its key, so failures can be quarantined one by one
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [index_column]},
            )
        )
        pinned[checkpoint.id] = _id("checkpoint", name)
    _pin_ids(project / "gx", pinned)
    return [s["name"] for s in specs]


def _pin_ids(gx_dir: Path, pinned: dict[str, str]) -> None:
    """Replace the random ids GX's stores assigned by ids derived from names, in the files they wrote.

    GX assigns a fresh uuid4 on every add; without this, rebuilding unchanged bounds would rewrite every
    id, and neither `git diff` nor the sync test could tell a real change from a rebuild.
    """
    for folder in ("expectations", "validation_definitions", "checkpoints"):
        for path in sorted((gx_dir / folder).rglob("*.json")):
            text = path.read_text(encoding="utf-8")
            for random_id, stable_id in pinned.items():
                text = text.replace(random_id, stable_id)
            path.write_text(text, encoding="utf-8")


def _datasource(context):
    """The pandas datasource with one dataframe asset per checkpoint; kept when present (stable ids)."""
    try:
        source = context.data_sources.get(DATASOURCE)
    except (KeyError, ValueError):
        source = context.data_sources.add_pandas(DATASOURCE)
    for name in CHECKPOINTS:
        if name not in {a.name for a in source.assets}:
            source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(BATCH)
    return source
