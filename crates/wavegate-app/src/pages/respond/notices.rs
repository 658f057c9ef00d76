//! The pages the respondent sees instead of a survey to answer: a link that does not open, no
//! copy offline, answers waiting in the outbox or answered before, and the like.

use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use crate::outbox;
use leptos::prelude::*;
use wavegate_core::api::{ClosedLink, ProgramSupport};
use wavegate_core::i18n::{Lang, Text};
use wavegate_ui::dom::{name_page, written_time};
use wavegate_ui::support::{HelpPlace, help_contacts_in, link_page_headed};

/// A text in Dutch and in English, as plain values (one view serves every notice).
pub(super) fn both(text: impl Fn(Lang) -> &'static str) -> [&'static str; 2] {
    [text(Lang::Nl), text(Lang::En)]
}

/// A page that explains why there is no survey to answer now, under a heading of its own.
pub(super) fn notice(title: Msg, text: [&'static str; 2]) -> impl IntoView {
    let lang = use_lang();
    name_page(move || title.text(lang.get()).to_string());
    view! {
        <section class="card notice" role="alert" aria-labelledby="notice-title">
            <h1 id="notice-title">{t(title)}</h1>
            <p>{move || if lang.get() == Lang::En { text[1] } else { text[0] }}</p>
            <p><a href="/">{t(UiMsg::BackHome)}</a></p>
        </section>
    }
}

/// A reload, offline, of an anonymous link this tab answered: the thank-you with when the
/// answers were received, and that answering again needs the connection back.
pub(super) fn answered_offline(submitted_at: String) -> impl IntoView {
    let lang = use_lang();
    name_page(move || Msg::ThanksTitle.text(lang.get()).to_string());
    let at = submitted_at.clone();
    view! {
        <section class="card thanks" role="status">
            <h1>{t(Msg::ThanksTitle)}</h1>
            <p class="submitted-at">{t(Msg::SubmittedAt)}" "<time datetime=submitted_at>{move || written_time(&at, lang.get())}</time></p>
            <p>{t(Msg::AnsweredOfflineBody)}</p>
        </section>
    }
}

/// The page of a link that no longer opens: what happened, and the helpdesk to ask for a new
/// link (the program's own, else the general hint). An expired link's heading names its survey
/// when the server did, so the person knows which one to ask about.
pub(super) fn closed(expired: bool, link: ClosedLink) -> impl IntoView {
    let support = link.support();
    let (heading, body) = if expired {
        (
            link_heading(Msg::LinkExpiredTitle, link.survey_title),
            Msg::LinkExpiredBody,
        )
    } else {
        (
            link_heading(Msg::LinkRevokedTitle, None),
            Msg::LinkRevokedBody,
        )
    };
    link_page_headed(heading, body, Some(support))
}

/// The heading of a link's page: `title`, or an expired link's naming its `survey`. Every link
/// page of this app is headed by this one closure, so the bundle carries one copy of the view.
pub(super) fn link_heading(
    title: Msg,
    survey: Option<Text>,
) -> impl Fn(Lang) -> String + Clone + Send + Sync + 'static {
    move |l| match &survey {
        Some(s) => fill(
            Msg::LinkExpiredTitleOf,
            l,
            &[("survey", s.get(l).to_string())],
        ),
        None => title.text(l).to_string(),
    }
}

/// The page of a response that waits in the outbox: why, and that it goes by itself. While the
/// server is busy there is no Retry button: it asked to wait, and the outbox does.
pub(super) fn waiting_notice(
    wait: outbox::Wait,
    retry: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let body = match wait {
        outbox::Wait::Offline => Msg::QueuedOffline,
        outbox::Wait::Busy => Msg::QueuedBusy,
        outbox::Wait::ServerProblem => Msg::QueuedServerProblem,
    };
    view! {
        <section class="card notice queued" role="status" aria-labelledby="queued-title">
            <h2 id="queued-title">{t(Msg::QueuedTitle)}</h2>
            <p>{t(body)}</p>
            {(wait != outbox::Wait::Busy).then(|| view! {
                <button type="button" class="secondary" on:click=retry>{t(Msg::RetryNow)}</button>
            })}
        </section>
    }
}

/// The id of the heading of the page that says the link was answered before.
pub(super) const ANSWERED_BEFORE_TITLE: &str = "answered-before-title";

/// The page of answers the server did not take because the link was answered before (on
/// another device, say): calm, since nothing is wrong and nothing is left to do, and clear that
/// these answers were not saved and the first ones count.
pub(super) fn answered_before(support: ProgramSupport) -> impl IntoView {
    view! {
        <section class="card notice answered-before" role="status" aria-labelledby=ANSWERED_BEFORE_TITLE>
            <h2 id=ANSWERED_BEFORE_TITLE tabindex="-1">{t(Msg::AnsweredBeforeTitle)}</h2>
            <p>{t(Msg::AnsweredBeforeBody)}</p>
            {help_contacts_in(HelpPlace::InSection, support)}
        </section>
    }
}
