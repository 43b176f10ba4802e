-- gold.fact_orders: EXPECT converted (net_amount_usd IS NOT NULL) ON VIOLATION FAIL
SELECT * FROM {{ ref('fact_orders') }} WHERE (net_amount_usd IS NOT NULL) IS NOT TRUE
