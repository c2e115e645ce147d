//! Net Promoter Score (METRICS.md §3). Promoters 9–10, passives 7–8,
//! detractors 0–6; NPS = % promoters − % detractors, with the 95 % margin of
//! error 1.96 × √((p + d − (p − d)²) / n) × 100 points (Wald), and beside it
//! the adjusted-Wald interval of Lewis & Sauro (MeasuringU, "Evaluating NPS
//! Confidence Intervals with Real-World Data", 2021, after Rocks, "Interval
//! Estimation for the Net Promoter Score", The American Statistician 70(4),
//! 2016): add 3 to n and ¾ to the promoters and to the detractors, then the
//! same variance of a difference of two proportions, centred on the adjusted
//! NPS. The two differ most on small samples (and at 0 or 100 %, where Wald's
//! margin collapses to 0).

use super::{checked_scores, percent, Band, Edge};
use crate::error::{number, Code, Error, Result};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub count: u64,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Nps {
    pub nps: f64,
    pub responses: u64,
    pub promoters: Group,
    pub passives: Group,
    pub detractors: Group,
    pub margin_of_error: f64,
    pub low: f64,
    pub high: f64,
    pub band: Band,
    /// Count of each score 0–10 (empty when only group counts were given).
    pub distribution: Vec<super::Bar>,
    /// The adjusted-Wald 95 % interval (see the module docs). Not in the
    /// widget's small module (its size budget).
    #[cfg(feature = "tables")]
    pub adjusted_wald: Interval,
}

/// A 95 % interval of the NPS: its centre, half-width and ends, in points
/// (the ends kept within −100…100).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Interval {
    pub nps: f64,
    pub margin_of_error: f64,
    pub low: f64,
    pub high: f64,
}

/// z of a two-sided 95 % interval.
const Z95: f64 = 1.96;

/// The adjusted-Wald interval: n' = n + 3, p' = (promoters + ¾) / n',
/// d' = (detractors + ¾) / n', NPS' = (p' − d') × 100, margin =
/// 1.96 × √((p' + d' − (p' − d')²) / n') × 100.
pub fn adjusted_wald(promoters: u64, passives: u64, detractors: u64) -> Interval {
    let n = (promoters + passives + detractors) as f64 + 3.0;
    let p = (promoters as f64 + 0.75) / n;
    let d = (detractors as f64 + 0.75) / n;
    let centre = (p - d) * 100.0;
    let variance = (p + d - (p - d) * (p - d)).max(0.0);
    let margin = Z95 * (variance / n).sqrt() * 100.0;
    Interval {
        nps: centre,
        margin_of_error: margin,
        low: (centre - margin).max(-100.0),
        high: (centre + margin).min(100.0),
    }
}

pub fn band(nps: f64) -> Band {
    const BANDS: [(Edge, Band); 4] = [
        (Edge::Below(0.0), Band::new("crisis", "Crisis")),
        (
            Edge::Below(30.0),
            Band::new("needsImprovement", "Needs improvement"),
        ),
        (Edge::Below(50.0), Band::new("good", "Good")),
        (Edge::Below(70.0), Band::new("great", "Great")),
    ];
    Band::of(nps, &BANDS, Band::new("worldClass", "World class"))
}

/// Checks one answer: a whole number from 0 to 10. `row` is its position
/// (1-based) in the list or its line in pasted text.
pub fn check_score(value: f64, row: usize) -> Result<u32> {
    if value.fract() != 0.0 || !value.is_finite() {
        return Err(Error::field(
            Code::ScoreNotInteger,
            "scores",
            format!("Score {} at row {row} is not a whole number: NPS answers are whole numbers from 0 to 10.", number(value)),
        )
        .with_row(row));
    }
    if !(0.0..=10.0).contains(&value) {
        return Err(Error::field(
            Code::ScoreOutOfRange,
            "scores",
            format!("Score {} at row {row} is outside 0–10.", number(value)),
        )
        .with_row(row));
    }
    Ok(value as u32)
}

/// NPS from the three group counts.
pub fn from_counts(promoters: u64, passives: u64, detractors: u64) -> Result<Nps> {
    let n = promoters + passives + detractors;
    if n == 0 {
        return Err(Error::new(
            Code::NoResponses,
            "There are no responses: enter at least one promoter, passive or detractor.",
        ));
    }
    let nf = n as f64;
    let p = promoters as f64 / nf;
    let d = detractors as f64 / nf;
    // From the counts, not the shares: 7 promoters and 2 detractors of 10 is
    // exactly 50 (band great), where (0.7 − 0.2) × 100 would be 49.999….
    let nps = percent(promoters as f64 - detractors as f64, nf);
    let variance = p + d - (p - d) * (p - d);
    // A tiny negative variance can only come from rounding; it is 0.
    let margin = Z95 * (variance.max(0.0) / nf).sqrt() * 100.0;
    Ok(Nps {
        nps,
        responses: n,
        promoters: Group {
            count: promoters,
            percent: percent(promoters as f64, nf),
        },
        passives: Group {
            count: passives,
            percent: percent(passives as f64, nf),
        },
        detractors: Group {
            count: detractors,
            percent: percent(detractors as f64, nf),
        },
        margin_of_error: margin,
        low: (nps - margin).max(-100.0),
        high: (nps + margin).min(100.0),
        band: band(nps),
        distribution: Vec::new(),
        #[cfg(feature = "tables")]
        adjusted_wald: adjusted_wald(promoters, passives, detractors),
    })
}

/// NPS from individual answers; every answer must be a whole number 0–10.
pub fn from_scores(scores: &[f64]) -> Result<Nps> {
    let checked = checked_scores(scores, " from 0 to 10", check_score)?;
    let promoters = checked.iter().filter(|&&s| s >= 9).count() as u64;
    let detractors = checked.iter().filter(|&&s| s <= 6).count() as u64;
    let passives = checked.len() as u64 - promoters - detractors;
    let mut out = from_counts(promoters, passives, detractors)?;
    out.distribution = super::distribution(&checked, 0, 10);
    Ok(out)
}
