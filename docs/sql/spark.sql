-- customer-metrics: the per-customer summary of a transaction table (Spark SQL, Databricks).
--
-- Input: a table `transactions` with one row per order (or per order line with
-- that line's own amount; a refund is a row of its own with a negative amount):
--   customer_id  text     the buyer; rows without one (walk-in sales) are left out
--   order_date   DATE     (a TIMESTAMP is cast to its date)
--   order_id     text     may be NULL: such a row is an order of its own
--   amount       number   positive = purchase, negative = refund, 0 = no purchase
-- Output: one row per customer, the `summary` input of rfm, lifecycle,
-- clvFromLog and predictClv (and of `customer-metrics … --summary`), with the
-- same figures as the rows themselves would give (README "The warehouse route"):
--   customer_id, first_purchase, last_purchase, orders, net_total, refunded,
--   last_date, x, t_x, T, zbar
-- in order of each customer's first row (as a log sorted by date lists them).
-- Write it out with: spark.sql(query).coalesce(1).write.option("header", True).csv(path)
-- Time unit of t_x and T: weeks (days / 7). For days, drop the "/ 7".
WITH tx AS (
  SELECT trim(CAST(customer_id AS STRING)) AS customer_id,
         CAST(order_date AS DATE) AS order_date,
         NULLIF(trim(CAST(order_id AS STRING)), '') AS order_id,
         amount
  FROM transactions
  WHERE customer_id IS NOT NULL AND trim(CAST(customer_id AS STRING)) <> ''
    AND order_date IS NOT NULL AND amount IS NOT NULL
),
-- The last date in the data (any row, refunds and zero amounts too): the
-- calibration end of the BTYD figures.
data_end AS (
  SELECT MAX(order_date) AS calibration_end FROM tx
),
-- RFM, lifecycle, CLV from a log: purchases are rows with amount > 0; orders
-- are the distinct order ids of purchase rows plus purchase rows without one;
-- refunds lower net_total and count for nothing else.
customers AS (
  SELECT customer_id,
         MIN(CASE WHEN amount > 0 THEN order_date END) AS first_purchase,
         MAX(CASE WHEN amount > 0 THEN order_date END) AS last_purchase,
         COUNT(DISTINCT CASE WHEN amount > 0 THEN order_id END)
           + COUNT(CASE WHEN amount > 0 AND order_id IS NULL THEN 1 END) AS orders,
         SUM(amount) AS net_total,
         SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS refunded,
         MIN(order_date) AS first_date,
         MAX(order_date) AS last_date
  FROM tx
  GROUP BY customer_id
),
-- BTYD (predictClv): a purchase day is a day with a row of amount >= 0 (a
-- zero amount counts here, as in the published CDNOW data the models are
-- checked on); its value is the sum of that day's amounts (same-day refunds
-- included). Refunds on other days are not used. x = purchase days - 1.
days AS (
  SELECT customer_id, order_date, SUM(amount) AS day_value
  FROM tx
  GROUP BY customer_id, order_date
  HAVING MAX(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) = 1
),
first_days AS (
  SELECT customer_id, order_date, day_value,
         MIN(order_date) OVER (PARTITION BY customer_id) AS first_day
  FROM days
),
btyd AS (
  SELECT customer_id,
         COUNT(*) - 1 AS x,
         MIN(first_day) AS first_day,
         MAX(order_date) AS last_day,
         SUM(CASE WHEN order_date > first_day THEN day_value ELSE 0 END) AS repeat_value
  FROM first_days
  GROUP BY customer_id
)
SELECT c.customer_id, c.first_purchase, c.last_purchase, c.orders, c.net_total,
       c.refunded, c.last_date,
       b.x,
       CAST(datediff(b.last_day, b.first_day) AS DOUBLE) / 7 AS t_x,
       CAST(datediff(e.calibration_end, b.first_day) AS DOUBLE) / 7 AS `T`,
       CASE WHEN b.x > 0 THEN CAST(b.repeat_value AS DOUBLE) / b.x
            WHEN b.x = 0 THEN 0 END AS zbar
FROM customers c
LEFT JOIN btyd b ON b.customer_id = c.customer_id
CROSS JOIN data_end e
ORDER BY c.first_date, c.customer_id;
