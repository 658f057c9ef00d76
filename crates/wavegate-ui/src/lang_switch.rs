//! The language switch of both apps' top bar, and the language of content written in one.

use crate::i18n::{Lang, UiMsg, use_lang};
use crate::storage::{self, Key};
use leptos::prelude::*;

/// Whether the page's content is written in one language only: then the app speaks that one and
/// offers no switch (a switch would only translate the buttons around untranslated questions).
#[derive(Clone, Copy, Debug)]
struct OneLanguage(RwSignal<bool>);

/// Switches between Dutch and English and remembers the choice on this device. Hidden while
/// the page shows content written in one language ([`speak_only`]).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let other = move || lang.get().other();
    let one_language = use_context::<OneLanguage>().map(|o| o.0);
    let offered = move || one_language.is_none_or(|o| !o.get());
    view! {
        <Show when=offered>
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
        </Show>
    }
}

/// Content written in `languages` is shown: with one language the app speaks it (whatever the
/// device's preference, which stays as it was) and hides the switch; with more, the switch
/// stays and the current language is kept.
pub fn speak_only(languages: &[Lang]) {
    let [only] = languages else { return };
    use_lang().set(*only);
    if let Some(OneLanguage(one)) = use_context::<OneLanguage>() {
        one.set(true);
    }
}

/// The language a link was made in (`link`, from the invitation or assignment) over the
/// browser's: a person sent an English link reads English in a Dutch browser. Only their own
/// choice on this device, made with the switch and stored, outranks the link. Takes the signal
/// rather than the context, so a page can call it when its link arrives outside the view tree.
pub fn follow_link_language(lang: RwSignal<Lang>, link: Option<Lang>) {
    if storage::load::<Lang>(&Key::Lang).is_none()
        && let Some(l) = link
    {
        lang.set(l);
    }
}

/// Provides the language signal to the app (the stored or the browser's language) and keeps
/// `<html lang>` in step with it.
pub fn provide_lang() -> RwSignal<crate::i18n::Lang> {
    let lang = RwSignal::new(storage::initial_lang());
    provide_context(lang);
    provide_context(OneLanguage(RwSignal::new(false)));
    Effect::new(move |_| crate::dom::set_document_lang(lang.get().code()));
    lang
}
