//! The question a delete button asks before anything is deleted: a group titled by a heading
//! that takes focus when it opens, what deleting means, the deleting button and Cancel. The
//! lessons-learned log and the communication plan ask it the same way.

use crate::i18n::{Msg, t};
use leptos::prelude::*;

/// The question, shown while its item is being confirmed. `title_id` is where focus goes when
/// it opens (the caller moves it there after the redraw).
#[component]
pub fn DeleteQuestion(
    /// The id of its heading.
    title_id: String,
    /// The question.
    title: Msg,
    /// What deleting does.
    text: Msg,
    /// The deleting button's label.
    confirm: Msg,
    /// While the delete is under way, its button is disabled.
    busy: RwSignal<bool>,
    /// Deletes.
    on_confirm: Callback<()>,
    /// Closes the question, deleting nothing.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let labelled_by = title_id.clone();
    view! {
        <div class="confirm" role="group" aria-labelledby=labelled_by>
            <h4 id=title_id tabindex="-1">{t(title)}</h4>
            <p>{t(text)}</p>
            <div class="button-row">
                <button type="button" class="danger" disabled=move || busy.get()
                    on:click=move |_| on_confirm.run(())>{t(confirm)}</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{t(Msg::Cancel)}</button>
            </div>
        </div>
    }
}
