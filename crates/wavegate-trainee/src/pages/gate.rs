//! A link removed from this device with "not you?" stays removed. Loaded again (a reload, "back"
//! to its address) or restored by the browser from its back/forward cache, it asks first
//! whether to open it again (the cleared page with a button); "back" within the page shows the
//! cleared page. Without this, the browser's history would bring the previous person's
//! training back on a shared device.

use crate::forgotten;
use leptos::prelude::*;

/// Follows the browser's history for the link `token` while the calling view lives, once the
/// device remembers it was removed: `removed(false)` on a `popstate` to one of its addresses,
/// `removed(true)` when the browser shows the page again from its back/forward cache
/// (`pageshow` with `persisted`; a first load's `pageshow` is left alone).
pub fn watch(token: &str, removed: impl Fn(bool) + Clone + 'static) {
    let token = token.to_string();
    let on = move |ev: web_sys::Event| {
        let restored = js_sys::Reflect::get(&ev, &"persisted".into()).is_ok_and(|p| p.is_truthy());
        if (restored || ev.type_() == "popstate") && forgotten::is_marked(&token) {
            removed(restored);
        }
    };
    let back = window_event_listener_untyped("popstate", on.clone());
    let shown = window_event_listener_untyped("pageshow", on);
    on_cleanup(move || {
        back.remove();
        shown.remove();
    });
}
