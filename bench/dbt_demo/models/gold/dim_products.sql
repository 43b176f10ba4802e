-- The product dimension, with a price band for reporting.
-- Lode: kind FULL.

SELECT
  product_id,
  sku,
  product_name,
  category,
  subcategory,
  brand,
  list_price_usd,
  CASE
    WHEN list_price_usd < 50 THEN 'budget'
    WHEN list_price_usd < 200 THEN 'mid'
    ELSE 'premium'
  END AS price_band,
  is_active,
  launched_on
FROM {{ ref('products') }}
