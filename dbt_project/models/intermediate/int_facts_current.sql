-- Facts of current report versions only, minus facts held back in dq.quarantine (kind 'fact').
-- Adds value_kind, the reading of the qualifier:
--   exact -> 'exact', over -> 'lower_bound', about -> 'approximate', under -> 'upper_bound'.

with

facts as (

    select * from {{ ref('stg_facts') }}

),

documents as (

    select * from {{ ref('int_documents') }}

),

quarantine as (

    select * from {{ ref('stg_quarantine') }}

),

current_documents as (

    select content_hash
    from documents
    where is_current

),

quarantined_facts as (

    select distinct fact_key
    from quarantine
    where
        kind = 'fact'
        and fact_key is not null

),

current_facts as (

    select facts.*

    from facts
    inner join current_documents
        on facts.content_hash = current_documents.content_hash
    where not exists (
        select 1
        from quarantined_facts
        where quarantined_facts.fact_key = facts.fact_key
    )

),

final as (

    select
        fact_key,
        content_hash,
        fact_index,
        fact_text,
        value,
        unit,
        qualifier,
        metric,
        category_code,
        period_start_year,
        period_end_year,
        period_type,
        statement_kind,
        place_province,
        place_city,
        place_county,
        indicator_code,
        observation_label,
        part_of_label,
        sentence,
        start_offset,
        end_offset,
        extractor_version,
        case qualifier
            when 'exact' then 'exact'
            when 'over' then 'lower_bound'
            when 'about' then 'approximate'
            when 'under' then 'upper_bound'
        end as value_kind

    from current_facts

)

select * from final
