{#
    fulian_strftime('date_day', '%Y-%m') -> the date formatted as text, strftime-style format.
    Supported codes: %Y %m %d %H %M %S %A (English day name) %B (English month name).
    DuckDB: strftime; Postgres: to_char with the equivalent template (FM: no blank padding).
#}
{% macro fulian_strftime(expression, format) -%}
    {{ return(adapter.dispatch('fulian_strftime', 'fulian')(expression, format)) }}
{%- endmacro %}

{% macro default__fulian_strftime(expression, format) -%}
    {{ exceptions.raise_compiler_error("fulian_strftime is not implemented for adapter " ~ adapter.type()) }}
{%- endmacro %}

{% macro duckdb__fulian_strftime(expression, format) -%}
    strftime({{ expression }}, '{{ format }}')
{%- endmacro %}

{% macro postgres__fulian_strftime(expression, format) -%}
    {%- set codes = {
        'Y': 'YYYY', 'm': 'MM', 'd': 'DD', 'H': 'HH24', 'M': 'MI', 'S': 'SS',
        'A': 'FMDay', 'B': 'FMMonth'
    } -%}
    {%- set parts = format.split('%') -%}
    {%- set ns = namespace(template='"' ~ parts[0] ~ '"' if parts[0] else '') -%}
    {%- for part in parts[1:] -%}
        {%- if part[:1] not in codes -%}
            {{ exceptions.raise_compiler_error("fulian_strftime: unsupported code '%" ~ part[:1] ~ "'") }}
        {%- endif -%}
        {%- set ns.template = ns.template ~ codes[part[:1]] ~ ('"' ~ part[1:] ~ '"' if part[1:] else '') -%}
    {%- endfor -%}
    to_char({{ expression }}, '{{ ns.template }}')
{%- endmacro %}
