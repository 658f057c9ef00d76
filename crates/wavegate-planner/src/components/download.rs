//! A button that downloads a file from the server and saves it byte for byte under the
//! server's name.

use crate::components::notice::Failure;
use crate::i18n::{Msg, t};
use leptos::prelude::*;
use std::future::Future;
use wavegate_ui::api::{ApiError, Download};

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
) -> impl IntoView
where
    F: Fn() -> Fut + Clone + 'static,
    Fut: Future<Output = Result<Download, ApiError>> + 'static,
{
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let click = move |_| {
        let fetch = fetch.clone();
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
    view! {
        <span class="download">
            <button type="button" class="secondary" disabled=move || busy.get() on:click=click>{t(label)}</button>
            <Failure error=error />
        </span>
    }
}
