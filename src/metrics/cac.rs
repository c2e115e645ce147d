//! Customer acquisition cost and LTV : CAC (METRICS.md §2's rule of thumb:
//! CLV : CAC at least 3 : 1), the payback period, and the cost of keeping a
//! customer against winning one.
//!
//! CAC = marketing spend / new customers of the same period. LTV is the
//! profit CLV (the sources define CLV as profit; without a margin it is the
//! revenue CLV). Payback in months = CAC / the gross profit a customer brings
//! per month (yearly value × margin / 12).

use crate::error::{number, Code, Error, Result};
use serde::Serialize;

/// The seeds' rule: LTV at least 3 times CAC.
pub const MIN_LTV_TO_CAC: f64 = 3.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Acquisition {
    pub marketing_spend: f64,
    pub new_customers: u64,
    pub cac: f64,
    pub ltv: f64,
    /// LTV / CAC (null when CAC is 0).
    pub ltv_to_cac: Option<f64>,
    /// LTV : CAC ≥ 3 : 1.
    pub meets_rule: bool,
    /// CAC / monthly gross profit per customer (null when that profit is 0).
    pub payback_months: Option<f64>,
}

/// CAC from a period's `spend` and `new_customers`, against `ltv` and the
/// gross profit a customer brings per month.
pub fn acquisition(
    spend: f64,
    new_customers: u64,
    ltv: f64,
    monthly_profit: f64,
) -> Result<Acquisition> {
    if !(spend >= 0.0 && spend.is_finite()) {
        return Err(Error::field(
            Code::Negative,
            "marketingSpend",
            format!("marketingSpend must be 0 or more (got {}).", number(spend)),
        )
        .with("got", spend));
    }
    if new_customers == 0 {
        return Err(Error::field(
            Code::NoNewCustomers,
            "newCustomers",
            "newCustomers must be 1 or more: CAC is the spend per new customer.",
        ));
    }
    let cac = spend / new_customers as f64;
    let ratio = (cac > 0.0).then(|| ltv / cac);
    Ok(Acquisition {
        marketing_spend: spend,
        new_customers,
        cac,
        ltv,
        ltv_to_cac: ratio,
        meets_rule: ratio.is_none_or(|r| r >= MIN_LTV_TO_CAC),
        payback_months: (monthly_profit > 0.0).then(|| cac / monthly_profit),
    })
}

/// Winning a customer against keeping one: `ratio` = acquisition / retention
/// cost, `saving` = the difference per customer kept instead of replaced.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeepVsWin {
    pub acquisition_cost: f64,
    pub retention_cost: f64,
    /// acquisition / retention (null when keeping costs nothing).
    pub ratio: Option<f64>,
    pub saving: f64,
}

pub fn keep_vs_win(acquisition_cost: f64, retention_cost: f64) -> KeepVsWin {
    KeepVsWin {
        acquisition_cost,
        retention_cost,
        ratio: (retention_cost > 0.0).then(|| acquisition_cost / retention_cost),
        saving: acquisition_cost - retention_cost,
    }
}
