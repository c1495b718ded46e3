-- Units (counting words) from the units seed, plus one member (unit_class 'other') for every
-- unit seen in raw facts but missing from the seed, so every fact's unit_key is found.

with

units as (

    select * from {{ ref('units') }}

),

facts as (

    select * from {{ ref('stg_facts') }}

),

ranked_units as (

    select
        coalesce(trim(unit), '') as unit,
        lower(trim(unit_class)) as unit_class,
        coalesce(trim(base_unit), trim(unit), '') as base_unit,
        label_en,
        true as is_in_reference,
        row_number() over (partition by coalesce(trim(unit), '') order by unit_class) as unit_rank

    from units

),

seeded as (

    select
        unit,
        unit_class,
        base_unit,
        label_en,
        is_in_reference

    from ranked_units
    where unit_rank = 1

),

unseeded as (

    select distinct
        facts.unit,
        'other' as unit_class,
        facts.unit as base_unit,
        case when facts.unit = '' then '(no unit)' else '(not in the units seed)' end as label_en,
        false as is_in_reference

    from facts
    where facts.unit not in (select seeded.unit from seeded)

),

unioned as (

    select * from seeded
    union all
    select * from unseeded

),

final as (

    select
        cast({{ surrogate_key(['unit']) }} as varchar) as unit_key,
        cast(unit as varchar) as unit,
        cast(unit_class as varchar) as unit_class,
        cast(base_unit as varchar) as base_unit,
        cast(label_en as varchar) as label_en,
        cast(is_in_reference as boolean) as is_in_reference

    from unioned

)

select * from final
