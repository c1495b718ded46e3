with

source as (

    select * from {{ source('raw', 'facts') }}

),

renamed as (

    select
        -- ids
        content_hash || ':' || cast(fact_index as varchar) as fact_key,
        content_hash,
        fact_index,

        -- the figure
        text as fact_text,
        value,
        trim(unit) as unit,
        lower(trim(qualifier)) as qualifier,
        trim(metric) as metric,
        lower(trim(category)) as category_code,

        -- when it holds and what kind of statement it is
        year_from as period_start_year,
        year_to as period_end_year,
        case
            when year_to is null then 'unknown'
            when year_from is null then 'to_date'
            when year_from = year_to then 'single_year'
            else 'multi_year'
        end as period_type,
        coalesce(lower(trim(kind)), 'unknown') as statement_kind,

        -- where it holds: the figure's own place ('' for a level it does not go down to)
        trim(place_province) as place_province,
        trim(place_city) as place_city,
        trim(place_county) as place_county,

        -- what it measures, and which observation it is ('' from the extractor becomes null)
        nullif(lower(trim(indicator)), '') as indicator_code,
        nullif(trim(observation), '') as observation_label,
        nullif(trim(part_of), '') as part_of_label,

        -- where it was found
        sentence,
        start_offset,
        end_offset,
        extractor_version

    from source

)

select * from renamed
