//! What each column of a pasted table holds and means: its kind (dates,
//! amounts, plain numbers, yes/no, text), its role for the calculators
//! (customer, date, amount, orderId, score, resolved, contacts, group) and,
//! for dates and amounts, the notation decided from all of its values.
//!
//! Roles come, in this order, from the user's `columns` mapping, from the
//! header names (Indonesian or English), and from the values of the first
//! rows; a second pass reads every value of the date and amount columns to
//! decide their notation. Memory does not grow with the rows.

use super::amount::{looks_like_amount, parse_amount, AmountNotation, AmountStats, DecimalMark};
use super::date::{looks_like_date, parse_date_in_date_column, DateNotation, DateStats, DayOrder};
use super::number::parse_plain;
use super::roles::{role_of_header, Role, ALL};
use super::table::{ColumnRef, Record, Table};
use super::yesno::parse_yes_no;
use super::{CellError, DecidedBy, Locale};
use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Share of a column's non-empty cells that must agree for it to have a kind.
const KIND_SHARE: f64 = 0.8;
/// Distinct values remembered per column (enough to tell ids from groups).
const DISTINCT_CAP: usize = 2000;
/// Rows whose cells decide each column's kind and role by value; the
/// notations of dates and amounts are then decided from every row.
const KIND_SAMPLE: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    Empty,
    Date,
    Amount,
    Number,
    YesNo,
    Text,
}

/// How a column's values are read, for the user to see (API.md `notation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Notation {
    #[serde(rename_all = "camelCase")]
    Amount {
        decimal_mark: char,
        thousands_separator: char,
        decided_by: DecidedBy,
        /// In English, e.g. `"." read as thousands separator, "," as decimal mark`.
        description: String,
    },
    #[serde(rename_all = "camelCase")]
    Date {
        /// `dayFirst` (31/01/2025) or `monthFirst` (01/31/2025).
        order: DayOrder,
        decided_by: DecidedBy,
        description: String,
    },
}

fn decided(by: DecidedBy) -> &'static str {
    match by {
        DecidedBy::Values => "decided from the values",
        DecidedBy::Locale => "decided by the locale",
        DecidedBy::Default => "the Indonesian default, as nothing in the values decides it",
    }
}

impl Notation {
    fn amount(n: AmountNotation) -> Notation {
        let (d, t) = (n.decimal.char(), n.decimal.thousands());
        Notation::Amount {
            decimal_mark: d,
            thousands_separator: t,
            decided_by: n.decided_by,
            description: format!(
                "\"{t}\" read as thousands separator, \"{d}\" as decimal mark ({})",
                decided(n.decided_by)
            ),
        }
    }

    fn date(n: DateNotation) -> Notation {
        let order = match n.order {
            DayOrder::DayFirst => "day/month/year",
            DayOrder::MonthFirst => "month/day/year",
        };
        Notation::Date {
            order: n.order,
            decided_by: n.decided_by,
            description: format!("dates read as {order} ({})", decided(n.decided_by)),
        }
    }
}

/// One column as understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub index: usize,
    pub name: String,
    /// The role key (`customer`, `date`, …) or `null`.
    pub role: Option<&'static str>,
    pub kind: Kind,
    pub notation: Option<Notation>,
}

/// What one pass over a column's cells found.
#[derive(Debug, Default)]
struct Stats {
    non_empty: usize,
    dates: usize,
    amounts: usize,
    /// Plain numbers: digits with at most one `.`/`,` and no currency.
    numbers: usize,
    /// Whole numbers from 0 to 10 (possible survey scores).
    scores: usize,
    /// Whole numbers (possible counts).
    integers: usize,
    /// Amount-looking cells with a currency mark, a thousands group or a sign.
    money_marks: usize,
    yes_no: usize,
    letters: usize,
    distinct: HashSet<String>,
    distinct_overflow: bool,
}

impl Stats {
    fn observe(&mut self, cell: &str) {
        if cell.is_empty() {
            return;
        }
        self.non_empty += 1;
        if looks_like_date(cell) {
            self.dates += 1;
        }
        if looks_like_amount(cell) {
            self.amounts += 1;
            let lower = cell.to_ascii_lowercase();
            if lower.contains("rp")
                || lower.contains("idr")
                || cell.contains('$')
                || cell.contains('(')
                || cell.starts_with('-')
                || cell.matches(['.', ',']).count() > 1
                || lower.ends_with("rb")
                || lower.ends_with("jt")
            {
                self.money_marks += 1;
            }
        }
        if let Some(v) = parse_plain(cell) {
            self.numbers += 1;
            if v.fract() == 0.0 {
                self.integers += 1;
                if (0.0..=10.0).contains(&v) {
                    self.scores += 1;
                }
            }
        }
        if parse_yes_no(cell).is_some() && !matches!(cell, "0" | "1") {
            self.yes_no += 1;
        }
        if cell.chars().any(char::is_alphabetic) {
            self.letters += 1;
        }
        if self.distinct.len() < DISTINCT_CAP {
            self.distinct.insert(cell.to_ascii_lowercase());
        } else if !self.distinct.contains(&cell.to_ascii_lowercase()) {
            self.distinct_overflow = true;
        }
    }

    fn share(&self, n: usize) -> f64 {
        if self.non_empty == 0 {
            0.0
        } else {
            n as f64 / self.non_empty as f64
        }
    }

    fn kind(&self) -> Kind {
        if self.non_empty == 0 {
            Kind::Empty
        } else if self.share(self.dates) >= KIND_SHARE {
            Kind::Date
        } else if self.share(self.yes_no) >= KIND_SHARE {
            Kind::YesNo
        } else if self.share(self.amounts) >= KIND_SHARE && self.money_marks > 0 {
            Kind::Amount
        } else if self.share(self.numbers) >= KIND_SHARE || self.share(self.amounts) >= KIND_SHARE {
            Kind::Number
        } else {
            Kind::Text
        }
    }

    /// Every non-empty value different (as far as remembered).
    fn all_distinct(&self) -> bool {
        !self.distinct_overflow && self.distinct.len() == self.non_empty
    }
}

/// Can a column of this kind play this role?
fn fits(role: Role, kind: Kind, stats: &Stats) -> bool {
    match role {
        Role::Date => kind == Kind::Date,
        Role::Amount => matches!(kind, Kind::Amount | Kind::Number),
        Role::Score => kind == Kind::Number,
        Role::Contacts => kind == Kind::Number && stats.share(stats.integers) >= KIND_SHARE,
        Role::Resolved => {
            kind == Kind::YesNo || (kind == Kind::Number && stats.scores == stats.non_empty)
        }
        Role::Customer | Role::OrderId | Role::Group => kind != Kind::Empty,
    }
}

/// The columns of a table, understood: kinds, roles and notations.
#[derive(Debug, Clone)]
pub struct Layout {
    pub columns: Vec<Column>,
    amount: Vec<Option<DecimalMark>>,
    date: Vec<Option<DayOrder>>,
}

impl Layout {
    /// The column playing `role`, if any.
    pub fn column_of(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == Some(role.key()))
    }

    /// Reads cell `i` of a record as its column's kind.
    pub fn cell(&self, record: &Record, i: usize) -> Cell {
        let text = record.get(i);
        if text.is_empty() {
            return Cell::Empty;
        }
        let Some(column) = self.columns.get(i) else {
            return Cell::Text(text.to_string());
        };
        let parsed = match (column.kind, self.amount[i], self.date[i]) {
            (_, _, Some(order)) => parse_date_in_date_column(text, order).map(Cell::Date),
            (_, Some(mark), _) => parse_amount(text, mark).map(Cell::Number),
            (Kind::Number, _, _) => parse_plain(text)
                .map(Cell::Number)
                .ok_or_else(|| CellError {
                    code: "notANumber",
                    message: format!("\"{text}\" is not a number"),
                }),
            (Kind::YesNo, _, _) => parse_yes_no(text).map(Cell::Bool).ok_or_else(|| CellError {
                code: "invalidYesNo",
                message: format!("\"{text}\" is not yes or no"),
            }),
            _ => Ok(Cell::Text(text.to_string())),
        };
        parsed.unwrap_or_else(Cell::Invalid)
    }

    /// The date in column `i` (its notation decided), or why not.
    pub fn date(
        &self,
        record: &Record,
        i: usize,
    ) -> std::result::Result<chrono::NaiveDate, CellError> {
        let order = self
            .date
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(DayOrder::DayFirst);
        let text = record.get(i);
        if text.is_empty() {
            return Err(CellError {
                code: "emptyValue",
                message: "no date".into(),
            });
        }
        parse_date_in_date_column(text, order)
    }

    /// The amount in column `i` (its notation decided), or why not.
    pub fn amount(&self, record: &Record, i: usize) -> std::result::Result<f64, CellError> {
        let mark = self
            .amount
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(DecimalMark::Comma);
        let text = record.get(i);
        if text.is_empty() {
            return Err(CellError {
                code: "emptyValue",
                message: "no amount".into(),
            });
        }
        parse_amount(text, mark)
    }
}

/// A cell read as its column's kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(chrono::NaiveDate),
    Invalid(CellError),
}

/// Understands the columns of `table`. `mapped` is the user's `columns`
/// option (role key → column); `wanted` the roles the caller needs, which are
/// also looked for among the values when no header names them.
pub fn analyze(
    table: &Table,
    locale: Locale,
    mapped: &BTreeMap<String, ColumnRef>,
    wanted: &[Role],
) -> Result<Layout> {
    let width = table.width;
    let mut stats: Vec<Stats> = (0..width).map(|_| Stats::default()).collect();
    let mut records = table.records();
    let mut seen = 0;
    while let Some(record) = records.next_ref() {
        if let Ok(record) = record {
            for (j, s) in stats.iter_mut().enumerate() {
                s.observe(record.get(j));
            }
        }
        seen += 1;
        if seen == KIND_SAMPLE {
            break;
        }
    }
    let kinds: Vec<Kind> = stats.iter().map(Stats::kind).collect();
    let mut roles: Vec<Option<Role>> = vec![None; width];

    // 1. The user's mapping.
    for (key, column) in mapped {
        let role = Role::from_key(key).ok_or_else(|| {
            Error::field(
                "unknownField",
                &format!("columns.{key}"),
                format!(
                    "columns has no role \"{key}\"; the roles are: {}.",
                    ALL.map(Role::key).join(", ")
                ),
            )
        })?;
        let j = table.resolve(column, &format!("columns.{key}"))?;
        if let Some(other) = roles[j] {
            return Err(Error::field(
                "columnMappedTwice",
                &format!("columns.{key}"),
                format!(
                    "Column \"{}\" is mapped both as {} and as {key}.",
                    table.column_name(j),
                    other.key()
                ),
            ));
        }
        roles[j] = Some(role);
    }
    let taken = |roles: &[Option<Role>], role: Role| roles.contains(&Some(role));

    // 2. Header names, where the values fit the role.
    if table.has_header {
        for j in 0..width {
            if roles[j].is_some() {
                continue;
            }
            if let Some(role) = role_of_header(&table.headers[j]) {
                if !taken(&roles, role) && fits(role, kinds[j], &stats[j]) {
                    roles[j] = Some(role);
                }
            }
        }
    }

    // 3. The values, for the roles still missing, most distinctive first.
    let free = |roles: &[Option<Role>], j: usize| roles[j].is_none() && kinds[j] != Kind::Empty;
    let by_values: [Role; 7] = [
        Role::Date,
        Role::Resolved,
        Role::Amount,
        Role::Score,
        Role::OrderId,
        Role::Customer,
        Role::Group,
    ];
    for role in by_values {
        // Without a caller's list, a role is guessed only where the table's
        // other columns say what it is: scores in a survey (no dates),
        // customers in a sales log (with amounts), groups in a ticket log.
        let guess = if wanted.is_empty() {
            match role {
                Role::Score => !taken(&roles, Role::Date),
                Role::Customer => taken(&roles, Role::Amount),
                Role::Group => taken(&roles, Role::Resolved),
                _ => true,
            }
        } else {
            wanted.contains(&role)
        };
        if taken(&roles, role) || !guess {
            continue;
        }
        let candidates: Vec<usize> = (0..width).filter(|&j| free(&roles, j)).collect();
        let pick =
            match role {
                Role::Date => candidates.iter().copied().find(|&j| kinds[j] == Kind::Date),
                Role::Resolved => candidates
                    .iter()
                    .copied()
                    .find(|&j| kinds[j] == Kind::YesNo),
                // Money: a column with currency marks, else the last column of
                // numbers that are not all small whole numbers.
                Role::Amount => candidates
                    .iter()
                    .copied()
                    .find(|&j| kinds[j] == Kind::Amount)
                    .or_else(|| {
                        candidates.iter().copied().rev().find(|&j| {
                            kinds[j] == Kind::Number && stats[j].scores < stats[j].non_empty
                        })
                    }),
                Role::Score => candidates
                    .iter()
                    .copied()
                    .find(|&j| kinds[j] == Kind::Number && stats[j].scores == stats[j].non_empty),
                // Invoice numbers: every value different, with digits and letters
                // (INV-2500), in a log that also has a customer column.
                Role::OrderId => candidates.iter().copied().find(|&j| {
                    kinds[j] == Kind::Text
                        && stats[j].all_distinct()
                        && stats[j].non_empty > 1
                        && candidates.iter().any(|&k| k != j && kinds[k] == Kind::Text)
                }),
                // Names: the text column with most different values; else a
                // column of ids (numbers that repeat, as in CDNOW's customer ids).
                Role::Customer => candidates
                    .iter()
                    .copied()
                    .filter(|&j| kinds[j] == Kind::Text)
                    .max_by_key(|&j| (stats[j].distinct.len(), std::cmp::Reverse(j)))
                    .or_else(|| {
                        candidates
                            .iter()
                            .copied()
                            .find(|&j| kinds[j] == Kind::Number && !stats[j].all_distinct())
                    }),
                // A channel or agent: text that repeats a lot.
                Role::Group => candidates.iter().copied().find(|&j| {
                    kinds[j] == Kind::Text
                        && stats[j].distinct.len() * 4 <= stats[j].non_empty
                        && stats[j].distinct.len() <= 50
                }),
                Role::Contacts => None,
            };
        if let Some(j) = pick {
            roles[j] = Some(role);
        }
    }

    // Notations are decided from every value of the date and amount columns.
    let is_date =
        |j: usize| roles[j] == Some(Role::Date) || (roles[j].is_none() && kinds[j] == Kind::Date);
    let is_amount = |j: usize| {
        roles[j] == Some(Role::Amount) || (roles[j].is_none() && kinds[j] == Kind::Amount)
    };
    let dated: Vec<usize> = (0..width).filter(|&j| is_date(j)).collect();
    let priced: Vec<usize> = (0..width).filter(|&j| is_amount(j)).collect();
    let mut date_stats: Vec<DateStats> = (0..width).map(|_| DateStats::default()).collect();
    let mut amount_stats: Vec<AmountStats> = (0..width).map(|_| AmountStats::default()).collect();
    if !dated.is_empty() || !priced.is_empty() {
        let mut records = table.records();
        while let Some(record) = records.next_ref() {
            if let Ok(record) = record {
                for &j in &dated {
                    date_stats[j].observe(record.get(j));
                }
                for &j in &priced {
                    amount_stats[j].observe(record.get(j));
                }
            }
        }
    }
    let mut amount = vec![None; width];
    let mut date = vec![None; width];
    let columns = (0..width)
        .map(|j| {
            let role = roles[j];
            let notation = if is_date(j) {
                let n = date_stats[j].decide(locale);
                date[j] = Some(n.order);
                Some(Notation::date(n))
            } else if is_amount(j) {
                let n = amount_stats[j].decide(locale);
                amount[j] = Some(n.decimal);
                Some(Notation::amount(n))
            } else {
                None
            };
            Column {
                index: j,
                name: table.column_name(j),
                role: role.map(Role::key),
                kind: kinds[j],
                notation,
            }
        })
        .collect();
    Ok(Layout {
        columns,
        amount,
        date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str, locale: Locale) -> Layout {
        analyze(&Table::read(text), locale, &BTreeMap::new(), &[]).unwrap()
    }

    fn roles(l: &Layout) -> Vec<Option<&'static str>> {
        l.columns.iter().map(|c| c.role).collect()
    }

    #[test]
    fn the_shop_log_by_its_headers() {
        let l = layout(
            "No. Faktur;Tanggal;Nama Pelanggan;Total\nINV-1;01/01/2024;Sari ;Rp 892.000\nINV-2;1 Januari 2024;Budi;530.000\nINV-3;13/01/2024;Sari;Rp811.000,00\n",
            Locale::Auto,
        );
        assert_eq!(
            roles(&l),
            [
                Some("orderId"),
                Some("date"),
                Some("customer"),
                Some("amount")
            ]
        );
        assert_eq!(l.columns[1].kind, Kind::Date);
        assert_eq!(l.columns[3].kind, Kind::Amount);
        match &l.columns[1].notation {
            Some(Notation::Date {
                order, decided_by, ..
            }) => {
                assert_eq!(
                    (*order, *decided_by),
                    (DayOrder::DayFirst, DecidedBy::Values)
                )
            }
            other => panic!("{other:?}"),
        }
        match &l.columns[3].notation {
            Some(Notation::Amount { decimal_mark, .. }) => assert_eq!(*decimal_mark, ','),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_log_without_header_by_its_values() {
        // CDNOW-like: customer id, date YYYYMMDD, CDs, dollars.
        let l = layout(
            "00004\t19970101\t2\t29.33\n00004\t19970118\t2\t29.73\n00021\t19970101\t3\t63.34\n",
            Locale::Auto,
        );
        assert_eq!(
            roles(&l),
            [Some("customer"), Some("date"), None, Some("amount")]
        );
        match &l.columns[3].notation {
            Some(Notation::Amount {
                decimal_mark,
                decided_by,
                ..
            }) => {
                assert_eq!((*decimal_mark, *decided_by), ('.', DecidedBy::Values))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ambiguous_dates_and_amounts_follow_the_locale() {
        let text = "nama;tanggal;jumlah\nA;01/02/2025;1.250\nB;03/04/2025;2.500\n";
        let id = layout(text, Locale::Id);
        let en = layout(text, Locale::En);
        let record = Table::read(text).records().next().unwrap().unwrap();
        assert_eq!(id.amount(&record, 2), Ok(1250.0));
        assert_eq!(en.amount(&record, 2), Ok(1.25));
        assert_eq!(
            id.date(&record, 1),
            Ok(chrono::NaiveDate::from_ymd_opt(2025, 2, 1).unwrap())
        );
        assert_eq!(
            en.date(&record, 1),
            Ok(chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap())
        );
    }

    #[test]
    fn mapping_wins_and_is_checked() {
        let t = Table::read("a;b\nx;9\ny;10\n");
        let mut mapped = BTreeMap::new();
        mapped.insert("customer".to_string(), ColumnRef::Index(0));
        mapped.insert("score".to_string(), ColumnRef::Name("b".into()));
        let l = analyze(&t, Locale::Auto, &mapped, &[]).unwrap();
        assert_eq!(roles(&l), [Some("customer"), Some("score")]);
        mapped.insert("group".to_string(), ColumnRef::Index(0));
        assert_eq!(
            analyze(&t, Locale::Auto, &mapped, &[]).unwrap_err().code,
            "columnMappedTwice"
        );
        let mut bad = BTreeMap::new();
        bad.insert("nama".to_string(), ColumnRef::Index(0));
        assert_eq!(
            analyze(&t, Locale::Auto, &bad, &[]).unwrap_err().code,
            "unknownField"
        );
    }

    #[test]
    fn tickets_by_header() {
        let l = layout(
            "ID Tiket,Tanggal,Kanal,Agen,Selesai di kontak pertama,Jumlah kontak\nT-1,01/05/2025,Email,Fajar,ya,1\nT-2,01/05/2025,WA,Rina,tidak,3\n",
            Locale::Auto,
        );
        assert_eq!(
            roles(&l),
            [
                Some("orderId"),
                Some("date"),
                Some("group"),
                None,
                Some("resolved"),
                Some("contacts")
            ]
        );
    }
}
