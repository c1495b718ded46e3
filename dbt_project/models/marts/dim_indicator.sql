-- The controlled list of indicators (seed indicators: what a figure measures at the level analysts
-- compare across reports and years), plus 'unknown' for figures the extractor mapped to none.
-- aggregation says how values of an indicator may be combined: flow (a year's activity) sums over
-- places and over years, stock (a level at a time) over places only, ratio (shares, rates,
-- per-person amounts) never.

with

indicators as (

    select * from {{ ref('indicators') }}

),

seeded as (

    select
        {{ surrogate_key(['lower(trim(code))']) }} as indicator_key,
        lower(trim(code)) as indicator_code,
        name_zh,
        name_en,
        lower(trim(unit_class)) as unit_class,
        lower(trim(aggregation)) as aggregation,
        true as is_in_reference

    from indicators

),

unknown as (

    select
        {{ unknown_key() }} as indicator_key,
        'unknown' as indicator_code,
        '未归类' as name_zh,
        'Unknown: not mapped to an indicator of the list' as name_en,
        cast(null as varchar) as unit_class,
        'unknown' as aggregation,
        false as is_in_reference

),

unioned as (

    select * from seeded
    union all
    select * from unknown

),

final as (

    select
        cast(indicator_key as varchar) as indicator_key,
        cast(indicator_code as varchar) as indicator_code,
        cast(name_zh as varchar) as name_zh,
        cast(name_en as varchar) as name_en,
        cast(unit_class as varchar) as unit_class,
        cast(aggregation as varchar) as aggregation,
        cast(aggregation in ('flow', 'stock') as boolean) as is_summable_across_places,
        cast(aggregation = 'flow' as boolean) as is_summable_across_years,
        cast(is_in_reference as boolean) as is_in_reference

    from unioned

)

select * from final
