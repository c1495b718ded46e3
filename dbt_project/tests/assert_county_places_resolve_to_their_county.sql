-- A figure whose own place names a county of the admin_divisions seed (place_county, under its
-- province and city, or under a municipality with place_city '') is keyed to that county's region:
-- place_region_key is the dim_region member with the county's region_code. Returns the facts that
-- are not.

with

facts as (

    select * from {{ ref('fct_facts') }}

),

regions as (

    select * from {{ ref('dim_region') }}

),

counties as (

    select * from {{ ref('stg_admin_divisions') }}
    where level = 'county'

),

county_facts as (

    select
        facts.fact_key,
        facts.place_province,
        facts.place_city,
        facts.place_county,
        facts.place_region_key,
        counties.region_code as county_region_code

    from facts
    inner join counties
        on
            facts.place_province = counties.province
            and facts.place_county = counties.county
            and (
                facts.place_city = counties.city
                or (facts.place_city = '' and counties.city = counties.province)
            )

)

select
    county_facts.*,
    regions.region_code as place_region_code

from county_facts
left join regions
    on county_facts.place_region_key = regions.region_key
where regions.region_code is distinct from county_facts.county_region_code
