-- The one lookup of regions: every place a report version is about (its province, city, county and
-- region_code) and every place a figure is about (its own place_province, place_city, place_county,
-- no code), one row per distinct place, resolved against the admin_divisions seed (行政区划,
-- administrative divisions) down to county. int_report_regions (a report's region) and
-- int_facts_joined (a figure's own place) join it by place_id (macro place_id). Lookup order:
--   1. the place's region_code is a code of the seed                -> region_match 'code'
--   2. province + city + county names match one seed row exactly    -> 'names'
--   3. province + city match a city row (county ignored)            -> 'province_city'
--   4. city alone matches exactly one city row of the seed          -> 'city'
--   5. province alone matches a province row                        -> 'province'
--   6. names given but none found in the seed                       -> 'unmatched_names' (own member)
--   7. nothing known                                                -> 'none' (the unknown member)
-- Exact names are the seed's, and also the way the extractor writes two kinds of county: a district
-- of a municipality has no city (北京市 / '' / 朝阳区, seed 北京市 / 北京市 / 朝阳区), and neither has a
-- county-level city under the province (省直辖行政区划: 河南省 / '' / 济源市; earlier extractor versions
-- wrote it as its own city, 河南省 / 济源市 / '', which still resolves).
-- Blank names are null here ('' is how a figure says "not down to this level"); a figure's place
-- of all blanks (a national figure) is the unknown member like a report without any place.

with

reports as (

    select * from {{ ref('stg_reports') }}

),

facts as (

    select * from {{ ref('stg_facts') }}

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

report_places as (

    select
        province,
        city,
        county,
        region_code

    from reports

),

-- facts extracted before figure-level places (place_province null) have no place of their own
fact_places as (

    select
        nullif(place_province, '') as province,
        nullif(place_city, '') as city,
        nullif(place_county, '') as county,
        cast(null as varchar) as region_code

    from facts
    where place_province is not null

),

places as (

    select * from report_places
    union
    select * from fact_places

),

-- every seed row by its names, and the extractor's names of municipal districts and of county-level
-- cities under the province
admin_names as (

    select
        province,
        city,
        county,
        region_code

    from admin_divisions

    union all

    select
        province,
        cast(null as varchar) as city,
        county,
        region_code

    from admin_divisions
    where
        level = 'county'
        and city = province

    union all

    select
        province,
        cast(null as varchar) as city,
        county,
        region_code

    from admin_divisions
    where
        level = 'county'
        and city = '省直辖行政区划'

    union all

    -- the same city as earlier extractor versions wrote it: as its own city
    select
        province,
        county as city,
        cast(null as varchar) as county,
        region_code

    from admin_divisions
    where
        level = 'county'
        and city = '省直辖行政区划'

),

by_full_name as (

    select
        coalesce(province, '') as province,
        coalesce(city, '') as city,
        coalesce(county, '') as county,
        min(region_code) as region_code

    from admin_names
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
        places.province,
        places.city,
        places.county,
        places.region_code as reported_region_code,
        codes.region_code as code_match,
        by_full_name.region_code as full_name_match,
        by_province_city.region_code as province_city_match,
        by_city.region_code as city_match,
        by_province.region_code as province_match

    from places
    left join codes
        on places.region_code = codes.region_code
    left join by_full_name
        on
            coalesce(places.province, '') = by_full_name.province
            and coalesce(places.city, '') = by_full_name.city
            and coalesce(places.county, '') = by_full_name.county
            and coalesce(places.province, places.city, places.county) is not null
    left join by_province_city
        on
            places.province = by_province_city.province
            and places.city = by_province_city.city
    left join by_city
        on places.city = by_city.city
    left join by_province
        on places.province = by_province.province

),

resolved as (

    select
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
        {{ place_id('province', 'city', 'county', 'reported_region_code') }} as place_id,
        case
            when region_code is not null then {{ surrogate_key(['region_code']) }}
            when region_match = 'unmatched_names'
                then {{ surrogate_key(["'names'", 'province', 'city', 'county']) }}
            else {{ unknown_key() }}
        end as region_key,
        region_code,
        region_match,
        province,
        city,
        county,
        reported_region_code

    from resolved

)

select * from final
