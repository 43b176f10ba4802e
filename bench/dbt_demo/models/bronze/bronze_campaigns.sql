{{ config(alias='campaigns') }}
{{ bronze_csv('campaigns', 'marketing/campaigns.csv') }}
