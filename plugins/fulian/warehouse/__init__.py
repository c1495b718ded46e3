"""The DuckDB warehouse: plan a run, extract batches to Parquet, load the raw layer, run dbt, publish."""
