//! First Contact Resolution (METRICS.md §5): resolved at first contact / total
//! tickets × 100. Bands: below average < 70 ≤ good < 80 ≤ world class.

use super::{percent, Band, Edge};
use crate::error::{Code, Error, Result};
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
    const BANDS: [(Edge, Band); 2] = [
        (
            Edge::Below(70.0),
            Band::new("belowAverage", "Below average"),
        ),
        (Edge::Below(80.0), Band::new("good", "Good")),
    ];
    Band::of(fcr, &BANDS, Band::new("worldClass", "World class"))
}

pub fn fcr(resolved: u64, total: u64) -> Result<Fcr> {
    if total == 0 {
        return Err(Error::field(
            Code::TotalNotPositive,
            "totalTickets",
            "totalTickets must be greater than 0.",
        ));
    }
    if resolved > total {
        return Err(Error::field(
            Code::ResolvedExceedsTotal,
            "resolvedFirstContact",
            format!(
                "resolvedFirstContact ({resolved}) cannot be more than totalTickets ({total})."
            ),
        )
        .with("resolved", resolved)
        .with("total", total));
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

/// FCR counted ticket by ticket, overall and per group (channel, agent…).
/// Group names are matched after trimming and case-folding; the first
/// spelling seen is shown. Groups come out largest total first, then by name.
#[derive(Debug, Default)]
pub struct Tally {
    resolved: u64,
    total: u64,
    groups: Vec<FcrGroup>,
    index: std::collections::HashMap<String, usize>,
}

impl Tally {
    pub fn add(&mut self, resolved: bool, group: Option<&str>) {
        self.total += 1;
        self.resolved += u64::from(resolved);
        if let Some(name) = group.map(str::trim).filter(|g| !g.is_empty()) {
            let key = name.to_ascii_lowercase();
            let i = *self.index.entry(key).or_insert_with(|| {
                self.groups.push(FcrGroup {
                    name: name.to_string(),
                    fcr: 0.0,
                    resolved: 0,
                    total: 0,
                });
                self.groups.len() - 1
            });
            self.groups[i].total += 1;
            self.groups[i].resolved += u64::from(resolved);
        }
    }

    pub fn finish(self) -> Result<Fcr> {
        let mut out = fcr(self.resolved, self.total)?;
        let mut groups = self.groups;
        for g in &mut groups {
            g.fcr = percent(g.resolved as f64, g.total as f64);
        }
        groups.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
        out.groups = groups;
        Ok(out)
    }
}
