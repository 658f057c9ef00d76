//! The helpdesk forecast for the next wave: rollout tickets per day, summed over the segments
//! of the wave's mix (each segment's rate shrunk toward the pooled rate), and the largest wave
//! the helpdesk can carry with that mix.
//!
//! Ticket rates differ by platform and department, so a wave with more iOS users brings more
//! tickets than the pooled rate says. The partition is the split attribute whose rates differ
//! most for the data's size (lowest AIC of a Poisson model with one rate per value, against one
//! pooled rate); when none beats the pooled rate, the forecast is pooled.

use super::tally::{Mix, Tallies, Tally, WINDOW_MINUTES};
use crate::stats::GammaPosterior;

/// One part of the forecast: the people of one value of the chosen attribute.
#[derive(Clone, Debug)]
pub(super) struct Part {
    /// The value code of the chosen attribute; `None` for people without a value.
    pub code: Option<u32>,
    /// Share of the wave.
    pub share: f64,
    /// Rate per person per 14 days, shrunk toward the pooled rate.
    pub rate: GammaPosterior,
}

/// The forecast before rounding.
#[derive(Clone, Debug)]
pub(super) struct Forecast {
    /// The split position the forecast is summed over; `None`: pooled.
    pub by: Option<usize>,
    /// The parts of the mix.
    pub parts: Vec<Part>,
    /// The mix's rate per person per 14 days (moment-matched Gamma).
    pub rate: GammaPosterior,
    /// People in the wave.
    pub size: u32,
    /// Median tickets per day while the wave enrolls.
    pub median_day: f64,
    /// 90th percentile of tickets per day.
    pub q90_day: f64,
    /// 10th percentile of tickets per day: with `q90_day`, the forecast's 80% interval.
    pub q10_day: f64,
    /// Largest wave of this mix whose q90 fits capacity.
    pub max_size: Option<u32>,
    /// Evidence: person-weeks observed.
    pub person_weeks: u64,
}

/// Exposure in units of the 14-day window (person-fortnights).
fn units(t: &Tally) -> f64 {
    t.exposure_minutes as f64 / WINDOW_MINUTES as f64
}

/// Poisson log-likelihood of `events` over `exposure` at rate `events / exposure`, without the
/// terms every model shares.
fn log_likelihood(events: f64, exposure: f64) -> f64 {
    if events <= 0.0 || exposure <= 0.0 {
        return 0.0;
    }
    events * (events / exposure).ln() - events
}

/// The rolled-out tallies of each value of the split attribute at `position` (level-1
/// segments), by value code.
fn level_one<'t>(tallies: &'t Tallies, split: &[usize], position: usize) -> Vec<(u32, &'t Tally)> {
    tallies
        .segments
        .iter()
        .filter(|s| s.key.len() == 1 && s.key[0].0 == split[position])
        .map(|s| (s.key[0].1, &s.groups[0]))
        .collect()
}

/// The split position whose per-value rates explain the rolled-out tickets best, if any beats
/// the pooled rate (Akaike's criterion: each extra rate must earn its keep).
fn best_partition(tallies: &Tallies, split: &[usize]) -> Option<usize> {
    let wave = &tallies.wave()[0];
    let pooled_aic = -2.0 * log_likelihood(wave.tickets as f64, units(wave)) + 2.0;
    let mut best: Option<(usize, f64)> = None;
    for position in 0..split.len() {
        let values = level_one(tallies, split, position);
        let seen: Vec<&(u32, &Tally)> = values.iter().filter(|(_, t)| units(t) > 0.0).collect();
        if seen.len() < 2 {
            continue;
        }
        // People without a value keep the pooled rate: their part of the fit is the rest.
        let (mut events, mut exposure) = (0.0, 0.0);
        let mut ll = 0.0;
        for (_, t) in &seen {
            events += t.tickets as f64;
            exposure += units(t);
            ll += log_likelihood(t.tickets as f64, units(t));
        }
        ll += log_likelihood(
            wave.tickets as f64 - events,
            (units(wave) - exposure).max(0.0),
        );
        let aic = -2.0 * ll + 2.0 * (seen.len() as f64 + 1.0);
        if aic < pooled_aic && best.is_none_or(|(_, b)| aic < b) {
            best = Some((position, aic));
        }
    }
    best.map(|(p, _)| p)
}

/// The Gamma with the mean and variance of a weighted sum of independent Gamma rates.
fn moment_matched(parts: &[(f64, GammaPosterior)]) -> GammaPosterior {
    let mean: f64 = parts.iter().map(|(w, g)| w * g.mean()).sum();
    let var: f64 = parts
        .iter()
        .map(|(w, g)| w * w * g.shape / (g.rate * g.rate))
        .sum();
    if mean <= 0.0 || var <= 0.0 {
        return parts
            .first()
            .map_or(GammaPosterior::new(0.5, 0.0, 0.0, 1.0), |(_, g)| *g);
    }
    GammaPosterior {
        shape: mean * mean / var,
        rate: mean / var,
    }
}

/// The forecast for a wave of `size` people with the given mix, from the rolled-out tickets;
/// `None` without ticket exposure.
pub(super) fn forecast(
    tallies: &Tallies,
    split: &[usize],
    capacity: Option<f64>,
    size: u32,
    mix: &Mix,
) -> Option<Forecast> {
    let wave = &tallies.wave()[0];
    let pooled_units = units(wave);
    if pooled_units <= 0.0 {
        return None;
    }
    let pooled = GammaPosterior::new(0.5, 0.0, wave.tickets as f64, pooled_units);
    let by = best_partition(tallies, split).filter(|_| mix.total > 0);
    let parts: Vec<Part> = match by {
        None => vec![Part {
            code: None,
            share: 1.0,
            rate: pooled,
        }],
        Some(position) => {
            let lambda = pooled.mean();
            let values = level_one(tallies, split, position);
            let mut parts = Vec::new();
            let mut counted = 0u32;
            for (code, people) in mix.by_value[position].iter().enumerate() {
                if *people == 0 {
                    continue;
                }
                counted += people;
                let code = code as u32;
                let rate = match values.iter().find(|(c, _)| *c == code) {
                    Some((_, t)) if units(t) > 0.0 => {
                        // Empirical Bayes toward the pooled rate, as for small segments' metrics.
                        let strength = (units(t) / 2.0).min(10.0);
                        GammaPosterior::new(strength * lambda, strength, t.tickets as f64, units(t))
                    }
                    _ => pooled,
                };
                parts.push(Part {
                    code: Some(code),
                    share: f64::from(*people) / f64::from(mix.total),
                    rate,
                });
            }
            let unknown = mix.total.saturating_sub(counted);
            if unknown > 0 {
                parts.push(Part {
                    code: None,
                    share: f64::from(unknown) / f64::from(mix.total),
                    rate: pooled,
                });
            }
            parts
        }
    };
    let weighted: Vec<(f64, GammaPosterior)> = parts.iter().map(|p| (p.share, p.rate)).collect();
    let rate = moment_matched(&weighted);
    let per_day = |q: f64| f64::from(size) * rate.quantile(q) / 14.0;
    let [lower, upper] = super::metric::INTERVAL_QUANTILES;
    let q90_person = rate.quantile(upper);
    let max_size = capacity.map(|c| {
        if q90_person <= 0.0 {
            u32::MAX
        } else {
            (c * 14.0 / q90_person).floor().min(f64::from(u32::MAX)) as u32
        }
    });
    Some(Forecast {
        by,
        parts,
        rate,
        size,
        median_day: per_day(0.5),
        q90_day: per_day(upper),
        q10_day: per_day(lower),
        max_size,
        person_weeks: (pooled_units * 2.0).floor() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weighted_sum_of_one_gamma_is_that_gamma() {
        let g = GammaPosterior::new(0.5, 0.0, 12.0, 40.0);
        let m = moment_matched(&[(1.0, g)]);
        assert!((m.shape - g.shape).abs() < 1e-9 && (m.rate - g.rate).abs() < 1e-9);
    }

    #[test]
    fn mixing_in_a_busier_segment_raises_the_mean() {
        let calm = GammaPosterior::new(0.5, 0.0, 5.0, 100.0);
        let busy = GammaPosterior::new(0.5, 0.0, 40.0, 100.0);
        let few = moment_matched(&[(0.9, calm), (0.1, busy)]);
        let many = moment_matched(&[(0.4, calm), (0.6, busy)]);
        assert!(many.mean() > few.mean());
        assert!(many.quantile(0.9) > few.quantile(0.9));
    }
}
