"""`adapter` for sqlfluff's jinja templater (see ../.sqlfluff): what the project's macros use of dbt's.

dispatch('name', 'fulian') returns the duckdb__ implementation (else default__), as dbt does on the
dev target, so models lint as they compile for DuckDB.
"""

from jinja2 import pass_context


@pass_context
def dispatch(context, macro_name, macro_namespace=None):
    for prefix in ("duckdb__", "default__"):
        macro = context.get(prefix + macro_name)
        if macro is not None:
            return macro
    raise LookupError(f"no duckdb__ or default__ implementation of {macro_name}")


def type():  # dbt's name (shadows the builtin here only)
    return "duckdb"


def get_columns_in_relation(relation):  # fct_facts asks which columns its table has; none at lint time
    return []
