-- silver.ad_spend: EXPECT clicks_within_impressions (clicks <= impressions) ON VIOLATION FAIL
SELECT * FROM {{ ref('ad_spend') }} WHERE (clicks <= impressions) IS NOT TRUE
