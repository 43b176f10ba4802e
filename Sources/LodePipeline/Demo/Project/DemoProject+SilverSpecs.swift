extension DemoProject {
    /// The silver models' specs: column docs, `pii` tags and tests.
    static let silverSpecs: KeyValuePairs<String, String> = [
        "companies": #"""
        description: CRM companies, one row per company.
        columns:
          company_id:
            description: The CRM's company key (CO0001).
            tests: [not_null, unique]
          company_name:
            tests: [not_null]
          industry:
            tests:
              - accepted_values: {values: [Retail, Software, Manufacturing, Healthcare, Finance, Education, Media]}
          employee_count:
            description: Head count as exported; blank in some records.
            tests:
              - null_percentage: {max: 0.2, severity: warn}
        tests:
          - row_count: {min: 1}
        """#,

        "customers": #"""
        description: CRM contacts as customers, one row per contact (the latest export wins).
        columns:
          customer_id:
            description: The CRM's contact key (C000001).
            tests: [not_null, unique]
          first_name:
            tags: [pii]
          last_name:
            tags: [pii]
          email:
            description: Lower-cased; NULL when blank or malformed in the CRM.
            tags: [pii]
            tests:
              - unique: {severity: warn}
              - null_percentage: {max: 0.02, severity: warn, name: email_mostly_present}
              - null_percentage: {max: 0.25}
          phone:
            description: E.164 (+1XXXXXXXXXX); NULL when blank or malformed in the CRM.
            tags: [pii]
            tests:
              - null_percentage: {max: 0.35}
          company_id:
            tests:
              - relationships: {to: silver.companies, field: company_id}
          segment:
            tests:
              - not_null
              - accepted_values: {values: [consumer, small_business, enterprise]}
          country:
            tests:
              - accepted_values: {values: [US, GB, DE, FR, ES, JP, CA, NL]}
          updated_at:
            tests:
              - freshness: {max_age: 3650 days}
        tests:
          - row_count: {min: 10}
          - sql:
              name: updated_after_created
              query: SELECT * FROM {{ this }} WHERE updated_at < created_at
        """#,

        "products": #"""
        description: Catalog products, one row per product.
        columns:
          product_id:
            tests: [not_null, unique]
          sku:
            tests: [not_null]
          category:
            tests:
              - accepted_values: {values: [Electronics, Home, Apparel, Sports, Books]}
          list_price_usd:
            tests: [not_null]
          launched_on:
            tests:
              - null_percentage: {max: 0}
        tests:
          - row_count: {min: 20}
        """#,

        "orders": #"""
        description: Orders, one row per order.
        columns:
          order_id:
            tests: [not_null, unique]
          customer_id:
            description: A few orders come from customer ids the CRM does not know.
            tests:
              - not_null
              - relationships: {to: silver.customers, field: customer_id, severity: warn}
          order_ts:
            tests:
              - not_null
              - freshness: {max_age: 2 days, severity: warn, name: orders_arrive_daily}
          status:
            tests:
              - accepted_values: {values: [completed, shipped, cancelled, returned, pending]}
          currency:
            tests:
              - accepted_values: {values: [USD, EUR, GBP, JPY, CAD]}
          channel:
            tests:
              - accepted_values: {values: [web, mobile, store]}
        tests:
          - row_count: {min: 20}
          - volume_anomaly: {tolerance: 0.5, min_runs: 3}
        """#,

        "order_items": #"""
        description: Order lines that can be valued; the rest are in silver.order_items__quarantine.
        columns:
          order_item_id:
            tests: [not_null, unique]
          order_id:
            tests:
              - not_null
              - relationships: {to: silver.orders, field: order_id}
          product_id:
            tests:
              - relationships: {to: silver.products, field: product_id}
          quantity:
            tests: [not_null]
          discount_pct:
            tests:
              - accepted_values: {values: ['0', '5', '10', '15', '20', '25']}
        tests:
          - row_count: {min: 20}
          - volume_anomaly: {tolerance: 0.5}
          - sql:
              name: positive_quantities
              query: SELECT * FROM {{ this }} WHERE quantity <= 0 OR unit_price < 0
        """#,

        "web_events": #"""
        description: Web events, one row per event id.
        columns:
          event_id:
            tests: [not_null, unique]
          event_type:
            tests:
              - accepted_values: {values: [page_view, add_to_cart, purchase]}
          event_ts:
            tests:
              - freshness: {max_age: 1 day, severity: warn, name: tracker_is_live}
          customer_id:
            description: Empty for visitors who have not logged in.
            tests:
              - relationships: {to: silver.customers, field: customer_id, severity: warn}
              - null_percentage: {max: 0.9}
          device:
            tests:
              - accepted_values: {values: [desktop, mobile, tablet]}
        tests:
          - row_count: {min: 100}
          - volume_anomaly: {tolerance: 0.5}
          - sql:
              name: purchases_name_an_order
              query: SELECT * FROM {{ this }} WHERE event_type = 'purchase' AND order_id IS NULL
        """#,

        "fx_rates": #"""
        description: Daily FX rates against the US dollar.
        columns:
          rate_date:
            tests: [not_null]
          currency:
            tests:
              - accepted_values: {values: [USD, EUR, GBP, JPY, CAD]}
          units_per_usd:
            tests: [not_null]
        tests:
          - row_count: {min: 5}
          - sql:
              name: one_rate_per_day_and_currency
              query: SELECT rate_date, currency FROM {{ this }} GROUP BY rate_date, currency HAVING count(*) > 1
          - sql:
              name: usd_is_the_base
              query: SELECT * FROM {{ this }} WHERE currency = 'USD' AND units_per_usd <> 1
        """#,

        "campaigns": #"""
        description: Marketing campaigns.
        columns:
          campaign_id:
            tests: [not_null, unique]
          utm_campaign:
            tests: [not_null, unique]
          channel:
            tests:
              - accepted_values: {values: [paid_search, social, email, display, affiliate]}
        tests:
          - row_count: {min: 1, max: 1000}
          - sql:
              name: ends_after_start
              query: SELECT * FROM {{ this }} WHERE end_date < start_date
        """#,

        "ad_spend": #"""
        description: Daily spend per campaign, in the billing currency.
        columns:
          spend_date:
            tests: [not_null]
          campaign_id:
            tests:
              - not_null
              - relationships: {to: silver.campaigns, field: campaign_id}
          currency:
            tests:
              - accepted_values: {values: [USD, EUR]}
        tests:
          - row_count: {min: 1}
          - sql:
              name: one_row_per_campaign_and_day
              query: SELECT spend_date, campaign_id FROM {{ this }} GROUP BY spend_date, campaign_id HAVING count(*) > 1
        """#,
    ]
}
