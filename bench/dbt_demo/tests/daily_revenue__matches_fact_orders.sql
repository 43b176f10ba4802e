-- gold.daily_revenue: matches_fact_orders
SELECT * FROM (SELECT sum(net_revenue_usd) AS total FROM {{ ref('daily_revenue') }}) AS daily CROSS JOIN (SELECT sum(net_amount_usd) AS total FROM {{ ref('fact_orders') }} WHERE is_revenue) AS lines WHERE abs(daily.total - lines.total) > 0.01
