//! A log of a few megabytes: natively read with the records read ahead on a
//! second thread ([`Records::each_with`], from 1 MB on a machine of two
//! cores or more) and each distinct date and amount text read once. The
//! figures are worked out here by plain arithmetic over the same rows as
//! they are written, not by the reader. (`tests/stream.rs` compares this
//! path with blocks small enough to be read on one thread, byte for byte.)
#![cfg(feature = "analytics")]

use chrono::{Duration, NaiveDate};
use customer_metrics::api::{self, Value};
use std::collections::BTreeMap;

const ROWS: usize = 60_000;
const CUSTOMERS: usize = 1_000;

/// Row `i`'s date, customer and amount (rupiah); rows 7,000, 19,000, … have
/// the impossible date `31/02/2024` (and so are skipped).
fn row(i: usize) -> (Option<NaiveDate>, usize, u64) {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let date = (i % 12_000 != 7_000).then(|| start + Duration::days((i / 200) as i64));
    (date, (i * 7) % CUSTOMERS, (1 + (i % 97) as u64) * 1_500)
}

/// The log: every third amount written `Rp 1.500`, dates `dd/mm/yyyy`, a
/// quoted customer name with a line break in it on row 0 (which shifts the
/// line of every later row by one), order ids unique.
fn log() -> String {
    let mut text = String::from("Tanggal;Pelanggan;No. Faktur;Total\r\n");
    for i in 0..ROWS {
        let (date, c, amount) = row(i);
        let date = date.map_or("31/02/2024".to_string(), |d| {
            d.format("%d/%m/%Y").to_string()
        });
        let customer = if i == 0 {
            "\"Toko\r\nSatu\"".to_string()
        } else {
            format!("Pelanggan {c}")
        };
        let amount = if i % 3 == 0 {
            format!("Rp {}.{:03}", amount / 1000, amount % 1000)
        } else {
            amount.to_string()
        };
        text.push_str(&format!("{date};{customer};INV-{i};{amount}\r\n"));
    }
    text
}

#[test]
fn a_log_of_megabytes_reads_to_its_figures() {
    let text = log();
    assert!(text.len() > 2 << 20, "{} bytes", text.len());
    let input = Value::object([("text", Value::from(text)), ("asOf", "2024-12-31".into())]);
    let out = api::rfm(&input).unwrap();

    // Expected: per customer (by name) the orders, total and last date.
    let mut want: BTreeMap<String, (u32, u64, NaiveDate)> = BTreeMap::new();
    let mut skipped = Vec::new();
    for i in 0..ROWS {
        let (date, c, amount) = row(i);
        // Line of row i: the header is line 1, row 0 spans lines 2–3.
        let line = if i == 0 { 2 } else { i + 3 };
        let Some(date) = date else {
            skipped.push(line);
            continue;
        };
        let name = if i == 0 {
            "Toko\r\nSatu".to_string()
        } else {
            format!("Pelanggan {c}")
        };
        let e = want.entry(name).or_insert((0, 0, date));
        e.0 += 1;
        e.1 += amount;
        e.2 = e.2.max(date);
    }
    let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();

    assert_eq!(out.input.rows, ROWS);
    assert_eq!(out.input.used, ROWS - skipped.len());
    let lines: Vec<usize> = out.input.skipped.iter().map(|s| s.row).collect();
    assert_eq!(lines, skipped);
    assert!(out.input.skipped.iter().all(|s| s.code == "invalidDate"));
    assert_eq!(out.result.customers.len(), want.len());
    for c in &out.result.customers {
        let (orders, total, last) = want[&c.customer];
        assert_eq!(c.frequency, orders, "{}", c.customer);
        assert_eq!(c.monetary, total as f64, "{}", c.customer);
        assert_eq!(c.recency, (as_of - last).num_days(), "{}", c.customer);
    }
}
