{# fulian_last_day('date_day') -> the last day of the month of a date, as a date. #}
{% macro fulian_last_day(expression) -%}
    {{ return(adapter.dispatch('fulian_last_day', 'fulian')(expression)) }}
{%- endmacro %}

{% macro default__fulian_last_day(expression) -%}
    cast(date_trunc('month', {{ expression }}) + interval '1 month' - interval '1 day' as date)
{%- endmacro %}

{% macro duckdb__fulian_last_day(expression) -%}
    last_day({{ expression }})
{%- endmacro %}
