-- One row per observation: a figure a current report version states, however often it states it.
-- The extractor gives the mentions that restate one figure (same value, unit, place, years, kind
-- and thing measured) one observation label; fct_facts carries it as observation_key. Here they
-- become one row, described by its preferred mention: the first exact mention in text order, else
-- the first mention. A 其中 sub-total keeps the key of the whole it is part of
-- (part_of_observation_key) when that whole is here too, so sums can leave it out.
-- Materialised as a table, rebuilt from fct_facts on every run (see the yml for why).

with

facts as (

    select * from {{ ref('fct_facts') }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

ranked_mentions as (

    select
        facts.*,
        row_number() over (
            partition by facts.observation_key
            order by case when facts.value_kind = 'exact' then 0 else 1 end, facts.fact_index
        ) as preference_rank

    from facts

),

mention_stats as (

    select
        observation_key,
        count(*) as mention_count,
        min(fact_index) as first_fact_index,
        string_agg(fact_key, ',' order by fact_index) as fact_keys,
        max(part_of_observation_key) as part_of_observation_key

    from facts
    group by 1

),

preferred as (

    select *
    from ranked_mentions
    where preference_rank = 1

),

observations as (

    select
        preferred.observation_key,
        preferred.content_hash,
        preferred.document_key,
        preferred.region_key,
        preferred.place_region_key,
        preferred.organisation_key,
        preferred.date_key,
        preferred.report_date_key,
        preferred.publication_date_key,
        preferred.indicator_key,
        preferred.indicator_code,
        indicators.aggregation,
        preferred.category_key,
        preferred.category_code,
        preferred.unit_key,
        preferred.unit,
        units.unit_class,
        units.base_unit,
        preferred.place_province,
        preferred.place_city,
        preferred.place_county,
        preferred.period_start_year,
        preferred.period_end_year,
        preferred.period_type,
        preferred.statement_kind,
        preferred.value,
        preferred.value_kind,
        preferred.fact_key as preferred_fact_key,
        preferred.content_hash || ':' || cast(mention_stats.first_fact_index as varchar) as first_fact_key,
        mention_stats.fact_keys,
        mention_stats.mention_count,
        preferred.observation_label,
        mention_stats.part_of_observation_key as stated_part_of_observation_key,
        preferred.fact_text,
        preferred.metric,
        preferred.sentence,
        preferred.file_name,
        preferred.report_year

    from preferred
    inner join mention_stats
        on preferred.observation_key = mention_stats.observation_key
    inner join units
        on preferred.unit_key = units.unit_key
    inner join indicators
        on preferred.indicator_key = indicators.indicator_key

),

-- a sub-total points to its whole only when the whole is an observation here (not quarantined)
with_wholes as (

    select
        observations.*,
        wholes.observation_key as part_of_observation_key

    from observations
    left join observations as wholes
        on
            observations.stated_part_of_observation_key = wholes.observation_key
            and observations.observation_key <> wholes.observation_key

),

final as (

    select
        -- keys
        cast(observation_key as varchar) as observation_key,
        cast(document_key as varchar) as document_key,
        cast(region_key as varchar) as region_key,
        cast(place_region_key as varchar) as place_region_key,
        cast(organisation_key as varchar) as organisation_key,
        cast(date_key as integer) as date_key,
        cast(report_date_key as integer) as report_date_key,
        cast(publication_date_key as integer) as publication_date_key,
        cast(indicator_key as varchar) as indicator_key,
        cast(category_key as varchar) as category_key,
        cast(unit_key as varchar) as unit_key,
        cast(part_of_observation_key as varchar) as part_of_observation_key,

        -- what is measured, where and when
        cast(indicator_code as varchar) as indicator_code,
        cast(aggregation as varchar) as aggregation,
        cast(category_code as varchar) as category_code,
        cast(place_province as varchar) as place_province,
        cast(place_city as varchar) as place_city,
        cast(place_county as varchar) as place_county,
        cast(period_start_year as integer) as period_start_year,
        cast(period_end_year as integer) as period_end_year,
        cast(period_type as varchar) as period_type,
        cast(statement_kind as varchar) as statement_kind,

        -- the figure
        cast(value as double precision) as value,
        cast(value_kind as varchar) as value_kind,
        cast(unit as varchar) as unit,
        cast(unit_class as varchar) as unit_class,
        cast(base_unit as varchar) as base_unit,
        cast(part_of_observation_key is not null as boolean) as is_subtotal,

        -- its mentions
        cast(mention_count as integer) as mention_count,
        cast(preferred_fact_key as varchar) as preferred_fact_key,
        cast(first_fact_key as varchar) as first_fact_key,
        cast(fact_keys as varchar) as fact_keys,
        cast(observation_label as varchar) as observation_label,
        cast(fact_text as varchar) as fact_text,
        cast(metric as varchar) as metric,
        cast(sentence as varchar) as sentence,

        -- lineage
        cast(file_name as varchar) as file_name,
        cast(content_hash as varchar) as content_hash,
        cast(report_year as integer) as report_year

    from with_wholes

)

select * from final
