-- One row per current report version: where it is from, who wrote it, and how many figures it
-- holds in fct_facts (by value kind) and in quarantine.

with

documents as (

    select * from {{ ref('dim_document') }}

),

regions as (

    select * from {{ ref('dim_region') }}

),

facts as (

    select * from {{ ref('fct_facts') }}

),

quarantine as (

    select * from {{ ref('stg_quarantine') }}

),

fact_counts as (

    select
        document_key,
        count(*) as fact_count,
        count(*) filter (where value_kind = 'exact') as exact_count,
        count(*) filter (where value_kind = 'lower_bound') as lower_bound_count,
        count(*) filter (where value_kind = 'approximate') as approximate_count,
        count(*) filter (where value_kind = 'upper_bound') as upper_bound_count

    from facts
    group by 1

),

quarantine_counts as (

    select
        content_hash,
        count(distinct fact_key) as quarantined_fact_count

    from quarantine
    where
        kind = 'fact'
        and fact_key is not null
    group by 1

),

final as (

    select
        cast(documents.document_key as varchar) as document_key,
        cast(documents.content_hash as varchar) as content_hash,
        cast(documents.file_name as varchar) as file_name,
        cast(documents.title as varchar) as title,
        cast(documents.region_key as varchar) as region_key,
        cast(coalesce(regions.province, documents.province) as varchar) as province,
        cast(coalesce(regions.city, documents.city) as varchar) as city,
        cast(documents.organisation_key as varchar) as organisation_key,
        cast(documents.organisation_name as varchar) as organisation_name,
        cast(documents.report_year as integer) as report_year,
        cast(documents.publication_date as date) as publication_date,
        cast(documents.version_number as integer) as version_number,
        cast(coalesce(fact_counts.fact_count, 0) as bigint) as fact_count,
        cast(coalesce(fact_counts.exact_count, 0) as bigint) as exact_count,
        cast(coalesce(fact_counts.lower_bound_count, 0) as bigint) as lower_bound_count,
        cast(coalesce(fact_counts.approximate_count, 0) as bigint) as approximate_count,
        cast(coalesce(fact_counts.upper_bound_count, 0) as bigint) as upper_bound_count,
        cast(coalesce(quarantine_counts.quarantined_fact_count, 0) as bigint)
            as quarantined_fact_count,
        cast(documents.is_file_quarantined as boolean) as is_file_quarantined,
        cast(documents.extractor_version as varchar) as extractor_version,
        cast(documents.ingested_at as timestamp) as ingested_at

    from documents
    left join regions
        on documents.region_key = regions.region_key
    left join fact_counts
        on documents.document_key = fact_counts.document_key
    left join quarantine_counts
        on documents.content_hash = quarantine_counts.content_hash
    where documents.is_current

)

select * from final
