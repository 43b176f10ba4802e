-- gold.fact_orders: net_within_gross
SELECT * FROM {{ ref('fact_orders') }} WHERE net_amount_usd < 0 OR net_amount_usd > gross_amount_usd + 0.01
