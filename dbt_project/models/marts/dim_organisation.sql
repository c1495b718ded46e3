-- Reporting bodies (e.g. 东营市妇联, the women's federation of Dongying city), one row per
-- organisation name, plus the 'unknown' member. An organisation's region is the region most of
-- its reports are about (ties: the most recently ingested report).

with

documents as (

    select * from {{ ref('int_documents') }}

),

regions as (

    select * from {{ ref('dim_region') }}

),

named as (

    select *
    from documents
    where organisation_name is not null

),

organisation_stats as (

    select
        organisation_key,
        organisation_name,
        count(*) as report_count,
        count(*) filter (where is_current) as current_report_count,
        min(report_year) as first_report_year,
        max(report_year) as last_report_year

    from named
    group by 1, 2

),

organisation_regions as (

    select
        organisation_key,
        region_key,
        row_number() over (
            partition by organisation_key
            order by count(*) desc, max(ingested_at) desc nulls last, region_key
        ) as region_rank

    from named
    group by 1, 2

),

organisation_region as (

    select
        organisation_key,
        region_key

    from organisation_regions
    where region_rank = 1

),

known as (

    select
        organisation_stats.organisation_key,
        organisation_stats.organisation_name,
        organisation_region.region_key,
        organisation_stats.report_count,
        organisation_stats.current_report_count,
        organisation_stats.first_report_year,
        organisation_stats.last_report_year

    from organisation_stats
    inner join organisation_region
        on organisation_stats.organisation_key = organisation_region.organisation_key

),

unknown as (

    select
        {{ unknown_key() }} as organisation_key,
        'unknown' as organisation_name,
        {{ unknown_key() }} as region_key,
        count(*) as report_count,
        count(*) filter (where is_current) as current_report_count,
        min(report_year) as first_report_year,
        max(report_year) as last_report_year

    from documents
    where organisation_name is null

),

unioned as (

    select * from known
    union all
    select * from unknown

),

final as (

    select
        cast(unioned.organisation_key as varchar) as organisation_key,
        cast(unioned.organisation_name as varchar) as organisation_name,
        cast(unioned.region_key as varchar) as region_key,
        cast(regions.province as varchar) as province,
        cast(regions.city as varchar) as city,
        cast(regions.county as varchar) as county,
        cast(unioned.report_count as integer) as report_count,
        cast(unioned.current_report_count as integer) as current_report_count,
        cast(unioned.first_report_year as integer) as first_report_year,
        cast(unioned.last_report_year as integer) as last_report_year

    from unioned
    left join regions
        on unioned.region_key = regions.region_key

)

select * from final
