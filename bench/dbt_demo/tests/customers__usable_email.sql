-- silver.customers: EXPECT usable_email (email IS NOT NULL) ON VIOLATION WARN
{{ config(severity='warn') }}
SELECT * FROM {{ ref('customers') }} WHERE (email IS NOT NULL) IS NOT TRUE
