//! docs/scoring.md steps 1–4 for one segment: metrics with uncertainty, dimensions, readiness,
//! confidence; step 4 (the ADKAR barrier) is in `adkar`.

pub(crate) use super::adkar::AdkarEval;
pub use super::adkar::BARRIER_PROBABILITY;
use super::adkar::adkar;
use super::metric::{
    Classified, Dimension, Element, Kind, MetricId, MetricSpec, Posterior, State, classify,
};
use super::program::Program;
use super::report::{Confidence, Source};
pub(crate) use super::segment_eval::{Groups, MetricEval, too_small};
use super::segment_eval::{group, parent, pick};
use super::tally::{Count, Tally, WINDOW_MINUTES, person_share};
use crate::measures;
use crate::stats::{BetaPosterior, GammaPosterior, MeanPosterior, wilson_interval};

/// Which optional files were provided.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Present {
    pub devices: bool,
    pub failures: bool,
    pub tickets: bool,
    pub responses: bool,
    pub training: bool,
    /// Who was asked to answer is known (`invitations.csv`), not taken to be everyone.
    pub invitations: bool,
}

/// A dimension of one segment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DimEval {
    pub state: State,
    pub score: Option<(f64, f64)>,
}

/// Why a segment's readiness is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unassessed {
    /// No Technical evidence (devices of people already rolled out).
    Technical,
    /// No Knowledge, Sentiment or Reach evidence.
    PeopleSide,
}

/// Everything computed for one segment.
#[derive(Clone, Debug)]
pub(crate) struct SegmentEval {
    pub metrics: Vec<MetricEval>,
    pub dims: Vec<(Dimension, DimEval)>,
    pub readiness: Option<(f64, f64)>,
    /// Why readiness is not a number, when it is not.
    pub unassessed: Vec<Unassessed>,
    pub confidence: Confidence,
    pub adkar: Option<AdkarEval>,
    /// Raw survey response rate of the survey source.
    pub response_rate: Option<f64>,
}

impl SegmentEval {
    pub fn metric(&self, id: MetricId) -> Option<&MetricEval> {
        self.metrics.iter().find(|m| m.id == id)
    }

    pub fn dim(&self, d: Dimension) -> Option<&DimEval> {
        self.dims.iter().find(|(x, _)| *x == d).map(|(_, e)| e)
    }
}

/// Proportion metric: Jeffreys prior, or for a small child segment an empirical-Bayes prior
/// from the wave, Beta(m·μ, m·(1−μ)) with m = min(10, n/2).
#[allow(clippy::too_many_arguments)]
fn proportion(
    id: MetricId,
    spec: MetricSpec,
    gamma: f64,
    source: Source,
    ok: f64,
    n: f64,
    parent: Option<(f64, f64)>,
    people_side: bool,
) -> MetricEval {
    let mut m = MetricEval::empty(id, spec, source);
    m.n = n.round() as u64;
    m.count = Some((ok, n));
    if n <= 0.0 {
        return m;
    }
    if people_side && too_small(m.n) {
        m.suppressed = true;
        return m;
    }
    let posterior = match parent {
        Some((pok, pn)) if n < spec.min_n && pn > 0.0 => {
            let mu = (pok + 0.5) / (pn + 1.0);
            let strength = (n / 2.0).min(10.0);
            BetaPosterior::with_prior(strength * mu, strength * (1.0 - mu), ok, n)
        }
        _ => BetaPosterior::jeffreys(ok, n),
    };
    let p = Posterior::Beta(posterior);
    finish(&mut m, p, n, gamma);
    m.wilson = wilson_interval(ok, n, 0.90).map(|(a, b)| [a, b]);
    m
}

fn finish(m: &mut MetricEval, p: Posterior, n_for_min: f64, gamma: f64) {
    let c = classify(&m.spec, m.id.higher_is_better(), n_for_min, &p, gamma);
    m.state = if m.spec.weight == 0.0 {
        State::Info
    } else {
        c.state
    };
    m.estimate = Some(p.mean());
    let [lower, upper] = super::metric::INTERVAL_QUANTILES;
    m.interval = Some([p.quantile(lower), p.quantile(upper)]);
    m.posterior = Some(p);
    m.class = Some(c);
}

fn likert(
    id: MetricId,
    spec: MetricSpec,
    gamma: f64,
    source: Source,
    counts: [u32; 5],
    parent: Option<[u32; 5]>,
) -> MetricEval {
    let n: u32 = counts.iter().sum();
    let top = |c: &[u32; 5]| f64::from(measures::agreeing(c));
    let total = |c: &[u32; 5]| f64::from(c.iter().sum::<u32>());
    let mut m = proportion(
        id,
        spec,
        gamma,
        source,
        top(&counts),
        f64::from(n),
        parent.map(|p| (top(&p), total(&p))),
        true,
    );
    m.likert = Some(counts);
    if n > 0 && !m.suppressed {
        m.detail.distribution = Some(counts);
        m.detail.median = Some(likert_median(&counts));
        m.detail.top2 = Some(measures::agreeing_share(&counts));
        m.detail.bottom2 = Some(f64::from(counts[0] + counts[1]) / f64::from(n));
    }
    m
}

/// The median of answers 1..5 given their counts (mean of the two middle answers for even n).
pub(crate) fn likert_median(c: &[u32; 5]) -> f64 {
    let n: u32 = c.iter().sum();
    let nth = |k: u32| -> f64 {
        let mut seen = 0;
        for (i, &x) in c.iter().enumerate() {
            seen += x;
            if seen > k {
                return (i + 1) as f64;
            }
        }
        5.0
    };
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 {
        nth(n / 2)
    } else {
        (nth(n / 2 - 1) + nth(n / 2)) / 2.0
    }
}

/// The success count behind a proportion metric in a tally (for "the rest of the wave").
pub(crate) fn metric_count(id: MetricId, t: &Tally) -> Option<Count> {
    Some(match id {
        MetricId::EnrollmentCompletion => t.completion,
        MetricId::EnrollmentFirstAttempt => t.first_attempt,
        MetricId::DeviceCompliance => t.compliance,
        _ => {
            let e = id.adkar_element()?;
            let c = t.adkar[e as usize];
            Count {
                ok: u64::from(measures::agreeing(&c)),
                n: u64::from(c.iter().sum::<u32>()),
            }
        }
    })
}

fn count_pair(c: Count) -> (f64, f64) {
    (c.ok as f64, c.n as f64)
}

/// Evaluates every applicable metric of a segment.
pub(crate) fn evaluate_segment(
    program: &Program,
    present: Present,
    g: &Groups<'_>,
    topic_modules: &[(u32, String)],
    topic_names: &[String],
) -> SegmentEval {
    let gamma = program.confidence;
    let spec = |m: MetricId| program.spec(m);
    let mut metrics = Vec::new();

    // Technical and support evidence always comes from people already rolled out.
    let r = g.rolled;
    let rp = parent(g, 0);
    if present.devices {
        let c = |t: &Tally, id: MetricId| metric_count(id, t).map(count_pair);
        for id in [
            MetricId::EnrollmentCompletion,
            MetricId::EnrollmentFirstAttempt,
            MetricId::DeviceCompliance,
        ] {
            if id == MetricId::EnrollmentFirstAttempt && !present.failures {
                continue;
            }
            let (ok, n) = c(r, id).unwrap_or((0.0, 0.0));
            metrics.push(proportion(
                id,
                spec(id),
                gamma,
                Source::RolledOut,
                ok,
                n,
                rp.and_then(|p| c(p, id)),
                false,
            ));
        }
    } else {
        // No devices file: the critical enrollment metric is INSUFFICIENT (no devices), never
        // left out, or a missing export would read as a pass.
        let id = MetricId::EnrollmentCompletion;
        metrics.push(proportion(
            id,
            spec(id),
            gamma,
            Source::RolledOut,
            0.0,
            0.0,
            None,
            false,
        ));
    }
    if present.tickets {
        metrics.push(ticket_rate(spec(MetricId::TicketRate), gamma, r, rp));
    }
    // A people-side share whose evidence is its own denominator: from the next wave when it has
    // enough, else from earlier waves, with the parent segment as the prior.
    // Each as (successes, people); successes may be fractional (a person's share of quizzes).
    let share = |id: MetricId, count: fn(&Tally) -> (f64, f64)| {
        let (src, i) = pick(g, spec(id).min_n, |t| count(t).1 as u64);
        let (ok, n) = count(group(g, i));
        let prior = parent(g, i).map(count);
        proportion(id, spec(id), gamma, src, ok, n, prior, true)
    };
    fn assigned(t: &Tally, done: u32) -> (f64, f64) {
        (f64::from(done), f64::from(t.assigned))
    }
    if present.training {
        metrics.push(share(MetricId::TrainingCompletion, |t| {
            assigned(t, t.completed)
        }));
        metrics.push(share(MetricId::QuizFirstAttempt, |t| person_share(t.quiz)));
        metrics.push(weakest_topic(
            spec(MetricId::WeakestTopic),
            gamma,
            g,
            topic_modules,
            topic_names,
        ));
    }
    let mut response_rate = None;
    if present.responses {
        let adkar_min = spec(MetricId::AdkarDesire).min_n;
        let (src, i) = pick(g, adkar_min, |t| u64::from(t.adkar_respondents));
        let t = group(g, i);
        for e in Element::ALL {
            let id = e.metric();
            metrics.push(likert(
                id,
                spec(id),
                gamma,
                src,
                t.adkar[e as usize],
                parent(g, i).map(|p| p.adkar[e as usize]),
            ));
        }
        let id = MetricId::Sus;
        let (src, i) = pick(g, spec(id).min_n, |t| t.sus_n);
        metrics.push(sus(spec(id), gamma, src, group(g, i)));
        let id = MetricId::EnrollExperience;
        let (src, i) = pick(g, spec(id).min_n, |t| {
            u64::from(t.enroll.iter().sum::<u32>())
        });
        metrics.push(likert(
            id,
            spec(id),
            gamma,
            src,
            group(g, i).enroll,
            parent(g, i).map(|p| p.enroll),
        ));
        let id = MetricId::Nps;
        let (src, i) = pick(g, spec(id).min_n, |t| u64::from(t.nps.iter().sum::<u32>()));
        metrics.push(nps(spec(id), src, group(g, i)));

        let id = MetricId::ResponseRate;
        // Its evidence is the people asked. When who was asked is known, the next wave's own
        // rate counts once 10 of its people were asked: 9 answers of 200 asked is silence,
        // not too little evidence to fall back on the pilot's 55%. Without invitations
        // everyone counts as asked, and a wave not yet surveyed would read as silent: then
        // the next wave's answers decide.
        let (src, i) = if present.invitations {
            pick(g, spec(id).min_n, |t| u64::from(t.asked))
        } else {
            pick(g, spec(id).min_n, |t| u64::from(t.respondents))
        };
        // Of the people asked (see `asked`): a survey sent to the pilot alone says nothing
        // of the later waves' willingness to answer.
        let rate_of = |t: &Tally| (f64::from(t.respondents.min(t.asked)), f64::from(t.asked));
        let (answered, asked) = rate_of(group(g, i));
        if asked > 0.0 {
            response_rate = Some(answered / asked);
        }
        // The rate is about the group as a whole, not anyone's answers: no privacy floor.
        metrics.push(proportion(
            id,
            spec(id),
            gamma,
            src,
            answered,
            asked,
            parent(g, i).map(rate_of),
            false,
        ));
    }
    if !present.responses {
        // No responses file: Desire, the critical people-side metric, is INSUFFICIENT (no
        // answers), as for enrollment above.
        let id = MetricId::AdkarDesire;
        metrics.push(likert(id, spec(id), gamma, Source::RolledOut, [0; 5], None));
    }
    if present.training {
        metrics.push(share(MetricId::TrainingStarted, |t| assigned(t, t.started)));
    }
    metrics.sort_by_key(|m| MetricId::ALL.iter().position(|x| *x == m.id));
    // Nothing drawn from a group under 5 people is shown, nor any share of fewer than 5: the
    // share of three devices tells what each of them did. (Person-weeks and the response rate
    // count the group as a whole.)
    for m in &mut metrics {
        let from_hidden = g.hidden[usize::from(m.source == Source::NextWave)];
        let counts_few = !matches!(m.id, MetricId::TicketRate | MetricId::ResponseRate)
            && m.n > 0
            && too_small(m.n);
        if from_hidden || counts_few {
            m.hide();
        }
    }

    let dims = dimensions(&metrics);
    let (readiness, unassessed) = match readiness(&dims) {
        Ok(r) => (Some(r), Vec::new()),
        Err(missing) => (None, missing),
    };
    let adkar = if present.responses {
        adkar(program, g, &metrics)
    } else {
        None
    };
    let confidence = confidence(&metrics, response_rate);
    SegmentEval {
        metrics,
        dims,
        readiness,
        unassessed,
        confidence,
        adkar,
        response_rate,
    }
}

fn ticket_rate(spec: MetricSpec, gamma: f64, r: &Tally, parent: Option<&Tally>) -> MetricEval {
    let id = MetricId::TicketRate;
    let mut m = MetricEval::empty(id, spec, Source::RolledOut);
    let units = r.exposure_minutes as f64 / WINDOW_MINUTES as f64;
    let person_weeks = units * 2.0;
    m.n = person_weeks.floor() as u64;
    if units <= 0.0 {
        return m;
    }
    let events = r.tickets as f64;
    let posterior = match parent {
        Some(p) if person_weeks < spec.min_n && p.exposure_minutes > 0 => {
            let parent_units = p.exposure_minutes as f64 / WINDOW_MINUTES as f64;
            let lambda = (0.5 + p.tickets as f64) / parent_units;
            let strength = (units / 2.0).min(10.0);
            GammaPosterior::new(strength * lambda, strength, events, units)
        }
        _ => GammaPosterior::new(0.5, 0.0, events, units),
    };
    finish(
        &mut m,
        Posterior::Gamma {
            posterior,
            scale: 100.0,
        },
        person_weeks,
        gamma,
    );
    m.detail.events = Some(r.tickets);
    m.events = Some((r.tickets, units));
    if r.tickets == 0 {
        m.detail.rule_of_three = Some(300.0 / units);
    }
    m
}

fn sus(spec: MetricSpec, gamma: f64, source: Source, t: &Tally) -> MetricEval {
    let mut m = MetricEval::empty(MetricId::Sus, spec, source);
    m.n = t.sus_n;
    if t.sus_n == 0 {
        return m;
    }
    if too_small(t.sus_n) {
        m.suppressed = true;
        return m;
    }
    // Raw sums are in steps of 2.5 SUS points; the floor on the spread is one step.
    let step = measures::SUS_POINTS_PER_RAW;
    let n = t.sus_n as f64;
    let (sum, sq) = (t.sus_sum as f64 * step, t.sus_sq as f64 * step * step);
    if n >= 2.0 {
        let mean = sum / n;
        m.moments = Some((n, mean, ((sq - n * mean * mean) / (n - 1.0)).max(0.0)));
    }
    match MeanPosterior::from_moments(n, sum, sq, step) {
        Some(p) => {
            finish(&mut m, Posterior::Mean(p), n, gamma);
            // The t interval knows nothing of the scale's ends.
            m.interval = m.interval.map(|[lo, hi]| [lo.max(0.0), hi.min(100.0)]);
        }
        None => {
            m.estimate = Some(sum / n);
        }
    }
    m
}

fn nps(spec: MetricSpec, source: Source, t: &Tally) -> MetricEval {
    let mut m = MetricEval::empty(MetricId::Nps, spec, source);
    let (mut promoters, mut passives, mut detractors) = (0u32, 0u32, 0u32);
    for (score, &k) in (0..=10u8).zip(&t.nps) {
        match measures::nps_group(score) {
            Some(measures::NpsGroup::Promoter) => promoters += k,
            Some(measures::NpsGroup::Passive) => passives += k,
            Some(measures::NpsGroup::Detractor) => detractors += k,
            None => {}
        }
    }
    m.n = u64::from(detractors + passives + promoters);
    if m.n == 0 {
        return m;
    }
    if too_small(m.n) {
        m.suppressed = true;
        return m;
    }
    if let Some(result) = measures::nps(
        u64::from(promoters),
        u64::from(passives),
        u64::from(detractors),
        super::report::INTERVAL_LEVEL,
    ) {
        m.estimate = Some(result.score);
        m.interval = Some(result.interval);
    }
    m.detail.nps_counts = Some([promoters, passives, detractors]);
    m
}

fn weakest_topic(
    spec: MetricSpec,
    gamma: f64,
    g: &Groups<'_>,
    topic_modules: &[(u32, String)],
    topic_names: &[String],
) -> MetricEval {
    let id = MetricId::WeakestTopic;
    let most = |t: &Tally| t.topics.iter().map(|x| x.1).max().unwrap_or(0);
    let (src, i) = pick(g, spec.min_n, most);
    let t = group(g, i);
    let mean = |&topic: &(u64, u64)| {
        let (ok, n) = person_share(topic);
        (ok + 0.5) / (n + 1.0)
    };
    let weakest = |min: u64| {
        t.topics
            .iter()
            .enumerate()
            .filter(|(_, x)| x.1 >= min.max(1))
            .min_by(|a, b| mean(a.1).total_cmp(&mean(b.1)).then(a.0.cmp(&b.0)))
            .map(|(k, _)| k)
    };
    let Some(k) = weakest(spec.min_n.ceil() as u64).or_else(|| weakest(1)) else {
        return MetricEval::empty(id, spec, src);
    };
    let (ok, n) = person_share(t.topics[k]);
    let parent_topic = parent(g, i)
        .and_then(|p| p.topics.get(k))
        .copied()
        .map(person_share);
    let mut m = proportion(id, spec, gamma, src, ok, n, parent_topic, true);
    if !m.suppressed {
        m.detail.topic = topic_names.get(k).cloned();
        // The modules that taught this topic to these very people: an iOS module is no
        // remedy for Android users who were weak on the same topic in another module.
        m.detail.modules = topic_modules
            .iter()
            .zip(&t.topic_modules)
            .filter(|((topic, _), attempts)| *topic as usize == k && **attempts > 0)
            .map(|((_, module), _)| module.clone())
            .collect();
    }
    m
}

/// Dimension score: weight-normalised mean of scored metrics; state: the worst of the critical
/// metrics' states and the score band. The band reads the scores as step 2 reads a metric: PASS
/// when even the conservative score reaches 80, FAIL only when even the optimistic score stays
/// under 60, WARN otherwise; a small group's wide intervals alone never make it fail.
fn dimensions(metrics: &[MetricEval]) -> Vec<(Dimension, DimEval)> {
    let mut out = Vec::new();
    for d in Dimension::ALL {
        let of_dim: Vec<&MetricEval> = metrics
            .iter()
            .filter(|m| m.id.dimension() == d && m.weighted())
            .collect();
        if of_dim.is_empty() {
            continue;
        }
        let scored: Vec<(&MetricEval, &Classified)> = of_dim
            .iter()
            .filter(|m| m.state != State::Insufficient)
            .filter_map(|m| m.class.as_ref().map(|c| (*m, c)))
            .collect();
        let weight: f64 = scored.iter().map(|(m, _)| m.spec.weight).sum();
        let mean = |score: fn(&Classified) -> f64| {
            scored
                .iter()
                .map(|(m, c)| m.spec.weight * score(c))
                .sum::<f64>()
                / weight
        };
        let score =
            (weight > 0.0).then(|| (mean(|c| c.score_estimate), mean(|c| c.score_conservative)));
        let band = match score {
            None => State::Insufficient,
            Some((_, c)) if c >= Dimension::PASS_SCORE => State::Pass,
            Some(_) if mean(|c| c.score_optimistic) < Dimension::FAIL_SCORE => State::Fail,
            Some(_) => State::Warn,
        };
        let critical = of_dim
            .iter()
            .filter(|m| m.id.critical())
            .map(|m| m.state)
            .min();
        let state = critical.map_or(band, |c| c.min(band));
        out.push((d, DimEval { state, score }));
    }
    out
}

/// Weighted geometric mean of the dimension scores, so one weak dimension cannot be averaged
/// away (a zero anywhere makes readiness zero).
///
/// Over missing evidence it is not a number: without Technical evidence, or without any
/// people-side evidence (Knowledge, Sentiment, Reach), a score would read as a verdict.
fn readiness(dims: &[(Dimension, DimEval)]) -> Result<(f64, f64), Vec<Unassessed>> {
    let assessed = |d: Dimension| dims.iter().any(|(x, e)| *x == d && e.score.is_some());
    let mut missing = Vec::new();
    if !assessed(Dimension::Technical) {
        missing.push(Unassessed::Technical);
    }
    if !Dimension::PEOPLE_SIDE.into_iter().any(assessed) {
        missing.push(Unassessed::PeopleSide);
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    let scored: Vec<(f64, (f64, f64))> = dims
        .iter()
        .filter_map(|(d, e)| e.score.map(|s| (d.weight(), s)))
        .collect();
    let total: f64 = scored.iter().map(|(w, _)| w).sum();
    let geo = |pick: fn(&(f64, f64)) -> f64| {
        if scored.iter().any(|(_, s)| pick(s) <= 0.0) {
            return 0.0;
        }
        100.0
            * (scored
                .iter()
                .map(|(w, s)| w * (pick(s) / 100.0).ln())
                .sum::<f64>()
                / total)
                .exp()
    };
    Ok((geo(|s| s.0), geo(|s| s.1)))
}

fn confidence(metrics: &[MetricEval], response_rate: Option<f64>) -> Confidence {
    let critical: Vec<&MetricEval> = metrics
        .iter()
        .filter(|m| m.id.critical() && m.weighted())
        .collect();
    let rate = response_rate.unwrap_or(0.0);
    if critical.is_empty() || critical.iter().any(|m| m.state == State::Insufficient) || rate < 0.40
    {
        Confidence::Low
    } else if critical
        .iter()
        .all(|m| matches!(m.state, State::Pass | State::Fail))
        && rate >= 0.60
    {
        Confidence::High
    } else {
        Confidence::Medium
    }
}

/// The kind of value a metric reports, for rounding.
pub(crate) fn decimals(id: MetricId) -> i32 {
    match id.kind() {
        Kind::Proportion => 3,
        Kind::Rate | Kind::Mean | Kind::Nps => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likert_median_handles_even_counts() {
        assert_eq!(likert_median(&[0, 0, 1, 1, 0]), 3.5);
        assert_eq!(likert_median(&[1, 0, 0, 0, 2]), 5.0);
        assert_eq!(likert_median(&[0, 0, 0, 0, 0]), 0.0);
    }
}
