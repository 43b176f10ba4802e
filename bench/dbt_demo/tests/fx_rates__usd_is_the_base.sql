-- silver.fx_rates: usd_is_the_base
SELECT * FROM {{ ref('fx_rates') }} WHERE currency = 'USD' AND units_per_usd <> 1
