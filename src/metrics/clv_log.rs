//! Customer value from a transaction log (METRICS.md §2, §8 Pareto).
//!
//! Per customer with a purchase (see [`super::log`]): historical value = sum of
//! all amounts, refunds subtracted; orders; average order value = historical
//! value / orders; first and last purchase; observed lifespan = whole days from
//! the first to the last purchase (0 for one purchase day).
//!
//! The simple-formula CLV (AOV × purchases per year × lifespan in years, then
//! [`super::clv::clv`] for the margin and the rules of thumb) from measured
//! inputs, a year being 365.25 days:
//! - **AOV** = all customers' historical value / all their orders (an
//!   order-weighted average, refunds subtracted);
//! - **purchases per year** = all orders / all customers' observed years, where
//!   a customer is observed from their first purchase to the last date in the
//!   data, both days included (so a customer won last month is not counted as
//!   if they had been a customer all year);
//! - **lifespan** = the mean observed lifespan in years. This is a lower bound
//!   (customers still buying stay longer than observed; one-time buyers count
//!   0), hence overridable with `lifespan_years`; a warning says so when the
//!   measured one is used.
//!
//! Pareto: the top 20 % of customers are the ⌈n / 5⌉ with the highest
//! historical value (which of several tied customers is taken does not change
//! the sum); their share = their value / everybody's × 100, null when the total
//! is not positive.

use super::clv::{clv, Clv};
use super::log::{require_purchases, ser_date, top_fifth, Summary};
use super::percent;
use crate::error::{Code, Error, Notice, Notices, Result};
use chrono::NaiveDate;
use serde::Serialize;

/// Days in a year, for lifespans and yearly frequencies.
pub const DAYS_PER_YEAR: f64 = 365.25;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerValue {
    pub customer: String,
    /// Sum of amounts, refunds subtracted.
    pub historical_value: f64,
    pub refunded: f64,
    pub orders: u32,
    /// historical value / orders.
    pub average_order_value: f64,
    #[serde(serialize_with = "ser_date")]
    pub first_purchase: NaiveDate,
    #[serde(serialize_with = "ser_date")]
    pub last_purchase: NaiveDate,
    /// Whole days from the first to the last purchase.
    pub lifespan_days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pareto {
    /// ⌈20 % of customers⌉.
    pub top_customers: u64,
    pub top_revenue: f64,
    /// top revenue / total revenue × 100; null when the total is not positive.
    pub top_revenue_share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClvLog {
    /// Customers with a purchase, in the order of their first line.
    pub customers: Vec<CustomerValue>,
    pub customer_count: u64,
    pub total_revenue: f64,
    pub total_orders: u64,
    /// Mean historical value per customer.
    pub average_historical_value: f64,
    /// Mean orders per customer.
    pub average_orders: f64,
    /// Mean observed lifespan in days.
    pub average_lifespan_days: f64,
    /// Measured AOV: total revenue / total orders.
    pub average_order_value: f64,
    /// Measured: total orders / total observed customer-years.
    pub purchases_per_year: f64,
    /// Measured: mean observed lifespan / 365.25.
    pub measured_lifespan_years: f64,
    /// The lifespan the CLV uses: the override when given, else the measured one.
    pub lifespan_years: f64,
    pub lifespan_overridden: bool,
    /// CLV = AOV × purchases per year × lifespan, with margin and rules of thumb.
    pub estimate: Clv,
    pub pareto: Pareto,
    /// `lifespanMeasured` when no lifespan was given.
    #[serde(flatten)]
    pub notices: Notices,
    /// Customers left out because they have no purchase (only refunds or zero amounts).
    pub customers_without_purchase: usize,
}

pub fn clv_log(
    summary: &Summary,
    lifespan_years: Option<f64>,
    gross_margin_percent: Option<f64>,
) -> Result<ClvLog> {
    let last_date = require_purchases(summary)?;
    if let Some(l) = lifespan_years.filter(|l| !l.is_finite()) {
        return Err(Error::field(
            Code::LifespanNotFinite,
            "lifespanYears",
            format!("lifespanYears must be a number of years (got {l})."),
        ));
    }
    let mut customers = Vec::new();
    let (mut revenue, mut orders, mut lifespan_days, mut observed_days) = (0.0, 0u64, 0i64, 0i64);
    for c in summary.purchasers() {
        let (Some(first), Some(last)) = (c.first_purchase(), c.last_purchase()) else {
            continue;
        };
        let lifespan = (last - first).num_days();
        revenue += c.total;
        orders += u64::from(c.orders);
        lifespan_days += lifespan;
        observed_days += (last_date - first).num_days() + 1;
        customers.push(CustomerValue {
            customer: c.customer.clone(),
            historical_value: c.total,
            refunded: c.refunded,
            orders: c.orders,
            average_order_value: c.total / f64::from(c.orders.max(1)),
            first_purchase: first,
            last_purchase: last,
            lifespan_days: lifespan,
        });
    }
    let n = customers.len() as f64;
    let aov = revenue / orders.max(1) as f64;
    let purchases_per_year = orders as f64 / (observed_days.max(1) as f64 / DAYS_PER_YEAR);
    let measured_lifespan_years = lifespan_days as f64 / n / DAYS_PER_YEAR;
    let used_lifespan = lifespan_years.unwrap_or(measured_lifespan_years);
    let mut notices = Notices::default();
    if lifespan_years.is_none() {
        notices.push(
            Notice::new(
                Code::LifespanMeasured,
                "The lifespan is measured from the data and is a lower bound: customers who are still buying will stay longer than observed, and one-time buyers count as 0. Enter lifespanYears from your own experience for a forecast.",
            )
            .with("years", measured_lifespan_years),
        );
    }
    if aov < 0.0 {
        return Err(Error::new(
            Code::NegativeRevenue,
            "Refunds exceed purchases in this log, so the average order value is negative and a lifetime value cannot be estimated.",
        ));
    }
    let estimate = clv(aov, purchases_per_year, used_lifespan, gross_margin_percent)?;
    let mut values: Vec<f64> = customers.iter().map(|c| c.historical_value).collect();
    values.sort_unstable_by(|a, b| b.total_cmp(a));
    let top = top_fifth(values.len());
    let top_revenue: f64 = values[..top].iter().sum();
    Ok(ClvLog {
        customer_count: customers.len() as u64,
        total_revenue: revenue,
        total_orders: orders,
        average_historical_value: revenue / n,
        average_orders: orders as f64 / n,
        average_lifespan_days: lifespan_days as f64 / n,
        average_order_value: aov,
        purchases_per_year,
        measured_lifespan_years,
        lifespan_years: used_lifespan,
        lifespan_overridden: lifespan_years.is_some(),
        estimate,
        pareto: Pareto {
            top_customers: top as u64,
            top_revenue,
            top_revenue_share: (revenue > 0.0).then(|| percent(top_revenue, revenue)),
        },
        notices,
        customers,
        customers_without_purchase: summary.customers_without_purchase(),
    })
}
