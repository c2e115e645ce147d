//! The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the
//! Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2)).
//!
//! While alive, a customer buys as a Poisson process with rate λ; after each
//! purchase the customer drops out with probability p. Across customers
//! λ ~ Gamma(r, α) (shape r, rate α) and p ~ Beta(a, b).
//!
//! Per customer with x repeat purchases, the last at t_x, observed to T
//! (the paper's individual-level likelihood, in the log form lifetimes uses):
//!
//! ln L = ln Γ(r+x) − ln Γ(r) + r ln α
//!      + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
//!      + ln( (α+T)^−(r+x) + [x > 0] · a/(b+x−1) · (α+t_x)^−(r+x) ).

use super::optimize::{bfgs, hessian_from_gradient, invert_spd, nelder_mead, polish};
use super::special::{digamma, hyp2f1_b_difference, ln_gamma};
use super::{
    at_least, check_customers, CustomerRfmt, Grouped, FEW_CUSTOMERS, MIN_CUSTOMERS,
    MIN_REPEAT_BUYERS,
};
use crate::error::{Code, Error, Notice, Notices, Result};
use serde::Serialize;

/// The four BG/NBD parameters: r, α for purchasing (λ ~ Gamma(r, α); α in
/// the data's time unit) and a, b for dropping out (p ~ Beta(a, b)).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BgNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

impl BgNbdParams {
    /// [r, α, a, b].
    pub fn to_array(self) -> [f64; 4] {
        [self.r, self.alpha, self.a, self.b]
    }

    /// From [r, α, a, b].
    pub fn from_array(p: [f64; 4]) -> Self {
        BgNbdParams {
            r: p[0],
            alpha: p[1],
            a: p[2],
            b: p[3],
        }
    }

    /// ln L for one customer (x repeat purchases, the last at t_x, observed
    /// to T).
    pub fn log_likelihood(&self, x: f64, t_x: f64, t: f64) -> f64 {
        let BgNbdParams { r, alpha, a, b } = *self;
        let a1 = ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln();
        let a2 = ln_gamma(a + b) + ln_gamma(b + x) - ln_gamma(b) - ln_gamma(a + b + x);
        let a3 = -(r + x) * (alpha + t).ln();
        if x > 0.0 {
            let a4 = a.ln() - (b + x - 1.0).ln() - (r + x) * (alpha + t_x).ln();
            a1 + a2 + log_add_exp(a3, a4)
        } else {
            a1 + a2 + a3
        }
    }

    /// Σ ln L over customers.
    pub fn total_log_likelihood(&self, customers: &[CustomerRfmt]) -> f64 {
        customers
            .iter()
            .map(|c| self.log_likelihood(c.frequency, c.recency, c.t))
            .sum()
    }

    /// P(alive at T | x, t_x, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
    /// (Fader, Hardie & Lee, "Computing P(alive) using the BG/NBD model",
    /// brucehardie.com/notes/021), computed as a
    /// logistic of the log odds: tiny but positive for customers long silent
    /// after many purchases (0 only below 1e-308). A customer without repeat
    /// purchases is alive for sure in this model.
    pub fn probability_alive(&self, x: f64, t_x: f64, t: f64) -> f64 {
        if x <= 0.0 {
            return 1.0;
        }
        let BgNbdParams { r, alpha, a, b } = *self;
        let log_odds_dead = (r + x) * ((alpha + t) / (alpha + t_x)).ln() + (a / (b + x - 1.0)).ln();
        logistic(-log_odds_dead)
    }

    /// E[Y(t) | x, t_x, T]: expected repeat purchases in the next `horizon`
    /// time units of a customer with this history (eq. 10 of the paper).
    ///
    /// Eq. 10 is (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    /// times P(alive). The bracketed factor is E[(1 − (1 + p t/(α+T))^−(r+x)) / p]
    /// over p ~ Beta(a, b+x) (the posterior of a live customer), and by
    /// Pfaff's transformation equals
    /// −(a+b+x−1) · (₂F₁(r+x, a−1; a+b+x−1; −t/(α+T)) − 1)/(a − 1),
    /// which [`hyp2f1_b_difference`] evaluates without the 0/0 of eq. 10 at
    /// a = 1 and without overflow for large x and long horizons.
    pub fn conditional_expected_purchases(&self, horizon: f64, x: f64, t_x: f64, t: f64) -> f64 {
        if horizon <= 0.0 {
            return 0.0;
        }
        let alive = self.probability_alive(x, t_x, t);
        let u = horizon / (self.alpha + t);
        alive * posterior_expected_count(self.r + x, self.a, self.b + x, u)
    }

    /// E[X(t)]: expected repeat purchases within `horizon` of the first
    /// purchase, for a customer chosen at random (eq. 9 of the paper; the
    /// same formula as [`Self::conditional_expected_purchases`] with x = 0,
    /// T = 0).
    pub fn expected_purchases(&self, horizon: f64) -> f64 {
        if horizon <= 0.0 {
            return 0.0;
        }
        posterior_expected_count(self.r, self.a, self.b, horizon / self.alpha)
    }
}

/// E[(1 − (1 + p u)^−k) / p] for p ~ Beta(a, bb): the expected number of
/// purchases of a live customer with λ ~ Gamma(k, ·) over u in units of the
/// Gamma's scale, before dropout. Always finite for u ≥ 0 (at most k·u).
pub(crate) fn posterior_expected_count(k: f64, a: f64, bb: f64, u: f64) -> f64 {
    if u <= 0.0 || u.is_nan() {
        return 0.0;
    }
    let c = a + bb - 1.0;
    if c > 0.0 {
        -c * hyp2f1_b_difference(k, a - 1.0, c, -u)
    } else {
        // a + bb ≤ 1 (x = 0 and a + b ≤ 1): the ₂F₁ series needs c > 0. The
        // Beta densities satisfy p^(a−1)(1−p)^(bb−1) = p^(a−1)(1−p)^bb + p^a(1−p)^(bb−1),
        // so E_{a,bb} = (bb E_{a,bb+1} + a E_{a+1,bb}) / (a + bb), both with c = a + bb > 0.
        (bb * posterior_expected_count(k, a, bb + 1.0, u)
            + a * posterior_expected_count(k, a + 1.0, bb, u))
            / (a + bb)
    }
}

/// ln(eˣ + eʸ) without overflow.
pub(crate) fn log_add_exp(x: f64, y: f64) -> f64 {
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    hi + (lo - hi).exp().ln_1p()
}

/// 1 / (1 + e⁻ˣ) without overflow.
pub(crate) fn logistic(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// A fitted BG/NBD model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BgNbdFit {
    pub params: BgNbdParams,
    /// From the observed information: the inverse of the Hessian of −ln L at
    /// the optimum, on the natural parameter scale. `None` when that Hessian
    /// is not positive definite (a flat likelihood).
    pub standard_errors: Option<BgNbdParams>,
    pub log_likelihood: f64,
    pub customers: usize,
    pub repeat_buyers: usize,
    /// BFGS iterations of the final run.
    pub iterations: usize,
    /// The penalty λ the fit used (0: plain maximum likelihood).
    pub penalizer: f64,
    /// Covariance of ln r, ln α, ln a, ln b (penalised objective); `None`
    /// with the standard errors.
    #[serde(skip)]
    pub covariance: Option<[[f64; 4]; 4]>,
    /// `fewCustomers`, `flatLikelihood`, `parameterAtBound`.
    #[serde(flatten)]
    pub notices: Notices,
}

/// Rows [x, t_x, T], merged and sorted by x.
pub(crate) struct Data(Grouped<3>);

impl Data {
    pub fn new(customers: &[CustomerRfmt]) -> Self {
        Data(Grouped::new(
            customers
                .iter()
                .map(|c| [c.frequency, c.recency, c.t])
                .collect(),
        ))
    }

    /// Σ w ln L and its gradient in (r, α, a, b). One pass, no allocation;
    /// ln Γ and ψ are computed once per distinct x.
    pub fn log_likelihood(&self, p: &[f64; 4], grad: &mut [f64; 4]) -> f64 {
        let [r, alpha, a, b] = *p;
        let (ln_alpha, ln_a) = (alpha.ln(), a.ln());
        let (lg_r, lg_b, lg_ab) = (ln_gamma(r), ln_gamma(b), ln_gamma(a + b));
        let (dg_r, dg_b, dg_ab) = (digamma(r), digamma(b), digamma(a + b));
        let mut total = 0.0;
        *grad = [0.0; 4];
        // Per-x constants, refreshed when x changes.
        let mut current_x = f64::NAN;
        let (mut c0, mut c4, mut dr0, mut da0, mut db0, mut inv_b1) =
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for (row, &w) in self.0.rows.iter().zip(&self.0.weights) {
            let [x, t_x, t] = *row;
            if x != current_x {
                current_x = x;
                c0 = ln_gamma(r + x) - lg_r + r * ln_alpha + lg_ab + ln_gamma(b + x)
                    - lg_b
                    - ln_gamma(a + b + x);
                dr0 = digamma(r + x) - dg_r + ln_alpha;
                da0 = dg_ab - digamma(a + b + x);
                db0 = dg_ab + digamma(b + x) - dg_b - digamma(a + b + x);
                if x > 0.0 {
                    inv_b1 = 1.0 / (b + x - 1.0);
                    c4 = ln_a + inv_b1.ln();
                }
            }
            let rx = r + x;
            let ln_t = (alpha + t).ln();
            let a3 = -rx * ln_t;
            let (ll, w4, ln_tx) = if x > 0.0 {
                let ln_tx = (alpha + t_x).ln();
                let a4 = c4 - rx * ln_tx;
                // w4: the share of the "dropped out after t_x" term.
                let d = a3 - a4;
                if d <= 0.0 {
                    let e = d.exp();
                    (a4 + e.ln_1p(), 1.0 / (1.0 + e), ln_tx)
                } else {
                    let e = (-d).exp();
                    (a3 + e.ln_1p(), e / (1.0 + e), ln_tx)
                }
            } else {
                (a3, 0.0, 0.0)
            };
            let w3 = 1.0 - w4;
            total += w * (c0 + ll);
            grad[0] += w * (dr0 - w3 * ln_t - w4 * ln_tx);
            grad[1] += w * (r / alpha - rx * (w3 / (alpha + t) + w4 / (alpha + t_x)));
            grad[2] += w * (da0 + w4 / a);
            grad[3] += w * (db0 - w4 * inv_b1);
        }
        total
    }
}

/// The notice of a flat likelihood at the optimum (no standard errors).
const FLAT: &str = "The likelihood is flat at the optimum, so the parameters are not well determined and have no standard errors.";

/// Fit r, α, a, b by maximum likelihood, without a penalty: the published
/// estimator ([`fit_bgnbd_penalized`] with `penalizer` 0).
///
/// The optimisation runs over the log-parameters on the mean negative
/// log-likelihood, by BFGS with the analytic gradient from a data-based
/// start, falling back to Nelder–Mead when BFGS stalls, and is confirmed by
/// a restart of BFGS from the optimum; it stops when every component of the
/// gradient is below 1e-10. Standard errors come from the numerical Hessian
/// (central differences of the analytic gradient) of −ln L on the natural
/// scale.
///
/// Errors: `tooFewCustomers` (fewer than 10), `tooFewRepeatBuyers` (fewer
/// than 5 customers with x > 0), `fitDidNotConverge` (no optimum, or a
/// parameter running off to 0 or infinity, which happens when the data do not
/// identify the model, e.g. nobody ever lapses), and the input checks of
/// [`super::CustomerRfmt`] values.
pub fn fit_bgnbd(customers: &[CustomerRfmt]) -> Result<BgNbdFit> {
    fit_bgnbd_penalized(customers, 0.0)
}

/// The penalty on the parameters when none is given (lifetimes'
/// `penalizer_coef`, on the log of the shape parameters): see
/// [`fit_bgnbd_penalized`].
pub const DEFAULT_PENALIZER: f64 = 0.001;
/// Largest penalty accepted.
pub const MAX_PENALIZER: f64 = 10.0;
/// |ln θ| of every parameter stays within this during the penalised search
/// (θ within 1e-6 … 1e6): the bounded search.
pub const LOG_BOUND: f64 = 13.815510557964274;
/// A parameter is "set by the penalty" when the penalty gives more than this
/// share of the curvature of the objective in it at the optimum (the data
/// alone hardly determine it).
pub const PENALTY_SHARE: f64 = 0.5;
/// Fewest repeat buyers a penalised fit accepts: with none, nothing about
/// repeat buying or lapsing can be said.
pub const MIN_REPEAT_BUYERS_PENALIZED: usize = 1;

/// ln L − W·λ·((ln r)² + (ln a)² + (ln b)²), with its gradient: the
/// penalised log-likelihood of `data` (total weight W). The shape
/// parameters r, a, b are pulled towards 1 on the log scale; α, a scale in
/// the data's time unit, is not penalised (so days and weeks give the same
/// model). On the mean −ln L this is lifetimes' `penalizer_coef` term, on
/// the log of the shapes rather than the parameters themselves.
fn penalized(data: &Data, penalizer: f64, p: &[f64; 4], grad: &mut [f64; 4]) -> f64 {
    let mut ll = data.log_likelihood(p, grad);
    if penalizer > 0.0 {
        let w = data.0.total_weight() * penalizer;
        for i in [0, 2, 3] {
            let l = p[i].ln();
            ll -= w * l * l;
            grad[i] -= w * 2.0 * l / p[i];
        }
    }
    ll
}

/// Fit r, α, a, b by maximum likelihood with an L2 penalty `penalizer` (λ ≥ 0)
/// on the log shape parameters (see [`penalized`]).
///
/// With λ = 0 this is [`fit_bgnbd`]. With λ > 0 the search is bounded
/// (|ln θ| ≤ [`LOG_BOUND`]), runs from three starts (the data-based start of
/// [`fit_bgnbd`]; r = 0.5, a = 0.5, b = 5; r = 2, a = 2, b = 2) and keeps the
/// best, so that data whose likelihood runs to a boundary (nobody visibly
/// lapses, all customers recent, a short history) still give a model; one
/// repeat buyer is enough. The notice `parameterAtBound` names the
/// parameters the penalty rather than the data determined; standard errors
/// are then those of the penalised objective (a Laplace approximation).
pub fn fit_bgnbd_penalized(customers: &[CustomerRfmt], penalizer: f64) -> Result<BgNbdFit> {
    fit(customers, penalizer, false)
}

/// BFGS iterations of the quick plain attempt of [`fit_bgnbd_robust`]: a
/// likelihood with an inside maximum converges in a few dozen (CDNOW: 24).
const QUICK_ITERATIONS: usize = 100;

/// The fits; `quick` (plain fits only): BFGS with at most
/// [`QUICK_ITERATIONS`] and no Nelder–Mead fallback, so that a likelihood
/// without a maximum is given up on fast.
fn fit(customers: &[CustomerRfmt], penalizer: f64, quick: bool) -> Result<BgNbdFit> {
    check_customers(customers)?;
    check_penalizer(penalizer)?;
    let n = customers.len();
    at_least(n, MIN_CUSTOMERS, Code::TooFewCustomers, || {
        format!("The BG/NBD model needs at least {MIN_CUSTOMERS} customers (got {n}).")
    })?;
    let repeat_buyers = customers.iter().filter(|c| c.frequency > 0.0).count();
    let min_repeat = if penalizer > 0.0 {
        MIN_REPEAT_BUYERS_PENALIZED
    } else {
        MIN_REPEAT_BUYERS
    };
    at_least(repeat_buyers, min_repeat, Code::TooFewRepeatBuyers, || {
        let who = if min_repeat == 1 {
            "one customer who bought again".to_string()
        } else {
            format!("{min_repeat} customers who bought again")
        };
        format!(
            "The BG/NBD model needs at least {who} (got {repeat_buyers}): without repeat purchases it cannot tell how customers lapse."
        )
    })?;
    let data = Data::new(customers);
    let weight = data.0.total_weight();

    // Start: r = 1, α so that r/α is the mean purchase rate, a = b = 1.
    let sum_x: f64 = customers.iter().map(|c| c.frequency).sum();
    let sum_t: f64 = customers.iter().map(|c| c.t).sum();
    let alpha0 = if sum_t > 0.0 { sum_t / sum_x } else { 1.0 };
    let start = [0.0, alpha0.ln(), 0.0, 0.0];
    let found = if penalizer > 0.0 {
        let objective = log_scale_objective(|p, g| penalized(&data, penalizer, p, g), weight);
        let bounded = |theta: &[f64; 4], g: &mut [f64; 4]| {
            if theta.iter().any(|t| t.abs() > LOG_BOUND) {
                *g = [0.0; 4];
                return f64::INFINITY;
            }
            objective(theta, g)
        };
        let starts = [
            start,
            [0.5f64.ln(), (0.5 * alpha0).ln(), 0.5f64.ln(), 5f64.ln()],
            [2f64.ln(), (2.0 * alpha0).ln(), 2f64.ln(), 2f64.ln()],
        ];
        starts
            .iter()
            .map(|s| minimise(bounded, *s))
            .filter(|m| m.converged && m.value.is_finite())
            .min_by(|a, b| a.value.total_cmp(&b.value))
            .ok_or_else(|| not_converged(&start.map(f64::exp)))?
    } else if quick {
        let objective = log_scale_objective(|p, g| data.log_likelihood(p, g), weight);
        let found = bfgs(&objective, start, 1e-10, QUICK_ITERATIONS);
        polish(&objective, found, 1e-10, QUICK_ITERATIONS)
    } else {
        let objective = log_scale_objective(|p, g| data.log_likelihood(p, g), weight);
        minimise(objective, start)
    };
    let params = found.x.map(f64::exp);
    if !found.converged || found.x.iter().any(|v| !v.is_finite() || v.abs() > RUNAWAY) {
        return Err(not_converged(&params));
    }
    let mut grad = [0.0; 4];
    let log_likelihood = data.log_likelihood(&params, &mut grad);

    let mut notices = Notices::default();
    let few = (Code::FewCustomers, "customers: the estimates");
    let flat = Notice::new(Code::FlatLikelihood, FLAT);
    let ll = |p: &_, g: &mut _| penalized(&data, penalizer, p, g);
    let standard_errors = precision(&mut notices, n, few, flat, ll, &params);
    let covariance = covariance(ll, &params);
    if penalizer > 0.0 {
        let held = held_by_penalty(&data, penalizer, &found.x);
        if !held.is_empty() {
            notices.push(at_bound_notice(&held, penalizer));
        }
    }
    Ok(BgNbdFit {
        params: BgNbdParams::from_array(params),
        standard_errors: standard_errors.map(BgNbdParams::from_array),
        log_likelihood,
        customers: n,
        repeat_buyers,
        iterations: found.iterations,
        penalizer,
        covariance,
        notices,
    })
}

/// The BG/NBD fit the API uses. With `penalizer` given, [`fit_bgnbd_penalized`]
/// with it. Without (the default), plain maximum likelihood ([`fit_bgnbd`]),
/// which gives the published figures where the likelihood has a maximum
/// inside the parameter space; where it has none (the fit does not converge,
/// a parameter leaves 1e-6 … 1e6, the Hessian is not positive definite, or
/// fewer than 5 repeat buyers), the fit with [`DEFAULT_PENALIZER`] instead,
/// whose notice `parameterAtBound` says which parameters the penalty holds.
pub fn fit_bgnbd_robust(customers: &[CustomerRfmt], penalizer: Option<f64>) -> Result<BgNbdFit> {
    if let Some(penalizer) = penalizer {
        return fit_bgnbd_penalized(customers, penalizer);
    }
    let plain = match fit(customers, 0.0, true) {
        Ok(fit) => fit,
        Err(e) if e.code == Code::FitDidNotConverge || e.code == Code::TooFewRepeatBuyers => {
            return fit_bgnbd_penalized(customers, DEFAULT_PENALIZER).map(|f| with_held(f, &[]))
        }
        Err(e) => return Err(e),
    };
    let theta = plain.params.to_array().map(f64::ln);
    let off: Vec<&'static str> = (0..4)
        .filter(|&i| theta[i].abs() > LOG_BOUND)
        .map(|i| PARAM_NAMES[i])
        .collect();
    if off.is_empty() && plain.standard_errors.is_some() {
        return Ok(plain);
    }
    fit_bgnbd_penalized(customers, DEFAULT_PENALIZER).map(|f| with_held(f, &off))
}

/// A fit the default penalty was needed for always says so: where the
/// curvature test named no parameter, the notice names those the plain fit
/// ran off with (or all three shapes).
fn with_held(mut fit: BgNbdFit, off: &[&'static str]) -> BgNbdFit {
    if !fit
        .notices
        .own
        .iter()
        .any(|n| n.code == Code::ParameterAtBound)
    {
        let names: Vec<&str> = if off.is_empty() {
            vec!["r", "a", "b"]
        } else {
            off.to_vec()
        };
        fit.notices.push(at_bound_notice(&names, fit.penalizer));
    }
    fit
}

/// `Ok` for a penalty in 0 … [`MAX_PENALIZER`], else `invalidOption`.
pub(crate) fn check_penalizer(penalizer: f64) -> Result<()> {
    if !(0.0..=MAX_PENALIZER).contains(&penalizer) {
        return Err(Error::field(
            Code::PenalizerOutOfRange,
            "penalizerCoef",
            format!("The penalty (penalizerCoef) must be between 0 and {MAX_PENALIZER} (got {penalizer})."),
        )
        .with("got", penalizer)
        .with("max", MAX_PENALIZER));
    }
    Ok(())
}

/// The names of r, α, a, b.
pub const PARAM_NAMES: [&str; 4] = ["r", "alpha", "a", "b"];

/// The shape parameters (of r, a, b) whose curvature in the penalised mean
/// objective at the optimum `theta` (log scale) comes mostly from the
/// penalty: the data alone would let them run to 0 or infinity, so the
/// penalty holds them where they are.
fn held_by_penalty(data: &Data, penalizer: f64, theta: &[f64; 4]) -> Vec<&'static str> {
    let weight = data.0.total_weight();
    let objective = log_scale_objective(|p, g| data.log_likelihood(p, g), weight);
    let h = hessian_from_gradient(
        |t, g| {
            objective(t, g);
        },
        theta,
        1e-4,
    );
    // On the log scale the penalty λ (ln θ)² has curvature 2λ.
    [0, 2, 3]
        .into_iter()
        .filter(|&i| {
            let data_part = h[i][i].max(0.0);
            let penalty = 2.0 * penalizer;
            !(data_part.is_finite()) || penalty / (penalty + data_part) > PENALTY_SHARE
        })
        .map(|i| PARAM_NAMES[i])
        .collect()
}

fn at_bound_notice(held: &[&str], penalizer: f64) -> Notice {
    let names = held.join(", ");
    Notice::new(
        Code::ParameterAtBound,
        format!(
            "The data hardly determine {names}: on the likelihood alone they would run off to 0 or infinity (the data show too little of how customers repeat or lapse), so the penalty ({penalizer}) holds them; predictions that depend on them are a cautious guess."
        ),
    )
    .with("parameters", names.as_str())
    .with("penalizer", penalizer)
}

/// The inverse of the Hessian of −ln L at `params` on the natural scale
/// (central differences of the gradient `log_likelihood` computes, relative
/// step 1e-5); `None` when that Hessian is not positive definite.
fn inverse_hessian<const N: usize>(
    log_likelihood: impl Fn(&[f64; N], &mut [f64; N]) -> f64,
    params: &[f64; N],
) -> Option<[[f64; N]; N]> {
    let hessian = hessian_from_gradient(
        |p, g| {
            log_likelihood(p, g);
            for v in g.iter_mut() {
                *v = -*v;
            }
        },
        params,
        1e-5,
    );
    invert_spd(&hessian)
}

/// The covariance of the log-parameters at the optimum (the inverse Hessian
/// of −ln L in ln θ, from its natural-scale Hessian: Σ_log = D⁻¹ Σ D⁻¹ with
/// D = diag(θ)); `None` when not positive definite.
pub(crate) fn covariance<const N: usize>(
    log_likelihood: impl Fn(&[f64; N], &mut [f64; N]) -> f64,
    params: &[f64; N],
) -> Option<[[f64; N]; N]> {
    inverse_hessian(log_likelihood, params).map(|cov| {
        std::array::from_fn(|i| std::array::from_fn(|j| cov[i][j] / (params[i] * params[j])))
    })
}

/// |ln θ| beyond this (θ outside e^±20 ≈ 2e-9 .. 5e8) means the optimum is
/// at the edge of the parameter space.
pub(crate) const RUNAWAY: f64 = 20.0;

pub(crate) fn not_converged(params: &[f64]) -> Error {
    Error::new(
        Code::FitDidNotConverge,
        format!(
            "The model could not be fitted: the likelihood has no maximum inside the parameter space (parameters reached {}). This happens when the data do not show the behaviour the model describes, e.g. when no customer ever lapses or all customers buy at the same pace.",
            params
                .iter()
                .map(|p| format!("{p:.4e}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

/// The objective both fits minimise: the mean −ln L over the log-parameters
/// θ = ln p, with its gradient in θ, from `log_likelihood` (Σ w ln L and its
/// gradient in p) and the data's total weight.
pub(crate) fn log_scale_objective<const N: usize>(
    log_likelihood: impl Fn(&[f64; N], &mut [f64; N]) -> f64,
    weight: f64,
) -> impl Fn(&[f64; N], &mut [f64; N]) -> f64 {
    move |theta, grad| {
        let p = theta.map(f64::exp);
        let mut g = [0.0; N];
        let ll = log_likelihood(&p, &mut g);
        for i in 0..N {
            grad[i] = -g[i] * p[i] / weight;
        }
        -ll / weight
    }
}

/// Standard errors at the optimum `params` of a log-likelihood whose
/// gradient `log_likelihood` computes: the square roots of the diagonal of
/// the inverse of the Hessian of −ln L (central differences of the gradient,
/// relative step 1e-5), on the natural scale. `None` when that Hessian is not
/// positive definite (a flat likelihood).
pub(crate) fn standard_errors<const N: usize>(
    log_likelihood: impl Fn(&[f64; N], &mut [f64; N]) -> f64,
    params: &[f64; N],
) -> Option<[f64; N]> {
    inverse_hessian(log_likelihood, params).map(|cov| std::array::from_fn(|i| cov[i][i].sqrt()))
}

/// The standard errors of a fit of `n` customers at the optimum `params`,
/// with the notices of how well it is determined: `few` (its code, and who
/// are few and what is rough: "Only {n} {few.1} are rough; …") below
/// [`FEW_CUSTOMERS`], and `flat` when the likelihood is flat there (no
/// standard errors).
pub(crate) fn precision<const N: usize>(
    notices: &mut Notices,
    n: usize,
    few: (Code, &str),
    flat: Notice,
    log_likelihood: impl Fn(&[f64; N], &mut [f64; N]) -> f64,
    params: &[f64; N],
) -> Option<[f64; N]> {
    if n < FEW_CUSTOMERS {
        notices.push(
            Notice::new(
                few.0,
                format!("Only {n} {} are rough; see their standard errors.", few.1),
            )
            .with("customers", n),
        );
    }
    let standard_errors = standard_errors(log_likelihood, params);
    if standard_errors.is_none() {
        notices.push(flat);
    }
    standard_errors
}

/// BFGS, with Nelder–Mead and another BFGS when it stalls, then a BFGS
/// restart from the result (a fresh inverse Hessian) to confirm it.
pub(crate) fn minimise<const N: usize, F>(
    objective: F,
    start: [f64; N],
) -> super::optimize::Minimum<N>
where
    F: Fn(&[f64; N], &mut [f64; N]) -> f64,
{
    const GRADIENT_TOLERANCE: f64 = 1e-10;
    let mut found = bfgs(&objective, start, GRADIENT_TOLERANCE, 1000);
    if !found.converged {
        let simplex = nelder_mead(
            |x: &[f64; N]| objective(x, &mut [0.0; N]),
            start,
            1.0,
            1e-12,
            1e-8,
            3_000,
        );
        found = bfgs(&objective, simplex.x, GRADIENT_TOLERANCE, 1000);
    }
    polish(&objective, found, GRADIENT_TOLERANCE, 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_errors_from_the_hessian_or_none_when_flat() {
        // ln L = −(x−1)²/(2·0.5²) − (y−2)²/(2·3²): the information is
        // diag(1/0.25, 1/9), so the standard errors are 0.5 and 3 (the
        // gradient is linear, so central differences are exact).
        let quadratic = |p: &[f64; 2], g: &mut [f64; 2]| {
            g[0] = -(p[0] - 1.0) / 0.25;
            g[1] = -(p[1] - 2.0) / 9.0;
            -(p[0] - 1.0).powi(2) / 0.5 - (p[1] - 2.0).powi(2) / 18.0
        };
        let se = standard_errors(quadratic, &[1.0, 2.0]).unwrap();
        assert!(
            (se[0] - 0.5).abs() < 1e-6 && (se[1] - 3.0).abs() < 1e-6,
            "{se:?}"
        );
        // Flat in y: no standard errors (the notices flatLikelihood and
        // spendFlatLikelihood).
        let flat = |p: &[f64; 2], g: &mut [f64; 2]| {
            g[0] = -(p[0] - 1.0);
            g[1] = 0.0;
            -(p[0] - 1.0).powi(2) / 2.0
        };
        assert_eq!(standard_errors(flat, &[1.0, 2.0]), None);
    }

    const CDNOW: BgNbdParams = BgNbdParams {
        r: 0.242593,
        alpha: 4.413532,
        a: 0.792886,
        b: 2.425752,
    };

    #[test]
    fn grouped_likelihood_and_gradient_match_the_plain_formula() {
        let customers: Vec<CustomerRfmt> = [
            (0.0, 0.0, 38.86),
            (2.0, 30.43, 38.86),
            (2.0, 30.43, 38.86),
            (1.0, 1.71, 38.86),
            (21.0, 4.71, 29.29),
            (0.0, 0.0, 0.0),
        ]
        .iter()
        .enumerate()
        .map(|(i, &(x, tx, t))| CustomerRfmt {
            id: i.to_string(),
            frequency: x,
            recency: tx,
            t,
            monetary: 0.0,
        })
        .collect();
        let data = Data::new(&customers);
        let p = CDNOW.to_array();
        let mut g = [0.0; 4];
        let ll = data.log_likelihood(&p, &mut g);
        assert!((ll - CDNOW.total_log_likelihood(&customers)).abs() < 1e-11);
        for i in 0..4 {
            let h = 1e-6 * p[i];
            let (mut up, mut down) = (p, p);
            up[i] += h;
            down[i] -= h;
            let numeric = (BgNbdParams::from_array(up).total_log_likelihood(&customers)
                - BgNbdParams::from_array(down).total_log_likelihood(&customers))
                / (2.0 * h);
            assert!(
                (g[i] - numeric).abs() < 1e-6 * (1.0 + numeric.abs()),
                "{i}: {g:?} vs {numeric}"
            );
        }
    }

    #[test]
    fn palive_and_expectations_match_mpmath() {
        // Eq. 10 and P(alive) at 60 digits with mpmath (tests/btyd.rs has
        // more); lifetimes 0.11.3 agrees to 1e-12.
        let cases = [
            (
                2.0,
                30.43,
                38.86,
                39.0,
                0.7266091024562508,
                1.2259103856938938,
            ),
            (
                21.0,
                4.71,
                29.29,
                39.0,
                2.4894361393854993e-11,
                4.4990640852208967e-10,
            ),
            (0.0, 0.0, 38.86, 39.0, 1.0, 0.19478091229356076),
            (
                1.0,
                1.71,
                38.86,
                520.0,
                0.21222732345209522,
                1.3079989825668898,
            ),
            (
                200.0,
                38.0,
                38.86,
                520.0,
                0.8202266468977628,
                559.216735487823,
            ),
            (7.0, 35.0, 38.86, 52.0, 0.8437868946020102, 5.52066305663065),
            (
                21.0,
                4.71,
                29.29,
                520.0,
                2.4894361393854993e-11,
                2.1056208846507996e-09,
            ),
            (
                200.0,
                38.0,
                38.86,
                5200.0,
                0.8202266468977628,
                1357.7252812293045,
            ),
            (0.0, 0.0, 0.0, 520.0, 1.0, 4.968749176471589),
            (
                3.0,
                10.0,
                10.5,
                100000.0,
                0.8332639928597101,
                95.82344621300565,
            ),
        ];
        for (x, tx, t, horizon, alive, expected) in cases {
            let p = CDNOW.probability_alive(x, tx, t);
            assert!(
                ((p - alive) / alive).abs() < 1e-13,
                "{x} {tx} {t}: {p} vs {alive}"
            );
            let e = CDNOW.conditional_expected_purchases(horizon, x, tx, t);
            assert!(
                ((e - expected) / expected).abs() < 1e-12,
                "{x} {tx} {t} {horizon}: {e} vs {expected}"
            );
        }
        for (horizon, expected) in [
            (1.0, 0.05318475535987746),
            (39.0, 1.1950165244955513),
            (78.0, 1.857972105204132),
            (520.0, 4.968749176471589),
        ] {
            let e = CDNOW.expected_purchases(horizon);
            assert!(((e - expected) / expected).abs() < 1e-13, "{horizon}: {e}");
        }
    }
}
