#!/usr/bin/env python3
"""Writes the benchmark's sales logs (issue #16), deterministically.

    python3 benches/anchors/generate.py OUT_DIR [ROWS] [CUSTOMERS]

OUT_DIR/clean.csv: ROWS (default 1,000,000) rows of up to CUSTOMERS (default
100,000) customers, semicolon-separated, header `tanggal;pelanggan;no_faktur;jumlah`,
dates dd/mm/yyyy from 01/01/2024 to 30/06/2025 in order, whole-rupiah amounts
10,000 … 2,000,000, orders of 1–3 adjacent product lines (same customer, same
date, different amounts), about 45 MB.

OUT_DIR/messy.csv: the same rows written as people's exports write them:
amounts `Rp 1.250.000`, `1.250.000`, `Rp1.250.000,00`, `IDR 1.250.000` or
plain; dates dd/mm/yyyy, yyyy-mm-dd, `15 Januari 2025`, `15 Jan 2025` or
dd-mm-yyyy; names in varying case and spacing (`PELANGGAN 12 `,
` pelanggan  12`). Read with the README's rules it is the clean log again:
the same customers, orders, totals and last dates.

Stdlib only, its own PRNG (xorshift64*), so every Python gives the same bytes.
"""

import datetime
import os
import sys

MASK = (1 << 64) - 1


class Rng:
    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        s = self.s
        s ^= s >> 12
        s ^= (s << 25) & MASK
        s ^= s >> 27
        self.s = s
        return ((s * 0x2545F4914F6CDD1D) & MASK) % n


MONTHS_ID = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
MONTHS_SHORT = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()


def thousands(n):
    return f"{n:,}".replace(",", ".")


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    customers = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    os.makedirs(out, exist_ok=True)
    rng = Rng(0x9E3779B97F4A7C15)
    start = datetime.date(2024, 1, 1)
    days = 547  # 2024-01-01 … 2025-06-30
    day_text = []
    for d in range(days):
        t = start + datetime.timedelta(days=d)
        day_text.append(
            (
                f"{t.day:02}/{t.month:02}/{t.year}",
                t.isoformat(),
                f"{t.day} {MONTHS_ID[t.month - 1]} {t.year}",
                f"{t.day} {MONTHS_SHORT[t.month - 1]} {t.year}",
                f"{t.day:02}-{t.month:02}-{t.year}",
            )
        )
    clean = ["tanggal;pelanggan;no_faktur;jumlah\n"]
    messy = ["Tanggal;Nama Pelanggan;No. Faktur;Jumlah\n"]
    # Written every 100,000 rows: memory stays small for logs of 100 M rows.
    files = [
        open(os.path.join(out, path), "w", encoding="utf-8", newline="")
        for path in ("clean.csv", "messy.csv")
    ]

    def flush():
        for f, text in zip(files, (clean, messy)):
            f.write("".join(text))
            text.clear()

    row = 0
    order = 0
    while row < rows:
        order += 1
        # Skewed towards low ids: some customers buy much more than others.
        c = min(rng.below(customers), rng.below(customers) + rng.below(customers // 2 + 1))
        lines = (1, 1, 1, 1, 1, 1, 1, 2, 2, 3)[rng.below(10)]
        d = row * days // rows
        invoice = f"INV-{order:07}"
        name = f"Pelanggan {c}"
        for _ in range(min(lines, rows - row)):
            amount = (10 + rng.below(1991)) * 1000
            clean.append(f"{day_text[d][0]};{name};{invoice};{amount}\n")
            k = rng.below(20)
            date = day_text[d][(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4)[k]]
            style = rng.below(10)
            if style < 4:
                money = f"Rp {thousands(amount)}"
            elif style < 6:
                money = thousands(amount)
            elif style < 8:
                money = f"Rp{thousands(amount)},00"
            elif style < 9:
                money = f"IDR {thousands(amount)}"
            else:
                money = str(amount)
            spelling = rng.below(4)
            if spelling == 1:
                who = f"PELANGGAN {c} "
            elif spelling == 2:
                who = f" pelanggan  {c}"
            else:
                who = name
            messy.append(f"{date};{who};{invoice};{money}\n")
            row += 1
        if len(clean) >= 100_000:
            flush()
    flush()
    for f in files:
        f.close()
    print(f"generate: {rows:,} rows, {order:,} orders in {out}/clean.csv and messy.csv")


if __name__ == "__main__":
    main()
