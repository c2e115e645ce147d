-- The RFM job of scripts/bench-anchors.sh in SQL (DuckDB natively and DuckDB-wasm):
-- per customer the last date, distinct orders, total, and the R score by quintile,
-- R = 1 + floor(5 * (customers with a strictly older last purchase) / n).
-- {path} is replaced by the file's name.
WITH c AS (
  SELECT pelanggan, max(tanggal) AS last, count(DISTINCT no_faktur) AS orders,
         sum(jumlah) AS total
  FROM read_csv('{path}', delim = ';', header = true, dateformat = '%d/%m/%Y',
                columns = {'tanggal': 'DATE', 'pelanggan': 'VARCHAR',
                           'no_faktur': 'VARCHAR', 'jumlah': 'BIGINT'})
  GROUP BY pelanggan)
SELECT pelanggan, last, orders, total,
       1 + (5 * (rank() OVER (ORDER BY last) - 1)) // count(*) OVER () AS r
FROM c
