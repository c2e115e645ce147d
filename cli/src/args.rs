//! The command line (clap) and the API input objects built from it.

use crate::read::{self, Data, Kind, Origins};
use crate::Failure;
use clap::{Args, Parser, Subcommand};
use customer_metrics::api::Value;
use std::collections::BTreeMap;

/// Customer-retention figures from sales logs, surveys and ticket logs:
/// RFM, retention, cohorts, CLV, lifecycle, predictive CLV, NPS, CES, CSAT,
/// FCR and CRR. Files are CSV/TSV text (any delimiter, header optional) or
/// spreadsheets (.xlsx, .xlsm, .xls, .xlsb, .ods); `-` reads standard input.
/// Exit codes: 0 done, 1 bad input, 2 usage error.
#[derive(Parser, Debug)]
#[command(name = "customer-metrics", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub output: Output,
}

#[derive(Args, Debug)]
pub struct Output {
    /// Print the API's result as JSON (exactly what the JavaScript API returns).
    #[arg(long, global = true, conflicts_with = "csv")]
    pub json: bool,
    /// Print the per-customer table as CSV (rfm, lifecycle, clv, predict).
    #[arg(long, global = true)]
    pub csv: bool,
}

impl Output {
    pub fn format(&self) -> crate::output::Format {
        use crate::output::Format;
        match (self.json, self.csv) {
            (true, _) => Format::Json,
            (_, true) => Format::Csv,
            _ => Format::Text,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Everything from one reading of a sales log: RFM, retention, repeat
    /// purchases, cohorts, CLV and the lifecycle (analyzeLog).
    Analyze(Analyze),
    /// RFM scores and segments per customer (rfm).
    Rfm(Rfm),
    /// Customer retention over a period (retention).
    Retention(Retention),
    /// Monthly cohorts by first purchase (cohorts).
    Cohorts(Cohorts),
    /// CLV from a sales log (clvFromLog); without FILE, the quick calculator
    /// from --aov, --purchases-per-year and --lifespan-years (clv).
    Clv(Clv),
    /// Lifecycle stages, VIPs and win-back groups (lifecycle).
    Lifecycle(Lifecycle),
    /// Predictive CLV: BG/NBD and Gamma-Gamma (predictClv).
    Predict(Predict),
    /// Net Promoter Score from a file of answers or from counts (nps).
    Nps(Nps),
    /// Customer Effort Score from a file of answers (ces).
    Ces(Ces),
    /// Customer satisfaction from a file of answers (csat).
    Csat(Csat),
    /// First contact resolution from a ticket log or from counts (fcr).
    Fcr(Fcr),
    /// Customer retention rate from three counts (crr).
    Crr(Crr),
}

/// How a sales log (or a customer summary table) is read.
#[derive(Args, Debug)]
pub struct LogArgs {
    /// Sales log files (CSV, TSV, spreadsheet; `-` = standard input); several
    /// files of the same layout are read as one log. A customer summary
    /// (docs/sql/) is recognised by its header.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// How ambiguous numbers and dates are read when the values cannot tell:
    /// id (1.250 = 1250, day first), en (month first) or auto.
    #[arg(long, value_name = "id|en|auto")]
    pub locale: Option<String>,
    /// A column for a role, by header or 0-based index: customer, date,
    /// amount, orderId, status or refunded (repeatable).
    #[arg(long = "column", value_name = "ROLE=NAME")]
    pub columns: Vec<String>,
    /// The currency of the amounts (an ISO code such as IDR or USD).
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// A status whose orders count, whatever its category (repeatable).
    #[arg(long = "count-status", value_name = "STATUS")]
    pub count_statuses: Vec<String>,
    /// A status whose orders do not count (repeatable).
    #[arg(long = "exclude-status", value_name = "STATUS")]
    pub exclude_statuses: Vec<String>,
    /// The sheet of a spreadsheet file, by name or 0-based position
    /// (default: the first sheet with data).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

impl LogArgs {
    /// The input object's reading fields, with the text as `text` or
    /// `summary` (by what the files hold).
    pub fn input(&self, data: &Data) -> Result<BTreeMap<String, Value>, Failure> {
        let mut input = self.options()?;
        let key = match data.kind {
            Kind::Log => "text",
            Kind::CustomerSummary | Kind::ModelSummary => "summary",
        };
        input.insert(key.to_string(), Value::from(data.text.as_str()));
        Ok(input)
    }

    /// The input object's reading fields, without the text (a streamed log).
    pub fn options(&self) -> Result<BTreeMap<String, Value>, Failure> {
        if self.files.is_empty() {
            return Err(Failure::Usage(
                "no FILE given: name a sales log (or - for standard input).".into(),
            ));
        }
        let mut input = BTreeMap::new();
        put_text(&mut input, "locale", &self.locale);
        put_text(&mut input, "currency", &self.currency);
        if !self.columns.is_empty() {
            input.insert("columns".into(), columns(&self.columns)?);
        }
        for (key, list) in [
            ("countStatuses", &self.count_statuses),
            ("excludeStatuses", &self.exclude_statuses),
        ] {
            if !list.is_empty() {
                let texts = list.iter().map(|s| Value::from(s.as_str())).collect();
                input.insert(key.into(), Value::List(texts));
            }
        }
        Ok(input)
    }
}

/// `--column role=name` pairs as a `columns` object; a whole number is an index.
fn columns(pairs: &[String]) -> Result<Value, Failure> {
    let mut map = BTreeMap::new();
    for pair in pairs {
        let Some((role, name)) = pair.split_once('=') else {
            return Err(Failure::File(format!(
                "--column {pair}: write it ROLE=NAME, such as customer=\"Nama Pembeli\" or amount=3."
            )));
        };
        let name = name.trim();
        let value = match name.parse::<u32>() {
            Ok(i) => Value::from(f64::from(i)),
            Err(_) => Value::from(name),
        };
        map.insert(role.trim().to_string(), value);
    }
    Ok(Value::Object(map))
}

pub fn put_text(input: &mut BTreeMap<String, Value>, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        input.insert(key.into(), Value::from(v.as_str()));
    }
}

pub fn put_date(input: &mut BTreeMap<String, Value>, key: &str, value: &Option<String>) {
    put_text(input, key, value);
}

pub fn put_number(input: &mut BTreeMap<String, Value>, key: &str, value: Option<f64>) {
    if let Some(v) = value {
        input.insert(key.into(), Value::from(v));
    }
}

/// `START..END` (ISO dates) as the retention period.
pub fn period(text: &str) -> Result<(String, String), Failure> {
    match text.split_once("..") {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_string(), b.trim().to_string()))
        }
        _ => Err(Failure::File(format!(
            "--period {text}: write it START..END, such as 2025-06-01..2025-06-30."
        ))),
    }
}

#[derive(Args, Debug)]
pub struct Analyze {
    #[command(flatten)]
    pub log: LogArgs,
    /// The analysis date, YYYY-MM-DD (default: the day after the last date in the data).
    #[arg(long)]
    pub as_of: Option<String>,
    /// The retention period, START..END (default: the last whole month in the data).
    #[arg(long, value_name = "START..END")]
    pub period: Option<String>,
    /// RFM scoring: fixed (the rupiah table) or quintile (default: by the currency and spending).
    #[arg(long, value_name = "fixed|quintile")]
    pub method: Option<String>,
    /// Retention mode: periodOverPeriod (default) or activeBase.
    #[arg(long)]
    pub mode: Option<String>,
    /// Active base: a purchase within this many days (default 180).
    #[arg(long)]
    pub active_days: Option<u32>,
    /// CLV: the lifespan in years (default: measured from the data).
    #[arg(long)]
    pub lifespan_years: Option<f64>,
    /// CLV: the gross margin, 0–100.
    #[arg(long, value_name = "PERCENT")]
    pub margin: Option<f64>,
    /// Read the file in blocks, twice, keeping only per-customer state (the
    /// default for one text file above 64 MB): for logs larger than memory.
    #[arg(long)]
    pub stream: bool,
}

#[derive(Args, Debug)]
pub struct Rfm {
    #[command(flatten)]
    pub log: LogArgs,
    /// The analysis date, YYYY-MM-DD (default: the day after the last date in the data).
    #[arg(long)]
    pub as_of: Option<String>,
    /// fixed (the rupiah table) or quintile (default: by the currency and spending).
    #[arg(long, value_name = "fixed|quintile")]
    pub method: Option<String>,
}

#[derive(Args, Debug)]
pub struct Retention {
    #[command(flatten)]
    pub log: LogArgs,
    /// The period, START..END (ISO dates), compared with the one before it.
    #[arg(long, value_name = "START..END", required = true)]
    pub period: String,
    /// periodOverPeriod (default) or activeBase.
    #[arg(long)]
    pub mode: Option<String>,
    /// Active base: a purchase within this many days (default 180).
    #[arg(long)]
    pub active_days: Option<u32>,
}

#[derive(Args, Debug)]
pub struct Cohorts {
    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Args, Debug)]
pub struct Clv {
    #[command(flatten)]
    pub log: LogArgs,
    /// The lifespan in years (from a log: default measured from the data).
    #[arg(long)]
    pub lifespan_years: Option<f64>,
    /// The gross margin, 0–100.
    #[arg(long, value_name = "PERCENT")]
    pub margin: Option<f64>,
    /// Without FILE: the average order value.
    #[arg(long)]
    pub aov: Option<f64>,
    /// Without FILE: purchases per customer per year.
    #[arg(long)]
    pub purchases_per_year: Option<f64>,
}

/// The quick CLV calculator's input (clv without a file).
pub fn quick_clv(a: &Clv) -> Result<Value, Failure> {
    let mut input = BTreeMap::new();
    put_number(&mut input, "averageOrderValue", a.aov);
    put_number(&mut input, "purchasesPerYear", a.purchases_per_year);
    put_number(&mut input, "lifespanYears", a.lifespan_years);
    put_number(&mut input, "grossMarginPercent", a.margin);
    Ok(Value::Object(input))
}

#[derive(Args, Debug)]
pub struct Lifecycle {
    #[command(flatten)]
    pub log: LogArgs,
    /// The analysis date, YYYY-MM-DD (default: the day after the last date in the data).
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Args, Debug)]
pub struct Predict {
    #[command(flatten)]
    pub log: LogArgs,
    /// weeks (default) or days.
    #[arg(long)]
    pub unit: Option<String>,
    /// The end of the calibration period, YYYY-MM-DD (default: the last date).
    #[arg(long)]
    pub calibration_end: Option<String>,
    /// The end of a holdout period after it, YYYY-MM-DD.
    #[arg(long)]
    pub holdout_end: Option<String>,
    /// The horizon of the CLV in months (default 12).
    #[arg(long)]
    pub horizon_months: Option<u32>,
    /// The monthly discount rate as a fraction (default 0.01).
    #[arg(long)]
    pub discount_rate: Option<f64>,
}

/// A survey read from a file, or given as counts.
#[derive(Args, Debug)]
pub struct Survey {
    /// A file of answers (CSV, TSV, spreadsheet; `-` = standard input).
    #[arg(value_name = "FILE")]
    pub file: Option<String>,
    /// The column of the answers, by header or 0-based index.
    #[arg(long, value_name = "NAME")]
    pub column: Option<String>,
    /// id, en or auto.
    #[arg(long, value_name = "id|en|auto")]
    pub locale: Option<String>,
    /// The sheet of a spreadsheet file.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

impl Survey {
    /// `{ text, columns?, locale? }` from the file, or the counts given.
    pub fn input(&self, counts: &[(&str, Option<u64>)]) -> Result<(Value, Origins), Failure> {
        let mut input = BTreeMap::new();
        let mut origins = Origins::none();
        if let Some(file) = &self.file {
            let data = read::files(std::slice::from_ref(file), self.sheet.as_deref())?;
            input.insert("text".into(), Value::from(data.text.as_str()));
            origins = data.origins;
        }
        if let Some(c) = &self.column {
            let mut map = BTreeMap::new();
            let value = match c.parse::<u32>() {
                Ok(i) => Value::from(f64::from(i)),
                Err(_) => Value::from(c.as_str()),
            };
            map.insert("score".to_string(), value);
            input.insert("columns".into(), Value::Object(map));
        }
        put_text(&mut input, "locale", &self.locale);
        for (key, count) in counts {
            put_number(&mut input, key, count.map(|c| c as f64));
        }
        Ok((Value::Object(input), origins))
    }
}

#[derive(Args, Debug)]
pub struct Nps {
    #[command(flatten)]
    pub survey: Survey,
    /// Without FILE: the number of promoters (9–10).
    #[arg(long)]
    pub promoters: Option<u64>,
    /// Without FILE: the number of passives (7–8).
    #[arg(long)]
    pub passives: Option<u64>,
    /// Without FILE: the number of detractors (0–6).
    #[arg(long)]
    pub detractors: Option<u64>,
}

impl Nps {
    pub fn input(&self) -> Result<(Value, Origins), Failure> {
        self.survey.input(&[
            ("promoters", self.promoters),
            ("passives", self.passives),
            ("detractors", self.detractors),
        ])
    }
}

#[derive(Args, Debug)]
pub struct Ces {
    #[command(flatten)]
    pub survey: Survey,
    /// The lowest answer (always 1).
    #[arg(long)]
    pub scale_min: Option<u32>,
    /// The highest answer: 5, 7 (default) or 10.
    #[arg(long)]
    pub scale_max: Option<u32>,
    /// A high answer means hard (by default high is easy).
    #[arg(long)]
    pub high_is_hard: bool,
}

#[derive(Args, Debug)]
pub struct Csat {
    #[command(flatten)]
    pub survey: Survey,
    /// The highest answer: 5 (default) or 10.
    #[arg(long)]
    pub scale_max: Option<u32>,
}

#[derive(Args, Debug)]
pub struct Fcr {
    /// A ticket log (CSV, TSV, spreadsheet; `-` = standard input).
    #[arg(value_name = "FILE")]
    pub file: Option<String>,
    /// Group the tickets by a column (header or index; channel and agent find
    /// Indonesian headers too).
    #[arg(long, value_name = "COLUMN")]
    pub group_by: Option<String>,
    /// A column for a role, by header or 0-based index: resolved, contacts
    /// or group (repeatable).
    #[arg(long = "column", value_name = "ROLE=NAME")]
    pub columns: Vec<String>,
    /// id, en or auto.
    #[arg(long, value_name = "id|en|auto")]
    pub locale: Option<String>,
    /// The sheet of a spreadsheet file.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Without FILE: tickets resolved at the first contact.
    #[arg(long)]
    pub resolved: Option<u64>,
    /// Without FILE: all tickets.
    #[arg(long)]
    pub total: Option<u64>,
}

pub fn fcr_input(a: &Fcr) -> Result<(Value, Origins), Failure> {
    let mut input = BTreeMap::new();
    let mut origins = Origins::none();
    if let Some(file) = &a.file {
        let data = read::files(std::slice::from_ref(file), a.sheet.as_deref())?;
        input.insert("text".into(), Value::from(data.text.as_str()));
        origins = data.origins;
    }
    put_text(&mut input, "groupBy", &a.group_by);
    put_text(&mut input, "locale", &a.locale);
    if !a.columns.is_empty() {
        input.insert("columns".into(), columns(&a.columns)?);
    }
    put_number(
        &mut input,
        "resolvedFirstContact",
        a.resolved.map(|c| c as f64),
    );
    put_number(&mut input, "totalTickets", a.total.map(|c| c as f64));
    Ok((Value::Object(input), origins))
}

#[derive(Args, Debug)]
pub struct Crr {
    /// Customers at the start of the period.
    #[arg(long)]
    pub start: u64,
    /// Customers at the end of the period.
    #[arg(long)]
    pub end: u64,
    /// New customers gained during the period.
    #[arg(long)]
    pub new: u64,
}
