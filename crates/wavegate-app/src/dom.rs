//! Browser helpers only respondents need: focus on a question or a survey page's heading, the
//! offline service worker.

use wasm_bindgen::JsCast;

/// Moves focus to the first control of a question (after a validation error); to its "other"
/// text field when "other" is chosen and nothing is said there, as that is what is missing.
pub fn focus_question(question_id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let question = doc.get_element_by_id(&format!("q-{question_id}"));
    let unsaid_other = question
        .as_ref()
        .and_then(|q| {
            q.query_selector(".option-other:has(input:checked) .other-text")
                .ok()
                .flatten()
        })
        .filter(|field| {
            js_sys::Reflect::get(field, &"value".into())
                .ok()
                .and_then(|v| v.as_string())
                .is_some_and(|v| v.trim().is_empty())
        });
    let target = unsaid_other.or_else(|| {
        // A ranking's first button (item 1's "up") is disabled and takes no focus.
        question.and_then(|q| {
            q.query_selector("input, textarea, button:not([disabled])")
                .ok()
                .flatten()
        })
    });
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves focus to the first option of one statement of a matrix question (the first one left
/// unanswered), so the respondent lands where the answer is missing; then scrolls the whole
/// statement (its text and its error too, not only the option) into sight below the matrix's
/// sticky key (the statement's `scroll-margin-top` in the style sheet keeps it clear).
pub fn focus_matrix_item(question_id: &str, item_id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let item = doc.get_element_by_id(&format!("q-{question_id}-item-{item_id}"));
    let target = (item.as_ref()).and_then(|item| item.query_selector("input").ok().flatten());
    match target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            let _ = el.focus();
            // Once the page has drawn the errors the check just found (they change the
            // statements' heights).
            if let Some(item) = item {
                leptos::prelude::set_timeout(
                    move || item.scroll_into_view(),
                    std::time::Duration::ZERO,
                );
            }
        }
        None => focus_question(question_id),
    }
}

/// The id of the heading of the survey page shown: its title, else where the person is
/// ("Pagina 2 van 6").
pub const PAGE_HEADING: &str = "page-heading";

/// Moves focus to the heading of the survey page just shown, once it is drawn: a screen reader
/// goes on from there, without reading the program's and the survey's names again as it would
/// from the top of `<main>`.
pub fn focus_page() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    wavegate_ui::dom::focus_id_soon(PAGE_HEADING.to_string());
}

/// Registers the service worker that keeps the respondent app available offline.
pub fn register_service_worker() {
    if let Some(w) = web_sys::window() {
        let sw = w.navigator().service_worker();
        // Not available on plain http outside localhost; the app still works online.
        if !sw.is_undefined() {
            let _ = sw.register("/sw.js");
        }
    }
}
