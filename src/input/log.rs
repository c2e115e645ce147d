//! A transaction log (customer, date, amount; order id optional) read row by
//! row: each usable row is handed to the caller as it is read, each unusable
//! one becomes a skipped-row report, so memory does not grow with the rows.

use super::columns::{analyze, Layout};
use super::roles::Role;
use super::table::{ColumnRef, Table};
use super::Locale;
use crate::error::{Error, Result, Skipped};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One usable row of a log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow<'r> {
    pub customer: &'r str,
    pub date: NaiveDate,
    /// Positive for a purchase, negative for a refund.
    pub amount: f64,
    pub order: Option<&'r str>,
    /// 1-based line where the row starts.
    pub line: usize,
}

/// What reading a log found, besides the rows themselves.
#[derive(Debug, Clone)]
pub struct LogReport {
    pub layout: Layout,
    pub rows: usize,
    pub skipped: Vec<Skipped>,
}

/// The roles a log needs, with the words used when one is missing.
const NEEDED: [(Role, &str); 3] = [
    (Role::Customer, "customer (e.g. \"Nama Pelanggan\")"),
    (Role::Date, "date (e.g. \"Tanggal\")"),
    (Role::Amount, "amount (e.g. \"Total\")"),
];

/// Reads every row of a transaction log, calling `each` for each usable one.
pub fn read_log(
    text: &str,
    locale: Locale,
    mapped: &BTreeMap<String, ColumnRef>,
    mut each: impl FnMut(LogRow),
) -> Result<LogReport> {
    let table = Table::read(text);
    if table.width == 0 {
        return Err(Error::field(
            "emptyText",
            "text",
            "The pasted text is empty: paste your sales log.",
        ));
    }
    let layout = analyze(
        &table,
        locale,
        mapped,
        &[Role::Customer, Role::Date, Role::Amount, Role::OrderId],
    )?;
    let mut columns = [0usize; 3];
    for (k, (role, words)) in NEEDED.iter().enumerate() {
        columns[k] = layout.column_of(*role).ok_or_else(|| {
            Error::field(
                "missingColumn",
                &format!("columns.{}", role.key()),
                format!(
                    "No {words} column was found. Name it in a header row, or map it with columns.{}.",
                    role.key()
                ),
            )
        })?;
    }
    let [customer_col, date_col, amount_col] = columns;
    let order_col = layout.column_of(Role::OrderId);
    let cell_problem = |line: usize, e: super::CellError| {
        Skipped::new(line, e.code, format!("Row {line}: {}.", e.message))
    };
    let (rows, skipped) = table.each_row(|record| {
        let line = record.line;
        let customer = record.get(customer_col);
        if customer.is_empty() {
            return Err(Skipped::new(
                line,
                "missingCustomer",
                format!("Row {line} has no customer name."),
            ));
        }
        let date = layout
            .date(record, date_col)
            .map_err(|e| cell_problem(line, e))?;
        let amount = layout
            .amount(record, amount_col)
            .map_err(|e| cell_problem(line, e))?;
        let order = order_col.map(|j| record.get(j)).filter(|o| !o.is_empty());
        each(LogRow {
            customer,
            date,
            amount,
            order,
            line,
        });
        Ok(())
    });
    Ok(LogReport {
        layout,
        rows,
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_skips_of_a_small_log() {
        let text = "\u{feff}No. Faktur;Tanggal;Nama Pelanggan;Total\r\nA1;01/01/2024;Sari ;Rp 892.000\r\n\r\nA2;31/02/2025;Budi;Rp 100.000\r\nA3;15/03/2025;;Rp 50.000\r\nA4;16/03/2025;Siti;gratis\r\nR1;30/06/2025;Sari;(Rp 150.000)\r\n";
        let mut seen = Vec::new();
        let report = read_log(text, Locale::Auto, &BTreeMap::new(), |r| {
            seen.push((
                r.customer.to_string(),
                r.date.to_string(),
                r.amount,
                r.order.map(str::to_string),
                r.line,
            ))
        })
        .unwrap();
        assert_eq!(report.rows, 5);
        assert_eq!(
            seen,
            [
                (
                    "Sari".into(),
                    "2024-01-01".into(),
                    892_000.0,
                    Some("A1".into()),
                    2
                ),
                (
                    "Sari".into(),
                    "2025-06-30".into(),
                    -150_000.0,
                    Some("R1".into()),
                    7
                ),
            ]
        );
        let skipped: Vec<(usize, &str)> = report.skipped.iter().map(|s| (s.row, s.code)).collect();
        assert_eq!(
            skipped,
            [
                (4, "invalidDate"),
                (5, "missingCustomer"),
                (6, "invalidAmount")
            ]
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let e = read_log(
            "nama;total\nA;1000\n",
            Locale::Auto,
            &BTreeMap::new(),
            |_| {},
        )
        .unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("missingColumn", Some("columns.date"))
        );
    }
}
