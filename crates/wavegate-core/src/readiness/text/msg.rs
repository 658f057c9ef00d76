//! The report's sentences ([`Msg`]) with their facts, and evidence sentences, in both languages.

use super::*;
use crate::i18n::{count, interval_named};
use crate::readiness::metric::{Dimension, Element, Kind, MetricId, State};
use crate::readiness::report::{GateKind, INTERVAL_LEVEL, MissingEvidence};

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
        crate::readiness::metric::Kind::Proportion => num(x, 2, lang),
        crate::readiness::metric::Kind::Rate
        | crate::readiness::metric::Kind::Mean
        | crate::readiness::metric::Kind::Nps => num(x, 1, lang),
    }
}

/// "first-attempt enrollment success 0.71 (80% interval 0.60–0.82, n = 25)".
pub fn evidence(e: &Evidence, lang: Lang) -> String {
    format!("{} {}", metric_name(e.metric, lang), figures(e, lang))
}

/// The figures of `e` without its metric's name: "0,61 (80%-interval 0,56–0,65, n = 178
/// mensen)".
fn figures(e: &Evidence, lang: Lang) -> String {
    let est = value(e.metric, e.estimate, lang);
    let unit = unit(e.metric, lang);
    match e.interval {
        Some([lo, hi]) => format!(
            "{est} ({} {}–{}, n = {} {unit})",
            interval_named(INTERVAL_LEVEL, lang),
            value(e.metric, lo, lang),
            value(e.metric, hi, lang),
            e.n
        ),
        None => format!("{est} (n = {} {unit})", e.n),
    }
}

/// A sentence of the report, with its facts.
#[derive(Clone, Debug)]
pub enum Msg {
    /// Decision: Desire gate for the wave.
    DelayDesire {
        /// The Desire evidence.
        evidence: String,
        /// The segment whose desire gate reaches the wave, when the wave's own did not fire.
        segment: Option<String>,
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
        /// The segments they fired in when none fired for the wave itself (they cannot be
        /// confined there); empty when the wave's own figures fired them.
        segments: Vec<String>,
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
        /// The metrics with some evidence that could still go either way.
        metrics: Vec<MetricId>,
        /// The metrics with no evidence at all (their file not given, or empty).
        without_evidence: Vec<MetricId>,
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
        /// The wave's planned size.
        planned: u32,
    },
    /// Decision: proceed; `actions` added beside it (each independent of the decision).
    Proceed {
        /// Actions.
        actions: usize,
    },
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
        /// Median tickets per day.
        median: f64,
        /// q10 tickets per day.
        q10: f64,
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
    /// Suffix: a segment's failure that does not stand out from its siblings.
    NotDistinct,
    /// Suffix: a segment's gate that does not stand out from its siblings: it cannot be
    /// confined there, and holds (or delays) the whole wave.
    NotDistinctGate,
    /// Suffix: a segment's finding never compared with others (no sibling doing well here has
    /// the evidence to compare with: each too small, or failing too).
    NotTested,
    /// Suffix: a wave gate the failing segments account for; `held` when the decision holds
    /// just them (SPLIT), not the whole wave.
    ConfinedToHeld {
        /// Whether those segments are held on their own.
        held: bool,
    },
    /// Suffix: a segment's failure inside a segment held as a whole (platform iOS × region
    /// West, when platform iOS is held).
    WithinHeld {
        /// The held segments it is part of, in words.
        segments: Vec<String>,
    },
    /// Suffix: a segment's failure that another failing segment explains; `held` as above.
    ExplainedBy {
        /// The explaining segments, in words.
        segments: Vec<String>,
        /// Whether that segment is held on its own.
        held: bool,
    },
    /// A finding that shares people with held segments, too few of its own left to judge.
    PartlyHeld {
        /// The held segments, in words.
        segments: Vec<String>,
    },
    /// A dimension that fails in a segment.
    DimensionFails {
        /// The dimension.
        dimension: Dimension,
        /// Its driving metric.
        evidence: Evidence,
    },
    /// Why readiness is not a number.
    ReadinessNotANumber {
        /// What evidence is missing.
        missing: Vec<MissingEvidence>,
    },
    /// Counterfactual: EXPAND needs everything passing again a week on.
    CfExpand {
        /// The first date such an evaluation can be.
        date: chrono::NaiveDate,
    },
    /// Suffix: helpdesk gate resolved by the split.
    HelpdeskFitsSplit {
        /// People going ahead.
        size: u32,
        /// Whether the failing segments are held on their own (SPLIT), not the whole wave.
        held: bool,
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
        /// Whether what it clears is a gate (else a failing dimension).
        gate: bool,
        /// Value that clears it at the current n (a share, or a ticket rate).
        clears: Option<(f64, u64)>,
        /// Value and n that pass.
        passes: Option<(f64, u64)>,
    },
    /// Counterfactual: evidence needed.
    CfMoreEvidence {
        /// Metric.
        metric: MetricId,
        /// Units there are.
        n: u64,
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
    /// Note: the devices export has no devices: counted as no export.
    NoDevices,
    /// Note: the responses file holds no response: counted as no file.
    NoResponses,
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
            Msg::DelayDesire { evidence, segment: Some(seg) } => match lang {
                Lang::Nl => format!("Uitstellen: de mensen in {seg} willen de verandering nog niet (bereidheid is het knelpunt; {evidence}), en de rest van de golf doet het niet duidelijk beter. Training lost dat niet op; bespreek eerst de bezwaren."),
                Lang::En => format!("Delay: people in {seg} do not want the change yet (desire is the barrier; {evidence}), and the rest of the wave is not clearly better. Training will not fix that; address their objections first."),
            },
            Msg::DelayDesire { evidence, segment: None } => match lang {
                Lang::Nl => format!("Uitstellen: de mensen in deze golf willen de verandering nog niet (bereidheid is het knelpunt; {evidence}). Training lost dat niet op; bespreek eerst de bezwaren."),
                Lang::En => format!("Delay: people in this wave do not want the change yet (desire is the barrier; {evidence}). Training will not fix that; address their objections first."),
            },
            Msg::DelayDimensions { dimensions } => match lang {
                Lang::Nl => format!("Uitstellen: {} dimensies zijn onvoldoende ({}).", dimensions.len(), dims_list(dimensions, lang)),
                Lang::En => format!("Delay: {} dimensions fail ({}).", dimensions.len(), dims_list(dimensions, lang)),
            },
            Msg::HoldGates { gates, max_size, segments } if !segments.is_empty() => {
                let (g, seg) = (gates_list(gates, lang), list(segments, lang));
                match lang {
                    Lang::Nl => format!("Aanhouden: de poort {g} is gesloten voor {seg}, en de rest van de golf doet het niet aantoonbaar beter: het probleem is niet tot een deel van de golf te beperken."),
                    Lang::En => format!("Hold: the {g} gate fired for {seg}, and the rest of the wave is not clearly better: the problem cannot be confined to part of the wave."),
                }
            }
            Msg::HoldGates { gates, max_size, .. } => {
                let g = gates_list(gates, lang);
                match (lang, max_size) {
                    (Lang::Nl, Some(m)) => format!("Aanhouden: de poort {g} is gesloten voor de hele golf. De helpdesk kan een golf van hooguit {m_text} mensen aan.", m_text = count(u64::from(*m), lang)),
                    (Lang::En, Some(m)) => format!("Hold: the {g} gate fired for the whole wave. The helpdesk can handle a wave of at most {m_text} people.", m_text = count(u64::from(*m), lang)),
                    (Lang::Nl, None) => format!("Aanhouden: de poort {g} is gesloten voor de hele golf en niet tot een deel ervan te beperken."),
                    (Lang::En, None) => format!("Hold: the {g} gate fired for the whole wave and cannot be confined to part of it."),
                }
            }
            Msg::HoldDimension { dimensions } => match (lang, dimensions.len()) {
                (Lang::Nl, 1) => format!("Aanhouden: de dimensie {} is onvoldoende; los dat op voordat de golf start.", dims_list(dimensions, lang)),
                (Lang::Nl, _) => format!("Aanhouden: de dimensies {} zijn onvoldoende; los dat op voordat de golf start.", dims_list(dimensions, lang)),
                (Lang::En, 1) => format!("Hold: the {} dimension fails; fix it before the wave starts.", dims_list(dimensions, lang)),
                (Lang::En, _) => format!("Hold: the {} dimensions fail; fix them before the wave starts.", dims_list(dimensions, lang)),
            },
            Msg::HoldReadiness { readiness } => match lang {
                Lang::Nl => format!("Aanhouden: de voorzichtige gereedheid is {readiness}, onder de 60."),
                Lang::En => format!("Hold: conservative readiness is {readiness}, below 60."),
            },
            Msg::Split { held, size } => match lang {
                Lang::Nl => format!("Splitsen: {} wacht{} (het probleem zit daar, significant slechter dan bij de rest); de overige {size_text} mensen gaan door.", list(held, lang), if held.len() == 1 { "" } else { "en" }, size_text = count(u64::from(*size), lang)),
                Lang::En => format!("Split: hold {} (the problem is confined there, significantly worse than the rest); the other {size_text} people go ahead.", list(held, lang), size_text = count(u64::from(*size), lang)),
            },
            Msg::ExtendEvidence => match lang {
                Lang::Nl => "Pilot verlengen: geen enkele kritieke meetwaarde heeft al genoeg gegevens.".to_string(),
                Lang::En => "Extend the pilot: no critical metric has enough evidence yet.".to_string(),
            },
            Msg::ExtendUndecided { metrics, without_evidence } => {
                let names = |ms: &[MetricId]| -> String {
                    let names: Vec<String> = ms.iter().map(|m| metric_name(*m, lang).to_string()).collect();
                    list(&names, lang)
                };
                let mut parts = Vec::new();
                if !without_evidence.is_empty() {
                    parts.push(match lang {
                        Lang::Nl => format!("over {} zijn nog geen gegevens", names(without_evidence)),
                        Lang::En => format!("there is no evidence yet on {}", names(without_evidence)),
                    });
                }
                if !metrics.is_empty() {
                    parts.push(match (lang, metrics.len()) {
                        (Lang::Nl, 1) => format!("{} kan nog alle kanten op", names(metrics)),
                        (Lang::Nl, _) => format!("{} kunnen nog alle kanten op", names(metrics)),
                        (Lang::En, _) => format!("{} could still go either way", names(metrics)),
                    });
                }
                match lang {
                    Lang::Nl => format!("Pilot verlengen: {}; meer gegevens beslissen het.", parts.join(", en ")),
                    Lang::En => format!("Extend the pilot: {}; more evidence will decide.", parts.join(", and ")),
                }
            }
            // Some figure only warns, and no action is called for: "with 0 actions" read as a
            // slip.
            Msg::ProceedWithActions { actions: 0 } => match lang {
                Lang::Nl => "Doorgaan: geen poort houdt de golf tegen; niet alles voldoet al (zie de segmenten), maar niets vraagt nu om actie.".to_string(),
                Lang::En => "Proceed: no gate holds the wave; not everything passes yet (see the segments), but nothing calls for action now.".to_string(),
            },
            Msg::ProceedWithActions { actions } => match lang {
                Lang::Nl => format!("Doorgaan, met {actions} actie{}: geen poort houdt de golf tegen, maar niet alles voldoet.", if *actions == 1 { "" } else { "s" }),
                Lang::En => format!("Proceed with {actions} action{}: no gate holds the wave, but not everything passes.", if *actions == 1 { "" } else { "s" }),
            },
            // Growth brings people forward from later waves; with none left, "×3 to 200" beside
            // a planned 200 read as growth that was not there.
            Msg::Expand { factor, size, planned } if size <= planned => match lang {
                Lang::Nl => format!("Uitbreiden: alles voldoet met hoge zekerheid, ook een week eerder (groei ×{factor} zou kunnen). Er zijn geen mensen van latere golven om naar voren te halen: ga door met alle {size_text} mensen zoals gepland.", size_text = count(u64::from(*size), lang)),
                Lang::En => format!("Expand: everything passes with high confidence, and did a week ago too (growth ×{factor} would be fine). No later wave has people to bring forward: go ahead with all {size_text} people as planned.", size_text = count(u64::from(*size), lang)),
            },
            Msg::Expand { factor, size, planned } => match lang {
                Lang::Nl => format!("Uitbreiden: alles voldoet met hoge zekerheid, ook een week eerder. Maak de golf groter, van {planned_text} naar {size_text} mensen (groei ×{factor}, mensen van latere golven naar voren gehaald).", planned_text = count(u64::from(*planned), lang), size_text = count(u64::from(*size), lang)),
                Lang::En => format!("Expand: everything passes with high confidence, and did a week ago too. Grow the wave from {planned_text} to {size_text} people (growth ×{factor}, bringing people forward from later waves).", planned_text = count(u64::from(*planned), lang), size_text = count(u64::from(*size), lang)),
            },
            Msg::Proceed { actions: 0 } => match lang {
                Lang::Nl => "Doorgaan: geen poort houdt de golf tegen en niets vraagt om actie.".to_string(),
                Lang::En => "Proceed: no gate holds the wave and nothing needs action.".to_string(),
            },
            // An action such as a re-survey of a quiet group stands beside a wave where
            // everything passes; "nothing needs action" above a list of them read as a slip.
            Msg::Proceed { actions } => match lang {
                Lang::Nl => format!("Doorgaan: geen poort houdt de golf tegen en alles voldoet; {}.", if *actions == 1 { "1 actie staat ernaast".to_string() } else { format!("{actions} acties staan ernaast") }),
                Lang::En => format!("Proceed: no gate holds the wave and everything passes; {}.", if *actions == 1 { "1 action is listed alongside".to_string() } else { format!("{actions} actions are listed alongside") }),
            },
            Msg::NoNextWave => match lang {
                Lang::Nl => "Alle golven zijn gestart; er is geen volgende golf om over te beslissen.".to_string(),
                Lang::En => "Every wave has started; there is no next wave to decide on.".to_string(),
            },
            Msg::GateMetric { gate, evidence: e, probability, fail } => {
                let ev = evidence(e, lang);
                match lang {
                    Lang::Nl => format!("Poort {}: {ev}; kans {} dat de waarde onder {} ligt.", gate_name(*gate, lang), chance(*probability, lang), num(*fail, 2, lang)),
                    Lang::En => format!("{} gate: {ev}; probability {} that it is below {}.", capitalise(gate_name(*gate, lang)), chance(*probability, lang), num(*fail, 2, lang)),
                }
            }
            Msg::GateProductivity { open } => match lang {
                Lang::Nl => format!("Poort productiviteit: {open} uitrolticket(s) met prioriteit 1–2 staan nog open."),
                Lang::En => format!("Productivity gate: {open} priority 1–2 rollout ticket(s) are still open."),
            },
            Msg::GateHelpdesk { size, median, q10, q90, capacity, max_size } => match lang {
                Lang::Nl => format!("Poort helpdesk: een golf van {size_text} mensen geeft naar verwachting {} tickets per dag ({interval} {}–{}); de bovengrens van {} ligt boven de capaciteit van {}; met deze samenstelling passen hooguit {max_size_text} mensen (minder tickets per persoon, zoals na een splitsing, maken ruimte voor meer).", num(*median, 1, lang), num(*q10, 1, lang), num(*q90, 1, lang), num(*q90, 1, lang), num(*capacity, 1, lang), size_text = count(u64::from(*size), lang), max_size_text = count(u64::from(*max_size), lang), interval = interval_named(INTERVAL_LEVEL, lang)),
                Lang::En => format!("Helpdesk gate: a wave of {size_text} people is forecast at {} tickets a day ({interval} {}–{}); the upper bound of {} is above the capacity of {}; with this mix at most {max_size_text} people fit (fewer tickets per person, as after a split, make room for more).", num(*median, 1, lang), num(*q10, 1, lang), num(*q90, 1, lang), num(*q90, 1, lang), num(*capacity, 1, lang), size_text = count(u64::from(*size), lang), max_size_text = count(u64::from(*max_size), lang), interval = interval_named(INTERVAL_LEVEL, lang)),
            },
            Msg::GateEvidence => match lang {
                Lang::Nl => "Poort bewijs: geen enkele kritieke meetwaarde heeft genoeg gegevens; een poort die alleen uit onzekerheid sluit, is geen reden om aan te houden.".to_string(),
                Lang::En => "Evidence gate: no critical metric has enough evidence; a gate fired by uncertainty alone is not a reason to hold.".to_string(),
            },
            // The test compares what was measured, before the estimate is drawn toward the
            // wave: said so, or "0,26 … the rest 92 points better" reads as a rest above 100%.
            Msg::Confined { test, p, q, points } => match lang {
                Lang::Nl => format!("Beperkt tot dit segment: in de gemeten cijfers scoort de rest {} procentpunt beter ({test}, {}, {}).", num(points * 100.0, 0, lang), probability("p", *p, lang), probability("q", *q, lang)),
                Lang::En => format!("Confined to this segment: in the measured figures the rest is {} points better ({test}, {}, {}).", num(points * 100.0, 0, lang), probability("p", *p, lang), probability("q", *q, lang)),
            },
            Msg::NotConfined => match lang {
                Lang::Nl => "Niet te beperken tot een deel van de golf: geldt voor de hele golf.".to_string(),
                Lang::En => "Cannot be confined to part of the wave: applies to the whole wave.".to_string(),
            },
            Msg::NotDistinctGate => match lang {
                Lang::Nl => "Wijkt niet aantoonbaar af van de andere segmenten, en de rest van de golf doet het niet duidelijk beter: niet tot dit segment te beperken, geldt voor de hele golf.".to_string(),
                Lang::En => "Does not stand out from the other segments, and the rest of the wave is not clearly better: it cannot be confined to this one and applies to the whole wave.".to_string(),
            },
            Msg::NotTested => match lang {
                Lang::Nl => "Niet vergeleken met andere segmenten: geen segment dat het hier goed doet, heeft genoeg gegevens om mee te vergelijken. Telt mee in de golf als geheel.".to_string(),
                Lang::En => "Not compared with other segments: none that does well here has the evidence to compare with. It counts in the wave as a whole.".to_string(),
            },
            Msg::NotDistinct => match lang {
                Lang::Nl => "Wijkt niet aantoonbaar af van de andere segmenten: telt mee in de golf als geheel.".to_string(),
                Lang::En => "Does not stand out from the other segments: it counts in the wave as a whole.".to_string(),
            },
            Msg::ConfinedToHeld { held: true } => match lang {
                Lang::Nl => "De rest van de golf, zonder de aangehouden segmenten, heeft dit probleem niet.".to_string(),
                Lang::En => "The rest of the wave, without the held segments, does not have this problem.".to_string(),
            },
            // The whole wave is held for another reason: no segment is held on its own.
            Msg::ConfinedToHeld { held: false } => match lang {
                Lang::Nl => "Alleen de segmenten die hierop falen hebben dit probleem; de rest van de golf niet.".to_string(),
                Lang::En => "Only the segments that fail on it have this problem; the rest of the wave does not.".to_string(),
            },
            Msg::WithinHeld { segments } => {
                let (by, one) = (list(segments, lang), segments.len() == 1);
                match (lang, one) {
                    (Lang::Nl, true) => format!("Valt onder {by}, dat als geheel wordt aangehouden."),
                    (Lang::Nl, false) => format!("Valt onder {by}, die als geheel worden aangehouden."),
                    (Lang::En, true) => format!("Part of {by}, which is held as a whole."),
                    (Lang::En, false) => format!("Part of {by}, which are held as a whole."),
                }
            }
            Msg::ExplainedBy { segments, held: true } => {
                let (by, one) = (list(segments, lang), segments.len() == 1);
                match (lang, one) {
                    (Lang::Nl, true) => format!("Verklaard door {by}, dat wordt aangehouden; zonder die mensen is het hier in orde."),
                    (Lang::Nl, false) => format!("Verklaard door {by}, die worden aangehouden; zonder die mensen is het hier in orde."),
                    (Lang::En, true) => format!("Explained by {by}, which is held; without those people it is fine here."),
                    (Lang::En, false) => format!("Explained by {by}, which are held; without those people it is fine here."),
                }
            }
            Msg::ExplainedBy { segments, held: false } => match lang {
                Lang::Nl => format!("Verklaard door {}; zonder die mensen is het hier in orde.", list(segments, lang)),
                Lang::En => format!("Explained by {}; without those people it is fine here.", list(segments, lang)),
            },
            Msg::PartlyHeld { segments } => {
                let (by, one) = (list(segments, lang), segments.len() == 1);
                match (lang, one) {
                    (Lang::Nl, true) => format!("Deels dezelfde mensen als {by}, dat wordt aangehouden; zonder hen zijn er te weinig over om dit apart te beoordelen."),
                    (Lang::Nl, false) => format!("Deels dezelfde mensen als {by}, die worden aangehouden; zonder hen zijn er te weinig over om dit apart te beoordelen."),
                    (Lang::En, true) => format!("Partly the same people as {by}, which is held; without them too few are left to judge this on its own."),
                    (Lang::En, false) => format!("Partly the same people as {by}, which are held; without them too few are left to judge this on its own."),
                }
            }
            Msg::DimensionFails { dimension, evidence: e } => {
                let ev = evidence(e, lang);
                match lang {
                    Lang::Nl => format!("Dimensie {} faalt: {ev}.", dimension_name(*dimension, lang)),
                    Lang::En => format!("The {} dimension fails: {ev}.", dimension_name(*dimension, lang)),
                }
            }
            Msg::ReadinessNotANumber { missing } => {
                let what: Vec<String> = missing
                    .iter()
                    .map(|m| match (m, lang) {
                        (MissingEvidence::Technical, Lang::Nl) => "technisch bewijs (apparaten van mensen die al over zijn)".to_string(),
                        (MissingEvidence::Technical, Lang::En) => "technical evidence (devices of people already rolled out)".to_string(),
                        (MissingEvidence::PeopleSide, Lang::Nl) => "bewijs over de mensen zelf (training, vragenlijst of bereik)".to_string(),
                        (MissingEvidence::PeopleSide, Lang::En) => "evidence about the people themselves (training, survey or reach)".to_string(),
                    })
                    .collect();
                // "no A and B" would say B is there: each is denied on its own.
                let what = match lang {
                    Lang::Nl => what.join(" en geen "),
                    Lang::En => what.join(" nor "),
                };
                match lang {
                    Lang::Nl => format!("Geen gereedheidscijfer: er is geen {what}. Een cijfer zonder dat bewijs zou als oordeel gelezen worden."),
                    Lang::En => format!("No readiness figure: there is no {what}. A figure without that evidence would read as a verdict."),
                }
            }
            Msg::CfExpand { date } => match lang {
                Lang::Nl => format!("Alles slaagt nu. Uitbreiden kan als alles ook slaagt bij een evaluatie op of na {date}, zonder mislukte evaluatie daartussen."),
                Lang::En => format!("Everything passes now. The wave can expand if everything passes again at an evaluation on or after {date}, with no failing one in between."),
            },
            Msg::HelpdeskFitsSplit { size, held: true } => match lang {
                Lang::Nl => format!("Na de splitsing gaan {size_text} mensen door; dat past binnen de capaciteit.", size_text = count(u64::from(*size), lang)),
                Lang::En => format!("After the split, {size_text} people go ahead, which fits the capacity.", size_text = count(u64::from(*size), lang)),
            },
            Msg::HelpdeskFitsSplit { size, held: false } => match lang {
                Lang::Nl => format!("Zonder de segmenten die falen zouden {size_text} mensen doorgaan; dat past binnen de capaciteit.", size_text = count(u64::from(*size), lang)),
                Lang::En => format!("Without the segments that fail, {size_text} people would go ahead, which fits the capacity.", size_text = count(u64::from(*size), lang)),
            },
            Msg::ActionBarrier { element, share, p_below, n } => match lang {
                Lang::Nl => format!("Knelpunt {}: naar schatting {} is het eens ({n} antwoorden); kans {} dat dit onder het doel ligt.", element_name(*element, lang), pct(*share, lang), chance(*p_below, lang)),
                Lang::En => format!("Barrier {}: an estimated {} agree ({n} responses); probability {} that this is below target.", element_name(*element, lang), pct(*share, lang), chance(*p_below, lang)),
            },
            Msg::ActionMetric { evidence: e, state } => format!("{} — {}", evidence(e, lang), state_name(*state, lang)),
            // "Zwakste quizonderwerp "privacy": 0,61 (…)": the metric names what the topic is.
            Msg::ActionTopic { topic, evidence: e } => format!("{} \"{topic}\": {}", capitalise(metric_name(e.metric, lang)), figures(e, lang)),
            Msg::ActionHelpdesk { q90, capacity } => match lang {
                Lang::Nl => format!("Tot {} tickets per dag verwacht (90%-bovengrens) bij een capaciteit van {}.", num(*q90, 1, lang), num(*capacity, 1, lang)),
                Lang::En => format!("Up to {} tickets a day expected (90% upper bound) against a capacity of {}.", num(*q90, 1, lang), num(*capacity, 1, lang)),
            },
            Msg::ActionResponse { rate, wave } => match lang {
                Lang::Nl => format!("Respons {} tegen {} in de hele golf.", pct(*rate, lang), pct(*wave, lang)),
                Lang::En => format!("Response rate {} against {} for the whole wave.", pct(*rate, lang), pct(*wave, lang)),
            },
            Msg::CfMetric { scope, metric, gate, clears, passes } => {
                let name = metric_name(*metric, lang);
                let unit = unit(*metric, lang);
                // Shares must reach a level; a ticket rate must stay under one.
                let rate = metric.kind() == Kind::Rate;
                let (bound, decimals) = match (lang, rate) {
                    (Lang::Nl, false) => ("minstens", 2),
                    (Lang::En, false) => ("at least", 2),
                    (Lang::Nl, true) => ("hooguit", 1),
                    (Lang::En, true) => ("at most", 1),
                };
                let mut parts = Vec::new();
                if let Some((value, n)) = clears {
                    let value = num(*value, decimals, lang);
                    parts.push(match (lang, gate) {
                        (Lang::Nl, true) => format!("de poort gaat open bij {name} van {bound} {value} over {n} {unit}"),
                        (Lang::En, true) => format!("the gate clears at {name} of {bound} {value} over {n} {unit}"),
                        (Lang::Nl, false) => format!("het is niet meer duidelijk onvoldoende bij {name} van {bound} {value} over {n} {unit}"),
                        (Lang::En, false) => format!("it no longer clearly fails at {name} of {bound} {value} over {n} {unit}"),
                    });
                }
                if let Some((value, n)) = passes {
                    parts.push(match lang {
                        Lang::Nl => format!("het voldoet bij {name} van {bound} {} over {n} {unit}", num(*value, decimals, lang)),
                        Lang::En => format!("it passes at {name} of {bound} {} over {n} {unit}", num(*value, decimals, lang)),
                    });
                }
                let joined = match lang {
                    Lang::Nl => parts.join("; "),
                    Lang::En => parts.join("; "),
                };
                format!("{}: {joined}.", capitalise(scope))
            }
            Msg::CfMoreEvidence { metric, n, more } => {
                let name = metric_name(*metric, lang);
                let unit = unit(*metric, lang);
                match (lang, more) {
                    // With nothing yet there is no level to hold: say what is needed.
                    (Lang::Nl, Some(m)) if *n == 0 => format!("{}: nog geen gegevens; er zijn minstens {m_text} {unit} nodig.", capitalise(name), m_text = count(*m, lang)),
                    (Lang::En, Some(m)) if *n == 0 => format!("{}: no evidence yet; at least {m_text} {unit} are needed.", capitalise(name), m_text = count(*m, lang)),
                    (Lang::Nl, Some(m)) => format!("{}: nog ongeveer {m_text} {unit} erbij beslissen het, als het huidige niveau aanhoudt.", capitalise(name), m_text = count(*m, lang)),
                    (Lang::En, Some(m)) => format!("{}: about {m_text} more {unit} would decide it if the current level holds.", capitalise(name), m_text = count(*m, lang)),
                    (Lang::Nl, None) => format!("{}: ligt zo dicht bij het doel dat alleen veel meer gegevens het beslissen.", capitalise(name)),
                    (Lang::En, None) => format!("{}: is so close to its target that only much more evidence will decide it.", capitalise(name)),
                }
            }
            Msg::CfHelpdesk { max_size, capacity_needed, size } => match lang {
                Lang::Nl => format!("De helpdesk kan een golf van {max_size_text} mensen aan; voor de geplande {size_text} is een capaciteit van {} tickets per dag nodig.", num(*capacity_needed, 1, lang), size_text = count(u64::from(*size), lang), max_size_text = count(u64::from(*max_size), lang)),
                Lang::En => format!("The helpdesk can handle a wave of {max_size_text} people; the planned {size_text} need a capacity of {} tickets a day.", num(*capacity_needed, 1, lang), size_text = count(u64::from(*size), lang), max_size_text = count(u64::from(*max_size), lang)),
            },
            Msg::CfProductivity { open } => match lang {
                Lang::Nl => format!("Als de {open} open ticket(s) met prioriteit 1–2 zijn opgelost, gaat de productiviteitspoort open."),
                Lang::En => format!("Resolving the {open} open priority 1–2 ticket(s) clears the productivity gate."),
            },
            Msg::MissingFile { file } => {
                // Named by what is missing, then the file: in the browser nobody handles
                // responses.csv, the server collects the answers itself.
                use super::super::import::files;
                let (nl, en) = match *file {
                    files::DEVICES => ("apparaten uit Intune", "devices from Intune"),
                    files::TICKETS => ("helpdesktickets", "helpdesk tickets"),
                    files::RESPONSES => ("antwoorden op een vragenlijst", "survey answers"),
                    files::TRAINING => ("trainingsresultaten", "training records"),
                    _ => ("gegevens", "data"),
                };
                match lang {
                    Lang::Nl => format!("Nog geen {nl} ({file}): de meetwaarden die ze nodig hebben, zijn niet beoordeeld."),
                    Lang::En => format!("No {en} yet ({file}): the metrics that need them were not assessed."),
                }
            }
            Msg::NoDevices => match lang {
                Lang::Nl => format!("{} bevat geen enkel apparaat. Dat bewijst niet dat niemand is ingeschreven (eerder een export met alleen een kopregel, of van de verkeerde plek of met het verkeerde filter): inschrijving en naleving zijn niet beoordeeld.", super::super::import::files::DEVICES),
                Lang::En => format!("{} lists no devices at all. That is no evidence that nobody enrolled (more likely a header-only export, or one from the wrong place or filter): enrollment and compliance were not assessed.", super::super::import::files::DEVICES),
            },
            Msg::NoResponses => match lang {
                Lang::Nl => format!("{} bevat geen enkel antwoord. Dat bewijst niet dat niemand wilde antwoorden (eerder een export met alleen een kopregel, of van voordat iemand antwoordde): de meetwaarden uit de vragenlijst zijn niet beoordeeld.", super::super::import::files::RESPONSES),
                Lang::En => format!("{} holds no answers at all. That is no evidence that nobody wanted to answer (more likely a header-only export, or one taken before anyone answered): the survey's metrics were not assessed.", super::super::import::files::RESPONSES),
            },
            Msg::NoFailures => match lang {
                Lang::Nl => "Zonder enrollment_failures.csv is inschrijving in één keer niet te beoordelen.".to_string(),
                Lang::En => "Without enrollment_failures.csv, first-attempt enrollment success cannot be assessed.".to_string(),
            },
            Msg::UnknownSplitAttribute { name } => match lang {
                Lang::Nl => format!("program.toml noemt splitskenmerk `{name}`, maar roster.csv heeft die kolom niet; er wordt niet op gesplitst."),
                Lang::En => format!("program.toml names the split attribute `{name}`, but roster.csv has no such column; the wave is not split along it."),
            },
            Msg::Unmatched { file, rows } => match (lang, *rows == 1) {
                (Lang::Nl, true) => format!("1 rij in {file} hoort bij niemand in roster.csv en is niet meegeteld."),
                (Lang::Nl, false) => format!("{rows} rijen in {file} horen bij niemand in roster.csv en zijn niet meegeteld."),
                (Lang::En, true) => format!("1 row in {file} matches nobody in roster.csv and was not counted."),
                (Lang::En, false) => format!("{rows} rows in {file} match nobody in roster.csv and were not counted."),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wave_sizes_in_sentences_are_grouped_as_the_reader_writes_them() {
        let split = Msg::Split {
            held: vec!["platform iOS".into()],
            size: 21_250,
        };
        assert!(split.render(Lang::Nl).contains("de overige 21.250 mensen"));
        assert!(split.render(Lang::En).contains("the other 21,250 people"));
        let fits = Msg::HelpdeskFitsSplit {
            size: 840,
            held: true,
        };
        assert!(fits.render(Lang::Nl).contains("gaan 840 mensen door"));
    }

    /// A missing source is named by what it holds before its file: in the browser the server
    /// collects the answers itself and nobody hands it responses.csv.
    #[test]
    fn a_missing_source_says_what_is_missing() {
        let note = Msg::MissingFile {
            file: super::super::super::import::files::RESPONSES,
        };
        assert!(
            note.render(Lang::Nl)
                .starts_with("Nog geen antwoorden op een vragenlijst (responses.csv)")
        );
        assert!(
            note.render(Lang::En)
                .starts_with("No survey answers yet (responses.csv)")
        );
    }

    /// What must pass is named in Dutch as in English. Before, the Dutch read "het voldoet
    /// bij minstens 0,62 over 360 mensen" without saying what.
    #[test]
    fn what_would_pass_names_its_measure_in_both_languages() {
        let cf = Msg::CfMetric {
            scope: "de hele golf".into(),
            metric: MetricId::ResponseRate,
            gate: false,
            clears: None,
            passes: Some((0.62, 360)),
        };
        for lang in [Lang::Nl, Lang::En] {
            let name = metric_name(MetricId::ResponseRate, lang);
            assert!(cf.render(lang).contains(name), "{}", cf.render(lang));
        }
    }
}
