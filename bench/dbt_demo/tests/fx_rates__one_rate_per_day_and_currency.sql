-- silver.fx_rates: one_rate_per_day_and_currency
SELECT rate_date, currency FROM {{ ref('fx_rates') }} GROUP BY rate_date, currency HAVING count(*) > 1
