-- Sales per product, ranked within its category.
-- Lode: kind FULL.

WITH sales AS (
  SELECT
    product_id,
    count(*) AS line_count,
    count(DISTINCT order_id) AS order_count,
    sum(CASE WHEN is_revenue THEN quantity ELSE 0 END) AS units_sold,
    sum(CASE WHEN is_revenue THEN net_amount_usd ELSE 0 END) AS revenue_usd,
    sum(CASE WHEN status = 'returned' THEN 1 ELSE 0 END) AS returned_lines
  FROM {{ ref('fact_orders') }}
  GROUP BY product_id
)
SELECT
  p.product_id,
  p.product_name,
  p.category,
  p.brand,
  p.price_band,
  coalesce(s.order_count, 0) AS order_count,
  coalesce(s.units_sold, 0) AS units_sold,
  CAST(coalesce(s.revenue_usd, 0) AS DECIMAL(18, 2)) AS revenue_usd,
  CAST(s.returned_lines / s.line_count AS DECIMAL(5, 4)) AS return_rate,
  rank() OVER (PARTITION BY p.category ORDER BY coalesce(s.revenue_usd, 0) DESC, p.product_id) AS category_rank
FROM {{ ref('dim_products') }} AS p
LEFT JOIN sales AS s ON s.product_id = p.product_id
