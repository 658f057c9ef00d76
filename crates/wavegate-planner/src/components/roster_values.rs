//! The value of a segment's attribute picked from the roster's own values, each labelled with
//! its people in the chosen wave, and how many people the chosen group holds. The sizes come
//! from the server (`GET …/roster/groups`), small groups already without their count; without
//! a roster the value is typed as before.

use crate::i18n::{Msg, fill, t, use_lang};
use leptos::prelude::*;
use std::sync::Arc;
use wavegate_core::api::{GroupSize, Holds, RosterGroups};
use wavegate_core::i18n::Lang;
use wavegate_ui::api::programs;

/// The program's roster groups: `None` while they load, and when there are none to show (no
/// roster imported, or they could not be read); then the value is typed.
pub type Groups = Signal<Option<Arc<RosterGroups>>>;

/// Fetches the roster groups of `program` (again when it changes).
pub fn roster_groups(program: Memo<String>) -> Groups {
    let fetched = LocalResource::new(move || {
        let id = program.get();
        async move { programs::roster_groups(&id).await.ok().map(Arc::new) }
    });
    Signal::derive(move || fetched.get().flatten())
}

/// `n` people as the page writes counts (`21.250`).
fn people(n: u64, lang: Lang) -> String {
    wavegate_core::i18n::count(n, lang)
}

/// "iOS — 42 people", "iOS — fewer than 5", "iOS — nobody in this wave".
fn value_label(value: &str, size: Option<GroupSize>, lang: Lang) -> String {
    let value = value.to_string();
    match size {
        None => fill(Msg::ValueNotOnRoster, lang, &[("value", value)]),
        Some(GroupSize {
            people: Some(0), ..
        }) => fill(Msg::ValueNobody, lang, &[("value", value)]),
        Some(GroupSize {
            people: Some(n), ..
        }) => fill(
            Msg::ValuePeople,
            lang,
            &[("value", value), ("n", people(n, lang))],
        ),
        Some(GroupSize { people: None, .. }) => fill(Msg::ValueFewer, lang, &[("value", value)]),
    }
}

/// The index of the wave `wave` among the groups' waves; `None` for every wave (empty) or an
/// unknown one.
fn wave_index(groups: &RosterGroups, wave: &str) -> Option<usize> {
    (!wave.is_empty())
        .then(|| groups.waves.iter().position(|w| w.wave == wave))
        .flatten()
}

/// The value of `attribute` for the group in `wave` (empty: every wave): with the roster's
/// groups, a list of its values with their people in that wave (values with nobody in it left
/// out, unless chosen); else a text box. `described_by` names the line saying the group's size.
#[component]
pub fn ValueField(
    /// The control's id (its label's `for`).
    id: String,
    /// The roster's groups.
    groups: Groups,
    /// The chosen wave; empty for every wave.
    #[prop(into)]
    wave: Signal<String>,
    /// The chosen attribute; empty for none.
    #[prop(into)]
    attribute: Signal<String>,
    /// The value.
    value: RwSignal<String>,
    /// The id of the line describing the group.
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let attr = attribute.get();
        let (id, described_by) = (id.clone(), described_by.clone());
        let Some(groups) = groups.get() else {
            return view! {
                <input id=id type="text" maxlength="200" prop:value=move || value.get()
                    aria-describedby=described_by
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            }
            .into_any();
        };
        if attr.is_empty() || groups.values_of(&attr).is_none() {
            return view! {
                <select id=id disabled=true>
                    <option value="">{t(Msg::ChooseAttributeFirst)}</option>
                </select>
            }
            .into_any();
        }
        let options = move || {
            let (lang, wave, current) = (lang.get(), wave.get(), value.get());
            let index = wave_index(&groups, &wave);
            let values = groups.values_of(&attr).unwrap_or_default();
            let mut shown: Vec<(String, String)> = values
                .iter()
                .filter_map(|v| {
                    let size = v.in_wave(index);
                    (!size.is_empty() || v.value == current)
                        .then(|| (v.value.clone(), value_label(&v.value, Some(size), lang)))
                })
                .collect();
            // A value from the address or a stored message that the roster does not have.
            if !current.is_empty() && !values.iter().any(|v| v.value == current) {
                shown.push((current.clone(), value_label(&current, None, lang)));
            }
            shown
                .into_iter()
                .map(|(v, label)| {
                    let selected = v == current;
                    view! { <option value=v selected=selected>{label}</option> }
                })
                .collect_view()
        };
        view! {
            <select id=id aria-describedby=described_by
                on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>{t(Msg::ChooseValue)}</option>
                {options}
            </select>
        }
        .into_any()
    }
}

/// A chosen group's size in words, in `lang`.
fn sentence(holds: Holds, lang: Lang) -> String {
    match holds {
        Holds::Size(GroupSize {
            people: Some(0), ..
        }) => Msg::GroupHoldsNobody.text(lang).to_string(),
        Holds::Size(GroupSize {
            people: Some(n), ..
        }) => fill(Msg::GroupHoldsPeople, lang, &[("n", people(n, lang))]),
        Holds::Size(GroupSize { people: None, .. }) => Msg::GroupHoldsFewer.text(lang).to_string(),
        Holds::AtMost(n) => fill(Msg::GroupHoldsAtMost, lang, &[("n", people(n, lang))]),
        Holds::NotOnRoster => Msg::GroupNotOnRoster.text(lang).to_string(),
    }
}

/// The line under a group picker saying how many people the group holds (`id`, for the
/// controls' `aria-describedby`); nothing without the roster's groups.
#[component]
pub fn GroupHolds(
    /// The line's id.
    id: String,
    /// The group's size, once the roster's groups are there.
    holds: Signal<Option<Holds>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p id=id class="group-size" aria-live="polite">
            {move || holds.get().map(|h| sentence(h, lang.get()))}
        </p>
    }
}

#[cfg(test)]
mod tests {
    // Run by wasm-bindgen-test: these crates build for wasm32 only, where `#[test]` is not run.
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;
    use wavegate_core::api::{AttributeGroups, ValueGroup, WaveGroup};

    fn groups() -> RosterGroups {
        let s = GroupSize::of;
        RosterGroups {
            waves: vec![
                WaveGroup {
                    wave: "pilot".into(),
                    size: s(12),
                },
                WaveGroup {
                    wave: "wave-1".into(),
                    size: s(20),
                },
            ],
            total: s(32),
            attributes: vec![
                AttributeGroups {
                    attribute: "platform".into(),
                    values: vec![ValueGroup {
                        value: "iOS".into(),
                        per_wave: vec![s(3), s(10)],
                        total: s(13),
                    }],
                },
                AttributeGroups {
                    attribute: "department".into(),
                    values: vec![ValueGroup {
                        value: "HR".into(),
                        per_wave: vec![s(0), s(13)],
                        total: s(13),
                    }],
                },
            ],
        }
    }

    fn pair(a: &str, v: &str) -> (String, String) {
        (a.to_string(), v.to_string())
    }

    #[wasm_bindgen_test]
    fn a_group_holds_its_waves_or_values_people_and_a_small_one_no_number() {
        let g = groups();
        let en = |h: Holds| sentence(h, Lang::En);
        assert_eq!(en(g.holds(None, &[])), "This group: 32 people");
        assert_eq!(en(g.holds(Some("wave-1"), &[])), "This group: 20 people");
        assert_eq!(
            en(g.holds(Some("wave-1"), &[pair("platform", "iOS")])),
            "This group: 10 people"
        );
        assert_eq!(
            sentence(g.holds(Some("pilot"), &[pair("platform", "iOS")]), Lang::Nl),
            "Deze groep: minder dan 5 mensen"
        );
        assert_eq!(
            en(g.holds(Some("pilot"), &[pair("department", "HR")])),
            "This group: nobody"
        );
        assert_eq!(
            en(g.holds(Some("wave-1"), &[pair("platform", "IOS")])),
            "This group is not on the roster."
        );
        assert_eq!(
            en(g.holds(
                Some("wave-1"),
                &[pair("platform", "iOS"), pair("department", "HR")]
            )),
            "This group: at most 10 people"
        );
    }

    #[wasm_bindgen_test]
    fn a_value_is_labelled_with_its_people_in_both_languages() {
        let s = GroupSize::of;
        assert_eq!(value_label("iOS", Some(s(42)), Lang::Nl), "iOS — 42 mensen");
        assert_eq!(value_label("iOS", Some(s(42)), Lang::En), "iOS — 42 people");
        assert_eq!(
            value_label("iOS", Some(s(4)), Lang::Nl),
            "iOS — minder dan 5"
        );
        assert_eq!(
            value_label("iOS", Some(s(4)), Lang::En),
            "iOS — fewer than 5"
        );
        assert_eq!(
            value_label("Linux", None, Lang::En),
            "Linux — not on the roster"
        );
    }
}
