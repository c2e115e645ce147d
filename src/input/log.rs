//! A transaction log read into orders, in two passes ([`LogScan`], then
//! [`LogRead`]) over pieces of whole records (the whole text, or a file's
//! blocks: [`super::stream`]): each usable order is handed to the caller as
//! soon as its rows are read (an order whose id also occurs apart from its
//! other rows, once the whole log is read), each unusable row becomes a
//! skipped-row report.
//!
//! Store exports are read as they are (see [`super::sales`]): title lines
//! above the header, one row per product line, order totals repeated on
//! each line or written on the first only, cancelled and unpaid orders,
//! walk-in sales, total rows, refunds.
//!
//! Rules:
//! - **Orders.** When an order id repeats on adjacent rows, the rows are the
//!   lines of one order. Its amount is the order total counted once when the
//!   amount column repeats it on each line (or gives it on the first line
//!   only), or the sum of the lines when they differ ([`AmountLevel`], decided
//!   from the first 5,000 rows). Its date is its first line's, its customer
//!   the first buyer named on its lines. Rows of the same id apart from each
//!   other are lines of the same order too. Without repeated ids each row is
//!   an order, as in a hand-kept log. The lines read into an order count as
//!   used.
//! - **Status.** An order's status (and a `Cancelled at` or granted-return
//!   column) decides whether it counts: cancelled, void, failed, unpaid,
//!   expired, pending and fully returned orders do not, unless the caller's
//!   `count` list names the status; completed, shipped, processing and
//!   unknown ones do, unless `exclude` names it. A row with a negative amount
//!   (a refund) counts unless it is cancelled. Each line of an order that does
//!   not count is skipped as `statusNotCounted`.
//! - **Refunds.** A refunded-amount column lowers the order's amount; an
//!   order refunded in full is returned.
//! - **Guests.** A walk-in placeholder (`Umum`, `Walk-in`, `Guest`, `-`, …)
//!   as the customer is a guest sale: its revenue counts in the sales totals,
//!   but it is no customer. A blank customer is a guest sale in a store export
//!   or POS report, or when at least 5 % of the rows (and 3 or more) have none; in a hand-kept
//!   log it is an error (`missingCustomer`).
//! - **Totals.** A row labelled `Total`, `Grand Total`, `Subtotal`, `Jumlah`,
//!   `Total Juni`, `Summary` … in the customer or first column, a row with an
//!   amount but no date, customer or order, or a row without a customer and
//!   an order whose amount equals the sum of every amount above it (three or
//!   more), is skipped as `totalRow`.

use super::amount::bare_whole_number;
use super::beside::Engagement;
use super::columns::{analyze_sales, Evidence, Layout};
use super::currency::Currency;
use super::roles::Role;
use super::sales::{
    is_guest, is_total_label, return_granted, status_category, AmountLevel, Choice, StatusCategory,
};
use super::table::{ColumnRef, Record, Records, Table};
use super::{CellError, Locale};
use crate::error::{number, Code, Error, Notice, Result, Skipped};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::BTreeMap;
use std::hash::Hasher;

/// Rows looked at to decide how the amounts of multi-line orders are written.
const LEVEL_SAMPLE: usize = 5000;

/// One usable order of a log (one row of a hand-kept log).
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow<'r> {
    pub customer: &'r str,
    pub date: NaiveDate,
    /// Positive for a purchase, negative for a refund; net of refunds.
    pub amount: f64,
    pub order: Option<&'r str>,
    /// 1-based line where the order's first row starts.
    pub line: usize,
    /// No other row handed over carries this order id (the reader has merged
    /// an order's lines, and saw the id nowhere else).
    pub unique: bool,
}

impl<'r> LogRow<'r> {
    /// The order id to deduplicate by: None when the row is an order of its
    /// own (no id, or an id no other row carries).
    pub fn shared_order(&self) -> Option<&'r str> {
        self.order.filter(|_| !self.unique)
    }
}

/// How the caller wants a log read.
#[derive(Debug, Clone, Default)]
pub struct LogOptions {
    pub locale: Locale,
    pub mapped: BTreeMap<String, ColumnRef>,
    /// Statuses (as written, any case) counted whatever their category.
    pub count_statuses: Vec<String>,
    /// Statuses (as written, any case) left out whatever their category.
    pub exclude_statuses: Vec<String>,
    /// The currency the user chose, overriding the one detected.
    pub currency: Option<Currency>,
}

/// One status value of the log, with what it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    /// As written on its first row (with `(cancelled)` / `(return granted)`
    /// when another column overrides it).
    pub status: String,
    /// The status as written (without what overrode it), or null.
    pub written: Option<String>,
    /// What overrode the written status: `cancelled` (a `Cancelled at`
    /// column), `returnGranted` (a granted return) or `refundedInFull`; null
    /// when nothing did.
    #[serde(rename = "override")]
    pub overridden: Option<&'static str>,
    pub category: StatusCategory,
    pub rows: usize,
    pub orders: usize,
    /// Net amount of its orders, counted or not.
    pub revenue: f64,
    pub counted: bool,
}

/// Walk-in sales: revenue without a customer.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Guests {
    pub rows: usize,
    pub orders: usize,
    pub revenue: f64,
}

/// Returns and refunds among the orders read: the return rate (issue #14).
/// Guests' orders included, as in the other sales figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Returns {
    /// Returned or refunded orders: an order returned or refunded in full
    /// (counted or not), a counted order with a refunded amount, and each
    /// counted refund row (a negative amount).
    pub orders: usize,
    /// Their value: the whole amount of a full return, the refunded amount of
    /// a partial one, the amount of a refund row.
    pub value: f64,
    /// Orders sold: counted orders with a positive amount plus the returned
    /// orders left out.
    pub sold_orders: usize,
    /// Their amounts before any refund.
    pub sold_value: f64,
    /// orders / soldOrders × 100; null without sold orders.
    pub order_rate: Option<f64>,
    /// value / soldValue × 100; null when nothing was sold.
    pub value_rate: Option<f64>,
}

impl Returns {
    /// Records one order as the tally saw it (`returned`: returned or refunded in full).
    fn add(&mut self, amount: f64, refunded: f64, returned: bool, counted: bool) {
        if amount < 0.0 {
            if counted {
                self.orders += 1;
                self.value -= amount;
            }
            return;
        }
        if amount > 0.0 && (counted || returned) {
            self.sold_orders += 1;
            self.sold_value += amount;
        }
        if returned {
            self.orders += 1;
            self.value += amount;
        } else if counted && refunded > 0.0 {
            self.orders += 1;
            self.value += refunded.min(amount);
        }
    }

    fn finish(&mut self) {
        self.order_rate =
            (self.sold_orders > 0).then(|| self.orders as f64 * 100.0 / self.sold_orders as f64);
        self.value_rate = (self.sold_value > 0.0).then(|| self.value * 100.0 / self.sold_value);
    }
}

/// The sales figures of the reading: orders, lines, revenue, statuses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SalesReport {
    /// Orders counted (customers' and guests').
    pub orders: usize,
    /// Rows read into the counted orders.
    pub lines: usize,
    /// Of those, the rows that were further lines of an order.
    pub line_item_rows: usize,
    /// Net revenue of the counted orders, guests included.
    pub revenue: f64,
    /// Refunded amounts subtracted from counted orders.
    pub refunded: f64,
    pub amount_level: AmountLevel,
    pub guests: Guests,
    /// Each status value, in order of first appearance; empty without a status column.
    pub statuses: Vec<StatusCount>,
    /// The return rate's figures.
    pub returns: Returns,
}

/// The currency amounts are in, and what decided it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyChoice {
    pub code: &'static str,
    pub symbol: &'static str,
    /// `values` (marks on the amounts), `header` (`Total (IDR)`), `column`
    /// (a `Currency` column), `layout` (an export with Indonesian headers),
    /// `option` (the caller's) or `default` (rupiah).
    pub decided_by: &'static str,
    #[serde(skip)]
    pub currency: Currency,
}

/// What reading a log found, besides the orders themselves.
#[derive(Debug, Clone)]
pub struct LogReport {
    pub layout: Layout,
    /// The export layout recognised: key and English name.
    pub known: Option<(&'static str, &'static str)>,
    pub header_row: Option<usize>,
    pub title_rows: usize,
    pub rows: usize,
    pub skipped: Vec<Skipped>,
    pub sales: SalesReport,
    pub currency: CurrencyChoice,
    pub notices: Vec<Notice>,
    /// Each customer's engagement figure ([`Engagement`]), when the log
    /// has an engagement column.
    pub engagement: Option<FxHashMap<String, f64>>,
}

/// The roles a log needs, with the words used when one is missing.
const NEEDED: [(Role, &str); 3] = [
    (Role::Customer, "customer (e.g. \"Nama Pelanggan\")"),
    (Role::Date, "date (e.g. \"Tanggal\")"),
    (Role::Amount, "amount (e.g. \"Total\")"),
];

/// The columns of a log, found.
struct Cols {
    customer: Option<usize>,
    name_parts: Option<(usize, usize)>,
    date: usize,
    amount: usize,
    order: Option<usize>,
    status: Option<usize>,
    refunded: Option<usize>,
    cancelled: Option<usize>,
    returns: Option<usize>,
    currency: Option<usize>,
}

/// An order being read: what its lines said so far.
#[derive(Debug, Default)]
struct Order {
    id: String,
    lines: Vec<usize>,
    /// The first customer named on its lines (when `named`).
    customer: String,
    named: bool,
    date: Option<NaiveDate>,
    date_error: Option<CellError>,
    amount_first: Option<f64>,
    amount_sum: f64,
    amount_error: Option<CellError>,
    refunded_first: Option<f64>,
    refunded_sum: f64,
    status: Option<String>,
    cancelled: bool,
    returned: bool,
}

impl Order {
    /// A new order `id`, in `spare`'s buffers if given: no allocation per
    /// order once the first is settled.
    fn reuse(spare: Option<Box<Order>>, id: &str) -> Box<Order> {
        let mut o = spare.unwrap_or_default();
        let Order {
            id: mut id_buffer,
            mut lines,
            mut customer,
            ..
        } = std::mem::take(&mut *o);
        id_buffer.clear();
        id_buffer.push_str(id);
        lines.clear();
        customer.clear();
        *o = Order {
            id: id_buffer,
            lines,
            customer,
            ..Order::default()
        };
        o
    }
}

/// Counts adjacent rows of the same order and compares their amounts:
/// repeated on each line, on the first only, or different per line.
fn amount_level(
    table: &Table,
    order: Option<usize>,
    amount: usize,
    fixed: Option<AmountLevel>,
) -> AmountLevel {
    let Some(order) = order else {
        return AmountLevel::Row;
    };
    let (mut equal, mut blank, mut differ) = (0usize, 0usize, 0usize);
    let mut first: Option<(String, String)> = None;
    let mut records = table.records();
    let mut seen = 0;
    while let Some(record) = records.next_ref() {
        seen += 1;
        if seen > LEVEL_SAMPLE {
            break;
        }
        let (id, value) = (record.get(order), record.get(amount));
        if id.is_empty() {
            first = None;
            continue;
        }
        match &first {
            Some((prev, head)) if prev == id => {
                if value.is_empty() {
                    blank += 1;
                } else if value == head {
                    equal += 1;
                } else {
                    differ += 1;
                }
            }
            _ => first = Some((id.to_string(), value.to_string())),
        }
    }
    let lines = equal + blank + differ;
    if lines == 0 {
        return fixed.unwrap_or(AmountLevel::Row);
    }
    if let Some(level) = fixed {
        return level;
    }
    if blank * 10 >= lines * 8 && differ * 10 <= lines {
        AmountLevel::FirstLine
    } else if (equal + blank) * 10 >= lines * 9 && equal > 0 {
        AmountLevel::Order
    } else {
        AmountLevel::Line
    }
}

/// Counting rule for statuses: the caller's lists, then the category.
struct Rule {
    count: Vec<String>,
    exclude: Vec<String>,
}

impl Rule {
    /// `names`: the status as listed (`Selesai (return granted)`), then as written.
    fn counts(&self, names: [Option<&str>; 2], category: StatusCategory, amount: f64) -> bool {
        for s in names.into_iter().flatten() {
            let s = s.trim();
            if self.count.iter().any(|c| c.eq_ignore_ascii_case(s)) {
                return true;
            }
            if self.exclude.iter().any(|c| c.eq_ignore_ascii_case(s)) {
                return false;
            }
        }
        if amount < 0.0 {
            // A refund row lowers the revenue unless it was itself cancelled.
            return !matches!(category, StatusCategory::Cancelled | StatusCategory::Failed);
        }
        category.counted_by_default()
    }
}

/// One order as the lines read it, ready to be counted.
struct View<'a> {
    customer: Option<&'a str>,
    amount: f64,
    refunded: f64,
    status: Option<&'a str>,
    cancelled: bool,
    returned: bool,
    lines: usize,
}

enum Outcome {
    Customer,
    Guest,
    NotCounted(String, StatusCategory),
}

/// The running sales figures.
struct Tally {
    rule: Rule,
    sales: SalesReport,
    status_index: FxHashMap<String, usize>,
    unknown: Vec<String>,
}

impl Tally {
    fn take(&mut self, v: &View) -> Outcome {
        // A hand-kept log's row: no status, nothing overriding it: it counts.
        if v.status.is_none() && !v.cancelled && !v.returned && v.refunded == 0.0 {
            self.sales.returns.add(v.amount, 0.0, false, true);
            return self.count(v, v.amount);
        }
        let net = v.amount - v.refunded;
        let written = v.status.map(str::trim).filter(|s| !s.is_empty());
        let mut category = written.map_or(StatusCategory::Unknown, status_category);
        let mut overridden = None;
        if v.cancelled && category != StatusCategory::Cancelled {
            category = StatusCategory::Cancelled;
            overridden = Some(("cancelled", "cancelled"));
        } else if v.returned && category.counted_by_default() {
            category = StatusCategory::Returned;
            overridden = Some(("returnGranted", "return granted"));
        } else if v.amount > 0.0 && v.refunded >= v.amount && category.counted_by_default() {
            category = StatusCategory::Returned;
            overridden = Some(("refundedInFull", "refunded in full"));
        }
        let label = match (written, overridden) {
            (Some(w), Some((_, words))) => Some(format!("{w} ({words})")),
            (None, Some((_, words))) => Some(words.to_string()),
            (w, None) => w.map(str::to_string),
        };
        let counted = self
            .rule
            .counts([label.as_deref(), written], category, v.amount);
        self.sales.returns.add(
            v.amount,
            v.refunded,
            category == StatusCategory::Returned,
            counted,
        );
        if let Some(label) = &label {
            let key = label.to_lowercase();
            let i = match self.status_index.get(&key) {
                Some(&i) => i,
                None => {
                    let i = self.sales.statuses.len();
                    self.sales.statuses.push(StatusCount {
                        status: label.clone(),
                        written: written.map(str::to_string),
                        overridden: overridden.map(|(key, _)| key),
                        category,
                        rows: 0,
                        orders: 0,
                        revenue: 0.0,
                        counted: false,
                    });
                    self.status_index.insert(key, i);
                    if category == StatusCategory::Unknown && self.unknown.len() < 10 {
                        self.unknown.push(label.clone());
                    }
                    i
                }
            };
            let s = &mut self.sales.statuses[i];
            s.rows += v.lines;
            s.orders += 1;
            s.revenue += net;
            s.counted |= counted;
        }
        if !counted {
            return Outcome::NotCounted(label.unwrap_or_default(), category);
        }
        self.count(v, net)
    }

    /// Adds a counted order (net of its refunds) to the sales figures.
    fn count(&mut self, v: &View, net: f64) -> Outcome {
        let sales = &mut self.sales;
        sales.orders += 1;
        sales.lines += v.lines;
        sales.line_item_rows += v.lines - 1;
        sales.revenue += net;
        sales.refunded += v.refunded;
        match v.customer {
            Some(_) => Outcome::Customer,
            None => {
                sales.guests.rows += v.lines;
                sales.guests.orders += 1;
                sales.guests.revenue += net;
                Outcome::Guest
            }
        }
    }
}

fn not_counted(line: usize, id: Option<&str>, status: &str, category: StatusCategory) -> Skipped {
    let order = id.map(|i| format!(" {i}")).unwrap_or_default();
    Skipped::new(
        line,
        Code::StatusNotCounted,
        format!(
            "Row {line}: order{order} has status \"{status}\" ({}), which is not counted.",
            category.key()
        ),
    )
}

fn cell_problem(line: usize, e: CellError) -> Skipped {
    Skipped::new(line, e.code, format!("Row {line}: {}.", e.message))
}

/// Is this row a total or summary line rather than a sale?
fn is_total_row(record: &Record, cols: &Cols, customer: &str, id: Option<&str>) -> bool {
    if is_total_label(customer) || (cols.customer != Some(0) && is_total_label(record.get(0))) {
        return true;
    }
    // An amount with no date, no customer and no order: a sum.
    customer.is_empty()
        && id.is_none()
        && cols.name_parts.is_none()
        && record.get(cols.date).is_empty()
        && !record.get(cols.amount).is_empty()
}

/// A row's date and amount cells as read in the layout decided: read
/// before the row's turn ([`Records::each_with`]: natively on the thread
/// that reads the records ahead), since reading them depends on nothing but
/// the cell.
struct Cells {
    date: std::result::Result<NaiveDate, CellError>,
    amount: std::result::Result<f64, CellError>,
}

/// Reads [`Cells`], each distinct date or amount text once.
struct CellReader {
    layout: Layout,
    date: usize,
    amount: usize,
    dates: Memo<NaiveDate>,
    amounts: Memo<f64>,
}

impl CellReader {
    fn read(&mut self, record: &Record) -> Cells {
        let layout = &self.layout;
        let text = record.get(self.date);
        let date = if text.is_empty() {
            layout.date(record, self.date)
        } else {
            self.dates.get(text, || layout.date(record, self.date))
        };
        let text = record.get(self.amount);
        // A bare whole number reads faster than a lookup.
        let amount = match bare_whole_number(text) {
            Some(n) => Ok(n),
            None if text.is_empty() => layout.amount(record, self.amount),
            None => self
                .amounts
                .get(text, || layout.amount(record, self.amount)),
        };
        Cells { date, amount }
    }
}

/// Distinct texts read so far and what they read as (at most
/// [`MEMO_TEXTS`]; a text beyond is read each time), and the last one
/// apart: logs in date order repeat the previous row's date.
struct Memo<T> {
    last: String,
    last_read: Option<std::result::Result<T, CellError>>,
    read: FxHashMap<Box<str>, std::result::Result<T, CellError>>,
}

/// The most distinct texts a [`Memo`] keeps.
const MEMO_TEXTS: usize = 1 << 14;

impl<T: Clone> Memo<T> {
    fn new() -> Memo<T> {
        Memo {
            last: String::new(),
            last_read: None,
            read: FxHashMap::default(),
        }
    }

    fn get(
        &mut self,
        text: &str,
        read: impl FnOnce() -> std::result::Result<T, CellError>,
    ) -> std::result::Result<T, CellError> {
        if let Some(r) = self.last_read.as_ref().filter(|_| self.last == text) {
            return r.clone();
        }
        let r = match self.read.get(text) {
            Some(r) => r.clone(),
            None => {
                let r = read();
                if self.read.len() < MEMO_TEXTS {
                    self.read.insert(text.into(), r.clone());
                }
                r
            }
        };
        self.last.clear();
        self.last.push_str(text);
        self.last_read = Some(r.clone());
        r
    }
}

/// Reads every row of a transaction log, calling `each` for each usable order.
pub fn read_log(
    text: &str,
    options: &LogOptions,
    mut each: impl FnMut(LogRow),
) -> Result<LogReport> {
    read_log_into(text, options, &mut each)
}

/// [`read_log`] with the caller's function behind a pointer: one copy of the
/// reader in the wasm module, not one per caller (a call per order costs
/// nothing beside the reading). The whole text is one piece of
/// [`LogScan`] and [`LogRead`].
fn read_log_into(
    text: &str,
    options: &LogOptions,
    each: &mut dyn FnMut(LogRow),
) -> Result<LogReport> {
    let table = Table::read(text);
    let mut scan = LogScan::new(&table, options, Some(text.len() as u64))?;
    scan.scan(&table, table.text());
    let mut read = scan.finish(&table, options);
    read.read(&table, table.text(), each);
    Ok(read.finish(&table, each))
}

/// Where a pass over a log read in pieces stands: the line the next piece
/// starts on, and the title and header records still to pass over.
#[derive(Debug, Clone, Copy)]
struct Position {
    line: usize,
    skip: usize,
}

impl Position {
    fn start(table: &Table) -> Position {
        Position {
            line: 1,
            skip: table.title_rows() + usize::from(table.has_header),
        }
    }

    fn records<'p>(&self, table: &Table, piece: &'p str) -> Records<'p> {
        table.records_in(piece, self.line, self.skip)
    }

    /// After every record of a piece: where the next piece starts.
    fn advance(&mut self, records: &Records) {
        (self.line, self.skip) = records.end();
    }
}

/// The first pass over a log: the columns, the amount levels and the guest
/// rule decided from its first rows (the table given: the whole log, or its
/// head when it is read in pieces), then every row's evidence for the date
/// and amount notations and the customer column's shape, piece by piece.
pub struct LogScan {
    evidence: Evidence,
    choice: Choice,
    cols: Cols,
    level: AmountLevel,
    refund_level: AmountLevel,
    shape: Option<Shape>,
    engagement: Option<Engagement>,
    ids: Option<IdRuns>,
    at: Position,
}

/// Where each order id occurs, from the first pass: an id of several runs
/// of adjacent rows (or, when each row is an order, of several rows) is
/// "repeated". The second pass settles every other order as soon as its
/// rows end, so memory holds one open order and the repeated ones, not
/// every order of the log.
struct IdRuns {
    multi: bool,
    last: String,
    has_last: bool,
    seen: super::seen::Seen,
    repeated: FxHashSet<u64>,
}

/// The hash of an order id ([`IdRuns`]: a collision, or the filter of
/// [`super::seen`] answering "seen" wrongly, only makes an id "repeated",
/// which is always safe).
fn id_hash(id: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(id.as_bytes());
    h.finish()
}

impl IdRuns {
    fn observe(&mut self, id: Option<&str>) {
        let Some(id) = id else {
            self.has_last = false;
            return;
        };
        if self.multi {
            // Rows of one order are one run: the id counts once.
            if self.has_last && self.last == id {
                return;
            }
            self.last.clear();
            self.last.push_str(id);
            self.has_last = true;
        }
        let h = id_hash(id);
        if self.seen.insert(h) {
            self.repeated.insert(h);
        }
    }
}

impl LogScan {
    /// What the first rows of `table` decide; errors for an empty log, a bad
    /// mapping or a missing column.
    /// `bytes`: the log's size, if known (it sizes the first pass's memory
    /// of order ids).
    pub fn new(table: &Table, options: &LogOptions, bytes: Option<u64>) -> Result<LogScan> {
        if table.width == 0 {
            return Err(Error::field(
                Code::EmptyText,
                "text",
                "The pasted text is empty: paste your sales log.",
            ));
        }
        let (evidence, choice) = analyze_sales(table, &options.mapped)?;
        let cols = columns(evidence.roles(), &choice)?;
        let level = amount_level(table, cols.order, cols.amount, choice.level);
        let refund_level = match cols.refunded {
            Some(j) => amount_level(table, cols.order, j, None),
            None => AmountLevel::Row,
        };
        let shape = cols.customer.map(|j| Shape::new(table, j));
        let engagement = Engagement::new(evidence.roles());
        // Orders of several rows: always (orders are settled as their rows
        // end, in both paths alike). One row an order: only for a log above
        // 64 MB or of unknown size, where the summary would otherwise keep
        // every id (the figures are the same either way).
        let multi = level != AmountLevel::Row;
        let track = multi || bytes.is_none_or(|b| b > 64 << 20);
        let ids = cols.order.filter(|_| track).map(|_| IdRuns {
            multi,
            last: String::new(),
            has_last: false,
            // About one id per 40 bytes of log (a row of the shortest exports).
            seen: super::seen::Seen::with_capacity(bytes.map_or(0, |b| (b / 40) as usize)),
            repeated: FxHashSet::default(),
        });
        Ok(LogScan {
            engagement,
            ids,
            evidence,
            choice,
            cols,
            level,
            refund_level,
            shape,
            at: Position::start(table),
        })
    }

    /// The line the next piece starts on.
    pub fn line(&self) -> usize {
        self.at.line
    }

    /// Takes the rows of the next piece (whole records) into account.
    pub fn scan(&mut self, table: &Table, piece: &str) {
        let mut records = self.at.records(table, piece);
        let (evidence, shape, engagement) =
            (&mut self.evidence, &mut self.shape, &mut self.engagement);
        let (ids, order) = (&mut self.ids, self.cols.order);
        records.each(|record| {
            // (A repeated header line proves nothing either way here.)
            evidence.observe(record);
            if let Some(shape) = shape {
                shape.observe(record);
            }
            if let Some(e) = engagement {
                e.observe(record);
            }
            if let (Some(ids), Some(j)) = (&mut *ids, order) {
                ids.observe(Some(record.get(j)).filter(|o| !o.is_empty()));
            }
        });
        self.at.advance(&records);
    }

    /// Every piece seen: the notations decided, ready for the second pass.
    pub fn finish(self, table: &Table, options: &LogOptions) -> LogRead {
        let layout = self.evidence.decide(table, options.locale);
        let choice = self.choice;
        let blank_is_guest = choice.blank_is_guest
            || choice.layout.is_some()
            || (choice.blank_customers >= 0.05 && choice.blank_customer_rows >= 3);
        LogRead {
            cells: CellReader {
                layout: layout.clone(),
                date: self.cols.date,
                amount: self.cols.amount,
                dates: Memo::new(),
                amounts: Memo::new(),
            },
            state: State {
                layout,
                cols: self.cols,
                level: self.level,
                blank_is_guest,
                tally: Tally {
                    rule: Rule {
                        count: options.count_statuses.clone(),
                        exclude: options.exclude_statuses.clone(),
                    },
                    sales: SalesReport {
                        orders: 0,
                        lines: 0,
                        line_item_rows: 0,
                        revenue: 0.0,
                        refunded: 0.0,
                        amount_level: self.level,
                        guests: Guests::default(),
                        statuses: Vec::new(),
                        returns: Returns::default(),
                    },
                    status_index: FxHashMap::default(),
                    unknown: Vec::new(),
                },
                refund_level: self.refund_level,
                repeated: self.ids.map(|i| i.repeated),
                open: None,
                spare: None,
                orders: Vec::new(),
                index: FxHashMap::default(),
                late: Vec::new(),
                currency_cell: None,
                name: String::new(),
                running: 0.0,
                amounts_read: 0,
            },
            choice,
            shape: self.shape,
            engagement: self.engagement.map(|e| e.by_customer),
            currency: options.currency,
            accounting: (0, Vec::new()),
            at: Position::start(table),
        }
    }
}

/// The second pass over a log: its rows read into orders, piece by piece.
pub struct LogRead {
    state: State,
    cells: CellReader,
    choice: Choice,
    shape: Option<Shape>,
    engagement: Option<FxHashMap<String, f64>>,
    currency: Option<Currency>,
    /// Rows read, and the skipped ones.
    accounting: (usize, Vec<Skipped>),
    at: Position,
}

/// What the reading carries from row to row.
struct State {
    layout: Layout,
    cols: Cols,
    level: AmountLevel,
    blank_is_guest: bool,
    refund_level: AmountLevel,
    tally: Tally,
    /// Hashes of the order ids the first pass saw in several places; None
    /// when it did not track them ([`IdRuns`]): then any id may be shared.
    repeated: Option<FxHashSet<u64>>,
    /// The order whose adjacent rows are being read (an id not repeated).
    open: Option<Box<Order>>,
    /// The last order settled, whose buffers the next one reuses.
    spare: Option<Box<Order>>,
    /// Orders of repeated ids, by first appearance: settled at the end.
    orders: Vec<Order>,
    index: FxHashMap<String, usize>,
    /// Skipped rows of settled orders (lines of an order not counted).
    late: Vec<Skipped>,
    currency_cell: Option<Currency>,
    name: String,
    // The sum of every amount read so far: a row without a customer whose
    // amount equals it is the report's total.
    running: f64,
    amounts_read: usize,
}

impl LogRead {
    /// The line the next piece starts on.
    pub fn line(&self) -> usize {
        self.at.line
    }

    /// Reads the rows of the next piece (whole records, in the order of the
    /// log), calling `each` for each usable order whose rows have all been
    /// read (an order of one row at once, one of several when the next
    /// order starts).
    pub fn read(&mut self, table: &Table, piece: &str, each: &mut dyn FnMut(LogRow)) {
        let mut records = self.at.records(table, piece);
        let (state, cells) = (&mut self.state, &mut self.cells);
        table.each_row_ahead(
            &mut records,
            &mut self.accounting,
            |record| cells.read(record),
            |record, cells| state.row(record, cells, each),
        );
        self.at.advance(&records);
    }

    /// Every piece read: the orders still open or held (an id whose rows
    /// are apart) handed to `each`, and the report.
    pub fn finish(self, table: &Table, each: &mut dyn FnMut(LogRow)) -> LogReport {
        let LogRead {
            mut state,
            choice,
            shape,
            engagement,
            currency: option_currency,
            accounting: (rows, mut skipped),
            ..
        } = self;
        if let Some(o) = state.open.take() {
            state.settle(&o, each);
        }
        for o in std::mem::take(&mut state.orders) {
            state.settle(&o, each);
        }
        let State {
            layout,
            cols,
            level,
            tally,
            late,
            currency_cell,
            ..
        } = state;
        if !late.is_empty() {
            skipped.extend(late);
            skipped.sort_by_key(|s| s.row);
        }
        let currency = currency_choice(option_currency, &layout, &cols, &choice, currency_cell);
        let mut notices = Vec::new();
        if !tally.unknown.is_empty() {
            notices.push(
                Notice::new(
                    Code::UnknownStatus,
                    format!(
                        "Status {} is not one the reader knows; its orders are counted. Untick it if they are not sales.",
                        tally.unknown.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .with("statuses", tally.unknown.join(", ")),
            );
        }
        let mut sales = tally.sales;
        sales.returns.finish();
        if sales.guests.orders > 0 {
            notices.push(
                Notice::new(
                    Code::GuestSales,
                    format!(
                        "{} sale(s) without a customer (walk-in or guest) count in the revenue ({}), not as customers.",
                        sales.guests.orders,
                        number(sales.guests.revenue)
                    ),
                )
                .with("orders", sales.guests.orders)
                .with("rows", sales.guests.rows)
                .with("revenue", sales.guests.revenue),
            );
        }
        if sales.line_item_rows > 0 {
            notices.push(
                Notice::new(
                    Code::MultiLineOrders,
                    format!(
                        "{} order(s) span {} rows: each order counts once ({}).",
                        sales.orders,
                        sales.lines,
                        match level {
                            AmountLevel::Line => "its lines' amounts added up",
                            _ => "its total taken once",
                        }
                    ),
                )
                .with("orders", sales.orders)
                .with("lines", sales.lines)
                .with("lineItemRows", sales.line_item_rows),
            );
        }
        if let Some(shape) = &shape {
            notices.extend(shape.notice(table));
        }
        LogReport {
            layout,
            known: choice.layout,
            header_row: table.header_line(),
            title_rows: table.title_rows(),
            rows,
            skipped,
            sales,
            currency,
            notices,
            engagement,
        }
    }
}

/// May rows apart from this one carry order id `id`, by what the first pass
/// found (`repeated`, [`State::repeated`])? No hash is worked out when it
/// found no id repeated.
fn shared(repeated: &Option<FxHashSet<u64>>, id: &str) -> bool {
    repeated
        .as_ref()
        .is_none_or(|r| !r.is_empty() && r.contains(&id_hash(id)))
}

impl State {
    /// An order whose rows are all read: counted and handed to `each`, or
    /// its lines skipped.
    fn settle(&mut self, o: &Order, each: &mut dyn FnMut(LogRow)) {
        let Some(&first) = o.lines.first() else {
            return;
        };
        // An order with no readable date or amount on any line: its first line
        // says why, the others that they belong to it.
        let unusable = |e: &Option<CellError>, what: &str| {
            let e = e.clone().unwrap_or(CellError {
                code: Code::EmptyValue,
                message: format!("no {what}"),
            });
            std::iter::once(cell_problem(first, e))
                .chain(o.lines[1..].iter().map(|&l| line_of_unusable(l, &o.id)))
        };
        let Some(date) = o.date else {
            self.late.extend(unusable(&o.date_error, "date"));
            return;
        };
        let Some(amount_first) = o.amount_first else {
            self.late.extend(unusable(&o.amount_error, "amount"));
            return;
        };
        let amount = match self.level {
            AmountLevel::Line => o.amount_sum,
            _ => amount_first,
        };
        let refunded = match self.refund_level {
            AmountLevel::Line => o.refunded_sum,
            _ => o.refunded_first.unwrap_or(0.0),
        };
        let view = View {
            customer: o.named.then_some(o.customer.as_str()),
            amount,
            refunded,
            status: o.status.as_deref(),
            cancelled: o.cancelled,
            returned: o.returned,
            lines: o.lines.len(),
        };
        match self.tally.take(&view) {
            Outcome::Customer => each(LogRow {
                customer: &o.customer,
                date,
                amount: amount - refunded,
                order: Some(&o.id),
                line: first,
                unique: true,
            }),
            Outcome::Guest => {}
            Outcome::NotCounted(s, c) => self
                .late
                .extend(o.lines.iter().map(|&l| not_counted(l, Some(&o.id), &s, c))),
        }
    }

    /// One data row: into its order, or handed to `each` as an order of its
    /// own, or why it is skipped.
    fn row(
        &mut self,
        record: &Record,
        cells: &Cells,
        each: &mut dyn FnMut(LogRow),
    ) -> std::result::Result<(), Skipped> {
        let (cols, layout) = (&self.cols, &self.layout);
        let line = record.line;
        let id = cols.order.map(|j| record.get(j)).filter(|o| !o.is_empty());
        let raw_customer = cols.customer.map_or("", |j| record.get(j));
        if is_total_row(record, cols, raw_customer, id) {
            return Err(total_row(line));
        }
        if let (Some(j), None) = (cols.currency, self.currency_cell) {
            self.currency_cell = Currency::from_code(record.get(j));
        }
        let customer: &str = match (cols.customer, cols.name_parts) {
            (Some(_), _) => raw_customer,
            (None, Some((a, b))) => {
                let name = &mut self.name;
                name.clear();
                name.push_str(record.get(a));
                let last = record.get(b);
                if !last.is_empty() {
                    if !name.is_empty() {
                        name.push(' ');
                    }
                    name.push_str(last);
                }
                name
            }
            (None, None) => "",
        };
        let guest = is_guest(customer);
        if guest && customer.is_empty() && !self.blank_is_guest {
            return Err(Skipped::new(
                line,
                Code::MissingCustomer,
                format!("Row {line} has no customer name."),
            ));
        }
        let status = cols.status.map(|j| record.get(j)).filter(|s| !s.is_empty());
        let cancelled = cols.cancelled.is_some_and(|j| !record.get(j).is_empty());
        let returned = cols.returns.is_some_and(|j| return_granted(record.get(j)));
        // The row's refunded amount, if its cell holds one (how an order's
        // lines add up is the order's business: see refund_level).
        let refunded = || -> Option<f64> {
            let j = cols.refunded?;
            if record.get(j).is_empty() {
                return None;
            }
            layout.amount(record, j).ok().map(f64::abs)
        };
        let level = self.level;
        match (level != AmountLevel::Row, id) {
            (true, Some(id)) => {
                // A line whose own amount cannot be read is skipped before it
                // touches its order (with line amounts it would be missing).
                let amount = match cells.amount.clone() {
                    Ok(a) => Some(Ok(a)),
                    Err(e) if e.code == "emptyValue" && level != AmountLevel::Line => None,
                    Err(e) if level == AmountLevel::Line => return Err(cell_problem(line, e)),
                    Err(e) => Some(Err(e)),
                };
                // A row of another order than the open one: the open order's
                // rows have all been read (settled once this row is in).
                let ended = match &self.open {
                    Some(o) if o.id != id => self.open.take(),
                    _ => None,
                };
                // Still open: a further row of the open order.
                let o = if self.open.is_some() || !shared(&self.repeated, id) {
                    let spare = &mut self.spare;
                    &mut **self
                        .open
                        .get_or_insert_with(|| Order::reuse(spare.take(), id))
                } else {
                    let k = match self.index.get(id) {
                        Some(&k) => k,
                        None => {
                            self.index.insert(id.to_string(), self.orders.len());
                            self.orders.push(Order {
                                id: id.to_string(),
                                ..Order::default()
                            });
                            self.orders.len() - 1
                        }
                    };
                    &mut self.orders[k]
                };
                o.lines.push(line);
                if !o.named && !guest {
                    o.customer.push_str(customer);
                    o.named = true;
                }
                if o.date.is_none() {
                    match cells.date.clone() {
                        Ok(d) => o.date = Some(d),
                        Err(e) => {
                            o.date_error.get_or_insert(e);
                        }
                    }
                }
                match amount {
                    Some(Ok(a)) => {
                        self.running += a;
                        self.amounts_read += 1;
                        if o.amount_first.is_none() {
                            o.amount_first = Some(a);
                        }
                        o.amount_sum += a;
                    }
                    Some(Err(e)) => {
                        o.amount_error.get_or_insert(e);
                    }
                    None => {}
                }
                if let Some(r) = refunded() {
                    if o.refunded_first.is_none() {
                        o.refunded_first = Some(r);
                    }
                    o.refunded_sum += r;
                }
                if o.status.is_none() {
                    o.status = status.map(str::to_string);
                }
                o.cancelled |= cancelled;
                o.returned |= returned;
                if let Some(ended) = ended {
                    self.settle(&ended, each);
                    self.spare = Some(ended);
                }
                Ok(())
            }
            _ => {
                let date = cells.date.clone().map_err(|e| cell_problem(line, e))?;
                let amount = cells.amount.clone().map_err(|e| cell_problem(line, e))?;
                if customer.is_empty()
                    && id.is_none()
                    && self.amounts_read >= 3
                    && (amount - self.running).abs() <= 0.005 * amount.abs().max(1.0)
                {
                    return Err(total_row(line));
                }
                self.running += amount;
                self.amounts_read += 1;
                let view = View {
                    customer: (!guest).then_some(customer),
                    amount,
                    refunded: refunded().unwrap_or(0.0),
                    status,
                    cancelled,
                    returned,
                    lines: 1,
                };
                match self.tally.take(&view) {
                    Outcome::Customer => {
                        each(LogRow {
                            customer,
                            date,
                            amount: amount - view.refunded,
                            order: id,
                            line,
                            unique: id.is_some_and(|i| !shared(&self.repeated, i)),
                        });
                        Ok(())
                    }
                    Outcome::Guest => Ok(()),
                    Outcome::NotCounted(s, c) => Err(not_counted(line, id, &s, c)),
                }
            }
        }
    }
}

fn total_row(line: usize) -> Skipped {
    Skipped::new(
        line,
        Code::TotalRow,
        format!("Row {line} is a total or summary line, not a sale."),
    )
}

fn line_of_unusable(line: usize, id: &str) -> Skipped {
    Skipped::new(
        line,
        Code::LineItem,
        format!("Row {line} is a line of order {id}, which could not be used."),
    )
}

/// A customer column whose values look like order numbers, dates or times.
/// Or the same values as a column that can never be a customer (a product
/// column copied into it, say).
struct Shape {
    j: usize,
    /// Columns whose header says they are no buyer (products, notes, …).
    others: Vec<usize>,
    cells: usize,
    ids: usize,
    dates: usize,
    same: Vec<usize>,
}

/// Customer cells looked at for [`Shape`]: the first ones.
const SHAPE_SAMPLE: usize = 2000;

impl Shape {
    fn new(table: &Table, j: usize) -> Shape {
        let others = (0..table.width)
            .filter(|&k| {
                k != j
                    && table.has_header
                    && super::sales::header_score(Role::Customer, &table.headers[k]).is_none()
            })
            .collect();
        Shape {
            j,
            others,
            cells: 0,
            ids: 0,
            dates: 0,
            same: vec![0; table.width],
        }
    }

    fn observe(&mut self, record: &Record) {
        let c = record.get(self.j);
        if c.is_empty() || self.cells == SHAPE_SAMPLE {
            return;
        }
        self.cells += 1;
        for &k in &self.others {
            if record.get(k).eq_ignore_ascii_case(c) {
                self.same[k] += 1;
            }
        }
        if (c.starts_with('#') && c.len() > 1)
            || (c.len() >= 6 && c.bytes().all(|b| b.is_ascii_digit()))
        {
            self.ids += 1;
        }
        if super::date::looks_like_date(c)
            || (c.contains(':') && c.bytes().all(|b| b.is_ascii_digit() || b == b':'))
        {
            self.dates += 1;
        }
    }

    fn notice(&self, table: &Table) -> Option<Notice> {
        let Shape {
            j,
            ref others,
            cells,
            ids,
            dates,
            ref same,
        } = *self;
        let column = table.column_name(j);
        if cells > 0 && ids * 10 >= cells * 8 {
            return Some(
            Notice::new(
                Code::CustomerLooksLikeOrderId,
                format!("The customer column \"{column}\" holds values that look like order numbers: check the column mapping."),
            )
            .with("column", column),
        );
        }
        if let Some(k) = others
            .iter()
            .copied()
            .find(|&k| cells >= 3 && same[k] * 10 >= cells * 8)
        {
            let other = table.column_name(k);
            return Some(
            Notice::new(
                Code::CustomerSameAsColumn,
                format!("The customer column \"{column}\" holds the same values as \"{other}\", which is no buyer column: check the column mapping."),
            )
            .with("column", column)
            .with("other", other),
        );
        }
        if cells > 0 && dates * 2 >= cells {
            return Some(
            Notice::new(
                Code::CustomerLooksLikeDate,
                format!("The customer column \"{column}\" holds dates or times: check the column mapping."),
            )
            .with("column", column),
        );
        }
        None
    }
}

fn currency_choice(
    option: Option<Currency>,
    layout: &Layout,
    cols: &Cols,
    choice: &Choice,
    cell: Option<Currency>,
) -> CurrencyChoice {
    let (currency, decided_by) = if let Some(c) = option {
        (c, "option")
    } else if let Some(c) = layout.currency_of(cols.amount) {
        (c, "values")
    } else if let Some(c) = choice.header_currency {
        (c, "header")
    } else if let Some(c) = cell {
        (c, "column")
    } else if let Some(c) = choice.layout_currency {
        (c, "layout")
    } else {
        (Currency::Idr, "default")
    };
    CurrencyChoice {
        code: currency.code(),
        symbol: currency.symbol(),
        decided_by,
        currency,
    }
}

/// The columns the log needs, or which one is missing.
fn columns(roles: &[Option<Role>], choice: &Choice) -> Result<Cols> {
    let find = |role: Role| roles.iter().position(|r| *r == Some(role));
    let mut needed = [None; 3];
    for (k, (role, words)) in NEEDED.iter().enumerate() {
        needed[k] = find(*role);
        if needed[k].is_none() && !(*role == Role::Customer && choice.name_parts.is_some()) {
            return Err(Error::field(
                Code::MissingColumn,
                &format!("columns.{}", role.key()),
                format!(
                    "No {words} column was found. Name it in a header row, or map it with columns.{}.",
                    role.key()
                ),
            ));
        }
    }
    Ok(Cols {
        customer: needed[0],
        name_parts: choice.name_parts,
        date: needed[1].unwrap_or(0),
        amount: needed[2].unwrap_or(0),
        order: find(Role::OrderId),
        status: find(Role::Status),
        refunded: find(Role::Refunded),
        cancelled: choice.cancelled,
        returns: choice.returns,
        currency: choice.currency_column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_whose_lines_are_apart_is_one_order() {
        // A1's lines are rows 2, 3 and 6 (apart: B1 between), its total on
        // each line: one order of 100,000 (by hand). B1 (rows 4–5) and C1
        // (row 7) are each one run of rows, settled when the next order
        // starts; A1 is held to the end. Every order is handed over once.
        let text = "No. Pesanan;Tanggal;Pelanggan;Total\nA1;01/01/2025;Sari;100.000\nA1;01/01/2025;Sari;100.000\nB1;02/01/2025;Budi;50.000\nB1;02/01/2025;Budi;50.000\nA1;01/01/2025;Sari;100.000\nC1;03/01/2025;Sari;30.000\n";
        let mut seen = Vec::new();
        let report = read_log(text, &LogOptions::default(), |r| {
            seen.push((r.order.unwrap().to_string(), r.amount, r.line, r.unique))
        })
        .unwrap();
        assert_eq!(report.sales.amount_level, AmountLevel::Order);
        assert_eq!(
            seen,
            [
                ("B1".to_string(), 50_000.0, 4, true),
                ("C1".to_string(), 30_000.0, 7, true),
                ("A1".to_string(), 100_000.0, 2, true),
            ]
        );
        assert_eq!(
            (
                report.sales.orders,
                report.sales.lines,
                report.sales.line_item_rows
            ),
            (3, 6, 3)
        );
        assert!(report.skipped.is_empty());
    }

    #[test]
    fn an_order_id_on_rows_apart_counts_once_when_each_row_is_an_order() {
        // No id repeats on adjacent rows: each row is an order. Read whole
        // (a small text: ids not tracked) every id is handed over as possibly
        // shared; read by a stream of unknown size (ids tracked), only X9,
        // on rows 2 and 4, is: either way the summary counts X9 once.
        let text = "No. Pesanan;Tanggal;Pelanggan;Total\nX9;01/01/2025;Sari;10.000\nY1;02/01/2025;Budi;5.000\nX9;03/01/2025;Sari;20.000\n";
        let mut seen = Vec::new();
        read_log(text, &LogOptions::default(), |r| {
            seen.push((r.shared_order().map(str::to_string), r.line))
        })
        .unwrap();
        let some = |s: &str| Some(s.to_string());
        assert_eq!(seen, [(some("X9"), 2), (some("Y1"), 3), (some("X9"), 4)]);
        let mut stream = super::super::stream::LogStream::new(
            LogOptions::default(),
            super::super::stream::Encoding::Utf8,
        );
        stream.scan(text.as_bytes()).unwrap();
        stream.end_scan().unwrap();
        let mut seen = Vec::new();
        let mut each = |r: LogRow| seen.push((r.shared_order().map(str::to_string), r.line));
        stream.read(text.as_bytes(), &mut each).unwrap();
        stream.finish(&mut each).unwrap();
        assert_eq!(seen, [(some("X9"), 2), (None, 3), (some("X9"), 4)]);
    }

    #[test]
    fn rows_and_skips_of_a_small_log() {
        let text = "\u{feff}No. Faktur;Tanggal;Nama Pelanggan;Total\r\nA1;01/01/2024;Sari ;Rp 892.000\r\n\r\nA2;31/02/2025;Budi;Rp 100.000\r\nA3;15/03/2025;;Rp 50.000\r\nA4;16/03/2025;Siti;gratis\r\nR1;30/06/2025;Sari;(Rp 150.000)\r\n";
        let mut seen = Vec::new();
        let report = read_log(text, &LogOptions::default(), |r| {
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
        let skipped: Vec<(usize, &str)> = report
            .skipped
            .iter()
            .map(|s| (s.row, s.code.as_str()))
            .collect();
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
    fn repeated_date_texts_read_as_the_first() {
        // Rows in date order repeat the previous date's text (read once and
        // remembered); a bad date between two equal good ones is still skipped,
        // and the good one after it still read (dates by hand).
        let text = "tanggal;pelanggan;jumlah\n01/02/2025;A;1000\n01/02/2025;B;2000\n31/02/2025;C;3000\n31/02/2025;D;4000\n01/02/2025;E;5000\n02/02/2025;A;6000\n";
        let mut seen = Vec::new();
        let report = read_log(text, &LogOptions::default(), |r| {
            seen.push((r.customer.to_string(), r.date.to_string(), r.line))
        })
        .unwrap();
        let want = [
            ("A", "2025-02-01", 2),
            ("B", "2025-02-01", 3),
            ("E", "2025-02-01", 6),
            ("A", "2025-02-02", 7),
        ];
        assert_eq!(
            seen,
            want.map(|(c, d, l)| (c.to_string(), d.to_string(), l))
        );
        let skipped: Vec<(usize, &str)> = report
            .skipped
            .iter()
            .map(|s| (s.row, s.code.as_str()))
            .collect();
        assert_eq!(skipped, [(4, "invalidDate"), (5, "invalidDate")]);
    }

    #[test]
    fn a_missing_column_is_named() {
        let e = read_log("nama;total\nA;1000\n", &LogOptions::default(), |_| {}).unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.field.as_deref()),
            ("missingColumn", Some("columns.date"))
        );
    }
}
