-- gold.product_performance: return_rate_is_a_share
SELECT * FROM {{ ref('product_performance') }} WHERE return_rate < 0 OR return_rate > 1
