//! The respondent's endpoints: what an invitation link opens, its draft on the server, and
//! submitting a response.

use super::{ApiError, json, path};
use gloo_net::http::Request;
use wavegate_core::api::{InvitationView, SubmitAck};
use wavegate_core::survey::Response;
use wavegate_core::survey::draft::{DraftReceipt, DraftUpload, Precondition, SavedDraft};

fn draft_path(token: &str) -> String {
    format!("{}/draft", path::respond(token))
}

/// `GET /api/v1/respond/{token}/draft`: the draft of a personal link saved from any device.
pub async fn draft(token: &str) -> Result<SavedDraft, ApiError> {
    json(Request::get(&draft_path(token)).build()).await
}

/// `PUT /api/v1/respond/{token}/draft`: keeps the draft of a personal link on the server if the
/// server holds what `expected` says (`412 draft_changed` otherwise).
pub async fn save_draft(
    token: &str,
    draft: &DraftUpload<'_>,
    expected: Precondition,
) -> Result<DraftReceipt, ApiError> {
    let mut request = Request::put(&draft_path(token));
    if let Some((name, value)) = expected.header() {
        request = request.header(name, &value);
    }
    json(request.json(draft)).await
}

/// The same save while the page is being left: a `keepalive` fetch outlives the page (the
/// beacon API only posts). Nobody waits for the answer; the next open compares revisions.
pub fn save_draft_on_leave(token: &str, draft: &DraftUpload<'_>, expected: Precondition) {
    if let Ok(body) = serde_json::to_string(draft) {
        draft_request_on_leave(token, "PUT", Some(&body), expected);
    }
}

/// A request to the link's draft, with `expected`'s precondition, that outlives the page (a
/// `keepalive` fetch): nobody waits for its answer.
fn draft_request_on_leave(token: &str, method: &str, body: Option<&str>, expected: Precondition) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    // web-sys has no setter for `keepalive`; every current browser reads the plain property.
    let _ = js_sys::Reflect::set(
        &init,
        &wasm_bindgen::JsValue::from_str("keepalive"),
        &wasm_bindgen::JsValue::TRUE,
    );
    if let Some(body) = body {
        init.set_body(&wasm_bindgen::JsValue::from_str(body));
    }
    if let Ok(headers) = web_sys::Headers::new() {
        if body.is_some() {
            let _ = headers.set("Content-Type", "application/json");
        }
        if let Some((name, value)) = expected.header() {
            let _ = headers.set(name, &value);
        }
        init.set_headers(&headers);
    }
    // The promise is dropped: the browser finishes the request after the page is gone.
    let _ = window.fetch_with_str_and_init(&draft_path(token), &init);
}

/// `DELETE /api/v1/respond/{token}/draft` over the revision `expected` names, as the page is
/// being left ("not you?"): a `keepalive` fetch, whose answer nobody waits for (a draft saved
/// since from another device stays, `412`).
pub fn discard_draft_on_leave(token: &str, expected: Precondition) {
    draft_request_on_leave(token, "DELETE", None, expected);
}

/// `GET /api/v1/respond/{token}`: what an invitation link opens.
pub async fn invitation(token: &str) -> Result<InvitationView, ApiError> {
    json(Request::get(&path::respond(token)).build()).await
}

/// `POST /api/v1/respond/{token}`: submits a response; safe to retry with the same response.
pub async fn submit(token: &str, response: &Response) -> Result<SubmitAck, ApiError> {
    json(Request::post(&path::respond(token)).json(response)).await
}
