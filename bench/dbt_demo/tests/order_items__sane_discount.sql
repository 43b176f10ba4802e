-- silver.order_items: EXPECT sane_discount (discount_pct BETWEEN 0 AND 100) ON VIOLATION FAIL
SELECT * FROM {{ ref('order_items') }} WHERE (discount_pct BETWEEN 0 AND 100) IS NOT TRUE
