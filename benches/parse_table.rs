//! Speed of `parseTable` on generated 4-column transaction logs of 10,000,
//! 100,000 and 1,000,000 rows (`No. Faktur;Tanggal;Nama Pelanggan;Total`, in
//! the shop log's mixed Indonesian styles). Not a test: prints figures.
//!
//!     cargo bench --bench parse_table            # all sizes
//!     cargo bench --bench parse_table -- 100000  # one size

use customer_metrics::api::{self, Value};
use std::time::Instant;

mod common;
use common::generate;

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
