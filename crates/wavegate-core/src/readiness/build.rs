//! Builds the report (DATA.md's JSON) from the judged assessment: segments, gates with their
//! evidence and split tests, the helpdesk forecast, counterfactuals, actions and the decision,
//! every sentence in the report's language.

use super::actions::{ActionMsg, top_names};
use super::assess::Assessment;
use super::counterfactual::{more_needed, proportion_counterfactual};
use super::engine::{MetricEval, decimals};
use super::judge::{Judgement, scale};
use super::metric::{Dimension, MetricId, State};
use super::program::Program;
use super::report::*;
use super::text::{self, Evidence, Msg};
use crate::i18n::Lang;
use crate::measures;
use std::collections::BTreeMap;

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
pub(super) fn build_report(
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
            ActionMsg::ResponseRate(rate, w) => Msg::ActionResponse {
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
