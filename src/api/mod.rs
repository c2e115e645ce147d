//! The API of API.md in plain Rust: each function takes the call's input
//! object (a [`Value`]) and returns a serializable result. The WebAssembly
//! binding only converts to and from JavaScript; native callers use these
//! directly (or the typed calculators in [`crate::metrics`]).

pub mod args;
#[cfg(feature = "analytics")]
pub mod defaults;
pub mod fields;
#[cfg(feature = "analytics")]
pub mod log;
#[cfg(feature = "analytics")]
pub mod predict;
#[cfg(feature = "tables")]
pub mod table;
#[cfg(feature = "tables")]
pub mod tickets;
#[cfg(feature = "xlsx")]
pub mod workbook;

pub use args::{Args, Value};
#[cfg(feature = "analytics")]
pub use defaults::defaults;
#[cfg(feature = "analytics")]
pub use log::{analyze_log, clv_from_log, cohorts, lifecycle, retention, rfm};
#[cfg(feature = "analytics")]
pub use predict::predict_clv;
#[cfg(feature = "tables")]
pub use table::{parse_table, ParsedTable, PreviewRow, PreviewValue};
#[cfg(feature = "xlsx")]
pub use workbook::read_workbook;

use crate::error::{Code, Error, Result, Skipped};
use crate::input::scores::{read_scores, ColumnInfo, ScoreColumn};
#[cfg(not(feature = "tables"))]
use crate::input::Table;
use crate::metrics::{ces::Scale, *};
use serde::Serialize;

/// The row accounting of every result computed from pasted `text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowReport {
    pub rows: usize,
    pub used: usize,
    pub skipped: Vec<Skipped>,
    /// The column the values were read from.
    pub column: ColumnInfo,
    /// The column results are grouped by, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_column: Option<ColumnInfo>,
}

/// A calculator's result, with the row accounting when it came from text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Output<T> {
    #[serde(flatten)]
    pub result: T,
    #[serde(flatten)]
    pub input: Option<RowReport>,
}

impl<T> Output<T> {
    fn plain(result: T) -> Self {
        Output {
            result,
            input: None,
        }
    }
}

/// Where a survey's answers come from: exactly one of the given sources.
enum Source<'a> {
    Scores(Vec<f64>),
    Text(&'a str),
    Counts,
}

fn source<'a>(args: &Args<'a>, function: &str, counts: &[&str]) -> Result<Source<'a>> {
    let scores = args.numbers("scores")?;
    let text = args.text("text")?;
    let has_counts = counts.iter().any(|c| args.has(c));
    let given = [scores.is_some(), text.is_some(), has_counts];
    if given.iter().filter(|&&g| g).count() > 1 {
        return Err(Error::new(
            Code::ConflictingInputs,
            format!(
                "{function}() takes either scores, or text{}, not several at once.",
                if counts.is_empty() { "" } else { ", or counts" }
            ),
        ));
    }
    if let Some(s) = scores {
        return Ok(Source::Scores(s));
    }
    if let Some(t) = text {
        return Ok(Source::Text(t));
    }
    if has_counts {
        return Ok(Source::Counts);
    }
    let counts_hint = if counts.is_empty() {
        String::new()
    } else {
        format!(", or the counts {}", counts.join(", "))
    };
    Err(Error::new(
        Code::MissingInput,
        format!(
            "{function}() needs scores (a list of answers), text (pasted answers){counts_hint}."
        ),
    ))
}

/// Reads scores from text and runs the calculator on them, keeping the report.
fn from_text<T, R>(
    args: &Args,
    text: &str,
    check: impl Fn(f64, usize) -> Result<T>,
    compute: impl FnOnce(&[T]) -> Result<R>,
) -> Result<Output<R>> {
    // `locale` is accepted for every text (API.md); answers are whole numbers,
    // so `9,0` and `9.0` read the same whatever it says.
    args.locale()?;
    let columns = args.columns()?;
    let ScoreColumn {
        values,
        column,
        rows,
        skipped,
    } = read_scores(text, columns.get("score"), check)?;
    let result = compute(&values)?;
    Ok(Output {
        result,
        input: Some(RowReport {
            rows,
            used: values.len(),
            skipped,
            column,
            group_column: None,
        }),
    })
}

/// `crr({ startCustomers, endCustomers, newCustomers })`
pub fn crr(input: &Value) -> Result<Output<crr::Crr>> {
    let args = Args::new(input, &fields::CRR)?;
    let start = args.required_count("startCustomers")?;
    let end = args.required_count("endCustomers")?;
    let new = args.required_count("newCustomers")?;
    crr::crr(start, end, new).map(Output::plain)
}

/// `clv({ averageOrderValue, purchasesPerYear, lifespanYears, grossMarginPercent? })`
pub fn clv(input: &Value) -> Result<Output<clv::Clv>> {
    let args = Args::new(input, &fields::CLV)?;
    clv::clv(
        args.required_number("averageOrderValue")?,
        args.required_number("purchasesPerYear")?,
        args.required_number("lifespanYears")?,
        args.number("grossMarginPercent")?,
    )
    .map(Output::plain)
}

/// `nps({ scores } | { text, columns? } | { promoters, passives, detractors })`
pub fn nps(input: &Value) -> Result<Output<nps::Nps>> {
    let counts = ["promoters", "passives", "detractors"];
    let args = Args::new(input, &fields::NPS)?;
    match source(&args, "nps", &counts)? {
        Source::Scores(s) => nps::from_scores(&s).map(Output::plain),
        Source::Text(t) => from_text(&args, t, nps::check_score, |v| {
            nps::from_scores(&v.iter().map(|&s| s as f64).collect::<Vec<_>>())
        }),
        Source::Counts => nps::from_counts(
            args.count("promoters")?.unwrap_or(0),
            args.count("passives")?.unwrap_or(0),
            args.count("detractors")?.unwrap_or(0),
        )
        .map(Output::plain),
    }
}

/// `ces({ scores | text, scaleMin?, scaleMax?, highIsEasy?, columns? })`
pub fn ces(input: &Value) -> Result<Output<ces::Ces>> {
    let args = Args::new(input, &fields::CES)?;
    let default = Scale::default();
    let scale = Scale::new(
        args.count("scaleMin")?
            .map_or(default.min, |v| v.min(u32::MAX as u64) as u32),
        args.count("scaleMax")?
            .map_or(default.max, |v| v.min(u32::MAX as u64) as u32),
        args.boolean("highIsEasy")?.unwrap_or(default.high_is_easy),
    )?;
    match source(&args, "ces", &[])? {
        Source::Text(t) => from_text(
            &args,
            t,
            |v, row| scale.check(v, row),
            |v| ces::ces(&v.iter().map(|&s| s as f64).collect::<Vec<_>>(), scale),
        ),
        Source::Scores(s) => ces::ces(&s, scale).map(Output::plain),
        Source::Counts => unreachable_counts(),
    }
}

/// `csat({ scores | text, scaleMax?, columns? })`
pub fn csat(input: &Value) -> Result<Output<csat::Csat>> {
    let args = Args::new(input, &fields::CSAT)?;
    let scale_max = args
        .count("scaleMax")?
        .map_or(5, |v| v.min(u32::MAX as u64) as u32);
    csat::check_scale(scale_max)?;
    match source(&args, "csat", &[])? {
        Source::Text(t) => from_text(
            &args,
            t,
            |v, row| csat::check_score(v, scale_max, row),
            |v| csat::csat(&v.iter().map(|&s| s as f64).collect::<Vec<_>>(), scale_max),
        ),
        Source::Scores(s) => csat::csat(&s, scale_max).map(Output::plain),
        Source::Counts => unreachable_counts(),
    }
}

/// FCR's result: with `tables`, today's figures and what a ticket export
/// said (`tickets::FcrReport`); the widget's small build has today's only.
#[cfg(feature = "tables")]
pub type FcrResult = tickets::FcrReport;
#[cfg(not(feature = "tables"))]
pub type FcrResult = fcr::Fcr;

#[cfg(feature = "tables")]
fn fcr_plain(base: fcr::Fcr) -> FcrResult {
    tickets::plain(base)
}
#[cfg(not(feature = "tables"))]
fn fcr_plain(base: fcr::Fcr) -> FcrResult {
    base
}

/// `fcr({ resolvedFirstContact, totalTickets } | { text, groupBy?, columns?,
/// slaMinutes?, slaTargetPercent? })`
pub fn fcr(input: &Value) -> Result<Output<FcrResult>> {
    let args = Args::new(input, &fields::FCR)?;
    let Some(text) = args.text("text")? else {
        if args.has("groupBy") || args.has("columns") {
            return Err(Error::field(
                Code::MissingField,
                "text",
                "groupBy and columns work on a pasted ticket log: give text as well.",
            ));
        }
        if args.has("slaMinutes") || args.has("slaTargetPercent") {
            return Err(Error::field(
                Code::MissingField,
                "text",
                "slaMinutes and slaTargetPercent work on a pasted ticket export: give text as well.",
            ));
        }
        let resolved = args.required_count("resolvedFirstContact")?;
        let total = args.required_count("totalTickets")?;
        return fcr::fcr(resolved, total).map(|r| Output::plain(fcr_plain(r)));
    };
    if args.has("resolvedFirstContact") || args.has("totalTickets") {
        return Err(Error::new(
            Code::ConflictingInputs,
            "fcr() takes either the counts resolvedFirstContact and totalTickets, or text, not both.",
        ));
    }
    #[cfg(feature = "tables")]
    return tickets::fcr_from_text(&args, text);
    #[cfg(not(feature = "tables"))]
    fcr_from_log(&args, text)
}

/// The widget's reading of a ticket log: a yes/no or contacts column decides
/// every ticket (no statuses, layouts or service times).
#[cfg(not(feature = "tables"))]
fn fcr_from_log(args: &Args, text: &str) -> Result<Output<FcrResult>> {
    use crate::input::tickets;
    args.locale()?;
    let columns = args.columns()?;
    let group_by = args
        .column_ref("groupBy")?
        .or_else(|| columns.get("group").cloned());
    let table = Table::read(text);
    let cols = tickets::find_columns(
        &table,
        columns.get("resolved"),
        columns.get("contacts"),
        group_by.as_ref(),
    )?;
    let mut tally = fcr::Tally::default();
    let (rows, skipped) = table.each_row(|r| {
        let ok = tickets::resolved_at_first_contact(r, &cols)?;
        tally.add(ok, cols.group.map(|g| r.get(g)));
        Ok(())
    });
    let used = rows - skipped.len();
    if used == 0 {
        return Err(Error::field(
            Code::NoUsableRows,
            "text",
            format!("None of the {rows} row(s) says whether a ticket was resolved; see the skipped rows."),
        )
        .with("rows", rows)
        .with_skipped(skipped));
    }
    let deciding = cols.resolved.or(cols.contacts).unwrap_or(0);
    Ok(Output {
        result: tally.finish()?,
        input: Some(RowReport {
            rows,
            used,
            skipped,
            column: ColumnInfo {
                index: deciding,
                name: table.column_name(deciding),
            },
            group_column: cols.group.map(|g| ColumnInfo {
                index: g,
                name: table.column_name(g),
            }),
        }),
    })
}

/// `source` with no count fields never answers `Counts`.
fn unreachable_counts<T>() -> Result<T> {
    Err(Error::new(Code::MissingInput, "Give scores or text."))
}
