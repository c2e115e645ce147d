//! Simple Customer Lifetime Value (METRICS.md §2):
//! CLV = average order value × purchases per year × lifespan in years,
//! with an optional gross margin turning revenue CLV into profit CLV, and the
//! sources' rules of thumb (CAC ≤ CLV / 3, retention budget 10–15 % of CLV).

use crate::error::{number, Code, Error, Result};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Clv {
    pub clv: f64,
    pub yearly_value: f64,
    pub profit_clv: f64,
    pub max_acquisition_cost: f64,
    pub retention_budget_low: f64,
    pub retention_budget_high: f64,
}

pub fn clv(
    average_order_value: f64,
    purchases_per_year: f64,
    lifespan_years: f64,
    gross_margin_percent: Option<f64>,
) -> Result<Clv> {
    for (field, value) in [
        ("averageOrderValue", average_order_value),
        ("purchasesPerYear", purchases_per_year),
        ("lifespanYears", lifespan_years),
    ] {
        if value < 0.0 {
            return Err(Error::field(
                Code::Negative,
                field,
                format!("{field} cannot be negative (got {}).", number(value)),
            )
            .with("got", value));
        }
    }
    if let Some(m) = gross_margin_percent {
        if !(0.0..=100.0).contains(&m) {
            return Err(Error::field(
                Code::MarginOutOfRange,
                "grossMarginPercent",
                format!(
                    "grossMarginPercent must be between 0 and 100 (got {}).",
                    number(m)
                ),
            )
            .with("got", m));
        }
    }
    let yearly_value = average_order_value * purchases_per_year;
    let clv = yearly_value * lifespan_years;
    if !clv.is_finite() {
        return Err(Error::new(
            Code::TooLarge,
            "The inputs are too large: their product is beyond what can be computed.",
        ));
    }
    let basis = match gross_margin_percent {
        Some(m) => clv * m / 100.0,
        None => clv,
    };
    Ok(Clv {
        clv,
        yearly_value,
        profit_clv: basis,
        max_acquisition_cost: basis / 3.0,
        retention_budget_low: basis * 10.0 / 100.0,
        retention_budget_high: basis * 15.0 / 100.0,
    })
}
