//! Cohort table from a transaction log (METRICS.md §8).
//!
//! Customers are grouped by the month of their first purchase; cell (cohort, k)
//! = customers of the cohort who bought in the k-th month after it / cohort
//! size × 100 (month 0 = 100 by definition). Only purchases count (see
//! [`super::log`]).
//!
//! A month is complete when the last date in the data is on or after its last
//! day. Every cell of a month that is not complete is null, never 0 % —
//! including month 0 of a cohort whose own month is not complete (its size is
//! still given, with `complete: false`, since more customers may join it).
//! Rows run from month 0 to the last month of the data, so the table is a
//! triangle; months without new customers have no row. `average` is the
//! retention curve over all cohorts: for each k, the customers of all cohorts
//! whose month k is complete who bought in it / the sizes of those cohorts.
//!
//! Data spanning more than [`MAX_MONTHS`] months (usually a mistyped year) is
//! an error, `spanTooLong`: the table would be unreadable and large.

use super::log::{iso, month_end, month_index, month_start, require_purchases, ser_date, Summary};
use super::percent;
use crate::error::{Code, Error, Result};
use chrono::NaiveDate;
use serde::Serialize;

/// The longest span of months a cohort table covers (100 years).
pub const MAX_MONTHS: i32 = 1200;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cohort {
    /// The cohort's month, `YYYY-MM`.
    pub cohort: String,
    /// Its first day.
    #[serde(serialize_with = "ser_date")]
    pub start: NaiveDate,
    /// Customers whose first purchase is in this month.
    pub size: u64,
    /// True when the cohort's own month is complete.
    pub complete: bool,
    /// Per month k = 0, 1, …: customers of the cohort who bought in month k;
    /// null when month k is not complete.
    pub counts: Vec<Option<u64>>,
    /// Per month k: counts[k] / size × 100; null when month k is not complete.
    pub cells: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cohorts {
    /// The last date in the data, which decides which months are complete.
    #[serde(serialize_with = "ser_date")]
    pub last_date: NaiveDate,
    /// Number of month columns (k = 0 … months − 1): the longest row.
    pub months: usize,
    pub cohorts: Vec<Cohort>,
    /// The retention curve over all cohorts, per month k (null when no cohort
    /// has month k complete).
    pub average: Vec<Option<f64>>,
    /// Customers in the table (with at least one purchase).
    pub customers: u64,
    /// Customers left out because they have no purchase (only refunds or zero amounts).
    pub customers_without_purchase: usize,
}

pub fn cohorts(summary: &Summary) -> Result<Cohorts> {
    let last_date = require_purchases(summary)?;
    let last_month = month_index(last_date);
    let first_month = summary
        .purchasers()
        .filter_map(|c| c.first_purchase())
        .map(month_index)
        .min()
        .unwrap_or(last_month);
    let span = last_month - first_month + 1;
    if span > MAX_MONTHS {
        return Err(Error::new(
            Code::SpanTooLong,
            format!(
                "The purchases run from {} to {}, more than {} years: check the dates for a mistyped year.",
                month_start(first_month).map(iso).unwrap_or_default(),
                iso(last_date),
                MAX_MONTHS / 12
            ),
        )
        .with("from", month_start(first_month).map(iso).unwrap_or_default())
        .with("to", iso(last_date))
        .with("years", MAX_MONTHS / 12));
    }
    // Row i is the cohort of month first_month + i; it has one column per
    // month up to the last month of the data.
    let mut sizes = vec![0u64; span as usize];
    let mut counts: Vec<Vec<u64>> = (0..span).map(|i| vec![0; (span - i) as usize]).collect();
    let mut customers = 0u64;
    for c in summary.purchasers() {
        let mut months = c.purchase_months();
        let Some(cohort) = months.next() else {
            continue;
        };
        let row = (cohort - first_month) as usize;
        customers += 1;
        sizes[row] += 1;
        counts[row][0] += 1;
        for m in months {
            counts[row][(m - cohort) as usize] += 1;
        }
    }
    let complete = |m: i32| month_end(m).is_some_and(|end| last_date >= end);
    let mut average_num = vec![0u64; span as usize];
    let mut average_den = vec![0u64; span as usize];
    let mut table = Vec::new();
    for (i, (size, row)) in sizes.into_iter().zip(counts).enumerate() {
        if size == 0 {
            continue;
        }
        let month = first_month + i as i32;
        let counts: Vec<Option<u64>> = row
            .into_iter()
            .enumerate()
            .map(|(k, count)| complete(month + k as i32).then_some(count))
            .collect();
        for (k, count) in counts.iter().enumerate() {
            if let Some(count) = count {
                average_num[k] += count;
                average_den[k] += size;
            }
        }
        let start = month_start(month).unwrap_or(last_date);
        table.push(Cohort {
            cohort: start.format("%Y-%m").to_string(),
            start,
            size,
            complete: complete(month),
            cells: counts
                .iter()
                .map(|c| c.map(|c| percent(c as f64, size as f64)))
                .collect(),
            counts,
        });
    }
    let average = average_num
        .iter()
        .zip(&average_den)
        .map(|(&num, &den)| (den > 0).then(|| percent(num as f64, den as f64)))
        .collect();
    Ok(Cohorts {
        last_date,
        months: span as usize,
        cohorts: table,
        average,
        customers,
        customers_without_purchase: summary.customers_without_purchase(),
    })
}
