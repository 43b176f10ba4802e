-- silver.order_items: positive_quantities
SELECT * FROM {{ ref('order_items') }} WHERE quantity <= 0 OR unit_price < 0
