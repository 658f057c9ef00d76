//! Every sentence and label of the readiness report, in Dutch and English.
//!
//! Each function matches on the language (and on the enum it names) exhaustively, so a new
//! metric, gate or action cannot compile without both texts.

use super::metric::{Dimension, Element, MetricId, State};
use super::report::{ActionKind, Confidence, DecisionKind, GateKind, Segment, Source};
use crate::i18n::Lang;

/// A number with `decimals` decimals, with a decimal comma in Dutch.
pub fn num(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{x:.decimals$}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A share as a percentage ("71%").
pub fn pct(x: f64, lang: Lang) -> String {
    let _ = lang;
    format!("{:.0}%", x * 100.0)
}

/// A list joined with commas and a final "and"/"en".
pub fn list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Nl => "en",
        Lang::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// The name of a metric.
pub fn metric_name(m: MetricId, lang: Lang) -> &'static str {
    use MetricId::*;
    match (m, lang) {
        (EnrollmentCompletion, Lang::Nl) => "inschrijving binnen de golfperiode",
        (EnrollmentCompletion, Lang::En) => "enrollment within the wave window",
        (EnrollmentFirstAttempt, Lang::Nl) => "inschrijving in één keer gelukt",
        (EnrollmentFirstAttempt, Lang::En) => "first-attempt enrollment success",
        (DeviceCompliance, Lang::Nl) => "apparaten compliant",
        (DeviceCompliance, Lang::En) => "compliant devices",
        (TicketRate, Lang::Nl) => "rollout-tickets per 100 mensen in 14 dagen",
        (TicketRate, Lang::En) => "rollout tickets per 100 people in 14 days",
        (TrainingCompletion, Lang::Nl) => "training afgerond",
        (TrainingCompletion, Lang::En) => "training completed",
        (QuizFirstAttempt, Lang::Nl) => "quiz in één keer gehaald",
        (QuizFirstAttempt, Lang::En) => "quiz passed first time",
        (WeakestTopic, Lang::Nl) => "zwakste quizonderwerp",
        (WeakestTopic, Lang::En) => "weakest quiz topic",
        (AdkarAwareness, Lang::Nl) => "ADKAR bewustzijn",
        (AdkarAwareness, Lang::En) => "ADKAR awareness",
        (AdkarDesire, Lang::Nl) => "ADKAR bereidheid",
        (AdkarDesire, Lang::En) => "ADKAR desire",
        (AdkarKnowledge, Lang::Nl) => "ADKAR kennis",
        (AdkarKnowledge, Lang::En) => "ADKAR knowledge",
        (AdkarAbility, Lang::Nl) => "ADKAR vaardigheid",
        (AdkarAbility, Lang::En) => "ADKAR ability",
        (AdkarReinforcement, Lang::Nl) => "ADKAR borging",
        (AdkarReinforcement, Lang::En) => "ADKAR reinforcement",
        (Sus, Lang::Nl) => "SUS-score",
        (Sus, Lang::En) => "SUS score",
        (EnrollExperience, Lang::Nl) => "tevreden over de inschrijving",
        (EnrollExperience, Lang::En) => "satisfied with enrollment",
        (Nps, Lang::Nl) => "NPS",
        (Nps, Lang::En) => "NPS",
        (ResponseRate, Lang::Nl) => "respons op de enquête",
        (ResponseRate, Lang::En) => "survey response rate",
        (TrainingStarted, Lang::Nl) => "training gestart",
        (TrainingStarted, Lang::En) => "training started",
    }
}

/// What a metric's evidence count counts.
pub fn unit(m: MetricId, lang: Lang) -> &'static str {
    use MetricId::*;
    match (m, lang) {
        (
            EnrollmentCompletion | EnrollmentFirstAttempt | TrainingCompletion | TrainingStarted,
            Lang::Nl,
        ) => "mensen",
        (
            EnrollmentCompletion | EnrollmentFirstAttempt | TrainingCompletion | TrainingStarted,
            Lang::En,
        ) => "people",
        (DeviceCompliance, Lang::Nl) => "apparaten",
        (DeviceCompliance, Lang::En) => "devices",
        (TicketRate, Lang::Nl) => "persoonsweken",
        (TicketRate, Lang::En) => "person-weeks",
        (QuizFirstAttempt | WeakestTopic, Lang::Nl) => "quizpogingen",
        (QuizFirstAttempt | WeakestTopic, Lang::En) => "quiz attempts",
        (
            AdkarAwareness | AdkarDesire | AdkarKnowledge | AdkarAbility | AdkarReinforcement | Sus
            | EnrollExperience | Nps,
            Lang::Nl,
        ) => "antwoorden",
        (
            AdkarAwareness | AdkarDesire | AdkarKnowledge | AdkarAbility | AdkarReinforcement | Sus
            | EnrollExperience | Nps,
            Lang::En,
        ) => "responses",
        (ResponseRate, Lang::Nl) => "mensen",
        (ResponseRate, Lang::En) => "people",
    }
}

/// The name of a dimension.
pub fn dimension_name(d: Dimension, lang: Lang) -> &'static str {
    match (d, lang) {
        (Dimension::Technical, Lang::Nl) => "Techniek",
        (Dimension::Technical, Lang::En) => "Technical",
        (Dimension::Support, Lang::Nl) => "Ondersteuning",
        (Dimension::Support, Lang::En) => "Support",
        (Dimension::Knowledge, Lang::Nl) => "Kennis",
        (Dimension::Knowledge, Lang::En) => "Knowledge",
        (Dimension::Sentiment, Lang::Nl) => "Draagvlak",
        (Dimension::Sentiment, Lang::En) => "Sentiment",
        (Dimension::Reach, Lang::Nl) => "Bereik",
        (Dimension::Reach, Lang::En) => "Reach",
    }
}

/// The name of a state.
pub fn state_name(s: State, lang: Lang) -> &'static str {
    match (s, lang) {
        (State::Pass, Lang::Nl) => "voldoet",
        (State::Pass, Lang::En) => "pass",
        (State::Warn, Lang::Nl) => "let op",
        (State::Warn, Lang::En) => "warn",
        (State::Fail, Lang::Nl) => "onvoldoende",
        (State::Fail, Lang::En) => "fail",
        (State::Insufficient, Lang::Nl) => "te weinig gegevens",
        (State::Insufficient, Lang::En) => "insufficient",
        (State::Info, Lang::Nl) => "ter info",
        (State::Info, Lang::En) => "info",
    }
}

/// The name of a decision.
pub fn decision_name(k: DecisionKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (DecisionKind::Delay, Lang::Nl) => "Uitstellen",
        (DecisionKind::Delay, Lang::En) => "Delay",
        (DecisionKind::Hold, Lang::Nl) => "Aanhouden",
        (DecisionKind::Hold, Lang::En) => "Hold",
        (DecisionKind::Split, Lang::Nl) => "Splitsen",
        (DecisionKind::Split, Lang::En) => "Split",
        (DecisionKind::ExtendPilot, Lang::Nl) => "Pilot verlengen",
        (DecisionKind::ExtendPilot, Lang::En) => "Extend the pilot",
        (DecisionKind::ProceedWithActions, Lang::Nl) => "Doorgaan met acties",
        (DecisionKind::ProceedWithActions, Lang::En) => "Proceed with actions",
        (DecisionKind::Proceed, Lang::Nl) => "Doorgaan",
        (DecisionKind::Proceed, Lang::En) => "Proceed",
        (DecisionKind::Expand, Lang::Nl) => "Uitbreiden",
        (DecisionKind::Expand, Lang::En) => "Expand",
    }
}

/// The name of a confidence level.
pub fn confidence_name(c: Confidence, lang: Lang) -> &'static str {
    match (c, lang) {
        (Confidence::High, Lang::Nl) => "hoog",
        (Confidence::High, Lang::En) => "high",
        (Confidence::Medium, Lang::Nl) => "gemiddeld",
        (Confidence::Medium, Lang::En) => "medium",
        (Confidence::Low, Lang::Nl) => "laag",
        (Confidence::Low, Lang::En) => "low",
    }
}

/// The name of a gate.
pub fn gate_name(g: GateKind, lang: Lang) -> &'static str {
    match (g, lang) {
        (GateKind::Enrollment, Lang::Nl) => "inschrijving",
        (GateKind::Enrollment, Lang::En) => "enrollment",
        (GateKind::Productivity, Lang::Nl) => "productiviteit",
        (GateKind::Productivity, Lang::En) => "productivity blocker",
        (GateKind::DataProtection, Lang::Nl) => "gegevensbescherming",
        (GateKind::DataProtection, Lang::En) => "data protection",
        (GateKind::HelpdeskCapacity, Lang::Nl) => "capaciteit servicedesk",
        (GateKind::HelpdeskCapacity, Lang::En) => "helpdesk capacity",
        (GateKind::Desire, Lang::Nl) => "bereidheid",
        (GateKind::Desire, Lang::En) => "desire",
        (GateKind::Evidence, Lang::Nl) => "bewijs",
        (GateKind::Evidence, Lang::En) => "evidence",
    }
}

/// The name of an action.
pub fn action_name(k: ActionKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (ActionKind::TargetedCommunication, Lang::Nl) => "Gerichte communicatie",
        (ActionKind::TargetedCommunication, Lang::En) => "Targeted communication",
        (ActionKind::TargetedTraining, Lang::Nl) => "Gerichte training",
        (ActionKind::TargetedTraining, Lang::En) => "Targeted training",
        (ActionKind::HelpdeskPreparation, Lang::Nl) => "Servicedesk voorbereiden",
        (ActionKind::HelpdeskPreparation, Lang::En) => "Helpdesk preparation",
        (ActionKind::AssistedEnrollment, Lang::Nl) => "Begeleide inschrijving",
        (ActionKind::AssistedEnrollment, Lang::En) => "Assisted enrollment",
        (ActionKind::ManagerConversations, Lang::Nl) => "Gesprekken met leidinggevenden",
        (ActionKind::ManagerConversations, Lang::En) => "Manager conversations",
        (ActionKind::PostEnrollmentFollowup, Lang::Nl) => "Nazorg na inschrijving",
        (ActionKind::PostEnrollmentFollowup, Lang::En) => "Post-enrollment follow-up",
        (ActionKind::Resurvey, Lang::Nl) => "Opnieuw enquêteren",
        (ActionKind::Resurvey, Lang::En) => "Survey again",
    }
}

/// What an action asks for, in a sentence.
pub fn action_advice(k: ActionKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (ActionKind::TargetedCommunication, Lang::Nl) => {
            "Stuur een bericht van de sponsor via meerdere kanalen (mail, intranet, teamoverleg) aan deze groep."
        }
        (ActionKind::TargetedCommunication, Lang::En) => {
            "Send a sponsor message to this group through several channels (mail, intranet, team meetings)."
        }
        (ActionKind::TargetedTraining, Lang::Nl) => {
            "Wijs deze groep de genoemde modules toe, in korte delen."
        }
        (ActionKind::TargetedTraining, Lang::En) => {
            "Assign this group the modules named, in short chunks."
        }
        (ActionKind::HelpdeskPreparation, Lang::Nl) => {
            "Bereid de servicedesk voor op de verwachte ticketcategorieën, met actuele oplossingen."
        }
        (ActionKind::HelpdeskPreparation, Lang::En) => {
            "Prepare the helpdesk for the expected ticket categories, with current troubleshooting content."
        }
        (ActionKind::AssistedEnrollment, Lang::Nl) => {
            "Bied begeleide inschrijving aan en los eerst de meest voorkomende foutoorzaak op."
        }
        (ActionKind::AssistedEnrollment, Lang::En) => {
            "Offer assisted enrollment and fix the most common failure reason first."
        }
        (ActionKind::ManagerConversations, Lang::Nl) => {
            "Laat leidinggevenden het gesprek voeren, deel een privacy-FAQ en overweeg app-bescherming zonder volledige inschrijving voor eigen apparaten."
        }
        (ActionKind::ManagerConversations, Lang::En) => {
            "Have managers hold the conversation, share a privacy FAQ, and consider app protection without full enrollment for personal devices."
        }
        (ActionKind::PostEnrollmentFollowup, Lang::Nl) => {
            "Volg mensen na de inschrijving op: tips, een korte check-in, successen delen."
        }
        (ActionKind::PostEnrollmentFollowup, Lang::En) => {
            "Follow people up after enrollment: tips, a short check-in, shared successes."
        }
        (ActionKind::Resurvey, Lang::Nl) => {
            "Enquêteer deze groep opnieuw: zwijgen is geen instemming."
        }
        (ActionKind::Resurvey, Lang::En) => "Survey this group again: silence is not assent.",
    }
}

/// The name of an ADKAR element.
pub fn element_name(e: Element, lang: Lang) -> &'static str {
    match (e, lang) {
        (Element::Awareness, Lang::Nl) => "bewustzijn",
        (Element::Awareness, Lang::En) => "awareness",
        (Element::Desire, Lang::Nl) => "bereidheid",
        (Element::Desire, Lang::En) => "desire",
        (Element::Knowledge, Lang::Nl) => "kennis",
        (Element::Knowledge, Lang::En) => "knowledge",
        (Element::Ability, Lang::Nl) => "vaardigheid",
        (Element::Ability, Lang::En) => "ability",
        (Element::Reinforcement, Lang::Nl) => "borging",
        (Element::Reinforcement, Lang::En) => "reinforcement",
    }
}

/// Where evidence came from.
pub fn source_name(s: Source, lang: Lang) -> &'static str {
    match (s, lang) {
        (Source::RolledOut, Lang::Nl) => "eerdere golven",
        (Source::RolledOut, Lang::En) => "earlier waves",
        (Source::NextWave, Lang::Nl) => "de golf zelf",
        (Source::NextWave, Lang::En) => "the wave itself",
    }
}

/// A segment in words: "platform iOS", or "the whole wave wave-1".
pub fn segment(s: &Segment, lang: Lang) -> String {
    if let (1, Some(w)) = (s.len(), s.get("wave")) {
        return match lang {
            Lang::Nl => format!("de hele golf {w}"),
            Lang::En => format!("the whole wave {w}"),
        };
    }
    s.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fixed texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Report title.
    Title,
    /// "Program".
    Program,
    /// "Evaluated on".
    EvaluatedAt,
    /// "Next wave".
    NextWave,
    /// "Decision".
    Decision,
    /// "Readiness".
    Readiness,
    /// "Confidence".
    Confidence,
    /// "Recommended size".
    RecommendedSize,
    /// "Planned size".
    PlannedSize,
    /// "Proceeds".
    Proceeds,
    /// "Held".
    Held,
    /// "Gates".
    Gates,
    /// "Segments".
    Segments,
    /// "Segment".
    Segment,
    /// "People".
    People,
    /// "State".
    State,
    /// "Metrics of the whole wave".
    WaveMetrics,
    /// "Metric".
    Metric,
    /// "Estimate".
    Estimate,
    /// "80% interval".
    Interval,
    /// "P(target met)".
    PPass,
    /// "Source".
    Source,
    /// "ADKAR".
    Adkar,
    /// "Group barrier".
    GroupBarrier,
    /// "None".
    NoBarrier,
    /// "Individual barriers".
    IndividualBarriers,
    /// "Actions".
    Actions,
    /// "What would change the outcome".
    Counterfactuals,
    /// "Helpdesk forecast".
    HelpdeskForecast,
    /// "Suppressed segments".
    Suppressed,
    /// Explanation of suppression.
    SuppressedNote,
    /// "Notes".
    Notes,
    /// "How to read this report".
    Method,
    /// Method explanation.
    MethodText,
    /// "no gates fired".
    NoGates,
    /// "no actions".
    NoActions,
    /// "Score".
    Score,
    /// "Dimension".
    Dimension,
    /// "Data".
    Data,
    /// "hidden (fewer than 5 people)".
    Hidden,
    /// "confined".
    Confined,
    /// "whole wave".
    WholeWave,
    /// "More evidence needed".
    MoreEvidence,
    /// "none".
    NoneWord,
}

/// A fixed text.
pub fn label(l: Label, lang: Lang) -> &'static str {
    use Label::*;
    match (l, lang) {
        (Title, Lang::Nl) => "Gereedheidsrapport uitrol",
        (Title, Lang::En) => "Deployment readiness report",
        (Program, Lang::Nl) => "Programma",
        (Program, Lang::En) => "Program",
        (EvaluatedAt, Lang::Nl) => "Beoordeeld op",
        (EvaluatedAt, Lang::En) => "Evaluated on",
        (NextWave, Lang::Nl) => "Volgende golf",
        (NextWave, Lang::En) => "Next wave",
        (Decision, Lang::Nl) => "Besluit",
        (Decision, Lang::En) => "Decision",
        (Readiness, Lang::Nl) => "Gereedheid (schatting/voorzichtig)",
        (Readiness, Lang::En) => "Readiness (estimate/conservative)",
        (Confidence, Lang::Nl) => "Zekerheid",
        (Confidence, Lang::En) => "Confidence",
        (RecommendedSize, Lang::Nl) => "Aanbevolen omvang",
        (RecommendedSize, Lang::En) => "Recommended size",
        (PlannedSize, Lang::Nl) => "Geplande omvang",
        (PlannedSize, Lang::En) => "Planned size",
        (Proceeds, Lang::Nl) => "Gaat door",
        (Proceeds, Lang::En) => "Proceeds",
        (Held, Lang::Nl) => "Aangehouden",
        (Held, Lang::En) => "Held",
        (Gates, Lang::Nl) => "Poorten",
        (Gates, Lang::En) => "Gates",
        (Segments, Lang::Nl) => "Segmenten",
        (Segments, Lang::En) => "Segments",
        (Segment, Lang::Nl) => "Segment",
        (Segment, Lang::En) => "Segment",
        (People, Lang::Nl) => "Mensen",
        (People, Lang::En) => "People",
        (State, Lang::Nl) => "Status",
        (State, Lang::En) => "State",
        (WaveMetrics, Lang::Nl) => "Meetwaarden van de hele golf",
        (WaveMetrics, Lang::En) => "Metrics of the whole wave",
        (Metric, Lang::Nl) => "Meetwaarde",
        (Metric, Lang::En) => "Metric",
        (Estimate, Lang::Nl) => "Schatting",
        (Estimate, Lang::En) => "Estimate",
        (Interval, Lang::Nl) => "80%-interval",
        (Interval, Lang::En) => "80% interval",
        (PPass, Lang::Nl) => "P(doel gehaald)",
        (PPass, Lang::En) => "P(target met)",
        (Source, Lang::Nl) => "Bron",
        (Source, Lang::En) => "Source",
        (Adkar, Lang::Nl) => "ADKAR",
        (Adkar, Lang::En) => "ADKAR",
        (GroupBarrier, Lang::Nl) => "Knelpunt van de groep",
        (GroupBarrier, Lang::En) => "Group barrier",
        (NoBarrier, Lang::Nl) => "geen",
        (NoBarrier, Lang::En) => "none",
        (IndividualBarriers, Lang::Nl) => "Persoonlijke knelpunten",
        (IndividualBarriers, Lang::En) => "Individual barriers",
        (Actions, Lang::Nl) => "Acties",
        (Actions, Lang::En) => "Actions",
        (Counterfactuals, Lang::Nl) => "Wat de uitkomst zou veranderen",
        (Counterfactuals, Lang::En) => "What would change the outcome",
        (HelpdeskForecast, Lang::Nl) => "Verwachting servicedesk",
        (HelpdeskForecast, Lang::En) => "Helpdesk forecast",
        (Suppressed, Lang::Nl) => "Niet getoonde segmenten",
        (Suppressed, Lang::En) => "Suppressed segments",
        (SuppressedNote, Lang::Nl) => "Groepen van minder dan 5 mensen worden nooit apart getoond.",
        (SuppressedNote, Lang::En) => "Groups of fewer than 5 people are never shown on their own.",
        (Notes, Lang::Nl) => "Opmerkingen",
        (Notes, Lang::En) => "Notes",
        (Method, Lang::Nl) => "Zo leest u dit rapport",
        (Method, Lang::En) => "How to read this report",
        (MethodText, Lang::Nl) => {
            "Elke meetwaarde is een schatting met onzekerheid. Een meetwaarde voldoet als de kans dat het doel gehaald is minstens 80% is, en is onvoldoende als de kans op een duidelijke onderschrijding minstens 80% is; met te weinig gegevens telt ze nooit als voldoende. Scores lopen van 0 tot 100; besluiten gebruiken de voorzichtige score (10e percentiel). Gereedheid is een gewogen meetkundig gemiddelde van de dimensies, zodat één zwakke dimensie niet wegvalt tegen de andere."
        }
        (MethodText, Lang::En) => {
            "Every metric is an estimate with its uncertainty. A metric passes when the probability that it meets its target is at least 80%, and fails when a clear shortfall has at least 80% probability; with too little evidence it never counts as a pass. Scores run from 0 to 100; decisions use the conservative score (10th percentile). Readiness is a weighted geometric mean of the dimensions, so one weak dimension cannot be averaged away."
        }
        (NoGates, Lang::Nl) => "Geen poort gesloten.",
        (NoGates, Lang::En) => "No gate fired.",
        (NoActions, Lang::Nl) => "Geen acties nodig.",
        (NoActions, Lang::En) => "No actions needed.",
        (Score, Lang::Nl) => "Score",
        (Score, Lang::En) => "Score",
        (Dimension, Lang::Nl) => "Dimensie",
        (Dimension, Lang::En) => "Dimension",
        (Data, Lang::Nl) => "Gegevens",
        (Data, Lang::En) => "Data",
        (Hidden, Lang::Nl) => "verborgen (minder dan 5 mensen)",
        (Hidden, Lang::En) => "hidden (fewer than 5 people)",
        (Confined, Lang::Nl) => "beperkt tot dit segment",
        (Confined, Lang::En) => "confined to this segment",
        (WholeWave, Lang::Nl) => "geldt voor de hele golf",
        (WholeWave, Lang::En) => "applies to the whole wave",
        (MoreEvidence, Lang::Nl) => "Meer bewijs nodig",
        (MoreEvidence, Lang::En) => "More evidence needed",
        (NoneWord, Lang::Nl) => "geen",
        (NoneWord, Lang::En) => "none",
    }
}

/// Facts about a metric for an evidence sentence.
#[derive(Clone, Copy, Debug)]
pub struct Evidence {
    /// Metric.
    pub metric: MetricId,
    /// Estimate.
    pub estimate: f64,
    /// 80% interval.
    pub interval: Option<[f64; 2]>,
    /// Evidence count.
    pub n: u64,
}

fn value(metric: MetricId, x: f64, lang: Lang) -> String {
    match metric.kind() {
        super::metric::Kind::Proportion => num(x, 2, lang),
        super::metric::Kind::Rate | super::metric::Kind::Mean | super::metric::Kind::Nps => {
            num(x, 1, lang)
        }
    }
}

/// "first-attempt enrollment success 0.71 (80% interval 0.60–0.82, n = 25)".
pub fn evidence(e: &Evidence, lang: Lang) -> String {
    let name = metric_name(e.metric, lang);
    let est = value(e.metric, e.estimate, lang);
    let unit = unit(e.metric, lang);
    match (e.interval, lang) {
        (Some([lo, hi]), Lang::Nl) => format!(
            "{name} {est} (80%-interval {}–{}, n = {} {unit})",
            value(e.metric, lo, lang),
            value(e.metric, hi, lang),
            e.n
        ),
        (Some([lo, hi]), Lang::En) => format!(
            "{name} {est} (80% interval {}–{}, n = {} {unit})",
            value(e.metric, lo, lang),
            value(e.metric, hi, lang),
            e.n
        ),
        (None, _) => format!("{name} {est} (n = {} {unit})", e.n),
    }
}

/// A sentence of the report, with its facts.
#[derive(Clone, Debug)]
pub enum Msg {
    /// Decision: Desire gate for the wave.
    DelayDesire {
        /// The Desire evidence.
        evidence: String,
    },
    /// Decision: two or more dimensions fail.
    DelayDimensions {
        /// The failing dimensions.
        dimensions: Vec<Dimension>,
    },
    /// Decision: hold gates not confined.
    HoldGates {
        /// The gates.
        gates: Vec<GateKind>,
        /// Largest wave that fits the helpdesk, when that gate fired.
        max_size: Option<u32>,
    },
    /// Decision: one failing dimension.
    HoldDimension {
        /// The failing dimensions.
        dimensions: Vec<Dimension>,
    },
    /// Decision: readiness below 60.
    HoldReadiness {
        /// Conservative readiness.
        readiness: u32,
    },
    /// Decision: split.
    Split {
        /// Held segments in words.
        held: Vec<String>,
        /// People going ahead.
        size: u32,
    },
    /// Decision: no critical metric has evidence.
    ExtendEvidence,
    /// Decision: critical metrics undecided.
    ExtendUndecided {
        /// The metrics.
        metrics: Vec<MetricId>,
    },
    /// Decision: proceed with actions.
    ProceedWithActions {
        /// Number of actions.
        actions: usize,
    },
    /// Decision: expand.
    Expand {
        /// Growth factor.
        factor: u32,
        /// New size.
        size: u32,
    },
    /// Decision: proceed.
    Proceed,
    /// No next wave.
    NoNextWave,
    /// Gate: a metric fails.
    GateMetric {
        /// Gate.
        gate: GateKind,
        /// Evidence.
        evidence: Evidence,
        /// P(below T_fail).
        probability: f64,
        /// T_fail.
        fail: f64,
    },
    /// Gate: open priority tickets.
    GateProductivity {
        /// Open tickets.
        open: u32,
    },
    /// Gate: helpdesk.
    GateHelpdesk {
        /// Wave size.
        size: u32,
        /// q90 tickets per day.
        q90: f64,
        /// Capacity.
        capacity: f64,
        /// Largest size that fits.
        max_size: u32,
    },
    /// Gate: evidence.
    GateEvidence,
    /// Suffix: confined by a significant test.
    Confined {
        /// Fisher or Mann–Whitney.
        test: &'static str,
        /// p.
        p: f64,
        /// q.
        q: f64,
        /// Points better elsewhere.
        points: f64,
    },
    /// Suffix: not confined.
    NotConfined,
    /// Suffix: helpdesk gate resolved by the split.
    HelpdeskFitsSplit {
        /// People going ahead.
        size: u32,
    },
    /// Action evidence: ADKAR barrier.
    ActionBarrier {
        /// Element.
        element: Element,
        /// Share agreeing.
        share: f64,
        /// P(below target).
        p_below: f64,
        /// Respondents.
        n: u32,
    },
    /// Action evidence: a metric warns or fails.
    ActionMetric {
        /// Evidence.
        evidence: Evidence,
        /// State.
        state: State,
    },
    /// Action evidence: weak topic.
    ActionTopic {
        /// Topic.
        topic: String,
        /// Evidence.
        evidence: Evidence,
    },
    /// Action evidence: helpdesk load.
    ActionHelpdesk {
        /// q90 tickets per day.
        q90: f64,
        /// Capacity.
        capacity: f64,
    },
    /// Action evidence: low response.
    ActionResponse {
        /// Segment rate.
        rate: f64,
        /// Wave rate.
        wave: f64,
    },
    /// Counterfactual: a failing metric clears / passes.
    CfMetric {
        /// Segment words.
        scope: String,
        /// Metric.
        metric: MetricId,
        /// Share that clears the gate at the current n.
        clears: Option<(f64, u64)>,
        /// Share and n that pass.
        passes: Option<(f64, u64)>,
    },
    /// Counterfactual: evidence needed.
    CfMoreEvidence {
        /// Metric.
        metric: MetricId,
        /// More units.
        more: Option<u64>,
    },
    /// Counterfactual: helpdesk.
    CfHelpdesk {
        /// Largest size that fits.
        max_size: u32,
        /// Capacity needed for the planned size.
        capacity_needed: f64,
        /// Planned size.
        size: u32,
    },
    /// Counterfactual: productivity.
    CfProductivity {
        /// Open tickets.
        open: u32,
    },
    /// Note: a file was not provided.
    MissingFile {
        /// File name.
        file: &'static str,
    },
    /// Note: failures not provided, so first-attempt success is not assessed.
    NoFailures,
    /// Note: a split attribute that is not a roster column.
    UnknownSplitAttribute {
        /// The attribute.
        name: String,
    },
    /// Note: rows not matched to the roster.
    Unmatched {
        /// File.
        file: &'static str,
        /// Rows.
        rows: u32,
    },
}

fn gates_list(gates: &[GateKind], lang: Lang) -> String {
    let names: Vec<String> = gates
        .iter()
        .map(|g| gate_name(*g, lang).to_string())
        .collect();
    list(&names, lang)
}

fn dims_list(dims: &[Dimension], lang: Lang) -> String {
    let names: Vec<String> = dims
        .iter()
        .map(|d| dimension_name(*d, lang).to_string())
        .collect();
    list(&names, lang)
}

impl Msg {
    /// The sentence in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Msg::DelayDesire { evidence } => match lang {
                Lang::Nl => format!("Uitstellen: de mensen in deze golf willen de verandering nog niet (bereidheid is het knelpunt; {evidence}). Training lost dat niet op; bespreek eerst de bezwaren."),
                Lang::En => format!("Delay: people in this wave do not want the change yet (desire is the barrier; {evidence}). Training will not fix that; address their objections first."),
            },
            Msg::DelayDimensions { dimensions } => match lang {
                Lang::Nl => format!("Uitstellen: {} dimensies zijn onvoldoende ({}).", dimensions.len(), dims_list(dimensions, lang)),
                Lang::En => format!("Delay: {} dimensions fail ({}).", dimensions.len(), dims_list(dimensions, lang)),
            },
            Msg::HoldGates { gates, max_size } => {
                let g = gates_list(gates, lang);
                match (lang, max_size) {
                    (Lang::Nl, Some(m)) => format!("Aanhouden: de poort {g} is gesloten voor de hele golf. De servicedesk kan een golf van hooguit {m} mensen aan."),
                    (Lang::En, Some(m)) => format!("Hold: the {g} gate fired for the whole wave. The helpdesk can carry a wave of at most {m} people."),
                    (Lang::Nl, None) => format!("Aanhouden: de poort {g} is gesloten voor de hele golf en niet tot een deel ervan te beperken."),
                    (Lang::En, None) => format!("Hold: the {g} gate fired for the whole wave and cannot be confined to part of it."),
                }
            }
            Msg::HoldDimension { dimensions } => match lang {
                Lang::Nl => format!("Aanhouden: de dimensie {} is onvoldoende; los dat op voordat de golf start.", dims_list(dimensions, lang)),
                Lang::En => format!("Hold: the {} dimension fails; fix it before the wave starts.", dims_list(dimensions, lang)),
            },
            Msg::HoldReadiness { readiness } => match lang {
                Lang::Nl => format!("Aanhouden: de voorzichtige gereedheid is {readiness}, onder de 60."),
                Lang::En => format!("Hold: conservative readiness is {readiness}, below 60."),
            },
            Msg::Split { held, size } => match lang {
                Lang::Nl => format!("Splitsen: {} wacht{} (de poort is daartoe beperkt en het verschil met de rest is significant); de overige {size} mensen gaan door.", list(held, lang), if held.len() == 1 { "" } else { "en" }),
                Lang::En => format!("Split: hold {} (the gate is confined to it and the difference from the rest is significant); the other {size} people go ahead.", list(held, lang)),
            },
            Msg::ExtendEvidence => match lang {
                Lang::Nl => "Pilot verlengen: geen enkele kritieke meetwaarde heeft al genoeg gegevens.".to_string(),
                Lang::En => "Extend the pilot: no critical metric has enough evidence yet.".to_string(),
            },
            Msg::ExtendUndecided { metrics } => {
                let names: Vec<String> = metrics.iter().map(|m| metric_name(*m, lang).to_string()).collect();
                match lang {
                    Lang::Nl => format!("Pilot verlengen: {} kan nog alle kanten op; meer gegevens beslissen het.", list(&names, lang)),
                    Lang::En => format!("Extend the pilot: {} could still go either way; more evidence decides it.", list(&names, lang)),
                }
            }
            Msg::ProceedWithActions { actions } => match lang {
                Lang::Nl => format!("Doorgaan, met {actions} actie{}: geen poort is gesloten, maar niet alles voldoet.", if *actions == 1 { "" } else { "s" }),
                Lang::En => format!("Proceed with {actions} action{}: no gate fired, but not everything passes.", if *actions == 1 { "" } else { "s" }),
            },
            Msg::Expand { factor, size } => match lang {
                Lang::Nl => format!("Uitbreiden: alles voldoet met hoge zekerheid, ook een week eerder. Maak de golf {factor}× zo groot: {size} mensen."),
                Lang::En => format!("Expand: everything passes with high confidence, a week ago as well. Grow the wave ×{factor} to {size} people."),
            },
            Msg::Proceed => match lang {
                Lang::Nl => "Doorgaan: geen poort gesloten en niets vraagt om actie.".to_string(),
                Lang::En => "Proceed: no gate fired and nothing needs action.".to_string(),
            },
            Msg::NoNextWave => match lang {
                Lang::Nl => "Alle golven zijn gestart; er is geen volgende golf om over te beslissen.".to_string(),
                Lang::En => "Every wave has started; there is no next wave to decide on.".to_string(),
            },
            Msg::GateMetric { gate, evidence: e, probability, fail } => {
                let ev = evidence(e, lang);
                match lang {
                    Lang::Nl => format!("Poort {}: {ev}; kans {} dat de waarde onder {} ligt.", gate_name(*gate, lang), num(*probability, 2, lang), num(*fail, 2, lang)),
                    Lang::En => format!("{} gate: {ev}; probability {} that it is below {}.", capitalise(gate_name(*gate, lang)), num(*probability, 2, lang), num(*fail, 2, lang)),
                }
            }
            Msg::GateProductivity { open } => match lang {
                Lang::Nl => format!("Poort productiviteit: {open} rollout-ticket(s) met prioriteit 1–2 staan nog open."),
                Lang::En => format!("Productivity gate: {open} priority 1–2 rollout ticket(s) are still open."),
            },
            Msg::GateHelpdesk { size, q90, capacity, max_size } => match lang {
                Lang::Nl => format!("Poort servicedesk: een golf van {size} mensen geeft naar verwachting tot {} tickets per dag (90%-bovengrens), boven de capaciteit van {}; hooguit {max_size} mensen passen.", num(*q90, 1, lang), num(*capacity, 1, lang)),
                Lang::En => format!("Helpdesk gate: a wave of {size} people is forecast at up to {} tickets a day (90% upper bound), above the capacity of {}; at most {max_size} people fit.", num(*q90, 1, lang), num(*capacity, 1, lang)),
            },
            Msg::GateEvidence => match lang {
                Lang::Nl => "Poort bewijs: geen enkele kritieke meetwaarde heeft genoeg gegevens; een poort die alleen uit onzekerheid sluit, is geen reden om aan te houden.".to_string(),
                Lang::En => "Evidence gate: no critical metric has enough evidence; a gate fired by uncertainty alone is not a reason to hold.".to_string(),
            },
            Msg::Confined { test, p, q, points } => match lang {
                Lang::Nl => format!("Beperkt tot dit segment: de rest scoort {} procentpunt beter ({test}, p = {}, q = {}).", num(points * 100.0, 0, lang), num(*p, 4, lang), num(*q, 4, lang)),
                Lang::En => format!("Confined to this segment: the rest is {} points better ({test}, p = {}, q = {}).", num(points * 100.0, 0, lang), num(*p, 4, lang), num(*q, 4, lang)),
            },
            Msg::NotConfined => match lang {
                Lang::Nl => "Niet te beperken tot een deel van de golf: geldt voor de hele golf.".to_string(),
                Lang::En => "Cannot be confined to part of the wave: applies to the whole wave.".to_string(),
            },
            Msg::HelpdeskFitsSplit { size } => match lang {
                Lang::Nl => format!("Na de splitsing gaan {size} mensen door; dat past binnen de capaciteit."),
                Lang::En => format!("After the split {size} people go ahead, which fits the capacity."),
            },
            Msg::ActionBarrier { element, share, p_below, n } => match lang {
                Lang::Nl => format!("Knelpunt {}: {} is het eens (van {n} antwoorden); kans {} dat dit onder het doel ligt.", element_name(*element, lang), pct(*share, lang), num(*p_below, 2, lang)),
                Lang::En => format!("Barrier {}: {} agree (of {n} responses); probability {} that this is below target.", element_name(*element, lang), pct(*share, lang), num(*p_below, 2, lang)),
            },
            Msg::ActionMetric { evidence: e, state } => format!("{} — {}", evidence(e, lang), state_name(*state, lang)),
            Msg::ActionTopic { topic, evidence: e } => match lang {
                Lang::Nl => format!("Zwakste onderwerp \"{topic}\": {}", evidence(e, lang)),
                Lang::En => format!("Weakest topic \"{topic}\": {}", evidence(e, lang)),
            },
            Msg::ActionHelpdesk { q90, capacity } => match lang {
                Lang::Nl => format!("Tot {} tickets per dag verwacht (90%-bovengrens) bij een capaciteit van {}.", num(*q90, 1, lang), num(*capacity, 1, lang)),
                Lang::En => format!("Up to {} tickets a day expected (90% upper bound) against a capacity of {}.", num(*q90, 1, lang), num(*capacity, 1, lang)),
            },
            Msg::ActionResponse { rate, wave } => match lang {
                Lang::Nl => format!("Respons {} tegen {} in de hele golf.", pct(*rate, lang), pct(*wave, lang)),
                Lang::En => format!("Response rate {} against {} for the whole wave.", pct(*rate, lang), pct(*wave, lang)),
            },
            Msg::CfMetric { scope, metric, clears, passes } => {
                let name = metric_name(*metric, lang);
                let unit = unit(*metric, lang);
                let mut parts = Vec::new();
                if let Some((share, n)) = clears {
                    parts.push(match lang {
                        Lang::Nl => format!("de poort gaat open bij {name} van minstens {} over {n} {unit}", num(*share, 2, lang)),
                        Lang::En => format!("the gate clears at {name} of at least {} over {n} {unit}", num(*share, 2, lang)),
                    });
                }
                if let Some((share, n)) = passes {
                    parts.push(match lang {
                        Lang::Nl => format!("het voldoet bij minstens {} over {n} {unit}", num(*share, 2, lang)),
                        Lang::En => format!("it passes at {name} of at least {} over {n} {unit}", num(*share, 2, lang)),
                    });
                }
                let joined = match lang {
                    Lang::Nl => parts.join("; "),
                    Lang::En => parts.join("; "),
                };
                format!("{}: {joined}.", capitalise(scope))
            }
            Msg::CfMoreEvidence { metric, more } => {
                let name = metric_name(*metric, lang);
                let unit = unit(*metric, lang);
                match (lang, more) {
                    (Lang::Nl, Some(m)) => format!("{}: nog ongeveer {m} {unit} erbij beslissen het, als het huidige niveau aanhoudt.", capitalise(name)),
                    (Lang::En, Some(m)) => format!("{}: about {m} more {unit} decide it, if the current level holds.", capitalise(name)),
                    (Lang::Nl, None) => format!("{}: ligt zo dicht bij het doel dat alleen veel meer gegevens het beslissen.", capitalise(name)),
                    (Lang::En, None) => format!("{}: sits so close to its target that only much more evidence decides it.", capitalise(name)),
                }
            }
            Msg::CfHelpdesk { max_size, capacity_needed, size } => match lang {
                Lang::Nl => format!("De servicedesk kan een golf van {max_size} mensen aan; voor de geplande {size} is een capaciteit van {} tickets per dag nodig.", num(*capacity_needed, 1, lang)),
                Lang::En => format!("The helpdesk can carry a wave of {max_size} people; the planned {size} need a capacity of {} tickets a day.", num(*capacity_needed, 1, lang)),
            },
            Msg::CfProductivity { open } => match lang {
                Lang::Nl => format!("Als de {open} open ticket(s) met prioriteit 1–2 zijn opgelost, gaat de productiviteitspoort open."),
                Lang::En => format!("Resolving the {open} open priority 1–2 ticket(s) clears the productivity gate."),
            },
            Msg::MissingFile { file } => match lang {
                Lang::Nl => format!("{file} ontbreekt; de meetwaarden die het nodig hebben, zijn niet beoordeeld."),
                Lang::En => format!("{file} was not provided; the metrics that need it were not assessed."),
            },
            Msg::NoFailures => match lang {
                Lang::Nl => "Zonder enrollment_failures.csv is inschrijving in één keer niet te beoordelen.".to_string(),
                Lang::En => "Without enrollment_failures.csv, first-attempt enrollment success cannot be assessed.".to_string(),
            },
            Msg::UnknownSplitAttribute { name } => match lang {
                Lang::Nl => format!("program.toml noemt splitskenmerk `{name}`, maar roster.csv heeft die kolom niet; er wordt niet op gesplitst."),
                Lang::En => format!("program.toml names the split attribute `{name}`, but roster.csv has no such column; the wave is not split along it."),
            },
            Msg::Unmatched { file, rows } => match lang {
                Lang::Nl => format!("{rows} rij(en) in {file} horen bij niemand in roster.csv en zijn niet meegeteld."),
                Lang::En => format!("{rows} row(s) of {file} match nobody in roster.csv and were not counted."),
            },
        }
    }
}

/// Upper-cases the first letter.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_use_a_decimal_comma() {
        assert_eq!(num(0.958, 2, Lang::Nl), "0,96");
        assert_eq!(num(0.958, 2, Lang::En), "0.96");
    }

    #[test]
    fn every_metric_has_a_name_in_both_languages() {
        for m in MetricId::ALL {
            for lang in Lang::ALL {
                assert!(!metric_name(m, lang).is_empty());
                assert!(!unit(m, lang).is_empty());
            }
            assert_ne!(
                metric_name(m, Lang::Nl),
                metric_name(m, Lang::En).replace("NPS", "x")
            );
        }
    }

    #[test]
    fn the_whole_wave_reads_as_such() {
        let mut s = Segment::new();
        s.insert("wave".into(), "wave-1".into());
        assert_eq!(segment(&s, Lang::En), "the whole wave wave-1");
        let mut s = Segment::new();
        s.insert("platform".into(), "iOS".into());
        assert_eq!(segment(&s, Lang::Nl), "platform iOS");
    }
}
