-- silver.customers: EXPECT known_segment (segment IN ('consumer', 'small_business', 'enterprise')) ON VIOLATION FAIL
SELECT * FROM {{ ref('customers') }} WHERE (segment IN ('consumer', 'small_business', 'enterprise')) IS NOT TRUE
