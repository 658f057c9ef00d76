//! Counterfactuals: what share over how many units would clear a failure, make a metric pass,
//! or decide an undecided one.

use super::engine::MetricEval;
use super::metric::{MetricSpec, Posterior, State, classify};
use crate::stats::BetaPosterior;

/// Smallest successes out of `n` for which `pred` holds on the Jeffreys posterior (monotone).
fn min_successes(n: u64, pred: impl Fn(&BetaPosterior) -> bool) -> Option<u64> {
    let at = |k: u64| pred(&BetaPosterior::jeffreys(k as f64, n as f64));
    if n == 0 || !at(n) {
        return None;
    }
    let (mut lo, mut hi) = (0u64, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if at(mid) { hi = mid } else { lo = mid + 1 }
    }
    Some(lo)
}

/// A share of successes over a number of units.
pub(super) type ShareAt = (f64, u64);

/// The share that clears a failing proportion at its current size, and the share and size at
/// which it passes (the smallest size on a ladder where passing needs at most halfway from the
/// target to perfection).
pub(super) fn proportion_counterfactual(
    spec: &MetricSpec,
    gamma: f64,
    n: u64,
    fails: bool,
) -> (Option<ShareAt>, Option<ShareAt>) {
    let clears = if fails {
        min_successes(n, |b| b.cdf(spec.fail) < gamma).map(|k| (k as f64 / n as f64, n))
    } else {
        None
    };
    let base = (n as f64).max(spec.min_n).max(1.0);
    let realistic = (spec.pass + 1.0) / 2.0;
    let mut passes = None;
    for f in [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0] {
        let size = (base * f).ceil() as u64;
        if let Some(k) = min_successes(size, |b| b.sf(spec.pass) >= gamma) {
            let share = k as f64 / size as f64;
            passes = Some((share, size));
            if share <= realistic {
                break;
            }
        }
    }
    (clears, passes)
}

/// How many more units, at the current share, would decide an undecided proportion.
pub(super) fn more_needed(m: &MetricEval, gamma: f64) -> Option<u64> {
    let n = m.n;
    if m.state == State::Insufficient && (n as f64) < m.spec.min_n {
        return Some((m.spec.min_n - n as f64).ceil() as u64);
    }
    let (ok, total) = m.count?;
    if total <= 0.0 {
        return None;
    }
    let share = ok / total;
    for f in [1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0] {
        let size = (total * f).ceil();
        let post = Posterior::Beta(BetaPosterior::jeffreys((share * size).round(), size));
        let state = classify(&m.spec, true, size, &post, gamma).state;
        if matches!(state, State::Pass | State::Fail) {
            return Some((size - total) as u64);
        }
    }
    None
}
