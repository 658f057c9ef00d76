//! The typed client of the server's `/api/v1/`: one function per endpoint, using the contract
//! types of `wavegate_core::api`. Pages and components never build a URL themselves.
//!
//! Respondent endpoints are in [`respond`]; the planner area's in [`session`], [`programs`],
//! [`files`], [`surveys`], [`invitations`], [`reminders`], [`readiness`], [`training`] and [`lessons`]; the trainee's in
//! [`train`]. An app links only the functions it calls.

pub mod comms;
pub mod download;
pub mod files;
pub mod invitations;
pub mod lessons;
mod path;
pub mod programs;
pub mod readiness;
pub mod reminders;
pub mod respond;
pub mod session;
pub mod surveys;
pub mod train;
pub mod training;
mod upload;

pub use download::Download;
pub use upload::{Progress, UploadBody};

use gloo_net::http::{Request, RequestBuilder, Response as HttpResponse};
use serde::de::DeserializeOwned;
use wavegate_core::api::{ErrorBody, ErrorCode, Health};

/// Why a call failed.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer from the server: offline, or the server is down. Worth retrying.
    Network,
    /// The server answered with an error status.
    Status {
        /// HTTP status.
        status: u16,
        /// The parsed error body, if it was one.
        body: Option<ErrorBody>,
        /// Seconds to wait before trying again (`Retry-After` of a 429).
        retry_after: Option<u64>,
    },
    /// The answer could not be read (a server/app version mismatch).
    Decode(String),
}

impl ApiError {
    /// An error answer with `status` and `body` (no `Retry-After`).
    pub fn answered(status: u16, body: Option<ErrorBody>) -> ApiError {
        ApiError::Status {
            status,
            body,
            retry_after: None,
        }
    }

    /// The server's error code, if it sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Status { body: Some(b), .. } => Some(b.error.code),
            _ => None,
        }
    }

    /// The HTTP status, if the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The structured `details` of the error answer, read as `T`.
    pub fn details<T: DeserializeOwned>(&self) -> Option<T> {
        match self {
            ApiError::Status { body: Some(b), .. } => b
                .error
                .details
                .clone()
                .and_then(|d| serde_json::from_value(d).ok()),
            _ => None,
        }
    }

    /// The structured `details` of the error answer as JSON, for a type read by hand (see
    /// `ClosedLink::read`).
    pub fn details_json(&self) -> Option<&serde_json::Value> {
        match self {
            ApiError::Status { body: Some(b), .. } => b.error.details.as_ref(),
            _ => None,
        }
    }

    /// The server's own message (English, or the request's language where `docs/api.md` says
    /// so: `invalid_selection`, `invalid_support`, `invalid_lesson`).
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::Status { body: Some(b), .. } => Some(&b.error.message),
            _ => None,
        }
    }

    /// Seconds to wait before trying again, when the server said.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            ApiError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// Reads an error answer: its JSON body and `Retry-After`. A proxy or the browser's offline page
/// answers 502–504 without our JSON: that counts as offline.
async fn refusal(res: HttpResponse) -> ApiError {
    let status = res.status();
    let retry_after = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.trim().parse::<u64>().ok());
    let body = res.json::<ErrorBody>().await.ok();
    if body.is_none() && (502..=504).contains(&status) {
        return ApiError::Network;
    }
    ApiError::Status {
        status,
        body,
        retry_after,
    }
}

/// Sends a request; an error status becomes [`ApiError::Status`] with the server's error body.
async fn send(req: Result<Request, gloo_net::Error>) -> Result<HttpResponse, ApiError> {
    let req = req.map_err(|e| ApiError::Decode(e.to_string()))?;
    let res = req.send().await.map_err(|_| ApiError::Network)?;
    if res.ok() {
        Ok(res)
    } else {
        Err(refusal(res).await)
    }
}

/// Sends a request and reads the answer as JSON.
async fn json<T: DeserializeOwned>(req: Result<Request, gloo_net::Error>) -> Result<T, ApiError> {
    send(req)
        .await?
        .json::<T>()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}

/// A change in the planner area: the session cookie goes by itself (same origin), the CSRF
/// token of the session must be sent along.
fn change(builder: RequestBuilder, csrf: &str) -> RequestBuilder {
    builder.header("X-CSRF-Token", csrf)
}

/// `GET /api/v1/health`: whether the server answers.
pub async fn health() -> Result<Health, ApiError> {
    json(Request::get("/api/v1/health").build()).await
}
