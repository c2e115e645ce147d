//! Timing of the BTYD fits: `cargo run --release --example bench_btyd`.
//!
//! Fits BG/NBD + Gamma-Gamma on the CDNOW summary (2,357 customers), on a
//! 100,000-customer resample of it (drawn with replacement by a fixed-seed
//! SplitMix64), and on the same resample with T jittered by up to 0.01 week
//! so that no two rows are equal (the fits merge identical rows, so this is
//! the worst case for the likelihood loop). Then times the 12-month CLV.

use customer_metrics::metrics::btyd::*;
use std::time::{Duration, Instant};

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, good enough to resample.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (multiply-high; bias below 2⁻⁴⁰ for these n).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn cdnow() -> Vec<CustomerRfmt> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/cdnow_customers_summary_with_transactions.csv");
    let text = std::fs::read_to_string(&path).expect("the CDNOW summary in ../shared/data");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<f64> = l
                .trim()
                .split(',')
                .map(|s| s.parse().expect("number"))
                .collect();
            CustomerRfmt {
                id: format!("{}", f[0]),
                frequency: f[1],
                recency: f[2],
                t: f[3],
                monetary: f[4],
            }
        })
        .collect()
}

/// Best and median of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    times.sort();
    (times[0], times[runs / 2], last.expect("at least one run"))
}

fn report(label: &str, customers: &[CustomerRfmt], runs: usize) {
    let (best, median, (bg, gg)) = time(runs, || {
        let bg = fit_bgnbd(customers).expect("BG/NBD fit");
        let gg = fit_gamma_gamma(customers).expect("Gamma-Gamma fit");
        (bg, gg)
    });
    let (bg_best, _, _) = time(runs, || fit_bgnbd(customers).expect("BG/NBD fit"));
    let (gg_best, _, _) = time(runs, || {
        fit_gamma_gamma(customers).expect("Gamma-Gamma fit")
    });
    let p = bg.params;
    let g = gg.params;
    println!("{label}: {} customers", customers.len());
    println!(
        "  BG/NBD + Gamma-Gamma fit: best {best:.2?}, median {median:.2?} over {runs} runs (BG/NBD alone {bg_best:.2?}, {} iterations; Gamma-Gamma alone {gg_best:.2?}, {} iterations)",
        bg.iterations, gg.iterations
    );
    println!(
        "  r = {:.6}, α = {:.6}, a = {:.6}, b = {:.6}, LL = {:.4}; p = {:.6}, q = {:.6}, v = {:.6}, LL = {:.4}",
        p.r, p.alpha, p.a, p.b, bg.log_likelihood, g.p, g.q, g.v, gg.log_likelihood
    );
    let options = ClvOptions {
        horizon_months: 12,
        monthly_discount_rate: 0.01,
        unit: TimeUnit::Weeks,
        month_length: None,
    };
    let (clv_best, _, values) = time(runs.min(5), || {
        customer_lifetime_value(&bg.params, &gg.params, customers, &options).expect("CLV")
    });
    let total: f64 = values.iter().map(|v| v.clv).sum();
    println!("  12-month CLV of every customer: {clv_best:.2?} (total {total:.2})");
    // The robust path of predictClv: fits, CLV and the 90 % intervals with
    // the default draws within the budget.
    let (with_best, _, robust) = time(runs.min(3), || {
        btyd_with(customers, &options, &FitOptions::default()).expect("btyd_with")
    });
    let (plain_best, _, _) = time(runs.min(3), || {
        btyd_with(
            customers,
            &options,
            &FitOptions {
                interval_draws: Some(0),
                ..FitOptions::default()
            },
        )
        .expect("btyd_with")
    });
    let draws = robust.intervals.as_ref().map_or(0, |i| i.draws);
    println!(
        "  robust fit + CLV: {plain_best:.2?}; with 90 % intervals ({draws} draws): {with_best:.2?}"
    );
}

fn main() {
    let base = cdnow();
    report("CDNOW summary", &base, 21);

    let mut rng = SplitMix64(20_050_401);
    let resample: Vec<CustomerRfmt> = (0..100_000)
        .map(|i| {
            let mut c = base[rng.below(base.len())].clone();
            c.id = format!("r{i}");
            c
        })
        .collect();
    report("Resample with replacement", &resample, 11);

    let jittered: Vec<CustomerRfmt> = resample
        .iter()
        .map(|c| CustomerRfmt {
            t: c.t + 0.01 * rng.unit(),
            ..c.clone()
        })
        .collect();
    report("Resample with T jittered (all rows distinct)", &jittered, 5);
}
