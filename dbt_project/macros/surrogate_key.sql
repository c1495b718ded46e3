{#
    surrogate_key(['col_a', 'col_b']) -> md5 of the natural key columns, joined with '|'.
    Nulls are replaced by a marker so that (null, 'x') and ('', 'x') give different keys.
    Same recipe as dbt_utils.generate_surrogate_key (no package hub here).
#}
{% macro surrogate_key(field_list) -%}
    md5(
    {%- for field in field_list -%}
        coalesce(cast({{ field }} as varchar), '_dbt_utils_surrogate_key_null_')
        {%- if not loop.last %} || '|' || {% endif -%}
    {%- endfor %}
    )
{%- endmacro %}

{#
    The key of the explicit "unknown" member of every dimension that can miss a lookup
    (dim_region, dim_organisation, dim_category): md5('unknown').
#}
{% macro unknown_key() -%}
    md5('unknown')
{%- endmacro %}

{# A date (or timestamp) as an integer date key YYYYMMDD; null stays null. #}
{% macro date_key(date_expression) -%}
    cast({{ fulian_strftime('cast(' ~ date_expression ~ ' as date)', '%Y%m%d') }} as integer)
{%- endmacro %}

{#
    year_date_key('facts.period_end_year', 1231) -> the dim_date key of that day of the year
    (YYYYMMDD), or null when the year is null or outside the calendar (vars calendar_start/_end).
#}
{% macro year_date_key(year_expression, month_day) -%}
    case
        when
            {{ year_expression }}
            between {{ fulian_date_part('year', "date '" ~ var('calendar_start') ~ "'") }}
            and {{ fulian_date_part('year', "date '" ~ var('calendar_end') ~ "'") }}
            then {{ year_expression }} * 10000 + {{ month_day }}
    end
{%- endmacro %}

{#
    place_id('reports.province', 'reports.city', 'reports.county', 'reports.region_code') -> the key
    of a place in int_place_regions, the one lookup of regions: md5 of the four values with blank
    strings read as null, so a report's (null city) and a figure's ('' city) ways of writing "no
    city" are one place. A figure's place has no code: leave region_code out.
#}
{% macro place_id(province, city, county, region_code=none) -%}
    {%- set code = region_code if region_code is not none else 'cast(null as varchar)' -%}
    {{ surrogate_key([
        "nullif(trim(" ~ province ~ "), '')",
        "nullif(trim(" ~ city ~ "), '')",
        "nullif(trim(" ~ county ~ "), '')",
        "nullif(trim(" ~ code ~ "), '')",
    ]) }}
{%- endmacro %}
