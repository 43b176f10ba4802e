-- Orders, typed, with statuses and codes in one casing. New order files are merged in by
-- order_id, so a re-delivered file replaces its rows instead of duplicating them.
-- Lode: kind INCREMENTAL_BY_UNIQUE_KEY. EXPECT has_customer (customer_id IS NOT NULL) ON VIOLATION QUARANTINE.
-- DROP ROW and QUARANTINE rules keep the rows that pass (quarantined rows are not kept);
-- WARN and FAIL rules are tests in the layer's yml.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='order_id') }}

SELECT * FROM (
SELECT
  upper(trim(order_id)) AS order_id,
  upper(trim(customer_id)) AS customer_id,
  CAST(order_ts AS TIMESTAMP) AS order_ts,
  CAST(CAST(order_ts AS TIMESTAMP) AS DATE) AS order_date,
  lower(trim(status)) AS status,
  upper(trim(currency)) AS currency,
  lower(trim(channel)) AS channel,
  upper(trim(shipping_country)) AS shipping_country
FROM {{ ref('bronze_orders') }}
QUALIFY row_number() OVER (PARTITION BY upper(trim(order_id)) ORDER BY _ingested_at DESC) = 1
) AS computed
WHERE (customer_id IS NOT NULL)
