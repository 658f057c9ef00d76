//! The wave rows of the program form: id, name, dates and planned size; rows can be added and removed.

use super::fields::ProgramFields;
use super::problems::{Field, Problem, WaveField};
use super::{FieldError, Input, Problems, dom_id, invalid};
use crate::i18n::{Msg, fill, t, use_lang};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The "add a wave" button.
const ADD_WAVE: &str = "add-wave";

/// One labelled input of a wave row.
fn wave_input(
    i: usize,
    f: WaveField,
    label: Msg,
    kind: &'static str,
    value: RwSignal<String>,
    problems: Problems,
) -> impl IntoView {
    let field = Field::Wave(i, f);
    let id = dom_id(field);
    view! {
        <div class="field">
            <label for=id.clone()>{t(label)}</label>
            <input id=id.clone() type=kind
                inputmode=(f == WaveField::PlannedSize).then_some("numeric")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=invalid(problems, field)
                aria-describedby=format!("{id}-error") />
            <FieldError problems=problems field=field />
        </div>
    }
}

/// A wave's name; the hint on what it is for under the first wave's only, so that a program of
/// many waves does not say it once a wave.
fn wave_name(i: usize, value: RwSignal<String>, problems: Problems) -> AnyView {
    let field = Field::Wave(i, WaveField::Name);
    if i == 0 {
        view! { <Input field=field label=Msg::WaveName value=value problems=problems hint=Msg::WaveNameHint hint_below=true /> }
            .into_any()
    } else {
        view! { <Input field=field label=Msg::WaveName value=value problems=problems /> }.into_any()
    }
}

/// The problems shown once the wave at `removed` is gone: its own are dropped, those of the
/// rows after it move up with their rows (a problem is keyed by the row's place), and of what
/// is left only what the fields still have stays (a clash with the removed row goes too).
fn after_removal(
    shown: &BTreeMap<Field, Problem>,
    removed: usize,
    still: BTreeMap<Field, Problem>,
) -> BTreeMap<Field, Problem> {
    let moved: Vec<Field> = (shown.keys())
        .filter_map(|&f| match f {
            Field::Wave(i, _) if i == removed => None,
            Field::Wave(i, w) if i > removed => Some(Field::Wave(i - 1, w)),
            other => Some(other),
        })
        .collect();
    still
        .into_iter()
        .filter(|(f, _)| moved.contains(f))
        .collect()
}

/// The waves, in order.
#[component]
pub fn Waves(fields: ProgramFields, problems: Problems) -> impl IntoView {
    let lang = use_lang();
    // Removing a row redraws the rows, so focus goes to the row that took its place (or the
    // "add" button after the last), and the problems shown follow their rows.
    let remove = move |key: usize| {
        let Some(at) = fields
            .waves
            .with_untracked(|w| w.iter().position(|r| r.key == key))
        else {
            return;
        };
        fields.remove_wave(key);
        if !problems.with_untracked(BTreeMap::is_empty) {
            let still = fields.read().all_problems();
            problems.update(|shown| *shown = after_removal(shown, at, still));
        }
        let left = fields.waves.with_untracked(Vec::len);
        let target = if at < left {
            dom_id(Field::Wave(at, WaveField::Id))
        } else {
            ADD_WAVE.to_string()
        };
        wavegate_ui::dom::focus_id_soon(target);
    };
    let rows = move || {
        fields
            .waves
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let legend = move || fill(Msg::WaveN, lang.get(), &[("n", (i + 1).to_string())]);
                let remove_label =
                    move || fill(Msg::RemoveWave, lang.get(), &[("n", (i + 1).to_string())]);
                view! {
                    <fieldset class="wave-row">
                        <legend>{legend}</legend>
                        <div class="wave-fields">
                            {wave_input(i, WaveField::Id, Msg::WaveId, "text", row.id, problems)}
                            {wave_name(i, row.name, problems)}
                            {wave_input(i, WaveField::Start, Msg::WaveStart, "date", row.start, problems)}
                            {wave_input(i, WaveField::End, Msg::WaveEnd, "date", row.end, problems)}
                            {wave_input(i, WaveField::PlannedSize, Msg::PlannedSize, "text", row.planned, problems)}
                        </div>
                        <button type="button" class="secondary remove-wave" aria-label=remove_label
                            on:click=move |_| remove(row.key)>{t(Msg::Remove)}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    // The new row's first field takes focus: the planner goes on typing there, and a screen
    // reader says where they are.
    let add = move |_| {
        fields.add_wave();
        let last = fields.waves.with_untracked(Vec::len).saturating_sub(1);
        wavegate_ui::dom::focus_id_soon(dom_id(Field::Wave(last, WaveField::Id)));
    };
    // The heading is where a problem of the waves as a whole takes focus, its message read
    // with it: no second, hidden copy of the title to say it twice.
    let waves_id = dom_id(Field::Waves);
    view! {
        <section class="waves" aria-labelledby=waves_id.clone()>
            <h2 id=waves_id.clone() tabindex="-1" aria-describedby=format!("{waves_id}-error")>{t(Msg::WavesTitle)}</h2>
            <p class="muted">{t(Msg::WavesHint)}</p>
            <FieldError problems=problems field=Field::Waves />
            {rows}
            <button type="button" class="secondary" id=ADD_WAVE on:click=add>{t(Msg::AddWave)}</button>
        </section>
    }
}
