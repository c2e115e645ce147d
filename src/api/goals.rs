//! The quick calculators' optional extras, in the page's module only (the
//! widget's stays within its size budget): `target` → `goal` on `crr`, `nps`,
//! `csat`, `ces` and `fcr` ([`crate::metrics::goals`]); `marketingSpend` +
//! `newCustomers` → `acquisition` and `retentionCost` → `keepVsWin` on `clv`
//! ([`crate::metrics::cac`]).

use super::surveys::SurveyOutput;
use super::tickets::FcrReport;
use super::{Args, Output};
use crate::error::Result;
use crate::metrics::cac::{self, Acquisition, KeepVsWin};
use crate::metrics::goals::{self as g, CesGoal, CrrGoal, NpsGoal, ShareGoal};
use crate::metrics::{ces, clv, crr, csat, nps};
use serde::Serialize;

/// What `target` asks of one calculator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Goal {
    Nps(NpsGoal),
    Share(ShareGoal),
    Crr(CrrGoal),
    Ces(CesGoal),
}

/// The extras of a calculator's result (absent fields are not serialised).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extra {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<Goal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acquisition: Option<Acquisition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_vs_win: Option<KeepVsWin>,
}

/// A result that carries the extras: the quick calculators' [`Output`] and
/// the surveys' [`SurveyOutput`] (scores, counts or an export).
pub trait WithExtra {
    type Result;
    fn result(&self) -> &Self::Result;
    fn extra(&mut self) -> &mut Extra;
}

impl<T> WithExtra for Output<T> {
    type Result = T;
    fn result(&self) -> &T {
        &self.result
    }
    fn extra(&mut self) -> &mut Extra {
        &mut self.extra
    }
}

impl<T, G> WithExtra for SurveyOutput<T, G> {
    type Result = T;
    fn result(&self) -> &T {
        &self.result
    }
    fn extra(&mut self) -> &mut Extra {
        &mut self.extra
    }
}

fn with<O: WithExtra>(mut out: O, goal: Option<Goal>) -> O {
    out.extra().goal = goal;
    out
}

pub fn crr(args: &Args, out: Output<crr::Crr>, start: u64) -> Result<Output<crr::Crr>> {
    let goal = match args.number("target")? {
        Some(t) => Some(Goal::Crr(g::crr(start, out.result.retained, t)?)),
        None => None,
    };
    Ok(with(out, goal))
}

pub fn nps<O: WithExtra<Result = nps::Nps>>(args: &Args, out: O) -> Result<O> {
    let r = out.result();
    let goal = match args.number("target")? {
        Some(t) => Some(Goal::Nps(g::nps(
            r.promoters.count,
            r.passives.count,
            r.detractors.count,
            t,
        )?)),
        None => None,
    };
    Ok(with(out, goal))
}

pub fn csat<O: WithExtra<Result = csat::Csat>>(args: &Args, out: O) -> Result<O> {
    let r = out.result();
    let goal = match args.number("target")? {
        Some(t) => {
            let good: u64 = r
                .distribution
                .iter()
                .filter(|b| b.score >= r.top_box[0] && b.score <= r.top_box[1])
                .map(|b| b.count)
                .sum();
            Some(Goal::Share(g::share(good, r.responses, t)?))
        }
        None => None,
    };
    Ok(with(out, goal))
}

pub fn fcr(args: &Args, out: Output<FcrReport>) -> Result<Output<FcrReport>> {
    let r = &out.result;
    let goal = match args.number("target")? {
        Some(t) => Some(Goal::Share(g::share(r.resolved, r.total, t)?)),
        None => None,
    };
    Ok(with(out, goal))
}

pub fn ces<O: WithExtra<Result = ces::Ces>>(args: &Args, out: O, scale: ces::Scale) -> Result<O> {
    let r = out.result();
    let goal = match args.number("target")? {
        Some(t) => {
            let sum: f64 = r
                .distribution
                .iter()
                .map(|b| f64::from(b.score) * b.count as f64)
                .sum();
            Some(Goal::Ces(g::ces(
                sum,
                r.responses,
                scale.min,
                scale.max,
                scale.high_is_easy,
                t,
            )?))
        }
        None => None,
    };
    Ok(with(out, goal))
}

/// `acquisition` when `marketingSpend` and `newCustomers` are given (one
/// without the other is `missingField`); `keepVsWin` when `retentionCost`
/// is given with them.
pub fn clv(args: &Args, mut out: Output<clv::Clv>) -> Result<Output<clv::Clv>> {
    let keep = args.number("retentionCost")?;
    if keep.is_none() && !args.has("marketingSpend") && !args.has("newCustomers") {
        return Ok(out);
    }
    let spend = args.required_number("marketingSpend")?;
    let new = args.required_count("newCustomers")?;
    let r = &out.result;
    let margin = if r.clv > 0.0 {
        r.profit_clv / r.clv
    } else {
        1.0
    };
    let monthly = r.yearly_value * margin / 12.0;
    let a = cac::acquisition(spend, new, r.profit_clv, monthly)?;
    if let Some(k) = keep {
        if k < 0.0 {
            return Err(crate::error::Error::field(
                crate::error::Code::Negative,
                "retentionCost",
                "retentionCost must be 0 or more.",
            )
            .with("got", k));
        }
        out.extra.keep_vs_win = Some(cac::keep_vs_win(a.cac, k));
    }
    out.extra.acquisition = Some(a);
    Ok(out)
}
