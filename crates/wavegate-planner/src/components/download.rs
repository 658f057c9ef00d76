//! A button that downloads a file from the server and saves it byte for byte under the
//! server's name; a list's file is offered only once the list holds an entry.

use crate::components::notice::Failure;
use crate::i18n::{Msg, t};
use leptos::prelude::*;
use std::future::Future;
use wavegate_ui::api::{ApiError, Download};

/// Whether `list` has loaded and holds an entry. The file of an empty list is its header row
/// alone, so a list's download is offered only while this holds.
pub fn holds_entries<T: 'static>(list: LocalResource<Result<Vec<T>, ApiError>>) -> Signal<bool> {
    Signal::derive(move || list.with(|r| matches!(r, Some(Ok(all)) if !all.is_empty())))
}

/// A download button: `fetch` gets the file, which is saved as sent (bytes, type and name;
/// `fallback` names it when the server gave no name).
#[component]
pub fn DownloadButton<F, Fut>(
    /// What the button says.
    label: Msg,
    /// Gets the file.
    fetch: F,
    /// The file's name when the server sends none.
    fallback: &'static str,
    /// Shown only while this holds (a list's file: [`holds_entries`]); always without it.
    #[prop(optional, into)]
    offered: Option<Signal<bool>>,
) -> impl IntoView
where
    F: Fn() -> Fut + Clone + 'static,
    Fut: Future<Output = Result<Download, ApiError>> + 'static,
{
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    // Kept on this thread: the button is drawn again each time it is offered anew.
    let fetch = StoredValue::new_local(fetch);
    let click = move |_| {
        let fetch = fetch.get_value();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match fetch().await {
                Ok(file) => {
                    error.set(None);
                    wavegate_ui::dom::save(&file, fallback);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let shown = move || offered.is_none_or(|o| o.get());
    move || {
        shown().then(|| view! {
            <span class="download">
                <button type="button" class="secondary" disabled=move || busy.get() on:click=click>{t(label)}</button>
                <Failure error=error />
            </span>
        })
    }
}
