"""dbt exposures say who reads which mart, and stay honest: what `dbt ls` lists as each exposure's
dependencies covers every table its consumer's SQL reads (`from` / `join` names in the real files)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

pytestmark = pytest.mark.integration  # runs dbt (parse + ls)

CONSUMERS = {
    "analyst_queries": ROOT / "docs" / "analyst_queries.sql",
    "analysts_report": ROOT / "plugins" / "fulian" / "report" / "html.py",
}
TABLE_REF = re.compile(r"\b(?:from|join)\s+(marts|dq|raw)\.(\w+)", re.IGNORECASE)


def tables_read(text: str) -> set[str]:
    """The dbt nodes some SQL reads: marts.x → model.fulian.x, dq/raw.x → source.fulian.<schema>.x."""
    found = set()
    for schema, table in TABLE_REF.findall(text):
        schema = schema.lower()
        found.add(f"model.fulian.{table}" if schema == "marts" else f"source.fulian.{schema}.{table}")
    return found


def test_tables_read_finds_every_table_after_from_or_join() -> None:
    sql = "select 1 from marts.fct_facts as f\n  JOIN marts.dim_unit using (unit_key) left join dq.runs"
    assert tables_read(sql) == {"model.fulian.fct_facts", "model.fulian.dim_unit", "source.fulian.dq.runs"}


@pytest.fixture(scope="module")
def dbt_ls(tmp_path_factory):
    """`dbt ls <args> --output json` on the project: the listed nodes (one parse, shared)."""
    from dbt.cli.main import dbtRunner

    tmp = tmp_path_factory.mktemp("dbt_ls")
    project = ROOT / "dbt_project"

    def ls(*args: str) -> list[dict]:
        result = dbtRunner().invoke(
            ["ls", *args, "--output", "json", "--quiet"]
            + ["--project-dir", str(project), "--profiles-dir", str(project)]
            + ["--target-path", str(tmp / "target"), "--log-path", str(tmp / "logs")]
        )
        assert result.success, result.exception
        return [json.loads(line) for line in result.result]

    return ls


@pytest.fixture(scope="module")
def exposures(dbt_ls) -> dict[str, dict]:
    return {e["name"]: e for e in dbt_ls("--resource-type", "exposure")}


def test_dbt_lists_the_exposures_of_the_report_and_the_analyst_queries(exposures) -> None:
    assert set(exposures) >= set(CONSUMERS)
    assert all(e["resource_type"] == "exposure" for e in exposures.values())
    assert "model.fulian.fct_facts" in exposures["analyst_queries"]["depends_on"]["nodes"]


@pytest.mark.parametrize("name", sorted(CONSUMERS))
def test_every_table_a_consumer_reads_is_a_declared_dependency(exposures, name: str) -> None:
    read = tables_read(CONSUMERS[name].read_text(encoding="utf-8"))
    assert len(read) >= 5, f"the parser found too little in {CONSUMERS[name]}: {read}"
    declared = set(exposures[name]["depends_on"]["nodes"])
    assert read <= declared, f"{name} reads {sorted(read - declared)} but does not declare it"


def test_the_exports_exposure_depends_on_every_mart(dbt_ls, exposures) -> None:
    """fulian_exports writes every table of schema marts: its exposure must list every mart model."""
    marts = {m["unique_id"] for m in dbt_ls("--resource-type", "model", "--select", "path:models/marts")}
    assert len(marts) >= 10
    assert set(exposures["analysts_exports"]["depends_on"]["nodes"]) == marts


def test_the_semantic_layer_parses_with_a_region_model_over_dim_region(dbt_ls) -> None:
    """MetricFlow can group yearbook metrics by region (the yearbook's foreign entity `region` is its
    place_region_key, the figure's own place): dbt parses and lists the semantic models."""
    models = {m["name"]: m for m in dbt_ls("--resource-type", "semantic_model")}
    assert {"yearbook", "regions", "indicators"} <= set(models)
    assert models["regions"]["depends_on"]["nodes"] == ["model.fulian.dim_region"]
