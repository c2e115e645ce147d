//! The API of API.md in plain Rust: each function takes the call's input
//! object (a [`Value`]) and returns a serializable result. The WebAssembly
//! binding only converts to and from JavaScript; native callers use these
//! directly (or the typed calculators in [`crate::metrics`]).

pub mod args;
#[cfg(feature = "analytics")]
pub mod columns;
#[cfg(feature = "analytics")]
pub mod defaults;
pub mod fields;
#[cfg(feature = "analytics")]
pub mod goals;
#[cfg(feature = "analytics")]
pub mod log;
#[cfg(feature = "analytics")]
pub mod predict;
#[cfg(feature = "analytics")]
pub mod scores;
#[cfg(feature = "analytics")]
pub mod subscription;
#[cfg(feature = "analytics")]
mod summary;
#[cfg(feature = "tables")]
pub mod surveys;
#[cfg(feature = "tables")]
pub mod table;
#[cfg(feature = "tables")]
pub mod tickets;
#[cfg(feature = "analytics")]
pub mod trends;
#[cfg(feature = "xlsx")]
pub mod workbook;

pub use args::{Args, Value};
#[cfg(feature = "analytics")]
pub use defaults::defaults;
#[cfg(feature = "analytics")]
pub use log::{
    analyze_log, clv_from_log, cohorts, lifecycle, retention, rfm, AnalyzeStream, Encoding,
};
#[cfg(feature = "analytics")]
pub use predict::predict_clv;
#[cfg(feature = "analytics")]
pub use subscription::subscription_retention;
#[cfg(feature = "tables")]
pub use table::{parse_table, ParsedTable, PreviewRow, PreviewValue};
#[cfg(feature = "analytics")]
pub use trends::trends;
#[cfg(feature = "xlsx")]
pub use workbook::read_workbook;

use crate::error::{Code, Error, Result, Skipped};
use crate::input::scores::ColumnInfo;
#[cfg(not(feature = "tables"))]
use crate::input::scores::{read_scores, ScoreColumn};
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
    /// The goal (`target`) and acquisition figures, in the page's module only.
    #[cfg(feature = "analytics")]
    #[serde(flatten)]
    pub extra: goals::Extra,
}

impl<T> Output<T> {
    fn plain(result: T) -> Self {
        Output {
            result,
            input: None,
            #[cfg(feature = "analytics")]
            extra: goals::Extra::default(),
        }
    }
}

/// What `nps`, `ces` and `csat` return: in the page's module (feature
/// `tables`), from text, with their groups, label mapping and comments
/// (`surveys`); in the widget's small one, the result and its row report.
#[cfg(feature = "tables")]
pub type NpsOutput = surveys::SurveyOutput<nps::Nps, survey::NpsByGroup>;
#[cfg(feature = "tables")]
pub type CesOutput = surveys::SurveyOutput<ces::Ces, survey::CesByGroup>;
#[cfg(feature = "tables")]
pub type CsatOutput = surveys::SurveyOutput<csat::Csat, survey::CsatByGroup>;
#[cfg(not(feature = "tables"))]
pub type NpsOutput = Output<nps::Nps>;
#[cfg(not(feature = "tables"))]
pub type CesOutput = Output<ces::Ces>;
#[cfg(not(feature = "tables"))]
pub type CsatOutput = Output<csat::Csat>;

/// A survey's result from scores or counts (no row report, no survey report).
fn survey_plain<T, O: From<Output<T>>>(result: T) -> O {
    Output::plain(result).into()
}

/// `groupBy` of a survey (the page's module; the widget's small one does not
/// declare it, so there it is an unknown field).
#[cfg(feature = "tables")]
fn survey_group_by(args: &Args) -> Result<Option<crate::input::ColumnRef>> {
    args.column_ref("groupBy")
}

#[cfg(not(feature = "tables"))]
fn survey_group_by(_: &Args) -> Result<Option<crate::input::ColumnRef>> {
    Ok(None)
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

/// Reads scores from text and runs the calculator on them, keeping the report
/// (the widget's small module; the page's reads surveys in `surveys`).
#[cfg(not(feature = "tables"))]
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
        #[cfg(feature = "analytics")]
        extra: goals::Extra::default(),
    })
}

/// `crr({ startCustomers, endCustomers, newCustomers })`
pub fn crr(input: &Value) -> Result<Output<crr::Crr>> {
    let args = Args::new(input, &fields::CRR)?;
    let start = args.required_count("startCustomers")?;
    let end = args.required_count("endCustomers")?;
    let new = args.required_count("newCustomers")?;
    let out = crr::crr(start, end, new).map(Output::plain);
    #[cfg(feature = "analytics")]
    let out = out.and_then(|o| goals::crr(&args, o, start));
    out
}

/// `clv({ averageOrderValue, purchasesPerYear, lifespanYears, grossMarginPercent? })`
pub fn clv(input: &Value) -> Result<Output<clv::Clv>> {
    let args = Args::new(input, &fields::CLV)?;
    let out = clv::clv(
        args.required_number("averageOrderValue")?,
        args.required_number("purchasesPerYear")?,
        args.required_number("lifespanYears")?,
        args.number("grossMarginPercent")?,
    )
    .map(Output::plain);
    #[cfg(feature = "analytics")]
    let out = out.and_then(|o| goals::clv(&args, o));
    out
}

/// `nps({ scores } | { text, columns? } | { promoters, passives, detractors })`
// The widget reads no group: `group_by` is only checked there.
#[cfg_attr(not(feature = "tables"), allow(unused_variables))]
pub fn nps(input: &Value) -> Result<NpsOutput> {
    let counts = ["promoters", "passives", "detractors"];
    let args = Args::new(input, &fields::NPS)?;
    let group_by = survey_group_by(&args)?;
    let out = match source(&args, "nps", &counts)? {
        Source::Scores(s) => nps::from_scores(&s).map(survey_plain),
        #[cfg(feature = "tables")]
        Source::Text(t) => surveys::nps_text(&args, t, group_by.as_ref()),
        #[cfg(not(feature = "tables"))]
        Source::Text(t) => from_text(&args, t, nps::check_score, |v| {
            nps::from_scores(&v.iter().map(|&s| s as f64).collect::<Vec<_>>())
        }),
        Source::Counts => nps::from_counts(
            args.count("promoters")?.unwrap_or(0),
            args.count("passives")?.unwrap_or(0),
            args.count("detractors")?.unwrap_or(0),
        )
        .map(survey_plain),
    };
    #[cfg(feature = "analytics")]
    let out = out.and_then(|o| goals::nps(&args, o));
    out
}

/// `ces({ scores | text, scaleMin?, scaleMax?, highIsEasy?, columns? })`
// The widget reads no group: `group_by` is only checked there.
#[cfg_attr(not(feature = "tables"), allow(unused_variables))]
pub fn ces(input: &Value) -> Result<CesOutput> {
    let args = Args::new(input, &fields::CES)?;
    let default = Scale::default();
    let given_max = args
        .count("scaleMax")?
        .map(|v| v.min(u32::MAX as u64) as u32);
    let scale = Scale::new(
        args.count("scaleMin")?
            .map_or(default.min, |v| v.min(u32::MAX as u64) as u32),
        given_max.unwrap_or(default.max),
        args.boolean("highIsEasy")?.unwrap_or(default.high_is_easy),
    )?;
    let group_by = survey_group_by(&args)?;
    let out = match source(&args, "ces", &[])? {
        #[cfg(feature = "tables")]
        Source::Text(t) => {
            surveys::ces_text(&args, t, given_max, scale.high_is_easy, group_by.as_ref())
        }
        #[cfg(not(feature = "tables"))]
        Source::Text(t) => from_text(
            &args,
            t,
            |v, row| scale.check(v, row),
            |v| ces::ces(&v.iter().map(|&s| s as f64).collect::<Vec<_>>(), scale),
        ),
        Source::Scores(s) => ces::ces(&s, scale).map(survey_plain),
        Source::Counts => unreachable_counts(),
    };
    #[cfg(feature = "analytics")]
    let out = out.and_then(|o| goals::ces(&args, o, scale));
    out
}

/// `csat({ scores | text, scaleMax?, columns? })`
// The widget reads no group: `group_by` is only checked there.
#[cfg_attr(not(feature = "tables"), allow(unused_variables))]
pub fn csat(input: &Value) -> Result<CsatOutput> {
    let args = Args::new(input, &fields::CSAT)?;
    let given_max = args
        .count("scaleMax")?
        .map(|v| v.min(u32::MAX as u64) as u32);
    let scale_max = given_max.unwrap_or(5);
    csat::check_scale(scale_max)?;
    let group_by = survey_group_by(&args)?;
    let out = match source(&args, "csat", &[])? {
        #[cfg(feature = "tables")]
        Source::Text(t) => {
            surveys::csat_text(&args, t, scale_max, given_max.is_some(), group_by.as_ref())
        }
        #[cfg(not(feature = "tables"))]
        Source::Text(t) => from_text(
            &args,
            t,
            |v, row| csat::check_score(v, scale_max, row),
            |v| csat::csat(&v.iter().map(|&s| s as f64).collect::<Vec<_>>(), scale_max),
        ),
        Source::Scores(s) => csat::csat(&s, scale_max).map(survey_plain),
        Source::Counts => unreachable_counts(),
    };
    #[cfg(feature = "analytics")]
    let out = out.and_then(|o| goals::csat(&args, o));
    out
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
    let out = fcr_of(&args);
    #[cfg(feature = "analytics")]
    let out = out.and_then(|o| goals::fcr(&args, o));
    out
}

/// `fcr` from its checked fields.
fn fcr_of(args: &Args) -> Result<Output<FcrResult>> {
    let Some(text) = args.text("text")? else {
        if args.has("groupBy") || args.has("columns") {
            return Err(Error::field(
                Code::MissingField,
                "text",
                "groupBy and columns work on a pasted ticket log: give text as well.",
            ));
        }
        #[cfg(feature = "tables")]
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
    return tickets::fcr_from_text(args, text);
    #[cfg(not(feature = "tables"))]
    fcr_from_log(args, text)
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
        return Err(tickets::no_usable_tickets(rows, skipped));
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
        #[cfg(feature = "analytics")]
        extra: goals::Extra::default(),
    })
}

/// `source` with no count fields never answers `Counts`.
fn unreachable_counts<T>() -> Result<T> {
    Err(Error::new(Code::MissingInput, "Give scores or text."))
}
