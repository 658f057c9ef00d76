//! SCORING.md steps 5–6: gates, splits, the decision, actions and counterfactuals; and
//! [`evaluate`], which assembles the report.

use super::data::{DataSet, NO_VALUE};
use super::engine::{
    MetricEval, Present, SegmentEval, decimals, evaluate_segment, metric_count, too_small,
};
use super::metric::{Dimension, Element, MetricId, MetricSpec, Posterior, State, classify};
use super::program::Program;
use super::report::*;
use super::tally::{Tallies, Tally, WINDOW_MINUTES, gather};
use super::text::{self, Evidence, Msg};
use crate::i18n::Lang;
use crate::measures;
use crate::stats::{
    BetaPosterior, GammaPosterior, benjamini_hochberg, fisher_exact, mann_whitney_u,
};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// A split is significant when its Benjamini–Hochberg q-value is below this.
pub const SPLIT_FDR: f64 = 0.10;
/// ...and the rest of the wave is at least this much better (share points).
pub const SPLIT_MIN_DIFFERENCE: f64 = 0.10;
/// Helpdesk preparation is advised when the forecast reaches this share of capacity.
pub const HELPDESK_PREPARATION_SHARE: f64 = 0.80;

fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let r = (x * f).round() / f;
    if r == 0.0 { 0.0 } else { r } // no "-0.0" in the JSON
}

fn round_pair(p: [f64; 2], decimals: i32) -> [f64; 2] {
    [round(p[0], decimals), round(p[1], decimals)]
}

fn scores(pair: (f64, f64)) -> Scores {
    Scores {
        estimate: pair.0.round().clamp(0.0, 100.0) as u32,
        conservative: pair.1.round().clamp(0.0, 100.0) as u32,
    }
}

/// One segment of the next wave with its evaluation.
struct Seg {
    segment: Segment,
    people: u32,
    /// `(index into tallies.dims, value code)` for a child; `None` for the wave.
    child: Option<(usize, u32)>,
    eval: SegmentEval,
}

/// The helpdesk forecast before rounding.
#[derive(Clone, Debug)]
struct Forecast {
    posterior: GammaPosterior,
    size: u32,
    median_day: f64,
    q90_day: f64,
    max_size: Option<u32>,
    person_weeks: u64,
    decided: bool,
}

/// SCORING.md steps 1–4 for every segment of the next wave at one date.
struct Assessment {
    segs: Vec<Seg>,
    suppressed: Vec<Suppressed>,
    tallies: Tallies,
    forecast: Option<Forecast>,
    planned: u32,
    next_people: u32,
    /// Index of the next wave in the program.
    wave_index: usize,
}

fn present(data: &DataSet) -> Present {
    let i = &data.inputs;
    Present {
        devices: i.devices.is_some(),
        failures: i.failures.is_some(),
        tickets: i.tickets.is_some(),
        responses: i.responses.is_some(),
        training: i.training.is_some(),
    }
}

fn assess(data: &DataSet, program: &Program, at: NaiveDate, next: usize) -> Assessment {
    let tallies = gather(data, program, at, next);
    let present = present(data);
    let wave = &program.waves[next];
    let mut wave_segment = Segment::new();
    wave_segment.insert("wave".into(), wave.id.clone());
    let next_people = tallies.wave[1].people;
    let groups = super::engine::Groups {
        rolled: &tallies.wave[0],
        next: &tallies.wave[1],
        parent: None,
    };
    let wave_eval = evaluate_segment(
        program,
        present,
        &groups,
        &tallies.topic_modules,
        &tallies.topic_names,
    );
    let mut segs = vec![Seg {
        segment: wave_segment,
        people: next_people,
        child: None,
        eval: wave_eval,
    }];
    let mut suppressed = Vec::new();
    for (d, dim) in tallies.dims.iter().enumerate() {
        let attribute = &data.roster.attributes[dim.attribute];
        for (code, pair) in dim.values.iter().enumerate() {
            let people = pair[1].people;
            if people == 0 {
                continue;
            }
            let mut segment = Segment::new();
            segment.insert(attribute.name.clone(), attribute.values[code].clone());
            if too_small(u64::from(people)) {
                suppressed.push(Suppressed { segment, n: people });
                continue;
            }
            let groups = super::engine::Groups {
                rolled: &pair[0],
                next: &pair[1],
                parent: Some([&tallies.wave[0], &tallies.wave[1]]),
            };
            let eval = evaluate_segment(
                program,
                present,
                &groups,
                &tallies.topic_modules,
                &tallies.topic_names,
            );
            segs.push(Seg {
                segment,
                people,
                child: Some((d, code as u32)),
                eval,
            });
        }
    }
    let planned = wave.planned_size.unwrap_or(next_people);
    let forecast = forecast(program, &tallies.wave[0], &segs[0].eval, planned);
    Assessment {
        segs,
        suppressed,
        tallies,
        forecast,
        planned,
        next_people,
        wave_index: next,
    }
}

fn forecast(program: &Program, rolled: &Tally, wave: &SegmentEval, size: u32) -> Option<Forecast> {
    let rate = wave.metric(MetricId::TicketRate)?;
    let units = rolled.exposure_minutes as f64 / WINDOW_MINUTES as f64;
    if units <= 0.0 {
        return None;
    }
    // Per person per 14 days; the wave's tickets land within 14 days of each enrollment.
    let posterior = GammaPosterior::new(0.5, 0.0, rolled.tickets as f64, units);
    let per_day = |q: f64| f64::from(size) * posterior.quantile(q) / 14.0;
    let q90_person = posterior.quantile(0.90);
    let max_size = program.helpdesk_capacity_per_day.map(|c| {
        if q90_person <= 0.0 {
            u32::MAX
        } else {
            (c * 14.0 / q90_person).floor().min(f64::from(u32::MAX)) as u32
        }
    });
    Some(Forecast {
        posterior,
        size,
        median_day: per_day(0.5),
        q90_day: per_day(0.9),
        max_size,
        person_weeks: rate.n,
        decided: rate.state != State::Insufficient,
    })
}

/// The test behind one confinement claim.
#[derive(Clone, Debug)]
struct TestEval {
    method: TestMethod,
    against: Vec<usize>,
    difference: f64,
    p: f64,
    q: f64,
}

/// A gate that fired, before rendering.
#[derive(Clone, Debug)]
struct GateEval {
    kind: GateKind,
    seg: usize,
    metric: Option<MetricId>,
    probability: Option<f64>,
    open: u32,
    test: Option<TestEval>,
    confined: bool,
}

/// What the decision rules look at (SCORING.md step 6). Public so the rules can be tested on
/// their own, e.g. that adding a gate never makes the decision less strict.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionInputs {
    /// Every gate that fired, with whether it is confined to some segments.
    pub gates: Vec<(GateKind, bool)>,
    /// Dimensions of the wave that fail.
    pub failing_dimensions: Vec<Dimension>,
    /// Confidence of the wave.
    pub confidence: Confidence,
    /// Conservative readiness of the wave.
    pub readiness: Option<f64>,
    /// Critical metrics insufficient, or warning with their interval straddling the target.
    pub undecided: Vec<MetricId>,
    /// Some metric warns or fails, a barrier exists, or there is an action.
    pub needs_actions: bool,
    /// Everything passes with high confidence and no gate, barrier or action.
    pub all_pass: bool,
    /// ...and it did at the evaluation seven days earlier too.
    pub all_pass_before: bool,
}

/// The first matching rule of SCORING.md step 6.
pub fn decide(i: &DecisionInputs) -> (DecisionKind, Rule) {
    let unconfined = |effect: DecisionKind| {
        i.gates
            .iter()
            .any(|(g, confined)| g.effect() == effect && !confined)
    };
    if unconfined(DecisionKind::Delay) {
        return (DecisionKind::Delay, Rule::DesireGate);
    }
    if i.failing_dimensions.len() >= 2 && i.confidence != Confidence::Low {
        return (DecisionKind::Delay, Rule::FailingDimensions);
    }
    if unconfined(DecisionKind::Hold) {
        return (DecisionKind::Hold, Rule::HoldGate);
    }
    if !i.failing_dimensions.is_empty() {
        return (DecisionKind::Hold, Rule::FailingDimension);
    }
    if i.readiness.is_some_and(|r| r < 60.0) {
        return (DecisionKind::Hold, Rule::LowReadiness);
    }
    if i.gates
        .iter()
        .any(|(g, confined)| *confined && g.effect() != DecisionKind::ExtendPilot)
    {
        return (DecisionKind::Split, Rule::Split);
    }
    if i.gates.iter().any(|(g, _)| *g == GateKind::Evidence) {
        return (DecisionKind::ExtendPilot, Rule::EvidenceGate);
    }
    if !i.undecided.is_empty() {
        return (DecisionKind::ExtendPilot, Rule::CriticalUndecided);
    }
    if i.needs_actions {
        return (DecisionKind::ProceedWithActions, Rule::WarningsOrBarrier);
    }
    if i.all_pass && i.all_pass_before {
        return (DecisionKind::Expand, Rule::AllPassTwice);
    }
    (DecisionKind::Proceed, Rule::NothingFired)
}

/// Gates of one assessment, tested and confined.
struct Judgement {
    gates: Vec<GateEval>,
    held: Vec<usize>,
    proceeding_people: u32,
    actions: Vec<ActionEval>,
    inputs: DecisionInputs,
}

fn gates_of(program: &Program, a: &Assessment, started: bool) -> Vec<GateEval> {
    let gamma = program.confidence;
    let mut gates = Vec::new();
    for (si, seg) in a.segs.iter().enumerate() {
        let e = &seg.eval;
        for (kind, ids) in [
            (
                GateKind::Enrollment,
                &[
                    MetricId::EnrollmentCompletion,
                    MetricId::EnrollmentFirstAttempt,
                ][..],
            ),
            (GateKind::DataProtection, &[MetricId::DeviceCompliance][..]),
        ] {
            for &id in ids {
                if let Some(m) = e.metric(id).filter(|m| m.state == State::Fail) {
                    gates.push(GateEval {
                        kind,
                        seg: si,
                        metric: Some(id),
                        probability: m.class.map(|c| c.p_fail),
                        open: 0,
                        test: None,
                        confined: false,
                    });
                }
            }
        }
        if let Some(ad) = &e.adkar
            && ad.barrier == Some(Element::Desire)
            && let Some(m) = e.metric(MetricId::AdkarDesire)
            && let Some(c) = m.class
            && c.p_fail >= gamma
        {
            gates.push(GateEval {
                kind: GateKind::Desire,
                seg: si,
                metric: Some(MetricId::AdkarDesire),
                probability: Some(c.p_fail),
                open: 0,
                test: None,
                confined: false,
            });
        }
    }
    let open = a.tallies.wave[0].open_priority;
    if open > 0 {
        gates.push(GateEval {
            kind: GateKind::Productivity,
            seg: 0,
            metric: None,
            probability: None,
            open,
            test: None,
            confined: false,
        });
    }
    if let (Some(f), Some(cap)) = (&a.forecast, program.helpdesk_capacity_per_day)
        && f.decided
        && f.q90_day > cap
    {
        gates.push(GateEval {
            kind: GateKind::HelpdeskCapacity,
            seg: 0,
            metric: Some(MetricId::TicketRate),
            probability: Some(f.posterior.sf(cap * 14.0 / f64::from(f.size.max(1)))),
            open: 0,
            test: None,
            confined: false,
        });
    }
    // Before anything has rolled out there is nothing to extend: the pilot is how evidence
    // is gathered.
    let wave = &a.segs[0].eval;
    let decided_critical = wave
        .metrics
        .iter()
        .any(|m| m.id.critical() && m.weighted() && m.state != State::Insufficient);
    if started && !decided_critical {
        gates.push(GateEval {
            kind: GateKind::Evidence,
            seg: 0,
            metric: None,
            probability: None,
            open: 0,
            test: None,
            confined: false,
        });
    }
    gates
}

fn expand_likert(c: &[u32; 5]) -> Vec<f64> {
    c.iter()
        .enumerate()
        .flat_map(|(i, &k)| std::iter::repeat_n((i + 1) as f64, k as usize))
        .collect()
}

fn add_likert(a: &mut [u32; 5], b: &[u32; 5]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// Tests each segment gate against its siblings, applies Benjamini–Hochberg over all of them,
/// and works out which gates are confined and which segments are held.
fn judge(program: &Program, data: &DataSet, a: &Assessment, started: bool) -> Judgement {
    let mut gates = gates_of(program, a, started);
    // 1. One test per segment gate on a metric, against the pooled siblings that pass or warn.
    let mut tested: Vec<usize> = Vec::new();
    let mut p_values = Vec::new();
    for (gi, g) in gates.iter_mut().enumerate() {
        let (Some((dim, _)), Some(id)) = (a.segs[g.seg].child, g.metric) else {
            continue;
        };
        let gated_on = |si: usize| {
            // A sibling gated on the same metric cannot serve as the comparison.
            a.segs[si]
                .eval
                .metric(id)
                .is_some_and(|m| m.state == State::Fail)
        };
        let siblings: Vec<usize> = a
            .segs
            .iter()
            .enumerate()
            .filter(|(si, s)| {
                *si != g.seg
                    && s.child.is_some_and(|(d, _)| d == dim)
                    && !gated_on(*si)
                    && s.eval
                        .metric(id)
                        .is_some_and(|m| matches!(m.state, State::Pass | State::Warn))
            })
            .map(|(si, _)| si)
            .collect();
        let Some(own) = a.segs[g.seg].eval.metric(id) else {
            continue;
        };
        if siblings.is_empty() {
            continue;
        }
        let test = if id == MetricId::AdkarDesire {
            let mut pooled = [0u32; 5];
            for &s in &siblings {
                if let Some(l) = a.segs[s].eval.metric(id).and_then(|m| m.likert) {
                    add_likert(&mut pooled, &l);
                }
            }
            let mine = own.likert.unwrap_or_default();
            let top = measures::agreeing_share;
            mann_whitney_u(&expand_likert(&mine), &expand_likert(&pooled)).map(|r| TestEval {
                method: TestMethod::MannWhitneyU,
                against: siblings.clone(),
                difference: top(&pooled) - top(&mine),
                p: r.p,
                q: 1.0,
            })
        } else {
            let (ok, n) = own.count.unwrap_or((0.0, 0.0));
            let (mut pok, mut pn) = (0.0, 0.0);
            for &s in &siblings {
                if let Some((k, m)) = a.segs[s].eval.metric(id).and_then(|m| m.count) {
                    pok += k;
                    pn += m;
                }
            }
            (n > 0.0 && pn > 0.0).then(|| TestEval {
                method: TestMethod::FisherExact,
                against: siblings.clone(),
                difference: pok / pn - ok / n,
                p: fisher_exact(
                    ok.round() as u64,
                    (n - ok).round() as u64,
                    pok.round() as u64,
                    (pn - pok).round() as u64,
                ),
                q: 1.0,
            })
        };
        if let Some(t) = test {
            p_values.push(t.p);
            tested.push(gi);
            g.test = Some(t);
        }
    }
    let q = benjamini_hochberg(&p_values);
    for (k, &gi) in tested.iter().enumerate() {
        if let Some(t) = &mut gates[gi].test {
            t.q = q[k];
            gates[gi].confined = t.q < SPLIT_FDR && t.difference >= SPLIT_MIN_DIFFERENCE;
        }
    }
    // 2. A wave gate on a metric is confined when, along some dimension, confined segment
    // gates on that metric exist and the rest of the wave would not fail it.
    for gi in 0..gates.len() {
        let g = &gates[gi];
        let (0, Some(id)) = (g.seg, g.metric) else {
            continue;
        };
        if g.kind == GateKind::HelpdeskCapacity {
            continue;
        }
        let wave_metric = a.segs[0].eval.metric(id);
        let source = wave_metric.map_or(Source::RolledOut, |m| m.source);
        let src = usize::from(source == Source::NextWave);
        let Some(total) = metric_count(id, &a.tallies.wave[src]) else {
            continue;
        };
        let spec = program.spec(id);
        let mut confined = false;
        for d in 0..a.tallies.dims.len() {
            let held: Vec<usize> = gates
                .iter()
                .filter(|x| x.confined && x.metric == Some(id))
                .filter(|x| a.segs[x.seg].child.is_some_and(|(dd, _)| dd == d))
                .map(|x| x.seg)
                .collect();
            if held.is_empty() {
                continue;
            }
            let mut rest = total;
            for s in held {
                if let Some((dd, code)) = a.segs[s].child
                    && let Some(c) =
                        metric_count(id, &a.tallies.dims[dd].values[code as usize][src])
                {
                    rest = rest.minus(c);
                }
            }
            let post = Posterior::Beta(BetaPosterior::jeffreys(rest.ok as f64, rest.n as f64));
            if rest.n > 0
                && classify(&spec, true, rest.n as f64, &post, program.confidence).state
                    != State::Fail
            {
                confined = true;
                break;
            }
        }
        gates[gi].confined = confined;
    }
    // 3. Held segments, and who goes ahead.
    let mut held: Vec<usize> = gates
        .iter()
        .filter(|g| g.confined && g.seg != 0)
        .map(|g| g.seg)
        .collect();
    held.sort_unstable();
    held.dedup();
    let proceeding_people = count_proceeding(data, a, &held);
    if !held.is_empty()
        && let Some(f) = &a.forecast
    {
        for g in gates
            .iter_mut()
            .filter(|g| g.kind == GateKind::HelpdeskCapacity)
        {
            let size = scale(a.planned, proceeding_people, a.next_people);
            g.confined = f.max_size.is_some_and(|m| size <= m);
        }
    }
    let wave = &a.segs[0].eval;
    let failing_dimensions: Vec<Dimension> = wave
        .dims
        .iter()
        .filter(|(_, e)| e.state == State::Fail)
        .map(|(d, _)| *d)
        .collect();
    // Before anything has rolled out, technical evidence cannot exist yet: only what the
    // wave's own people can tell counts as undecided.
    let undecided: Vec<MetricId> = wave
        .metrics
        .iter()
        .filter(|m| m.id.critical() && m.weighted())
        .filter(|m| started || m.source == Source::NextWave)
        .filter(|m| {
            m.state == State::Insufficient || (m.state == State::Warn && m.straddles_pass())
        })
        .map(|m| m.id)
        .collect();
    let actions = actions(program, a, &gates);
    let any_barrier = a
        .segs
        .iter()
        .any(|s| s.eval.adkar.as_ref().is_some_and(|x| x.barrier.is_some()));
    let wave_warns = wave
        .metrics
        .iter()
        .any(|m| m.weighted() && matches!(m.state, State::Warn | State::Fail));
    let all_pass = gates.is_empty()
        && actions.is_empty()
        && !any_barrier
        && wave.confidence == Confidence::High
        && wave
            .metrics
            .iter()
            .filter(|m| m.weighted())
            .all(|m| m.state == State::Pass);
    let inputs = DecisionInputs {
        gates: gates.iter().map(|g| (g.kind, g.confined)).collect(),
        failing_dimensions,
        confidence: wave.confidence,
        readiness: wave.readiness.map(|r| r.1),
        undecided,
        needs_actions: !actions.is_empty() || wave_warns || any_barrier,
        all_pass,
        all_pass_before: false,
    };
    Judgement {
        gates,
        held,
        proceeding_people,
        actions,
        inputs,
    }
}

/// Next-wave people in none of the held segments.
fn count_proceeding(data: &DataSet, a: &Assessment, held: &[usize]) -> u32 {
    if held.is_empty() {
        return a.next_people;
    }
    let held_codes: Vec<(usize, u32)> = held
        .iter()
        .filter_map(|&s| a.segs[s].child)
        .map(|(d, code)| (a.tallies.dims[d].attribute, code))
        .collect();
    let mut n = 0u32;
    let wave_index = a.wave_index;
    for p in 0..data.roster.len() {
        if usize::from(data.roster.waves[p]) != wave_index {
            continue;
        }
        let is_held = held_codes.iter().any(|&(attr, code)| {
            let c = data.roster.attributes[attr].codes[p];
            c != NO_VALUE && c == code
        });
        if !is_held {
            n += 1;
        }
    }
    n
}

fn scale(planned: u32, part: u32, whole: u32) -> u32 {
    if whole == 0 {
        return planned;
    }
    ((f64::from(planned) * f64::from(part) / f64::from(whole)).round()) as u32
}

/// An action before rendering.
#[derive(Clone, Debug)]
struct ActionEval {
    kind: ActionKind,
    seg: usize,
    reason: ActionReason,
    metric: Option<MetricId>,
    items: Vec<String>,
    msg: ActionMsg,
}

#[derive(Clone, Debug)]
enum ActionMsg {
    Barrier(Element, f64, f64, u32),
    Metric,
    Topic(String),
    Helpdesk(f64, f64),
    Response(f64, f64),
}

fn barrier_action(e: Element) -> ActionKind {
    match e {
        Element::Awareness => ActionKind::TargetedCommunication,
        Element::Desire => ActionKind::ManagerConversations,
        Element::Knowledge => ActionKind::TargetedTraining,
        Element::Ability => ActionKind::AssistedEnrollment,
        Element::Reinforcement => ActionKind::PostEnrollmentFollowup,
    }
}

/// The metric when it warns or fails (the whole wave) or fails (a segment): a segment that
/// merely warns is usually just a smaller sample of the wave's own problem.
fn weak(m: Option<&MetricEval>, wave: bool) -> Option<&MetricEval> {
    m.filter(|m| m.weighted() && (m.state == State::Fail || (wave && m.state == State::Warn)))
}

fn top_names(counts: &[u32], names: &[String], k: usize) -> Vec<String> {
    let mut order: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    order
        .into_iter()
        .take(k)
        .filter_map(|i| names.get(i).filter(|n| !n.is_empty()).cloned())
        .collect()
}

fn actions(program: &Program, a: &Assessment, gates: &[GateEval]) -> Vec<ActionEval> {
    let mut out: Vec<ActionEval> = Vec::new();
    // Segment barriers are tested against the rest of the wave before they become actions.
    let mut barrier_tests: Vec<(usize, f64, f64)> = Vec::new();
    let wave_rate = a.segs[0].eval.response_rate;
    for (si, seg) in a.segs.iter().enumerate() {
        let e = &seg.eval;
        let is_wave = si == 0;
        let rolled = match seg.child {
            None => &a.tallies.wave[0],
            Some((d, code)) => &a.tallies.dims[d].values[code as usize][0],
        };
        let enrollment_gate = gates
            .iter()
            .any(|g| g.seg == si && g.kind == GateKind::Enrollment);
        let enrollment = weak(e.metric(MetricId::EnrollmentFirstAttempt), is_wave)
            .or_else(|| weak(e.metric(MetricId::EnrollmentCompletion), is_wave))
            .or_else(|| {
                gates
                    .iter()
                    .find(|g| g.seg == si && g.kind == GateKind::Enrollment)
                    .and_then(|g| g.metric)
                    .and_then(|id| e.metric(id))
                    .filter(|_| enrollment_gate)
            });
        if let Some(m) = enrollment {
            out.push(ActionEval {
                kind: ActionKind::AssistedEnrollment,
                seg: si,
                reason: ActionReason::EnrollmentFailures,
                metric: Some(m.id),
                items: top_names(&rolled.reasons, &a.tallies.reason_names, 3),
                msg: ActionMsg::Metric,
            });
        }
        if let Some(m) = weak(e.metric(MetricId::WeakestTopic), is_wave) {
            out.push(ActionEval {
                kind: ActionKind::TargetedTraining,
                seg: si,
                reason: ActionReason::WeakTopic,
                metric: Some(m.id),
                items: m.detail.modules.clone(),
                msg: ActionMsg::Topic(m.detail.topic.clone().unwrap_or_default()),
            });
        }
        if let Some(m) = weak(e.metric(MetricId::TrainingCompletion), is_wave)
            .or_else(|| weak(e.metric(MetricId::QuizFirstAttempt), is_wave))
        {
            out.push(ActionEval {
                kind: ActionKind::TargetedTraining,
                seg: si,
                reason: ActionReason::KnowledgeGap,
                metric: Some(m.id),
                items: Vec::new(),
                msg: ActionMsg::Metric,
            });
        }
        if let Some(ad) = &e.adkar
            && let Some(b) = ad.barrier
            && let Some(el) = ad.elements.iter().find(|x| x.element == b)
        {
            if let Some((d, code)) = seg.child {
                let src = usize::from(ad.source == Source::NextWave);
                let mine = a.tallies.dims[d].values[code as usize][src].adkar[b as usize];
                let mut rest = a.tallies.wave[src].adkar[b as usize];
                for (r, m) in rest.iter_mut().zip(&mine) {
                    *r = r.saturating_sub(*m);
                }
                let top = measures::agreeing_share;
                let p = mann_whitney_u(&expand_likert(&mine), &expand_likert(&rest))
                    .map_or(1.0, |r| r.p);
                barrier_tests.push((out.len(), p, top(&rest) - top(&mine)));
            }
            out.push(ActionEval {
                kind: barrier_action(b),
                seg: si,
                reason: ActionReason::AdkarBarrier,
                metric: Some(b.metric()),
                items: Vec::new(),
                msg: ActionMsg::Barrier(b, el.share, el.p_below, el.n),
            });
        }
        let reach_weak = e
            .dim(Dimension::Reach)
            .is_some_and(|d| d.state == State::Fail || (is_wave && d.state == State::Warn));
        if reach_weak
            && let Some(m) = [MetricId::ResponseRate, MetricId::TrainingStarted]
                .iter()
                .filter_map(|id| weak(e.metric(*id), true))
                .min_by(|x, y| {
                    let p = |m: &MetricEval| m.class.map_or(0.0, |c| c.p_pass);
                    p(x).total_cmp(&p(y))
                })
        {
            out.push(ActionEval {
                kind: ActionKind::TargetedCommunication,
                seg: si,
                reason: ActionReason::LowReach,
                metric: Some(m.id),
                items: Vec::new(),
                msg: ActionMsg::Metric,
            });
        }
        // Compare like with like: both rates from the same group (rolled out or next wave).
        let same_source = e.metric(MetricId::ResponseRate).map(|m| m.source)
            == a.segs[0]
                .eval
                .metric(MetricId::ResponseRate)
                .map(|m| m.source);
        if !is_wave
            && same_source
            && let (Some(rate), Some(wave)) = (e.response_rate, wave_rate)
            && rate <= wave - 0.10
        {
            out.push(ActionEval {
                kind: ActionKind::Resurvey,
                seg: si,
                reason: ActionReason::LowResponse,
                metric: Some(MetricId::ResponseRate),
                items: Vec::new(),
                msg: ActionMsg::Response(rate, wave),
            });
        }
        if is_wave
            && let (Some(f), Some(cap)) = (&a.forecast, program.helpdesk_capacity_per_day)
            && f.q90_day > HELPDESK_PREPARATION_SHARE * cap
        {
            out.push(ActionEval {
                kind: ActionKind::HelpdeskPreparation,
                seg: 0,
                reason: ActionReason::HelpdeskLoad,
                metric: Some(MetricId::TicketRate),
                items: top_names(&rolled.categories, &a.tallies.category_names, 3),
                msg: ActionMsg::Helpdesk(f.q90_day, cap),
            });
        }
    }
    // A segment's own barrier is worth an action only when it stands out from the rest of
    // the wave (Mann–Whitney U, Benjamini–Hochberg over all segment barriers): with a dozen
    // segments, some cross the barrier line by chance alone.
    let q = benjamini_hochberg(&barrier_tests.iter().map(|t| t.1).collect::<Vec<_>>());
    let noise: Vec<usize> = barrier_tests
        .iter()
        .zip(&q)
        .filter(|((_, _, diff), q)| **q >= SPLIT_FDR || *diff < SPLIT_MIN_DIFFERENCE)
        .map(|((i, _, _), _)| *i)
        .collect();
    let out: Vec<ActionEval> = out
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !noise.contains(i))
        .map(|(_, x)| x)
        .collect();
    focus(gates, out)
}

/// Keeps the action list short and pointed. A problem the whole wave shows gets one action for
/// the wave; the same action for its segments is left out, except for segments held by a gate
/// (they need their own remedy to go ahead). A problem only some segments show is targeted at
/// them. Then one action of a kind per target (the more specific reason came first).
fn focus(gates: &[GateEval], mut out: Vec<ActionEval>) -> Vec<ActionEval> {
    let wave_keys: Vec<(ActionKind, ActionReason)> = out
        .iter()
        .filter(|x| x.seg == 0)
        .map(|x| (x.kind, x.reason))
        .collect();
    let gated = |seg: usize| gates.iter().any(|g| g.seg == seg);
    let mut seen: Vec<(ActionKind, usize)> = Vec::new();
    out.retain(|x| {
        if x.seg != 0 && wave_keys.contains(&(x.kind, x.reason)) && !gated(x.seg) {
            return false;
        }
        if seen.contains(&(x.kind, x.seg)) {
            return false;
        }
        seen.push((x.kind, x.seg));
        true
    });
    out
}

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
type ShareAt = (f64, u64);

/// The share that clears a failing proportion at its current size, and the share and size at
/// which it passes (the smallest size on a ladder where passing needs at most halfway from the
/// target to perfection).
fn proportion_counterfactual(
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
fn more_needed(m: &MetricEval, gamma: f64) -> Option<u64> {
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

/// Evaluates the readiness of the next wave at `at` (SCORING.md), with every sentence in `lang`.
pub fn evaluate(data: &DataSet, program: &Program, at: NaiveDate, lang: Lang) -> Report {
    let mut report = Report {
        program: program.name.clone(),
        evaluated_at: at,
        lang,
        next_wave: None,
        decision: None,
        segments: Vec::new(),
        gates: Vec::new(),
        adkar: None,
        actions: Vec::new(),
        counterfactuals: Vec::new(),
        helpdesk_forecast: None,
        suppressed: Vec::new(),
        data: summary(data, program, at),
        notes: notes(data, lang),
    };
    for name in &program.split_dimensions {
        if data.roster.attribute(name).is_none() {
            report
                .notes
                .push(Msg::UnknownDimension { name: name.clone() }.render(lang));
        }
    }
    let Some(next) = program.next_wave(at) else {
        report.notes.insert(0, Msg::NoNextWave.render(lang));
        return report;
    };
    report.next_wave = Some(program.waves[next].id.clone());
    report.data.next_wave = data
        .roster
        .waves
        .iter()
        .filter(|&&w| usize::from(w) == next)
        .count() as u32;
    let started = next > 0;
    let a = assess(data, program, at, next);
    let mut j = judge(program, data, &a, started);
    if j.inputs.all_pass {
        // EXPAND needs the same verdict a week earlier, from the same files cut at that date.
        if let Some(before) = at.checked_sub_days(Days::new(7)) {
            let b = assess(data, program, before, next);
            j.inputs.all_pass_before = judge(program, data, &b, started).inputs.all_pass;
        }
    }
    let (kind, rule) = decide(&j.inputs);
    render(&mut report, program, &a, &j, kind, rule, lang);
    report
}

fn len<T>(v: &Option<Vec<T>>) -> Option<u32> {
    v.as_ref().map(|x| x.len() as u32)
}

fn summary(data: &DataSet, program: &Program, at: NaiveDate) -> DataSummary {
    let started = program.waves.iter().filter(|w| w.start <= at).count();
    let i = &data.inputs;
    let u = data.unmatched;
    let mut unmatched = BTreeMap::new();
    for (k, v) in [
        ("devices", u.devices),
        ("devices_without_user", u.devices_without_user),
        ("enrollment_failures", u.failures),
        ("tickets", u.tickets),
        ("responses", u.responses),
        ("anonymous_responses_without_wave", u.anonymous_without_wave),
        ("training_records", u.training),
    ] {
        if v > 0 {
            unmatched.insert(k.to_string(), v as u32);
        }
    }
    DataSummary {
        people: data.roster.len() as u32,
        rolled_out: data
            .roster
            .waves
            .iter()
            .filter(|&&w| usize::from(w) < started)
            .count() as u32,
        next_wave: 0,
        devices: len(&i.devices),
        enrollment_failures: len(&i.failures),
        tickets: len(&i.tickets),
        responses: len(&i.responses),
        training_records: len(&i.training),
        unmatched,
    }
}

fn notes(data: &DataSet, lang: Lang) -> Vec<String> {
    use super::import::files;
    let i = &data.inputs;
    let mut out = Vec::new();
    for (present, file) in [
        (i.devices.is_some(), files::DEVICES),
        (i.tickets.is_some(), files::TICKETS),
        (i.responses.is_some(), files::RESPONSES),
        (i.training.is_some(), files::TRAINING),
    ] {
        if !present {
            out.push(Msg::MissingFile { file }.render(lang));
        }
    }
    if i.devices.is_some() && i.failures.is_none() {
        out.push(Msg::NoFailures.render(lang));
    }
    let u = data.unmatched;
    for (rows, file) in [
        (u.devices, files::DEVICES),
        (u.failures, files::FAILURES),
        (u.tickets, files::TICKETS),
        (u.responses, files::RESPONSES),
        (u.training, files::TRAINING),
    ] {
        if rows > 0 {
            out.push(
                Msg::Unmatched {
                    file,
                    rows: rows as u32,
                }
                .render(lang),
            );
        }
    }
    out
}

fn evidence_of(m: &MetricEval) -> Option<Evidence> {
    Some(Evidence {
        metric: m.id,
        estimate: m.estimate?,
        interval: m.interval,
        n: m.n,
    })
}

fn metric_report(m: &MetricEval) -> MetricReport {
    let d = decimals(m.id);
    MetricReport {
        id: m.id,
        dimension: m.id.dimension(),
        source: m.source,
        state: m.state,
        n: m.n,
        estimate: m.estimate.map(|x| round(x, d)),
        interval: m.interval.map(|x| round_pair(x, d)),
        wilson90: m.wilson.map(|x| round_pair(x, 3)),
        p_pass: m.class.map(|c| round(c.p_pass, 3)),
        p_fail: m.class.map(|c| round(c.p_fail, 3)),
        score: m
            .class
            .map(|c| scores((c.score_estimate, c.score_conservative))),
        thresholds: Thresholds {
            fail: m.spec.fail,
            pass: m.spec.pass,
            min_n: m.spec.min_n,
        },
        suppressed: m.suppressed,
        detail: MetricDetail {
            median: m.detail.median,
            top2: m.detail.top2.map(|x| round(x, 3)),
            bottom2: m.detail.bottom2.map(|x| round(x, 3)),
            rule_of_three: m.detail.rule_of_three.map(|x| round(x, 1)),
            ..m.detail.clone()
        },
    }
}

fn adkar_report(e: &super::engine::AdkarEval) -> Adkar {
    let mut individual = BTreeMap::new();
    for (outcome, share) in measures::Barrier::ALL.iter().zip(&e.individual) {
        // "incomplete" only when someone skipped an element: reports stay as they were for
        // surveys answered in full.
        if *outcome == measures::Barrier::Incomplete && *share == 0.0 {
            continue;
        }
        individual.insert(outcome.id().to_string(), round(*share, 3));
    }
    Adkar {
        respondents: e.respondents,
        group_barrier: e.barrier,
        individual_barriers: individual,
        elements: e
            .elements
            .iter()
            .map(|x| AdkarElement {
                element: x.element,
                n: x.n,
                share: round(x.share, 3),
                p_below_target: round(x.p_below, 3),
                behaviour_n: x.behaviour_n,
            })
            .collect(),
        source: e.source,
    }
}

#[allow(clippy::too_many_arguments)]
fn render(
    report: &mut Report,
    program: &Program,
    a: &Assessment,
    j: &Judgement,
    kind: DecisionKind,
    rule: Rule,
    lang: Lang,
) {
    let gamma = program.confidence;
    let wave = &a.segs[0];

    // Segments.
    for (si, s) in a.segs.iter().enumerate() {
        let e = &s.eval;
        let gated: Vec<GateKind> = {
            let mut g: Vec<GateKind> = j
                .gates
                .iter()
                .filter(|g| g.seg == si)
                .map(|g| g.kind)
                .collect();
            g.sort();
            g.dedup();
            g
        };
        let dims: BTreeMap<Dimension, DimensionReport> = e
            .dims
            .iter()
            .map(|(d, x)| {
                (
                    *d,
                    DimensionReport {
                        state: x.state,
                        score: x.score.map(scores),
                    },
                )
            })
            .collect();
        let states: Vec<State> = e.dims.iter().map(|(_, x)| x.state).collect();
        let state = if !gated.is_empty() || states.contains(&State::Fail) {
            State::Fail
        } else if states.is_empty() || states.iter().all(|s| *s == State::Insufficient) {
            State::Insufficient
        } else if states.iter().all(|s| *s == State::Pass) {
            State::Pass
        } else {
            State::Warn
        };
        report.segments.push(SegmentReport {
            segment: s.segment.clone(),
            n: s.people,
            state,
            readiness: e.readiness.map(scores),
            confidence: e.confidence,
            dimensions: dims,
            metrics: e.metrics.iter().map(metric_report).collect(),
            adkar: e.adkar.as_ref().map(adkar_report),
            gates: gated,
        });
    }
    report.adkar = wave.eval.adkar.as_ref().map(adkar_report);
    report.suppressed = a.suppressed.clone();

    // Helpdesk forecast.
    if let Some(f) = &a.forecast {
        let rolled = &a.tallies.wave[0];
        let total: u32 = rolled.categories.iter().sum();
        let top = top_names(&rolled.categories, &a.tallies.category_names, 5);
        report.helpdesk_forecast = Some(HelpdeskForecast {
            wave_size: f.size,
            capacity_per_day: program.helpdesk_capacity_per_day,
            rate_per_100: round(f.posterior.mean() * 100.0, 1),
            tickets_per_day_median: round(f.median_day, 1),
            tickets_per_day_q90: round(f.q90_day, 1),
            max_wave_size: f.max_size.filter(|&m| m != u32::MAX),
            person_weeks: f.person_weeks,
            top_categories: top
                .iter()
                .filter_map(|name| {
                    let k = a.tallies.category_names.iter().position(|c| c == name)?;
                    Some(CategoryShare {
                        category: name.clone(),
                        share: round(f64::from(rolled.categories[k]) / f64::from(total.max(1)), 3),
                    })
                })
                .collect(),
        });
    }

    // Gates.
    let mut counterfactuals: Vec<String> = Vec::new();
    let mut push_cf = |s: String| {
        if !counterfactuals.contains(&s) {
            counterfactuals.push(s);
        }
    };
    for g in &j.gates {
        let seg = &a.segs[g.seg];
        let m = g.metric.and_then(|id| seg.eval.metric(id));
        let mut explanation = match g.kind {
            GateKind::Enrollment | GateKind::DataProtection | GateKind::Desire => {
                let m = m.and_then(evidence_of);
                match m {
                    Some(ev) => Msg::GateMetric {
                        gate: g.kind,
                        evidence: ev,
                        probability: g.probability.unwrap_or(0.0),
                        fail: g.metric.map_or(0.0, |id| program.spec(id).fail),
                    }
                    .render(lang),
                    None => String::new(),
                }
            }
            GateKind::Productivity => Msg::GateProductivity { open: g.open }.render(lang),
            GateKind::HelpdeskCapacity => match &a.forecast {
                Some(f) => Msg::GateHelpdesk {
                    size: f.size,
                    q90: f.q90_day,
                    capacity: program.helpdesk_capacity_per_day.unwrap_or(0.0),
                    max_size: f.max_size.unwrap_or(0),
                }
                .render(lang),
                None => String::new(),
            },
            GateKind::Evidence => Msg::GateEvidence.render(lang),
        };
        let suffix = match (&g.test, g.confined, g.kind) {
            (_, true, GateKind::HelpdeskCapacity) => Some(
                Msg::HelpdeskFitsSplit {
                    size: scale(a.planned, j.proceeding_people, a.next_people),
                }
                .render(lang),
            ),
            (Some(t), true, _) => Some(
                Msg::Confined {
                    test: match t.method {
                        TestMethod::FisherExact => "Fisher exact",
                        TestMethod::MannWhitneyU => "Mann–Whitney U",
                    },
                    p: t.p,
                    q: t.q,
                    points: t.difference,
                }
                .render(lang),
            ),
            (_, false, GateKind::Enrollment | GateKind::DataProtection | GateKind::Desire) => {
                Some(Msg::NotConfined.render(lang))
            }
            _ => None,
        };
        if let Some(s) = suffix {
            explanation = format!("{explanation} {s}");
        }
        let (estimate, interval, n) = match g.kind {
            GateKind::HelpdeskCapacity => (
                a.forecast.as_ref().map(|f| round(f.q90_day, 1)),
                None,
                a.forecast.as_ref().map(|f| f.person_weeks),
            ),
            GateKind::Productivity => (Some(f64::from(g.open)), None, None),
            _ => (
                m.and_then(|m| m.estimate).map(|x| round(x, 3)),
                m.and_then(|m| m.interval).map(|x| round_pair(x, 3)),
                m.map(|m| m.n),
            ),
        };
        report.gates.push(Gate {
            id: g.kind,
            scope: seg.segment.clone(),
            effect: g.kind.effect(),
            metric: g.metric,
            estimate,
            interval,
            n,
            probability: g.probability.map(|p| round(p, 3)),
            confined: g.confined,
            test: g.test.as_ref().map(|t| SplitTest {
                method: t.method,
                against: t
                    .against
                    .iter()
                    .map(|&s| a.segs[s].segment.clone())
                    .collect(),
                difference: round(t.difference, 3),
                p: round(t.p, 4),
                q: round(t.q, 4),
            }),
            explanation,
        });
        // Counterfactuals for the gate.
        let scope = text::segment(&seg.segment, lang);
        match g.kind {
            GateKind::Enrollment | GateKind::DataProtection | GateKind::Desire => {
                if let Some(m) = m {
                    let (clears, passes) = proportion_counterfactual(&m.spec, gamma, m.n, true);
                    push_cf(
                        Msg::CfMetric {
                            scope,
                            metric: m.id,
                            clears,
                            passes,
                        }
                        .render(lang),
                    );
                }
            }
            GateKind::HelpdeskCapacity => {
                if let Some(f) = &a.forecast {
                    push_cf(
                        Msg::CfHelpdesk {
                            max_size: f.max_size.unwrap_or(0),
                            capacity_needed: round(f.q90_day, 1),
                            size: f.size,
                        }
                        .render(lang),
                    );
                }
            }
            GateKind::Productivity => push_cf(Msg::CfProductivity { open: g.open }.render(lang)),
            GateKind::Evidence => {}
        }
    }

    // More evidence, and what would make warning critical metrics pass.
    let mut more_evidence = Vec::new();
    for m in wave
        .eval
        .metrics
        .iter()
        .filter(|m| m.id.critical() && m.weighted())
    {
        let undecided =
            m.state == State::Insufficient || (m.state == State::Warn && m.straddles_pass());
        if undecided {
            let more = more_needed(m, gamma);
            more_evidence.push(EvidenceNeed {
                metric: m.id,
                n: m.n,
                more,
            });
            push_cf(Msg::CfMoreEvidence { metric: m.id, more }.render(lang));
        } else if m.state == State::Warn {
            let (_, passes) = proportion_counterfactual(&m.spec, gamma, m.n, false);
            push_cf(
                Msg::CfMetric {
                    scope: text::segment(&wave.segment, lang),
                    metric: m.id,
                    clears: None,
                    passes,
                }
                .render(lang),
            );
        }
    }

    // Actions.
    for x in &j.actions {
        let seg = &a.segs[x.seg];
        let m = x.metric.and_then(|id| seg.eval.metric(id));
        let evidence = match &x.msg {
            ActionMsg::Barrier(e, share, p, n) => Msg::ActionBarrier {
                element: *e,
                share: *share,
                p_below: *p,
                n: *n,
            }
            .render(lang),
            ActionMsg::Metric => match m.and_then(evidence_of) {
                Some(ev) => Msg::ActionMetric {
                    evidence: ev,
                    state: m.map_or(State::Warn, |m| m.state),
                }
                .render(lang),
                None => String::new(),
            },
            ActionMsg::Topic(t) => match m.and_then(evidence_of) {
                Some(ev) => Msg::ActionTopic {
                    topic: t.clone(),
                    evidence: ev,
                }
                .render(lang),
                None => String::new(),
            },
            ActionMsg::Helpdesk(q90, cap) => Msg::ActionHelpdesk {
                q90: *q90,
                capacity: *cap,
            }
            .render(lang),
            ActionMsg::Response(rate, w) => Msg::ActionResponse {
                rate: *rate,
                wave: *w,
            }
            .render(lang),
        };
        let d = x.metric.map_or(3, decimals);
        report.actions.push(Action {
            kind: x.kind,
            target: seg.segment.clone(),
            reason: x.reason,
            metric: x.metric,
            estimate: m.and_then(|m| m.estimate).map(|v| round(v, d)),
            interval: m.and_then(|m| m.interval).map(|v| round_pair(v, d)),
            n: m.map(|m| m.n),
            probability: m.and_then(|m| m.class).map(|c| round(c.p_pass, 3)),
            items: x.items.clone(),
            evidence,
        });
    }

    // The decision.
    let max_size = a.forecast.as_ref().and_then(|f| f.max_size);
    let cap = |n: u32| max_size.map_or(n, |m| n.min(m));
    let held_segments: Vec<Segment> = j.held.iter().map(|&s| a.segs[s].segment.clone()).collect();
    let mut proceed = Vec::new();
    if kind == DecisionKind::Split {
        let held_dims: Vec<usize> = j
            .held
            .iter()
            .filter_map(|&s| a.segs[s].child.map(|c| c.0))
            .collect();
        for (si, s) in a.segs.iter().enumerate() {
            if let Some((d, _)) = s.child
                && held_dims.contains(&d)
                && !j.held.contains(&si)
            {
                proceed.push(s.segment.clone());
            }
        }
    }
    let unconfined_hold: Vec<GateKind> = {
        let mut g: Vec<GateKind> = j
            .gates
            .iter()
            .filter(|g| !g.confined && g.kind.effect() == DecisionKind::Hold)
            .map(|g| g.kind)
            .collect();
        g.sort();
        g.dedup();
        g
    };
    let helpdesk_only = unconfined_hold == [GateKind::HelpdeskCapacity];
    let later_people: u32 = {
        let next = a.wave_index;
        a.planned
            + report
                .data
                .people
                .saturating_sub(report.data.rolled_out)
                .saturating_sub(a.next_people)
                * u32::from(program.waves.len() > next + 1)
    };
    let (recommended, expand_factor) = match kind {
        DecisionKind::Split => (
            cap(scale(a.planned, j.proceeding_people, a.next_people)),
            None,
        ),
        DecisionKind::Hold if rule == Rule::HoldGate && helpdesk_only => {
            (max_size.unwrap_or(0), None)
        }
        DecisionKind::Delay | DecisionKind::Hold | DecisionKind::ExtendPilot => (0, None),
        DecisionKind::Proceed | DecisionKind::ProceedWithActions => (cap(a.planned), None),
        DecisionKind::Expand => {
            let strong = wave
                .eval
                .metrics
                .iter()
                .filter(|m| m.id.critical() && m.weighted())
                .all(|m| m.class.is_some_and(|c| c.p_pass >= 0.95));
            let factor = if strong { 3 } else { 2 };
            (
                cap((a.planned.saturating_mul(factor)).min(later_people)),
                Some(factor),
            )
        }
    };
    let msg = match rule {
        Rule::DesireGate => {
            let ev = wave
                .eval
                .metric(MetricId::AdkarDesire)
                .and_then(evidence_of)
                .map(|e| text::evidence(&e, lang))
                .unwrap_or_default();
            Msg::DelayDesire { evidence: ev }
        }
        Rule::FailingDimensions => Msg::DelayDimensions {
            dimensions: j.inputs.failing_dimensions.clone(),
        },
        Rule::HoldGate => Msg::HoldGates {
            gates: unconfined_hold.clone(),
            max_size: unconfined_hold
                .contains(&GateKind::HelpdeskCapacity)
                .then_some(max_size)
                .flatten(),
        },
        Rule::FailingDimension => Msg::HoldDimension {
            dimensions: j.inputs.failing_dimensions.clone(),
        },
        Rule::LowReadiness => Msg::HoldReadiness {
            readiness: j.inputs.readiness.unwrap_or(0.0).round() as u32,
        },
        Rule::Split => Msg::Split {
            held: held_segments
                .iter()
                .map(|s| text::segment(s, lang))
                .collect(),
            size: recommended,
        },
        Rule::EvidenceGate => Msg::ExtendEvidence,
        Rule::CriticalUndecided => Msg::ExtendUndecided {
            metrics: j.inputs.undecided.clone(),
        },
        Rule::WarningsOrBarrier => Msg::ProceedWithActions {
            actions: j.actions.len(),
        },
        Rule::AllPassTwice => Msg::Expand {
            factor: expand_factor.unwrap_or(2),
            size: recommended,
        },
        Rule::NothingFired | Rule::NoNextWave => Msg::Proceed,
    };
    report.decision = Some(Decision {
        kind,
        rule,
        explanation: msg.render(lang),
        confidence: wave.eval.confidence,
        readiness: wave.eval.readiness.map(scores),
        planned_size: a.planned,
        recommended_size: recommended,
        proceed,
        hold: if kind == DecisionKind::Split {
            held_segments
        } else {
            Vec::new()
        },
        more_evidence: if kind == DecisionKind::ExtendPilot {
            more_evidence
        } else {
            Vec::new()
        },
    });
    report.counterfactuals = counterfactuals;
}
