-- A calendar covering every day from the first to the last order.
-- Lode: kind FULL.

WITH digits AS (
  SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
  UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
),
day_numbers AS (
  SELECT ones.d + 10 * tens.d + 100 * hundreds.d + 1000 * thousands.d AS n
  FROM digits AS ones
  CROSS JOIN digits AS tens
  CROSS JOIN digits AS hundreds
  CROSS JOIN digits AS thousands
),
bounds AS (
  SELECT min(order_date) AS first_day, max(order_date) AS last_day FROM {{ ref('orders') }}
),
days AS (
  SELECT first_day + n AS date_day
  FROM bounds CROSS JOIN day_numbers
  WHERE n <= date_diff('day', first_day, last_day)
)
SELECT
  date_day,
  CAST(year(date_day) * 10000 + month(date_day) * 100 + day(date_day) AS INTEGER) AS date_key,
  CAST(year(date_day) AS INTEGER) AS year,
  CAST(quarter(date_day) AS INTEGER) AS quarter,
  CAST(month(date_day) AS INTEGER) AS month,
  monthname(date_day) AS month_name,
  CAST(day(date_day) AS INTEGER) AS day_of_month,
  CAST(dayofweek(date_day) AS INTEGER) AS day_of_week,
  dayname(date_day) AS day_name,
  CAST(week(date_day) AS INTEGER) AS week_of_year,
  dayofweek(date_day) IN (0, 6) AS is_weekend
FROM days
