-- One row per CRM company: names trimmed, countries upper-cased, head counts typed.
-- Lode: kind FULL. EXPECT company_id_present (company_id IS NOT NULL) ON VIOLATION DROP ROW.
-- DROP ROW and QUARANTINE rules keep the rows that pass (quarantined rows are not kept);
-- WARN and FAIL rules are tests in the layer's yml.

SELECT * FROM (
SELECT
  upper(trim(company_id)) AS company_id,
  trim(company_name) AS company_name,
  trim(industry) AS industry,
  upper(trim(country)) AS country,
  TRY_CAST(employee_count AS INTEGER) AS employee_count
FROM {{ ref('bronze_crm_companies') }}
QUALIFY row_number() OVER (PARTITION BY upper(trim(company_id)) ORDER BY _ingested_at DESC) = 1
) AS computed
WHERE (company_id IS NOT NULL)
