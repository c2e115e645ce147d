//! Small unconstrained minimisers for the model fits: BFGS with a
//! backtracking line search (for objectives with analytic gradients), and
//! Nelder–Mead as the derivative-free fallback. Both work on fixed-size
//! arrays, so neither allocates, and both treat a non-finite objective value
//! as "worse than anything", never as an error.

// Matrix code reads best with explicit indices.
#![allow(clippy::needless_range_loop)]

/// Where a minimiser stopped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Minimum<const N: usize> {
    pub x: [f64; N],
    pub value: f64,
    pub gradient: [f64; N],
    pub iterations: usize,
    pub evaluations: usize,
    /// The gradient test was met (BFGS) or the simplex collapsed (Nelder–Mead).
    pub converged: bool,
}

/// Largest absolute component.
pub fn max_abs<const N: usize>(v: &[f64; N]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn dot<const N: usize>(a: &[f64; N], b: &[f64; N]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn identity<const N: usize>() -> [[f64; N]; N] {
    let mut m = [[0.0; N]; N];
    for (i, row) in m.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    m
}

/// Minimise `f` from `x0` by BFGS. `f(x, grad)` returns the value and writes
/// the gradient. Stops when every gradient component is at most
/// `gradient_tolerance` (converged), or after `max_iterations`, or when the
/// line search can make no more progress (converged only if the gradient is
/// then within 1000 × the tolerance, which happens when the objective is
/// flat to rounding).
pub fn bfgs<const N: usize, F>(
    mut f: F,
    x0: [f64; N],
    gradient_tolerance: f64,
    max_iterations: usize,
) -> Minimum<N>
where
    F: FnMut(&[f64; N], &mut [f64; N]) -> f64,
{
    let mut x = x0;
    let mut g = [0.0; N];
    let mut fx = f(&x, &mut g);
    let mut evaluations = 1;
    let mut h = identity::<N>();
    let mut fresh = true;
    let result = |x: [f64; N], value, gradient, iterations, evaluations, converged| Minimum {
        x,
        value,
        gradient,
        iterations,
        evaluations,
        converged,
    };
    if !fx.is_finite() || g.iter().any(|v| !v.is_finite()) {
        return result(x, fx, g, 0, evaluations, false);
    }
    for iteration in 0..max_iterations {
        if max_abs(&g) <= gradient_tolerance {
            return result(x, fx, g, iteration, evaluations, true);
        }
        // Search direction d = −H g; fall back to steepest descent when H has
        // lost positive definiteness.
        let mut d = [0.0; N];
        for i in 0..N {
            d[i] = -dot(&h[i], &g);
        }
        let mut slope = dot(&g, &d);
        if slope >= 0.0 || !slope.is_finite() {
            h = identity();
            fresh = true;
            for i in 0..N {
                d[i] = -g[i];
            }
            slope = dot(&g, &d);
        }
        // A first step of at most 1 in any coordinate.
        let mut step = if fresh {
            (1.0 / max_abs(&d)).min(1.0)
        } else {
            1.0
        };
        let mut x_new = [0.0; N];
        let mut g_new = [0.0; N];
        let mut accepted = false;
        // Values within this of fx are equal to rounding: there the
        // approximate Wolfe test of Hager & Zhang (2005) decides on the
        // directional derivative, which stays exact when f is flat.
        let flat = 1e-14 * fx.abs().max(1.0);
        for _ in 0..60 {
            for i in 0..N {
                x_new[i] = x[i] + step * d[i];
            }
            let f_new = f(&x_new, &mut g_new);
            evaluations += 1;
            let finite = f_new.is_finite() && g_new.iter().all(|v| v.is_finite());
            let slope_new = dot(&g_new, &d);
            let armijo = f_new <= fx + 1e-4 * step * slope;
            let approximately_wolfe =
                f_new <= fx + flat && slope_new >= 0.9 * slope && slope_new <= -0.8 * slope;
            if finite && (armijo || approximately_wolfe) {
                accepted = true;
                let s: [f64; N] = std::array::from_fn(|i| x_new[i] - x[i]);
                let y: [f64; N] = std::array::from_fn(|i| g_new[i] - g[i]);
                let sy = dot(&s, &y);
                if sy > 0.0 {
                    if fresh {
                        // Scale the initial inverse Hessian (Nocedal & Wright 6.20).
                        let scale = sy / dot(&y, &y);
                        h = identity();
                        for (i, row) in h.iter_mut().enumerate() {
                            row[i] = scale;
                        }
                        fresh = false;
                    }
                    update_inverse_hessian(&mut h, &s, &y, sy);
                }
                x = x_new;
                fx = f_new;
                g = g_new;
                break;
            }
            // Shorten the step: where the slope has turned positive, to the
            // zero of the secant through the two slopes; where f rose, to
            // the minimum of the quadratic through f(0), f'(0) and f(step);
            // else halve. Kept within [0.1, 0.5] of the step.
            step = if !finite {
                0.25 * step
            } else if slope_new > 0.0 {
                (step * slope / (slope - slope_new)).clamp(0.1 * step, 0.5 * step)
            } else {
                let denominator = 2.0 * (f_new - fx - step * slope);
                if denominator > 0.0 {
                    (-slope * step * step / denominator).clamp(0.1 * step, 0.5 * step)
                } else {
                    0.5 * step
                }
            };
        }
        if !accepted {
            if !fresh {
                // Retry once from steepest descent before giving up.
                h = identity();
                fresh = true;
                continue;
            }
            let converged = max_abs(&g) <= 1000.0 * gradient_tolerance;
            return result(x, fx, g, iteration, evaluations, converged);
        }
    }
    let converged = max_abs(&g) <= gradient_tolerance;
    result(x, fx, g, max_iterations, evaluations, converged)
}

/// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(sᵀy).
fn update_inverse_hessian<const N: usize>(
    h: &mut [[f64; N]; N],
    s: &[f64; N],
    y: &[f64; N],
    sy: f64,
) {
    let rho = 1.0 / sy;
    let hy: [f64; N] = std::array::from_fn(|i| dot(&h[i], y));
    let yhy = dot(y, &hy);
    for i in 0..N {
        for j in 0..N {
            h[i][j] += rho * ((1.0 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
        }
    }
}

/// A BFGS restart (a fresh inverse Hessian) from where the converged search
/// `found` stopped, to confirm it: the restart's result, with the iterations
/// of both, when it converges at a value no worse; else `found` as it is.
pub fn polish<const N: usize, F>(
    f: F,
    found: Minimum<N>,
    gradient_tolerance: f64,
    max_iterations: usize,
) -> Minimum<N>
where
    F: FnMut(&[f64; N], &mut [f64; N]) -> f64,
{
    if !found.converged {
        return found;
    }
    let mut again = bfgs(f, found.x, gradient_tolerance, max_iterations);
    if again.converged && again.value <= found.value {
        again.iterations += found.iterations;
        return again;
    }
    found
}

/// Minimise `f` from `x0` by Nelder–Mead with the standard coefficients
/// (reflection 1, expansion 2, contraction ½, shrink ½) and an initial simplex
/// of `x0` and `x0 + step·eᵢ`. Stops when the values across the simplex differ
/// by at most `value_tolerance` and its vertices by at most `x_tolerance` in
/// every coordinate (converged), or after `max_evaluations`.
pub fn nelder_mead<const N: usize, F>(
    mut f: F,
    x0: [f64; N],
    step: f64,
    value_tolerance: f64,
    x_tolerance: f64,
    max_evaluations: usize,
) -> Minimum<N>
where
    F: FnMut(&[f64; N]) -> f64,
{
    // Non-finite values rank last.
    let mut eval = |x: &[f64; N]| {
        let v = f(x);
        if v.is_nan() {
            f64::INFINITY
        } else {
            v
        }
    };
    // The N + 1 vertices with their values (one allocation per call; the
    // objective itself is what must not allocate).
    let mut simplex: Vec<([f64; N], f64)> = Vec::with_capacity(N + 1);
    simplex.push((x0, eval(&x0)));
    for i in 0..N {
        let mut p = x0;
        p[i] += step;
        simplex.push((p, eval(&p)));
    }
    let mut evaluations = N + 1;
    let mut iterations = 0;
    let mut converged = false;
    while evaluations < max_evaluations {
        iterations += 1;
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let best = simplex[0].1;
        let worst = simplex[N].1;
        let spread_x = (0..N)
            .map(|j| {
                simplex
                    .iter()
                    .map(|p| (p.0[j] - simplex[0].0[j]).abs())
                    .fold(0.0, f64::max)
            })
            .fold(0.0, f64::max);
        if best.is_finite() && (worst - best).abs() <= value_tolerance && spread_x <= x_tolerance {
            converged = true;
            break;
        }
        let centroid: [f64; N] =
            std::array::from_fn(|j| simplex[..N].iter().map(|p| p.0[j]).sum::<f64>() / N as f64);
        let worst_point = simplex[N].0;
        let towards = |t: f64| -> [f64; N] {
            std::array::from_fn(|j| centroid[j] + t * (worst_point[j] - centroid[j]))
        };
        let reflected = towards(-1.0);
        let fr = eval(&reflected);
        evaluations += 1;
        let second_worst = simplex[N - 1].1;
        if fr < best {
            let expanded = towards(-2.0);
            let fe = eval(&expanded);
            evaluations += 1;
            simplex[N] = if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
        } else if fr < second_worst {
            simplex[N] = (reflected, fr);
        } else {
            // Outside contraction when the reflection helped a little, inside
            // otherwise; shrink towards the best vertex when neither helps.
            let contracted = if fr < worst {
                towards(-0.5)
            } else {
                towards(0.5)
            };
            let fc = eval(&contracted);
            evaluations += 1;
            if fc < worst.min(fr) {
                simplex[N] = (contracted, fc);
            } else {
                let anchor = simplex[0].0;
                for vertex in simplex.iter_mut().skip(1) {
                    let p: [f64; N] =
                        std::array::from_fn(|j| anchor[j] + 0.5 * (vertex.0[j] - anchor[j]));
                    *vertex = (p, eval(&p));
                }
                evaluations += N;
            }
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    Minimum {
        x: simplex[0].0,
        value: simplex[0].1,
        gradient: [f64::NAN; N],
        iterations,
        evaluations,
        converged,
    }
}

/// The lower Cholesky factor L of a symmetric matrix, m = L Lᵀ; `None` when
/// the matrix is not positive definite (or not finite).
pub fn cholesky<const N: usize>(m: &[[f64; N]; N]) -> Option<[[f64; N]; N]> {
    let mut l = [[0.0; N]; N];
    for i in 0..N {
        for j in 0..=i {
            let mut sum = m[i][j];
            for k in 0..j {
                sum -= l[i][k] * l[j][k];
            }
            if i == j {
                if sum <= 0.0 || !sum.is_finite() {
                    return None;
                }
                l[i][i] = sum.sqrt();
            } else {
                l[i][j] = sum / l[j][j];
            }
        }
    }
    Some(l)
}

/// The inverse of a symmetric positive-definite matrix by Cholesky
/// factorisation; `None` when the matrix is not positive definite (or not
/// finite), which for a Hessian means the optimum is not a strict maximum of
/// the likelihood and no standard errors exist.
pub fn invert_spd<const N: usize>(m: &[[f64; N]; N]) -> Option<[[f64; N]; N]> {
    let l = cholesky(m)?;
    // Columns of m⁻¹ from L Lᵀ x = eⱼ.
    let mut inv = [[0.0; N]; N];
    for col in 0..N {
        let mut y = [0.0; N];
        for i in 0..N {
            let mut sum = if i == col { 1.0 } else { 0.0 };
            for k in 0..i {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        for i in (0..N).rev() {
            let mut sum = y[i];
            for k in i + 1..N {
                sum -= l[k][i] * inv[k][col];
            }
            inv[i][col] = sum / l[i][i];
        }
    }
    Some(inv)
}

/// The Hessian of a function by central differences of its gradient,
/// symmetrised: column j is (∇f(x + hⱼeⱼ) − ∇f(x − hⱼeⱼ)) / (2hⱼ) with
/// hⱼ = `relative_step` × |xⱼ| (or `relative_step` when xⱼ = 0).
pub fn hessian_from_gradient<const N: usize, G>(
    mut gradient: G,
    x: &[f64; N],
    relative_step: f64,
) -> [[f64; N]; N]
where
    G: FnMut(&[f64; N], &mut [f64; N]),
{
    let mut h = [[0.0; N]; N];
    let mut plus = [0.0; N];
    let mut minus = [0.0; N];
    for j in 0..N {
        let step = if x[j] == 0.0 {
            relative_step
        } else {
            relative_step * x[j].abs()
        };
        let mut xp = *x;
        let mut xm = *x;
        xp[j] += step;
        xm[j] -= step;
        // The step actually taken, after rounding.
        let width = xp[j] - xm[j];
        gradient(&xp, &mut plus);
        gradient(&xm, &mut minus);
        for i in 0..N {
            h[i][j] = (plus[i] - minus[i]) / width;
        }
    }
    for i in 0..N {
        for j in 0..i {
            let mean = 0.5 * (h[i][j] + h[j][i]);
            h[i][j] = mean;
            h[j][i] = mean;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rosenbrock(x: &[f64; 2], g: &mut [f64; 2]) -> f64 {
        let (a, b) = (x[0], x[1]);
        g[0] = -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
        g[1] = 200.0 * (b - a * a);
        (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
    }

    #[test]
    fn bfgs_finds_the_rosenbrock_minimum() {
        let m = bfgs(rosenbrock, [-1.2, 1.0], 1e-10, 500);
        assert!(m.converged, "{m:?}");
        assert!((m.x[0] - 1.0).abs() < 1e-9 && (m.x[1] - 1.0).abs() < 1e-9);
    }

    #[test]
    fn bfgs_survives_non_finite_regions() {
        // ln is undefined for x ≤ 0: the line search must back off.
        let f = |x: &[f64; 1], g: &mut [f64; 1]| {
            g[0] = 1.0 - 1.0 / x[0];
            x[0] - x[0].ln()
        };
        let m = bfgs(f, [20.0], 1e-12, 200);
        assert!(m.converged && (m.x[0] - 1.0).abs() < 1e-10, "{m:?}");
        let nan = |_: &[f64; 1], g: &mut [f64; 1]| {
            g[0] = f64::NAN;
            f64::NAN
        };
        assert!(!bfgs(nan, [0.0], 1e-8, 10).converged);
    }

    #[test]
    fn spd_inverse_and_numeric_hessian() {
        let m = [[4.0, 2.0, 0.6], [2.0, 2.0, 0.5], [0.6, 0.5, 3.0]];
        let inv = invert_spd(&m).expect("positive definite");
        for i in 0..3 {
            for j in 0..3 {
                let e: f64 = (0..3).map(|k| m[i][k] * inv[k][j]).sum();
                assert!((e - if i == j { 1.0 } else { 0.0 }).abs() < 1e-14);
            }
        }
        assert!(invert_spd(&[[1.0, 2.0], [2.0, 1.0]]).is_none());
        // f = x²y + eʸ: Hessian [[2y, 2x], [2x, eʸ]].
        let grad = |p: &[f64; 2], g: &mut [f64; 2]| {
            g[0] = 2.0 * p[0] * p[1];
            g[1] = p[0] * p[0] + p[1].exp();
        };
        let h = hessian_from_gradient(grad, &[1.5, 0.5], 1e-5);
        let want = [[1.0, 3.0], [3.0, 0.5f64.exp()]];
        for i in 0..2 {
            for j in 0..2 {
                assert!((h[i][j] - want[i][j]).abs() < 1e-8, "{h:?}");
            }
        }
    }

    #[test]
    fn nelder_mead_finds_the_rosenbrock_minimum() {
        let f = |x: &[f64; 2]| rosenbrock(x, &mut [0.0; 2]);
        let m = nelder_mead(f, [-1.2, 1.0], 0.5, 1e-16, 1e-9, 10_000);
        assert!(m.converged, "{m:?}");
        assert!((m.x[0] - 1.0).abs() < 1e-6 && (m.x[1] - 1.0).abs() < 1e-6);
    }
}
