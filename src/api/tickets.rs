//! `fcr({ text })` on a ticket export (issue 13): the layout, FCR over the
//! resolved tickets by a stated rule, net FCR, reopen rate and the service
//! times, overall, per channel and per agent. Only in builds with `tables`
//! (the page and the iframe); the widget's small module keeps the plain
//! ticket-log reading of `input::tickets`.

use super::{Args, ColumnInfo, Output, RowReport};
use crate::error::{Code, Error, Result};
use crate::input::helpdesk::{self, Reading, TimeSource};
use crate::input::{tickets, ColumnRef, Table};
use crate::metrics::fcr::{self, Fcr};
use crate::metrics::service::{self, Decider, NetFcr, ServiceGroup, State, Ticket};
use serde::Serialize;

/// The default SLA: first response within 15 minutes, for 80 % of tickets.
pub const SLA_MINUTES: f64 = 15.0;
pub const SLA_TARGET_PERCENT: f64 = 80.0;
/// Tickets not resolved listed one by one in the result, at most.
pub const LISTED: usize = 500;

/// FCR's result: today's figures (`fcr`, `resolved`, `total`, `band`,
/// `groups`) and, from pasted text, what the export said.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FcrReport {
    #[serde(flatten)]
    pub base: Fcr,
    #[serde(flatten)]
    pub details: Option<TicketDetails>,
}

impl std::ops::Deref for FcrReport {
    type Target = Fcr;
    fn deref(&self) -> &Fcr {
        &self.base
    }
}

/// One status of the tickets left out of FCR.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    pub status: String,
    pub state: State,
    pub tickets: usize,
}

/// A ticket left out of FCR (not resolved).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListedTicket {
    pub row: usize,
    pub id: String,
    pub status: String,
    pub state: State,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotResolved {
    pub count: usize,
    /// Each status, most tickets first.
    pub statuses: Vec<StatusCount>,
    /// The tickets, in the order of the text (at most 500).
    pub tickets: Vec<ListedTicket>,
}

/// How many counted tickets each source decided.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DecidedBy {
    pub yes_no: usize,
    pub replies: usize,
    pub contacts: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetReport {
    #[serde(flatten)]
    pub net: NetFcr,
    pub column: ColumnInfo,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeSources {
    pub first_response: Option<TimeSource>,
    pub resolution: Option<TimeSource>,
    pub handling: Option<TimeSource>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TicketDetails {
    pub layout: Option<&'static str>,
    pub layout_name: Option<&'static str>,
    /// `yesNo`, `oneTouch` or `contacts`: what decides first contact.
    pub rule: &'static str,
    /// The rule in plain English (the page words it by `rule` and `denominator`).
    pub rule_text: String,
    /// `resolvedTickets` (a status or resolved time says which are resolved)
    /// or `allTickets` (a plain log).
    pub denominator: &'static str,
    pub decided_by: DecidedBy,
    /// Tickets read (counted or not).
    pub tickets: usize,
    pub not_resolved: NotResolved,
    pub net: Option<NetReport>,
    /// All tickets: FCR, reopen rate, times, SLA.
    pub service: ServiceGroup,
    pub by_channel: Vec<ServiceGroup>,
    pub by_agent: Vec<ServiceGroup>,
    pub channel_column: Option<ColumnInfo>,
    pub agent_column: Option<ColumnInfo>,
    pub time_sources: TimeSources,
    /// Always true: times are calendar time (business hours are not modelled).
    pub calendar_time: bool,
}

fn rule_text(rule: &str, denominator: &str) -> String {
    let base = if denominator == "resolvedTickets" {
        "Only resolved tickets (solved, resolved, closed) count; open, pending and waiting tickets are counted apart. "
    } else {
        "Every ticket counts (the log has no status). "
    };
    let decide = match rule {
        "yesNo" => "The yes/no \"resolved at first contact\" column decides; where it is empty, the agent replies (at most one, never reopened) or the number of contacts (exactly one) do.",
        "oneTouch" => "A ticket is first-contact when it was resolved with at most one agent reply or interaction and never reopened (Zendesk's one-touch).",
        _ => "A ticket is first-contact when it took exactly one contact and was never reopened.",
    };
    format!("{base}{decide}")
}

fn info(table: &Table, j: usize) -> ColumnInfo {
    ColumnInfo {
        index: j,
        name: table.column_name(j),
    }
}

/// `fcr({ text, groupBy?, columns?, locale?, slaMinutes?, slaTargetPercent? })`.
pub fn fcr_from_text(args: &Args, text: &str) -> Result<Output<FcrReport>> {
    let locale = args.locale()?;
    let columns = args.columns()?;
    let group_by = args
        .column_ref("groupBy")?
        .or_else(|| columns.get("group").cloned());
    let sla_minutes = args.number("slaMinutes")?.unwrap_or(SLA_MINUTES);
    let sla_target = args
        .number("slaTargetPercent")?
        .unwrap_or(SLA_TARGET_PERCENT);
    if sla_minutes < 0.0 {
        return Err(Error::field(
            Code::Negative,
            "slaMinutes",
            "slaMinutes cannot be negative.",
        )
        .with("got", sla_minutes));
    }
    if !(0.0..=100.0).contains(&sla_target) {
        return Err(Error::field(
            Code::InvalidOption,
            "slaTargetPercent",
            "slaTargetPercent must be 0–100.",
        ));
    }
    let table = Table::read(text);
    let mut reading = helpdesk::read_columns(&table, locale);
    apply_mapping(
        &table,
        &mut reading,
        columns.get("resolved"),
        columns.get("contacts"),
    )?;
    let group = group_by
        .as_ref()
        .map(|g| tickets::resolve_group(&table, g))
        .transpose()?;
    let c = &reading.columns;
    let rule = if c.first_contact.is_some() {
        "yesNo"
    } else if c.replies.is_some() || !c.comments.is_empty() {
        "oneTouch"
    } else if c.contacts.is_some() {
        "contacts"
    } else {
        return Err(Error::field(
            Code::NoResolvedColumn,
            "text",
            "No column says whether each ticket was resolved at first contact: add a yes/no column (e.g. \"Selesai di kontak pertama\"), the agent replies (\"Replies\", \"Agent interactions\") or a number of contacts, or name it with columns.resolved or columns.contacts.",
        ));
    };
    let denominator = if c.status.is_some() || c.resolved_at.is_some() {
        "resolvedTickets"
    } else {
        "allTickets"
    };
    let mut all: Vec<Ticket> = Vec::new();
    let mut groups: Vec<Option<String>> = Vec::new();
    let mut unread = [0usize; 3];
    let (rows, skipped) = table.each_row(|r| {
        let t = helpdesk::read_ticket(r, &reading, &mut unread)?;
        groups.push(group.map(|g| r.get(g).to_string()));
        all.push(t);
        Ok(())
    });
    if all.is_empty() {
        return Err(tickets::no_usable_tickets(rows, skipped));
    }
    let mut tally = fcr::Tally::default();
    let mut decided = DecidedBy::default();
    for (t, g) in all.iter().zip(&groups) {
        if let (true, Some((yes, by))) = (t.counted(), t.first_contact) {
            tally.add(yes, g.as_deref());
            match by {
                Decider::YesNo => decided.yes_no += 1,
                Decider::Replies => decided.replies += 1,
                Decider::Contacts => decided.contacts += 1,
            }
        }
    }
    if tally_is_empty(&decided) {
        return Err(Error::field(
            Code::NoUsableRows,
            "text",
            format!(
                "None of the {rows} row(s) is a resolved ticket: FCR counts resolved tickets only."
            ),
        )
        .with("rows", rows)
        .with_skipped(skipped));
    }
    let base = tally.finish()?;
    let c = &reading.columns;
    let for_all: Vec<&Ticket> = all.iter().collect();
    let by = |name: fn(&Ticket) -> Option<&str>| -> Vec<ServiceGroup> {
        service::by_name(&all, name)
            .into_iter()
            .map(|(n, ts)| service::service_group(&n, &ts, sla_minutes, sla_target))
            .collect()
    };
    let not_resolved: Vec<&Ticket> = all.iter().filter(|t| !t.counted()).collect();
    let mut statuses: Vec<StatusCount> = Vec::new();
    for t in &not_resolved {
        let key = t.status.trim().to_lowercase();
        match statuses
            .iter_mut()
            .find(|s| s.status.trim().to_lowercase() == key)
        {
            Some(s) => s.tickets += 1,
            None => statuses.push(StatusCount {
                status: t.status.clone(),
                state: t.state.unwrap_or(State::Unknown),
                tickets: 1,
            }),
        }
    }
    statuses.sort_by(|a, b| {
        b.tickets
            .cmp(&a.tickets)
            .then_with(|| a.status.cmp(&b.status))
    });
    let mut sources = TimeSources {
        first_response: reading.first_response.clone(),
        resolution: reading.resolution.clone(),
        handling: reading.handling.clone(),
    };
    for (s, n) in [
        &mut sources.first_response,
        &mut sources.resolution,
        &mut sources.handling,
    ]
    .into_iter()
    .zip(unread)
    {
        if let Some(s) = s {
            s.unread = n;
        }
    }
    let details = TicketDetails {
        layout: reading.layout.map(|l| l.key),
        layout_name: reading.layout.map(|l| l.name),
        rule,
        rule_text: rule_text(rule, denominator),
        denominator,
        decided_by: decided,
        tickets: all.len(),
        not_resolved: NotResolved {
            count: not_resolved.len(),
            statuses,
            tickets: not_resolved
                .iter()
                .take(LISTED)
                .map(|t| ListedTicket {
                    row: t.row,
                    id: t.id.clone(),
                    status: t.status.clone(),
                    state: t.state.unwrap_or(State::Unknown),
                })
                .collect(),
        },
        net: c.policy.and_then(|(j, _)| {
            service::net_fcr(&all).map(|net| NetReport {
                net,
                column: info(&table, j),
            })
        }),
        service: service::service_group("", &for_all, sla_minutes, sla_target),
        by_channel: if c.channel.is_some() {
            by(|t| t.channel.as_deref())
        } else {
            Vec::new()
        },
        by_agent: if c.agent.is_some() {
            by(|t| t.agent.as_deref())
        } else {
            Vec::new()
        },
        channel_column: c.channel.map(|j| info(&table, j)),
        agent_column: c.agent.map(|j| info(&table, j)),
        time_sources: sources,
        calendar_time: true,
    };
    let deciding = c
        .first_contact
        .or(c.replies)
        .or(c.comments.first().copied())
        .or(c.contacts)
        .unwrap_or(0);
    let used = rows - skipped.len();
    Ok(Output {
        result: FcrReport {
            base,
            details: Some(details),
        },
        input: Some(RowReport {
            rows,
            used,
            skipped,
            column: info(&table, deciding),
            group_column: group.map(|g| info(&table, g)),
        }),
        #[cfg(feature = "analytics")]
        extra: Default::default(),
    })
}

fn tally_is_empty(d: &DecidedBy) -> bool {
    d.yes_no + d.replies + d.contacts == 0
}

/// The user's `columns.resolved` / `columns.contacts` win over the reading.
fn apply_mapping(
    table: &Table,
    reading: &mut Reading,
    resolved: Option<&ColumnRef>,
    contacts: Option<&ColumnRef>,
) -> Result<()> {
    if let Some(r) = resolved {
        reading.columns.first_contact = Some(table.resolve(r, "columns.resolved")?);
    }
    if let Some(r) = contacts {
        let j = table.resolve(r, "columns.contacts")?;
        reading.columns.contacts = Some(j);
        if reading.columns.replies == Some(j) {
            reading.columns.replies = None;
        }
    }
    Ok(())
}

/// Today's fields with no details: FCR from counts.
pub fn plain(base: Fcr) -> FcrReport {
    FcrReport {
        base,
        details: None,
    }
}
