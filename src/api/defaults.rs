//! `defaults()`: the defaults and limits the page needs before a result (the
//! RFM edges and their order, the active-base days, the forecast horizon, the
//! P(alive) cut-off), read from the constants the Rust core uses, so that no
//! page retypes them.

use crate::metrics::btyd::clv::{
    ALIVE_CUTOFF, DEFAULT_HORIZON_MONTHS, DEFAULT_MONTHLY_DISCOUNT_RATE, MAX_HORIZON_MONTHS,
    MIN_HORIZON_MONTHS,
};
use crate::metrics::retention::{DEFAULT_ACTIVE_DAYS, MIN_ACTIVE_DAYS};
use crate::metrics::rfm::{EdgeOrders, Thresholds, DEFAULT_THRESHOLDS, EDGE_ORDERS};
use crate::metrics::sbg;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Defaults {
    pub rfm: RfmDefaults,
    pub retention: RetentionDefaults,
    pub predict: PredictDefaults,
    pub subscriptions: SubscriptionDefaults,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RfmDefaults {
    /// The fixed table's edges, for scores 5, 4, 3, 2.
    pub thresholds: Thresholds,
    /// The order each list must be in (`ascending` / `descending`, equal
    /// neighbours allowed), else `thresholdsNotOrdered`.
    pub threshold_order: EdgeOrders,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetentionDefaults {
    /// D of the active-base mode when `activeDays` is not given, and its least.
    pub active_days: u32,
    pub min_active_days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PredictDefaults {
    /// `horizonMonths` when not given, and the range accepted.
    pub horizon_months: u32,
    pub min_horizon_months: u32,
    pub max_horizon_months: u32,
    /// `monthlyDiscountRate` when not given.
    pub monthly_discount_rate: f64,
    /// A customer with `pAlive` ≥ this is likely active, below it likely gone.
    pub alive_cutoff: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionDefaults {
    /// `discountRate` when not given (a fraction per period).
    pub discount_rate: f64,
    /// Periods after the start the counts must cover, at least.
    pub min_periods: usize,
    /// The least default `horizon`, and the most periods projected.
    pub horizon: usize,
    pub max_horizon: usize,
}

/// `defaults()`: see the module.
pub fn defaults() -> Defaults {
    Defaults {
        rfm: RfmDefaults {
            thresholds: DEFAULT_THRESHOLDS,
            threshold_order: EDGE_ORDERS,
        },
        retention: RetentionDefaults {
            active_days: DEFAULT_ACTIVE_DAYS,
            min_active_days: MIN_ACTIVE_DAYS,
        },
        predict: PredictDefaults {
            horizon_months: DEFAULT_HORIZON_MONTHS,
            min_horizon_months: MIN_HORIZON_MONTHS,
            max_horizon_months: MAX_HORIZON_MONTHS,
            monthly_discount_rate: DEFAULT_MONTHLY_DISCOUNT_RATE,
            alive_cutoff: ALIVE_CUTOFF,
        },
        subscriptions: SubscriptionDefaults {
            discount_rate: sbg::DEFAULT_DISCOUNT_RATE,
            min_periods: sbg::MIN_PERIODS,
            horizon: sbg::DEFAULT_HORIZON,
            max_horizon: sbg::MAX_HORIZON,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::rfm::EdgeOrder;

    #[test]
    fn the_defaults_are_the_documented_ones() {
        // METRICS.md §7 (fixed table: recency 7/30/60/90 days, frequency
        // 10/6/4/2 orders, monetary 10 M / 5 M / 2 M / 500 k rupiah), §1 (D =
        // 180 days), README "Predictive CLV" (12 months, 1 % a month, at most
        // 1,200 months), the page's "likely active" (P(alive) ≥ 0.5).
        let json = serde_json::to_value(defaults()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "rfm": {
                    "thresholds": {
                        "recency": [7, 30, 60, 90],
                        "frequency": [10, 6, 4, 2],
                        "monetary": [10000000.0, 5000000.0, 2000000.0, 500000.0]
                    },
                    "thresholdOrder": {
                        "recency": "ascending",
                        "frequency": "descending",
                        "monetary": "descending"
                    }
                },
                "retention": { "activeDays": 180, "minActiveDays": 1 },
                "predict": {
                    "horizonMonths": 12,
                    "minHorizonMonths": 1,
                    "maxHorizonMonths": 1200,
                    "monthlyDiscountRate": 0.01,
                    "aliveCutoff": 0.5
                },
                "subscriptions": {
                    "discountRate": 0.01,
                    "minPeriods": 2,
                    "horizon": 12,
                    "maxHorizon": 1200
                }
            })
        );
    }

    #[test]
    fn edge_orders_allow_equal_neighbours_only() {
        assert!(EdgeOrder::Ascending.holds(&[7.0, 7.0, 60.0, 90.0]));
        assert!(!EdgeOrder::Ascending.holds(&[7.0, 30.0, 20.0, 90.0]));
        assert!(EdgeOrder::Descending.holds(&[10.0, 6.0, 6.0, 2.0]));
        assert!(!EdgeOrder::Descending.holds(&[10.0, 11.0, 4.0, 2.0]));
        // The defaults pass their own check; one list out of order does not.
        assert!(DEFAULT_THRESHOLDS.check().is_ok());
        let mut t = DEFAULT_THRESHOLDS;
        t.monetary = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(t.check().unwrap_err().code, "thresholdsNotOrdered");
    }
}
