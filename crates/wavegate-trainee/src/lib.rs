//! Wavegate's trainee app: a trainee opens their personal link (`/t/{token}`) and works through
//! the modules assigned to them, one lesson screen at a time, with a quiz that gives feedback at
//! once, online or offline. A bundle of its own, so a respondent's phone never downloads it.
//!
//! A thin shell over `wavegate-core`: lessons are rendered, attempts drawn and scored, progress
//! judged and certificates issued by the very code the server runs, so the device and the
//! server agree even when the device was offline. What apps share is `wavegate-ui`.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod forgotten;
pub mod i18n;
pub mod local;
pub mod pages;
pub mod quiz_draft;

use i18n::{UiMsg, t};
use leptos::prelude::*;
use wavegate_ui::lang_switch::{LanguageSwitch, provide_lang};

/// The training link's token in a path `/t/{token}`.
pub fn token_of(path: &str) -> Option<String> {
    let token = path.strip_prefix("/t/")?.trim_end_matches('/');
    (!token.is_empty() && !token.contains('/')).then(|| token.to_string())
}

/// Where "not you?" leaves a trainee: the link's address is replaced by this one, so neither
/// reloading nor "back" opens the link (and its person's progress on the server) again.
pub const CLEARED: &str = "/t/cleared";

/// What a path under `/t/` opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The training of the link with this token.
    Training(String),
    /// The page after "not you?".
    Cleared,
    /// Nothing: not a training link.
    Invalid,
}

/// The route of `path`. [`CLEARED`] is no link: tokens are long and random, never `cleared`.
pub fn route(path: &str) -> Route {
    if path.trim_end_matches('/') == CLEARED {
        return Route::Cleared;
    }
    token_of(path).map_or(Route::Invalid, Route::Training)
}

/// The whole app, for the page `route` names.
#[component]
pub fn App(route: Route) -> impl IntoView {
    provide_lang();
    let content = match route {
        Route::Training(token) => view! { <pages::TrainingPage token=token /> }.into_any(),
        Route::Cleared => pages::cleared(None).into_any(),
        Route::Invalid => pages::invalid().into_any(),
    };
    view! {
        <a class="skip-link" href="#main">{t(UiMsg::SkipToContent)}</a>
        <header class="topbar no-print">
            <span class="brand">{t(UiMsg::AppName)}</span>
            <LanguageSwitch />
        </header>
        <main id="main" tabindex="-1">{content}</main>
    }
}

/// Mounts the app on the page (called by `main`).
pub fn start() {
    // Panic messages in the console for developers' builds; a release build spares every
    // respondent the formatting code (some 0.8 KB of the 250 KB a link may transfer), and a
    // panic still shows in the console as the trap it becomes.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    register_service_worker();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let route = route(&path);
    leptos::mount::mount_to_body(move || view! { <App route=route.clone() /> });
}

/// Registers the service worker that keeps the app available offline (the respondent app's:
/// it caches the trainee page under `/t/`, never a token).
fn register_service_worker() {
    if let Some(w) = web_sys::window() {
        let sw = w.navigator().service_worker();
        // Not available on plain http outside localhost; the app still works online.
        if !sw.is_undefined() {
            let _ = sw.register("/sw.js");
        }
    }
}
