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
            prop_assert!(!e.code.as_str().is_empty() && !e.message.is_empty());
        }
    }
}

/// Text shaped like a store export: maybe title lines, a header naming the
/// order, status, date, buyer, product and total, then rows whose order ids
/// repeat (multi-line orders), statuses of every kind, guests, bad cells and
/// total rows.
fn export() -> impl Strategy<Value = String> {
    let row = (
        prop_oneof![Just("A1"), Just("A2"), Just("B7"), Just(""), Just("Total")],
        prop_oneof![
            Just("Selesai"),
            Just("Batal"),
            Just("Belum Bayar"),
            Just("Sedang Dikirim"),
            Just(""),
            Just("Zzz")
        ],
        prop_oneof![
            Just("2024-06-01 10:15"),
            Just("31/02/2024"),
            Just(""),
            Just("45292")
        ],
        prop_oneof![
            Just("budi"),
            Just("Umum"),
            Just(""),
            Just("-"),
            Just("sari")
        ],
        "[A-Za-z ]{0,8}",
        prop_oneof![
            Just("150.000"),
            Just("75.000"),
            Just(""),
            Just("gratis"),
            Just("(20.000)")
        ],
    );
    (
        prop::bool::ANY,
        prop::collection::vec(row, 0..30),
        prop_oneof![Just(";"), Just(","), Just("\t")],
    )
        .prop_map(|(titles, rows, sep)| {
            let mut out = String::new();
            if titles {
                out.push_str("Laporan Pesanan\nPeriode: Juni 2024\n\n");
            }
            out.push_str(
                &[
                    "No. Pesanan",
                    "Status Pesanan",
                    "Waktu Pesanan Dibuat",
                    "Username (Pembeli)",
                    "Nama Produk",
                    "Total Pembayaran",
                ]
                .join(sep),
            );
            for (id, status, date, buyer, product, total) in rows {
                out.push('\n');
                out.push_str(&[id, status, date, buyer, product.as_str(), total].join(sep));
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn export_rows_add_up_and_every_used_row_is_in_an_order(text in export()) {
        let input = Value::object([("text", text.as_str())]);
        let max_line = lines(&text);
        match api::analyze_log(&input) {
            Ok(a) => {
                let i = &a.input;
                prop_assert_eq!(i.used + i.skipped.len(), i.rows);
                let mut seen: Vec<usize> = i.skipped.iter().map(|s| s.row).collect();
                seen.dedup();
                prop_assert_eq!(seen.len(), i.skipped.len(), "a row skipped twice");
                for row in seen {
                    prop_assert!(row >= 1 && row <= max_line);
                }
                // Every used row was read into a counted order.
                prop_assert_eq!(i.sales.lines, i.used);
                prop_assert!(i.sales.orders <= i.sales.lines);
                let counted: f64 = i.sales.statuses.iter().filter(|s| s.counted).map(|s| s.revenue).sum();
                prop_assert!(i.sales.revenue.is_finite() && counted.is_finite());
            }
            Err(e) => prop_assert!(!e.code.as_str().is_empty() && !e.message.is_empty()),
        }
    }
}
