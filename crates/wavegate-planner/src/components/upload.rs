//! Choosing a file (picking it or dropping it on the zone) and showing how far its upload is.

use crate::i18n::{Msg, fill, t, use_lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wavegate_ui::api::Progress;

/// A file input with a zone a file can be dropped on. `on_file` gets the chosen file.
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
) -> impl IntoView
where
    F: Fn(web_sys::File) + Clone + 'static,
{
    let over = RwSignal::new(false);
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
            on_file(file);
        }
    };
    view! {
        <div class="drop-zone" class:drop-over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=dropped>
            <label for=id.clone()>{t(label)}</label>
            <p class="muted drop-hint">{t(Msg::DropHint)}</p>
            <input id=id type="file" accept=accept disabled=move || disabled.get() on:change=picked />
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
