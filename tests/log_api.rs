//! The log functions of the API on ../shared/data/transaksi_toko.csv, end to
//! end. Expected figures were computed independently of this code (a separate
//! reading of the file: `;` split, `Rp`/`.`/`,00` stripped, both date styles,
//! the three broken rows dropped), and by hand for the small logs.
#![cfg(feature = "analytics")]

use customer_metrics::api::{self, log::Part, Value};

fn shop() -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/transaksi_toko.csv");
    std::fs::read_to_string(path).unwrap()
}

fn done<T: std::fmt::Debug>(p: &Part<T>) -> &T {
    match p {
        Part::Done(v) => v,
        Part::Failed { error } => panic!("{error:?}"),
    }
}

#[test]
fn rfm_of_the_shop_log() {
    let r = api::rfm(&Value::object([("text", shop())])).unwrap();
    assert_eq!(
        (r.input.rows, r.input.used, r.input.skipped.len()),
        (2944, 2941, 3)
    );
    // The last date is 2025-06-30, so asOf defaults to 2025-07-01.
    assert_eq!(r.result.as_of.to_string(), "2025-07-01");
    assert_eq!(r.result.customers.len(), 600);
    // Putri Susanto: 3 orders, Rp 3,069,000 of purchases less the refund
    // (Rp 150,000) = 2,919,000; last purchase 2025-06-30 → recency 1 day.
    let putri = r
        .result
        .customers
        .iter()
        .find(|c| c.customer == "Putri Susanto")
        .unwrap();
    assert_eq!(
        (putri.recency, putri.frequency, putri.monetary),
        (1, 3, 2_919_000.0)
    );
    assert_eq!((putri.r, putri.f, putri.m), (5, 2, 3));
    // Score counts of the fixed table: 32 customers with R = 5, 207 with F = 1, 281 with M = 1.
    assert_eq!(r.result.customers.iter().filter(|c| c.r == 5).count(), 32);
    assert_eq!(r.result.customers.iter().filter(|c| c.f == 1).count(), 207);
    assert_eq!(r.result.customers.iter().filter(|c| c.m == 1).count(), 281);
    assert_eq!(r.result.segments.iter().map(|s| s.count).sum::<u64>(), 600);
}

#[test]
fn analysis_of_the_shop_log() {
    let a = api::analyze_log(&Value::object([("text", shop())])).unwrap();
    assert_eq!(a.result.customers, 600);
    assert_eq!(a.result.last_date.as_deref(), Some("2025-06-30"));
    // Default period: June 2025 (the data ends on its last day), previous May.
    // S = 102 bought in May, E = 105 in June, N = 30 first bought in June,
    // retained = 52 in both; CRR = (105 − 30) / 102 = 73.529…
    let ret = done(&a.result.retention);
    assert_eq!(
        (
            ret.start_customers,
            ret.end_customers,
            ret.new_customers,
            ret.retained
        ),
        (102, 105, 30, 52)
    );
    assert!((ret.retention_rate - 75.0 / 102.0 * 100.0).abs() < 1e-9);
    // 18 monthly cohorts; January 2024 has 48 customers.
    let coh = done(&a.result.cohorts);
    assert_eq!(coh.cohorts.len(), 18);
    assert_eq!(coh.cohorts[0].size, 48);
    // Pareto: the top ⌈600 / 5⌉ = 120 customers bring 68.40 % of revenue.
    let clv = done(&a.result.clv);
    assert_eq!(clv.pareto.top_customers, 120);
    assert!(
        (clv.pareto.top_revenue_share.unwrap() - 68.40300647243367).abs() < 1e-6,
        "{:?}",
        clv.pareto
    );
}

#[test]
fn options_are_checked_before_reading() {
    let bad = |pairs: Vec<(&str, Value)>| api::analyze_log(&Value::object(pairs)).unwrap_err();
    let e = bad(vec![("text", "x".into()), ("method", "kuintil".into())]);
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("invalidOption", Some("method"))
    );
    let e = bad(vec![("text", "x".into()), ("asOf", "30/06/2025".into())]);
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("invalidDate", Some("asOf"))
    );
    let e = bad(vec![
        ("text", "x".into()),
        (
            "thresholds",
            Value::object([("recency", Value::from(vec![7, 30]))]),
        ),
    ]);
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("invalidThresholds", Some("thresholds.recency"))
    );
    let e = api::retention(&Value::object([("text", shop())])).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("missingField", Some("periodStart"))
    );
    let e = api::cohorts(&Value::object([
        ("text", "nama;tanggal;total\n"),
        ("period", "week"),
    ]))
    .unwrap_err();
    assert_eq!(e.code, "invalidOption");
}

#[test]
fn a_small_log_by_hand() {
    // Sari buys on 1 and 10 June (2 orders, 300,000); "  sari " on 20 June is
    // the same customer (3 orders, 400,000); Budi buys once on 5 May and gets
    // a refund of 50,000 on 2 June (monetary 150,000, recency from 5 May).
    let text = "Nama;Tanggal;Total\nSari;01/06/2025;100.000\nBudi;05/05/2025;200.000\nSari;10/06/2025;200.000\n  sari ;20/06/2025;100.000\nBudi;02/06/2025;(50.000)\n";
    let r = api::rfm(&Value::object([("text", text), ("asOf", "2025-06-30")])).unwrap();
    let sari = &r
        .result
        .customers
        .iter()
        .find(|c| c.customer == "Sari")
        .unwrap();
    assert_eq!(
        (sari.recency, sari.frequency, sari.monetary),
        (10, 3, 400_000.0)
    );
    let budi = &r
        .result
        .customers
        .iter()
        .find(|c| c.customer == "Budi")
        .unwrap();
    // 30 June − 5 May = 56 days.
    assert_eq!(
        (budi.recency, budi.frequency, budi.monetary),
        (56, 1, 150_000.0)
    );
    assert_eq!(
        (sari.r, sari.f, sari.m, budi.r, budi.f, budi.m),
        (4, 2, 1, 3, 1, 1)
    );
}

#[test]
fn customer_tables_as_columns_by_hand() {
    // The small log above: Sari (first line 2) then Budi (line 3), asOf 30 June.
    let text = "Nama;Tanggal;Total\nSari;01/06/2025;100.000\nBudi;05/05/2025;200.000\nSari;10/06/2025;200.000\n  sari ;20/06/2025;100.000\nBudi;02/06/2025;(50.000)\n";
    let input = |tables: bool| {
        Value::object([
            ("text", Value::from(text)),
            ("asOf", Value::from("2025-06-30")),
            ("tables", Value::Bool(tables)),
        ])
    };
    let plain = api::analyze_log(&input(false)).unwrap();
    assert!(plain.result.tables.is_none());
    let a = api::analyze_log(&input(true)).unwrap();
    let t = a.result.tables.as_ref().unwrap();
    let rfm = t.rfm.as_ref().unwrap();
    assert_eq!(rfm.customer, ["Sari", "Budi"]);
    // Sari: 30 − 20 June = 10 days, 3 orders, 400,000; Budi: 56 days, 1, 150,000.
    assert_eq!(rfm.recency, [10.0, 56.0]);
    assert_eq!(rfm.frequency, [3.0, 1.0]);
    assert_eq!(rfm.monetary, [400_000.0, 150_000.0]);
    assert_eq!(
        (rfm.r.as_slice(), rfm.f.as_slice(), rfm.m.as_slice()),
        (&[4, 3][..], &[2, 1][..], &[1, 1][..])
    );
    let part = done(&a.result.rfm);
    let rule_keys: Vec<&str> = part.rules.iter().map(|r| r.key).collect();
    assert_eq!(rfm.segment_keys[..rule_keys.len()], rule_keys[..]);
    for (i, c) in part.customers.iter().enumerate() {
        assert_eq!(rfm.segment_keys[rfm.segment[i] as usize], c.segment);
    }
    let life = t.lifecycle.as_ref().unwrap();
    assert_eq!(life.customer, ["Sari", "Budi"]);
    // Sari: first purchase 1 June (29 days: new), last 20 June (10 days, no
    // win-back); Budi: 5 May both (56 days: active, win-back "lapsing", 30–59).
    assert_eq!(life.days_since_first_purchase, [29.0, 56.0]);
    assert_eq!(life.days_since_last_purchase, [10.0, 56.0]);
    assert_eq!(life.spend, [400_000.0, 150_000.0]);
    assert_eq!(life.stage_keys, ["new", "active", "atRisk", "churned"]);
    assert_eq!(life.stage, [0, 1]);
    assert_eq!(life.win_back_keys[0], "lapsing");
    assert_eq!(life.win_back, [0, 1]);
    let vips: Vec<u8> = done(&a.result.lifecycle)
        .customers
        .iter()
        .map(|c| u8::from(c.vip))
        .collect();
    assert_eq!(life.vip, vips);
    // Natively the columns are plain lists in the JSON.
    let json = serde_json::to_value(&a.result).unwrap();
    assert_eq!(
        json["tables"]["rfm"]["recency"],
        serde_json::json!([10.0, 56.0])
    );
    assert_eq!(json["tables"]["lifecycle"]["winBackKeys"][0], "lapsing");
    assert!(serde_json::to_value(&plain.result)
        .unwrap()
        .get("tables")
        .is_none());
}
