//! Property: for any pasted text, every function that reads text either
//! returns an error with a code, or a result whose rows add up:
//! `used + skipped.length == rows` (API.md), and each skipped row names a
//! line that exists in the text.
#![cfg(feature = "analytics")]

use customer_metrics::api::{self, Value};
use proptest::prelude::*;

/// Text that looks like spreadsheet pastes: cells of numbers, dates, money,
/// names, yes/no and junk, joined by a delimiter, with quotes, blank lines
/// and both line endings; sometimes a header.
fn pasted() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        "[0-9]{1,2}",
        "[0-9]{1,3}(\\.[0-9]{3}){0,2}(,[0-9]{2})?",
        "Rp ?[0-9]{1,3}(\\.[0-9]{3}){1,2}",
        "\\(Rp [0-9]{2}\\.000\\)",
        "[0-3]?[0-9]/[01]?[0-9]/20[0-9]{2}",
        "[1-3]?[0-9] (Januari|Mei|Agustus|Des|Oct) 2025",
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        "(ya|tidak|YES|no|Y|0|1)",
        "[A-Za-z ]{0,12}",
        "\"[a-z;,\\n\"]{0,8}\"",
        ".{0,6}",
    ];
    let header = prop_oneof![
        Just(String::new()),
        Just("Nama;Tanggal;Total;Skor".to_string()),
        Just("customer,date,amount,score,resolved".to_string()),
        Just("Kanal\tSelesai\tJumlah kontak".to_string()),
    ];
    (
        header,
        prop::collection::vec(prop::collection::vec(cell, 1..6), 0..25),
        prop_oneof![Just(";"), Just(","), Just("\t"), Just("  ")],
        prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
    )
        .prop_map(|(header, rows, sep, eol)| {
            let mut out = header;
            for row in rows {
                if !out.is_empty() {
                    out.push_str(eol);
                }
                out.push_str(&row.join(sep));
            }
            out
        })
}

fn lines(text: &str) -> usize {
    // \r\n, \n and a lone \r each end a line.
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn rows_add_up_for_every_text_function(text in pasted()) {
        let input = Value::object([("text", text.as_str())]);
        let max_line = lines(&text);
        let mut reports: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        let mut take = |r: Option<(usize, usize, Vec<usize>)>| if let Some(r) = r { reports.push(r) };
        take(api::nps(&input).ok().and_then(|o| o.input).map(|r| (r.rows, r.used, r.skipped.iter().map(|s| s.row).collect())));
        take(api::ces(&input).ok().and_then(|o| o.input).map(|r| (r.rows, r.used, r.skipped.iter().map(|s| s.row).collect())));
        take(api::csat(&input).ok().and_then(|o| o.input).map(|r| (r.rows, r.used, r.skipped.iter().map(|s| s.row).collect())));
        take(api::fcr(&input).ok().and_then(|o| o.input).map(|r| (r.rows, r.used, r.skipped.iter().map(|s| s.row).collect())));
        take(api::parse_table(&input).ok().map(|t| (t.rows, t.used, t.skipped.iter().map(|s| s.row).collect())));
        take(api::analyze_log(&input).ok().map(|a| (a.input.rows, a.input.used, a.input.skipped.iter().map(|s| s.row).collect())));
        for (rows, used, skipped) in reports {
            prop_assert_eq!(used + skipped.len(), rows);
            for row in skipped {
                prop_assert!(row >= 1 && row <= max_line, "row {} of {} lines", row, max_line);
            }
        }
        // Errors carry a code and a message.
        for e in [api::nps(&input).err(), api::parse_table(&input).err(), api::analyze_log(&input).err()].into_iter().flatten() {
            prop_assert!(!e.code.is_empty() && !e.message.is_empty());
        }
    }
}
