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
    let count = m.count.filter(|&(_, total)| total > 0.0);
    more_to_decide(&m.spec, count, m.n as f64, gamma)
}

/// How many units beyond the `n` there are would decide a proportion measured as `count`
/// (successes, trials), if its share holds: the fewest of a few growing sizes at which it
/// passes or fails. Below `min_n` that is at least `min_n`, but not always `min_n` itself: 8 of
/// 10 devices compliant is still undecided at 20, and "10 more decide it" was wrong. With
/// nothing measured yet, `min_n` is what is needed to say anything.
fn more_to_decide(
    spec: &super::metric::MetricSpec,
    count: Option<(f64, f64)>,
    n: f64,
    gamma: f64,
) -> Option<u64> {
    let short = n < spec.min_n;
    let Some((ok, total)) = count else {
        return short.then(|| (spec.min_n - n).ceil() as u64);
    };
    let share = ok / total;
    let base = total.max(spec.min_n);
    let factors = [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0];
    factors
        .into_iter()
        .map(|f| (base * f).ceil())
        .filter(|&size| size > total)
        .find(|&size| {
            let post = Posterior::Beta(BetaPosterior::jeffreys((share * size).round(), size));
            let state = classify(spec, true, size, &post, gamma).state;
            matches!(state, State::Pass | State::Fail)
        })
        .map(|size| (size - total) as u64)
}

#[cfg(test)]
mod rate_tests {
    use super::*;
    use crate::readiness::metric::MetricId;

    #[test]
    fn more_evidence_is_what_decides_it_not_only_what_makes_it_judgeable() {
        let spec = MetricId::DeviceCompliance.default_spec();
        let (min_n, gamma) = (spec.min_n as u64, 0.8);
        // Nothing measured: min_n is needed to say anything.
        assert_eq!(more_to_decide(&spec, None, 0.0, gamma), Some(min_n));
        // 10 of 10 compliant: min_n at that share passes.
        assert_eq!(
            more_to_decide(&spec, Some((10.0, 10.0)), 10.0, gamma),
            Some(min_n - 10)
        );
        // 8 of 10: at min_n still undecided, so more than min_n - 10 are needed, and the size
        // named decides it.
        let more = more_to_decide(&spec, Some((8.0, 10.0)), 10.0, gamma).unwrap();
        assert!(more > min_n - 10, "{more}");
        let size = 10.0 + more as f64;
        let post = Posterior::Beta(BetaPosterior::jeffreys((0.8 * size).round(), size));
        let state = classify(&spec, true, size, &post, gamma).state;
        assert!(
            matches!(state, State::Pass | State::Fail),
            "{state:?} at {size}"
        );
        // Halfway between the thresholds, no amount of evidence at that share decides it.
        assert_eq!(more_to_decide(&spec, Some((18.0, 20.0)), 20.0, gamma), None);
    }

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
