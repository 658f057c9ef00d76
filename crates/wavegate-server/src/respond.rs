//! Respondent endpoints: open an invitation, submit a response.
//!
//! The invitation token is the only credential and it scopes everything: the survey, the
//! attributes, and (for personal links) the single response. Every response is validated again
//! here with the same core validator the app uses; the client is never trusted.

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, PeerAddr};
use crate::store::{DraftOwner, InsertOutcome, InvitationRow, NewResponse};
use crate::{AppState, auth};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use std::net::{IpAddr, Ipv4Addr};
use wavegate_core::api::{AnswerProblem, ErrorCode, InvitationView, SubmitAck};
use wavegate_core::i18n::Lang;
use wavegate_core::survey::response_id::is_valid_response_id;
use wavegate_core::survey::{Attributes, Response, Survey, validate_response};

/// The current time as stored: RFC 3339, UTC, whole seconds.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stored survey definition; it was valid when stored, so failing to read it is our fault.
pub(crate) fn parse_survey(json: &str) -> Result<Survey, ApiError> {
    serde_json::from_str(json).map_err(|e| ApiError::internal(format!("stored survey: {e}")))
}

/// Stored attributes, read back.
pub(crate) fn parse_attributes(json: &str) -> Result<Attributes, ApiError> {
    serde_json::from_str(json).map_err(|e| ApiError::internal(format!("stored attributes: {e}")))
}

fn invitation_not_found() -> ApiError {
    ApiError::not_found("invitation")
}

/// The address of a request for per-address limits.
fn ip(peer: &PeerAddr) -> IpAddr {
    peer.0.parse().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// A lookup that found nothing: counted against the address (guessing), then a 404.
fn unknown_token(state: &AppState, ip: IpAddr) -> ApiError {
    state.guards.failed_lookup(ip);
    invitation_not_found()
}

/// Looks up a token; junk never reaches the database, and unknown and malformed tokens get the
/// same answer so nothing can be learned by probing. An address that guessed too often is
/// refused lookups for a while.
async fn find_invitation(
    state: &AppState,
    ip: IpAddr,
    token: &str,
) -> Result<InvitationRow, ApiError> {
    state.guards.may_look_up(ip)?;
    if !auth::looks_like_token(token) {
        return Err(unknown_token(state, ip));
    }
    match state.store.invitation(token).await? {
        Some(inv) => Ok(inv),
        None => {
            crate::links::refuse_replaced(state, token).await?;
            Err(unknown_token(state, ip))
        }
    }
}

/// `GET /api/v1/respond/{token}`.
pub async fn invitation(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath(token): ApiPath<String>,
) -> Result<Json<InvitationView>, ApiError> {
    let ip = ip(&peer);
    state.guards.may_look_up(ip)?;
    if !auth::looks_like_token(&token) {
        return Err(unknown_token(&state, ip));
    }
    let Some(opened) = state.store.open_invitation(&token).await? else {
        crate::links::refuse_replaced(&state, &token).await?;
        return Err(unknown_token(&state, ip));
    };
    let inv = opened.invitation;
    crate::links::ensure_open(&state, &inv).await?;
    let survey = parse_survey(&opened.definition_json)?;
    let support = serde_json::from_str(&opened.support_json)
        .map_err(|e| ApiError::internal(format!("stored support: {e}")))?;
    // The person's language only when the survey is written in it: a one-language survey
    // opens in its language whatever the roster says.
    let language = survey.reading_language(inv.language.as_deref().and_then(Lang::parse));
    Ok(Json(InvitationView {
        program_name: opened.program_name,
        languages: survey.languages.clone(),
        support,
        survey,
        attributes: parse_attributes(&inv.attributes_json)?,
        language,
        anonymous: inv.person_id.is_none(),
        submitted: opened
            .submitted
            .map(|(response_id, submitted_at)| SubmitAck {
                response_id,
                submitted_at,
                duplicate: true,
            }),
    }))
}

/// `POST /api/v1/respond/{token}`: validates and stores a response exactly once.
pub async fn submit(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath(token): ApiPath<String>,
    ApiJson(response): ApiJson<Response>,
) -> Result<(StatusCode, Json<SubmitAck>), ApiError> {
    let inv = find_invitation(&state, ip(&peer), &token).await?;
    crate::links::ensure_open(&state, &inv).await?;
    if inv.person_id.is_none() {
        // One anonymous link is shared by many: a flood through it is limited on its own, so
        // other links keep working.
        state.guards.submission(&inv.token)?;
    }
    if !is_valid_response_id(&response.id) {
        return Err(ApiError::new(
            ErrorCode::InvalidResponseId,
            "the response id must be 8 to 64 letters, digits, '-' or '_'",
        ));
    }
    if response.survey_id != inv.survey_id {
        return Err(ApiError::new(
            ErrorCode::WrongSurvey,
            format!("this invitation is for survey {}", inv.survey_id),
        ));
    }
    let version = response.survey_version;
    let definition = state
        .store
        .survey_version(&inv.survey_id, version)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::UnknownVersion,
                format!("survey version {version} is not published"),
            )
        })?;
    let survey = parse_survey(&definition)?;
    let attributes = parse_attributes(&inv.attributes_json)?;
    if let Err(problems) = validate_response(&survey, &response, &attributes) {
        let details: Vec<AnswerProblem> = problems
            .iter()
            .map(|p| AnswerProblem {
                question: p.question.clone(),
                code: p.code().to_string(),
                message: p.message(response.language),
            })
            .collect();
        return Err(ApiError::new(
            ErrorCode::InvalidResponse,
            format!(
                "{} answer(s) are not valid; nothing was stored",
                details.len()
            ),
        )
        .with_details(details));
    }
    let answers_json = serde_json::to_string(&response.answers).map_err(ApiError::internal)?;
    // A personal link's draft is not needed once its response is stored (it would only keep
    // the answers twice).
    let draft_owner = inv.person_id.clone().map(|person_id| DraftOwner {
        program_id: inv.program_id.clone(),
        survey_id: inv.survey_id.clone(),
        person_id,
    });
    let outcome = state
        .store
        .insert_response(NewResponse {
            id: response.id.clone(),
            invitation: inv,
            survey_version: version,
            language: response.language.code().to_string(),
            answers_json,
            submitted_at: now(),
        })
        .await?;
    match outcome {
        InsertOutcome::Stored { submitted_at } => {
            tracing::info!(survey = %response.survey_id, version, "response stored");
            // The response is stored whatever happens to the draft: a leftover draft is refused
            // new saves and dropped with the next response anyway.
            if let Some(owner) = draft_owner
                && let Err(e) = state.store.delete_draft(owner).await
            {
                tracing::warn!(error = %e, "draft of an answered invitation not deleted");
            }
            Ok((
                StatusCode::CREATED,
                Json(SubmitAck {
                    response_id: response.id,
                    submitted_at,
                    duplicate: false,
                }),
            ))
        }
        InsertOutcome::AlreadyStored { submitted_at } => Ok((
            StatusCode::OK,
            Json(SubmitAck {
                response_id: response.id,
                submitted_at,
                duplicate: true,
            }),
        )),
        InsertOutcome::InvitationUsed => Err(ApiError::new(
            ErrorCode::AlreadySubmitted,
            "this invitation has already been answered",
        )),
    }
}
