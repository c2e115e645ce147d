//! Customer health and churn-risk scores, and the call list (METRICS.md §8),
//! from a log's per-customer summary and its RFM scores.
//!
//! **Health** (0–100) = recency (0–30) + frequency (0–30) + monetary (0–20) +
//! engagement (0–20). Days, orders and spend become points through the
//! customer's RFM scores 1–5 (the fixed table or quintiles, whichever the RFM
//! analysis used): recency = R × 6, frequency = F × 6, monetary = M × 4, so a
//! score of 5 is the full points and a score of 1 a fifth of them. Engagement =
//! E × 4, E being the quintile score (1–5, as RFM's quintiles) of the
//! customer's engagement figure among the customers that have one. Without an
//! engagement figure the customer is scored on the 80 points there are and
//! scaled to 100 (× 1.25). Bands: healthy 80–100, at risk 60–79, critical
//! below 60.
//!
//! **Churn risk** (0–100) = the weighted mean of the components the data
//! give, each 0–100 (METRICS.md weights: days since the last purchase 30,
//! drop in purchase frequency 25, e-mail engagement 15, support sentiment
//! 15, NPS 15); a component missing for a customer gives its weight to the
//! others in proportion (the weights in use always add up to 100 %):
//! - days since the last purchase: days / 180 × 100, at most 100 (180 days is
//!   the lifecycle's "churned");
//! - drop in purchase frequency: the customer's purchase days in the last 90
//!   days before the analysis date against the rate of their earlier days:
//!   expected = earlier days / max(days from the first purchase to the
//!   window's start, 90) × 90, drop = max(0, 1 − recent / expected) × 100;
//!   missing for a customer whose first purchase is within the window;
//! - e-mail engagement: (5 − E) / 4 × 100 (the lowest fifth 100, the highest 0);
//!   the level of the figure, since one figure per customer shows no drop;
//! - NPS: (10 − answer) × 10, from the customer's latest survey answer;
//! - support sentiment: no input carries it yet, so always missing.
//!
//! Bands: high 70–100, medium 40–69, low 0–39.
//!
//! **Call list**: customers at medium or high risk, ranked by risk / 100 ×
//! value (their net spend), at most [`CALL_LIST_MAX`].

use super::log::{ser_date, CustomerSummary, Summary};
use super::rfm::{quintile_scores, Rfm};
use super::{percent, Band, Edge};
use crate::error::{Code, Notice};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Days of the recent window of the frequency drop.
pub const RECENT_DAYS: i32 = 90;
/// Days since the last purchase at which that component is at its full 100.
pub const RECENCY_FULL_DAYS: i64 = 180;
/// The most customers the call list names.
pub const CALL_LIST_MAX: usize = 100;
/// The customers with the lowest health listed on their own (`lowestHealth`).
pub const LOWEST_HEALTH_MAX: usize = 20;
/// METRICS.md §8's weights, in percent: recency, frequency drop, e-mail
/// engagement, support sentiment, NPS.
pub const WEIGHTS: [(&str, f64); 5] = [
    ("recency", 30.0),
    ("frequencyDrop", 25.0),
    ("emailEngagement", 15.0),
    ("supportSentiment", 15.0),
    ("nps", 15.0),
];

pub fn health_band(score: f64) -> Band {
    const BANDS: [(Edge, Band); 2] = [
        (Edge::Below(60.0), Band::new("critical", "Critical")),
        (Edge::Below(80.0), Band::new("atRisk", "At risk")),
    ];
    Band::of(score, &BANDS, Band::new("healthy", "Healthy"))
}

pub fn churn_band(score: f64) -> Band {
    const BANDS: [(Edge, Band); 2] = [
        (Edge::Below(40.0), Band::new("low", "Low")),
        (Edge::Below(70.0), Band::new("medium", "Medium")),
    ];
    Band::of(score, &BANDS, Band::new("high", "High"))
}

/// What the user supplied beside the log, by customer key
/// ([`super::log::customer_key`]).
#[derive(Debug, Clone, Default)]
pub struct Extra {
    /// An engagement figure per customer (opens, visits, logins), when a
    /// column was mapped.
    pub engagement: Option<FxHashMap<String, f64>>,
    /// The latest NPS answer (0–10) per customer, when a survey was given.
    pub nps: Option<FxHashMap<String, u8>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerScore {
    pub customer: String,
    pub health: f64,
    pub health_band: &'static str,
    pub churn_risk: f64,
    pub churn_band: &'static str,
    /// Health points: R × 6, F × 6, M × 4, E × 4 (before any scaling).
    pub recency_points: u8,
    pub frequency_points: u8,
    pub monetary_points: u8,
    pub engagement_points: Option<u8>,
    pub days_since_last_purchase: i64,
    /// The drop in purchase frequency, 0–100 (null: no earlier purchases).
    pub frequency_drop: Option<f64>,
    /// The customer's latest NPS answer, when the survey names them.
    pub nps: Option<u8>,
    /// Net spend (the RFM monetary value).
    pub spend: f64,
}

/// The count and share of customers in a band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandCount {
    pub key: &'static str,
    pub label: &'static str,
    pub count: u64,
    pub percent: f64,
}

/// Customers whose score is in `from`–`to` (the last bucket includes 100).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    pub from: u8,
    pub to: u8,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Weight {
    pub key: &'static str,
    /// The weight of METRICS.md, percent.
    pub nominal: f64,
    /// The weight in use (redistributed), percent; 0 when missing for all.
    pub used: f64,
    pub available: bool,
}

/// One customer of the call list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Call {
    pub customer: String,
    pub churn_risk: f64,
    pub churn_band: &'static str,
    pub health: f64,
    /// Net spend (or the value the ranking used).
    pub value: f64,
    /// churn risk / 100 × value: the ranking.
    pub priority: f64,
    #[serde(serialize_with = "ser_date")]
    pub last_purchase: NaiveDate,
    pub days_since_last_purchase: i64,
    /// The median days between the customer's purchase days (null with one).
    pub usual_gap_days: Option<f64>,
    pub purchase_days: usize,
    pub frequency_drop: Option<f64>,
    pub nps: Option<u8>,
    /// What changed, as keys: `overdue` (more than twice the usual gap since
    /// the last purchase), `boughtLess` (frequency drop ≥ 50), `onePurchase`,
    /// `longSilence` (over 90 days, no usual gap), `detractor` (NPS 0–6),
    /// `lowEngagement` (the lowest fifth).
    pub changes: Vec<&'static str>,
    /// The suggested action: a win-back stage key of the lifecycle
    /// (`lapsing`, `atRisk`, `lost`, `lastAttempt`), or `checkIn` under 30 days.
    pub action: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scores {
    #[serde(serialize_with = "ser_date")]
    pub as_of: NaiveDate,
    /// True when an engagement figure was given (health out of 100 points,
    /// else 80 scaled to 100).
    pub engagement: bool,
    pub health_bands: Vec<BandCount>,
    /// Health in buckets of 10: 0–9, …, 90–100.
    pub health_distribution: Vec<Bucket>,
    pub average_health: f64,
    pub churn_bands: Vec<BandCount>,
    pub churn_distribution: Vec<Bucket>,
    pub average_churn_risk: f64,
    pub weights: Vec<Weight>,
    /// Every customer with a purchase, in the order of the log.
    pub customers: Vec<CustomerScore>,
    pub call_list: Vec<Call>,
    /// Customers at medium or high risk (the call list shows the first 100).
    pub call_list_total: usize,
    /// The [`LOWEST_HEALTH_MAX`] customers with the lowest health (the
    /// higher churn risk first among equals, then the order of the log), so
    /// that a caller that leaves `customers` out (`analyzeLog`'s `omit`)
    /// still has them.
    pub lowest_health: Vec<CustomerScore>,
    pub notices: Vec<Notice>,
}

/// Health points from RFM scores 1–5 and an optional engagement score 1–5,
/// scaled to 100 when there is no engagement.
pub fn health_score(r: u8, f: u8, m: u8, e: Option<u8>) -> f64 {
    let rfm = f64::from(r) * 6.0 + f64::from(f) * 6.0 + f64::from(m) * 4.0;
    match e {
        Some(e) => rfm + f64::from(e) * 4.0,
        None => rfm * 100.0 / 80.0,
    }
}

/// The drop in purchase frequency (0–100) of sorted purchase days (CE day
/// numbers) at `as_of` (a CE day number); None when the first purchase is in
/// the recent window.
pub fn frequency_drop(days: &[i32], as_of: i32) -> Option<f64> {
    let window = as_of - RECENT_DAYS;
    let first = *days.first()?;
    if first >= window {
        return None;
    }
    let earlier = days.partition_point(|&d| d < window);
    let recent = days[earlier..].partition_point(|&d| d < as_of);
    let span = f64::from((window - first).max(RECENT_DAYS));
    let expected = earlier as f64 / span * f64::from(RECENT_DAYS);
    Some(((1.0 - recent as f64 / expected) * 100.0).max(0.0))
}

/// The recency component (0–100) of the churn risk.
pub fn recency_risk(days_since: i64) -> f64 {
    days_since.clamp(0, RECENCY_FULL_DAYS) as f64 / RECENCY_FULL_DAYS as f64 * 100.0
}

/// The weighted mean of the components given (`None` = missing), with the
/// weights of [`WEIGHTS`] in the same order.
pub fn churn_risk(components: [Option<f64>; 5]) -> f64 {
    let (mut sum, mut weight) = (0.0, 0.0);
    for (c, (_, w)) in components.iter().zip(WEIGHTS) {
        if let Some(c) = c {
            sum += c * w;
            weight += w;
        }
    }
    if weight > 0.0 {
        sum / weight
    } else {
        0.0
    }
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

fn buckets(values: impl Iterator<Item = f64>) -> Vec<Bucket> {
    let mut out: Vec<Bucket> = (0..10)
        .map(|k| Bucket {
            from: k * 10,
            to: if k == 9 { 100 } else { k * 10 + 9 },
            count: 0,
        })
        .collect();
    for v in values {
        let k = ((v / 10.0).floor().clamp(0.0, 9.0)) as usize;
        out[k].count += 1;
    }
    out
}

fn band_counts(
    bands: &[Band],
    keys: impl Iterator<Item = &'static str>,
    n: usize,
) -> Vec<BandCount> {
    let mut counts = vec![0u64; bands.len()];
    for k in keys {
        if let Some(i) = bands.iter().position(|b| b.key == k) {
            counts[i] += 1;
        }
    }
    bands
        .iter()
        .zip(counts)
        .map(|(b, count)| BandCount {
            key: b.key,
            label: b.label,
            count,
            percent: percent(count as f64, n as f64),
        })
        .collect()
}

/// The scores of every customer of `rfm` (computed on `summary`), with the
/// user's `extra` figures.
pub fn scores(summary: &Summary, rfm: &Rfm, extra: &Extra) -> Scores {
    let as_of = rfm.as_of;
    let as_of_day = as_of.num_days_from_ce();
    let purchasers: Vec<&CustomerSummary> = summary.purchasers().collect();
    // Engagement quintiles among the customers with a figure.
    let engagement: Vec<Option<u8>> = match &extra.engagement {
        None => vec![None; purchasers.len()],
        Some(map) => {
            let values: Vec<Option<f64>> = purchasers
                .iter()
                .map(|c| map.get(&c.key).copied().filter(|v| v.is_finite()))
                .collect();
            let given: Vec<f64> = values.iter().flatten().copied().collect();
            let q = quintile_scores(&given, true);
            let mut q = q.into_iter();
            values.iter().map(|v| v.and_then(|_| q.next())).collect()
        }
    };
    let mut customers = Vec::with_capacity(purchasers.len());
    for ((c, r), e) in purchasers.iter().zip(&rfm.customers).zip(&engagement) {
        let health = health_score(r.r, r.f, r.m, *e);
        let drop = frequency_drop(c.purchase_day_numbers(), as_of_day);
        let nps = extra.nps.as_ref().and_then(|m| m.get(&c.key).copied());
        let risk = churn_risk([
            Some(recency_risk(r.recency)),
            drop,
            e.map(|e| f64::from(5 - e) / 4.0 * 100.0),
            None,
            nps.map(|s| f64::from(10 - s.min(10)) * 10.0),
        ]);
        customers.push(CustomerScore {
            customer: r.customer.clone(),
            health,
            health_band: health_band(health).key,
            churn_risk: risk,
            churn_band: churn_band(risk).key,
            recency_points: r.r * 6,
            frequency_points: r.f * 6,
            monetary_points: r.m * 4,
            engagement_points: e.map(|e| e * 4),
            days_since_last_purchase: r.recency,
            frequency_drop: drop,
            nps,
            spend: r.monetary,
        });
    }
    let n = customers.len();
    let health_bands = [health_band(100.0), health_band(70.0), health_band(0.0)];
    let churn_bands = [churn_band(100.0), churn_band(50.0), churn_band(0.0)];
    // Which components some customer has, and the weights then in use.
    let available = [
        n > 0,
        customers.iter().any(|c| c.frequency_drop.is_some()),
        customers.iter().any(|c| c.engagement_points.is_some()),
        false,
        customers.iter().any(|c| c.nps.is_some()),
    ];
    let total: f64 = WEIGHTS
        .iter()
        .zip(available)
        .filter(|(_, a)| *a)
        .map(|((_, w), _)| w)
        .sum();
    let weights: Vec<Weight> = WEIGHTS
        .iter()
        .zip(available)
        .map(|(&(key, w), a)| Weight {
            key,
            nominal: w,
            used: if a && total > 0.0 {
                w / total * 100.0
            } else {
                0.0
            },
            available: a,
        })
        .collect();
    let mut notices = Vec::new();
    if extra.engagement.is_none() {
        notices.push(Notice::new(
            Code::HealthWithoutEngagement,
            "No engagement column: the health score uses recency, frequency and spend (80 points), scaled to 100.",
        ).with("points", 80u32));
    }
    let missing: Vec<&str> = weights
        .iter()
        .filter(|w| !w.available)
        .map(|w| w.key)
        .collect();
    if !missing.is_empty() {
        notices.push(
            Notice::new(
                Code::ChurnWeightsRedistributed,
                format!(
                    "The churn risk has no {} in the data: their weight ({} % of 100) goes to the other parts in proportion.",
                    missing.join(", "),
                    crate::error::number(100.0 - total)
                ),
            )
            .with("missing", missing.join(", "))
            .with("weight", 100.0 - total),
        );
    }
    let call_list_total = customers.iter().filter(|c| c.churn_risk >= 40.0).count();
    let ranked: Vec<usize> = (0..n)
        .filter(|&i| customers[i].churn_risk >= 40.0)
        .collect();
    let priority = |c: &CustomerScore| c.churn_risk / 100.0 * c.spend.max(0.0);
    let ranked = first_by(ranked, CALL_LIST_MAX, |&a, &b| {
        let (x, y) = (&customers[a], &customers[b]);
        priority(y)
            .total_cmp(&priority(x))
            .then(y.churn_risk.total_cmp(&x.churn_risk))
            .then(a.cmp(&b))
    });
    let lowest_health = lowest_health(&customers);
    let call_list = ranked
        .into_iter()
        .map(|i| {
            call(
                &customers[i],
                purchasers[i],
                engagement[i],
                priority(&customers[i]),
            )
        })
        .collect();
    Scores {
        as_of,
        engagement: extra.engagement.is_some(),
        health_bands: band_counts(&health_bands, customers.iter().map(|c| c.health_band), n),
        health_distribution: buckets(customers.iter().map(|c| c.health)),
        average_health: mean(customers.iter().map(|c| c.health), n),
        churn_bands: band_counts(&churn_bands, customers.iter().map(|c| c.churn_band), n),
        churn_distribution: buckets(customers.iter().map(|c| c.churn_risk)),
        average_churn_risk: mean(customers.iter().map(|c| c.churn_risk), n),
        weights,
        customers,
        call_list,
        call_list_total,
        lowest_health,
        notices,
    }
}

/// The [`LOWEST_HEALTH_MAX`] customers of lowest health: by health, then the
/// higher churn risk, then the order of the log.
fn lowest_health(customers: &[CustomerScore]) -> Vec<CustomerScore> {
    let order = first_by(
        (0..customers.len()).collect(),
        LOWEST_HEALTH_MAX,
        |&a, &b| {
            let (x, y) = (&customers[a], &customers[b]);
            x.health
                .total_cmp(&y.health)
                .then(y.churn_risk.total_cmp(&x.churn_risk))
                .then(a.cmp(&b))
        },
    );
    order.into_iter().map(|i| customers[i].clone()).collect()
}

/// The first `n` of `items` in the order `rank` (a total order), sorted:
/// those beyond are set apart first, not sorted.
fn first_by<T>(
    mut items: Vec<T>,
    n: usize,
    mut rank: impl FnMut(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    if items.len() > n {
        items.select_nth_unstable_by(n, &mut rank);
        items.truncate(n);
    }
    items.sort_unstable_by(rank);
    items
}

fn mean(values: impl Iterator<Item = f64>, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        values.sum::<f64>() / n as f64
    }
}

fn call(c: &CustomerScore, s: &CustomerSummary, e: Option<u8>, priority: f64) -> Call {
    let mut gaps: Vec<f64> = s.days_between_purchases().map(|g| g as f64).collect();
    let gap = median(&mut gaps);
    let days = c.days_since_last_purchase;
    let mut changes = Vec::new();
    match gap {
        Some(g) if days as f64 > 2.0 * g => changes.push("overdue"),
        None if days > 90 => changes.push("longSilence"),
        _ => {}
    }
    if c.frequency_drop.is_some_and(|d| d >= 50.0) {
        changes.push("boughtLess");
    }
    if s.purchase_days() == 1 {
        changes.push("onePurchase");
    }
    if c.nps.is_some_and(|n| n <= 6) {
        changes.push("detractor");
    }
    if e == Some(1) {
        changes.push("lowEngagement");
    }
    Call {
        customer: c.customer.clone(),
        churn_risk: c.churn_risk,
        churn_band: c.churn_band,
        health: c.health,
        value: c.spend,
        priority,
        last_purchase: s.last_purchase().unwrap_or_default(),
        days_since_last_purchase: days,
        usual_gap_days: gap,
        purchase_days: s.purchase_days(),
        frequency_drop: c.frequency_drop,
        nps: c.nps,
        changes,
        action: super::lifecycle::win_back_key(days).unwrap_or("checkIn"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_at_their_edges() {
        assert_eq!(health_band(80.0).key, "healthy");
        assert_eq!(health_band(79.9).key, "atRisk");
        assert_eq!(health_band(60.0).key, "atRisk");
        assert_eq!(health_band(59.9).key, "critical");
        assert_eq!(churn_band(70.0).key, "high");
        assert_eq!(churn_band(69.9).key, "medium");
        assert_eq!(churn_band(40.0).key, "medium");
        assert_eq!(churn_band(39.9).key, "low");
    }

    #[test]
    fn the_drop_needs_earlier_days() {
        // First purchase inside the window: no earlier rate.
        assert_eq!(frequency_drop(&[1000], 1050), None);
        // 2 days before the window over 180 days: 1 expected in 90; none since.
        assert_eq!(frequency_drop(&[800, 900], 1070), Some(100.0));
        // One recent day against 1 expected: no drop.
        assert_eq!(frequency_drop(&[800, 900, 1000], 1070), Some(0.0));
    }
}
