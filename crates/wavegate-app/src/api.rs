//! The typed client of the server's `/api/v1/`, using the contract types of `wavegate_core::api`.

use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use wavegate_core::api::{ErrorBody, InvitationView, ProgramOverview, SubmitAck};
use wavegate_core::survey::Response;

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
    },
    /// The answer could not be read (a server/app version mismatch).
    Decode(String),
}

impl ApiError {
    /// The server's error code, if it sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Status { body: Some(b), .. } => Some(&b.error.code),
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
}

async fn send<T: DeserializeOwned>(req: Result<Request, gloo_net::Error>) -> Result<T, ApiError> {
    let req = req.map_err(|e| ApiError::Decode(e.to_string()))?;
    let res = req.send().await.map_err(|_| ApiError::Network)?;
    if res.ok() {
        res.json::<T>()
            .await
            .map_err(|e| ApiError::Decode(e.to_string()))
    } else {
        let status = res.status();
        // A proxy or the browser's offline page answers without our JSON: treat 502-504 as offline.
        let body = res.json::<ErrorBody>().await.ok();
        if body.is_none() && (502..=504).contains(&status) {
            return Err(ApiError::Network);
        }
        Err(ApiError::Status { status, body })
    }
}

fn planner(builder: RequestBuilder, token: &str) -> RequestBuilder {
    builder.header("Authorization", &format!("Bearer {token}"))
}

fn encode(segment: &str) -> String {
    js_sys::encode_uri_component(segment).into()
}

/// What an invitation link opens.
pub async fn invitation(token: &str) -> Result<InvitationView, ApiError> {
    send(Request::get(&format!("/api/v1/respond/{}", encode(token))).build()).await
}

/// Submits a response through an invitation; safe to retry with the same response.
pub async fn submit(token: &str, response: &Response) -> Result<SubmitAck, ApiError> {
    send(Request::post(&format!("/api/v1/respond/{}", encode(token))).json(response)).await
}

/// The programs and their surveys (planner).
pub async fn programs(token: &str) -> Result<Vec<ProgramOverview>, ApiError> {
    send(planner(Request::get("/api/v1/programs"), token).build()).await
}

/// Any planner GET returning JSON, e.g. a survey's summary.
pub async fn planner_get<T: DeserializeOwned>(token: &str, path: &str) -> Result<T, ApiError> {
    send(planner(Request::get(path), token).build()).await
}

/// A planner download (CSV) as text.
pub async fn planner_download(token: &str, path: &str) -> Result<String, ApiError> {
    let req = planner(Request::get(path), token)
        .build()
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    let res = req.send().await.map_err(|_| ApiError::Network)?;
    if res.ok() {
        res.text()
            .await
            .map_err(|e| ApiError::Decode(e.to_string()))
    } else {
        Err(ApiError::Status {
            status: res.status(),
            body: res.json::<ErrorBody>().await.ok(),
        })
    }
}
