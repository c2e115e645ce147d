//! `customer-metrics`: the library's analyses on files, from a terminal.
//!
//! Every subcommand builds the input object of one API function (the same
//! fields the page sends) from its options, calls it, and prints a readable
//! summary, or `--json` (the API's result as it is) or `--csv` (a
//! per-customer table). Exit codes: 0 done, 1 bad input (the library's
//! message and code), 2 usage error (clap).

mod args;
mod output;
mod read;

use args::{Cli, Command};
use clap::Parser;
use customer_metrics::api::{self, Value};
use customer_metrics::Error;
use output::Format;
use std::process::ExitCode;

/// Why a run stopped: bad input (the library's error, or a file that cannot
/// be read).
pub enum Failure {
    Library(Error),
    File(String),
    /// Already reported on stderr (with the files' lines).
    Reported,
    /// Options that do not go together (exit 2, as clap's usage errors).
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Library(e)
    }
}

fn main() -> ExitCode {
    // clap exits with 2 on a usage error and 0 for --help and --version.
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::File(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Library(e)) => {
            output::report_error(&e, &read::Origins::none());
            ExitCode::from(1)
        }
        Err(Failure::Reported) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Calls `f` on `input` and shows its result; errors name the files' lines.
fn show<T: serde::Serialize>(
    command: &'static str,
    f: impl Fn(&Value) -> customer_metrics::error::Result<T>,
    input: Value,
    origins: &read::Origins,
    format: Format,
) -> Result<(), Failure> {
    let progress = read::Spinner::start("analysing");
    let result = f(&input);
    progress.finish();
    show_result(command, result.map_err(Failure::Library), origins, format)
}

/// Shows a result (or its error, naming the files' lines).
fn show_result<T: serde::Serialize>(
    command: &'static str,
    result: Result<T, Failure>,
    origins: &read::Origins,
    format: Format,
) -> Result<(), Failure> {
    match result {
        Ok(result) => {
            let json = serde_json::to_value(&result).map_err(|e| {
                Failure::File(format!("the result could not be written as JSON: {e}"))
            })?;
            output::report_skipped(&json, origins);
            output::print(command, &json, format)
        }
        Err(Failure::Library(e)) => {
            output::report_error(&e, origins);
            Err(Failure::Reported)
        }
        Err(other) => Err(other),
    }
}

/// Retention, cohorts and the whole analysis need every purchase day: the
/// rows of a log, not a summary table.
fn need_log(data: &read::Data, files: &[String], command: &str) -> Result<(), Failure> {
    if data.kind == read::Kind::Log {
        return Ok(());
    }
    Err(Failure::File(format!(
        "{} is a summary table, not a sales log: {command} needs the log's rows (a customer summary gives rfm, lifecycle, clv and predict).",
        files.join(", ")
    )))
}

fn run(cli: Cli) -> Result<(), Failure> {
    let format = cli.output.format();
    match cli.command {
        Command::Analyze(a) => {
            let streamed = read::streamable(&a.log.files, a.stream)?;
            let (data, mut input) = match &streamed {
                Some(_) => (read::Data::none(), a.log.options()?),
                None => {
                    let data = read::files(&a.log.files, a.log.sheet.as_deref())?;
                    need_log(&data, &a.log.files, "analyze")?;
                    let input = a.log.input(&data)?;
                    (data, input)
                }
            };
            args::put_date(&mut input, "asOf", &a.as_of);
            if let Some(p) = &a.period {
                let (start, end) = args::period(p)?;
                input.insert("periodStart".into(), start.into());
                input.insert("periodEnd".into(), end.into());
            }
            args::put_text(&mut input, "method", &a.method);
            args::put_text(&mut input, "mode", &a.mode);
            args::put_number(&mut input, "activeDays", a.active_days.map(f64::from));
            args::put_number(&mut input, "lifespanYears", a.lifespan_years);
            args::put_number(&mut input, "grossMarginPercent", a.margin);
            let input = Value::Object(input);
            if let Some(path) = streamed {
                let origins = read::Origins::of(&path);
                let result = read::stream_analysis(&path, &input);
                return show_result("analyze", result, &origins, format);
            }
            show("analyze", api::analyze_log, input, &data.origins, format)
        }
        Command::Rfm(a) => {
            let data = read::files(&a.log.files, a.log.sheet.as_deref())?;
            let mut input = a.log.input(&data)?;
            args::put_date(&mut input, "asOf", &a.as_of);
            args::put_text(&mut input, "method", &a.method);
            show("rfm", api::rfm, Value::Object(input), &data.origins, format)
        }
        Command::Retention(a) => {
            let data = read::files(&a.log.files, a.log.sheet.as_deref())?;
            need_log(&data, &a.log.files, "retention")?;
            let mut input = a.log.input(&data)?;
            let (start, end) = args::period(&a.period)?;
            input.insert("periodStart".into(), start.into());
            input.insert("periodEnd".into(), end.into());
            args::put_text(&mut input, "mode", &a.mode);
            args::put_number(&mut input, "activeDays", a.active_days.map(f64::from));
            show(
                "retention",
                api::retention,
                Value::Object(input),
                &data.origins,
                format,
            )
        }
        Command::Cohorts(a) => {
            let data = read::files(&a.log.files, a.log.sheet.as_deref())?;
            need_log(&data, &a.log.files, "cohorts")?;
            let input = a.log.input(&data)?;
            show(
                "cohorts",
                api::cohorts,
                Value::Object(input),
                &data.origins,
                format,
            )
        }
        Command::Clv(a) => {
            if a.log.files.is_empty() {
                let input = args::quick_clv(&a)?;
                return show("clvQuick", api::clv, input, &read::Origins::none(), format);
            }
            let data = read::files(&a.log.files, a.log.sheet.as_deref())?;
            let mut input = a.log.input(&data)?;
            args::put_number(&mut input, "lifespanYears", a.lifespan_years);
            args::put_number(&mut input, "grossMarginPercent", a.margin);
            show(
                "clv",
                api::clv_from_log,
                Value::Object(input),
                &data.origins,
                format,
            )
        }
        Command::Lifecycle(a) => {
            let data = read::files(&a.log.files, a.log.sheet.as_deref())?;
            let mut input = a.log.input(&data)?;
            args::put_date(&mut input, "asOf", &a.as_of);
            show(
                "lifecycle",
                api::lifecycle,
                Value::Object(input),
                &data.origins,
                format,
            )
        }
        Command::Predict(a) => {
            let data = read::files(&a.log.files, a.log.sheet.as_deref())?;
            let mut input = a.log.input(&data)?;
            args::put_text(&mut input, "unit", &a.unit);
            args::put_date(&mut input, "calibrationEnd", &a.calibration_end);
            args::put_date(&mut input, "holdoutEnd", &a.holdout_end);
            args::put_number(&mut input, "horizonMonths", a.horizon_months.map(f64::from));
            args::put_number(&mut input, "monthlyDiscountRate", a.discount_rate);
            show(
                "predict",
                api::predict_clv,
                Value::Object(input),
                &data.origins,
                format,
            )
        }
        Command::Nps(a) => {
            let (input, origins) = a.input()?;
            show("nps", api::nps, input, &origins, format)
        }
        Command::Ces(a) => {
            let (mut input, origins) = a.survey.input(&[])?;
            if let Value::Object(map) = &mut input {
                args::put_number(map, "scaleMin", a.scale_min.map(f64::from));
                args::put_number(map, "scaleMax", a.scale_max.map(f64::from));
                if a.high_is_hard {
                    map.insert("highIsEasy".into(), false.into());
                }
            }
            show("ces", api::ces, input, &origins, format)
        }
        Command::Csat(a) => {
            let (mut input, origins) = a.survey.input(&[])?;
            if let Value::Object(map) = &mut input {
                args::put_number(map, "scaleMax", a.scale_max.map(f64::from));
            }
            show("csat", api::csat, input, &origins, format)
        }
        Command::Fcr(a) => {
            let (input, origins) = args::fcr_input(&a)?;
            show("fcr", api::fcr, input, &origins, format)
        }
        Command::Crr(a) => {
            let input = Value::object([
                ("startCustomers", Value::from(a.start as f64)),
                ("endCustomers", Value::from(a.end as f64)),
                ("newCustomers", Value::from(a.new as f64)),
            ]);
            show("crr", api::crr, input, &read::Origins::none(), format)
        }
    }
}
