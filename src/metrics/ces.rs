//! Customer Effort Score (METRICS.md §4): the mean answer on the scale the
//! business chose (1–5, 1–7 or 1–10), its distribution, and the top-box share
//! of "easy" answers: 4–5 of 1–5, 5–7 of 1–7, 8–10 of 1–10 when high is easy,
//! mirrored (1–2, 1–3, 1–3) when high is hard.

use super::{checked_scores, distribution, percent, Bar};
use crate::error::{number, Code, Error, Result};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub min: u32,
    pub max: u32,
    pub high_is_easy: bool,
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            min: 1,
            max: 7,
            high_is_easy: true,
        }
    }
}

impl Scale {
    pub fn new(min: u32, max: u32, high_is_easy: bool) -> Result<Scale> {
        if min != 1 || !matches!(max, 5 | 7 | 10) {
            return Err(Error::field(
                Code::InvalidScale,
                if min != 1 { "scaleMin" } else { "scaleMax" },
                format!("The CES scale {min}–{max} is not supported: use 1–5, 1–7 or 1–10."),
            )
            .with("min", min)
            .with("max", max));
        }
        Ok(Scale {
            min,
            max,
            high_is_easy,
        })
    }

    /// The answers that count as "easy": (lowest, highest), inclusive.
    pub fn easy_range(&self) -> (u32, u32) {
        let width = match self.max {
            5 => 2,
            _ => 3,
        };
        if self.high_is_easy {
            (self.max - width + 1, self.max)
        } else {
            (self.min, self.min + width - 1)
        }
    }

    /// Checks one answer against the scale; `row` is its position or line.
    pub fn check(&self, value: f64, row: usize) -> Result<u32> {
        if !value.is_finite()
            || value.fract() != 0.0
            || value < self.min as f64
            || value > self.max as f64
        {
            return Err(Error::field(
                Code::ScoreOffScale,
                "scores",
                format!(
                    "Score {} at row {row} is not on the {}–{} scale.",
                    number(value),
                    self.min,
                    self.max
                ),
            )
            .with_row(row));
        }
        Ok(value as u32)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ces {
    pub ces: f64,
    pub responses: u64,
    pub distribution: Vec<Bar>,
    pub easy_percent: f64,
    /// The answers counted as easy, e.g. [5, 7].
    pub easy_range: [u32; 2],
    pub scale_min: u32,
    pub scale_max: u32,
    pub high_is_easy: bool,
}

pub fn ces(scores: &[f64], scale: Scale) -> Result<Ces> {
    let checked = checked_scores(scores, "", |s, row| scale.check(s, row))?;
    let n = checked.len() as f64;
    let (lo, hi) = scale.easy_range();
    let easy = checked.iter().filter(|&&s| s >= lo && s <= hi).count() as f64;
    Ok(Ces {
        ces: checked.iter().map(|&s| s as f64).sum::<f64>() / n,
        responses: checked.len() as u64,
        distribution: distribution(&checked, scale.min, scale.max),
        easy_percent: percent(easy, n),
        easy_range: [lo, hi],
        scale_min: scale.min,
        scale_max: scale.max,
        high_is_easy: scale.high_is_easy,
    })
}
