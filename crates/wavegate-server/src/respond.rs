//! Respondent endpoints: open an invitation, submit a response.
//!
//! The invitation token is the only credential and it scopes everything: the survey, the
//! attributes, and (for personal links) the single response. Every response is validated again
//! here with the same core validator the app uses; the client is never trusted.

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, PeerAddr};
use crate::lookup::find_link;
use crate::store::{DraftOwner, InsertOutcome, InvitationRow, NewResponse};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use wavegate_core::api::{AnswerProblem, ErrorCode, InvitationView, SubmitAck};
use wavegate_core::i18n::Lang;
use wavegate_core::survey::response_id::{is_resend, is_valid_response_id};
use wavegate_core::survey::wire::IncomingResponse;
use wavegate_core::survey::{Answers, Attributes, ResponseError, Survey, validate_response};

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

/// Looks up a survey link's token (see [`find_link`]); an old link that was given anew answers
/// `410` instead.
async fn find_invitation(
    state: &AppState,
    peer: &PeerAddr,
    token: &str,
) -> Result<InvitationRow, ApiError> {
    find_link(state, peer, token, invitation_not_found, async {
        match state.store.invitation(token).await? {
            Some(inv) => Ok(Some(inv)),
            None => crate::links::refuse_replaced(state, token)
                .await
                .map(|()| None),
        }
    })
    .await
}

/// `GET /api/v1/respond/{token}`.
pub async fn invitation(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath(token): ApiPath<String>,
) -> Result<Json<InvitationView>, ApiError> {
    let opened = find_link(&state, &peer, &token, invitation_not_found, async {
        match state.store.open_invitation(&token).await? {
            Some(opened) => Ok(Some(opened)),
            None => crate::links::refuse_replaced(&state, &token)
                .await
                .map(|()| None),
        }
    })
    .await?;
    let inv = opened.invitation;
    let survey = parse_survey(&opened.definition_json)?;
    crate::links::ensure_survey_link_open(&state, &inv, &survey.title).await?;
    let support = crate::links::stored_support(&opened.support_json)?;
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

/// The details of `422 invalid_response`: one per problem with its question and a message in
/// `language`.
pub(crate) fn answer_problems(problems: &[ResponseError], language: Lang) -> Vec<AnswerProblem> {
    problems
        .iter()
        .map(|p| AnswerProblem {
            question: p.question.clone(),
            code: p.code().to_string(),
            message: p.message(language),
        })
        .collect()
}

/// `422 invalid_response` for a submitted response.
fn invalid_response(problems: &[ResponseError], language: Lang) -> ApiError {
    let details = answer_problems(problems, language);
    ApiError::new(
        ErrorCode::InvalidResponse,
        format!(
            "{} answer(s) are not valid; nothing was stored",
            details.len()
        ),
    )
    .with_details(details)
}

/// `POST /api/v1/respond/{token}`: validates and stores a response exactly once.
pub async fn submit(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath(token): ApiPath<String>,
    ApiJson(response): ApiJson<IncomingResponse>,
) -> Result<(StatusCode, Json<SubmitAck>), ApiError> {
    let inv = find_invitation(&state, &peer, &token).await?;
    crate::links::ensure_open(&state, &inv).await?;
    if inv.person_id.is_none() {
        // One anonymous link is shared by many: a flood through it is limited on its own, so
        // other links keep working.
        // Remembered by its keyed hash: the limiter's memory holds no working token.
        state
            .guards
            .submission(&state.store.link_hash(&inv.token))?;
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
    // A version the link's program published (a respondent who started before the planner
    // published a new one still sends the one they saw), never another program's.
    let definition = state
        .store
        .program_survey_version(&inv.program_id, &inv.survey_id, version)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::UnknownVersion,
                format!("survey version {version} is not published for this link"),
            )
        })?;
    let survey = parse_survey(&definition)?;
    let attributes = parse_attributes(&inv.attributes_json)?;
    let language = response.language;
    // An answer of no shape the question takes is an invalid answer like any other.
    let response = response
        .read(&survey)
        .map_err(|problems| invalid_response(&problems, language))?;
    // Stored as the respondent could see it: a right-to-left override or a control character
    // would make the planner's results read other than what was typed.
    let response = response.without_invisible();
    validate_response(&survey, &response, &attributes)
        .map_err(|problems| invalid_response(&problems, language))?;
    let answers_json = serde_json::to_string(&response.answers).map_err(ApiError::internal)?;
    // A personal link's draft is not needed once its response is stored (it would only keep
    // the answers twice).
    let draft_owner = inv.person_id.clone().map(|person_id| DraftOwner {
        program_id: inv.program_id.clone(),
        survey_id: inv.survey_id.clone(),
        person_id,
    });
    let program_id = inv.program_id.clone();
    let outcome = state
        .store
        .insert_response(NewResponse {
            id: response.id.clone(),
            invitation: inv,
            survey_version: version,
            language: response.language.code().to_string(),
            answers_json,
            submitted_at: state.clock.stamp(),
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
        InsertOutcome::AlreadyStored {
            submitted_at,
            survey_version,
            answers_json,
        } => {
            let stored: Answers = serde_json::from_str(&answers_json)
                .map_err(|e| ApiError::internal(format!("stored answers: {e}")))?;
            // Two devices continuing one draft share its response id: the second one's answers
            // are no retry of the first's, and thanking for them would hide that they were
            // dropped.
            if !is_resend(survey_version, &stored, &response) {
                return Err(answered_before(
                    "other answers were stored under this response id; these were not",
                ));
            }
            Ok((
                StatusCode::OK,
                Json(SubmitAck {
                    response_id: response.id,
                    submitted_at,
                    duplicate: true,
                }),
            ))
        }
        InsertOutcome::InvitationUsed => {
            Err(answered_before("this invitation has already been answered"))
        }
        InsertOutcome::LinkFull => Err(crate::links::link_full(&state, &program_id).await?),
    }
}

/// `409 already_submitted`: the link was answered before with other answers, which count.
fn answered_before(message: &str) -> ApiError {
    ApiError::new(ErrorCode::AlreadySubmitted, message)
}
