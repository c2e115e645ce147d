//! The native side of `scripts/bench-anchors.sh` (issue #16; not a test).
//!
//! `cargo run --release --example bench_anchors FILE…`
//! (`-- --once FILE`: one `api::rfm`, for a profiler.)
//!
//! For each file: `api::rfm` with quintile scores and the whole `api::analyze_log`
//! (the same RFM among the rest), each once to warm up and then three times
//! timed, the file's text read from disk inside the clock. Prints one JSON
//! line per measurement with the best and median seconds and the check figures
//! of the RFM (`benches/anchors/anchors.py` computes the same from the anchors).

use customer_metrics::api::{self, log::Part, Value};
use customer_metrics::metrics::rfm::Rfm;
use std::time::Instant;

const RUNS: usize = 3;

/// Customers, revenue, orders, ΣR, Σ last-purchase day (days since 1970-01-01),
/// Σ revenue × R and Σ orders × last day: equal figures per customer give equal sums.
fn checks(r: &Rfm) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let as_of = (r.as_of - epoch).num_days();
    let (mut revenue, mut orders, mut sum_r, mut sum_last, mut revenue_r, mut orders_last) =
        (0i64, 0i64, 0i64, 0i64, 0i64, 0i64);
    for c in &r.customers {
        let total = c.monetary.round() as i64;
        let last = as_of - c.recency;
        revenue += total;
        orders += i64::from(c.frequency);
        sum_r += i64::from(c.r);
        sum_last += last;
        revenue_r += total * i64::from(c.r);
        orders_last += i64::from(c.frequency) * last;
    }
    format!(
        r#"{{"customers":{},"revenue":{revenue},"orders":{orders},"sumR":{sum_r},"sumLastDay":{sum_last},"revenueTimesR":{revenue_r},"ordersTimesLastDay":{orders_last}}}"#,
        r.customers.len()
    )
}

/// Runs `job` once to warm up, then `RUNS` times; returns (best, median, last result).
fn measure<T>(mut job: impl FnMut() -> T) -> (f64, f64, T) {
    job();
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        out = Some(job());
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    (times[0], times[RUNS / 2], out.unwrap())
}

fn input(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Value::object([("text", Value::from(text)), ("method", "quintile".into())])
}

fn main() {
    // `--once FILE`: one api::rfm and nothing else (for a profiler).
    if std::env::args().nth(1).as_deref() == Some("--once") {
        let path = std::env::args().nth(2).expect("--once FILE");
        let r = api::rfm(&input(&path)).expect("rfm");
        println!("{}", checks(&r.result));
        return;
    }
    for path in std::env::args().skip(1) {
        let name = std::path::Path::new(&path)
            .file_stem()
            .map_or(path.clone(), |s| s.to_string_lossy().into_owned());
        let (best, median, r) = measure(|| api::rfm(&input(&path)).expect("rfm"));
        println!(
            r#"{{"engine":"native rfm","file":"{name}","best":{best:.4},"median":{median:.4},"used":{},"skipped":{},"checks":{}}}"#,
            r.input.used,
            r.input.skipped.len(),
            checks(&r.result)
        );
        let (best, median, a) = measure(|| api::analyze_log(&input(&path)).expect("analyzeLog"));
        let Part::Done(rfm) = &a.result.rfm else {
            panic!("analyzeLog's RFM failed: {:?}", a.result.rfm)
        };
        println!(
            r#"{{"engine":"native analyzeLog","file":"{name}","best":{best:.4},"median":{median:.4},"used":{},"skipped":{},"checks":{}}}"#,
            a.input.used,
            a.input.skipped.len(),
            checks(rfm)
        );
    }
}
