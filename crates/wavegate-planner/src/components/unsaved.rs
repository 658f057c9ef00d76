//! Asking before unsaved edits are lost: a link within the app (a program's tab, the brand, a
//! breadcrumb) asks in the page's language whether to leave; closing the tab, reloading or
//! going to another site asks the browser's own question (`beforeunload`).

use crate::i18n::{Msg, use_lang};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

thread_local! {
    /// The click listeners of the guards alive, by number: a JS function cannot go into the
    /// cleanup, which must be `Send`.
    static CLICKS: RefCell<Vec<(u32, wasm_bindgen::JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Whether a click on `ev`'s target follows a link to another page of this app: not a new tab
/// or window, a download, another site (the browser's own question covers that) or a place on
/// the same page.
fn leaves_for_another_page(ev: &web_sys::MouseEvent) -> bool {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return false;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(a) = link else { return false };
    let here = window().location();
    a.target().is_empty()
        && !a.has_attribute("download")
        && here.origin().is_ok_and(|o| o == a.origin())
        && here.pathname().is_ok_and(|p| p != a.pathname())
}

/// While the calling view lives, asks `question` before the page is left while `unsaved` holds.
pub fn ask_before_leaving(question: Msg, unsaved: impl Fn() -> bool + Copy + 'static) {
    let lang = use_lang();
    let unload = window_event_listener_untyped("beforeunload", move |ev| {
        if unsaved() {
            ev.prevent_default();
            // Older browsers ask only when the event carries a return value.
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &true.into());
        }
    });
    // On the document, in the capture phase: ahead of the router, which follows a link on the
    // window unless its click was cancelled.
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if !leaves_for_another_page(&ev) || !unsaved() {
            return;
        }
        let text = question.text(lang.get_untracked());
        if !window().confirm_with_message(text).unwrap_or(true) {
            ev.prevent_default();
            ev.stop_propagation();
        }
    })
    .into_js_value();
    let _ =
        document().add_event_listener_with_callback_and_bool("click", click.unchecked_ref(), true);
    let key = CLICKS.with(|c| {
        let mut c = c.borrow_mut();
        let key = c.iter().map(|(k, _)| k + 1).max().unwrap_or(0);
        c.push((key, click));
        key
    });
    on_cleanup(move || {
        unload.remove();
        CLICKS.with(|c| {
            c.borrow_mut().retain(|(k, f)| {
                if *k == key {
                    let _ = document().remove_event_listener_with_callback_and_bool(
                        "click",
                        f.unchecked_ref(),
                        true,
                    );
                }
                *k != key
            });
        });
    });
}
