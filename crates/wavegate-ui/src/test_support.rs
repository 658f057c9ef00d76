//! What the apps' component tests share (feature `test-support`): mounting a view in a fresh
//! element of the test page, reading it, and letting it catch up.

#![allow(clippy::unwrap_used)]

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a view in a fresh element; the handle keeps it mounted while it lives.
pub fn mount<F, N>(f: F) -> (web_sys::HtmlElement, impl Drop)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = mount_to(host.clone(), f);
    (host, handle)
}

/// The text of the first element under `host` matching `selector` (empty without one).
pub fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// The texts of every element under `host` matching `selector`, as rendered (`innerText`).
pub fn texts_of(host: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|e| e.unchecked_into::<web_sys::HtmlElement>().inner_text())
        .collect()
}

/// Lets effects and reactive attributes catch up.
pub async fn settle() {
    leptos::task::tick().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
}
