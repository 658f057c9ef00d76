//! Choosing a file (picking it or dropping it on the zone) and showing how far its upload is.

use crate::i18n::{Msg, fill, t, use_lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wavegate_ui::api::Progress;

/// A file input with a zone a file can be dropped on. `on_file` gets the chosen file.
///
/// The browser's own button and "no file chosen" speak the browser's language, not the page's:
/// the input stays (keyboard, screen readers and tests use it, named by the label) but is drawn
/// as our button, and the name of the file chosen last is shown beside it.
#[component]
pub fn FilePicker<F>(
    /// The input's id (unique on the page).
    id: String,
    /// What kind of file (the label).
    label: Msg,
    /// The `accept` attribute (`.csv,text/csv`).
    accept: &'static str,
    /// Called with the chosen file.
    on_file: F,
    /// Whether choosing is off (a viewer, or an upload under way).
    #[prop(into)]
    disabled: Signal<bool>,
    /// Notified when the choice was dropped (its preview cancelled): the name shown goes, so
    /// it is not taken for the file in use.
    #[prop(optional)]
    cleared: Option<Trigger>,
    /// The id of the heading that says which file this is, when a page has several pickers:
    /// the input is named by it and the label ("Roster Choose a CSV file"), so a screen
    /// reader's list of form controls tells them apart. By reference, not a hidden copy of the
    /// heading in the label: read through, the page would say the heading twice.
    #[prop(optional)]
    named_by: Option<String>,
) -> impl IntoView
where
    F: Fn(web_sys::File) + Clone + 'static,
{
    let lang = use_lang();
    let input = NodeRef::<leptos::html::Input>::new();
    let over = RwSignal::new(false);
    let chosen = RwSignal::new(None::<String>);
    if let Some(cleared) = cleared {
        Effect::new(move |_| {
            cleared.track();
            chosen.set(None);
        });
    }
    let picked = {
        let on_file = on_file.clone();
        move |ev: leptos::ev::Event| {
            let input = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(file) = input
                .as_ref()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            {
                chosen.set(Some(file.name()));
                on_file(file);
            }
            // The same file may be chosen again after a correction.
            if let Some(i) = input {
                i.set_value("");
            }
        }
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if disabled.get_untracked() {
            return;
        }
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            chosen.set(Some(file.name()));
            on_file(file);
        }
    };
    view! {
        <div class="drop-zone" class:drop-over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=dropped>
            <label for=id.clone() id=format!("{id}-label")>{t(label)}</label>
            <p class="muted drop-hint">{t(Msg::DropHint)}</p>
            <div class="file-choice">
                <input id=id.clone() class="file-input" type="file" accept=accept node_ref=input
                    aria-labelledby=named_by.map(|heading| format!("{heading} {id}-label"))
                    disabled=move || disabled.get() on:change=picked />
                // For the pointer only: the input above is what the keyboard and a screen
                // reader reach (named by the label alone), and a click here is a click on it.
                <span class="file-button" aria-hidden="true" class:disabled=move || disabled.get()
                    on:click=move |_| if let Some(i) = input.get() { i.click() }>{t(Msg::PickFile)}</span>
                <span class="muted file-name">{move || chosen.get().unwrap_or_else(|| Msg::NoFileChosen.text(lang.get()).to_string())}</span>
            </div>
        </div>
    }
}

/// The upload's progress: a native progress bar with the percentage in words.
#[component]
pub fn UploadProgress(#[prop(into)] progress: Signal<Option<Progress>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        progress.get().map(|p| {
            let pct = p.percent();
            let text = if pct >= 100 {
                Msg::Checking.text(lang.get()).to_string()
            } else {
                fill(Msg::Sending, lang.get(), &[("percent", pct.to_string())])
            };
            view! {
                <div class="upload-progress" role="status">
                    <progress max="100" value=pct.to_string() aria-label=text.clone()></progress>
                    <span>{text}</span>
                </div>
            }
        })
    }
}
