{{ config(alias='crm_contacts') }}
{{ bronze_csv('crm_contacts', 'crm/contacts.csv', not_null=['contact_id']) }}
