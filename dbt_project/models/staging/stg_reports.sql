with

source as (

    select * from {{ source('raw', 'reports') }}

),

renamed as (

    select
        -- ids
        content_hash,
        file_name as first_file_name,

        -- file properties
        byte_size,
        length(original_text) as text_length,
        lower(trim(encoding)) as encoding,
        lower(trim(script)) as script,

        -- document fields found by the extractor
        nullif(trim(title), '') as title,
        nullif(trim(source), '') as source,
        publication_date,
        nullif(trim(province), '') as province,
        nullif(trim(city), '') as city,
        nullif(trim(county), '') as county,
        nullif(trim(region_code), '') as region_code,
        nullif(trim(organisation), '') as organisation_name,
        report_year,

        -- lineage
        extractor_version,
        run_id,
        ingested_at

    from source

)

select * from renamed
