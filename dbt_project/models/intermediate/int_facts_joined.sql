-- Current, non-quarantined facts with the surrogate keys of every dimension of fct_facts.
-- Keys are md5 hashes of natural keys, so they do not change when a dimension is rebuilt.
-- A category code missing from the categories seed gets the unknown member's key; units
-- always have their own member in dim_unit (seeded or not), so unit_key never misses.
-- An indicator code that is null (unmapped) or missing from the indicators seed gets dim_indicator's
-- unknown member. observation_key identifies the figure a fact states within its report version:
-- md5 of content_hash and the extractor's observation label; a fact extracted before observations
-- (no label) is its own observation ('fact:' || fact_index). place_region_key is the region of the
-- figure's own place (place_province, place_city, place_county) in int_place_regions, the lookup the
-- report's region_key comes from too; a fact extracted before figure-level places (place_province
-- null) takes its report's region.

with

facts as (

    select * from {{ ref('int_facts_current') }}

),

documents as (

    select * from {{ ref('int_documents') }}

),

categories as (

    select * from {{ ref('categories') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

place_regions as (

    select * from {{ ref('int_place_regions') }}

),

final as (

    select
        -- keys
        facts.fact_key,
        documents.document_key,
        documents.region_key,
        case
            when facts.place_province is null then documents.region_key
            else place_regions.region_key
        end as place_region_key,
        documents.organisation_key,
        {{ year_date_key('facts.period_end_year', 1231) }} as date_key,
        documents.report_date_key,
        documents.publication_date_key,
        case
            when categories.category_code is null then {{ unknown_key() }}
            else {{ surrogate_key(['facts.category_code']) }}
        end as category_key,
        {{ surrogate_key(['facts.unit']) }} as unit_key,
        case
            when indicators.code is null then {{ unknown_key() }}
            else {{ surrogate_key(['facts.indicator_code']) }}
        end as indicator_key,
        {{ surrogate_key([
            'facts.content_hash',
            "coalesce(facts.observation_label, 'fact:' || cast(facts.fact_index as varchar))",
        ]) }} as observation_key,
        case
            when facts.part_of_label is not null
                then {{ surrogate_key(['facts.content_hash', 'facts.part_of_label']) }}
        end as part_of_observation_key,

        -- the figure
        facts.value,
        facts.value_kind,
        facts.period_start_year,
        facts.period_end_year,
        facts.period_type,
        facts.statement_kind,
        facts.place_province,
        facts.place_city,
        facts.place_county,
        facts.indicator_code,
        facts.observation_label,
        facts.part_of_label,
        facts.qualifier,
        facts.unit,
        facts.category_code,
        facts.fact_text,
        facts.sentence,
        facts.metric,
        facts.start_offset,
        facts.end_offset,
        facts.extractor_version,

        -- lineage
        documents.file_name,
        facts.content_hash,
        facts.fact_index,
        documents.report_year

    from facts
    inner join documents
        on facts.content_hash = documents.content_hash
    left join categories
        on facts.category_code = lower(trim(categories.category_code))
    left join indicators
        on facts.indicator_code = lower(trim(indicators.code))
    left join place_regions
        on
            {{ place_id('facts.place_province', 'facts.place_city', 'facts.place_county') }}
            = place_regions.place_id

)

select * from final
