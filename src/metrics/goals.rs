//! Goals: what it takes to reach a target from the user's own numbers, for
//! NPS, CSAT, CES, FCR and CRR. Every count is the smallest whole number that
//! reaches the target (`ceil`, with a 1e-9 margin against rounding: 26.0000001
//! is 26); 0 when the target is already reached. "Convert" counts keep the
//! number of answers (or tickets, customers) as it is; "new" counts add
//! answers that all count (a null where no number of them can reach it).

use crate::error::{number, Code, Error, Result};
use serde::Serialize;

/// The smallest whole number ≥ x (0 for x ≤ 0), x rounded off at 1e-9.
fn need(x: f64) -> u64 {
    let x = (x - 1e-9).ceil();
    if x > 0.0 {
        x as u64
    } else {
        0
    }
}

fn out_of_range(field: &str, target: f64, low: f64, high: f64) -> Error {
    Error::field(
        Code::TargetOutOfRange,
        field,
        format!(
            "The target must be from {} to {} (got {}).",
            number(low),
            number(high),
            number(target)
        ),
    )
    .with("min", low)
    .with("max", high)
    .with("got", target)
}

fn check(target: f64, low: f64, high: f64) -> Result<()> {
    if !(target >= low && target <= high) {
        return Err(out_of_range("target", target, low, high));
    }
    Ok(())
}

/// NPS (−100…100) from P promoters and D detractors of n answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NpsGoal {
    pub target: f64,
    pub current: f64,
    pub reached: bool,
    pub responses: u64,
    /// P − D must grow by this much: ⌈target × n / 100 − (P − D)⌉.
    pub net_needed: u64,
    /// Passives who become promoters (each +1 to P − D), n unchanged; null
    /// when there are not that many passives.
    pub more_promoters: Option<u64>,
    /// Detractors who become passives (each +1), n unchanged; null when
    /// there are not that many detractors.
    pub fewer_detractors: Option<u64>,
    /// Detractors who become promoters (each +2); null when too few.
    pub detractors_to_promoters: Option<u64>,
    /// New answers, all promoters: x ≥ (target × n / 100 − (P − D)) / (1 − target / 100);
    /// null for a target of 100.
    pub new_promoters: Option<u64>,
}

pub fn nps(promoters: u64, passives: u64, detractors: u64, target: f64) -> Result<NpsGoal> {
    check(target, -100.0, 100.0)?;
    let n = promoters + passives + detractors;
    let net = promoters as f64 - detractors as f64;
    let gap = target * n as f64 / 100.0 - net;
    let needed = need(gap);
    let within = |k: u64, available: u64| (k <= available).then_some(k);
    Ok(NpsGoal {
        target,
        current: if n > 0 { net * 100.0 / n as f64 } else { 0.0 },
        reached: needed == 0,
        responses: n,
        net_needed: needed,
        more_promoters: within(needed, passives),
        fewer_detractors: within(needed, detractors),
        detractors_to_promoters: within(needed.div_ceil(2), detractors),
        new_promoters: (target < 100.0).then(|| need(gap / (1.0 - target / 100.0))),
    })
}

/// A share goal (CSAT, FCR): `good` of `total` to reach `target` percent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShareGoal {
    pub target: f64,
    pub current: f64,
    pub reached: bool,
    pub total: u64,
    /// ⌈target × total / 100⌉: the good ones the target needs of the same total.
    pub needed: u64,
    /// needed − good: answers (tickets) that must turn good, total unchanged.
    pub more: u64,
    /// New answers (tickets), all good: x ≥ (target × total − 100 × good) / (100 − target);
    /// null for a target of 100.
    pub new_good: Option<u64>,
}

pub fn share(good: u64, total: u64, target: f64) -> Result<ShareGoal> {
    check(target, 0.0, 100.0)?;
    let needed = need(target * total as f64 / 100.0);
    let gap = target * total as f64 - 100.0 * good as f64;
    Ok(ShareGoal {
        target,
        current: if total > 0 {
            good as f64 * 100.0 / total as f64
        } else {
            0.0
        },
        reached: needed <= good,
        total,
        needed,
        more: needed.saturating_sub(good),
        new_good: (target < 100.0).then(|| need(gap / (100.0 - target))),
    })
}

/// CRR: keep `needed` of the `start` customers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CrrGoal {
    pub target: f64,
    pub current: f64,
    pub reached: bool,
    pub start: u64,
    /// ⌈target × S / 100⌉: customers of the start to keep.
    pub retained_needed: u64,
    /// retained_needed − (E − N).
    pub more_retained: u64,
    /// S − retained_needed: the most that may leave.
    pub lost_allowed: u64,
}

pub fn crr(start: u64, retained: i64, target: f64) -> Result<CrrGoal> {
    check(target, 0.0, 100.0)?;
    let needed = need(target * start as f64 / 100.0);
    Ok(CrrGoal {
        target,
        current: if start > 0 {
            retained as f64 * 100.0 / start as f64
        } else {
            0.0
        },
        reached: retained >= needed as i64,
        start,
        retained_needed: needed,
        more_retained: (needed as i64 - retained).max(0) as u64,
        lost_allowed: start.saturating_sub(needed),
    })
}

/// CES: the mean answer to reach, on the scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CesGoal {
    pub target: f64,
    pub current: f64,
    pub reached: bool,
    pub responses: u64,
    /// Scale points the answers need together: ⌈target × n − Σ⌉ when high is
    /// easy, ⌈Σ − target × n⌉ when high is hard; one answer moved one step
    /// easier is one point.
    pub points_needed: u64,
    /// New answers, all at the easiest end of the scale, that reach the target;
    /// null when the target is the easiest end itself.
    pub new_easiest: Option<u64>,
}

/// `sum`: the total of the `n` answers; `easiest`: the easy end of the scale.
pub fn ces(
    sum: f64,
    n: u64,
    min: u32,
    max: u32,
    high_is_easy: bool,
    target: f64,
) -> Result<CesGoal> {
    check(target, f64::from(min), f64::from(max))?;
    let nf = n as f64;
    let sign = if high_is_easy { 1.0 } else { -1.0 };
    let easiest = if high_is_easy { max } else { min };
    // Rounded off: a mean × n carries float error.
    let gap = sign * (target * nf - sum);
    let per_new = sign * (f64::from(easiest) - target);
    let points = need(gap);
    Ok(CesGoal {
        target,
        current: if n > 0 { sum / nf } else { 0.0 },
        reached: points == 0,
        responses: n,
        points_needed: points,
        new_easiest: (per_new > 0.0).then(|| need(gap / per_new)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn need_rounds_up_past_float_noise() {
        assert_eq!(need(26.000000000001), 26);
        assert_eq!(need(25.5), 26);
        assert_eq!(need(-3.0), 0);
    }

    #[test]
    fn targets_outside_the_scale_are_errors() {
        assert_eq!(
            nps(1, 0, 0, 101.0).unwrap_err().code,
            Code::TargetOutOfRange
        );
        assert_eq!(
            share(1, 2, f64::NAN).unwrap_err().code,
            Code::TargetOutOfRange
        );
        assert!(ces(10.0, 2, 1, 7, true, 8.0).is_err());
    }
}
