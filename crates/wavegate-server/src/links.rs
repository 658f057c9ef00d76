//! Revoking invitation links (per link, per person, per wave), and answering a respondent or
//! trainee whose link no longer opens: expired or revoked, with the helpdesk to ask for a new one.

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::store::{InvitationRow, Revocation};
use axum::Json;
use axum::extract::State;
use wavegate_core::api::{
    ClosedLink, ErrorCode, MAX_REVOKED_PER_REQUEST, ProgramSupport, RevokeInvitations,
    RevokedInvitations,
};
use wavegate_core::i18n::Text;
use wavegate_core::invitation::{LinkStatus, stored_link_status};

/// `POST /api/v1/programs/{program}/surveys/{survey}/invitations/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
    ApiJson(body): ApiJson<RevokeInvitations>,
) -> Result<Json<RevokedInvitations>, ApiError> {
    // A list sent empty still names its field: with another one that is two, refused, not
    // read as the other's revocation.
    let which = match (body.tokens, body.person_ids, body.wave) {
        (None, None, Some(wave)) => Revocation::Wave(wave),
        (Some(list), None, None) | (None, Some(list), None) if list.is_empty() => {
            return Err(ApiError::new(
                ErrorCode::InvalidBody,
                "the list names no link: give at least one token or person id, or a wave",
            ));
        }
        (Some(list), None, None) | (None, Some(list), None)
            if list.len() > MAX_REVOKED_PER_REQUEST =>
        {
            return Err(ApiError::new(
                ErrorCode::InvalidBody,
                format!("at most {MAX_REVOKED_PER_REQUEST} links per request"),
            ));
        }
        (Some(tokens), None, None) => Revocation::Tokens(tokens),
        (None, Some(people), None) => Revocation::People(people),
        _ => {
            return Err(ApiError::new(
                ErrorCode::InvalidBody,
                "give exactly one of tokens, person_ids and wave",
            ));
        }
    };
    let revoked = state
        .store
        .revoke_invitations(&program, &survey, which, &state.clock.stamp())
        .await?
        .ok_or_else(ApiError::survey_not_found)?;
    tracing::info!(%program, %survey, revoked, "invitation links revoked");
    Ok(Json(RevokedInvitations { revoked }))
}

/// Whether a link (survey or training) that opens through `expires_on` and was revoked or not
/// opens today, by the core's rule.
pub(crate) fn status(state: &AppState, expires_on: Option<&str>, revoked: bool) -> LinkStatus {
    stored_link_status(expires_on, revoked, state.clock.now().date_naive())
}

/// `Ok` for an invitation link that opens; else `410` with the program's helpdesk in `details`.
pub(crate) async fn ensure_open(state: &AppState, inv: &InvitationRow) -> Result<(), ApiError> {
    ensure_link_open(
        state,
        &inv.program_id,
        inv.expires_on.as_deref(),
        inv.revoked_at.is_some(),
    )
    .await
}

/// As [`ensure_open`], for a survey link being opened: an expired link's `410` also names the
/// survey (`survey_title`), so its holder knows which survey to ask a new link for. They were
/// invited to it, so the title is theirs to know. A revoked link names nothing: it may have been
/// taken back because it reached someone it was not meant for.
pub(crate) async fn ensure_survey_link_open(
    state: &AppState,
    inv: &InvitationRow,
    survey_title: &Text,
) -> Result<(), ApiError> {
    let Some((code, message)) = refusal(state, inv.expires_on.as_deref(), inv.revoked_at.is_some())
    else {
        return Ok(());
    };
    let survey_title = (code == ErrorCode::LinkExpired).then(|| survey_title.clone());
    let details = ClosedLink::new(support(state, &inv.program_id).await?, survey_title);
    Err(ApiError::new(code, message).with_details(details))
}

/// For a token the store does not know as a link: `410 link_revoked` with the program's helpdesk
/// when it is an old link that was given anew (its person was invited or assigned again, and
/// the page tells them to use the new link), else `Ok` and the caller answers "not found".
pub(crate) async fn refuse_replaced(state: &AppState, token: &str) -> Result<(), ApiError> {
    match state.store.replaced_link(token).await? {
        Some(program_id) => ensure_link_open(state, &program_id, None, true).await,
        None => Ok(()),
    }
}

/// `Ok` for a link of `program_id` that opens; else `410 link_expired` or `410 link_revoked`
/// with the program's helpdesk in `details`: survey and training links answer alike.
pub(crate) async fn ensure_link_open(
    state: &AppState,
    program_id: &str,
    expires_on: Option<&str>,
    revoked: bool,
) -> Result<(), ApiError> {
    let Some((code, message)) = refusal(state, expires_on, revoked) else {
        return Ok(());
    };
    Err(ApiError::new(code, message).with_details(support(state, program_id).await?))
}

/// The code and message a link that does not open today is refused with; `None` when it opens.
fn refusal(
    state: &AppState,
    expires_on: Option<&str>,
    revoked: bool,
) -> Option<(ErrorCode, &'static str)> {
    match status(state, expires_on, revoked) {
        LinkStatus::Open => None,
        LinkStatus::Expired => Some((
            ErrorCode::LinkExpired,
            "this link has expired; ask the helpdesk for a new one",
        )),
        LinkStatus::Revoked => Some((
            ErrorCode::LinkRevoked,
            "this link was revoked; ask the helpdesk for a new one",
        )),
    }
}

/// `409 link_full` for an anonymous link of `program_id` that has taken as many answers as its
/// segment has people, with the program's helpdesk in `details` (someone who has not answered
/// yet can ask there).
pub(crate) async fn link_full(state: &AppState, program_id: &str) -> Result<ApiError, ApiError> {
    tracing::warn!(program = %program_id, "an anonymous link refused an answer beyond its segment's people");
    Ok(ApiError::new(
        ErrorCode::LinkFull,
        "this link has taken as many answers as its group has people; nothing was stored",
    )
    .with_details(support(state, program_id).await?))
}

/// The program's helpdesk details, for a respondent who cannot go on.
async fn support(state: &AppState, program_id: &str) -> Result<ProgramSupport, ApiError> {
    match state.store.program(program_id).await? {
        Some(record) => stored_support(&record.support_json),
        None => Ok(ProgramSupport::default()),
    }
}

/// A program's helpdesk and FAQ as stored: what a closed link, a thank-you page and a
/// trainee's "My training" show.
pub(crate) fn stored_support(support_json: &str) -> Result<ProgramSupport, ApiError> {
    serde_json::from_str(support_json)
        .map_err(|e| ApiError::internal(format!("stored support: {e}")))
}
