//! The line that says how many lessons read or quiz results have not reached the server yet:
//! on "My training" (below its offline notice) and on each screen of a module (overview,
//! lesson, quiz, results), where a trainee deep in a module should know it too.

use super::Session;
use crate::i18n::{Msg, counted, use_lang};
use leptos::prelude::*;

/// Nothing in the page while nothing waits. One view for every page, so the module's screens
/// add no code of their own to a bundle counted in bytes.
pub fn pending_line() -> impl IntoView {
    let session = expect_context::<Session>();
    let lang = use_lang();
    move || {
        (session.pending.get() > 0).then(|| view! {
            <p class="pending" role="status">{counted(session.pending.get() as u64, Msg::OnePending, Msg::Pending, lang.get())}</p>
        })
    }
}
