//! Predictions on logs shaped like real shops (issue #15): robust fits with
//! their notices, 90 % intervals that cover the truth of simulated data,
//! holdout errors and the diagnostic plots' figures, checked by hand or by a
//! plain computation here.
#![cfg(feature = "analytics")]

use customer_metrics::api::{self, Value};
use customer_metrics::error::Code;
use customer_metrics::metrics::btyd::forecast::HoldoutErrors;
use customer_metrics::metrics::btyd::*;
use std::collections::HashMap;

mod common;
use common::Rng;

fn date(day: u32) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(day.into());
    d.format("%Y-%m-%d").to_string()
}

/// A young, growing shop: `weeks` weeks of history, week w bringing
/// 10 + 4w new customers, each buying at their own pace (λ ~ Gamma(1, 10)
/// a day, about one purchase in ten days) and nobody lapsing.
/// Returns the log and, per customer, (first day, purchase days).
fn growing_shop(weeks: u32, seed: u64) -> (String, Vec<(u32, Vec<u32>)>) {
    let mut rng = Rng(seed);
    let end = weeks * 7 - 1;
    let mut lines = vec!["Pelanggan;Tanggal;Total".to_string()];
    let mut customers = Vec::new();
    for w in 0..weeks {
        for k in 0..10 + 4 * w {
            let id = customers.len();
            let first = w * 7 + (rng.unit() * 7.0) as u32;
            let rate = rng.gamma(1.0) / 10.0;
            let mut days = vec![first];
            let mut now = f64::from(first);
            loop {
                now += -(1.0 - rng.unit()).ln() / rate;
                if now > f64::from(end) {
                    break;
                }
                if now as u32 != *days.last().unwrap() {
                    days.push(now as u32);
                }
            }
            for &d in &days {
                let amount = 50_000 + (rng.unit() * 200_000.0) as u32;
                lines.push(format!("Pembeli {id}-{k};{};{amount}", date(d)));
            }
            customers.push((first, days));
        }
    }
    (lines.join("\n") + "\n", customers)
}

fn predict(pairs: Vec<(&str, Value)>) -> customer_metrics::error::Result<api::predict::Prediction> {
    api::predict_clv(&Value::object(pairs))
}

fn has(p: &api::predict::Prediction, code: Code) -> bool {
    p.notices.own.iter().any(|n| n.code == code)
}

fn param(p: &api::predict::Prediction, code: Code, key: &str) -> serde_json::Value {
    let n = p.notices.own.iter().find(|n| n.code == code).unwrap();
    serde_json::to_value(n).unwrap()["params"][key].clone()
}

#[test]
fn a_young_growing_shop_gets_a_finite_prediction_and_says_why_it_is_weak() {
    let weeks = 10;
    let (log, customers) = growing_shop(weeks, 1);
    // Plain maximum likelihood has no maximum here (nobody lapses):
    let plain = predict(vec![
        ("text", log.clone().into()),
        ("penalizerCoef", 0.0.into()),
    ]);
    assert_eq!(plain.unwrap_err().code, Code::FitDidNotConverge);
    // … the default falls back to the penalty and says so.
    let p = predict(vec![("text", log.into())]).unwrap();
    assert_eq!(p.penalizer, 0.001);
    assert!(has(&p, Code::ParameterAtBound), "{:?}", p.notices.own);
    assert!(has(&p, Code::ShortHistory));
    // The longest history: from the earliest first day to the last day (69),
    // in weeks.
    let earliest = customers.iter().map(|c| c.0).min().unwrap();
    let want_weeks = f64::from(weeks * 7 - 1 - earliest) / 7.0;
    assert_eq!(param(&p, Code::ShortHistory, "weeks"), want_weeks);
    assert_eq!(param(&p, Code::ShortHistory, "min"), 26.0);

    // Finite and sensible: every figure finite, P(alive) in (0, 1], and the
    // year's purchases below what the customers' observed pace would give
    // with nobody ever lapsing (repeat days per customer-week × 52.18 weeks
    // × customers), yet above a tenth of it.
    assert_eq!(p.customers.len(), customers.len());
    for c in &p.customers {
        assert!(c.clv.is_finite() && c.expected_purchases.is_finite());
        assert!(c.p_alive > 0.0 && c.p_alive <= 1.0);
    }
    let repeats: usize = customers.iter().map(|c| c.1.len() - 1).sum();
    let exposure: f64 = customers
        .iter()
        .map(|c| f64::from(weeks * 7 - 1 - c.0) / 7.0)
        .sum();
    let pace = repeats as f64 / exposure * (365.25 / 7.0) * customers.len() as f64;
    let total = p.totals.expected_purchases;
    assert!(total < pace && total > 0.1 * pace, "{total} vs {pace}");
    // The intervals hold the totals.
    let i = p.intervals.as_ref().expect("intervals");
    assert!(i.total_expected_purchases.low <= total && total <= i.total_expected_purchases.high);
    assert!(i.total_clv.low <= p.totals.clv && p.totals.clv <= i.total_clv.high);
    for c in &p.customers {
        let (lo, hi) = (c.clv_low.unwrap(), c.clv_high.unwrap());
        assert!(lo.is_finite() && hi.is_finite() && lo <= hi && lo >= 0.0);
    }
}

#[test]
fn a_shop_with_no_repeat_purchase_fails_with_the_reason() {
    let mut lines = vec!["Pelanggan;Tanggal;Total".to_string()];
    for i in 0..40 {
        lines.push(format!("P{i};{};100000", date(i)));
    }
    let e = predict(vec![("text", lines.join("\n").into())]).unwrap_err();
    assert_eq!(e.code, Code::TooFewRepeatBuyers);
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["params"], serde_json::json!({ "got": 0.0, "min": 1.0 }));
}

fn summary_table(rows: &[(f64, f64, f64, f64)]) -> String {
    let mut out = String::from("ID,x,t_x,T,zbar\n");
    for (i, (x, tx, t, m)) in rows.iter().enumerate() {
        out.push_str(&format!("{i},{x},{tx:.2},{t:.2},{m:.2}\n"));
    }
    out
}

#[test]
fn few_repeat_buyers_and_few_spenders_are_named_not_fatal() {
    // 100 customers over 40 weeks, 8 of them repeat buyers (8 %, under
    // 15 %), with different spends: too few (8 < 10) for the spend model.
    let rows: Vec<(f64, f64, f64, f64)> = (0..100)
        .map(|i| {
            if i < 8 {
                (
                    1.0 + f64::from(i % 3),
                    20.0 + f64::from(i),
                    40.0,
                    100.0 + 10.0 * f64::from(i),
                )
            } else {
                (0.0, 0.0, 10.0 + f64::from(i % 30), 0.0)
            }
        })
        .collect();
    let p = predict(vec![("summary", summary_table(&rows).into())]).unwrap();
    assert!(has(&p, Code::FewRepeatBuyersShare));
    assert_eq!(param(&p, Code::FewRepeatBuyersShare, "percent"), 8.0);
    assert_eq!(param(&p, Code::FewRepeatBuyersShare, "repeatBuyers"), 8.0);
    assert!(has(&p, Code::SpendFromMean));
    // The mean spend of the 8: 100 + 10 × (0 + … + 7) / 8 = 135.
    assert_eq!(param(&p, Code::SpendFromMean, "meanSpend"), 135.0);
    assert!(!has(&p, Code::ShortHistory));
    assert!(p.customers.iter().all(|c| c.clv.is_finite()));
}

#[test]
fn the_penalty_is_checked_and_zero_keeps_the_published_cdnow_fit() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/cdnow_customers_summary_with_transactions.csv");
    let text = std::fs::read_to_string(path).unwrap();
    for penalty in [None, Some(0.0)] {
        let mut args = vec![("summary", Value::from(text.clone()))];
        if let Some(l) = penalty {
            args.push(("penalizerCoef", l.into()));
        }
        let p = predict(args).unwrap();
        // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426.
        assert_eq!(p.penalizer, 0.0);
        for (got, want) in [
            (p.params.r, 0.243),
            (p.params.alpha, 4.414),
            (p.params.a, 0.793),
            (p.params.b, 2.426),
        ] {
            assert_eq!((got * 1000.0).round() / 1000.0, want);
        }
        assert!(!has(&p, Code::ParameterAtBound));
    }
    // A penalty pulls the shapes towards 1 (ln θ towards 0): b = 2.43 falls.
    let p = predict(vec![
        ("summary", text.clone().into()),
        ("penalizerCoef", 0.01.into()),
    ])
    .unwrap();
    assert_eq!(p.penalizer, 0.01);
    assert!(p.params.b < 2.4 && p.params.b > 1.0, "{}", p.params.b);
    for bad in [-0.1, 11.0] {
        let e = predict(vec![
            ("summary", text.clone().into()),
            ("penalizerCoef", bad.into()),
        ])
        .unwrap_err();
        assert_eq!(e.code, Code::PenalizerOutOfRange);
    }
    let e = predict(vec![
        ("summary", text.into()),
        ("intervalDraws", 10_001.0.into()),
    ])
    .unwrap_err();
    assert_eq!(e.code, Code::IntervalDrawsOutOfRange);
}

/// BG/NBD data with known parameters (the paper's story: Poisson purchases
/// while alive, dropout with probability p after each repeat purchase),
/// T uniform in 20 … 60 weeks, spends Gamma.
fn simulate(truth: &BgNbdParams, n: usize, seed: u64) -> Vec<CustomerRfmt> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|i| {
            let lambda = rng.gamma(truth.r) / truth.alpha;
            let g = rng.gamma(truth.a);
            let p = g / (g + rng.gamma(truth.b));
            let t = 20.0 + 40.0 * rng.unit();
            let (mut now, mut x, mut tx) = (0.0, 0.0, 0.0);
            loop {
                now += -(1.0 - rng.unit()).ln() / lambda;
                if now > t {
                    break;
                }
                x += 1.0;
                tx = now;
                if rng.unit() < p {
                    break;
                }
            }
            let scale = rng.gamma(3.0) * 20.0;
            CustomerRfmt {
                id: i.to_string(),
                frequency: x,
                recency: tx,
                t,
                monetary: if x > 0.0 {
                    rng.gamma(5.0) * scale / 5.0
                } else {
                    0.0
                },
            }
        })
        .collect()
}

#[test]
fn the_90_percent_parameter_intervals_cover_the_truth_about_90_percent_of_the_time() {
    let truth = BgNbdParams {
        r: 0.5,
        alpha: 6.0,
        a: 0.8,
        b: 3.0,
    };
    let options = ClvOptions {
        horizon_months: 12,
        monthly_discount_rate: 0.01,
        unit: TimeUnit::Weeks,
        month_length: None,
    };
    let seeds = 20;
    let mut covered = [0usize; 4];
    for seed in 0..seeds {
        let customers = simulate(&truth, 1500, 1000 + seed);
        let fit = btyd_with(
            &customers,
            &options,
            &FitOptions {
                penalizer: Some(0.0),
                interval_draws: Some(20),
            },
        )
        .unwrap();
        let i = fit.intervals.expect("intervals").params;
        for (k, (iv, want)) in [
            (i.r, truth.r),
            (i.alpha, truth.alpha),
            (i.a, truth.a),
            (i.b, truth.b),
        ]
        .into_iter()
        .enumerate()
        {
            if iv.low <= want && want <= iv.high {
                covered[k] += 1;
            }
        }
    }
    // 90 % of 20 is 18; Binomial(20, 0.9) is at least 15 with probability
    // 0.96 and at most 19 unless the intervals are far too wide.
    let total: usize = covered.iter().sum();
    for (k, &c) in covered.iter().enumerate() {
        assert!(
            c >= 14,
            "parameter {k}: covered in {c} of {seeds} seeds ({covered:?})"
        );
    }
    assert!((64..=79).contains(&total), "{total} of 80 ({covered:?})");
}

#[test]
fn holdout_errors_by_hand() {
    // predicted 1, 2, 3; actual 1, 1, 5: totals 6 and 7 (−14.29 %);
    // MAE (0 + 1 + 2)/3 = 1; RMSE √((0 + 1 + 4)/3) = 1.2910;
    // correlation: deviations (−1, 0, 1) and (−4/3, −4/3, 8/3):
    // 4 / √(2 × 96/9) = 0.8660.
    let e = HoldoutErrors::new(&[1.0, 2.0, 3.0], &[1.0, 1.0, 5.0]);
    assert_eq!((e.total_predicted, e.total_actual), (6.0, 7.0));
    assert!((e.percent_error.unwrap() - (-100.0 / 7.0)).abs() < 1e-12);
    assert!((e.mae - 1.0).abs() < 1e-12);
    assert!((e.rmse - (5.0f64 / 3.0).sqrt()).abs() < 1e-12);
    assert!((e.correlation.unwrap() - 0.75f64.sqrt()).abs() < 1e-12);
    // Nothing bought in the holdout: no % error; a constant: no correlation.
    let none = HoldoutErrors::new(&[0.5, 0.5], &[0.0, 0.0]);
    assert_eq!((none.percent_error, none.correlation), (None, None));
}

#[test]
fn holdout_per_customer_and_tracking_on_a_small_log() {
    // Calibration 2025-01-01 … 2025-03-31 (day 89), holdout to 2025-05-31.
    let (log, customers) = growing_shop(22, 5);
    let p = predict(vec![
        ("text", log.clone().into()),
        ("calibrationEnd", "2025-03-31".into()),
        ("holdoutEnd", "2025-05-31".into()),
    ])
    .unwrap();
    let (cal, end) = (89u32, 150u32);
    // Hand count per customer: repeat purchase days in (cal, end], and
    // their value from the log's lines.
    let mut value: HashMap<(String, String), f64> = HashMap::new();
    let mut names = Vec::new();
    for line in log.lines().skip(1) {
        let f: Vec<&str> = line.split(';').collect();
        *value
            .entry((f[0].to_string(), f[1].to_string()))
            .or_default() += f[2].parse::<f64>().unwrap();
        if !names.contains(&f[0].to_string()) {
            names.push(f[0].to_string());
        }
    }
    let by_name: HashMap<&str, &PredictedCustomer> = p
        .customers
        .iter()
        .map(|c| (c.customer.as_str(), c))
        .collect();
    let (mut predicted, mut actual) = (Vec::new(), Vec::new());
    for (name, (first, days)) in names.iter().zip(&customers) {
        if *first > cal {
            continue;
        }
        let held: Vec<u32> = days
            .iter()
            .copied()
            .filter(|&d| d > cal && d <= end)
            .collect();
        let spend: f64 = held.iter().map(|&d| value[&(name.clone(), date(d))]).sum();
        let c = by_name[name.as_str()];
        assert_eq!(c.holdout_actual, Some(held.len() as f64), "{name}");
        assert_eq!(c.holdout_actual_spend, Some(spend), "{name}");
        let want = c.spend_per_purchase * c.holdout_predicted.unwrap();
        assert!((c.holdout_predicted_spend.unwrap() - want).abs() <= 1e-9 * want.max(1.0));
        predicted.push(c.holdout_predicted.unwrap());
        actual.push(held.len() as f64);
    }
    // The summary errors, by a plain computation here.
    let h = p.holdout.as_ref().unwrap();
    let n = predicted.len() as f64;
    let mae = predicted
        .iter()
        .zip(&actual)
        .map(|(p, a)| (p - a).abs())
        .sum::<f64>()
        / n;
    let rmse = (predicted
        .iter()
        .zip(&actual)
        .map(|(p, a)| (p - a).powi(2))
        .sum::<f64>()
        / n)
        .sqrt();
    let (tp, ta) = (predicted.iter().sum::<f64>(), actual.iter().sum::<f64>());
    assert!((h.purchases.mae - mae).abs() < 1e-9 && (h.purchases.rmse - rmse).abs() < 1e-9);
    assert!((h.purchases.percent_error.unwrap() - (tp - ta) / ta * 100.0).abs() < 1e-9);
    assert_eq!(h.purchases.total_actual, ta);

    // Tracking: week ends 7, 14, … days after the first day, the calibration
    // end as a point of its own; actual = repeat purchase days so far.
    let t = p.tracking.as_ref().unwrap();
    let earliest = customers
        .iter()
        .filter(|c| c.0 <= cal)
        .map(|c| c.0)
        .min()
        .unwrap();
    assert_eq!(t.start.format("%Y-%m-%d").to_string(), date(earliest));
    let mut ends: Vec<u32> = (1..)
        .map(|w| earliest + 7 * w - 1)
        .take_while(|&d| d < end)
        .collect();
    ends.push(cal);
    ends.push(end);
    ends.sort();
    ends.dedup();
    assert_eq!(t.weeks.len(), ends.len());
    for (w, &e) in t.weeks.iter().zip(&ends) {
        assert_eq!(w.end.format("%Y-%m-%d").to_string(), date(e));
        let counted: usize = customers
            .iter()
            .filter(|c| c.0 <= cal)
            .map(|c| c.1[1..].iter().filter(|&&d| d <= e).count())
            .sum();
        assert_eq!(w.actual, counted as f64, "{}", date(e));
        assert_eq!(w.holdout, e > cal);
    }
    // The model's last point: Σ E[X(end − first)] in weeks.
    let bg = BgNbdParams {
        r: p.params.r,
        alpha: p.params.alpha,
        a: p.params.a,
        b: p.params.b,
    };
    let want: f64 = customers
        .iter()
        .filter(|c| c.0 <= cal)
        .map(|c| bg.expected_purchases(f64::from(end - c.0) / 7.0))
        .sum();
    let last = t.weeks.last().unwrap().predicted;
    assert!((last - want).abs() < 1e-9 * want, "{last} vs {want}");
}

#[test]
fn the_diagnostic_figures_are_the_fitted_model_s() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/cdnow_customers_summary_with_transactions.csv");
    let text = std::fs::read_to_string(path).unwrap();
    let p = predict(vec![("summary", text.into())]).unwrap();
    let bg = BgNbdParams {
        r: p.params.r,
        alpha: p.params.alpha,
        a: p.params.a,
        b: p.params.b,
    };
    // The expected-purchases matrix: E[Y(52.18 weeks) | x, t_x, T = max T].
    let m = &p.expected_matrix;
    let horizon = 12.0 * 30.4375 / 7.0;
    for (i, &x) in m.frequencies.iter().enumerate().step_by(5) {
        for (j, &r) in m.recencies.iter().enumerate().step_by(4) {
            let want = bg.conditional_expected_purchases(horizon, f64::from(x), r, m.t);
            assert!((m.values[i][j] - want).abs() < 1e-12 * want.max(1.0));
        }
    }
    // The heterogeneity: densities that integrate to about 1 (trapezoid; the
    // Gamma cut at its mean + 4 sd, the Beta without its ends) and whose
    // means are r/α and a/(a+b).
    let h = &p.heterogeneity;
    assert!((h.lambda.mean - bg.r / bg.alpha).abs() < 1e-12);
    assert!((h.p.mean - bg.a / (bg.a + bg.b)).abs() < 1e-12);
    let area = |d: &customer_metrics::metrics::btyd::forecast::Density| {
        d.x.windows(2)
            .zip(d.density.windows(2))
            .map(|(x, y)| (x[1] - x[0]) * (y[0] + y[1]) / 2.0)
            .sum::<f64>()
    };
    // p ~ Beta(0.79, 2.43) from 1/60 to 59/60: P = 0.86 of the mass
    // (the rest near 0, where the density is infinite).
    let ap = area(&h.p);
    assert!(ap > 0.75 && ap < 1.0, "{ap}");
    let al = area(&h.lambda);
    assert!(al > 0.5 && al < 1.0, "{al}");
    assert!(p.tracking.is_none(), "a summary table has no dates");
}

#[test]
fn a_log_of_random_purchases_with_nobody_lapsing_is_predicted_too() {
    // The shape of a generated test file (the "100,000-row file" of issue
    // #15, here 20,000 rows): 2,000 customers, each row a random customer on
    // a random day of 2025. Nobody lapses, so plain maximum likelihood runs
    // a and b off to 0; the default falls back to the penalty.
    let mut rng = Rng(9);
    let mut lines = vec!["Pelanggan,Tanggal,Total".to_string()];
    for _ in 0..20_000 {
        let c = (rng.unit() * 2000.0) as u32;
        let d = (rng.unit() * 365.0) as u32;
        lines.push(format!(
            "C{c},{},{}",
            date(d),
            20_000 + (rng.unit() * 500_000.0) as u32
        ));
    }
    let log = lines.join("\n");
    let plain = predict(vec![
        ("text", log.clone().into()),
        ("penalizerCoef", 0.0.into()),
    ]);
    assert_eq!(plain.unwrap_err().code, Code::FitDidNotConverge);
    let p = predict(vec![("text", log.into()), ("intervalDraws", 20.0.into())]).unwrap();
    assert_eq!(p.penalizer, 0.001);
    assert!(has(&p, Code::ParameterAtBound));
    assert!(!has(&p, Code::ShortHistory));
    assert!(p
        .customers
        .iter()
        .all(|c| c.clv.is_finite() && c.expected_purchases >= 0.0));
    // About 10 purchase days a customer a year: the next year's prediction
    // stays near the observed pace (within +20 %) and above a tenth of it.
    let repeats: f64 = p.customers.iter().map(|c| c.frequency).sum();
    let exposure: f64 = p.customers.iter().map(|c| c.t).sum();
    let pace = repeats / exposure * (365.25 / 7.0) * p.customers.len() as f64;
    let total = p.totals.expected_purchases;
    assert!(
        total < 1.2 * pace && total > 0.1 * pace,
        "{total} vs {pace}"
    );
}
