//! The report: what `evaluate` returns and `wavegate score --format json` prints
//! (docs/data-formats.md).
//!
//! Machine-readable codes (`kind`, `rule`, `id`, `state`) are stable snake_case; the sentences
//! (`explanation`, `evidence`, `counterfactuals`) are rendered in the report's language.
//! Collections are ordered (sorted maps, vectors in a fixed order) and numbers rounded, so the
//! same input gives byte-identical JSON.

use super::metric::{Dimension, Element, MetricId, State};
use crate::i18n::Lang;

/// The report's intervals, defined beside the posteriors they are read from.
pub use super::metric::{INTERVAL_LEVEL, INTERVAL_QUANTILES};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A segment: attribute → value (e.g. `{"platform": "iOS"}`; the whole wave is `{"wave": id}`).
pub type Segment = BTreeMap<String, String>;

/// The readiness evaluation of the next wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The program's name.
    pub program: String,
    /// The evaluation date (`--at`).
    pub evaluated_at: NaiveDate,
    /// Language of the sentences in this report.
    pub lang: Lang,
    /// The wave being decided on; `None` when every wave has started.
    pub next_wave: Option<String>,
    /// The next wave's name from the program, when it has one (absent from the JSON when not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_wave_name: Option<String>,
    /// The decision for the next wave.
    pub decision: Option<Decision>,
    /// The wave as a whole, then each reportable segment of it.
    pub segments: Vec<SegmentReport>,
    /// Every gate that fired, wave first.
    pub gates: Vec<Gate>,
    /// Dimensions that fail in a segment, each tested against its siblings.
    pub dimension_failures: Vec<DimensionFailure>,
    /// The ADKAR analysis of the wave as a whole.
    pub adkar: Option<Adkar>,
    /// What to do, independent of the decision.
    pub actions: Vec<Action>,
    /// What would change the outcome.
    pub counterfactuals: Vec<String>,
    /// Rollout tickets the next wave is expected to bring.
    pub helpdesk_forecast: Option<HelpdeskForecast>,
    /// Every wave of the program in order of start: its people on the roster and how many of
    /// them had enrolled a device, day by day up to the evaluation date (enrolled against
    /// planned). Reports stored before it existed read as empty.
    #[serde(default)]
    pub enrollment_timeline: Vec<WaveEnrollment>,
    /// Groups never reported on their own: fewer than 5 people, or hidden so a small one
    /// cannot be worked out by subtraction.
    pub suppressed: Vec<Suppressed>,
    /// What was read.
    pub data: DataSummary,
    /// Remarks about missing inputs or choices the engine made.
    pub notes: Vec<String>,
}

impl Report {
    /// The next wave as people read it (`wave-2 (Regio Noord)`), by
    /// [`wave_label`](super::program::wave_label); `None` when every wave has started.
    pub fn next_wave_label(&self) -> Option<String> {
        let id = self.next_wave.as_deref()?;
        Some(super::program::wave_label(
            id,
            self.next_wave_name.as_deref(),
        ))
    }

    /// The report as `wavegate score --format json` prints it: pretty-printed with two-space
    /// indents and a final newline. The server sends these very bytes, so the two never differ.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        // Bidi and C1 characters from the files become `\u` escapes: the same JSON, safe to
        // show on a terminal or in a viewer.
        let mut json = crate::escape::json_text(&serde_json::to_string_pretty(self)?).into_owned();
        json.push('\n');
        Ok(json)
    }
}

/// The decision kinds, from most to least strict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Do not start: people are not ready (Desire) or several dimensions fail.
    Delay,
    /// Do not start until the gate clears.
    Hold,
    /// Start with some segments; hold the others.
    Split,
    /// Keep piloting: the evidence cannot decide yet.
    ExtendPilot,
    /// Start, and carry out the actions.
    ProceedWithActions,
    /// Start as planned.
    Proceed,
    /// Start, and grow the wave.
    Expand,
}

impl DecisionKind {
    /// Strictness: higher holds back more people (adding a gate never lowers it).
    pub fn strictness(self) -> u8 {
        match self {
            DecisionKind::Delay => 6,
            DecisionKind::Hold => 5,
            DecisionKind::Split => 4,
            DecisionKind::ExtendPilot => 3,
            DecisionKind::ProceedWithActions => 2,
            DecisionKind::Proceed => 1,
            DecisionKind::Expand => 0,
        }
    }
}

/// Which rule of docs/scoring.md step 6 decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The Desire gate fired for the wave.
    DesireGate,
    /// Two or more dimensions fail (confidence not low).
    FailingDimensions,
    /// A hold gate fired and is not confined to some segments.
    HoldGate,
    /// One dimension fails (or two with low confidence).
    FailingDimension,
    /// Readiness below 60.
    LowReadiness,
    /// Gates confined to some segments with a significant difference.
    Split,
    /// No critical metric has enough evidence.
    EvidenceGate,
    /// A critical metric could still go either way.
    CriticalUndecided,
    /// Some metric warns or an ADKAR barrier exists.
    WarningsOrBarrier,
    /// Everything passes with high confidence at two evaluations a week apart.
    AllPassTwice,
    /// Nothing fired.
    NothingFired,
    /// Every wave has started.
    NoNextWave,
}

/// How sure the engine is of its inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// A critical metric is insufficient or fewer than 40% answered.
    Low,
    /// In between.
    Medium,
    /// Every critical metric decided and at least 60% answered.
    High,
}

/// Readiness: the weighted geometric mean of the dimensions with evidence, or not a number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    /// From the posterior means; `null` when readiness is not a number.
    pub estimate: Option<u32>,
    /// From the pessimistic percentiles (what decisions use); `null` likewise.
    pub conservative: Option<u32>,
    /// The dimensions with evidence: what the figures are computed over.
    pub assessed: Vec<Dimension>,
    /// What evidence is missing when readiness is not a number.
    pub missing: Vec<MissingEvidence>,
    /// Why it is not a number, in the report's language.
    pub reason: Option<String>,
}

/// Evidence without which readiness is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingEvidence {
    /// No devices of people already rolled out.
    Technical,
    /// No training, survey or reach evidence.
    PeopleSide,
}

/// A pair of 0–100 scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    /// From the posterior means.
    pub estimate: u32,
    /// From the pessimistic percentile (what decisions use).
    pub conservative: u32,
}

/// More evidence that would decide a metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceNeed {
    /// The metric.
    pub metric: MetricId,
    /// Current evidence.
    pub n: u64,
    /// Additional people/devices/responses (person-weeks for the ticket rate) needed, when a
    /// finite amount decides it at the current rate.
    pub more: Option<u64>,
}

/// The decision for the next wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// What to do.
    pub kind: DecisionKind,
    /// The rule that decided.
    pub rule: Rule,
    /// Why, in the report's language.
    pub explanation: String,
    /// How sure the engine is of its inputs.
    pub confidence: Confidence,
    /// Weighted geometric readiness of the people the decision lets go (the wave, or the rest
    /// of it after a split).
    pub readiness: Readiness,
    /// Everything passes with high confidence and nothing fired: what EXPAND looks for in
    /// earlier evaluations.
    pub everything_passes: bool,
    /// The wave's planned size.
    pub planned_size: u32,
    /// How many people should go: everyone not held, capped by the helpdesk (0 when held).
    pub recommended_size: u32,
    /// For a split: the segments that go ahead (a person goes only if in no held segment).
    pub proceed: Vec<Segment>,
    /// Segments held back, each with its reasons in `gates`.
    pub hold: Vec<Segment>,
    /// For extend pilot: what more evidence would decide.
    pub more_evidence: Vec<EvidenceNeed>,
}

impl Decision {
    /// Whether someone in a segment that goes ahead may also be in a held one, because the two
    /// differ in no attribute they both name ("department HR" and "platform iOS"): such people
    /// wait too, which a list of who goes ahead must say.
    pub fn proceed_overlaps_hold(&self) -> bool {
        self.proceed.iter().any(|p| {
            self.hold
                .iter()
                .any(|h| h.iter().all(|(k, v)| p.get(k).is_none_or(|w| w == v)))
        })
    }
}

/// Where a metric's evidence came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// People already rolled out (pilot, earlier waves), matched by segment.
    RolledOut,
    /// The next wave's own members.
    NextWave,
    /// People of a wave after the next (only the enrollment timeline counts them: no metric
    /// draws on them).
    LaterWave,
}

/// One segment of the next wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SegmentReport {
    /// The segment.
    pub segment: Segment,
    /// People of the next wave in it.
    pub n: u32,
    /// Overall state: fail if gated or a dimension fails, pass only if every dimension passes.
    pub state: State,
    /// Weighted geometric readiness.
    pub readiness: Readiness,
    /// Confidence.
    pub confidence: Confidence,
    /// Per dimension.
    pub dimensions: BTreeMap<Dimension, DimensionReport>,
    /// Per metric, in catalogue order.
    pub metrics: Vec<MetricReport>,
    /// ADKAR analysis.
    pub adkar: Option<Adkar>,
    /// Gates that fired for this segment.
    pub gates: Vec<GateKind>,
}

/// A dimension's state and score.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionReport {
    /// State.
    pub state: State,
    /// Weight-normalised mean of its metrics' scores (insufficient metrics left out).
    pub score: Option<Scores>,
}

/// The thresholds a metric was judged by.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// T_fail.
    pub fail: f64,
    /// T_pass.
    pub pass: f64,
    /// Minimum evidence.
    pub min_n: f64,
}

/// Extra facts about a metric.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MetricDetail {
    /// Answers 1..5 (Likert items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<[u32; 5]>,
    /// Median answer (Likert items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median: Option<f64>,
    /// Share answering 4–5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top2: Option<f64>,
    /// Share answering 1–2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bottom2: Option<f64>,
    /// The weakest quiz topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Modules that test the weakest topic.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
    /// Tickets counted (ticket rate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<u64>,
    /// Rule-of-three upper bound (per 100 people in 14 days) when no ticket was seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_of_three: Option<f64>,
    /// NPS promoters, passives, detractors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nps_counts: Option<[u32; 3]>,
}

/// One metric of a segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricReport {
    /// Metric id.
    pub id: MetricId,
    /// Its dimension.
    pub dimension: Dimension,
    /// Where the evidence came from.
    pub source: Source,
    /// State.
    pub state: State,
    /// Evidence: people, devices, responses, attempts, or person-weeks (ticket rate).
    pub n: u64,
    /// Posterior mean (NPS: observed score); `None` without data or when suppressed.
    pub estimate: Option<f64>,
    /// Central 80% credible interval (NPS: adjusted-Wald 80%).
    pub interval: Option<[f64; 2]>,
    /// Wilson 90% interval (proportions).
    pub wilson90: Option<[f64; 2]>,
    /// P(target met).
    pub p_pass: Option<f64>,
    /// P(clearly failing).
    pub p_fail: Option<f64>,
    /// Scores.
    pub score: Option<Scores>,
    /// Thresholds used.
    pub thresholds: Thresholds,
    /// True when fewer than 5 people contributed: the values are hidden for privacy.
    pub suppressed: bool,
    /// Extra facts.
    pub detail: MetricDetail,
}

/// The gates of docs/scoring.md step 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateKind {
    /// Enrollment fails.
    Enrollment,
    /// An open priority 1–2 rollout ticket.
    Productivity,
    /// Compliance fails.
    DataProtection,
    /// The helpdesk cannot carry the forecast load.
    HelpdeskCapacity,
    /// People do not want the change.
    Desire,
    /// No critical metric has enough evidence.
    Evidence,
}

impl GateKind {
    /// The decision a gate forces at least, for its scope.
    pub fn effect(self) -> DecisionKind {
        match self {
            GateKind::Desire => DecisionKind::Delay,
            GateKind::Evidence => DecisionKind::ExtendPilot,
            GateKind::Enrollment
            | GateKind::Productivity
            | GateKind::DataProtection
            | GateKind::HelpdeskCapacity => DecisionKind::Hold,
        }
    }
}

/// How a segment's difference from the rest was tested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestMethod {
    /// Fisher's exact test on success/failure counts.
    FisherExact,
    /// Mann–Whitney U on the 1–5 answers.
    MannWhitneyU,
    /// Exact conditional test of two Poisson rates (ticket rates).
    RateComparison,
    /// Welch's t-test of two means (SUS).
    WelchT,
}

/// The test behind a split.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SplitTest {
    /// Which test.
    pub method: TestMethod,
    /// The sibling segments compared against (pooled).
    pub against: Vec<Segment>,
    /// How much better the siblings are: share points (0–1) for shares, score points / 100
    /// for rates and means.
    pub difference: f64,
    /// Raw p-value.
    pub p: f64,
    /// Benjamini–Hochberg q-value over every split test of this evaluation.
    pub q: f64,
}

/// A gate that fired.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    /// Which gate.
    pub id: GateKind,
    /// For whom.
    pub scope: Segment,
    /// The decision it forces at least.
    pub effect: DecisionKind,
    /// The metric behind it.
    pub metric: Option<MetricId>,
    /// The metric's estimate (helpdesk: q90 tickets per day; productivity: open tickets).
    pub estimate: Option<f64>,
    /// The metric's 80% interval.
    pub interval: Option<[f64; 2]>,
    /// Evidence count.
    pub n: Option<u64>,
    /// The probability that fired it.
    pub probability: Option<f64>,
    /// Whether it is confined to its segment (the rest of the wave may go ahead).
    pub confined: bool,
    /// For a segment's gate: whether it reaches the whole wave (tested, not confined, and the
    /// rest of the wave no clearly better), so that it holds or delays the wave; false for one
    /// that counts in the wave as a whole.
    #[serde(default)]
    pub whole_wave: bool,
    /// The split test, for segment gates.
    pub test: Option<SplitTest>,
    /// Why, in words.
    pub explanation: String,
}

/// A dimension that fails in a segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionFailure {
    /// For whom.
    pub scope: Segment,
    /// The dimension.
    pub dimension: Dimension,
    /// The metric that drives it (the critical one that fails, else the weakest), tested.
    pub metric: MetricId,
    /// Its estimate.
    pub estimate: Option<f64>,
    /// Its 80% interval.
    pub interval: Option<[f64; 2]>,
    /// Evidence count.
    pub n: u64,
    /// Whether it is confined to this segment (the others may go ahead).
    pub confined: bool,
    /// The test against the sibling segments.
    pub test: Option<SplitTest>,
    /// Why, in words.
    pub explanation: String,
}

/// One ADKAR element of a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdkarElement {
    /// The element.
    pub element: Element,
    /// Respondents who answered it.
    pub n: u32,
    /// Share agreeing (4–5), posterior mean including behaviour at half weight.
    pub share: f64,
    /// P(share below its pass threshold).
    pub p_below_target: f64,
    /// Behavioural evidence folded in (Knowledge: quiz; Ability: enrolled without a ticket).
    pub behaviour_n: Option<u32>,
}

/// ADKAR analysis of a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Adkar {
    /// Respondents with at least one ADKAR answer.
    pub respondents: u32,
    /// First element whose agreement is probably (≥ 0.60) below target.
    pub group_barrier: Option<Element>,
    /// Share of respondents by their own first element scored ≤ 3 (`none` when all agree).
    pub individual_barriers: BTreeMap<String, f64>,
    /// Per element.
    pub elements: Vec<AdkarElement>,
    /// Where the answers came from.
    pub source: Source,
}

/// The action kinds of docs/scoring.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Sponsor message through several channels.
    TargetedCommunication,
    /// Assign the specific modules.
    TargetedTraining,
    /// Prepare the helpdesk for the expected ticket categories.
    HelpdeskPreparation,
    /// Assisted enrollment; fix the top failure reason.
    AssistedEnrollment,
    /// Manager conversations, privacy FAQ, app protection for personal devices.
    ManagerConversations,
    /// Follow up after enrollment.
    PostEnrollmentFollowup,
    /// Survey again: silence is not assent.
    Resurvey,
}

/// Why an action was proposed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionReason {
    /// The group's ADKAR barrier.
    AdkarBarrier,
    /// Reach warns or fails.
    LowReach,
    /// The weakest quiz topic warns or fails.
    WeakTopic,
    /// Training completion or first-attempt quiz pass warns or fails.
    KnowledgeGap,
    /// Enrollment failures concentrate here.
    EnrollmentFailures,
    /// Forecast tickets above 80% of capacity.
    HelpdeskLoad,
    /// Response rate 10 points or more below the wave's.
    LowResponse,
}

/// Something to do for a target group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// What.
    pub kind: ActionKind,
    /// For whom.
    pub target: Segment,
    /// Why (code).
    pub reason: ActionReason,
    /// The metric behind it.
    pub metric: Option<MetricId>,
    /// The metric's estimate.
    pub estimate: Option<f64>,
    /// The metric's 80% interval.
    pub interval: Option<[f64; 2]>,
    /// Evidence count.
    pub n: Option<u64>,
    /// P(target met) of the metric.
    pub probability: Option<f64>,
    /// Specifics: modules to assign, failure reasons to fix, ticket categories to prepare for.
    pub items: Vec<String>,
    /// For an action on the whole wave: the segments in it where the metric fails outright.
    pub failing_within: Vec<Segment>,
    /// The evidence, in words.
    pub evidence: String,
}

impl Action {
    /// Whether the action reminds its group to finish training they already have (few
    /// completed it) rather than asking them to learn more: a step of its own, with its own
    /// advice and message.
    pub fn reminds_to_finish(&self) -> bool {
        reminds_to_finish(self.kind, self.metric)
    }
}

/// [`Action::reminds_to_finish`] for an action's kind and metric.
pub(crate) fn reminds_to_finish(kind: ActionKind, metric: Option<MetricId>) -> bool {
    kind == ActionKind::TargetedTraining && metric == Some(MetricId::TrainingCompletion)
}

/// A ticket category's share of rollout tickets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryShare {
    /// Category.
    pub category: String,
    /// Share of rollout tickets.
    pub share: f64,
}

/// One segment's part of the helpdesk forecast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForecastSegment {
    /// The segment (`{}` for people without a value, or for groups too small to name).
    pub segment: Segment,
    /// Its share of the wave.
    pub share: f64,
    /// Tickets per 100 people in 14 days (posterior mean, shrunk toward the pooled rate).
    pub rate_per_100: f64,
    /// Its expected tickets per day while the wave enrolls.
    pub tickets_per_day: f64,
}

/// Rollout tickets the next wave is expected to bring (Gamma–Poisson posterior of the rate).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpdeskForecast {
    /// People in the next wave (planned size).
    pub wave_size: u32,
    /// Capacity from program.toml.
    pub capacity_per_day: Option<f64>,
    /// Tickets per 100 people in 14 days of the wave's mix (posterior mean).
    pub rate_per_100: f64,
    /// The split attribute the forecast sums over; `null`: one pooled rate (no attribute's
    /// rates differ enough for the evidence).
    pub by: Option<String>,
    /// The parts of the sum.
    pub segments: Vec<ForecastSegment>,
    /// Median tickets per day while the wave enrolls.
    pub tickets_per_day_median: f64,
    /// 90th percentile of tickets per day.
    pub tickets_per_day_q90: f64,
    /// Largest wave of this mix whose q90 fits capacity: capacity × 14 / q90(rate per person).
    pub max_wave_size: Option<u32>,
    /// Under a split, the largest wave of the mix that goes ahead (the held segments left out)
    /// whose q90 fits capacity, when it differs from `max_wave_size`: the size the decision
    /// holds the split to. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub going_max_wave_size: Option<u32>,
    /// Evidence: person-weeks observed.
    pub person_weeks: u64,
    /// Most common rollout ticket categories.
    pub top_categories: Vec<CategoryShare>,
}

/// One wave of the enrollment timeline: its roster people who had enrolled a device, over
/// time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaveEnrollment {
    /// The wave.
    pub wave: String,
    /// Its name from the program, when it has one (absent from the JSON when not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First day of its enrollment window.
    pub start: NaiveDate,
    /// Last day of its enrollment window.
    pub end: NaiveDate,
    /// Planned number of people from program.toml; the roster count when it gives none (as
    /// for the decision).
    pub planned_size: u32,
    /// People on the roster in this wave.
    pub people: u32,
    /// Of them, how many had enrolled a device by the end of the evaluation date; `None`
    /// without devices.csv or when withheld.
    pub enrolled: Option<u32>,
    /// The same count over time: one point per day on which it changed, and the evaluation
    /// date (never after it); empty when `enrolled` is `None`.
    pub series: Vec<EnrollmentPoint>,
    /// Why the wave's enrollment is not shown (fewer than 5 people, or hidden beside such a
    /// wave so it cannot be worked out by subtraction); `None` when it is.
    pub withheld: Option<SuppressionReason>,
}

impl WaveEnrollment {
    /// The wave as people read it, by [`wave_label`](super::program::wave_label).
    pub fn label(&self) -> String {
        super::program::wave_label(&self.wave, self.name.as_deref())
    }
}

/// People of a wave enrolled by the end of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollmentPoint {
    /// The day.
    pub date: NaiveDate,
    /// People of the wave with a device enrolled by the end of it.
    pub enrolled: u32,
}

/// A group of a segment that is never reported on its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suppressed {
    /// The segment.
    pub segment: Segment,
    /// People in the group.
    pub n: u32,
    /// Which of the segment's people: those rolled out already, or the next wave's.
    pub group: Source,
    /// Why.
    pub reason: SuppressionReason,
}

/// Why a group is not reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuppressionReason {
    /// Fewer than 5 people.
    Small,
    /// Hidden with a small sibling, so the parent minus the shown ones cannot give it away.
    Complementary,
    /// Within a segment that is not reported.
    WithinSuppressed,
}

/// Counts of what was read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DataSummary {
    /// People on the roster.
    pub people: u32,
    /// People in waves that have started.
    pub rolled_out: u32,
    /// People in the next wave.
    pub next_wave: u32,
    /// Devices read (`None`: no devices.csv).
    pub devices: Option<u32>,
    /// Enrollment failures read.
    pub enrollment_failures: Option<u32>,
    /// Tickets read.
    pub tickets: Option<u32>,
    /// Responses read.
    pub responses: Option<u32>,
    /// Training records read.
    pub training_records: Option<u32>,
    /// Rows not tied to anyone on the roster, by kind.
    pub unmatched: BTreeMap<String, u32>,
}
