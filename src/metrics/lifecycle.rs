//! Lifecycle stages, VIPs and win-back stages (METRICS.md §8).
//!
//! Days are whole days to the analysis date `asOf` (default: the day after the
//! last date in the data, as in RFM), counted for customers with a purchase
//! (see [`super::log`]). Each customer is in exactly one stage, the first that
//! applies:
//! - `new`: first purchase less than 30 days before `asOf` (0–29 days);
//! - `active`: last purchase at most 90 days before (≤ 90);
//! - `atRisk`: 91–180 days;
//! - `churned`: more than 180 days.
//!
//! VIP (independent of the stage): net spend at least that of the ⌈n / 5⌉-th
//! biggest spender and above 0. Customers tied with that one are all VIPs, so
//! there can be more than ⌈n / 5⌉ of them.
//!
//! Win-back stages, for customers inactive 30 days or more (days since the last
//! purchase; each lower edge inclusive): `lapsing` 30–59 (≈ 15 % offer),
//! `atRisk` 60–89 (≈ 25 % + gift), `lost` 90–179 (≈ 40 % + feedback survey),
//! `lastAttempt` 180 and more (≈ 50 % or a free product). The sources use two
//! scales, kept as they are: a customer 90 days inactive is lifecycle `active`
//! (≤ 90) and win-back `lost` (90+); win-back `atRisk` (60–89) is not lifecycle
//! `atRisk` (91–180).

use super::log::{resolve_as_of, ser_date, top_fifth, Summary};
use super::percent;
use crate::error::Result;
use chrono::NaiveDate;
use serde::Serialize;

/// A lifecycle stage as defined (METRICS.md); [`Stage`] adds its tally.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StageDef {
    pub key: &'static str,
    pub label: &'static str,
    pub rule: &'static str,
}

const STAGES: [StageDef; 4] = [
    StageDef {
        key: "new",
        label: "New",
        rule: "First purchase less than 30 days ago",
    },
    StageDef {
        key: "active",
        label: "Active",
        rule: "Last purchase at most 90 days ago",
    },
    StageDef {
        key: "atRisk",
        label: "At risk",
        rule: "Last purchase 91 to 180 days ago",
    },
    StageDef {
        key: "churned",
        label: "Churned",
        rule: "Last purchase more than 180 days ago",
    },
];

/// A win-back stage as defined; [`WinBackStage`] adds its tally.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WinBackDef {
    pub key: &'static str,
    pub label: &'static str,
    /// Days since the last purchase, inclusive.
    pub min_days: i64,
    /// Inclusive; null for the last stage.
    pub max_days: Option<i64>,
    pub offer: &'static str,
}

const WIN_BACK: [WinBackDef; 4] = [
    WinBackDef {
        key: "lapsing",
        label: "Lapsing",
        min_days: 30,
        max_days: Some(59),
        offer: "We miss you: about 15 % off your next order.",
    },
    WinBackDef {
        key: "atRisk",
        label: "At risk",
        min_days: 60,
        max_days: Some(89),
        offer: "About 25 % off plus a free gift with the next order.",
    },
    WinBackDef {
        key: "lost",
        label: "Lost",
        min_days: 90,
        max_days: Some(179),
        offer: "About 40 % off, with a short feedback survey: what could we do better?",
    },
    WinBackDef {
        key: "lastAttempt",
        label: "Last attempt",
        min_days: 180,
        max_days: None,
        offer: "One last offer: about 50 % off or a free product.",
    },
];

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LifecycleCustomer {
    pub customer: String,
    pub days_since_first_purchase: i64,
    pub days_since_last_purchase: i64,
    /// Net spend (refunds subtracted).
    pub spend: f64,
    pub stage: &'static str,
    pub vip: bool,
    /// The win-back stage key; null when inactive less than 30 days.
    pub win_back: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    #[serde(flatten)]
    pub def: StageDef,
    pub count: u64,
    /// Share of customers, 0–100.
    pub percent: f64,
    pub customers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vip {
    pub count: u64,
    /// The spend of the ⌈n / 5⌉-th biggest spender: VIPs spent at least this.
    pub min_spend: f64,
    pub customers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WinBackStage {
    #[serde(flatten)]
    pub def: WinBackDef,
    pub count: u64,
    pub customers: Vec<String>,
}

/// A stage reads as its definition too (`stage.key`).
impl std::ops::Deref for Stage {
    type Target = StageDef;
    fn deref(&self) -> &StageDef {
        &self.def
    }
}

impl std::ops::Deref for WinBackStage {
    type Target = WinBackDef;
    fn deref(&self) -> &WinBackDef {
        &self.def
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    #[serde(serialize_with = "ser_date")]
    pub as_of: NaiveDate,
    /// Customers with a purchase, in the order of their first line.
    pub customers: Vec<LifecycleCustomer>,
    pub stages: Vec<Stage>,
    pub vip: Vip,
    pub win_back: Vec<WinBackStage>,
    /// Customers left out because they have no purchase (only refunds or zero amounts).
    pub customers_without_purchase: usize,
}

/// The index in [`STAGES`] for these days since the first and last purchase.
fn stage_index(since_first: i64, since_last: i64) -> usize {
    match (since_first, since_last) {
        (f, _) if f < 30 => 0,
        (_, l) if l <= 90 => 1,
        (_, l) if l <= 180 => 2,
        _ => 3,
    }
}

/// The index in [`WIN_BACK`] for these days since the last purchase.
fn win_back_index(since_last: i64) -> Option<usize> {
    WIN_BACK
        .iter()
        .position(|w| since_last >= w.min_days && w.max_days.is_none_or(|max| since_last <= max))
}

/// The win-back stage key for these days since the last purchase (none
/// under 30 days): the call list's suggested action.
pub fn win_back_key(since_last: i64) -> Option<&'static str> {
    win_back_index(since_last).map(|i| WIN_BACK[i].key)
}

pub fn lifecycle(summary: &Summary, as_of: Option<NaiveDate>) -> Result<Lifecycle> {
    let as_of = resolve_as_of(summary, as_of)?;
    let mut spends: Vec<f64> = summary.purchasers().map(|c| c.total).collect();
    spends.sort_unstable_by(|a, b| b.total_cmp(a));
    let min_spend = spends
        .get(top_fifth(spends.len()).saturating_sub(1))
        .copied()
        .unwrap_or(0.0);
    let mut stages: Vec<Stage> = STAGES
        .iter()
        .map(|&def| Stage {
            def,
            count: 0,
            percent: 0.0,
            customers: Vec::new(),
        })
        .collect();
    let mut win_back: Vec<WinBackStage> = WIN_BACK
        .iter()
        .map(|&def| WinBackStage {
            def,
            count: 0,
            customers: Vec::new(),
        })
        .collect();
    let mut vip = Vip {
        count: 0,
        min_spend,
        customers: Vec::new(),
    };
    let mut customers = Vec::new();
    for c in summary.purchasers() {
        let (Some(first), Some(last)) = (c.first_purchase(), c.last_purchase()) else {
            continue;
        };
        let since_first = (as_of - first).num_days();
        let since_last = (as_of - last).num_days();
        let stage = &mut stages[stage_index(since_first, since_last)];
        stage.count += 1;
        stage.customers.push(c.customer.clone());
        let is_vip = c.total >= min_spend && c.total > 0.0;
        if is_vip {
            vip.count += 1;
            vip.customers.push(c.customer.clone());
        }
        let wb = win_back_index(since_last).map(|i| {
            let w = &mut win_back[i];
            w.count += 1;
            w.customers.push(c.customer.clone());
            w.key
        });
        customers.push(LifecycleCustomer {
            customer: c.customer.clone(),
            days_since_first_purchase: since_first,
            days_since_last_purchase: since_last,
            spend: c.total,
            stage: stage.key,
            vip: is_vip,
            win_back: wb,
        });
    }
    let n = customers.len() as f64;
    for s in &mut stages {
        s.percent = percent(s.count as f64, n);
    }
    Ok(Lifecycle {
        as_of,
        customers,
        stages,
        vip,
        win_back,
        customers_without_purchase: summary.customers_without_purchase(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_edges() {
        assert_eq!(STAGES[stage_index(29, 29)].key, "new");
        assert_eq!(STAGES[stage_index(30, 0)].key, "active");
        assert_eq!(STAGES[stage_index(300, 90)].key, "active");
        assert_eq!(STAGES[stage_index(300, 91)].key, "atRisk");
        assert_eq!(STAGES[stage_index(300, 180)].key, "atRisk");
        assert_eq!(STAGES[stage_index(300, 181)].key, "churned");
    }

    #[test]
    fn win_back_edges() {
        let key = |d| win_back_index(d).map(|i| WIN_BACK[i].key);
        assert_eq!(key(0), None);
        assert_eq!(key(29), None);
        assert_eq!(key(30), Some("lapsing"));
        assert_eq!(key(59), Some("lapsing"));
        assert_eq!(key(60), Some("atRisk"));
        assert_eq!(key(89), Some("atRisk"));
        assert_eq!(key(90), Some("lost"));
        assert_eq!(key(179), Some("lost"));
        assert_eq!(key(180), Some("lastAttempt"));
        assert_eq!(key(5000), Some("lastAttempt"));
    }
}
