{{ config(alias='ad_spend') }}
{{ bronze_csv('ad_spend', 'marketing/ad_spend_*.csv',
    types={'date': 'DATE', 'spend': 'DECIMAL(12,2)', 'impressions': 'BIGINT', 'clicks': 'BIGINT'},
    not_null=['campaign_id']) }}
