//! Browser helpers only respondents need: focus on a question, the offline service worker,
//! leaving a link's address for good.

use wasm_bindgen::JsCast;

/// Moves focus to the first control of a question (after a validation error).
pub fn focus_question(question_id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .get_element_by_id(&format!("q-{question_id}"))
        .and_then(|q| q.query_selector("input, textarea, button").ok().flatten());
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves focus to the first option of one statement of a matrix question (the first one left
/// unanswered), so the respondent lands where the answer is missing.
pub fn focus_matrix_item(question_id: &str, item_id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .get_element_by_id(&format!("q-{question_id}-item-{item_id}"))
        .and_then(|item| item.query_selector("input").ok().flatten());
    match target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            let _ = el.focus();
        }
        None => focus_question(question_id),
    }
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
