{{ config(alias='crm_companies') }}
{{ bronze_csv('crm_companies', 'crm/companies.csv', not_null=['company_id']) }}
