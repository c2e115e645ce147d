//! Transaction-log analytics on small logs whose results were worked out by
//! hand; the arithmetic is in the comments.
#![cfg(feature = "analytics")]

use chrono::NaiveDate;
use customer_metrics::metrics::clv_log::clv_log;
use customer_metrics::metrics::cohorts::cohorts;
use customer_metrics::metrics::lifecycle::lifecycle;
use customer_metrics::metrics::log::{summarize, Summary, Transaction};
use customer_metrics::metrics::retention::{retention, RetentionMode};
use customer_metrics::metrics::rfm::{rfm, CustomerRfm, Rfm, RfmMethod, Thresholds};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Rows `(name, date, amount, order)`; lines are 1, 2, 3, … in this order.
fn log(rows: &[(&str, &str, f64, Option<&str>)]) -> Summary {
    summarize(
        rows.iter()
            .enumerate()
            .map(|(i, &(name, date, amount, order))| {
                Transaction::new(name, d(date), amount, order.map(String::from), i + 1)
            }),
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {
        assert!(close($a, $b), "{} = {} is not {}", stringify!($a), $a, $b)
    };
}

/// Log A. The last date in the data is 2025-03-31 (Eko's refund and Dewi's
/// zero row), so asOf defaults to 2025-04-01.
/// - Budi (three spellings): INV-1 3,000,000 on 5 Jan; INV-2 in two lines,
///   2,500,000 + 1,000,000 on 20 Mar → 2 orders, total 6,500,000.
/// - Siti: 600,000 on 10 Feb, refund 100,000 on 15 Feb → 1 order, 500,000.
/// - Andi: 200,000 on 1 Dec 2024.
/// - Dewi: 400,000 on 30 Mar; a zero-amount row on 31 Mar (not a purchase).
/// - Eko: only a refund → no purchase, left out.
fn log_a() -> Summary {
    log(&[
        ("Budi Santoso", "2025-01-05", 3_000_000.0, Some("INV-1")),
        ("budi  santoso ", "2025-03-20", 2_500_000.0, Some("INV-2")),
        ("BUDI SANTOSO", "2025-03-20", 1_000_000.0, Some("INV-2")),
        ("Siti", "2025-02-10", 600_000.0, Some("INV-3")),
        ("siti", "2025-02-15", -100_000.0, Some("INV-3")),
        ("Andi", "2024-12-01", 200_000.0, Some("INV-4")),
        ("Dewi", "2025-03-30", 400_000.0, Some("INV-5")),
        ("Eko", "2025-03-31", -50_000.0, Some("INV-6")),
        ("Dewi", "2025-03-31", 0.0, Some("INV-7")),
    ])
}

fn find<'a>(r: &'a Rfm, name: &str) -> &'a CustomerRfm {
    r.customers.iter().find(|c| c.customer == name).unwrap()
}

#[test]
fn summary_of_log_a() {
    let s = log_a();
    assert_eq!(s.customers.len(), 5);
    assert_eq!(
        (s.rows, s.purchase_rows, s.refund_rows, s.zero_rows),
        (9, 6, 2, 1)
    );
    assert_eq!(s.last_date, Some(d("2025-03-31")));
    assert_eq!(s.first_date, Some(d("2024-12-01")));
    let budi = s.get("  BUDI santoso").unwrap();
    assert_eq!(budi.customer, "Budi Santoso");
    assert_eq!(
        (budi.orders, budi.purchase_rows, budi.purchase_days()),
        (2, 3, 2)
    );
    assert_eq!(budi.total, 6_500_000.0);
    let siti = s.get("siti").unwrap();
    assert_eq!(
        (siti.total, siti.refunded, siti.orders),
        (500_000.0, 100_000.0, 1)
    );
    assert_eq!(siti.last_purchase(), Some(d("2025-02-10")));
    assert!(!s.get("eko").unwrap().has_purchase());
    assert_eq!(
        s.get("Dewi").unwrap().last_purchase(),
        Some(d("2025-03-30"))
    );
}

#[test]
fn rfm_fixed_on_log_a() {
    let r = rfm(&log_a(), None, RfmMethod::Fixed, &Thresholds::default()).unwrap();
    assert_eq!(r.as_of, d("2025-04-01"));
    assert_eq!(r.customers.len(), 4);
    assert_eq!(r.customers_without_purchase, 1);
    // Budi: 20 Mar → 1 Apr = 12 days → R4; 2 orders → F2; 6,500,000 ≥ 5,000,000 → M4.
    // 4-2-4: not champions (R < 5), not loyal (F < 3) → potential loyalist.
    let b = find(&r, "Budi Santoso");
    assert_eq!((b.recency, b.frequency, b.monetary), (12, 2, 6_500_000.0));
    assert_eq!((b.r, b.f, b.m, b.segment), (4, 2, 4, "potentialLoyalists"));
    // Siti: 10 Feb → 10 Mar = 28, → 1 Apr = 22: 50 days → R3; F1; exactly 500,000 → M2.
    // 3-1-2: R = 3 and F < 3 → about to sleep.
    let s = find(&r, "Siti");
    assert_eq!(
        (s.recency, s.r, s.f, s.m, s.segment),
        (50, 3, 1, 2, "aboutToSleep")
    );
    // Andi: 1 Dec → 1 Jan 31, → 1 Feb 31, → 1 Mar 28, → 1 Apr 31 = 121 days → R1; 1-1-1 → lost.
    let a = find(&r, "Andi");
    assert_eq!(
        (a.recency, a.r, a.f, a.m, a.segment),
        (121, 1, 1, 1, "lost")
    );
    // Dewi: 30 Mar → 1 Apr = 2 days (the zero row of 31 Mar is not a purchase) → 5-1-1 → new.
    let w = find(&r, "Dewi");
    assert_eq!(
        (w.recency, w.r, w.f, w.m, w.segment),
        (2, 5, 1, 1, "newCustomers")
    );
    // Segments: 1 customer each of 4 = 25 %; revenue 7,600,000 in all.
    let seg = |k: &str| r.segments.iter().find(|s| s.key == k).unwrap();
    assert_eq!(r.segments.len(), 11);
    assert_eq!(seg("potentialLoyalists").count, 1);
    assert_close!(seg("potentialLoyalists").percent, 25.0);
    // 6,500,000 / 7,600,000 × 100 = 85.526315789…
    assert_close!(
        seg("potentialLoyalists").revenue_percent.unwrap(),
        6.5 / 7.6 * 100.0
    );
    assert_close!(
        seg("potentialLoyalists").revenue_percent.unwrap(),
        85.526_315_789_473_68
    );
    // 500,000 / 7,600,000 × 100 = 6.578947368…
    assert_close!(
        seg("aboutToSleep").revenue_percent.unwrap(),
        6.578_947_368_421_052
    );
    assert_eq!(seg("champions").count, 0);
    assert_eq!(seg("champions").percent, 0.0);
    assert_eq!(r.segments.iter().map(|s| s.count).sum::<u64>(), 4);
    assert_eq!(r.rules.len(), 11);
    assert_eq!(r.thresholds, Some(Thresholds::default()));
}

#[test]
fn rfm_quintile_on_log_a() {
    let r = rfm(&log_a(), None, RfmMethod::Quintile, &Thresholds::default()).unwrap();
    // n = 4. Recency 12, 50, 121, 2 (Budi, Siti, Andi, Dewi); R = 1 + ⌊5 × (more days) / 4⌋:
    // Budi 2 more → 1 + ⌊10/4⌋ = 3; Siti 1 → 1 + ⌊5/4⌋ = 2; Andi 0 → 1; Dewi 3 → 1 + ⌊15/4⌋ = 4.
    // Frequency 2, 1, 1, 1: F = 1 + ⌊5 × (smaller) / 4⌋: Budi 3 smaller → 4; the tied others 0 → 1.
    // Monetary 6.5M, 0.5M, 0.2M, 0.4M: Budi 3 smaller → 4; Siti 2 → 3; Andi 0 → 1; Dewi 1 → 2.
    let scores = |n: &str| {
        let c = find(&r, n);
        (c.r, c.f, c.m, c.segment)
    };
    // 3-4-4: R = 3, F ≥ 3, M ≥ 3 → need attention.
    assert_eq!(scores("Budi Santoso"), (3, 4, 4, "needAttention"));
    // 2-1-3: R ≤ 2, F + M = 4 < 9, F < 3, R ≠ 1 → hibernating.
    assert_eq!(scores("Siti"), (2, 1, 3, "hibernating"));
    assert_eq!(scores("Andi"), (1, 1, 1, "lost"));
    // 4-1-2: R ≥ 4 but F = 1 and R ≠ 5 → promising.
    assert_eq!(scores("Dewi"), (4, 1, 2, "promising"));
    assert_eq!(r.thresholds, None);
}

#[test]
fn rfm_quintile_ties_and_all_equal_columns() {
    // Five customers, one purchase each on the same day (as_of 10 days later),
    // spends 100, 100, 100, 200, 300.
    let s = log(&[
        ("A", "2025-05-01", 100.0, None),
        ("B", "2025-05-01", 100.0, None),
        ("C", "2025-05-01", 100.0, None),
        ("D", "2025-05-01", 200.0, None),
        ("E", "2025-05-01", 300.0, None),
    ]);
    let r = rfm(
        &s,
        Some(d("2025-05-11")),
        RfmMethod::Quintile,
        &Thresholds::default(),
    )
    .unwrap();
    // Recency all 10 and frequency all 1: nobody is strictly better → all 1.
    assert!(r
        .customers
        .iter()
        .all(|c| c.recency == 10 && c.r == 1 && c.f == 1));
    // M: smaller-than counts 0, 0, 0, 3, 4 → 1, 1, 1, 1 + ⌊15/5⌋ = 4, 1 + ⌊20/5⌋ = 5.
    let m: Vec<u8> = r.customers.iter().map(|c| c.m).collect();
    assert_eq!(m, vec![1, 1, 1, 4, 5]);
    // 1-1-1 → lost; 1-1-4 and 1-1-5: F + M = 5, 6 < 9; F < 3 → hibernating.
    let seg: Vec<&str> = r.customers.iter().map(|c| c.segment).collect();
    assert_eq!(
        seg,
        vec!["lost", "lost", "lost", "hibernating", "hibernating"]
    );
}

#[test]
fn rfm_fixed_boundaries_from_a_log() {
    let mut rows: Vec<(String, &str, f64, Option<String>)> = vec![
        ("r7".into(), "2025-06-23", 1.0, None), // 23 → 30 Jun = 7 days → R5
        ("r8".into(), "2025-06-22", 1.0, None), // 8 days → R4
        ("r30".into(), "2025-05-31", 1.0, None), // 31 May → 30 Jun = 30 days → R4
        ("r31".into(), "2025-05-30", 1.0, None), // 31 days → R3
        // 10,200,000 − 200,000 = 10,000,000 exactly → M4 (5 needs more than 10,000,000).
        ("m10m".into(), "2025-06-01", 10_200_000.0, None),
        ("m10m".into(), "2025-06-02", -200_000.0, None),
        ("m10m+".into(), "2025-06-01", 10_000_001.0, None), // → M5
        ("m500k".into(), "2025-06-01", 500_000.0, None),    // → M2
        ("m499k".into(), "2025-06-01", 499_999.0, None),    // → M1
    ];
    // f10: 11 purchase rows but INV-0 twice → 10 orders → F4; f11: 11 distinct → F5.
    for i in 0..11 {
        let id = if i == 10 { 0 } else { i };
        rows.push(("f10".into(), "2025-06-01", 1.0, Some(format!("INV-{id}"))));
        rows.push(("f11".into(), "2025-06-01", 1.0, Some(format!("X-{i}"))));
    }
    let s = summarize(
        rows.into_iter()
            .enumerate()
            .map(|(i, (n, date, a, o))| Transaction::new(n, d(date), a, o, i + 1)),
    );
    let r = rfm(
        &s,
        Some(d("2025-06-30")),
        RfmMethod::Fixed,
        &Thresholds::default(),
    )
    .unwrap();
    let get = |n: &str| find(&r, n);
    assert_eq!((get("r7").recency, get("r7").r), (7, 5));
    assert_eq!((get("r8").recency, get("r8").r), (8, 4));
    assert_eq!((get("r30").recency, get("r30").r), (30, 4));
    assert_eq!((get("r31").recency, get("r31").r), (31, 3));
    assert_eq!((get("f10").frequency, get("f10").f), (10, 4));
    assert_eq!((get("f11").frequency, get("f11").f), (11, 5));
    assert_eq!((get("m10m").monetary, get("m10m").m), (10_000_000.0, 4));
    assert_eq!(get("m10m+").m, 5);
    assert_eq!(get("m500k").m, 2);
    assert_eq!(get("m499k").m, 1);
    // Edited thresholds: recency 5 up to 8 days makes r8 a 5.
    let t = Thresholds {
        recency: [8, 30, 60, 90],
        ..Thresholds::default()
    };
    let r = rfm(&s, Some(d("2025-06-30")), RfmMethod::Fixed, &t).unwrap();
    assert_eq!(find(&r, "r8").r, 5);
}

#[test]
fn rfm_as_of_rules() {
    let s = log_a();
    // The latest purchase is Dewi's on 30 Mar: asOf on that day is fine (recency 0)…
    let r = rfm(
        &s,
        Some(d("2025-03-30")),
        RfmMethod::Fixed,
        &Thresholds::default(),
    )
    .unwrap();
    assert_eq!(find(&r, "Dewi").recency, 0);
    // …the day before is an error.
    let e = rfm(
        &s,
        Some(d("2025-03-29")),
        RfmMethod::Fixed,
        &Thresholds::default(),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("asOfBeforeLastPurchase", Some("asOf"))
    );
    let e = rfm(
        &summarize(Vec::new()),
        None,
        RfmMethod::Fixed,
        &Thresholds::default(),
    );
    assert_eq!(e.unwrap_err().code, "emptyLog");
    let only_refunds = log(&[("X", "2025-01-01", -10.0, None)]);
    let e = rfm(
        &only_refunds,
        None,
        RfmMethod::Fixed,
        &Thresholds::default(),
    );
    assert_eq!(e.unwrap_err().code, "noPurchases");
}

/// Log B, around Feb 2025 (previous period: Jan 2025).
/// - A: 10 Jan, 5 Feb → in S and E: retained.
/// - B: 20 Jan → S only: lost.
/// - C: 15 Nov 2024, 14 Feb → E, bought before January but not in it: reactivated.
/// - D: first purchase 20 Feb → E and N.
/// - E: 31 Jan, refund 10 Feb → S only (a refund is not a purchase): lost.
/// - F: only a refund (12 Feb) → no purchase, left out.
/// - G: 5 Jan, 25 Jan, 28 Feb → retained.
/// - H: 1 Dec 2024, a zero-amount row on 3 Feb → neither S nor E.
fn log_b() -> Summary {
    log(&[
        ("A", "2025-01-10", 100.0, None),
        ("A", "2025-02-05", 100.0, None),
        ("B", "2025-01-20", 100.0, None),
        ("C", "2024-11-15", 100.0, None),
        ("C", "2025-02-14", 100.0, None),
        ("D", "2025-02-20", 100.0, None),
        ("E", "2025-01-31", 100.0, None),
        ("E", "2025-02-10", -100.0, None),
        ("F", "2025-02-12", -50.0, None),
        ("G", "2025-01-05", 100.0, None),
        ("G", "2025-01-25", 100.0, None),
        ("G", "2025-02-28", 100.0, None),
        ("H", "2024-12-01", 100.0, None),
        ("H", "2025-02-03", 0.0, None),
    ])
}

#[test]
fn retention_february_against_january() {
    let r = retention(
        &log_b(),
        d("2025-02-01"),
        d("2025-02-28"),
        RetentionMode::PeriodOverPeriod,
        None,
    )
    .unwrap();
    assert_eq!(
        (r.previous_start, r.previous_end),
        (Some(d("2025-01-01")), Some(d("2025-01-31")))
    );
    // S = {A, B, E, G} = 4; E = {A, C, D, G} = 4; N = {D} = 1.
    assert_eq!(
        (r.start_customers, r.end_customers, r.new_customers),
        (4, 4, 1)
    );
    // retained = {A, G}; reactivated = {C}; lost = 4 − 2 = 2.
    assert_eq!((r.retained, r.reactivated, r.lost), (2, 1, 2));
    // CRR = (4 − 1) / 4 × 100 = 75; strict = 2 / 4 = 50; churn = 25; 75 is "good".
    assert_close!(r.retention_rate, 75.0);
    assert_close!(r.strict_retention_rate, 50.0);
    assert_close!(r.churn_rate, 25.0);
    assert_eq!(r.band.key, "good");
    assert!(
        r.notices.warnings().is_empty(),
        "{:?}",
        r.notices.warnings()
    );
    assert_eq!(r.customers_without_purchase, 1);
    assert_eq!(r.active_days, None);
    // Repeat figures over the whole log: 7 customers with a purchase (F has none);
    // orders A 2, B 1, C 2, D 1, E 1, G 3, H 1 → 3 repeat customers: 3/7 × 100.
    assert_eq!((r.repeat.customers, r.repeat.repeat_customers), (7, 3));
    assert_close!(r.repeat.repeat_purchase_rate, 300.0 / 7.0);
    // Gaps: A 10 Jan → 5 Feb = 26; C 15 Nov → 14 Feb = 30 + 31 + 30 = 91;
    // G 5 → 25 Jan = 20, 25 Jan → 28 Feb = 34. Mean (26 + 91 + 20 + 34) / 4 = 171 / 4 = 42.75.
    assert_eq!(r.repeat.purchase_gaps, 4);
    assert_close!(r.repeat.average_days_between_purchases.unwrap(), 42.75);
    // First repeats 26, 91, 20 → sorted 20, 26, 91 → median 26.
    assert_eq!(r.repeat.customers_with_repeat_day, 3);
    assert_eq!(r.repeat.median_days_to_first_repeat, Some(26.0));
}

#[test]
fn retention_ten_days_against_the_ten_days_before() {
    let r = retention(
        &log_b(),
        d("2025-03-01"),
        d("2025-03-10"),
        RetentionMode::PeriodOverPeriod,
        None,
    )
    .unwrap();
    // 1–10 Mar → 19–28 Feb: S = {D (20 Feb), G (28 Feb)}; nobody bought in March.
    assert_eq!(
        (r.previous_start, r.previous_end),
        (Some(d("2025-02-19")), Some(d("2025-02-28")))
    );
    assert_eq!(
        (r.start_customers, r.end_customers, r.new_customers),
        (2, 0, 0)
    );
    assert_eq!((r.retained, r.lost), (0, 2));
    assert_close!(r.retention_rate, 0.0);
    assert_close!(r.churn_rate, 100.0);
    // The period runs past the last date in the data (28 Feb).
    assert_eq!(r.notices.warnings().len(), 1);
    assert!(
        r.notices.warnings()[0].contains("2025-02-28"),
        "{}",
        r.notices.warnings()[0]
    );
}

#[test]
fn retention_q2_against_q1_with_reactivations_above_100() {
    // P: 10 Feb and 5 May → retained. Q: 31 Mar only → lost. R: first 1 Apr → new.
    // T: 31 Dec 2024 and 30 Jun → reactivated. U: 1 Oct 2024 and 1 May → reactivated.
    let s = log(&[
        ("P", "2025-02-10", 1.0, None),
        ("P", "2025-05-05", 1.0, None),
        ("Q", "2025-03-31", 1.0, None),
        ("R", "2025-04-01", 1.0, None),
        ("T", "2024-12-31", 1.0, None),
        ("T", "2025-06-30", 1.0, None),
        ("U", "2024-10-01", 1.0, None),
        ("U", "2025-05-01", 1.0, None),
    ]);
    let r = retention(
        &s,
        d("2025-04-01"),
        d("2025-06-30"),
        RetentionMode::PeriodOverPeriod,
        None,
    )
    .unwrap();
    assert_eq!(
        (r.previous_start, r.previous_end),
        (Some(d("2025-01-01")), Some(d("2025-03-31")))
    );
    // S = {P, Q} = 2; E = {P, R, T, U} = 4; N = {R} = 1.
    assert_eq!(
        (r.start_customers, r.end_customers, r.new_customers),
        (2, 4, 1)
    );
    assert_eq!((r.retained, r.reactivated, r.lost), (1, 2, 1));
    // CRR = (4 − 1) / 2 × 100 = 150 (reactivations); strict 1 / 2 = 50; churn −50.
    assert_close!(r.retention_rate, 150.0);
    assert_close!(r.strict_retention_rate, 50.0);
    assert_close!(r.churn_rate, -50.0);
    // Above 100 % the band is the strict rate's (issue #14): 50 % is poor.
    assert_eq!(r.band.key, "poor");
    assert_eq!(r.notices.warnings().len(), 1);
    assert!(
        r.notices.warnings()[0].contains("above 100"),
        "{}",
        r.notices.warnings()[0]
    );
}

/// Log C, for July 2025 in active-base mode.
fn log_c() -> Summary {
    log(&[
        ("V", "2025-01-02", 1.0, None),
        ("W", "2025-01-01", 1.0, None),
        ("X", "2025-02-01", 1.0, None),
        ("Y", "2025-07-01", 1.0, None),
        ("Z", "2024-06-01", 1.0, None),
        ("Z", "2025-07-15", 1.0, None),
        ("Q", "2025-06-30", 1.0, None),
        ("K", "2024-12-01", 1.0, None),
        ("K", "2025-08-05", 1.0, None),
        ("V2", "2025-03-01", 1.0, None),
        ("V2", "2025-07-10", 1.0, None),
    ])
}

#[test]
fn retention_active_base() {
    let r = retention(
        &log_c(),
        d("2025-07-01"),
        d("2025-07-31"),
        RetentionMode::ActiveBase,
        None,
    )
    .unwrap();
    assert_eq!(r.active_days, Some(180));
    assert_eq!((r.previous_start, r.previous_end), (None, None));
    // Jan 2 + 180 days = Jul 1 (Jan 29 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 + 1 = 180),
    // so S = a purchase from 2 Jan to 30 Jun: V (2 Jan, the edge), X, Q, V2 (1 Mar) = 4;
    // W (1 Jan, 181 days before) is out; Y bought on the start day: new, not S.
    // E = a purchase from 31 Jul − 180 = 1 Feb to 31 Jul: X (1 Feb, the edge), Y, Z (15 Jul),
    // Q (30 Jun), V2 = 5; K's 5 Aug purchase is after the end and does not count.
    // N = {Y}. retained = S ∩ E = {X, Q, V2} = 3; reactivated = {Z}; lost = {V}.
    assert_eq!(
        (r.start_customers, r.end_customers, r.new_customers),
        (4, 5, 1)
    );
    assert_eq!((r.retained, r.reactivated, r.lost), (3, 1, 1));
    // CRR = (5 − 1) / 4 = 100; strict = 3 / 4 = 75; churn 0.
    assert_close!(r.retention_rate, 100.0);
    assert_close!(r.strict_retention_rate, 75.0);
    assert_close!(r.churn_rate, 0.0);

    // D = 30: S = a purchase 1–30 Jun = {Q}; E = 1–31 Jul = {Y, Z, V2}; N = {Y};
    // retained 0, reactivated {Z, V2}; CRR = (3 − 1) / 1 = 200, with the warning.
    let r = retention(
        &log_c(),
        d("2025-07-01"),
        d("2025-07-31"),
        RetentionMode::ActiveBase,
        Some(30),
    )
    .unwrap();
    assert_eq!(
        (r.start_customers, r.end_customers, r.new_customers),
        (1, 3, 1)
    );
    assert_eq!((r.retained, r.reactivated, r.lost), (0, 2, 1));
    assert_close!(r.retention_rate, 200.0);
    assert_close!(r.strict_retention_rate, 0.0);
    assert_eq!(r.notices.warnings().len(), 1);
}

#[test]
fn retention_errors() {
    let b = log_b();
    let e = retention(
        &b,
        d("2025-02-28"),
        d("2025-02-01"),
        RetentionMode::PeriodOverPeriod,
        None,
    )
    .unwrap_err();
    assert_eq!(e.code, "invalidPeriod");
    // December 2024 against November 2024: only C bought in November (15 Nov)…
    let r = retention(
        &b,
        d("2024-12-01"),
        d("2024-12-31"),
        RetentionMode::PeriodOverPeriod,
        None,
    )
    .unwrap();
    assert_eq!(r.start_customers, 1);
    // …and nobody in October: S = 0.
    let e = retention(
        &b,
        d("2024-11-01"),
        d("2024-11-30"),
        RetentionMode::PeriodOverPeriod,
        None,
    )
    .unwrap_err();
    assert_eq!(e.code, "noStartCustomers");
    assert!(
        e.message.contains("2024-10-01 to 2024-10-31"),
        "{}",
        e.message
    );
    let e = retention(
        &b,
        d("2025-02-01"),
        d("2025-02-28"),
        RetentionMode::ActiveBase,
        Some(0),
    )
    .unwrap_err();
    assert_eq!(e.code, "activeDaysNotPositive");
    let e = retention(
        &summarize(Vec::new()),
        d("2025-02-01"),
        d("2025-02-28"),
        RetentionMode::ActiveBase,
        None,
    );
    assert_eq!(e.unwrap_err().code, "emptyLog");
}

#[test]
fn same_day_orders_make_repeat_customers_but_no_gap() {
    // S1: two orders on one day → 2 orders, 1 purchase day. S2: one order in two
    // lines → 1 order. S3: two rows without order id on one day → 2 orders.
    let s = log(&[
        ("S1", "2025-01-01", 10.0, Some("a")),
        ("S1", "2025-01-01", 10.0, Some("b")),
        ("S2", "2025-01-01", 10.0, Some("c")),
        ("S2", "2025-01-01", 10.0, Some("c")),
        ("S3", "2025-01-01", 10.0, None),
        ("S3", "2025-01-01", 10.0, None),
    ]);
    let r = customer_metrics::metrics::retention::repeat_stats(&s).unwrap();
    // RPR = {S1, S3} / 3 × 100 = 66.66…; no customer has a second purchase day.
    assert_eq!(r.repeat_customers, 2);
    assert_close!(r.repeat_purchase_rate, 200.0 / 3.0);
    assert_eq!(r.average_days_between_purchases, None);
    assert_eq!(r.median_days_to_first_repeat, None);
    assert_eq!(r.customers_with_repeat_day, 0);
}

/// Log D, cohorts: the last purchase is 15 Mar 2025.
/// - a: 10 Jan, 3 Feb, 20 Feb → Jan cohort, months 0 and 1.
/// - b: 31 Jan, 15 Mar → Jan cohort, months 0 and 2.
/// - c: 15 Jan → Jan cohort, month 0.
/// - g: 20 Jan, a refund on 25 Feb (not a purchase) → Jan cohort, month 0.
/// - d: 1 Feb, 1 Mar → Feb cohort, months 0 and 1.
/// - e: 10 Mar → Mar cohort.
/// - f: only a refund → left out.
fn log_d(extra: &[(&str, &str, f64, Option<&str>)]) -> Summary {
    let mut rows = vec![
        ("a", "2025-01-10", 1.0, None),
        ("a", "2025-02-03", 1.0, None),
        ("a", "2025-02-20", 1.0, None),
        ("b", "2025-01-31", 1.0, None),
        ("b", "2025-03-15", 1.0, None),
        ("c", "2025-01-15", 1.0, None),
        ("g", "2025-01-20", 1.0, None),
        ("g", "2025-02-25", -1.0, None),
        ("d", "2025-02-01", 1.0, None),
        ("d", "2025-03-01", 1.0, None),
        ("e", "2025-03-10", 1.0, None),
        ("f", "2025-02-10", -1.0, None),
    ];
    rows.extend_from_slice(extra);
    log(&rows)
}

#[test]
fn cohorts_with_an_incomplete_last_month() {
    let c = cohorts(&log_d(&[])).unwrap();
    // The last date is 15 Mar: January and February are complete, March is not.
    assert_eq!(c.last_date, d("2025-03-15"));
    assert_eq!(c.months, 3);
    assert_eq!(c.customers, 6);
    assert_eq!(c.customers_without_purchase, 1);
    let names: Vec<&str> = c.cohorts.iter().map(|x| x.cohort.as_str()).collect();
    assert_eq!(names, vec!["2025-01", "2025-02", "2025-03"]);
    let jan = &c.cohorts[0];
    // January: a, b, c, g = 4; February: a only → 1/4 = 25 %; March (b) not complete → null.
    assert_eq!((jan.size, jan.complete), (4, true));
    assert_eq!(jan.counts, vec![Some(4), Some(1), None]);
    assert_eq!(jan.cells, vec![Some(100.0), Some(25.0), None]);
    let feb = &c.cohorts[1];
    assert_eq!(feb.size, 1);
    assert_eq!(feb.cells, vec![Some(100.0), None]);
    let mar = &c.cohorts[2];
    assert_eq!((mar.size, mar.complete), (1, false));
    assert_eq!(mar.cells, vec![None]);
    // Average curve: k = 0: (4 + 1) / (4 + 1) = 100; k = 1: January only, 1/4 = 25; k = 2: null.
    assert_eq!(c.average, vec![Some(100.0), Some(25.0), None]);
}

#[test]
fn a_refund_on_the_last_day_completes_the_month() {
    // A refund dated 31 Mar makes it the last date in the data: March is complete.
    let c = cohorts(&log_d(&[("f", "2025-03-31", -1.0, None)])).unwrap();
    let cells: Vec<Vec<Option<f64>>> = c.cohorts.iter().map(|x| x.cells.clone()).collect();
    // January month 2: b → 1/4 = 25; February month 1: d → 100; March month 0: 100.
    assert_eq!(
        cells,
        vec![
            vec![Some(100.0), Some(25.0), Some(25.0)],
            vec![Some(100.0), Some(100.0)],
            vec![Some(100.0)],
        ]
    );
    // k = 1: (1 + 1) / (4 + 1) = 40; k = 2: 1 / 4 = 25.
    assert_eq!(c.average, vec![Some(100.0), Some(40.0), Some(25.0)]);
}

#[test]
fn cohorts_refuse_a_century_of_months() {
    let s = log(&[
        ("a", "1925-01-01", 1.0, None),
        ("b", "2025-03-01", 1.0, None),
    ]);
    assert_eq!(cohorts(&s).unwrap_err().code, "spanTooLong");
}

#[test]
fn clv_from_log_a() {
    let c = clv_log(&log_a(), None, None).unwrap();
    // Revenue 6,500,000 + 500,000 + 200,000 + 400,000 = 7,600,000 over 5 orders:
    // AOV 1,520,000.
    assert_eq!((c.customer_count, c.total_orders), (4, 5));
    assert_close!(c.total_revenue, 7_600_000.0);
    assert_close!(c.average_order_value, 1_520_000.0);
    assert_close!(c.average_historical_value, 1_900_000.0);
    assert_close!(c.average_orders, 1.25);
    // Lifespans: Budi 5 Jan → 20 Mar = 31 + 28 + 15 = 74 days, the others 0: mean 18.5 days.
    assert_close!(c.average_lifespan_days, 18.5);
    assert_close!(c.measured_lifespan_years, 18.5 / 365.25);
    // Observed to 31 Mar, both days included: Budi 85 + 1 = 86, Siti 49 + 1 = 50,
    // Andi 120 + 1 = 121, Dewi 1 + 1 = 2 → 259 days. Purchases per year = 5 / (259 / 365.25).
    assert_close!(c.purchases_per_year, 5.0 * 365.25 / 259.0);
    // CLV = 1,520,000 × (5 × 365.25 / 259) × (18.5 / 365.25) = 1,520,000 × 92.5 / 259
    //     = 1,520,000 × 5 / 14 = 542,857.142857…
    assert_close!(c.estimate.clv, 542_857.142_857_143);
    assert!(!c.lifespan_overridden);
    assert_eq!(c.notices.warnings().len(), 1);
    // Per customer.
    let budi = &c.customers[0];
    assert_eq!(budi.customer, "Budi Santoso");
    assert_eq!((budi.orders, budi.lifespan_days), (2, 74));
    assert_close!(budi.average_order_value, 3_250_000.0);
    assert_eq!(
        (budi.first_purchase, budi.last_purchase),
        (d("2025-01-05"), d("2025-03-20"))
    );
    let siti = c.customers.iter().find(|x| x.customer == "Siti").unwrap();
    assert_close!(siti.historical_value, 500_000.0);
    assert_close!(siti.refunded, 100_000.0);
    // Pareto: ⌈4 / 5⌉ = 1 customer (Budi): 6,500,000 / 7,600,000 × 100 = 85.526…
    assert_eq!(c.pareto.top_customers, 1);
    assert_close!(c.pareto.top_revenue_share.unwrap(), 85.526_315_789_473_68);

    // Lifespan 3 years, margin 40 %: CLV = 1,520,000 × 5 × 365.25 / 259 × 3
    // = 8,327,700,000 / 259 = 32,153,281.853…; profit = 40 % of it = 12,861,312.741…
    let c = clv_log(&log_a(), Some(3.0), Some(40.0)).unwrap();
    assert!(c.lifespan_overridden && c.notices.warnings().is_empty());
    assert_close!(c.estimate.clv, 8_327_700_000.0 / 259.0);
    assert_close!(c.estimate.profit_clv, 12_861_312.741_312_74);
    assert_close!(c.estimate.max_acquisition_cost, 12_861_312.741_312_74 / 3.0);
    assert_eq!(
        clv_log(&log_a(), Some(f64::NAN), None).unwrap_err().code,
        "lifespanNotFinite"
    );
    assert_eq!(
        clv_log(&log_a(), Some(-1.0), None).unwrap_err().code,
        "negative"
    );
    assert_eq!(
        clv_log(&log_a(), None, Some(120.0)).unwrap_err().code,
        "marginOutOfRange"
    );
}

#[test]
fn lifecycle_of_log_a() {
    let l = lifecycle(&log_a(), None).unwrap();
    assert_eq!(l.as_of, d("2025-04-01"));
    let who = |n: &str| l.customers.iter().find(|c| c.customer == n).unwrap();
    // Budi: first 5 Jan → 86 days, last 20 Mar → 12 days: active; not inactive 30 days.
    let b = who("Budi Santoso");
    assert_eq!(
        (b.days_since_first_purchase, b.days_since_last_purchase),
        (86, 12)
    );
    assert_eq!((b.stage, b.vip, b.win_back), ("active", true, None));
    // Siti: 50 days → active; win-back lapsing (30–59).
    assert_eq!(
        (who("Siti").stage, who("Siti").win_back),
        ("active", Some("lapsing"))
    );
    // Andi: 121 days → at risk (91–180); win-back lost (90–179).
    assert_eq!(
        (who("Andi").stage, who("Andi").win_back),
        ("atRisk", Some("lost"))
    );
    // Dewi: first purchase 2 days ago → new.
    assert_eq!(who("Dewi").stage, "new");
    // VIP: ⌈4 / 5⌉ = 1: the biggest spender, Budi (6,500,000).
    assert_eq!((l.vip.count, l.vip.min_spend), (1, 6_500_000.0));
    assert_eq!(l.vip.customers, vec!["Budi Santoso".to_string()]);
    let count = |k: &str| l.stages.iter().find(|s| s.key == k).unwrap().count;
    assert_eq!(
        (
            count("new"),
            count("active"),
            count("atRisk"),
            count("churned")
        ),
        (1, 2, 1, 0)
    );
    assert_close!(l.stages[1].percent, 50.0);
    assert_eq!(
        l.stages[1].customers,
        vec!["Budi Santoso".to_string(), "Siti".to_string()]
    );

    // As of 1 Jun: Budi 20 Mar → 73 days (31 + 30 + 12): active, win-back at risk (60–89);
    // Siti 50 + 61 = 111: at risk, win-back lost; Andi 121 + 61 = 182: churned, last attempt;
    // Dewi 2 + 61 = 63 since her only purchase: no longer new, active, win-back at risk.
    let l = lifecycle(&log_a(), Some(d("2025-06-01"))).unwrap();
    let who = |n: &str| {
        let c = l.customers.iter().find(|c| c.customer == n).unwrap();
        (c.days_since_last_purchase, c.stage, c.win_back)
    };
    assert_eq!(who("Budi Santoso"), (73, "active", Some("atRisk")));
    assert_eq!(who("Siti"), (111, "atRisk", Some("lost")));
    assert_eq!(who("Andi"), (182, "churned", Some("lastAttempt")));
    assert_eq!(who("Dewi"), (63, "active", Some("atRisk")));
    let wb: Vec<(&str, u64)> = l.win_back.iter().map(|w| (w.key, w.count)).collect();
    assert_eq!(
        wb,
        vec![
            ("lapsing", 0),
            ("atRisk", 2),
            ("lost", 1),
            ("lastAttempt", 1)
        ]
    );
}

#[test]
fn vip_ties_are_all_vip() {
    // Spends 300, 200, 200, 100, 100, 50: ⌈6 / 5⌉ = 2 → the 2nd biggest spend is 200:
    // 300 and both 200s are VIPs (3, one more than 2).
    let s = log(&[
        ("a", "2025-01-01", 300.0, None),
        ("b", "2025-01-01", 200.0, None),
        ("c", "2025-01-01", 200.0, None),
        ("d", "2025-01-01", 100.0, None),
        ("e", "2025-01-01", 100.0, None),
        ("f", "2025-01-01", 50.0, None),
    ]);
    let l = lifecycle(&s, None).unwrap();
    assert_eq!((l.vip.count, l.vip.min_spend), (3, 200.0));
}

#[test]
fn results_serialize_as_api_md_says() {
    let s = log_a();
    let r = rfm(&s, None, RfmMethod::Fixed, &Thresholds::default()).unwrap();
    let j = serde_json::to_value(&r).unwrap();
    assert_eq!(j["asOf"], "2025-04-01");
    assert_eq!(j["customers"][0]["customer"], "Budi Santoso");
    assert_eq!(j["customers"][0]["segment"], "potentialLoyalists");
    // The label is English (API.md); the Indonesian words are the page's,
    // by the segment's key, in www/js/calc/i18n/segments.id.js.
    assert_eq!(j["segments"][0]["key"], "champions");
    assert_eq!(j["segments"][0]["label"], "Champions");
    let id = include_str!("../www/js/calc/i18n/segments.id.js");
    assert!(
        id.contains("      champions: {\n        label: \"Pelanggan juara\","),
        "segments.id.js has champions' Indonesian label"
    );
    assert!(j["segments"][0]["revenuePercent"].is_number());
    assert_eq!(j["rules"][0]["condition"], "R = 5 and F ≥ 4 and M ≥ 4");
    assert_eq!(
        j["rules"][0]["conditionParts"],
        serde_json::json!(["R = 5", "F ≥ 4", "M ≥ 4"])
    );
    assert_eq!(j["rules"][7]["minFPlusM"], 9);
    assert_eq!(j["thresholds"]["monetary"][0], 10_000_000.0);
    assert_eq!(j["customersWithoutPurchase"], 1);

    let c = serde_json::to_value(cohorts(&log_d(&[])).unwrap()).unwrap();
    assert_eq!(c["cohorts"][0]["cells"][2], serde_json::Value::Null);
    assert_eq!(c["cohorts"][0]["start"], "2025-01-01");
    assert_eq!(c["lastDate"], "2025-03-15");

    let r = retention(
        &log_b(),
        d("2025-02-01"),
        d("2025-02-28"),
        RetentionMode::PeriodOverPeriod,
        None,
    )
    .unwrap();
    let j = serde_json::to_value(&r).unwrap();
    assert_eq!(j["mode"], "periodOverPeriod");
    assert_eq!(j["previousStart"], "2025-01-01");
    assert_eq!(j["previousEnd"], "2025-01-31");
    assert_eq!(j["startCustomers"], 4);
    assert_eq!(j["repeatPurchaseRate"], r.repeat.repeat_purchase_rate);
    assert_eq!(j["medianDaysToFirstRepeat"], 26.0);
    assert_eq!(j["activeDays"], serde_json::Value::Null);

    let l = serde_json::to_value(lifecycle(&s, None).unwrap()).unwrap();
    // The offer is English; the Indonesian words are the page's, by the
    // win-back stage's key, in www/js/calc/i18n/lifecycle.id.js.
    assert_eq!(l["winBack"][0]["key"], "lapsing");
    assert_eq!(
        l["winBack"][0]["offer"],
        "We miss you: about 15 % off your next order."
    );
    let id = include_str!("../www/js/calc/i18n/lifecycle.id.js");
    assert!(
        id.contains(
            "lapsing: { label: \"Mulai menjauh\", offer: \"Kami kangen Anda: diskon sekitar 15 % untuk pesanan berikutnya.\" }"
        ),
        "lifecycle.id.js has the lapsing offer in Indonesian"
    );
    assert_eq!(l["customers"][0]["daysSinceLastPurchase"], 12);
    let v = serde_json::to_value(clv_log(&s, None, None).unwrap()).unwrap();
    assert_eq!(v["customers"][0]["firstPurchase"], "2025-01-05");
    assert!(v["estimate"]["clv"].is_number());
    assert!(v["pareto"]["topRevenueShare"].is_number());
}

#[test]
fn rows_in_any_order_give_the_same_results() {
    let rows = [
        ("Budi Santoso", "2025-01-05", 3_000_000.0, Some("INV-1")),
        ("budi  santoso ", "2025-03-20", 2_500_000.0, Some("INV-2")),
        ("BUDI SANTOSO", "2025-03-20", 1_000_000.0, Some("INV-2")),
        ("Siti", "2025-02-10", 600_000.0, Some("INV-3")),
        ("siti", "2025-02-15", -100_000.0, Some("INV-3")),
    ];
    let forward: Vec<Transaction> = rows
        .iter()
        .enumerate()
        .map(|(i, &(n, date, a, o))| Transaction::new(n, d(date), a, o.map(String::from), i + 1))
        .collect();
    let mut backward = forward.clone();
    backward.reverse();
    assert_eq!(summarize(forward), summarize(backward));
}

#[test]
fn extreme_inputs_give_results_or_errors_never_panics() {
    let rows = vec![
        Transaction::new("", NaiveDate::MIN, 1e308, None, 1),
        Transaction::new("  ", NaiveDate::MIN, 1e308, Some("  ".into()), 2),
        Transaction::new("max", NaiveDate::MAX, f64::MAX, None, 3),
        Transaction::new("max", NaiveDate::MAX, -f64::MAX, None, 4),
        Transaction::new("nan", d("2025-01-01"), f64::NAN, None, 5),
        Transaction::new("inf", d("2025-01-01"), f64::INFINITY, None, 6),
        Transaction::new("tiny", d("2025-01-01"), 1e-300, Some("x".into()), 7),
    ];
    let s = summarize(rows);
    assert_eq!(s.ignored_lines, vec![5, 6]);
    // "" and "  " are the same (empty) key; the two 1e308 purchases overflow to ∞.
    assert_eq!(s.customers.len(), 3);
    let t = Thresholds::default();
    // The last date is the largest date there is: no default asOf.
    assert_eq!(
        rfm(&s, None, RfmMethod::Fixed, &t).unwrap_err().code,
        "invalidAsOf"
    );
    assert!(rfm(&s, Some(NaiveDate::MAX), RfmMethod::Quintile, &t).is_ok());
    assert_eq!(cohorts(&s).unwrap_err().code, "spanTooLong");
    // Spend overflowing to ∞ gives no CLV: an error, never an infinite figure.
    assert_eq!(clv_log(&s, None, None).unwrap_err().code, "tooLarge");
    assert!(lifecycle(&s, Some(NaiveDate::MAX)).is_ok());
    for mode in [RetentionMode::PeriodOverPeriod, RetentionMode::ActiveBase] {
        for (a, b) in [
            (NaiveDate::MIN, NaiveDate::MIN),
            (NaiveDate::MIN, NaiveDate::MAX),
            (NaiveDate::MAX, NaiveDate::MAX),
            (d("2025-01-01"), d("2025-01-31")),
        ] {
            let _ = retention(&s, a, b, mode, Some(u32::MAX));
            let _ = retention(&s, a, b, mode, None);
        }
    }
}
