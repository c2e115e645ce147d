//! NPS, CES and CSAT per group (channel, branch, product, month), each with
//! its 95 % margin of error and n; and the answers that call for a follow-up.
//!
//! Margins: NPS as in [`super::nps`] (Wald, with the adjusted-Wald interval
//! beside it); CSAT the Wald interval of a proportion, 1.96 × √(c(1 − c) / n)
//! × 100 points; CES the normal interval of a mean, 1.96 × s / √n with s the
//! sample standard deviation (n − 1), absent (null) for a group of one.

use super::nps::{self, Interval};
use super::{ces::Scale, percent};
use serde::Serialize;

const Z95: f64 = 1.96;

/// Answers gathered by group name. Names are matched after trimming and
/// case-folding, the first spelling kept (as FCR's groups).
#[derive(Debug, Default)]
pub struct Grouped {
    groups: Vec<(String, Vec<u32>)>,
    index: std::collections::HashMap<String, usize>,
    /// Answers without a group (an empty cell, an unreadable date).
    pub ungrouped: u64,
}

impl Grouped {
    pub fn add(&mut self, group: &str, score: u32) {
        let name = group.trim();
        if name.is_empty() {
            self.ungrouped += 1;
            return;
        }
        let key = name.to_ascii_lowercase();
        let i = *self.index.entry(key).or_insert_with(|| {
            self.groups.push((name.to_string(), Vec::new()));
            self.groups.len() - 1
        });
        self.groups[i].1.push(score);
    }

    /// The groups, most answers first then by name; or by name (months:
    /// oldest first) when `chronological`.
    pub fn into_groups(self, chronological: bool) -> Vec<(String, Vec<u32>)> {
        let mut groups = self.groups;
        // Names are unique: an unstable sort (one, smaller in the wasm) is exact.
        groups.sort_unstable_by(|a, b| {
            let size = if chronological {
                std::cmp::Ordering::Equal
            } else {
                b.1.len().cmp(&a.1.len())
            };
            size.then_with(|| a.0.cmp(&b.0))
        });
        groups
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NpsByGroup {
    pub name: String,
    pub nps: f64,
    pub responses: u64,
    pub promoters: nps::Group,
    pub passives: nps::Group,
    pub detractors: nps::Group,
    pub margin_of_error: f64,
    pub low: f64,
    pub high: f64,
    pub adjusted_wald: Interval,
}

/// NPS of one group of answers (each 0–10, already checked).
pub fn nps_group(name: String, scores: &[u32]) -> Option<NpsByGroup> {
    let promoters = scores.iter().filter(|&&s| s >= 9).count() as u64;
    let detractors = scores.iter().filter(|&&s| s <= 6).count() as u64;
    let passives = scores.len() as u64 - promoters - detractors;
    let r = nps::from_counts(promoters, passives, detractors).ok()?;
    Some(NpsByGroup {
        name,
        nps: r.nps,
        responses: r.responses,
        promoters: r.promoters,
        passives: r.passives,
        detractors: r.detractors,
        margin_of_error: r.margin_of_error,
        low: r.low,
        high: r.high,
        adjusted_wald: r.adjusted_wald,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsatByGroup {
    pub name: String,
    pub csat: f64,
    pub responses: u64,
    pub mean: f64,
    pub margin_of_error: f64,
    pub low: f64,
    pub high: f64,
}

/// CSAT of one group: the share of answers in `top_box` (inclusive).
pub fn csat_group(name: String, scores: &[u32], top_box: [u32; 2]) -> Option<CsatByGroup> {
    if scores.is_empty() {
        return None;
    }
    let n = scores.len() as f64;
    let satisfied = scores
        .iter()
        .filter(|&&s| s >= top_box[0] && s <= top_box[1])
        .count() as f64;
    let csat = percent(satisfied, n);
    let p = satisfied / n;
    let margin = Z95 * (p * (1.0 - p) / n).max(0.0).sqrt() * 100.0;
    Some(CsatByGroup {
        name,
        csat,
        responses: scores.len() as u64,
        mean: scores.iter().map(|&s| s as f64).sum::<f64>() / n,
        margin_of_error: margin,
        low: (csat - margin).max(0.0),
        high: (csat + margin).min(100.0),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CesByGroup {
    pub name: String,
    pub ces: f64,
    pub responses: u64,
    pub easy_percent: f64,
    /// `null` for a group of one answer.
    pub margin_of_error: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// CES of one group on `scale`.
pub fn ces_group(name: String, scores: &[u32], scale: Scale) -> Option<CesByGroup> {
    if scores.is_empty() {
        return None;
    }
    let n = scores.len() as f64;
    let mean = scores.iter().map(|&s| s as f64).sum::<f64>() / n;
    let (lo, hi) = scale.easy_range();
    let easy = scores.iter().filter(|&&s| s >= lo && s <= hi).count() as f64;
    let margin = (scores.len() > 1).then(|| {
        let ss: f64 = scores.iter().map(|&s| (s as f64 - mean).powi(2)).sum();
        Z95 * (ss / (n - 1.0)).sqrt() / n.sqrt()
    });
    Some(CesByGroup {
        name,
        ces: mean,
        responses: scores.len() as u64,
        easy_percent: percent(easy, n),
        margin_of_error: margin,
        low: margin.map(|m| (mean - m).max(scale.min as f64)),
        high: margin.map(|m| (mean + m).min(scale.max as f64)),
    })
}

/// The answers whose comments are listed to follow up (inclusive): NPS
/// detractors 0–6; CES the hardest answers (the mirror of the easy box: 1–2
/// of 1–5, 1–3 of 1–7 and 1–10, at the top when high is hard); CSAT the
/// dissatisfied, 1–2 of 1–5 and 1–4 of 1–10.
pub fn nps_follow_up() -> [u32; 2] {
    [0, 6]
}

pub fn ces_follow_up(scale: Scale) -> [u32; 2] {
    let (lo, hi) = scale.easy_range();
    let width = hi - lo;
    if scale.high_is_easy {
        [scale.min, scale.min + width]
    } else {
        [scale.max - width, scale.max]
    }
}

pub fn csat_follow_up(scale_max: u32) -> [u32; 2] {
    if scale_max == 5 {
        [1, 2]
    } else {
        [1, 4]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_the_first_spelling_and_order_by_size() {
        let mut g = Grouped::default();
        for (name, s) in [
            ("WA", 9),
            ("email", 3),
            ("wa ", 10),
            ("", 7),
            ("Email", 8),
            ("Web", 1),
        ] {
            g.add(name, s);
        }
        assert_eq!(g.ungrouped, 1);
        let groups = g.into_groups(false);
        let names: Vec<&str> = groups.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["WA", "email", "Web"]);
    }

    #[test]
    fn follow_up_boxes() {
        assert_eq!(ces_follow_up(Scale::new(1, 7, true).unwrap()), [1, 3]);
        assert_eq!(ces_follow_up(Scale::new(1, 5, true).unwrap()), [1, 2]);
        assert_eq!(ces_follow_up(Scale::new(1, 7, false).unwrap()), [5, 7]);
        assert_eq!(ces_follow_up(Scale::new(1, 10, true).unwrap()), [1, 3]);
        assert_eq!(csat_follow_up(10), [1, 4]);
    }

    #[test]
    fn ces_margin_of_a_mean() {
        // 2, 4, 6: mean 4, s = √((4 + 0 + 4) / 2) = 2, margin 1.96 × 2 / √3.
        let g = ces_group("x".into(), &[2, 4, 6], Scale::default()).unwrap();
        assert!((g.margin_of_error.unwrap() - 1.96 * 2.0 / 3f64.sqrt()).abs() < 1e-12);
        assert_eq!(
            ces_group("x".into(), &[5], Scale::default())
                .unwrap()
                .margin_of_error,
            None
        );
    }
}
