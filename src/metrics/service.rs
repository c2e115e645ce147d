//! Help-desk service figures from a ticket export (issue 13): FCR over
//! resolved tickets by a visible rule, net FCR, reopen rate, and the service
//! times (first response, resolution, handling) with their median, mean and
//! 90th percentile, and the share within an SLA. Pure: the tickets arrive
//! already read (`crate::input::helpdesk`). Times are minutes of calendar
//! time (business hours are out of scope).

use super::percent;
use serde::Serialize;

/// Where a ticket stands, from its status (or its resolved time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum State {
    /// Solved, resolved, closed, done; selesai, ditutup.
    Resolved,
    /// New, open, in progress, escalated; baru, dibuka, diproses.
    Open,
    /// Pending, on hold, waiting (for the customer or a third party); menunggu.
    Pending,
    /// A status the reader does not know: counted apart, never as resolved.
    Unknown,
}

/// What decided whether a resolved ticket was resolved at first contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decider {
    /// A yes/no "resolved at first contact" cell.
    YesNo,
    /// Agent replies / interactions: at most one, and never reopened.
    Replies,
    /// Contacts: exactly one, and never reopened.
    Contacts,
}

/// One ticket as the service figures need it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ticket {
    /// `None` when the export says nothing of states: every ticket counts.
    pub state: Option<State>,
    /// The status as written (for the list of tickets not resolved).
    pub status: String,
    pub id: String,
    pub row: usize,
    /// Resolved at first contact, with what decided it (resolved tickets).
    pub first_contact: Option<(bool, Decider)>,
    /// Could not be solved at first contact by policy (a visit, a part).
    pub policy_excluded: bool,
    /// Reopened at least once (`None`: the export does not say).
    pub reopened: Option<bool>,
    /// Minutes of calendar time.
    pub first_response: Option<f64>,
    pub resolution: Option<f64>,
    pub handling: Option<f64>,
    pub channel: Option<String>,
    pub agent: Option<String>,
}

impl Ticket {
    /// In FCR's denominator: resolved, or any ticket of an export without states.
    pub fn counted(&self) -> bool {
        matches!(self.state, None | Some(State::Resolved))
    }
}

/// The unit a time is best shown in, chosen from its median: minutes below
/// 90 minutes, hours below 48 hours, days above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TimeUnit {
    Minutes,
    Hours,
    Days,
}

impl TimeUnit {
    pub fn for_minutes(minutes: f64) -> TimeUnit {
        if minutes < 90.0 {
            TimeUnit::Minutes
        } else if minutes < 48.0 * 60.0 {
            TimeUnit::Hours
        } else {
            TimeUnit::Days
        }
    }
}

/// Median, mean and 90th percentile of one service time, in minutes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeStats {
    /// Tickets with this time.
    pub count: usize,
    pub median: f64,
    pub mean: f64,
    /// Nearest rank: the smallest time at or above which 90 % of the tickets fall
    /// (the ⌈0.9 n⌉-th smallest).
    pub p90: f64,
    /// The unit that fits the median (the numbers stay in minutes).
    pub unit: TimeUnit,
}

/// The median (mean of the two middle values for an even count), mean and
/// nearest-rank 90th percentile; `None` for no values.
pub fn time_stats(values: &[f64]) -> Option<TimeStats> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    let mean = v.iter().sum::<f64>() / n as f64;
    // ⌈0.9 n⌉ in whole numbers: (9n + 9) / 10.
    let rank = (9 * n).div_ceil(10).max(1);
    Some(TimeStats {
        count: n,
        median,
        mean,
        p90: v[rank - 1],
        unit: TimeUnit::for_minutes(median),
    })
}

/// The share of first responses within the SLA.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sla {
    /// The target time: first response within this many minutes.
    pub minutes: f64,
    /// Tickets with a first response time.
    pub measured: usize,
    /// Of them, answered within `minutes` (at or under).
    pub within: usize,
    pub percent: f64,
    /// The share the SLA asks for (default 80 %).
    pub target_percent: f64,
    pub meets_target: bool,
}

pub fn sla(first_responses: &[f64], minutes: f64, target_percent: f64) -> Option<Sla> {
    if first_responses.is_empty() {
        return None;
    }
    let within = first_responses.iter().filter(|&&m| m <= minutes).count();
    let p = percent(within as f64, first_responses.len() as f64);
    Some(Sla {
        minutes,
        measured: first_responses.len(),
        within,
        percent: p,
        target_percent,
        meets_target: p >= target_percent,
    })
}

/// The figures of one set of tickets (all, one channel, one agent).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceGroup {
    /// The channel or agent ("" for all tickets).
    pub name: String,
    /// Tickets read (resolved or not).
    pub tickets: usize,
    /// In FCR's denominator.
    pub resolved_tickets: usize,
    /// Of them, resolved at first contact.
    pub first_contact: usize,
    /// `null` without resolved tickets.
    pub fcr: Option<f64>,
    /// Resolved tickets reopened at least once, and their share of the resolved
    /// tickets whose reopens the export gives (`null` when it gives none).
    pub reopened: Option<usize>,
    pub reopen_rate: Option<f64>,
    pub first_response: Option<TimeStats>,
    pub resolution: Option<TimeStats>,
    pub handling: Option<TimeStats>,
    pub sla: Option<Sla>,
}

/// [`ServiceGroup`] of `tickets`; the SLA on first response.
pub fn service_group(
    name: &str,
    tickets: &[&Ticket],
    sla_minutes: f64,
    sla_target: f64,
) -> ServiceGroup {
    let counted: Vec<&&Ticket> = tickets
        .iter()
        .filter(|t| t.counted() && t.first_contact.is_some())
        .collect();
    let first_contact = counted
        .iter()
        .filter(|t| t.first_contact.is_some_and(|(yes, _)| yes))
        .count();
    let with_reopens: Vec<bool> = counted.iter().filter_map(|t| t.reopened).collect();
    let reopened = (!with_reopens.is_empty()).then(|| with_reopens.iter().filter(|&&r| r).count());
    let times = |f: fn(&Ticket) -> Option<f64>| -> Vec<f64> {
        tickets.iter().filter_map(|t| f(t)).collect()
    };
    let first = times(|t| t.first_response);
    ServiceGroup {
        name: name.to_string(),
        tickets: tickets.len(),
        resolved_tickets: counted.len(),
        first_contact,
        fcr: (!counted.is_empty()).then(|| percent(first_contact as f64, counted.len() as f64)),
        reopened,
        reopen_rate: reopened.map(|r| percent(r as f64, with_reopens.len() as f64)),
        first_response: time_stats(&first),
        resolution: time_stats(&times(|t| t.resolution)),
        handling: time_stats(&times(|t| t.handling)),
        sla: sla(&first, sla_minutes, sla_target),
    }
}

/// Net FCR: first-contact tickets over the counted tickets, leaving out
/// those that could not be solved at first contact by policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetFcr {
    pub fcr: f64,
    pub resolved: u64,
    pub total: u64,
    /// Counted tickets left out by policy.
    pub excluded: u64,
}

pub fn net_fcr(tickets: &[Ticket]) -> Option<NetFcr> {
    let counted = tickets
        .iter()
        .filter(|t| t.counted() && t.first_contact.is_some());
    let (mut resolved, mut total, mut excluded) = (0u64, 0u64, 0u64);
    for t in counted {
        if t.policy_excluded {
            excluded += 1;
            continue;
        }
        total += 1;
        resolved += u64::from(t.first_contact.is_some_and(|(yes, _)| yes));
    }
    (total > 0).then(|| NetFcr {
        fcr: percent(resolved as f64, total as f64),
        resolved,
        total,
        excluded,
    })
}

/// Groups of tickets by a name (channel or agent), matched after trimming
/// and case-folding (the first spelling shown), most tickets first.
pub fn by_name(
    tickets: &[Ticket],
    name: impl Fn(&Ticket) -> Option<&str>,
) -> Vec<(String, Vec<&Ticket>)> {
    let mut groups: Vec<(String, Vec<&Ticket>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for t in tickets {
        let Some(n) = name(t).map(str::trim).filter(|n| !n.is_empty()) else {
            continue;
        };
        let i = *index.entry(n.to_lowercase()).or_insert_with(|| {
            groups.push((n.to_string(), Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(t);
    }
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_by_hand() {
        // 1, 2, 3, 4, 10: median 3, mean 20 / 5 = 4, p90 = ⌈4.5⌉ = 5th = 10.
        let s = time_stats(&[10.0, 1.0, 3.0, 2.0, 4.0]).unwrap();
        assert_eq!((s.count, s.median, s.mean, s.p90), (5, 3.0, 4.0, 10.0));
        // Even count: median of 2 and 3 = 2.5; p90 of 4 values = ⌈3.6⌉ = 4th.
        let s = time_stats(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!((s.median, s.p90), (2.5, 4.0));
        // Ten values: ⌈9⌉ = 9th.
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(time_stats(&ten).unwrap().p90, 9.0);
        assert_eq!(time_stats(&[7.0]).unwrap().p90, 7.0);
        assert!(time_stats(&[]).is_none());
        assert_eq!(TimeUnit::for_minutes(89.0), TimeUnit::Minutes);
        assert_eq!(TimeUnit::for_minutes(90.0), TimeUnit::Hours);
        assert_eq!(TimeUnit::for_minutes(2880.0), TimeUnit::Days);
    }

    #[test]
    fn sla_at_or_under() {
        // 5, 15 within 15 minutes; 16, 60 not: 2 / 4 = 50 %.
        let s = sla(&[5.0, 15.0, 16.0, 60.0], 15.0, 80.0).unwrap();
        assert_eq!(
            (s.within, s.measured, s.percent, s.meets_target),
            (2, 4, 50.0, false)
        );
    }
}
