//! The typed client of the server's `/api/v1/`: one function per endpoint, using the contract
//! types of `wavegate_core::api`. Pages and components never build a URL themselves.

use gloo_net::http::{Request, RequestBuilder, Response as HttpResponse};
use serde::de::DeserializeOwned;
use wavegate_core::api::{
    CreateInvitations, CsvDelimiter, ErrorBody, ErrorCode, Health, InvitationLink, InvitationView,
    InvitationsFormat, InvitationsQuery, ProgramOverview, ResponsesQuery, SessionInfo, SignIn,
    SubmitAck, SurveyResults,
};
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
}

/// Sends a request; an error status becomes [`ApiError::Status`] with the server's error body.
async fn fetch(req: Result<Request, gloo_net::Error>) -> Result<HttpResponse, ApiError> {
    let req = req.map_err(|e| ApiError::Decode(e.to_string()))?;
    let res = req.send().await.map_err(|_| ApiError::Network)?;
    if res.ok() {
        return Ok(res);
    }
    let status = res.status();
    // A proxy or the browser's offline page answers without our JSON: treat 502-504 as offline.
    let body = res.json::<ErrorBody>().await.ok();
    if body.is_none() && (502..=504).contains(&status) {
        return Err(ApiError::Network);
    }
    Err(ApiError::Status { status, body })
}

async fn json<T: DeserializeOwned>(req: Result<Request, gloo_net::Error>) -> Result<T, ApiError> {
    fetch(req)
        .await?
        .json::<T>()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}

async fn text(req: Result<Request, gloo_net::Error>) -> Result<String, ApiError> {
    fetch(req)
        .await?
        .text()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}

/// A change in the planner area: the session cookie goes by itself (same origin), the CSRF
/// token of the session must be sent along.
fn change(builder: RequestBuilder, csrf: &str) -> RequestBuilder {
    builder.header("X-CSRF-Token", csrf)
}

fn encode(segment: &str) -> String {
    js_sys::encode_uri_component(segment).into()
}

fn respond_path(token: &str) -> String {
    format!("/api/v1/respond/{}", encode(token))
}

fn survey_path(program: &str, survey: &str, endpoint: &str) -> String {
    format!(
        "/api/v1/programs/{}/surveys/{}/{endpoint}",
        encode(program),
        encode(survey)
    )
}

/// `GET /api/v1/health`: whether the server answers.
pub async fn health() -> Result<Health, ApiError> {
    json(Request::get("/api/v1/health").build()).await
}

/// `GET /api/v1/respond/{token}`: what an invitation link opens.
pub async fn invitation(token: &str) -> Result<InvitationView, ApiError> {
    json(Request::get(&respond_path(token)).build()).await
}

/// `POST /api/v1/respond/{token}`: submits a response; safe to retry with the same response.
pub async fn submit(token: &str, response: &Response) -> Result<SubmitAck, ApiError> {
    json(Request::post(&respond_path(token)).json(response)).await
}

/// `POST /api/v1/session`: signs in; the server sets the session cookie.
pub async fn sign_in(email: &str, password: &str) -> Result<SessionInfo, ApiError> {
    let body = SignIn {
        email: email.to_string(),
        password: password.to_string(),
    };
    json(Request::post("/api/v1/session").json(&body)).await
}

/// `GET /api/v1/session`: who is signed in (after a reload).
pub async fn session() -> Result<SessionInfo, ApiError> {
    json(Request::get("/api/v1/session").build()).await
}

/// `DELETE /api/v1/session`: signs out.
pub async fn sign_out(csrf: &str) -> Result<(), ApiError> {
    fetch(change(Request::delete("/api/v1/session"), csrf).build())
        .await
        .map(|_| ())
}

/// `GET /api/v1/programs`: the programs and their surveys.
pub async fn programs() -> Result<Vec<ProgramOverview>, ApiError> {
    json(Request::get("/api/v1/programs").build()).await
}

/// `GET …/summary`: a survey's results.
pub async fn summary(program: &str, survey: &str) -> Result<SurveyResults, ApiError> {
    let path = survey_path(program, survey, "summary");
    json(Request::get(&path).build()).await
}

/// `GET …/responses`: every response as CSV text.
pub async fn responses_csv(
    program: &str,
    survey: &str,
    query: ResponsesQuery,
) -> Result<String, ApiError> {
    let path = survey_path(program, survey, "responses") + &query.to_query();
    text(Request::get(&path).build()).await
}

/// `GET …/invitations`: a survey's links.
pub async fn invitations(program: &str, survey: &str) -> Result<Vec<InvitationLink>, ApiError> {
    let path = survey_path(program, survey, "invitations");
    json(Request::get(&path).build()).await
}

/// `GET …/invitations?format=csv`: a survey's links as a mail-merge CSV.
pub async fn invitations_csv(
    program: &str,
    survey: &str,
    delimiter: CsvDelimiter,
) -> Result<String, ApiError> {
    let query = InvitationsQuery {
        format: Some(InvitationsFormat::Csv),
        delimiter: Some(delimiter),
    };
    let path = survey_path(program, survey, "invitations") + &query.to_query();
    text(Request::get(&path).build()).await
}

/// `POST …/invitations`: creates links, all or none.
pub async fn create_invitations(
    csrf: &str,
    program: &str,
    survey: &str,
    body: &CreateInvitations,
) -> Result<Vec<InvitationLink>, ApiError> {
    let path = survey_path(program, survey, "invitations");
    json(change(Request::post(&path), csrf).json(body)).await
}
