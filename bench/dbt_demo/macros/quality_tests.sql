{# Lode's test kinds that dbt has no built-in test for, with the same pass rules. #}

{% test row_count(model, min=none, max=none) %}
SELECT n FROM (SELECT count(*) AS n FROM {{ model }}) AS counted
WHERE {% if min is not none %}n < {{ min }}{% else %}false{% endif %}
   OR {% if max is not none %}n > {{ max }}{% else %}false{% endif %}
{% endtest %}

{# The share of NULLs (0 to 1) must lie within [min, max]. #}
{% test null_percentage(model, column_name, min=none, max=none) %}
SELECT share FROM (
  SELECT (count(*) - count({{ column_name }})) / count(*) AS share FROM {{ model }} HAVING count(*) > 0
) AS shares
WHERE {% if min is not none %}share < {{ min }}{% else %}false{% endif %}
   OR {% if max is not none %}share > {{ max }}{% else %}false{% endif %}
{% endtest %}

{# The newest value must be at most max_age ('2 days') old. #}
{% test column_freshness(model, column_name, max_age) %}
SELECT newest FROM (SELECT max({{ column_name }}) AS newest FROM {{ model }}) AS latest
WHERE newest IS NULL OR CAST(newest AS TIMESTAMP) < CAST(now() AS TIMESTAMP) - INTERVAL '{{ max_age }}'
{% endtest %}
