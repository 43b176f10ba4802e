-- The product catalog: categories in one casing, prices as decimals.
-- Lode: kind FULL. EXPECT priced (list_price_usd > 0) ON VIOLATION QUARANTINE.
-- DROP ROW and QUARANTINE rules keep the rows that pass (quarantined rows are not kept);
-- WARN and FAIL rules are tests in the layer's yml.

SELECT * FROM (
SELECT
  upper(trim(product_id)) AS product_id,
  sku,
  trim(name) AS product_name,
  upper(left(trim(category), 1)) || lower(substr(trim(category), 2)) AS category,
  trim(subcategory) AS subcategory,
  trim(brand) AS brand,
  CAST(list_price_usd AS DECIMAL(10, 2)) AS list_price_usd,
  CAST(active AS BOOLEAN) AS is_active,
  CAST(launched_on AS DATE) AS launched_on
FROM {{ ref('bronze_products') }}
QUALIFY row_number() OVER (PARTITION BY upper(trim(product_id)) ORDER BY _ingested_at DESC) = 1
) AS computed
WHERE (list_price_usd > 0)
