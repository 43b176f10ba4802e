-- gold.customer_segments: prospects_have_no_orders
SELECT * FROM {{ ref('customer_segments') }} WHERE lifecycle_stage = 'prospect' AND order_count > 0
