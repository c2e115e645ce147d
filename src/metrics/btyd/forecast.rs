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
    /// 90 % interval of `expectedPurchases` and of `clv` (null without
    /// intervals); see [`super::robust`].
    pub expected_purchases_low: Option<f64>,
    pub expected_purchases_high: Option<f64>,
    pub clv_low: Option<f64>,
    pub clv_high: Option<f64>,
    /// With a holdout: the customer's repeat purchase days in it, the
    /// model's prediction for its length, and the same for spend (the
    /// value of those days; predicted: purchases × spend per purchase).
    /// Null without a holdout.
    pub holdout_actual: Option<f64>,
    pub holdout_predicted: Option<f64>,
    pub holdout_actual_spend: Option<f64>,
    pub holdout_predicted_spend: Option<f64>,
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
    /// Per customer errors of the purchases and of the spend.
    pub purchases: HoldoutErrors,
    pub spend: HoldoutErrors,
}

/// Predicted against actual per customer over the holdout.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HoldoutErrors {
    pub total_predicted: f64,
    pub total_actual: f64,
    /// (predicted − actual) / actual × 100; null when nothing was bought.
    pub percent_error: Option<f64>,
    /// Mean absolute error per customer.
    pub mae: f64,
    /// Root mean squared error per customer.
    pub rmse: f64,
    /// Pearson correlation of predicted and actual; null when either is
    /// the same for everyone.
    pub correlation: Option<f64>,
}

impl HoldoutErrors {
    /// From per-customer predicted and actual values (equally long, not empty).
    pub fn new(predicted: &[f64], actual: &[f64]) -> Self {
        let n = predicted.len().max(1) as f64;
        let total_predicted: f64 = predicted.iter().sum();
        let total_actual: f64 = actual.iter().sum();
        let (mut abs, mut sq) = (0.0, 0.0);
        for (p, a) in predicted.iter().zip(actual) {
            abs += (p - a).abs();
            sq += (p - a) * (p - a);
        }
        let r = super::pearson(predicted, actual);
        HoldoutErrors {
            total_predicted,
            total_actual,
            percent_error: (total_actual != 0.0)
                .then(|| (total_predicted - total_actual) / total_actual * 100.0),
            mae: abs / n,
            rmse: (sq / n).sqrt(),
            correlation: r.is_finite().then_some(r),
        }
    }
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

/// Cumulative repeat purchase days week by week, in the data and by the
/// model (lifetimes' tracking plot): calibration, then holdout.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tracking {
    #[serde(serialize_with = "iso_date")]
    pub start: NaiveDate,
    #[serde(serialize_with = "iso_date")]
    pub calibration_end: NaiveDate,
    pub weeks: Vec<TrackingWeek>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackingWeek {
    /// Last day of the week (the calibration or holdout end for the last).
    #[serde(serialize_with = "iso_date")]
    pub end: NaiveDate,
    /// Repeat purchase days up to `end`, counted.
    pub actual: f64,
    /// Σ over customers of E[X(end − first purchase)] (eq. 9 of the paper).
    pub predicted: f64,
    /// After the calibration end.
    pub holdout: bool,
}

/// A fitted density on a grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Density {
    pub x: Vec<f64>,
    pub density: Vec<f64>,
    pub mean: f64,
}

/// The fitted heterogeneity: λ ~ Gamma(r, α) (purchases per unit while
/// alive) and p ~ Beta(a, b) (the chance of dropping out after a purchase).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Heterogeneity {
    pub lambda: Density,
    pub p: Density,
}

/// What a log adds to the forecast: the tracking plot's dates.
#[derive(Debug, Clone, Copy)]
pub struct LogDates<'a> {
    pub unit: super::TimeUnit,
    pub calibration_end: NaiveDate,
    /// The holdout end, or the calibration end.
    pub period_end: NaiveDate,
    pub first_purchases: &'a [NaiveDate],
    pub repeat_days: &'a [NaiveDate],
}

/// The fit ([`btyd`]) with what is read from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub fit: Btyd,
    /// Ranked by predicted CLV, highest first.
    pub customers: Vec<PredictedCustomer>,
    pub holdout: Option<Holdout>,
    pub alive_matrix: AliveMatrix,
    /// Expected repeat purchases over the horizon on the same grid.
    pub expected_matrix: AliveMatrix,
    pub heterogeneity: Heterogeneity,
    /// For a log only.
    pub tracking: Option<Tracking>,
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
    Ok(read_forecast(fit, customers, holdout, None))
}

/// [`forecast`] with the robust fits and intervals of
/// [`super::btyd_with`], and the tracking plot when `dates` (a log) are given.
pub fn forecast_with(
    customers: &[CustomerRfmt],
    holdout: Option<&HoldoutSummary>,
    options: &ClvOptions,
    fit_options: &super::FitOptions,
    dates: Option<LogDates>,
) -> Result<Forecast> {
    let fit = super::btyd_with(customers, options, fit_options)?;
    Ok(read_forecast(fit, customers, holdout, dates))
}

fn read_forecast(
    fit: Btyd,
    customers: &[CustomerRfmt],
    holdout: Option<&HoldoutSummary>,
    dates: Option<LogDates>,
) -> Forecast {
    let bg = fit.bg_nbd.params;
    let horizon = f64::from(fit.horizon_months) * fit.month_length;
    let per_customer = holdout.map(|h| holdout_per_customer(&bg, customers, &fit, h));
    Forecast {
        customers: ranked(customers, &fit, holdout.zip(per_customer.as_ref())),
        holdout: holdout
            .zip(per_customer.as_ref())
            .map(|(h, pc)| holdout_fit(&bg, customers, h, pc)),
        alive_matrix: alive_matrix(&bg, customers),
        expected_matrix: expected_matrix(&bg, customers, horizon),
        heterogeneity: heterogeneity(&bg),
        tracking: dates.map(|d| tracking(&bg, &d)),
        new_customer_expected_purchases: bg.expected_purchases(horizon),
        fit,
    }
}

/// Per customer over the holdout: (predicted purchases, predicted spend).
struct HoldoutPredictions {
    purchases: Vec<f64>,
    spend: Vec<f64>,
}

fn holdout_per_customer(
    params: &BgNbdParams,
    customers: &[CustomerRfmt],
    fit: &Btyd,
    h: &HoldoutSummary,
) -> HoldoutPredictions {
    let purchases: Vec<f64> = customers
        .iter()
        .map(|c| params.conditional_expected_purchases(h.duration, c.frequency, c.recency, c.t))
        .collect();
    let spend = purchases
        .iter()
        .zip(&fit.customers)
        .map(|(p, v)| p * v.expected_spend)
        .collect();
    HoldoutPredictions { purchases, spend }
}

/// The customers with their predictions, highest CLV first.
fn ranked(
    customers: &[CustomerRfmt],
    fit: &Btyd,
    holdout: Option<(&HoldoutSummary, &HoldoutPredictions)>,
) -> Vec<PredictedCustomer> {
    let intervals = fit.intervals.as_ref().map(|i| &i.customers);
    let mut ranked: Vec<PredictedCustomer> = customers
        .iter()
        .zip(&fit.customers)
        .enumerate()
        .map(|(i, (c, v))| {
            let interval = intervals.and_then(|list| list.get(i));
            PredictedCustomer {
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
                expected_purchases_low: interval.map(|x| x.expected_purchases.low),
                expected_purchases_high: interval.map(|x| x.expected_purchases.high),
                clv_low: interval.map(|x| x.clv.low),
                clv_high: interval.map(|x| x.clv.high),
                holdout_actual: holdout.map(|(a, _)| a.purchases[i]),
                holdout_predicted: holdout.map(|(_, p)| p.purchases[i]),
                holdout_actual_spend: holdout.map(|(a, _)| a.spend[i]),
                holdout_predicted_spend: holdout.map(|(_, p)| p.spend[i]),
            }
        })
        .collect();
    ranked.sort_by(|a, b| b.clv.total_cmp(&a.clv));
    ranked
}

/// Predicted against actual purchases in the holdout, in total, by
/// calibration frequency and per customer (errors).
fn holdout_fit(
    params: &BgNbdParams,
    customers: &[CustomerRfmt],
    h: &HoldoutSummary,
    predicted: &HoldoutPredictions,
) -> Holdout {
    let purchases = HoldoutErrors::new(&predicted.purchases, &h.purchases);
    Holdout {
        end: h.end,
        duration: h.duration,
        total_actual: h.purchases.iter().sum(),
        total_predicted: purchases.total_predicted,
        by_frequency: holdout_rows(params, customers, &h.purchases, h.duration),
        purchases,
        spend: HoldoutErrors::new(&predicted.spend, &h.spend),
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

/// Expected repeat purchases over `horizon` on the grid of [`alive_matrix`].
fn expected_matrix(params: &BgNbdParams, customers: &[CustomerRfmt], horizon: f64) -> AliveMatrix {
    let mut m = alive_matrix(params, customers);
    m.values = m
        .frequencies
        .iter()
        .map(|&x| {
            m.recencies
                .iter()
                .map(|&r| params.conditional_expected_purchases(horizon, x as f64, r, m.t))
                .collect()
        })
        .collect();
    m
}

/// Most points of the tracking plot.
const MAX_TRACKING_POINTS: u64 = 300;

/// Points of each density.
const DENSITY_POINTS: usize = 60;

/// The Gamma(r, α) density of λ from 0 to its mean + 4 sd (from 1/60 of that
/// when r < 1: the density is infinite at 0) and the Beta(a, b) density of p
/// on (0, 1) without its ends.
fn heterogeneity(params: &BgNbdParams) -> Heterogeneity {
    use super::special::ln_gamma;
    let BgNbdParams { r, alpha, a, b } = *params;
    let upper = (r + 4.0 * r.sqrt()) / alpha;
    let step = upper / DENSITY_POINTS as f64;
    let first = if r < 1.0 { 1 } else { 0 };
    let lambda_x: Vec<f64> = (first..=DENSITY_POINTS).map(|i| i as f64 * step).collect();
    let ln_norm = r * alpha.ln() - ln_gamma(r);
    let gamma = |x: f64| {
        if x <= 0.0 {
            if r == 1.0 {
                alpha
            } else {
                0.0
            }
        } else {
            (ln_norm + (r - 1.0) * x.ln() - alpha * x).exp()
        }
    };
    let p_x: Vec<f64> = (1..DENSITY_POINTS)
        .map(|i| i as f64 / DENSITY_POINTS as f64)
        .collect();
    let ln_beta = ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b);
    let beta = |x: f64| ((a - 1.0) * x.ln() + (b - 1.0) * (1.0 - x).ln() - ln_beta).exp();
    Heterogeneity {
        lambda: Density {
            density: lambda_x.iter().map(|&x| gamma(x)).collect(),
            x: lambda_x,
            mean: r / alpha,
        },
        p: Density {
            density: p_x.iter().map(|&x| beta(x)).collect(),
            x: p_x,
            mean: a / (a + b),
        },
    }
}

/// The tracking plot: week by week from the earliest first purchase to the
/// period end, the repeat purchase days counted so far and the model's
/// Σ E[X(end − first)]; customers are grouped by first purchase day, so
/// the cost is days × weeks, not customers × weeks.
fn tracking(params: &BgNbdParams, d: &LogDates) -> Tracking {
    let start = d
        .first_purchases
        .iter()
        .min()
        .copied()
        .unwrap_or(d.calibration_end);
    let mut firsts: Vec<(NaiveDate, f64)> = Vec::new();
    let mut sorted_firsts = d.first_purchases.to_vec();
    sorted_firsts.sort();
    for day in sorted_firsts {
        match firsts.last_mut() {
            Some((last, n)) if *last == day => *n += 1.0,
            _ => firsts.push((day, 1.0)),
        }
    }
    let mut repeats = d.repeat_days.to_vec();
    repeats.sort();
    let unit_days = d.unit.days();
    // At most about 300 points: longer spans step by several weeks.
    let span = (d.period_end - start).num_days().max(0) as u64;
    let step = 7 * (span / (7 * MAX_TRACKING_POINTS) + 1);
    let mut weeks = Vec::new();
    let mut end = start;
    let mut counted = 0usize;
    let mut week = 1;
    loop {
        let next = start + chrono::Days::new(step * week - 1);
        // A week that crosses the calibration end stops there, so that the
        // calibration and holdout meet on a point.
        end = if end < d.calibration_end && next > d.calibration_end {
            d.calibration_end
        } else {
            next.min(d.period_end)
        };
        while counted < repeats.len() && repeats[counted] <= end {
            counted += 1;
        }
        let predicted = firsts
            .iter()
            .filter(|(first, _)| *first <= end)
            .map(|(first, n)| {
                n * params.expected_purchases((end - *first).num_days() as f64 / unit_days)
            })
            .sum();
        weeks.push(TrackingWeek {
            end,
            actual: counted as f64,
            predicted,
            holdout: end > d.calibration_end,
        });
        if end >= d.period_end {
            break;
        }
        if end == next {
            week += 1;
        }
    }
    Tracking {
        start,
        calibration_end: d.calibration_end,
        weeks,
    }
}
