//! Downloads: a body sent with its Content-Type and `Content-Disposition: attachment` so the
//! browser saves it byte for byte under a sensible name.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use wavegate_core::invisible::is_invisible;

/// `attachment; filename="…"; filename*=UTF-8''…`: the plain name for old clients (non-ASCII
/// and quotes replaced), the exact one percent-encoded (RFC 6266). Neither form carries control,
/// bidi or invisible characters: a browser shows `filename*`, where a right-to-left override
/// would make `x\u{202E}vsc.exe` read as `xexe.csv`. Names are cleaned when stored as well;
/// this also covers names stored before that and names the server makes itself.
pub fn disposition(file_name: &str) -> HeaderValue {
    let file_name: String = file_name
        .chars()
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .collect();
    let file_name = file_name.as_str();
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// A download of `body` as `content_type`, saved as `file_name`.
pub fn attachment(body: impl Into<Body>, content_type: &'static str, file_name: &str) -> Response {
    let mut res = (StatusCode::OK, body.into()).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CONTENT_DISPOSITION, disposition(file_name));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_safely_and_kept_exactly_in_the_encoded_form() {
        assert_eq!(
            disposition("roster.csv"),
            "attachment; filename=\"roster.csv\"; filename*=UTF-8''roster.csv"
        );
        assert_eq!(
            disposition("Gebruikers \"ok\" é.csv"),
            "attachment; filename=\"Gebruikers _ok_ _.csv\"; filename*=UTF-8''Gebruikers%20%22ok%22%20%C3%A9.csv"
        );
    }

    #[test]
    fn neither_form_carries_bidi_control_or_invisible_characters() {
        assert_eq!(
            disposition("x\u{202E}csv.exe\u{200B}\u{FEFF}\u{2067}\u{7}"),
            "attachment; filename=\"xcsv.exe\"; filename*=UTF-8''xcsv.exe"
        );
    }
}
