//! The language switch of both apps' top bar.

use crate::i18n::{UiMsg, use_lang};
use crate::storage::{self, Key};
use leptos::prelude::*;

/// Switches between Dutch and English and remembers the choice on this device.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let other = move || lang.get().other();
    view! {
        <button type="button" class="lang-switch"
            lang=move || other().code()
            aria-label=move || UiMsg::SwitchLanguageHint.text(lang.get())
            on:click=move |_| {
                let next = lang.get_untracked().other();
                lang.set(next);
                storage::save(&Key::Lang, &next);
            }>
            {move || UiMsg::SwitchLanguage.text(lang.get())}
        </button>
    }
}

/// Provides the language signal to the app (the stored or the browser's language) and keeps
/// `<html lang>` in step with it.
pub fn provide_lang() -> RwSignal<crate::i18n::Lang> {
    let lang = RwSignal::new(storage::initial_lang());
    provide_context(lang);
    Effect::new(move |_| crate::dom::set_document_lang(lang.get().code()));
    lang
}
