//! Wavegate's respondent app: people open an invitation link and answer a survey, online or
//! offline. The planner's pages are another bundle (`wavegate-planner`), so a respondent's
//! phone downloads only this one.
//!
//! A thin shell over `wavegate-core`: the survey model, show-if logic, validation and labels all
//! come from the core crate, the very code the server runs, so the browser and the server can
//! never disagree on what a valid answer is. What both apps share (messages, the API client,
//! storage keys) is `wavegate-ui`.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod components;
pub mod dom;
pub mod draft_sync;
pub mod errors;
pub mod history;
pub mod i18n;
pub mod outbox;
pub mod pages;
pub mod storage;

use i18n::{UiMsg, t};
use leptos::prelude::*;
use pages::Page;
use wavegate_ui::lang_switch::{LanguageSwitch, provide_lang};

/// The whole app, showing `page`.
#[component]
pub fn App(page: Page) -> impl IntoView {
    provide_lang();
    outbox::watch();
    let content = match page {
        Page::Home => pages::home::HomePage().into_any(),
        Page::Respond(token) => view! { <pages::respond::RespondPage token=token /> }.into_any(),
        Page::Cleared => pages::home::Cleared().into_any(),
        Page::NotFound => pages::home::NotFound().into_any(),
    };
    view! {
        // Focus moves without a fragment: an entry of its own in the tab's history would sit
        // among the survey's pages (crate::history).
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            wavegate_ui::dom::focus_main();
        }>{t(UiMsg::SkipToContent)}</a>
        <header class="topbar">
            <a href="/" class="brand">{t(UiMsg::AppName)}</a>
            <LanguageSwitch />
        </header>
        <main id="main" class="respondent" tabindex="-1">{content}</main>
    }
}

/// Mounts the app on the page (called by `main`).
pub fn start() {
    // Panic messages in the console for developers' builds; a release build spares every
    // respondent the formatting code (some 0.8 KB of the 250 KB a link may transfer), and a
    // panic still shows in the console as the trap it becomes.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Acknowledgements only serve a page open while its response is delivered.
    storage::remove_all_sent();
    dom::register_service_worker();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let page = Page::of(&path);
    leptos::mount::mount_to_body(move || view! { <App page=page /> });
}
