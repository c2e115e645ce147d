//! Health and churn-risk scores, the call list, goals and CAC, on small inputs
//! worked out by hand (the arithmetic is in the comments; nothing here calls
//! the code under test to get an expected value). The CAC line is the seeds'
//! worked example: Rp 250.000 to win a customer against Rp 20.000 to keep one.
#![cfg(feature = "analytics")]

use customer_metrics::api::{self, log::Part, Value};
use serde_json::json;

fn v(j: serde_json::Value) -> Value {
    serde_json::from_value(j).unwrap()
}

fn done<T: std::fmt::Debug>(p: &Part<T>) -> &T {
    match p {
        Part::Done(v) => v,
        Part::Failed { error } => panic!("{error:?}"),
    }
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

/// Four customers; asOf 2025-07-01; the fixed RFM table (recency edges 7, 30,
/// 60, 90 days; orders 10, 6, 4, 2; spend 10M, 5M, 2M, 500k).
const LOG: &str = "Pelanggan;Tanggal;Total;Opens
Ani;2025-01-10;1.000.000;50
Ani;2025-02-10;1.000.000;
Ani;2025-03-10;1.000.000;
Ani;2025-04-10;1.000.000;
Ani;2025-05-10;1.000.000;
Ani;2025-06-10;1.000.000;
Ani;2025-06-28;1.000.000;
Budi;2024-10-01;500.000;5
Budi;2024-11-01;500.000;
Budi;2024-12-01;500.000;
Budi;2025-01-15;500.000;
Citra;2025-06-20;300.000;20
Dodi;2025-02-01;800.000;
Dodi;2025-03-01;800.000;
";

fn analyse(extra: serde_json::Value) -> api::log::FromLog<api::log::Analysis> {
    let mut input = json!({ "text": LOG, "asOf": "2025-07-01" });
    for (k, val) in extra.as_object().unwrap() {
        input[k] = val.clone();
    }
    api::analyze_log(&v(input)).unwrap()
}

#[test]
fn health_and_churn_risk_from_the_log_alone() {
    let a = analyse(json!({}));
    let s = &done(&a.result.scores).scores;
    let by = |name: &str| s.customers.iter().find(|c| c.customer == name).unwrap();
    // Ani: last 2025-06-28 → 3 days → R 5; 7 orders → F 4 (≥ 6); 7,000,000 → M 4 (≥ 5M).
    // Health (5×6 + 4×6 + 4×4) = 70 of 80 → × 1.25 = 87.5, healthy.
    // Drop: window from 2025-04-02 (asOf − 90): 3 days before it (Jan 10, Feb 10,
    // Mar 10), 4 in it; Jan 10 → Apr 2 = 82 days, at least 90 → 3 expected in 90
    // days; 4 ≥ 3 → drop 0. Recency risk 3/180 × 100 = 1.6667.
    // Churn = (30 × 1.6667 + 25 × 0) / 55 = 50/55 = 0.9091, low.
    let ani = by("Ani");
    assert_eq!(
        (
            ani.recency_points,
            ani.frequency_points,
            ani.monetary_points
        ),
        (30, 24, 16)
    );
    close(ani.health, 87.5);
    assert_eq!(ani.health_band, "healthy");
    close(ani.frequency_drop.unwrap(), 0.0);
    close(ani.churn_risk, 50.0 / 55.0);
    assert_eq!(ani.churn_band, "low");
    // Budi: last 2025-01-15 → 167 days → R 1; 4 orders → F 3; 2,000,000 → M 3.
    // Health (6 + 18 + 12) = 36 × 1.25 = 45, critical.
    // Drop: 4 days before the window, none in it; 2024-10-01 → 2025-04-02 = 183
    // days → expected 4/183 × 90 = 1.97; drop 100. Recency 167/180 × 100.
    // Churn = (30 × 92.7778 + 25 × 100) / 55 = 96.0606, high.
    let budi = by("Budi");
    close(budi.health, 45.0);
    assert_eq!(budi.health_band, "critical");
    close(budi.frequency_drop.unwrap(), 100.0);
    close(
        budi.churn_risk,
        (30.0 * 167.0 / 180.0 * 100.0 + 2500.0) / 55.0,
    );
    assert_eq!(budi.churn_band, "high");
    // Citra: 11 days → R 4; 1 order → F 1; 300,000 → M 1. (24 + 6 + 4) × 1.25 = 42.5.
    // First purchase inside the window: no drop; churn = recency only = 11/180 × 100.
    let citra = by("Citra");
    close(citra.health, 42.5);
    assert_eq!(citra.frequency_drop, None);
    close(citra.churn_risk, 11.0 / 180.0 * 100.0);
    // Dodi: 2025-03-01 → 122 days → R 1; 2 orders → F 2; 1,600,000 → M 2.
    // (6 + 12 + 8) × 1.25 = 32.5. Drop: 2 before the window over max(60, 90)
    // days → 2 expected, 0 seen → 100. Churn = (30 × 122/180 × 100 + 2500) / 55.
    let dodi = by("Dodi");
    close(dodi.health, 32.5);
    close(
        dodi.churn_risk,
        (30.0 * 122.0 / 180.0 * 100.0 + 2500.0) / 55.0,
    );
    // Bands: 1 healthy, 0 at risk, 3 critical of 4.
    let bands: Vec<(&str, u64, f64)> = s
        .health_bands
        .iter()
        .map(|b| (b.key, b.count, b.percent))
        .collect();
    assert_eq!(
        bands,
        [
            ("healthy", 1, 25.0),
            ("atRisk", 0, 0.0),
            ("critical", 3, 75.0)
        ]
    );
    close(s.average_health, (87.5 + 45.0 + 42.5 + 32.5) / 4.0);
    // Health in tens: 32.5 → 30–39, 42.5 and 45 → 40–49, 87.5 → 80–89.
    let counts: Vec<u64> = s.health_distribution.iter().map(|b| b.count).collect();
    assert_eq!(counts, [0, 0, 0, 1, 2, 0, 0, 0, 1, 0]);
    // Weights in use: recency 30/55, drop 25/55; the other three missing.
    let used: Vec<(&str, f64)> = s.weights.iter().map(|w| (w.key, w.used)).collect();
    close(used[0].1, 3000.0 / 55.0);
    close(used[1].1, 2500.0 / 55.0);
    assert!(used[2..].iter().all(|w| w.1 == 0.0));
    let codes: Vec<&str> = s.notices.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(
        codes,
        ["healthWithoutEngagement", "churnWeightsRedistributed"]
    );
    // Call list: medium or high risk, by risk × spend: Budi 0.9606 × 2,000,000
    // = 1,921,212 before Dodi 0.8242 × 1,600,000 = 1,318,788.
    let list: Vec<&str> = s.call_list.iter().map(|c| c.customer.as_str()).collect();
    assert_eq!(list, ["Budi", "Dodi"]);
    assert_eq!(s.call_list_total, 2);
    let b = &s.call_list[0];
    // Budi's gaps: 31, 30, 45 days → median 31; 167 > 2 × 31: overdue; the
    // drop of 100 ≥ 50: bought less; 167 days: the win-back stage "lost" (90–179).
    assert_eq!(b.usual_gap_days, Some(31.0));
    assert_eq!(b.changes, ["overdue", "boughtLess"]);
    assert_eq!(b.action, "lost");
    assert_eq!(b.last_purchase.to_string(), "2025-01-15");
    close(
        b.priority,
        (30.0 * 167.0 / 180.0 * 100.0 + 2500.0) / 55.0 / 100.0 * 2_000_000.0,
    );
}

#[test]
fn engagement_and_nps_take_their_weights() {
    let survey = "Timestamp\tNama\tSeberapa besar kemungkinan Anda merekomendasikan kami?\n2025-06-01\tBUDI\t3\n2025-06-02\tAni\t10\n2025-06-03\tEko\t8\n";
    let a = analyse(json!({ "columns": { "engagement": "Opens" }, "surveyText": survey }));
    let p = done(&a.result.scores);
    let s = &p.scores;
    let by = |name: &str| s.customers.iter().find(|c| c.customer == name).unwrap();
    // Engagement: Ani 50, Budi 5, Citra 20 (Dodi none). Quintiles of three:
    // 1 + ⌊5 × below / 3⌋: Budi 1, Citra 1 + ⌊5/3⌋ = 2, Ani 1 + ⌊10/3⌋ = 4.
    // Health: Ani 70 + 4 × 4 = 86; Budi 36 + 4 = 40; Citra 34 + 8 = 42;
    // Dodi has none: 26 × 1.25 = 32.5.
    close(by("Ani").health, 86.0);
    close(by("Budi").health, 40.0);
    close(by("Citra").health, 42.0);
    close(by("Dodi").health, 32.5);
    // Churn with engagement (15) and NPS (15): Budi (answer 3 → 70; lowest
    // engagement → 100): (30 × 92.7778 + 25 × 100 + 15 × 100 + 15 × 70) / 85.
    close(
        by("Budi").churn_risk,
        (30.0 * 167.0 / 180.0 * 100.0 + 2500.0 + 1500.0 + 1050.0) / 85.0,
    );
    // Ani: engagement 4 → (5 − 4)/4 × 100 = 25; NPS 10 → 0:
    // (30 × 1.6667 + 0 + 15 × 25 + 0) / 85.
    close(by("Ani").churn_risk, (50.0 + 375.0) / 85.0);
    // Dodi: no engagement, no answer: recency and drop only, as before.
    close(
        by("Dodi").churn_risk,
        (30.0 * 122.0 / 180.0 * 100.0 + 2500.0) / 55.0,
    );
    // Overall only support sentiment is missing: 85 of 100 in use.
    close(s.weights[0].used, 3000.0 / 85.0);
    assert_eq!(s.weights[3].key, "supportSentiment");
    assert!(!s.weights[3].available);
    // The survey: 3 respondents, 2 in the log (BUDI matches Budi); Eko is not.
    let survey = p.survey.as_ref().unwrap();
    assert_eq!(
        (survey.rows, survey.used, survey.respondents, survey.matched),
        (3, 3, 3, 2)
    );
    assert_eq!(survey.customer_column.name, "Nama");
    let codes: Vec<&str> = s.notices.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["churnWeightsRedistributed", "surveyUnmatched"]);
    assert_eq!(
        s.call_list[0].changes,
        ["overdue", "boughtLess", "detractor", "lowEngagement"]
    );
}

#[test]
fn a_survey_without_a_customer_column_fails_the_scores_only() {
    let a = analyse(json!({ "surveyText": "Skor\n9\n7\n" }));
    match &a.result.scores {
        Part::Failed { error } => assert_eq!(error.code.as_str(), "missingColumn"),
        Part::Done(_) => panic!("no customer column"),
    }
    assert!(matches!(a.result.rfm, Part::Done(_)));
}

#[test]
fn goals_for_each_calculator() {
    // NPS 42 with 200 answers (110 promoters, 64 passives, 26 detractors:
    // (110 − 26)/200 = 42); target 55 needs P − D = 55 % of 200 = 110, 26 more:
    // 26 passives → promoters, or 26 detractors → passives, or 13 detractors →
    // promoters; or new promoter answers x with (84 + x)/(200 + x) ≥ 0.55 →
    // x ≥ 26/0.45 = 57.8 → 58. (The issue's "26 more promoters, or 26 fewer
    // detractors" holds for answers that change, with as many answers.)
    let r = api::nps(&v(
        json!({ "promoters": 110, "passives": 64, "detractors": 26, "target": 55 }),
    ))
    .unwrap();
    let g = serde_json::to_value(&r).unwrap()["goal"].clone();
    assert_eq!(g["netNeeded"], 26);
    assert_eq!(g["morePromoters"], 26);
    assert_eq!(g["fewerDetractors"], 26);
    assert_eq!(g["detractorsToPromoters"], 13);
    assert_eq!(g["newPromoters"], 58);
    assert_eq!(g["reached"], false);
    // With only 16 detractors (P 100, passives 84): 26 fewer detractors is impossible.
    let r = api::nps(&v(
        json!({ "promoters": 100, "passives": 84, "detractors": 16, "target": 55 }),
    ))
    .unwrap();
    let g = serde_json::to_value(&r).unwrap()["goal"].clone();
    assert_eq!(g["fewerDetractors"], serde_json::Value::Null);
    assert_eq!(g["morePromoters"], 26);
    // CRR 70 % of 120 (E 100, N 16: 84 kept); 80 % needs ⌈96⌉ kept: 12 more; 24 may leave.
    let r = api::crr(&v(
        json!({ "startCustomers": 120, "endCustomers": 100, "newCustomers": 16, "target": 80 }),
    ))
    .unwrap();
    let g = serde_json::to_value(&r).unwrap()["goal"].clone();
    assert_eq!(
        (
            g["retainedNeeded"].clone(),
            g["moreRetained"].clone(),
            g["lostAllowed"].clone()
        ),
        (json!(96), json!(12), json!(24))
    );
    // CSAT 35 satisfied (4–5) of 50 = 70 %; 80 % needs 40: 5 more; or x new
    // satisfied answers with (35 + x)/(50 + x) ≥ 0.8 → x ≥ 500/20 = 25.
    let scores: Vec<u32> = [vec![5; 20], vec![4; 15], vec![3; 15]].concat();
    let r = api::csat(&v(json!({ "scores": scores, "target": 80 }))).unwrap();
    let g = serde_json::to_value(&r).unwrap()["goal"].clone();
    assert_eq!(
        (g["needed"].clone(), g["more"].clone(), g["newGood"].clone()),
        (json!(40), json!(5), json!(25))
    );
    // FCR 64 of 80 = 80 %; 85 % needs ⌈68⌉: 4 more; new tickets all resolved:
    // (85 × 80 − 6400)/15 = 26.7 → 27 (91/107 = 85.05 %, 90/106 = 84.9 %).
    let r = api::fcr(&v(
        json!({ "resolvedFirstContact": 64, "totalTickets": 80, "target": 85 }),
    ))
    .unwrap();
    let g = serde_json::to_value(&r).unwrap()["goal"].clone();
    assert_eq!(
        (g["more"].clone(), g["newGood"].clone()),
        (json!(4), json!(27))
    );
    // CES 7, 6, 5, 4, 3 on 1–7: mean 5; 5.5 needs 5 × 5.5 − 25 = 2.5 → 3 points;
    // new answers of 7: (25 + 7x)/(5 + x) ≥ 5.5 → x ≥ 2.5/1.5 = 1.67 → 2.
    let r = api::ces(&v(json!({ "scores": [7, 6, 5, 4, 3], "target": 5.5 }))).unwrap();
    let g = serde_json::to_value(&r).unwrap()["goal"].clone();
    assert_eq!(
        (g["pointsNeeded"].clone(), g["newEasiest"].clone()),
        (json!(3), json!(2))
    );
    // A target reached: nothing needed.
    let r = api::fcr(&v(
        json!({ "resolvedFirstContact": 64, "totalTickets": 80, "target": 80 }),
    ))
    .unwrap();
    assert_eq!(serde_json::to_value(&r).unwrap()["goal"]["more"], 0);
    // Bad targets.
    let e = api::nps(&v(json!({ "scores": [9], "target": 120 }))).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("targetOutOfRange", Some("target"))
    );
    let e = api::ces(&v(json!({ "scores": [5], "target": 0 }))).unwrap_err();
    assert_eq!(e.code.as_str(), "targetOutOfRange");
    // No target: no goal field.
    let r = api::crr(&v(
        json!({ "startCustomers": 120, "endCustomers": 100, "newCustomers": 16 }),
    ))
    .unwrap();
    assert!(serde_json::to_value(&r).unwrap().get("goal").is_none());
}

#[test]
fn the_seeds_cost_of_keeping_against_winning() {
    // Rp 2.500.000 of marketing for 10 new customers: CAC Rp 250.000; keeping
    // one costs Rp 20.000: winning costs 250,000 / 20,000 = 12.5 times as much,
    // Rp 230.000 more per customer.
    // CLV 500,000 × 4 × 3 = 6,000,000, margin 30 % → LTV 1,800,000; LTV : CAC
    // = 1,800,000 / 250,000 = 7.2 ≥ 3. Payback: 250,000 / (2,000,000 × 0.3 / 12
    // = 50,000 a month) = 5 months.
    let r = api::clv(&v(json!({
        "averageOrderValue": 500000, "purchasesPerYear": 4, "lifespanYears": 3,
        "grossMarginPercent": 30, "marketingSpend": 2500000, "newCustomers": 10,
        "retentionCost": 20000
    })))
    .unwrap();
    let j = serde_json::to_value(&r).unwrap();
    let a = &j["acquisition"];
    assert_eq!(a["cac"], 250000.0);
    close(a["ltvToCac"].as_f64().unwrap(), 7.2);
    assert_eq!(a["meetsRule"], true);
    close(a["paybackMonths"].as_f64().unwrap(), 5.0);
    let k = &j["keepVsWin"];
    assert_eq!(
        (k["ratio"].as_f64(), k["saving"].as_f64()),
        (Some(12.5), Some(230000.0))
    );
    // 10 new customers for Rp 6.000.000: CAC 600,000 → 1,800,000 / 600,000 = 3: just meets.
    let r = api::clv(&v(json!({
        "averageOrderValue": 500000, "purchasesPerYear": 4, "lifespanYears": 3,
        "grossMarginPercent": 30, "marketingSpend": 6000000, "newCustomers": 10
    })))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&r).unwrap()["acquisition"]["meetsRule"],
        true
    );
    // Spend without new customers, and no new customers at all, are errors.
    let e = api::clv(&v(json!({ "averageOrderValue": 1, "purchasesPerYear": 1, "lifespanYears": 1, "marketingSpend": 10 }))).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("missingField", Some("newCustomers"))
    );
    let e = api::clv(&v(json!({ "averageOrderValue": 1, "purchasesPerYear": 1, "lifespanYears": 1, "marketingSpend": 10, "newCustomers": 0 }))).unwrap_err();
    assert_eq!(e.code.as_str(), "noNewCustomers");
}

#[test]
fn cac_from_the_log_by_month() {
    // New customers by first purchase: 2024-10 Budi; 2025-01 Ani; 2025-02 Dodi;
    // 2025-06 Citra. Spend: Jan 1.000.000 (1 new → CAC 1,000,000), Feb
    // 2.000.000 (1 → 2,000,000), Mar 500.000 (0 new → null).
    // Total 3,500,000 / 2 = 1,750,000.
    let a = analyse(
        json!({ "marketingSpend": "Bulan\tBiaya\n2025-01\tRp 1.000.000\nFeb 2025\t2.000.000\n2025-03\t500.000\nJumlah\t3.500.000\n" }),
    );
    let acq = done(a.result.acquisition.as_ref().unwrap());
    let months: Vec<(&str, f64, u64, Option<f64>)> = acq
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.spend, m.new_customers, m.cac))
        .collect();
    assert_eq!(
        months,
        [
            ("2025-01", 1_000_000.0, 1, Some(1_000_000.0)),
            ("2025-02", 2_000_000.0, 1, Some(2_000_000.0)),
            ("2025-03", 500_000.0, 0, None)
        ]
    );
    assert_eq!(acq.total.cac, 1_750_000.0);
    assert_eq!(acq.skipped.len(), 1);
    assert_eq!(acq.skipped[0].row, 5);
}

fn lowest_names(s: &customer_metrics::metrics::health::Scores) -> Vec<&str> {
    s.lowest_health
        .iter()
        .map(|c| c.customer.as_str())
        .collect()
}

#[test]
fn lowest_health_first_then_higher_risk_then_the_logs_order() {
    // From the hand-worked health above: Dodi 32.5, Citra 42.5, Budi 45, Ani 87.5.
    let a = analyse(json!({}));
    let s = &done(&a.result.scores).scores;
    let names = lowest_names(s);
    assert_eq!(names, ["Dodi", "Citra", "Budi", "Ani"]);
    close(s.lowest_health[0].health, 32.5);

    // 25 customers with one purchase of Rp 100.000 each (F 1, M 1), all inside
    // the 90-day window (no frequency drop: the churn risk is the recency's
    // alone, rising with the days), so health differs only by R: 3–5 days R 5,
    // 11–25 R 4, 40–55 R 3, 70–85 R 2. The 20 lowest: the eleven R 2 by days,
    // most first (80 three times: K02, K04, K12 in the log's order), then the
    // seven R 3 (55 … 40), then the two R 4 with the most days (25, 20).
    let days = [
        3, 80, 45, 80, 11, 70, 50, 85, 20, 75, 40, 80, 15, 55, 72, 5, 48, 84, 12, 78, 44, 71, 25,
        83, 52,
    ];
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    let mut text = String::from("Pelanggan;Tanggal;Total\n");
    for (i, d) in days.iter().enumerate() {
        let day = as_of - chrono::Duration::days(*d);
        text.push_str(&format!("K{:02};{day};100.000\n", i + 1));
    }
    let a = api::analyze_log(&v(json!({ "text": text, "asOf": "2025-07-01" }))).unwrap();
    let s = &done(&a.result.scores).scores;
    let names = lowest_names(s);
    assert_eq!(
        names,
        [
            "K08", "K18", "K24", "K02", "K04", "K12", "K20", "K10", "K15", "K22", "K06", "K14",
            "K25", "K07", "K17", "K03", "K21", "K11", "K23", "K09"
        ]
    );
    // R 2: (2 × 6 + 6 + 4) × 1.25 = 27.5; R 4: (24 + 10) × 1.25 = 42.5.
    close(s.lowest_health[0].health, 27.5);
    close(s.lowest_health[19].health, 42.5);
}

#[test]
fn omit_leaves_the_named_lists_empty_and_nothing_else() {
    let all = analyse(json!({}));
    let some = analyse(json!({ "omit": ["clv.customers", "scores.customers"] }));
    let (mut a, b) = (
        serde_json::to_value(&all.result).unwrap(),
        serde_json::to_value(&some.result).unwrap(),
    );
    assert_eq!(a["clv"]["customers"].as_array().unwrap().len(), 4);
    assert_eq!(a["scores"]["customers"].as_array().unwrap().len(), 4);
    a["clv"]["customers"] = json!([]);
    a["scores"]["customers"] = json!([]);
    assert_eq!(a, b);
    assert_eq!(b["rfm"]["customers"].as_array().unwrap().len(), 4);
    assert_eq!(b["scores"]["lowestHealth"].as_array().unwrap().len(), 4);

    let every = analyse(json!({ "omit": ["rfm.customers", "lifecycle.customers"] }));
    let c = serde_json::to_value(&every.result).unwrap();
    assert_eq!(c["rfm"]["customers"], json!([]));
    assert_eq!(c["lifecycle"]["customers"], json!([]));
    // The lifecycle's stage lists are not per-customer rows: they stay.
    assert_eq!(
        c["lifecycle"]["stages"],
        serde_json::to_value(&all.result).unwrap()["lifecycle"]["stages"]
    );

    for bad in [json!(["clv"]), json!("clv.customers"), json!([1])] {
        let input = json!({ "text": LOG, "omit": bad });
        let e = api::analyze_log(&v(input)).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("omit"), "{e:?}");
    }
    let e = api::analyze_log(&v(json!({ "text": LOG, "omit": ["clv"] }))).unwrap_err();
    assert_eq!(e.code.as_str(), "invalidOption");
    assert!(e.message.contains("\"clv.customers\""), "{}", e.message);
}
