-- Observations summed by the province of the figure's own place (place_region_key: a figure a report
-- gives for another province counts for that province, a national figure (全国) for none) x report
-- year x category x unit class (x base unit), and apart by what kind of statement they are (actual,
-- target, change) and the period they cover (one year, several years, a total to date): a target is
-- never added to a result, nor a five-year total to one year's figure.
-- Sums run over observations (fct_observations), not mentions: a figure a report restates is added
-- once, and a 其中 sub-total whose whole is counted is left out (subtotal_count says how many), so a
-- part is never added to its whole.
-- Values are only ever added within one unit class and one base unit, so people are never added
-- to yuan, nor days to hours. Exact values and lower bounds ("over N") are kept in separate
-- sums; approximate and upper-bound figures likewise. Shares (unit_class 'percent') are counted but
-- never summed: their sums are null. Figures of ratio indicators (dim_indicator aggregation 'ratio':
-- rates, per-person amounts) are counted in ratio_count and left out of every sum.

with

observations as (

    select * from {{ ref('fct_observations') }}

),

regions as (

    select * from {{ ref('dim_region') }}

),

categories as (

    select * from {{ ref('dim_category') }}

),

observations_described as (

    select
        regions.province,
        regions.province_code,
        observations.report_year,
        observations.statement_kind,
        observations.period_type,
        observations.period_start_year,
        observations.period_end_year,
        observations.category_code,
        categories.label_en as category_label_en,
        observations.unit_class,
        observations.base_unit,
        observations.unit,
        observations.value,
        observations.value_kind,
        observations.content_hash,
        observations.mention_count,
        observations.is_subtotal,
        observations.unit_class = 'percent' as is_share,
        observations.aggregation = 'ratio' as is_ratio

    from observations
    inner join regions
        on observations.place_region_key = regions.region_key
    inner join categories
        on observations.category_key = categories.category_key

),

-- what is added: every observation but the sub-totals of a whole that is counted itself, and
-- none of a ratio indicator
flagged as (

    select
        *,
        not is_subtotal as is_counted,
        not is_subtotal and not is_ratio as is_summed

    from observations_described

),

aggregated as (

    select
        province,
        report_year,
        statement_kind,
        period_type,
        period_start_year,
        period_end_year,
        category_code,
        unit_class,
        base_unit,
        max(province_code) as province_code,
        max(category_label_en) as category_label_en,
        string_agg(distinct unit, ',' order by unit) as units,
        count(*) filter (where is_counted) as observation_count,
        coalesce(sum(mention_count) filter (where is_counted), 0) as fact_count,
        count(*) filter (where is_subtotal) as subtotal_count,
        count(*) filter (where is_counted and is_ratio) as ratio_count,
        count(distinct content_hash) filter (where is_counted) as report_count,
        count(*) filter (where is_summed and value_kind = 'exact') as exact_count,
        count(*) filter (where is_summed and value_kind = 'lower_bound') as lower_bound_count,
        count(*) filter (where is_summed and value_kind = 'approximate') as approximate_count,
        count(*) filter (where is_summed and value_kind = 'upper_bound') as upper_bound_count,
        case
            when not bool_or(is_share)
                then coalesce(sum(value) filter (where is_summed and value_kind = 'exact'), 0)
        end as sum_exact_value,
        case
            when not bool_or(is_share)
                then coalesce(sum(value) filter (where is_summed and value_kind = 'lower_bound'), 0)
        end as sum_lower_bound_value,
        case
            when not bool_or(is_share)
                then coalesce(sum(value) filter (where is_summed and value_kind = 'approximate'), 0)
        end as sum_approximate_value,
        case
            when not bool_or(is_share)
                then coalesce(sum(value) filter (where is_summed and value_kind = 'upper_bound'), 0)
        end as sum_upper_bound_value

    from flagged
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9

),

final as (

    select
        cast(province as varchar) as province,
        cast(province_code as varchar) as province_code,
        cast(report_year as integer) as report_year,
        cast(statement_kind as varchar) as statement_kind,
        cast(period_type as varchar) as period_type,
        cast(period_start_year as integer) as period_start_year,
        cast(period_end_year as integer) as period_end_year,
        cast(category_code as varchar) as category_code,
        cast(category_label_en as varchar) as category_label_en,
        cast(unit_class as varchar) as unit_class,
        cast(base_unit as varchar) as base_unit,
        cast(units as varchar) as units,
        cast(observation_count as bigint) as observation_count,
        cast(fact_count as bigint) as fact_count,
        cast(subtotal_count as bigint) as subtotal_count,
        cast(ratio_count as bigint) as ratio_count,
        cast(report_count as bigint) as report_count,
        cast(exact_count as bigint) as exact_count,
        cast(lower_bound_count as bigint) as lower_bound_count,
        cast(approximate_count as bigint) as approximate_count,
        cast(upper_bound_count as bigint) as upper_bound_count,
        cast(sum_exact_value as double precision) as sum_exact_value,
        cast(sum_lower_bound_value as double precision) as sum_lower_bound_value,
        cast(sum_approximate_value as double precision) as sum_approximate_value,
        cast(sum_upper_bound_value as double precision) as sum_upper_bound_value

    from aggregated

)

select * from final
