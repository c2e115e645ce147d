//! The score column of a pasted survey export: found by the user's mapping,
//! by its header (Indonesian or English), or as the only numeric column; each
//! row's answer checked by the calculator's own rule, bad rows reported.

use super::number::{looks_numeric, parse_plain};
use super::roles::{role_of_header, Role};
use super::table::{ColumnRef, Table};
use crate::error::{Code, Error, Result, Skipped};
use serde::Serialize;

/// Which column was read, for the result to say so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnInfo {
    pub index: usize,
    pub name: String,
}

/// The answers read from text, with the row accounting of API.md.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreColumn<T> {
    pub values: Vec<T>,
    pub column: ColumnInfo,
    pub rows: usize,
    pub skipped: Vec<Skipped>,
}

/// Finds the score column: the mapped one, else the one whose header names a
/// score, else the only column that is mostly numbers.
pub fn find_score_column(table: &Table, mapped: Option<&ColumnRef>) -> Result<usize> {
    if let Some(c) = mapped {
        return table.resolve(c, "columns.score");
    }
    if table.width == 0 {
        return Err(Error::field(
            Code::EmptyText,
            "text",
            "The pasted text is empty: paste a column of answers.",
        ));
    }
    if table.has_header {
        if let Some(i) = table
            .headers
            .iter()
            .position(|h| role_of_header(h) == Some(Role::Score))
        {
            return Ok(i);
        }
    }
    let numeric = table.tally_cells(1000, looks_numeric);
    let candidates: Vec<usize> = (0..table.width)
        .filter(|&j| numeric[j].1 > 0 && numeric[j].0 * 2 > numeric[j].1)
        .collect();
    match candidates.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::field(
            Code::NoScoreColumn,
            "text",
            "No column of scores was found: paste a column of numbers, or name the score column with columns.score.",
        )),
        many => Err(Error::field(
            Code::AmbiguousScoreColumn,
            "text",
            format!(
                "Several columns hold numbers ({}); say which one holds the scores with columns.score.",
                many.iter().map(|&j| table.column_name(j)).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

/// Reads every data row's answer and checks it with `check(value, line)`;
/// rows that fail are skipped with their line and reason. Errors only when
/// no row at all is usable.
pub fn read_scores<T>(
    text: &str,
    mapped: Option<&ColumnRef>,
    check: impl Fn(f64, usize) -> Result<T>,
) -> Result<ScoreColumn<T>> {
    let table = Table::read(text);
    let index = find_score_column(&table, mapped)?;
    let mut values = Vec::new();
    let (rows, skipped) = table.each_row(|record| {
        let line = record.line;
        let cell = record.get(index);
        if cell.is_empty() {
            return Err(Skipped::new(
                line,
                Code::EmptyValue,
                format!("Row {line} has no score."),
            ));
        }
        let v = parse_plain(cell).ok_or_else(|| {
            Skipped::new(
                line,
                Code::NotANumber,
                format!("Row {line}: \"{cell}\" is not a number."),
            )
        })?;
        let value = check(v, line).map_err(|e| Skipped::new(line, e.code, e.message))?;
        values.push(value);
        Ok(())
    });
    let column = ColumnInfo {
        index,
        name: table.column_name(index),
    };
    if values.is_empty() {
        let message = if rows == 0 {
            "There are no answers in the pasted text.".to_string()
        } else {
            format!("None of the {rows} row(s) holds a usable score; see the skipped rows.")
        };
        return Err(Error::field(Code::NoUsableRows, "text", message).with_skipped(skipped));
    }
    Ok(ScoreColumn {
        values,
        column,
        rows,
        skipped,
    })
}
