with

source as (

    select * from {{ source('dq', 'quarantine') }}

),

renamed as (

    select
        run_id,
        lower(trim(kind)) as kind,
        nullif(trim(file_name), '') as file_name,
        nullif(trim(fact_key), '') as fact_key,
        coalesce(
            nullif(trim(content_hash), ''),
            nullif(split_part(fact_key, ':', 1), '')
        ) as content_hash,
        fact_text,
        check_name,
        reason,
        quarantined_at

    from source

)

select * from renamed
