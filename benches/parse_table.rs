//! Speed of `parseTable` on generated 4-column transaction logs of 10,000,
//! 100,000 and 1,000,000 rows (`No. Faktur;Tanggal;Nama Pelanggan;Total`, in
//! the shop log's mixed Indonesian styles). Not a test: prints figures.
//!
//!     cargo bench --bench parse_table            # all sizes
//!     cargo bench --bench parse_table -- 100000  # one size

use customer_metrics::api::{self, Value};
use std::time::Instant;

/// A deterministic log: 1 customer per 10 rows, dates over 18 months.
pub fn generate(rows: usize) -> String {
    let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni"];
    let mut out = String::with_capacity(rows * 42);
    out.push_str("No. Faktur;Tanggal;Nama Pelanggan;Total\r\n");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..rows {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let day = 1 + (seed % 28) as usize;
        let month = 1 + (seed >> 8) as usize % 6;
        let year = 2024 + (seed >> 16) as usize % 2;
        let customer = (seed >> 24) as usize % (rows / 10).max(1);
        // Thousands of rupiah, and now and then millions: `1.250.000`.
        let thousands = 10 + (seed >> 40) as usize % 990;
        let amount = if i % 7 == 0 {
            format!("{}.{thousands:03}", 1 + i % 9)
        } else {
            thousands.to_string()
        };
        let date = if i % 2 == 0 {
            format!("{day:02}/{month:02}/{year}")
        } else {
            format!("{day} {} {year}", months[month - 1])
        };
        let total = match i % 3 {
            0 => format!("Rp {}.000", amount),
            1 => format!("Rp{}.000,00", amount),
            _ => format!("{}.000", amount),
        };
        out.push_str(&format!("INV-{i};{date};Pelanggan {customer};{total}\r\n"));
    }
    out
}

fn main() {
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    for rows in [10_000, 100_000, 1_000_000] {
        if only.is_some_and(|o| o != rows) {
            continue;
        }
        let text = generate(rows);
        let input = Value::object([("text", text.as_str())]);
        let runs = if rows >= 1_000_000 { 2 } else { 5 };
        let mut best = f64::MAX;
        for _ in 0..runs {
            let start = Instant::now();
            let t = api::parse_table(&input).expect("the generated log parses");
            best = best.min(start.elapsed().as_secs_f64());
            assert_eq!(t.used, rows);
        }
        println!(
            "parseTable {rows:>9} rows ({:.1} MB): {:>7.1} ms best of {runs}, {:.1} MB/s",
            text.len() as f64 / 1e6,
            best * 1e3,
            text.len() as f64 / 1e6 / best
        );
    }
}
