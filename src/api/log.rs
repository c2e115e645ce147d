//! The transaction-log functions of the API: `rfm`, `retention`, `cohorts`,
//! `clvFromLog`, `lifecycle`, and `analyzeLog` (all of them from one reading
//! of the log, for the page). Each reads the pasted log once, row by row,
//! into a per-customer summary, then runs the calculators of
//! [`crate::metrics`] on it.

use super::summary::read_either;
use super::{fields, Args, Value};
use crate::error::{number, Code, Error, Notice, Notices, Result, Skipped};
use crate::input::columns::Column;
use crate::input::currency::{Currency, ALL as CURRENCIES};
use crate::input::log::{read_log, CurrencyChoice, LogOptions, LogReport, SalesReport};
pub use crate::input::stream::Encoding;
use crate::input::stream::LogStream;
use crate::metrics::log::{month_end, month_index, month_start, Summarizer, Summary};
use crate::metrics::{clv_log, cohorts, lifecycle, retention, rfm};
use chrono::NaiveDate;
use serde::Serialize;

/// The row accounting of a log, how its columns were understood, and the
/// sales figures of the reading (orders, statuses, guests, currency).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogInput {
    pub rows: usize,
    pub used: usize,
    pub skipped: Vec<Skipped>,
    pub columns: Vec<Column>,
    /// The store export layout recognised (`shopee`, `tokopedia`,
    /// `tiktokShop`, `lazada`, `shopify`, `woocommerce`, `pos`), or null.
    pub layout: Option<&'static str>,
    pub layout_name: Option<&'static str>,
    pub header_row: Option<usize>,
    pub title_rows: usize,
    pub sales: SalesReport,
    pub currency: CurrencyChoice,
    /// Each customer's engagement figure, from the log's engagement column.
    #[serde(skip)]
    pub engagement: Option<rustc_hash::FxHashMap<String, f64>>,
    /// Serialised as `notices`, unless the result holds them (see [`LogNotices`]).
    #[serde(flatten)]
    pub notices: LogNotices,
}

/// The notices of reading a log. A result with notices of its own
/// (`retention`, `clvFromLog`) lists these first in its one `notices` list,
/// and then they are not serialised here a second time.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogNotices {
    pub list: Vec<Notice>,
    in_result: bool,
}

impl LogNotices {
    /// Hands the notices to a result's `notices` (which then lists them first).
    pub(crate) fn hand_to(&mut self, result: &mut Notices) {
        result.input = self.list.clone();
        self.in_result = true;
    }
}

impl std::ops::Deref for LogNotices {
    type Target = Vec<Notice>;
    fn deref(&self) -> &Vec<Notice> {
        &self.list
    }
}

impl std::ops::DerefMut for LogNotices {
    fn deref_mut(&mut self) -> &mut Vec<Notice> {
        &mut self.list
    }
}

impl Serialize for LogNotices {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("LogNotices", 1)?;
        if !self.in_result {
            s.serialize_field("notices", &self.list)?;
        }
        s.end()
    }
}

/// A result computed from a log, with the log's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FromLog<T> {
    #[serde(flatten)]
    pub result: T,
    #[serde(flatten)]
    pub input: LogInput,
}

/// The roles a log's `columns` mapping may name.
pub use super::fields::LOG_ROLES;

/// How to read the log of `args`: locale, mapping, statuses, currency.
pub fn log_options(args: &Args) -> Result<LogOptions> {
    let currency = log_options_currency(args)?;
    Ok(LogOptions {
        locale: args.locale()?,
        mapped: args.columns()?.into_map(),
        count_statuses: args.texts("countStatuses")?.unwrap_or_default(),
        exclude_statuses: args.texts("excludeStatuses")?.unwrap_or_default(),
        currency,
    })
}

/// The `currency` option: an ISO code, or none for `"auto"` or absent.
pub(super) fn log_options_currency(args: &Args) -> Result<Option<Currency>> {
    Ok(match args.text("currency")? {
        None => None,
        Some(code) if code.trim().eq_ignore_ascii_case("auto") => None,
        Some(code) => Some(Currency::from_code(code).ok_or_else(|| {
            Error::field(
                Code::InvalidOption,
                "currency",
                format!(
                    "currency must be one of {} (or \"auto\"), not \"{code}\".",
                    CURRENCIES.map(Currency::code).join(", ")
                ),
            )
        })?),
    })
}

/// Reads the log of `args` into a summary, with its report.
pub(crate) fn read(args: &Args) -> Result<(Summary, LogInput)> {
    let text = args.text("text")?.ok_or_else(|| {
        Error::field(
            Code::MissingField,
            "text",
            "text is required: paste your sales log (rfm, lifecycle and clvFromLog also take summary, a customer summary table).",
        )
    })?;
    let options = log_options(args)?;
    let mut summarizer = Summarizer::default();
    let report = read_log(text, &options, |row| add_row(&mut summarizer, row))?;
    into_input(report, summarizer)
}

/// One order the reader hands over, into the summary (its id only where
/// other rows may carry it too).
fn add_row(summarizer: &mut Summarizer, row: crate::input::log::LogRow) {
    summarizer.add(
        row.customer,
        row.date,
        row.amount,
        row.shared_order(),
        row.line,
    )
}

/// The summary and report of a log read (whole or in blocks).
fn into_input(report: LogReport, summarizer: Summarizer) -> Result<(Summary, LogInput)> {
    let used = report.rows - report.skipped.len();
    if used == 0 {
        return Err(Error::field(
            Code::NoUsableRows,
            "text",
            format!(
                "None of the {} row(s) of the log could be used; see the skipped rows.",
                report.rows
            ),
        )
        .with("rows", report.rows)
        .with_skipped(report.skipped));
    }
    let summary = summarizer.finish();
    let mut notices = report.notices;
    notices.extend(plausibility(&summary));
    let input = LogInput {
        rows: report.rows,
        used,
        skipped: report.skipped,
        columns: report.layout.columns,
        layout: report.known.map(|k| k.0),
        layout_name: report.known.map(|k| k.1),
        header_row: report.header_row,
        title_rows: report.title_rows,
        sales: report.sales,
        currency: report.currency,
        engagement: report.engagement,
        notices: LogNotices {
            list: notices,
            in_result: false,
        },
    };
    Ok((summary, input))
}

/// Warnings when the customers read look implausible: most of them with
/// dozens of orders (products or shops taken as customers), or one of them
/// holding most of the revenue.
pub(super) fn plausibility(summary: &Summary) -> Vec<Notice> {
    let mut notices = Vec::new();
    let mut orders: Vec<u32> = summary.purchasers().map(|c| c.orders).collect();
    let n = orders.len();
    if n >= 2 {
        orders.sort_unstable();
        let median = orders[n / 2];
        if median >= 20 {
            notices.push(
                Notice::new(
                    Code::ManyOrdersPerCustomer,
                    format!(
                        "Most customers have {median} or more orders: check that the customer column holds buyers, not products or shops."
                    ),
                )
                .with("median", median as usize)
                .with("customers", n),
            );
        }
    }
    let total: f64 = summary.purchasers().map(|c| c.total.max(0.0)).sum();
    if n >= 5 && total > 0.0 {
        if let Some(top) = summary
            .purchasers()
            .max_by(|a, b| a.total.total_cmp(&b.total))
        {
            let share = top.total / total * 100.0;
            if share >= 50.0 {
                notices.push(
                    Notice::new(
                        Code::DominantCustomer,
                        format!(
                            "One customer, \"{}\", holds {}% of the revenue: check that the customer column is right.",
                            top.customer,
                            number((share * 10.0).round() / 10.0)
                        ),
                    )
                    .with("customer", top.customer.as_str())
                    .with("percent", share),
                );
            }
        }
    }
    notices
}

/// An ISO date field (`YYYY-MM-DD`), if given.
fn date(args: &Args, key: &str) -> Result<Option<NaiveDate>> {
    args.date(key, ", such as 2025-06-30")
}

/// `method`, if given (see [`rfm_method`] for the default).
fn method(args: &Args) -> Result<Option<rfm::RfmMethod>> {
    match args.text("method")? {
        None => Ok(None),
        Some("fixed") => Ok(Some(rfm::RfmMethod::Fixed)),
        Some("quintile") => Ok(Some(rfm::RfmMethod::Quintile)),
        Some(other) => Err(Error::field(
            Code::InvalidOption,
            "method",
            format!("method must be \"fixed\" or \"quintile\", not \"{other}\"."),
        )),
    }
}

/// The RFM method: the caller's, else the fixed table of METRICS.md §7 —
/// whose monetary edges are rupiah — unless the amounts are in another
/// currency or the customers' spending sits far outside those edges (the
/// median customer below a tenth of the lowest or above ten times the
/// highest): then quintiles, with a notice saying why.
fn rfm_method(
    chosen: Option<rfm::RfmMethod>,
    summary: &Summary,
    input: &mut LogInput,
    thresholds: &rfm::Thresholds,
) -> rfm::RfmMethod {
    if let Some(m) = chosen {
        return m;
    }
    let code = input.currency.code;
    if code != "IDR" {
        input.notices.push(
            Notice::new(
                Code::RfmQuintileForCurrency,
                format!(
                    "The amounts are in {code}, and the fixed RFM spending scores are in rupiah: customers are scored by quintiles instead."
                ),
            )
            .with("currency", code),
        );
        return rfm::RfmMethod::Quintile;
    }
    let mut totals: Vec<f64> = summary.purchasers().map(|c| c.total).collect();
    if totals.is_empty() {
        return rfm::RfmMethod::Fixed;
    }
    totals.sort_by(f64::total_cmp);
    let median = totals[totals.len() / 2];
    let (high, low) = (thresholds.monetary[0], thresholds.monetary[3]);
    if median < low / 10.0 || median > high * 10.0 {
        input.notices.push(
            Notice::new(
                Code::RfmQuintileForSpending,
                format!(
                    "The median customer spent {}, far from the fixed RFM spending scores ({} to {}): customers are scored by quintiles instead.",
                    number(median),
                    number(low),
                    number(high)
                ),
            )
            .with("median", median),
        );
        return rfm::RfmMethod::Quintile;
    }
    rfm::RfmMethod::Fixed
}

/// `thresholds: { recency?: [4 days], frequency?: [4 orders], monetary?: [4 amounts] }`,
/// each list highest score first; missing lists keep their defaults.
fn thresholds(args: &Args) -> Result<rfm::Thresholds> {
    let mut t = rfm::Thresholds::default();
    let Some(inner) = args.nested("thresholds")? else {
        return Ok(t);
    };
    let four = |key: &str| -> Result<Option<[f64; 4]>> {
        let field = format!("thresholds.{key}");
        match inner.numbers(key) {
            Ok(None) => Ok(None),
            Ok(Some(v)) => <[f64; 4]>::try_from(v.as_slice()).map(Some).map_err(|_| {
                Error::field(
                    Code::InvalidThresholds,
                    &field,
                    format!(
                        "{field} must list 4 edges, for scores 5, 4, 3 and 2 (got {}).",
                        v.len()
                    ),
                )
                .with("got", v.len())
            }),
            Err(mut e) => {
                e.field = Some(field);
                Err(e)
            }
        }
    };
    let whole = |key: &str, v: [f64; 4]| -> Result<[u32; 4]> {
        if v.iter()
            .all(|x| *x >= 0.0 && x.fract() == 0.0 && *x <= u32::MAX as f64)
        {
            Ok(v.map(|x| x as u32))
        } else {
            Err(Error::field(
                Code::InvalidThresholds,
                &format!("thresholds.{key}"),
                format!("thresholds.{key} must be whole numbers, 0 or more."),
            ))
        }
    };
    if let Some(v) = four("recency")? {
        t.recency = whole("recency", v)?;
    }
    if let Some(v) = four("frequency")? {
        t.frequency = whole("frequency", v)?;
    }
    if let Some(v) = four("monetary")? {
        t.monetary = v;
    }
    t.check()?;
    Ok(t)
}

fn mode(args: &Args) -> Result<retention::RetentionMode> {
    match args.text("mode")? {
        None | Some("periodOverPeriod") => Ok(retention::RetentionMode::PeriodOverPeriod),
        Some("activeBase") => Ok(retention::RetentionMode::ActiveBase),
        Some(other) => Err(Error::field(
            Code::InvalidOption,
            "mode",
            format!("mode must be \"periodOverPeriod\" or \"activeBase\", not \"{other}\"."),
        )),
    }
}

fn active_days(args: &Args) -> Result<Option<u32>> {
    Ok(args
        .count("activeDays")?
        .map(|d| d.min(u32::MAX as u64) as u32))
}

/// The default retention period: the last whole calendar month in the data
/// (the month of the last date when that date is the month's last day,
/// otherwise the month before).
pub fn default_period(summary: &Summary) -> Option<(NaiveDate, NaiveDate)> {
    let last = summary.last_date?;
    let m = month_index(last);
    let m = if month_end(m) == Some(last) { m } else { m - 1 };
    Some((month_start(m)?, month_end(m)?))
}

fn period(args: &Args, summary: &Summary) -> Result<(NaiveDate, NaiveDate)> {
    match (date(args, "periodStart")?, date(args, "periodEnd")?) {
        (Some(s), Some(e)) => Ok((s, e)),
        (Some(_), None) => Err(Error::field(
            Code::MissingField,
            "periodEnd",
            "periodEnd is required with periodStart.",
        )),
        (None, Some(_)) => Err(Error::field(
            Code::MissingField,
            "periodStart",
            "periodStart is required with periodEnd.",
        )),
        (None, None) => default_period(summary).ok_or_else(|| {
            Error::field(
                Code::MissingField,
                "periodStart",
                "periodStart and periodEnd are required.",
            )
        }),
    }
}

/// `rfm({ text, asOf?, method?, thresholds?, locale?, columns? })`
pub fn rfm(input: &Value) -> Result<FromLog<rfm::Rfm>> {
    let args = Args::new(input, &fields::RFM)?;
    let (as_of, method, thresholds) = (date(&args, "asOf")?, method(&args)?, thresholds(&args)?);
    let (summary, mut input) = read_either(&args, "rfm")?;
    let method = rfm_method(method, &summary, &mut input, &thresholds);
    let result = rfm::rfm(&summary, as_of, method, &thresholds)?;
    Ok(FromLog { result, input })
}

/// `retention({ text, periodStart, periodEnd, mode?, activeDays?, locale?, columns? })`
pub fn retention(input: &Value) -> Result<FromLog<retention::Retention>> {
    let args = Args::new(input, &fields::RETENTION)?;
    let start = date(&args, "periodStart")?.ok_or_else(|| {
        Error::field(
            Code::MissingField,
            "periodStart",
            "periodStart is required (YYYY-MM-DD).",
        )
    })?;
    let end = date(&args, "periodEnd")?.ok_or_else(|| {
        Error::field(
            Code::MissingField,
            "periodEnd",
            "periodEnd is required (YYYY-MM-DD).",
        )
    })?;
    let (mode, days) = (mode(&args)?, active_days(&args)?);
    let (summary, mut input) = read(&args)?;
    let mut result = retention::retention(&summary, start, end, mode, days)?;
    input.notices.hand_to(&mut result.notices);
    Ok(FromLog { result, input })
}

/// `cohorts({ text, period?, locale?, columns? })`: `period` is "month" (the only one).
pub fn cohorts(input: &Value) -> Result<FromLog<cohorts::Cohorts>> {
    let args = Args::new(input, &fields::COHORTS)?;
    cohort_period(&args)?;
    let (summary, input) = read(&args)?;
    Ok(FromLog {
        result: cohorts::cohorts(&summary)?,
        input,
    })
}

fn cohort_period(args: &Args) -> Result<()> {
    match args.text("period")? {
        None | Some("month") => Ok(()),
        Some(other) => Err(Error::field(
            Code::InvalidOption,
            "period",
            format!("period must be \"month\" (cohorts are by month of first purchase), not \"{other}\"."),
        )),
    }
}

/// `clvFromLog({ text, lifespanYears?, grossMarginPercent?, locale?, columns? })`
pub fn clv_from_log(input: &Value) -> Result<FromLog<clv_log::ClvLog>> {
    let args = Args::new(input, &fields::CLV_FROM_LOG)?;
    let (years, margin) = (
        args.number("lifespanYears")?,
        args.number("grossMarginPercent")?,
    );
    let (summary, mut input) = read_either(&args, "clvFromLog")?;
    let mut result = clv_log::clv_log(&summary, years, margin)?;
    input.notices.hand_to(&mut result.notices);
    Ok(FromLog { result, input })
}

/// `lifecycle({ text, asOf?, locale?, columns? })`
pub fn lifecycle(input: &Value) -> Result<FromLog<lifecycle::Lifecycle>> {
    let args = Args::new(input, &fields::LIFECYCLE)?;
    let as_of = date(&args, "asOf")?;
    let (summary, input) = read_either(&args, "lifecycle")?;
    Ok(FromLog {
        result: lifecycle::lifecycle(&summary, as_of)?,
        input,
    })
}

/// One part of `analyzeLog`: its result, or why it could not be computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Part<T> {
    Done(T),
    Failed { error: Error },
}

impl<T> From<Result<T>> for Part<T> {
    fn from(r: Result<T>) -> Self {
        match r {
            Ok(v) => Part::Done(v),
            Err(error) => Part::Failed { error },
        }
    }
}

/// Everything the page shows about a log, from one reading of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub rfm: Part<rfm::Rfm>,
    pub retention: Part<retention::Retention>,
    pub repeat: Part<retention::RepeatStats>,
    pub cohorts: Part<cohorts::Cohorts>,
    pub clv: Part<clv_log::ClvLog>,
    pub lifecycle: Part<lifecycle::Lifecycle>,
    /// Health, churn risk and the call list (`api::scores`).
    pub scores: Part<super::scores::ScoresPart>,
    /// CAC from `marketingSpend` (absent without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acquisition: Option<Part<super::scores::LogAcquisition>>,
    /// Per month (or week, `granularity`): see `trends()`.
    pub trends: Part<crate::metrics::trends::Trends>,
    /// The first and last dates of the rows used (ISO).
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub customers: usize,
    /// `tables: true`: the RFM and lifecycle customers as columns. The
    /// WebAssembly binding hands them over as typed arrays itself (so the
    /// module carries no serializer for them).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    #[cfg_attr(target_arch = "wasm32", serde(skip))]
    pub tables: Option<super::columns::CustomerTables>,
}

/// `analyzeLog({ text, asOf?, method?, thresholds?, periodStart?, periodEnd?,
/// mode?, activeDays?, lifespanYears?, grossMarginPercent?, locale?, columns? })`:
/// RFM, retention (default period: the last whole month in the data), repeat
/// purchase figures, cohorts, CLV from the log and the lifecycle, each as its
/// result or `{ error }`. Bad options are errors before the log is read.
pub fn analyze_log(input: &Value) -> Result<FromLog<Analysis>> {
    let args = Args::new(input, &fields::ANALYZE_LOG)?;
    let options = AnalyzeOptions::of(&args)?;
    let (summary, input) = read(&args)?;
    analyze(&args, options, summary, input)
}

/// The options of `analyzeLog`, checked before the log is read.
struct AnalyzeOptions<'a> {
    as_of: Option<NaiveDate>,
    method: Option<rfm::RfmMethod>,
    thresholds: rfm::Thresholds,
    mode: retention::RetentionMode,
    days: Option<u32>,
    years: Option<f64>,
    margin: Option<f64>,
    survey: super::scores::SurveyOptions<'a>,
    granularity: crate::metrics::trends::Granularity,
    omit: Omit,
    tables: bool,
}

/// The per-customer lists `analyzeLog`'s `omit` leaves empty: a caller that
/// shows the figures without some of the lists (the page's worker, which
/// keeps the RFM and lifecycle tables and the 20 lowest health scores) need
/// not have the others turned into objects (a third of the page's time for a
/// log of 100,000 customers).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Omit {
    rfm: bool,
    clv: bool,
    scores: bool,
    lifecycle: bool,
}

/// What `omit` may name, in the order of [`Omit`]'s fields.
const OMITTABLE: [&str; 4] = [
    "rfm.customers",
    "clv.customers",
    "scores.customers",
    "lifecycle.customers",
];

fn omit(args: &Args) -> Result<Omit> {
    let mut o = Omit::default();
    for name in args.texts("omit")?.unwrap_or_default() {
        // The flags in the order of OMITTABLE.
        let flags = [&mut o.rfm, &mut o.clv, &mut o.scores, &mut o.lifecycle];
        let Some(flag) = OMITTABLE
            .iter()
            .position(|k| *k == name)
            .and_then(|i| flags.into_iter().nth(i))
        else {
            return Err(Error::field(
                Code::InvalidOption,
                "omit",
                format!(
                    "omit may name {}, not \"{name}\".",
                    OMITTABLE.map(|k| format!("\"{k}\"")).join(", ")
                ),
            ));
        };
        *flag = true;
    }
    Ok(o)
}

impl Analysis {
    /// Empties the lists `omit` names.
    fn omit(&mut self, o: Omit) {
        if let (true, Part::Done(p)) = (o.rfm, &mut self.rfm) {
            p.customers = Vec::new();
        }
        if let (true, Part::Done(p)) = (o.clv, &mut self.clv) {
            p.customers = Vec::new();
        }
        if let (true, Part::Done(p)) = (o.scores, &mut self.scores) {
            p.scores.customers = Vec::new();
        }
        if let (true, Part::Done(p)) = (o.lifecycle, &mut self.lifecycle) {
            p.customers = Vec::new();
        }
    }
}

impl<'a> AnalyzeOptions<'a> {
    fn of(args: &Args<'a>) -> Result<AnalyzeOptions<'a>> {
        let options = AnalyzeOptions {
            as_of: date(args, "asOf")?,
            method: method(args)?,
            thresholds: thresholds(args)?,
            mode: mode(args)?,
            days: active_days(args)?,
            years: args.number("lifespanYears")?,
            margin: args.number("grossMarginPercent")?,
            survey: super::scores::options(args)?,
            granularity: super::trends::granularity(args)?,
            omit: omit(args)?,
            tables: args.boolean("tables")?.unwrap_or(false),
        };
        cohort_period(args)?;
        Ok(options)
    }
}

fn analyze(
    args: &Args,
    o: AnalyzeOptions<'_>,
    summary: Summary,
    mut input: LogInput,
) -> Result<FromLog<Analysis>> {
    let method = rfm_method(o.method, &summary, &mut input, &o.thresholds);
    let retention = period(args, &summary)
        .and_then(|(start, end)| retention::retention(&summary, start, end, o.mode, o.days));
    let rfm: Part<rfm::Rfm> = rfm::rfm(&summary, o.as_of, method, &o.thresholds).into();
    let scores = super::scores::scores(&o.survey, &summary, &rfm, &input);
    let clv: Part<clv_log::ClvLog> = clv_log::clv_log(&summary, o.years, o.margin).into();
    let acquisition = super::scores::acquisition(args, &summary, &clv)?;
    let mut result = Analysis {
        rfm,
        scores,
        acquisition,
        retention: retention.into(),
        repeat: retention::repeat_stats(&summary).into(),
        cohorts: cohorts::cohorts(&summary).into(),
        clv,
        lifecycle: lifecycle::lifecycle(&summary, o.as_of).into(),
        trends: crate::metrics::trends::trends(&summary, o.granularity).into(),
        first_date: summary.first_date.map(|d| d.to_string()),
        last_date: summary.last_date.map(|d| d.to_string()),
        customers: summary.customers.len(),
        tables: None,
    };
    if o.tables {
        use super::columns::{CustomerTables, LifecycleColumns, RfmColumns};
        result.tables = Some(CustomerTables {
            rfm: match &result.rfm {
                Part::Done(r) => Some(RfmColumns::of(r)),
                Part::Failed { .. } => None,
            },
            lifecycle: match &result.lifecycle {
                Part::Done(l) => Some(LifecycleColumns::of(l)),
                Part::Failed { .. } => None,
            },
        });
    }
    result.omit(o.omit);
    Ok(FromLog { result, input })
}

/// `analyzeLog` of a log that arrives in blocks of bytes (a file larger than
/// memory): the input object without `text`, then every block twice, in
/// order (`scan` … `endScan`, `read` … `finish`). The result is
/// `analyzeLog`'s for the same text, figure for figure.
pub struct AnalyzeStream {
    input: Value,
    stream: LogStream,
    summarizer: Summarizer,
}

impl AnalyzeStream {
    /// Checks the options (as `analyzeLog` does) before any block is read.
    pub fn new(input: &Value, encoding: Encoding) -> Result<AnalyzeStream> {
        let args = Args::new(input, &fields::ANALYZE_LOG)?;
        if args.text("text")?.is_some() {
            return Err(Error::field(
                Code::UnknownField,
                "text",
                "A streamed log comes in blocks, not as text: leave text out.",
            ));
        }
        AnalyzeOptions::of(&args)?;
        let options = log_options(&args)?;
        Ok(AnalyzeStream {
            input: input.clone(),
            stream: LogStream::new(options, encoding),
            summarizer: Summarizer::default(),
        })
    }

    /// The file's size, when known before the first block (it sizes the
    /// memory of order ids; reading is faster with it).
    pub fn size_hint(&mut self, bytes: u64) {
        self.stream.size_hint(bytes);
    }

    /// First pass: the next block.
    pub fn scan(&mut self, block: &[u8]) -> Result<()> {
        self.stream.scan(block)
    }

    /// First pass over.
    pub fn end_scan(&mut self) -> Result<()> {
        self.stream.end_scan()
    }

    /// Second pass: the next block, from the first byte again.
    pub fn read(&mut self, block: &[u8]) -> Result<()> {
        let summarizer = &mut self.summarizer;
        self.stream.read(block, &mut |row| add_row(summarizer, row))
    }

    /// The analysis.
    pub fn finish(self) -> Result<FromLog<Analysis>> {
        let AnalyzeStream {
            input,
            stream,
            mut summarizer,
        } = self;
        let report = stream.finish(&mut |row| add_row(&mut summarizer, row))?;
        let args = Args::new(&input, &fields::ANALYZE_LOG)?;
        let options = AnalyzeOptions::of(&args)?;
        let (summary, log) = into_input(report, summarizer)?;
        analyze(&args, options, summary, log)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_period_is_the_last_whole_month() {
        let mut s = Summarizer::default();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        s.add("A", d(2025, 1, 5), 1.0, None, 2);
        s.add("A", d(2025, 3, 30), 1.0, None, 3);
        // The data ends on 30 March: March is not whole, so February.
        assert_eq!(
            default_period(&s.finish()),
            Some((d(2025, 2, 1), d(2025, 2, 28)))
        );
        let mut s = Summarizer::default();
        s.add("A", d(2025, 6, 30), 1.0, None, 2);
        assert_eq!(
            default_period(&s.finish()),
            Some((d(2025, 6, 1), d(2025, 6, 30)))
        );
    }
}
