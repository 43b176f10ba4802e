-- Daily FX rates, one row per day and currency: how many units of the currency one US
-- dollar buys.
-- Lode: kind FULL. EXPECT positive_rate (units_per_usd > 0) ON VIOLATION FAIL. EXPECT dollar_base (base = 'USD') ON VIOLATION DROP ROW.
-- DROP ROW and QUARANTINE rules keep the rows that pass (quarantined rows are not kept);
-- WARN and FAIL rules are tests in the layer's yml.

SELECT * FROM (
SELECT
  CAST(date AS DATE) AS rate_date,
  upper(trim(currency)) AS currency,
  upper(trim(base)) AS base,
  CAST(rate AS DOUBLE) AS units_per_usd
FROM {{ ref('bronze_fx_rates') }}
QUALIFY row_number() OVER (PARTITION BY date, upper(trim(currency)) ORDER BY _ingested_at DESC) = 1
) AS computed
WHERE (base = 'USD')
