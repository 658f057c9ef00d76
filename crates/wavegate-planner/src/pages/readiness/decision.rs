//! The decision for the next wave, first and in a sentence a manager understands: what to do,
//! how sure, the evidence behind it (estimate, interval, n, probability), what would change it,
//! and which segments go ahead or are held back.

use crate::components::figure::unbroken;
use crate::i18n::{Msg, fill, report_interval, t};
use leptos::prelude::*;
use wavegate_core::api::Evaluation;
use wavegate_core::i18n::Lang;
use wavegate_core::i18n::count;
use wavegate_core::readiness::report::{Decision, DecisionKind, DimensionFailure, Gate, Report};
use wavegate_core::readiness::text;

/// The decision as one sentence: what to do with the next wave, with whom.
pub fn headline(r: &Report, d: &Decision) -> String {
    let lang = r.lang;
    let wave = text::wave_named(r.next_wave.as_deref().unwrap_or_default(), lang);
    let held: Vec<String> = d.hold.iter().map(|s| text::segment(s, lang)).collect();
    let msg = match d.kind {
        DecisionKind::Delay => Msg::HeadDelay,
        DecisionKind::Hold => Msg::HeadHold,
        DecisionKind::Split => Msg::HeadSplit,
        DecisionKind::ExtendPilot => Msg::HeadExtendPilot,
        DecisionKind::ProceedWithActions => Msg::HeadProceedWithActions,
        DecisionKind::Proceed => Msg::HeadProceed,
        DecisionKind::Expand => Msg::HeadExpand,
    };
    fill(
        msg,
        lang,
        &[
            ("wave", wave),
            ("n", count(d.recommended_size as u64, lang)),
            ("planned", count(d.planned_size as u64, lang)),
            ("held", text::list(&held, lang)),
        ],
    )
}

fn num(x: Option<f64>, lang: Lang) -> String {
    x.map_or("–".into(), |x| text::num(x, 2, lang))
}

fn chance(x: Option<f64>, lang: Lang) -> String {
    x.map_or("–".into(), |x| unbroken(&text::chance(x, lang)))
}

fn interval(x: Option<[f64; 2]>, lang: Lang) -> String {
    x.map_or("–".into(), |[lo, hi]| {
        format!("{}–{}", text::num(lo, 2, lang), text::num(hi, 2, lang))
    })
}

/// One gate as a row of evidence.
fn gate_row(g: &Gate, r: &Report) -> AnyView {
    let lang = r.lang;
    let reason = match text::gate_measure(g.id, g.metric, lang) {
        Some(measure) => format!("{}: {measure}", text::gate_name(g.id, lang)),
        None => text::gate_name(g.id, lang).to_string(),
    };
    // What n counts (people, devices, person-weeks …), so a wave of 192 next to n = 378
    // person-weeks reads as what it is.
    let n = match (g.n, g.metric) {
        (Some(n), Some(m)) => format!("{} {}", count(n, lang), text::unit(m, lang)),
        (Some(n), None) => count(n, lang),
        (None, _) => "–".into(),
    };
    view! {
        <tr>
            <th scope="row">{text::segment_in(r, &g.scope, lang)}</th>
            <td>{reason}<br /><span class="muted small">{g.explanation.clone()}</span></td>
            // On a phone the row reads as a card: each figure under its column's name.
            <td class="num" data-label=t(Msg::Estimate)>{num(g.estimate, lang)}</td>
            <td class="num" data-label=report_interval()>{interval(g.interval, lang)}</td>
            <td class="num" data-label=t(Msg::EvidenceN)>{n}</td>
            <td class="num" data-label=t(Msg::Probability)>{chance(g.probability, lang)}</td>
        </tr>
    }
    .into_any()
}

/// A failing dimension as a row of evidence: a segment held for a dimension rather than a gate
/// (say a department's desire) shows what holds it, like a gate does. Its probability is the
/// report's own figure for that metric in that segment: the chance it lies below its fail
/// threshold.
fn failure_row(f: &DimensionFailure, r: &Report) -> AnyView {
    let lang = r.lang;
    let probability = r
        .segments
        .iter()
        .find(|s| s.segment == f.scope)
        .and_then(|s| s.metrics.iter().find(|m| m.id == f.metric))
        .and_then(|m| m.p_fail);
    let reason = format!(
        "{}: {}",
        text::dimension_name(f.dimension, lang),
        text::metric_name(f.metric, lang)
    );
    view! {
        <tr data-dimension-failure="">
            <th scope="row">{text::segment_in(r, &f.scope, r.lang)}</th>
            <td>{reason}<br /><span class="muted small">{f.explanation.clone()}</span></td>
            <td class="num" data-label=t(Msg::Estimate)>{num(f.estimate, lang)}</td>
            <td class="num" data-label=report_interval()>{interval(f.interval, lang)}</td>
            <td class="num" data-label=t(Msg::EvidenceN)>{format!("{} {}", count(f.n, lang), text::unit(f.metric, lang))}</td>
            <td class="num" data-label=t(Msg::Probability)>{chance(probability, lang)}</td>
        </tr>
    }
    .into_any()
}

fn segment_list(segments: Vec<String>) -> AnyView {
    view! { <ul class="segments">{segments.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }
    .into_any()
}

/// The decision card.
#[component]
pub fn DecisionCard(evaluation: StoredValue<Evaluation>) -> impl IntoView {
    evaluation.with_value(|e| {
        let r = &e.report;
        let lang = r.lang;
        let Some(d) = r.decision.clone() else {
            return view! {
                <section class="card decision" aria-labelledby="decision-title">
                    <h2 id="decision-title">{t(Msg::NoNextWaveTitle)}</h2>
                    <p>{t(Msg::NoNextWave)}</p>
                </section>
            }
            .into_any();
        };
        // The wave as planners know it: `wave-2 (Regio Noord)`.
        let wave = r.next_wave_label().unwrap_or_default();
        let title = fill(Msg::DecisionFor, lang, &[("wave", text::wave_named(&wave, lang))]);
        let kind = text::decision_name(d.kind, lang).to_string();
        let kind_class = format!(
            "decision-kind kind-{}",
            serde_json::to_value(d.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        );
        let sentence = headline(r, &d);
        let confidence = fill(
            Msg::DecisionConfidence,
            lang,
            &[("level", text::confidence_name(d.confidence, lang).to_string())],
        );
        // After a split the figure is of the people who go, not of the whole wave (whose own
        // figure the segment table gives): said, with the dimensions it rests on.
        let of_whom = if d.hold.is_empty() {
            Msg::ReadinessScores
        } else {
            Msg::ReadinessScoresOfProceeding
        };
        let scores = match (d.readiness.estimate, d.readiness.conservative) {
            (Some(e), Some(c)) => format!(
                "{} {}.",
                fill(
                    of_whom,
                    lang,
                    &[("estimate", e.to_string()), ("conservative", c.to_string())],
                ),
                wavegate_core::readiness::render::assessed(&d.readiness, lang)
            ),
            _ => d.readiness.reason.clone().unwrap_or_default(),
        };
        // Whatever holds or warns: the gates, then the failing dimensions (the wave's own
        // first, then the segments').
        let rows: Vec<_> = r
            .gates
            .iter()
            .map(|g| gate_row(g, r))
            .chain(r.dimension_failures.iter().map(|f| failure_row(f, r)))
            .collect();
        let has_evidence = !rows.is_empty();
        let held: Vec<String> = d.hold.iter().map(|s| text::segment(s, lang)).collect();
        let proceeding: Vec<String> = d.proceed.iter().map(|s| text::segment(s, lang)).collect();
        // "Department HR" goes while "platform iOS" waits: HR's iOS users wait too.
        // People of the next wave in groups never shown on their own go too, unless a held
        // group holds them: said, or the two lists seem to leave them out.
        let small_groups_go = r
            .suppressed
            .iter()
            .any(|s| s.group == wavegate_core::readiness::report::Source::NextWave);
        let except_held = d.proceed_overlaps_hold().then(|| {
            format!(
                "{}.",
                text::capitalise(text::label(text::Label::ExceptHeld, lang))
            )
        });
        let counterfactuals = r.counterfactuals.clone();
        view! {
            <section class="card decision" aria-labelledby="decision-title">
                <h2 id="decision-title">{title}</h2>
                <p class=kind_class>{kind}</p>
                <p class="decision-sentence">{sentence}</p>
                <p>{d.explanation.clone()}</p>
                <p><strong>{confidence}</strong>" "{scores}</p>
                // Who is held and who goes ahead only means something in a split (as in the
                // reports); any other decision is about the whole wave and its sentence says so.
                {(!held.is_empty()).then(|| view! {
                    <div class="segments-grid">
                        <div>
                            <h3>{t(Msg::HeldTitle)}</h3>
                            {segment_list(held)}
                        </div>
                        <div>
                            <h3>{t(Msg::ProceedingTitle)}</h3>
                            {if proceeding.is_empty() {
                                view! { <p>{t(Msg::EveryoneElse)}</p> }.into_any()
                            } else {
                                segment_list(proceeding).into_any()
                            }}
                            {except_held.map(|note| view! { <p class="muted except-held">{note}</p> })}
                            {small_groups_go.then(|| view! { <p class="muted small-groups-go">{t(Msg::SmallGroupsGo)}</p> })}
                        </div>
                    </div>
                })}
                {has_evidence.then(|| view! {
                    <h3 id="evidence-title">{t(Msg::EvidenceTitle)}</h3>
                    <div class="table-scroll" role="region" aria-labelledby="evidence-title" tabindex="0">
                        <table class="evidence stack">
                            <thead><tr>
                                <th scope="col">{t(Msg::ForWhom)}</th>
                                <th scope="col">{t(Msg::Reason)}</th>
                                <th scope="col" class="num">{t(Msg::Estimate)}</th>
                                <th scope="col" class="num">{report_interval()}</th>
                                <th scope="col" class="num">{t(Msg::EvidenceN)}</th>
                                <th scope="col" class="num">{t(Msg::Probability)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                })}
                {(!counterfactuals.is_empty()).then(|| view! {
                    <h3>{t(Msg::WhatWouldChange)}</h3>
                    <ul class="counterfactuals">{counterfactuals.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                })}
            </section>
        }
        .into_any()
    })
}
