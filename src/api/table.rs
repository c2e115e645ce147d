//! `parseTable`: what the input engine understood of a pasted table, for
//! the page to show (and let the user correct) before any figure.

use super::{Args, Value};
use crate::error::{Code, Error, Result, Skipped};
use crate::input::columns::{analyze, Cell, Column};
use crate::input::Table;
use serde::Serialize;

/// A parsed cell of the preview: text, number, yes/no, an ISO date, or null.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum PreviewValue {
    Null,
    Text(String),
    Number(f64),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewRow {
    /// 1-based line in `text`.
    pub row: usize,
    pub values: Vec<PreviewValue>,
}

/// What `parseTable` understood of a pasted table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedTable {
    pub columns: Vec<Column>,
    /// `tab`, `semicolon`, `comma`, `spaces` or `none` (one column).
    pub delimiter: &'static str,
    pub has_header: bool,
    pub rows: usize,
    pub used: usize,
    pub skipped: Vec<Skipped>,
    /// The first 20 data rows as parsed values.
    pub preview: Vec<PreviewRow>,
}

/// Rows in `ParsedTable::preview`.
const PREVIEW_ROWS: usize = 20;

/// `parseTable({ text, locale?, columns? })`: the columns with their roles,
/// kinds and notations, the row accounting and a preview. A row is skipped
/// when a cell of a column with a role cannot be read, or when its customer,
/// date or amount is empty.
pub fn parse_table(input: &Value) -> Result<ParsedTable> {
    let args = Args::new(input, &super::fields::PARSE_TABLE)?;
    let text = args.text("text")?.ok_or_else(|| {
        Error::field(
            Code::MissingField,
            "text",
            "parseTable() needs text: the pasted table.",
        )
    })?;
    let locale = args.locale()?;
    let mapped = args.columns()?.into_map();
    let table = Table::read(text);
    let layout = analyze(&table, locale, &mapped, &[])?;
    let mut preview = Vec::new();
    let (rows, skipped) = table.each_row(|record| {
        let line = record.line;
        let mut problem = None;
        let values: Vec<PreviewValue> = layout
            .columns
            .iter()
            .map(|column| match layout.cell(record, column.index) {
                Cell::Empty => {
                    if problem.is_none()
                        && matches!(column.role, Some("customer" | "date" | "amount"))
                    {
                        problem = Some(Skipped::new(
                            line,
                            Code::EmptyValue,
                            format!(
                                "Row {line} has no {} (column \"{}\").",
                                column.role.unwrap_or(""),
                                column.name
                            ),
                        ));
                    }
                    PreviewValue::Null
                }
                Cell::Text(t) => PreviewValue::Text(t),
                Cell::Number(n) => PreviewValue::Number(n),
                Cell::Bool(b) => PreviewValue::Bool(b),
                Cell::Date(d) => PreviewValue::Text(d.to_string()),
                Cell::Invalid(e) => {
                    if problem.is_none() && column.role.is_some() {
                        problem = Some(Skipped::new(
                            line,
                            e.code,
                            format!("Row {line}: {} (column \"{}\").", e.message, column.name),
                        ));
                    }
                    PreviewValue::Null
                }
            })
            .collect();
        if preview.len() < PREVIEW_ROWS {
            preview.push(PreviewRow { row: line, values });
        }
        problem.map_or(Ok(()), Err)
    });
    Ok(ParsedTable {
        columns: layout.columns,
        delimiter: table.delimiter.name(),
        has_header: table.has_header,
        rows,
        used: rows - skipped.len(),
        skipped,
        preview,
    })
}
