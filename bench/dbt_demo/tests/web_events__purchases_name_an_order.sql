-- silver.web_events: purchases_name_an_order
SELECT * FROM {{ ref('web_events') }} WHERE event_type = 'purchase' AND order_id IS NULL
