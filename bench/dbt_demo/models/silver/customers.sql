-- One row per CRM contact, the latest export of each: names in one casing, emails
-- lower-cased and validated, phone numbers in E.164 form; malformed values become NULL.
-- Lode: kind FULL. EXPECT usable_email (email IS NOT NULL) ON VIOLATION WARN. EXPECT known_segment (segment IN ('consumer', 'small_business', 'enterprise')) ON VIOLATION FAIL.

WITH latest AS (
  SELECT
    *,
    regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') AS phone_digits,
    lower(trim(email)) AS email_text
  FROM {{ ref('bronze_crm_contacts') }}
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
