-- One row per report version: the region the report is about, its province, city, county and
-- region_code looked up in int_place_regions, the one lookup of regions (see there for the order:
-- code, names, province + city, city, province, own member, unknown).

with

reports as (

    select * from {{ ref('stg_reports') }}

),

place_regions as (

    select * from {{ ref('int_place_regions') }}

),

final as (

    select
        reports.content_hash,
        place_regions.region_key,
        place_regions.region_code,
        place_regions.region_match,
        reports.province as reported_province,
        reports.city as reported_city,
        reports.county as reported_county,
        reports.region_code as reported_region_code

    from reports
    inner join place_regions
        on
            {{ place_id('reports.province', 'reports.city', 'reports.county', 'reports.region_code') }}
            = place_regions.place_id

)

select * from final
