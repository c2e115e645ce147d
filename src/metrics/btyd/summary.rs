//! Per-customer frequency, recency, age and spend from a transaction log:
//! the input of the BTYD models (lifetimes' `summary_data_from_transaction_data`
//! with `freq="D"`, weeks as days / 7).
//!
//! - Purchases of one customer on one day are one purchase day, with their
//!   amounts summed.
//! - Rows with a negative amount are refunds: they lower the value of a
//!   purchase day of the same customer on the same day, and are not
//!   purchases themselves (a refund on a day without a purchase is not used,
//!   and counted in a warning).
//! - x (frequency) = purchase days up to the calibration end, minus the
//!   first; t_x (recency) = last − first purchase day; T = calibration end −
//!   first purchase day; all in days, or in weeks = days / 7.
//! - monetary = mean value of the repeat purchase days (the first day left
//!   out, as the Gamma-Gamma model expects); 0 when x = 0.
//! - The calibration end defaults to the last date in the data. Purchase days
//!   after it, up to an optional holdout end, are the holdout: each
//!   customer's holdout repeat purchases are counted. Customers whose first
//!   purchase comes after the calibration end are not summarised.

use super::{CustomerRfmt, TimeUnit};
use crate::error::{Code, Error, Notice, Notices, Result};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// One row of the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Transaction {
    pub customer: String,
    pub date: NaiveDate,
    pub amount: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SummaryOptions {
    pub unit: TimeUnit,
    /// Last day of the calibration period (included); default the last date
    /// in the data.
    pub calibration_end: Option<NaiveDate>,
    /// Last day of the holdout period (included), after the calibration end.
    pub holdout_end: Option<NaiveDate>,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            unit: TimeUnit::Days,
            calibration_end: None,
            holdout_end: None,
        }
    }
}

pub(crate) fn iso_date<S: Serializer>(
    date: &NaiveDate,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(&date.format("%Y-%m-%d"))
}

/// Repeat purchase days after the calibration end, per customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HoldoutSummary {
    #[serde(serialize_with = "iso_date")]
    pub end: NaiveDate,
    /// Holdout length in the unit: (holdout end − calibration end) days.
    pub duration: f64,
    /// Per customer, in the order of `Summary::customers`.
    pub purchases: Vec<f64>,
    pub total_purchases: f64,
    /// Per customer: the value of the holdout purchase days (refunds of the
    /// same day netted), in the order of `Summary::customers`.
    pub spend: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// In order of each customer's first row in the log.
    pub customers: Vec<CustomerRfmt>,
    pub unit: TimeUnit,
    #[serde(serialize_with = "iso_date")]
    pub calibration_end: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holdout: Option<HoldoutSummary>,
    /// Per customer, the first purchase day (for the tracking plot).
    #[serde(skip)]
    pub first_purchases: Vec<NaiveDate>,
    /// Every repeat purchase day of the summarised customers, calibration
    /// and holdout (for the tracking plot), unsorted.
    #[serde(skip)]
    pub repeat_days: Vec<NaiveDate>,
    /// `lateFirstPurchases`, `loneRefunds`, `purchasesAfterHoldout`,
    /// `purchasesAfterCalibration`.
    #[serde(flatten)]
    pub notices: Notices,
}

/// One customer's rows, gathered.
#[derive(Default)]
struct Rows {
    id_row: usize,
    rows: Vec<(NaiveDate, f64)>,
}

/// Summarise a transaction log; see the module documentation for the rules.
///
/// Errors: `noTransactions` (empty log), `amountNotFinite` (with the 1-based
/// position of the row), `holdoutEndNotAfterCalibrationEnd`,
/// `noCustomersInCalibration` (nobody bought by the calibration end).
pub fn summarize(transactions: &[Transaction], options: &SummaryOptions) -> Result<Summary> {
    if transactions.is_empty() {
        return Err(Error::new(
            Code::NoTransactions,
            "There are no transactions to summarise.",
        ));
    }
    if let Some((i, t)) = transactions
        .iter()
        .enumerate()
        .find(|(_, t)| !t.amount.is_finite())
    {
        return Err(Error::field(
            Code::AmountNotFinite,
            "amount",
            format!(
                "The amount of transaction {} (customer {}) is not a number ({}).",
                i + 1,
                t.customer,
                t.amount
            ),
        )
        .with_row(i + 1));
    }
    let last_date = transactions
        .iter()
        .map(|t| t.date)
        .max()
        .unwrap_or_default();
    let calibration_end = options.calibration_end.unwrap_or(last_date);
    if let Some(end) = options.holdout_end {
        if end <= calibration_end {
            return Err(Error::field(
                Code::HoldoutEndNotAfterCalibrationEnd,
                "holdoutEnd",
                format!(
                    "The holdout end ({end}) must come after the calibration end ({calibration_end})."
                ),
            )
            .with("holdoutEnd", end.to_string())
            .with("calibrationEnd", calibration_end.to_string()));
        }
    }
    let period_end = options.holdout_end.unwrap_or(calibration_end);
    let unit_days = options.unit.days();

    // Gather rows per customer, in order of first appearance.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut gathered: Vec<Rows> = Vec::new();
    for (i, t) in transactions.iter().enumerate() {
        let k = *index.entry(t.customer.as_str()).or_insert_with(|| {
            gathered.push(Rows {
                id_row: i,
                rows: Vec::new(),
            });
            gathered.len() - 1
        });
        gathered[k].rows.push((t.date, t.amount));
    }

    let mut customers = Vec::with_capacity(gathered.len());
    let mut holdout_purchases = Vec::with_capacity(gathered.len());
    let mut holdout_spend = Vec::with_capacity(gathered.len());
    let mut first_purchases = Vec::with_capacity(gathered.len());
    let mut repeat_days = Vec::new();
    let (mut late_customers, mut lone_refunds, mut beyond_end) = (0usize, 0usize, 0usize);
    // Purchase days as (date, value), reused across customers.
    let mut days: Vec<(NaiveDate, f64)> = Vec::new();
    for customer in &mut gathered {
        customer.rows.sort_by_key(|r| r.0);
        days.clear();
        // Walk the rows day by day: purchases make the day, refunds of the
        // same day lower its value.
        let mut i = 0;
        while i < customer.rows.len() {
            let date = customer.rows[i].0;
            let (mut value, mut purchases) = (0.0, 0usize);
            while i < customer.rows.len() && customer.rows[i].0 == date {
                let amount = customer.rows[i].1;
                if amount >= 0.0 {
                    purchases += 1;
                }
                value += amount;
                i += 1;
            }
            if date > period_end {
                beyond_end += 1;
            } else if purchases > 0 {
                days.push((date, value));
            } else {
                lone_refunds += 1;
            }
        }
        let calibration: Vec<&(NaiveDate, f64)> =
            days.iter().filter(|d| d.0 <= calibration_end).collect();
        let Some(first) = calibration.first().map(|d| d.0) else {
            if !days.is_empty() {
                late_customers += 1;
            }
            continue;
        };
        let last = calibration.last().map_or(first, |d| d.0);
        let x = calibration.len() - 1;
        let monetary = if x > 0 {
            calibration[1..].iter().map(|d| d.1).sum::<f64>() / x as f64
        } else {
            0.0
        };
        customers.push(CustomerRfmt {
            id: transactions[customer.id_row].customer.clone(),
            frequency: x as f64,
            recency: (last - first).num_days() as f64 / unit_days,
            t: (calibration_end - first).num_days() as f64 / unit_days,
            monetary,
        });
        holdout_purchases.push((days.len() - calibration.len()) as f64);
        holdout_spend.push(days[calibration.len()..].iter().map(|d| d.1).sum::<f64>());
        first_purchases.push(first);
        repeat_days.extend(days[1..].iter().map(|d| d.0));
    }
    if customers.is_empty() {
        return Err(Error::new(
            Code::NoCustomersInCalibration,
            format!("No customer made a purchase by the calibration end ({calibration_end})."),
        )
        .with("calibrationEnd", calibration_end.to_string()));
    }

    let mut notices = Notices::default();
    if late_customers > 0 {
        notices.push(
            Notice::new(
                Code::LateFirstPurchases,
                format!(
                    "{late_customers} customers first bought after the calibration end ({calibration_end}) and are not in the summary."
                ),
            )
            .with("customers", late_customers)
            .with("calibrationEnd", calibration_end.to_string()),
        );
    }
    if lone_refunds > 0 {
        notices.push(
            Notice::new(
                Code::LoneRefunds,
                format!(
                    "{lone_refunds} refunds fell on days without a purchase by the same customer and were not used."
                ),
            )
            .with("refunds", lone_refunds),
        );
    }
    if beyond_end > 0 {
        let (code, which, key) = if options.holdout_end.is_some() {
            (Code::PurchasesAfterHoldout, "the holdout end", "holdoutEnd")
        } else {
            (
                Code::PurchasesAfterCalibration,
                "the calibration end",
                "calibrationEnd",
            )
        };
        notices.push(
            Notice::new(
                code,
                format!("{beyond_end} purchase days after {which} ({period_end}) were not used."),
            )
            .with("days", beyond_end)
            .with(key, period_end.to_string()),
        );
    }
    let holdout = options.holdout_end.map(|end| HoldoutSummary {
        end,
        duration: (end - calibration_end).num_days() as f64 / unit_days,
        total_purchases: holdout_purchases.iter().sum(),
        purchases: holdout_purchases,
        spend: holdout_spend,
    });
    Ok(Summary {
        customers,
        unit: options.unit,
        calibration_end,
        holdout,
        first_purchases,
        repeat_days,
        notices,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn tx(c: &str, d: &str, a: f64) -> Transaction {
        Transaction {
            customer: c.to_string(),
            date: day(d),
            amount: a,
        }
    }

    #[test]
    fn same_day_purchases_collapse_and_refunds_lower_the_day() {
        let log = [
            tx("b", "2024-01-10", 5.0),
            tx("a", "2024-01-01", 10.0),
            tx("a", "2024-01-01", 15.0),
            tx("a", "2024-01-08", 20.0),
            tx("a", "2024-01-08", -4.0),
            tx("a", "2024-01-15", 30.0),
            tx("a", "2024-01-20", -7.0),
            tx("a", "2024-01-29", 8.0),
            tx("b", "2024-02-05", 9.0),
            tx("c", "2024-02-01", 1.0),
        ];
        let options = SummaryOptions {
            unit: TimeUnit::Weeks,
            calibration_end: Some(day("2024-01-29")),
            holdout_end: Some(day("2024-02-12")),
        };
        let s = summarize(&log, &options).unwrap();
        assert_eq!(s.customers.len(), 2);
        let b = &s.customers[0];
        assert_eq!((b.id.as_str(), b.frequency, b.recency), ("b", 0.0, 0.0));
        assert_eq!(b.t, 19.0 / 7.0);
        let a = &s.customers[1];
        assert_eq!(a.frequency, 3.0);
        assert_eq!(a.recency, 4.0);
        assert_eq!(a.t, 4.0);
        assert_eq!(a.monetary, (16.0 + 30.0 + 8.0) / 3.0);
        let h = s.holdout.unwrap();
        assert_eq!(h.purchases, vec![1.0, 0.0]);
        assert_eq!(h.duration, 2.0);
        assert_eq!(s.notices.warnings().len(), 2, "{:?}", s.notices);
    }

    #[test]
    fn defaults_and_errors() {
        let log = [tx("a", "2024-01-01", 1.0), tx("a", "2024-01-03", 2.0)];
        let s = summarize(&log, &SummaryOptions::default()).unwrap();
        assert_eq!(s.calibration_end, day("2024-01-03"));
        assert_eq!((s.customers[0].frequency, s.customers[0].t), (1.0, 2.0));
        assert!(s.holdout.is_none());
        assert_eq!(
            summarize(&[], &SummaryOptions::default()).unwrap_err().code,
            "noTransactions"
        );
        let bad = [tx("a", "2024-01-01", f64::NAN)];
        let e = summarize(&bad, &SummaryOptions::default()).unwrap_err();
        assert_eq!((e.code.as_str(), e.row), ("amountNotFinite", Some(1)));
        let early = SummaryOptions {
            calibration_end: Some(day("2023-12-01")),
            ..SummaryOptions::default()
        };
        assert_eq!(
            summarize(&log, &early).unwrap_err().code,
            "noCustomersInCalibration"
        );
        let backwards = SummaryOptions {
            calibration_end: Some(day("2024-01-03")),
            holdout_end: Some(day("2024-01-02")),
            ..SummaryOptions::default()
        };
        assert_eq!(
            summarize(&log, &backwards).unwrap_err().code,
            "holdoutEndNotAfterCalibrationEnd"
        );
    }
}
