//! Telling the planner that a call failed: what failed, in their language, and a way on.

use crate::components::file_problem::FileProblemView;
use crate::i18n::{Msg, UiMsg, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::FileProblem;
use wavegate_ui::api::ApiError;

/// The message for a failed load, with a retry button. A session that ended sends the planner
/// back to the sign-in form.
pub fn load_failed(e: ApiError, retry: impl Fn() + 'static) -> impl IntoView {
    let e = Session::get().check(e);
    let why = crate::errors::message(&e);
    view! {
        <div class="card notice" role="alert">
            <p>{t(Msg::LoadFailed)}" "{t(why)}</p>
            <button type="button" class="secondary" on:click=move |_| retry()>{t(UiMsg::Retry)}</button>
        </div>
    }
}

/// Why a change failed, in the planner's language (`None` shows nothing). A session that
/// ended sends the planner back to the sign-in form.
#[component]
pub fn Failure(#[prop(into)] error: Signal<Option<ApiError>>) -> impl IntoView {
    let lang = use_lang();
    let session = Session::get();
    Effect::new(move |_| {
        if let Some(e) = error.get() {
            session.check(e);
        }
    });
    move || {
        error.get().map(|e| {
            // A file's problem the server sends along (a roster that no longer fits the
            // program) is shown with its place, so the planner knows what to mend.
            let problem = e.details::<FileProblem>();
            view! {
                <p class="form-error" role="alert">{crate::errors::message(&e).text(lang.get())}</p>
                {problem.map(|p| view! { <FileProblemView problem=p /> })}
            }
        })
    }
}
