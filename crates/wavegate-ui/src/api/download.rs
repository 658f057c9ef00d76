//! Downloads as the server sent them: the body's bytes (never decoded as text, so a UTF-8
//! byte-order mark or a Windows-1252 file arrives unchanged), its type and its file name.

use super::{ApiError, send};
use gloo_net::http::Request;

/// A file the server sent as an attachment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    /// The body, byte for byte.
    pub bytes: Vec<u8>,
    /// The name of `Content-Disposition`, when it gave one.
    pub file_name: Option<String>,
    /// The `Content-Type`, as sent.
    pub content_type: String,
}

/// `GET path` as a download.
pub(crate) async fn fetch(path: &str) -> Result<Download, ApiError> {
    receive(Request::get(path).build()).await
}

/// Sends `req` and reads its answer as a download (a POST that answers with a file).
pub(crate) async fn receive(req: Result<Request, gloo_net::Error>) -> Result<Download, ApiError> {
    let res = send(req).await?;
    let headers = res.headers();
    let file_name = headers
        .get("content-disposition")
        .and_then(|d| file_name(&d));
    let content_type = headers
        .get("content-type")
        .unwrap_or_else(|| "application/octet-stream".into());
    let bytes = res
        .binary()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    Ok(Download {
        bytes,
        file_name,
        content_type,
    })
}

/// The file name of a `Content-Disposition` header: the exact `filename*=UTF-8''…` form when
/// present (RFC 6266), else the plain `filename="…"`. Path separators are never part of it.
pub fn file_name(disposition: &str) -> Option<String> {
    let params: Vec<(String, String)> = disposition
        .split(';')
        .skip(1)
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect();
    let extended = params
        .iter()
        .find(|(k, _)| k == "filename*")
        .and_then(|(_, v)| {
            let (charset, rest) = v.split_once('\'')?;
            let (_, encoded) = rest.split_once('\'')?;
            if !charset.eq_ignore_ascii_case("utf-8") {
                return None;
            }
            js_sys::decode_uri_component(encoded).ok().map(String::from)
        });
    let plain = || {
        params
            .iter()
            .find(|(k, _)| k == "filename")
            .map(|(_, v)| v.trim_matches('"').to_string())
    };
    extended
        .or_else(plain)
        .map(|n| n.replace(['/', '\\'], "_"))
        .filter(|n| !n.trim().is_empty())
}
