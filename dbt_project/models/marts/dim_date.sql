-- A calendar from var('calendar_start') to var('calendar_end') (default 1949-01-01..2035-12-31).
-- date_key is the integer YYYYMMDD.

with

days as (

    select cast(range as date) as date_day
    from range(
        date '{{ var("calendar_start") }}',
        date '{{ var("calendar_end") }}' + interval 1 day,
        interval 1 day
    )

),

final as (

    select
        cast({{ date_key('date_day') }} as integer) as date_key,
        cast(date_day as date) as date_day,
        cast(year(date_day) as integer) as year,
        cast(quarter(date_day) as integer) as quarter,
        cast(month(date_day) as integer) as month,
        cast(day(date_day) as integer) as day_of_month,
        cast(dayofyear(date_day) as integer) as day_of_year,
        cast(isodow(date_day) as integer) as iso_day_of_week,
        cast(weekofyear(date_day) as integer) as iso_week_of_year,
        cast(strftime(date_day, '%A') as varchar) as day_name,
        cast(strftime(date_day, '%B') as varchar) as month_name,
        cast(strftime(date_day, '%Y-%m') as varchar) as year_month,
        cast(year(date_day) || '-Q' || quarter(date_day) as varchar) as year_quarter,
        cast(isodow(date_day) >= 6 as boolean) as is_weekend,
        cast(month(date_day) = 1 and day(date_day) = 1 as boolean) as is_first_day_of_year,
        cast(date_trunc('month', date_day) as date) as first_day_of_month,
        cast(last_day(date_day) as date) as last_day_of_month

    from days

)

select * from final
