extension DemoProject {
    /// The gold models' specs: column docs, `pii` tags and tests.
    static let goldSpecs: KeyValuePairs<String, String> = [
        "dim_customers": #"""
        description: >
          The customer dimension. Segment changes are kept as history: valid_from, valid_to and
          is_current say which version applies when.
        columns:
          customer_id:
            description: The CRM's contact key.
            tests: [not_null]
          first_name:
            tags: [pii]
          last_name:
            tags: [pii]
          full_name:
            tags: [pii]
          email:
            tags: [pii]
            tests:
              - null_percentage: {max: 0.25}
          phone:
            tags: [pii]
          email_domain:
            description: The part of the email after the @; not personal.
          segment:
            tests:
              - not_null
              - accepted_values: {values: [consumer, small_business, enterprise]}
          company_id:
            tests:
              - relationships: {to: silver.companies, field: company_id}
        tests:
          - row_count: {min: 10}
          - sql:
              name: one_current_row_per_customer
              query: SELECT customer_id FROM {{ this }} GROUP BY customer_id HAVING sum(CASE WHEN is_current THEN 1 ELSE 0 END) <> 1
        """#,

        "dim_products": #"""
        description: The product dimension.
        columns:
          product_id:
            tests: [not_null, unique]
          category:
            tests:
              - not_null
              - accepted_values: {values: [Electronics, Home, Apparel, Sports, Books]}
          price_band:
            tests:
              - accepted_values: {values: [budget, mid, premium]}
          is_active:
            tests: [not_null]
        tests:
          - row_count: {min: 20}
        """#,

        "dim_date": #"""
        description: The calendar of the order history.
        columns:
          date_day:
            tests: [not_null, unique]
          date_key:
            tests: [unique]
          day_of_week:
            description: 0 is Sunday.
            tests:
              - accepted_values: {values: ['0', '1', '2', '3', '4', '5', '6']}
        tests:
          - row_count: {min: 1, max: 10000}
          - sql:
              name: no_gaps
              query: >
                SELECT * FROM (SELECT count(*) AS days, min(date_day) AS first_day, max(date_day) AS last_day FROM {{ this }}) AS span
                WHERE days <> date_diff('day', first_day, last_day) + 1
        """#,

        "fact_orders": #"""
        description: One row per order line; amounts in the order currency and in US dollars.
        columns:
          order_item_id:
            tests: [not_null, unique]
          order_id:
            tests: [not_null]
          order_date:
            tests:
              - not_null
              - relationships: {to: gold.dim_date, field: date_day}
              - freshness: {max_age: 3650 days}
          customer_id:
            description: Orders from customers missing in the CRM keep their id and are flagged by this warning.
            tests:
              - relationships: {to: gold.dim_customers, field: customer_id, severity: warn}
          product_id:
            tests:
              - relationships: {to: gold.dim_products, field: product_id}
          currency:
            tests:
              - accepted_values: {values: [USD, EUR, GBP, JPY, CAD]}
          net_amount_usd:
            tests: [not_null]
          units_per_usd:
            tests:
              - null_percentage: {max: 0}
        tests:
          - row_count: {min: 20}
          - volume_anomaly: {tolerance: 0.5, min_runs: 3}
          - sql:
              name: net_within_gross
              query: SELECT * FROM {{ this }} WHERE net_amount_usd < 0 OR net_amount_usd > gross_amount_usd + 0.01
        """#,

        "customer_segments": #"""
        description: Purchase history per customer with value tier and lifecycle stage.
        columns:
          customer_id:
            tests: [not_null, unique]
          value_tier:
            tests:
              - accepted_values: {values: [high, medium, low, none]}
          lifecycle_stage:
            tests:
              - accepted_values: {values: [prospect, new, active, lapsing]}
          lifetime_revenue_usd:
            tests: [not_null]
        tests:
          - row_count: {min: 10}
          - sql:
              name: prospects_have_no_orders
              query: SELECT * FROM {{ this }} WHERE lifecycle_stage = 'prospect' AND order_count > 0
        """#,

        "product_performance": #"""
        description: Sales per product, ranked within its category.
        columns:
          product_id:
            tests:
              - not_null
              - unique
              - relationships: {to: gold.dim_products, field: product_id}
          return_rate:
            description: NULL for products that never sold.
            tests:
              - null_percentage: {max: 0.5}
          category_rank:
            tests: [not_null]
        tests:
          - row_count: {min: 20}
          - sql:
              name: return_rate_is_a_share
              query: SELECT * FROM {{ this }} WHERE return_rate < 0 OR return_rate > 1
        """#,

        "marketing_attribution": #"""
        description: One row per order with the campaign of its last marketing touch.
        columns:
          order_id:
            tests: [not_null, unique]
          attribution:
            tests:
              - accepted_values: {values: [last_touch, direct]}
          campaign_id:
            description: NULL for orders without a campaign visit in the 30 days before.
            tests:
              - relationships: {to: silver.campaigns, field: campaign_id}
              - null_percentage: {min: 0.01, max: 0.9}
          minutes_to_order:
            tests:
              - null_percentage: {max: 0.9}
        tests:
          - row_count: {min: 20}
          - sql:
              name: touch_before_order
              query: SELECT * FROM {{ this }} WHERE minutes_to_order < 0
        """#,

        "daily_revenue": #"""
        description: Orders, revenue and ad spend per day, in US dollars.
        columns:
          date_day:
            tests:
              - not_null
              - unique
              - relationships: {to: gold.dim_date, field: date_day}
          net_revenue_usd:
            tests: [not_null]
          roas:
            description: Net revenue per dollar of ad spend.
        tests:
          - row_count: {min: 1}
          - volume_anomaly: {tolerance: 0.5}
          - sql:
              name: matches_fact_orders
              query: >
                SELECT * FROM (SELECT sum(net_revenue_usd) AS total FROM {{ this }}) AS daily
                CROSS JOIN (SELECT sum(net_amount_usd) AS total FROM gold.fact_orders WHERE is_revenue) AS lines
                WHERE abs(daily.total - lines.total) > 0.01
        """#,
    ]
}
