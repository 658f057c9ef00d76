//! Builds the report (the JSON of docs/data-formats.md) from the judged assessment: segments,
//! gates and dimension failures with their evidence and split tests, the helpdesk forecast,
//! counterfactuals, actions and the decision, every sentence in the report's language.

mod figures;
mod findings;

use super::actions::{ActionMsg, top_names};
use super::assess::Assessment;
use super::counterfactual::{more_needed, proportion_counterfactual};
use super::engine::decimals;
use super::helpdesk::Forecast;
use super::judge::{Judgement, scale};
use super::metric::{Dimension, MetricId, State};
use super::program::{Program, wave_label_in};
use super::report::*;
use super::text::{self, Msg};
use crate::i18n::Lang;
use chrono::{Days, NaiveDate};
use figures::{adkar_report, evidence_of, metric_report, readiness, round, round_pair, scores};
use std::collections::BTreeMap;

/// How EXPAND stands, for the decision and its counterfactual.
#[derive(Clone, Copy, Debug)]
pub(super) struct ExpandHistory {
    /// The earliest date an evaluation passing again could back EXPAND, when everything
    /// passes now but the history does not yet.
    pub needs_pass_on_or_after: Option<NaiveDate>,
}

impl ExpandHistory {
    /// `passing_since`: the first day of the run of passing evaluations this one would extend
    /// ([`passing_since`](super::history::passing_since)).
    pub(super) fn new(passing_since: NaiveDate, all_pass: bool, backed: bool) -> ExpandHistory {
        ExpandHistory {
            needs_pass_on_or_after: (all_pass && !backed)
                .then(|| passing_since.checked_add_days(Days::new(super::history::EXPAND_GAP_DAYS)))
                .flatten(),
        }
    }
}

fn segments(report: &mut Report, a: &Assessment, j: &Judgement, lang: Lang) {
    for (si, s) in a.segs.iter().enumerate() {
        let e = &s.eval;
        let mut gated: Vec<GateKind> = j
            .findings
            .iter()
            .filter(|f| f.seg == si)
            .filter_map(|f| f.gate())
            .collect();
        gated.sort();
        gated.dedup();
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
            readiness: readiness(e, lang),
            confidence: e.confidence,
            dimensions: dims,
            metrics: e.metrics.iter().map(metric_report).collect(),
            adkar: e.adkar.as_ref().map(adkar_report),
            gates: gated,
        });
    }
}

/// The segments that go ahead beside the `held` ones: each held segment's siblings, and its
/// enclosing segments' siblings up to the wave, except those within or around a held one.
/// With iOS × Noord held: iOS × Oost, iOS × Zuid and Windows, not only the held segment's own
/// siblings, which left Windows' people out of the list of who goes. Along different
/// attributes they may share people with a held segment (iOS and Finance held, HR goes): the
/// report says that such people wait ([`Decision::proceed_overlaps_hold`]).
///
/// When some of those siblings are too small to show (iOS × Oost and iOS × West hidden beside a
/// held iOS × Noord), their people would be in no list: the enclosing segment is named instead
/// (platform iOS), and the report's note that people in a held group wait covers the rest.
fn going_ahead(a: &Assessment, held: &[usize]) -> Vec<usize> {
    let apart = |s: usize| !held.iter().any(|&x| a.within(s, x) || a.within(x, s));
    let mut out: Vec<usize> = Vec::new();
    let push = |s: usize, out: &mut Vec<usize>| {
        if a.segs[s].people > 0 && !out.contains(&s) {
            out.push(s);
        }
    };
    for &h in held {
        let mut at = Some(h);
        while let Some(seg) = at.filter(|&s| s != 0) {
            let siblings = a.siblings(seg);
            let parent = a.segs[seg].parent.filter(|&p| p != 0);
            let shown: u32 =
                siblings.iter().map(|&s| a.segs[s].people).sum::<u32>() + a.segs[seg].people;
            match parent {
                Some(p) if shown < a.segs[p].people => push(p, &mut out),
                _ => {
                    for s in siblings.into_iter().filter(|&s| apart(s)) {
                        push(s, &mut out);
                    }
                }
            }
            at = a.segs[seg].parent;
        }
    }
    out.sort_unstable();
    out
}

/// The segments whose gates hold the whole wave because they cannot be confined there, when no
/// hold gate of the wave's own fired: the decision names them, not "the whole wave".
fn segments_reaching_wave(a: &Assessment, j: &Judgement, lang: Lang) -> Vec<String> {
    let holds = |g: Option<GateKind>| g.is_some_and(|g| g.effect() == DecisionKind::Hold);
    if (j.findings.iter()).any(|f| f.seg == 0 && !f.confined && holds(f.gate())) {
        return Vec::new();
    }
    let mut names: Vec<String> = Vec::new();
    for (f, _) in
        (j.findings.iter().zip(&j.wave_wide)).filter(|(f, wide)| **wide && holds(f.gate()))
    {
        let name = text::segment(&a.segs[f.seg].segment, lang);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn helpdesk(program: &Program, a: &Assessment, f: &Forecast) -> HelpdeskForecast {
    let rolled = &a.tallies.wave()[0];
    let total: u32 = rolled.categories.iter().sum();
    let top = top_names(&rolled.categories, &a.tallies.category_names, 5);
    let by = f.by.map(|p| a.split[p]);
    // Only parts whose segment may be shown are named; the others are summed without a name.
    // A part's rate is its rolled-out people's tickets, so a segment reported for its next
    // wave but whose rolled-out group is hidden (3 pilot users) is not named either.
    let shown = |code: u32| {
        by.and_then(|attribute| {
            a.segs
                .iter()
                .find(|s| s.key.len() == 1 && s.key[0] == (attribute, code))
                .filter(|s| !s.rolled_hidden)
        })
    };
    let mut segments: Vec<ForecastSegment> = Vec::new();
    let mut unnamed = (0.0, 0.0, 0.0);
    for p in &f.parts {
        let per_day = f64::from(f.size) * p.share * p.rate.mean() / 14.0;
        match p.code.and_then(shown) {
            Some(s) => segments.push(ForecastSegment {
                segment: s.segment.clone(),
                share: round(p.share, 3),
                rate_per_100: round(p.rate.mean() * 100.0, 1),
                tickets_per_day: round(per_day, 1),
            }),
            None => {
                unnamed.0 += p.share;
                unnamed.1 += p.share * p.rate.mean();
                unnamed.2 += per_day;
            }
        }
    }
    if unnamed.0 > 0.0 && by.is_some() {
        segments.push(ForecastSegment {
            segment: Segment::new(),
            share: round(unnamed.0, 3),
            rate_per_100: round(unnamed.1 / unnamed.0 * 100.0, 1),
            tickets_per_day: round(unnamed.2, 1),
        });
    }
    HelpdeskForecast {
        wave_size: f.size,
        capacity_per_day: program.helpdesk_capacity_per_day,
        rate_per_100: round(f.rate.mean() * 100.0, 1),
        by: by.map(|attribute| a.attribute_names[attribute].clone()),
        segments,
        tickets_per_day_median: round(f.median_day, 1),
        tickets_per_day_q90: round(f.q90_day, 1),
        max_wave_size: f.max_size.filter(|&m| m != u32::MAX),
        going_max_wave_size: None,
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
    }
}

fn actions(report: &mut Report, a: &Assessment, j: &Judgement, lang: Lang) {
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
            failing_within: x
                .failing_within
                .iter()
                .map(|&s| a.segs[s].segment.clone())
                .collect(),
            evidence,
        });
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
    expand: ExpandHistory,
    lang: Lang,
) {
    let gamma = program.confidence;
    let wave = &a.segs[0];
    segments(report, a, j, lang);
    report.adkar = wave.eval.adkar.as_ref().map(adkar_report);
    report.suppressed = a.suppressed.clone();
    report.helpdesk_forecast = a.forecast.as_ref().map(|f| helpdesk(program, a, f));

    let mut counterfactuals: Vec<String> = Vec::new();
    let mut push_cf = |s: String| {
        if !counterfactuals.contains(&s) {
            counterfactuals.push(s);
        }
    };
    for s in findings::build(report, program, a, j, kind, lang) {
        push_cf(s);
    }

    // More evidence, and what would make warning critical metrics pass, for the people who
    // would go.
    let going = &j.going;
    let shown = if kind == DecisionKind::Split {
        going
    } else {
        &a.segs[0].eval
    };
    let mut more_evidence = Vec::new();
    for m in going
        .metrics
        .iter()
        .filter(|m| m.id.critical() && m.weighted())
    {
        let undecided =
            m.state == State::Insufficient || (m.state == State::Warn && m.straddles_pass());
        if undecided {
            // More than the rest of the organisation could give is no way to decide it.
            let others = u64::from(report.data.people).saturating_sub(m.n);
            let more = more_needed(m, gamma).filter(|&more| more <= others);
            more_evidence.push(EvidenceNeed {
                metric: m.id,
                n: m.n,
                more,
            });
            push_cf(
                Msg::CfMoreEvidence {
                    metric: m.id,
                    n: m.n,
                    more,
                }
                .render(lang),
            );
        } else if m.state == State::Warn {
            let (_, passes) = proportion_counterfactual(&m.spec, gamma, m.n, false);
            push_cf(
                Msg::CfMetric {
                    scope: text::segment_named(
                        &wave.segment,
                        |w| wave_label_in(&program.waves, w),
                        lang,
                    ),
                    metric: m.id,
                    gate: false,
                    clears: None,
                    passes,
                }
                .render(lang),
            );
        }
    }
    if let Some(date) = expand.needs_pass_on_or_after {
        push_cf(Msg::CfExpand { date }.render(lang));
    }
    actions(report, a, j, lang);

    // The decision.
    let forecast = j.going_forecast.as_ref();
    let max_size = forecast.and_then(|f| f.max_size);
    // The helpdesk section speaks of the whole wave's mix; a split sends another one, whose
    // largest fitting wave is the one the decision holds to.
    if kind == DecisionKind::Split
        && let Some(section) = report.helpdesk_forecast.as_mut()
    {
        section.going_max_wave_size = max_size
            .filter(|&m| m != u32::MAX)
            .filter(|&m| Some(m) != section.max_wave_size);
    }
    let cap = |n: u32| max_size.map_or(n, |m| n.min(m));
    let held_segments: Vec<Segment> = j.held.iter().map(|&s| a.segs[s].segment.clone()).collect();
    let proceed: Vec<Segment> = if kind == DecisionKind::Split {
        going_ahead(a, &j.held)
            .into_iter()
            .map(|s| a.segs[s].segment.clone())
            .collect()
    } else {
        Vec::new()
    };
    let unconfined_hold: Vec<GateKind> = {
        let mut g: Vec<GateKind> = j
            .inputs
            .gates
            .iter()
            .filter(|(g, confined)| !confined && g.effect() == DecisionKind::Hold)
            .map(|(g, _)| *g)
            .collect();
        g.sort();
        g.dedup();
        g
    };
    // The largest wave that fits the helpdesk is what may go only when nothing else holds it:
    // beside a failing dimension (other than Support, the ticket load the smaller wave answers)
    // or held segments, fewer tickets do not make the wave ready.
    let helpdesk_only = unconfined_hold == [GateKind::HelpdeskCapacity]
        && (j.inputs.failing_dimensions.iter()).all(|d| *d == Dimension::Support)
        && !j.inputs.segments_held
        && j.inputs.readiness.is_none_or(|r| r >= 60.0);
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
        DecisionKind::Split => (cap(scale(a.planned, j.going_people, a.next_people)), None),
        DecisionKind::Hold if rule == Rule::HoldGate && helpdesk_only => {
            (max_size.unwrap_or(0), None)
        }
        DecisionKind::Delay | DecisionKind::Hold | DecisionKind::ExtendPilot => (0, None),
        DecisionKind::Proceed | DecisionKind::ProceedWithActions => (cap(a.planned), None),
        DecisionKind::Expand => {
            let strong = going
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
            // The gate that delays: the wave's own, else a segment's that reaches the wave,
            // with that segment's figure (the wave's may well pass).
            let own = (j.findings.iter())
                .any(|f| f.seg == 0 && !f.confined && f.gate() == Some(GateKind::Desire));
            let reaching = (j.findings.iter().zip(&j.wave_wide))
                .find(|(f, wide)| **wide && f.gate() == Some(GateKind::Desire))
                .map(|(f, _)| f.seg)
                .filter(|_| !own);
            let eval = reaching.map_or(going, |s| &a.segs[s].eval);
            let ev = eval
                .metric(MetricId::AdkarDesire)
                .and_then(evidence_of)
                .map(|e| text::evidence(&e, lang))
                .unwrap_or_default();
            Msg::DelayDesire {
                evidence: ev,
                segment: reaching.map(|s| text::segment(&a.segs[s].segment, lang)),
            }
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
            segments: segments_reaching_wave(a, j, lang),
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
        Rule::CriticalUndecided => {
            let (without_evidence, metrics) = j
                .inputs
                .undecided
                .iter()
                .partition(|id| j.going.metric(**id).is_none_or(|m| m.n == 0));
            Msg::ExtendUndecided {
                metrics,
                without_evidence,
            }
        }
        Rule::WarningsOrBarrier => Msg::ProceedWithActions {
            actions: j.actions.len(),
        },
        Rule::AllPassTwice => Msg::Expand {
            factor: expand_factor.unwrap_or(2),
            size: recommended,
            planned: a.planned,
        },
        Rule::NothingFired => Msg::Proceed {
            actions: j.actions.len(),
        },
        Rule::NoNextWave => Msg::Proceed { actions: 0 },
    };
    report.decision = Some(Decision {
        kind,
        rule,
        explanation: msg.render(lang),
        // The readiness of the wave's people (docs/scoring.md): of those who go ahead after a split,
        // else of the whole wave. Under a hold of the whole wave nobody goes ahead, and a
        // figure for "the rest" read as if some did.
        confidence: shown.confidence,
        readiness: readiness(shown, lang),
        everything_passes: j.inputs.all_pass,
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
