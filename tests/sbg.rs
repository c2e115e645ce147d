//! The shifted-beta-geometric model of subscriptions (`metrics::sbg`, `api::sbg`).
//!
//! Reference: Fader, P. S. & Hardie, B. G. S. (2007), "How to project
//! customer retention", Journal of Interactive Marketing 21(1), 76–90
//! (working paper brucehardie.com/papers/021). Table 1 there: of 1,000
//! "regular" and 1,000 "high end" customers, the number still customers
//! after 0–12 years (the percentages × 10); the model is fitted on years
//! 0–7 and projected to year 12, with the maximum-likelihood estimates
//! regular α = 0.704, β = 1.182 and high end α = 0.668, β = 3.806. The same
//! counts and estimates are used by pymc-marketing's sBG notebook and tests,
//! the R package foretell and jdmaturen/shifted_beta_geometric_py.
//!
//! DEL and DERL: Fader & Hardie (2010), "Customer-base valuation in a
//! contractual setting: the perils of ignoring heterogeneity", Marketing
//! Science 29(1), eqs. (5) and (6); checked here against the plain sums
//! Σ S(t) / (1 + d)ᵗ they stand for.

use customer_metrics::api::{self, Value};
use customer_metrics::metrics::sbg::{self, Lifetimes, SbgOptions, SbgParams};

const REGULAR: [f64; 13] = [
    1000.0, 631.0, 468.0, 382.0, 326.0, 289.0, 262.0, 241.0, 223.0, 207.0, 194.0, 183.0, 173.0,
];
const HIGH_END: [f64; 13] = [
    1000.0, 869.0, 743.0, 653.0, 593.0, 551.0, 517.0, 491.0, 468.0, 445.0, 427.0, 409.0, 394.0,
];

/// The first 8 counts (years 0–7): the paper's calibration period.
fn calibration(counts: &[f64; 13]) -> Lifetimes {
    sbg::from_survivors(&counts[..8], "survivors").unwrap()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// S(t) as the paper's spreadsheet computes it (its appendix): P(T = 1) =
/// α / (α + β), P(T = t) = (β + t − 2) / (α + β + t − 1) · P(T = t − 1) (its
/// eq. 7), S(t) = 1 − Σ_{i ≤ t} P(T = i).
fn paper_survival(alpha: f64, beta: f64, last: usize) -> Vec<f64> {
    let mut s = vec![1.0];
    let mut p = alpha / (alpha + beta);
    for t in 1..=last {
        if t > 1 {
            let t = t as f64;
            p *= (beta + t - 2.0) / (alpha + beta + t - 1.0);
        }
        let prev = s[t - 1];
        s.push(prev - p);
    }
    s
}

#[test]
fn the_fit_matches_the_published_estimates() {
    for (counts, alpha, beta) in [(&REGULAR, 0.704, 1.182), (&HIGH_END, 0.668, 3.806)] {
        let fit = sbg::fit(&calibration(counts)).unwrap();
        assert_eq!(
            (round3(fit.params.alpha), round3(fit.params.beta)),
            (alpha, beta),
            "{fit:?}"
        );
        assert!(!fit.constant_churn);
    }
}

#[test]
fn the_fit_is_the_maximum_of_the_paper_likelihood() {
    // The likelihood of the paper (its eq. 8 with the survivors' S(7)),
    // computed here from paper_survival: nudging α or β lowers it.
    let ll = |alpha: f64, beta: f64, counts: &[f64; 13]| {
        let s = paper_survival(alpha, beta, 7);
        let mut sum = 0.0;
        for t in 1..=7 {
            sum += (counts[t - 1] - counts[t]) * (s[t - 1] - s[t]).ln();
        }
        sum + counts[7] * s[7].ln()
    };
    for counts in [&REGULAR, &HIGH_END] {
        let fit = sbg::fit(&calibration(counts)).unwrap();
        let (a, b) = (fit.params.alpha, fit.params.beta);
        let at = ll(a, b, counts);
        assert!((at - fit.log_likelihood).abs() < 1e-8, "{at} {fit:?}");
        for (da, db) in [(1e-3, 0.0), (-1e-3, 0.0), (0.0, 1e-3), (0.0, -1e-3)] {
            assert!(ll(a + da, b + db, counts) < at);
        }
    }
}

#[test]
fn projections_follow_the_paper_table() {
    // Fitted on years 0–7, projected to year 12 (Table 1's held-out years
    // 8–12). The projections are S(t) of the fitted α, β: the result's
    // survival equals the paper's spreadsheet recursion to 1e-12, and the
    // projected counts stay close to Table 1's actual counts in every
    // held-out year (the paper's Figure 4: "remarkably accurate"). Measured
    // gaps: regular at most 0.31, high end at most 1.60 percentage points
    // (year 12: 378.0 projected, 394 actual), both under the actual counts
    // from year 8 on, as in the paper's figure.
    for (counts, worst) in [(&REGULAR, 0.35), (&HIGH_END, 1.65)] {
        let data = calibration(counts);
        let options = SbgOptions {
            horizon: Some(12),
            ..SbgOptions::default()
        };
        let result = sbg::sbg(&data, &options).unwrap();
        let p = result.params;
        let paper = paper_survival(p.alpha, p.beta, 12);
        assert_eq!(result.periods.len(), 13);
        for (t, row) in result.periods.iter().enumerate() {
            assert_eq!(row.period, t);
            assert!(
                (row.survival - paper[t] * 100.0).abs() < 1e-10,
                "{t}: {row:?}"
            );
            assert!((row.expected - paper[t] * 1000.0).abs() < 1e-9);
            assert_eq!(row.projected, t > 7);
            if t <= 7 {
                // The observed counts, exactly as given.
                assert_eq!(row.actual, Some(counts[t]));
                assert_eq!(row.actual_survival, Some(counts[t] / 10.0));
            } else {
                assert_eq!(row.actual, None);
                let gap = (counts[t] - row.expected) / 10.0;
                assert!(
                    gap > 0.0 && gap < worst,
                    "year {t}: {} vs {}",
                    row.expected,
                    counts[t]
                );
            }
            if t > 0 {
                // r(t) = (β + t − 1) / (α + β + t − 1) = S(t) / S(t − 1).
                let r = paper[t] / paper[t - 1] * 100.0;
                assert!((row.retention.unwrap() - r).abs() < 1e-10);
                assert!((row.churn.unwrap() - (100.0 - r)).abs() < 1e-10);
            } else {
                assert_eq!(row.retention, None);
            }
        }
    }
}

#[test]
fn observed_retention_rates_are_the_counts_ratios() {
    // Regular, year 1 → 2: 468 of 631 renewed = 74.17 %.
    let result = sbg::sbg(&calibration(&REGULAR), &SbgOptions::default()).unwrap();
    let r2 = result.periods[2].actual_retention.unwrap();
    assert!((r2 - 468.0 / 631.0 * 100.0).abs() < 1e-12);
    assert!((result.periods[1].actual_retention.unwrap() - 63.1).abs() < 1e-12);
    assert_eq!(result.periods[8].actual_retention, None);
    // Default horizon: twice the 7 periods observed, at least 12.
    assert_eq!(result.horizon, 14);
    assert_eq!(result.observed_periods, 7);
    assert_eq!(result.subscribers, 1000.0);
    assert_eq!(result.active_subscribers, 241.0);
}

/// Σ_{t ≥ from} S(t) zᵗ⁻ᶠʳᵒᵐ ⁺ ˢʰⁱᶠᵗ / S(from − 1 …): the plain sums. `del` is
/// Σ_{t≥0} S(t) zᵗ; `derl(n)` is Σ_{t>n} S(t)/S(n) · z^(t−n−1).
fn plain_sums(p: SbgParams, d: f64, n: usize) -> (f64, f64) {
    let z = 1.0 / (1.0 + d);
    let s = paper_survival(p.alpha, p.beta, 20_000);
    let del: f64 = s
        .iter()
        .enumerate()
        .map(|(t, s)| s * z.powi(t as i32))
        .sum();
    let derl: f64 = (n + 1..s.len())
        .map(|t| s[t] / s[n] * z.powi((t - n - 1) as i32))
        .sum();
    (del, derl)
}

#[test]
fn discounted_lifetimes_are_the_plain_sums() {
    for (alpha, beta) in [(0.704, 1.182), (0.668, 3.806), (3.80, 15.20)] {
        let p = SbgParams { alpha, beta };
        for d in [0.01, 0.1, 0.25] {
            for n in [0, 1, 4, 7] {
                let (del, derl) = plain_sums(p, d, n);
                let got_del = p.discounted_expected_lifetime(d);
                let got_derl = p.discounted_expected_residual_lifetime(d, n);
                assert!(
                    (got_del - del).abs() < 1e-9 * del,
                    "{alpha} {beta} {d}: {got_del} {del}"
                );
                assert!(
                    (got_derl - derl).abs() < 1e-9 * derl,
                    "{alpha} {beta} {d} {n}: {got_derl} {derl}"
                );
                // DEL = 1 + DERL(0) / (1 + d): the first payment, then a renewal's worth.
                let derl0 = p.discounted_expected_residual_lifetime(d, 0);
                assert!((got_del - (1.0 + derl0 / (1.0 + d))).abs() < 1e-12 * got_del);
            }
        }
    }
}

#[test]
fn values_and_lifetimes() {
    // High end, d = 10 % a year, 100 a year: value = 100 × DEL; the base's
    // residual value = 491 subscribers × 100 × DERL(7).
    let options = SbgOptions {
        horizon: None,
        discount_rate: 0.1,
        value_per_period: Some(100.0),
    };
    let r = sbg::sbg(&calibration(&HIGH_END), &options).unwrap();
    let (del, derl7) = plain_sums(r.params, 0.1, 7);
    assert!((r.discounted_lifetime - del).abs() < 1e-9 * del);
    assert!((r.value_per_new_subscriber.unwrap() - 100.0 * del).abs() < 1e-7 * del);
    assert_eq!(r.residual.len(), 8);
    assert_eq!(r.residual[7].renewals, 7);
    assert!((r.residual[7].value.unwrap() - 100.0 * derl7).abs() < 1e-7 * derl7);
    assert!((r.residual_value_of_base.unwrap() - 491.0 * 100.0 * derl7).abs() < 1e-5 * derl7);
    // α < 1: no finite mean lifetime, with its notice; the median is the
    // first year with S(t) ≤ ½: high end S(7) = 49.1 % in the data, and in
    // the model S(6) > ½ ≥ S(7).
    assert_eq!(r.expected_lifetime, None);
    let s = paper_survival(r.params.alpha, r.params.beta, 10);
    let median = (1..=10).find(|&t| s[t] <= 0.5).unwrap();
    assert_eq!(r.median_lifetime, Some(median));
    assert!(r
        .notices
        .get(customer_metrics::error::Code::SbgNoFiniteLifetime)
        .is_some());
    // α > 1: E[T] = (α + β − 1) / (α − 1), e.g. α = 3.8, β = 15.2: 18 / 2.8.
    let p = SbgParams {
        alpha: 3.8,
        beta: 15.2,
    };
    assert!((p.expected_lifetime().unwrap() - 18.0 / 2.8).abs() < 1e-12);
}

#[test]
fn subscriber_rows_give_the_same_fit_as_counts() {
    // High end as 1,000 subscriber rows: those who left in year t renewed
    // t − 1 times; the 491 still subscribed renewed 7 times.
    let mut renewals = Vec::new();
    let mut active = Vec::new();
    for t in 1..=7 {
        for _ in 0..(HIGH_END[t - 1] - HIGH_END[t]) as usize {
            renewals.push((t - 1) as f64);
            active.push(false);
        }
    }
    for _ in 0..491 {
        renewals.push(7.0);
        active.push(true);
    }
    let rows = sbg::from_subscribers(&renewals, &active).unwrap();
    let a = sbg::fit(&rows).unwrap();
    let b = sbg::fit(&calibration(&HIGH_END)).unwrap();
    assert!((a.params.alpha - b.params.alpha).abs() < 1e-7);
    assert!((a.params.beta - b.params.beta).abs() < 1e-7);
    // Two cohorts: one of 4 periods is added; the survival shown is the
    // Kaplan–Meier estimate: after period 1, (869 + 90) of 1,100 renewed.
    for _ in 0..10 {
        renewals.push(0.0);
        active.push(false);
    }
    for _ in 0..90 {
        renewals.push(4.0);
        active.push(true);
    }
    let rows = sbg::from_subscribers(&renewals, &active).unwrap();
    let actual = rows.actual();
    assert!((actual[1].survival - 959.0 / 1100.0).abs() < 1e-12);
    // Period 5: the 90 left the risk set after period 4; 551 of 593 renewed.
    let s4 = actual[4].survival;
    assert!((actual[5].survival - s4 * 551.0 / 593.0).abs() < 1e-12);
    assert_eq!((actual[5].at_risk, actual[5].churned), (593.0, 42.0));
}

#[test]
fn notices_for_weak_fits() {
    use customer_metrics::error::Code;
    // Geometric counts (20 % leave every period): no heterogeneity, the
    // constant-churn notice with a churn of 20 %.
    let counts = [10000.0, 8000.0, 6400.0, 5120.0, 4096.0, 3277.0];
    let r = sbg::sbg(
        &sbg::from_survivors(&counts, "survivors").unwrap(),
        &Default::default(),
    )
    .unwrap();
    let n = r
        .notices
        .get(Code::SbgConstantChurn)
        .expect("constant churn");
    assert!((r.mean_churn - 20.0).abs() < 0.01, "{}", r.mean_churn);
    assert!(n.params.get("churn").is_some());
    assert!(r.periods.iter().all(|p| p.survival.is_finite()));
    // Two periods of 50 subscribers: few periods, few subscribers.
    let r = sbg::sbg(
        &sbg::from_survivors(&[50.0, 40.0, 35.0], "s").unwrap(),
        &Default::default(),
    )
    .unwrap();
    let codes = r.notices.codes();
    assert!(
        codes.contains(&Code::SbgFewPeriods) && codes.contains(&Code::SbgFewSubscribers),
        "{codes:?}"
    );
    // Churn that speeds up (retention falling: 90, 78, 57, 25 %): the
    // model cannot follow it.
    let r = sbg::sbg(
        &sbg::from_survivors(&[1000.0, 900.0, 700.0, 400.0, 100.0], "s").unwrap(),
        &Default::default(),
    )
    .unwrap();
    let n = r.notices.get(Code::SbgPoorFit).expect("poor fit");
    assert!(n.params.get("points").is_some());
    // The paper's data draw none of these but the infinite mean (α < 1).
    let r = sbg::sbg(&calibration(&REGULAR), &Default::default()).unwrap();
    assert_eq!(r.notices.codes(), vec![Code::SbgNoFiniteLifetime]);
}

#[test]
fn bad_counts_are_errors_naming_the_place() {
    let err = |counts: &[f64]| sbg::from_survivors(counts, "survivors").unwrap_err();
    let e = err(&[1000.0, 900.0]);
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("tooFewPeriods", Some("survivors"))
    );
    let e = err(&[1000.0, 900.0, 950.0, 800.0]);
    assert_eq!((e.code.as_str(), e.row), ("countsRising", Some(3)));
    let e = err(&[1000.0, 900.5, 800.0]);
    assert_eq!((e.code.as_str(), e.row), ("notInteger", Some(2)));
    let e = err(&[1000.0, -1.0, 0.0]);
    assert_eq!(e.code.as_str(), "negative");
    let e = err(&[1000.0, f64::NAN, 0.0]);
    assert_eq!(e.code.as_str(), "notANumber");
    assert_eq!(err(&[0.0, 0.0, 0.0]).code.as_str(), "noSubscribers");
    assert_eq!(err(&[100.0, 100.0, 100.0]).code.as_str(), "noChurn");
    assert_eq!(err(&[100.0, 0.0, 0.0]).code.as_str(), "noRenewals");
    // 1,201 periods after the start: more than supported.
    let long: Vec<f64> = (0..1202).map(|i| 2000.0 - i as f64).collect();
    let e = err(&long);
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("tooLarge", Some("survivors"))
    );

    let e = sbg::from_subscribers(&[1.0, 2.0], &[true]).unwrap_err();
    assert_eq!(e.code.as_str(), "listsDifferInLength");
    let e = sbg::from_subscribers(&[1.0, 2.5], &[true, false]).unwrap_err();
    assert_eq!((e.code.as_str(), e.row), ("notInteger", Some(2)));
    let e = sbg::from_subscribers(&[0.0, 1.0], &[false, true]).unwrap_err();
    assert_eq!(e.code.as_str(), "tooFewPeriods");
    assert_eq!(
        sbg::from_subscribers(&[], &[]).unwrap_err().code.as_str(),
        "noSubscribers"
    );

    let data = calibration(&REGULAR);
    for d in [0.0, -0.1, 1.5, f64::NAN] {
        let o = SbgOptions {
            discount_rate: d,
            ..Default::default()
        };
        assert_eq!(
            sbg::sbg(&data, &o).unwrap_err().code.as_str(),
            "discountRateOutOfRange"
        );
    }
    let o = SbgOptions {
        horizon: Some(0),
        ..Default::default()
    };
    assert_eq!(
        sbg::sbg(&data, &o).unwrap_err().code.as_str(),
        "horizonNotPositive"
    );
    let o = SbgOptions {
        horizon: Some(1201),
        ..Default::default()
    };
    assert_eq!(
        sbg::sbg(&data, &o).unwrap_err().code.as_str(),
        "horizonTooLong"
    );
    let o = SbgOptions {
        value_per_period: Some(-5.0),
        ..Default::default()
    };
    assert_eq!(sbg::sbg(&data, &o).unwrap_err().code.as_str(), "negative");
}

fn call(v: serde_json::Value) -> customer_metrics::Error {
    let input: Value = serde_json::from_value(v).unwrap();
    api::subscription_retention(&input).unwrap_err()
}

#[test]
fn the_api_reads_a_list_pasted_text_and_subscriber_rows() {
    let json = |v: serde_json::Value| {
        let input: Value = serde_json::from_value(v).unwrap();
        serde_json::to_value(api::subscription_retention(&input).unwrap()).unwrap()
    };
    let list = json(
        serde_json::json!({ "survivors": &HIGH_END[..8], "horizon": 12, "discountRate": 0.1, "valuePerPeriod": 100 }),
    );
    assert_eq!(list["source"], "survivors");
    assert_eq!(round3(list["params"]["alpha"].as_f64().unwrap()), 0.668);
    assert_eq!(round3(list["params"]["beta"].as_f64().unwrap()), 3.806);
    assert_eq!(list["periods"].as_array().unwrap().len(), 13);
    assert_eq!(list["periods"][8]["actual"], serde_json::Value::Null);
    assert_eq!(list["periods"][8]["projected"], true);
    assert_eq!(list["discountRate"], 0.1);
    // The same counts pasted from a sheet: a header, labels, a blank line,
    // thousands written 1.000, a line without a number.
    let text = "Tahun\tPelanggan aktif\nTahun 0\t1.000\nTahun 1\t869\n\nTahun 2\t743\nTahun 3\t653\ncatatan\nTahun 4\t593\nTahun 5\t551\nTahun 6\t517\nTahun 7\t491\n";
    let pasted = json(
        serde_json::json!({ "text": text, "horizon": 12, "discountRate": 0.1, "valuePerPeriod": 100 }),
    );
    assert_eq!(pasted["source"], "text");
    assert_eq!(pasted["params"], list["params"]);
    assert_eq!(pasted["periods"], list["periods"]);
    assert_eq!(
        (pasted["rows"].as_u64(), pasted["used"].as_u64()),
        (Some(9), Some(8))
    );
    assert_eq!(pasted["skipped"][0]["row"], 7);
    // Subscriber rows: 3 left in period 1, 2 in period 2, 5 still in after 2 renewals.
    let rows = json(serde_json::json!({
        "renewals": [0, 0, 0, 1, 1, 2, 2, 2, 2, 2],
        "active": [false, false, false, false, false, true, true, 1, 1, true],
    }));
    assert_eq!(rows["source"], "subscribers");
    assert_eq!(rows["counts"], serde_json::Value::Null);
    assert_eq!(rows["periods"][1]["actual"], 7.0);
    assert_eq!(rows["periods"][2]["actualSurvival"], 50.0);
}

#[test]
fn the_api_refuses_bad_input_with_codes() {
    use serde_json::json;
    let e = call(json!({ "survivors": [1000, 900], "text": "1000\n900\n" }));
    assert_eq!(e.code.as_str(), "conflictingInputs");
    assert_eq!(call(json!({})).code.as_str(), "missingInput");
    let e = call(json!({ "renewals": [1, 2] }));
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("missingField", Some("active"))
    );
    let e = call(json!({ "survivors": [1000, "x", 800] }));
    assert_eq!((e.code.as_str(), e.row), ("notANumber", Some(2)));
    let e = call(json!({ "renewals": [1, 2], "active": ["ya", true] }));
    assert_eq!((e.code.as_str(), e.row), ("wrongType", Some(1)));
    let e = call(json!({ "survivors": [1000, 900, 800], "discountRate": 2 }));
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("discountRateOutOfRange", Some("discountRate"))
    );
    let e = call(json!({ "survivors": [1000, 900, 800], "horizon": 2.5 }));
    assert_eq!(e.code.as_str(), "notInteger");
    let e = call(json!({ "survivors": [1000, 900, 800], "horizon": 5000 }));
    assert_eq!(e.code.as_str(), "horizonTooLong");
    let e = call(json!({ "survivor": [1000, 900, 800] }));
    assert_eq!(e.code.as_str(), "unknownField");
    // In pasted text an error names the line: 950 on line 4 rises above 900.
    let e = call(json!({ "text": "Bulan\tAktif\n0\t1000\n1\t900\n2\t950\n" }));
    assert_eq!(
        (e.code.as_str(), e.row, e.field.as_deref()),
        ("countsRising", Some(4), Some("text"))
    );
    let e = call(json!({ "text": "Bulan\tAktif\n0\t1000\n1\t900,5\n2\t800\n" }));
    assert_eq!((e.code.as_str(), e.row), ("notInteger", Some(3)));
    assert_eq!(call(json!({ "text": " \n\n" })).code.as_str(), "emptyText");
    let e = call(json!({ "text": "Bulan\nsatu\ndua\n" }));
    assert_eq!((e.code.as_str(), e.skipped.len()), ("noUsableRows", 2));
    assert_eq!(
        call(json!({ "text": "1000\n900\n" })).code.as_str(),
        "tooFewPeriods"
    );
}
