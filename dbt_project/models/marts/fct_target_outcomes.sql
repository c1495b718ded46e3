-- Each target a report states beside the actual figures stated for the same place (the figures' own,
-- place_region_key: a county's target beside that county's outcome, not its city's), category, unit
-- and years: a promise next to what was done, so analysts compare them instead of adding them.
-- Only where the reports state both (inner join) and the two metrics name the same thing (most of the
-- outcome's characters in the target's); one row per (target, actual) pair.

with

facts as (

    select * from {{ ref('fct_facts') }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

described as (

    select
        facts.fact_key,
        facts.region_key,
        facts.place_region_key,
        facts.category_code,
        units.unit_class,
        units.base_unit,
        facts.period_start_year,
        facts.period_end_year,
        facts.statement_kind,
        facts.value,
        facts.value_kind,
        facts.fact_text,
        facts.metric,
        facts.file_name

    from facts
    inner join units
        on facts.unit_key = units.unit_key
    where
        facts.statement_kind in ('target', 'actual')
        and facts.period_end_year is not null

),

targets as (

    select * from described
    where statement_kind = 'target'

),

actuals as (

    select * from described
    where statement_kind = 'actual'

),

final as (

    select
        targets.fact_key as target_fact_key,
        actuals.fact_key as actual_fact_key,
        targets.region_key,
        targets.place_region_key,
        targets.category_code,
        targets.unit_class,
        targets.base_unit,
        targets.period_start_year,
        targets.period_end_year,
        targets.value as target_value,
        targets.value_kind as target_value_kind,
        targets.fact_text as target_text,
        targets.metric as target_metric,
        targets.file_name as target_file_name,
        actuals.value as actual_value,
        actuals.value_kind as actual_value_kind,
        actuals.fact_text as actual_text,
        actuals.metric as actual_metric,
        actuals.file_name as actual_file_name,
        case
            when targets.value > 0 and targets.unit_class <> 'percent'
                then actuals.value / targets.value
        end as attainment

    from targets
    inner join actuals
        on
            targets.place_region_key = actuals.place_region_key
            and targets.category_code = actuals.category_code
            and targets.unit_class = actuals.unit_class
            and targets.base_unit = actuals.base_unit
            and targets.period_end_year = actuals.period_end_year
            and targets.period_start_year is not distinct from actuals.period_start_year
            -- the same thing counted: most of the outcome's metric is in the target's (培训农村妇女)
            and {{ fulian_char_overlap('actuals.metric', 'targets.metric') }} >= 0.6

)

select
    cast(target_fact_key as varchar) as target_fact_key,
    cast(actual_fact_key as varchar) as actual_fact_key,
    cast(region_key as varchar) as region_key,
    cast(place_region_key as varchar) as place_region_key,
    cast(category_code as varchar) as category_code,
    cast(unit_class as varchar) as unit_class,
    cast(base_unit as varchar) as base_unit,
    cast(period_start_year as integer) as period_start_year,
    cast(period_end_year as integer) as period_end_year,
    cast(target_value as double precision) as target_value,
    cast(target_value_kind as varchar) as target_value_kind,
    cast(target_text as varchar) as target_text,
    cast(target_metric as varchar) as target_metric,
    cast(target_file_name as varchar) as target_file_name,
    cast(actual_value as double precision) as actual_value,
    cast(actual_value_kind as varchar) as actual_value_kind,
    cast(actual_text as varchar) as actual_text,
    cast(actual_metric as varchar) as actual_metric,
    cast(actual_file_name as varchar) as actual_file_name,
    cast(attainment as double precision) as attainment
from final
