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

        -- where it was found
        sentence,
        start_offset,
        end_offset,
        extractor_version

    from source

)

select * from renamed
