//! A per-customer summary table (the warehouse route): one row per customer,
//! as the SQL of `docs/sql/` writes it from a transaction table.
//!
//! Columns, found by header (any case, surrounding spaces ignored):
//! `customer_id` (or `customer`, `id`, `pelanggan`), `first_purchase`,
//! `last_purchase` (ISO dates; both empty for a customer without a purchase),
//! `orders` (a whole number ≥ 0), `net_total` (or `total`: purchases less
//! refunds), and optionally `refunded` (the refunds as a positive sum; 0 when
//! absent) and `last_date` (the customer's latest row of any amount; the
//! latest of these is "the last date in the data"; the last purchase when
//! absent). Other columns (the BTYD ones, `x`, `t_x`, `T`, `zbar`) are not
//! read here. A row no customer history can have is skipped as
//! `impossibleSummaryRow` with the reason; a cell that cannot be read is
//! skipped with its own code.

use crate::error::{Code, Error, Result, Skipped};
use crate::input::number::parse_plain;
use crate::input::Table;
use crate::metrics::log::customer_key;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One customer's row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub customer: String,
    /// 1-based line of the row in the text.
    pub line: usize,
    /// First and last purchase days; `None` without a purchase.
    pub purchases: Option<(NaiveDate, NaiveDate)>,
    pub orders: u32,
    pub total: f64,
    pub refunded: f64,
    /// The customer's latest row of any amount (refunds and zero amounts
    /// too), when the table says.
    pub last_date: Option<NaiveDate>,
}

/// The rows read, with the row accounting of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryTable {
    pub customers: Vec<SummaryRow>,
    pub rows: usize,
    pub skipped: Vec<Skipped>,
    /// The 1-based line of the header row.
    pub header_row: Option<usize>,
}

/// The headers of each column, first the required ones.
const CUSTOMER: &[&str] = &["customer_id", "customer", "id", "pelanggan"];
const FIRST: &[&str] = &["first_purchase"];
const LAST: &[&str] = &["last_purchase"];
const ORDERS: &[&str] = &["orders"];
const TOTAL: &[&str] = &["net_total", "total"];
const REFUNDED: &[&str] = &["refunded"];
const LAST_DATE: &[&str] = &["last_date"];

/// True when `text`'s header names the columns of a customer summary (a
/// first and a last purchase column): how a caller that takes either a log
/// or a summary tells them apart.
pub fn is_customer_summary(text: &str) -> bool {
    let table = Table::read(text);
    let has = |names: &[&str]| table.header_named(names).is_some();
    table.has_header && has(FIRST) && has(LAST)
}

/// A number of a summary table: plain (`1250000`, `12.5`, as
/// [`parse_plain`] reads it) or in exponent notation, as warehouses print
/// large or small doubles (`1.2345678E7` from Spark, `1e+17` from DuckDB).
pub fn summary_number(cell: &str) -> Option<f64> {
    parse_plain(cell).or_else(|| {
        let s = cell.trim();
        let exponent = s.contains(['e', 'E'])
            && s.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
        exponent
            .then(|| s.parse::<f64>().ok())
            .flatten()
            .filter(|v| v.is_finite())
    })
}

/// An ISO date (`YYYY-MM-DD`), or a timestamp starting with one
/// (`2025-01-31 00:00:00`, `2025-01-31T00:00:00Z`, as some warehouses
/// print DATE values cast to text).
fn iso_date(cell: &str) -> Option<NaiveDate> {
    let s = cell.trim();
    let (date, rest) = (s.get(..10)?, &s[10..]);
    if !(rest.is_empty() || rest.starts_with([' ', 'T'])) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// Reads a customer summary table; see the module documentation.
/// Errors: `missingColumn` (field `summary`) when a required column is absent.
pub fn read_customer_summary(text: &str) -> Result<SummaryTable> {
    let table = Table::read(text);
    let find = |names: &[&str]| table.header_named(names);
    let (Some(customer), Some(first), Some(last), Some(orders), Some(total)) = (
        find(CUSTOMER),
        find(FIRST),
        find(LAST),
        find(ORDERS),
        find(TOTAL),
    ) else {
        return Err(Error::field(
            Code::MissingColumn,
            "summary",
            "A customer summary needs a header row with the columns customer_id, first_purchase, last_purchase, orders and net_total (refunded and last_date are optional); docs/sql/ writes them.",
        ));
    };
    let (refunded, last_date) = (find(REFUNDED), find(LAST_DATE));
    let mut customers: Vec<SummaryRow> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let (rows, skipped) = table.each_row(|record| {
        let line = record.line;
        let name = |j: usize| table.column_name(j);
        let impossible = |why: String| {
            Skipped::new(
                line,
                Code::ImpossibleSummaryRow,
                format!("Row {line} has {why}: no customer history looks like that, so the row is not used."),
            )
        };
        let number = |j: usize, code: Code| {
            summary_number(record.get(j)).ok_or_else(|| {
                Skipped::new(
                    line,
                    code,
                    format!(
                        "Row {line}: \"{}\" in column {} is not a number.",
                        record.get(j),
                        name(j)
                    ),
                )
            })
        };
        let date = |j: usize| -> std::result::Result<Option<NaiveDate>, Skipped> {
            let cell = record.get(j).trim();
            if cell.is_empty() {
                return Ok(None);
            }
            iso_date(cell).map(Some).ok_or_else(|| {
                Skipped::new(
                    line,
                    Code::InvalidDate,
                    format!(
                        "Row {line}: \"{cell}\" in column {} is not a date written YYYY-MM-DD.",
                        name(j)
                    ),
                )
            })
        };
        let who = record.get(customer).trim();
        if who.is_empty() {
            return Err(Skipped::new(
                line,
                Code::MissingCustomer,
                format!("Row {line} has no customer."),
            ));
        }
        let count = number(orders, Code::NotANumber)?;
        if count < 0.0 || count.fract() != 0.0 || count > f64::from(u32::MAX) {
            return Err(impossible(format!(
                "{} orders (a whole number, 0 or more, is needed)",
                record.get(orders).trim()
            )));
        }
        let net = number(total, Code::InvalidAmount)?;
        let back = match refunded {
            Some(j) if !record.get(j).trim().is_empty() => number(j, Code::InvalidAmount)?,
            _ => 0.0,
        };
        if back < 0.0 {
            return Err(impossible(
                "a negative refunded sum (refunds are summed as a positive number)".into(),
            ));
        }
        let purchases = match (date(first)?, date(last)?) {
            (None, None) => None,
            (Some(f), Some(l)) if l >= f => Some((f, l)),
            (Some(_), Some(_)) => {
                return Err(impossible("a last purchase before its first".into()));
            }
            _ => return Err(impossible("only one of first_purchase and last_purchase".into())),
        };
        match (purchases.is_some(), count > 0.0) {
            (true, false) => return Err(impossible("purchase dates but 0 orders".into())),
            (false, true) => return Err(impossible("orders but no purchase dates".into())),
            _ => {}
        }
        let latest = match last_date {
            Some(j) => date(j)?,
            None => None,
        };
        if let (Some(d), Some((_, l))) = (latest, purchases) {
            if d < l {
                return Err(impossible(format!(
                    "a last_date ({d}) before the last purchase ({l})"
                )));
            }
        }
        let key = customer_key(who);
        if let Some(&earlier) = seen.get(&key) {
            return Err(impossible(format!(
                "the same customer as row {earlier} (a customer has one row)"
            )));
        }
        seen.insert(key, line);
        customers.push(SummaryRow {
            customer: who.to_string(),
            line,
            purchases,
            orders: count as u32,
            total: net,
            refunded: back,
            last_date: latest,
        });
        Ok(())
    });
    Ok(SummaryTable {
        customers,
        rows,
        skipped,
        header_row: table.header_line(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_rows_and_skips_impossible_ones() {
        let text = "customer_id,first_purchase,last_purchase,orders,net_total,refunded,last_date\n\
                    A,2025-01-05,2025-03-01,3,250000,50000,2025-03-04\n\
                    B,,,0,-20000,20000,2025-02-01\n\
                    C,2025-02-01,2025-01-01,2,10,0,\n\
                    D,2025-02-01,2025-02-01,0,10,0,\n\
                    a,2025-01-05,2025-01-05,1,1,0,\n\
                    E,2025-02-30,2025-03-01,1,1,0,\n\
                    F,2025-02-01,2025-02-01,1.5,1,0,\n\
                    G,2025-02-01 00:00:00,2025-02-01T00:00:00Z,1,7.5,,\n\
                    ,2025-02-01,2025-02-01,1,1,0,\n";
        let t = read_customer_summary(text).unwrap();
        assert_eq!(t.rows, 9);
        let got: Vec<(&str, usize)> = t
            .customers
            .iter()
            .map(|c| (c.customer.as_str(), c.line))
            .collect();
        assert_eq!(got, vec![("A", 2), ("B", 3), ("G", 9)]);
        let a = &t.customers[0];
        assert_eq!(a.purchases, Some((d("2025-01-05"), d("2025-03-01"))));
        assert_eq!((a.orders, a.total, a.refunded), (3, 250000.0, 50000.0));
        assert_eq!(a.last_date, Some(d("2025-03-04")));
        assert_eq!(t.customers[1].purchases, None);
        assert_eq!(t.customers[2].total, 7.5);
        assert_eq!(t.customers[2].refunded, 0.0);
        let skipped: Vec<(usize, &str)> =
            t.skipped.iter().map(|s| (s.row, s.code.as_str())).collect();
        assert_eq!(
            skipped,
            vec![
                (4, "impossibleSummaryRow"),
                (5, "impossibleSummaryRow"),
                (6, "impossibleSummaryRow"),
                (7, "invalidDate"),
                (8, "impossibleSummaryRow"),
                (10, "missingCustomer"),
            ]
        );
        assert!(t.skipped[2].reason.contains("same customer as row 2"));
    }

    #[test]
    fn numbers_plain_and_with_exponents() {
        assert_eq!(summary_number("1.2345678E7"), Some(12_345_678.0));
        assert_eq!(summary_number("1e+17"), Some(1e17));
        assert_eq!(summary_number("1e-07"), Some(1e-7));
        assert_eq!(summary_number(" 12.5 "), Some(12.5));
        assert_eq!(summary_number("inf"), None);
        assert_eq!(summary_number("1e999"), None);
        assert_eq!(summary_number("e"), None);
        assert_eq!(summary_number("Rp 5"), None);
    }

    #[test]
    fn a_table_without_the_columns_is_an_error() {
        let e = read_customer_summary("customer_id,orders\nA,1\n").unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.field.as_deref()),
            ("missingColumn", Some("summary"))
        );
        assert!(is_customer_summary(
            "customer_id\tfirst_purchase\tlast_purchase\torders\tnet_total\nA\t2025-01-05\t2025-01-05\t1\t100\n"
        ));
        assert!(!is_customer_summary(
            "Pelanggan\tTanggal\tJumlah\nA\t2025-01-05\t100000\n"
        ));
    }
}
