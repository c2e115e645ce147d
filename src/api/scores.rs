//! `analyzeLog`'s `scores` part: customer health, churn risk and the call list
//! ([`crate::metrics::health`]), with an engagement column of the log
//! (`columns.engagement`) and NPS answers from a pasted survey (`surveyText`,
//! `surveyColumns`) where given ([`crate::input::beside`]).

use super::log::{LogInput, Part};
use super::Args;
use crate::error::{Code, Notice, Result};
use crate::input::beside::{self, Survey};
use crate::metrics::health::{self, Extra, Scores};
use crate::metrics::log::Summary;
use crate::metrics::rfm::Rfm;
use serde::Serialize;

/// The scores, and how the survey was read when one was given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoresPart {
    #[serde(flatten)]
    pub scores: Scores,
    pub survey: Option<Survey>,
}

/// The survey's column mapping, checked before the log is read.
pub struct SurveyOptions<'a> {
    text: Option<&'a str>,
    customer: Option<crate::input::ColumnRef>,
    score: Option<crate::input::ColumnRef>,
}

pub fn options<'a>(args: &Args<'a>) -> Result<SurveyOptions<'a>> {
    let (customer, score) = match args.nested("surveyColumns")? {
        Some(inner) => (inner.column_ref("customer")?, inner.column_ref("score")?),
        None => (None, None),
    };
    Ok(SurveyOptions {
        text: args.text("surveyText")?,
        customer,
        score,
    })
}

/// The scores of the log's customers (an error when RFM has none).
pub fn scores(
    options: &SurveyOptions,
    summary: &Summary,
    rfm: &Part<Rfm>,
    input: &LogInput,
) -> Part<ScoresPart> {
    let rfm = match rfm {
        Part::Done(r) => r,
        Part::Failed { error } => {
            return Part::Failed {
                error: error.clone(),
            }
        }
    };
    let run = || -> Result<ScoresPart> {
        let mut survey = match options.text {
            Some(t) => Some(beside::survey(
                t,
                options.customer.as_ref(),
                options.score.as_ref(),
            )?),
            None => None,
        };
        let extra = Extra {
            engagement: input.engagement.clone(),
            nps: survey.as_ref().map(|s| s.answers.clone()),
        };
        let mut scores = health::scores(summary, rfm, &extra);
        if let Some(s) = survey.as_mut() {
            s.matched = scores.customers.iter().filter(|c| c.nps.is_some()).count();
            if s.matched < s.respondents {
                scores.notices.push(
                    Notice::new(
                        Code::SurveyUnmatched,
                        format!(
                            "{} of the survey's {} respondents are not customers of the log (matched by e-mail or name): their answers are not used.",
                            s.respondents - s.matched,
                            s.respondents
                        ),
                    )
                    .with("respondents", s.respondents)
                    .with("matched", s.matched),
                );
            }
        }
        Ok(ScoresPart { scores, survey })
    };
    run().into()
}

/// One month of `marketingSpend` with the log's new customers of that month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpendMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub spend: f64,
    /// Customers whose first purchase is in the month (from the log).
    pub new_customers: u64,
    /// spend / new customers (null with none).
    pub cac: Option<f64>,
}

/// `analyzeLog`'s `acquisition`: CAC from `marketingSpend` and the log.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogAcquisition {
    pub months: Vec<SpendMonth>,
    /// Over the months given (a month given twice is added up).
    pub total: crate::metrics::cac::Acquisition,
    pub skipped: Vec<crate::error::Skipped>,
}

/// CAC of the months in `marketingSpend`, with the log's CLV estimate as LTV.
pub fn acquisition(
    args: &Args,
    summary: &Summary,
    clv: &Part<crate::metrics::clv_log::ClvLog>,
) -> Result<Option<Part<LogAcquisition>>> {
    use crate::metrics::log::month_index;
    let Some(text) = args.text("marketingSpend")? else {
        return Ok(None);
    };
    let (lines, skipped) = crate::input::spend::read_spend(text, args.locale()?);
    let mut spend: std::collections::BTreeMap<i32, f64> = Default::default();
    for (m, a) in lines {
        *spend.entry(m).or_default() += a;
    }
    let mut new: rustc_hash::FxHashMap<i32, u64> = Default::default();
    for c in summary.purchasers() {
        if let Some(first) = c.first_purchase() {
            *new.entry(month_index(first)).or_default() += 1;
        }
    }
    let months: Vec<SpendMonth> = spend
        .iter()
        .map(|(&m, &s)| {
            let n = new.get(&m).copied().unwrap_or(0);
            SpendMonth {
                month: format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1),
                spend: s,
                new_customers: n,
                cac: (n > 0).then(|| s / n as f64),
            }
        })
        .collect();
    let total_spend: f64 = months.iter().map(|m| m.spend).sum();
    let total_new: u64 = months.iter().map(|m| m.new_customers).sum();
    let (ltv, monthly) = match clv {
        Part::Done(c) => {
            let e = &c.estimate;
            let margin = if e.clv > 0.0 {
                e.profit_clv / e.clv
            } else {
                1.0
            };
            (e.profit_clv, e.yearly_value * margin / 12.0)
        }
        Part::Failed { .. } => (0.0, 0.0),
    };
    let part =
        crate::metrics::cac::acquisition(total_spend, total_new, ltv, monthly).map(|total| {
            LogAcquisition {
                months,
                total,
                skipped,
            }
        });
    Ok(Some(part.into()))
}
