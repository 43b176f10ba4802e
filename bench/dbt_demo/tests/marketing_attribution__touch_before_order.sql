-- gold.marketing_attribution: touch_before_order
SELECT * FROM {{ ref('marketing_attribution') }} WHERE minutes_to_order < 0
