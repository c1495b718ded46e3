-- One row per report version: the region the report is about, resolved against the
-- admin_divisions seed (行政区划, administrative divisions). Lookup order:
--   1. the report's region_code is a code of the seed            -> region_match 'code'
--   2. province + city + county names match one seed row exactly -> 'names'
--   3. province + city match a city row (county ignored)         -> 'province_city'
--   4. city alone matches exactly one city row of the seed       -> 'city'
--   5. province alone matches a province row                     -> 'province'
--   6. names given but none found in the seed                    -> 'unmatched_names' (own member)
--   7. nothing known                                             -> 'none' (the unknown member)

with

reports as (

    select * from {{ ref('stg_reports') }}

),

admin_divisions as (

    select
        region_code,
        province,
        city,
        county,
        level

    from {{ ref('stg_admin_divisions') }}

),

by_full_name as (

    select
        coalesce(province, '') as province,
        coalesce(city, '') as city,
        coalesce(county, '') as county,
        min(region_code) as region_code

    from admin_divisions
    group by 1, 2, 3

),

by_province_city as (

    select
        province,
        city,
        min(region_code) as region_code

    from admin_divisions
    where level = 'city'
    group by 1, 2

),

by_city as (

    select
        city,
        min(region_code) as region_code

    from admin_divisions
    where level = 'city'
    group by 1
    having count(distinct region_code) = 1

),

by_province as (

    select
        province,
        min(region_code) as region_code

    from admin_divisions
    where level = 'province'
    group by 1

),

codes as (

    select distinct region_code from admin_divisions

),

looked_up as (

    select
        reports.content_hash,
        reports.province,
        reports.city,
        reports.county,
        reports.region_code as reported_region_code,
        codes.region_code as code_match,
        by_full_name.region_code as full_name_match,
        by_province_city.region_code as province_city_match,
        by_city.region_code as city_match,
        by_province.region_code as province_match

    from reports
    left join codes
        on reports.region_code = codes.region_code
    left join by_full_name
        on
            coalesce(reports.province, '') = by_full_name.province
            and coalesce(reports.city, '') = by_full_name.city
            and coalesce(reports.county, '') = by_full_name.county
            and coalesce(reports.province, reports.city, reports.county) is not null
    left join by_province_city
        on
            reports.province = by_province_city.province
            and reports.city = by_province_city.city
    left join by_city
        on reports.city = by_city.city
    left join by_province
        on reports.province = by_province.province

),

resolved as (

    select
        content_hash,
        province,
        city,
        county,
        reported_region_code,
        coalesce(
            code_match, full_name_match, province_city_match, city_match, province_match
        ) as region_code,
        case
            when code_match is not null then 'code'
            when full_name_match is not null then 'names'
            when province_city_match is not null then 'province_city'
            when city_match is not null then 'city'
            when province_match is not null then 'province'
            when coalesce(province, city, county) is not null then 'unmatched_names'
            else 'none'
        end as region_match

    from looked_up

),

final as (

    select
        content_hash,
        case
            when region_code is not null then {{ surrogate_key(['region_code']) }}
            when region_match = 'unmatched_names'
                then {{ surrogate_key(["'names'", 'province', 'city', 'county']) }}
            else {{ unknown_key() }}
        end as region_key,
        region_code,
        region_match,
        province as reported_province,
        city as reported_city,
        county as reported_county,
        reported_region_code

    from resolved

)

select * from final
