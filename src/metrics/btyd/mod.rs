//! "Buy till you die" models for predictive CLV (METRICS.md §2):
//!
//! - [`summary`]: per-customer frequency / recency / age / spend from a
//!   transaction log, with an optional holdout period;
//! - [`bgnbd`]: the BG/NBD model of Fader, Hardie & Lee (2005), "Counting
//!   Your Customers the Easy Way": fit, P(alive), expected purchases;
//! - [`gamma_gamma`]: the Gamma-Gamma spend model of Fader & Hardie (2013);
//! - [`clv`]: discounted CLV over a horizon in months, both models together;
//! - [`special`] and [`optimize`]: the numerical pieces (ln Γ, ψ, ₂F₁,
//!   BFGS, Nelder–Mead), in plain `std`.
//!
//! Time is in the data's unit, days or weeks, throughout: x is a count of
//! repeat purchase days, t_x and T are in the unit, α is in the unit and r/α
//! is purchases per unit.

pub mod bgnbd;
pub mod clv;
pub mod forecast;
pub mod gamma_gamma;
pub mod optimize;
pub mod robust;
pub mod special;
pub mod summary;

pub use bgnbd::{fit_bgnbd, BgNbdFit, BgNbdParams};
pub use clv::{
    btyd, btyd_with, customer_lifetime_value, Btyd, BtydParams, BtydTotals, ClvOptions,
    CustomerValue, FitOptions, LogLikelihoods,
};
pub use forecast::{forecast, AliveMatrix, Forecast, Holdout, HoldoutRow, PredictedCustomer};
pub use gamma_gamma::{fit_gamma_gamma, GammaGammaFit, GammaGammaParams};
pub use summary::{summarize, HoldoutSummary, Summary, SummaryOptions, Transaction};

use crate::error::{Code, Error, Result};
use serde::Serialize;

/// Average days in a month: 365.25 / 12.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// The unit of t_x, T, α and horizons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TimeUnit {
    Days,
    Weeks,
}

impl TimeUnit {
    /// Days in one unit.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Days => 1.0,
            TimeUnit::Weeks => 7.0,
        }
    }

    /// One month (30.4375 days) in this unit: 30.4375 days or
    /// 30.4375 / 7 = 4.348214285714286 weeks.
    pub fn per_month(self) -> f64 {
        DAYS_PER_MONTH / self.days()
    }
}

/// One customer's calibration-period summary, as in the BTYD literature.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerRfmt {
    pub id: String,
    /// x: the number of repeat purchase days (purchase days after the first).
    pub frequency: f64,
    /// t_x: time from the first to the last purchase day.
    pub recency: f64,
    /// T: time from the first purchase day to the end of calibration.
    pub t: f64,
    /// Mean value of the repeat purchase days (0 when x = 0).
    pub monetary: f64,
}

/// Fewest customers a BG/NBD fit accepts.
pub const MIN_CUSTOMERS: usize = 10;
/// Fewest repeat buyers (x > 0) a BG/NBD fit accepts; without repeat buyers
/// the dropout process (a, b) cannot be estimated at all.
pub const MIN_REPEAT_BUYERS: usize = 5;
/// Below this many customers, fits come with a warning about precision.
pub const FEW_CUSTOMERS: usize = 100;

/// `Ok` when there are at least `min` (customers, repeat buyers) of a fit's
/// data, else the error `code` with `message` and the params `got` and `min`.
pub(crate) fn at_least(
    got: usize,
    min: usize,
    code: Code,
    message: impl FnOnce() -> String,
) -> Result<()> {
    if got < min {
        return Err(Error::new(code, message())
            .with("got", got)
            .with("min", min));
    }
    Ok(())
}

/// A customer's values are usable: all finite, x a whole number ≥ 0,
/// 0 ≤ t_x ≤ T, t_x = 0 when x = 0. `row` is 1-based.
pub(crate) fn check_customer(c: &CustomerRfmt, row: usize) -> Result<()> {
    let id = &c.id;
    // Each error names the customer, in its message and params, and the row.
    let bad = |code: Code, field: &str, message: String| {
        Error::field(code, field, format!("Customer {id}: {message}"))
            .with("customer", id)
            .with_row(row)
    };
    for (field, value) in [
        ("frequency", c.frequency),
        ("recency", c.recency),
        ("t", c.t),
        ("monetary", c.monetary),
    ] {
        if !value.is_finite() {
            return Err(bad(
                Code::NotFinite,
                field,
                format!("{field} must be a number (got {value})."),
            ));
        }
        if value < 0.0 && field != "monetary" {
            return Err(bad(
                Code::Negative,
                field,
                format!("{field} cannot be negative (got {value})."),
            )
            .with("got", value));
        }
    }
    if c.frequency.fract() != 0.0 {
        return Err(bad(
            Code::FrequencyNotWhole,
            "frequency",
            format!(
                "frequency counts repeat purchase days and must be a whole number (got {}).",
                c.frequency
            ),
        )
        .with("got", c.frequency));
    }
    // Summaries rounded to 2 decimals can put t_x a hair above T.
    if c.recency > c.t * (1.0 + 1e-9) + 1e-9 {
        return Err(bad(
            Code::RecencyAfterEnd,
            "recency",
            format!(
                "recency ({}) cannot be more than the customer's age T ({}): the last purchase cannot come after the end of the period.",
                c.recency, c.t
            ),
        )
        .with("recency", c.recency)
        .with("T", c.t));
    }
    if c.frequency == 0.0 && c.recency != 0.0 {
        return Err(bad(
            Code::RecencyWithoutRepeat,
            "recency",
            format!(
                "with no repeat purchases (frequency 0) recency must be 0 (got {}).",
                c.recency
            ),
        )
        .with("got", c.recency));
    }
    Ok(())
}

pub(crate) fn check_customers(customers: &[CustomerRfmt]) -> Result<()> {
    customers
        .iter()
        .enumerate()
        .try_for_each(|(i, c)| check_customer(c, i + 1))
}

/// Identical rows merged with a weight, sorted, so that a likelihood pass
/// costs one step per distinct row and per-x constants are computed once per
/// run of equal x.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grouped<const K: usize> {
    pub rows: Vec<[f64; K]>,
    pub weights: Vec<f64>,
}

impl<const K: usize> Grouped<K> {
    pub fn new(mut rows: Vec<[f64; K]>) -> Self {
        rows.sort_by(|a, b| {
            a.iter()
                .zip(b)
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut out = Grouped {
            rows: Vec::with_capacity(rows.len()),
            weights: Vec::with_capacity(rows.len()),
        };
        for row in rows {
            match (out.rows.last(), out.weights.last_mut()) {
                (Some(last), Some(w)) if *last == row => *w += 1.0,
                _ => {
                    out.rows.push(row);
                    out.weights.push(1.0);
                }
            }
        }
        out
    }

    pub fn total_weight(&self) -> f64 {
        self.weights.iter().sum()
    }
}

/// Pearson correlation of two equally long samples; NaN when either is constant.
pub(crate) fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    sxy / (sxx * syy).sqrt()
}
