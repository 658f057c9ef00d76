//! The survey's pages as entries of the tab's history, so a phone's Back button goes to the
//! previous page of the survey instead of out of it, and Forward comes back. Every entry keeps
//! the link's own address; its state is the index of the page it shows.

use wasm_bindgen::JsValue;

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// The page of the entry the tab is at; `None` for an entry the survey did not make.
pub fn page() -> Option<usize> {
    let n = history()?.state().ok()?.as_f64()?;
    (n >= 0.0).then_some(n as usize)
}

/// A new entry for `page` after the current one (the entries ahead of it go, as after a link).
pub fn push(page: usize) {
    if let Some(h) = history() {
        let _ = h.push_state_with_url(&JsValue::from(page as u32), "", None);
    }
}

/// The current entry shows `page`.
pub fn replace(page: usize) {
    if let Some(h) = history() {
        let _ = h.replace_state_with_url(&JsValue::from(page as u32), "", None);
    }
}

/// Moves `delta` entries (back when negative); the page hears it as a `popstate`.
pub fn go(delta: i32) {
    if let Some(h) = history() {
        let _ = h.go_with_delta(delta);
    }
}

/// Calls `moved` with the page of every entry Back or Forward reaches (and after [`go`]),
/// for as long as the calling view lives.
pub fn on_move(moved: impl Fn(Option<usize>) + 'static) {
    let handle = leptos::prelude::window_event_listener_untyped("popstate", move |_| moved(page()));
    leptos::prelude::on_cleanup(move || handle.remove());
}

/// Loads `path` in place of the current entry and drops the entries ahead of it, which hold the
/// link's address: neither Back nor Forward reaches it again. The tab must be at the survey's
/// first entry (the ones before it are not the survey's). False when the browser refused.
pub fn leave_for(path: &str) -> bool {
    if let Some(h) = history() {
        // Pushing drops the entries ahead; the entry left behind names `path` too.
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(path));
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(path));
    }
    wavegate_ui::dom::replace_address(path)
}
