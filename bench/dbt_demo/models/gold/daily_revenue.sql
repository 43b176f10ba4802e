-- Revenue, orders and ad spend per day in US dollars, with return on ad spend.
-- Lode: kind FULL.

WITH sales AS (
  SELECT
    order_date,
    count(DISTINCT order_id) AS order_count,
    count(DISTINCT customer_id) AS customer_count,
    count(*) AS line_count,
    sum(CASE WHEN is_revenue THEN quantity ELSE 0 END) AS units_sold,
    sum(gross_amount_usd) AS gross_revenue_usd,
    sum(CASE WHEN is_revenue THEN net_amount_usd ELSE 0 END) AS net_revenue_usd,
    sum(CASE WHEN status = 'returned' THEN net_amount_usd ELSE 0 END) AS returned_usd
  FROM {{ ref('fact_orders') }}
  GROUP BY order_date
),
spend AS (
  SELECT
    a.spend_date,
    sum(CAST(a.spend / r.units_per_usd AS DECIMAL(14, 2))) AS ad_spend_usd,
    sum(a.clicks) AS clicks
  FROM {{ ref('ad_spend') }} AS a
  JOIN {{ ref('fx_rates') }} AS r ON r.rate_date = a.spend_date AND r.currency = a.currency
  GROUP BY a.spend_date
)
SELECT
  d.date_day,
  d.day_name,
  d.is_weekend,
  coalesce(s.order_count, 0) AS order_count,
  coalesce(s.customer_count, 0) AS customer_count,
  coalesce(s.line_count, 0) AS line_count,
  coalesce(s.units_sold, 0) AS units_sold,
  CAST(coalesce(s.gross_revenue_usd, 0) AS DECIMAL(18, 2)) AS gross_revenue_usd,
  CAST(coalesce(s.net_revenue_usd, 0) AS DECIMAL(18, 2)) AS net_revenue_usd,
  CAST(coalesce(s.returned_usd, 0) AS DECIMAL(18, 2)) AS returned_usd,
  CAST(coalesce(p.ad_spend_usd, 0) AS DECIMAL(18, 2)) AS ad_spend_usd,
  coalesce(p.clicks, 0) AS clicks,
  CAST(coalesce(s.net_revenue_usd, 0) / nullif(p.ad_spend_usd, 0) AS DECIMAL(10, 3)) AS roas
FROM {{ ref('dim_date') }} AS d
LEFT JOIN sales AS s ON s.order_date = d.date_day
LEFT JOIN spend AS p ON p.spend_date = d.date_day
