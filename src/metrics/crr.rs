//! Customer Retention Rate and churn from counts (METRICS.md §1).
//!
//! CRR = (E − N) / S × 100, churn = 100 − CRR. Bands use the sources' general
//! scale read literally (API.md): poor < 60 ≤ average < 75 ≤ good ≤ 85 < excellent.
//! Above 100 % (reactivated customers) the band is `unknown`: with only S, E
//! and N the share of S still buying cannot be known.

use super::{percent, Band, Edge};
use crate::error::{Code, Error, Notice, Notices, Result};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Crr {
    pub retention_rate: f64,
    pub churn_rate: f64,
    /// E − N: customers of the start who are still there.
    pub retained: i64,
    /// S − retained; negative only when the rate is above 100 (reactivations).
    pub lost: i64,
    pub band: Band,
    /// `crrAboveHundred` when the rate is above 100 (with `warnings`, the messages).
    #[serde(serialize_with = "own_notices")]
    pub notices: Notices,
    /// The notices' messages (API.md's `warnings`).
    pub warnings: Vec<String>,
}

/// The notices as a plain list: this result has no input of its own to
/// report, and a flattened `Notices` would make serde write the whole result
/// through its map code (2 KB more in the widget's module).
fn own_notices<S: serde::Serializer>(
    notices: &Notices,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    notices.own.serialize(s)
}

pub fn band(rate: f64) -> Band {
    const BANDS: [(Edge, Band); 3] = [
        (Edge::Below(60.0), Band::new("poor", "Poor")),
        (Edge::Below(75.0), Band::new("average", "Average")),
        (Edge::UpTo(85.0), Band::new("good", "Good")),
    ];
    Band::of(rate, &BANDS, Band::new("excellent", "Excellent"))
}

/// Retention from customers at the start (`start`), at the end (`end`) and new
/// customers won during the period (`new`, part of `end`).
pub fn crr(start: u64, end: u64, new: u64) -> Result<Crr> {
    if start == 0 {
        return Err(Error::field(
            Code::StartNotPositive,
            "startCustomers",
            "startCustomers must be greater than 0: retention is measured against the customers you had at the start.",
        ));
    }
    if new > end {
        return Err(Error::field(
            Code::NewExceedsEnd,
            "newCustomers",
            format!(
                "newCustomers ({new}) cannot be more than endCustomers ({end}): new customers are part of the customers at the end."
            ),
        )
        .with("new", new)
        .with("end", end));
    }
    let retained = (end - new) as i64;
    let rate = percent(retained as f64, start as f64);
    let mut notices = Notices::default();
    if rate > 100.0 {
        notices.push(
            Notice::new(
                Code::CrrAboveHundred,
                format!(
                    "The retention rate is above 100 % because end − new ({retained}) is more than the customers at the start ({start}). This happens only when lapsed customers came back; check the counts."
                ),
            )
            .with("rate", rate)
            .with("retained", retained)
            .with("start", start),
        );
    }
    Ok(Crr {
        retention_rate: rate,
        churn_rate: 100.0 - rate,
        retained,
        lost: start as i64 - retained,
        // Above 100 % the excess is reactivations: E − N cannot tell how many
        // of S stayed, so no band (the log's retention bands its strict rate).
        band: if rate > 100.0 {
            Band::new("unknown", "Not rated above 100 %")
        } else {
            band(rate)
        },
        warnings: notices.warnings().iter().map(|w| w.to_string()).collect(),
        notices,
    })
}
