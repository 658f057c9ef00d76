//! The group of the roster a page acts on, read from its address (`?wave=…&{attribute}=…`),
//! as the readiness dashboard's actions link to it, named for its heading, and the frame such
//! a page shares (inviting the group, assigning it a module).

use super::{ProgramNav, Tab, links};
use crate::components::roster_values::{GroupHolds, roster_groups};
use crate::i18n::{Msg, UiMsg, fill, t};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use std::collections::BTreeMap;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::text;

/// The wave, and every other parameter but those in `reserved` as attribute = value.
pub fn group_of(
    query: &ParamsMap,
    reserved: &[&str],
) -> (Option<String>, BTreeMap<String, String>) {
    let mut wave = None;
    let mut segment = BTreeMap::new();
    for (k, v) in query.clone().into_iter() {
        if k == "wave" {
            wave = Some(v);
        } else if !v.is_empty() && !reserved.contains(&k.as_ref()) {
            segment.insert(k.to_string(), v);
        }
    }
    (wave, segment)
}

/// "Group: wave wave-2, platform iOS", in `lang`.
pub fn group_heading(
    (wave, segment): &(Option<String>, BTreeMap<String, String>),
    lang: Lang,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(w) = wave {
        parts.push(fill(Msg::WaveOnly, lang, &[("wave", w.clone())]));
    }
    if !segment.is_empty() {
        parts.push(text::segment(segment, lang));
    }
    fill(Msg::InviteGroupIs, lang, &[("group", parts.join(", "))])
}

/// A page acting on the group of its address: the program's tabs (on Readiness, whose actions
/// lead here), the title, the group as the card's heading with how many people it holds (once
/// the roster's groups are there) and a hint, the page's form (shown
/// once what it needs has loaded), what became of its request, and the way back to the
/// dashboard.
#[component]
pub fn GroupPage(
    /// The program.
    program: Memo<String>,
    /// The page's title.
    title: Msg,
    /// The id of the card's heading.
    heading_id: &'static str,
    /// The group in words.
    heading: Signal<String>,
    /// The group: its wave and segment.
    group: Signal<(Option<String>, BTreeMap<String, String>)>,
    /// What acting on the group does.
    hint: Msg,
    /// The form, which reads resources.
    #[prop(into)]
    form: ViewFn,
    /// What became of the request.
    children: Children,
) -> impl IntoView {
    let groups = roster_groups(program);
    let holds = Signal::derive(move || {
        let groups = groups.get()?;
        let (wave, segment) = group.get();
        let segment: Vec<(String, String)> = segment.into_iter().collect();
        Some(groups.holds(wave.as_deref(), &segment))
    });
    let size_id = format!("{heading_id}-size");
    view! {
        <ProgramNav program=program current=Tab::Readiness />
        <h1>{t(title)}</h1>
        <section class="card" aria-labelledby=heading_id>
            <h2 id=heading_id>{heading}</h2>
            <GroupHolds id=size_id holds=holds />
            <p class="muted">{t(hint)}</p>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {move || form.run()}
            </Suspense>
            {children()}
            <p><a href=move || links::readiness(&program.get())>{t(Msg::BackToReadiness)}</a></p>
        </section>
    }
}
