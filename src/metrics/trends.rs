//! Figures per calendar month or ISO week of a transaction log (issue #14):
//! customers, new and returning, orders, net revenue, average order value,
//! period-over-period retention and churn, and the repeat-purchase rate to
//! each period's end. Read from the per-customer [`Summary`] (purchase days,
//! the day of each customer's second order) and its day totals, never from
//! the rows.
//!
//! Rules:
//! - **Periods**: every calendar month (`2025-01`) or ISO week (`2025-W03`,
//!   Monday to Sunday, the ISO year) from the one holding the first date in
//!   the data to the one holding the last, in order, empty ones included. A
//!   period is `complete` when the last date in the data is on or after its
//!   last day.
//! - **Active** = bought in the period (a purchase day in it); **new** = first
//!   purchase ever in it; **returning** = active − new.
//! - **Orders** are counted on the day of their first purchase row (the rule
//!   of [`super::log`]); **revenue** is net: purchases minus refunds, each on
//!   its own row's date (a refund lowers the revenue of the period it is
//!   dated in). Customers' rows only, as every log analysis: guests' sales are
//!   in the reading's `sales`. Average order value = revenue / orders (null
//!   without orders).
//! - **Retention** of a period = [`super::retention::retention`] for that
//!   period, period over period: S = active in the period before, E = active
//!   in it, N = new in it, CRR = (E − N) / S × 100, churn = 100 − CRR, strict
//!   retention = (active in both) / S × 100. Null for the first period and
//!   where nobody bought in the period before (retention's `noStartCustomers`).
//! - **Repeat-purchase rate** to a period's end = customers with 2 or more
//!   orders by then / customers with a purchase by then × 100 (at the last
//!   period: the log's `repeatPurchaseRate`).
//! - **Span**: data over more than [`MAX_MONTHS`] months (a mistyped year)
//!   are `spanTooLong`, as in the cohorts.
//! - **Churn jump** ([`Code::ChurnJump`]): a complete period whose churn is at
//!   least [`CHURN_JUMP_FACTOR`] × the median churn of the up to
//!   [`CHURN_JUMP_WINDOW`] periods before it that have one, when at least
//!   [`CHURN_JUMP_MIN_HISTORY`] of them do and that median is above 0.

use super::cohorts::MAX_MONTHS;
use super::crr::crr;
use super::log::{
    day, from_day, iso, month_end, month_index, month_start, require_purchases, Summary,
};
use super::percent;
use crate::error::{number, Code, Error, Notice, Notices, Result};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// Churn at least this many times the recent median is a jump.
pub const CHURN_JUMP_FACTOR: f64 = 1.5;
/// The periods before one whose median churn it is compared with.
pub const CHURN_JUMP_WINDOW: usize = 6;
/// The fewest earlier churn figures the comparison needs.
pub const CHURN_JUMP_MIN_HISTORY: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Granularity {
    #[default]
    Month,
    Week,
}

/// One month or week.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrendPeriod {
    /// `2025-01` or `2025-W03`.
    pub period: String,
    #[serde(serialize_with = "super::log::ser_date")]
    pub start: NaiveDate,
    #[serde(serialize_with = "super::log::ser_date")]
    pub end: NaiveDate,
    /// The last date in the data is on or after `end`.
    pub complete: bool,
    pub active_customers: u64,
    pub new_customers: u64,
    pub returning_customers: u64,
    pub orders: u64,
    /// Net: purchases minus refunds dated in the period.
    pub revenue: f64,
    /// revenue / orders; null without orders.
    pub average_order_value: Option<f64>,
    /// S: customers active in the period before (0 for the first period).
    pub start_customers: u64,
    /// Customers active in the period before and in this one.
    pub retained: u64,
    /// Active in this period, not in the one before, not new.
    pub reactivated: u64,
    /// (E − N) / S × 100, as `retention` gives; null for the first period or S = 0.
    pub retention_rate: Option<f64>,
    /// 100 − retentionRate.
    pub churn_rate: Option<f64>,
    /// retained / S × 100.
    pub strict_retention_rate: Option<f64>,
    /// Customers with a purchase by the period's end.
    pub customers_to_date: u64,
    /// Of those, customers with 2 or more orders by then.
    pub repeat_customers_to_date: u64,
    /// repeatCustomersToDate / customersToDate × 100; null when nobody bought yet.
    pub repeat_purchase_rate: Option<f64>,
    /// This period's churn is a jump (see the module documentation).
    pub churn_jump: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trends {
    pub granularity: Granularity,
    pub periods: Vec<TrendPeriod>,
    /// The name of the latest complete period (the default "A" of a comparison), or null.
    pub last_complete: Option<String>,
    /// `churnJump`, one per period with a jump.
    #[serde(flatten)]
    pub notices: Notices,
}

/// The periods' calendar: the first period's start and how to step.
struct Calendar {
    granularity: Granularity,
    /// Month index of the first month, or the CE day of the first week's Monday.
    first: i32,
    /// Months: the CE day each month starts on, from the first (a day's month
    /// by binary search, without building its date).
    month_starts: Vec<i32>,
}

impl Calendar {
    fn new(granularity: Granularity, first_date: NaiveDate) -> Calendar {
        let first = match granularity {
            Granularity::Month => month_index(first_date),
            Granularity::Week => {
                day(first_date) - first_date.weekday().num_days_from_monday() as i32
            }
        };
        Calendar {
            granularity,
            first,
            month_starts: Vec::new(),
        }
    }

    /// Readies the month starts of the periods up to the one of `last`.
    fn through(mut self, last: NaiveDate) -> Calendar {
        if self.granularity == Granularity::Month {
            self.month_starts = (self.first..=month_index(last))
                .filter_map(|m| month_start(m).map(day))
                .collect();
        }
        self
    }

    /// The 0-based period of a CE day number (never before the first).
    fn of_day(&self, d: i32) -> usize {
        match self.granularity {
            Granularity::Month if !self.month_starts.is_empty() => {
                self.month_starts.partition_point(|&s| s <= d) as i32 - 1
            }
            Granularity::Month => from_day(d).map_or(0, |date| month_index(date) - self.first),
            Granularity::Week => (d - self.first).div_euclid(7),
        }
        .max(0) as usize
    }

    /// First and last day of period `k`, and its name.
    fn bounds(&self, k: usize) -> Option<(NaiveDate, NaiveDate, String)> {
        let k = i32::try_from(k).ok()?;
        match self.granularity {
            Granularity::Month => {
                let m = self.first.checked_add(k)?;
                let start = month_start(m)?;
                Some((
                    start,
                    month_end(m)?,
                    format!("{:04}-{:02}", start.year(), start.month()),
                ))
            }
            Granularity::Week => {
                let start = from_day(self.first.checked_add(k.checked_mul(7)?)?)?;
                let end = from_day(day(start).checked_add(6)?)?;
                let week = start.iso_week();
                debug_assert_eq!(start.weekday(), Weekday::Mon);
                Some((
                    start,
                    end,
                    format!("{:04}-W{:02}", week.year(), week.week()),
                ))
            }
        }
    }
}

/// The figures of every month or week of the log.
pub fn trends(summary: &Summary, granularity: Granularity) -> Result<Trends> {
    let last = require_purchases(summary)?;
    let first = summary.first_date.unwrap_or(last);
    // As the cohorts: more than a century of months is a mistyped year.
    if month_index(last) - month_index(first) + 1 > MAX_MONTHS {
        return Err(Error::new(
            Code::SpanTooLong,
            format!(
                "The data run from {} to {}, more than {} years: check the dates for a mistyped year.",
                iso(first),
                iso(last),
                MAX_MONTHS / 12
            ),
        )
        .with("from", iso(first))
        .with("to", iso(last))
        .with("years", MAX_MONTHS / 12));
    }
    let cal = Calendar::new(granularity, first).through(last);
    let n = cal.of_day(day(last)) + 1;
    let (mut active, mut new, mut retained) = (vec![0u64; n], vec![0u64; n], vec![0u64; n]);
    let mut second = vec![0u64; n];
    for c in summary.purchasers() {
        let mut previous: Option<usize> = None;
        for &d in c.purchase_day_numbers() {
            let p = cal.of_day(d).min(n - 1);
            match previous {
                Some(q) if q == p => continue,
                Some(q) => retained[p] += u64::from(q + 1 == p),
                None => new[p] += 1,
            }
            active[p] += 1;
            previous = Some(p);
        }
        if let Some(d) = c.second_order_day_number() {
            second[cal.of_day(d).min(n - 1)] += 1;
        }
    }
    let (mut orders, mut revenue) = (vec![0u64; n], vec![0f64; n]);
    for t in &summary.daily {
        let p = cal.of_day(day(t.day)).min(n - 1);
        orders[p] += u64::from(t.orders);
        revenue[p] += t.revenue;
    }
    let mut periods = Vec::with_capacity(n);
    let (mut customers, mut repeat) = (0u64, 0u64);
    for k in 0..n {
        let Some((start, end, period)) = cal.bounds(k) else {
            break;
        };
        customers += new[k];
        repeat += second[k];
        let s = if k == 0 { 0 } else { active[k - 1] };
        // N ⊆ E and s > 0: crr cannot fail here; it is the one home of the formula.
        let rate = (s > 0).then(|| crr(s, active[k], new[k]).ok()).flatten();
        periods.push(TrendPeriod {
            period,
            start,
            end,
            complete: last >= end,
            active_customers: active[k],
            new_customers: new[k],
            returning_customers: active[k] - new[k],
            orders: orders[k],
            revenue: revenue[k],
            average_order_value: (orders[k] > 0).then(|| revenue[k] / orders[k] as f64),
            start_customers: s,
            retained: retained[k],
            reactivated: active[k] - new[k] - retained[k],
            retention_rate: rate.as_ref().map(|r| r.retention_rate),
            churn_rate: rate.as_ref().map(|r| r.churn_rate),
            strict_retention_rate: (s > 0).then(|| percent(retained[k] as f64, s as f64)),
            customers_to_date: customers,
            repeat_customers_to_date: repeat,
            repeat_purchase_rate: (customers > 0).then(|| percent(repeat as f64, customers as f64)),
            churn_jump: false,
        });
    }
    let mut notices = Notices::default();
    for k in 0..periods.len() {
        let Some(churn) = periods[k].churn_rate.filter(|_| periods[k].complete) else {
            continue;
        };
        let mut history: Vec<f64> = periods[k.saturating_sub(CHURN_JUMP_WINDOW)..k]
            .iter()
            .filter_map(|p| p.churn_rate)
            .collect();
        if history.len() < CHURN_JUMP_MIN_HISTORY {
            continue;
        }
        let median = median(&mut history);
        if median > 0.0 && churn >= CHURN_JUMP_FACTOR * median {
            periods[k].churn_jump = true;
            notices.push(
                Notice::new(
                    Code::ChurnJump,
                    format!(
                        "Churn in {} is {} %, at least {} times the median of the periods before it ({} %).",
                        periods[k].period,
                        number((churn * 10.0).round() / 10.0),
                        number(CHURN_JUMP_FACTOR),
                        number((median * 10.0).round() / 10.0)
                    ),
                )
                .with("period", periods[k].period.as_str())
                .with("churnRate", churn)
                .with("median", median)
                .with("periods", history.len()),
            );
        }
    }
    let last_complete = periods
        .iter()
        .rev()
        .find(|p| p.complete)
        .map(|p| p.period.clone());
    Ok(Trends {
        granularity,
        periods,
        last_complete,
        notices,
    })
}

/// The median (the mean of the two middle values of an even count).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let k = values.len();
    if k % 2 == 1 {
        values[k / 2]
    } else {
        (values[k / 2 - 1] + values[k / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weeks_are_iso_weeks_named_by_their_iso_year() {
        // 2024-12-30 is the Monday of ISO week 2025-W01.
        let cal = Calendar::new(Granularity::Week, d("2025-01-01"));
        let (start, end, name) = cal.bounds(0).unwrap();
        assert_eq!(
            (start, end, name.as_str()),
            (d("2024-12-30"), d("2025-01-05"), "2025-W01")
        );
        assert_eq!(cal.of_day(day(d("2025-01-05"))), 0);
        assert_eq!(cal.of_day(day(d("2025-01-06"))), 1);
        assert_eq!(cal.bounds(2).unwrap().2, "2025-W03");
        // 2026-12-31 (a Thursday) is in 2026-W53.
        let cal = Calendar::new(Granularity::Week, d("2026-12-31"));
        assert_eq!(cal.bounds(0).unwrap().2, "2026-W53");
    }

    #[test]
    fn months_are_named_and_bounded() {
        let cal = Calendar::new(Granularity::Month, d("2024-12-15"));
        assert_eq!(
            cal.bounds(0).unwrap(),
            (d("2024-12-01"), d("2024-12-31"), "2024-12".into())
        );
        assert_eq!(
            cal.bounds(2).unwrap(),
            (d("2025-02-01"), d("2025-02-28"), "2025-02".into())
        );
        assert_eq!(cal.of_day(day(d("2025-02-28"))), 2);
        // The same by binary search over the month starts.
        let cal = cal.through(d("2025-03-02"));
        assert_eq!(cal.month_starts.len(), 4);
        for (date, k) in [
            ("2024-12-15", 0),
            ("2024-12-31", 0),
            ("2025-01-01", 1),
            ("2025-02-28", 2),
            ("2025-03-02", 3),
        ] {
            assert_eq!(cal.of_day(day(d(date))), k, "{date}");
        }
    }

    #[test]
    fn medians() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
