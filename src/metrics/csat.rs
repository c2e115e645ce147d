//! Customer Satisfaction (METRICS.md §6): the share of satisfied answers,
//! 4–5 on a 1–5 scale, 9–10 on a 1–10 scale (we state the box in the result),
//! with the mean and the distribution.

use super::{checked_scores, distribution, percent, Bar};
use crate::error::{number, Code, Error, Result};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Csat {
    pub csat: f64,
    pub responses: u64,
    pub mean: f64,
    pub distribution: Vec<Bar>,
    /// The answers counted as satisfied, e.g. [4, 5].
    pub top_box: [u32; 2],
    pub scale_max: u32,
}

/// Checks one answer: a whole number from 1 to `scale_max`.
pub fn check_score(value: f64, scale_max: u32, row: usize) -> Result<u32> {
    if !value.is_finite() || value.fract() != 0.0 || value < 1.0 || value > scale_max as f64 {
        return Err(Error::field(
            Code::ScoreOffScale,
            "scores",
            format!(
                "Score {} at row {row} is not on the 1–{scale_max} scale.",
                number(value)
            ),
        )
        .with_row(row));
    }
    Ok(value as u32)
}

pub fn check_scale(scale_max: u32) -> Result<()> {
    if scale_max == 5 || scale_max == 10 {
        Ok(())
    } else {
        Err(Error::field(
            Code::InvalidScale,
            "scaleMax",
            format!("scaleMax must be 5 or 10 (got {scale_max})."),
        )
        .with("got", scale_max))
    }
}

/// The answers counted as satisfied: 4–5 of 1–5, 9–10 of 1–10.
pub fn top_box(scale_max: u32) -> [u32; 2] {
    if scale_max == 5 {
        [4, 5]
    } else {
        [9, 10]
    }
}

pub fn csat(scores: &[f64], scale_max: u32) -> Result<Csat> {
    check_scale(scale_max)?;
    let checked = checked_scores(scores, "", |s, row| check_score(s, scale_max, row))?;
    let n = checked.len() as f64;
    let top = top_box(scale_max);
    let satisfied = checked.iter().filter(|&&s| s >= top[0]).count() as f64;
    Ok(Csat {
        csat: percent(satisfied, n),
        responses: checked.len() as u64,
        mean: checked.iter().map(|&s| s as f64).sum::<f64>() / n,
        distribution: distribution(&checked, 1, scale_max),
        top_box: top,
        scale_max,
    })
}
