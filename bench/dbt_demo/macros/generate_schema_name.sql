{# Tables are named layer.table as in Lode: the folder's schema, without the target's prefix. #}
{% macro generate_schema_name(custom_schema_name, node) -%}
  {{ custom_schema_name if custom_schema_name is not none else target.schema }}
{%- endmacro %}
