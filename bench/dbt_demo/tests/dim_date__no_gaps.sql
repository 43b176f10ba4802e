-- gold.dim_date: no_gaps
SELECT * FROM (SELECT count(*) AS days, min(date_day) AS first_day, max(date_day) AS last_day FROM {{ ref('dim_date') }}) AS span WHERE days <> date_diff('day', first_day, last_day) + 1
