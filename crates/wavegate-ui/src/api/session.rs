//! Signing in and out of the planner area (a cookie session with a CSRF token).

use super::{ApiError, change, json, send};
use gloo_net::http::Request;
use wavegate_core::api::{SessionInfo, SignIn};

const SESSION: &str = "/api/v1/session";

/// `POST /api/v1/session`: signs in; the server sets the session cookie.
pub async fn sign_in(email: &str, password: &str) -> Result<SessionInfo, ApiError> {
    let body = SignIn {
        email: email.to_string(),
        password: password.to_string(),
    };
    json(Request::post(SESSION).json(&body)).await
}

/// `GET /api/v1/session`: who is signed in (after a reload).
pub async fn current() -> Result<SessionInfo, ApiError> {
    json(Request::get(SESSION).build()).await
}

/// `DELETE /api/v1/session`: signs out.
pub async fn sign_out(csrf: &str) -> Result<(), ApiError> {
    send(change(Request::delete(SESSION), csrf).build())
        .await
        .map(|_| ())
}
