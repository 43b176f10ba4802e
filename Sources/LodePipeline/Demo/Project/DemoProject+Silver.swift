extension DemoProject {
    /// The silver models: one per raw feed, cleaning, typing, deduplicating and standardizing it.
    static let silverSQL: KeyValuePairs<String, String> = [
        "companies": #"""
        -- One row per CRM company: names trimmed, countries upper-cased, head counts typed.
        MODEL (
          kind FULL,
          description 'CRM companies, cleaned and deduplicated.'
        );

        EXPECT company_id_present (company_id IS NOT NULL) ON VIOLATION DROP ROW;

        SELECT
          upper(trim(company_id)) AS company_id,
          trim(company_name) AS company_name,
          trim(industry) AS industry,
          upper(trim(country)) AS country,
          TRY_CAST(employee_count AS INTEGER) AS employee_count
        FROM bronze.crm_companies
        QUALIFY row_number() OVER (PARTITION BY upper(trim(company_id)) ORDER BY _ingested_at DESC) = 1
        """#,

        "customers": #"""
        -- One row per CRM contact, the latest export of each: names in one casing, emails
        -- lower-cased and validated, phone numbers in E.164 form; malformed values become NULL.
        MODEL (
          kind FULL,
          tags (pii),
          description 'CRM contacts as customers, cleaned, standardized and deduplicated.'
        );

        EXPECT usable_email (email IS NOT NULL) ON VIOLATION WARN;
        EXPECT known_segment (segment IN ('consumer', 'small_business', 'enterprise')) ON VIOLATION FAIL;

        WITH latest AS (
          SELECT
            *,
            regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') AS phone_digits,
            lower(trim(email)) AS email_text
          FROM bronze.crm_contacts
          QUALIFY row_number() OVER (
            PARTITION BY upper(trim(contact_id))
            ORDER BY TRY_CAST(updated_at AS TIMESTAMP) DESC, _ingested_at DESC
          ) = 1
        )
        SELECT
          upper(trim(contact_id)) AS customer_id,
          upper(left(trim(first_name), 1)) || lower(substr(trim(first_name), 2)) AS first_name,
          upper(left(trim(last_name), 1)) || lower(substr(trim(last_name), 2)) AS last_name,
          CASE WHEN regexp_matches(email_text, '^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$') THEN email_text END AS email,
          CASE
            WHEN length(phone_digits) = 10 THEN '+1' || phone_digits
            WHEN length(phone_digits) = 11 AND left(phone_digits, 1) = '1' THEN '+' || phone_digits
          END AS phone,
          nullif(upper(trim(company_id)), '') AS company_id,
          lower(trim(segment)) AS segment,
          upper(trim(country)) AS country,
          CAST(created_at AS TIMESTAMP) AS created_at,
          CAST(updated_at AS TIMESTAMP) AS updated_at
        FROM latest
        """#,

        "products": #"""
        -- The product catalog: categories in one casing, prices as decimals.
        MODEL (
          kind FULL,
          description 'Catalog products, typed and standardized.'
        );

        EXPECT priced (list_price_usd > 0) ON VIOLATION QUARANTINE;

        SELECT
          upper(trim(product_id)) AS product_id,
          sku,
          trim(name) AS product_name,
          upper(left(trim(category), 1)) || lower(substr(trim(category), 2)) AS category,
          trim(subcategory) AS subcategory,
          trim(brand) AS brand,
          CAST(list_price_usd AS DECIMAL(10, 2)) AS list_price_usd,
          CAST(active AS BOOLEAN) AS is_active,
          CAST(launched_on AS DATE) AS launched_on
        FROM bronze.products
        QUALIFY row_number() OVER (PARTITION BY upper(trim(product_id)) ORDER BY _ingested_at DESC) = 1
        """#,

        "orders": #"""
        -- Orders, typed, with statuses and codes in one casing. New order files are merged in by
        -- order_id, so a re-delivered file replaces its rows instead of duplicating them.
        MODEL (
          kind INCREMENTAL_BY_UNIQUE_KEY (unique_key order_id),
          new_rows_from (bronze.orders),
          grain order_id,
          description 'Orders, cleaned and deduplicated.'
        );

        EXPECT has_customer (customer_id IS NOT NULL) ON VIOLATION QUARANTINE;

        SELECT
          upper(trim(order_id)) AS order_id,
          upper(trim(customer_id)) AS customer_id,
          CAST(order_ts AS TIMESTAMP) AS order_ts,
          CAST(CAST(order_ts AS TIMESTAMP) AS DATE) AS order_date,
          lower(trim(status)) AS status,
          upper(trim(currency)) AS currency,
          lower(trim(channel)) AS channel,
          upper(trim(shipping_country)) AS shipping_country
        FROM bronze.orders
        QUALIFY row_number() OVER (PARTITION BY upper(trim(order_id)) ORDER BY _ingested_at DESC) = 1
        """#,

        "order_items": #"""
        -- Order lines. Lines with a non-positive quantity or no price cannot be valued: they are
        -- set aside in silver.order_items__quarantine with the rule they broke.
        MODEL (
          kind INCREMENTAL_BY_UNIQUE_KEY (unique_key order_item_id),
          new_rows_from (bronze.order_items),
          grain order_item_id,
          description 'Order lines, typed and deduplicated; unusable lines quarantined.'
        );

        EXPECT positive_quantity (quantity > 0) ON VIOLATION QUARANTINE;
        EXPECT has_price (unit_price IS NOT NULL) ON VIOLATION QUARANTINE;
        EXPECT sane_discount (discount_pct BETWEEN 0 AND 100) ON VIOLATION FAIL;

        SELECT
          upper(trim(order_item_id)) AS order_item_id,
          upper(trim(order_id)) AS order_id,
          upper(trim(product_id)) AS product_id,
          CAST(quantity AS INTEGER) AS quantity,
          CAST(unit_price AS DECIMAL(12, 2)) AS unit_price,
          CAST(coalesce(discount_pct, 0) AS INTEGER) AS discount_pct
        FROM bronze.order_items
        QUALIFY row_number() OVER (PARTITION BY upper(trim(order_item_id)) ORDER BY _ingested_at DESC) = 1
        """#,

        "web_events": #"""
        -- Web events, one row per event id (the tracker sends about 1% twice). Late events land
        -- in the day they happened; the two-day lookback picks them up when they arrive late.
        MODEL (
          kind INCREMENTAL_BY_TIME_RANGE (time_column event_date, lookback 2),
          partitioned_by event_date,
          grain event_id,
          description 'Web events, typed and deduplicated.'
        );

        EXPECT has_event_id (event_id IS NOT NULL) ON VIOLATION DROP ROW;

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
        FROM bronze.web_events
        QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY _ingested_at, _file) = 1
        """#,

        "fx_rates": #"""
        -- Daily FX rates, one row per day and currency: how many units of the currency one US
        -- dollar buys.
        MODEL (
          kind FULL,
          grain (rate_date, currency),
          description 'Daily FX rates against the US dollar, one row per day and currency.'
        );

        EXPECT positive_rate (units_per_usd > 0) ON VIOLATION FAIL;
        EXPECT dollar_base (base = 'USD') ON VIOLATION DROP ROW;

        SELECT
          CAST(date AS DATE) AS rate_date,
          upper(trim(currency)) AS currency,
          upper(trim(base)) AS base,
          CAST(rate AS DOUBLE) AS units_per_usd
        FROM bronze.fx_rates
        QUALIFY row_number() OVER (PARTITION BY date, upper(trim(currency)) ORDER BY _ingested_at DESC) = 1
        """#,

        "campaigns": #"""
        -- Marketing campaigns with the UTM fields their links carry.
        MODEL (
          kind FULL,
          description 'Marketing campaigns, typed.'
        );

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
        FROM bronze.campaigns
        QUALIFY row_number() OVER (PARTITION BY upper(trim(campaign_id)) ORDER BY _ingested_at DESC) = 1
        """#,

        "ad_spend": #"""
        -- Daily ad spend per campaign, in the currency it was billed in.
        MODEL (
          kind INCREMENTAL_BY_UNIQUE_KEY (unique_key (spend_date, campaign_id)),
          new_rows_from (bronze.ad_spend),
          grain (spend_date, campaign_id),
          description 'Daily spend, impressions and clicks per campaign.'
        );

        EXPECT clicks_within_impressions (clicks <= impressions) ON VIOLATION FAIL;

        SELECT
          CAST(date AS DATE) AS spend_date,
          upper(trim(campaign_id)) AS campaign_id,
          CAST(spend AS DECIMAL(12, 2)) AS spend,
          upper(trim(currency)) AS currency,
          CAST(impressions AS BIGINT) AS impressions,
          CAST(clicks AS BIGINT) AS clicks
        FROM bronze.ad_spend
        QUALIFY row_number() OVER (PARTITION BY date, upper(trim(campaign_id)) ORDER BY _ingested_at DESC) = 1
        """#,
    ]
}
