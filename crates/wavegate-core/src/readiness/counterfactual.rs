//! Counterfactuals: what share over how many units would clear a failure, make a metric pass,
//! or decide an undecided one.

use super::engine::MetricEval;
use super::metric::{MetricSpec, Posterior, State, classify};
use crate::stats::{BetaPosterior, GammaPosterior};

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

/// Largest number of events over `units` for which `pred` holds on the rate's posterior
/// (Gamma(½ + k, units), as the metric has it once it has evidence of its own); `pred` holds
/// for few events and stops holding at some count.
fn max_events(units: f64, pred: impl Fn(&GammaPosterior) -> bool) -> Option<u64> {
    let at = |k: u64| pred(&GammaPosterior::new(0.5, 0.0, k as f64, units));
    if units <= 0.0 || !at(0) {
        return None;
    }
    let mut hi = 1u64;
    while at(hi) {
        hi = hi.checked_mul(2)?;
    }
    let mut lo = hi / 2;
    // at(lo) holds, at(hi) does not.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if at(mid) { lo = mid } else { hi = mid }
    }
    Some(lo)
}

/// A rate per 100 people in 14 days over a number of person-weeks.
pub(super) type RateAt = (f64, u64);

/// For a lower-is-better rate measured over `units` person-windows (one person's 14 days,
/// reported per 100 of them): the highest rate that clears it at its current exposure when it
/// fails, and the rate and exposure at which it passes (the smallest exposure on a ladder where
/// passing allows at least half the target rate).
pub(super) fn rate_counterfactual(
    spec: &MetricSpec,
    gamma: f64,
    units: f64,
    fails: bool,
) -> (Option<RateAt>, Option<RateAt>) {
    let per_100 = |k: u64, u: f64| 100.0 * k as f64 / u;
    let person_weeks = |u: f64| (u * 2.0).floor() as u64;
    let clears = if fails {
        max_events(units, |g| g.sf(spec.fail / 100.0) < gamma)
            .map(|k| (per_100(k, units), person_weeks(units)))
    } else {
        None
    };
    let base = units.max(spec.min_n / 2.0).max(1.0);
    let realistic = spec.pass / 2.0;
    let mut passes = None;
    for f in [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0] {
        let size = (base * f).ceil();
        if let Some(k) = max_events(size, |g| g.cdf(spec.pass / 100.0) >= gamma) {
            let rate = per_100(k, size);
            passes = Some((rate, person_weeks(size)));
            if rate >= realistic {
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

#[cfg(test)]
mod rate_tests {
    use super::*;
    use crate::readiness::metric::MetricId;

    #[test]
    fn a_failing_ticket_rate_clears_below_its_threshold_and_passes_below_its_target() {
        let spec = MetricId::TicketRate.default_spec();
        // 61 tickets over 100 person-windows (200 person-weeks): 61 per 100, failing.
        let (clears, passes) = rate_counterfactual(&spec, 0.8, 100.0, true);
        let (rate, weeks) = clears.expect("a rate that clears");
        assert_eq!(weeks, 200);
        // The highest count over those 100 windows that no longer fails by probability (it may
        // lie above the threshold itself: failing needs P(rate > 15) >= 0.8).
        let k = rate.round() as u64;
        let p_above = |k: u64| GammaPosterior::new(0.5, 0.0, k as f64, 100.0).sf(spec.fail / 100.0);
        assert!(p_above(k) < 0.8 && p_above(k + 1) >= 0.8, "{rate}");
        let (rate, weeks) = passes.expect("a rate that passes");
        assert!(
            rate < spec.pass && rate >= spec.pass / 2.0,
            "{rate} over {weeks}"
        );
        assert!(weeks >= 200);
    }
}
