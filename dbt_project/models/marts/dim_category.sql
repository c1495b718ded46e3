-- The 16 fact categories of the annotation guideline (seed categories), plus 'unknown' for
-- codes the seed does not list.

with

categories as (

    select * from {{ ref('categories') }}

),

seeded as (

    select
        {{ surrogate_key(['lower(trim(category_code))']) }} as category_key,
        lower(trim(category_code)) as category_code,
        label_zh,
        label_en,
        description,
        true as is_in_reference

    from categories

),

unknown as (

    select
        {{ unknown_key() }} as category_key,
        'unknown' as category_code,
        '未知' as label_zh,
        'Unknown' as label_en,
        'Category code not found in the categories seed.' as description,
        false as is_in_reference

),

unioned as (

    select * from seeded
    union all
    select * from unknown

),

final as (

    select
        cast(category_key as varchar) as category_key,
        cast(category_code as varchar) as category_code,
        cast(label_zh as varchar) as label_zh,
        cast(label_en as varchar) as label_en,
        cast(description as varchar) as description,
        cast(is_in_reference as boolean) as is_in_reference

    from unioned

)

select * from final
