//! Every file in tests/nasty/ (broken, odd or hostile pastes) goes through
//! every function that reads text: no panic, a result whose row accounting
//! holds (`used + skipped == rows`) or an error with a code and a message.
//! A few files also have their exact, hand-checked outcome asserted.

use customer_metrics::api::{self, RowReport, Value};
use customer_metrics::Error;
use std::path::Path;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/nasty")
        .join(name);
    // As a browser's FileReader would: invalid UTF-8 becomes U+FFFD.
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

/// `result`: a function's row report (`.map(|o| o.input)`).
fn accounted(name: &str, function: &str, result: Result<Option<RowReport>, Error>) {
    match result {
        Ok(input) => {
            let r = input.expect("a result from text carries its row report");
            assert_eq!(
                r.used + r.skipped.len(),
                r.rows,
                "{name} through {function}"
            );
            assert!(
                r.used > 0,
                "{name} through {function}: a result needs used rows"
            );
            for s in &r.skipped {
                assert!(s.row >= 1 && !s.reason.is_empty(), "{name}: {s:?}");
            }
        }
        Err(e) => assert!(
            !e.code.as_str().is_empty() && !e.message.is_empty(),
            "{name} through {function}: {e:?}"
        ),
    }
}

#[test]
fn every_nasty_file_through_every_text_function() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nasty");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 15, "the nasty inputs are missing");
    for name in &names {
        let text = read(name);
        let input = Value::object([("text", text.as_str())]);
        accounted(name, "nps", api::nps(&input).map(|o| o.input));
        accounted(name, "ces", api::ces(&input).map(|o| o.input));
        accounted(name, "csat", api::csat(&input).map(|o| o.input));
        accounted(name, "fcr", api::fcr(&input).map(|o| o.input));
    }
}

fn nps_of(name: &str) -> api::NpsOutput {
    api::nps(&Value::object([("text", read(name))])).unwrap()
}

#[test]
fn carriage_returns_alone_end_lines() {
    // skor / 9 / 10 / 3 separated by lone CRs: rows on lines 2–4; two promoters
    // and one detractor: (2 − 1) / 3 × 100 = 33.33…
    let r = nps_of("cr_only_line_endings.txt");
    assert_eq!(r.input.as_ref().unwrap().rows, 3);
    assert!((r.result.nps - 100.0 / 3.0).abs() < 1e-9);
    let r = api::nps(&Value::object([("text", "skor\r9\rsembilan\r")])).unwrap();
    assert_eq!(r.input.unwrap().skipped[0].row, 3);
}

#[test]
fn invisible_characters_and_non_breaking_spaces_are_trimmed() {
    // 9, 10 and 8 (around them NBSP, tabs, zero-width spaces): all used.
    let r = nps_of("nbsp_and_tabs.txt");
    assert_eq!(r.input.as_ref().unwrap().used, 3);
    assert_eq!(r.result.promoters.count, 2);
    let r = nps_of("zero_width.txt");
    assert_eq!(r.input.as_ref().unwrap().used, 2);
}

#[test]
fn other_scripts_digits_are_not_scores() {
    // ٣, ⑨, ９ and 😀 are not plain numbers; the 9 on line 6 is used, and so
    // is the 10 on line 7 once the right-to-left override before it is trimmed.
    let r = nps_of("unicode_junk.txt");
    let report = r.input.unwrap();
    assert_eq!((report.rows, report.used), (6, 2));
    assert_eq!(
        report.skipped.iter().map(|s| s.row).collect::<Vec<_>>(),
        [2, 3, 4, 5]
    );
}

#[test]
fn markup_in_cells_is_just_text() {
    // The names hold HTML; the scores 9 and 10 are both promoters.
    let r = nps_of("html_in_cells.csv");
    assert_eq!(r.result.nps, 100.0);
}

#[test]
fn empty_and_header_only_texts_are_errors_not_panics() {
    for name in [
        "empty.txt",
        "only_bom.txt",
        "only_blank_lines.txt",
        "header_only.csv",
    ] {
        let e = api::nps(&Value::object([("text", read(name))])).unwrap_err();
        assert!(
            ["emptyText", "noScoreColumn", "noUsableRows"].contains(&e.code.as_str()),
            "{name}: {e:?}"
        );
    }
}
