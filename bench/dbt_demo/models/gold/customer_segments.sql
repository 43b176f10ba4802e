-- Each customer's purchase history summed up, with a value tier and a lifecycle stage
-- measured against the last day of orders.
-- Lode: kind FULL.

WITH orders AS (
  SELECT
    customer_id,
    order_id,
    min(order_date) AS order_date,
    sum(CASE WHEN is_revenue THEN net_amount_usd ELSE 0 END) AS revenue_usd
  FROM {{ ref('fact_orders') }}
  GROUP BY customer_id, order_id
),
per_customer AS (
  SELECT
    customer_id,
    count(*) AS order_count,
    min(order_date) AS first_order_date,
    max(order_date) AS last_order_date,
    sum(revenue_usd) AS lifetime_revenue_usd
  FROM orders
  GROUP BY customer_id
),
as_of AS (
  SELECT max(order_date) AS last_day FROM {{ ref('fact_orders') }}
)
SELECT
  c.customer_id,
  c.segment,
  c.country,
  coalesce(p.order_count, 0) AS order_count,
  p.first_order_date,
  p.last_order_date,
  CAST(coalesce(p.lifetime_revenue_usd, 0) AS DECIMAL(18, 2)) AS lifetime_revenue_usd,
  p.lifetime_revenue_usd / p.order_count AS avg_order_value_usd,
  date_diff('day', p.last_order_date, a.last_day) AS days_since_last_order,
  CASE
    WHEN coalesce(p.lifetime_revenue_usd, 0) >= 2500 THEN 'high'
    WHEN coalesce(p.lifetime_revenue_usd, 0) >= 1000 THEN 'medium'
    WHEN p.order_count > 0 THEN 'low'
    ELSE 'none'
  END AS value_tier,
  CASE
    WHEN p.order_count IS NULL THEN 'prospect'
    WHEN p.order_count = 1 THEN 'new'
    WHEN date_diff('day', p.last_order_date, a.last_day) <= 7 THEN 'active'
    ELSE 'lapsing'
  END AS lifecycle_stage
FROM {{ ref('customers') }} AS c
CROSS JOIN as_of AS a
LEFT JOIN per_customer AS p ON p.customer_id = c.customer_id
