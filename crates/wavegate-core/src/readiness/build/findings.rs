//! The report's gates and dimension failures: each with its evidence, its split test, whether
//! it is confined, and what would clear it.

use super::figures::{evidence_of, round, round_pair};
use crate::i18n::Lang;
use crate::readiness::assess::Assessment;
use crate::readiness::counterfactual::{proportion_counterfactual, rate_counterfactual};
use crate::readiness::gates::{Cause, Finding, TestEval, weakest};
use crate::readiness::judge::Judgement;
use crate::readiness::metric::{Kind, State};
use crate::readiness::program::{Program, wave_label_in};
use crate::readiness::report::*;
use crate::readiness::text::{self, Msg};

fn split_test(a: &Assessment, t: &TestEval) -> SplitTest {
    SplitTest {
        method: t.method,
        against: t
            .against
            .iter()
            .map(|&s| a.segs[s].segment.clone())
            .collect(),
        difference: round(t.difference, 3),
        p: round(t.p, 4),
        q: round(t.q, 4),
    }
}

fn test_name(m: TestMethod, lang: Lang) -> &'static str {
    match (m, lang) {
        (TestMethod::FisherExact, _) => "Fisher exact",
        (TestMethod::MannWhitneyU, _) => "Mann–Whitney U",
        (TestMethod::RateComparison, Lang::Nl) => "exacte toets van twee Poisson-intensiteiten",
        (TestMethod::RateComparison, Lang::En) => "exact test of two Poisson rates",
        (TestMethod::WelchT, _) => "Welch t",
    }
}

/// The held segments a finding's segment lies inside (other than itself), when the decision
/// holds segments on their own (`held`, a SPLIT).
fn holding<'a>(
    a: &'a Assessment,
    j: &'a Judgement,
    f: &'a Finding,
    held: bool,
) -> impl Iterator<Item = usize> + 'a {
    j.held
        .iter()
        .copied()
        .filter(move |&h| held && h != f.seg && a.within(f.seg, h))
}

/// Whether clearing finding `i` alone could change the decision, so that its counterfactual
/// belongs under "what would change the outcome": the wave's own findings (not one the held
/// segments carry), a segment's that
/// holds it back on its own, and a segment's gate that reaches the whole wave. Not one inside a
/// segment held as a whole, nor one that held segments explain, nor a failing dimension that is
/// not distinct from the rest of the wave (it counts in the wave as a whole, and only the
/// wave's own figures decide).
fn decides(a: &Assessment, j: &Judgement, i: usize, held: bool) -> bool {
    let f = &j.findings[i];
    // A wave gate the held segments carry (resolved by the split) changes nothing by clearing.
    let own = (f.seg == 0 && !f.confined)
        || j.wave_wide[i]
        || (f.seg != 0 && f.confined && f.holds() && j.explained_by[i].is_empty());
    own && holding(a, j, f, held).next().is_none()
}

/// What the finding's explanation adds about its scope: confined with its test, explained by a
/// failing segment, or not confined. `held` says whether the decision holds the failing
/// segments on their own (SPLIT) rather than the whole wave.
fn suffix(a: &Assessment, j: &Judgement, i: usize, held: bool, lang: Lang) -> Option<String> {
    let f = &j.findings[i];
    if !j.explained_by[i].is_empty() {
        return Some(
            Msg::ExplainedBy {
                segments: j.explained_by[i]
                    .iter()
                    .map(|&s| text::segment(&a.segs[s].segment, lang))
                    .collect(),
                held,
            }
            .render(lang),
        );
    }
    if !j.partly_held[i].is_empty() {
        return Some(
            Msg::PartlyHeld {
                segments: (j.partly_held[i].iter())
                    .map(|&s| text::segment(&a.segs[s].segment, lang))
                    .collect(),
            }
            .render(lang),
        );
    }
    // A failure inside a segment held as a whole goes with it; "it counts in the wave as a
    // whole" would read as if these people went ahead.
    let holding: Vec<String> = holding(a, j, f, held)
        .map(|h| text::segment(&a.segs[h].segment, lang))
        .collect();
    if !f.confined && !holding.is_empty() {
        return Some(Msg::WithinHeld { segments: holding }.render(lang));
    }
    match (&f.test, f.confined, f.cause) {
        (_, true, Cause::Gate(GateKind::HelpdeskCapacity)) => Some(
            Msg::HelpdeskFitsSplit {
                size: j.going_forecast.as_ref().map_or(j.going_people, |g| g.size),
                held,
            }
            .render(lang),
        ),
        (Some(t), true, _) => Some(
            Msg::Confined {
                test: test_name(t.method, lang),
                p: t.p,
                q: t.q,
                points: t.difference,
            }
            .render(lang),
        ),
        (_, true, _) => Some(Msg::ConfinedToHeld { held }.render(lang)),
        // Never compared: "does not stand out" would claim a test that did not happen.
        (None, false, _) if f.seg != 0 => Some(Msg::NotTested.render(lang)),
        (_, false, Cause::Dimension(_)) => Some(Msg::NotDistinct.render(lang)),
        (
            _,
            false,
            Cause::Gate(GateKind::Enrollment | GateKind::DataProtection | GateKind::Desire),
        ) if f.seg != 0 && j.wave_wide[i] => Some(Msg::NotDistinctGate.render(lang)),
        (
            _,
            false,
            Cause::Gate(GateKind::Enrollment | GateKind::DataProtection | GateKind::Desire),
        ) if f.seg != 0 => Some(Msg::NotDistinct.render(lang)),
        (
            _,
            false,
            Cause::Gate(GateKind::Enrollment | GateKind::DataProtection | GateKind::Desire),
        ) => Some(Msg::NotConfined.render(lang)),
        _ => None,
    }
}

/// Fills `report.gates` and `report.dimension_failures`; returns their counterfactuals. The
/// decision `kind` tells whether failing segments are held on their own or with the wave.
pub(super) fn build(
    report: &mut Report,
    program: &Program,
    a: &Assessment,
    j: &Judgement,
    kind: DecisionKind,
    lang: Lang,
) -> Vec<String> {
    let gamma = program.confidence;
    let held = kind == DecisionKind::Split;
    let mut counterfactuals = Vec::new();
    for (i, f) in j.findings.iter().enumerate() {
        let seg = &a.segs[f.seg];
        let m = f.metric.and_then(|id| seg.eval.metric(id));
        let forecast = if f.seg == 0 {
            a.forecast.as_ref()
        } else {
            None
        };
        let mut explanation = match f.cause {
            Cause::Gate(GateKind::Productivity) => {
                Msg::GateProductivity { open: f.open }.render(lang)
            }
            Cause::Gate(GateKind::HelpdeskCapacity) => forecast.map_or(String::new(), |fc| {
                Msg::GateHelpdesk {
                    size: fc.size,
                    median: fc.median_day,
                    q10: fc.q10_day,
                    q90: fc.q90_day,
                    capacity: program.helpdesk_capacity_per_day.unwrap_or(0.0),
                    max_size: fc.max_size.unwrap_or(0),
                }
                .render(lang)
            }),
            Cause::Gate(GateKind::Evidence) => Msg::GateEvidence.render(lang),
            Cause::Gate(gate) => m.and_then(evidence_of).map_or(String::new(), |ev| {
                Msg::GateMetric {
                    gate,
                    evidence: ev,
                    // The figure the report gives (three decimals), so that the sentence and
                    // the evidence table never round one probability two ways.
                    probability: f.probability.map_or(0.0, |p| round(p, 3)),
                    fail: f.metric.map_or(0.0, |id| program.spec(id).fail),
                }
                .render(lang)
            }),
            Cause::Dimension(dimension) => m.and_then(evidence_of).map_or(String::new(), |ev| {
                Msg::DimensionFails {
                    dimension,
                    evidence: ev,
                }
                .render(lang)
            }),
        };
        if let Some(s) = suffix(a, j, i, held, lang) {
            explanation = format!("{explanation} {s}");
        }
        let d = f.metric.map_or(3, crate::readiness::engine::decimals);
        let test = f.test.as_ref().map(|t| split_test(a, t));
        match f.cause {
            Cause::Gate(gate) => {
                let (estimate, interval, n) = match gate {
                    // Every gate carries its evidence (docs/scoring.md): the forecast's median
                    // and 80% interval of tickets a day, over the person-weeks it rests on. The
                    // gate weighs the interval's top against the capacity; the estimate is the
                    // median, as in the forecast beside it (the top as estimate read as a
                    // different forecast).
                    GateKind::HelpdeskCapacity => (
                        forecast.map(|fc| round(fc.median_day, 1)),
                        forecast.map(|fc| round_pair([fc.q10_day, fc.q90_day], 1)),
                        forecast.map(|fc| fc.person_weeks),
                    ),
                    // A count, not an estimate: the open tickets are what they are.
                    GateKind::Productivity => {
                        let open = f64::from(f.open);
                        (Some(open), Some([open, open]), Some(u64::from(f.open)))
                    }
                    _ => (
                        m.and_then(|m| m.estimate).map(|x| round(x, d)),
                        m.and_then(|m| m.interval).map(|x| round_pair(x, d)),
                        m.map(|m| m.n),
                    ),
                };
                report.gates.push(Gate {
                    id: gate,
                    scope: seg.segment.clone(),
                    effect: gate.effect(),
                    metric: f.metric,
                    estimate,
                    interval,
                    n,
                    // An open priority ticket is observed, not inferred.
                    probability: match gate {
                        GateKind::Productivity => Some(1.0),
                        _ => f.probability.map(|p| round(p, 3)),
                    },
                    confined: f.confined,
                    whole_wave: j.wave_wide[i],
                    test,
                    explanation,
                });
            }
            Cause::Dimension(dimension) => {
                let Some(id) = f.metric else { continue };
                report.dimension_failures.push(DimensionFailure {
                    scope: seg.segment.clone(),
                    dimension,
                    metric: id,
                    estimate: m.and_then(|m| m.estimate).map(|x| round(x, d)),
                    interval: m.and_then(|m| m.interval).map(|x| round_pair(x, d)),
                    n: m.map_or(0, |m| m.n),
                    confined: f.confined,
                    test,
                    explanation,
                });
            }
        }
        if decides(a, j, i, held) {
            counterfactuals.extend(counterfactual(program, a, f, gamma, lang));
        }
    }
    // The wave's own reasons come first, as its failures do.
    let mut first = wave_dimensions(report, program, a, j, held, lang);
    first.extend(counterfactuals);
    first
}

/// The wave's own failing dimensions, first among `report.dimension_failures`, each with the
/// metric that pulls it down: the decision's reason when the people who would go still fail it
/// (HOLD, DELAY), or what the held segments account for (SPLIT). Without them a HOLD "because
/// Support fails" stood without figures. Reported only: the rules read `j.inputs`. A dimension
/// whose metric already has a wave gate is not repeated. Returns the counterfactuals of those
/// that hold the wave.
fn wave_dimensions(
    report: &mut Report,
    program: &Program,
    a: &Assessment,
    j: &Judgement,
    held: bool,
    lang: Lang,
) -> Vec<String> {
    let wave = &a.segs[0];
    let mut failures = Vec::new();
    let mut counterfactuals = Vec::new();
    for (d, dim) in &wave.eval.dims {
        if dim.state != State::Fail {
            continue;
        }
        let Some(m) = weakest(&wave.eval.metrics, *d) else {
            continue;
        };
        if j.findings
            .iter()
            .any(|f| f.seg == 0 && f.metric == Some(m.id))
        {
            continue;
        }
        let confined = !j.inputs.failing_dimensions.contains(d);
        let scope = if confined {
            Msg::ConfinedToHeld { held }
        } else {
            Msg::NotConfined
        };
        let explanation = evidence_of(m).map_or(String::new(), |ev| {
            let fails = Msg::DimensionFails {
                dimension: *d,
                evidence: ev,
            };
            format!("{} {}", fails.render(lang), scope.render(lang))
        });
        let decimals = crate::readiness::engine::decimals(m.id);
        failures.push(DimensionFailure {
            scope: wave.segment.clone(),
            dimension: *d,
            metric: m.id,
            estimate: m.estimate.map(|x| round(x, decimals)),
            interval: m.interval.map(|x| round_pair(x, decimals)),
            n: m.n,
            confined,
            test: None,
            explanation,
        });
        // What would change the decision; one the held segments account for changes nothing.
        if !confined {
            let f = Finding::new(Cause::Dimension(*d), 0, Some(m.id), None);
            counterfactuals.extend(counterfactual(program, a, &f, program.confidence, lang));
        }
    }
    report.dimension_failures.splice(0..0, failures);
    counterfactuals
}

/// What would clear one finding, when a sentence can say it.
fn counterfactual(
    program: &Program,
    a: &Assessment,
    f: &Finding,
    gamma: f64,
    lang: Lang,
) -> Option<String> {
    let seg = &a.segs[f.seg];
    let scope = text::segment_named(&seg.segment, |w| wave_label_in(&program.waves, w), lang);
    match f.cause {
        Cause::Gate(GateKind::HelpdeskCapacity) => a.forecast.as_ref().map(|fc| {
            Msg::CfHelpdesk {
                max_size: fc.max_size.unwrap_or(0),
                capacity_needed: round(fc.q90_day, 1),
                size: fc.size,
            }
            .render(lang)
        }),
        Cause::Gate(GateKind::Productivity) => {
            Some(Msg::CfProductivity { open: f.open }.render(lang))
        }
        Cause::Gate(GateKind::Evidence) => None,
        _ => {
            let m = seg.eval.metric(f.metric?)?;
            let spec = program.spec(m.id);
            let (clears, passes) = match m.id.kind() {
                Kind::Proportion => proportion_counterfactual(&spec, gamma, m.n, true),
                // The ticket rate: a held segment's reason is as much a failure as a share.
                Kind::Rate => rate_counterfactual(&spec, gamma, m.events?.1, true),
                Kind::Mean | Kind::Nps => return None,
            };
            // A gate clears exactly when its metric no longer fails. A dimension may still fail
            // on its score band then (a ticket rate of 18 per 100 is no failure by P, yet scores
            // 0): only the level at which the metric passes is sure to say enough.
            let gate = matches!(f.cause, Cause::Gate(_));
            let clears = clears.filter(|_| gate);
            Some(
                Msg::CfMetric {
                    scope,
                    metric: m.id,
                    gate,
                    clears,
                    passes,
                }
                .render(lang),
            )
        }
    }
}
