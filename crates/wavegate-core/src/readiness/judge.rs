//! From an assessment to what the decision rules need: gates confined by the split tests, the
//! segments held and the people who go ahead, the failing dimensions, the undecided critical
//! metrics and the actions.

use super::actions::{ActionEval, actions};
use super::assess::Assessment;
use super::data::{DataSet, NO_VALUE};
use super::gates::{GateEval, confine, gates_of};
use super::metric::{Dimension, MetricId, State};
use super::program::Program;
use super::report::{Confidence, GateKind, Source};
use super::rules::DecisionInputs;

/// Gates of one assessment, tested and confined.
pub(super) struct Judgement {
    pub(super) gates: Vec<GateEval>,
    pub(super) held: Vec<usize>,
    pub(super) proceeding_people: u32,
    pub(super) actions: Vec<ActionEval>,
    pub(super) inputs: DecisionInputs,
}

/// SCORING.md steps 5–6 before the report: the gates, confined where the tests say so, the
/// segments held, the actions and what the decision rules look at.
pub(super) fn judge(program: &Program, data: &DataSet, a: &Assessment, started: bool) -> Judgement {
    let mut gates = gates_of(program, a, started);
    confine(program, a, &mut gates);
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
        .map(|(d, code)| (a.tallies.attributes[d].attribute, code))
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

pub(super) fn scale(planned: u32, part: u32, whole: u32) -> u32 {
    if whole == 0 {
        return planned;
    }
    ((f64::from(planned) * f64::from(part) / f64::from(whole)).round()) as u32
}
