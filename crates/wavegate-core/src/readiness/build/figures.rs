//! Figures as the report prints them: rounded numbers, scores, readiness, metrics and ADKAR.

use crate::i18n::Lang;
use crate::measures;
use crate::readiness::engine::{AdkarEval, MetricEval, SegmentEval, Unassessed, decimals};
use crate::readiness::report::*;
use crate::readiness::text::{Evidence, Msg};
use std::collections::BTreeMap;

/// `x` rounded to `decimals`, never `-0.0` in the JSON.
pub(super) fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let r = (x * f).round() / f;
    if r == 0.0 { 0.0 } else { r }
}

pub(super) fn round_pair(p: [f64; 2], decimals: i32) -> [f64; 2] {
    [round(p[0], decimals), round(p[1], decimals)]
}

pub(super) fn scores(pair: (f64, f64)) -> Scores {
    Scores {
        estimate: pair.0.round().clamp(0.0, 100.0) as u32,
        conservative: pair.1.round().clamp(0.0, 100.0) as u32,
    }
}

/// A metric's evidence for a sentence, from the figures the report's JSON holds: rounded
/// first, so the sentence and the table beside it print the same digits (a raw 0.0249 read
/// "0,02" in the sentence beside "0,03" from the JSON's 0.025).
pub(super) fn evidence_of(m: &MetricEval) -> Option<Evidence> {
    let d = decimals(m.id);
    Some(Evidence {
        metric: m.id,
        estimate: round(m.estimate?, d),
        interval: m.interval.map(|x| round_pair(x, d)),
        n: m.n,
    })
}

/// A group's readiness: the figures over the dimensions with evidence, or why there are none.
pub(super) fn readiness(e: &SegmentEval, lang: Lang) -> Readiness {
    let s = e.readiness.map(scores);
    let missing: Vec<MissingEvidence> = e
        .unassessed
        .iter()
        .map(|u| match u {
            Unassessed::Technical => MissingEvidence::Technical,
            Unassessed::PeopleSide => MissingEvidence::PeopleSide,
        })
        .collect();
    Readiness {
        estimate: s.map(|s| s.estimate),
        conservative: s.map(|s| s.conservative),
        assessed: e
            .dims
            .iter()
            .filter(|(_, d)| d.score.is_some())
            .map(|(d, _)| *d)
            .collect(),
        reason: (!missing.is_empty()).then(|| {
            Msg::ReadinessNotANumber {
                missing: missing.clone(),
            }
            .render(lang)
        }),
        missing,
    }
}

pub(super) fn metric_report(m: &MetricEval) -> MetricReport {
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

pub(super) fn adkar_report(e: &AdkarEval) -> Adkar {
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
