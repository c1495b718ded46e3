with

documents as (

    select * from {{ ref('int_documents') }}

),

final as (

    select
        cast(document_key as varchar) as document_key,
        cast(content_hash as varchar) as content_hash,
        cast(file_name as varchar) as file_name,
        cast(first_file_name as varchar) as first_file_name,
        cast(file_name_count as integer) as file_name_count,
        cast(title as varchar) as title,
        cast(source as varchar) as source,
        cast(publication_date as date) as publication_date,
        cast(report_year as integer) as report_year,
        cast(script as varchar) as script,
        cast(encoding as varchar) as encoding,
        cast(byte_size as bigint) as byte_size,
        cast(text_length as bigint) as text_length,
        cast(region_key as varchar) as region_key,
        cast(organisation_key as varchar) as organisation_key,
        cast(organisation_name as varchar) as organisation_name,
        cast(province as varchar) as province,
        cast(city as varchar) as city,
        cast(county as varchar) as county,
        cast(region_match as varchar) as region_match,
        cast(version_number as integer) as version_number,
        cast(version_count as integer) as version_count,
        cast(is_current as boolean) as is_current,
        cast(valid_from as timestamp) as valid_from,
        cast(valid_to as timestamp) as valid_to,
        cast(superseded_by_content_hash as varchar) as superseded_by_content_hash,
        cast(is_file_quarantined as boolean) as is_file_quarantined,
        cast(extractor_version as varchar) as extractor_version,
        cast(run_id as varchar) as run_id,
        cast(ingested_at as timestamp) as ingested_at

    from documents

)

select * from final
