//! The Gamma-Gamma model of spend per purchase (Fader & Hardie 2013, "The
//! Gamma-Gamma Model of Monetary Value", brucehardie.com/notes/025; the
//! likelihood of lifetimes' `GammaGammaFitter`).
//!
//! A customer's purchase values are Gamma(p, ν) with the customer's ν ~
//! Gamma(q, v) across customers, so the mean m of a repeat buyer's x values
//! has density
//!
//! f(m | x) = Γ(px+q) / (Γ(px) Γ(q)) · v^q · x^(px) · m^(px−1) / (v + x m)^(px+q).
//!
//! Only repeat buyers (x > 0) with a positive mean spend enter the fit.

use super::bgnbd::{covariance, log_scale_objective, minimise, precision, RUNAWAY};
use super::optimize::{bfgs, polish};
use super::special::{digamma, ln_gamma};
use super::{at_least, check_customers, pearson, CustomerRfmt, Grouped, MIN_CUSTOMERS};
use crate::error::{number, Code, Notice, Notices, Result};
use serde::Serialize;

/// The Gamma-Gamma parameters: p (shape of a customer's purchase values),
/// q and v (shape and rate of the scale across customers; v in money).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GammaGammaParams {
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

impl GammaGammaParams {
    /// [p, q, v].
    pub fn to_array(self) -> [f64; 3] {
        [self.p, self.q, self.v]
    }

    /// From [p, q, v].
    pub fn from_array(a: [f64; 3]) -> Self {
        GammaGammaParams {
            p: a[0],
            q: a[1],
            v: a[2],
        }
    }

    /// ln f(m | x) for a repeat buyer (x > 0, m > 0).
    pub fn log_likelihood(&self, x: f64, m: f64) -> f64 {
        let GammaGammaParams { p, q, v } = *self;
        let px = p * x;
        ln_gamma(px + q) - ln_gamma(px) - ln_gamma(q)
            + q * v.ln()
            + (px - 1.0) * m.ln()
            + px * x.ln()
            - (px + q) * (x * m + v).ln()
    }

    /// Mean spend per purchase across customers, p·v/(q − 1); `None` when
    /// q ≤ 1 (the mean does not exist).
    pub fn population_mean_spend(&self) -> Option<f64> {
        (self.q > 1.0).then(|| self.p * self.v / (self.q - 1.0))
    }

    /// E[spend per purchase | x, m] = p (v + x m) / (p x + q − 1) (Fader &
    /// Hardie 2013, eq. 5): a weighted average of the customer's mean m and
    /// the population mean. Customers without repeat purchases, or with no
    /// positive mean spend, get the population mean. `None` when the mean
    /// does not exist (q ≤ 1 where the population mean is needed, or
    /// p x + q ≤ 1).
    pub fn conditional_expected_spend(&self, x: f64, m: f64) -> Option<f64> {
        if x > 0.0 && m > 0.0 {
            let denominator = self.p * x + self.q - 1.0;
            (denominator > 0.0).then(|| self.p * (self.v + x * m) / denominator)
        } else {
            self.population_mean_spend()
        }
    }
}

/// A fitted Gamma-Gamma model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GammaGammaFit {
    pub params: GammaGammaParams,
    /// From the inverse observed information on the natural scale, as for
    /// the BG/NBD.
    pub standard_errors: Option<GammaGammaParams>,
    pub log_likelihood: f64,
    /// Repeat buyers with a positive mean spend: the customers fitted.
    pub customers: usize,
    /// Pearson correlation of x and m among them (the model assumes none).
    pub frequency_spend_correlation: f64,
    pub iterations: usize,
    /// Covariance of ln p, ln q, ln v; `None` without standard errors (and
    /// for the mean-spend fallback: its spend is then held fixed).
    #[serde(skip)]
    pub covariance: Option<[[f64; 3]; 3]>,
    /// `spendLeftOut`, `sameSpend`, `spendFitRanAway`,
    /// `spendFrequencyCorrelated`, `qAtMostOne`, `fewRepeatBuyers`,
    /// `spendFlatLikelihood`.
    #[serde(flatten)]
    pub notices: Notices,
}

/// The fallback where the spend model cannot be fitted: p = 1, q = 2, v =
/// the mean spend M, so that E[spend | x, m] = (M + x m) / (x + 1) (exactly M
/// when every m is M) and the population mean is M.
fn mean_spend_fit(data: &Data, n: usize, mean: f64, notices: Notices) -> GammaGammaFit {
    let params = [1.0, 2.0, mean];
    let mut grad = [0.0; 3];
    GammaGammaFit {
        params: GammaGammaParams::from_array(params),
        standard_errors: None,
        log_likelihood: data.log_likelihood(&params, &mut grad),
        customers: n,
        frequency_spend_correlation: 0.0,
        iterations: 0,
        covariance: None,
        notices,
    }
}

/// [`fit_gamma_gamma`] (quick: a runaway fit falls back after 200 BFGS
/// iterations instead of a Nelder–Mead search), or where it has too few repeat buyers with a
/// positive spend (1 to 9), the mean-spend fallback of [`mean_spend_fit`]
/// with the notice `spendFromMean`. Errors as [`fit_gamma_gamma`] otherwise
/// (`tooFewRepeatBuyers` when no repeat buyer has a positive spend).
pub fn fit_gamma_gamma_robust(customers: &[CustomerRfmt]) -> Result<GammaGammaFit> {
    match fit(customers, true) {
        Err(e) if e.code == Code::TooFewRepeatBuyers => {
            let used: Vec<&CustomerRfmt> = customers
                .iter()
                .filter(|c| c.frequency > 0.0 && c.monetary > 0.0)
                .collect();
            if used.is_empty() {
                return Err(e);
            }
            let n = used.len();
            let mean = used.iter().map(|c| c.monetary).sum::<f64>() / n as f64;
            let data = Data(Grouped::new(
                used.iter()
                    .map(|c| [c.frequency, c.monetary, c.monetary.ln()])
                    .collect(),
            ));
            let mut notices = Notices::default();
            notices.push(
                Notice::new(
                    Code::SpendFromMean,
                    format!(
                        "Only {n} repeat buyers have a spend, too few (fewer than {MIN_CUSTOMERS}) to fit the Gamma-Gamma spend model; each customer's spend per purchase is the mean spend {} blended with the customer's own mean by repeat purchases, (mean + x × own mean) / (x + 1).",
                        number(mean)
                    ),
                )
                .with("customers", n)
                .with("min", MIN_CUSTOMERS)
                .with("meanSpend", mean),
            );
            Ok(mean_spend_fit(&data, n, mean, notices))
        }
        other => other,
    }
}

/// Rows [x, m, ln m] of the repeat buyers, merged and sorted by x.
struct Data(Grouped<3>);

impl Data {
    /// Σ w ln f and its gradient in (p, q, v); ln Γ and ψ once per distinct x.
    fn log_likelihood(&self, params: &[f64; 3], grad: &mut [f64; 3]) -> f64 {
        let [p, q, v] = *params;
        let (lg_q, dg_q, ln_v) = (ln_gamma(q), digamma(q), v.ln());
        let mut total = 0.0;
        *grad = [0.0; 3];
        let mut current_x = f64::NAN;
        let (mut c0, mut dp0, mut dq0, mut px) = (0.0, 0.0, 0.0, 0.0);
        for (row, &w) in self.0.rows.iter().zip(&self.0.weights) {
            let [x, m, ln_m] = *row;
            if x != current_x {
                current_x = x;
                px = p * x;
                let ln_x = x.ln();
                let dg_pxq = digamma(px + q);
                c0 = ln_gamma(px + q) - ln_gamma(px) - lg_q + q * ln_v + px * ln_x;
                dp0 = dg_pxq - digamma(px) + ln_x;
                dq0 = dg_pxq - dg_q + ln_v;
            }
            let big = x * m + v;
            let ln_big = big.ln();
            total += w * (c0 + (px - 1.0) * ln_m - (px + q) * ln_big);
            grad[0] += w * x * (dp0 + ln_m - ln_big);
            grad[1] += w * (dq0 - ln_big);
            grad[2] += w * (q / v - (px + q) / big);
        }
        total
    }
}

/// The notice of a flat likelihood at the optimum (no standard errors).
const FLAT: &str =
    "The spend likelihood is flat at the optimum, so its parameters have no standard errors.";

/// Fit p, q, v by maximum likelihood on the repeat buyers with a positive
/// mean spend, the same way as [`super::fit_bgnbd`] (BFGS over log-parameters,
/// gradient below 1e-10, standard errors from the numerical Hessian).
///
/// Errors: `tooFewRepeatBuyers` (fewer than 10 usable repeat buyers),
/// and the input checks; where the fit runs away (every repeat buyer spends
/// the same, or nearly), [`mean_spend_fit`] with a warning. Warnings: repeat buyers without
/// a positive spend (left out), a correlation between frequency and spend
/// above 0.3 in size (the model assumes independence), q ≤ 1 (no mean spend),
/// few customers.
pub fn fit_gamma_gamma(customers: &[CustomerRfmt]) -> Result<GammaGammaFit> {
    fit(customers, false)
}

/// The fit; `quick`: BFGS with at most 200 iterations and no Nelder–Mead
/// fallback (a spend fit that converges takes a few dozen; CDNOW 22), so that
/// one that runs away reaches its mean-spend fallback fast.
fn fit(customers: &[CustomerRfmt], quick: bool) -> Result<GammaGammaFit> {
    check_customers(customers)?;
    let used: Vec<&CustomerRfmt> = customers
        .iter()
        .filter(|c| c.frequency > 0.0 && c.monetary > 0.0)
        .collect();
    let n = used.len();
    at_least(n, MIN_CUSTOMERS, Code::TooFewRepeatBuyers, || {
        format!(
            "The Gamma-Gamma spend model needs at least {MIN_CUSTOMERS} customers who bought again with a positive spend (got {n})."
        )
    })?;
    let mut notices = Notices::default();
    let unusable = customers
        .iter()
        .filter(|c| c.frequency > 0.0 && c.monetary <= 0.0)
        .count();
    if unusable > 0 {
        notices.push(
            Notice::new(
                Code::SpendLeftOut,
                format!(
                    "{unusable} repeat buyers with no positive mean spend were left out of the spend model; they are given the population mean spend."
                ),
            )
            .with("customers", unusable),
        );
    }
    let data = Data(Grouped::new(
        used.iter()
            .map(|c| [c.frequency, c.monetary, c.monetary.ln()])
            .collect(),
    ));
    // Every repeat buyer with the same mean spend (every order at one price):
    // the likelihood grows without bound as p → ∞, so there is no fit.
    let (low, high) = used.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), c| {
        (lo.min(c.monetary), hi.max(c.monetary))
    });
    let mean_spend = used.iter().map(|c| c.monetary).sum::<f64>() / n as f64;
    if high - low <= 1e-9 * high {
        notices.push(
            Notice::new(
                Code::SameSpend,
                format!(
                    "Every repeat buyer spends the same per purchase ({}), so the Gamma-Gamma spend model cannot be fitted; each customer's spend per purchase is that mean spend.",
                    number(high)
                ),
            )
            .with("spend", high),
        );
        return Ok(mean_spend_fit(&data, n, mean_spend, notices));
    }
    let weight = data.0.total_weight();
    let objective = log_scale_objective(|p, g| data.log_likelihood(p, g), weight);
    // Start: p = 1, q = 2, and v at the mean spend (then p v/(q−1) = mean).
    let start = [0.0, 2f64.ln(), mean_spend.ln()];
    let found = if quick {
        let found = bfgs(&objective, start, 1e-10, 200);
        polish(&objective, found, 1e-10, 200)
    } else {
        minimise(objective, start)
    };
    let params = found.x.map(f64::exp);
    if !found.converged || found.x.iter().any(|v| !v.is_finite() || v.abs() > RUNAWAY) {
        // Nearly one price (a few same-day orders summed): the same runaway.
        notices.push(
            Notice::new(
                Code::SpendFitRanAway,
                format!(
                    "The Gamma-Gamma spend model could not be fitted (its parameters ran off to p = {:.3e}, q = {:.3e}, v = {:.3e}: the spend per purchase hardly varies); each customer's spend per purchase is the mean spend {} blended with the customer's own mean by repeat purchases, (mean + x × own mean) / (x + 1).",
                    params[0],
                    params[1],
                    params[2],
                    number(mean_spend)
                ),
            )
            .with("p", params[0])
            .with("q", params[1])
            .with("v", params[2])
            .with("meanSpend", mean_spend),
        );
        return Ok(mean_spend_fit(&data, n, mean_spend, notices));
    }
    let mut grad = [0.0; 3];
    let log_likelihood = data.log_likelihood(&params, &mut grad);

    let xs: Vec<f64> = used.iter().map(|c| c.frequency).collect();
    let ms: Vec<f64> = used.iter().map(|c| c.monetary).collect();
    let correlation = pearson(&xs, &ms);
    if correlation.abs() > 0.3 {
        notices.push(
            Notice::new(
                Code::SpendFrequencyCorrelated,
                format!(
                    "Spend per purchase and purchase frequency are correlated (ρ = {correlation:.2}); the Gamma-Gamma model assumes they are independent, so its spend predictions are less reliable."
                ),
            )
            .with("correlation", correlation),
        );
    }
    if params[1] <= 1.0 {
        notices.push(
            Notice::new(
                Code::QAtMostOne,
                format!(
                    "The fitted q = {:.4} is at most 1, so the model has no finite mean spend; spend cannot be predicted for customers without repeat purchases.",
                    params[1]
                ),
            )
            .with("q", params[1]),
        );
    }
    let few = (Code::FewRepeatBuyers, "repeat buyers: the spend estimates");
    let flat = Notice::new(Code::SpendFlatLikelihood, FLAT);
    let ll = |p: &_, g: &mut _| data.log_likelihood(p, g);
    let standard_errors = precision(&mut notices, n, few, flat, ll, &params);
    let covariance = covariance(ll, &params);
    Ok(GammaGammaFit {
        params: GammaGammaParams::from_array(params),
        standard_errors: standard_errors.map(GammaGammaParams::from_array),
        log_likelihood,
        customers: n,
        frequency_spend_correlation: correlation,
        iterations: found.iterations,
        covariance,
        notices,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_likelihood_and_gradient_match_the_plain_formula() {
        let rows = [
            (1.0, 20.0),
            (2.0, 35.5),
            (2.0, 35.5),
            (7.0, 12.25),
            (30.0, 400.0),
        ];
        let params = GammaGammaParams {
            p: 6.25,
            q: 3.74,
            v: 15.44,
        };
        let data = Data(Grouped::new(
            rows.iter().map(|&(x, m)| [x, m, f64::ln(m)]).collect(),
        ));
        let plain = |g: GammaGammaParams| {
            rows.iter()
                .map(|&(x, m)| g.log_likelihood(x, m))
                .sum::<f64>()
        };
        let mut grad = [0.0; 3];
        let ll = data.log_likelihood(&params.to_array(), &mut grad);
        assert!((ll - plain(params)).abs() < 1e-11);
        for i in 0..3 {
            let p = params.to_array();
            let h = 1e-6 * p[i];
            let (mut up, mut down) = (p, p);
            up[i] += h;
            down[i] -= h;
            let numeric = (plain(GammaGammaParams::from_array(up))
                - plain(GammaGammaParams::from_array(down)))
                / (2.0 * h);
            assert!((grad[i] - numeric).abs() < 1e-6 * (1.0 + numeric.abs()));
        }
    }

    #[test]
    fn expected_spend_is_a_weighted_mean() {
        let g = GammaGammaParams {
            p: 6.25,
            q: 3.74,
            v: 15.44,
        };
        let population = 6.25 * 15.44 / 2.74;
        assert_eq!(g.population_mean_spend(), Some(population));
        assert_eq!(g.conditional_expected_spend(0.0, 0.0), Some(population));
        let e = g.conditional_expected_spend(2.0, 50.0).unwrap();
        let w = 12.5 / (12.5 + 2.74);
        assert!((e - ((1.0 - w) * population + w * 50.0)).abs() < 1e-12);
        let no_mean = GammaGammaParams { q: 0.9, ..g };
        assert_eq!(no_mean.population_mean_spend(), None);
        assert!(no_mean.conditional_expected_spend(3.0, 10.0).is_some());
    }
}
