{{
    config(
        materialized='incremental',
        unique_key='fact_key',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        post_hook=[
            "delete from {{ this }} where fact_key not in (select fact_key from {{ ref('int_facts_current') }})"
        ]
    )
}}

-- Incremental: a run inserts only facts that are new or whose keys changed (a new current
-- report version, a region/organisation/category/date resolution that changed). The post-hook
-- then deletes every row that is no longer a current, non-quarantined fact, so superseded
-- versions and newly quarantined facts leave the table in the same run. A table written before the
-- observation keys or the figure's own region (place_region_key) existed is rewritten whole once
-- (on_schema_change appends the columns, and no existing row can match), so every row gets them.

with

facts as (

    select * from {{ ref('int_facts_joined') }}

),

new_or_changed as (

    select facts.*

    from facts
    {% if is_incremental() %}
        {#- a table built before observations or figure-level regions lacks their keys: every row is
            then rewritten once -#}
        {%- set existing_columns = adapter.get_columns_in_relation(this) | map(attribute='name')
            | map('lower') | list %}
        {% if 'observation_key' in existing_columns and 'place_region_key' in existing_columns %}
            where not exists (
                select 1
                from {{ this }} as existing_facts
                where
                    existing_facts.fact_key = facts.fact_key
                    and existing_facts.document_key = facts.document_key
                    and existing_facts.region_key = facts.region_key
                    and existing_facts.place_region_key = facts.place_region_key
                    and existing_facts.organisation_key = facts.organisation_key
                    and existing_facts.date_key is not distinct from facts.date_key
                    and existing_facts.report_date_key is not distinct from facts.report_date_key
                    and existing_facts.publication_date_key is not distinct from facts.publication_date_key
                    and existing_facts.category_key = facts.category_key
                    and existing_facts.unit_key = facts.unit_key
                    and existing_facts.indicator_key = facts.indicator_key
                    and existing_facts.observation_key = facts.observation_key
                    and existing_facts.part_of_observation_key
                    is not distinct from facts.part_of_observation_key
                    and existing_facts.file_name = facts.file_name
            )
        {% endif %}
    {% endif %}

),

final as (

    select
        -- keys
        cast(fact_key as varchar) as fact_key,
        cast(document_key as varchar) as document_key,
        cast(region_key as varchar) as region_key,
        cast(place_region_key as varchar) as place_region_key,
        cast(organisation_key as varchar) as organisation_key,
        cast(date_key as integer) as date_key,
        cast(report_date_key as integer) as report_date_key,
        cast(publication_date_key as integer) as publication_date_key,
        cast(category_key as varchar) as category_key,
        cast(unit_key as varchar) as unit_key,
        cast(indicator_key as varchar) as indicator_key,
        cast(observation_key as varchar) as observation_key,
        cast(part_of_observation_key as varchar) as part_of_observation_key,

        -- the figure
        cast(value as double precision) as value,
        cast(value_kind as varchar) as value_kind,
        cast(period_start_year as integer) as period_start_year,
        cast(period_end_year as integer) as period_end_year,
        cast(period_type as varchar) as period_type,
        cast(statement_kind as varchar) as statement_kind,
        cast(place_province as varchar) as place_province,
        cast(place_city as varchar) as place_city,
        cast(place_county as varchar) as place_county,
        cast(indicator_code as varchar) as indicator_code,
        cast(observation_label as varchar) as observation_label,
        cast(part_of_label as varchar) as part_of_label,
        cast(qualifier as varchar) as qualifier,
        cast(unit as varchar) as unit,
        cast(category_code as varchar) as category_code,
        cast(fact_text as varchar) as fact_text,
        cast(sentence as varchar) as sentence,
        cast(metric as varchar) as metric,
        cast(start_offset as integer) as start_offset,
        cast(end_offset as integer) as end_offset,
        cast(extractor_version as varchar) as extractor_version,

        -- lineage
        cast(file_name as varchar) as file_name,
        cast(content_hash as varchar) as content_hash,
        cast(fact_index as integer) as fact_index,
        cast(report_year as integer) as report_year,
        cast(current_timestamp as timestamp) as loaded_at

    from new_or_changed

)

select * from final
