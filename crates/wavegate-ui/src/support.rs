//! Where a respondent or trainee gets help: the program's helpdesk and FAQ when it has them,
//! else a general hint. Shown after a survey is sent and on the page of a link that no longer
//! opens, in the respondent and the trainee app alike.

use crate::i18n::{UiMsg, t, use_lang};
use leptos::prelude::*;
use wavegate_core::api::ProgramSupport;
use wavegate_core::contact::to_html;

/// The program's help contacts (helpdesk in the reader's language, FAQ link), or the general
/// hint when the program has none.
pub fn help_contacts(support: ProgramSupport) -> impl IntoView {
    let lang = use_lang();
    if support.is_empty() {
        return view! { <p class="help-hint">{t(UiMsg::HelpHint)}</p> }.into_any();
    }
    let helpdesk = support.helpdesk;
    view! {
        <section class="help" aria-labelledby="help-title">
            <h3 id="help-title">{t(UiMsg::HelpTitle)}</h3>
            // Escaped by the core, with its phone numbers and addresses as links: one tap away on
            // a phone. As HTML, not as a view per piece, which would weigh on every download.
            {helpdesk.map(|h| view! { <p class="helpdesk" inner_html=move || to_html(h.get(lang.get()))></p> })}
            {support.faq_url.map(|url| view! {
                <p><a class="faq-link" href=url rel="noreferrer">{t(UiMsg::FaqLink)}</a></p>
            })}
        </section>
    }
    .into_any()
}
