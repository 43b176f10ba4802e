-- Web events, one row per event id (the tracker sends about 1% twice). Late events land
-- in the day they happened; the two-day lookback picks them up when they arrive late.
-- Lode: kind INCREMENTAL_BY_TIME_RANGE. EXPECT has_event_id (event_id IS NOT NULL) ON VIOLATION DROP ROW.
-- DROP ROW and QUARANTINE rules keep the rows that pass (quarantined rows are not kept);
-- WARN and FAIL rules are tests in the layer's yml.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='event_date') }}

SELECT * FROM (
SELECT
  event_id,
  lower(event_type) AS event_type,
  CAST(event_ts AS TIMESTAMP) AS event_ts,
  CAST(CAST(event_ts AS TIMESTAMP) AS DATE) AS event_date,
  anonymous_id,
  upper(customer_id) AS customer_id,
  session_id,
  page,
  lower(device) AS device,
  lower(utm_source) AS utm_source,
  lower(utm_medium) AS utm_medium,
  lower(utm_campaign) AS utm_campaign,
  upper(order_id) AS order_id
FROM {{ ref('bronze_web_events') }}
{% if is_incremental() %}
WHERE CAST(CAST(event_ts AS TIMESTAMP) AS DATE) >= (SELECT max(event_date) - 2 FROM {{ this }})
{% endif %}
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY _ingested_at, _file) = 1
) AS computed
WHERE (event_id IS NOT NULL)
