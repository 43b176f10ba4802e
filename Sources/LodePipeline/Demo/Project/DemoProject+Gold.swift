extension DemoProject {
    /// The gold models: dimensions, the order-line fact and the marts built on them.
    static let goldSQL: KeyValuePairs<String, String> = [
        "dim_customers": #"""
        -- The customer dimension: one current row per customer with their company. The history
        -- of segment changes is kept as SCD type 2 rows (valid_from, valid_to, is_current).
        MODEL (
          kind SCD_TYPE_2_BY_COLUMN (unique_key customer_id, columns (segment)),
          tags (pii),
          grain customer_id,
          description 'Customers with their company; segment changes kept as history.'
        );

        SELECT
          c.customer_id,
          c.first_name,
          c.last_name,
          c.first_name || ' ' || c.last_name AS full_name,
          c.email,
          split_part(c.email, '@', 2) AS email_domain,
          c.phone,
          c.segment,
          c.country,
          c.company_id,
          co.company_name,
          co.industry,
          c.created_at AS customer_since,
          c.updated_at
        FROM silver.customers AS c
        LEFT JOIN silver.companies AS co ON co.company_id = c.company_id
        """#,

        "dim_products": #"""
        -- The product dimension, with a price band for reporting.
        MODEL (
          kind FULL,
          grain product_id,
          description 'Products with category, brand and price band.'
        );

        SELECT
          product_id,
          sku,
          product_name,
          category,
          subcategory,
          brand,
          list_price_usd,
          CASE
            WHEN list_price_usd < 50 THEN 'budget'
            WHEN list_price_usd < 200 THEN 'mid'
            ELSE 'premium'
          END AS price_band,
          is_active,
          launched_on
        FROM silver.products
        """#,

        "dim_date": #"""
        -- A calendar covering every day from the first to the last order.
        MODEL (
          kind FULL,
          grain date_day,
          description 'One row per calendar day of the order history.'
        );

        WITH digits AS (
          SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
          UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
        ),
        day_numbers AS (
          SELECT ones.d + 10 * tens.d + 100 * hundreds.d + 1000 * thousands.d AS n
          FROM digits AS ones
          CROSS JOIN digits AS tens
          CROSS JOIN digits AS hundreds
          CROSS JOIN digits AS thousands
        ),
        bounds AS (
          SELECT min(order_date) AS first_day, max(order_date) AS last_day FROM silver.orders
        ),
        days AS (
          SELECT first_day + n AS date_day
          FROM bounds CROSS JOIN day_numbers
          WHERE n <= date_diff('day', first_day, last_day)
        )
        SELECT
          date_day,
          CAST(year(date_day) * 10000 + month(date_day) * 100 + day(date_day) AS INTEGER) AS date_key,
          CAST(year(date_day) AS INTEGER) AS year,
          CAST(quarter(date_day) AS INTEGER) AS quarter,
          CAST(month(date_day) AS INTEGER) AS month,
          monthname(date_day) AS month_name,
          CAST(day(date_day) AS INTEGER) AS day_of_month,
          CAST(dayofweek(date_day) AS INTEGER) AS day_of_week,
          dayname(date_day) AS day_name,
          CAST(week(date_day) AS INTEGER) AS week_of_year,
          dayofweek(date_day) IN (0, 6) AS is_weekend
        FROM days
        """#,

        "fact_orders": #"""
        -- Order lines with their order's context and amounts converted to US dollars at the
        -- order day's rate. Only new order lines are processed on each run and merged by line id.
        MODEL (
          kind INCREMENTAL_BY_UNIQUE_KEY (unique_key order_item_id),
          new_rows_from (silver.order_items),
          grain order_item_id,
          description 'One row per order line, amounts in the order currency and in USD.'
        );

        EXPECT converted (net_amount_usd IS NOT NULL) ON VIOLATION FAIL;

        WITH lines AS (
          SELECT
            i.order_item_id,
            i.order_id,
            o.order_date,
            o.order_ts,
            o.customer_id,
            i.product_id,
            o.status,
            o.channel,
            o.shipping_country,
            o.currency,
            i.quantity,
            i.unit_price,
            i.discount_pct,
            i.quantity * i.unit_price AS gross_amount,
            CAST(i.quantity * i.unit_price * (100 - i.discount_pct) * 0.01 AS DECIMAL(14, 2)) AS net_amount,
            r.units_per_usd
          FROM silver.order_items AS i
          JOIN silver.orders AS o ON o.order_id = i.order_id
          LEFT JOIN silver.fx_rates AS r ON r.rate_date = o.order_date AND r.currency = o.currency
        )
        SELECT
          order_item_id,
          order_id,
          order_date,
          order_ts,
          customer_id,
          product_id,
          status,
          status NOT IN ('cancelled', 'returned') AS is_revenue,
          channel,
          shipping_country,
          currency,
          quantity,
          unit_price,
          discount_pct,
          gross_amount,
          net_amount,
          units_per_usd,
          CAST(gross_amount / units_per_usd AS DECIMAL(14, 2)) AS gross_amount_usd,
          CAST(net_amount / units_per_usd AS DECIMAL(14, 2)) AS net_amount_usd
        FROM lines
        """#,

        "customer_segments": #"""
        -- Each customer's purchase history summed up, with a value tier and a lifecycle stage
        -- measured against the last day of orders.
        MODEL (
          kind FULL,
          grain customer_id,
          description 'Revenue, order frequency and recency per customer, with value tier and lifecycle stage.'
        );

        WITH orders AS (
          SELECT
            customer_id,
            order_id,
            min(order_date) AS order_date,
            sum(CASE WHEN is_revenue THEN net_amount_usd ELSE 0 END) AS revenue_usd
          FROM gold.fact_orders
          GROUP BY customer_id, order_id
        ),
        per_customer AS (
          SELECT
            customer_id,
            count(*) AS order_count,
            min(order_date) AS first_order_date,
            max(order_date) AS last_order_date,
            sum(revenue_usd) AS lifetime_revenue_usd
          FROM orders
          GROUP BY customer_id
        ),
        as_of AS (
          SELECT max(order_date) AS last_day FROM gold.fact_orders
        )
        SELECT
          c.customer_id,
          c.segment,
          c.country,
          coalesce(p.order_count, 0) AS order_count,
          p.first_order_date,
          p.last_order_date,
          CAST(coalesce(p.lifetime_revenue_usd, 0) AS DECIMAL(18, 2)) AS lifetime_revenue_usd,
          p.lifetime_revenue_usd / p.order_count AS avg_order_value_usd,
          date_diff('day', p.last_order_date, a.last_day) AS days_since_last_order,
          CASE
            WHEN coalesce(p.lifetime_revenue_usd, 0) >= 2500 THEN 'high'
            WHEN coalesce(p.lifetime_revenue_usd, 0) >= 1000 THEN 'medium'
            WHEN p.order_count > 0 THEN 'low'
            ELSE 'none'
          END AS value_tier,
          CASE
            WHEN p.order_count IS NULL THEN 'prospect'
            WHEN p.order_count = 1 THEN 'new'
            WHEN date_diff('day', p.last_order_date, a.last_day) <= 7 THEN 'active'
            ELSE 'lapsing'
          END AS lifecycle_stage
        FROM silver.customers AS c
        CROSS JOIN as_of AS a
        LEFT JOIN per_customer AS p ON p.customer_id = c.customer_id
        """#,

        "product_performance": #"""
        -- Sales per product, ranked within its category.
        MODEL (
          kind FULL,
          grain product_id,
          description 'Units, orders, revenue and return rate per product, ranked by revenue within its category.'
        );

        WITH sales AS (
          SELECT
            product_id,
            count(*) AS line_count,
            count(DISTINCT order_id) AS order_count,
            sum(CASE WHEN is_revenue THEN quantity ELSE 0 END) AS units_sold,
            sum(CASE WHEN is_revenue THEN net_amount_usd ELSE 0 END) AS revenue_usd,
            sum(CASE WHEN status = 'returned' THEN 1 ELSE 0 END) AS returned_lines
          FROM gold.fact_orders
          GROUP BY product_id
        )
        SELECT
          p.product_id,
          p.product_name,
          p.category,
          p.brand,
          p.price_band,
          coalesce(s.order_count, 0) AS order_count,
          coalesce(s.units_sold, 0) AS units_sold,
          CAST(coalesce(s.revenue_usd, 0) AS DECIMAL(18, 2)) AS revenue_usd,
          CAST(s.returned_lines / s.line_count AS DECIMAL(5, 4)) AS return_rate,
          rank() OVER (PARTITION BY p.category ORDER BY coalesce(s.revenue_usd, 0) DESC, p.product_id) AS category_rank
        FROM gold.dim_products AS p
        LEFT JOIN sales AS s ON s.product_id = p.product_id
        """#,

        "marketing_attribution": #"""
        -- Last-touch attribution: each order is credited to the latest campaign visit (a web event
        -- with UTM fields) of the same customer in the 30 days before it. Visits made before
        -- logging in count for the customer who logged in later in the same session.
        MODEL (
          kind FULL,
          grain order_id,
          description 'One row per order with the campaign of its last marketing touch.'
        );

        WITH session_customers AS (
          SELECT session_id, max(customer_id) AS customer_id
          FROM silver.web_events
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
          FROM silver.web_events AS e
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
          FROM gold.fact_orders
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
        LEFT JOIN silver.campaigns AS c ON c.utm_campaign = l.utm_campaign
        """#,

        "daily_revenue": #"""
        -- Revenue, orders and ad spend per day in US dollars, with return on ad spend.
        MODEL (
          kind FULL,
          grain date_day,
          description 'Daily orders, revenue and ad spend in USD.'
        );

        WITH sales AS (
          SELECT
            order_date,
            count(DISTINCT order_id) AS order_count,
            count(DISTINCT customer_id) AS customer_count,
            count(*) AS line_count,
            sum(CASE WHEN is_revenue THEN quantity ELSE 0 END) AS units_sold,
            sum(gross_amount_usd) AS gross_revenue_usd,
            sum(CASE WHEN is_revenue THEN net_amount_usd ELSE 0 END) AS net_revenue_usd,
            sum(CASE WHEN status = 'returned' THEN net_amount_usd ELSE 0 END) AS returned_usd
          FROM gold.fact_orders
          GROUP BY order_date
        ),
        spend AS (
          SELECT
            a.spend_date,
            sum(CAST(a.spend / r.units_per_usd AS DECIMAL(14, 2))) AS ad_spend_usd,
            sum(a.clicks) AS clicks
          FROM silver.ad_spend AS a
          JOIN silver.fx_rates AS r ON r.rate_date = a.spend_date AND r.currency = a.currency
          GROUP BY a.spend_date
        )
        SELECT
          d.date_day,
          d.day_name,
          d.is_weekend,
          coalesce(s.order_count, 0) AS order_count,
          coalesce(s.customer_count, 0) AS customer_count,
          coalesce(s.line_count, 0) AS line_count,
          coalesce(s.units_sold, 0) AS units_sold,
          CAST(coalesce(s.gross_revenue_usd, 0) AS DECIMAL(18, 2)) AS gross_revenue_usd,
          CAST(coalesce(s.net_revenue_usd, 0) AS DECIMAL(18, 2)) AS net_revenue_usd,
          CAST(coalesce(s.returned_usd, 0) AS DECIMAL(18, 2)) AS returned_usd,
          CAST(coalesce(p.ad_spend_usd, 0) AS DECIMAL(18, 2)) AS ad_spend_usd,
          coalesce(p.clicks, 0) AS clicks,
          CAST(coalesce(s.net_revenue_usd, 0) / nullif(p.ad_spend_usd, 0) AS DECIMAL(10, 3)) AS roas
        FROM gold.dim_date AS d
        LEFT JOIN sales AS s ON s.order_date = d.date_day
        LEFT JOIN spend AS p ON p.spend_date = d.date_day
        """#,
    ]
}
