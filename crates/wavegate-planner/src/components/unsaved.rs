//! Asking before unsaved edits are lost: a link within the app (a program's tab, the brand, a
//! breadcrumb), the browser's Back and Forward, and signing out ask in the page's language
//! whether to leave; closing the tab, reloading or going to another site asks the browser's own
//! question (`beforeunload`).

use crate::i18n::{Msg, use_lang};
use leptos::prelude::*;
use leptos_router::location::Location;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A guard alive: its click listener, its question while its edits are unsaved, and where its
/// page is.
struct Guard {
    key: u32,
    click: JsValue,
    question: Box<dyn Fn() -> Option<&'static str>>,
    shown: Location,
}

thread_local! {
    /// The guards alive, by number: a JS function cannot go into the cleanup, which must be
    /// `Send`, and Back, Forward and signing out ask whichever guard has unsaved edits.
    static GUARDS: RefCell<Vec<Guard>> = const { RefCell::new(Vec::new()) };
    /// Whether Back and Forward are listened to yet: once is enough for every guard.
    static HISTORY_GUARDED: Cell<bool> = const { Cell::new(false) };
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

/// Makes Back and Forward ask too, for every guard: called once, before the app's `<Router>`.
/// By `popstate` the router draws the other page, and listeners on the window run in the order
/// they were added, capture phase or not; so this one must come first.
pub fn guard_history() {
    if HISTORY_GUARDED.replace(true) {
        return;
    }
    let popstate = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let now = window().location().pathname().unwrap_or_default();
        // The browser's address is already the other page's; the router's is still the page's.
        // Read first, asked after: the registry is not held while the question blocks.
        let unsaved = GUARDS.with(|g| {
            g.borrow().iter().find_map(|g| {
                let path = g.shown.pathname.try_get_untracked()?;
                // A place on the same page (a `#` link) leaves nothing behind, as with a click.
                if path == now {
                    return None;
                }
                let question = (g.question)()?;
                let search = g.shown.search.try_get_untracked().unwrap_or_default();
                let hash = g.shown.hash.try_get_untracked().unwrap_or_default();
                let query = if search.is_empty() { "" } else { "?" };
                Some((question, format!("{path}{query}{search}{hash}")))
            })
        });
        let Some((question, here)) = unsaved else {
            return;
        };
        if !window().confirm_with_message(question).unwrap_or(true) {
            // The router does not follow, and the address is the page's again.
            ev.stop_immediate_propagation();
            let _ = window()
                .history()
                .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&here)));
        }
    })
    .into_js_value();
    // For as long as the page: without unsaved edits it lets everything through.
    let _ = window().add_event_listener_with_callback("popstate", popstate.unchecked_ref());
}

/// While the calling view lives, asks `question` before the page is left while `unsaved` holds.
/// Within a `<Router>`; Back and Forward ask once [`guard_history`] has been called.
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
    let key = GUARDS.with(|g| {
        let mut g = g.borrow_mut();
        let key = g.iter().map(|g| g.key + 1).max().unwrap_or(0);
        g.push(Guard {
            key,
            click,
            question: Box::new(move || unsaved().then(|| question.text(lang.get_untracked()))),
            // The router's, not the browser's address now: the router draws a page it follows a
            // link to before it writes the page's address.
            shown: leptos_router::hooks::use_location(),
        });
        key
    });
    on_cleanup(move || {
        unload.remove();
        GUARDS.with(|g| {
            g.borrow_mut().retain(|g| {
                if g.key == key {
                    let _ = document().remove_event_listener_with_callback_and_bool(
                        "click",
                        g.click.unchecked_ref(),
                        true,
                    );
                }
                g.key != key
            });
        });
    });
}

/// Whether the person may leave every page alive now (to sign out): `true` without a question
/// while nothing is unsaved, else the answer to the first unsaved page's question.
pub fn may_leave() -> bool {
    // Read first, asked after: the registry is not held while the question blocks.
    let question = GUARDS.with(|g| g.borrow().iter().find_map(|g| (g.question)()));
    question.is_none_or(|q| window().confirm_with_message(q).unwrap_or(true))
}
