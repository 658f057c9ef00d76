//! API errors: every failure is a JSON body `{"error": {"code", "message", "details"?}}` (the
//! shared `wavegate_core::api::ErrorBody`) with the status its code stands for, never a bare
//! text page, so the app can show its own message for the code.

use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use wavegate_core::api::{ErrorBody, ErrorCode, ErrorDetail};

/// An error answered to an API client.
#[derive(Debug)]
pub struct ApiError {
    code: ErrorCode,
    message: String,
    details: Option<serde_json::Value>,
    /// Seconds to wait, sent as `Retry-After` (429).
    retry_after: Option<u64>,
}

/// The HTTP status of each code, as `docs/api.md` tables it.
pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::InvalidJson | ErrorCode::InvalidQuery | ErrorCode::InvalidPath => {
            StatusCode::BAD_REQUEST
        }
        ErrorCode::Unauthorized | ErrorCode::InvalidCredentials => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden | ErrorCode::CsrfMismatch => StatusCode::FORBIDDEN,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::Timeout => StatusCode::REQUEST_TIMEOUT,
        ErrorCode::AlreadySubmitted
        | ErrorCode::VersionPublished
        | ErrorCode::NoRoster
        | ErrorCode::InputsRejected
        | ErrorCode::LinkFull => StatusCode::CONFLICT,
        ErrorCode::TooManyAttempts | ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::LinkExpired | ErrorCode::LinkRevoked => StatusCode::GONE,
        ErrorCode::DraftChanged => StatusCode::PRECONDITION_FAILED,
        ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::InvalidBody
        | ErrorCode::InvalidResponse
        | ErrorCode::InvalidResponseId
        | ErrorCode::WrongSurvey
        | ErrorCode::UnknownVersion
        | ErrorCode::InvalidInvitations
        | ErrorCode::InvalidProgram
        | ErrorCode::InvalidFile
        | ErrorCode::InvalidSurvey
        | ErrorCode::InvalidSelection
        | ErrorCode::InvalidDate
        | ErrorCode::InvalidSupport
        | ErrorCode::InvalidModule
        | ErrorCode::TrainingRefused
        | ErrorCode::InvalidLesson
        | ErrorCode::InvalidMessage => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Busy => StatusCode::SERVICE_UNAVAILABLE,
        // `Unknown` is what a client reads from a newer server; this server never sends it.
        ErrorCode::Internal | ErrorCode::Unknown => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl ApiError {
    /// An error with its code and an English message for people reading the raw API.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            details: None,
            retry_after: None,
        }
    }

    /// 429: too many attempts; try again after `seconds`.
    pub fn too_many(seconds: u64) -> ApiError {
        let mut e = ApiError::new(
            ErrorCode::TooManyAttempts,
            format!("too many failed sign-ins; try again in {seconds} seconds"),
        );
        e.retry_after = Some(seconds);
        e
    }

    /// Adds `Retry-After: seconds` (429, 503).
    pub fn with_retry_after(mut self, seconds: u64) -> ApiError {
        self.retry_after = Some(seconds);
        self
    }

    /// The error's code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// Adds structured details (e.g. one entry per invalid answer).
    pub fn with_details(mut self, details: impl Serialize) -> ApiError {
        self.details = serde_json::to_value(details).ok();
        self
    }

    /// 404: nothing here, or nothing this caller may know exists.
    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    /// 404 for a survey the program in the path does not hold.
    pub fn survey_not_found() -> ApiError {
        ApiError::not_found("survey of this program")
    }

    /// 500: our fault; the cause is logged, not shown.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        tracing::error!(%cause, "internal error");
        ApiError::new(
            ErrorCode::Internal,
            "something went wrong on the server; nothing was stored",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(self.code);
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: self.message,
                details: self.details,
            },
        };
        let mut res = (status, axum::Json(body)).into_response();
        if self.code == ErrorCode::Unauthorized {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> ApiError {
        match e {
            crate::store::StoreError::VersionImmutable { .. }
            | crate::store::StoreError::ModuleVersionTaken { .. } => {
                ApiError::new(ErrorCode::VersionPublished, e.to_string())
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => {
                ApiError::new(ErrorCode::PayloadTooLarge, "the request body is too large")
            }
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::new(
                ErrorCode::UnsupportedMediaType,
                "expected a JSON body with Content-Type: application/json",
            ),
            StatusCode::UNPROCESSABLE_ENTITY => {
                ApiError::new(ErrorCode::InvalidBody, rejection.body_text())
            }
            _ => ApiError::new(ErrorCode::InvalidJson, rejection.body_text()),
        }
    }
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> ApiError {
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => {
                ApiError::new(ErrorCode::PayloadTooLarge, "the request body is too large")
            }
            _ => ApiError::new(
                ErrorCode::InvalidBody,
                format!(
                    "the request body could not be read: {}",
                    rejection.body_text()
                ),
            ),
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> ApiError {
        ApiError::new(ErrorCode::InvalidPath, rejection.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        ApiError::new(ErrorCode::InvalidQuery, rejection.body_text())
    }
}

/// A rejected file (program.toml, an uploaded CSV) for an answer's `details`, in `lang`.
pub fn file_problem(
    e: &wavegate_core::tabular::InputError,
    lang: wavegate_core::i18n::Lang,
) -> wavegate_core::api::FileProblem {
    wavegate_core::api::FileProblem {
        file: e.file.clone(),
        line: (e.line > 0).then_some(e.line),
        column: e.column,
        column_name: e.column_name.clone(),
        message: e.render(lang),
    }
}

/// Answers unknown `/api/` paths with a JSON 404 rather than the app's page.
pub async fn api_not_found() -> ApiError {
    ApiError::not_found("API endpoint")
}

/// Answers a method an API path does not take with a JSON 405 (axum adds the `Allow` header).
pub async fn method_not_allowed(method: axum::http::Method) -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        format!("this endpoint does not take {method}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// `code → status` from the error table of `docs/api.md`.
    fn documented() -> BTreeMap<String, u16> {
        let doc = include_str!("../../../docs/api.md");
        let mut out = BTreeMap::new();
        for line in doc.lines().map(str::trim) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(status) = cells.get(1).and_then(|c| c.parse::<u16>().ok()) else {
                continue;
            };
            let codes = cells.get(2).copied().unwrap_or_default();
            for code in codes.split('`').skip(1).step_by(2) {
                out.insert(code.to_string(), status);
            }
        }
        out
    }

    #[test]
    fn the_documented_error_table_is_exactly_the_codes_sent_with_their_statuses() {
        let sent: BTreeMap<String, u16> = ErrorCode::SENT
            .iter()
            .map(|c| (c.as_str().to_string(), status_of(*c).as_u16()))
            .collect();
        assert_eq!(documented(), sent);
    }
}
