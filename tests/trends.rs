//! `trends` (issue #14) on small logs whose figures are worked out by hand
//! in the comments; each month's CRR is also checked against `retention`
//! for that month, and the return rate of a log.
#![cfg(feature = "analytics")]

use customer_metrics::api::{self, log::Part, Value};
use customer_metrics::metrics::trends::{TrendPeriod, Trends};

/// Five customers over January–April 2025; the data end on 10 April, so
/// April is incomplete. No order column: each row is an order.
const LOG: &str = "\
Pelanggan;Tanggal;Jumlah
A;2025-01-05;100000
B;2025-01-10;200000
C;2025-01-20;50000
A;2025-02-03;120000
A;2025-02-03;30000
D;2025-02-14;80000
B;2025-02-20;-50000
C;2025-03-02;60000
D;2025-03-05;40000
E;2025-03-09;90000
A;2025-03-28;70000
E;2025-04-02;10000
B;2025-04-10;25000
";

fn trends(text: &str, granularity: &str) -> Trends {
    api::trends(&Value::object([
        ("text", text),
        ("granularity", granularity),
    ]))
    .unwrap()
    .result
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

struct Expected {
    period: &'static str,
    complete: bool,
    active: u64,
    new: u64,
    orders: u64,
    revenue: f64,
    aov: f64,
    start: u64,
    retained: u64,
    reactivated: u64,
    crr: Option<f64>,
    strict: Option<f64>,
    customers: u64,
    repeat: u64,
    rpr: f64,
}

fn check(p: &TrendPeriod, e: &Expected) {
    let what = e.period;
    assert_eq!(p.period, e.period);
    assert_eq!(p.complete, e.complete, "{what} complete");
    assert_eq!(
        (p.active_customers, p.new_customers, p.returning_customers),
        (e.active, e.new, e.active - e.new),
        "{what} customers"
    );
    assert_eq!(p.orders, e.orders, "{what} orders");
    assert!(
        (p.revenue - e.revenue).abs() < 1e-6,
        "{what} revenue {}",
        p.revenue
    );
    assert!(
        close(p.average_order_value, e.aov),
        "{what} AOV {:?}",
        p.average_order_value
    );
    assert_eq!(
        (p.start_customers, p.retained, p.reactivated),
        (e.start, e.retained, e.reactivated),
        "{what} S, retained, reactivated"
    );
    match e.crr {
        None => assert_eq!((p.retention_rate, p.churn_rate), (None, None), "{what}"),
        Some(crr) => {
            assert!(
                close(p.retention_rate, crr),
                "{what} CRR {:?}",
                p.retention_rate
            );
            assert!(
                close(p.churn_rate, 100.0 - crr),
                "{what} churn {:?}",
                p.churn_rate
            );
        }
    }
    match e.strict {
        None => assert_eq!(p.strict_retention_rate, None),
        Some(s) => assert!(close(p.strict_retention_rate, s), "{what} strict"),
    }
    assert_eq!(
        (p.customers_to_date, p.repeat_customers_to_date),
        (e.customers, e.repeat),
        "{what} to date"
    );
    assert!(
        close(p.repeat_purchase_rate, e.rpr),
        "{what} RPR {:?}",
        p.repeat_purchase_rate
    );
}

#[test]
fn each_month_by_hand() {
    let t = trends(LOG, "month");
    assert_eq!(t.periods.len(), 4);
    assert_eq!(t.last_complete.as_deref(), Some("2025-03"));
    let expected = [
        // January: A, B, C bought, all first purchases; 3 orders,
        // 100,000 + 200,000 + 50,000 = 350,000; AOV 350,000 / 3.
        // First period: no CRR. To date 3 customers, none with 2 orders.
        Expected {
            period: "2025-01",
            complete: true,
            active: 3,
            new: 3,
            orders: 3,
            revenue: 350_000.0,
            aov: 350_000.0 / 3.0,
            start: 0,
            retained: 0,
            reactivated: 0,
            crr: None,
            strict: None,
            customers: 3,
            repeat: 0,
            rpr: 0.0,
        },
        // February: A (two orders on the 3rd) and D (new); B's refund is no
        // purchase. Orders 2 + 1 = 3; revenue 120,000 + 30,000 + 80,000 −
        // 50,000 (B's refund, dated in February) = 180,000; AOV 60,000.
        // S = 3 (January's A, B, C), E = 2, N = 1: CRR = (2 − 1) / 3 = 33.33 %,
        // churn 66.67 %; retained = A = 1, strict 1/3. To date: A, B, C, D =
        // 4 customers; A has 2 orders (both on 3 February) → 1/4 = 25 %.
        Expected {
            period: "2025-02",
            complete: true,
            active: 2,
            new: 1,
            orders: 3,
            revenue: 180_000.0,
            aov: 60_000.0,
            start: 3,
            retained: 1,
            reactivated: 0,
            crr: Some(100.0 / 3.0),
            strict: Some(100.0 / 3.0),
            customers: 4,
            repeat: 1,
            rpr: 25.0,
        },
        // March: C (back after a gap), D, E (new), A: 4 active, 1 new; 4
        // orders, 60,000 + 40,000 + 90,000 + 70,000 = 260,000; AOV 65,000.
        // S = 2 (February's A, D), E = 4, N = 1: CRR = (4 − 1) / 2 = 150 %
        // (churn −50 %); retained A, D = 2 (strict 100 %), reactivated C = 1.
        // To date 5 customers; A, C (2nd order 2 March), D (5 March) = 3 → 60 %.
        Expected {
            period: "2025-03",
            complete: true,
            active: 4,
            new: 1,
            orders: 4,
            revenue: 260_000.0,
            aov: 65_000.0,
            start: 2,
            retained: 2,
            reactivated: 1,
            crr: Some(150.0),
            strict: Some(100.0),
            customers: 5,
            repeat: 3,
            rpr: 60.0,
        },
        // April (data end on the 10th: incomplete): E and B, neither new; 2
        // orders, 10,000 + 25,000 = 35,000; AOV 17,500. S = 4 (March), E = 2,
        // N = 0: CRR = 2 / 4 = 50 %; retained E = 1 (strict 25 %), B back
        // after a gap = 1. To date all 5 have 2 orders (E 2 April, B 10 April).
        Expected {
            period: "2025-04",
            complete: false,
            active: 2,
            new: 0,
            orders: 2,
            revenue: 35_000.0,
            aov: 17_500.0,
            start: 4,
            retained: 1,
            reactivated: 1,
            crr: Some(50.0),
            strict: Some(25.0),
            customers: 5,
            repeat: 5,
            rpr: 100.0,
        },
    ];
    for (p, e) in t.periods.iter().zip(&expected) {
        check(p, e);
    }
    assert!(t.notices.own.is_empty());
}

#[test]
fn monthly_crr_equals_retention_for_that_month() {
    let t = trends(LOG, "month");
    for p in &t.periods[1..] {
        let r = api::retention(&Value::object([
            ("text", LOG),
            ("periodStart", p.start.to_string().as_str()),
            ("periodEnd", p.end.to_string().as_str()),
        ]))
        .unwrap()
        .result;
        assert_eq!(p.retention_rate, Some(r.retention_rate), "{}", p.period);
        assert_eq!(p.churn_rate, Some(r.churn_rate), "{}", p.period);
        assert_eq!(
            p.strict_retention_rate,
            Some(r.strict_retention_rate),
            "{}",
            p.period
        );
        assert_eq!(
            (
                p.start_customers,
                p.active_customers,
                p.new_customers,
                p.retained,
                p.reactivated
            ),
            (
                r.start_customers,
                r.end_customers,
                r.new_customers,
                r.retained,
                r.reactivated
            ),
            "{}",
            p.period
        );
    }
}

#[test]
fn the_totals_add_up_to_the_whole_log() {
    // Over the months: orders = the CLV's total orders, revenue its total
    // revenue, the last repeat rate the log's; and analyzeLog carries the same.
    let a = api::analyze_log(&Value::object([("text", LOG)]))
        .unwrap()
        .result;
    let Part::Done(t) = &a.trends else {
        panic!("no trends")
    };
    let Part::Done(clv) = &a.clv else {
        panic!("no clv")
    };
    let Part::Done(repeat) = &a.repeat else {
        panic!("no repeat")
    };
    assert_eq!(t, &trends(LOG, "month"));
    assert_eq!(
        t.periods.iter().map(|p| p.orders).sum::<u64>(),
        clv.total_orders
    );
    let revenue: f64 = t.periods.iter().map(|p| p.revenue).sum();
    assert!((revenue - clv.total_revenue).abs() < 1e-6);
    assert_eq!(
        t.periods.last().unwrap().repeat_purchase_rate,
        Some(repeat.repeat_purchase_rate)
    );
}

#[test]
fn weeks_are_iso_weeks() {
    let t = trends(LOG, "week");
    // 5 January 2025 (a Sunday) is in 2025-W01 (30 Dec – 5 Jan); 10 April
    // (a Thursday) in 2025-W15 (7–13 April, incomplete): 15 weeks.
    assert_eq!(t.periods.len(), 15);
    assert_eq!(t.periods[0].period, "2025-W01");
    assert_eq!(t.periods[0].start.to_string(), "2024-12-30");
    assert_eq!(t.periods[14].period, "2025-W15");
    assert!(!t.periods[14].complete && t.periods[13].complete);
    // W06 (3–9 Feb): A's two orders, 150,000; W07 (10–16 Feb): D, new, 80,000;
    // S = W06's A, E = 1, N = 1: CRR 0, churn 100.
    let w6 = &t.periods[5];
    assert_eq!(
        (w6.period.as_str(), w6.orders, w6.revenue),
        ("2025-W06", 2, 150_000.0)
    );
    let w7 = &t.periods[6];
    assert_eq!(
        (w7.active_customers, w7.new_customers, w7.start_customers),
        (1, 1, 1)
    );
    assert_eq!((w7.retention_rate, w7.churn_rate), (Some(0.0), Some(100.0)));
    // An empty week: W05 (27 Jan – 2 Feb) has no purchase; W06 after it
    // has S = 0 and no CRR.
    assert_eq!((t.periods[4].active_customers, t.periods[4].orders), (0, 0));
    assert_eq!(t.periods[4].average_order_value, None);
    assert_eq!(t.periods[5].retention_rate, None);
}

#[test]
fn a_churn_jump_is_a_notice() {
    // Churn by month: Feb (P, Q → P, R new) (2 − 1) / 2 = 50 % kept, churn
    // 50; Mar (P, R → R, T new) 50; Apr (R, T → T, U new) 50; May (T, U →
    // V new): CRR 0, churn 100 ≥ 1.5 × median(50, 50, 50) = 75: a jump.
    // June (V → V): churn 0. The data end on 30 June: every month complete.
    let log = "customer,date,amount\n\
        P,2025-01-03,10\nQ,2025-01-04,10\n\
        P,2025-02-03,10\nR,2025-02-04,10\n\
        R,2025-03-03,10\nT,2025-03-04,10\n\
        T,2025-04-03,10\nU,2025-04-04,10\n\
        V,2025-05-03,10\nV,2025-06-30,10\n";
    let t = trends(log, "month");
    let churn: Vec<Option<f64>> = t.periods.iter().map(|p| p.churn_rate).collect();
    assert_eq!(
        churn,
        [
            None,
            Some(50.0),
            Some(50.0),
            Some(50.0),
            Some(100.0),
            Some(0.0)
        ]
    );
    let jumps: Vec<&str> = t
        .periods
        .iter()
        .filter(|p| p.churn_jump)
        .map(|p| p.period.as_str())
        .collect();
    assert_eq!(jumps, ["2025-05"]);
    assert_eq!(t.notices.own.len(), 1);
    let n = &t.notices.own[0];
    assert_eq!(n.code.as_str(), "churnJump");
    let json = serde_json::to_value(&n.params).unwrap();
    assert_eq!(json["period"], "2025-05");
    assert_eq!(json["churnRate"], 100.0);
    assert_eq!(json["median"], 50.0);
    assert_eq!(json["periods"], 3.0);
}

#[test]
fn bad_granularity_and_empty_logs() {
    let e = api::trends(&Value::object([("text", LOG), ("granularity", "day")])).unwrap_err();
    assert_eq!(e.code, "invalidOption");
    assert_eq!(e.field.as_deref(), Some("granularity"));
    let e = api::trends(&Value::object([(
        "text",
        "customer;date;amount\nA;2025-01-01;-5\n",
    )]))
    .unwrap_err();
    assert_eq!(e.code, "noPurchases");
    let e = api::trends(&Value::object([("granularity", "week")])).unwrap_err();
    assert_eq!(e.code, "missingField");
    // 1925 typed for 2025: 1,201 months from January 1925 to January 2025.
    let e = api::trends(&Value::object([(
        "text",
        "customer;date;amount\nA;1925-01-05;10000\nA;2025-01-05;10000\n",
    )]))
    .unwrap_err();
    assert_eq!(e.code, "spanTooLong");
}

#[test]
fn the_return_rate_of_a_log() {
    // LOG: 12 purchase rows sold 100 + 200 + 50 + 120 + 30 + 80 + 60 + 40 +
    // 90 + 70 + 10 + 25 = 875 thousand; one refund row of 50,000:
    // 1 / 12 = 8.33 % of orders, 50,000 / 875,000 = 5.71 % of the value.
    let r = api::trends(&Value::object([("text", LOG)])).unwrap();
    let ret = &r.input.sales.returns;
    assert_eq!((ret.orders, ret.sold_orders), (1, 12));
    assert_eq!((ret.value, ret.sold_value), (50_000.0, 875_000.0));
    assert!(close(ret.order_rate, 100.0 / 12.0));
    assert!(close(ret.value_rate, 50_000.0 * 100.0 / 875_000.0));

    // With a status column: a completed order, a cancelled one (neither
    // sold nor returned), a returned one (left out, but sold and returned in
    // full: 40), and a completed one refunded in part (30 of 90):
    // returned 2 of 3 sold orders; value 40 + 30 = 70 of 100 + 40 + 90 = 230.
    let log = "Pelanggan;Tanggal;Jumlah;Status;Refunded Amount\n\
        A;2025-01-05;100;Selesai;\n\
        B;2025-01-06;60;Batal;\n\
        C;2025-01-07;40;Dikembalikan;\n\
        D;2025-01-08;90;Selesai;30\n";
    let r = api::trends(&Value::object([("text", log)])).unwrap();
    let ret = &r.input.sales.returns;
    assert_eq!((ret.orders, ret.sold_orders), (2, 3));
    assert_eq!((ret.value, ret.sold_value), (70.0, 230.0));
    assert!(close(ret.value_rate, 70.0 * 100.0 / 230.0));
}

#[test]
fn crr_above_hundred_is_banded_on_strict_retention() {
    // March of LOG: CRR 150 % through C's return; strict retention 100 %
    // (A and D of February both bought): banded "excellent" on 100 %, and
    // the notice names strict retention and the reactivated customer.
    let r = api::retention(&Value::object([
        ("text", LOG),
        ("periodStart", "2025-03-01"),
        ("periodEnd", "2025-03-31"),
    ]))
    .unwrap()
    .result;
    assert_eq!(r.retention_rate, 150.0);
    assert_eq!(r.band.key, "excellent");
    let n = r
        .notices
        .get(customer_metrics::error::Code::CrrAboveHundred)
        .unwrap();
    let json = serde_json::to_value(&n.params).unwrap();
    assert_eq!(json["strictRate"], 100.0);
    assert_eq!(json["reactivated"], 1.0);
    // A log where strict retention is low: S = February's A, B, C; in March
    // A and three customers lapsed since November (X, Y, Z) bought, none new:
    // CRR = (4 − 0) / 3 = 133.3 %, strict = 1 / 3 = 33.3 %: banded "poor"
    // on the strict rate, never "excellent".
    let log =
        "Pelanggan;Tanggal;Jumlah\nX;2024-11-02;10000\nY;2024-11-03;10000\nZ;2024-11-04;10000\n\
        A;2025-02-02;10000\nB;2025-02-03;10000\nC;2025-02-04;10000\n\
        A;2025-03-02;10000\nX;2025-03-03;10000\nY;2025-03-04;10000\nZ;2025-03-05;10000\n";
    let r = api::retention(&Value::object([
        ("text", log),
        ("periodStart", "2025-03-01"),
        ("periodEnd", "2025-03-31"),
    ]))
    .unwrap()
    .result;
    assert!((r.retention_rate - 400.0 / 3.0).abs() < 1e-9);
    assert!((r.strict_retention_rate - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(r.band.key, "poor");
    // The quick calculator knows only S, E, N: above 100 % no band.
    let c = api::crr(&Value::object([
        ("startCustomers", 3),
        ("endCustomers", 4),
        ("newCustomers", 0),
    ]))
    .unwrap();
    assert_eq!(c.result.band.key, "unknown");
}
