-- Daily ad spend per campaign, in the currency it was billed in.
-- Lode: kind INCREMENTAL_BY_UNIQUE_KEY. EXPECT clicks_within_impressions (clicks <= impressions) ON VIOLATION FAIL.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key=['spend_date', 'campaign_id']) }}

SELECT
  CAST(date AS DATE) AS spend_date,
  upper(trim(campaign_id)) AS campaign_id,
  CAST(spend AS DECIMAL(12, 2)) AS spend,
  upper(trim(currency)) AS currency,
  CAST(impressions AS BIGINT) AS impressions,
  CAST(clicks AS BIGINT) AS clicks
FROM {{ ref('bronze_ad_spend') }}
QUALIFY row_number() OVER (PARTITION BY date, upper(trim(campaign_id)) ORDER BY _ingested_at DESC) = 1
