//! Retention from a transaction log (METRICS.md §1): S, E and N derived from
//! the purchases, then CRR = (E − N) / S × 100 and churn = 100 − CRR (through
//! [`super::crr::crr`], which also gives the band and the above-100 warning).
//!
//! Only purchases count (see [`super::log`]): refunds and zero-amount rows make
//! nobody a customer of a period. Dates are inclusive at both ends.
//!
//! **Period over period** (default). The previous period: when the period runs
//! from the first day of a month to the last day of a month, the same number of
//! whole calendar months just before it (Feb 2025 → Jan 2025, Q2 → Q1,
//! 15 Jan–28 Feb is not whole months); otherwise the same number of days just
//! before it (1–10 Mar → 19–28 Feb). S = customers who bought in the previous
//! period, E = customers who bought in the period, N = customers whose first
//! purchase ever is in the period.
//!
//! **Active base**. A customer is active on a date when their last purchase up
//! to that date is at most D days before it (default D = 180). S = active at
//! the start of the period: a purchase from start − D to start − 1 (purchases
//! on the start day belong to the period, so a customer won on the first day
//! is new, not part of S); E = active at the end of the period: a purchase from
//! end − D to end; N = first purchase ever within the period.
//!
//! In both modes: retained = in S and in E; reactivated = in E but neither in S
//! nor new (they had bought before, then were absent from S); lost = S −
//! retained; E − N = retained + reactivated; strict retention = retained / S ×
//! 100. S = 0 is an error (`noStartCustomers`).
//!
//! The repeat-purchase figures ([`RepeatStats`]) are over the whole log, not
//! the period.
//!
//! Memory: the summary keeps each customer's sorted purchase days, so any
//! period is answered from the summary by binary search, without the rows.

use super::crr::{crr, Crr};
use super::log::{
    month_end, month_index, month_start, require_purchases, ser_date, ser_opt_date, Summary,
};
use super::{percent, Band};
use crate::error::{Code, Error, Notice, Notices, Result};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

/// The sources' churn threshold, D in the active-base mode.
pub const DEFAULT_ACTIVE_DAYS: u32 = 180;
/// The fewest days D may be.
pub const MIN_ACTIVE_DAYS: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RetentionMode {
    #[default]
    PeriodOverPeriod,
    ActiveBase,
}

/// The previous period of `start..=end` (see the module documentation).
pub fn previous_period(start: NaiveDate, end: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    check_period(start, end)?;
    let too_early = || {
        Error::field(
            Code::InvalidPeriod,
            "periodStart",
            "The period before this one would start before the earliest date there is.",
        )
    };
    let prev_end = start.pred_opt().ok_or_else(too_early)?;
    let whole_months = start.day() == 1 && month_end(month_index(end)) == Some(end);
    let prev_start = if whole_months {
        let months = month_index(end) - month_index(start) + 1;
        month_start(month_index(start) - months).ok_or_else(too_early)?
    } else {
        let days = (end - start).num_days() as u64 + 1;
        start
            .checked_sub_days(Days::new(days))
            .ok_or_else(too_early)?
    };
    Ok((prev_start, prev_end))
}

fn check_period(start: NaiveDate, end: NaiveDate) -> Result<()> {
    if end < start {
        return Err(Error::field(
            Code::InvalidPeriod,
            "periodEnd",
            format!("The period ends ({end}) before it starts ({start}): the end date must be on or after the start date."),
        ));
    }
    Ok(())
}

/// Repeat purchases over the whole log.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RepeatStats {
    /// Customers with at least one purchase.
    pub customers: u64,
    /// Customers with 2 or more orders.
    pub repeat_customers: u64,
    /// repeat customers / customers × 100.
    pub repeat_purchase_rate: f64,
    /// The mean of every gap between consecutive purchase days of every
    /// customer: Σ (last − first purchase day) / Σ (purchase days − 1), over
    /// customers with 2 or more purchase days. Null when nobody has two.
    pub average_days_between_purchases: Option<f64>,
    /// Number of gaps that mean is over.
    pub purchase_gaps: u64,
    /// The median, over customers with 2 or more purchase days, of the days
    /// from the first purchase day to the next one (the mean of the two middle
    /// values when their number is even). Null when nobody has two.
    pub median_days_to_first_repeat: Option<f64>,
    /// Customers with 2 or more purchase days (a second order on the first
    /// day makes a repeat customer but no repeat day).
    pub customers_with_repeat_day: u64,
}

pub fn repeat_stats(summary: &Summary) -> Result<RepeatStats> {
    require_purchases(summary)?;
    let (mut customers, mut repeat, mut span, mut gaps) = (0u64, 0u64, 0i64, 0u64);
    let mut first_gaps: Vec<i64> = Vec::new();
    for c in summary.purchasers() {
        customers += 1;
        if c.orders >= 2 {
            repeat += 1;
        }
        if let Some(first_gap) = c.days_between_purchases().next() {
            first_gaps.push(first_gap);
            span += c.observed_lifespan_days().unwrap_or(0);
            gaps += c.purchase_days() as u64 - 1;
        }
    }
    first_gaps.sort_unstable();
    let k = first_gaps.len();
    let median = match k {
        0 => None,
        k if k % 2 == 1 => Some(first_gaps[k / 2] as f64),
        k => Some((first_gaps[k / 2 - 1] + first_gaps[k / 2]) as f64 / 2.0),
    };
    Ok(RepeatStats {
        customers,
        repeat_customers: repeat,
        repeat_purchase_rate: percent(repeat as f64, customers as f64),
        average_days_between_purchases: (gaps > 0).then(|| span as f64 / gaps as f64),
        purchase_gaps: gaps,
        median_days_to_first_repeat: median,
        customers_with_repeat_day: k as u64,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Retention {
    pub mode: RetentionMode,
    #[serde(serialize_with = "ser_date")]
    pub start: NaiveDate,
    #[serde(serialize_with = "ser_date")]
    pub end: NaiveDate,
    /// The previous period used (period over period); null in active-base mode.
    #[serde(serialize_with = "ser_opt_date")]
    pub previous_start: Option<NaiveDate>,
    #[serde(serialize_with = "ser_opt_date")]
    pub previous_end: Option<NaiveDate>,
    /// D (active-base mode); null period over period.
    pub active_days: Option<u32>,
    /// S.
    pub start_customers: u64,
    /// E.
    pub end_customers: u64,
    /// N.
    pub new_customers: u64,
    /// In S and in E.
    pub retained: u64,
    /// In E, not in S, not new.
    pub reactivated: u64,
    /// S − retained.
    pub lost: u64,
    /// CRR = (E − N) / S × 100 (can exceed 100 through reactivations).
    pub retention_rate: f64,
    /// retained / S × 100.
    pub strict_retention_rate: f64,
    /// 100 − CRR.
    pub churn_rate: f64,
    /// The band of CRR, or of the strict rate when CRR is above 100 %.
    pub band: Band,
    /// `periodEndsAfterData`, `dataStartsAfterWindow`, `crrAboveHundred`.
    #[serde(flatten)]
    pub notices: Notices,
    #[serde(flatten)]
    pub repeat: RepeatStats,
    /// Customers left out because they have no purchase (only refunds or zero amounts).
    pub customers_without_purchase: usize,
}

/// A notice whose params are the dates it names, as ISO strings.
fn dates_notice(code: Code, message: String, dates: [(&'static str, NaiveDate); 2]) -> Notice {
    dates
        .into_iter()
        .fold(Notice::new(code, message), |n, (key, date)| {
            n.with(key, date.to_string())
        })
}

/// Retention over `start..=end`. `active_days` is D of the active-base mode
/// (default [`DEFAULT_ACTIVE_DAYS`]; ignored period over period).
pub fn retention(
    summary: &Summary,
    start: NaiveDate,
    end: NaiveDate,
    mode: RetentionMode,
    active_days: Option<u32>,
) -> Result<Retention> {
    require_purchases(summary)?;
    check_period(start, end)?;
    let mut notices = Notices::default();
    let (first_date, last_date) = (summary.first_date, summary.last_date);
    if let Some(last) = last_date.filter(|&last| end > last) {
        notices.push(dates_notice(
            Code::PeriodEndsAfterData,
            format!(
                "The period ends after the last date in the data ({last}): its figures cover only part of it."
            ),
            [("lastDate", last), ("periodEnd", end)],
        ));
    }
    // `in_start(c)`: c is in S; `in_end(c)`: c is in E.
    let (previous, d, s_from, s_to, e_from) = match mode {
        RetentionMode::PeriodOverPeriod => {
            let (ps, pe) = previous_period(start, end)?;
            (Some((ps, pe)), None, ps, pe, start)
        }
        RetentionMode::ActiveBase => {
            let d = active_days.unwrap_or(DEFAULT_ACTIVE_DAYS);
            if d < MIN_ACTIVE_DAYS {
                return Err(Error::field(
                    Code::ActiveDaysNotPositive,
                    "activeDays",
                    "activeDays must be at least 1: it is how many days after a purchase a customer still counts as active.",
                ));
            }
            let back = |date: NaiveDate| {
                date.checked_sub_days(Days::new(u64::from(d)))
                    .ok_or_else(|| {
                        Error::field(
                            Code::InvalidPeriod,
                            "periodStart",
                            "The period starts too close to the earliest date there is.",
                        )
                    })
            };
            let s_to = start.pred_opt().ok_or_else(|| {
                Error::field(
                    Code::InvalidPeriod,
                    "periodStart",
                    "The period cannot start on the earliest date there is.",
                )
            })?;
            (None, Some(d), back(start)?, s_to, back(end)?)
        }
    };
    if let Some(first) = first_date.filter(|&first| s_from < first) {
        notices.push(dates_notice(
            Code::DataStartsAfterWindow,
            format!(
                "The data starts on {first}, after the start of the comparison window ({s_from}): customers of the start may be undercounted."
            ),
            [("firstDate", first), ("windowStart", s_from)],
        ));
    }
    let (mut s, mut e, mut n, mut retained, mut reactivated) = (0u64, 0u64, 0u64, 0u64, 0u64);
    for c in summary.purchasers() {
        let in_s = c.bought_between(s_from, s_to);
        let in_e = c.bought_between(e_from, end);
        let new = c.first_purchase().is_some_and(|f| start <= f && f <= end);
        s += u64::from(in_s);
        e += u64::from(in_e);
        n += u64::from(new);
        retained += u64::from(in_s && in_e);
        reactivated += u64::from(in_e && !in_s && !new);
    }
    if s == 0 {
        return Err(Error::new(
            Code::NoStartCustomers,
            match previous {
                Some((ps, pe)) => format!(
                    "No customer bought in the previous period ({ps} to {pe}), so retention cannot be measured: choose a later period, or the active-base mode."
                ),
                None => format!(
                    "No customer was active at the start of the period (a purchase from {s_from} to {s_to}), so retention cannot be measured: choose a later period."
                ),
            },
        )
        .with("from", previous.map_or(s_from, |p| p.0).to_string())
        .with("to", previous.map_or(s_to, |p| p.1).to_string()));
    }
    // N ⊆ E always (a first purchase in the period is a purchase in it) and s > 0.
    let Crr {
        retention_rate,
        churn_rate,
        band,
        notices: rate_notices,
        ..
    } = crr(s, e, n)?;
    let strict = percent(retained as f64, s as f64);
    // Above 100 % (reactivations) the strict rate is the figure to watch:
    // it gives the band, and the notice names it.
    let band = if retention_rate > 100.0 {
        super::crr::band(strict)
    } else {
        band
    };
    for notice in rate_notices.own {
        notices.push(if notice.code == Code::CrrAboveHundred {
            Notice::new(
                Code::CrrAboveHundred,
                format!(
                    "The retention rate is above 100 % because {reactivated} customer(s) came back after a gap. Of the {s} customers of the previous period, {retained} bought again: strict retention is {} %, the figure to watch (and the one banded).",
                    crate::error::number((strict * 10.0).round() / 10.0)
                ),
            )
            .with("rate", retention_rate)
            .with("retained", e - n)
            .with("start", s)
            .with("strictRate", strict)
            .with("reactivated", reactivated)
        } else {
            notice
        });
    }
    Ok(Retention {
        mode,
        start,
        end,
        previous_start: previous.map(|p| p.0),
        previous_end: previous.map(|p| p.1),
        active_days: d,
        start_customers: s,
        end_customers: e,
        new_customers: n,
        retained,
        reactivated,
        lost: s - retained,
        retention_rate,
        strict_retention_rate: strict,
        churn_rate,
        band,
        notices,
        repeat: repeat_stats(summary)?,
        customers_without_purchase: summary.customers_without_purchase(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn prev(a: &str, b: &str) -> (NaiveDate, NaiveDate) {
        previous_period(d(a), d(b)).unwrap()
    }

    #[test]
    fn previous_periods() {
        // (start, end) → the period before.
        for (start, end, before_start, before_end) in [
            ("2025-02-01", "2025-02-28", "2025-01-01", "2025-01-31"),
            ("2025-03-01", "2025-03-31", "2025-02-01", "2025-02-28"),
            ("2025-04-01", "2025-06-30", "2025-01-01", "2025-03-31"),
            ("2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31"),
            // 10 days → the 10 days before.
            ("2025-03-01", "2025-03-10", "2025-02-19", "2025-02-28"),
            // Not whole months: 15 Jan – 28 Feb 2025 is 45 days → 1 Dec 2024 – 14 Jan 2025.
            ("2025-01-15", "2025-02-28", "2024-12-01", "2025-01-14"),
            // A single day.
            ("2025-01-01", "2025-01-01", "2024-12-31", "2024-12-31"),
            // Ends on a month's last day but does not start on a 1st: days.
            ("2025-02-02", "2025-02-28", "2025-01-06", "2025-02-01"),
        ] {
            assert_eq!(
                prev(start, end),
                (d(before_start), d(before_end)),
                "{start} to {end}"
            );
        }
        assert_eq!(
            previous_period(d("2025-02-01"), d("2025-01-31"))
                .unwrap_err()
                .code,
            "invalidPeriod"
        );
        assert_eq!(
            previous_period(NaiveDate::MIN, NaiveDate::MIN)
                .unwrap_err()
                .code,
            "invalidPeriod"
        );
    }
}
