//! Figures the user gives beside a sales log, per customer, for the health
//! and churn-risk scores: an engagement column of the log itself (mapped as
//! `columns.engagement`), and NPS answers from a pasted survey export joined
//! to the log's customers by e-mail or name.
//!
//! Customers are matched by [`customer_key`] (trimmed, spaces collapsed, case
//! folded), as the log's own rows are.

use super::number::parse_plain;
use super::roles::{normalize, role_of_header, Role};
use super::scores::{find_score_column, ColumnInfo};
use super::table::{ColumnRef, Record, Table};
use crate::error::{Code, Error, Result, Skipped};
use crate::metrics::log::customer_key;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Each customer's engagement figure: the largest readable number in the
/// engagement column among the customer's rows (a per-customer figure is
/// often repeated on every row, or written on one). Fed every record of the
/// log by its first pass ([`crate::input::log::LogScan`]).
#[derive(Debug, Clone)]
pub struct Engagement {
    customer: usize,
    column: usize,
    pub by_customer: FxHashMap<String, f64>,
}

impl Engagement {
    /// None when the log has no engagement column or no customer column
    /// (given and family names joined).
    pub fn new(roles: &[Option<Role>]) -> Option<Engagement> {
        let find = |role: Role| roles.iter().position(|r| *r == Some(role));
        Some(Engagement {
            customer: find(Role::Customer)?,
            column: find(Role::Engagement)?,
            by_customer: FxHashMap::default(),
        })
    }

    pub fn observe(&mut self, record: &Record) {
        let name = record.get(self.customer);
        let Some(v) = parse_plain(record.get(self.column)).filter(|v| v.is_finite()) else {
            return;
        };
        if name.is_empty() {
            return;
        }
        let slot = self.by_customer.entry(customer_key(name)).or_insert(v);
        *slot = slot.max(v);
    }
}

/// A pasted survey's answers by customer, with its row accounting.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Survey {
    pub rows: usize,
    pub used: usize,
    pub skipped: Vec<Skipped>,
    pub customer_column: ColumnInfo,
    pub score_column: ColumnInfo,
    /// Customers who answered (the latest answer of each counts).
    pub respondents: usize,
    /// Respondents found among the log's customers.
    pub matched: usize,
    #[serde(skip)]
    pub answers: FxHashMap<String, u8>,
}

/// Is this header an e-mail column?
fn is_email_header(h: &str) -> bool {
    let n = normalize(h);
    n.split(' ')
        .any(|w| matches!(w, "email" | "mail" | "surel" | "surat"))
        || n.contains("e mail")
}

/// The customer column of a survey: the mapped one, else an e-mail header,
/// else a header naming a customer, else a column mostly of e-mail addresses.
fn customer_column(table: &Table, mapped: Option<&ColumnRef>, score: usize) -> Result<usize> {
    if let Some(c) = mapped {
        return table.resolve(c, "surveyColumns.customer");
    }
    let headed = |test: &dyn Fn(&str) -> bool| {
        (0..table.width).find(|&j| j != score && table.has_header && test(&table.headers[j]))
    };
    if let Some(j) =
        headed(&is_email_header).or_else(|| headed(&|h| role_of_header(h) == Some(Role::Customer)))
    {
        return Ok(j);
    }
    let at = table.tally_cells(1000, |c| c.contains('@') && !c.contains(' '));
    (0..table.width)
        .find(|&j| j != score && at[j].1 > 0 && at[j].0 * 2 > at[j].1)
        .ok_or_else(|| {
            Error::field(
                Code::MissingColumn,
                "surveyColumns.customer",
                "The survey has no e-mail or name column to match its answers with the log's customers; name it with surveyColumns.customer.",
            )
        })
}

/// Reads a survey export's NPS answers (0–10) by customer. The score column is
/// found as `nps()` finds it; the customer column by e-mail or name.
pub fn survey(
    text: &str,
    customer: Option<&ColumnRef>,
    score: Option<&ColumnRef>,
) -> Result<Survey> {
    let table = Table::read(text);
    if table.width == 0 {
        return Err(Error::field(
            Code::EmptyText,
            "surveyText",
            "The pasted survey is empty.",
        ));
    }
    let score = find_score_column(&table, score).map_err(|mut e| {
        e.field = Some("surveyColumns.score".into());
        e
    })?;
    let who = customer_column(&table, customer, score)?;
    let mut answers: FxHashMap<String, u8> = FxHashMap::default();
    let (rows, skipped) = table.each_row(|r| {
        let line = r.line;
        let name = r.get(who);
        if name.is_empty() {
            return Err(Skipped::new(
                line,
                Code::MissingCustomer,
                format!("Row {line} names no customer."),
            ));
        }
        let cell = r.get(score);
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
        let v = crate::metrics::nps::check_score(v, line)
            .map_err(|e| Skipped::new(line, e.code, e.message))?;
        answers.insert(customer_key(name), v.min(10) as u8);
        Ok(())
    });
    Ok(Survey {
        rows,
        used: rows - skipped.len(),
        skipped,
        customer_column: ColumnInfo {
            index: who,
            name: table.column_name(who),
        },
        score_column: ColumnInfo {
            index: score,
            name: table.column_name(score),
        },
        respondents: answers.len(),
        matched: 0,
        answers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_google_forms_export_is_joined_by_email() {
        let text = "Timestamp\tEmail Address\tHow likely are you to recommend us?\n2025/01/02 10:00\tSari@Mail.com \t9\n2025/01/03 10:00\tbudi@mail.com\t4\n2025/01/04 10:00\t\t10\n2025/01/05 10:00\tsari@mail.com\t7\n";
        let s = survey(text, None, None).unwrap();
        assert_eq!((s.rows, s.used, s.respondents), (4, 3, 2));
        assert_eq!(s.customer_column.name, "Email Address");
        assert_eq!(s.skipped[0].row, 4);
        // The latest answer counts: Sari 7, not 9.
        assert_eq!(s.answers.get("sari@mail.com"), Some(&7));
        assert_eq!(s.answers.get("budi@mail.com"), Some(&4));
    }
}
