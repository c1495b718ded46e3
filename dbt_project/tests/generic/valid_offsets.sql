{#
    Attach to the start-offset column: fails for every row where start >= end,
    i.e. where the character span [start, end) is empty or reversed. Nulls pass.
#}
{% test valid_offsets(model, column_name, end_column) %}

select
    {{ column_name }} as start_value,
    {{ end_column }} as end_value
from {{ model }}
where {{ column_name }} is not null
  and {{ end_column }} is not null
  and {{ column_name }} >= {{ end_column }}

{% endtest %}
