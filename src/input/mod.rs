//! Reading what people paste: delimiters, header rows, column roles, numbers,
//! amounts and dates. Everything here turns text into typed values and
//! skipped-row reports; no formula lives here.

#[cfg(feature = "tables")]
pub mod amount;
#[cfg(feature = "analytics")]
pub mod beside;
#[cfg(feature = "xlsx")]
pub mod biff;
#[cfg(feature = "tables")]
pub mod columns;
pub mod currency;
#[cfg(feature = "tables")]
pub mod date;
#[cfg(feature = "tables")]
pub mod helpdesk;
#[cfg(feature = "tables")]
pub mod labels;
#[cfg(feature = "analytics")]
pub mod log;
pub mod number;
#[cfg(feature = "xlsx")]
pub mod ods;
pub mod roles;
#[cfg(feature = "tables")]
pub mod sales;
pub mod scores;
#[cfg(feature = "analytics")]
pub mod seen;
#[cfg(feature = "analytics")]
pub mod spend;
#[cfg(feature = "analytics")]
pub mod stream;
#[cfg(feature = "analytics")]
pub mod summary;
#[cfg(feature = "tables")]
pub mod survey;
#[cfg(feature = "analytics")]
pub mod survival;
pub mod table;
pub mod tickets;
#[cfg(feature = "xlsx")]
pub mod workbook;
#[cfg(feature = "xlsx")]
pub mod xlsx;
pub mod yesno;

pub use table::{ColumnRef, Record, Table};

use serde::Serialize;

/// How ambiguous text such as `1.250` or `01/02/2025` is read when a column
/// alone cannot tell. `Id` = Indonesian (`.` thousands, `,` decimals, day first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    Id,
    En,
    #[default]
    Auto,
}

impl Locale {
    pub fn parse(s: &str) -> Option<Locale> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "id-id" => Some(Locale::Id),
            "en" | "en-us" | "en-gb" => Some(Locale::En),
            "auto" | "" => Some(Locale::Auto),
            _ => None,
        }
    }
}

/// Why one cell could not be read (the caller adds the row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// Stable camelCase key, e.g. `invalidDate`, `invalidAmount`.
    pub code: crate::error::Code,
    /// Plain English, without the row number, e.g. `"31/02/2025" is not a real date`.
    pub message: String,
}

/// The cell in quotes for a message, cut short when very long.
#[cfg(feature = "tables")]
fn quote(s: &str) -> String {
    if s.chars().count() > 40 {
        let head: String = s.chars().take(40).collect();
        format!("\"{head}…\"")
    } else {
        format!("\"{s}\"")
    }
}

/// What settled an ambiguous reading of a column (the decimal mark of amounts,
/// the day/month order of dates), for the result to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DecidedBy {
    /// The column's own values (e.g. `1.250.000`, `31/01/2025`, `Rp` marks).
    Values,
    /// The locale the user chose (`id` or `en`), because the values could not tell.
    Locale,
    /// Neither values nor a chosen locale could tell: the Indonesian default.
    Default,
}

/// Test helpers of the cell readers: `parse(cell, notation)` must read the
/// cell, or must not.
#[cfg(all(test, feature = "tables"))]
mod cell_tests {
    use super::CellError;
    use std::fmt::{Debug, Display};

    #[track_caller]
    pub fn read_ok<N: Debug + Copy, T>(
        parse: impl Fn(&str, N) -> Result<T, CellError>,
        cell: &str,
        notation: N,
    ) -> T {
        match parse(cell, notation) {
            Ok(v) => v,
            Err(e) => panic!("{cell:?} with {notation:?}: {}", e.message),
        }
    }

    #[track_caller]
    pub fn read_err<N: Debug + Copy, T: Display>(
        parse: impl Fn(&str, N) -> Result<T, CellError>,
        cell: &str,
        notation: N,
    ) -> CellError {
        match parse(cell, notation) {
            Ok(v) => panic!("{cell:?} with {notation:?} read as {v}"),
            Err(e) => e,
        }
    }
}

#[cfg(all(test, feature = "tables"))]
mod tests {
    use super::amount::{AmountNotation, DecimalMark};
    use super::date::{DateFormat, DateNotation, DayOrder};
    use super::DecidedBy;

    fn to_json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    #[test]
    fn notations_serialize_in_camel_case() {
        assert_eq!(to_json(&DecidedBy::Values), "\"values\"");
        assert_eq!(to_json(&DecidedBy::Locale), "\"locale\"");
        assert_eq!(to_json(&DecidedBy::Default), "\"default\"");
        assert_eq!(to_json(&DecimalMark::Comma), "\"comma\"");
        assert_eq!(to_json(&DecimalMark::Dot), "\"dot\"");
        assert_eq!(to_json(&DayOrder::DayFirst), "\"dayFirst\"");
        assert_eq!(to_json(&DayOrder::MonthFirst), "\"monthFirst\"");
        assert_eq!(to_json(&DateFormat::ExcelSerial), "\"excelSerial\"");
        assert_eq!(
            to_json(&AmountNotation {
                decimal: DecimalMark::Comma,
                decided_by: DecidedBy::Values
            }),
            r#"{"decimal":"comma","decidedBy":"values"}"#
        );
        assert_eq!(
            to_json(&DateNotation {
                order: DayOrder::MonthFirst,
                decided_by: DecidedBy::Locale
            }),
            r#"{"order":"monthFirst","decidedBy":"locale"}"#
        );
    }
}
