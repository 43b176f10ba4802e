-- silver.campaigns: ends_after_start
SELECT * FROM {{ ref('campaigns') }} WHERE end_date < start_date
