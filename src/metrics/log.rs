//! A transaction log summarised per customer, in one pass over typed rows
//! (METRICS.md §1, §2, §7, §8). The readers turn pasted text into
//! [`Transaction`]s; the analytics ([`super::rfm`], [`super::retention`],
//! [`super::cohorts`], [`super::clv_log`], [`super::lifecycle`]) read only the
//! resulting [`Summary`].
//!
//! Rules, as chosen for the whole project:
//! - **Purchase** = a row with a positive amount. Only purchases count for
//!   frequency, recency, first/last purchase, cohorts, retention and lifecycle.
//! - **Refund** = a row with a negative amount: it lowers the customer's total
//!   (monetary value, historical value) and nothing else. A customer whose rows
//!   are all refunds has no purchase and is left out of every analysis (each
//!   result counts them in `customersWithoutPurchase`).
//! - **Zero-amount rows** (a free sample, a 100 % voucher, a correction) are
//!   not purchases either: they add nothing to the total and count for
//!   nothing else, except that their date counts towards "the last date in the
//!   data" like every row used.
//! - **Rows with a non-finite amount** (NaN, ±∞; a reader never produces them)
//!   are not used: their lines are listed in [`Summary::ignored_lines`].
//! - **The last date in the data** = the latest date among the rows used
//!   (purchases, refunds and zero rows alike, METRICS.md §7). It sets the
//!   default analysis date (the day after) and decides which cohort months are
//!   complete.
//! - **Customer matching**: by [`Transaction::key`] (see [`customer_key`]). The
//!   name shown is the spelling on the row with the smallest line number, so the
//!   summary does not depend on the order in which rows arrive.
//! - **Orders** = distinct order ids among a customer's purchase rows (ids are
//!   trimmed, otherwise compared exactly) plus one order per purchase row
//!   without an id. A refund never removes an order. Ids are deduplicated by
//!   their 64-bit hash, per customer, while summarising: two different ids of
//!   the same customer would have to share a hash to be miscounted (odds about
//!   k² / 2⁶⁵ for k orders).
//! - **Purchase days** = the distinct dates of a customer's purchases. Several
//!   orders on one day are one purchase day: timings between purchases are
//!   measured between purchase days.
//!
//! Memory: per customer, the names, a few counters, and the sorted list of its
//! distinct purchase days (4 bytes a day). Rows are never kept; while the pass
//! runs, purchase days and order-id hashes wait in two flat lists (see
//! [`summarize`]), freed or compacted at its end. The sorted days let every
//! analysis ask "did this customer buy between these dates?" by binary search,
//! so retention can be computed for any period without reading the log again.

use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHasher};
use serde::Serializer;
use std::hash::{Hash, Hasher};

/// One row of a transaction log, already read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Transaction {
    /// The customer's name as written on this row.
    pub customer: String,
    /// The matching key: trimmed, inner whitespace collapsed, lower-cased
    /// ([`customer_key`]).
    pub key: String,
    pub date: NaiveDate,
    /// Positive for a purchase, negative for a refund.
    pub amount: f64,
    /// The order (invoice) id, when the log has one.
    pub order: Option<String>,
    /// 1-based line of the row in the pasted text.
    pub line: usize,
}

impl Transaction {
    /// A row with its matching key computed from `customer`.
    pub fn new(
        customer: impl Into<String>,
        date: NaiveDate,
        amount: f64,
        order: Option<String>,
        line: usize,
    ) -> Self {
        let customer = customer.into();
        Transaction {
            key: customer_key(&customer),
            customer,
            date,
            amount,
            order,
            line,
        }
    }
}

/// The key customers are matched by: surrounding whitespace trimmed, inner runs
/// of whitespace collapsed to one space, lower-cased (Unicode).
/// `"  Budi   SANTOSO "` and `"budi santoso"` are the same customer.
pub fn customer_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    write_key(name, &mut key);
    key
}

/// [`customer_key`] into a buffer that is reused from row to row.
fn write_key(name: &str, key: &mut String) {
    key.clear();
    // Most names are ASCII words split by single spaces (`Pelanggan 12`):
    // copied and lower-cased whole, with no search for white space runs.
    if is_simple(name.as_bytes()) {
        key.push_str(name);
        key.make_ascii_lowercase();
        return;
    }
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
}

/// A name whose key is only itself lower-cased: ASCII, no white space but
/// single spaces between words, none at either end.
fn is_simple(name: &[u8]) -> bool {
    let mut space = true;
    name.iter().all(|&c| {
        let ok = c.is_ascii() && !matches!(c, b'\t'..=b'\r') && !(space && c == b' ');
        space = c == b' ';
        ok
    }) && !space
}

/// The fields of a [`CustomerSummary`] that most rows change.
#[derive(Debug, Clone)]
struct Hot {
    first_line: usize,
    total: f64,
    purchase_rows: u32,
    orders: u32,
    no_id_days: [i32; 2],
}

/// A customer key of at most 23 bytes, held in place: its bytes, zeros,
/// and its length in the last byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortKey([u8; 24]);

impl ShortKey {
    fn new(key: &str) -> Option<ShortKey> {
        let b = key.as_bytes();
        (b.len() <= 23).then(|| {
            let mut a = [0; 24];
            a[..b.len()].copy_from_slice(b);
            a[23] = b.len() as u8;
            ShortKey(a)
        })
    }

    /// The key of a simple name held here ([`is_simple`]: lower-casing is
    /// all [`write_key`] would do), worked out in place.
    fn simple_key(&self) -> Option<ShortKey> {
        let len = usize::from(self.0[23]);
        is_simple(&self.0[..len]).then(|| {
            let mut k = *self;
            k.0[..len].make_ascii_lowercase();
            k
        })
    }

    fn as_str(&self) -> &str {
        // The bytes of a whole `&str`: always UTF-8.
        std::str::from_utf8(&self.0[..usize::from(self.0[23])]).unwrap_or_default()
    }
}

/// Everything the analytics need to know about one customer.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerSummary {
    /// The name as first seen (on the row with the smallest line number).
    pub customer: String,
    pub key: String,
    /// The smallest line number among the customer's rows.
    pub first_line: usize,
    /// Orders (see the module documentation): the RFM frequency.
    pub orders: u32,
    pub purchase_rows: u32,
    pub refund_rows: u32,
    /// Sum of all the customer's amounts, refunds included: the RFM monetary
    /// value and the historical value.
    pub total: f64,
    /// Sum of the refunds, as a positive number (0 when none).
    pub refunded: f64,
    /// Distinct purchase days, ascending, as days since 0001-01-01 (CE day 1).
    days: Box<[i32]>,
    /// The day of the second order (CE day), when there are 2 or more:
    /// the two earliest order days, ids' and rows without id together.
    second_order: Option<i32>,
    /// While summarising: the two earliest days of purchase rows without an
    /// order id (`i32::MAX` for none).
    no_id_days: [i32; 2],
}

impl CustomerSummary {
    /// True when the customer has at least one purchase.
    pub fn has_purchase(&self) -> bool {
        !self.days.is_empty()
    }

    /// Number of distinct purchase days.
    pub fn purchase_days(&self) -> usize {
        self.days.len()
    }

    /// The distinct purchase days, ascending, as CE day numbers
    /// (`NaiveDate::num_days_from_ce`).
    pub fn purchase_day_numbers(&self) -> &[i32] {
        &self.days
    }

    pub fn first_purchase(&self) -> Option<NaiveDate> {
        self.days.first().and_then(|&d| from_day(d))
    }

    pub fn last_purchase(&self) -> Option<NaiveDate> {
        self.days.last().and_then(|&d| from_day(d))
    }

    /// The first purchase day after the first one: the first repeat visit.
    pub fn second_purchase(&self) -> Option<NaiveDate> {
        self.days.get(1).and_then(|&d| from_day(d))
    }

    /// Whole days from the first to the last purchase (0 with one purchase day).
    pub fn observed_lifespan_days(&self) -> Option<i64> {
        Some(i64::from(*self.days.last()? - *self.days.first()?))
    }

    /// Gaps in days between consecutive purchase days (none with one day).
    pub fn days_between_purchases(&self) -> impl Iterator<Item = i64> + '_ {
        self.days.windows(2).map(|w| i64::from(w[1] - w[0]))
    }

    /// True when the customer bought on some day from `from` to `to`, both included.
    pub fn bought_between(&self, from: NaiveDate, to: NaiveDate) -> bool {
        let (from, to) = (day(from), day(to));
        let i = self.days.partition_point(|&d| d < from);
        self.days.get(i).is_some_and(|&d| d <= to)
    }

    /// The last purchase on or before `date`.
    pub fn last_purchase_on_or_before(&self, date: NaiveDate) -> Option<NaiveDate> {
        let i = self.days.partition_point(|&d| d <= day(date));
        i.checked_sub(1).and_then(|i| from_day(self.days[i]))
    }

    /// The day of the customer's second order (CE day number): when a
    /// customer with 2 or more orders had 2 of them. Each order is dated by
    /// its earliest purchase row.
    pub fn second_order_day_number(&self) -> Option<i32> {
        self.second_order
    }

    /// The distinct months with a purchase, ascending, as month indexes
    /// ([`month_index`]).
    pub fn purchase_months(&self) -> impl Iterator<Item = i32> + '_ {
        let mut previous = None;
        self.days.iter().filter_map(move |&d| {
            let m = from_day(d).map(month_index)?;
            (previous != Some(m)).then(|| {
                previous = Some(m);
                m
            })
        })
    }
}

/// A transaction log summarised per customer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// One entry per customer, in the order of their first line in the text.
    pub customers: Vec<CustomerSummary>,
    /// Rows used (purchases, refunds and zero-amount rows).
    pub rows: usize,
    pub purchase_rows: usize,
    pub refund_rows: usize,
    pub zero_rows: usize,
    /// Lines of rows not used because their amount was not a finite number.
    pub ignored_lines: Vec<usize>,
    /// The earliest date among the rows used.
    pub first_date: Option<NaiveDate>,
    /// The latest date among the rows used: "the last date in the data".
    pub last_date: Option<NaiveDate>,
    /// Per day with a customer's row: net revenue and orders begun, by day.
    pub daily: Vec<DayTotals>,
}

/// The customers' rows of one day: net revenue (purchases minus refunds)
/// and the orders whose earliest purchase row is that day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayTotals {
    pub day: NaiveDate,
    pub revenue: f64,
    pub orders: u32,
}

impl Summary {
    /// Customers with at least one purchase: the ones every analysis counts.
    pub fn purchasers(&self) -> impl Iterator<Item = &CustomerSummary> + '_ {
        self.customers.iter().filter(|c| c.has_purchase())
    }

    /// Customers whose rows are all refunds or zero amounts.
    pub fn customers_without_purchase(&self) -> usize {
        self.customers.iter().filter(|c| !c.has_purchase()).count()
    }

    /// The customer whose name matches `name` after [`customer_key`] (a linear search).
    pub fn get(&self, name: &str) -> Option<&CustomerSummary> {
        let key = customer_key(name);
        self.customers.iter().find(|c| c.key == key)
    }
}

/// Summarises a log in one pass, rows in any order.
///
/// While the rows stream past, each customer has one entry of counters, and
/// two flat lists grow: (customer, purchase day) pairs, 8 bytes a purchase row,
/// and (customer, order-id hash) pairs, 16 bytes a purchase row with an id
/// (a row repeating the previous row's pair is not added again). At the end
/// both are sorted: the first becomes each customer's distinct purchase days
/// (4 bytes a day, kept), the second the order counts (then freed). Appending
/// to flat lists keeps the pass fast; nothing else grows with the rows.
pub fn summarize(transactions: impl IntoIterator<Item = Transaction>) -> Summary {
    let mut s = Summarizer::default();
    for t in transactions {
        s.add(&t.customer, t.date, t.amount, t.order.as_deref(), t.line);
    }
    s.finish()
}

/// [`summarize`] row by row, for readers that hand rows over as they read
/// them: only a new customer allocates (its name and key).
#[derive(Debug, Default)]
pub struct Summarizer {
    /// Customer slots by key: keys of up to 23 bytes (most) held in place,
    /// so that a lookup follows no pointer; longer ones apart.
    index: FxHashMap<ShortKey, u32>,
    long_keys: FxHashMap<String, u32>,
    /// Customer slots by the name as written, for names that are not
    /// simple ([`is_simple`]; up to 23 bytes, at most [`WRITTEN_NAMES`]
    /// spellings): such a name is mostly written the same way again.
    written: FxHashMap<ShortKey, u32>,
    /// The last row's name as written, its key when the name is simple,
    /// and its slot: the lines of one order (one row per product) come
    /// together, so the next row is often the same customer's.
    last: Option<(ShortKey, Option<ShortKey>, u32)>,
    /// What each row changes of its customer, apart from the rest of
    /// [`CustomerSummary`] (taken into it by [`Summarizer::finish`]): fewer
    /// cache lines touched per row of a log of many customers.
    hot: Vec<Hot>,
    customers: Vec<CustomerSummary>,
    days: Vec<u64>,
    orders: Vec<(u32, u64, i32)>,
    out: Summary,
    key: String,
    /// Day totals by CE day, and the last day's slot (logs come mostly in date order).
    daily: FxHashMap<i32, (f64, u32)>,
    /// `days` and `orders` are sorted and deduplicated when they reach this
    /// length (then 1.5 times what is left): memory follows the distinct
    /// customer-days and orders, not the rows of a log read in pieces.
    compact_at: usize,
}

/// The most spellings of names [`Summarizer`] remembers (a table of about
/// 64 MB when full).
const WRITTEN_NAMES: usize = 1 << 20;

/// The first length at which [`Summarizer`] compacts its lists.
/// (Small in unit tests, so that they compact.)
const COMPACT_FIRST: usize = if cfg!(test) { 64 } else { 1 << 22 };

impl Summarizer {
    /// Takes one row: `customer` as written, its date and amount, its order
    /// id if any, and its 1-based line.
    pub fn add(
        &mut self,
        customer: &str,
        date: NaiveDate,
        amount: f64,
        order: Option<&str>,
        line: usize,
    ) {
        let out = &mut self.out;
        if !amount.is_finite() {
            out.ignored_lines.push(line);
            return;
        }
        out.rows += 1;
        out.first_date = Some(out.first_date.map_or(date, |d| d.min(date)));
        out.last_date = Some(out.last_date.map_or(date, |d| d.max(date)));
        // The last row's name again, or a simple name (its key worked out in
        // place, then looked up), or another name as written that was seen
        // before: its slot without working out its key again.
        let written = ShortKey::new(customer);
        let (simple, known) = match (written, self.last) {
            (Some(w), Some((last, key, slot))) if w == last => (key, Some(slot)),
            (Some(w), last) => match (w.simple_key(), last) {
                // The last row's customer written another way (`BUDI` after `Budi`).
                (Some(k), Some((_, Some(key), slot))) if k == key => (Some(k), Some(slot)),
                (Some(k), _) => (Some(k), self.index.get(&k).copied()),
                (None, _) => (None, self.written.get(&w).copied()),
            },
            (None, _) => (None, None),
        };
        let found = match (known, simple) {
            (Some(slot), _) => Some(slot),
            // A simple name, looked up above: a new customer.
            (None, Some(_)) => None,
            (None, None) => {
                write_key(customer, &mut self.key);
                match ShortKey::new(&self.key) {
                    Some(k) => self.index.get(&k).copied(),
                    None => self.long_keys.get(self.key.as_str()).copied(),
                }
            }
        };
        let slot = match found {
            Some(slot) => {
                let h = &mut self.hot[slot as usize];
                if line < h.first_line {
                    h.first_line = line;
                    self.customers[slot as usize].customer = customer.to_string();
                }
                slot
            }
            None => {
                // More than 4 billion customers would exhaust memory long before.
                let slot = self.customers.len() as u32;
                self.customers.push(CustomerSummary {
                    customer: customer.to_string(),
                    key: String::new(),
                    first_line: line,
                    orders: 0,
                    purchase_rows: 0,
                    refund_rows: 0,
                    total: 0.0,
                    refunded: 0.0,
                    days: Box::default(),
                    second_order: None,
                    no_id_days: [i32::MAX; 2],
                });
                self.hot.push(Hot {
                    first_line: line,
                    total: 0.0,
                    purchase_rows: 0,
                    orders: 0,
                    no_id_days: [i32::MAX; 2],
                });
                // Its key: the simple name's, else the one written out above.
                match simple.or_else(|| ShortKey::new(&self.key)) {
                    Some(k) => self.index.insert(k, slot),
                    None => self.long_keys.insert(self.key.clone(), slot),
                };
                slot
            }
        };
        if let (Some(w), None, None) = (written, known, simple) {
            if self.written.len() < WRITTEN_NAMES {
                self.written.insert(w, slot);
            }
        }
        self.last = written.map(|w| (w, simple, slot));
        let c = &mut self.hot[slot as usize];
        let today = day(date);
        let totals = self.daily.entry(today).or_default();
        totals.0 += amount;
        if amount > 0.0 {
            out.purchase_rows += 1;
            c.purchase_rows += 1;
            c.total += amount;
            let packed = pack(slot, date);
            if self.days.last() != Some(&packed) {
                self.days.push(packed);
            }
            match order.map(str::trim).filter(|o| !o.is_empty()) {
                Some(order) => {
                    let mut h = FxHasher::default();
                    order.hash(&mut h);
                    let triple = (slot, h.finish(), today);
                    if self.orders.last() != Some(&triple) {
                        self.orders.push(triple);
                    }
                }
                // One order per purchase row without an id; ids are added below.
                None => {
                    c.orders = c.orders.saturating_add(1);
                    totals.1 = totals.1.saturating_add(1);
                    earliest_two(&mut c.no_id_days, today);
                }
            }
        } else if amount < 0.0 {
            out.refund_rows += 1;
            c.total += amount;
            let cold = &mut self.customers[slot as usize];
            cold.refund_rows += 1;
            cold.refunded -= amount;
        } else {
            out.zero_rows += 1;
        }
        if self.days.len().max(self.orders.len()) >= self.compact_at.max(COMPACT_FIRST) {
            self.compact();
        }
    }

    /// Sorts and deduplicates `days` and `orders` as [`Summarizer::finish`]
    /// does (an order's earliest row first), so that memory follows what is
    /// distinct.
    fn compact(&mut self) {
        self.days.sort_unstable();
        self.days.dedup();
        self.orders.sort_unstable();
        self.orders.dedup_by_key(|&mut (slot, id, _)| (slot, id));
        // Room for half as many again, allocated once: the lists never
        // hold more than 1.5 times what is distinct (plus the first length).
        let at = self.days.len().max(self.orders.len());
        self.compact_at = at + at / 2;
        let limit = self.compact_at.max(COMPACT_FIRST);
        self.days.reserve_exact(limit - self.days.len());
        self.orders.reserve_exact(limit - self.orders.len());
    }

    /// The summary of every row added.
    pub fn finish(self) -> Summary {
        let Summarizer {
            index,
            long_keys,
            mut customers,
            mut days,
            mut orders,
            mut out,
            mut daily,
            hot,
            ..
        } = self;
        for (c, h) in customers.iter_mut().zip(hot) {
            c.first_line = h.first_line;
            c.total = h.total;
            c.purchase_rows = h.purchase_rows;
            c.orders = h.orders;
            c.no_id_days = h.no_id_days;
        }
        for (key, slot) in index {
            customers[slot as usize].key = key.as_str().to_string();
        }
        for (key, slot) in long_keys {
            customers[slot as usize].key = key;
        }
        days.sort_unstable();
        days.dedup();
        for group in days.chunk_by(|a, b| a >> 32 == b >> 32) {
            customers[(group[0] >> 32) as usize].days =
                group.iter().map(|&p| unpack_day(p)).collect();
        }
        drop(days);
        // Sorted by customer, id, then day: the first of each (customer, id)
        // is the order, dated by its earliest row.
        orders.sort_unstable();
        orders.dedup_by_key(|&mut (slot, id, _)| (slot, id));
        let mut id_days = [i32::MAX; 2];
        for (i, &(slot, _, order_day)) in orders.iter().enumerate() {
            let c = &mut customers[slot as usize];
            c.orders = c.orders.saturating_add(1);
            daily.entry(order_day).or_default().1 += 1;
            earliest_two(&mut id_days, order_day);
            if orders.get(i + 1).is_none_or(|next| next.0 != slot) {
                for d in id_days {
                    earliest_two(&mut c.no_id_days, d);
                }
                id_days = [i32::MAX; 2];
            }
        }
        drop(orders);
        for c in &mut customers {
            c.second_order = Some(c.no_id_days[1]).filter(|&d| d != i32::MAX);
        }
        let mut days: Vec<DayTotals> = daily
            .into_iter()
            .filter_map(|(d, (revenue, orders))| {
                Some(DayTotals {
                    day: from_day(d)?,
                    revenue,
                    orders,
                })
            })
            .collect();
        days.sort_unstable_by_key(|t| t.day);
        out.daily = days;
        customers.sort_by_key(|c| c.first_line);
        out.customers = customers;
        out
    }
}

/// Keeps the two smallest of the values given (duplicates count twice).
fn earliest_two(two: &mut [i32; 2], d: i32) {
    if d < two[0] {
        two[1] = two[0];
        two[0] = d;
    } else if d < two[1] {
        two[1] = d;
    }
}

/// A customer slot and a date in one number that sorts by slot, then date.
fn pack(slot: u32, date: NaiveDate) -> u64 {
    // Shifting by 2³¹ maps every i32 day number to u32 in the same order.
    let day = (i64::from(day(date)) - i64::from(i32::MIN)) as u64;
    (u64::from(slot) << 32) | day
}

fn unpack_day(packed: u64) -> i32 {
    ((packed & 0xFFFF_FFFF) as i64 + i64::from(i32::MIN)) as i32
}

/// A date as a CE day number (0001-01-01 is 1).
pub(crate) fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

pub(crate) fn from_day(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// A month as one number: year × 12 + (month − 1).
pub fn month_index(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

/// The first day of the month with index `m`.
pub(crate) fn month_start(m: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
}

/// The last day of the month with index `m`.
pub(crate) fn month_end(m: i32) -> Option<NaiveDate> {
    month_start(m.checked_add(1)?)?.pred_opt()
}

/// `YYYY-MM-DD`.
pub(crate) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Serializes a date as an ISO string (`serialize_with`).
pub(crate) fn ser_date<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&iso(*date))
}

/// Serializes an optional date as an ISO string or null (`serialize_with`).
pub(crate) fn ser_opt_date<S: Serializer>(
    date: &Option<NaiveDate>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&iso(*d)),
        None => s.serialize_none(),
    }
}

/// The checks every analysis starts with: a log with at least one purchase.
/// Returns the last date in the data.
pub(crate) fn require_purchases(summary: &Summary) -> crate::error::Result<NaiveDate> {
    use crate::error::{Code, Error};
    let last = summary.last_date.ok_or_else(|| {
        Error::new(
            Code::EmptyLog,
            "The transaction log has no usable rows: give at least one row with a customer, a date and an amount.",
        )
    })?;
    if summary.purchasers().next().is_none() {
        return Err(Error::new(
            Code::NoPurchases,
            "The transaction log has no purchase: every row is a refund or a zero amount, so there is nothing to analyse.",
        ));
    }
    Ok(last)
}

/// The analysis date: `as_of` when given, else the day after the last date in
/// the data. Errors when it is before the latest purchase (recency would be
/// negative).
pub(crate) fn resolve_as_of(
    summary: &Summary,
    as_of: Option<NaiveDate>,
) -> crate::error::Result<NaiveDate> {
    use crate::error::{Code, Error};
    let last = require_purchases(summary)?;
    let as_of = match as_of {
        Some(d) => d,
        None => last.succ_opt().ok_or_else(|| {
            Error::field(
                Code::InvalidAsOf,
                "asOf",
                "The last date in the data is the largest date there is; give asOf explicitly.",
            )
        })?,
    };
    let latest_purchase = summary
        .purchasers()
        .filter_map(CustomerSummary::last_purchase)
        .max();
    if let Some(latest) = latest_purchase {
        if as_of < latest {
            return Err(Error::field(
                Code::AsOfBeforeLastPurchase,
                "asOf",
                format!(
                    "asOf ({}) is before the last purchase in the data ({}): days since a purchase would be negative. Choose a date on or after {}.",
                    iso(as_of),
                    iso(latest),
                    iso(latest)
                ),
            )
            .with("asOf", iso(as_of))
            .with("lastPurchase", iso(latest)));
        }
    }
    Ok(as_of)
}

/// `ceil(n / 5)`: how many customers are "the top 20 %" of `n` (at least one
/// when `n > 0`).
pub(crate) fn top_fifth(n: usize) -> usize {
    n.div_ceil(5)
}

/// A customer known from a per-customer summary table rather than from its
/// rows (the warehouse route, `docs/sql/`): its name, the line of its row,
/// its orders, net total and refunds, and its first and last purchase days
/// (`None` for a customer without a purchase). Only those two purchase days
/// are known, so [`CustomerSummary::purchase_days`] and the gaps between
/// purchases are not the customer's: RFM, the lifecycle and CLV from a log
/// (which read only the first and last purchase) take such a summary;
/// retention, cohorts and the repeat figures need the rows.
impl CustomerSummary {
    pub fn from_totals(
        customer: &str,
        line: usize,
        orders: u32,
        total: f64,
        refunded: f64,
        purchases: Option<(NaiveDate, NaiveDate)>,
    ) -> Self {
        let days: Box<[i32]> = match purchases {
            None => Box::default(),
            Some((first, last)) if first == last => Box::new([day(first)]),
            Some((first, last)) => Box::new([day(first), day(last)]),
        };
        CustomerSummary {
            customer: customer.to_string(),
            key: customer_key(customer),
            first_line: line,
            orders,
            purchase_rows: 0,
            refund_rows: 0,
            total,
            refunded,
            days,
            // Only the first and last purchase are known: the second order's
            // day is not (trends, which needs it, refuses a summary).
            second_order: None,
            no_id_days: [i32::MAX; 2],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn t(name: &str, date: &str, amount: f64, order: Option<&str>, line: usize) -> Transaction {
        Transaction::new(name, d(date), amount, order.map(String::from), line)
    }

    #[test]
    fn keys_trim_collapse_and_fold_case() {
        assert_eq!(customer_key("  Budi \t  SANTOSO "), "budi santoso");
        assert_eq!(customer_key("ÉLODIE"), "élodie");
        assert_eq!(customer_key("   "), "");
        // ASCII names take a path of their own: every ASCII white space
        // (tab, line feed, vertical tab, form feed, return, space) is a gap.
        assert_eq!(customer_key("\tPELANGGAN\u{b}\u{c}12\r\n"), "pelanggan 12");
        assert_eq!(customer_key("Toko_A-1 "), "toko_a-1");
        // A non-ASCII name keeps the Unicode path (a no-break space is a gap).
        assert_eq!(customer_key("Budi\u{a0}ÖZIL"), "budi özil");
    }

    #[test]
    fn keys_short_and_long_stay_apart() {
        // 23 bytes (held in place), 24 bytes (apart), a 23-byte prefix of
        // the 24, and a name with a NUL after it: five customers, by hand,
        // in the order of their first lines.
        let k23 = "abcdefghijklmnopqrstuvw";
        let k24 = "abcdefghijklmnopqrstuvwx";
        let rows = vec![
            t(k23, "2025-01-01", 1.0, None, 2),
            t(k24, "2025-01-01", 2.0, None, 3),
            t("x", "2025-01-01", 4.0, None, 4),
            t("x\u{0}", "2025-01-01", 8.0, None, 5),
            t(&k23.to_uppercase(), "2025-01-02", 16.0, None, 6),
            t(&k24.to_uppercase(), "2025-01-02", 32.0, None, 7),
            t("", "2025-01-02", 64.0, None, 8),
            // Names as written again (found by their spelling), the first
            // line still the smallest.
            t(k23, "2025-01-03", 128.0, None, 9),
            t("x", "2025-01-03", 256.0, None, 1),
        ];
        let s = summarize(rows);
        let got: Vec<(&str, f64, u32)> = s
            .customers
            .iter()
            .map(|c| (c.key.as_str(), c.total, c.orders))
            .collect();
        assert_eq!(
            got,
            [
                ("x", 260.0, 2),
                (k23, 145.0, 3),
                (k24, 34.0, 2),
                ("x\u{0}", 8.0, 1),
                ("", 64.0, 1)
            ]
        );
    }

    #[test]
    fn spellings_one_after_another_and_apart_find_one_customer() {
        // Simple names (keys worked out in place; the last row's key reused
        // for another spelling of it) and names that are not simple (double
        // or leading spaces: found by their spelling once seen), mixed.
        // Totals and rows summed by hand.
        let rows = vec![
            t("Budi Santoso", "2025-01-01", 10.0, None, 2),
            t("BUDI SANTOSO", "2025-01-01", 20.0, None, 3),
            t("budi  santoso", "2025-01-02", 40.0, None, 4),
            t("Ani", "2025-01-02", 1.0, None, 5),
            t("ANI", "2025-01-03", 2.0, None, 6),
            t("Budi Santoso", "2025-01-03", 80.0, None, 7),
            t("budi  santoso", "2025-01-04", 160.0, None, 8),
            t("ani", "2025-01-04", 4.0, None, 9),
            t(" Ani", "2025-01-05", 8.0, None, 10),
            t("Budi Santosa", "2025-01-05", 1000.0, None, 11),
        ];
        let s = summarize(rows);
        let got: Vec<(&str, &str, f64, u32)> = s
            .customers
            .iter()
            .map(|c| (c.key.as_str(), c.customer.as_str(), c.total, c.orders))
            .collect();
        assert_eq!(
            got,
            [
                ("budi santoso", "Budi Santoso", 310.0, 5),
                ("ani", "Ani", 15.0, 4),
                ("budi santosa", "Budi Santosa", 1000.0, 1),
            ]
        );
    }

    #[test]
    fn first_spelling_is_the_smallest_line_whatever_the_order() {
        let rows = vec![
            t("budi  santoso", "2025-01-05", 10.0, None, 9),
            t(" Budi Santoso ", "2025-01-01", 10.0, None, 2),
            t("BUDI SANTOSO", "2025-01-03", 10.0, None, 5),
        ];
        let s = summarize(rows);
        assert_eq!(s.customers.len(), 1);
        assert_eq!(s.customers[0].customer, " Budi Santoso ");
        assert_eq!(s.customers[0].first_line, 2);
    }

    #[test]
    fn orders_are_distinct_ids_plus_rows_without_id() {
        // INV-1 twice (two lines of one order) + INV-2 + one row without id
        // = 3 orders; the refund of INV-2 removes none.
        let rows = vec![
            t("A", "2025-01-01", 100.0, Some("INV-1"), 1),
            t("A", "2025-01-01", 50.0, Some(" INV-1 "), 2),
            t("A", "2025-01-02", 70.0, Some("INV-2"), 3),
            t("A", "2025-01-03", 20.0, None, 4),
            t("A", "2025-01-04", -70.0, Some("INV-2"), 5),
        ];
        let s = summarize(rows);
        let a = &s.customers[0];
        assert_eq!(a.orders, 3);
        assert_eq!(a.purchase_rows, 4);
        assert_eq!(a.refund_rows, 1);
        // 100 + 50 + 70 + 20 − 70 = 170
        assert_eq!(a.total, 170.0);
        assert_eq!(a.refunded, 70.0);
        // Purchase days 1, 2 and 3 January; the refund day is not one.
        assert_eq!(a.purchase_days(), 3);
        assert_eq!(a.last_purchase(), Some(d("2025-01-03")));
        // …but it is the last date in the data.
        assert_eq!(s.last_date, Some(d("2025-01-04")));
    }

    #[test]
    fn zero_and_non_finite_rows() {
        let rows = vec![
            t("A", "2025-01-01", 0.0, None, 1),
            t("A", "2025-01-05", f64::NAN, None, 2),
            t("B", "2025-01-02", 5.0, None, 3),
        ];
        let s = summarize(rows);
        assert_eq!(s.rows, 2);
        assert_eq!(s.zero_rows, 1);
        assert_eq!(s.ignored_lines, vec![2]);
        assert_eq!(s.last_date, Some(d("2025-01-02")));
        assert!(!s.get("a").unwrap().has_purchase());
        assert_eq!(s.customers_without_purchase(), 1);
        assert_eq!(s.purchasers().count(), 1);
    }

    #[test]
    fn day_queries() {
        let s = summarize(vec![
            t("A", "2025-03-10", 1.0, None, 1),
            t("A", "2025-01-31", 1.0, None, 2),
            t("A", "2025-01-31", 1.0, None, 3),
            t("A", "2025-02-01", 1.0, None, 4),
        ]);
        let a = &s.customers[0];
        assert_eq!(a.purchase_days(), 3);
        assert!(a.bought_between(d("2025-02-01"), d("2025-02-28")));
        assert!(!a.bought_between(d("2025-02-02"), d("2025-03-09")));
        assert_eq!(
            a.last_purchase_on_or_before(d("2025-03-09")),
            Some(d("2025-02-01"))
        );
        assert_eq!(a.last_purchase_on_or_before(d("2025-01-30")), None);
        // Gaps: 31 Jan → 1 Feb = 1, 1 Feb → 10 Mar = 37.
        assert_eq!(a.days_between_purchases().collect::<Vec<_>>(), vec![1, 37]);
        assert_eq!(a.observed_lifespan_days(), Some(38));
        let months: Vec<i32> = a.purchase_months().collect();
        assert_eq!(months, vec![2025 * 12, 2025 * 12 + 1, 2025 * 12 + 2]);
    }

    #[test]
    fn packed_days_sort_by_customer_then_date_and_unpack() {
        let dates = [
            NaiveDate::MIN,
            NaiveDate::from_ymd_opt(-5, 1, 1).unwrap(),
            d("0001-01-01"),
            d("2025-06-30"),
            NaiveDate::MAX,
        ];
        for slot in [0, 7, u32::MAX] {
            let packed: Vec<u64> = dates.iter().map(|&x| pack(slot, x)).collect();
            assert!(packed.windows(2).all(|w| w[0] < w[1]));
            for (p, &date) in packed.iter().zip(&dates) {
                assert_eq!(from_day(unpack_day(*p)), Some(date));
                assert_eq!(*p >> 32, u64::from(slot));
            }
        }
        assert!(pack(1, NaiveDate::MIN) > pack(0, NaiveDate::MAX));
    }

    #[test]
    fn month_helpers() {
        let m = month_index(d("2024-02-10"));
        assert_eq!(month_start(m), Some(d("2024-02-01")));
        assert_eq!(month_end(m), Some(d("2024-02-29")));
        assert_eq!(
            month_end(month_index(d("2024-12-03"))),
            Some(d("2024-12-31"))
        );
        assert_eq!(top_fifth(0), 0);
        assert_eq!(top_fifth(1), 1);
        assert_eq!(top_fifth(5), 1);
        assert_eq!(top_fifth(6), 2);
    }

    #[test]
    fn empty_log_errors() {
        let s = summarize(Vec::new());
        assert_eq!(require_purchases(&s).unwrap_err().code, "emptyLog");
        let s = summarize(vec![t("A", "2025-01-01", -5.0, None, 1)]);
        assert_eq!(require_purchases(&s).unwrap_err().code, "noPurchases");
    }

    #[test]
    fn compacting_keeps_every_order_and_day() {
        // 3,000 rows of 7 customers: order ids repeat on rows far apart
        // (every 37th row), days repeat; the lists are compacted dozens of
        // times (every 64 entries and up). Expected by a plain count.
        let mut s = Summarizer::default();
        let mut orders =
            std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
        let mut days = std::collections::BTreeMap::<String, std::collections::BTreeSet<i64>>::new();
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        for i in 0..3000u32 {
            let who = format!("C{}", i % 7);
            let id = format!("O{}", (i * 13) % 37 + (i / 500) * 100);
            let date = start + chrono::Days::new(u64::from(i % 90));
            s.add(&who, date, 10.0, Some(&id), i as usize + 2);
            orders.entry(who.clone()).or_default().insert(id);
            days.entry(who).or_default().insert(i64::from(i % 90));
        }
        assert!(s.compact_at > 64, "compacted");
        let summary = s.finish();
        for c in &summary.customers {
            assert_eq!(
                c.orders as usize,
                orders[&c.customer].len(),
                "{}",
                c.customer
            );
            assert_eq!(c.purchase_days(), days[&c.customer].len(), "{}", c.customer);
        }
    }
}
