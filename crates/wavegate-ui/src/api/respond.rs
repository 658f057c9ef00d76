//! The respondent's endpoints: what an invitation link opens, and submitting a response.

use super::{ApiError, json, path};
use gloo_net::http::Request;
use wavegate_core::api::{InvitationView, SubmitAck};
use wavegate_core::survey::Response;

/// `GET /api/v1/respond/{token}`: what an invitation link opens.
pub async fn invitation(token: &str) -> Result<InvitationView, ApiError> {
    json(Request::get(&path::respond(token)).build()).await
}

/// `POST /api/v1/respond/{token}`: submits a response; safe to retry with the same response.
pub async fn submit(token: &str, response: &Response) -> Result<SubmitAck, ApiError> {
    json(Request::post(&path::respond(token)).json(response)).await
}
