//! First Contact Resolution (METRICS.md §5): resolved at first contact / total
//! tickets × 100. Bands: below average < 70 ≤ good < 80 ≤ world class.

use super::{percent, Band};
use crate::error::{Error, Result};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FcrGroup {
    pub name: String,
    pub fcr: f64,
    pub resolved: u64,
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fcr {
    pub fcr: f64,
    pub resolved: u64,
    pub total: u64,
    pub band: Band,
    pub groups: Vec<FcrGroup>,
}

pub fn band(fcr: f64) -> Band {
    if fcr < 70.0 {
        Band {
            key: "belowAverage",
            label: "Below average",
        }
    } else if fcr < 80.0 {
        Band {
            key: "good",
            label: "Good",
        }
    } else {
        Band {
            key: "worldClass",
            label: "World class",
        }
    }
}

pub fn fcr(resolved: u64, total: u64) -> Result<Fcr> {
    if total == 0 {
        return Err(Error::field(
            "totalNotPositive",
            "totalTickets",
            "totalTickets must be greater than 0.",
        ));
    }
    if resolved > total {
        return Err(Error::field(
            "resolvedExceedsTotal",
            "resolvedFirstContact",
            format!(
                "resolvedFirstContact ({resolved}) cannot be more than totalTickets ({total})."
            ),
        ));
    }
    let rate = percent(resolved as f64, total as f64);
    Ok(Fcr {
        fcr: rate,
        resolved,
        total,
        band: band(rate),
        groups: Vec::new(),
    })
}
