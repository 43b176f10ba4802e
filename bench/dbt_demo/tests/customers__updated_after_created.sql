-- silver.customers: updated_after_created
SELECT * FROM {{ ref('customers') }} WHERE updated_at < created_at
