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
use super::currency::Currency;
use super::date::{
    looks_like_date, parse_date_in_date_column, DateFormat, DateNotation, DateStats, DayOrder,
};
use super::number::parse_plain;
use super::roles::{role_of_header, Role, ALL};
use super::table::{ColumnRef, Record, Table};
use super::yesno::parse_yes_no;
use super::{CellError, DecidedBy, Locale};
use crate::error::{Code, Error, Result};
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
    /// Times of day without a date (`14:05`, `14:05:22`, `2:05 PM`): a POS
    /// report's `Jam`, never a customer or a date.
    Time,
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
    /// Times of day (`14:05`, `14:05:22`).
    times: usize,
    /// Order-number shapes: `#1001`, or digits only with six or more of them.
    hash_ids: usize,
    /// Five-digit whole or fractional numbers from 20000 to 80000: Excel
    /// date serials (1954–2119) in a column whose header says date.
    serials: usize,
    distinct: HashSet<String>,
    distinct_overflow: bool,
}

/// `14:05`, `14:05:22`, `9:30 AM`, `14.05` (a time of day alone).
fn looks_like_time(cell: &str) -> bool {
    let s = cell.trim();
    let s = s
        .strip_suffix("AM")
        .or_else(|| s.strip_suffix("PM"))
        .or_else(|| s.strip_suffix("am"))
        .or_else(|| s.strip_suffix("pm"))
        .map_or(s, str::trim_end);
    let parts: Vec<&str> = s.split([':', '.']).collect();
    (2..=3).contains(&parts.len())
        && s.contains(':')
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].parse::<u32>().is_ok_and(|h| h < 24)
        && parts[1].parse::<u32>().is_ok_and(|m| m < 60)
}

fn looks_like_hash_id(cell: &str) -> bool {
    match cell.strip_prefix('#') {
        Some(rest) => {
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }
        None => cell.len() >= 6 && cell.bytes().all(|b| b.is_ascii_digit()),
    }
}

fn looks_like_serial(cell: &str) -> bool {
    let whole = cell.split(['.', ',']).next().unwrap_or("");
    whole.len() == 5
        && whole.bytes().all(|b| b.is_ascii_digit())
        && (20_000..=80_000).contains(&whole.parse::<u32>().unwrap_or(0))
        && cell[whole.len()..]
            .bytes()
            .skip(1)
            .all(|b| b.is_ascii_digit())
}

impl Stats {
    fn observe(&mut self, cell: &str) {
        if cell.is_empty() {
            return;
        }
        self.non_empty += 1;
        if looks_like_time(cell) {
            self.times += 1;
        }
        if looks_like_hash_id(cell) {
            self.hash_ids += 1;
        }
        if looks_like_serial(cell) {
            self.serials += 1;
        }
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
        } else if self.share(self.times) >= KIND_SHARE {
            Kind::Time
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
        Role::Customer | Role::OrderId | Role::Group | Role::Status => kind != Kind::Empty,
        Role::Refunded => matches!(kind, Kind::Amount | Kind::Number),
        Role::Engagement => matches!(kind, Kind::Number | Kind::Amount),
    }
}

/// The columns of a table, understood: kinds, roles and notations.
#[derive(Debug, Clone)]
pub struct Layout {
    pub columns: Vec<Column>,
    amount: Vec<Option<DecimalMark>>,
    date: Vec<Option<DayOrder>>,
    /// The currency most amounts of each amount column are marked with.
    currency: Vec<Option<Currency>>,
}

impl Layout {
    /// The column playing `role`, if any.
    pub fn column_of(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == Some(role.key()))
    }

    /// The currency the amounts of column `i` are marked with, if any.
    pub fn currency_of(&self, i: usize) -> Option<Currency> {
        self.currency.get(i).copied().flatten()
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
                    code: Code::NotANumber,
                    message: format!("\"{text}\" is not a number"),
                }),
            (Kind::YesNo, _, _) => parse_yes_no(text).map(Cell::Bool).ok_or_else(|| CellError {
                code: Code::InvalidYesNo,
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
        let order = self.date.get(i).copied().flatten();
        let order = order.unwrap_or(DayOrder::DayFirst);
        read_cell(record.get(i), "no date", |text| {
            parse_date_in_date_column(text, order)
        })
    }

    /// The amount in column `i` (its notation decided), or why not.
    pub fn amount(&self, record: &Record, i: usize) -> std::result::Result<f64, CellError> {
        let mark = self.amount.get(i).copied().flatten();
        let mark = mark.unwrap_or(DecimalMark::Comma);
        read_cell(record.get(i), "no amount", |text| parse_amount(text, mark))
    }
}

/// A cell's `text` as `read` reads it; an empty cell is `emptyValue`, with
/// the message `empty` ("no date").
fn read_cell<T>(
    text: &str,
    empty: &str,
    read: impl FnOnce(&str) -> std::result::Result<T, CellError>,
) -> std::result::Result<T, CellError> {
    if text.is_empty() {
        return Err(CellError {
            code: Code::EmptyValue,
            message: empty.into(),
        });
    }
    read(text)
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

/// What the first rows of a table say about each column.
struct Observed {
    stats: Vec<Stats>,
    kinds: Vec<Kind>,
    /// Data rows looked at (at most [`KIND_SAMPLE`]).
    sampled: usize,
}

fn observe(table: &Table) -> Observed {
    let mut stats: Vec<Stats> = (0..table.width).map(|_| Stats::default()).collect();
    let mut records = table.records();
    let mut sampled = 0;
    while let Some(record) = records.next_ref() {
        if table.repeats_header(record) {
            continue;
        }
        for (j, s) in stats.iter_mut().enumerate() {
            s.observe(record.get(j));
        }
        sampled += 1;
        if sampled == KIND_SAMPLE {
            break;
        }
    }
    let kinds = stats.iter().map(Stats::kind).collect();
    Observed {
        stats,
        kinds,
        sampled,
    }
}

/// The roles of the user's `columns` mapping, checked.
fn mapped_roles(table: &Table, mapped: &BTreeMap<String, ColumnRef>) -> Result<Vec<Option<Role>>> {
    let mut roles: Vec<Option<Role>> = vec![None; table.width];
    for (key, column) in mapped {
        let role = Role::from_key(key).ok_or_else(|| {
            Error::field(
                Code::UnknownField,
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
                Code::ColumnMappedTwice,
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
    Ok(roles)
}

/// What the sales reader needs to know of a column, from the first rows.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    pub kind: Kind,
    pub non_empty: usize,
    pub distinct: usize,
    pub all_distinct: bool,
    /// Every value a whole number from 0 to 10 (a quantity, a score).
    pub small_whole: bool,
    pub dates: usize,
    pub hash_ids: usize,
    pub serials: usize,
}

impl Facts {
    fn of(s: &Stats, kind: Kind) -> Facts {
        Facts {
            kind,
            non_empty: s.non_empty,
            distinct: s.distinct.len(),
            all_distinct: s.all_distinct(),
            small_whole: s.non_empty > 0 && s.scores == s.non_empty,
            dates: s.dates,
            hash_ids: s.hash_ids,
            serials: s.serials,
        }
    }

    /// The share of non-empty cells that `n` is.
    pub fn share(&self, n: usize) -> f64 {
        if self.non_empty == 0 {
            0.0
        } else {
            n as f64 / self.non_empty as f64
        }
    }
}

/// Understands the columns of a sales log: the user's mapping first, then
/// [`super::sales::choose`] (store export layouts, header meaning, values),
/// from the first rows of `table`. The notations are left to the caller's
/// pass over every row: [`Evidence::observe`], then [`Evidence::decide`].
pub fn analyze_sales(
    table: &Table,
    mapped: &BTreeMap<String, ColumnRef>,
) -> Result<(Evidence, super::sales::Choice)> {
    let Observed {
        stats,
        mut kinds,
        sampled,
    } = observe(table);
    let mut roles = mapped_roles(table, mapped)?;
    let facts: Vec<Facts> = stats
        .iter()
        .zip(&kinds)
        .map(|(s, &k)| Facts::of(s, k))
        .collect();
    let choice = super::sales::choose(table, &facts, sampled, &mut roles);
    // A date column of Excel serial numbers (or serials mixed with text dates).
    if let Some(j) = roles.iter().position(|r| *r == Some(Role::Date)) {
        if kinds[j] != Kind::Date {
            kinds[j] = Kind::Date;
        }
    }
    Ok((Evidence::new(roles, kinds), choice))
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
    let Observed { stats, kinds, .. } = observe(table);
    let mut roles = mapped_roles(table, mapped)?;
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
                Role::Contacts | Role::Status | Role::Refunded => None,
                Role::Engagement => None,
            };
        if let Some(j) = pick {
            roles[j] = Some(role);
        }
    }

    Ok(finish(table, locale, &roles, &kinds))
}

/// The columns with their roles and kinds, and the notations of the date and
/// amount columns decided from every value.
fn finish(table: &Table, locale: Locale, roles: &[Option<Role>], kinds: &[Kind]) -> Layout {
    let mut evidence = Evidence::new(roles.to_vec(), kinds.to_vec());
    if !evidence.dated.is_empty() || !evidence.priced.is_empty() {
        let mut records = table.records();
        while let Some(record) = records.next_ref() {
            // (A repeated header line proves nothing either way here.)
            evidence.observe(record);
        }
    }
    evidence.decide(table, locale)
}

/// The columns' roles and kinds, and what every value of the date and amount
/// columns said so far of their notations. A log read in pieces (a file
/// streamed, or cut into chunks) observes each piece's rows and decides once
/// it has seen them all, so its notations are those of the whole log.
#[derive(Debug, Clone)]
pub struct Evidence {
    roles: Vec<Option<Role>>,
    kinds: Vec<Kind>,
    dated: Vec<usize>,
    priced: Vec<usize>,
    date_stats: Vec<DateStats>,
    amount_stats: Vec<AmountStats>,
    /// How often each cell text occurs, per date and amount column (in the
    /// order of `dated`, then `priced`), for the first [`SEEN_TEXTS`]
    /// texts: a log repeats its dates and prices, whose evidence is then
    /// worked out once a text (the same counts, fewer parses).
    texts: Vec<rustc_hash::FxHashMap<Box<str>, usize>>,
}

/// Distinct cell texts counted per column before the others are observed
/// one by one.
const SEEN_TEXTS: usize = 1 << 14;

impl Evidence {
    fn new(roles: Vec<Option<Role>>, kinds: Vec<Kind>) -> Evidence {
        let width = roles.len();
        let is_date = |j: usize| {
            roles[j] == Some(Role::Date) || (roles[j].is_none() && kinds[j] == Kind::Date)
        };
        let is_amount = |j: usize| {
            matches!(roles[j], Some(Role::Amount | Role::Refunded))
                || (roles[j].is_none() && kinds[j] == Kind::Amount)
        };
        let dated: Vec<usize> = (0..width).filter(|&j| is_date(j)).collect();
        let priced: Vec<usize> = (0..width).filter(|&j| is_amount(j)).collect();
        let texts = vec![rustc_hash::FxHashMap::default(); dated.len() + priced.len()];
        Evidence {
            dated,
            priced,
            date_stats: vec![DateStats::default(); width],
            amount_stats: vec![AmountStats::default(); width],
            texts,
            roles,
            kinds,
        }
    }

    /// The role of each column (decided from the first rows).
    pub fn roles(&self) -> &[Option<Role>] {
        &self.roles
    }

    /// Takes one row's date and amount cells into account.
    pub fn observe(&mut self, record: &Record) {
        let dated = self.dated.len();
        for (k, &j) in self.dated.iter().chain(&self.priced).enumerate() {
            let cell = record.get(j);
            let texts = &mut self.texts[k];
            if let Some(n) = texts.get_mut(cell) {
                *n += 1;
            } else if texts.len() < SEEN_TEXTS {
                texts.insert(cell.into(), 1);
            } else if k < dated {
                self.date_stats[j].observe(cell);
            } else {
                self.amount_stats[j].observe(cell);
            }
        }
    }

    /// Each column's evidence: the texts counted, each observed once, added
    /// as many times as it occurs, to what was observed one by one.
    fn stats(&self) -> (Vec<DateStats>, Vec<AmountStats>) {
        let (mut dates, mut amounts) = (self.date_stats.clone(), self.amount_stats.clone());
        let dated = self.dated.len();
        for (k, &j) in self.dated.iter().chain(&self.priced).enumerate() {
            for (text, &n) in &self.texts[k] {
                if k < dated {
                    let mut one = DateStats::default();
                    one.observe(text);
                    dates[j].add_times(&one, n);
                } else {
                    let mut one = AmountStats::default();
                    one.observe(text);
                    amounts[j].add_times(&one, n);
                }
            }
        }
        (dates, amounts)
    }

    /// The layout, with each notation decided from the evidence.
    pub fn decide(&self, table: &Table, locale: Locale) -> Layout {
        let (roles, kinds) = (&self.roles, &self.kinds);
        let (date_stats, amount_stats) = self.stats();
        let width = roles.len();
        let is_date = |j: usize| self.dated.contains(&j);
        let is_amount = |j: usize| self.priced.contains(&j);
        // Amounts written the English way (`1,250.00`, proven by the values) with
        // a currency other than the rupiah are evidence for US month-first dates
        // when the dates themselves cannot tell.
        let english_amounts = (0..width).find(|&j| {
            let role = roles[j];
            (role == Some(Role::Amount) || (role.is_none() && kinds[j] == Kind::Amount)) && {
                let n = amount_stats[j].decide(Locale::Auto);
                n.decimal == DecimalMark::Dot
                    && n.decided_by == DecidedBy::Values
                    && amount_stats[j]
                        .currency()
                        .is_some_and(|(c, _)| c != Currency::Idr)
            }
        });
        // And the other way round: dates proven to be written month first (US)
        // mean English amounts when the amounts themselves cannot tell.
        let us_dates = (0..width).any(|j| {
            is_date(j) && {
                let n = date_stats[j].decide(Locale::Auto);
                n.order == DayOrder::MonthFirst && n.decided_by == DecidedBy::Values
            }
        });
        let mut amount = vec![None; width];
        let mut date = vec![None; width];
        let mut currency = vec![None; width];
        let columns = (0..width)
        .map(|j| {
            let role = roles[j];
            let notation = if is_date(j) {
                let mut n = date_stats[j].decide(locale);
                let mut from_amounts = false;
                if n.decided_by == DecidedBy::Default && english_amounts.is_some() {
                    n = DateNotation {
                        order: DayOrder::MonthFirst,
                        decided_by: DecidedBy::Values,
                    };
                    from_amounts = true;
                }
                // No date written with day and month as numbers (only year-first,
                // YYYYMMDD, month names or serials): there is no order to decide.
                let unambiguous = n.decided_by == DecidedBy::Default
                    && date_stats[j].dates() > 0
                    && !date_stats[j].formats().contains(&DateFormat::Numeric);
                if unambiguous {
                    n.decided_by = DecidedBy::Values;
                }
                date[j] = Some(n.order);
                let mut notation = Notation::date(n);
                if let (true, Notation::Date { description, .. }) = (unambiguous, &mut notation) {
                    *description =
                        "dates written year first (or with month names): no day/month order to decide"
                            .to_string();
                }
                if let (true, Notation::Date { description, .. }) = (from_amounts, &mut notation) {
                    *description = "dates read as month/day/year (decided from the amounts, written the English way with a foreign currency)".to_string();
                }
                Some(notation)
            } else if is_amount(j) {
                let mut n = amount_stats[j].decide(locale);
                let from_dates = n.decided_by == DecidedBy::Default && us_dates;
                if from_dates {
                    n = AmountNotation {
                        decimal: DecimalMark::Dot,
                        decided_by: DecidedBy::Values,
                    };
                }
                amount[j] = Some(n.decimal);
                currency[j] = amount_stats[j].currency().map(|(c, _)| c);
                let mut notation = Notation::amount(n);
                if let (true, Notation::Amount { description, .. }) = (from_dates, &mut notation) {
                    *description = "\",\" read as thousands separator, \".\" as decimal mark (decided from the dates, written month first)".to_string();
                }
                Some(notation)
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
        Layout {
            columns,
            amount,
            date,
            currency,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_texts_give_the_evidence_of_every_cell() {
        // A date and an amount column of 40,000 rows: 20,000 distinct amount
        // texts (past the 16,384 counted, the rest observed one by one), a
        // few hundred dates in two styles, blanks and words. The evidence must
        // equal a plain observation of every cell.
        let mut ev = Evidence::new(
            vec![Some(Role::Date), Some(Role::Amount)],
            vec![Kind::Date, Kind::Amount],
        );
        let (mut dates, mut amounts) = (DateStats::default(), AmountStats::default());
        for k in 0..40_000usize {
            let date = match k % 7 {
                0 => String::new(),
                1 => "besok".to_string(),
                2 => format!("{} Januari 2025", 1 + k % 28),
                _ => format!("{:02}/{:02}/2025", 1 + k % 28, 1 + k % 12),
            };
            let amount = match k % 5 {
                0 => format!("Rp {}.{:03}", 1 + k / 1000, k % 1000),
                1 => format!("{},{:02}", k % 20_000, k % 100),
                2 => "gratis".to_string(),
                _ => format!("{}.{:02}", k % 20_000, k % 100),
            };
            dates.observe(&date);
            amounts.observe(&amount);
            ev.observe(&Record {
                line: k + 2,
                fields: crate::input::table::Fields::from(vec![date, amount]),
            });
        }
        assert!(ev.texts[1].len() == SEEN_TEXTS, "the cap was reached");
        let (d, a) = ev.stats();
        assert_eq!(d[0], dates);
        assert_eq!(a[1], amounts);
    }

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
        let record = Table::read(text).records().next().unwrap();
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
