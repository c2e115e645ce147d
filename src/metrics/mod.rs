//! The calculators: pure Rust, no WebAssembly types, no parsing of text.
//! Every formula of METRICS.md lives in exactly one of these files.

#[cfg(feature = "analytics")]
pub mod btyd;
#[cfg(feature = "analytics")]
pub mod cac;
pub mod ces;
pub mod clv;
#[cfg(feature = "analytics")]
pub mod clv_log;
#[cfg(feature = "analytics")]
pub mod cohorts;
pub mod crr;
pub mod csat;
pub mod fcr;
#[cfg(feature = "analytics")]
pub mod goals;
#[cfg(feature = "analytics")]
pub mod health;
#[cfg(feature = "analytics")]
pub mod lifecycle;
#[cfg(feature = "analytics")]
pub mod log;
pub mod nps;
#[cfg(feature = "analytics")]
pub mod retention;
#[cfg(feature = "analytics")]
pub mod rfm;
#[cfg(feature = "analytics")]
pub mod sbg;
#[cfg(feature = "tables")]
pub mod service;
#[cfg(feature = "tables")]
pub mod survey;
#[cfg(feature = "analytics")]
pub mod trends;

use crate::error::{Code, Error, Result};
use serde::Serialize;

/// An interpretation band: `key` is a stable English identifier (API.md),
/// `label` the English text; the page translates by `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Band {
    pub key: &'static str,
    pub label: &'static str,
}

/// The upper edge of a band: values below it (`Below`) or up to it (`UpTo`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Edge {
    Below(f64),
    UpTo(f64),
}

impl Band {
    pub(crate) const fn new(key: &'static str, label: &'static str) -> Band {
        Band { key, label }
    }

    /// The band of `value`: the first of `bands` whose edge it is within
    /// (lowest first), else `last` (NaN too).
    pub(crate) fn of(value: f64, bands: &[(Edge, Band)], last: Band) -> Band {
        bands
            .iter()
            .find(|(edge, _)| match *edge {
                Edge::Below(x) => value < x,
                Edge::UpTo(x) => value <= x,
            })
            .map_or(last, |&(_, band)| band)
    }
}

/// `part × 100 / whole`, at full precision. `whole` is never 0 where this is
/// called. Multiplying first keeps exact cases exact (7 of 10 is 70, not
/// 70.00000000000001), so a figure on a band edge gets the band it is on.
pub(crate) fn percent(part: f64, whole: f64) -> f64 {
    part * 100.0 / whole
}

/// A survey's answers, each checked by `check` (given its 1-based position).
/// An empty list is an error: "give at least one answer" and `range`.
pub(crate) fn checked_scores(
    scores: &[f64],
    range: &str,
    check: impl Fn(f64, usize) -> Result<u32>,
) -> Result<Vec<u32>> {
    if scores.is_empty() {
        return Err(Error::field(
            Code::EmptyScores,
            "scores",
            format!("The list of scores is empty: give at least one answer{range}."),
        ));
    }
    scores
        .iter()
        .enumerate()
        .map(|(i, &s)| check(s, i + 1))
        .collect()
}

/// One bar of a score distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub score: u32,
    pub count: u64,
    pub percent: f64,
}

/// Counts of each whole score from `min` to `max` (scores are already validated).
pub(crate) fn distribution(scores: &[u32], min: u32, max: u32) -> Vec<Bar> {
    let n = scores.len() as f64;
    (min..=max)
        .map(|score| {
            let count = scores.iter().filter(|&&s| s == score).count() as u64;
            Bar {
                score,
                count,
                percent: percent(count as f64, n),
            }
        })
        .collect()
}
