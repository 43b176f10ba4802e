-- silver.fx_rates: EXPECT positive_rate (units_per_usd > 0) ON VIOLATION FAIL
SELECT * FROM {{ ref('fx_rates') }} WHERE (units_per_usd > 0) IS NOT TRUE
