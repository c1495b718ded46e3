-- One row per report content version (content_hash), with its version history, whether it is
-- current, and the keys of the region, organisation and dates it belongs to.
-- A content hash is current if it is the latest version of ANY file name that carried it.
-- Its displayed file_name is the name under which it is current (else the name it first
-- arrived under), and version_number / valid_from / valid_to refer to that file name.

with

reports as (

    select * from {{ ref('stg_reports') }}

),

versions as (

    select * from {{ ref('int_report_versions') }}

),

regions as (

    select * from {{ ref('int_report_regions') }}

),

quarantine as (

    select * from {{ ref('stg_quarantine') }}

),

currency as (

    select
        content_hash,
        bool_or(is_latest_for_file) as is_current,
        count(distinct file_name) as file_name_count

    from versions
    group by 1

),

ranked_versions as (

    select
        versions.*,
        row_number() over (
            partition by versions.content_hash
            order by
                versions.is_latest_for_file desc nulls last,
                (versions.file_name = reports.first_file_name) desc nulls last,
                versions.valid_from asc,
                versions.file_name asc
        ) as primary_rank

    from versions
    inner join reports
        on versions.content_hash = reports.content_hash

),

primary_version as (

    select *
    from ranked_versions
    where primary_rank = 1

),

quarantined_files as (

    select distinct content_hash
    from quarantine
    where
        kind = 'file'
        and content_hash is not null

),

final as (

    select
        -- keys
        {{ surrogate_key(['reports.content_hash']) }} as document_key,
        reports.content_hash,
        regions.region_key,
        case
            when reports.organisation_name is null then {{ unknown_key() }}
            else {{ surrogate_key(['reports.organisation_name']) }}
        end as organisation_key,
        {{ year_date_key('reports.report_year', 101) }} as report_date_key,
        case
            when
                reports.publication_date between date '{{ var("calendar_start") }}'
                and date '{{ var("calendar_end") }}'
                then {{ date_key('reports.publication_date') }}
        end as publication_date_key,

        -- versioning
        primary_version.file_name,
        reports.first_file_name,
        currency.file_name_count,
        primary_version.version_number,
        primary_version.version_count,
        primary_version.valid_from,
        primary_version.valid_to,
        primary_version.superseded_by_content_hash,
        currency.is_current,
        quarantined_files.content_hash is not null as is_file_quarantined,

        -- document fields
        reports.title,
        reports.source,
        reports.publication_date,
        reports.report_year,
        reports.organisation_name,
        reports.province,
        reports.city,
        reports.county,
        reports.region_code as reported_region_code,
        regions.region_code,
        regions.region_match,
        reports.script,
        reports.encoding,
        reports.byte_size,
        reports.text_length,
        reports.extractor_version,
        reports.run_id,
        reports.ingested_at

    from reports
    inner join currency
        on reports.content_hash = currency.content_hash
    inner join primary_version
        on reports.content_hash = primary_version.content_hash
    inner join regions
        on reports.content_hash = regions.content_hash
    left join quarantined_files
        on reports.content_hash = quarantined_files.content_hash

)

select * from final
