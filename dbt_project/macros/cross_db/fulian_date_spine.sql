{#
    fulian_date_spine('1949-01-01', '2035-12-31') -> a query with one row per day, both ends
    included, in one column date_day (date).
#}
{% macro fulian_date_spine(start_date, end_date) -%}
    {{ return(adapter.dispatch('fulian_date_spine', 'fulian')(start_date, end_date)) }}
{%- endmacro %}

{% macro default__fulian_date_spine(start_date, end_date) -%}
    select cast(spine.day_start as date) as date_day
    from generate_series(
        cast('{{ start_date }}' as timestamp),
        cast('{{ end_date }}' as timestamp),
        interval '1 day'
    ) as spine(day_start)
{%- endmacro %}

{% macro duckdb__fulian_date_spine(start_date, end_date) -%}
    select cast(range as date) as date_day
    from range(
        date '{{ start_date }}',
        date '{{ end_date }}' + interval 1 day,
        interval 1 day
    )
{%- endmacro %}
