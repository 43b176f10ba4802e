-- Marketing campaigns with the UTM fields their links carry.
-- Lode: kind FULL.

SELECT
  upper(trim(campaign_id)) AS campaign_id,
  trim(campaign_name) AS campaign_name,
  lower(trim(channel)) AS channel,
  lower(trim(utm_source)) AS utm_source,
  lower(trim(utm_medium)) AS utm_medium,
  lower(trim(utm_campaign)) AS utm_campaign,
  CAST(start_date AS DATE) AS start_date,
  CAST(end_date AS DATE) AS end_date,
  CAST(daily_budget_usd AS DECIMAL(12, 2)) AS daily_budget_usd
FROM {{ ref('bronze_campaigns') }}
QUALIFY row_number() OVER (PARTITION BY upper(trim(campaign_id)) ORDER BY _ingested_at DESC) = 1
