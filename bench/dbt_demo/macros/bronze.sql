{#
  Bronze as Lode's ingestion writes it: the file's columns as received (CSV as text unless
  the source's contract types them; JSON as inferred unless the contract types them), then
  _source, _ingested_at, _run_id, _file and _ingest_date. Rows whose contract columns do not
  parse are left out (Lode keeps them in bronze.<source>__quarantine); so are rows with NULL
  in a NOT NULL contract column.
#}
{% macro source_path(relative) -%}
  '{{ env_var("DBT_DEMO_SOURCES") }}/{{ relative }}'
{%- endmacro %}

{% macro bronze_columns(source) -%}
  '{{ source }}' AS _source,
  now() AS _ingested_at,
  '{{ invocation_id }}' AS _run_id,
  filename AS _file,
  current_date AS _ingest_date
{%- endmacro %}

{% macro not_null_filter(columns) -%}
  {%- if columns %} WHERE {% for c in columns %}{{ c }} IS NOT NULL{% if not loop.last %} AND {% endif %}{% endfor %}{% endif -%}
{%- endmacro %}

{% macro bronze_csv(source, path, types={}, not_null=[]) %}
SELECT * EXCLUDE (filename), {{ bronze_columns(source) }}
FROM read_csv({{ source_path(path) }}, header = true, all_varchar = true, filename = true
  {%- if types %}, types = {{ types | tojson }}, ignore_errors = true{% endif %})
{{ not_null_filter(not_null) }}
{% endmacro %}

{% macro bronze_json(source, path, columns=none, not_null=[]) %}
SELECT * EXCLUDE (filename), {{ bronze_columns(source) }}
FROM read_json({{ source_path(path) }}, filename = true
  {%- if columns %}, columns = {{ columns | tojson }}{% endif %})
{{ not_null_filter(not_null) }}
{% endmacro %}
