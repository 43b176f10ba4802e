{{ config(alias='fx_rates') }}
{{ bronze_json('fx_rates', 'fx/fx_rates_*.json', columns={
    'date': 'VARCHAR', 'base': 'VARCHAR', 'currency': 'VARCHAR', 'rate': 'DOUBLE'}) }}
