//! SCORING.md step 5: the gates, and the split tests that tell whether a failure is confined to
//! some segments (Fisher exact or Mann–Whitney U against the siblings, Benjamini–Hochberg).

use super::assess::Assessment;
use super::engine::metric_count;
use super::metric::{Element, MetricId, Posterior, State, classify};
use super::program::Program;
use super::report::{GateKind, Source, TestMethod};
use crate::measures;
use crate::stats::{BetaPosterior, benjamini_hochberg, fisher_exact, mann_whitney_u};

/// A split is significant when its Benjamini–Hochberg q-value is below this.
pub const SPLIT_FDR: f64 = 0.10;
/// ...and the rest of the wave is at least this much better (share points).
pub const SPLIT_MIN_DIFFERENCE: f64 = 0.10;

/// The test behind one confinement claim.
#[derive(Clone, Debug)]
pub(super) struct TestEval {
    pub(super) method: TestMethod,
    pub(super) against: Vec<usize>,
    pub(super) difference: f64,
    pub(super) p: f64,
    pub(super) q: f64,
}

/// A gate that fired, before rendering.
#[derive(Clone, Debug)]
pub(super) struct GateEval {
    pub(super) kind: GateKind,
    pub(super) seg: usize,
    pub(super) metric: Option<MetricId>,
    pub(super) probability: Option<f64>,
    pub(super) open: u32,
    pub(super) test: Option<TestEval>,
    pub(super) confined: bool,
}

pub(super) fn gates_of(program: &Program, a: &Assessment, started: bool) -> Vec<GateEval> {
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

pub(super) fn expand_likert(c: &[u32; 5]) -> Vec<f64> {
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
/// and marks the gates whose failure is confined to some segments.
pub(super) fn confine(program: &Program, a: &Assessment, gates: &mut [GateEval]) {
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
        for d in 0..a.tallies.attributes.len() {
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
                        metric_count(id, &a.tallies.attributes[dd].values[code as usize][src])
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
}
