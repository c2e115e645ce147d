//! What the fitted models say beyond each customer's CLV: the customers
//! ranked by it, the fit against a holdout period, P(alive) on a grid of
//! frequency × recency, and a new customer's expected purchases. Pure: the
//! API (`predictClv`) only adds the row accounting of its input.

use super::summary::{iso_date, HoldoutSummary};
use super::{btyd, BgNbdParams, Btyd, ClvOptions, CustomerRfmt};
use crate::error::Result;
use chrono::NaiveDate;
use serde::Serialize;

/// One customer's history and prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PredictedCustomer {
    pub customer: String,
    /// Repeat purchase days (x).
    pub frequency: f64,
    /// First to last purchase (t_x), in the unit.
    pub recency: f64,
    /// First purchase to the calibration end, in the unit.
    #[serde(rename = "T")]
    pub t: f64,
    /// Mean spend of the repeat purchase days (0 without repeats).
    pub monetary_spend: f64,
    pub p_alive: f64,
    /// Expected repeat purchases over the horizon (`horizonMonths`).
    pub expected_purchases: f64,
    /// Expected spend over the same horizon, not discounted:
    /// `expectedPurchases × spendPerPurchase`.
    pub expected_spend: f64,
    /// Expected average spend per purchase (Gamma-Gamma).
    pub spend_per_purchase: f64,
    pub clv: f64,
}

/// Calibration against the holdout, by number of repeat purchases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HoldoutRow {
    /// Repeat purchases in the calibration period; the last row is "this many or more".
    pub frequency: u32,
    pub customers: usize,
    /// Mean repeat purchase days in the holdout, as observed.
    pub actual: f64,
    /// Mean predicted by BG/NBD for the holdout's length.
    pub predicted: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Holdout {
    #[serde(serialize_with = "iso_date")]
    pub end: NaiveDate,
    /// Length of the holdout, in the unit.
    pub duration: f64,
    pub total_actual: f64,
    pub total_predicted: f64,
    pub by_frequency: Vec<HoldoutRow>,
}

/// P(alive) on a grid of frequency × recency, for a customer whose first
/// purchase was `t` before the calibration end (the longest T in the data).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AliveMatrix {
    pub t: f64,
    pub frequencies: Vec<u32>,
    pub recencies: Vec<f64>,
    /// `values[i][j]` for frequency i and recency j.
    pub values: Vec<Vec<f64>>,
}

/// The fit ([`btyd`]) with what is read from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub fit: Btyd,
    /// Ranked by predicted CLV, highest first.
    pub customers: Vec<PredictedCustomer>,
    pub holdout: Option<Holdout>,
    pub alive_matrix: AliveMatrix,
    /// Unconditional E[X(t)]: the purchases a new customer is expected to
    /// make over the horizon (BG/NBD, eq. 9 of the paper).
    pub new_customer_expected_purchases: f64,
}

/// Fits both models to `customers` ([`btyd`]) and reads the forecast from
/// them; `holdout` (from [`super::summarize`], in the order of `customers`)
/// gives the comparison with the holdout period.
pub fn forecast(
    customers: &[CustomerRfmt],
    holdout: Option<&HoldoutSummary>,
    options: &ClvOptions,
) -> Result<Forecast> {
    let fit = btyd(customers, options)?;
    let bg = fit.bg_nbd.params;
    Ok(Forecast {
        customers: ranked(customers, &fit),
        holdout: holdout.map(|h| holdout_fit(&bg, customers, h)),
        alive_matrix: alive_matrix(&bg, customers),
        new_customer_expected_purchases: bg
            .expected_purchases(f64::from(fit.horizon_months) * fit.month_length),
        fit,
    })
}

/// The customers with their predictions, highest CLV first.
fn ranked(customers: &[CustomerRfmt], fit: &Btyd) -> Vec<PredictedCustomer> {
    let mut ranked: Vec<PredictedCustomer> = customers
        .iter()
        .zip(&fit.customers)
        .map(|(c, v)| PredictedCustomer {
            customer: c.id.clone(),
            frequency: c.frequency,
            recency: c.recency,
            t: c.t,
            monetary_spend: c.monetary,
            p_alive: v.probability_alive,
            expected_purchases: v.expected_purchases,
            expected_spend: v.expected_purchases * v.expected_spend,
            spend_per_purchase: v.expected_spend,
            clv: v.clv,
        })
        .collect();
    ranked.sort_by(|a, b| b.clv.total_cmp(&a.clv));
    ranked
}

/// Predicted against actual purchases in the holdout, in total and by
/// calibration frequency.
fn holdout_fit(params: &BgNbdParams, customers: &[CustomerRfmt], h: &HoldoutSummary) -> Holdout {
    let total_predicted = customers
        .iter()
        .map(|c| params.conditional_expected_purchases(h.duration, c.frequency, c.recency, c.t))
        .sum();
    Holdout {
        end: h.end,
        duration: h.duration,
        total_actual: h.purchases.iter().sum(),
        total_predicted,
        by_frequency: holdout_rows(params, customers, &h.purchases, h.duration),
    }
}

/// The fit of BG/NBD against the holdout, by calibration frequency 0…6 and 7+.
fn holdout_rows(
    params: &BgNbdParams,
    customers: &[CustomerRfmt],
    actual: &[f64],
    duration: f64,
) -> Vec<HoldoutRow> {
    const LAST: u32 = 7;
    let mut rows: Vec<HoldoutRow> = (0..=LAST)
        .map(|frequency| HoldoutRow {
            frequency,
            customers: 0,
            actual: 0.0,
            predicted: 0.0,
        })
        .collect();
    for (c, &a) in customers.iter().zip(actual) {
        let row = &mut rows[(c.frequency.max(0.0) as u32).min(LAST) as usize];
        row.customers += 1;
        row.actual += a;
        row.predicted +=
            params.conditional_expected_purchases(duration, c.frequency, c.recency, c.t);
    }
    for row in &mut rows {
        if row.customers > 0 {
            row.actual /= row.customers as f64;
            row.predicted /= row.customers as f64;
        }
    }
    rows.retain(|r| r.customers > 0);
    rows
}

/// P(alive) for frequencies 0 to the largest in the data (at most 30) and
/// 21 recencies from 0 to the longest T.
fn alive_matrix(params: &BgNbdParams, customers: &[CustomerRfmt]) -> AliveMatrix {
    const STEPS: usize = 20;
    let t = customers.iter().map(|c| c.t).fold(0.0, f64::max);
    let max_x = customers
        .iter()
        .map(|c| c.frequency)
        .fold(0.0, f64::max)
        .min(30.0) as u32;
    let frequencies: Vec<u32> = (0..=max_x).collect();
    let recencies: Vec<f64> = (0..=STEPS).map(|j| t * j as f64 / STEPS as f64).collect();
    let values = frequencies
        .iter()
        .map(|&x| {
            recencies
                .iter()
                .map(|&r| params.probability_alive(x as f64, r, t))
                .collect()
        })
        .collect();
    AliveMatrix {
        t,
        frequencies,
        recencies,
        values,
    }
}
