//! `predictClv`: the "buy till you die" models (BG/NBD and Gamma-Gamma)
//! fitted to a pasted sales log or to a ready summary table, and every
//! customer's predicted purchases, spend and CLV over a horizon.

use super::{Args, Value};
use crate::error::{Error, Result, Skipped};
use crate::input::columns::Column;
use crate::input::log::read_log;
use crate::input::number::parse_plain;
use crate::input::Table;
use crate::metrics::btyd::clv::{DEFAULT_HORIZON_MONTHS, DEFAULT_MONTHLY_DISCOUNT_RATE};
use crate::metrics::btyd::{self, BgNbdParams, ClvOptions, CustomerRfmt, SummaryOptions, TimeUnit};
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
    pub end: String,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Prediction {
    pub params: btyd::BtydParams,
    pub standard_errors: Option<btyd::BtydParams>,
    pub log_likelihood: btyd::LogLikelihoods,
    pub unit: TimeUnit,
    pub horizon_months: u32,
    /// One month in the unit: 30.4375 days or 4.348214… weeks.
    pub month_length: f64,
    pub monthly_discount_rate: f64,
    /// ISO date; null for a summary table.
    pub calibration_end: Option<String>,
    /// Customers ranked by predicted CLV, highest first.
    pub customers: Vec<PredictedCustomer>,
    pub totals: btyd::BtydTotals,
    pub holdout: Option<Holdout>,
    pub alive_matrix: AliveMatrix,
    /// Unconditional E[X(t)]: the purchases a new customer is expected to
    /// make over the horizon (BG/NBD, eq. 9 of the paper).
    pub new_customer_expected_purchases: f64,
    pub warnings: Vec<String>,
    pub rows: usize,
    pub used: usize,
    pub skipped: Vec<Skipped>,
    /// How the columns of a log were read (empty for a summary table).
    pub columns: Vec<Column>,
}

fn unit(args: &Args) -> Result<TimeUnit> {
    match args.text("unit")? {
        None | Some("weeks") => Ok(TimeUnit::Weeks),
        Some("days") => Ok(TimeUnit::Days),
        Some(other) => Err(Error::field(
            "invalidOption",
            "unit",
            format!("unit must be \"weeks\" or \"days\", not \"{other}\"."),
        )),
    }
}

/// Summary tables: `ID, x, t_x, T, zbar` (the CDNOW file) or lifetimes'
/// `frequency, recency, T, monetary_value`; an id column is optional.
fn read_summary(text: &str) -> Result<(Vec<CustomerRfmt>, usize, Vec<Skipped>)> {
    let table = Table::read(text);
    let find = |names: &[&str]| {
        table
            .headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let columns = [
        find(&["x", "frequency"]),
        find(&["t_x", "recency"]),
        find(&["T"]).or_else(|| find(&["t"])),
        find(&["zbar", "monetary_value", "monetary"]),
    ];
    let [Some(x), Some(t_x), Some(t), Some(m)] = columns else {
        return Err(Error::field(
            "missingColumn",
            "summary",
            "A summary table needs a header row with the columns x, t_x, T and zbar (or frequency, recency, T and monetary_value).",
        ));
    };
    let id = find(&["id", "customer", "customer_id", "pelanggan"]);
    let mut out = Vec::new();
    let (rows, skipped) = table.each_row(|record| {
        let line = record.line;
        let mut values = [0.0; 4];
        for (k, &j) in [x, t_x, t, m].iter().enumerate() {
            values[k] = parse_plain(record.get(j)).ok_or_else(|| {
                Skipped::new(
                    line,
                    "notANumber",
                    format!(
                        "Row {line}: \"{}\" in column {} is not a number.",
                        record.get(j),
                        table.column_name(j)
                    ),
                )
            })?;
        }
        let [x, t_x, t, _] = values;
        let impossible = if x < 0.0 || t_x < 0.0 || t < 0.0 {
            Some("a negative frequency, recency or T")
        } else if x.fract() != 0.0 {
            Some("a frequency (repeat purchases) that is not a whole number")
        } else if t_x > t * (1.0 + 1e-9) + 1e-9 {
            Some("a recency (last purchase) after T (the end of the observation)")
        } else if x > 0.0 && t_x == 0.0 {
            Some("repeat purchases but a recency of 0 (repeat purchases come after the first)")
        } else if t == 0.0 {
            Some("T = 0 (no time observed after the first purchase)")
        } else {
            None
        };
        if let Some(why) = impossible {
            return Err(Skipped::new(
                line,
                "impossibleSummaryRow",
                format!("Row {line} has {why}: no customer history looks like that, so the row is not used."),
            ));
        }
        let customer = id
            .map(|j| record.get(j).to_string())
            .unwrap_or_else(|| (out.len() + 1).to_string());
        out.push(CustomerRfmt {
            id: customer,
            frequency: values[0],
            recency: values[1],
            t: values[2],
            monetary: values[3],
        });
        Ok(())
    });
    Ok((out, rows, skipped))
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

/// `predictClv({ text | summary, unit?, calibrationEnd?, holdoutEnd?,
/// horizonMonths?, monthlyDiscountRate?, locale?, columns? })`
pub fn predict_clv(input: &Value) -> Result<Prediction> {
    let args = Args::new(input, &super::fields::PREDICT_CLV)?;
    let unit = unit(&args)?;
    let horizon = args
        .count("horizonMonths")?
        .unwrap_or(DEFAULT_HORIZON_MONTHS.into());
    let rate = args
        .number("monthlyDiscountRate")?
        .unwrap_or(DEFAULT_MONTHLY_DISCOUNT_RATE);
    let options = ClvOptions {
        horizon_months: horizon.min(u32::MAX as u64) as u32,
        monthly_discount_rate: rate,
        unit,
        month_length: None,
    };
    let (calibration_end, holdout_end) = (
        args.date("calibrationEnd", "")?,
        args.date("holdoutEnd", "")?,
    );
    let (customers, rows, skipped, columns, calibration, holdout_data, mut warnings) =
        match (args.text("text")?, args.text("summary")?) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    "conflictingInputs",
                    "predictClv() takes either text (a sales log) or summary (a summary table), not both.",
                ))
            }
            (None, None) => {
                return Err(Error::new(
                    "missingInput",
                    "predictClv() needs text (a sales log: customer, date, amount) or summary (x, t_x, T, zbar).",
                ))
            }
            (None, Some(summary)) => {
                if calibration_end.is_some() || holdout_end.is_some() {
                    return Err(Error::field(
                        "invalidOption",
                        "calibrationEnd",
                        "calibrationEnd and holdoutEnd apply to a sales log, not to a summary table.",
                    ));
                }
                let (customers, rows, skipped) = read_summary(summary)?;
                (customers, rows, skipped, Vec::new(), None, None, Vec::new())
            }
            (Some(text), None) => {
                let options = super::log::log_options(&args)?;
                let mut transactions = Vec::new();
                let report = read_log(text, &options, |row| {
                    transactions.push(btyd::Transaction {
                        customer: row.customer.to_string(),
                        date: row.date,
                        amount: row.amount,
                    })
                })?;
                let summary = btyd::summarize(
                    &transactions,
                    &SummaryOptions { unit, calibration_end, holdout_end },
                )?;
                let holdout = summary.holdout.map(|h| (h.end, h.duration, h.purchases));
                (
                    summary.customers,
                    report.rows,
                    report.skipped,
                    report.layout.columns,
                    Some(summary.calibration_end),
                    holdout,
                    summary.warnings,
                )
            }
        };
    let fit = btyd::btyd(&customers, &options)?;
    warnings.extend(fit.warnings.iter().cloned());
    let bg = fit.bg_nbd.params;
    let holdout = holdout_data.map(|(end, duration, actual)| {
        let by_frequency = holdout_rows(&bg, &customers, &actual, duration);
        let total_predicted = customers
            .iter()
            .map(|c| bg.conditional_expected_purchases(duration, c.frequency, c.recency, c.t))
            .sum();
        Holdout {
            end: end.to_string(),
            duration,
            total_actual: actual.iter().sum(),
            total_predicted,
            by_frequency,
        }
    });
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
    let used = rows - skipped.len();
    Ok(Prediction {
        params: fit.params,
        standard_errors: fit.standard_errors,
        log_likelihood: fit.log_likelihood,
        unit,
        horizon_months: fit.horizon_months,
        month_length: fit.month_length,
        monthly_discount_rate: fit.monthly_discount_rate,
        calibration_end: calibration.map(|d| d.to_string()),
        alive_matrix: alive_matrix(&bg, &customers),
        new_customer_expected_purchases: bg
            .expected_purchases(f64::from(fit.horizon_months) * fit.month_length),
        customers: ranked,
        totals: fit.totals,
        holdout,
        warnings,
        rows,
        used,
        skipped,
        columns,
    })
}
