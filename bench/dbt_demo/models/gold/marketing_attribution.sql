-- Last-touch attribution: each order is credited to the latest campaign visit (a web event
-- with UTM fields) of the same customer in the 30 days before it. Visits made before
-- logging in count for the customer who logged in later in the same session.
-- Lode: kind FULL.

WITH session_customers AS (
  SELECT session_id, max(customer_id) AS customer_id
  FROM {{ ref('web_events') }}
  WHERE customer_id IS NOT NULL
  GROUP BY session_id
),
touches AS (
  SELECT
    coalesce(e.customer_id, s.customer_id) AS customer_id,
    e.event_id,
    e.event_ts,
    e.utm_source,
    e.utm_medium,
    e.utm_campaign
  FROM {{ ref('web_events') }} AS e
  LEFT JOIN session_customers AS s ON s.session_id = e.session_id
  WHERE e.utm_campaign IS NOT NULL
),
orders AS (
  SELECT
    order_id,
    customer_id,
    min(order_ts) AS order_ts,
    min(order_date) AS order_date,
    sum(CASE WHEN is_revenue THEN net_amount_usd ELSE 0 END) AS revenue_usd
  FROM {{ ref('fact_orders') }}
  GROUP BY order_id, customer_id
),
last_touch AS (
  SELECT
    o.order_id,
    t.event_id,
    t.event_ts,
    t.utm_source,
    t.utm_medium,
    t.utm_campaign
  FROM orders AS o
  JOIN touches AS t
    ON t.customer_id = o.customer_id
   AND t.event_ts <= o.order_ts
   AND t.event_ts >= o.order_ts - INTERVAL '30' DAY
  QUALIFY row_number() OVER (PARTITION BY o.order_id ORDER BY t.event_ts DESC, t.event_id DESC) = 1
)
SELECT
  o.order_id,
  o.order_date,
  o.customer_id,
  CAST(o.revenue_usd AS DECIMAL(18, 2)) AS revenue_usd,
  CASE WHEN l.order_id IS NULL THEN 'direct' ELSE 'last_touch' END AS attribution,
  c.campaign_id,
  c.campaign_name,
  c.channel,
  l.utm_source,
  l.utm_medium,
  l.utm_campaign,
  l.event_ts AS touch_ts,
  date_diff('minute', l.event_ts, o.order_ts) AS minutes_to_order
FROM orders AS o
LEFT JOIN last_touch AS l ON l.order_id = o.order_id
LEFT JOIN {{ ref('campaigns') }} AS c ON c.utm_campaign = l.utm_campaign
