{#
    Fails for every row where the column is negative. Nulls pass (use not_null for those).
#}
{% test non_negative(model, column_name) %}

select {{ column_name }} as failing_value
from {{ model }}
where {{ column_name }} < 0

{% endtest %}
