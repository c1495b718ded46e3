-- The admin_divisions seed (行政区划, China's administrative divisions from jionlp's table), cleaned
-- once for every model that resolves regions: blank strings become null, level lower-cased, rows
-- without a code dropped.

with

source as (

    select * from {{ ref('admin_divisions') }}

),

cleaned as (

    select
        nullif(trim(region_code), '') as region_code,
        nullif(trim(province), '') as province,
        nullif(trim(city), '') as city,
        nullif(trim(county), '') as county,
        lower(trim(level)) as level,
        nullif(trim(short_name), '') as short_name

    from source
    where nullif(trim(region_code), '') is not null

)

select * from cleaned
