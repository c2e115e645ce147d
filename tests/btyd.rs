//! The BTYD models against the published CDNOW figures (Fader, Hardie & Lee
//! 2005; Fader & Hardie 2013), lifetimes 0.11.3 and mpmath references.
//!
//! Reference values not from the papers were computed once, outside the
//! project: the maximum-likelihood optima with scipy (Nelder–Mead then BFGS
//! on the same likelihoods), standard errors and CLV with lifetimes 0.11.3,
//! and eq. 10 / P(alive) with mpmath at 60–80 digits.
#![cfg(feature = "analytics")]

use chrono::NaiveDate;
use customer_metrics::metrics::btyd::*;
use std::path::PathBuf;

fn data_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name)
}

/// `cdnow_customers_summary_with_transactions.csv`: ID,x,t_x,T,zbar (weeks).
fn cdnow_summary() -> Vec<CustomerRfmt> {
    let text = std::fs::read_to_string(data_file("cdnow_customers_summary_with_transactions.csv"))
        .expect("CDNOW summary file");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.trim().split(',').collect();
            let num = |i: usize| f[i].parse::<f64>().expect("number");
            CustomerRfmt {
                id: f[0].to_string(),
                frequency: num(1),
                recency: num(2),
                t: num(3),
                monetary: num(4),
            }
        })
        .collect()
}

/// `CDNOW_sample.txt`: master id, sample id, YYYYMMDD, CDs, dollars, runs of
/// spaces, CRLF. The sample id is the customer.
fn cdnow_transactions() -> Vec<Transaction> {
    let text = std::fs::read_to_string(data_file("CDNOW_sample.txt")).expect("CDNOW log");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Transaction {
                customer: f[1].trim_start_matches('0').to_string(),
                date: NaiveDate::parse_from_str(f[2], "%Y%m%d").expect("date"),
                amount: f[4].parse().expect("dollars"),
            }
        })
        .collect()
}

fn cdnow_raw_summary() -> Summary {
    let options = SummaryOptions {
        unit: TimeUnit::Weeks,
        calibration_end: NaiveDate::from_ymd_opt(1997, 9, 30),
        holdout_end: NaiveDate::from_ymd_opt(1998, 6, 30),
    };
    summarize(&cdnow_transactions(), &options).expect("summary")
}

fn rounds_to(value: f64, decimals: i32, published: f64) {
    let scale = 10f64.powi(decimals);
    assert_eq!(
        (value * scale).round() / scale,
        published,
        "{value} does not round to {published}"
    );
}

fn relative(got: f64, want: f64, tolerance: f64) {
    let err = ((got - want) / want).abs();
    assert!(
        err <= tolerance,
        "got {got}, want {want}: relative error {err:e} > {tolerance:e}"
    );
}

/// The published BG/NBD estimates (Fader, Hardie & Lee 2005, p. 280).
fn assert_published_bgnbd(p: &BgNbdParams) {
    rounds_to(p.r, 3, 0.243);
    rounds_to(p.alpha, 3, 4.414);
    rounds_to(p.a, 3, 0.793);
    rounds_to(p.b, 3, 2.426);
}

#[test]
fn bgnbd_on_the_cdnow_summary() {
    let customers = cdnow_summary();
    assert_eq!(customers.len(), 2357);
    let fit = fit_bgnbd(&customers).expect("fit");
    assert_published_bgnbd(&fit.params);
    rounds_to(fit.log_likelihood, 1, -9582.4);
    // The optimum as found by scipy on the same likelihood.
    let p = fit.params;
    relative(p.r, 0.24259289, 1e-6);
    relative(p.alpha, 4.41353152, 1e-6);
    relative(p.a, 0.79288608, 1e-6);
    relative(p.b, 2.42575356, 1e-6);
    relative(fit.log_likelihood, -9582.425560567364, 1e-12);
    // lifetimes' standard errors (autograd Hessian, delta method).
    let se = fit.standard_errors.expect("standard errors");
    relative(se.r, 0.012557, 1e-4);
    relative(se.alpha, 0.378221, 1e-5);
    relative(se.a, 0.185719, 1e-5);
    relative(se.b, 0.705345, 1e-5);
    assert_eq!((fit.customers, fit.repeat_buyers), (2357, 946));
    assert!(fit.notices.warnings().is_empty());
}

#[test]
fn gamma_gamma_on_the_cdnow_summary() {
    let fit = fit_gamma_gamma(&cdnow_summary()).expect("fit");
    let p = fit.params;
    // The summary's spends are rounded to cents; on them v = 15.4477 and
    // rounds to 15.45. The raw log gives the published 15.44 (below).
    rounds_to(p.p, 2, 6.25);
    rounds_to(p.q, 2, 3.74);
    relative(p.p, 6.24880314, 1e-6);
    relative(p.q, 3.74458839, 1e-6);
    relative(p.v, 15.4477463, 1e-6);
    relative(fit.log_likelihood, -4055.9232435028584, 1e-12);
    let se = fit.standard_errors.expect("standard errors");
    relative(se.p, 1.189687, 1e-5);
    relative(se.q, 0.290166, 1e-5);
    relative(se.v, 4.159994, 1e-5);
    assert_eq!(fit.customers, 946);
    assert!((fit.frequency_spend_correlation - 0.1139).abs() < 1e-4);
    assert!(
        fit.notices.warnings().is_empty(),
        "{:?}",
        fit.notices.warnings()
    );
}

#[test]
fn the_raw_log_summarises_to_the_published_table() {
    let raw = cdnow_raw_summary();
    let table = cdnow_summary();
    assert_eq!(raw.customers.len(), 2357);
    assert!(
        raw.notices.warnings().is_empty(),
        "{:?}",
        raw.notices.warnings()
    );
    let mut by_id: Vec<&CustomerRfmt> = raw.customers.iter().collect();
    by_id.sort_by_key(|c| c.id.parse::<u32>().unwrap());
    for (r, t) in by_id.iter().zip(&table) {
        assert_eq!(r.id, t.id);
        assert_eq!(r.frequency, t.frequency, "customer {}", r.id);
        // The table rounds to 2 decimals.
        assert!(
            (r.recency - t.recency).abs() <= 0.005 + 1e-9,
            "customer {}",
            r.id
        );
        assert!((r.t - t.t).abs() <= 0.005 + 1e-9, "customer {}", r.id);
        assert!(
            (r.monetary - t.monetary).abs() <= 0.005 + 1e-9,
            "customer {}",
            r.id
        );
    }
    let total_x: f64 = raw.customers.iter().map(|c| c.frequency).sum();
    assert_eq!(total_x, 2457.0);
    let holdout = raw.holdout.expect("holdout");
    assert_eq!(holdout.duration, 273.0 / 7.0);
    // Counted independently with pandas (distinct purchase days per
    // customer in 1997-10-01 ..= 1998-06-30).
    assert_eq!(holdout.total_purchases, 1882.0);
}

#[test]
fn both_models_on_the_raw_log_give_the_published_figures() {
    let raw = cdnow_raw_summary();
    let bg = fit_bgnbd(&raw.customers).expect("BG/NBD");
    assert_published_bgnbd(&bg.params);
    rounds_to(bg.log_likelihood, 1, -9582.4);
    relative(bg.params.r, 0.24259453, 1e-6);
    relative(bg.params.alpha, 4.41360239, 1e-6);
    relative(bg.params.a, 0.79292205, 1e-6);
    relative(bg.params.b, 2.42590692, 1e-6);
    relative(bg.log_likelihood, -9582.429206673929, 1e-12);
    let gg = fit_gamma_gamma(&raw.customers).expect("Gamma-Gamma");
    // Fader & Hardie (2013): p = 6.25, q = 3.74, γ = 15.44.
    rounds_to(gg.params.p, 2, 6.25);
    rounds_to(gg.params.q, 2, 3.74);
    rounds_to(gg.params.v, 2, 15.44);
    relative(gg.params.p, 6.24957369, 1e-6);
    relative(gg.params.q, 3.74422469, 1e-6);
    relative(gg.params.v, 15.44351775, 1e-6);
    relative(gg.log_likelihood, -4055.9176948018703, 1e-12);
}

/// Rounded lifetimes fit on the summary, used for the prediction references.
const BG: BgNbdParams = BgNbdParams {
    r: 0.242593,
    alpha: 4.413532,
    a: 0.792886,
    b: 2.425752,
};
const GG: GammaGammaParams = GammaGammaParams {
    p: 6.248802,
    q: 3.744588,
    v: 15.447748,
};

#[test]
fn palive_and_conditional_expectations_match_mpmath() {
    // (x, t_x, T, horizon, P(alive), E[Y(horizon) | x, t_x, T]).
    let cases = [
        // The lifetimes documentation's customer: 39 weeks ahead.
        (
            2.0,
            30.43,
            38.86,
            39.0,
            0.7266091024562508,
            1.2259103856938938,
        ),
        // Many purchases long ago: P(alive) tiny but positive.
        (
            21.0,
            4.71,
            29.29,
            39.0,
            2.4894361393854993e-11,
            4.4990640852208967e-10,
        ),
        (
            21.0,
            4.71,
            29.29,
            520.0,
            2.4894361393854993e-11,
            2.1056208846507996e-09,
        ),
        (0.0, 0.0, 38.86, 39.0, 1.0, 0.19478091229356076),
        (
            1.0,
            1.71,
            38.86,
            520.0,
            0.21222732345209522,
            1.3079989825668898,
        ),
        (7.0, 35.0, 38.86, 52.0, 0.8437868946020102, 5.52066305663065),
        // x = 200 over 10 and 100 years.
        (
            200.0,
            38.0,
            38.86,
            520.0,
            0.8202266468977628,
            559.216735487823,
        ),
        (
            200.0,
            38.0,
            38.86,
            5200.0,
            0.8202266468977628,
            1357.7252812293045,
        ),
        // A customer first seen today, 10 years ahead.
        (0.0, 0.0, 0.0, 520.0, 1.0, 4.968749176471589),
        (
            3.0,
            10.0,
            10.5,
            100000.0,
            0.8332639928597101,
            95.82344621300565,
        ),
    ];
    for (x, tx, t, horizon, alive, expected) in cases {
        relative(BG.probability_alive(x, tx, t), alive, 1e-13);
        relative(
            BG.conditional_expected_purchases(horizon, x, tx, t),
            expected,
            1e-12,
        );
    }
    for (horizon, expected) in [
        (1.0, 0.05318475535987746),
        (39.0, 1.1950165244955513),
        (78.0, 1.857972105204132),
        (520.0, 4.968749176471589),
    ] {
        relative(BG.expected_purchases(horizon), expected, 1e-13);
    }
}

#[test]
fn expectations_at_a_equal_1_and_a_plus_b_below_1() {
    // Eq. 10 is 0/0 at a = 1; with a + b < 1 and x = 0 its ₂F₁ has c < 0.
    // References: the posterior expectation by mpmath quadrature, 80 digits.
    let at_one = BgNbdParams {
        r: 0.5,
        alpha: 10.0,
        a: 1.0,
        b: 3.0,
    };
    for (x, tx, t, horizon, expected) in [
        (0.0, 0.0, 20.0, 52.0, 0.680720947082603),
        (3.0, 15.0, 20.0, 52.0, 2.981409789671618),
        (50.0, 19.0, 20.0, 520.0, 137.11374771413404),
    ] {
        relative(
            at_one.conditional_expected_purchases(horizon, x, tx, t),
            expected,
            1e-12,
        );
    }
    relative(at_one.expected_purchases(52.0), 1.5416346569662795, 1e-13);
    let near_one = BgNbdParams {
        a: 1.0000001,
        ..at_one
    };
    relative(
        near_one.conditional_expected_purchases(52.0, 3.0, 15.0, 20.0),
        2.9814096123759146,
        1e-12,
    );
    relative(near_one.expected_purchases(52.0), 1.5416346010567252, 1e-12);
    let small = BgNbdParams {
        r: 0.3,
        alpha: 2.0,
        a: 0.3,
        b: 0.5,
    };
    for (x, tx, t, horizon, expected) in [
        (0.0, 0.0, 20.0, 52.0, 0.5161674176013403),
        (0.0, 0.0, 0.0, 1000.0, 24.431476784847675),
        (1.0, 5.0, 20.0, 52.0, 0.6503882874632669),
    ] {
        relative(
            small.conditional_expected_purchases(horizon, x, tx, t),
            expected,
            1e-12,
        );
    }
    relative(small.expected_purchases(52.0), 3.0844102106487714, 1e-12);
}

#[test]
fn extreme_customers_give_finite_values() {
    let params = [
        BG,
        BgNbdParams {
            r: 5.0,
            alpha: 0.05,
            a: 40.0,
            b: 30.0,
        },
        BgNbdParams {
            r: 0.01,
            alpha: 300.0,
            a: 0.02,
            b: 0.1,
        },
    ];
    for p in params {
        let mut checked = 0;
        for x in [0.0, 1.0, 2.0, 21.0, 200.0, 5000.0] {
            for (tx, t) in [
                (0.0, 0.0),
                (0.5, 0.5),
                (4.71, 29.29),
                (38.0, 38.86),
                (1.0, 3650.0),
            ] {
                if x == 0.0 && tx > 0.0 {
                    continue;
                }
                let alive = p.probability_alive(x, tx, t);
                assert!((0.0..=1.0).contains(&alive), "{p:?} {x} {tx} {t}: {alive}");
                assert!(p.log_likelihood(x, tx, t).is_finite());
                let mut previous = 0.0;
                for horizon in [0.01, 1.0, 39.0, 520.0, 5200.0, 52000.0] {
                    let e = p.conditional_expected_purchases(horizon, x, tx, t);
                    assert!(
                        e.is_finite() && e >= previous * (1.0 - 1e-12),
                        "{p:?} x={x} t_x={tx} T={t} t={horizon}: {e} after {previous}"
                    );
                    previous = e;
                    checked += 1;
                }
            }
        }
        assert!(checked > 100);
        for horizon in [1e-6, 1.0, 520.0, 1e5] {
            assert!(p.expected_purchases(horizon).is_finite());
        }
    }
}

#[test]
fn clv_matches_lifetimes() {
    // lifetimes' GammaGammaFitter.customer_lifetime_value(bgf, ..., time=12,
    // discount_rate=0.01, freq="W") (month = 4.345 weeks), and the same
    // loop with our month of 30.4375 / 7 weeks.
    let cases = [
        (
            "1",
            2.0,
            30.43,
            38.86,
            22.35,
            36.278494993534736,
            36.300535383660396,
        ),
        (
            "2",
            1.0,
            1.71,
            38.86,
            11.77,
            4.6374651968345715,
            4.640355818824108,
        ),
        (
            "3",
            0.0,
            0.0,
            38.86,
            0.0,
            8.344096111223703,
            8.349534849108451,
        ),
        (
            "9",
            2.0,
            35.71,
            38.86,
            25.55,
            43.35364203265645,
            43.37998080949762,
        ),
        (
            "18",
            1.0,
            4.86,
            38.86,
            9.99,
            6.3496210118477014,
            6.353578853759828,
        ),
        (
            "100",
            1.0,
            23.86,
            38.29,
            26.22,
            21.886298940237207,
            21.899918887131275,
        ),
        (
            "1001",
            0.0,
            0.0,
            33.57,
            0.0,
            9.353459100616844,
            9.35948056180815,
        ),
        (
            "9001",
            21.0,
            4.71,
            29.29,
            30.0,
            1.588859477901304e-08,
            1.589718849027787e-08,
        ),
        (
            "9002",
            200.0,
            38.0,
            38.86,
            12.5,
            1675.0983119964012,
            1676.0334073167933,
        ),
        (
            "9003",
            0.0,
            0.0,
            0.5,
            0.0,
            44.952621025406394,
            44.974493974642506,
        ),
    ];
    let customers: Vec<CustomerRfmt> = cases
        .iter()
        .map(|&(id, x, tx, t, m, _, _)| CustomerRfmt {
            id: id.to_string(),
            frequency: x,
            recency: tx,
            t,
            monetary: m,
        })
        .collect();
    let lifetimes_weeks = ClvOptions {
        horizon_months: 12,
        monthly_discount_rate: 0.01,
        unit: TimeUnit::Weeks,
        month_length: Some(4.345),
    };
    let ours = ClvOptions {
        month_length: None,
        ..lifetimes_weeks
    };
    assert_eq!(ours.month_length(), 4.348214285714286);
    assert_eq!(
        ClvOptions {
            unit: TimeUnit::Days,
            ..ours
        }
        .month_length(),
        30.4375
    );
    let theirs = customer_lifetime_value(&BG, &GG, &customers, &lifetimes_weeks).unwrap();
    let mine = customer_lifetime_value(&BG, &GG, &customers, &ours).unwrap();
    for ((case, t), m) in cases.iter().zip(&theirs).zip(&mine) {
        relative(t.clv, case.5, 1e-10);
        relative(m.clv, case.6, 1e-10);
    }
    // Over the whole data set.
    let all = cdnow_summary();
    let total = |o: &ClvOptions| -> f64 {
        customer_lifetime_value(&BG, &GG, &all, o)
            .unwrap()
            .iter()
            .map(|v| v.clv)
            .sum()
    };
    relative(total(&lifetimes_weeks), 71509.90184256014, 1e-10);
    relative(total(&ours), 71552.15335753372, 1e-10);
    let ten_years = ClvOptions {
        horizon_months: 120,
        ..ours
    };
    relative(total(&ten_years), 231529.4239330852, 1e-10);
}

#[test]
fn btyd_fits_and_predicts_in_one_call() {
    let options = ClvOptions {
        horizon_months: 12,
        monthly_discount_rate: 0.01,
        unit: TimeUnit::Weeks,
        month_length: None,
    };
    let result = btyd(&cdnow_summary(), &options).expect("btyd");
    rounds_to(result.params.r, 3, 0.243);
    rounds_to(result.params.v, 3, 15.448);
    assert!(result.standard_errors.is_some());
    rounds_to(result.log_likelihood.bg_nbd, 1, -9582.4);
    assert_eq!(result.customers.len(), 2357);
    assert_eq!(result.totals.repeat_buyers, 946);
    // The fitted parameters are within 1e-6 of BG and GG above.
    relative(result.totals.clv, 71552.15335753372, 1e-4);
    let first = &result.customers[0];
    relative(first.probability_alive, 0.7266091024562508, 1e-5);
    assert!(result
        .customers
        .iter()
        .all(|c| c.clv.is_finite() && c.clv >= 0.0));
}

fn customer(x: f64, tx: f64, t: f64, m: f64) -> CustomerRfmt {
    CustomerRfmt {
        id: format!("{x}/{tx}/{t}/{m}"),
        frequency: x,
        recency: tx,
        t,
        monetary: m,
    }
}

#[test]
fn fit_errors_are_values_not_panics() {
    let few: Vec<CustomerRfmt> = (0..9)
        .map(|i| customer(1.0, 1.0, 10.0 + f64::from(i), 5.0))
        .collect();
    assert_eq!(fit_bgnbd(&few).unwrap_err().code, "tooFewCustomers");
    assert_eq!(
        fit_gamma_gamma(&few).unwrap_err().code,
        "tooFewRepeatBuyers"
    );
    let one_timers: Vec<CustomerRfmt> = (0..50)
        .map(|i| customer(if i < 4 { 1.0 } else { 0.0 }, 0.0, 10.0, 5.0))
        .collect();
    assert_eq!(
        fit_bgnbd(&one_timers).unwrap_err().code,
        "tooFewRepeatBuyers"
    );
    // Everyone buys every week and nobody lapses: the dropout probability
    // runs off to 0.
    let loyal: Vec<CustomerRfmt> = (0..50).map(|_| customer(30.0, 30.0, 30.0, 5.0)).collect();
    assert_eq!(fit_bgnbd(&loyal).unwrap_err().code, "fitDidNotConverge");
    // Identical spend for everyone: no spread to fit, so the mean spend is
    // everyone's spend per purchase, with a warning (issue #17).
    let flat = fit_gamma_gamma(&loyal).unwrap();
    assert!(flat.standard_errors.is_none());
    assert!(
        flat.notices
            .warnings()
            .iter()
            .any(|w| w.contains("spends the same")),
        "{:?}",
        flat.notices.warnings()
    );
    for (x, m) in [(30.0, 5.0), (0.0, 0.0), (3.0, 5.0)] {
        let spend = flat.params.conditional_expected_spend(x, m).unwrap();
        assert!((spend - 5.0).abs() < 1e-12, "x = {x}: {spend}");
    }
    // Bad values.
    let mut bad = cdnow_summary();
    bad[5].recency = 99.0;
    let e = fit_bgnbd(&bad).unwrap_err();
    assert_eq!((e.code.as_str(), e.row), ("recencyAfterEnd", Some(6)));
    bad[5] = customer(f64::NAN, 0.0, 1.0, 0.0);
    assert_eq!(fit_bgnbd(&bad).unwrap_err().code, "notFinite");
    bad[5] = customer(1.5, 0.5, 1.0, 0.0);
    assert_eq!(fit_bgnbd(&bad).unwrap_err().code, "frequencyNotWhole");
    bad[5] = customer(0.0, 0.5, 1.0, 0.0);
    assert_eq!(fit_bgnbd(&bad).unwrap_err().code, "recencyWithoutRepeat");
    // CLV options.
    let options = ClvOptions {
        horizon_months: 0,
        monthly_discount_rate: 0.01,
        unit: TimeUnit::Days,
        month_length: None,
    };
    let some = &cdnow_summary()[..3];
    let clv = |o: ClvOptions| {
        customer_lifetime_value(&BG, &GG, some, &o)
            .unwrap_err()
            .code
    };
    assert_eq!(clv(options), "horizonNotPositive");
    assert_eq!(
        clv(ClvOptions {
            horizon_months: 1201,
            ..options
        }),
        "horizonTooLong"
    );
    assert_eq!(
        clv(ClvOptions {
            horizon_months: 12,
            monthly_discount_rate: -0.1,
            ..options
        }),
        "discountRateOutOfRange"
    );
    assert_eq!(
        clv(ClvOptions {
            horizon_months: 12,
            month_length: Some(0.0),
            ..options
        }),
        "monthLengthNotPositive"
    );
    let no_mean = GammaGammaParams { q: 0.8, ..GG };
    let e = customer_lifetime_value(
        &BG,
        &no_mean,
        some,
        &ClvOptions {
            horizon_months: 12,
            ..options
        },
    )
    .unwrap_err();
    assert_eq!(e.code, "noMeanSpend");
}

#[test]
fn days_and_weeks_give_the_same_model() {
    // In days, α is 7 times larger and each of the Σx purchase-time
    // densities 7 times smaller: ln L falls by Σx · ln 7.
    let options = SummaryOptions {
        unit: TimeUnit::Days,
        calibration_end: NaiveDate::from_ymd_opt(1997, 9, 30),
        holdout_end: None,
    };
    let days = summarize(&cdnow_transactions(), &options).expect("summary");
    assert_eq!(
        days.notices.warnings().len(),
        1,
        "{:?}",
        days.notices.warnings()
    ); // purchases after 1997-09-30
    let in_days = fit_bgnbd(&days.customers).expect("fit in days");
    let in_weeks = fit_bgnbd(&cdnow_raw_summary().customers).expect("fit in weeks");
    relative(in_days.params.r, in_weeks.params.r, 1e-6);
    relative(in_days.params.alpha, 7.0 * in_weeks.params.alpha, 1e-6);
    relative(in_days.params.a, in_weeks.params.a, 1e-6);
    relative(in_days.params.b, in_weeks.params.b, 1e-6);
    relative(
        in_days.log_likelihood,
        in_weeks.log_likelihood - 2457.0 * 7f64.ln(),
        1e-12,
    );
    // The same predictions for the same calendar span.
    let c = &days.customers[0];
    let w = cdnow_raw_summary()
        .customers
        .into_iter()
        .find(|w| w.id == c.id)
        .unwrap();
    relative(
        in_days
            .params
            .conditional_expected_purchases(364.0, c.frequency, c.recency, c.t),
        in_weeks
            .params
            .conditional_expected_purchases(52.0, w.frequency, w.recency, w.t),
        1e-5,
    );
}

mod common;
use common::Rng;

#[test]
fn simulated_bgnbd_data_give_back_their_parameters() {
    let truth = BgNbdParams {
        r: 2.0,
        alpha: 10.0,
        a: 3.0,
        b: 8.0,
    };
    let mut rng = Rng(7);
    let customers: Vec<CustomerRfmt> = (0..5000)
        .map(|i| {
            let lambda = rng.gamma(truth.r) / truth.alpha;
            let g = rng.gamma(truth.a);
            let p = g / (g + rng.gamma(truth.b));
            let t = 10.0 + 42.0 * rng.unit();
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
            customer_with_id(i, x, tx, t)
        })
        .collect();
    let fit = fit_bgnbd(&customers).expect("fit");
    let se = fit.standard_errors.expect("standard errors");
    for (name, got, want, se) in [
        ("r", fit.params.r, truth.r, se.r),
        ("alpha", fit.params.alpha, truth.alpha, se.alpha),
        ("a", fit.params.a, truth.a, se.a),
        ("b", fit.params.b, truth.b, se.b),
    ] {
        assert!(
            (got - want).abs() < 3.0 * se,
            "{name}: {got} vs {want} (se {se})"
        );
    }
}

fn customer_with_id(i: usize, x: f64, tx: f64, t: f64) -> CustomerRfmt {
    CustomerRfmt {
        id: i.to_string(),
        frequency: x,
        recency: tx,
        t,
        monetary: 0.0,
    }
}
