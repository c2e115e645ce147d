//! Predictive, discounted CLV from the two models, over a horizon in months:
//!
//! CLV = Σ_{m=1..H} spend × (E[Y(m·L)] − E[Y((m−1)·L)]) / (1 + d)^m
//!
//! where E[Y(t)] is the BG/NBD conditional expectation of repeat purchases in
//! the t time units after the calibration end, spend is the Gamma-Gamma
//! conditional expected spend per purchase, d the monthly discount rate and
//! L one month in the data's unit: 30.4375 days (365.25 / 12), or
//! 30.4375 / 7 = 4.348214285714286 weeks.
//!
//! This is lifetimes' `customer_lifetime_value` except for the month length:
//! lifetimes uses 30 days (`freq="D"`) or 4.345 weeks (`freq="W"`); with
//! `month_length` set to those values the results are the same.

use super::{
    check_customers, fit_bgnbd, fit_gamma_gamma, BgNbdFit, BgNbdParams, CustomerRfmt,
    GammaGammaFit, GammaGammaParams, TimeUnit,
};
use crate::error::{Code, Error, Notices, Result};
use serde::Serialize;

/// Horizon when none is given.
pub const DEFAULT_HORIZON_MONTHS: u32 = 12;
/// Shortest horizon accepted.
pub const MIN_HORIZON_MONTHS: u32 = 1;
/// Longest horizon accepted: 100 years.
pub const MAX_HORIZON_MONTHS: u32 = 1200;
/// Monthly discount rate when none is given: 1 % a month.
pub const DEFAULT_MONTHLY_DISCOUNT_RATE: f64 = 0.01;
/// A customer whose P(alive) is at least this is counted as likely active
/// (the page's filter and count); below it, as likely gone.
pub const ALIVE_CUTOFF: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClvOptions {
    pub horizon_months: u32,
    /// Per month, as a fraction: 0.01 for 1 % a month.
    pub monthly_discount_rate: f64,
    /// The unit of the customers' t_x and T (and of the fitted α).
    pub unit: TimeUnit,
    /// One month in the data's unit; `None` for 30.4375 days /
    /// 4.348214285714286 weeks. (lifetimes uses 30 days or 4.345 weeks.)
    pub month_length: Option<f64>,
}

impl ClvOptions {
    /// One month in the data's unit, as used.
    pub fn month_length(&self) -> f64 {
        self.month_length.unwrap_or_else(|| self.unit.per_month())
    }

    fn check(&self) -> Result<()> {
        if self.horizon_months < MIN_HORIZON_MONTHS {
            return Err(Error::field(
                Code::HorizonNotPositive,
                "horizonMonths",
                "The horizon must be at least 1 month.",
            ));
        }
        if self.horizon_months > MAX_HORIZON_MONTHS {
            return Err(Error::field(
                Code::HorizonTooLong,
                "horizonMonths",
                format!(
                    "The horizon can be at most {MAX_HORIZON_MONTHS} months (100 years); got {}.",
                    self.horizon_months
                ),
            )
            .with("got", self.horizon_months)
            .with("max", MAX_HORIZON_MONTHS));
        }
        let d = self.monthly_discount_rate;
        if !(0.0..=1.0).contains(&d) {
            return Err(Error::field(
                Code::DiscountRateOutOfRange,
                "monthlyDiscountRate",
                format!("The monthly discount rate must be between 0 and 1 (got {d})."),
            )
            .with("got", d));
        }
        let l = self.month_length();
        if !(l.is_finite() && l > 0.0) {
            return Err(Error::field(
                Code::MonthLengthNotPositive,
                "monthLength",
                format!("The month length must be a positive number of time units (got {l})."),
            )
            .with("got", l));
        }
        Ok(())
    }
}

/// One customer's predictions over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerValue {
    pub id: String,
    pub probability_alive: f64,
    /// Expected repeat purchases over the horizon (not discounted).
    pub expected_purchases: f64,
    /// Gamma-Gamma expected spend per purchase.
    pub expected_spend: f64,
    /// Discounted expected spend over the horizon.
    pub clv: f64,
}

/// CLV and its parts for each customer, in input order.
///
/// Errors: the option checks (`horizonNotPositive`, `horizonTooLong`,
/// `discountRateOutOfRange`, `monthLengthNotPositive`), the customer checks,
/// and `noMeanSpend` when the spend model has no finite mean (q ≤ 1) and a
/// customer needs it.
pub fn customer_lifetime_value(
    bg: &BgNbdParams,
    gg: &GammaGammaParams,
    customers: &[CustomerRfmt],
    options: &ClvOptions,
) -> Result<Vec<CustomerValue>> {
    options.check()?;
    check_customers(customers)?;
    let month = options.month_length();
    let factor = 1.0 / (1.0 + options.monthly_discount_rate);
    customers
        .iter()
        .map(|c| {
            let spend = gg
                .conditional_expected_spend(c.frequency, c.monetary)
                .ok_or_else(|| {
                    Error::new(
                        Code::NoMeanSpend,
                        format!(
                            "The spend model has no finite mean (q = {:.4} ≤ 1), so the spend of customer {} cannot be predicted.",
                            gg.q, c.id
                        ),
                    )
                    .with("q", gg.q)
                    .with("customer", c.id.as_str())
                })?;
            let (mut previous, mut discount, mut value) = (0.0, 1.0, 0.0);
            for m in 1..=options.horizon_months {
                let cumulative = bg.conditional_expected_purchases(
                    f64::from(m) * month,
                    c.frequency,
                    c.recency,
                    c.t,
                );
                discount *= factor;
                value += spend * (cumulative - previous) * discount;
                previous = cumulative;
            }
            Ok(CustomerValue {
                id: c.id.clone(),
                probability_alive: bg.probability_alive(c.frequency, c.recency, c.t),
                expected_purchases: previous,
                expected_spend: spend,
                clv: value,
            })
        })
        .collect()
}

/// The seven parameters of the two models together.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BtydParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

impl BtydParams {
    fn join(bg: BgNbdParams, gg: GammaGammaParams) -> Self {
        BtydParams {
            r: bg.r,
            alpha: bg.alpha,
            a: bg.a,
            b: bg.b,
            p: gg.p,
            q: gg.q,
            v: gg.v,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogLikelihoods {
    pub bg_nbd: f64,
    pub gamma_gamma: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BtydTotals {
    pub customers: usize,
    pub repeat_buyers: usize,
    pub expected_purchases: f64,
    pub clv: f64,
    pub mean_clv: f64,
}

/// Both models fitted and every customer's CLV.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Btyd {
    pub params: BtydParams,
    /// `None` when either model's information matrix is singular.
    pub standard_errors: Option<BtydParams>,
    pub log_likelihood: LogLikelihoods,
    pub unit: TimeUnit,
    pub horizon_months: u32,
    pub month_length: f64,
    pub monthly_discount_rate: f64,
    pub customers: Vec<CustomerValue>,
    pub totals: BtydTotals,
    /// The BG/NBD fit's penalty λ (0: plain maximum likelihood).
    pub penalizer: f64,
    /// The 90 % intervals ([`btyd_with`] only).
    pub intervals: Option<super::robust::Intervals>,
    /// The two fits' notices, the BG/NBD's first.
    #[serde(flatten)]
    pub notices: Notices,
    /// The two fits in full (iterations, counts, the frequency–spend
    /// correlation); not serialised, their content is above.
    #[serde(skip)]
    pub bg_nbd: BgNbdFit,
    #[serde(skip)]
    pub gamma_gamma: GammaGammaFit,
}

/// How [`btyd_with`] fits: the penalty (`None`: plain maximum likelihood,
/// falling back to [`super::bgnbd::DEFAULT_PENALIZER`] where the likelihood has
/// no maximum inside; see [`super::bgnbd::fit_bgnbd_robust`]) and the
/// interval draws (`None`: [`super::robust::DEFAULT_INTERVAL_DRAWS`] within
/// the budget; `Some(0)`: no intervals).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FitOptions {
    pub penalizer: Option<f64>,
    pub interval_draws: Option<usize>,
}

/// Fit the BG/NBD and Gamma-Gamma models to `customers` and predict each
/// customer's CLV over the horizon of `options`: plain maximum likelihood,
/// no intervals. Errors are those of [`fit_bgnbd`], [`fit_gamma_gamma`] and
/// [`customer_lifetime_value`].
pub fn btyd(customers: &[CustomerRfmt], options: &ClvOptions) -> Result<Btyd> {
    fit_and_predict(customers, options, None)
}

/// [`btyd`] made robust (issue #15): the fits of
/// [`super::bgnbd::fit_bgnbd_robust`] and
/// [`super::gamma_gamma::fit_gamma_gamma_robust`], the notices of what makes
/// the data weak ([`super::robust::data_notices`]) and the 90 % intervals
/// ([`super::robust::intervals`]).
pub fn btyd_with(
    customers: &[CustomerRfmt],
    options: &ClvOptions,
    fit: &FitOptions,
) -> Result<Btyd> {
    fit_and_predict(customers, options, Some(fit))
}

fn fit_and_predict(
    customers: &[CustomerRfmt],
    options: &ClvOptions,
    robust: Option<&FitOptions>,
) -> Result<Btyd> {
    options.check()?;
    let (bg, gg) = match robust {
        None => (fit_bgnbd(customers)?, fit_gamma_gamma(customers)?),
        Some(f) => {
            // The option is checked before the work.
            super::robust::interval_draws(f.interval_draws, customers.len())?;
            (
                super::bgnbd::fit_bgnbd_robust(customers, f.penalizer)?,
                super::gamma_gamma::fit_gamma_gamma_robust(customers)?,
            )
        }
    };
    let values = customer_lifetime_value(&bg.params, &gg.params, customers, options)?;
    let total_clv: f64 = values.iter().map(|v| v.clv).sum();
    let totals = BtydTotals {
        customers: values.len(),
        repeat_buyers: bg.repeat_buyers,
        expected_purchases: values.iter().map(|v| v.expected_purchases).sum(),
        clv: total_clv,
        mean_clv: total_clv / values.len() as f64,
    };
    let standard_errors = bg
        .standard_errors
        .zip(gg.standard_errors)
        .map(|(b, g)| BtydParams::join(b, g));
    let mut notices = bg.notices.clone();
    notices.extend(&gg.notices);
    let mut intervals = None;
    if let Some(f) = robust {
        for n in super::robust::data_notices(customers, options.unit) {
            notices.push(n);
        }
        let draws = super::robust::interval_draws(f.interval_draws, customers.len())?;
        let horizon = f64::from(options.horizon_months) * options.month_length();
        intervals = super::robust::intervals(&bg, &gg, customers, &values, horizon, draws);
    }
    Ok(Btyd {
        params: BtydParams::join(bg.params, gg.params),
        standard_errors,
        log_likelihood: LogLikelihoods {
            bg_nbd: bg.log_likelihood,
            gamma_gamma: gg.log_likelihood,
        },
        unit: options.unit,
        horizon_months: options.horizon_months,
        month_length: options.month_length(),
        monthly_discount_rate: options.monthly_discount_rate,
        penalizer: bg.penalizer,
        customers: values,
        totals,
        notices,
        intervals,
        bg_nbd: bg,
        gamma_gamma: gg,
    })
}
