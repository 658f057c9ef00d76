//! Wavegate's browser app: respondents answer surveys, planners watch the results.
//!
//! A thin shell over `wavegate-core`: the survey model, show-if logic, validation and labels all
//! come from the core crate, the very code the server runs, so the browser and the server can
//! never disagree on what a valid answer is.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod api;
pub mod components;
pub mod dom;
pub mod errors;
pub mod i18n;
pub mod outbox;
pub mod pages;
pub mod storage;

use i18n::{Msg, t};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use storage::Key;

/// Switches between Dutch and English and remembers the choice on this device.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = i18n::use_lang();
    let other = move || lang.get().other();
    view! {
        <button type="button" class="lang-switch"
            lang=move || other().code()
            aria-label=move || Msg::SwitchLanguageHint.text(lang.get())
            on:click=move |_| {
                let next = lang.get_untracked().other();
                lang.set(next);
                storage::save(&Key::Lang, &next);
            }>
            {move || Msg::SwitchLanguage.text(lang.get())}
        </button>
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(storage::initial_lang());
    provide_context(lang);
    Effect::new(move |_| dom::set_document_lang(lang.get().code()));
    outbox::watch();
    view! {
        <Router>
            <a class="skip-link" href="#main">{t(Msg::SkipToContent)}</a>
            <header class="topbar">
                <a href="/" class="brand">{t(Msg::AppName)}</a>
                <LanguageSwitch />
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=pages::home::NotFound>
                    <Route path=path!("/") view=pages::home::HomePage />
                    <Route path=path!("/r/:token") view=pages::respond::RespondPage />
                    <Route path=path!("/planner") view=pages::planner::PlannerPage />
                </Routes>
            </main>
        </Router>
    }
}

/// Mounts the app on the page (called by `main`).
pub fn start() {
    console_error_panic_hook::set_once();
    dom::register_service_worker();
    leptos::mount::mount_to_body(App);
}
