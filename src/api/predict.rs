//! `predictClv`: the "buy till you die" models (BG/NBD and Gamma-Gamma)
//! fitted to a pasted sales log or to a ready summary table, and every
//! customer's predicted purchases, spend and CLV over a horizon.

use super::{Args, Value};
use crate::error::{Code, Error, Notices, Result, Skipped};
use crate::input::columns::Column;
use crate::input::log::read_log;
use crate::input::summary::summary_number;
use crate::input::Table;
use crate::metrics::btyd::clv::{DEFAULT_HORIZON_MONTHS, DEFAULT_MONTHLY_DISCOUNT_RATE};
use crate::metrics::btyd::forecast::LogDates;
use crate::metrics::btyd::{
    self, AliveMatrix, ClvOptions, CustomerRfmt, Holdout, PredictedCustomer, SummaryOptions,
    TimeUnit,
};
use serde::Serialize;

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
    /// The BG/NBD fit's penalty λ (0: plain maximum likelihood).
    pub penalizer: f64,
    /// 90 % intervals (null when the fit has no covariance or
    /// `intervalDraws` is 0).
    pub intervals: Option<btyd::robust::Intervals>,
    /// Expected repeat purchases over the horizon on the alive matrix's grid.
    pub expected_matrix: AliveMatrix,
    pub heterogeneity: btyd::forecast::Heterogeneity,
    /// Cumulative repeat purchases week by week, actual and model (a log only).
    pub tracking: Option<btyd::forecast::Tracking>,
    /// The log's notices (as `analyzeLog`'s), then those of its summary and
    /// of the two fits; `warnings` are the messages of the latter.
    #[serde(flatten)]
    pub notices: Notices,
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
            Code::InvalidOption,
            "unit",
            format!("unit must be \"weeks\" or \"days\", not \"{other}\"."),
        )),
    }
}

/// Summary tables: `ID, x, t_x, T, zbar` (the CDNOW file) or lifetimes'
/// `frequency, recency, T, monetary_value`; an id column is optional.
fn read_summary(text: &str) -> Result<(Vec<CustomerRfmt>, usize, Vec<Skipped>)> {
    let table = Table::read(text);
    let find = |names: &[&str]| table.header_named(names);
    let columns = [
        find(&["x", "frequency"]),
        find(&["t_x", "recency"]),
        find(&["T"]).or_else(|| find(&["t"])),
        find(&["zbar", "monetary_value", "monetary"]),
    ];
    let [Some(x), Some(t_x), Some(t), Some(m)] = columns else {
        return Err(Error::field(
            Code::MissingColumn,
            "summary",
            "A summary table needs a header row with the columns x, t_x, T and zbar (or frequency, recency, T and monetary_value).",
        ));
    };
    let id = find(&["id", "customer", "customer_id", "pelanggan"]);
    let mut out = Vec::new();
    let (rows, skipped) = table.each_row(|record| {
        let line = record.line;
        // A customer summary (docs/sql/) lists customers without a purchase
        // with their BTYD cells empty: they are not in the model.
        if [x, t_x, t, m].iter().all(|&j| record.get(j).trim().is_empty()) {
            return Err(Skipped::new(
                line,
                Code::EmptyValue,
                format!("Row {line} has no purchase (x, t_x, T and zbar are empty), so it is not in the model."),
            ));
        }
        let mut values = [0.0; 4];
        for (k, &j) in [x, t_x, t, m].iter().enumerate() {
            values[k] = summary_number(record.get(j)).ok_or_else(|| {
                Skipped::new(
                    line,
                    Code::NotANumber,
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
                Code::ImpossibleSummaryRow,
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
    let fit_options = btyd::FitOptions {
        penalizer: args.number("penalizerCoef")?,
        interval_draws: args
            .count("intervalDraws")?
            .map(|n| n.min(usize::MAX as u64) as usize),
    };
    let mut dates = None;
    let (customers, rows, skipped, columns, calibration, holdout, mut notices) =
        match (args.text("text")?, args.text("summary")?) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    Code::ConflictingInputs,
                    "predictClv() takes either text (a sales log) or summary (a summary table), not both.",
                ))
            }
            (None, None) => {
                return Err(Error::new(
                    Code::MissingInput,
                    "predictClv() needs text (a sales log: customer, date, amount) or summary (x, t_x, T, zbar).",
                ))
            }
            (None, Some(summary)) => {
                if calibration_end.is_some() || holdout_end.is_some() {
                    return Err(Error::field(
                        Code::InvalidOption,
                        "calibrationEnd",
                        "calibrationEnd and holdoutEnd apply to a sales log, not to a summary table.",
                    ));
                }
                let (customers, rows, skipped) = read_summary(summary)?;
                (customers, rows, skipped, Vec::new(), None, None, Notices::default())
            }
            (Some(text), None) => {
                let options = super::log::log_options(&args)?;
                let mut transactions = Vec::new();
                let report = read_log(text, &options, |row| {
                    transactions.push((
                        row.line,
                        btyd::Transaction {
                            customer: row.customer.to_string(),
                            date: row.date,
                            amount: row.amount,
                        },
                    ))
                })?;
                // The reader hands multi-line orders over after the other
                // rows: back in the log's order, customers are summarised in
                // the order of their first row (as a customer summary lists
                // them), so equal CLVs rank and totals add up the same way.
                // A stable sort of two sorted runs: linear.
                transactions.sort_by_key(|t| t.0);
                let transactions: Vec<btyd::Transaction> =
                    transactions.into_iter().map(|t| t.1).collect();
                let summary = btyd::summarize(
                    &transactions,
                    &SummaryOptions { unit, calibration_end, holdout_end },
                )?;
                let mut notices = summary.notices;
                notices.input = report.notices;
                dates = Some((
                    summary.calibration_end,
                    summary.holdout.as_ref().map_or(summary.calibration_end, |h| h.end),
                    summary.first_purchases,
                    summary.repeat_days,
                ));
                (
                    summary.customers,
                    report.rows,
                    report.skipped,
                    report.layout.columns,
                    Some(summary.calibration_end),
                    summary.holdout,
                    notices,
                )
            }
        };
    let log_dates = dates.as_ref().map(|(cal, end, firsts, repeats)| LogDates {
        unit,
        calibration_end: *cal,
        period_end: *end,
        first_purchases: firsts,
        repeat_days: repeats,
    });
    let forecast = btyd::forecast::forecast_with(
        &customers,
        holdout.as_ref(),
        &options,
        &fit_options,
        log_dates,
    )?;
    let fit = forecast.fit;
    notices.extend(&fit.notices);
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
        alive_matrix: forecast.alive_matrix,
        penalizer: fit.penalizer,
        intervals: fit.intervals,
        expected_matrix: forecast.expected_matrix,
        heterogeneity: forecast.heterogeneity,
        tracking: forecast.tracking,
        new_customer_expected_purchases: forecast.new_customer_expected_purchases,
        customers: forecast.customers,
        totals: fit.totals,
        holdout: forecast.holdout,
        notices,
        rows,
        used,
        skipped,
        columns,
    })
}
