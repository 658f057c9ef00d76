//! Choosing a group of the roster to invite or assign: a wave (or every wave) and, optionally,
//! one split attribute with its value. The server checks the choice (known wave, split attribute,
//! at least 5 people); this only offers what the program has.

use crate::i18n::{Msg, t};
use leptos::prelude::*;
use wavegate_core::readiness::Program;

/// The chosen group, as the form's fields hold it (empty: not chosen).
#[derive(Clone, Copy)]
pub struct GroupFields {
    /// The wave id; empty for every wave.
    pub wave: RwSignal<String>,
    /// The split attribute; empty for no segment.
    pub attribute: RwSignal<String>,
    /// The attribute's value.
    pub value: RwSignal<String>,
}

/// The wave select and the segment's attribute and value for `program`; element ids start with
/// `prefix` (two forms may share a page).
pub fn group_choice(
    program: &Program,
    prefix: &'static str,
    fields: GroupFields,
) -> impl IntoView + use<> {
    let GroupFields {
        wave,
        attribute,
        value,
    } = fields;
    let waves = program
        .waves
        .iter()
        .map(|w| view! { <option value=w.id.clone()>{w.id.clone()}</option> })
        .collect_view();
    let attributes = program
        .split_attributes
        .iter()
        .map(|a| view! { <option value=a.clone()>{a.clone()}</option> })
        .collect_view();
    let id = move |field: &str| format!("{prefix}-{field}");
    view! {
        <div class="field">
            <label for=id("wave")>{t(Msg::Wave)}</label>
            <select id=id("wave") on:change=move |ev| wave.set(event_target_value(&ev))>
                <option value="">{t(Msg::AllWaves)}</option>
                {waves}
            </select>
        </div>
        <div class="field-row">
            <div class="field">
                <label for=id("attribute")>{t(Msg::SegmentAttribute)}</label>
                <select id=id("attribute") on:change=move |ev| attribute.set(event_target_value(&ev))>
                    <option value="">{t(Msg::NoSegment)}</option>
                    {attributes}
                </select>
            </div>
            <div class="field">
                <label for=id("value")>{t(Msg::SegmentValue)}</label>
                <input id=id("value") type="text" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        </div>
    }
}
