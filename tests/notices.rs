//! Every warning path gives a notice with its code and params: the values
//! expected here are worked out by hand from the input of each test (the
//! comment says how), never taken from the code under test. The JSON shape
//! (`notices` with `{ code, message, params }`, `warnings` their messages)
//! is checked with serde_json.
#![cfg(feature = "analytics")]

use chrono::NaiveDate;
use customer_metrics::api::{self, Value};
use customer_metrics::error::{Code, Notice, Notices, Param};
use customer_metrics::metrics::btyd::{self, CustomerRfmt, SummaryOptions, TimeUnit, Transaction};
use serde_json::json;

fn num(n: &Notice, key: &str) -> f64 {
    match n.params.get(key) {
        Some(Param::Number(v)) => *v,
        other => panic!("{:?}: param {key} is {other:?}", n.code),
    }
}

fn word<'a>(n: &'a Notice, key: &str) -> &'a str {
    match n.params.get(key) {
        Some(Param::Text(v)) => v,
        other => panic!("{:?}: param {key} is {other:?}", n.code),
    }
}

/// The notice with `code` in a list (a log's), or a panic listing the list.
fn in_list(list: &[Notice], code: Code) -> &Notice {
    list.iter()
        .find(|n| n.code == code)
        .unwrap_or_else(|| panic!("no {code}: {list:?}"))
}

/// The own notice with `code`, or a panic listing those there are.
fn notice(notices: &Notices, code: Code) -> &Notice {
    notices
        .get(code)
        .unwrap_or_else(|| panic!("no {code}: {:?}", notices.codes()))
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn log(args: &[(&str, &str)]) -> Value {
    Value::object(args.iter().map(|&(k, v)| (k, Value::from(v))))
}

#[test]
fn crr_above_hundred_names_the_rate_and_the_counts() {
    // S = 80, E = 100, N = 0: E − N = 100 > 80, rate = 100 / 80 × 100 = 125.
    let r = api::crr(&Value::object([
        ("startCustomers", Value::from(80.0)),
        ("endCustomers", Value::from(100.0)),
        ("newCustomers", Value::from(0.0)),
    ]))
    .unwrap();
    let n = notice(&r.result.notices, Code::CrrAboveHundred);
    assert_eq!(num(n, "rate"), 125.0);
    assert_eq!(num(n, "retained"), 100.0);
    assert_eq!(num(n, "start"), 80.0);
    let sentence = "The retention rate is above 100 % because end − new (100) is more than the customers at the start (80). This happens only when lapsed customers came back; check the counts.";
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["warnings"], json!([sentence]));
    assert_eq!(
        v["notices"],
        json!([{
            "code": "crrAboveHundred",
            "message": sentence,
            "params": { "rate": 125.0, "retained": 100.0, "start": 80.0 },
        }])
    );
    // Below 100: none, and both lists are there, empty.
    let r = api::crr(&Value::object([
        ("startCustomers", Value::from(100.0)),
        ("endCustomers", Value::from(90.0)),
        ("newCustomers", Value::from(10.0)),
    ]))
    .unwrap();
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!((&v["warnings"], &v["notices"]), (&json!([]), &json!([])));
}

#[test]
fn retention_notices_come_after_the_logs_in_one_list() {
    // February against January. The data start on 10 January, after the
    // window's start (1 January), and end on 20 February, before the
    // period's end (28 February). The guest row (no customer) gives the
    // log's notice guestSales: 1 order, 1 row, 15 of revenue.
    let text = "customer,date,amount\nA,2025-01-10,10\nB,2025-01-15,20\nA,2025-02-05,10\nGuest,2025-02-10,15\nB,2025-02-20,20\n";
    let r = api::retention(&log(&[
        ("text", text),
        ("periodStart", "2025-02-01"),
        ("periodEnd", "2025-02-28"),
    ]))
    .unwrap();
    let own = &r.result.notices;
    assert_eq!(
        own.codes(),
        [Code::PeriodEndsAfterData, Code::DataStartsAfterWindow]
    );
    let n = notice(own, Code::PeriodEndsAfterData);
    assert_eq!(
        (word(n, "lastDate"), word(n, "periodEnd")),
        ("2025-02-20", "2025-02-28")
    );
    let n = notice(own, Code::DataStartsAfterWindow);
    assert_eq!(
        (word(n, "firstDate"), word(n, "windowStart")),
        ("2025-01-10", "2025-01-01")
    );
    let guest = &own.input[0];
    assert_eq!(guest.code, Code::GuestSales);
    assert_eq!(
        (
            num(guest, "orders"),
            num(guest, "rows"),
            num(guest, "revenue")
        ),
        (1.0, 1.0, 15.0)
    );
    // One `notices` key (the log's, then the retention's) and the
    // retention's sentences as `warnings`, as before.
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(json.matches("\"notices\":").count(), 1, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<&str> = v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["guestSales", "periodEndsAfterData", "dataStartsAfterWindow"]
    );
    assert_eq!(
        v["warnings"],
        json!([
            "The period ends after the last date in the data (2025-02-20): its figures cover only part of it.",
            "The data starts on 2025-01-10, after the start of the comparison window (2025-01-01): customers of the start may be undercounted.",
        ])
    );
    assert_eq!(v["notices"][1]["params"]["lastDate"], json!("2025-02-20"));
}

#[test]
fn retention_above_hundred_through_reactivations() {
    // S (January) = {A}; E (February) = {A, C}; C first bought in December,
    // so is not new: E − N = 2 > S = 1, rate 2 / 1 × 100 = 200.
    let text =
        "customer,date,amount\nC,2024-12-01,5\nA,2025-01-10,10\nA,2025-02-05,10\nC,2025-02-28,5\n";
    let r = api::retention(&log(&[
        ("text", text),
        ("periodStart", "2025-02-01"),
        ("periodEnd", "2025-02-28"),
    ]))
    .unwrap();
    assert_eq!(r.result.notices.codes(), [Code::CrrAboveHundred]);
    let n = notice(&r.result.notices, Code::CrrAboveHundred);
    assert_eq!(
        (num(n, "rate"), num(n, "retained"), num(n, "start")),
        (200.0, 2.0, 1.0)
    );
    // From a log the notice also names strict retention (A of S bought
    // again: 1 / 1 = 100 %) and the reactivated customers (C: 1).
    assert_eq!((num(n, "strictRate"), num(n, "reactivated")), (100.0, 1.0));
}

#[test]
fn a_churn_jump_names_the_period_its_churn_and_the_median() {
    // By month: Feb churn 50 (P of P, Q kept), Mar 50 (R of P, R), Apr 50
    // (T of R, T), May 100 (neither T nor U came back; V is new), ≥ 1.5 ×
    // median(50, 50, 50) = 75. June (data to 30 June): 0.
    let text = "customer,date,amount
P,2025-01-03,10
Q,2025-01-04,10
P,2025-02-03,10
R,2025-02-04,10
R,2025-03-03,10
T,2025-03-04,10
T,2025-04-03,10
U,2025-04-04,10
V,2025-05-03,10
V,2025-06-30,10
";
    let r = api::trends(&log(&[("text", text)])).unwrap();
    assert_eq!(r.result.notices.codes(), [Code::ChurnJump]);
    let n = notice(&r.result.notices, Code::ChurnJump);
    assert_eq!(word(n, "period"), "2025-05");
    assert_eq!(
        (num(n, "churnRate"), num(n, "median"), num(n, "periods")),
        (100.0, 50.0, 3.0)
    );
}

#[test]
fn a_measured_lifespan_says_so_with_its_years() {
    // A: 1 to 31 January (30 days); B: one day (0). Mean 15 days = 15 / 365.25 years.
    let text = "customer,date,amount\nA,2025-01-01,10\nB,2025-01-01,10\nA,2025-01-31,10\nGuest,2025-01-15,3\n";
    let r = api::clv_from_log(&log(&[("text", text)])).unwrap();
    let n = notice(&r.result.notices, Code::LifespanMeasured);
    assert_eq!(num(n, "years"), 15.0 / 365.25);
    assert_eq!(r.result.notices.input[0].code, Code::GuestSales);
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(json.matches("\"notices\":").count(), 1, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(v["notices"][1]["code"], json!("lifespanMeasured"));
    // With a lifespan given: none.
    let r = api::clv_from_log(&Value::object([
        ("text", Value::from(text)),
        ("lifespanYears", Value::from(2.0)),
    ]))
    .unwrap();
    assert!(r.result.notices.own.is_empty());
}

#[test]
fn analyze_log_keeps_the_logs_notices_on_top_and_each_parts_in_it() {
    let text = "customer,date,amount\nA,2025-01-10,10\nB,2025-01-15,20\nA,2025-02-05,10\nGuest,2025-02-10,15\nB,2025-02-20,20\n";
    let r = api::analyze_log(&log(&[
        ("text", text),
        ("periodStart", "2025-02-01"),
        ("periodEnd", "2025-02-28"),
    ]))
    .unwrap();
    let v = serde_json::to_value(&r).unwrap();
    let codes = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|n| n["code"].as_str().unwrap().to_string())
            .collect()
    };
    // A spends 20, B 40: the median customer (40) is far below the fixed
    // RFM spending scores, hence quintiles, with a notice.
    assert_eq!(
        codes(&v["notices"]),
        ["guestSales", "rfmQuintileForSpending"]
    );
    assert_eq!(v["notices"][1]["params"], json!({ "median": 40.0 }));
    assert_eq!(
        codes(&v["retention"]["notices"]),
        ["periodEndsAfterData", "dataStartsAfterWindow"]
    );
    assert_eq!(v["retention"]["warnings"].as_array().unwrap().len(), 2);
    assert_eq!(codes(&v["clv"]["notices"]), ["lifespanMeasured"]);
}

fn tx(customer: &str, date: &str, amount: f64) -> Transaction {
    Transaction {
        customer: customer.into(),
        date: d(date),
        amount,
    }
}

#[test]
fn summary_notices_count_what_was_left_out() {
    // Calibration to 31 March, holdout to 30 April. B first buys on 5 April
    // (after the calibration end: 1 late customer); A's refund of 15 January
    // falls on a day without a purchase (1 lone refund); A's purchase of
    // 10 May is after the holdout end (1 purchase day).
    let log = [
        tx("A", "2025-01-01", 10.0),
        tx("A", "2025-01-15", -5.0),
        tx("A", "2025-02-01", 20.0),
        tx("B", "2025-04-05", 8.0),
        tx("A", "2025-05-10", 5.0),
    ];
    let options = SummaryOptions {
        unit: TimeUnit::Days,
        calibration_end: Some(d("2025-03-31")),
        holdout_end: Some(d("2025-04-30")),
    };
    let s = btyd::summarize(&log, &options).unwrap();
    assert_eq!(
        s.notices.codes(),
        [
            Code::LateFirstPurchases,
            Code::LoneRefunds,
            Code::PurchasesAfterHoldout
        ]
    );
    let n = notice(&s.notices, Code::LateFirstPurchases);
    assert_eq!(
        (num(n, "customers"), word(n, "calibrationEnd")),
        (1.0, "2025-03-31")
    );
    assert_eq!(num(notice(&s.notices, Code::LoneRefunds), "refunds"), 1.0);
    let n = notice(&s.notices, Code::PurchasesAfterHoldout);
    assert_eq!((num(n, "days"), word(n, "holdoutEnd")), (1.0, "2025-04-30"));
    // Without a holdout, purchase days after the calibration end (A on
    // 10 May, B on 5 April: 2) are the other code.
    let s = btyd::summarize(
        &log,
        &SummaryOptions {
            holdout_end: None,
            ..options
        },
    )
    .unwrap();
    let n = notice(&s.notices, Code::PurchasesAfterCalibration);
    assert_eq!(
        (num(n, "days"), word(n, "calibrationEnd")),
        (2.0, "2025-03-31")
    );
    assert_eq!(
        n.message,
        "2 purchase days after the calibration end (2025-03-31) were not used."
    );
}

fn data_file(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name);
    std::fs::read_to_string(path).expect("shared data file")
}

/// `cdnow_customers_summary_with_transactions.csv`: ID,x,t_x,T,zbar (weeks).
fn cdnow() -> Vec<CustomerRfmt> {
    data_file("cdnow_customers_summary_with_transactions.csv")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.trim().split(',').collect();
            let v = |i: usize| f[i].parse::<f64>().unwrap();
            CustomerRfmt {
                id: f[0].into(),
                frequency: v(1),
                recency: v(2),
                t: v(3),
                monetary: v(4),
            }
        })
        .collect()
}

#[test]
fn few_customers_and_few_repeat_buyers() {
    // The first 200 CDNOW customers hold fewer than 100 repeat buyers with a
    // positive spend; customers 101 to 199 are fewer than 100 customers.
    let some = &cdnow()[100..199];
    let fit = btyd::fit_bgnbd(some).unwrap();
    assert_eq!(
        num(notice(&fit.notices, Code::FewCustomers), "customers"),
        99.0
    );
    let part = &cdnow()[..200];
    let repeat = part
        .iter()
        .filter(|c| c.frequency > 0.0 && c.monetary > 0.0)
        .count();
    assert!(repeat < 100, "{repeat}");
    let fit = btyd::fit_gamma_gamma(part).unwrap();
    assert_eq!(
        num(notice(&fit.notices, Code::FewRepeatBuyers), "customers"),
        repeat as f64
    );
    // No notice on the whole file.
    assert!(btyd::fit_bgnbd(&cdnow()).unwrap().notices.own.is_empty());
}

#[test]
fn repeat_buyers_without_spend_are_left_out() {
    // Three CDNOW repeat buyers given a mean spend of 0.
    let mut all = cdnow();
    let mut changed = 0;
    for c in all.iter_mut().filter(|c| c.frequency > 0.0).take(3) {
        c.monetary = 0.0;
        changed += 1;
    }
    assert_eq!(changed, 3);
    let fit = btyd::fit_gamma_gamma(&all).unwrap();
    assert_eq!(
        num(notice(&fit.notices, Code::SpendLeftOut), "customers"),
        3.0
    );
}

fn customer(i: usize, x: f64, m: f64) -> CustomerRfmt {
    CustomerRfmt {
        id: i.to_string(),
        frequency: x,
        recency: x,
        t: 40.0,
        monetary: m,
    }
}

#[test]
fn one_price_for_everyone_is_the_mean_spend() {
    // 50 repeat buyers all at 7.5 per purchase.
    let same: Vec<CustomerRfmt> = (0..50).map(|i| customer(i, 3.0, 7.5)).collect();
    let fit = btyd::fit_gamma_gamma(&same).unwrap();
    assert_eq!(num(notice(&fit.notices, Code::SameSpend), "spend"), 7.5);
}

#[test]
fn nearly_one_price_runs_away() {
    // Every repeat buyer of the CDNOW file at 10, one at 10.01: the mean
    // spend is (10 × (n − 1) + 10.01) / n.
    let mut all = cdnow();
    let buyers: Vec<usize> = (0..all.len()).filter(|&i| all[i].frequency > 0.0).collect();
    for &i in &buyers {
        all[i].monetary = 10.0;
    }
    all[buyers[0]].monetary = 10.01;
    let n = buyers.len() as f64;
    let fit = btyd::fit_gamma_gamma(&all).unwrap();
    let notice = notice(&fit.notices, Code::SpendFitRanAway);
    let mean = (10.0 * (n - 1.0) + 10.01) / n;
    assert!((num(notice, "meanSpend") - mean).abs() < 1e-12);
    let ran = ["p", "q", "v"].map(|k| num(notice, k));
    assert!(ran.iter().any(|v| v.ln().abs() > 20.0), "{ran:?}");
}

/// Pearson's r, the textbook formula.
fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let cov: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let vx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let vy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

#[test]
fn spend_growing_with_frequency_is_flagged() {
    // The CDNOW spend times √x: the correlation among the repeat buyers with
    // a positive spend (the customers fitted) is the textbook r of x and m.
    let mut all = cdnow();
    for c in all.iter_mut() {
        c.monetary *= c.frequency.sqrt();
    }
    let used: Vec<&CustomerRfmt> = all
        .iter()
        .filter(|c| c.frequency > 0.0 && c.monetary > 0.0)
        .collect();
    let xs: Vec<f64> = used.iter().map(|c| c.frequency).collect();
    let ms: Vec<f64> = used.iter().map(|c| c.monetary).collect();
    let r = pearson(&xs, &ms);
    assert!(r > 0.3, "{r}");
    let fit = btyd::fit_gamma_gamma(&all).unwrap();
    let got = num(
        notice(&fit.notices, Code::SpendFrequencyCorrelated),
        "correlation",
    );
    assert!((got - r).abs() < 1e-12, "{got} vs {r}");
}

#[test]
fn a_heavy_tail_has_no_mean_spend() {
    // The CDNOW spend cubed: a tail so heavy that the fitted q is at most 1.
    let mut all = cdnow();
    for c in all.iter_mut() {
        c.monetary = c.monetary.powi(3);
    }
    let fit = btyd::fit_gamma_gamma(&all).unwrap();
    let q = num(notice(&fit.notices, Code::QAtMostOne), "q");
    assert!(q <= 1.0 && q == fit.params.q, "{q}");
}

#[test]
fn the_log_readings_notices() {
    // A status the reader does not know ("zzz"), kept and counted.
    let r = api::rfm(&log(&[(
        "text",
        "customer,date,amount,status\nA,2025-01-10,10,zzz\nB,2025-01-15,20,zzz\n",
    )]))
    .unwrap();
    let n = in_list(&r.input.notices, Code::UnknownStatus);
    assert_eq!(word(n, "statuses"), "zzz");
    // Two orders on three rows (order 1 on two lines): orders 2, lines 3,
    // line-item rows 1 (the second line of order 1).
    let r = api::rfm(&log(&[(
        "text",
        "order,customer,date,amount\n1,A,2025-01-10,10\n1,A,2025-01-10,10\n2,B,2025-01-15,20\n",
    )]))
    .unwrap();
    let n = in_list(&r.input.notices, Code::MultiLineOrders);
    assert_eq!(
        (num(n, "orders"), num(n, "lines"), num(n, "lineItemRows")),
        (2.0, 3.0, 1.0)
    );
    // Customers that are order numbers (#1001…) or dates.
    let ids =
        "customer,date,amount\n#1001,2025-01-10,10\n#1002,2025-01-11,10\n#1003,2025-01-12,10\n";
    let r = api::rfm(&Value::object([
        ("text", Value::from(ids)),
        (
            "columns",
            Value::object([("customer", Value::from("customer"))]),
        ),
    ]))
    .unwrap();
    let n = in_list(&r.input.notices, Code::CustomerLooksLikeOrderId);
    assert_eq!(word(n, "column"), "customer");
    let dates = "customer,date,amount\n2025-01-01,2025-01-10,10\n2025-01-02,2025-01-11,10\n";
    let r = api::rfm(&Value::object([
        ("text", Value::from(dates)),
        (
            "columns",
            Value::object([("customer", Value::from("customer"))]),
        ),
    ]))
    .unwrap();
    let n = in_list(&r.input.notices, Code::CustomerLooksLikeDate);
    assert_eq!(word(n, "column"), "customer");
}

/// A log of `customers` customers, customer i with `orders(i)` orders of
/// `amount(i)` each, one a day from 1 January 2025.
fn made_log(
    customers: usize,
    orders: impl Fn(usize) -> usize,
    amount: impl Fn(usize) -> f64,
) -> String {
    let mut text = String::from("customer,date,amount\n");
    let day = d("2025-01-01");
    for i in 0..customers {
        for k in 0..orders(i) {
            let date = day + chrono::Days::new(k as u64);
            text.push_str(&format!("C{i},{date},{}\n", amount(i)));
        }
    }
    text
}

#[test]
fn implausible_customers_are_flagged() {
    // 3 customers with 25 orders each: the median is 25.
    let r = api::rfm(&log(&[("text", &made_log(3, |_| 25, |_| 100_000.0))])).unwrap();
    let n = in_list(&r.input.notices, Code::ManyOrdersPerCustomer);
    assert_eq!((num(n, "median"), num(n, "customers")), (25.0, 3.0));
    // 5 customers, one order each: C0 spends 600,000, the others 100,000:
    // 600,000 / 1,000,000 = 60 % of the revenue.
    let r = api::rfm(&log(&[(
        "text",
        &made_log(5, |_| 1, |i| if i == 0 { 600_000.0 } else { 100_000.0 }),
    )]))
    .unwrap();
    let n = in_list(&r.input.notices, Code::DominantCustomer);
    assert_eq!((word(n, "customer"), num(n, "percent")), ("C0", 60.0));
}

#[test]
fn rfm_falls_back_to_quintiles_with_a_notice() {
    // Amounts in dollars: quintiles, naming the currency.
    let r = api::rfm(&log(&[
        (
            "text",
            "customer,date,amount\nA,2025-01-10,10\nB,2025-01-15,20\n",
        ),
        ("currency", "USD"),
    ]))
    .unwrap();
    let n = in_list(&r.input.notices, Code::RfmQuintileForCurrency);
    assert_eq!(word(n, "currency"), "USD");
    // Rupiah, but the median customer (of 10, 20, 30: 20) spent far below
    // the lowest fixed edge.
    let r = api::rfm(&log(&[(
        "text",
        "customer,date,amount\nA,2025-01-10,10\nB,2025-01-15,20\nC,2025-01-16,30\n",
    )]))
    .unwrap();
    let n = in_list(&r.input.notices, Code::RfmQuintileForSpending);
    assert_eq!(num(n, "median"), 20.0);
}

#[test]
fn errors_with_numbers_carry_them_as_params() {
    // 9 customers: fewer than the 10 BG/NBD needs.
    let few: Vec<CustomerRfmt> = (0..9).map(|i| customer(i, 1.0, 5.0)).collect();
    let e = btyd::fit_bgnbd(&few).unwrap_err();
    assert_eq!(e.code, Code::TooFewCustomers);
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["params"], json!({ "got": 9.0, "min": 10.0 }));
    // 20 customers, 4 of them repeat buyers: fewer than 5.
    let some: Vec<CustomerRfmt> = (0..20)
        .map(|i| {
            if i < 4 {
                customer(i, 1.0, 5.0)
            } else {
                customer(i, 0.0, 0.0)
            }
        })
        .collect();
    let v = serde_json::to_value(btyd::fit_bgnbd(&some).unwrap_err()).unwrap();
    assert_eq!(v["code"], json!("tooFewRepeatBuyers"));
    assert_eq!(v["params"], json!({ "got": 4.0, "min": 5.0 }));
    // The Gamma-Gamma needs 10 repeat buyers with a spend: 4.
    let e = btyd::fit_gamma_gamma(&some).unwrap_err();
    assert_eq!(
        (e.code, num_e(&e, "got"), num_e(&e, "min")),
        (Code::TooFewRepeatBuyers, 4.0, 10.0)
    );
    // An error without numbers has no params in the JSON.
    let v = serde_json::to_value(
        api::crr(&Value::object([
            ("startCustomers", Value::from(0.0)),
            ("endCustomers", Value::from(1.0)),
            ("newCustomers", Value::from(0.0)),
        ]))
        .unwrap_err(),
    )
    .unwrap();
    assert_eq!(v["code"], json!("startNotPositive"));
    assert!(v.get("params").is_none(), "{v}");
}

fn num_e(e: &customer_metrics::Error, key: &str) -> f64 {
    match e.params.get(key) {
        Some(Param::Number(v)) => *v,
        other => panic!("{:?}: param {key} is {other:?}", e.code),
    }
}

#[test]
fn predict_clv_lists_the_logs_the_summarys_and_the_fits_notices() {
    // The CDNOW transactions as a log, calibration to 1997-09-30: purchase
    // days after the calibration end are left out, with a notice; the
    // notices after the log's are the warnings, in order.
    let text: String = data_file("CDNOW_sample.txt")
        .lines()
        .map(|l| format!("{}\n", l.split_whitespace().collect::<Vec<_>>().join("\t")))
        .collect();
    let p = api::predict_clv(&Value::object([
        ("text", Value::from(text)),
        ("calibrationEnd", "1997-09-30".into()),
    ]))
    .unwrap();
    let n = notice(&p.notices, Code::PurchasesAfterCalibration);
    assert_eq!(word(n, "calibrationEnd"), "1997-09-30");
    let v = serde_json::to_value(&p).unwrap();
    let messages: Vec<&str> = v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .skip(p.notices.input.len())
        .map(|n| n["message"].as_str().unwrap())
        .collect();
    let warnings: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(messages, warnings);
}

#[test]
fn the_scores_say_what_they_lack() {
    // A log without an engagement column, and a survey with 2 respondents of
    // whom only "a" bought: health on 80 points; e-mail engagement (15) and
    // support sentiment (15) missing → 30 of 100 redistributed; NPS present,
    // and the frequency drop too ("a" bought before the last 90 days).
    let text = "Pelanggan\tTanggal\tJumlah\na\t2024-06-05\t100000\na\t2025-01-05\t100000\nb\t2025-02-05\t100000\n";
    let survey = "Email\tSkor\na\t9\nz\t3\n";
    let a = api::analyze_log(&log(&[("text", text), ("surveyText", survey)])).unwrap();
    let api::log::Part::Done(s) = &a.result.scores else {
        panic!("scores failed")
    };
    let list = &s.scores.notices;
    assert_eq!(
        num(in_list(list, Code::HealthWithoutEngagement), "points"),
        80.0
    );
    let w = in_list(list, Code::ChurnWeightsRedistributed);
    assert_eq!(word(w, "missing"), "emailEngagement, supportSentiment");
    assert_eq!(num(w, "weight"), 30.0);
    let u = in_list(list, Code::SurveyUnmatched);
    assert_eq!((num(u, "respondents"), num(u, "matched")), (2.0, 1.0));
}

#[test]
fn subscription_notices_say_what_makes_the_projection_weak() {
    let run = |v: serde_json::Value| {
        let input: Value = serde_json::from_value(v).unwrap();
        api::subscription_retention(&input).unwrap().result.notices
    };
    // 50, 40, 35: 2 periods (< 4) and 50 subscribers (< 100).
    let n = run(json!({ "survivors": [50, 40, 35] }));
    let few = notice(&n, Code::SbgFewPeriods);
    assert_eq!((num(few, "periods"), num(few, "min")), (2.0, 4.0));
    let small = notice(&n, Code::SbgFewSubscribers);
    assert_eq!(
        (num(small, "subscribers"), num(small, "min")),
        (50.0, 100.0)
    );
    // 20 % leave every period (exactly, to the count): churn 20 %.
    let n = run(json!({ "survivors": [10000, 8000, 6400, 5120, 4096, 3277] }));
    let c = notice(&n, Code::SbgConstantChurn);
    assert!((num(c, "churn") - 20.0).abs() < 0.01);
    // Retention 90, 77.8, 57.1, 25 %: falling, which the model (retention
    // rising as the less loyal leave) cannot follow: a gap over 3 points.
    let n = run(json!({ "survivors": [1000, 900, 700, 400, 100] }));
    let p = notice(&n, Code::SbgPoorFit);
    assert!(num(p, "points") > 3.0 && num(p, "period") >= 1.0);
    // Regular customers of Fader & Hardie (2007): α = 0.704 ≤ 1.
    let n = run(json!({ "survivors": [1000, 631, 468, 382, 326, 289, 262, 241] }));
    let a = notice(&n, Code::SbgNoFiniteLifetime);
    assert!((num(a, "alpha") - 0.704).abs() < 0.0005);
}
