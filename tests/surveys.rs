//! Survey exports pasted as they are, with no column mapping: a Google Forms
//! CSAT with answers in words, blanks and a comment column; Typeform- and
//! SurveyMonkey-like NPS exports with a channel/branch column and a "why"
//! column; a CES export on the seven-point agree scale. Every figure below is
//! worked out by hand from the fixture (tests/fixtures/surveys/), line by
//! line, in the comments; the adjusted-Wald interval is recomputed here from
//! its published recipe (Lewis & Sauro, MeasuringU 2021, after Rocks 2016:
//! n + 3, ¾ added to promoters and to detractors).

use customer_metrics::api::{self, Value};
use serde_json::{json, Value as Json};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/surveys")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn input(v: Json) -> Value {
    serde_json::from_value(v).unwrap()
}

/// The JSON of one API call on `v` that must succeed.
fn run<T: serde::Serialize>(f: fn(&Value) -> customer_metrics::error::Result<T>, v: Json) -> Json {
    serde_json::to_value(f(&input(v)).unwrap()).unwrap()
}

fn close(got: &Json, want: f64, what: &str) {
    let g = got
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: {got} is not a number"));
    assert!((g - want).abs() < 1e-9, "{what}: got {g}, want {want}");
}

fn skipped(r: &Json) -> Vec<(u64, String)> {
    r["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            assert!(!s["reason"].as_str().unwrap().is_empty());
            (
                s["row"].as_u64().unwrap(),
                s["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn group<'a>(r: &'a Json, name: &str) -> &'a Json {
    r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
        .unwrap_or_else(|| panic!("no group {name} in {}", r["groups"]))
}

/// The 95 % Wald margin of a proportion, in points.
fn wald_proportion(k: f64, n: f64) -> f64 {
    let p = k / n;
    1.96 * (p * (1.0 - p) / n).sqrt() * 100.0
}

// ------------------------------------------------------------------ CSAT

/// google_forms_csat.csv (Google Forms in Indonesian: "Stempel waktu", the
/// question as header, a branch and a suggestion column). Lines 2–13:
///   2 Bandung Sangat puas 5 · 3 Jakarta Puas 4 · 4 Bandung Tidak puas 2
///   5 Jakarta (blank: skipped) · 6 Jakarta Sangat Tidak Puas 1
///   7 Bandung Netral 3 · 8 Jakarta "5 - Sangat puas" 5 · 9 Bandung Puas 4
///   10 Jakarta "Lumayan" (unknown: skipped) · 11 Surabaya Cukup 3
///   12 Bandung Sangat puas 5 · 13 Jakarta Tidak Puas 2
/// Used 10; satisfied (4–5): lines 2, 3, 8, 9, 12 = 5 → CSAT 5/10 = 50 %;
/// mean 34/10 = 3.4.
#[test]
fn google_forms_csat_in_words() {
    let r = run(
        api::csat,
        json!({ "text": fixture("google_forms_csat.csv"), "groupBy": "Cabang" }),
    );
    close(&r["csat"], 50.0, "csat");
    close(&r["mean"], 3.4, "mean");
    assert_eq!(r["responses"], 10);
    assert_eq!(
        (r["rows"].clone(), r["used"].clone()),
        (json!(12), json!(10))
    );
    assert_eq!(
        r["column"]["name"],
        "Seberapa puas Anda dengan pelayanan kami?"
    );
    assert_eq!(
        skipped(&r),
        [
            (5, "emptyValue".to_string()),
            (10, "unknownLabel".to_string())
        ]
    );
    let counts: Vec<u64> = r["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [1, 2, 2, 2, 3]);

    // The label mapping, highest score first (then by label), as first written.
    assert_eq!(
        r["labels"],
        json!({
            "kind": "satisfaction", "points": 5, "decidedBy": "labels",
            "map": [
                { "label": "Sangat puas", "score": 5, "count": 3 },
                { "label": "Puas", "score": 4, "count": 2 },
                { "label": "Cukup", "score": 3, "count": 1 },
                { "label": "Netral", "score": 3, "count": 1 },
                { "label": "Tidak puas", "score": 2, "count": 2 },
                { "label": "Sangat Tidak Puas", "score": 1, "count": 1 },
            ]
        })
    );

    // Per branch: Bandung 5, 2, 3, 4, 5 → 3 of 5 satisfied = 60 %, mean 3.8;
    // Jakarta 4, 1, 5, 2 → 2 of 4 = 50 %, mean 3; Surabaya 3 → 0 of 1.
    assert_eq!(r["groupColumn"]["name"], "Cabang");
    let names: Vec<&str> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bandung", "Jakarta", "Surabaya"]);
    let b = group(&r, "Bandung");
    close(&b["csat"], 60.0, "Bandung");
    close(&b["mean"], 3.8, "Bandung mean");
    // 1.96 × √(0.6 × 0.4 / 5) × 100 = 1.96 × 0.219089… × 100 = 42.94…
    close(
        &b["marginOfError"],
        wald_proportion(3.0, 5.0),
        "Bandung margin",
    );
    assert!((b["marginOfError"].as_f64().unwrap() - 42.9414).abs() < 1e-3);
    let j = group(&r, "Jakarta");
    close(&j["csat"], 50.0, "Jakarta");
    // 1.96 × √(0.25 / 4) × 100 = 49
    close(&j["marginOfError"], 49.0, "Jakarta margin");
    assert_eq!(j["responses"], 4);
    close(&group(&r, "Surabaya")["csat"], 0.0, "Surabaya");
    assert_eq!(r["ungrouped"], 0);

    // Dissatisfied (1–2) with a comment: lines 4, 6 and 13, text as written.
    assert_eq!(r["followUp"], json!([1, 2]));
    assert_eq!(r["commentColumn"]["name"], "Apa saran atau alasan Anda?");
    assert_eq!(
        r["comments"],
        json!([
            { "row": 4, "score": 2, "group": "Bandung", "comment": "Antre terlalu lama" },
            { "row": 6, "score": 1, "group": "Jakarta", "comment": "Pesanan salah, dua kali" },
            { "row": 13, "score": 2, "group": "Jakarta", "comment": "<b>Kasir</b> jutek <img src=x onerror=alert(1)>" },
        ])
    );
}

/// The same export by month of "Stempel waktu" (Google Forms' CSV writes
/// `2025/01/06 9:15:02 AM GMT+7`): January = lines 2, 3, 4, 6, 7 (5, 4, 2,
/// 1, 3: 2 of 5 satisfied = 40 %); February = lines 8, 9, 11, 12, 13 (5, 4,
/// 3, 5, 2: 3 of 5 = 60 %). Oldest month first.
#[test]
fn csat_by_month_of_the_timestamp() {
    let r = run(
        api::csat,
        json!({ "text": fixture("google_forms_csat.csv"), "groupBy": "month" }),
    );
    assert_eq!(r["groupedByMonth"], true);
    assert_eq!(r["groupColumn"]["name"], "Stempel waktu");
    let names: Vec<&str> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["2025-01", "2025-02"]);
    close(&group(&r, "2025-01")["csat"], 40.0, "January");
    close(&group(&r, "2025-02")["csat"], 60.0, "February");
    close(
        &group(&r, "2025-02")["marginOfError"],
        wald_proportion(3.0, 5.0),
        "February margin",
    );
}

#[test]
fn csat_words_on_a_ten_point_scale_is_an_error() {
    let e = api::csat(&input(
        json!({ "text": fixture("google_forms_csat.csv"), "scaleMax": 10 }),
    ))
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("invalidScale", Some("scaleMax"))
    );
}

/// "Sangat puas, Puas, Cukup puas, Kurang puas, Tidak puas": with no "Sangat
/// tidak puas" in the column, Tidak puas is the lowest (1), Kurang puas 2.
/// Answers 5, 4, 3, 2, 1 → 2 of 5 satisfied = 40 %, mean 15/5 = 3.
#[test]
fn the_kurang_puas_scale() {
    let text = "Kepuasan\nSangat puas\nPuas\nCukup puas\nKurang puas\nTidak puas\n";
    let r = run(api::csat, json!({ "text": text }));
    close(&r["csat"], 40.0, "csat");
    close(&r["mean"], 3.0, "mean");
    let tidak = r["labels"]["map"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["label"] == "Tidak puas")
        .unwrap();
    assert_eq!(tidak["score"], 1);
    // The same with "memuaskan": 5, 4, 3, 2, 1.
    let text = "Penilaian layanan\nSangat memuaskan\nMemuaskan\nCukup memuaskan\nKurang memuaskan\nTidak memuaskan\n";
    let r = run(api::csat, json!({ "text": text }));
    close(&r["mean"], 3.0, "mean (memuaskan)");
    close(&r["csat"], 40.0, "csat (memuaskan)");
    // SurveyMonkey's unipolar scale: Extremely 5, Very 4, Moderately 3,
    // Slightly 2, Not at all 1 → mean 3, 2 of 5 satisfied.
    let text = "How satisfied are you?\nExtremely satisfied\nVery satisfied\nModerately satisfied\nSlightly satisfied\nNot at all satisfied\n";
    let r = run(api::csat, json!({ "text": text }));
    close(&r["mean"], 3.0, "mean (unipolar)");
    close(&r["csat"], 40.0, "csat (unipolar)");
    // A question with no score word above a column of words is its header:
    // 5, 4 → both satisfied, and no row skipped.
    let r = api::csat(&input(
        json!({ "text": "Bagaimana pengalaman Anda?\nSangat puas\nPuas\n" }),
    ))
    .unwrap();
    let report = r.input.unwrap();
    assert_eq!(
        (report.rows, report.used, report.column.name.as_str()),
        (2, 2, "Bagaimana pengalaman Anda?")
    );
}

// ------------------------------------------------------------------ NPS

/// typeform_nps.csv (Typeform's CSV: "#", the questions, a hidden field
/// "channel", Start/Submit Date (UTC), Network ID). Lines 2–13:
///   2 wa 10 · 3 ig 9 · 4 wa 6 "Late reply" · 5 email 3 "Wrong item, no refund"
///   6 email 8 · 7 ig 10 · 8 wa (blank: skipped) · 9 wa 7 "Okay" · 10 email 0
///   "Never again" · 11 wa 9 · 12 ig 5 · 13 wa 10 "Love it"
/// n = 11: promoters 5 (lines 2, 3, 7, 11, 13), detractors 4 (4, 5, 10, 12),
/// passives 2 → NPS = (5 − 4) / 11 × 100 = 9.0909…
#[test]
fn typeform_nps_by_channel_with_reasons() {
    let r = run(
        api::nps,
        json!({ "text": fixture("typeform_nps.csv"), "groupBy": "channel" }),
    );
    close(&r["nps"], 100.0 / 11.0, "nps");
    assert_eq!(r["column"]["index"], 1);
    assert_eq!(skipped(&r), [(8, "emptyValue".to_string())]);
    // Wald: p = 5/11, d = 4/11; p + d − (p − d)² = 9/11 − 1/121 = 98/121;
    // 1.96 × √(98/121 / 11) × 100 = 1.96 × 0.271346… × 100 = 53.18…
    let wald = 1.96 * (98.0f64 / 121.0 / 11.0).sqrt() * 100.0;
    close(&r["marginOfError"], wald, "Wald margin");
    assert!((wald - 53.1838).abs() < 1e-3);
    // Adjusted Wald: n' = 14, p' = 5.75/14, d' = 4.75/14; centre = 1/14 × 100
    // = 7.142857…; p' + d' − (p' − d')² = 10.5/14 − 1/196 = 0.744898…;
    // 1.96 × √(0.744898 / 14) × 100 = 1.96 × 0.230666… × 100 = 45.21…
    let aw = &r["adjustedWald"];
    close(&aw["nps"], 100.0 / 14.0, "adjusted centre");
    let margin = 1.96 * ((10.5 / 14.0 - 1.0 / 196.0) / 14.0f64).sqrt() * 100.0;
    close(&aw["marginOfError"], margin, "adjusted margin");
    assert!((margin - 45.2105).abs() < 1e-3);
    close(&aw["low"], 100.0 / 14.0 - margin, "adjusted low");
    close(&aw["high"], 100.0 / 14.0 + margin, "adjusted high");

    // By channel: whatsapp 10, 6, 7, 9, 10 → (3 − 1) / 5 = 40; email 3, 8, 0
    // → (0 − 2) / 3 = −66.67; instagram 9, 10, 5 → (2 − 1) / 3 = 33.33.
    // Largest first, ties by name: whatsapp (5), email (3), instagram (3).
    let names: Vec<&str> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["whatsapp", "email", "instagram"]);
    let wa = group(&r, "whatsapp");
    close(&wa["nps"], 40.0, "whatsapp");
    assert_eq!(wa["responses"], 5);
    // p = 0.6, d = 0.2: 1.96 × √((0.8 − 0.16) / 5) × 100 = 1.96 × 0.357771 × 100
    close(
        &wa["marginOfError"],
        1.96 * (0.64f64 / 5.0).sqrt() * 100.0,
        "whatsapp margin",
    );
    // n' = 8, p' = 3.75/8, d' = 1.75/8: centre 25
    close(&wa["adjustedWald"]["nps"], 25.0, "whatsapp adjusted centre");
    close(&group(&r, "email")["nps"], -200.0 / 3.0, "email");
    close(&group(&r, "instagram")["nps"], 100.0 / 3.0, "instagram");

    // Detractors (0–6) with a reason: lines 4, 5, 10 (line 12 has none).
    assert_eq!(
        r["commentColumn"]["name"],
        "What is the primary reason for your score?"
    );
    assert_eq!(r["followUp"], json!([0, 6]));
    assert_eq!(
        r["comments"],
        json!([
            { "row": 4, "score": 6, "group": "whatsapp", "comment": "Late reply" },
            { "row": 5, "score": 3, "group": "email", "comment": "Wrong item, no refund" },
            { "row": 10, "score": 0, "group": "email", "comment": "Never again" },
        ])
    );
    assert_eq!(r["labels"], Json::Null);
}

/// Without groupBy the same export gives the same overall figures (the NPS
/// reading of an export is unchanged) and no groups.
#[test]
fn typeform_nps_without_groups() {
    let r = run(api::nps, json!({ "text": fixture("typeform_nps.csv") }));
    close(&r["nps"], 100.0 / 11.0, "nps");
    assert_eq!(r["groups"], json!([]));
    assert!(r.get("groupColumn").is_none());
    assert_eq!(r["comments"].as_array().unwrap().len(), 3);
}

/// surveymonkey_nps.csv: SurveyMonkey's CSV with its second header row
/// ("Response", "Open-Ended Response": skipped as describing the columns).
/// Lines 3–10: 9 B, 10 J, 4 J, 7 B, 10 B, 2 J, 8 J, 9 B → promoters 4,
/// detractors 2, n 8 → NPS 25. Bandung 9, 7, 10, 9 → 75; Jakarta 10, 4, 2, 8
/// → (1 − 2) / 4 = −25. groupBy "branch" finds "Which branch did you visit?".
#[test]
fn surveymonkey_nps_by_branch() {
    let r = run(
        api::nps,
        json!({ "text": fixture("surveymonkey_nps.csv"), "groupBy": "branch" }),
    );
    close(&r["nps"], 25.0, "nps");
    assert_eq!(skipped(&r), [(2, "descriptionRow".to_string())]);
    assert_eq!(r["groupColumn"]["name"], "Which branch did you visit?");
    close(&group(&r, "Bandung")["nps"], 75.0, "Bandung");
    close(&group(&r, "Jakarta")["nps"], -25.0, "Jakarta");
    let rows: Vec<u64> = r["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["row"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, [5, 8]);
    // By month of "Start Date" (month first: 01/13/2025 proves it): all January.
    let r = run(
        api::nps,
        json!({ "text": fixture("surveymonkey_nps.csv"), "groupBy": "month" }),
    );
    assert_eq!(r["groups"].as_array().unwrap().len(), 1);
    assert_eq!(r["groups"][0]["name"], "2025-01");
    assert_eq!(r["groups"][0]["responses"], 8);
}

/// Small samples are where the two intervals differ: 3 promoters of 3 gives
/// Wald 100 ± 0 (its variance p + d − (p − d)² = 1 − 1 = 0), while the
/// adjusted Wald is centred on (3.75 − 0.75) / 6 × 100 = 50 with p' = 0.625,
/// d' = 0.125: 1.96 × √((0.75 − 0.25) / 6) × 100 = 56.58…, high kept at 100.
#[test]
fn adjusted_wald_on_a_tiny_sample() {
    let r = run(api::nps, json!({ "scores": [10, 9, 10] }));
    close(&r["marginOfError"], 0.0, "Wald");
    close(&r["adjustedWald"]["nps"], 50.0, "centre");
    let m = 1.96 * (0.5f64 / 6.0).sqrt() * 100.0;
    close(&r["adjustedWald"]["marginOfError"], m, "margin");
    close(&r["adjustedWald"]["high"], 100.0, "high kept within 100");
    close(&r["adjustedWald"]["low"], 50.0 - m, "low");
}

// ------------------------------------------------------------------ CES

/// ces_agree.csv ("The company made it easy for me to handle my issue.",
/// seven-point agree labels): lines 2–11 →
///   2 Chat Strongly agree 7 · 3 Chat Agree 6 · 4 Phone Somewhat agree 5
///   5 Phone Neither 4 · 6 Email Somewhat disagree 3 · 7 Email Disagree 2
///   8 Chat Strongly disagree 1 · 9 Phone Agree 6 · 10 Email "Maybe"
///   (unknown: skipped) · 11 Chat (blank: skipped)
/// A "somewhat" label is present, so the scale is 1–7: CES = 34 / 8 = 4.25;
/// easy (5–7): lines 2, 3, 4, 9 = 4 of 8 = 50 %.
#[test]
fn ces_on_the_agree_scale() {
    let r = run(
        api::ces,
        json!({ "text": fixture("ces_agree.csv"), "groupBy": "channel" }),
    );
    close(&r["ces"], 4.25, "ces");
    close(&r["easyPercent"], 50.0, "easy");
    assert_eq!(r["scaleMax"], 7);
    assert_eq!(
        skipped(&r),
        [
            (10, "unknownLabel".to_string()),
            (11, "emptyValue".to_string())
        ]
    );
    assert_eq!(r["labels"]["points"], 7);
    assert_eq!(r["labels"]["decidedBy"], "labels");
    let map: Vec<(String, u64)> = r["labels"]["map"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["label"].as_str().unwrap().to_string(),
                m["score"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        map,
        [
            ("Strongly agree".to_string(), 7),
            ("Agree".to_string(), 6),
            ("Somewhat agree".to_string(), 5),
            ("Neither agree nor disagree".to_string(), 4),
            ("Somewhat disagree".to_string(), 3),
            ("Disagree".to_string(), 2),
            ("Strongly disagree".to_string(), 1),
        ]
    );
    // Per channel: Chat 7, 6, 1 (mean 14/3; s² = (49 + 36 + 1 − 3 × (14/3)²) / 2
    // = 31/3); Phone 5, 4, 6 (mean 5, s = 1); Email 3, 2 (mean 2.5, s² = 0.5).
    let names: Vec<&str> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Chat", "Phone", "Email"]);
    let chat = group(&r, "Chat");
    close(&chat["ces"], 14.0 / 3.0, "Chat");
    close(
        &chat["marginOfError"],
        1.96 * (31.0f64 / 3.0).sqrt() / 3f64.sqrt(),
        "Chat margin",
    );
    close(
        &group(&r, "Phone")["marginOfError"],
        1.96 / 3f64.sqrt(),
        "Phone margin",
    );
    close(&group(&r, "Email")["ces"], 2.5, "Email");
    close(
        &group(&r, "Email")["marginOfError"],
        1.96 * 0.5f64.sqrt() / 2f64.sqrt(),
        "Email margin",
    );
    // The hardest (1–3) with a reason: lines 6, 7, 8.
    assert_eq!(r["followUp"], json!([1, 3]));
    let rows: Vec<(u64, u64)> = r["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["row"].as_u64().unwrap(), c["score"].as_u64().unwrap()))
        .collect();
    assert_eq!(rows, [(6, 3), (7, 2), (8, 1)]);
}

/// Five-point ease labels with no scaleMax are mapped onto 1–5: Sangat mudah
/// 5, Mudah 4, Netral 3, Sulit 2, "1 - Sangat sulit" 1 → CES 15/5 = 3, easy
/// (4–5) 2 of 5 = 40 %. With scaleMax 7 the same words are 7, 6, 4, 2, 1 (CES
/// 20/5 = 4); with highIsEasy false they are mirrored (1, 2, 3, 4, 5 on 1–5).
/// A "somewhat" label on a 1–5 scale is off the scale.
#[test]
fn ces_five_point_words_and_the_chosen_scale() {
    let text = "Seberapa mudah?\nSangat mudah\nMudah\nNetral\nSulit\n1 - Sangat sulit\n";
    let r = run(api::ces, json!({ "text": text }));
    assert_eq!(
        (r["scaleMax"].clone(), r["labels"]["points"].clone()),
        (json!(5), json!(5))
    );
    close(&r["ces"], 3.0, "ces 1-5");
    close(&r["easyPercent"], 40.0, "easy 1-5");
    let r = run(api::ces, json!({ "text": text, "scaleMax": 7 }));
    close(&r["ces"], 4.0, "ces 1-7");
    assert_eq!(r["labels"]["decidedBy"], "scaleMax");
    let r = run(api::ces, json!({ "text": text, "highIsEasy": false }));
    let mirrored: Vec<u64> = r["labels"]["map"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["score"].as_u64().unwrap())
        .collect();
    assert_eq!(mirrored, [5, 4, 3, 2, 1]);
    assert_eq!(r["labels"]["map"][0]["label"], "1 - Sangat sulit");
    let r = run(
        api::ces,
        json!({ "text": "Effort\nAgak mudah\nMudah\n", "scaleMax": 5 }),
    );
    assert_eq!(skipped(&r), [(2, "scoreOffScale".to_string())]);
    let e = api::ces(&input(json!({ "text": text, "scaleMax": 10 }))).unwrap_err();
    assert_eq!(e.code.as_str(), "invalidScale");
}

// ------------------------------------------------------------------ bad input

#[test]
fn bad_grouping_and_unknown_words() {
    let e = api::nps(&input(
        json!({ "text": fixture("typeform_nps.csv"), "groupBy": "toko" }),
    ))
    .unwrap_err();
    assert_eq!(e.code.as_str(), "unknownColumn");
    let e = api::nps(&input(json!({ "text": "Skor\n9\n", "groupBy": "month" }))).unwrap_err();
    assert_eq!(e.code.as_str(), "unknownColumn");
    let e = api::csat(&input(json!({ "text": "Kepuasan\nLumayan\nOke\n" }))).unwrap_err();
    assert_eq!(e.code.as_str(), "noUsableRows");
    let rows: Vec<u64> = e.skipped.iter().map(|s| s.row as u64).collect();
    assert_eq!(rows, [2, 3]);
    assert!(e.skipped.iter().all(|s| s.code.as_str() == "unknownLabel"));
    // A sales export is no survey: amounts are not "1. label" (1.250.000 is
    // not a number of the scale, 892.000 is 892: off the 1–5 scale).
    let e = api::csat(&input(
        json!({ "text": "Nama;Total\nBudi;1.250.000\nSari;892.000\n" }),
    ))
    .unwrap_err();
    assert_eq!(e.code.as_str(), "noUsableRows");
    let codes: Vec<&str> = e.skipped.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["notANumber", "scoreOffScale"]);
    // Two columns of words and no header naming a score: say which.
    let e = api::csat(&input(
        json!({ "text": "A,B\nPuas,Puas\nSangat puas,Tidak puas\n" }),
    ))
    .unwrap_err();
    assert_eq!(e.code.as_str(), "ambiguousScoreColumn");
    // A mapping still decides.
    let r = api::csat(&input(json!({ "text": "A,B\nPuas,Puas\nSangat puas,Tidak puas\n", "columns": { "score": "B", "comment": "A" } }))).unwrap();
    assert!((r.result.csat - 50.0).abs() < 1e-12);
}

#[test]
fn a_pasted_survey_carries_its_goal_as_the_quick_one_does() {
    // Pasted NPS answers 10, 9, 8, 3: P 2, passive 1, D 1, n 4, NPS 25.
    // Target 50: the net needed is 50 × 4 / 100 − (2 − 1) = 1: 1 passive
    // more a promoter, or 1 detractor fewer, or ⌈1 / 2⌉ = 1 detractor a
    // promoter; new promoters x with (1 + x) / (4 + x) ≥ 0.5 → x = 2.
    let r = run(
        api::nps,
        json!({ "text": "Skor\n10\n9\n8\n3\n", "target": 50 }),
    );
    let g = &r["goal"];
    close(&g["current"], 25.0, "current");
    assert_eq!(g["netNeeded"], 1);
    assert_eq!(g["morePromoters"], 1);
    assert_eq!(g["fewerDetractors"], 1);
    assert_eq!(g["detractorsToPromoters"], 1);
    assert_eq!(g["newPromoters"], 2);
    // Pasted CSAT 5, 4, 2, 1 on 1–5: 2 of 4 satisfied. Target 75 %: ⌈0.75 × 4⌉
    // = 3 needed, 1 more; new satisfied answers x: (2 + x) / (4 + x) ≥ 0.75
    // → x = 4.
    let r = run(
        api::csat,
        json!({ "text": "Skor\n5\n4\n2\n1\n", "target": 75 }),
    );
    let g = &r["goal"];
    assert_eq!(
        (g["needed"].as_u64(), g["more"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(g["newGood"], 4);
}
