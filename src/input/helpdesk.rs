//! Help-desk ticket exports read as they are (issue 13): Zendesk, Freshdesk,
//! chat exports (Freshchat, Qontak and the like), Jira Service Management,
//! Google Sheets / Forms logs and plain logs such as `tiket_cs.csv`.
//!
//! Each column gets a meaning from its header (Indonesian or English) and
//! must hold values that fit it: a time or date column is never the yes/no
//! column, a column of timestamps is never a duration. A recognised layout
//! only names the export and says what its own documentation says of its
//! columns (Freshdesk's "(in hrs)" times are business hours).
//!
//! Service times are calendar time, in minutes: from a duration column in
//! calendar time (`First reply time in minutes`, its unit from the header),
//! else from two timestamps (created → first response, created → resolved),
//! else from a business-hours duration column (said in the result).

use super::date::{parse_date_in_date_column, DateStats, DayOrder};
use super::number::parse_plain;
use super::roles::{matches, normalize, role_of_header, Role};
use super::table::{Record, Table};
use super::tickets::read_contacts;
use super::yesno::parse_yes_no;
use super::Locale;
use crate::error::{Code, Skipped};
use crate::metrics::service::{Decider, State, Ticket};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

/// A ticket export layout recognised by a few of its exact headers.
#[derive(Debug)]
pub struct Known {
    pub key: &'static str,
    pub name: &'static str,
    /// Normalized headers that must all be present (any one list).
    signatures: &'static [&'static [&'static str]],
    /// Normalized duration headers that are business hours in this export.
    business_hours: &'static [&'static str],
}

pub const LAYOUTS: &[Known] = &[
    Known {
        key: "zendesk",
        name: "Zendesk Support ticket export",
        signatures: &[
            &["id", "via", "solved at"],
            &["first reply time in minutes"],
            &["full resolution time in minutes"],
        ],
        business_hours: &[],
    },
    Known {
        key: "freshdesk",
        name: "Freshdesk ticket export",
        signatures: &[
            &["ticket id", "agent interactions"],
            &["ticket id", "first response time in hrs"],
            &["ticket id", "resolved time", "created time"],
        ],
        // Freshdesk's export fills these from first_res_time_bhrs and
        // resolution_time_bhrs: business hours.
        business_hours: &["first response time in hrs", "resolution time in hrs"],
    },
    Known {
        key: "jiraServiceManagement",
        name: "Jira Service Management issues export",
        signatures: &[&["issue key", "issue type"], &["issue key", "status"]],
        business_hours: &[],
    },
    Known {
        key: "chat",
        name: "Chat conversation export (Freshchat, Qontak and the like)",
        signatures: &[
            &["conversation id"],
            &["room id"],
            &["chat id"],
            &["id percakapan"],
            &["session id", "channel"],
        ],
        business_hours: &[],
    },
    Known {
        key: "googleSheets",
        name: "Google Sheets / Forms ticket log",
        signatures: &[&["timestamp"], &["stempel waktu"], &["cap waktu"]],
        business_hours: &[],
    },
];

/// What a column means to the ticket reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    Id,
    Status,
    Channel,
    Agent,
    Created,
    FirstResponseAt,
    ResolvedAt,
    ClosedAt,
    FirstResponse,
    Resolution,
    Handling,
    Replies,
    Contacts,
    Reopens,
    FirstContact,
    Policy,
    Comment,
}

/// A duration unit read from a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Seconds,
    Minutes,
    Hours,
    Days,
}

impl Unit {
    fn minutes(self) -> f64 {
        match self {
            Unit::Seconds => 1.0 / 60.0,
            Unit::Minutes => 1.0,
            Unit::Hours => 60.0,
            Unit::Days => 1440.0,
        }
    }
}

fn has(normal: &str, words: &[&str]) -> bool {
    words.iter().any(|w| matches(normal, w))
}

const BUSINESS: &[&str] = &[
    "business hours",
    "within business",
    "jam kerja",
    "jam operasional",
    "bhrs",
];
const FIRST_RESPONSE: &[&str] = &[
    "first reply",
    "first response",
    "initial response",
    "first responded",
    "respon pertama",
    "respons pertama",
    "balasan pertama",
    "tanggapan pertama",
    "frt",
    "time to first response",
];
const RESOLUTION: &[&str] = &[
    "full resolution",
    "resolution",
    "time to resolution",
    "penyelesaian",
    "resolve",
    "resolved",
    "solved",
    "selesai",
    "diselesaikan",
];
const HANDLING: &[&str] = &[
    "handling time",
    "handle time",
    "aht",
    "time tracked",
    "time spent",
    "waktu penanganan",
    "durasi penanganan",
    "lama penanganan",
    "chat duration",
    "durasi chat",
    "conversation duration",
    "durasi percakapan",
    "talk time",
];

/// Words that make a header a length of time (without a unit).
const LENGTH: &[&str] = &[
    "durasi",
    "duration",
    "lama",
    "time to",
    "time tracked",
    "time spent",
    "handling time",
    "handle time",
    "aht",
    "talk time",
    "response time",
    "reply time",
    "resolution time",
    "waktu respon",
    "waktu tanggap",
    "waktu penyelesaian",
    "waktu penanganan",
];

/// The unit a duration header names, if any.
fn unit_of(normal: &str) -> Option<Unit> {
    let words: Vec<&str> = normal.split(' ').collect();
    let any = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if any(&["seconds", "second", "secs", "sec", "detik"]) {
        Some(Unit::Seconds)
    } else if any(&["minutes", "minute", "mins", "min", "menit", "mnt"]) {
        Some(Unit::Minutes)
    } else if any(&["hours", "hour", "hrs", "hr", "jam"]) {
        Some(Unit::Hours)
    } else if any(&["days", "day", "hari"]) {
        Some(Unit::Days)
    } else {
        None
    }
}

/// Meanings a header may have, most specific first (the values decide
/// between a timestamp and a duration).
fn header_meanings(normal: &str) -> Vec<Meaning> {
    use Meaning::*;
    let mut out = Vec::new();
    if normal.is_empty() {
        return out;
    }
    let is_timing = FIRST_RESPONSE
        .iter()
        .chain(RESOLUTION)
        .chain(HANDLING)
        .any(|w| matches(normal, w));
    // Not-by-policy columns (net FCR) before anything that says "fcr".
    if has(
        normal,
        &[
            "policy",
            "kebijakan",
            "needs visit",
            "site visit",
            "perlu kunjungan",
            "butuh kunjungan",
            "kunjungan teknisi",
            "needs part",
            "suku cadang",
            "sparepart",
            "fcr eligible",
            "eligible for fcr",
            "excluded from fcr",
            "dikecualikan",
            "not solvable",
        ],
    ) {
        out.push(Policy);
        return out;
    }
    if has(
        normal,
        &[
            "reopens",
            "reopen",
            "reopened",
            "dibuka ulang",
            "dibuka kembali",
            "buka ulang",
        ],
    ) {
        out.push(Reopens);
        return out;
    }
    if has(
        normal,
        &[
            "replies",
            "agent interactions",
            "agent replies",
            "agent messages",
            "balasan agen",
            "jumlah balasan",
            "pesan agen",
            "agent responses",
        ],
    ) && !is_timing
    {
        out.push(Replies);
        return out;
    }
    if has(
        normal,
        &[
            "customer interactions",
            "customer messages",
            "pesan pelanggan",
        ],
    ) {
        return out;
    }
    if role_of_header(normal) == Some(Role::Contacts) && !is_timing {
        out.push(Contacts);
        return out;
    }
    if has(
        normal,
        &[
            "first contact",
            "kontak pertama",
            "fcr",
            "one touch",
            "first call",
        ],
    ) && !has(normal, &["time", "waktu"])
    {
        out.push(FirstContact);
        return out;
    }
    if normal == "comment" || normal == "comments" {
        out.push(Comment);
        return out;
    }
    // Timing columns: "Agent wait time", "Due by", "Updated at" are none.
    if has(
        normal,
        &[
            "wait time",
            "due by",
            "due date",
            "tenggat",
            "updated",
            "last update",
            "last viewed",
            "diperbarui",
            "assigned at",
            "on hold time",
        ],
    ) {
        return out;
    }
    if has(normal, FIRST_RESPONSE) {
        out.extend([FirstResponse, FirstResponseAt]);
        return out;
    }
    if has(normal, HANDLING) {
        out.push(Handling);
        return out;
    }
    if has(normal, &["first resolution"]) {
        return out;
    }
    if has(normal, RESOLUTION) {
        out.extend([Resolution, ResolvedAt]);
        // "Selesai?" ya/tidak and "Resolved" yes/no: today's yes/no column.
        out.push(FirstContact);
        return out;
    }
    if has(normal, &["closed", "ditutup", "close time", "closed time"]) {
        out.push(ClosedAt);
        return out;
    }
    if has(
        normal,
        &[
            "created",
            "dibuat",
            "opened",
            "open time",
            "received",
            "diterima",
            "waktu masuk",
            "tanggal masuk",
            "timestamp",
            "stempel waktu",
            "cap waktu",
            "tanggal",
            "date",
            "tgl",
            "start time",
            "waktu mulai",
        ],
    ) {
        out.push(Created);
        return out;
    }
    if has(
        normal,
        &[
            "resolution status",
            "first response status",
            "sla",
            "approval",
            "satisfaction",
            "survey",
            "rating",
        ],
    ) {
        return out;
    }
    if has(normal, &["status", "state", "keadaan", "status tiket"]) {
        out.push(Status);
        return out;
    }
    if has(
        normal,
        &[
            "via", "channel", "kanal", "source", "sumber", "saluran", "media", "platform", "inbox",
        ],
    ) && !has(normal, &["id"])
    {
        out.push(Channel);
        return out;
    }
    if has(
        normal,
        &[
            "assignee",
            "agent",
            "agen",
            "petugas",
            "cs",
            "assigned to",
            "assigned agent",
            "handled by",
            "ditangani",
            "responder",
            "staff",
            "staf",
            "operator",
        ],
    ) && !has(normal, &["id", "email", "group", "grup", "team", "tim"])
    {
        out.push(Agent);
        return out;
    }
    if has(
        normal,
        &[
            "id",
            "ticket id",
            "issue key",
            "key",
            "no tiket",
            "id tiket",
            "nomor tiket",
            "tiket",
            "ticket",
            "conversation id",
            "room id",
            "chat id",
        ],
    ) {
        out.push(Id);
    }
    out
}

/// What a column's values look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ValueKinds {
    filled: usize,
    timestamps: usize,
    durations: usize,
    yes_no: usize,
    /// Yes/no words other than 1/0 (1/0 alone is not enough to call a column yes/no).
    yes_no_words: usize,
    counts: usize,
}

impl ValueKinds {
    fn mostly(&self, n: usize) -> bool {
        self.filled > 0 && n * 5 >= self.filled * 4
    }
}

/// A time written as `H:MM`, `H:MM:SS` (hours may pass 24) in minutes.
fn clock_duration(s: &str) -> Option<f64> {
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
    {
        return None;
    }
    let h: f64 = parts[0].parse().ok()?;
    let m: f64 = parts[1].parse().ok()?;
    let sec: f64 = parts.get(2).map_or(Some(0.0), |p| p.parse().ok())?;
    (m < 60.0 && sec < 60.0).then_some(h * 60.0 + m + sec / 60.0)
}

/// `1h 30m`, `2d 3h`, `45m`, `1j 5m` (Indonesian jam/menit), `30s`, in minutes.
fn unit_duration(s: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut any = false;
    for part in s.split_whitespace() {
        let split = part.find(|c: char| c.is_alphabetic())?;
        let (n, u) = part.split_at(split);
        let n: f64 = parse_plain(n)?;
        let unit = match u.to_ascii_lowercase().as_str() {
            "d" | "hari" => Unit::Days,
            "h" | "j" | "jam" | "hr" | "hrs" => Unit::Hours,
            "m" | "min" | "mins" | "menit" | "mnt" => Unit::Minutes,
            "s" | "sec" | "detik" => Unit::Seconds,
            _ => return None,
        };
        total += n * unit.minutes();
        any = true;
    }
    any.then_some(total)
}

/// A duration cell in minutes: a plain number in the header's `unit`, or a
/// clock (`0:15:00`) or units (`1h 30m`) whatever the header says. Negative
/// durations are not read.
fn duration(cell: &str, unit: Option<Unit>) -> Option<f64> {
    let s = cell.trim();
    let v = match parse_plain(s) {
        Some(v) => v * unit?.minutes(),
        None => clock_duration(s).or_else(|| unit_duration(s))?,
    };
    (v >= 0.0 && v.is_finite()).then_some(v)
}

/// A time of day in a timestamp cell: `14:05`, `14:05:22`, `2:05 PM`.
fn time_of_day(cell: &str) -> Option<NaiveTime> {
    let lower = cell.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || matches!(bytes[i - 1], b' ' | b't' | b',')) {
            let rest = &lower[i..];
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
                .unwrap_or(rest.len());
            let clock = &rest[..end];
            let parts: Vec<&str> = clock.split(':').collect();
            if parts.len() >= 2 {
                let mut h: u32 = parts[0].parse().ok()?;
                let m: u32 = parts[1].parse().ok()?;
                let s: f64 = parts.get(2).map_or(Some(0.0), |p| p.parse().ok())?;
                let after = rest[end..].trim_start();
                if after.starts_with("pm") && h < 12 {
                    h += 12;
                } else if after.starts_with("am") && h == 12 {
                    h = 0;
                }
                return NaiveTime::from_hms_opt(h, m, s as u32);
            }
        }
        i += 1;
    }
    None
}

/// A timestamp: the date in the column's day/month order, and its time
/// (midnight when none is written).
fn timestamp(cell: &str, order: DayOrder) -> Option<NaiveDateTime> {
    let date: NaiveDate = parse_date_in_date_column(cell, order).ok()?;
    Some(date.and_time(time_of_day(cell).unwrap_or(NaiveTime::MIN)))
}

/// The columns found, each by its index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    pub id: Option<usize>,
    pub status: Option<usize>,
    pub channel: Option<usize>,
    pub agent: Option<usize>,
    pub created: Option<usize>,
    pub first_response_at: Option<usize>,
    pub resolved_at: Option<usize>,
    pub closed_at: Option<usize>,
    pub first_response: Option<Dur>,
    pub resolution: Option<Dur>,
    pub handling: Option<Dur>,
    pub replies: Option<usize>,
    pub contacts: Option<usize>,
    pub reopens: Option<usize>,
    pub first_contact: Option<usize>,
    pub policy: Option<(usize, bool)>,
    pub comments: Vec<usize>,
}

/// A duration column: its index, rank (0 calendar time with a unit, 1
/// calendar time read from clocks, 2 business hours) and unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dur {
    pub col: usize,
    rank: u8,
    unit: Option<Unit>,
}

/// How one service time is measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeSource {
    /// `column` (a duration column in calendar time), `timestamps` (two
    /// timestamp columns), `businessHoursColumn` (a duration in business
    /// hours: the only one the export gives).
    pub kind: &'static str,
    /// The column(s) read: one duration, or the start and end timestamps.
    pub columns: Vec<String>,
    /// Cells that held no readable time (blank cells are not counted).
    pub unread: usize,
}

/// The reading of a ticket export: its layout, columns and tickets.
#[derive(Debug, Clone)]
pub struct Reading {
    pub layout: Option<&'static Known>,
    pub columns: Columns,
    pub day_order: DayOrder,
    pub first_response: Option<TimeSource>,
    pub resolution: Option<TimeSource>,
    pub handling: Option<TimeSource>,
}

fn layout_of(normals: &[String]) -> Option<&'static Known> {
    LAYOUTS.iter().find(|k| {
        k.signatures
            .iter()
            .any(|sig| sig.iter().all(|h| normals.iter().any(|n| n == h)))
    })
}

/// Finds the columns of a ticket export (only with a header row).
pub fn read_columns(table: &Table, locale: Locale) -> Reading {
    let normals: Vec<String> = table.headers.iter().map(|h| normalize(h)).collect();
    let layout = if table.has_header {
        layout_of(&normals)
    } else {
        None
    };
    let mut kinds = vec![ValueKinds::default(); table.width];
    let mut dates = DateStats::default();
    let meanings: Vec<Vec<Meaning>> = normals.iter().map(|n| header_meanings(n)).collect();
    for record in table.records().take(2000) {
        for (j, k) in kinds.iter_mut().enumerate() {
            let cell = record.get(j);
            if cell.is_empty() {
                continue;
            }
            k.filled += 1;
            if super::date::looks_like_date(cell) {
                k.timestamps += 1;
                if meanings.get(j).is_some_and(|m| {
                    m.iter().any(|m| {
                        matches!(
                            m,
                            Meaning::Created
                                | Meaning::FirstResponseAt
                                | Meaning::ResolvedAt
                                | Meaning::ClosedAt
                        )
                    })
                }) {
                    dates.observe(cell);
                }
            } else if duration(cell, Some(Unit::Minutes)).is_some() {
                k.durations += 1;
            }
            if parse_yes_no(cell).is_some() {
                k.yes_no += 1;
                if !matches!(cell, "0" | "1") {
                    k.yes_no_words += 1;
                }
            }
            if cell.parse::<u64>().is_ok() {
                k.counts += 1;
            }
        }
    }
    let day_order = dates.decide(locale).order;
    let mut c = Columns::default();
    let empty = Vec::new();
    let first_free = |slot: &mut Option<usize>, j: usize| {
        if slot.is_none() {
            *slot = Some(j);
        }
    };
    for (j, &k) in kinds.iter().enumerate() {
        let normal = normals.get(j).map(String::as_str).unwrap_or("");
        let business =
            has(normal, BUSINESS) || layout.is_some_and(|l| l.business_hours.contains(&normal));
        let unit = unit_of(normal);
        let rank = if business {
            2
        } else if unit.is_some() {
            0
        } else {
            1
        };
        let stamps = k.mostly(k.timestamps);
        let durs = k.mostly(k.durations);
        for m in meanings.get(j).unwrap_or(&empty) {
            use Meaning::*;
            let duration_slot = |slot: &mut Option<Dur>| {
                // A unitless plain number is no duration (its unit is unknown),
                // and a clock under a header that names no length of time
                // ("Waktu Selesai" 14:05, "Resolved time") is a time of day.
                if durs
                    && !stamps
                    && (unit.is_some() || (has(normal, LENGTH) && k.counts < k.durations))
                {
                    if slot.is_none_or(|d| d.rank > rank) {
                        *slot = Some(Dur { col: j, rank, unit });
                    }
                    true
                } else {
                    false
                }
            };
            let taken = match m {
                Id => {
                    first_free(&mut c.id, j);
                    true
                }
                Status if !stamps => {
                    first_free(&mut c.status, j);
                    true
                }
                Channel if !stamps && !durs => {
                    first_free(&mut c.channel, j);
                    true
                }
                Agent if !stamps && !durs => {
                    first_free(&mut c.agent, j);
                    true
                }
                Created if stamps => {
                    first_free(&mut c.created, j);
                    true
                }
                FirstResponseAt if stamps => {
                    first_free(&mut c.first_response_at, j);
                    true
                }
                ResolvedAt if stamps => {
                    first_free(&mut c.resolved_at, j);
                    true
                }
                ClosedAt if stamps => {
                    first_free(&mut c.closed_at, j);
                    true
                }
                FirstResponse => duration_slot(&mut c.first_response),
                Resolution => duration_slot(&mut c.resolution),
                Handling => duration_slot(&mut c.handling),
                Replies if k.mostly(k.counts) => {
                    first_free(&mut c.replies, j);
                    true
                }
                Contacts if k.mostly(k.counts) => {
                    first_free(&mut c.contacts, j);
                    true
                }
                Reopens if k.mostly(k.counts) || k.mostly(k.yes_no) => {
                    first_free(&mut c.reopens, j);
                    true
                }
                // Time and date columns are never the yes/no column.
                // Named by its header, it needs half its cells yes/no (the
                // rest are skipped with their reason).
                FirstContact
                    if k.yes_no * 2 >= k.filled
                        && k.filled > 0
                        && !stamps
                        && !has(normal, &["time", "waktu", "date", "tanggal", " at"]) =>
                {
                    first_free(&mut c.first_contact, j);
                    true
                }
                Policy if k.mostly(k.yes_no) => {
                    if c.policy.is_none() {
                        c.policy = Some((j, has(normal, &["eligible", "layak"])));
                    }
                    true
                }
                Comment => {
                    c.comments.push(j);
                    true
                }
                _ => false,
            };
            if taken {
                break;
            }
        }
    }
    // No header decides: the first column of yes/no words, as in a plain
    // log pasted without its header.
    if c.first_contact.is_none()
        && c.replies.is_none()
        && c.contacts.is_none()
        && c.comments.is_empty()
    {
        let taken = [c.reopens, c.policy.map(|p| p.0)];
        c.first_contact = (0..table.width).find(|&j| {
            let k = kinds[j];
            k.yes_no_words > 0
                && k.mostly(k.yes_no)
                && !taken.contains(&Some(j))
                && !k.mostly(k.timestamps)
        });
    }
    // A resolved time is preferred to a closed time.
    c.resolved_at = c.resolved_at.or(c.closed_at);
    let name = |j: usize| table.column_name(j);
    let source = |dur: Option<Dur>, from: Option<usize>, to: Option<usize>| {
        if let Some(d) = dur.filter(|d| d.rank < 2) {
            return Some(TimeSource {
                kind: "column",
                columns: vec![name(d.col)],
                unread: 0,
            });
        }
        if let (Some(a), Some(b)) = (from, to) {
            return Some(TimeSource {
                kind: "timestamps",
                columns: vec![name(a), name(b)],
                unread: 0,
            });
        }
        dur.map(|d| TimeSource {
            kind: "businessHoursColumn",
            columns: vec![name(d.col)],
            unread: 0,
        })
    };
    let first_response = source(c.first_response, c.created, c.first_response_at);
    let resolution = source(c.resolution, c.created, c.resolved_at);
    let handling = c.handling.map(|d| TimeSource {
        kind: if d.rank == 2 {
            "businessHoursColumn"
        } else {
            "column"
        },
        columns: vec![name(d.col)],
        unread: 0,
    });
    Reading {
        layout,
        columns: c,
        day_order,
        first_response,
        resolution,
        handling,
    }
}

/// The state a status names. Negations ("unresolved", "belum selesai") are open.
pub fn state_of(status: &str) -> State {
    let n = normalize(status);
    if n.is_empty() {
        return State::Unknown;
    }
    if has(
        &n,
        &[
            "unresolved",
            "belum",
            "not resolved",
            "tidak selesai",
            "reopened",
            "dibuka ulang",
            "dibuka kembali",
        ],
    ) {
        return State::Open;
    }
    if has(
        &n,
        &[
            "pending", "on hold", "hold", "waiting", "awaiting", "menunggu", "tertunda", "ditunda",
            "snoozed",
        ],
    ) {
        return State::Pending;
    }
    if has(
        &n,
        &[
            "solved",
            "resolved",
            "closed",
            "done",
            "completed",
            "complete",
            "finished",
            "selesai",
            "terselesaikan",
            "diselesaikan",
            "ditutup",
            "tutup",
            "closed resolved",
        ],
    ) {
        return State::Resolved;
    }
    if has(
        &n,
        &[
            "new",
            "open",
            "opened",
            "in progress",
            "progress",
            "escalated",
            "assigned",
            "unassigned",
            "active",
            "to do",
            "baru",
            "dibuka",
            "terbuka",
            "diproses",
            "proses",
            "ditangani",
            "eskalasi",
            "aktif",
        ],
    ) {
        return State::Open;
    }
    State::Unknown
}

/// Reads one row into a ticket; `Err` skips it with its line and reason.
/// `times_unread` counts cells of each time that held no readable time.
pub fn read_ticket(
    record: &Record,
    reading: &Reading,
    times_unread: &mut [usize; 3],
) -> std::result::Result<Ticket, Skipped> {
    let c = &reading.columns;
    let line = record.line;
    let cell = |j: Option<usize>| j.map(|j| record.get(j)).unwrap_or("");
    let mut t = Ticket {
        row: line,
        id: cell(c.id).to_string(),
        channel: c.channel.map(|j| record.get(j).to_string()),
        agent: c.agent.map(|j| record.get(j).to_string()),
        ..Ticket::default()
    };
    // State: the status; else a filled resolved time; else none (every
    // ticket counts, as in a plain log).
    if let Some(j) = c.status {
        let s = record.get(j);
        if s.is_empty() {
            return Err(Skipped::new(
                line,
                Code::EmptyValue,
                format!("Row {line} has no status: resolved or not cannot be told."),
            ));
        }
        t.status = s.to_string();
        t.state = Some(state_of(s));
    } else if let Some(j) = c.resolved_at {
        let s = record.get(j);
        t.state = Some(if s.is_empty() {
            State::Open
        } else {
            State::Resolved
        });
        t.status = if s.is_empty() {
            String::new()
        } else {
            "resolved".into()
        };
    }
    // Reopened: a count above 0, or a yes.
    if let Some(j) = c.reopens {
        let s = record.get(j);
        t.reopened = s
            .parse::<u64>()
            .ok()
            .map(|n| n > 0)
            .or_else(|| parse_yes_no(s));
    }
    if let Some((j, inverted)) = c.policy {
        t.policy_excluded = parse_yes_no(record.get(j)).is_some_and(|y| y != inverted);
    }
    // Service times (all tickets, resolved or not).
    let order = reading.day_order;
    let stamp = |j: Option<usize>| {
        j.and_then(|j| {
            let s = record.get(j);
            (!s.is_empty()).then(|| timestamp(s, order))
        })
    };
    let mut measure =
        |src: &Option<TimeSource>, dur: Option<Dur>, to: Option<usize>, k: usize| -> Option<f64> {
            let src = src.as_ref()?;
            let got = if src.kind == "timestamps" {
                match (stamp(c.created), stamp(to)) {
                    (Some(Some(a)), Some(Some(b))) if b >= a => {
                        Some(Some((b - a).num_seconds() as f64 / 60.0))
                    }
                    (Some(_), Some(_)) => Some(None),
                    _ => None,
                }
            } else {
                let d = dur?;
                let s = record.get(d.col);
                (!s.is_empty()).then(|| duration(s, d.unit))
            };
            match got {
                Some(Some(v)) => Some(v),
                Some(None) => {
                    times_unread[k] += 1;
                    None
                }
                None => None,
            }
        };
    t.first_response = measure(
        &reading.first_response,
        c.first_response,
        c.first_response_at,
        0,
    );
    t.resolution = measure(&reading.resolution, c.resolution, c.resolved_at, 1);
    t.handling = measure(&reading.handling, c.handling, None, 2);
    // First contact, for the tickets in FCR's denominator.
    if !t.counted() {
        return Ok(t);
    }
    let yes_no = cell(c.first_contact);
    if !yes_no.is_empty() {
        let yes = parse_yes_no(yes_no).ok_or_else(|| {
            Skipped::new(
                line,
                Code::InvalidYesNo,
                format!("Row {line}: \"{yes_no}\" is not yes or no (ya/tidak, yes/no, 1/0)."),
            )
        })?;
        t.first_contact = Some((yes, Decider::YesNo));
        return Ok(t);
    }
    let not_reopened = t.reopened != Some(true);
    let replies = if c.replies.is_some() {
        Some(cell(c.replies))
    } else {
        None
    };
    if let Some(r) = replies.filter(|r| !r.is_empty()) {
        return match r.parse::<u64>() {
            Ok(n) => {
                t.first_contact = Some((n <= 1 && not_reopened, Decider::Replies));
                Ok(t)
            }
            Err(_) => Err(Skipped::new(
                line,
                Code::InvalidContacts,
                format!("Row {line}: \"{r}\" is not a number of agent replies."),
            )),
        };
    }
    if !c.comments.is_empty() {
        let n = c
            .comments
            .iter()
            .filter(|&&j| !record.get(j).is_empty())
            .count();
        t.first_contact = Some((n <= 1 && not_reopened, Decider::Replies));
        return Ok(t);
    }
    let n = read_contacts(cell(c.contacts), line)?;
    t.first_contact = Some((n == 1 && not_reopened, Decider::Contacts));
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn timestamps_of_the_exports() {
        let d = DayOrder::DayFirst;
        assert_eq!(
            timestamp("2025-03-03 09:05:00", d),
            Some(at(2025, 3, 3, 9, 5))
        );
        assert_eq!(
            timestamp("2025-03-03T09:05:00+07:00", d),
            Some(at(2025, 3, 3, 9, 5))
        );
        assert_eq!(
            timestamp("03/Mar/25 2:05 PM", d),
            Some(at(2025, 3, 3, 14, 5))
        );
        assert_eq!(
            timestamp("03/Mar/25 12:10 AM", d),
            Some(at(2025, 3, 3, 0, 10))
        );
        assert_eq!(
            timestamp("04/03/2025 9:00:00", d),
            Some(at(2025, 3, 4, 9, 0))
        );
        assert_eq!(timestamp("besok", d), None);
    }

    #[test]
    fn durations_with_units_from_the_header() {
        assert_eq!(
            duration("15", unit_of("first reply time in minutes")),
            Some(15.0)
        );
        assert_eq!(
            duration("0,5", unit_of("waktu penyelesaian jam")),
            Some(30.0)
        );
        assert_eq!(duration("00:20:00", None), Some(20.0));
        assert_eq!(duration("26:30", unit_of("x")), Some(1590.0));
        assert_eq!(duration("1h 30m", None), Some(90.0));
        assert_eq!(duration("2d 1h", None), Some(2940.0));
        // A plain number without a unit, a negative time, text: not read.
        assert_eq!(duration("15", None), None);
        assert_eq!(duration("-5", Some(Unit::Minutes)), None);
        assert_eq!(duration("Within SLA", Some(Unit::Hours)), None);
    }

    #[test]
    fn a_time_of_day_is_no_duration() {
        // "Waktu Selesai" holds the hour a ticket was closed, not how long it took;
        // "Durasi Penanganan" and "First Response Time" hold lengths of time.
        let t = Table::read("Status\tWaktu Selesai\tDurasi Penanganan\tFirst Response Time\tReplies\nSelesai\t14:05\t0:20\t00:02:30\t1\n");
        let r = read_columns(&t, Locale::Auto);
        assert_eq!(r.columns.resolution, None);
        assert_eq!(r.columns.handling.map(|d| d.col), Some(2));
        assert_eq!(r.columns.first_response.map(|d| d.col), Some(3));
    }

    #[test]
    fn states_in_both_languages() {
        for s in [
            "Solved",
            "closed",
            "Resolved",
            "Done",
            "Selesai",
            "Ditutup",
            "Terselesaikan",
        ] {
            assert_eq!(state_of(s), State::Resolved, "{s}");
        }
        for s in [
            "Pending",
            "On-hold",
            "Waiting on Customer",
            "Waiting for support",
            "Menunggu",
        ] {
            assert_eq!(state_of(s), State::Pending, "{s}");
        }
        for s in [
            "New",
            "Open",
            "In Progress",
            "Baru",
            "Diproses",
            "Belum selesai",
            "Unresolved",
        ] {
            assert_eq!(state_of(s), State::Open, "{s}");
        }
        assert_eq!(state_of("Canceled"), State::Unknown);
    }

    #[test]
    fn time_columns_are_never_the_yes_no_column() {
        // Zendesk's "Solved at" and Freshdesk's "Resolved time" hold times;
        // the one-touch rule reads the replies / agent interactions.
        let t =
            Table::read("Id,Status,Solved at,Replies\n1,Solved,2025-03-03 10:00:00,1\n2,Open,,2\n");
        let r = read_columns(&t, Locale::Auto);
        assert_eq!(
            (
                r.columns.first_contact,
                r.columns.resolved_at,
                r.columns.replies
            ),
            (None, Some(2), Some(3))
        );
        let t = Table::read(
            "Ticket ID,Status,Resolved time,Agent interactions\n1,Resolved,2025-03-03 10:00:00,1\n",
        );
        let r = read_columns(&t, Locale::Auto);
        assert_eq!(
            (
                r.columns.first_contact,
                r.columns.resolved_at,
                r.columns.replies
            ),
            (None, Some(2), Some(3))
        );
        assert_eq!(r.layout.map(|l| l.key), Some("freshdesk"));
    }
}
