# Environment for every make target (also read by tests/conftest.py): project-local, offline, quiet.
export AIRFLOW_HOME := $(CURDIR)/.airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__PLUGINS_FOLDER := $(CURDIR)/plugins
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__PARALLELISM := 4
# cosmos lists the dbt project when the DAG file is parsed (dbt ls, seconds; more on a busy machine)
export AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT := 120
export AIRFLOW__DAG_PROCESSOR__DAG_FILE_PROCESSOR_TIMEOUT := 180
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION := False
export AIRFLOW__COSMOS__ENABLE_TELEMETRY := False
export AIRFLOW__COSMOS__ENABLE_CACHE := True
export AIRFLOW__API_AUTH__JWT_SECRET := fulian-local-development-secret-change-me-in-production-0123456789
export AIRFLOW__CORE__FERNET_KEY :=
export SCARF_ANALYTICS := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := False
export TQDM_DISABLE := 1
export PATH := $(CURDIR)/.venv/bin:$(PATH)
# uv: trust the machine's certificate store (networks here may re-sign TLS); compile bytecode at install
# (PYTHONDONTWRITEBYTECODE=1 machines otherwise import Airflow 2-3x slower).
export UV_SYSTEM_CERTS := 1
export UV_COMPILE_BYTECODE := 1
