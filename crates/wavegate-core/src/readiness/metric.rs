//! Metrics: their ids, defaults (docs/scoring.md step 3), posteriors, states and scores.

pub use crate::measures::Element;
use crate::stats::{BetaPosterior, GammaPosterior, MeanPosterior};
use serde::{Deserialize, Serialize};

/// A readiness dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Devices enroll and stay compliant.
    Technical,
    /// The helpdesk can carry the load.
    Support,
    /// People know how: training and quizzes.
    Knowledge,
    /// People want it and like it: ADKAR, SUS, enrollment experience.
    Sentiment,
    /// Communication reaches people: they answer and start training.
    Reach,
}

impl Dimension {
    /// Every dimension, in report order.
    pub const ALL: [Dimension; 5] = [
        Dimension::Technical,
        Dimension::Support,
        Dimension::Knowledge,
        Dimension::Sentiment,
        Dimension::Reach,
    ];

    /// The conservative score from which a dimension passes (docs/scoring.md step 3).
    pub const PASS_SCORE: f64 = 80.0;
    /// The score below which a dimension fails: its optimistic score, so that uncertainty
    /// alone (a small group's wide intervals) makes a dimension WARN, never FAIL.
    pub const FAIL_SCORE: f64 = 60.0;

    /// The dimensions people themselves show (the rest is devices and the helpdesk).
    pub const PEOPLE_SIDE: [Dimension; 3] =
        [Dimension::Knowledge, Dimension::Sentiment, Dimension::Reach];

    /// The weight in the geometric-mean readiness.
    pub fn weight(self) -> f64 {
        match self {
            Dimension::Technical => 0.30,
            Dimension::Support | Dimension::Knowledge | Dimension::Sentiment => 0.20,
            Dimension::Reach => 0.10,
        }
    }

    /// The snake_case id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Dimension::Technical => "technical",
            Dimension::Support => "support",
            Dimension::Knowledge => "knowledge",
            Dimension::Sentiment => "sentiment",
            Dimension::Reach => "reach",
        }
    }
}

/// The classification of a metric, dimension or segment. Ordered from worst to best, so the
/// minimum of a set is its "worst" state; `Info` (reported only) sorts last and is skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Clearly below the fail threshold.
    Fail,
    /// Not enough evidence to call it (never counts as a pass).
    Insufficient,
    /// Neither clearly passing nor clearly failing.
    Warn,
    /// Clearly at or above the pass threshold.
    Pass,
    /// Reported for information; weight 0 in decisions (NPS).
    Info,
}

/// How a metric's value is modelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A share between 0 and 1 (Beta posterior).
    Proportion,
    /// Events per 100 people in 14 days (Gamma–Poisson posterior).
    Rate,
    /// A mean on a 0–100 scale (Student t posterior): SUS.
    Mean,
    /// Net Promoter Score (adjusted-Wald interval), −100…100.
    Nps,
}

/// A metric of docs/scoring.md. The snake_case ids are what `program.toml` thresholds and the JSON
/// report use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricId {
    /// Share of rolled-out people whose device enrolled by the end of their wave's window.
    EnrollmentCompletion,
    /// Share of people whose first enrollment attempt succeeded (needs the failure export).
    EnrollmentFirstAttempt,
    /// Share of devices that Intune reports compliant.
    DeviceCompliance,
    /// Rollout tickets per 100 enrolled people in their first 14 days (lower is better).
    TicketRate,
    /// Share of people with assigned training who completed all of it.
    TrainingCompletion,
    /// Mean over people of the share of their quizzes passed the first time.
    QuizFirstAttempt,
    /// Mean result on the weakest quiz topic, per person.
    WeakestTopic,
    /// ADKAR Awareness: share agreeing (4–5).
    AdkarAwareness,
    /// ADKAR Desire: share agreeing (4–5).
    AdkarDesire,
    /// ADKAR Knowledge: share agreeing (4–5).
    AdkarKnowledge,
    /// ADKAR Ability: share agreeing (4–5).
    AdkarAbility,
    /// ADKAR Reinforcement: share agreeing (4–5).
    AdkarReinforcement,
    /// Mean System Usability Scale score (0–100).
    Sus,
    /// Share rating the enrollment experience 4–5.
    EnrollExperience,
    /// Net Promoter Score of the rollout (reported, weight 0).
    Nps,
    /// Share of people who answered the survey.
    ResponseRate,
    /// Share of people with assigned training who started it.
    TrainingStarted,
}

/// Default thresholds and settings of a metric; `program.toml` may override them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricSpec {
    /// Fail threshold (T_fail).
    pub fail: f64,
    /// Pass threshold (T_pass).
    pub pass: f64,
    /// Minimum evidence before the metric can pass (people, devices, responses, person-weeks).
    pub min_n: f64,
    /// Weight within its dimension (0 = reported only).
    pub weight: f64,
}

impl MetricId {
    /// Every metric, in report order.
    pub const ALL: [MetricId; 17] = [
        MetricId::EnrollmentCompletion,
        MetricId::EnrollmentFirstAttempt,
        MetricId::DeviceCompliance,
        MetricId::TicketRate,
        MetricId::TrainingCompletion,
        MetricId::QuizFirstAttempt,
        MetricId::WeakestTopic,
        MetricId::AdkarAwareness,
        MetricId::AdkarDesire,
        MetricId::AdkarKnowledge,
        MetricId::AdkarAbility,
        MetricId::AdkarReinforcement,
        MetricId::Sus,
        MetricId::EnrollExperience,
        MetricId::Nps,
        MetricId::ResponseRate,
        MetricId::TrainingStarted,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            MetricId::EnrollmentCompletion => "enrollment_completion",
            MetricId::EnrollmentFirstAttempt => "enrollment_first_attempt",
            MetricId::DeviceCompliance => "device_compliance",
            MetricId::TicketRate => "ticket_rate",
            MetricId::TrainingCompletion => "training_completion",
            MetricId::QuizFirstAttempt => "quiz_first_attempt",
            MetricId::WeakestTopic => "weakest_topic",
            MetricId::AdkarAwareness => "adkar_awareness",
            MetricId::AdkarDesire => "adkar_desire",
            MetricId::AdkarKnowledge => "adkar_knowledge",
            MetricId::AdkarAbility => "adkar_ability",
            MetricId::AdkarReinforcement => "adkar_reinforcement",
            MetricId::Sus => "sus",
            MetricId::EnrollExperience => "enroll_experience",
            MetricId::Nps => "nps",
            MetricId::ResponseRate => "response_rate",
            MetricId::TrainingStarted => "training_started",
        }
    }

    /// Parses a snake_case id.
    pub fn parse(id: &str) -> Option<MetricId> {
        MetricId::ALL.into_iter().find(|m| m.id() == id)
    }

    /// The dimension the metric belongs to.
    pub fn dimension(self) -> Dimension {
        use MetricId::*;
        match self {
            EnrollmentCompletion | EnrollmentFirstAttempt | DeviceCompliance => {
                Dimension::Technical
            }
            TicketRate => Dimension::Support,
            TrainingCompletion | QuizFirstAttempt | WeakestTopic => Dimension::Knowledge,
            AdkarAwareness | AdkarDesire | AdkarKnowledge | AdkarAbility | AdkarReinforcement
            | Sus | EnrollExperience | Nps => Dimension::Sentiment,
            ResponseRate | TrainingStarted => Dimension::Reach,
        }
    }

    /// How the value is modelled.
    pub fn kind(self) -> Kind {
        match self {
            MetricId::TicketRate => Kind::Rate,
            MetricId::Sus => Kind::Mean,
            MetricId::Nps => Kind::Nps,
            _ => Kind::Proportion,
        }
    }

    /// Whether a higher value is better (false only for the ticket rate).
    pub fn higher_is_better(self) -> bool {
        self != MetricId::TicketRate
    }

    /// Whether the metric is critical (docs/scoring.md: enrollment, Desire).
    pub fn critical(self) -> bool {
        matches!(
            self,
            MetricId::EnrollmentCompletion
                | MetricId::EnrollmentFirstAttempt
                | MetricId::AdkarDesire
        )
    }

    /// The defaults of docs/scoring.md step 3.
    pub fn default_spec(self) -> MetricSpec {
        use MetricId::*;
        let (fail, pass, min_n, weight) = match self {
            EnrollmentCompletion | EnrollmentFirstAttempt | DeviceCompliance => {
                (0.85, 0.95, 20.0, 1.0)
            }
            TicketRate => (15.0, 5.0, 100.0, 1.0),
            TrainingCompletion => (0.60, 0.85, 10.0, 1.0),
            QuizFirstAttempt => (0.60, 0.80, 10.0, 1.0),
            WeakestTopic => (0.60, 0.75, 10.0, 1.0),
            AdkarAwareness | AdkarDesire | AdkarKnowledge | AdkarAbility | AdkarReinforcement
            | EnrollExperience => (0.50, 0.70, 8.0, 1.0),
            Sus => (52.0, 68.0, 8.0, 1.0),
            Nps => (0.0, 30.0, 8.0, 0.0),
            ResponseRate => (0.40, 0.60, 10.0, 1.0),
            TrainingStarted => (0.70, 0.90, 10.0, 1.0),
        };
        MetricSpec {
            fail,
            pass,
            min_n,
            weight,
        }
    }

    /// The ADKAR element this metric measures, if any.
    pub fn adkar_element(self) -> Option<Element> {
        match self {
            MetricId::AdkarAwareness => Some(Element::Awareness),
            MetricId::AdkarDesire => Some(Element::Desire),
            MetricId::AdkarKnowledge => Some(Element::Knowledge),
            MetricId::AdkarAbility => Some(Element::Ability),
            MetricId::AdkarReinforcement => Some(Element::Reinforcement),
            _ => None,
        }
    }
}

/// The metric measuring each ADKAR element, in the elements' order.
const ADKAR_METRICS: [MetricId; 5] = [
    MetricId::AdkarAwareness,
    MetricId::AdkarDesire,
    MetricId::AdkarKnowledge,
    MetricId::AdkarAbility,
    MetricId::AdkarReinforcement,
];

impl Element {
    /// The metric measuring this element.
    pub fn metric(self) -> MetricId {
        ADKAR_METRICS[self as usize]
    }

    /// [`Element::metric`] as a one-element slice (beside metric lists).
    pub fn metric_slice(self) -> &'static [MetricId] {
        std::slice::from_ref(&ADKAR_METRICS[self as usize])
    }
}

/// The posterior of a metric's value, on the metric's own scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Posterior {
    /// A proportion.
    Beta(BetaPosterior),
    /// A rate per person-period, reported multiplied by `scale` (100 for "per 100 people").
    Gamma {
        /// The posterior of the per-unit rate.
        posterior: GammaPosterior,
        /// Multiplier from the per-unit rate to the reported scale.
        scale: f64,
    },
    /// A mean.
    Mean(MeanPosterior),
}

impl Posterior {
    /// The posterior mean.
    pub fn mean(&self) -> f64 {
        match self {
            Posterior::Beta(b) => b.mean(),
            Posterior::Gamma { posterior, scale } => posterior.mean() * scale,
            Posterior::Mean(m) => m.mean,
        }
    }

    /// The `q` quantile.
    pub fn quantile(&self, q: f64) -> f64 {
        match self {
            Posterior::Beta(b) => b.quantile(q),
            Posterior::Gamma { posterior, scale } => posterior.quantile(q) * scale,
            Posterior::Mean(m) => m.quantile(q),
        }
    }

    /// P(value < x).
    pub fn below(&self, x: f64) -> f64 {
        match self {
            Posterior::Beta(b) => b.cdf(x),
            Posterior::Gamma { posterior, scale } => posterior.cdf(x / scale),
            Posterior::Mean(m) => m.cdf(x),
        }
    }

    /// P(value ≥ x).
    pub fn at_least(&self, x: f64) -> f64 {
        1.0 - self.below(x)
    }
}

/// A metric's classification (docs/scoring.md step 2) and scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Classified {
    /// Pass, warn, fail or insufficient.
    pub state: State,
    /// Probability the target is met: P(θ ≥ T_pass), mirrored for lower-is-better.
    pub p_pass: f64,
    /// Probability of a clear failure: P(θ < T_fail), mirrored for lower-is-better.
    pub p_fail: f64,
    /// Score of the posterior mean, 0–100.
    pub score_estimate: f64,
    /// Score of the pessimistic 10th percentile (90th for lower-is-better), 0–100.
    pub score_conservative: f64,
    /// Score of the favourable 90th percentile (10th for lower-is-better), 0–100: what the
    /// metric scores at best, so a dimension fails on its band only when even that is low.
    pub score_optimistic: f64,
}

/// Scores a value 0–100 against a spec: linear from T_zero = T_fail − (T_pass − T_fail) to T_pass.
/// The formula is symmetric, so it works unchanged for lower-is-better specs (T_pass < T_fail).
pub fn score(spec: &MetricSpec, x: f64) -> f64 {
    let zero = spec.fail - (spec.pass - spec.fail);
    let span = spec.pass - zero;
    if span == 0.0 {
        return if x == spec.pass { 100.0 } else { 0.0 };
    }
    100.0 * ((x - zero) / span).clamp(0.0, 1.0)
}

/// The percentiles that bound the report's intervals (a metric's, a finding's, the helpdesk
/// forecast's). docs/scoring.md fixes them: the conservative score is the 10th percentile, the
/// helpdesk gate reads the 90th.
pub const INTERVAL_QUANTILES: [f64; 2] = [0.10, 0.90];

/// The level of those intervals, derived from [`INTERVAL_QUANTILES`] so the words can never
/// disagree with the bounds; named for people by [`crate::i18n::interval_named`]:
/// "80%-interval", "80% interval".
pub const INTERVAL_LEVEL: f64 = INTERVAL_QUANTILES[1] - INTERVAL_QUANTILES[0];

/// Classifies a metric from its posterior and evidence count at decision confidence `gamma`.
pub fn classify(
    spec: &MetricSpec,
    higher_is_better: bool,
    n: f64,
    posterior: &Posterior,
    gamma: f64,
) -> Classified {
    let [lower, upper] = INTERVAL_QUANTILES;
    let (p_pass, p_fail, conservative, optimistic) = if higher_is_better {
        (
            posterior.at_least(spec.pass),
            posterior.below(spec.fail),
            posterior.quantile(lower),
            posterior.quantile(upper),
        )
    } else {
        (
            posterior.below(spec.pass),
            posterior.at_least(spec.fail),
            posterior.quantile(upper),
            posterior.quantile(lower),
        )
    };
    let state = if p_fail >= gamma {
        State::Fail
    } else if n < spec.min_n {
        State::Insufficient
    } else if p_pass >= gamma {
        State::Pass
    } else {
        State::Warn
    };
    Classified {
        state,
        p_pass: p_pass.clamp(0.0, 1.0),
        p_fail: p_fail.clamp(0.0, 1.0),
        score_estimate: score(spec, posterior.mean()),
        score_conservative: score(spec, conservative),
        score_optimistic: score(spec, optimistic),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_named_in_words_is_the_one_between_the_conservative_and_optimistic_scores() {
        let windows = Posterior::Beta(BetaPosterior::jeffreys(34.0, 35.0));
        let [lower, upper] = INTERVAL_QUANTILES;
        // docs/scoring.md's golden example: p10–p90 [0.914, 0.992].
        assert!((windows.quantile(lower) - 0.914).abs() < 5e-4);
        assert!((windows.quantile(upper) - 0.992).abs() < 5e-4);
        assert_eq!(
            crate::i18n::interval_named(INTERVAL_LEVEL, crate::i18n::Lang::En),
            "80% interval"
        );
        assert_eq!(
            crate::i18n::interval_named(INTERVAL_LEVEL, crate::i18n::Lang::Nl),
            "80%-interval"
        );
    }

    #[test]
    fn golden_windows_is_warn_and_ios_is_fail() {
        let spec = MetricId::EnrollmentFirstAttempt.default_spec();
        let windows = Posterior::Beta(BetaPosterior::jeffreys(34.0, 35.0));
        let c = classify(&spec, true, 35.0, &windows, 0.80);
        assert_eq!(c.state, State::Warn);
        assert!((c.p_pass - 0.69).abs() < 0.005);
        let ios = Posterior::Beta(BetaPosterior::jeffreys(18.0, 25.0));
        let c = classify(&spec, true, 25.0, &ios, 0.80);
        assert_eq!(c.state, State::Fail);
        assert!((c.p_fail - 0.957).abs() < 0.001);
    }

    #[test]
    fn a_clear_failure_counts_even_on_small_n() {
        let spec = MetricId::EnrollmentFirstAttempt.default_spec();
        let c = classify(
            &spec,
            true,
            6.0,
            &Posterior::Beta(BetaPosterior::jeffreys(2.0, 6.0)),
            0.8,
        );
        assert_eq!(c.state, State::Fail);
        let c = classify(
            &spec,
            true,
            6.0,
            &Posterior::Beta(BetaPosterior::jeffreys(6.0, 6.0)),
            0.8,
        );
        assert_eq!(c.state, State::Insufficient, "6/6 is not yet a pass");
    }

    #[test]
    fn lower_is_better_is_mirrored() {
        let spec = MetricId::TicketRate.default_spec();
        // 2 tickets over 100 person-fortnights: ~2.5 per 100, clearly under the pass line of 5.
        let low = Posterior::Gamma {
            posterior: GammaPosterior::new(0.5, 0.0, 2.0, 100.0),
            scale: 100.0,
        };
        let c = classify(&spec, false, 200.0, &low, 0.8);
        assert_eq!(c.state, State::Pass);
        assert!(c.score_conservative > 60.0);
        let high = Posterior::Gamma {
            posterior: GammaPosterior::new(0.5, 0.0, 30.0, 100.0),
            scale: 100.0,
        };
        let c = classify(&spec, false, 200.0, &high, 0.8);
        assert_eq!(c.state, State::Fail);
        assert_eq!(c.score_estimate, 0.0);
    }

    #[test]
    fn scores_run_from_t_zero_to_t_pass() {
        let spec = MetricId::EnrollmentCompletion.default_spec();
        assert_eq!(score(&spec, 0.95), 100.0);
        assert!((score(&spec, 0.85) - 50.0).abs() < 1e-9);
        assert_eq!(score(&spec, 0.70), 0.0);
        let sus = MetricId::Sus.default_spec();
        assert!((score(&sus, 60.0) - 75.0).abs() < 1e-9);
    }
}
