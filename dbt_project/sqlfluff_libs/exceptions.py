"""`exceptions` for sqlfluff's jinja templater (see ../.sqlfluff): dbt's compiler error, raised."""


def raise_compiler_error(message):
    raise RuntimeError(message)
