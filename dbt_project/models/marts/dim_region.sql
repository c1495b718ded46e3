-- Regions that reports and figures are about (fct_facts.region_key and place_region_key): the
-- admin_divisions rows that some place matched in int_place_regions (provinces, cities, counties),
-- one member per unmatched combination of names, and the 'unknown' member.

with

place_regions as (

    select * from {{ ref('int_place_regions') }}

),

ranked_admin_divisions as (

    select
        *,
        -- a code listed at several levels (municipalities: 北京市 as province and city) keeps the
        -- least specific row
        row_number() over (
            partition by region_code
            order by
                case level when 'province' then 1 when 'city' then 2 else 3 end,
                city nulls first,
                county nulls first
        ) as code_rank

    from {{ ref('stg_admin_divisions') }}

),

admin_divisions as (

    select
        region_code,
        province,
        city,
        county,
        level,
        short_name

    from ranked_admin_divisions
    where code_rank = 1

),

matched as (

    select
        {{ surrogate_key(['admin_divisions.region_code']) }} as region_key,
        admin_divisions.region_code,
        admin_divisions.province,
        admin_divisions.city,
        admin_divisions.county,
        admin_divisions.level,
        admin_divisions.short_name,
        true as is_in_reference

    from admin_divisions
    where admin_divisions.region_code in (
        select place_regions.region_code
        from place_regions
        where place_regions.region_code is not null
    )

),

unmatched as (

    select distinct
        region_key,
        cast(null as varchar) as region_code,
        province,
        city,
        county,
        case
            when county is not null then 'county'
            when city is not null then 'city'
            else 'province'
        end as level,
        cast(null as varchar) as short_name,
        false as is_in_reference

    from place_regions
    where region_match = 'unmatched_names'

),

unknown as (

    select
        {{ unknown_key() }} as region_key,
        cast(null as varchar) as region_code,
        cast(null as varchar) as province,
        cast(null as varchar) as city,
        cast(null as varchar) as county,
        'unknown' as level,
        cast(null as varchar) as short_name,
        false as is_in_reference

),

unioned as (

    select * from matched
    union all
    select * from unmatched
    union all
    select * from unknown

),

final as (

    select
        cast(region_key as varchar) as region_key,
        cast(region_code as varchar) as region_code,
        cast(coalesce(county, city, province, 'unknown') as varchar) as region_name,
        cast(province as varchar) as province,
        cast(city as varchar) as city,
        cast(county as varchar) as county,
        cast(level as varchar) as level,
        cast(short_name as varchar) as short_name,
        cast(
            case
                when {{ fulian_regexp_full_match('region_code', '[0-9]{6}') }}
                    then left(region_code, 2) || '0000'
            end as varchar
        ) as province_code,
        cast(
            case
                when
                    {{ fulian_regexp_full_match('region_code', '[0-9]{6}') }}
                    and level in ('city', 'county')
                    then left(region_code, 4) || '00'
            end as varchar
        ) as city_code,
        cast(is_in_reference as boolean) as is_in_reference

    from unioned

)

select * from final
