-- gold.dim_customers: one_current_row_per_customer
SELECT customer_id FROM {{ ref('dim_customers') }} GROUP BY customer_id HAVING sum(CASE WHEN is_current THEN 1 ELSE 0 END) <> 1
