-- Order lines. Lines with a non-positive quantity or no price cannot be valued: they are
-- set aside in silver.order_items__quarantine with the rule they broke.
-- Lode: kind INCREMENTAL_BY_UNIQUE_KEY. EXPECT positive_quantity (quantity > 0) ON VIOLATION QUARANTINE. EXPECT has_price (unit_price IS NOT NULL) ON VIOLATION QUARANTINE. EXPECT sane_discount (discount_pct BETWEEN 0 AND 100) ON VIOLATION FAIL.
-- DROP ROW and QUARANTINE rules keep the rows that pass (quarantined rows are not kept);
-- WARN and FAIL rules are tests in the layer's yml.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='order_item_id') }}

SELECT * FROM (
SELECT
  upper(trim(order_item_id)) AS order_item_id,
  upper(trim(order_id)) AS order_id,
  upper(trim(product_id)) AS product_id,
  CAST(quantity AS INTEGER) AS quantity,
  CAST(unit_price AS DECIMAL(12, 2)) AS unit_price,
  CAST(coalesce(discount_pct, 0) AS INTEGER) AS discount_pct
FROM {{ ref('bronze_order_items') }}
QUALIFY row_number() OVER (PARTITION BY upper(trim(order_item_id)) ORDER BY _ingested_at DESC) = 1
) AS computed
WHERE (quantity > 0) AND (unit_price IS NOT NULL)
