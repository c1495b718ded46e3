-- A calendar from var('calendar_start') to var('calendar_end') (default 1949-01-01..2035-12-31).
-- date_key is the integer YYYYMMDD.

with

days as (

    {{ fulian_date_spine(var("calendar_start"), var("calendar_end")) }}

),

final as (

    select
        cast({{ date_key('date_day') }} as integer) as date_key,
        cast(date_day as date) as date_day,
        cast({{ fulian_date_part('year', 'date_day') }} as integer) as year,
        cast({{ fulian_date_part('quarter', 'date_day') }} as integer) as quarter,
        cast({{ fulian_date_part('month', 'date_day') }} as integer) as month,
        cast({{ fulian_date_part('day', 'date_day') }} as integer) as day_of_month,
        cast({{ fulian_date_part('doy', 'date_day') }} as integer) as day_of_year,
        cast({{ fulian_date_part('isodow', 'date_day') }} as integer) as iso_day_of_week,
        cast({{ fulian_date_part('week', 'date_day') }} as integer) as iso_week_of_year,
        cast({{ fulian_strftime('date_day', '%A') }} as varchar) as day_name,
        cast({{ fulian_strftime('date_day', '%B') }} as varchar) as month_name,
        cast({{ fulian_strftime('date_day', '%Y-%m') }} as varchar) as year_month,
        cast(
            {{ fulian_date_part('year', 'date_day') }}
            || '-Q'
            || {{ fulian_date_part('quarter', 'date_day') }}
            as varchar
        ) as year_quarter,
        cast({{ fulian_date_part('isodow', 'date_day') }} >= 6 as boolean) as is_weekend,
        cast(
            {{ fulian_date_part('month', 'date_day') }} = 1 and {{ fulian_date_part('day', 'date_day') }} = 1
            as boolean
        ) as is_first_day_of_year,
        cast(date_trunc('month', date_day) as date) as first_day_of_month,
        cast({{ fulian_last_day('date_day') }} as date) as last_day_of_month

    from days

)

select * from final
