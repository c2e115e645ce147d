//! Speed of the whole sales-log analysis (`analyzeLog`: read and parse the
//! text, summarise per customer, RFM, retention, repeat figures, cohorts, CLV
//! from the log, lifecycle) on generated logs of 100,000 and 1,000,000 rows.
//! Not a test: prints figures.
//!
//!     cargo bench --bench log_analysis            # both sizes
//!     cargo bench --bench log_analysis -- 1000000 # one size

use customer_metrics::api::{self, Value};
use std::time::Instant;

mod common;
use common::generate;

fn main() {
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    for rows in [100_000, 1_000_000] {
        if only.is_some_and(|o| o != rows) {
            continue;
        }
        let text = generate(rows);
        let input = Value::object([("text", text.as_str())]);
        let runs = if rows >= 1_000_000 { 3 } else { 5 };
        let mut best = f64::MAX;
        for _ in 0..runs {
            let start = Instant::now();
            let a = api::analyze_log(&input).expect("the generated log is analysed");
            best = best.min(start.elapsed().as_secs_f64());
            assert_eq!(a.input.used, rows);
        }
        println!(
            "analyzeLog {rows:>9} rows ({:.1} MB): {:>7.1} ms best of {runs}",
            text.len() as f64 / 1e6,
            best * 1e3
        );
    }
}
