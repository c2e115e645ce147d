#!/usr/bin/env python3
"""The anchors of `scripts/bench-anchors.sh`: the same RFM job in pandas, Polars
and DuckDB (issue #16; not a test).

    VENV/bin/python benches/anchors/anchors.py CLEAN_CSV

The job, as our `rfm` with `method: "quintile"` does it: per customer the last
purchase date, the number of distinct orders (invoice numbers), the total, and
the R score by quintile, R = 1 + ⌊5 × (customers whose last purchase is
strictly older) / n⌋ (= 1 + ⌊5 × (rank, ties at their lowest place, − 1) / n⌋).
Each engine is given the file's layout (separator, column types, date format),
which our reader has to find out by itself. Each job runs once to warm up,
then three times timed (reading the file is inside the clock; the result is
materialised: a data frame or NumPy arrays). Prints one JSON line per engine
with its best and median seconds and the check figures (see
examples/bench_anchors.rs), computed from its result outside the clock.
"""

import json
import os
import sys
import time

import numpy as np

RUNS = 3
SQL = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rfm.sql"), encoding="utf-8").read()


def checks(last_day, orders, total, r):
    """The check figures from per-customer arrays (last day as days since 1970)."""
    last_day, orders, total, r = (np.asarray(a, dtype=np.int64) for a in (last_day, orders, total, r))
    return {
        "customers": int(len(r)),
        "revenue": int(total.sum()),
        "orders": int(orders.sum()),
        "sumR": int(r.sum()),
        "sumLastDay": int(last_day.sum()),
        "revenueTimesR": int((total * r).sum()),
        "ordersTimesLastDay": int((orders * last_day).sum()),
    }


def pandas_job(path):
    import pandas as pd

    df = pd.read_csv(path, sep=";", dtype={"pelanggan": "str", "no_faktur": "str", "jumlah": "int64"})
    df["tanggal"] = pd.to_datetime(df["tanggal"], format="%d/%m/%Y")
    c = df.groupby("pelanggan").agg(
        last=("tanggal", "max"), orders=("no_faktur", "nunique"), total=("jumlah", "sum")
    )
    c["r"] = 1 + (5 * (c["last"].rank(method="min").astype("int64") - 1)) // len(c)
    return c


def pandas_checks(c):
    last = (c["last"] - np.datetime64("1970-01-01")).dt.days
    return checks(last, c["orders"], c["total"], c["r"])


def polars_job(path):
    import polars as pl

    return (
        pl.scan_csv(path, separator=";", schema_overrides={"pelanggan": pl.String, "no_faktur": pl.String})
        .with_columns(pl.col("tanggal").str.to_date("%d/%m/%Y"))
        .group_by("pelanggan")
        .agg(
            pl.col("tanggal").max().alias("last"),
            pl.col("no_faktur").n_unique().alias("orders"),
            pl.col("jumlah").sum().alias("total"),
        )
        .with_columns(
            (1 + (5 * (pl.col("last").rank("min").cast(pl.Int64) - 1)) // pl.len()).alias("r")
        )
        .collect()
    )


def polars_checks(c):
    import polars as pl

    last = c["last"].cast(pl.Int32).to_numpy()
    return checks(last, c["orders"].to_numpy(), c["total"].to_numpy(), c["r"].to_numpy())


DUCKDB = []  # one connection, opened outside the clock


def duckdb_job(path):
    import duckdb

    if not DUCKDB:
        DUCKDB.append(duckdb.connect())
    return DUCKDB[0].execute(SQL.replace("{path}", path.replace("'", "''"))).fetchnumpy()


def duckdb_checks(c):
    last = np.asarray(c["last"]).astype("datetime64[D]").astype(np.int64)
    return checks(last, c["orders"], c["total"], c["r"])


def measure(job, path):
    job(path)
    times, out = [], None
    for _ in range(RUNS):
        t = time.perf_counter()
        out = job(path)
        times.append(time.perf_counter() - t)
    times.sort()
    return times[0], times[RUNS // 2], out


def main():
    path = os.path.abspath(sys.argv[1])
    file = os.path.splitext(os.path.basename(path))[0]
    import duckdb
    import pandas
    import polars

    versions = {
        "pandas": f"pandas {pandas.__version__}",
        "polars": f"Polars {polars.__version__} ({polars.thread_pool_size()} threads)",
        "duckdb": f"DuckDB {duckdb.__version__} (threads {duckdb.connect().execute('SELECT current_setting(' + chr(39) + 'threads' + chr(39) + ')').fetchone()[0]})",
    }
    for name, job, check in (
        ("pandas", pandas_job, pandas_checks),
        ("polars", polars_job, polars_checks),
        ("duckdb", duckdb_job, duckdb_checks),
    ):
        best, median, out = measure(job, path)
        print(
            json.dumps(
                {
                    "engine": name,
                    "label": versions[name],
                    "file": file,
                    "best": round(best, 4),
                    "median": round(median, 4),
                    "checks": check(out),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
