-- The yearbook: one value per indicator x place (the figure's own region, place_region_key: province,
-- city or county) x year (x base unit: an
-- indicator counted in people and in person-times has two cells, never added), for actual
-- single-year figures (no targets, changes, multi-year totals or totals to date). When several
-- reports (or one report twice, in two observations) state the same indicator, place and year,
-- they restate one figure: the cell keeps one preferred value and says how many reports stated it
-- and whether they agree.
-- Preferred: the latest report (publication date, else report year, else the latest ingested),
-- then an exact value before a bound, then the larger value (within one report the total before a
-- part of it), then the first mention.
-- A 其中 sub-total of a whole with the same indicator is no candidate: it is a part, not the figure.
-- Whether the value may be added: across places (flow, stock) and across years (flow only); ratios
-- never. Places of one level only: a province's cell already holds its cities'.
-- A cell's place names are those its figures are written with ('' below the level they go down to),
-- the report's for figures extracted before figure-level places, whose region is the report's too.

with

observations as (

    select * from {{ ref('fct_observations') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

documents as (

    select * from {{ ref('dim_document') }}

),

actual_single_year as (

    select
        observations.*,
        documents.publication_date,
        documents.ingested_at,
        coalesce(observations.place_province, documents.province, '') as province,
        case
            when observations.place_province is null then coalesce(documents.city, '')
            else coalesce(observations.place_city, '')
        end as city,
        case
            when observations.place_province is null then coalesce(documents.county, '')
            else coalesce(observations.place_county, '')
        end as county,
        observations.period_end_year as year

    from observations
    inner join documents
        on observations.document_key = documents.document_key
    where
        observations.statement_kind = 'actual'
        and observations.period_type = 'single_year'
        and observations.aggregation in ('flow', 'stock', 'ratio')

),

-- sub-totals of a whole of the same indicator are parts, never the cell's figure
candidates as (

    select actual_single_year.*

    from actual_single_year
    where not exists (
        select 1
        from observations as wholes
        where
            wholes.observation_key = actual_single_year.part_of_observation_key
            and wholes.indicator_code = actual_single_year.indicator_code
    )

),

ranked as (

    select
        candidates.*,
        {{ surrogate_key(['candidates.indicator_code', 'candidates.place_region_key',
                          'candidates.year', 'candidates.base_unit']) }} as yearbook_key,
        row_number() over (
            partition by
                candidates.indicator_code,
                candidates.place_region_key,
                candidates.year,
                candidates.base_unit
            order by
                candidates.publication_date desc nulls last,
                candidates.report_year desc nulls last,
                candidates.ingested_at desc nulls last,
                case when candidates.value_kind = 'exact' then 0 else 1 end asc,
                candidates.value desc,
                candidates.content_hash asc,
                candidates.first_fact_key asc
        ) as preference_rank

    from candidates

),

cell_stats as (

    select
        yearbook_key,
        count(distinct content_hash) as reports_count,
        count(*) as observation_count,
        sum(mention_count) as mention_count,
        count(distinct value) as distinct_value_count,
        min(value) as min_value,
        max(value) as max_value

    from ranked
    group by 1

),

preferred as (

    select *
    from ranked
    where preference_rank = 1

),

final as (

    select
        -- keys
        cast(preferred.yearbook_key as varchar) as yearbook_key,
        cast(preferred.indicator_key as varchar) as indicator_key,
        cast({{ year_date_key('preferred.year', 1231) }} as integer) as date_key,
        cast(preferred.observation_key as varchar) as preferred_observation_key,
        cast(preferred.document_key as varchar) as document_key,
        cast(preferred.place_region_key as varchar) as place_region_key,

        -- the cell: indicator x place x year
        cast(preferred.indicator_code as varchar) as indicator_code,
        cast(indicators.name_zh as varchar) as indicator_name_zh,
        cast(indicators.name_en as varchar) as indicator_name_en,
        cast(preferred.province as varchar) as place_province,
        cast(preferred.city as varchar) as place_city,
        cast(preferred.county as varchar) as place_county,
        cast(
            case
                when preferred.county <> '' then 'county'
                when preferred.city <> '' then 'city'
                when preferred.province <> '' then 'province'
                else 'national'
            end as varchar
        ) as place_level,
        cast(preferred.year as integer) as year,
        cast(cast(preferred.year as varchar) || '-01-01' as date) as year_start_date,

        -- the preferred value
        cast(preferred.value as double precision) as value,
        cast(preferred.value_kind as varchar) as value_kind,
        cast(preferred.unit_class as varchar) as unit_class,
        cast(preferred.base_unit as varchar) as base_unit,
        cast(indicators.unit_class as varchar) as indicator_unit_class,

        -- how it may be added
        cast(indicators.aggregation as varchar) as aggregation,
        cast(indicators.is_summable_across_places as boolean) as is_summable_across_places,
        cast(indicators.is_summable_across_years as boolean) as is_summable_across_years,

        -- who stated it, and whether they agree
        cast(cell_stats.reports_count as integer) as reports_count,
        cast(cell_stats.observation_count as integer) as observation_count,
        cast(cell_stats.mention_count as integer) as mention_count,
        cast(cell_stats.distinct_value_count as integer) as distinct_value_count,
        cast(cell_stats.distinct_value_count = 1 as boolean) as values_agree,
        cast(cell_stats.min_value as double precision) as min_value,
        cast(cell_stats.max_value as double precision) as max_value,

        -- where the preferred value was read
        cast(preferred.preferred_fact_key as varchar) as preferred_fact_key,
        cast(preferred.fact_text as varchar) as fact_text,
        cast(preferred.file_name as varchar) as file_name,
        cast(preferred.report_year as integer) as report_year,
        cast(preferred.publication_date as date) as publication_date

    from preferred
    inner join cell_stats
        on preferred.yearbook_key = cell_stats.yearbook_key
    inner join indicators
        on preferred.indicator_key = indicators.indicator_key

)

select * from final
