{#
    fulian_regexp_full_match('region_code', '[0-9]{6}') -> true when the whole string matches the
    pattern (null for null input). The pattern is written without anchors.
#}
{% macro fulian_regexp_full_match(expression, pattern) -%}
    {{ return(adapter.dispatch('fulian_regexp_full_match', 'fulian')(expression, pattern)) }}
{%- endmacro %}

{% macro default__fulian_regexp_full_match(expression, pattern) -%}
    {{ exceptions.raise_compiler_error(
        "fulian_regexp_full_match is not implemented for adapter " ~ adapter.type()
    ) }}
{%- endmacro %}

{% macro duckdb__fulian_regexp_full_match(expression, pattern) -%}
    regexp_full_match({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__fulian_regexp_full_match(expression, pattern) -%}
    ({{ expression }} ~ '^(?:{{ pattern }})$')
{%- endmacro %}
