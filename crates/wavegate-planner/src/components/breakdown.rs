//! A survey's results split by the invitations' attributes (wave, department, platform): per
//! attribute the respondents per group and the SUS per group as SVG bar charts, every question
//! per group when its group is opened, and which groups were not shown because they are too small.

use crate::components::bar_chart::{Bar, bar_chart};
use crate::components::results::GroupResults;
use crate::components::wave_choice::group_value;
use crate::i18n::{Msg, fill};
use leptos::prelude::*;
use std::collections::BTreeMap;
use wavegate_core::i18n::Lang;
use wavegate_core::i18n::count;
use wavegate_core::readiness::program::Wave;
use wavegate_core::readiness::text;
use wavegate_core::survey::Survey;
use wavegate_core::survey::scoring::SegmentSummary;

/// How an attribute reads as a heading: the usual columns in the planner's language (the
/// core's rule), any other by its own name.
fn attribute_name(attribute: &str, lang: Lang) -> String {
    text::attribute(attribute, lang).to_string()
}

/// The segments grouped by attribute, the wave first, then by name.
fn by_attribute(segments: &[SegmentSummary]) -> Vec<(String, Vec<SegmentSummary>)> {
    let mut groups: BTreeMap<(bool, String), Vec<SegmentSummary>> = BTreeMap::new();
    for s in segments {
        let key = (
            !s.attribute.eq_ignore_ascii_case("wave"),
            s.attribute.clone(),
        );
        groups.entry(key).or_default().push(s.clone());
    }
    groups.into_iter().map(|((_, a), s)| (a, s)).collect()
}

/// The breakdown of every attribute the responses carry; `respondents` is every response of
/// the survey, the whole each group's share is of; `waves` name the wave groups as the
/// program does (empty while the program is unknown: then by their ids).
pub fn breakdown(
    survey: StoredValue<Survey>,
    segments: &[SegmentSummary],
    respondents: usize,
    waves: &[Wave],
    lang: Lang,
) -> impl IntoView + use<> {
    let attributes = by_attribute(segments);
    if attributes.is_empty() {
        return view! { <p class="muted">{Msg::NoSegments.text(lang)}</p> }.into_any();
    }
    attributes
        .into_iter()
        .map(|(attribute, groups)| {
            attribute_view(survey, &attribute, groups, respondents, waves, lang)
        })
        .collect_view()
        .into_any()
}

fn attribute_view(
    survey: StoredValue<Survey>,
    attribute: &str,
    groups: Vec<SegmentSummary>,
    respondents: usize,
    waves: &[Wave],
    lang: Lang,
) -> impl IntoView + use<> {
    let name = attribute_name(attribute, lang);
    let value = |g: &SegmentSummary| group_value(attribute, &g.value, waves);
    let heading = fill(Msg::BreakdownBy, lang, &[("attribute", name.clone())]);
    let (shown, hidden): (Vec<_>, Vec<_>) = groups.into_iter().partition(|g| !g.suppressed);
    // A group's share of all respondents: of the shown groups only, one group shown beside
    // small hidden ones would read as 100%. The survey's total is on the page already, and the
    // core hides enough groups that it gives no small one away.
    let sizes: Vec<Bar> = shown
        .iter()
        .map(|g| Bar::count(&g.value, value(g), g.n, respondents, lang))
        .collect();
    let sus: Vec<Bar> = shown
        .iter()
        .filter_map(|g| {
            let mean = g.results.sus.as_ref()?.mean?;
            Some(Bar {
                key: g.value.clone(),
                label: value(g),
                count: None,
                figure: text::num(mean, 1, lang),
                length: mean / 100.0,
            })
        })
        .collect();
    let sizes_name = format!("{heading}: {}", Msg::RespondentsPerGroup.text(lang));
    let sus_name = format!("{heading}: {}", Msg::SusPerGroup.text(lang));
    let note = (!hidden.is_empty()).then(|| {
        let names = hidden
            .iter()
            .map(value)
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p class="suppressed-note banner banner-info">{fill(Msg::SegmentsSuppressed, lang, &[("groups", names)])}</p> }
    });
    let details = shown
        .into_iter()
        .map(|g| {
            let label = fill(
                Msg::SegmentDetails,
                lang,
                &[
                    ("group", format!("{name} {}", value(&g))),
                    ("n", count(g.n as u64, lang)),
                ],
            );
            // Drawn when first opened: a program can have hundreds of groups.
            let opened = RwSignal::new(false);
            let group = StoredValue::new(g.results);
            let content = move || {
                opened.get().then(|| {
                    view! {
                        <p class="muted">{Msg::FreeTextPerGroup.text(lang)}</p>
                        <GroupResults survey=survey group=group.get_value() suppressed=false />
                    }
                })
            };
            view! {
                <details class="segment" data-segment=format!("{}={}", g.attribute, g.value)
                    on:toggle=move |_| opened.set(true)>
                    <summary>{label}</summary>
                    {content}
                </details>
            }
        })
        .collect_view();
    view! {
        <section class="breakdown" data-attribute=attribute.to_string()>
            <h3>{heading}</h3>
            {note}
            {(!sizes.is_empty()).then(|| view! {
                <h4>{Msg::RespondentsPerGroup.text(lang)}</h4>
                {bar_chart(&sizes_name, sizes)}
            })}
            {(!sus.is_empty()).then(|| view! {
                <h4>{Msg::SusPerGroup.text(lang)}</h4>
                {bar_chart(&sus_name, sus)}
            })}
            {details}
        </section>
    }
    .into_any()
}
