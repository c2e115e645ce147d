//! Subscriptions: the shifted-beta-geometric (sBG) model of Fader & Hardie
//! (2007), "How to project customer retention", Journal of Interactive
//! Marketing 21(1), and the discounted expected (residual) lifetime of Fader
//! & Hardie (2010), "Customer-base valuation in a contractual setting: the
//! perils of ignoring heterogeneity", Marketing Science 29(1).
//!
//! Each subscriber, at the end of every period, cancels with a probability θ
//! of their own (a coin flip, the same each period); θ varies across
//! subscribers as Beta(α, β). T, the period in which a subscriber cancels
//! (T = 1: never renewed), then has
//!
//! - P(T = 1) = α / (α + β), P(T = t) = (β + t − 2) / (α + β + t − 1) · P(T = t − 1);
//! - S(t) = P(T > t) = B(α, β + t) / B(α, β), the share still subscribed after t periods;
//! - r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1), the retention rate of
//!   period t, which rises over time as the subscribers likely to cancel leave first.
//!
//! α and β are fitted by maximum likelihood: a subscriber seen cancelling in
//! period t contributes P(T = t), one still subscribed after t periods S(t).
//! With d the discount rate per period and z = 1 / (1 + d):
//!
//! - DEL = Σ_{t≥0} S(t) zᵗ = ₂F₁(1, β; α + β; z): the discounted expected
//!   lifetime in payments of a new subscriber, the first payment (now) undiscounted;
//! - DERL(n) = (β + n) / (α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; z): that
//!   of a subscriber who has renewed n times, just before the next renewal
//!   (F&H 2010, eq. 6); DEL = 1 + z · DERL(0).
//!
//! Value per subscriber = value per period × DEL (or × DERL).

use super::btyd::optimize::{bfgs, nelder_mead};
use super::btyd::special::{digamma, hyp2f1, ln_beta};
use super::percent;
use crate::error::{number, Code, Error, Notice, Notices, Result};
use serde::Serialize;

/// Fewest periods after the start the counts must cover: with one, only
/// α / (α + β) can be told, not α and β apart.
pub const MIN_PERIODS: usize = 2;
/// Below this many observed periods the projection gets a notice.
pub const FEW_PERIODS: usize = 4;
/// Below this many subscribers the fit gets a notice.
pub const FEW_SUBSCRIBERS: f64 = 100.0;
/// Periods projected when `horizon` is not given: twice the periods observed,
/// and at least this many.
pub const DEFAULT_HORIZON: usize = 12;
/// Most periods a projection may cover.
pub const MAX_HORIZON: usize = 1200;
/// The discount rate per period when none is given (1 %, as the monthly
/// default of `predictClv`).
pub const DEFAULT_DISCOUNT_RATE: f64 = 0.01;
/// The fitted survival may differ from the actual share by at most this many
/// percentage points in an observed period before `sbgPoorFit` is given.
pub const POOR_FIT_POINTS: f64 = 3.0;
/// α + β at or above this: the subscribers hardly differ (the spread of
/// their churn probabilities is below 1.6 percentage points), churn is about
/// the same every period (`sbgConstantChurn`).
pub const CONSTANT_CHURN_SIZE: f64 = 1000.0;
/// The search stops where α or β reaches this (or its inverse): with equal
/// subscribers the likelihood keeps rising, ever more slowly, as both grow.
const SEARCH_CAP: f64 = 1e6;
/// A median lifetime is searched for over at most this many periods.
const MEDIAN_SEARCH: usize = 100_000;

/// What was observed of the subscribers' lifetimes: `churned[t − 1]`
/// subscribers cancelled in period t (t = 1, 2, …), `active[t]` were still
/// subscribed after t periods when the data end (t = 0, 1, …). Counts may be
/// fractional only when built by hand; the readers below give whole numbers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lifetimes {
    pub churned: Vec<f64>,
    pub active: Vec<f64>,
}

impl Lifetimes {
    /// Subscribers in all.
    pub fn subscribers(&self) -> f64 {
        self.churned.iter().sum::<f64>() + self.active.iter().sum::<f64>()
    }

    /// The last period anyone was observed in (cancelled or still subscribed).
    pub fn periods(&self) -> usize {
        let last_churn = self
            .churned
            .iter()
            .rposition(|&c| c > 0.0)
            .map_or(0, |i| i + 1);
        let last_active = self.active.iter().rposition(|&a| a > 0.0).unwrap_or(0);
        last_churn.max(last_active)
    }

    /// One group followed to the same end: nobody stopped being observed
    /// before the last period (survival counts are such a group).
    pub fn single_cohort(&self) -> bool {
        let last = self.periods();
        self.active.iter().take(last).all(|&a| a == 0.0)
    }

    /// The actual (Kaplan–Meier) survival after t = 0 … `periods()` periods,
    /// with the subscribers at risk and cancelling in each: for one cohort
    /// this is simply the count still subscribed over the count at the start.
    pub fn actual(&self) -> Vec<Observed> {
        let periods = self.periods();
        let total = self.subscribers();
        let mut at_risk = total - self.active.first().copied().unwrap_or(0.0);
        let mut survival = 1.0;
        let mut out = vec![Observed {
            period: 0,
            at_risk: total,
            churned: 0.0,
            survival: 1.0,
            retention: None,
        }];
        for t in 1..=periods {
            let churned = self.churned.get(t - 1).copied().unwrap_or(0.0);
            let retention = (at_risk > 0.0).then(|| 1.0 - churned / at_risk);
            if let Some(r) = retention {
                survival *= r;
            }
            out.push(Observed {
                period: t,
                at_risk,
                churned,
                survival,
                retention,
            });
            at_risk -= churned + self.active.get(t).copied().unwrap_or(0.0);
        }
        out
    }
}

/// One observed period of [`Lifetimes::actual`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observed {
    pub period: usize,
    /// Subscribers who reached the renewal at the end of this period.
    pub at_risk: f64,
    pub churned: f64,
    /// Share still subscribed after this period (1 at period 0).
    pub survival: f64,
    /// Share of those at risk who renewed; `None` when nobody was at risk.
    pub retention: Option<f64>,
}

/// Survival counts of one cohort: `counts[t]` subscribers still subscribed
/// after t periods, `counts[0]` the cohort at the start. `field` names the
/// input in errors, whose `row` is the 1-based position in the list.
pub fn from_survivors(counts: &[f64], field: &str) -> Result<Lifetimes> {
    if counts.len() < MIN_PERIODS + 1 {
        return Err(Error::field(
            Code::TooFewPeriods,
            field,
            format!(
                "Give the subscribers at the start and still subscribed after at least {MIN_PERIODS} periods (got {} number{}).",
                counts.len(),
                if counts.len() == 1 { "" } else { "s" }
            ),
        )
        .with("got", counts.len().saturating_sub(1))
        .with("min", MIN_PERIODS));
    }
    if counts.len() - 1 > MAX_HORIZON {
        return Err(Error::field(
            Code::TooLarge,
            field,
            format!(
                "At most {MAX_HORIZON} periods are supported (got {}).",
                counts.len() - 1
            ),
        )
        .with("got", counts.len() - 1)
        .with("max", MAX_HORIZON));
    }
    for (i, &c) in counts.iter().enumerate() {
        let at = |code: Code, message: String| {
            Error::field(code, field, message)
                .with_row(i + 1)
                .with("got", c)
        };
        if !c.is_finite() {
            return Err(Error::field(
                Code::NotANumber,
                field,
                format!("Count number {} is not a number.", i + 1),
            )
            .with_row(i + 1));
        }
        if c < 0.0 {
            return Err(at(
                Code::Negative,
                format!("Count number {} is negative ({}).", i + 1, number(c)),
            ));
        }
        if c.fract() != 0.0 {
            return Err(at(
                Code::NotInteger,
                format!(
                    "Count number {} is not a whole number of subscribers ({}).",
                    i + 1,
                    number(c)
                ),
            ));
        }
        if i > 0 && c > counts[i - 1] {
            return Err(Error::field(
                Code::CountsRising,
                field,
                format!(
                    "After period {i} there are more subscribers ({}) than after period {} ({}): the counts must follow one group of subscribers, so they can only stay or fall (new subscribers belong to a group of their own).",
                    number(c),
                    i - 1,
                    number(counts[i - 1])
                ),
            )
            .with_row(i + 1)
            .with("period", i)
            .with("before", counts[i - 1])
            .with("after", c));
        }
    }
    let start = counts[0];
    let last = counts[counts.len() - 1];
    if start == 0.0 {
        return Err(Error::field(
            Code::NoSubscribers,
            field,
            "The group has no subscribers at the start (the first count is 0).",
        ));
    }
    check_churn_and_renewals(start - last, counts[1])?;
    let periods = counts.len() - 1;
    let mut active = vec![0.0; periods + 1];
    active[periods] = last;
    Ok(Lifetimes {
        churned: counts.windows(2).map(|w| w[0] - w[1]).collect(),
        active,
    })
}

/// One row per subscriber: `renewals[i]` times renewed (0: cancelled or
/// still in the first period), `active[i]` still subscribed. A subscriber
/// who left after k renewals cancelled in period k + 1; one still subscribed
/// after k renewals has survived k periods. Subscribers may have joined at
/// different times.
pub fn from_subscribers(renewals: &[f64], active: &[bool]) -> Result<Lifetimes> {
    if renewals.len() != active.len() {
        return Err(Error::field(
            Code::ListsDifferInLength,
            "active",
            format!(
                "renewals has {} values and active {}: give one of each per subscriber.",
                renewals.len(),
                active.len()
            ),
        )
        .with("renewals", renewals.len())
        .with("active", active.len()));
    }
    if renewals.is_empty() {
        return Err(Error::field(
            Code::NoSubscribers,
            "renewals",
            "The list of subscribers is empty.",
        ));
    }
    let mut lifetimes = Lifetimes::default();
    for (i, (&k, &is_active)) in renewals.iter().zip(active).enumerate() {
        let at = |code: Code, what: &str| {
            Error::field(
                code,
                "renewals",
                format!("Subscriber {} has {} renewals: {what}.", i + 1, number(k)),
            )
            .with_row(i + 1)
            .with("got", k)
        };
        if !k.is_finite() {
            return Err(Error::field(
                Code::NotANumber,
                "renewals",
                format!("The renewals of subscriber {} are not a number.", i + 1),
            )
            .with_row(i + 1));
        }
        if k < 0.0 {
            return Err(at(Code::Negative, "renewals cannot be negative"));
        }
        if k.fract() != 0.0 {
            return Err(at(Code::NotInteger, "renewals are a whole number"));
        }
        if k > MAX_HORIZON as f64 {
            return Err(
                at(Code::TooLarge, "at most 1200 periods are supported").with("max", MAX_HORIZON)
            );
        }
        let k = k as usize;
        let (list, index) = if is_active {
            (&mut lifetimes.active, k)
        } else {
            (&mut lifetimes.churned, k)
        };
        if list.len() <= index {
            list.resize(index + 1, 0.0);
        }
        list[index] += 1.0;
    }
    let churned: f64 = lifetimes.churned.iter().sum();
    let renewed = lifetimes.subscribers()
        - lifetimes.churned.first().copied().unwrap_or(0.0)
        - lifetimes.active.first().copied().unwrap_or(0.0);
    check_churn_and_renewals(churned, renewed)?;
    if lifetimes.periods() < MIN_PERIODS {
        return Err(Error::field(
            Code::TooFewPeriods,
            "renewals",
            format!(
                "The subscribers cover {} period{}: at least {MIN_PERIODS} are needed to tell how retention changes.",
                lifetimes.periods(),
                if lifetimes.periods() == 1 { "" } else { "s" }
            ),
        )
        .with("got", lifetimes.periods())
        .with("min", MIN_PERIODS));
    }
    Ok(lifetimes)
}

/// Nothing can be fitted when nobody cancelled or nobody ever renewed.
fn check_churn_and_renewals(churned: f64, renewed: f64) -> Result<()> {
    if churned == 0.0 {
        return Err(Error::new(
            Code::NoChurn,
            "Nobody cancelled in the periods given: retention is 100 % so far and nothing can be projected from it.",
        ));
    }
    if renewed == 0.0 {
        return Err(Error::new(
            Code::NoRenewals,
            "Nobody renewed after the first period: there is nothing to project.",
        ));
    }
    Ok(())
}

/// The sBG parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SbgParams {
    pub alpha: f64,
    pub beta: f64,
}

impl SbgParams {
    /// r(t) = (β + t − 1) / (α + β + t − 1), t ≥ 1: the share of those
    /// subscribed after t − 1 periods who renew at the end of period t.
    pub fn retention(&self, t: usize) -> f64 {
        let t = t as f64;
        (self.beta + t - 1.0) / (self.alpha + self.beta + t - 1.0)
    }

    /// S(t) for t = 0 … `last`, by the product of the retention rates.
    pub fn survival_curve(&self, last: usize) -> Vec<f64> {
        let mut s = Vec::with_capacity(last + 1);
        s.push(1.0);
        for t in 1..=last {
            let prev = s[t - 1];
            s.push(prev * self.retention(t));
        }
        s
    }

    /// ln P(T = t), t ≥ 1, and ln S(t), t ≥ 0, from ln B.
    fn ln_churn(&self, t: f64) -> f64 {
        ln_beta(self.alpha + 1.0, self.beta + t - 1.0) - ln_beta(self.alpha, self.beta)
    }

    fn ln_survival(&self, t: f64) -> f64 {
        ln_beta(self.alpha, self.beta + t) - ln_beta(self.alpha, self.beta)
    }

    /// The log-likelihood of what was observed.
    pub fn log_likelihood(&self, data: &Lifetimes) -> f64 {
        let churn: f64 = data
            .churned
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0.0)
            .map(|(i, &c)| c * self.ln_churn(i as f64 + 1.0))
            .sum();
        let alive: f64 = data
            .active
            .iter()
            .enumerate()
            .filter(|(_, &a)| a > 0.0)
            .map(|(t, &a)| a * self.ln_survival(t as f64))
            .sum();
        churn + alive
    }

    /// E[T] = (α + β − 1) / (α − 1) periods (counting the first); `None`
    /// when α ≤ 1, where the mean is infinite: some subscribers practically
    /// never leave.
    pub fn expected_lifetime(&self) -> Option<f64> {
        (self.alpha > 1.0).then(|| (self.alpha + self.beta - 1.0) / (self.alpha - 1.0))
    }

    /// The median lifetime: the first t with S(t) ≤ ½; `None` when more
    /// than half would still be subscribed after 100,000 periods.
    pub fn median_lifetime(&self) -> Option<usize> {
        let mut s = 1.0;
        for t in 1..=MEDIAN_SEARCH {
            s *= self.retention(t);
            if s <= 0.5 {
                return Some(t);
            }
        }
        None
    }

    /// DEL = ₂F₁(1, β; α + β; 1 / (1 + d)), d > 0.
    pub fn discounted_expected_lifetime(&self, d: f64) -> f64 {
        hyp2f1(1.0, self.beta, self.alpha + self.beta, 1.0 / (1.0 + d))
    }

    /// DERL(n) = (β + n) / (α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1 / (1 + d)), d > 0.
    pub fn discounted_expected_residual_lifetime(&self, d: f64, n: usize) -> f64 {
        let n = n as f64;
        let (a, b) = (self.alpha, self.beta);
        (b + n) / (a + b + n) * hyp2f1(1.0, b + n + 1.0, a + b + n + 1.0, 1.0 / (1.0 + d))
    }
}

/// The maximum-likelihood fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SbgFit {
    pub params: SbgParams,
    pub log_likelihood: f64,
    /// α + β ≥ [`CONSTANT_CHURN_SIZE`]: no heterogeneity to speak of.
    pub constant_churn: bool,
}

/// −LL and its gradient in (ln α, ln β).
fn objective(data: &Lifetimes, x: &[f64; 2], grad: &mut [f64; 2]) -> f64 {
    let (alpha, beta) = (x[0].exp(), x[1].exp());
    let p = SbgParams { alpha, beta };
    let ab = alpha + beta;
    let (mut ga, mut gb) = (0.0, 0.0);
    let mut ll = 0.0;
    let base_a = digamma(alpha) - digamma(ab);
    let base_b = digamma(beta) - digamma(ab);
    let mut weight = 0.0;
    for (i, &c) in data.churned.iter().enumerate() {
        if c > 0.0 {
            let t = i as f64 + 1.0;
            ll += c * p.ln_churn(t);
            let top = digamma(ab + t);
            ga += c * (digamma(alpha + 1.0) - top);
            gb += c * (digamma(beta + t - 1.0) - top);
            weight += c;
        }
    }
    for (t, &a) in data.active.iter().enumerate() {
        if a > 0.0 {
            let t = t as f64;
            ll += a * p.ln_survival(t);
            let top = digamma(ab + t);
            ga += a * (digamma(alpha) - top);
            gb += a * (digamma(beta + t) - top);
            weight += a;
        }
    }
    ga -= weight * base_a;
    gb -= weight * base_b;
    grad[0] = -ga * alpha;
    grad[1] = -gb * beta;
    -ll
}

/// Fits α and β from several starts (BFGS in ln α, ln β; Nelder–Mead where
/// BFGS does not converge), keeping the best. When the subscribers hardly
/// differ the likelihood rises without end as α and β grow together at a
/// fixed α / (α + β): the search is then bounded at 10⁶, where the model is
/// a constant churn rate to many digits, and `constant_churn` says so from
/// α + β ≥ [`CONSTANT_CHURN_SIZE`].
pub fn fit(data: &Lifetimes) -> Result<SbgFit> {
    let cap = SEARCH_CAP.ln();
    let bounded = |x: &[f64; 2]| x[0].max(x[1]) <= cap && x[0].min(x[1]) >= -cap;
    let minus_ll = |x: &[f64; 2], g: &mut [f64; 2]| {
        if !bounded(x) {
            *g = [f64::NAN; 2];
            return f64::INFINITY;
        }
        objective(data, x, g)
    };
    // The mean first-period churn, for starts with that mean.
    let first = data.churned.first().copied().unwrap_or(0.0)
        / (data.subscribers() - data.active.first().copied().unwrap_or(0.0));
    let churn = first.clamp(0.01, 0.99);
    let starts = [
        [0.0, 0.0],
        [(churn * 2.0).ln(), ((1.0 - churn) * 2.0).ln()],
        [(churn * 20.0).ln(), ((1.0 - churn) * 20.0).ln()],
        [(churn * 0.5).ln(), ((1.0 - churn) * 0.5).ln()],
    ];
    // Within a factor e of the bound: the likelihood runs off (equal
    // subscribers); further starts and Nelder–Mead would only creep along it.
    let at_bound = |x: &[f64; 2]| x[0].max(x[1]) > cap - 1.0;
    let mut best: Option<([f64; 2], f64)> = None;
    for start in starts {
        let m = bfgs(minus_ll, start, 1e-9, 500);
        let m = if m.converged || at_bound(&m.x) {
            m
        } else {
            let mut g = [0.0; 2];
            let nm = nelder_mead(
                |x: &[f64; 2]| minus_ll(x, &mut g),
                m.x,
                0.5,
                1e-12,
                1e-10,
                4000,
            );
            if nm.value < m.value {
                nm
            } else {
                m
            }
        };
        if m.value.is_finite() && best.is_none_or(|(_, v)| m.value < v) {
            best = Some((m.x, m.value));
        }
        if at_bound(&m.x) {
            break;
        }
    }
    let Some((x, value)) = best else {
        return Err(Error::new(
            Code::FitDidNotConverge,
            "The retention model could not be fitted to these counts.",
        ));
    };
    let params = SbgParams {
        alpha: x[0].exp(),
        beta: x[1].exp(),
    };
    Ok(SbgFit {
        params,
        log_likelihood: -value,
        constant_churn: params.alpha + params.beta >= CONSTANT_CHURN_SIZE,
    })
}

/// Options of [`sbg`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SbgOptions {
    /// Periods to project (from period 0); `None`: twice the periods
    /// observed, at least [`DEFAULT_HORIZON`].
    pub horizon: Option<usize>,
    /// Discount rate per period, a fraction (0.01 = 1 %), above 0 and at most 1.
    pub discount_rate: f64,
    /// Revenue (or margin) per subscriber per period, for the values.
    pub value_per_period: Option<f64>,
}

impl Default for SbgOptions {
    fn default() -> Self {
        SbgOptions {
            horizon: None,
            discount_rate: DEFAULT_DISCOUNT_RATE,
            value_per_period: None,
        }
    }
}

/// One period of the result: observed where the data reach, fitted and
/// projected throughout. Rates are percentages (0–100).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SbgPeriod {
    pub period: usize,
    /// Observed: still subscribed (single cohort: the count; else the
    /// Kaplan–Meier share × the subscribers at the start); `null` beyond the data.
    pub actual: Option<f64>,
    /// Observed share still subscribed, %.
    pub actual_survival: Option<f64>,
    /// Observed retention of the period (renewed / due to renew), %.
    pub actual_retention: Option<f64>,
    /// The model's share still subscribed, S(t) × 100.
    pub survival: f64,
    /// The model's count: S(t) × the subscribers at the start.
    pub expected: f64,
    /// The model's retention r(t) × 100 (`null` at period 0).
    pub retention: Option<f64>,
    /// 100 − retention.
    pub churn: Option<f64>,
    /// Beyond the observed periods.
    pub projected: bool,
}

/// The discounted residual lifetime of a subscriber by renewals made.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResidualValue {
    pub renewals: usize,
    /// DERL, in payments.
    pub derl: f64,
    /// value per period × DERL (`null` without a value).
    pub value: Option<f64>,
}

/// The result of [`sbg`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sbg {
    pub params: SbgParams,
    pub log_likelihood: f64,
    /// Subscribers in the data, and still subscribed at its end.
    pub subscribers: f64,
    pub active_subscribers: f64,
    /// Periods observed.
    pub observed_periods: usize,
    pub horizon: usize,
    /// Mean churn probability across subscribers, α / (α + β), %.
    pub mean_churn: f64,
    pub periods: Vec<SbgPeriod>,
    /// E[T] in periods (`null`: infinite, α ≤ 1).
    pub expected_lifetime: Option<f64>,
    /// Periods until half have left (`null`: beyond 100,000).
    pub median_lifetime: Option<usize>,
    pub discount_rate: f64,
    pub value_per_period: Option<f64>,
    /// DEL of a new subscriber, in payments.
    pub discounted_lifetime: f64,
    /// value × DEL.
    pub value_per_new_subscriber: Option<f64>,
    /// DERL by renewals made, 0 … the periods observed.
    pub residual: Vec<ResidualValue>,
    /// Σ over the subscribers still active of value × DERL(their renewals).
    pub residual_value_of_base: Option<f64>,
    #[serde(flatten)]
    pub notices: Notices,
}

/// Checks the options' numbers (the API has checked their types).
pub fn check_options(o: &SbgOptions) -> Result<()> {
    let d = o.discount_rate;
    if !(d > 0.0 && d <= 1.0) {
        return Err(Error::field(
            Code::DiscountRateOutOfRange,
            "discountRate",
            format!(
                "discountRate is a fraction per period above 0 and at most 1 (0.01 = 1 %); got {}.",
                number(d)
            ),
        )
        .with("got", d));
    }
    if let Some(v) = o.value_per_period {
        if !v.is_finite() {
            return Err(Error::field(
                Code::NotANumber,
                "valuePerPeriod",
                "valuePerPeriod is not a number.",
            ));
        }
        if v < 0.0 {
            return Err(Error::field(
                Code::Negative,
                "valuePerPeriod",
                format!("valuePerPeriod cannot be negative (got {}).", number(v)),
            )
            .with("got", v));
        }
    }
    if let Some(h) = o.horizon {
        if h == 0 {
            return Err(Error::field(
                Code::HorizonNotPositive,
                "horizon",
                "horizon is the number of periods to project: at least 1.",
            ));
        }
        if h > MAX_HORIZON {
            return Err(Error::field(
                Code::HorizonTooLong,
                "horizon",
                format!("horizon is at most {MAX_HORIZON} periods (got {h})."),
            )
            .with("got", h)
            .with("max", MAX_HORIZON));
        }
    }
    Ok(())
}

/// Fits the sBG to `data` and projects survival, retention and the
/// discounted lifetimes and values.
pub fn sbg(data: &Lifetimes, options: &SbgOptions) -> Result<Sbg> {
    check_options(options)?;
    let fit = fit(data)?;
    let p = fit.params;
    let observed = data.actual();
    let observed_periods = data.periods();
    let subscribers = data.subscribers();
    let horizon = options
        .horizon
        .unwrap_or((2 * observed_periods).clamp(DEFAULT_HORIZON, MAX_HORIZON))
        .max(observed_periods);
    let curve = p.survival_curve(horizon);
    let single = data.single_cohort();
    let periods: Vec<SbgPeriod> = (0..=horizon)
        .map(|t| {
            let seen = observed.get(t);
            let retention = (t > 0).then(|| p.retention(t) * 100.0);
            // One group: the counts themselves, exactly (at risk − cancelled
            // is exact for whole numbers); else the Kaplan–Meier share.
            let count = |o: &Observed| {
                if single {
                    if o.period == 0 {
                        subscribers
                    } else {
                        o.at_risk - o.churned
                    }
                } else {
                    o.survival * subscribers
                }
            };
            SbgPeriod {
                period: t,
                actual: seen.map(count),
                actual_survival: seen.map(|o| {
                    if single {
                        percent(count(o), subscribers)
                    } else {
                        o.survival * 100.0
                    }
                }),
                actual_retention: seen.and_then(|o| o.retention).map(|r| r * 100.0),
                survival: curve[t] * 100.0,
                expected: curve[t] * subscribers,
                retention,
                churn: retention.map(|r| 100.0 - r),
                projected: t > observed_periods,
            }
        })
        .collect();

    let d = options.discount_rate;
    let value = options.value_per_period;
    let residual: Vec<ResidualValue> = (0..=observed_periods)
        .map(|n| {
            let derl = p.discounted_expected_residual_lifetime(d, n);
            ResidualValue {
                renewals: n,
                derl,
                value: value.map(|v| v * derl),
            }
        })
        .collect();
    let active_subscribers: f64 = data.active.iter().sum();
    let residual_value_of_base = value.map(|v| {
        data.active
            .iter()
            .enumerate()
            .filter(|(_, &a)| a > 0.0)
            .map(|(n, &a)| a * v * p.discounted_expected_residual_lifetime(d, n))
            .sum()
    });
    let discounted_lifetime = p.discounted_expected_lifetime(d);

    let mut notices = Notices::default();
    if observed_periods < FEW_PERIODS {
        notices.push(
            Notice::new(
                Code::SbgFewPeriods,
                format!(
                    "Only {observed_periods} periods observed: the projection rests on little history and can be far off."
                ),
            )
            .with("periods", observed_periods)
            .with("min", FEW_PERIODS),
        );
    }
    if subscribers < FEW_SUBSCRIBERS {
        notices.push(
            Notice::new(
                Code::SbgFewSubscribers,
                format!(
                    "Only {} subscribers: the retention figures are rough.",
                    number(subscribers)
                ),
            )
            .with("subscribers", subscribers)
            .with("min", FEW_SUBSCRIBERS),
        );
    }
    if fit.constant_churn {
        let churn = p.alpha / (p.alpha + p.beta) * 100.0;
        notices.push(
            Notice::new(
                Code::SbgConstantChurn,
                format!(
                    "Retention does not rise over time in these counts: the subscribers look alike, and the model is a constant churn of {} % a period.",
                    number((churn * 10.0).round() / 10.0)
                ),
            )
            .with("churn", churn),
        );
    }
    let (gap, gap_period) = observed
        .iter()
        .map(|o| ((o.survival - curve[o.period]).abs() * 100.0, o.period))
        .fold((0.0, 0), |m, g| if g.0 > m.0 { g } else { m });
    if gap > POOR_FIT_POINTS {
        notices.push(
            Notice::new(
                Code::SbgPoorFit,
                format!(
                    "The model misses the observed share still subscribed by {} percentage points after period {gap_period}: retention in these data does not follow the model's pattern (rising as the less loyal leave), so read the projection with care.",
                    number((gap * 10.0).round() / 10.0)
                ),
            )
            .with("points", gap)
            .with("period", gap_period),
        );
    }
    if p.expected_lifetime().is_none() {
        notices.push(
            Notice::new(
                Code::SbgNoFiniteLifetime,
                format!(
                    "The model has no finite mean lifetime (α = {} ≤ 1): a share of subscribers practically never leaves. The median and the discounted lifetime are given instead.",
                    number((p.alpha * 1000.0).round() / 1000.0)
                ),
            )
            .with("alpha", p.alpha),
        );
    }

    Ok(Sbg {
        params: p,
        log_likelihood: fit.log_likelihood,
        subscribers,
        active_subscribers,
        observed_periods,
        horizon,
        mean_churn: p.alpha / (p.alpha + p.beta) * 100.0,
        periods,
        expected_lifetime: p.expected_lifetime(),
        median_lifetime: p.median_lifetime(),
        discount_rate: d,
        value_per_period: value,
        discounted_lifetime,
        value_per_new_subscriber: value.map(|v| v * discounted_lifetime),
        residual,
        residual_value_of_base,
        notices,
    })
}
