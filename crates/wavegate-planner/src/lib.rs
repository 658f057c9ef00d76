//! Wavegate's planner app, served at `/planner`: signing in, programs (waves, thresholds,
//! helpdesk details), importing the files source systems export, publishing surveys, inviting
//! people from the roster, response rates, survey results, the readiness dashboard, the lessons-learned log, and
//! training modules (publish, assign by wave or segment, results per group, who must re-study a
//! new version).
//!
//! A separate bundle from the respondent app (`wavegate-app`), so respondents never download
//! it. A thin shell over `wavegate-core`: a program is checked in the browser by the very
//! `Program::parse` the server runs, templates and metric defaults come from the core, and
//! every figure shown is computed by the server with the core. What both apps share (messages,
//! the API client, storage keys) is `wavegate-ui`.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod components;
pub mod errors;
pub mod i18n;
pub mod pages;
pub mod session;

use i18n::{Msg, UiMsg, t};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use session::{Session, SignedIn};
use wavegate_core::api::Role;
use wavegate_ui::lang_switch::{LanguageSwitch, provide_lang};

/// The account bar: who is signed in, in which role, and signing out.
#[component]
fn Account() -> impl IntoView {
    let session = Session::get();
    let sign_out = move |_| {
        // Signing out drops the page, and with it any unsaved edits.
        if !components::unsaved::may_leave() {
            return;
        }
        let csrf = session.csrf();
        leptos::task::spawn_local(async move {
            // Signed out here whatever the server says: the cookie is cleared or expires.
            let _ = wavegate_ui::api::session::sign_out(&csrf).await;
            session.ended();
        });
    };
    move || {
        session.info().map(|info| {
            let role = match info.role {
                Role::Planner => Msg::RolePlanner,
                Role::Viewer => Msg::RoleViewer,
            };
            view! {
                <span class="account"><span class="account-email">{info.email}</span>" · "{t(role)}</span>
                <button type="button" class="topbar-button" on:click=sign_out>{t(Msg::SignOut)}</button>
            }
        })
    }
}

/// After the app moves to another page (a link, a tab of a program, a form that opens what it
/// made), focus goes to the new page's heading: without this it falls back to `<body>`, a
/// screen reader says nothing, and Tab starts again at the top of the document. A change of
/// the query only (the dashboard's date) stays on the same page and leaves focus alone.
#[component]
pub fn FocusOnNavigation() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |before: Option<String>| {
        let path = location.pathname.get();
        if before.is_some_and(|b| b != path) {
            wavegate_ui::dom::focus_heading();
        }
        path
    });
}

/// The whole planner app.
#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    pages::ProgramNames::provide();
    // Ahead of the router's listener on the window.
    components::unsaved::guard_history();
    let session = Session::provide();
    let viewer = move || {
        session
            .info()
            .is_some_and(|i| i.role == Role::Viewer)
            .then(|| view! { <p class="banner banner-info viewer-note" role="note">{t(Msg::ViewerNote)}</p> })
    };
    let content = move || {
        match session.state() {
        SignedIn::Unknown => {
            view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }.into_any()
        }
        SignedIn::No => view! { <pages::sign_in::SignInPage /> }.into_any(),
        SignedIn::Yes(_) => view! {
            {viewer}
            <Routes fallback=pages::NotFound>
                <Route path=path!("/planner") view=pages::programs::ProgramsPage />
                <Route path=path!("/planner/new-program") view=pages::program::NewProgramPage />
                <Route path=path!("/planner/programs/:program") view=pages::program::ProgramPage />
                <Route path=path!("/planner/programs/:program/files") view=pages::imports::ImportsPage />
                <Route path=path!("/planner/programs/:program/surveys") view=pages::surveys::SurveysPage />
                <Route path=path!("/planner/programs/:program/surveys/:survey") view=pages::survey::SurveyPage />
                <Route path=path!("/planner/programs/:program/surveys/:survey/results") view=pages::results::ResultsPage />
                <Route path=path!("/planner/programs/:program/readiness") view=pages::readiness::ReadinessPage />
                <Route path=path!("/planner/programs/:program/communications") view=pages::comms::CommsPage />
                <Route path=path!("/planner/programs/:program/lessons") view=pages::lessons::LessonsPage />
                <Route path=path!("/planner/programs/:program/invite") view=pages::invite::InvitePage />
                <Route path=path!("/planner/programs/:program/assign") view=pages::assign::AssignPage />
                <Route path=path!("/planner/programs/:program/training") view=pages::training::TrainingPage />
                <Route path=path!("/planner/programs/:program/training/:module") view=pages::training_module::ModulePage />
            </Routes>
        }
        .into_any(),
    }
    };
    view! {
        <Router>
            <FocusOnNavigation />
            <a class="skip-link" href="#main">{t(UiMsg::SkipToContent)}</a>
            <header class="topbar">
                <a href="/planner" class="brand">{t(Msg::PlannerBrand)}</a>
                <div class="topbar-actions">
                    <Account />
                    <LanguageSwitch />
                </div>
            </header>
            <main id="main" class="planner" tabindex="-1">{content}</main>
        </Router>
    }
}

/// Mounts the app on the page (called by `main`).
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
