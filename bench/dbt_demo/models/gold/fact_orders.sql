-- Order lines with their order's context and amounts converted to US dollars at the
-- order day's rate. Only new order lines are processed on each run and merged by line id.
-- Lode: kind INCREMENTAL_BY_UNIQUE_KEY. EXPECT converted (net_amount_usd IS NOT NULL) ON VIOLATION FAIL.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='order_item_id') }}

WITH lines AS (
  SELECT
    i.order_item_id,
    i.order_id,
    o.order_date,
    o.order_ts,
    o.customer_id,
    i.product_id,
    o.status,
    o.channel,
    o.shipping_country,
    o.currency,
    i.quantity,
    i.unit_price,
    i.discount_pct,
    i.quantity * i.unit_price AS gross_amount,
    CAST(i.quantity * i.unit_price * (100 - i.discount_pct) * 0.01 AS DECIMAL(14, 2)) AS net_amount,
    r.units_per_usd
  FROM {{ ref('order_items') }} AS i
  JOIN {{ ref('orders') }} AS o ON o.order_id = i.order_id
  LEFT JOIN {{ ref('fx_rates') }} AS r ON r.rate_date = o.order_date AND r.currency = o.currency
)
SELECT
  order_item_id,
  order_id,
  order_date,
  order_ts,
  customer_id,
  product_id,
  status,
  status NOT IN ('cancelled', 'returned') AS is_revenue,
  channel,
  shipping_country,
  currency,
  quantity,
  unit_price,
  discount_pct,
  gross_amount,
  net_amount,
  units_per_usd,
  CAST(gross_amount / units_per_usd AS DECIMAL(14, 2)) AS gross_amount_usd,
  CAST(net_amount / units_per_usd AS DECIMAL(14, 2)) AS net_amount_usd
FROM lines
