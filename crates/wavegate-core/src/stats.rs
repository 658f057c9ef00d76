//! Statistics the readiness engine needs beyond `statrs`: intervals, exact tests, FDR control.
//!
//! Every function here is pure and total: impossible inputs (no observations, a zero total)
//! give a neutral answer (`None`, p = 1) instead of a panic, because they come from planners'
//! files. The special functions (incomplete beta and gamma, their inverses) are `statrs`'s.

use statrs::distribution::{
    Beta, Binomial, ContinuousCDF, Discrete, Gamma, Hypergeometric, Normal, StudentsT,
};

/// The standard normal quantile for a two-sided interval of `confidence` (0.90 → 1.645).
pub fn z_two_sided(confidence: f64) -> f64 {
    standard_normal().inverse_cdf(0.5 + confidence.clamp(0.0, 0.999_999) / 2.0)
}

fn standard_normal() -> Normal {
    Normal::standard()
}

/// The standard normal distribution function Φ(x).
pub fn normal_cdf(x: f64) -> f64 {
    standard_normal().cdf(x)
}

/// The Wilson score interval for `successes` out of `n` at two-sided `confidence`; `None` for
/// n = 0. Better than the Wald interval at small n and near 0 or 1, where pilots live.
pub fn wilson_interval(successes: f64, n: f64, confidence: f64) -> Option<(f64, f64)> {
    if n <= 0.0 {
        return None;
    }
    let p = (successes / n).clamp(0.0, 1.0);
    let z = z_two_sided(confidence);
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// Fisher's exact test, two-sided, for the table `[[a, b], [c, d]]` (rows: groups; columns:
/// success, failure). Sums the probabilities of every table with the same margins that is at
/// most as likely as the observed one (the convention of R's `fisher.test`).
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let total = a + b + c + d;
    let row1 = a + b;
    let col1 = a + c;
    if total == 0 || row1 == 0 || row1 == total || col1 == 0 || col1 == total {
        return 1.0;
    }
    let Ok(h) = Hypergeometric::new(total, col1, row1) else {
        return 1.0;
    };
    let lo = row1.saturating_sub(total - col1);
    let hi = row1.min(col1);
    // The probabilities rise to the mode and fall after it, each from its neighbour by the
    // ratio P(x+1)/P(x) = (K−x)(n−x) / ((x+1)(N−K−n+x+1)): walked out from the mode, with one
    // logarithm of the gamma function for the start, until the terms no longer count. Summing
    // `pmf` over the whole support cost six of them per term, thousands of terms per table at
    // 100,000 people.
    let (n_all, k, n) = (total as f64, col1 as f64, row1 as f64);
    let mode = (((n + 1.0) * (k + 1.0) / (n_all + 2.0)).floor() as u64).clamp(lo, hi);
    let at_mode = h.ln_pmf(mode).exp();
    let up = |x: u64| {
        (k - x as f64) * (n - x as f64) / ((x as f64 + 1.0) * (n_all - k - n + x as f64 + 1.0))
    };
    let observed = h.pmf(a);
    // Relative tolerance so tables equally likely up to rounding count as "as extreme".
    let cutoff = observed * (1.0 + 1e-7);
    let counted = |q: f64| if q <= cutoff { q } else { 0.0 };
    let mut p = counted(at_mode);
    let mut q = at_mode;
    for x in mode..hi {
        q *= up(x);
        p += counted(q);
        if q < p * 1e-17 {
            break;
        }
    }
    let mut q = at_mode;
    for x in (lo..mode).rev() {
        q /= up(x);
        p += counted(q);
        if q < p * 1e-17 {
            break;
        }
    }
    p.min(1.0)
}

/// The result of a Mann–Whitney U test.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MannWhitney {
    /// U of the first sample: the number of (x, y) pairs with x > y, ties counting ½.
    pub u: f64,
    /// Two-sided p-value.
    pub p: f64,
    /// Whether `p` is exact (permutation distribution of the mid-ranks, ties included) rather
    /// than the normal approximation with tie and continuity correction.
    pub exact: bool,
}

/// Samples at most this large (together) get the exact permutation p-value.
pub const MANN_WHITNEY_EXACT_MAX: usize = 60;

/// The Mann–Whitney U test of `x` against `y`, two-sided; `None` when either sample is empty.
/// Ordinal answers (a 1–5 agreement scale) have many ties; both the exact and the approximate
/// p-values account for them.
pub fn mann_whitney_u(x: &[f64], y: &[f64]) -> Option<MannWhitney> {
    let (n1, n2) = (x.len(), y.len());
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let n = n1 + n2;
    let mut all: Vec<(f64, bool)> = x
        .iter()
        .map(|&v| (v, true))
        .chain(y.iter().map(|&v| (v, false)))
        .collect();
    all.sort_by(|p, q| p.0.total_cmp(&q.0));
    // Doubled mid-ranks are integers, which lets the exact distribution be counted exactly.
    let mut doubled_ranks = vec![0u64; n];
    let mut tie_term = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && all[j + 1].0 == all[i].0 {
            j += 1;
        }
        let doubled = (i + 1 + j + 1) as u64; // (first rank + last rank), 1-based
        for r in &mut doubled_ranks[i..=j] {
            *r = doubled;
        }
        let t = (j - i + 1) as f64;
        tie_term += t * t * t - t;
        i = j + 1;
    }
    let r1_doubled: u64 = all
        .iter()
        .zip(&doubled_ranks)
        .filter(|(v, _)| v.1)
        .map(|(_, r)| r)
        .sum();
    let (n1f, n2f, nf) = (n1 as f64, n2 as f64, n as f64);
    let u = r1_doubled as f64 / 2.0 - n1f * (n1f + 1.0) / 2.0;
    if n <= MANN_WHITNEY_EXACT_MAX {
        let p = exact_rank_sum_p(&doubled_ranks, n1, r1_doubled);
        return Some(MannWhitney { u, p, exact: true });
    }
    let mean = n1f * n2f / 2.0;
    let var = n1f * n2f / 12.0 * ((nf + 1.0) - tie_term / (nf * (nf - 1.0)));
    if var <= 0.0 {
        return Some(MannWhitney {
            u,
            p: 1.0,
            exact: false,
        });
    }
    let z = ((u - mean).abs() - 0.5).max(0.0) / var.sqrt();
    Some(MannWhitney {
        u,
        p: (2.0 * (1.0 - normal_cdf(z))).min(1.0),
        exact: false,
    })
}

/// P(|S − E[S]| ≥ |s − E[S]|) for the sum S of `k` doubled ranks drawn without replacement.
fn exact_rank_sum_p(doubled_ranks: &[u64], k: usize, observed: u64) -> f64 {
    let max_sum: u64 = doubled_ranks.iter().sum();
    let width = usize::try_from(max_sum).unwrap_or(usize::MAX) + 1;
    // ways[j][s]: subsets of size j of the ranks seen so far with doubled-rank sum s.
    let mut ways = vec![vec![0f64; width]; k + 1];
    ways[0][0] = 1.0;
    for (seen, &r) in doubled_ranks.iter().enumerate() {
        let r = usize::try_from(r).unwrap_or(usize::MAX);
        for j in (1..=k.min(seen + 1)).rev() {
            let (lower, upper) = ways.split_at_mut(j);
            let from = &lower[j - 1];
            let to = &mut upper[0];
            for s in (r..width).rev() {
                if from[s - r] != 0.0 {
                    to[s] += from[s - r];
                }
            }
        }
    }
    let n = doubled_ranks.len() as f64;
    let expected = k as f64 * (n + 1.0); // doubled
    let distance = (observed as f64 - expected).abs() - 1e-9;
    let total: f64 = ways[k].iter().sum();
    let extreme: f64 = ways[k]
        .iter()
        .enumerate()
        .filter(|(s, w)| **w != 0.0 && (*s as f64 - expected).abs() >= distance)
        .map(|(_, w)| w)
        .sum();
    (extreme / total).min(1.0)
}

/// Two-sided exact test that two Poisson rates are equal: given `e1 + e2` events over
/// exposures `u1` and `u2`, the first group's count is binomial with p = u1 / (u1 + u2); the
/// p-value sums every count at most as likely as the one observed. 1 without events.
pub fn rate_comparison(e1: u64, u1: f64, e2: u64, u2: f64) -> f64 {
    let n = e1 + e2;
    if n == 0 || u1 <= 0.0 || u2 <= 0.0 {
        return 1.0;
    }
    let Ok(b) = Binomial::new(u1 / (u1 + u2), n) else {
        return 1.0;
    };
    let observed = b.pmf(e1);
    // A relative tolerance, as R's binom.test, so ties in probability count on both sides.
    let limit = observed * (1.0 + 1e-7);
    (0..=n)
        .map(|k| b.pmf(k))
        .filter(|&p| p <= limit)
        .sum::<f64>()
        .min(1.0)
}

/// Welch's two-sided t-test for equal means, from each sample's size, mean and variance.
/// 1 when either sample has fewer than two observations or neither varies.
pub fn welch_t(n1: f64, mean1: f64, var1: f64, n2: f64, mean2: f64, var2: f64) -> f64 {
    if n1 < 2.0 || n2 < 2.0 {
        return 1.0;
    }
    let (a, b) = (var1 / n1, var2 / n2);
    let se2 = a + b;
    if se2 <= 0.0 {
        return if mean1 == mean2 { 1.0 } else { 0.0 };
    }
    let t = (mean1 - mean2) / se2.sqrt();
    let df = se2 * se2 / (a * a / (n1 - 1.0) + b * b / (n2 - 1.0));
    match StudentsT::new(0.0, 1.0, df) {
        Ok(d) => (2.0 * d.sf(t.abs())).min(1.0),
        Err(_) => 1.0,
    }
}

/// Benjamini–Hochberg adjusted p-values (q-values), in the order of `p`. A finding is kept at
/// false-discovery rate α when its q-value is below α.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]).then(i.cmp(&j)));
    let mut q = vec![1.0; m];
    let mut running = 1.0f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        let adjusted = p[i] * m as f64 / (rank + 1) as f64;
        running = running.min(adjusted).min(1.0);
        q[i] = running;
    }
    q
}

/// A Beta distribution used as a posterior for a proportion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BetaPosterior {
    /// First shape (prior successes + observed successes).
    pub a: f64,
    /// Second shape (prior failures + observed failures).
    pub b: f64,
}

impl BetaPosterior {
    /// The posterior after `successes` out of `n` from the Jeffreys prior Beta(½, ½).
    pub fn jeffreys(successes: f64, n: f64) -> BetaPosterior {
        BetaPosterior {
            a: 0.5 + successes,
            b: 0.5 + (n - successes).max(0.0),
        }
    }

    /// The posterior after `successes` out of `n` from the prior Beta(`a0`, `b0`).
    pub fn with_prior(a0: f64, b0: f64, successes: f64, n: f64) -> BetaPosterior {
        BetaPosterior {
            a: a0 + successes,
            b: b0 + (n - successes).max(0.0),
        }
    }

    fn dist(&self) -> Option<Beta> {
        Beta::new(self.a, self.b).ok()
    }

    /// The posterior mean.
    pub fn mean(&self) -> f64 {
        self.a / (self.a + self.b)
    }

    /// P(θ ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        self.dist().map_or(0.5, |d| d.cdf(x))
    }

    /// P(θ ≥ x).
    pub fn sf(&self, x: f64) -> f64 {
        self.dist().map_or(0.5, |d| d.sf(x))
    }

    /// The `q` quantile (0 < q < 1).
    pub fn quantile(&self, q: f64) -> f64 {
        self.dist()
            .map_or(self.mean(), |d| d.inverse_cdf(q.clamp(0.0, 1.0)))
    }
}

/// A Gamma distribution (shape, rate) used as a posterior for a Poisson rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GammaPosterior {
    /// Shape: prior shape + observed events.
    pub shape: f64,
    /// Rate: prior rate + exposure.
    pub rate: f64,
}

impl GammaPosterior {
    /// The posterior after `events` over `exposure` units from the prior Gamma(`shape0`, `rate0`)
    /// (rate0 = 0 with shape0 = ½ is the Jeffreys-like prior of docs/scoring.md).
    pub fn new(shape0: f64, rate0: f64, events: f64, exposure: f64) -> GammaPosterior {
        GammaPosterior {
            shape: shape0 + events,
            rate: rate0 + exposure,
        }
    }

    fn dist(&self) -> Option<Gamma> {
        Gamma::new(self.shape, self.rate).ok()
    }

    /// The posterior mean.
    pub fn mean(&self) -> f64 {
        self.shape / self.rate
    }

    /// P(λ ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        self.dist().map_or(0.5, |d| d.cdf(x))
    }

    /// P(λ ≥ x).
    pub fn sf(&self, x: f64) -> f64 {
        self.dist().map_or(0.5, |d| d.sf(x))
    }

    /// The `q` quantile (0 < q < 1).
    pub fn quantile(&self, q: f64) -> f64 {
        self.dist()
            .map_or(self.mean(), |d| d.inverse_cdf(q.clamp(0.0, 1.0)))
    }
}

/// The posterior of a mean under a flat prior with unknown variance: a Student t with n − 1
/// degrees of freedom around the sample mean, scaled by the standard error.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeanPosterior {
    /// Sample mean.
    pub mean: f64,
    /// Standard error of the mean.
    pub se: f64,
    /// Degrees of freedom (n − 1).
    pub df: f64,
}

impl MeanPosterior {
    /// From observations' count, sum and sum of squares; `min_sd` floors the standard deviation
    /// so a handful of identical answers does not claim certainty. `None` for fewer than 2.
    pub fn from_moments(n: f64, sum: f64, sum_sq: f64, min_sd: f64) -> Option<MeanPosterior> {
        if n < 2.0 {
            return None;
        }
        let mean = sum / n;
        let var = ((sum_sq - n * mean * mean) / (n - 1.0)).max(0.0);
        let sd = var.sqrt().max(min_sd);
        Some(MeanPosterior {
            mean,
            se: sd / n.sqrt(),
            df: n - 1.0,
        })
    }

    fn dist(&self) -> Option<StudentsT> {
        StudentsT::new(self.mean, self.se, self.df).ok()
    }

    /// P(μ ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        self.dist().map_or(0.5, |d| d.cdf(x))
    }

    /// P(μ ≥ x).
    pub fn sf(&self, x: f64) -> f64 {
        1.0 - self.cdf(x)
    }

    /// The `q` quantile (0 < q < 1).
    pub fn quantile(&self, q: f64) -> f64 {
        self.dist()
            .map_or(self.mean, |d| d.inverse_cdf(q.clamp(0.0, 1.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn wilson_matches_hand_computation() {
        // 34/35 at 90%: p = 0.9714, z = 1.6449, from the closed form.
        let (lo, hi) = wilson_interval(34.0, 35.0, 0.90).unwrap();
        assert!(close(lo, 0.8816, 5e-4), "{lo}");
        assert!(close(hi, 0.9936, 5e-4), "{hi}");
        // Zero successes still gives a non-degenerate upper bound.
        let (lo, hi) = wilson_interval(0.0, 10.0, 0.90).unwrap();
        assert_eq!(lo, 0.0);
        assert!(close(hi, 0.2130, 5e-4), "{hi}");
        assert_eq!(wilson_interval(0.0, 0.0, 0.9), None);
    }

    /// The definition, term by term: every table with the same margins at most as likely as
    /// the observed one.
    fn fisher_by_definition(a: u64, b: u64, c: u64, d: u64) -> f64 {
        let (total, row1, col1) = (a + b + c + d, a + b, a + c);
        let h = Hypergeometric::new(total, col1, row1).unwrap();
        let lo = row1.saturating_sub(total - col1);
        let cutoff = h.pmf(a) * (1.0 + 1e-7);
        let p: f64 = (lo..=row1.min(col1))
            .map(|x| h.pmf(x))
            .filter(|&q| q <= cutoff)
            .sum();
        p.min(1.0)
    }

    #[test]
    fn fisher_exact_walked_from_the_mode_agrees_with_the_definition() {
        let tables = (1..9u64).flat_map(|a| (0..7u64).map(move |c| (a, 9 - a, c, 12 - c)));
        let large = [
            (4_812, 188, 18_950, 1_050),
            (13, 6, 15_400, 600),
            (20, 5, 30, 0),
        ];
        for (a, b, c, d) in tables.chain(large) {
            let (fast, slow) = (fisher_exact(a, b, c, d), fisher_by_definition(a, b, c, d));
            assert!(
                (fast - slow).abs() <= 1e-9 * slow.max(1e-300) + 1e-15,
                "{a} {b} {c} {d}: {fast} against {slow}"
            );
        }
    }

    #[test]
    fn fisher_exact_reproduces_reference_values() {
        // docs/scoring.md golden example: Windows 34/1 vs iOS 18/7 (R: fisher.test → 0.006998).
        assert!(close(fisher_exact(34, 1, 18, 7), 0.006998, 1e-5));
        // Fisher's tea-tasting table [[3,1],[1,3]]: two-sided p = 0.4857.
        assert!(close(fisher_exact(3, 1, 1, 3), 0.485_714, 1e-5));
        // Identical groups are not different; a degenerate margin is p = 1.
        assert!(close(fisher_exact(5, 5, 5, 5), 1.0, 1e-9));
        assert_eq!(fisher_exact(0, 0, 3, 4), 1.0);
    }

    #[test]
    fn mann_whitney_exact_with_ties_matches_full_enumeration() {
        // Reference computed by enumerating all C(7,3) = 35 splits of the pooled mid-ranks.
        let x = [1.0, 2.0, 2.0];
        let y = [2.0, 3.0, 4.0, 4.0];
        let r = mann_whitney_u(&x, &y).unwrap();
        assert!(r.exact);
        assert!(close(r.u, 1.0, 1e-12));
        assert!(close(r.p, 4.0 / 35.0, 1e-12), "{}", r.p);
        // Swapping the samples mirrors U and keeps p.
        let s = mann_whitney_u(&y, &x).unwrap();
        assert!(close(s.u, 11.0, 1e-12) && close(s.p, r.p, 1e-12));
    }

    #[test]
    fn mann_whitney_normal_approximation_matches_scipy() {
        // scipy.stats.mannwhitneyu(x, y, method="asymptotic") with tie and continuity
        // correction: U = 275.5, p = 3.2345e-5 for these 70 Likert answers.
        let x: Vec<f64> = [
            1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 2, 3, 3, 2, 5, 3, 4, 3, 2, 3, 3, 4, 3, 2, 1, 3, 3, 4, 3,
            3, 2, 3, 4, 4, 3,
        ]
        .iter()
        .map(|&v| f64::from(v))
        .collect();
        let y: Vec<f64> = [
            3, 4, 4, 5, 5, 4, 3, 4, 5, 4, 4, 3, 5, 4, 4, 2, 4, 5, 4, 3, 4, 4, 5, 3, 4, 4, 3, 4, 5,
            4, 2, 4, 4, 5, 3,
        ]
        .iter()
        .map(|&v| f64::from(v))
        .collect();
        let r = mann_whitney_u(&x, &y).unwrap();
        assert!(!r.exact);
        assert!(close(r.u, 275.5, 1e-9), "{}", r.u);
        assert!(close(r.p, 3.2345e-5, 1e-8), "{}", r.p);
    }

    #[test]
    fn benjamini_hochberg_matches_the_textbook_example() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02.
        let q = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005]);
        for (got, want) in q.iter().zip([0.02, 0.04, 0.04, 0.02]) {
            assert!(close(*got, want, 1e-12), "{q:?}");
        }
        assert!(benjamini_hochberg(&[]).is_empty());
    }

    #[test]
    fn beta_posterior_reproduces_the_golden_example() {
        let windows = BetaPosterior::jeffreys(34.0, 35.0);
        assert!(close(windows.mean(), 0.9583, 5e-4));
        assert!(close(windows.quantile(0.10), 0.9140, 5e-4));
        assert!(close(windows.quantile(0.90), 0.9916, 5e-4));
        assert!(close(windows.sf(0.95), 0.6875, 5e-4));
        assert!(close(windows.cdf(0.85), 0.0102, 5e-4));
        let ios = BetaPosterior::jeffreys(18.0, 25.0);
        assert!(close(ios.cdf(0.85), 0.9571, 5e-4));
    }

    #[test]
    fn gamma_and_t_quantiles_are_consistent_with_their_cdfs() {
        let g = GammaPosterior::new(0.5, 0.0, 12.0, 40.0);
        assert!(close(g.mean(), 12.5 / 40.0, 1e-12));
        let q90 = g.quantile(0.9);
        assert!(close(q90, 0.429_770, 1e-5), "{q90}"); // scipy gamma(12.5, scale=1/40).ppf(.9)
        assert!(close(g.cdf(q90), 0.9, 1e-6));
        let m = MeanPosterior::from_moments(4.0, 280.0, 19_700.0, 0.0).unwrap();
        // mean 70, sd = sqrt((19700 − 4·4900)/3) = 5.7735, se = 2.8868, df = 3.
        assert!(close(m.se, 2.886_75, 1e-4));
        assert!(close(m.cdf(m.quantile(0.1)), 0.1, 1e-6));
        assert!(close(m.sf(70.0), 0.5, 1e-9));
    }

    #[test]
    fn rate_comparison_matches_the_binomial_recipe() {
        // 10 events over 100 units against 2 over 100: binom.test(10, 12, 0.5) → 0.03857.
        assert!(close(rate_comparison(10, 100.0, 2, 100.0), 0.038_574, 1e-5));
        assert_eq!(rate_comparison(0, 10.0, 0, 10.0), 1.0);
        assert!(rate_comparison(5, 50.0, 5, 50.0) > 0.99);
    }

    #[test]
    fn welch_t_separates_clearly_different_means() {
        // R: t.test(x, y) with n = 30, means 70 and 55, sd 10 → p < 1e-6.
        assert!(welch_t(30.0, 70.0, 100.0, 30.0, 55.0, 100.0) < 1e-6);
        assert!(welch_t(30.0, 70.0, 100.0, 30.0, 70.0, 100.0) > 0.99);
        assert_eq!(welch_t(1.0, 70.0, 0.0, 30.0, 55.0, 100.0), 1.0);
    }
}
