-- One row per (file name, content version): the history of every file name.
-- Versions are numbered by first_seen_at within a file name; the latest one is that file's
-- current content. Only sightings of content that was actually loaded into raw.reports count,
-- so a half-written load can never supersede a good version.

with

report_files as (

    select * from {{ ref('stg_report_files') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

loaded_sightings as (

    select
        report_files.file_name,
        report_files.content_hash,
        report_files.first_seen_at,
        report_files.run_id

    from report_files
    where exists (
        select 1
        from reports
        where reports.content_hash = report_files.content_hash
    )

),

-- a report without any sighting row still counts as seen under the name it first arrived under
unsighted_reports as (

    select
        reports.first_file_name as file_name,
        reports.content_hash,
        reports.ingested_at as first_seen_at,
        reports.run_id

    from reports
    where not exists (
        select 1
        from report_files
        where report_files.content_hash = reports.content_hash
    )

),

sightings as (

    select * from loaded_sightings
    union all
    select * from unsighted_reports

),

versioned as (

    select
        file_name,
        content_hash,
        first_seen_at,
        run_id,
        row_number() over file_history as version_number,
        count(*) over (partition by file_name) as version_count,
        lead(first_seen_at) over file_history as superseded_at,
        lead(content_hash) over file_history as superseded_by_content_hash

    from sightings
    window file_history as (partition by file_name order by first_seen_at, content_hash)

),

final as (

    select
        {{ surrogate_key(['file_name', 'content_hash']) }} as report_version_key,
        file_name,
        content_hash,
        version_number,
        version_count,
        version_number = version_count as is_latest_for_file,
        first_seen_at as valid_from,
        superseded_at as valid_to,
        superseded_by_content_hash,
        run_id as first_seen_run_id

    from versioned

)

select * from final
