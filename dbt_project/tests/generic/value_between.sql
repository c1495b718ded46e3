{#
    Fails for every row where the column lies outside [min_value, max_value] (inclusive).
    Nulls pass. Either bound may be omitted.
#}
{% test value_between(model, column_name, min_value=none, max_value=none) %}

{%- set below_min = column_name ~ ' < ' ~ min_value if min_value is not none else 'false' %}
{%- set above_max = column_name ~ ' > ' ~ max_value if max_value is not none else 'false' %}

select {{ column_name }} as failing_value
from {{ model }}
where
    {{ column_name }} is not null
    and ({{ below_min }} or {{ above_max }})

{% endtest %}
