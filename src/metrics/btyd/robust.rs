//! Predictions people can trust (issue #15): what about the data makes a
//! prediction weak (notices), and 90 % intervals for the parameters, each
//! customer's expected purchases and CLV, and their totals.
//!
//! **Intervals** come from the parameters' standard errors: the fitted
//! log-parameters are approximately normal with the covariance of the fit
//! (the inverse Hessian of −ln L, of the penalised objective when a penalty
//! is used). The parameter intervals are exp(ln θ ± 1.645 sd). For the
//! predictions, `draws` parameter sets are drawn from that normal (BG/NBD and
//! Gamma-Gamma independently, as they are fitted separately; a fixed-seed
//! SplitMix64 with Box–Muller normals), each customer's expected purchases
//! over the horizon and spend per purchase are recomputed for every draw, and
//! the 5th and 95th percentiles are the interval. A draw's CLV is the fitted
//! CLV scaled by the draw's purchases and spend (CLV × E′/E × s′/s): the
//! monthly profile of the purchases (how the discount falls on them) is held
//! at the fitted one, which costs one expectation per customer and draw
//! instead of one per month. These are intervals for the expected values
//! (the uncertainty of the model's parameters), not for what one customer
//! will actually buy.

use super::bgnbd::BgNbdFit;
use super::gamma_gamma::GammaGammaFit;
use super::optimize::cholesky;
use super::{BgNbdParams, CustomerRfmt, CustomerValue, GammaGammaParams, TimeUnit};
use crate::error::{Code, Error, Notice, Result};
use serde::Serialize;

/// A history (the longest T) shorter than this many weeks gets `shortHistory`.
pub const SHORT_HISTORY_WEEKS: f64 = 26.0;
/// A share of repeat buyers below this gets `fewRepeatBuyersShare`.
pub const FEW_REPEAT_SHARE: f64 = 0.15;
/// Level of every interval.
pub const INTERVAL_LEVEL: f64 = 0.9;
/// z of a two-sided 90 % normal interval.
const Z90: f64 = 1.6448536269514722;
/// Parameter draws when none is asked for.
pub const DEFAULT_INTERVAL_DRAWS: usize = 200;
/// Most draws accepted.
pub const MAX_INTERVAL_DRAWS: usize = 10_000;
/// Fewest draws used when the budget cuts them.
pub const MIN_INTERVAL_DRAWS: usize = 20;
/// Customers × draws at most (about a second natively, a few seconds in a
/// browser): more customers get fewer draws, down to [`MIN_INTERVAL_DRAWS`].
pub const INTERVAL_BUDGET: usize = 2_000_000;
/// The seed of the draws: the same data give the same intervals.
pub const INTERVAL_SEED: u64 = 15;

/// What about the data makes the prediction weak: `shortHistory` when the
/// longest customer history is under [`SHORT_HISTORY_WEEKS`], and
/// `fewRepeatBuyersShare` when fewer than [`FEW_REPEAT_SHARE`] of the
/// customers bought again.
pub fn data_notices(customers: &[CustomerRfmt], unit: TimeUnit) -> Vec<Notice> {
    let mut out = Vec::new();
    if customers.is_empty() {
        return out;
    }
    let weeks = customers.iter().map(|c| c.t).fold(0.0, f64::max) * unit.days() / 7.0;
    if weeks < SHORT_HISTORY_WEEKS {
        out.push(
            Notice::new(
                Code::ShortHistory,
                format!(
                    "The history is short: the earliest customer was seen for {weeks:.1} weeks, under {SHORT_HISTORY_WEEKS} weeks. Too little time has passed to see how customers lapse, so the predictions lean on the model's assumptions."
                ),
            )
            .with("weeks", weeks)
            .with("min", SHORT_HISTORY_WEEKS),
        );
    }
    let n = customers.len();
    let repeat = customers.iter().filter(|c| c.frequency > 0.0).count();
    let share = repeat as f64 / n as f64;
    if share < FEW_REPEAT_SHARE {
        out.push(
            Notice::new(
                Code::FewRepeatBuyersShare,
                format!(
                    "Only {repeat} of {n} customers ({:.1} %) bought again (under {:.0} %): there is little to learn how customers repeat and lapse from, so the predictions are rough.",
                    share * 100.0,
                    FEW_REPEAT_SHARE * 100.0
                ),
            )
            .with("repeatBuyers", repeat)
            .with("customers", n)
            .with("percent", share * 100.0)
            .with("min", FEW_REPEAT_SHARE * 100.0),
        );
    }
    out
}

/// The draws to use: `asked` (default [`DEFAULT_INTERVAL_DRAWS`]), cut to
/// the budget for `customers`, never below [`MIN_INTERVAL_DRAWS`] (unless 0
/// was asked: no intervals). Errors: `intervalDrawsOutOfRange` above
/// [`MAX_INTERVAL_DRAWS`].
pub fn interval_draws(asked: Option<usize>, customers: usize) -> Result<usize> {
    let asked = asked.unwrap_or(DEFAULT_INTERVAL_DRAWS);
    if asked > MAX_INTERVAL_DRAWS {
        return Err(Error::field(
            Code::IntervalDrawsOutOfRange,
            "intervalDraws",
            format!("intervalDraws can be at most {MAX_INTERVAL_DRAWS} (got {asked})."),
        )
        .with("got", asked)
        .with("max", MAX_INTERVAL_DRAWS));
    }
    if asked == 0 {
        return Ok(0);
    }
    let budget = (INTERVAL_BUDGET / customers.max(1)).max(MIN_INTERVAL_DRAWS);
    Ok(asked.min(budget))
}

/// A 90 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// The seven parameters' 90 % intervals, exp(ln θ ± 1.645 sd).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParamIntervals {
    pub r: Interval,
    pub alpha: Interval,
    pub a: Interval,
    pub b: Interval,
    /// `None` where the spend model has no covariance (the mean-spend
    /// fallback, a flat likelihood).
    pub p: Option<Interval>,
    pub q: Option<Interval>,
    pub v: Option<Interval>,
}

/// One customer's intervals, in the order of the customers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CustomerInterval {
    pub expected_purchases: Interval,
    pub clv: Interval,
}

/// The intervals of a prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Intervals {
    /// 0.9.
    pub level: f64,
    /// "standardErrors": draws from the normal of the log-parameters.
    pub method: &'static str,
    /// Parameter draws used (after the budget).
    pub draws: usize,
    pub seed: u64,
    pub params: ParamIntervals,
    /// Of the sums over all customers.
    pub total_expected_purchases: Interval,
    pub total_clv: Interval,
    #[serde(skip)]
    pub customers: Vec<CustomerInterval>,
}

/// SplitMix64 (Steele, Lea & Flood 2014) with Box–Muller normals.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.unit(), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// exp(ln θ + L z) for z standard normal.
fn draw<const N: usize>(theta: &[f64; N], l: &[[f64; N]; N], rng: &mut Rng) -> [f64; N] {
    let z: [f64; N] = std::array::from_fn(|_| rng.normal());
    std::array::from_fn(|i| {
        let shift: f64 = (0..=i).map(|k| l[i][k] * z[k]).sum();
        (theta[i].ln() + shift).exp()
    })
}

fn param_interval(value: f64, log_variance: f64) -> Interval {
    let sd = log_variance.max(0.0).sqrt();
    Interval {
        low: (value.ln() - Z90 * sd).exp(),
        high: (value.ln() + Z90 * sd).exp(),
    }
}

/// The 5th and 95th percentiles of `values` (sorted in place; linear
/// interpolation between order statistics, as R's type 7).
pub fn percentile_interval(values: &mut [f64]) -> Interval {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let h = (values.len() - 1) as f64 * q;
        let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
        values[lo] + (h - lo as f64) * (values[hi] - values[lo])
    };
    let tail = (1.0 - INTERVAL_LEVEL) / 2.0;
    Interval {
        low: at(tail),
        high: at(1.0 - tail),
    }
}

/// The intervals of a fitted prediction: `values` are the fitted customers'
/// values (in the order of `customers`), `horizon` the horizon in the unit.
/// `None` when the BG/NBD fit has no covariance or `draws` is 0.
pub fn intervals(
    bg: &BgNbdFit,
    gg: &GammaGammaFit,
    customers: &[CustomerRfmt],
    values: &[CustomerValue],
    horizon: f64,
    draws: usize,
) -> Option<Intervals> {
    let bg_cov = bg.covariance?;
    if draws == 0 {
        return None;
    }
    let bg_l = cholesky(&bg_cov)?;
    let gg_l = gg.covariance.as_ref().and_then(cholesky);
    let mut rng = Rng::new(INTERVAL_SEED);
    let bg_theta = bg.params.to_array();
    let gg_theta = gg.params.to_array();
    let sets: Vec<(BgNbdParams, GammaGammaParams)> = (0..draws)
        .map(|_| {
            let b = BgNbdParams::from_array(draw(&bg_theta, &bg_l, &mut rng));
            let g = match &gg_l {
                Some(l) => GammaGammaParams::from_array(draw(&gg_theta, l, &mut rng)),
                None => gg.params,
            };
            (b, g)
        })
        .collect();
    let mut total_e = vec![0.0; draws];
    let mut total_clv = vec![0.0; draws];
    let (mut e_k, mut clv_k) = (vec![0.0; draws], vec![0.0; draws]);
    // Customers with the same (x, t_x, T) share their expected purchases in
    // every draw (one-time buyers of the same first day, say): visit them
    // together and compute once.
    let mut order: Vec<usize> = (0..customers.len()).collect();
    let key = |c: &CustomerRfmt| [c.frequency, c.recency, c.t];
    order.sort_by(|&i, &j| {
        key(&customers[i])
            .iter()
            .zip(key(&customers[j]).iter())
            .map(|(a, b)| a.total_cmp(b))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut shared = vec![0.0; draws];
    let mut previous: Option<[f64; 3]> = None;
    let mut out = vec![
        CustomerInterval {
            expected_purchases: Interval {
                low: 0.0,
                high: 0.0
            },
            clv: Interval {
                low: 0.0,
                high: 0.0
            },
        };
        customers.len()
    ];
    for &i in &order {
        let (c, v) = (&customers[i], &values[i]);
        if previous != Some(key(c)) {
            for (k, (b, _)) in sets.iter().enumerate() {
                shared[k] = b.conditional_expected_purchases(horizon, c.frequency, c.recency, c.t);
            }
            previous = Some(key(c));
        }
        for (k, (_, g)) in sets.iter().enumerate() {
            let e = shared[k];
            // A draw with q ≤ 1 has no mean spend: keep the fitted spend.
            let s = g
                .conditional_expected_spend(c.frequency, c.monetary)
                .filter(|s| s.is_finite())
                .unwrap_or(v.expected_spend);
            let clv = if v.expected_purchases > 0.0 && v.expected_spend > 0.0 {
                v.clv * (e / v.expected_purchases) * (s / v.expected_spend)
            } else {
                0.0
            };
            e_k[k] = e;
            clv_k[k] = clv;
            total_e[k] += e;
            total_clv[k] += clv;
        }
        out[i] = CustomerInterval {
            expected_purchases: percentile_interval(&mut e_k),
            clv: percentile_interval(&mut clv_k),
        };
    }
    let gg_interval = |i: usize| {
        gg.covariance
            .map(|cov| param_interval(gg_theta[i], cov[i][i]))
    };
    Some(Intervals {
        level: INTERVAL_LEVEL,
        method: "standardErrors",
        draws,
        seed: INTERVAL_SEED,
        params: ParamIntervals {
            r: param_interval(bg_theta[0], bg_cov[0][0]),
            alpha: param_interval(bg_theta[1], bg_cov[1][1]),
            a: param_interval(bg_theta[2], bg_cov[2][2]),
            b: param_interval(bg_theta[3], bg_cov[3][3]),
            p: gg_interval(0),
            q: gg_interval(1),
            v: gg_interval(2),
        },
        total_expected_purchases: percentile_interval(&mut total_e),
        total_clv: percentile_interval(&mut total_clv),
        customers: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_as_type_7() {
        // 0..=100: the 5th and 95th percentiles are 5 and 95; of 1..=20,
        // h = 19 × 0.05 = 0.95 → 1 + 0.95 = 1.95 and h = 18.05 → 19.05.
        let mut v: Vec<f64> = (0..=100).rev().map(f64::from).collect();
        let i = percentile_interval(&mut v);
        assert!(
            (i.low - 5.0).abs() < 1e-9 && (i.high - 95.0).abs() < 1e-9,
            "{i:?}"
        );
        let mut w: Vec<f64> = (1..=20).map(f64::from).collect();
        let i = percentile_interval(&mut w);
        assert!((i.low - 1.95).abs() < 1e-12 && (i.high - 19.05).abs() < 1e-12);
    }

    #[test]
    fn draws_follow_the_budget() {
        assert_eq!(interval_draws(None, 1000).unwrap(), 200);
        assert_eq!(interval_draws(None, 100_000).unwrap(), 20);
        assert_eq!(interval_draws(None, 20_000).unwrap(), 100);
        assert_eq!(interval_draws(Some(500), 1_000_000).unwrap(), 20);
        assert_eq!(interval_draws(Some(0), 10).unwrap(), 0);
        assert_eq!(
            interval_draws(Some(10_001), 10).unwrap_err().code,
            Code::IntervalDrawsOutOfRange
        );
    }

    #[test]
    fn normals_have_mean_0_and_variance_1() {
        let mut rng = Rng::new(1);
        let n = 20_000;
        let xs: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        // Standard errors 1/√n = 0.007 and √(2/n) = 0.01.
        assert!(
            mean.abs() < 0.03 && (var - 1.0).abs() < 0.04,
            "{mean} {var}"
        );
    }
}
