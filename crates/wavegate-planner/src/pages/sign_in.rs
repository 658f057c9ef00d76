//! Signing in with e-mail address and password.

use crate::i18n::{Msg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::ErrorCode;
use wavegate_ui::api::session;

/// Why signing in did not work.
#[derive(Clone, Debug, PartialEq)]
enum Refused {
    /// E-mail or password missing.
    Empty,
    /// Too many failed attempts; try again after this many seconds.
    Wait(Option<u64>),
    /// Any other reason, with the message for it.
    Other(crate::errors::ErrorMsg),
}

/// The sign-in form (shown for every planner page while nobody is signed in).
#[component]
pub fn SignInPage() -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<Refused>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (e, p) = (
            email.get_untracked().trim().to_string(),
            password.get_untracked(),
        );
        if e.is_empty() || p.is_empty() {
            refused.set(Some(Refused::Empty));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = session::sign_in(&e, &p).await;
            busy.set(false);
            match result {
                Ok(info) => {
                    refused.set(None);
                    session.signed_in(info);
                    // The form is gone with the page it was on: the page that opens takes focus.
                    wavegate_ui::dom::focus_heading();
                }
                Err(e) if e.code() == Some(ErrorCode::TooManyAttempts) => {
                    refused.set(Some(Refused::Wait(e.retry_after())));
                }
                Err(e) => refused.set(Some(Refused::Other(crate::errors::message(&e)))),
            }
        });
    };
    let invalid =
        move || matches!(refused.get(), Some(Refused::Empty | Refused::Other(_))).then_some("true");
    let error_text = move || match refused.get() {
        Some(Refused::Empty) => Some(Msg::SignInEmpty.text(lang.get()).to_string()),
        Some(Refused::Other(m)) => Some(m.text(lang.get()).to_string()),
        _ => None,
    };
    // Too many attempts is no mistake of this form: said calmly, as a status, not an alert.
    let wait_text = move || match refused.get() {
        Some(Refused::Wait(Some(n))) => Some(fill(
            Msg::SignInWaitSeconds,
            lang.get(),
            &[("n", n.to_string())],
        )),
        Some(Refused::Wait(None)) => Some(Msg::ErrorTooManyAttempts.text(lang.get()).to_string()),
        _ => None,
    };
    super::name_page(move || Msg::SignInTitle.text(lang.get()).to_string());
    view! {
        <section class="card signin" aria-labelledby="signin-title">
            <h1 id="signin-title">{t(Msg::SignInTitle)}</h1>
            <p class="muted">{t(Msg::SignInHint)}</p>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="planner-email">{t(Msg::EmailLabel)}</label>
                    <input id="planner-email" type="email" autocomplete="username"
                        aria-invalid=invalid aria-describedby="signin-error"
                        on:input=move |ev| email.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="planner-password">{t(Msg::PasswordLabel)}</label>
                    <input id="planner-password" type="password" autocomplete="current-password"
                        aria-invalid=invalid aria-describedby="signin-error"
                        on:input=move |ev| password.set(event_target_value(&ev)) />
                </div>
                <p id="signin-error" class="form-error" role="alert" hidden=move || error_text().is_none()>
                    {error_text}
                </p>
                <p class="banner banner-info" role="status" hidden=move || wait_text().is_none()>{wait_text}</p>
                <button type="submit" class="primary" disabled=move || busy.get()>{t(Msg::SignIn)}</button>
            </form>
        </section>
    }
}
