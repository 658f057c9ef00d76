//! Small browser helpers: focus, the document's language, local times (the browser's way, or
//! in the page's language) and saving a download.

use crate::api::Download;
use wasm_bindgen::JsCast;

/// Today in UTC: the server's day, by which it judges a link's expiry and stores evaluations.
pub fn utc_today() -> Option<chrono::NaiveDate> {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    chrono::NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()
}

/// Whether the browser says it is connected, kept up to date by its `online` and `offline`
/// events while the calling view lives; `back` runs each time the connection returns (to send
/// what waits, or to drop an "offline" notice).
pub fn connection(back: impl Fn() + 'static) -> leptos::prelude::ReadSignal<bool> {
    use leptos::prelude::*;
    let now = web_sys::window().is_none_or(|w| w.navigator().on_line());
    let (online, set_online) = signal(now);
    let on = window_event_listener(leptos::ev::online, move |_| {
        set_online.set(true);
        back();
    });
    let off = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    online
}

/// Whether a page shows its offline notice: opened from the device's copy and not back online
/// since, or the connection dropped while it was open.
pub fn offline_notice(opened_offline: bool) -> leptos::prelude::Signal<bool> {
    use leptos::prelude::*;
    let from_copy = RwSignal::new(opened_offline);
    let online = connection(move || from_copy.set(false));
    Signal::derive(move || from_copy.get() || !online.get())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Moves focus to the element with `id` (a heading or region after a change of page or a
/// result), so screen readers continue there.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus to the element with `id` once the page has caught up with the change just made
/// (Leptos redraws in a microtask; this runs after it), for an element the change creates or
/// rebuilds, such as the next question's heading or a moved item's button.
pub fn focus_id_soon(id: String) {
    leptos::prelude::set_timeout(move || focus_id(&id), std::time::Duration::ZERO);
}

/// Moves focus to the main region (after a page change), so screen readers start at the top.
pub fn focus_main() {
    focus_id("main");
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves focus to the heading (`h1`) of the view just opened, after a change of page within an
/// app, so a screen reader says where the person is and Tab goes on from there, not from the
/// top of the document. The main region holds focus meanwhile (never `<body>`); a heading that
/// only appears once the page's data has loaded takes focus then, unless the person has moved
/// on. The heading gets `tabindex="-1"`: focusable by script, still out of the Tab order.
pub fn focus_heading() {
    focus_main();
    // After the redraw: the old page's heading is still there now.
    heading_when_shown(40);
}

fn heading_when_shown(tries: u32) {
    leptos::prelude::set_timeout(
        move || {
            let Some(doc) = document() else { return };
            let Some(main) = doc.get_element_by_id("main") else {
                return;
            };
            if doc.active_element().as_ref() != Some(&main) {
                return;
            }
            match main
                .query_selector("h1")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
            {
                Some(h1) => {
                    if !h1.has_attribute("tabindex") {
                        let _ = h1.set_attribute("tabindex", "-1");
                    }
                    let _ = h1.focus();
                }
                None if tries > 0 => heading_when_shown(tries - 1),
                None => {}
            }
        },
        std::time::Duration::from_millis(if tries == 40 { 0 } else { 50 }),
    );
}

/// Names the browser tab after the page, `name` first and the app last ("Pagina 2 van 6 ·
/// Pilot — Wavegate"), so tabs, the history, bookmarks and a printout tell pages apart (WCAG
/// 2.4.2); follows whatever `name` reads (the language, the page shown).
pub fn name_page(name: impl Fn() -> String + 'static) {
    name_page_boxed(Box::new(name));
}

// One copy of the effect for every page that names itself: the trainee's bundle is counted
// in bytes.
fn name_page_boxed(name: Box<dyn Fn() -> String>) {
    leptos::prelude::Effect::new(move |_| {
        let title = format!("{} — Wavegate", name());
        if let Some(d) = document() {
            d.set_title(&title);
        }
    });
}

/// An instant as the wall-clock time of the browser's time zone, to be written in the page's
/// language with the core's `long_date_time`.
pub fn wall_clock(at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    // Minutes the zone is behind UTC at that instant (summer time included).
    let behind = date.get_timezone_offset();
    let behind = if behind.is_finite() { behind as i64 } else { 0 };
    at.naive_utc() - chrono::Duration::minutes(behind)
}

/// An RFC 3339 instant as a reader of `lang` writes it, in the browser's time zone
/// (`29 november 2026, 23:46`); text that is not RFC 3339 is kept as given.
pub fn written_time(rfc3339: &str, lang: wavegate_core::i18n::Lang) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339.trim()) {
        Ok(at) => wavegate_core::i18n::long_date_time(wall_clock(at.to_utc()), lang),
        Err(_) => rfc3339.to_string(),
    }
}

/// Sets `<html lang>` so screen readers pronounce the page in the right language.
pub fn set_document_lang(code: &str) {
    if let Some(el) = document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", code);
    }
}

/// Saves a download on the person's disk, byte for byte, under the server's file name (else
/// `fallback`). The bytes go into a Blob as they are: nothing decodes or re-encodes them, so a
/// byte-order mark or a Windows-1252 file stays what it was.
pub fn save(download: &Download, fallback: &str) {
    let Some(doc) = document() else { return };
    let bytes = js_sys::Uint8Array::from(download.bytes.as_slice());
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&download.content_type);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(download.file_name.as_deref().unwrap_or(fallback));
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// 128 random bits from the browser's cryptographic source, for ids made on the device
/// (response ids, training facts). Without Web Crypto (very old browsers) they come from
/// `Math.random`: such ids need only be unique per link; the link's token is the secret.
pub fn random_128() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// The address's fragment without its `#`, when it has one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    (!id.is_empty()).then(|| id.to_string())
}

/// Shows `fragment` (`None`: none) in the address without loading anything: as a new history
/// entry when `push`, so "back" returns to the view before, else in place of the current one.
pub fn set_fragment(fragment: Option<&str>, push: bool) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let path = w.location().pathname().unwrap_or_default();
    let url = match fragment {
        Some(f) => format!("{path}#{f}"),
        None => path,
    };
    if let Ok(history) = w.history() {
        let state = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&state, "", Some(&url))
        } else {
            history.replace_state_with_url(&state, "", Some(&url))
        };
    }
}

/// Loads `path` in place of the current history entry: the address it replaces is neither
/// reloaded nor reached with "back". False when the browser refused.
pub fn replace_address(path: &str) -> bool {
    web_sys::window().is_some_and(|w| w.location().replace(path).is_ok())
}

/// Puts `text` on the clipboard; `false` where the page has no clipboard (it needs https or
/// localhost) or the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let has =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Selects the whole text of the text field with id `id` and focuses it.
pub fn select_text(id: &str) {
    use wasm_bindgen::JsCast;
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
        field.select();
    }
}
