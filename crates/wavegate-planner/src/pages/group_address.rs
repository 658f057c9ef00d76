//! The group of the roster a page acts on, read from its address (`?wave=…&{attribute}=…`),
//! as the readiness dashboard's actions link to it, named for its heading, and the frame such
//! a page shares (inviting the group, assigning it a module).

use super::{ProgramNav, Tab, links};
use crate::components::roster_values::{GroupHolds, roster_groups};
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use std::collections::BTreeMap;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::program::{Wave, wave_label_in};
use wavegate_core::readiness::text;
use wavegate_ui::api::programs;

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

/// "Group: wave-2 (Head office), platform iOS" (or "Group: everyone on the roster"), in `lang`: the wave by its label among
/// `waves` (its id alone while they load, or for a wave the program no longer has).
fn group_heading(
    (wave, segment): &(Option<String>, BTreeMap<String, String>),
    waves: &[Wave],
    lang: Lang,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(w) = wave {
        parts.push(text::wave_named(&wave_label_in(waves, w), lang));
    }
    if !segment.is_empty() {
        parts.push(text::segment(segment, lang));
    }
    // An address without a group (the page opened from its tab, not from an action) acts on
    // the whole roster: say so rather than leave "Group:" empty.
    if parts.is_empty() {
        parts.push(Msg::InviteGroupEveryone.text(lang).to_string());
    }
    fill(Msg::InviteGroupIs, lang, &[("group", parts.join(", "))])
}

/// The id of a group page's title, which names its form too.
pub const GROUP_PAGE_TITLE: &str = "group-page-title";

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
    let lang = use_lang();
    let detail = LocalResource::new(move || {
        let id = program.get();
        async move { programs::get(&id).await }
    });
    let heading = move || {
        let waves = detail
            .get()
            .and_then(|r| r.ok())
            .and_then(|d| d.program)
            .map(|p| p.waves)
            .unwrap_or_default();
        group_heading(&group.get(), &waves, lang.get())
    };
    let groups = roster_groups(program);
    let holds = Signal::derive(move || {
        let groups = groups.get()?;
        let (wave, segment) = group.get();
        let segment: Vec<(String, String)> = segment.into_iter().collect();
        Some(groups.holds(wave.as_deref(), &segment))
    });
    let size_id = format!("{heading_id}-size");
    view! {
        <ProgramNav program=program current=Tab::Readiness title=Signal::derive(move || title.text(lang.get()).to_string()) />
        // Also the name of the page's form (`GROUP_PAGE_TITLE`), said once: no legend repeats it.
        <h1 id=GROUP_PAGE_TITLE>{t(title)}</h1>
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
