//! Actions (SCORING.md step 6, "actions are added independently"): what to do about each weak
//! metric or barrier, and for which group.

use super::assess::Assessment;
use super::engine::MetricEval;
use super::gates::{GateEval, SPLIT_FDR, SPLIT_MIN_DIFFERENCE, expand_likert};
use super::metric::{Dimension, Element, MetricId, State};
use super::program::Program;
use super::report::{ActionKind, ActionReason, GateKind, Source};
use crate::measures;
use crate::stats::{benjamini_hochberg, mann_whitney_u};

/// Helpdesk preparation is advised when the forecast reaches this share of capacity.
pub const HELPDESK_PREPARATION_SHARE: f64 = 0.80;

/// An action before rendering.
#[derive(Clone, Debug)]
pub(super) struct ActionEval {
    pub(super) kind: ActionKind,
    pub(super) seg: usize,
    pub(super) reason: ActionReason,
    pub(super) metric: Option<MetricId>,
    pub(super) items: Vec<String>,
    pub(super) msg: ActionMsg,
}

#[derive(Clone, Debug)]
pub(super) enum ActionMsg {
    Barrier(Element, f64, f64, u32),
    Metric,
    Topic(String),
    Helpdesk(f64, f64),
    ResponseRate(f64, f64),
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

pub(super) fn top_names(counts: &[u32], names: &[String], k: usize) -> Vec<String> {
    let mut order: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    order
        .into_iter()
        .take(k)
        .filter_map(|i| names.get(i).filter(|n| !n.is_empty()).cloned())
        .collect()
}

pub(super) fn actions(program: &Program, a: &Assessment, gates: &[GateEval]) -> Vec<ActionEval> {
    let mut out: Vec<ActionEval> = Vec::new();
    // Segment barriers are tested against the rest of the wave before they become actions.
    let mut barrier_tests: Vec<(usize, f64, f64)> = Vec::new();
    let wave_rate = a.segs[0].eval.response_rate;
    for (si, seg) in a.segs.iter().enumerate() {
        let e = &seg.eval;
        let is_wave = si == 0;
        let rolled = match seg.child {
            None => &a.tallies.wave[0],
            Some((d, code)) => &a.tallies.attributes[d].values[code as usize][0],
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
                let mine = a.tallies.attributes[d].values[code as usize][src].adkar[b as usize];
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
                msg: ActionMsg::ResponseRate(rate, wave),
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
