//! Every sentence and label of the readiness report, in Dutch and English.
//!
//! Each function matches on the language (and on the enum it names) exhaustively, so a new
//! metric, gate or action cannot compile without both texts.

use super::metric::{Dimension, Element, MetricId, State};
use super::report::{
    Action, ActionKind, ActionReason, Confidence, DecisionKind, DimensionReport, GateKind,
    MetricReport, Report, Segment, Source, Suppressed, SuppressionReason,
};
use crate::i18n::Lang;

mod label;
mod msg;

pub use label::{Label, label};
pub use msg::{Evidence, Msg, evidence};

/// An enrollment-failure reason as a reader of `lang` understands it, with Intune's code after
/// it (admins search by the code): `UserAbandonment` reads "inschrijving halverwege
/// afgebroken (UserAbandonment)". A reason without a known phrase stays its code.
pub fn failure_reason(code: &str, lang: Lang) -> String {
    let (nl, en) = match code.to_ascii_lowercase().as_str() {
        "userabandonment" => (
            "inschrijving halverwege afgebroken",
            "enrollment abandoned halfway",
        ),
        "authentication" => ("aanmelden mislukt", "sign-in failed"),
        "authorization" => (
            "geen toestemming om in te schrijven",
            "not allowed to enroll",
        ),
        "accountvalidation" => ("account niet herkend", "account not recognised"),
        "devicenotsupported" => ("apparaat niet ondersteund", "device not supported"),
        "enrollmentrestrictionsenforced" => (
            "geblokkeerd door inschrijfbeperkingen",
            "blocked by enrollment restrictions",
        ),
        "clientdisconnected" => ("verbinding verbroken", "connection lost"),
        "badrequest" => (
            "ongeldig verzoek van het apparaat",
            "invalid request from the device",
        ),
        "featurenotsupported" => ("functie niet ondersteund", "feature not supported"),
        "enrollmentcriteriamet" | "enrollmentcriterianotmet" => (
            "voldoet niet aan de inschrijfeisen",
            "does not meet the enrollment criteria",
        ),
        _ => return code.to_string(),
    };
    let phrase = match lang {
        Lang::Nl => nl,
        Lang::En => en,
    };
    format!("{phrase} ({code})")
}

/// What an action names (its `items`) as a reader of `lang` knows them: failure reasons in
/// words with Intune's code, built-in modules by title with their id (the id is what training
/// records and the assignment form use), anything else (ticket categories, other modules) as
/// the data names it.
pub fn action_items(a: &Action, lang: Lang) -> Vec<String> {
    a.items
        .iter()
        .map(|item| match a.kind {
            ActionKind::AssistedEnrollment => failure_reason(item, lang),
            ActionKind::TargetedTraining => crate::training::templates::known_title(item)
                .map_or_else(|| item.clone(), |t| format!("{} ({item})", t.get(lang))),
            _ => item.clone(),
        })
        .collect()
}

/// A number with `decimals` decimals, with a decimal comma in Dutch.
pub fn num(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{x:.decimals$}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A posterior probability to two decimals, but never "1,00" or "0,00": from a finite sample
/// nothing is certain, so what rounds to certainty reads "> 0,99" or "< 0,01".
pub fn chance(x: f64, lang: Lang) -> String {
    if x >= 0.995 {
        format!("> {}", num(0.99, 2, lang))
    } else if x < 0.005 {
        format!("< {}", num(0.01, 2, lang))
    } else {
        num(x, 2, lang)
    }
}

/// A number as written with no more decimals than it has (0.85, 5, 1.5), with a decimal comma
/// in Dutch: a setting or default shown as a person would type it.
pub fn figure(x: f64, lang: Lang) -> String {
    let s = x.to_string();
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Why a dimension of a segment is in its state, in a sentence: its scores and how the bands
/// read them, so a low conservative score that only warns reads as the method it follows.
pub fn dimension_reading(d: &DimensionReport, lang: Lang) -> String {
    let state = capitalise(state_name(d.state, lang));
    let (pass, fail) = (Dimension::PASS_SCORE, Dimension::FAIL_SCORE);
    match (d.score, lang) {
        (Some(s), Lang::Nl) => format!(
            "{state}: voorzichtige score {} van 100 (schatting {}). Een dimensie voldoet als ook de ongunstige kant van de intervallen van haar metingen {pass} haalt, en is pas onvoldoende als zelfs de gunstige kant onder {fail} blijft: onzekerheid alleen maakt haar niet onvoldoende. Een kritieke meting kan haar lager zetten.",
            s.conservative, s.estimate
        ),
        (Some(s), Lang::En) => format!(
            "{state}: conservative score {} of 100 (estimate {}). A dimension passes when even the unfavourable end of its metrics' intervals scores {pass}, and fails only when even the favourable end stays below {fail}: uncertainty alone does not make it fail. A critical metric can set it lower.",
            s.conservative, s.estimate
        ),
        (None, Lang::Nl) => format!("{state}: geen meting met genoeg gegevens voor een score."),
        (None, Lang::En) => format!("{state}: no metric has enough evidence for a score."),
    }
}

pub use crate::i18n::{long_date, long_date_time};

/// A moment stated in RFC 3339 (`2026-11-29T23:54:34Z`, when a report was computed) as a reader
/// of `lang` writes it, in UTC and saying so: `29 november 2026, 23:54 UTC`. Text that is not
/// RFC 3339 is kept as given.
pub fn moment(rfc3339: &str, lang: Lang) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339.trim()) {
        Ok(at) => format!("{} UTC", long_date_time(at.naive_utc(), lang)),
        Err(_) => rfc3339.to_string(),
    }
}

/// A p- or q-value to four decimals, or "p < 0.0001" below that: "p = 0.0000" would read as
/// impossible rather than as very small.
pub fn probability(name: &str, x: f64, lang: Lang) -> String {
    if x < 0.000_05 {
        format!("{name} < {}", num(0.0001, 4, lang))
    } else {
        format!("{name} = {}", num(x, 4, lang))
    }
}

/// A roster attribute's name as a reader of `lang` knows it: the usual columns (any case) in
/// Dutch, any other as the roster wrote it.
pub fn attribute(name: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return name;
    }
    match name.to_ascii_lowercase().as_str() {
        "wave" => "golf",
        "department" => "afdeling",
        "region" => "regio",
        "workload" => "soort werk",
        "ownership" => "eigendom",
        "language" => "taal",
        "role" => "rol",
        "location" => "locatie",
        "country" => "land",
        "cost_center" | "cost center" => "kostenplaats",
        _ => name,
    }
}

/// A metric's figure as people read it: SUS, NPS and the ticket rate to one decimal, shares to
/// two ("0,87").
pub fn metric_value(m: &MetricReport, x: f64, lang: Lang) -> String {
    match m.id {
        MetricId::TicketRate | MetricId::Sus | MetricId::Nps => num(x, 1, lang),
        _ => num(x, 2, lang),
    }
}

/// A metric's interval as people read it ("0,81–0,93"); "–" without one.
pub fn metric_interval(m: &MetricReport, lang: Lang) -> String {
    m.interval.map_or("–".into(), |[lo, hi]| {
        // A dash between negative numbers reads as a sum ("-40,1–-11,0"): words then.
        if lo < 0.0 || hi < 0.0 {
            let to = match lang {
                Lang::Nl => "tot",
                Lang::En => "to",
            };
            format!(
                "{} {to} {}",
                metric_value(m, lo, lang),
                metric_value(m, hi, lang)
            )
        } else {
            format!(
                "{}–{}",
                metric_value(m, lo, lang),
                metric_value(m, hi, lang)
            )
        }
    })
}

/// A share as a percentage ("71%").
pub fn pct(x: f64, lang: Lang) -> String {
    let _ = lang;
    format!("{}%", crate::i18n::percent(x))
}

/// A list joined with commas and a final "and"/"en".
pub fn list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Nl => "en",
        Lang::En => "and",
    };
    joined(items, and)
}

/// Alternatives joined with commas and a final "or"/"of" ("admin, beheerder of it-admin").
pub fn alternatives(items: &[String], lang: Lang) -> String {
    let or = match lang {
        Lang::Nl => "of",
        Lang::En => "or",
    };
    joined(items, or)
}

/// `items` with commas between them and `last_word` before the last.
fn joined(items: &[String], last_word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {last_word} {last}", init.join(", ")),
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
        (TicketRate, Lang::Nl) => "uitroltickets per 100 mensen in 14 dagen",
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
        (ResponseRate, Lang::Nl) => "respons op de vragenlijst",
        (ResponseRate, Lang::En) => "survey response rate",
        (TrainingStarted, Lang::Nl) => "training gestart",
        (TrainingStarted, Lang::En) => "training started",
    }
}

/// What a metric's evidence count counts.
pub fn unit(m: MetricId, lang: Lang) -> &'static str {
    use MetricId::*;
    let (nl, en) = match m {
        EnrollmentCompletion
        | EnrollmentFirstAttempt
        | TrainingCompletion
        | TrainingStarted
        | QuizFirstAttempt
        | WeakestTopic => ("mensen", "people"),
        DeviceCompliance => ("apparaten", "devices"),
        TicketRate => ("persoonsweken", "person-weeks"),
        AdkarAwareness | AdkarDesire | AdkarKnowledge | AdkarAbility | AdkarReinforcement | Sus
        | EnrollExperience | Nps => ("antwoorden", "responses"),
        ResponseRate => ("uitgenodigden", "invitees"),
    };
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
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

/// What a gate's figures (estimate, interval, n) measure, after its name: the metric's name, or
/// for the helpdesk gate the forecast of tickets a day it weighs against the capacity (its
/// metric, the ticket rate, is per 100 people in 14 days).
pub fn gate_measure(g: GateKind, metric: Option<MetricId>, lang: Lang) -> Option<&'static str> {
    match (g, lang) {
        (GateKind::HelpdeskCapacity, Lang::Nl) => Some("verwachte uitroltickets per dag"),
        (GateKind::HelpdeskCapacity, Lang::En) => Some("expected rollout tickets a day"),
        _ => metric.map(|m| metric_name(m, lang)),
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
        (GateKind::HelpdeskCapacity, Lang::Nl) => "capaciteit helpdesk",
        (GateKind::HelpdeskCapacity, Lang::En) => "helpdesk capacity",
        (GateKind::Desire, Lang::Nl) => "bereidheid",
        (GateKind::Desire, Lang::En) => "desire",
        (GateKind::Evidence, Lang::Nl) => "bewijs",
        (GateKind::Evidence, Lang::En) => "evidence",
    }
}

/// An action's heading: its name, and why when another action of the same kind has the same
/// target (a wave's training for its weakest quiz topic and for training not done once read as
/// the same action twice).
pub fn action_heading(a: &Action, all: &[Action], lang: Lang) -> String {
    let name = action_name(a.kind, lang);
    let twin = all
        .iter()
        .any(|b| b.kind == a.kind && b.target == a.target && b.reason != a.reason);
    if twin {
        format!("{name} ({})", action_reason_name(a.reason, lang))
    } else {
        name.to_string()
    }
}

/// Why an action is there, in a few words.
pub fn action_reason_name(r: ActionReason, lang: Lang) -> &'static str {
    match (r, lang) {
        (ActionReason::AdkarBarrier, Lang::Nl) => "ADKAR-knelpunt",
        (ActionReason::AdkarBarrier, Lang::En) => "ADKAR barrier",
        (ActionReason::LowReach, Lang::Nl) => "weinig bereik",
        (ActionReason::LowReach, Lang::En) => "low reach",
        (ActionReason::WeakTopic, Lang::Nl) => "zwakste quizonderwerp",
        (ActionReason::WeakTopic, Lang::En) => "weakest quiz topic",
        (ActionReason::KnowledgeGap, Lang::Nl) => "training nog niet af",
        (ActionReason::KnowledgeGap, Lang::En) => "training not done yet",
        (ActionReason::EnrollmentFailures, Lang::Nl) => "mislukte inschrijvingen",
        (ActionReason::EnrollmentFailures, Lang::En) => "failed enrollments",
        (ActionReason::HelpdeskLoad, Lang::Nl) => "drukte op de helpdesk",
        (ActionReason::HelpdeskLoad, Lang::En) => "helpdesk load",
        (ActionReason::LowResponse, Lang::Nl) => "lage respons",
        (ActionReason::LowResponse, Lang::En) => "low response",
    }
}

/// The name of an action.
pub fn action_name(k: ActionKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (ActionKind::TargetedCommunication, Lang::Nl) => "Gerichte communicatie",
        (ActionKind::TargetedCommunication, Lang::En) => "Targeted communication",
        (ActionKind::TargetedTraining, Lang::Nl) => "Gerichte training",
        (ActionKind::TargetedTraining, Lang::En) => "Targeted training",
        (ActionKind::HelpdeskPreparation, Lang::Nl) => "Helpdesk voorbereiden",
        (ActionKind::HelpdeskPreparation, Lang::En) => "Helpdesk preparation",
        (ActionKind::AssistedEnrollment, Lang::Nl) => "Begeleide inschrijving",
        (ActionKind::AssistedEnrollment, Lang::En) => "Assisted enrollment",
        (ActionKind::ManagerConversations, Lang::Nl) => "Gesprekken met leidinggevenden",
        (ActionKind::ManagerConversations, Lang::En) => "Manager conversations",
        (ActionKind::PostEnrollmentFollowup, Lang::Nl) => "Nazorg na inschrijving",
        (ActionKind::PostEnrollmentFollowup, Lang::En) => "Post-enrollment follow-up",
        (ActionKind::Resurvey, Lang::Nl) => "Opnieuw bevragen",
        (ActionKind::Resurvey, Lang::En) => "Survey again",
    }
}

/// What an action asks for, in a sentence.
pub fn action_advice(a: &Action, lang: Lang) -> &'static str {
    let finishing = a.reminds_to_finish();
    let one = a.items.len() == 1;
    match (a.kind, lang) {
        // Few finished what they were given: the step is finishing it, not more training.
        (ActionKind::TargetedTraining, Lang::Nl) if finishing && one => {
            "Herinner deze groep eraan de training af te ronden die ze al hebben, te beginnen met de genoemde module."
        }
        (ActionKind::TargetedTraining, Lang::En) if finishing && one => {
            "Remind this group to finish the training they already have, starting with the module named."
        }
        (ActionKind::TargetedTraining, Lang::Nl) if finishing => {
            "Herinner deze groep eraan de training af te ronden die ze al hebben, te beginnen met de genoemde modules."
        }
        (ActionKind::TargetedTraining, Lang::En) if finishing => {
            "Remind this group to finish the training they already have, starting with the modules named."
        }
        // Without modules to name (a survey's knowledge barrier, quizzes failed): say what to
        // look for rather than point at a list that is not there.
        (ActionKind::TargetedTraining, Lang::Nl) if a.items.is_empty() => {
            "Wijs deze groep korte modules toe over wat ze nog niet weten of kunnen."
        }
        (ActionKind::TargetedTraining, Lang::En) if a.items.is_empty() => {
            "Assign this group short modules on what they do not know or cannot do yet."
        }
        (ActionKind::TargetedCommunication, Lang::Nl) => {
            "Stuur een bericht van de sponsor via meerdere kanalen (mail, intranet, teamoverleg) aan deze groep."
        }
        (ActionKind::TargetedCommunication, Lang::En) => {
            "Send a sponsor message to this group through several channels (mail, intranet, team meetings)."
        }
        (ActionKind::TargetedTraining, Lang::Nl) if one => {
            "Wijs deze groep de genoemde module toe, in korte delen."
        }
        (ActionKind::TargetedTraining, Lang::En) if one => {
            "Assign this group the module named, in short chunks."
        }
        (ActionKind::TargetedTraining, Lang::Nl) => {
            "Wijs deze groep de genoemde modules toe, in korte delen."
        }
        (ActionKind::TargetedTraining, Lang::En) => {
            "Assign this group the modules named, in short chunks."
        }
        (ActionKind::HelpdeskPreparation, Lang::Nl) => {
            "Bereid de helpdesk voor op de verwachte ticketcategorieën, met actuele oplossingen."
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
            "Have managers lead the conversation, share a privacy FAQ, and consider app protection without full enrollment for personal devices."
        }
        (ActionKind::PostEnrollmentFollowup, Lang::Nl) => {
            "Volg mensen na de inschrijving op: tips, een korte check-in, successen delen."
        }
        (ActionKind::PostEnrollmentFollowup, Lang::En) => {
            "Follow up with people after enrollment: tips, a short check-in, shared successes."
        }
        (ActionKind::Resurvey, Lang::Nl) => {
            "Nodig deze groep opnieuw uit voor de vragenlijst: zwijgen is geen instemming."
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

/// Why a group is not shown, with whose people it is.
pub fn suppression_name(s: &Suppressed, lang: Lang) -> String {
    let who = match (s.group, lang) {
        (Source::RolledOut, Lang::Nl) => "al over",
        (Source::RolledOut, Lang::En) => "rolled out",
        (Source::NextWave, Lang::Nl) => "volgende golf",
        (Source::NextWave, Lang::En) => "next wave",
        (Source::LaterWave, Lang::Nl) => "latere golf",
        (Source::LaterWave, Lang::En) => "later wave",
    };
    let why = suppression_reason(s.reason, lang);
    format!("{} ({who}: {}, {why})", segment(&s.segment, lang), s.n)
}

/// Why a group is not shown: "fewer than 5 people".
pub fn suppression_reason(reason: SuppressionReason, lang: Lang) -> &'static str {
    match (reason, lang) {
        (SuppressionReason::Small, Lang::Nl) => "minder dan 5 mensen",
        (SuppressionReason::Small, Lang::En) => "fewer than 5 people",
        (SuppressionReason::Complementary, Lang::Nl) => "verborgen naast een kleine groep",
        (SuppressionReason::Complementary, Lang::En) => "hidden beside a small group",
        (SuppressionReason::WithinSuppressed, Lang::Nl) => "binnen een verborgen segment",
        (SuppressionReason::WithinSuppressed, Lang::En) => "within a hidden segment",
    }
}

/// Where evidence came from.
pub fn source_name(s: Source, lang: Lang) -> &'static str {
    match (s, lang) {
        (Source::RolledOut, Lang::Nl) => "eerdere golven",
        (Source::RolledOut, Lang::En) => "earlier waves",
        (Source::NextWave, Lang::Nl) => "de golf zelf",
        (Source::NextWave, Lang::En) => "the wave itself",
        (Source::LaterWave, Lang::Nl) => "latere golven",
        (Source::LaterWave, Lang::En) => "later waves",
    }
}

/// A segment in words: "platform iOS", "platform iOS × region Noord" ("platform iOS × regio
/// Noord" in Dutch), or "the whole wave-1" (the wave called a wave once).
pub fn segment(s: &Segment, lang: Lang) -> String {
    segment_named(s, str::to_string, lang)
}

/// A segment in words as [`segment`] says it, the whole wave named by `wave` (from its id to
/// the label people know it by, such as `wave-2 (Regio Noord)`).
pub fn segment_named(s: &Segment, wave: impl Fn(&str) -> String, lang: Lang) -> String {
    if let (1, Some(w)) = (s.len(), s.get("wave")) {
        let w = wave_named(&wave(w), lang);
        return match lang {
            Lang::Nl => format!("de hele {w}"),
            Lang::En => format!("the whole {w}"),
        };
    }
    // "platform iOS × region Noord": a nested segment reads as one group, even in a list.
    s.iter()
        .map(|(k, v)| format!("{} {v}", attribute(k, lang)))
        .collect::<Vec<_>>()
        .join(" × ")
}

/// A wave in a sentence, by its `label`: "golf pilot (Pilot IT)", or the label alone when it
/// already starts with the word for a wave in either language (`wave-2 (Hoofdkantoor)`,
/// `Golf 3`), which would otherwise read twice ("golf wave-2").
pub fn wave_named(label: &str, lang: Lang) -> String {
    if names_itself_a_wave(label) {
        label.to_string()
    } else {
        format!("{} {label}", attribute("wave", lang))
    }
}

/// A wave at the start of a heading or list item, as [`wave_named`] says it: "Golf pilot (Pilot
/// IT)", and a label that names itself a wave as it is (its id keeps its case).
pub fn wave_title(label: &str, lang: Lang) -> String {
    if names_itself_a_wave(label) {
        label.to_string()
    } else {
        format!("{} {label}", capitalise(attribute("wave", lang)))
    }
}

/// Whether a wave's label starts with the word "wave" or "golf" (any case) as a word of its own.
fn names_itself_a_wave(label: &str) -> bool {
    let word: String = label
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    word == "wave" || word == "golf"
}

/// A segment of `report` in words, its next wave named as the program names it.
pub fn segment_in(report: &Report, s: &Segment, lang: Lang) -> String {
    let label = |w: &str| match (report.next_wave.as_deref(), report.next_wave_label()) {
        (Some(next), Some(label)) if next == w => label,
        _ => w.to_string(),
    };
    segment_named(s, label, lang)
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
    #[test]
    fn a_dimension_says_how_the_bands_read_its_scores() {
        use super::super::metric::State;
        use super::super::report::{DimensionReport, Scores};
        use crate::i18n::Lang;
        let failing = DimensionReport {
            state: State::Fail,
            score: Some(Scores {
                estimate: 42,
                conservative: 4,
            }),
        };
        let en = super::dimension_reading(&failing, Lang::En);
        assert!(
            en.starts_with("Fail: conservative score 4 of 100 (estimate 42). A dimension passes when even the unfavourable end of its metrics' intervals scores 80, and fails only when even the favourable end stays below 60"),
            "{en}"
        );
        let nl = super::dimension_reading(&failing, Lang::Nl);
        assert!(
            nl.starts_with("Onvoldoende: voorzichtige score 4 van 100"),
            "{nl}"
        );
    }

    #[test]
    fn failure_reasons_read_in_the_language_with_their_code() {
        use super::{Lang, failure_reason};
        assert_eq!(
            failure_reason("UserAbandonment", Lang::Nl),
            "inschrijving halverwege afgebroken (UserAbandonment)"
        );
        assert_eq!(
            failure_reason("ClientDisconnected", Lang::En),
            "connection lost (ClientDisconnected)"
        );
        assert_eq!(failure_reason("SomethingNew", Lang::Nl), "SomethingNew");
    }

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

    fn action(kind: ActionKind, items: &[&str]) -> Action {
        Action {
            kind,
            target: Segment::new(),
            reason: ActionReason::KnowledgeGap,
            metric: None,
            estimate: None,
            interval: None,
            n: None,
            probability: None,
            items: items.iter().map(|i| i.to_string()).collect(),
            failing_within: Vec::new(),
            evidence: String::new(),
        }
    }

    #[test]
    fn an_action_names_reasons_and_built_in_modules_in_words() {
        let fix = action(
            ActionKind::AssistedEnrollment,
            &["UserAbandonment", "Weird"],
        );
        assert_eq!(
            action_items(&fix, Lang::Nl),
            [
                "inschrijving halverwege afgebroken (UserAbandonment)",
                "Weird"
            ]
        );
        let train = action(ActionKind::TargetedTraining, &["what-changes", "our-own"]);
        let en = action_items(&train, Lang::En);
        assert!(
            en[0].ends_with(" (what-changes)") && en[0].len() > 20,
            "{en:?}"
        );
        assert_eq!(en[1], "our-own");
        let tickets = action(ActionKind::HelpdeskPreparation, &["MFA"]);
        assert_eq!(action_items(&tickets, Lang::Nl), ["MFA"]);
    }

    #[test]
    fn a_weak_topic_is_named_once() {
        let e = Evidence {
            metric: MetricId::WeakestTopic,
            estimate: 0.61,
            interval: Some([0.56, 0.65]),
            n: 178,
        };
        let topic = |lang| {
            Msg::ActionTopic {
                topic: "privacy".into(),
                evidence: e,
            }
            .render(lang)
        };
        assert_eq!(
            topic(Lang::Nl),
            "Zwakste quizonderwerp \"privacy\": 0,61 (80%-interval 0,56–0,65, n = 178 mensen)"
        );
        assert!(topic(Lang::En).starts_with("Weakest quiz topic \"privacy\": 0.61 ("));
    }

    #[test]
    fn training_advice_counts_its_modules() {
        let one = action(ActionKind::TargetedTraining, &["what-changes"]);
        assert!(action_advice(&one, Lang::Nl).contains("de genoemde module toe"));
        assert!(action_advice(&one, Lang::En).contains("the module named"));
        let two = action(ActionKind::TargetedTraining, &["what-changes", "get-help"]);
        assert!(action_advice(&two, Lang::Nl).contains("de genoemde modules toe"));
    }

    #[test]
    fn a_wave_is_called_a_wave_once() {
        assert_eq!(
            wave_named("pilot (Pilot IT)", Lang::Nl),
            "golf pilot (Pilot IT)"
        );
        assert_eq!(wave_named("pilot", Lang::En), "wave pilot");
        assert_eq!(
            wave_named("wave-2 (Hoofdkantoor)", Lang::Nl),
            "wave-2 (Hoofdkantoor)"
        );
        assert_eq!(wave_named("golf-2", Lang::En), "golf-2");
        assert_eq!(wave_named("Golf 3", Lang::Nl), "Golf 3");
        assert_eq!(wave_named("WAVE_4", Lang::En), "WAVE_4");
        // A longer word that starts with "wave" is not the word itself.
        assert_eq!(wave_named("wavefront", Lang::En), "wave wavefront");
        assert_eq!(wave_named("golfbaan-1", Lang::Nl), "golf golfbaan-1");
        assert_eq!(
            wave_title("pilot (Pilot IT)", Lang::Nl),
            "Golf pilot (Pilot IT)"
        );
        assert_eq!(wave_title("wave-2", Lang::En), "wave-2");
    }

    #[test]
    fn the_whole_wave_reads_as_such() {
        let mut s = Segment::new();
        s.insert("wave".into(), "wave-1".into());
        assert_eq!(segment(&s, Lang::En), "the whole wave-1");
        s.insert("wave".into(), "pilot".into());
        assert_eq!(segment(&s, Lang::Nl), "de hele golf pilot");
        let mut s = Segment::new();
        s.insert("platform".into(), "iOS".into());
        assert_eq!(segment(&s, Lang::Nl), "platform iOS");
    }

    #[test]
    fn a_dutch_reader_reads_the_usual_attributes_in_dutch_and_others_as_written() {
        let s = Segment::from([
            ("region".to_string(), "Noord".to_string()),
            ("department".to_string(), "Finance".to_string()),
            ("site".to_string(), "Utrecht".to_string()),
        ]);
        assert_eq!(
            segment(&s, Lang::Nl),
            "afdeling Finance × regio Noord × site Utrecht"
        );
        assert_eq!(
            segment(&s, Lang::En),
            "department Finance × region Noord × site Utrecht"
        );
    }

    #[test]
    fn a_p_value_too_small_for_four_decimals_reads_as_below_them() {
        assert_eq!(probability("p", 0.000_01, Lang::Nl), "p < 0,0001");
        assert_eq!(probability("q", 0.0045, Lang::En), "q = 0.0045");
        assert_eq!(probability("p", 0.0, Lang::En), "p < 0.0001");
    }

    #[test]
    fn a_chance_that_rounds_to_certainty_says_it_is_not_quite() {
        assert_eq!(chance(0.9996, Lang::Nl), "> 0,99");
        assert_eq!(chance(0.994, Lang::En), "0.99");
        assert_eq!(chance(0.5, Lang::Nl), "0,50");
        assert_eq!(chance(0.004, Lang::En), "< 0.01");
        assert_eq!(chance(0.0, Lang::Nl), "< 0,01");
    }
}
