//! `analyzeLog`'s `tables: true`: the RFM and lifecycle customers as columns,
//! one list per field, beside (or, with `omit`, instead of) the lists of
//! objects. The page's worker keeps these tables to sort, filter and page
//! through 100,000 customers; turning a list of objects into JavaScript
//! costs a property per field and customer, a column costs one copy (the
//! WebAssembly binding hands the number columns over as typed arrays).
//! Natively they are plain lists.

use crate::metrics::{lifecycle::Lifecycle, rfm::Rfm};
use serde::Serialize;

/// The customers of the RFM and lifecycle parts as columns; a part that
/// failed has none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerTables {
    pub rfm: Option<RfmColumns>,
    pub lifecycle: Option<LifecycleColumns>,
}

/// `rfm.customers` as columns, in the same order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RfmColumns {
    pub customer: Vec<String>,
    pub recency: Vec<f64>,
    pub frequency: Vec<f64>,
    pub monetary: Vec<f64>,
    pub r: Vec<u8>,
    pub f: Vec<u8>,
    pub m: Vec<u8>,
    /// Each customer's segment: its index in `segmentKeys`.
    pub segment: Vec<u8>,
    /// The keys of `rfm.rules` in their order, then any other segment.
    pub segment_keys: Vec<&'static str>,
}

/// `lifecycle.customers` as columns, in the same order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LifecycleColumns {
    pub customer: Vec<String>,
    pub days_since_first_purchase: Vec<f64>,
    pub days_since_last_purchase: Vec<f64>,
    pub spend: Vec<f64>,
    /// Each customer's stage: its index in `stageKeys`.
    pub stage: Vec<u8>,
    /// The keys of `lifecycle.stages` in their order (new, active, at risk,
    /// churned), then any other stage.
    pub stage_keys: Vec<&'static str>,
    /// 1 for a VIP, else 0.
    pub vip: Vec<u8>,
    /// 0 for no win-back stage, else 1 + its index in `winBackKeys`.
    pub win_back: Vec<u8>,
    /// The keys of `lifecycle.winBack` in their order.
    pub win_back_keys: Vec<&'static str>,
}

/// The index of `key` in `keys`, added at the end when it is new.
fn key_index(keys: &mut Vec<&'static str>, key: &'static str) -> u8 {
    let i = match keys.iter().position(|k| *k == key) {
        Some(i) => i,
        None => {
            keys.push(key);
            keys.len() - 1
        }
    };
    // A handful of keys (8 segments, 4 stages): never near 255.
    u8::try_from(i).unwrap_or(u8::MAX)
}

impl RfmColumns {
    pub fn of(rfm: &Rfm) -> RfmColumns {
        let mut segment_keys: Vec<&'static str> = rfm.rules.iter().map(|r| r.key).collect();
        for s in &rfm.segments {
            key_index(&mut segment_keys, s.key);
        }
        let c = &rfm.customers;
        RfmColumns {
            customer: c.iter().map(|c| c.customer.clone()).collect(),
            recency: c.iter().map(|c| c.recency as f64).collect(),
            frequency: c.iter().map(|c| f64::from(c.frequency)).collect(),
            monetary: c.iter().map(|c| c.monetary).collect(),
            r: c.iter().map(|c| c.r).collect(),
            f: c.iter().map(|c| c.f).collect(),
            m: c.iter().map(|c| c.m).collect(),
            segment: c
                .iter()
                .map(|c| key_index(&mut segment_keys, c.segment))
                .collect(),
            segment_keys,
        }
    }
}

impl LifecycleColumns {
    pub fn of(life: &Lifecycle) -> LifecycleColumns {
        let mut stage_keys: Vec<&'static str> = life.stages.iter().map(|s| s.def.key).collect();
        let mut win_back_keys: Vec<&'static str> =
            life.win_back.iter().map(|w| w.def.key).collect();
        let c = &life.customers;
        LifecycleColumns {
            customer: c.iter().map(|c| c.customer.clone()).collect(),
            days_since_first_purchase: c
                .iter()
                .map(|c| c.days_since_first_purchase as f64)
                .collect(),
            days_since_last_purchase: c
                .iter()
                .map(|c| c.days_since_last_purchase as f64)
                .collect(),
            spend: c.iter().map(|c| c.spend).collect(),
            stage: c
                .iter()
                .map(|c| key_index(&mut stage_keys, c.stage))
                .collect(),
            stage_keys,
            vip: c.iter().map(|c| u8::from(c.vip)).collect(),
            win_back: c
                .iter()
                .map(|c| match c.win_back {
                    Some(w) => key_index(&mut win_back_keys, w).saturating_add(1),
                    None => 0,
                })
                .collect(),
            win_back_keys,
        }
    }
}
