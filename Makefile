# fulian: the README's two commands are `make run` and `make test`; everything else supports them.
SHELL := /bin/bash
PYTHON ?= python3
LANDING ?= seeds
WAREHOUSE ?= warehouse/fulian.duckdb
SHOW ?= 5
DOCS ?= 10000

# Project-local Airflow home and quiet, offline tools (see .env.mk).
include .env.mk

VENV := .venv
BIN := $(VENV)/bin
# The environment from uv.lock: runtime dependencies, plus the dependency groups a target names (and
# those already installed: scripts/sync_env.sh says why). A no-op when nothing changed.
SYNC := PYTHON=$(PYTHON) scripts/sync_env.sh

.PHONY: setup run test eval bench docs examples airflow airflow-stop lint airflow-db clean sql

## make setup: the runtime dependencies only (what `make run` installs).
setup:
	@$(SYNC)

airflow-db: setup
	@scripts/airflow_init.sh

## make run [LANDING=<dir>] [WAREHOUSE=<file>]: the daily DAG once, through Airflow, then its summary.
run: airflow-db
	@mkdir -p "$(dir $(abspath $(WAREHOUSE)))"
	@echo "fulian_daily: $(LANDING) -> $(WAREHOUSE); every task as it starts and ends (full log: $(AIRFLOW_HOME)/last-run.log)"
	@scripts/with_progress.sh $(AIRFLOW_HOME)/last-run.log $(BIN)/airflow dags test fulian_daily \
	  -c '{"landing_dir": "$(abspath $(LANDING))", "warehouse": "$(abspath $(WAREHOUSE))"}'
	@grep -oE "(DATA QUALITY|REJECTED FILE) .*" $(AIRFLOW_HOME)/last-run.log | sed 's/ \[fulian.*$$//' | head -20 || true
	@$(BIN)/fulian summary --warehouse "$(abspath $(WAREHOUSE))"
	@echo "  airflow log          $(AIRFLOW_HOME)/last-run.log"

## make test: the whole suite (unit, dbt, GX, end-to-end through Airflow).
test: airflow-db
	@$(SYNC) test lint
	$(BIN)/ruff check plugins dags tests scripts tools
	$(BIN)/ruff format --check plugins dags tests scripts tools
	$(BIN)/sqlfluff lint dbt_project
	$(BIN)/pytest -q

## make test-fast: the unit tests only (no Airflow, dbt, PostgreSQL or browser), well under a minute.
.PHONY: test-fast
test-fast:
	@$(SYNC) test
	$(BIN)/pytest -q -m "not integration"

## make eval [SHOW=5]: every evaluation set in eval/ (samples, dev, held-out) through the whole DAG into a
## temporary warehouse, scored against its gold: a table per set, then one JSON line.
eval: airflow-db
	@tmp=$$(mktemp -d) && $(BIN)/fulian eval-reports --out $$tmp/landing \
	  && $(MAKE) --no-print-directory run LANDING=$$tmp/landing WAREHOUSE=$$tmp/eval.duckdb > /dev/null \
	  && $(BIN)/fulian score --warehouse $$tmp/eval.duckdb --show $(SHOW); rc=$$?; rm -rf $$tmp; exit $$rc

## make eval-extractor: the same sets and scorer on the extractor alone (no Airflow, seconds).
.PHONY: eval-extractor
eval-extractor: setup
	$(BIN)/python scripts/score_extractor.py --show $(SHOW)

## make expectations: rebuild the committed GX suites, validation definitions and checkpoints
## (expectations/gx/) from expectations/bounds.yml; commit both.
.PHONY: expectations
expectations: setup
	$(BIN)/fulian gx-suites

## make report [WAREHOUSE=<file>]: the analysts' report, one self-contained HTML page next to the warehouse.
report: setup
	$(BIN)/fulian report --warehouse "$(abspath $(WAREHOUSE))"

## make bench-extract: extractor throughput (normalise + document + facts, MB/s on one core) on the
## seed reports and their traditional versions repeated to 5 MB, next to a naive one-regex baseline.
.PHONY: bench-extract
bench-extract: setup
	$(BIN)/python scripts/bench_extract.py

## make bench [DOCS=10000]: the real DAG on generated reports: full run, +100 incremental, F1, peak RSS.
bench: airflow-db
	$(BIN)/python scripts/bench.py --docs $(DOCS)

## make docs [WAREHOUSE=<file>]: dbt docs (models, columns, lineage, catalog) as one static HTML page.
docs: setup
	@test -f "$(abspath $(WAREHOUSE))" || { echo "no warehouse at $(WAREHOUSE): make run first"; exit 1; }
	@tmp=$$(mktemp -d) && cp "$(abspath $(WAREHOUSE))" $$tmp/docs.duckdb \
	  && $(BIN)/dbt --quiet docs generate --static --vars "{fulian_db: $$tmp/docs.duckdb}" \
	     --project-dir dbt_project --profiles-dir dbt_project \
	     --target-path "$(dir $(abspath $(WAREHOUSE)))dbt_docs"; rc=$$?; rm -rf $$tmp; exit $$rc
	@echo "dbt docs: open file://$(dir $(abspath $(WAREHOUSE)))dbt_docs/static_index.html in a browser"

## make examples [WAREHOUSE=<file>]: the README's analyst questions, run on the warehouse, as Markdown.
examples: setup
	@$(BIN)/fulian examples --warehouse "$(abspath $(WAREHOUSE))"

## make airflow: the scheduler path with the UI on http://127.0.0.1:8080 (Ctrl-C or make airflow-stop).
airflow: airflow-db
	@scripts/airflow_up.sh

airflow-stop:
	@scripts/airflow_down.sh

## make lint: ruff on the Python, sqlfluff on the dbt project's SQL (config: dbt_project/.sqlfluff).
lint:
	@$(SYNC) lint
	$(BIN)/ruff check plugins dags tests scripts tools
	$(BIN)/ruff format --check plugins dags tests scripts tools
	$(BIN)/sqlfluff lint dbt_project

## make sql [WAREHOUSE=<file>] [Q="<query>"]: the DuckDB shell (PyPI `duckdb-cli`, group `sql`) on the
## published warehouse, read-only; with Q, runs that one query and exits.
sql:
	@$(SYNC) sql
	@test -f "$(abspath $(WAREHOUSE))" || { echo "no warehouse at $(WAREHOUSE): make run first"; exit 1; }
	@$(BIN)/duckdb -readonly "$(abspath $(WAREHOUSE))" $(if $(Q),-c "$(Q)")

clean:
	rm -rf $(VENV) .tools .airflow warehouse dbt_project/target dbt_project/logs
