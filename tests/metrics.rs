//! Every worked example of METRICS.md §1–6, computed by hand (the arithmetic is
//! in the comments; the source articles' own results are not trusted), every
//! error case, and the shared sample survey files, through the native API.

use customer_metrics::api::{self, Value};
use customer_metrics::metrics::{ces, clv, crr, csat, fcr, nps};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {
        assert!(
            close($a, $b),
            "{} = {} but expected {}",
            stringify!($a),
            $a,
            $b
        )
    };
}

fn shared(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---- §1 CRR: CRR = (E − N) / S × 100 -----------------------------------------

#[test]
fn crr_worked_examples() {
    // (S, E, N) → (E − N) / S × 100, band per API.md (good is 75–85 inclusive).
    let cases = [
        (500, 450, 50, 80.0, "good"),    // (450 − 50) / 500 = 400 / 500 = 80 %
        (500, 600, 200, 80.0, "good"),   // (600 − 200) / 500 = 400 / 500 = 80 %
        (1000, 1150, 300, 85.0, "good"), // (1150 − 300) / 1000 = 850 / 1000 = 85 %
        (1000, 1100, 200, 90.0, "excellent"), // (1100 − 200) / 1000 = 900 / 1000 = 90 %
        (1000, 950, 100, 85.0, "good"),  // (950 − 100) / 1000 = 850 / 1000 = 85 %
    ];
    for (s, e, n, rate, band) in cases {
        let r = crr::crr(s, e, n).unwrap();
        assert_close!(r.retention_rate, rate);
        assert_close!(r.churn_rate, 100.0 - rate);
        assert_eq!(r.retained, (e - n) as i64);
        assert_eq!(r.lost, s as i64 - (e - n) as i64);
        assert_eq!(r.band.key, band, "S={s} E={e} N={n}");
        assert!(r.notices.warnings().is_empty());
    }
}

#[test]
fn crr_band_edges() {
    // S = 1000, so the rate is (E − N) / 10.
    for (retained, band) in [
        (599, "poor"),
        (600, "average"),
        (749, "average"),
        (750, "good"),
        (850, "good"),
        (851, "excellent"),
    ] {
        assert_eq!(
            crr::crr(1000, retained, 0).unwrap().band.key,
            band,
            "{retained}"
        );
    }
}

#[test]
fn crr_above_100_is_kept_with_a_warning() {
    // (150 − 20) / 100 = 130 %: only possible through reactivated customers.
    let r = crr::crr(100, 150, 20).unwrap();
    assert_close!(r.retention_rate, 130.0);
    assert_close!(r.churn_rate, -30.0);
    assert_eq!(r.lost, -30);
    assert_eq!(r.notices.warnings().len(), 1);
    assert!(r.notices.warnings()[0].contains("above 100"));
}

#[test]
fn crr_errors_name_the_field() {
    let e = crr::crr(0, 10, 0).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("startNotPositive", Some("startCustomers"))
    );
    let e = crr::crr(100, 50, 60).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("newExceedsEnd", Some("newCustomers"))
    );
    assert!(e.message.contains("60") && e.message.contains("50"));

    let call = |s: Value, e: Value, n: Value| {
        api::crr(&Value::object([
            ("startCustomers", s),
            ("endCustomers", e),
            ("newCustomers", n),
        ]))
        .unwrap_err()
    };
    let e = call((-5).into(), 10.into(), 0.into());
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("negative", Some("startCustomers"))
    );
    let e = call(10.into(), 10.5.into(), 0.into());
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("notInteger", Some("endCustomers"))
    );
    let e = call(10.into(), 10.into(), "dua".into());
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("wrongType", Some("newCustomers"))
    );
    let e = api::crr(&Value::object([
        ("startCustomers", 10),
        ("endCustomers", 10),
    ]))
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("missingField", Some("newCustomers"))
    );
    let e = api::crr(&Value::object([
        ("startCustomers", 10),
        ("endCustomers", 10),
        ("newCustomers", 0),
        ("newCustomer", 1),
    ]))
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("unknownField", Some("newCustomer"))
    );
    assert!(
        e.message.contains("Did you mean newCustomers?"),
        "{}",
        e.message
    );
}

// ---- §2 CLV = AOV × purchases per year × lifespan -----------------------------

#[test]
fn clv_worked_examples() {
    let cases = [
        (25_000.0, 218.0, 20.0, 5_450_000.0, 109_000_000.0), // 25,000 × 218 = 5,450,000 a year; × 20
        (5_000.0, 260.0, 5.0, 1_300_000.0, 6_500_000.0), // 5 a week = 260 a year; 5,000 × 260 = 1,300,000; × 5
        (500_000.0, 4.0, 3.0, 2_000_000.0, 6_000_000.0), // 500,000 × 4 = 2,000,000; × 3
        (500_000.0, 3.0, 3.0, 1_500_000.0, 4_500_000.0), // 500,000 × 3 = 1,500,000; × 3
    ];
    for (aov, freq, years, yearly, total) in cases {
        let r = clv::clv(aov, freq, years, None).unwrap();
        assert_close!(r.yearly_value, yearly);
        assert_close!(r.clv, total);
        assert_close!(r.profit_clv, total);
        assert_close!(r.max_acquisition_cost, total / 3.0);
        assert_close!(r.retention_budget_low, total * 0.10);
        assert_close!(r.retention_budget_high, total * 0.15);
    }
}

#[test]
fn clv_with_gross_margin() {
    // 6,000,000 × 40 % = 2,400,000 profit; CAC ≤ 2,400,000 / 3 = 800,000;
    // retention budget 10–15 % of 2,400,000 = 240,000–360,000.
    let r = clv::clv(500_000.0, 4.0, 3.0, Some(40.0)).unwrap();
    assert_close!(r.clv, 6_000_000.0);
    assert_close!(r.profit_clv, 2_400_000.0);
    assert_close!(r.max_acquisition_cost, 800_000.0);
    assert_close!(r.retention_budget_low, 240_000.0);
    assert_close!(r.retention_budget_high, 360_000.0);
}

#[test]
fn clv_errors() {
    let e = clv::clv(-1.0, 4.0, 3.0, None).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("negative", Some("averageOrderValue"))
    );
    let e = clv::clv(1.0, 4.0, 3.0, Some(120.0)).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("marginOutOfRange", Some("grossMarginPercent"))
    );
    let e = api::clv(&Value::object([
        ("averageOrderValue", 1.0),
        ("purchasesPerYear", 2.0),
    ]))
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("missingField", Some("lifespanYears"))
    );
}

// ---- §3 NPS -------------------------------------------------------------------

#[test]
fn nps_worked_example() {
    // 60 % promoters, 30 % passives, 10 % detractors (as 60/30/10 of 100):
    // NPS = 60 − 10 = 50 (band great: 50 ≤ NPS < 70);
    // variance = 0.6 + 0.1 − 0.5² = 0.45; margin = 1.96 × √(0.45 / 100) × 100 = 13.1480797…
    let r = nps::from_counts(60, 30, 10).unwrap();
    assert_close!(r.nps, 50.0);
    assert_eq!(r.responses, 100);
    assert_close!(r.promoters.percent, 60.0);
    assert_close!(r.passives.percent, 30.0);
    assert_close!(r.detractors.percent, 10.0);
    assert_close!(r.margin_of_error, 1.96 * 0.0045f64.sqrt() * 100.0);
    assert_close!(r.margin_of_error, 13.148079707698765);
    assert_close!(r.low, 50.0 - 13.148079707698765);
    assert_close!(r.high, 50.0 + 13.148079707698765);
    assert_eq!(r.band.key, "great");
}

#[test]
fn nps_from_scores_and_bands() {
    // 10, 9 promoters; 8, 7 passives; 6, 0 detractors: NPS = 2/6 − 2/6 = 0.
    // variance = 1/3 + 1/3 − 0 = 2/3; margin = 1.96 × √((2/3) / 6) × 100 = 65.333…
    let r = nps::from_scores(&[10.0, 9.0, 8.0, 7.0, 6.0, 0.0]).unwrap();
    assert_close!(r.nps, 0.0);
    assert_close!(
        r.margin_of_error,
        1.96 * (2.0f64 / 3.0 / 6.0).sqrt() * 100.0
    );
    assert_eq!(r.band.key, "needsImprovement");
    assert_eq!(r.distribution.len(), 11);
    assert_eq!(r.distribution[10].count, 1);
    assert_eq!(r.distribution[5].count, 0);
    // All promoters: NPS 100, no spread, low and high stay at 100.
    let r = nps::from_scores(&[9.0, 10.0, 10.0]).unwrap();
    assert_close!(r.nps, 100.0);
    assert_close!(r.high, 100.0);
    assert_eq!(r.band.key, "worldClass");
    // One detractor: −100, kept within −100.
    let r = nps::from_scores(&[3.0]).unwrap();
    assert_close!(r.low, -100.0);
    assert_eq!(r.band.key, "crisis");
    for (value, band) in [
        (-0.1, "crisis"),
        (0.0, "needsImprovement"),
        (30.0, "good"),
        (49.9, "good"),
        (70.0, "worldClass"),
    ] {
        assert_eq!(nps::band(value).key, band);
    }
}

#[test]
fn nps_errors_name_the_row() {
    let e = nps::from_scores(&[9.0, 8.5]).unwrap_err();
    assert_eq!((e.code.as_str(), e.row), ("scoreNotInteger", Some(2)));
    let e = nps::from_scores(&[9.0, 10.0, 11.0]).unwrap_err();
    assert_eq!((e.code.as_str(), e.row), ("scoreOutOfRange", Some(3)));
    let e = nps::from_scores(&[-1.0]).unwrap_err();
    assert_eq!(e.code, "scoreOutOfRange");
    assert_eq!(nps::from_scores(&[]).unwrap_err().code, "emptyScores");
    assert_eq!(nps::from_counts(0, 0, 0).unwrap_err().code, "noResponses");
    let both = Value::object([
        ("scores", Value::from(vec![9])),
        ("promoters", Value::from(3)),
    ]);
    assert_eq!(api::nps(&both).unwrap_err().code, "conflictingInputs");
    assert_eq!(
        api::nps(&Value::object::<&str, Value>([]))
            .unwrap_err()
            .code,
        "missingInput"
    );
}

#[test]
fn nps_from_the_google_forms_export() {
    // survei_nps.tsv: 414 data rows (a blank line is not a row); row 415 has
    // no answer and row 416 says 11, so 412 are used. Counted independently:
    // 160 promoters, 118 detractors → NPS = (160 − 118) / 412 × 100 = 10.194…
    let r = api::nps(&Value::object([("text", shared("survei_nps.tsv"))])).unwrap();
    let report = r.input.as_ref().unwrap();
    assert_eq!(
        (report.rows, report.used, report.skipped.len()),
        (414, 412, 2)
    );
    assert_eq!(report.rows, report.used + report.skipped.len());
    assert_eq!(
        (report.skipped[0].row, report.skipped[0].code.as_str()),
        (415, "emptyValue")
    );
    assert_eq!(
        (report.skipped[1].row, report.skipped[1].code.as_str()),
        (416, "scoreOutOfRange")
    );
    assert_eq!(report.column.index, 1);
    assert_eq!(r.result.promoters.count, 160);
    assert_eq!(r.result.detractors.count, 118);
    assert_close!(r.result.nps, 42.0 / 412.0 * 100.0);
    let (p, d) = (160.0 / 412.0, 118.0 / 412.0);
    assert_close!(
        r.result.margin_of_error,
        1.96 * ((p + d - (p - d) * (p - d)) / 412.0f64).sqrt() * 100.0
    );
}

#[test]
fn nps_text_column_by_mapping_and_failures() {
    // Two numeric columns: the score column must be named.
    let text = "id;nilai\n1;9\n2;10\n3;4\n";
    let r = api::nps(&Value::object([("text", text)])).unwrap();
    assert_eq!(r.input.unwrap().column.name, "nilai");
    let ambiguous = "1;9\n2;10\n3;4\n";
    assert_eq!(
        api::nps(&Value::object([("text", ambiguous)]))
            .unwrap_err()
            .code,
        "ambiguousScoreColumn"
    );
    let mapped = Value::object([
        ("text", Value::from(ambiguous)),
        ("columns", Value::object([("score", 1)])),
    ]);
    let r = api::nps(&mapped).unwrap();
    // 9 and 10 promoters, 4 a detractor: (2 − 1) / 3 × 100 = 33.33…
    assert_close!(r.result.nps, 100.0 / 3.0);
    let e = api::nps(&Value::object([("text", "skor\nbagus\n\nsangat\n")])).unwrap_err();
    assert_eq!(e.code, "noUsableRows");
    assert_eq!(e.skipped.iter().map(|s| s.row).collect::<Vec<_>>(), [2, 4]);
    assert_eq!(
        api::nps(&Value::object([("text", "")])).unwrap_err().code,
        "emptyText"
    );
}

// ---- §4 CES -------------------------------------------------------------------

#[test]
fn ces_worked_example_scale_1_to_10() {
    // 7 ×4, 8 ×6, 9 ×4, 10 ×1: sum = 28 + 48 + 36 + 10 = 122; n = 15; CES = 8.1333…
    // easy (8–10 on a high-is-easy 1–10 scale) = 6 + 4 + 1 = 11 of 15 = 73.33 %.
    let scores = [7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 10].map(f64::from);
    let r = ces::ces(&scores, ces::Scale::new(1, 10, true).unwrap()).unwrap();
    assert_close!(r.ces, 122.0 / 15.0);
    assert_close!(r.easy_percent, 11.0 / 15.0 * 100.0);
    assert_eq!(r.easy_range, [8, 10]);
    assert_eq!(r.distribution.len(), 10);
    assert_eq!(r.distribution[7].count, 6); // score 8
}

#[test]
fn ces_easy_box_mirrors_when_high_is_hard() {
    let hard = ces::Scale::new(1, 5, false).unwrap();
    assert_eq!(hard.easy_range(), (1, 2));
    // 1 and 2 are easy on a high-is-hard 1–5 scale: 2 of 5 = 40 %.
    let r = ces::ces(&[1.0, 2.0, 3.0, 4.0, 5.0], hard).unwrap();
    assert_close!(r.easy_percent, 40.0);
    assert_eq!(ces::Scale::new(1, 7, true).unwrap().easy_range(), (5, 7));
    assert_eq!(ces::Scale::new(1, 7, false).unwrap().easy_range(), (1, 3));
    assert_eq!(ces::Scale::new(1, 10, false).unwrap().easy_range(), (1, 3));
}

#[test]
fn ces_errors() {
    assert_eq!(
        ces::Scale::new(1, 6, true).unwrap_err().code,
        "invalidScale"
    );
    assert_eq!(
        ces::Scale::new(0, 10, true).unwrap_err().field.as_deref(),
        Some("scaleMin")
    );
    let e = ces::ces(&[3.0, 8.0], ces::Scale::default()).unwrap_err();
    assert_eq!((e.code.as_str(), e.row), ("scoreOffScale", Some(2)));
    assert_eq!(
        ces::ces(&[], ces::Scale::default()).unwrap_err().code,
        "emptyScores"
    );
}

#[test]
fn ces_from_the_shared_column() {
    // survei_ces.txt: a header and 180 answers on 1–7; counted independently:
    // sum 951 → mean 5.28333…, 141 answers of 5–7 → 78.33 %.
    let r = api::ces(&Value::object([("text", shared("survei_ces.txt"))])).unwrap();
    let report = r.input.as_ref().unwrap();
    assert_eq!(
        (report.rows, report.used, report.skipped.len()),
        (180, 180, 0)
    );
    assert_close!(r.result.ces, 951.0 / 180.0);
    assert_close!(r.result.easy_percent, 141.0 / 180.0 * 100.0);
}

// ---- §5 FCR and §6 CSAT -----------------------------------------------------------

#[test]
fn fcr_worked_example_and_bands() {
    // 120 of 200 tickets resolved at first contact: 60 % (below average, < 70).
    let r = fcr::fcr(120, 200).unwrap();
    assert_close!(r.fcr, 60.0);
    assert_eq!(r.band.key, "belowAverage");
    assert_eq!(fcr::fcr(140, 200).unwrap().band.key, "good"); // 70 %
    assert_eq!(fcr::fcr(159, 200).unwrap().band.key, "good"); // 79.5 %
    assert_eq!(fcr::fcr(160, 200).unwrap().band.key, "worldClass"); // 80 %
    let e = fcr::fcr(201, 200).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("resolvedExceedsTotal", Some("resolvedFirstContact"))
    );
    let e = fcr::fcr(0, 0).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("totalNotPositive", Some("totalTickets"))
    );
}

#[test]
fn csat_on_both_scales() {
    // 1–5: 5, 4, 3, 5, 1 → satisfied (4–5) = 3 of 5 = 60 %; mean 18 / 5 = 3.6.
    let r = csat::csat(&[5.0, 4.0, 3.0, 5.0, 1.0], 5).unwrap();
    assert_close!(r.csat, 60.0);
    assert_close!(r.mean, 3.6);
    assert_eq!(r.top_box, [4, 5]);
    // 1–10: 10, 9, 8, 7 → satisfied (9–10) = 2 of 4 = 50 %; mean 34 / 4 = 8.5.
    let r = csat::csat(&[10.0, 9.0, 8.0, 7.0], 10).unwrap();
    assert_close!(r.csat, 50.0);
    assert_close!(r.mean, 8.5);
    assert_eq!(csat::csat(&[6.0], 5).unwrap_err().code, "scoreOffScale");
    assert_eq!(csat::csat(&[0.0], 10).unwrap_err().code, "scoreOffScale");
    assert_eq!(csat::csat(&[4.0], 7).unwrap_err().code, "invalidScale");
}

#[test]
fn fcr_from_the_shared_ticket_log() {
    // tiket_cs.csv: 640 tickets, quoted notes with commas, `;`, quotes and
    // newlines. Counted independently: 340 "ya" + 105 "yes" (any case) = 445
    // resolved at first contact → 445 / 640 = 69.53125 %.
    let text = shared("tiket_cs.csv");
    let r = api::fcr(&Value::object([("text", text.as_str())])).unwrap();
    let report = r.input.as_ref().unwrap();
    assert_eq!(
        (report.rows, report.used, report.skipped.len()),
        (640, 640, 0)
    );
    assert_eq!(report.column.name, "Selesai di kontak pertama");
    assert_eq!((r.result.resolved, r.result.total), (445, 640));
    assert_close!(r.result.fcr, 69.53125);
    assert_eq!(r.result.band.key, "belowAverage");
    assert!(r.result.groups.is_empty());

    // Grouped by channel ("channel" finds the header "Kanal"): 180 WhatsApp,
    // 167 Email, 159 Instagram DM, 134 Telepon, largest first.
    let r = api::fcr(&Value::object([
        ("text", text.as_str()),
        ("groupBy", "channel"),
    ]))
    .unwrap();
    let names: Vec<(&str, u64)> = r
        .result
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.total))
        .collect();
    assert_eq!(
        names,
        [
            ("WhatsApp", 180),
            ("Email", 167),
            ("Instagram DM", 159),
            ("Telepon", 134)
        ]
    );
    assert_eq!(r.result.groups.iter().map(|g| g.resolved).sum::<u64>(), 445);
    for g in &r.result.groups {
        assert_close!(g.fcr, g.resolved as f64 / g.total as f64 * 100.0);
    }
    let r = api::fcr(&Value::object([
        ("text", text.as_str()),
        ("groupBy", "Agen"),
    ]))
    .unwrap();
    assert_eq!(r.result.groups.len(), 4);
    assert_eq!(r.input.unwrap().group_column.unwrap().name, "Agen");
}

#[test]
fn fcr_text_errors_and_skips() {
    // Row 3 says "mungkin" (maybe): skipped; 1 of the 2 others resolved = 50 %.
    let r = api::fcr(&Value::object([(
        "text",
        "kanal;selesai\nWA;ya\nWA;mungkin\nEmail;tidak\n",
    )]))
    .unwrap();
    let report = r.input.unwrap();
    assert_eq!((report.rows, report.used), (3, 2));
    assert_eq!(
        (report.skipped[0].row, report.skipped[0].code.as_str()),
        (3, "invalidYesNo")
    );
    assert_close!(r.result.fcr, 50.0);
    let e = api::fcr(&Value::object([("text", "kanal;catatan\nWA;halo\n")])).unwrap_err();
    assert_eq!(e.code, "noResolvedColumn");
    let e = api::fcr(&Value::object([
        ("text", "selesai\nya\n"),
        ("groupBy", "toko"),
    ]))
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("unknownColumn", Some("groupBy"))
    );
    let e = api::fcr(&Value::object([("groupBy", "kanal")])).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("missingField", Some("text"))
    );
}
