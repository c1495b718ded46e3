{#
    fulian_char_overlap('a', 'b') -> the share (0-1) of the distinct characters of text a that also
    occur in text b; 0 when a is empty or null. For Chinese phrases a cheap, order-free likeness:
    two metrics that share most characters name the same thing (培训农村妇女 / 农村妇女培训).
#}
{% macro fulian_char_overlap(a, b) -%}
    {{ return(adapter.dispatch('fulian_char_overlap', 'fulian')(a, b)) }}
{%- endmacro %}

{% macro default__fulian_char_overlap(a, b) -%}
    {{ exceptions.raise_compiler_error(
        "fulian_char_overlap is not implemented for adapter " ~ adapter.type()
    ) }}
{%- endmacro %}

{% macro duckdb__fulian_char_overlap(a, b) -%}
    coalesce(
        len(list_intersect(list_distinct(string_split({{ a }}, '')), string_split({{ b }}, '')))
        / nullif(len(list_distinct(string_split({{ a }}, ''))), 0),
        0
    )
{%- endmacro %}

{% macro postgres__fulian_char_overlap(a, b) -%}
    coalesce(
        (
            select
                count(*) filter (where position(chars.ch in {{ b }}) > 0)::double precision
                / nullif(count(*), 0)
            from (select distinct ch from regexp_split_to_table({{ a }}, '') as ch) as chars
        ),
        0
    )
{%- endmacro %}
