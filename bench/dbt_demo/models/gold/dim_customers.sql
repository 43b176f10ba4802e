-- The customer dimension: one current row per customer with their company. The history
-- of segment changes is kept as SCD type 2 rows (valid_from, valid_to, is_current).
-- Lode: kind SCD_TYPE_2_BY_COLUMN.
-- SCD type 2 in Lode; here a table holding the first build's versions: every customer current.

SELECT *, now() AS valid_from, CAST(NULL AS TIMESTAMP) AS valid_to, true AS is_current FROM (
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
FROM {{ ref('customers') }} AS c
LEFT JOIN {{ ref('companies') }} AS co ON co.company_id = c.company_id
) AS versions
