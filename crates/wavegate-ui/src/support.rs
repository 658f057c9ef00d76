//! Where a respondent or trainee gets help: the program's FAQ and helpdesk when it has them,
//! in that order, else a general hint. Shown after a survey is sent, on the page of a link that no longer
//! opens, in the respondent and the trainee app alike, and on the trainee's "My training"; and
//! the page of such a link itself ([`link_page`]).

use crate::dom::name_page;
use crate::i18n::{Message, UiMsg, t, use_lang};
use leptos::prelude::*;
use wavegate_core::api::ProgramSupport;
use wavegate_core::contact::to_html;
use wavegate_core::i18n::Lang;

/// The page of a link that opens nothing (unknown, expired or revoked), in the respondent and
/// the trainee app alike: a heading of its own, why, the program's help when the server sent
/// it, and the way on to the start page. Each app passes its own messages, so one copy of the
/// view serves all its link pages.
pub fn link_page<M: Message>(title: M, body: M, support: Option<ProgramSupport>) -> impl IntoView {
    let lang = use_lang();
    name_page(move || title.text(lang.get()).to_string());
    view! {
        <section class="card notice" role="alert" aria-labelledby="notice-title">
            <h1 id="notice-title">{t(title)}</h1>
            <p>{t(body)}</p>
            {support.map(help_contacts)}
            {link_line("home-link", "/".into(), UiMsg::BackHome)}
        </section>
    }
}

/// [`link_page`] under a heading written per language: one that names the survey an expired
/// link was for, say. Its own copy of the view rather than the one `link_page` calls: an app
/// uses one of the two, and the trainee's bundle (which heads its pages with plain messages)
/// would pay for a heading of text made at run time.
pub fn link_page_headed<M: Message>(
    heading: impl Fn(Lang) -> String + Clone + Send + Sync + 'static,
    body: M,
    support: Option<ProgramSupport>,
) -> impl IntoView {
    let lang = use_lang();
    let tab = heading.clone();
    name_page(move || tab(lang.get()));
    view! {
        <section class="card notice" role="alert" aria-labelledby="notice-title">
            <h1 id="notice-title">{move || heading(lang.get())}</h1>
            <p>{t(body)}</p>
            {support.map(help_contacts)}
            {link_line("home-link", "/".into(), UiMsg::BackHome)}
        </section>
    }
}

/// The page of a link the server could not open just now because it is busy (`429`, `503`):
/// calm, true for someone who has not answered anything yet, and one press from trying again.
pub fn busy_page() -> impl IntoView {
    let lang = use_lang();
    name_page(move || UiMsg::BusyTitle.text(lang.get()).to_string());
    let retry = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="card notice" role="status" aria-labelledby="notice-title">
            <h1 id="notice-title">{t(UiMsg::BusyTitle)}</h1>
            <p>{t(UiMsg::BusyBody)}</p>
            <p><button type="button" class="primary" on:click=retry>{t(UiMsg::Retry)}</button></p>
        </section>
    }
}

/// Whether a failed call means the server is busy for now (rate limited or overloaded), so
/// trying again shortly is the answer.
pub fn is_busy(e: &crate::api::ApiError) -> bool {
    matches!(
        e.code(),
        Some(wavegate_core::api::ErrorCode::RateLimited | wavegate_core::api::ErrorCode::Busy)
    )
}

/// Where the help sits: its heading is one level below the heading it follows, so headings
/// read as an outline (no level skipped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpPlace {
    /// Right under the page's `h1` (the page of a link that no longer opens): an `h2`.
    UnderPageTitle,
    /// In a section under an `h2` (the thank-you, a refusal): an `h3`.
    InSection,
}

/// The program's help contacts right under the page's `h1` (a link that no longer opens, the
/// trainee's "My training"; see [`help_contacts_in`]).
pub fn help_contacts(support: ProgramSupport) -> impl IntoView {
    help_under(
        || view! { <h2 id="help-title">{t(UiMsg::HelpTitle)}</h2> }.into_any(),
        support,
    )
}

/// The program's help contacts with a heading of the level `place` needs. Each heading is
/// made where it is asked for, so the trainee's bundle, which asks only for the `h2`, carries
/// no other.
pub fn help_contacts_in(place: HelpPlace, support: ProgramSupport) -> impl IntoView {
    match place {
        HelpPlace::UnderPageTitle => help_contacts(support).into_any(),
        HelpPlace::InSection => help_under(
            || view! { <h3 id="help-title">{t(UiMsg::HelpTitle)}</h3> }.into_any(),
            support,
        ),
    }
}

/// The program's help contacts under `heading`, or the general hint when the program has none.
/// Self-service first, then the helpdesk, wherever they show (the advice the built-in
/// `get-help` module teaches): the FAQ answers most questions at once, at any hour, and the
/// helpdesk is there for what it does not.
fn help_under(heading: fn() -> AnyView, support: ProgramSupport) -> AnyView {
    let lang = use_lang();
    if support.is_empty() {
        return view! { <p class="help-hint">{t(UiMsg::HelpHint)}</p> }.into_any();
    }
    let helpdesk = support.helpdesk;
    let faq = support
        .faq_url
        .map(|url| link_line("faq-link", url, UiMsg::FaqLink));
    view! {
        <section class="help" aria-labelledby="help-title">
            {heading()}
            {faq}
            // Escaped by the core, with its phone numbers and addresses as links: one tap away on
            // a phone. As HTML, not as a view per piece, which would weigh on every download.
            {helpdesk.map(|h| view! { <p class="helpdesk" inner_html=move || to_html(h.get(lang.get()))></p> })}
        </section>
    }
    .into_any()
}

/// A link on a line of its own: the FAQ, or the start page. One view for both, so the bundles
/// carry its code once.
fn link_line(class: &'static str, href: String, text: UiMsg) -> impl IntoView {
    view! { <p><a class=class href=href rel="noreferrer">{t(text)}</a></p> }
}
