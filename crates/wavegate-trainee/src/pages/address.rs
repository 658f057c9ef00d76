//! The open module in the address (`/t/{token}#module-id`), so the browser's back button or a
//! phone's back gesture closes a module rather than leaving the app, and a reload reopens it.

use leptos::prelude::*;
use wavegate_ui::dom::{fragment, set_fragment};

/// The module the address names when the page opens.
pub fn opened_module() -> Option<String> {
    fragment()
}

/// Keeps `open` and the address in step for as long as the calling view lives: opening a
/// module adds a history entry, "back" closes it, and closing it in the page takes the
/// fragment out of the address without adding one.
pub fn follow(open: RwSignal<Option<String>>) {
    let on_back = window_event_listener_untyped("popstate", move |_| open.set(fragment()));
    on_cleanup(move || on_back.remove());
    Effect::new(move |_| {
        let want = open.get();
        if want != fragment() {
            set_fragment(want.as_deref(), want.is_some());
        }
    });
}
