//! The start page, and the page for unknown paths.

use crate::i18n::{Msg, UiMsg, t};
use leptos::prelude::*;

/// `/`: what Wavegate is, and where respondents and planners go.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="card hero">
            <h1>{t(Msg::HomeTitle)}</h1>
            <p>{t(Msg::HomeIntro)}</p>
            <p>{t(Msg::HomeRespondent)}</p>
            <p><a class="button secondary" href="/planner">{t(Msg::HomePlanner)}</a></p>
        </section>
    }
}

/// Any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card notice">
            <h1>{t(UiMsg::NotFoundTitle)}</h1>
            <p>{t(UiMsg::NotFoundBody)}</p>
            <p><a href="/">{t(UiMsg::BackHome)}</a></p>
        </section>
    }
}
