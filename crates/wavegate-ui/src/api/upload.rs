//! Uploading a file with progress: `fetch` cannot report how much of a request body was sent,
//! so uploads go through `XMLHttpRequest`, whose `upload.onprogress` can.

use super::ApiError;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wavegate_core::api::ErrorBody;

/// What is uploaded: a file the planner picked or dropped.
pub type UploadBody = web_sys::Blob;

/// How much of an upload's body has been sent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Bytes sent.
    pub sent: f64,
    /// Bytes in all.
    pub total: f64,
}

impl Progress {
    /// Whole percent sent, 0–100.
    pub fn percent(self) -> u32 {
        if self.total <= 0.0 {
            return 0;
        }
        ((self.sent / self.total) * 100.0).clamp(0.0, 100.0) as u32
    }
}

fn js_failed(_: JsValue) -> ApiError {
    ApiError::Network
}

/// `PUT url` with `body` as `content_type`, the session's CSRF token, and `on_progress` told
/// as the body goes out; the answer is read as `T`.
pub(crate) async fn put<T: DeserializeOwned>(
    url: &str,
    csrf: &str,
    content_type: &str,
    body: &UploadBody,
    on_progress: impl Fn(Progress) + 'static,
) -> Result<T, ApiError> {
    let xhr = web_sys::XmlHttpRequest::new().map_err(js_failed)?;
    xhr.open("PUT", url).map_err(js_failed)?;
    xhr.set_request_header("Content-Type", content_type)
        .map_err(js_failed)?;
    xhr.set_request_header("X-CSRF-Token", csrf)
        .map_err(js_failed)?;
    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() {
                on_progress(Progress {
                    sent: e.loaded(),
                    total: e.total(),
                });
            }
        });
    xhr.upload()
        .map_err(js_failed)?
        .set_onprogress(Some(progress.as_ref().unchecked_ref()));
    // `loadend` follows load, error, abort and timeout alike: one place to settle.
    let mut resolve = None;
    let done = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
    let resolve = resolve.ok_or(ApiError::Network)?;
    let settle = Closure::<dyn FnMut()>::new(move || {
        let _ = resolve.call0(&JsValue::NULL);
    });
    xhr.set_onloadend(Some(settle.as_ref().unchecked_ref()));
    xhr.send_with_opt_blob(Some(body)).map_err(js_failed)?;
    let _ = wasm_bindgen_futures::JsFuture::from(done).await;
    // The handlers are needed until the request ended; drop them only now.
    drop((progress, settle));

    let status = xhr.status().map_err(js_failed)?;
    if status == 0 {
        return Err(ApiError::Network);
    }
    let text = xhr.response_text().map_err(js_failed)?.unwrap_or_default();
    if (200..300).contains(&status) {
        return serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()));
    }
    let body = serde_json::from_str::<ErrorBody>(&text).ok();
    if body.is_none() && (502..=504).contains(&status) {
        return Err(ApiError::Network);
    }
    let retry_after = xhr
        .get_response_header("retry-after")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse().ok());
    Err(ApiError::Status {
        status,
        body,
        retry_after,
    })
}
