//! Times the transaction-log analytics on synthetic data (not a test).
//!
//! `cargo run --release --example bench_log [rows] [customers]`
//! (default 1,000,000 rows of 100,000 customers). Rows are generated with a
//! fixed-seed PRNG: dates over 2024-01-01 … 2025-06-30, amounts 10,000 …
//! 2,000,000 rupiah, about 2 % refunds, order ids shared by ~1.3 rows each,
//! names written in varying case and spacing.

use chrono::{Days, NaiveDate};
use customer_metrics::metrics::clv_log::clv_log;
use customer_metrics::metrics::cohorts::cohorts;
use customer_metrics::metrics::lifecycle::lifecycle;
use customer_metrics::metrics::log::{summarize, Transaction};
use customer_metrics::metrics::retention::{retention, RetentionMode};
use customer_metrics::metrics::rfm::{rfm, RfmMethod, Thresholds};
use std::time::{Duration, Instant};

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn rows(n: usize, customers: u64) -> impl Iterator<Item = Transaction> {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut order = 0u64;
    (0..n).map(move |line| {
        // Skewed towards low ids, so some customers buy much more than others.
        let c = rng
            .below(customers)
            .min(rng.below(customers) + rng.below(customers / 2 + 1));
        let name = match rng.below(4) {
            0 => format!("Pelanggan {c}"),
            1 => format!("PELANGGAN {c} "),
            2 => format!(" pelanggan  {c}"),
            _ => format!("Pelanggan {c}"),
        };
        let date = start + Days::new(rng.below(547));
        let amount = if rng.below(50) == 0 {
            -((10 + rng.below(200)) as f64) * 1_000.0
        } else {
            (10 + rng.below(1_990)) as f64 * 1_000.0
        };
        if rng.below(10) < 7 {
            order += 1;
        }
        Transaction::new(name, date, amount, Some(format!("INV-{order}")), line + 1)
    })
}

fn time<T>(label: &str, f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    println!("{label:<34} {:>9.1} ms", took.as_secs_f64() * 1e3);
    (out, took)
}

/// Peak resident memory so far (Linux), in MB.
fn peak_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or("n/a".to_string(), |kb| format!("{:.1} MB", kb / 1024.0))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let customers: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    println!("{n} rows, up to {customers} customers");

    // Streaming: rows are generated and summarised one at a time, so the peak
    // memory is the summary's, not the log's.
    let (streamed, _) = time("generate + summarize, streaming", || {
        summarize(rows(n, customers))
    });
    let days: usize = streamed.customers.iter().map(|c| c.purchase_days()).sum();
    println!(
        "  {} customers, {} purchase days kept; peak memory {}",
        streamed.customers.len(),
        days,
        peak_mb()
    );
    drop(streamed);

    let (log, _) = time("generate log in memory (not counted)", || {
        rows(n, customers).collect::<Vec<_>>()
    });
    let (summary, t_sum) = time("summarize", || summarize(log));
    let t = Thresholds::default();
    let (r, t_rfm) = time("rfm (fixed)", || {
        rfm(&summary, None, RfmMethod::Fixed, &t).unwrap()
    });
    let (_, t_rfm_q) = time("rfm (quintile)", || {
        rfm(&summary, None, RfmMethod::Quintile, &t).unwrap()
    });
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (ret, t_ret) = time("retention (Q2 2025 over Q1)", || {
        retention(
            &summary,
            d("2025-04-01"),
            d("2025-06-30"),
            RetentionMode::PeriodOverPeriod,
            None,
        )
        .unwrap()
    });
    let (_, t_act) = time("retention (active base, D = 180)", || {
        retention(
            &summary,
            d("2025-04-01"),
            d("2025-06-30"),
            RetentionMode::ActiveBase,
            None,
        )
        .unwrap()
    });
    let (c, t_coh) = time("cohorts", || cohorts(&summary).unwrap());
    let (v, _) = time("clv_log", || clv_log(&summary, None, None).unwrap());
    let (l, _) = time("lifecycle", || lifecycle(&summary, None).unwrap());
    let core = t_sum + t_rfm + t_rfm_q + t_ret + t_act + t_coh;
    println!(
        "summarize + rfm (both) + retention (both) + cohorts: {:.1} ms",
        core.as_secs_f64() * 1e3
    );
    println!(
        "check: {} customers, CRR {:.2} %, {} cohorts, AOV {:.0}, top-20 % share {:.2} %, {} VIPs, champions {}",
        r.customers.len(),
        ret.retention_rate,
        c.cohorts.len(),
        v.average_order_value,
        v.pareto.top_revenue_share.unwrap_or(f64::NAN),
        l.vip.count,
        r.segments[0].count
    );
}
