-- silver.ad_spend: one_row_per_campaign_and_day
SELECT spend_date, campaign_id FROM {{ ref('ad_spend') }} GROUP BY spend_date, campaign_id HAVING count(*) > 1
