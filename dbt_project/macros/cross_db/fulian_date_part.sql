{#
    fulian_date_part('year', 'date_day') -> a date part as a number.
    Parts: year, quarter, month, day, doy (day of year), isodow (1 = Monday), week (ISO week).
    DuckDB keeps its part functions (year(x), dayofyear(x), ...); elsewhere extract(... from ...),
    cast to integer (Postgres' extract returns numeric).
#}
{% macro fulian_date_part(part, expression) -%}
    {{ return(adapter.dispatch('fulian_date_part', 'fulian')(part, expression)) }}
{%- endmacro %}

{% macro default__fulian_date_part(part, expression) -%}
    {%- if part not in ['year', 'quarter', 'month', 'day', 'doy', 'isodow', 'week'] -%}
        {{ exceptions.raise_compiler_error("fulian_date_part: unknown part '" ~ part ~ "'") }}
    {%- endif -%}
    cast(extract({{ part }} from {{ expression }}) as integer)
{%- endmacro %}

{% macro duckdb__fulian_date_part(part, expression) -%}
    {%- set functions = {
        'year': 'year', 'quarter': 'quarter', 'month': 'month', 'day': 'day',
        'doy': 'dayofyear', 'isodow': 'isodow', 'week': 'weekofyear'
    } -%}
    {%- if part not in functions -%}
        {{ exceptions.raise_compiler_error("fulian_date_part: unknown part '" ~ part ~ "'") }}
    {%- endif -%}
    {{ functions[part] }}({{ expression }})
{%- endmacro %}
