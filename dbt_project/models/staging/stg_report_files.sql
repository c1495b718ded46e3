with

source as (

    select * from {{ source('raw', 'report_files') }}

),

renamed as (

    select
        file_name,
        content_hash,
        first_seen_at,
        run_id

    from source

)

select * from renamed
