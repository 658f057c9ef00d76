//! The start page, the page after clearing a shared device, and the page for unknown paths.

use crate::i18n::{Msg, UiMsg, t};
use leptos::prelude::*;
use wavegate_ui::dom::name_page;
use wavegate_ui::i18n::{NotFoundMsg, use_lang};

/// `/`: what Wavegate is, and where respondents and planners go.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    name_page(move || Msg::HomeTitle.text(lang.get()).to_string());
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
    let lang = use_lang();
    name_page(move || NotFoundMsg::Title.text(lang.get()).to_string());
    view! {
        <section class="card notice">
            <h1>{t(NotFoundMsg::Title)}</h1>
            <p>{t(NotFoundMsg::Body)}</p>
            <p><a href="/">{t(UiMsg::BackHome)}</a></p>
        </section>
    }
}

/// After "not you?": the device was cleared and the link's address replaced by this page's.
#[component]
pub fn Cleared() -> impl IntoView {
    let lang = use_lang();
    name_page(move || Msg::DeviceCleared.text(lang.get()).to_string());
    view! {
        <section class="card notice" role="status" aria-labelledby="cleared-title">
            <h1 id="cleared-title">{t(Msg::DeviceCleared)}</h1>
            <p>{t(Msg::DeviceClearedBody)}</p>
            <p><a href="/">{t(UiMsg::BackHome)}</a></p>
        </section>
    }
}
