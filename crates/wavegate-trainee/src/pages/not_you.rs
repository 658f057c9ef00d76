//! "Not you?": taking a training link off a shared device, after a confirmation. Removing is
//! for good and steps still waiting for a connection never reach the server, so the question
//! says how many would be lost before anything goes (as the survey app asks before it clears a
//! survey).

use super::Session;
use crate::i18n::{Msg, counted, t, use_lang};
use crate::local;
use leptos::prelude::*;
use wavegate_ui::dom::focus_id_soon;

/// The id of the "not you?" button, where focus returns when the trainee cancels.
pub const NOT_YOU: &str = "not-you";
/// The id of the confirmation's question, focused when it opens so it is read first.
pub const CLEAR_QUESTION: &str = "clear-question";

/// The "not you?" button and, once pressed, the question whether to remove the training from
/// this device. On "yes" the device forgets the link and `cleared` runs (the page moves on);
/// "cancel" keeps everything. The device remembers (by a digest) that the link was removed, so
/// that "back" or a reload does not load it again without asking.
#[component]
pub fn NotYou(
    /// What follows once the device has forgotten the link.
    #[prop(into)]
    cleared: Callback<()>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let lang = use_lang();
    let asking = RwSignal::new(false);
    // Counted from the outbox itself, again whenever a sync changes what waits (the connection
    // may come back while the question is open).
    let waiting = move || {
        session.pending.track();
        session.token.with_value(|token| local::outbox(token).len())
    };
    let question = move || match waiting() {
        0 => Msg::ClearKeepsSent.text(lang.get()).to_string(),
        // What waits, as the pending line says it, then what removing it now would cost.
        n => {
            let l = lang.get();
            let waits = counted(n as u64, Msg::OnePending, Msg::Pending, l);
            format!("{waits} {}", Msg::ClearLoses.text(l))
        }
    };
    let remove = move |_| {
        crate::forgotten::forget(&session.token.get_value());
        cleared.run(());
    };
    let cancel = move |_| {
        asking.set(false);
        focus_id_soon(NOT_YOU.into());
    };
    view! {
        <p>
            <button type="button" class="link not-you" id=NOT_YOU
                aria-expanded=move || asking.get().to_string()
                on:click=move |_| {
                    asking.set(true);
                    focus_id_soon(CLEAR_QUESTION.into());
                }>{t(Msg::NotYou)}</button>
        </p>
        {move || asking.get().then(|| view! {
            <div class="confirm-clear" role="group" aria-labelledby=CLEAR_QUESTION>
                <p id=CLEAR_QUESTION tabindex="-1">{question}</p>
                <div class="toolbar">
                    <button type="button" class="secondary" on:click=remove>{t(Msg::ClearConfirm)}</button>
                    <button type="button" class="secondary" on:click=cancel>{t(Msg::ClearCancel)}</button>
                </div>
            </div>
        })}
    }
}
