//! Draft endpoints of personal links: `GET/PUT/DELETE /api/v1/respond/{token}/draft`, so a
//! person can continue on another device, and "not you?" takes back what was saved from a
//! device that was not theirs. Anonymous links keep drafts on the device only: a draft there
//! would be shared by everyone holding the link. Every draft is checked against the survey the
//! link opens by the core's rule ([`Draft::check`]) and bounded in size. `GET` tags the draft
//! with its revision (`ETag`); a `PUT` with `If-Match` or `If-None-Match: *` saves only over the
//! draft it expects ([`Precondition`]), so one device never overwrites a save it has not seen.
//! With the draft the server keeps when its answers last changed on the device (no later than
//! the save), which is what another device's edits are set against.

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, PeerAddr};
use crate::lookup::find_link;
use crate::respond::{answer_problems, parse_attributes, parse_survey};
use crate::store::{DraftOwner, DraftSave, DraftSaved, OpenedInvitation};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use wavegate_core::api::ErrorCode;
use wavegate_core::i18n::Lang;
use wavegate_core::survey::draft::{
    Draft, DraftProblem, DraftReceipt, Precondition, SavedDraft, edit_time, etag,
};
use wavegate_core::survey::wire::IncomingDraft;

/// The most a draft's JSON may take: far above any survey's answers (texts are bounded by the
/// core's limits), far below what would let a link store files.
pub const DRAFT_BODY_LIMIT: usize = 64 * 1024;

fn invitation_not_found() -> ApiError {
    ApiError::not_found("invitation")
}

/// The link's invitation, its survey and whose draft it is; refused for anonymous links and once
/// the person answered.
async fn personal(
    state: &AppState,
    peer: &PeerAddr,
    token: &str,
) -> Result<(OpenedInvitation, DraftOwner), ApiError> {
    let opened = find_link(state, peer, token, invitation_not_found, async {
        Ok(state.store.open_invitation(token).await?)
    })
    .await?;
    // A revoked or expired link neither reads nor writes the person's draft: revoking a
    // forwarded link must also keep what they saved from its holder.
    crate::links::ensure_open(state, &opened.invitation).await?;
    let Some(person_id) = opened.invitation.person_id.clone() else {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "an anonymous link keeps its draft on the device only",
        ));
    };
    if opened.submitted.is_some() {
        return Err(ApiError::new(
            ErrorCode::AlreadySubmitted,
            "this invitation has already been answered",
        ));
    }
    let owner = DraftOwner {
        program_id: opened.invitation.program_id.clone(),
        survey_id: opened.invitation.survey_id.clone(),
        person_id,
    };
    Ok((opened, owner))
}

/// `GET /api/v1/respond/{token}/draft`: the draft saved from any device, 404 when none is kept;
/// `ETag` is its revision.
pub async fn get_draft(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath(token): ApiPath<String>,
) -> Result<([(HeaderName, String); 1], Json<SavedDraft>), ApiError> {
    let (_, owner) = personal(&state, &peer, &token).await?;
    let row = state
        .store
        .draft(owner)
        .await?
        .ok_or_else(|| ApiError::not_found("draft"))?;
    let draft: Draft = serde_json::from_str(&row.draft_json)
        .map_err(|e| ApiError::internal(format!("stored draft: {e}")))?;
    Ok((
        [(header::ETAG, etag(row.revision))],
        Json(SavedDraft {
            draft,
            revision: row.revision,
            saved_at: row.saved_at,
            edited_at: row.edited_at,
        }),
    ))
}

/// The save's precondition from `If-Match` / `If-None-Match` (a value that is not text reads as
/// one that matches nothing).
fn precondition(headers: &HeaderMap) -> Precondition {
    let value = |name| {
        headers
            .get(name)
            .map(|v: &header::HeaderValue| v.to_str().unwrap_or(""))
    };
    Precondition::from_headers(value(header::IF_MATCH), value(header::IF_NONE_MATCH))
}

/// `PUT /api/v1/respond/{token}/draft`: keeps the draft as the next revision, if the stored one
/// meets the request's precondition (`412 draft_changed` otherwise; none: always).
pub async fn put_draft(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath(token): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<IncomingDraft>,
) -> Result<Json<DraftReceipt>, ApiError> {
    let expected = precondition(&headers);
    let (opened, owner) = personal(&state, &peer, &token).await?;
    let survey = parse_survey(&opened.definition_json)?;
    let attributes = parse_attributes(&opened.invitation.attributes_json)?;
    let language = opened.invitation.language.as_deref();
    let claimed_edit = draft.edited_at.clone();
    let saved_at = state.clock.stamp();
    // An answer of no shape the question takes is refused like any other invalid answer.
    let draft = draft.read(&survey).map_err(|p| refusal(p, language))?;
    draft
        .check(&survey, &attributes)
        .map_err(|p| refusal(p, language))?;
    let save = DraftSave {
        draft_json: serde_json::to_string(&draft).map_err(ApiError::internal)?,
        edited_at: edit_time(claimed_edit.as_deref(), &saved_at),
        saved_at: saved_at.clone(),
    };
    let saved = state.store.save_draft(owner, expected, save).await?;
    match saved {
        DraftSaved::Saved(revision) => Ok(Json(DraftReceipt { revision, saved_at })),
        DraftSaved::Answered => Err(ApiError::new(
            ErrorCode::AlreadySubmitted,
            "this invitation has already been answered",
        )),
        DraftSaved::Changed(stored) => Err(ApiError::new(
            ErrorCode::DraftChanged,
            match stored {
                Some(r) => format!(
                    "the stored draft is revision {r}; nothing was saved (GET the draft first)"
                ),
                None => "no draft is stored; nothing was saved".to_string(),
            },
        )),
    }
}

/// The API error for a draft the core refuses; answer problems in the person's language.
fn refusal(problem: DraftProblem, language: Option<&str>) -> ApiError {
    match problem {
        DraftProblem::ResponseId => ApiError::new(
            ErrorCode::InvalidResponseId,
            "the response id must be 8 to 64 letters, digits, '-' or '_'",
        ),
        DraftProblem::Version { expected, found } => ApiError::new(
            ErrorCode::UnknownVersion,
            format!("this link opens survey version {expected}, not {found}"),
        ),
        DraftProblem::Page { pages } => ApiError::new(
            ErrorCode::InvalidBody,
            format!("the survey has {pages} page(s)"),
        ),
        DraftProblem::Answers(problems) => {
            let lang = language.and_then(Lang::parse).unwrap_or_default();
            let details = answer_problems(&problems, lang);
            ApiError::new(
                ErrorCode::InvalidResponse,
                format!(
                    "{} answer(s) cannot be part of a response; the draft was not saved",
                    details.len()
                ),
            )
            .with_details(details)
        }
    }
}

/// `DELETE /api/v1/respond/{token}/draft`: forgets the draft if the stored one meets `If-Match`
/// (the revision the device saved itself); `204` also when none is stored, `412 draft_changed`
/// when another device saved since (that draft stays).
pub async fn delete_draft(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath(token): ApiPath<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let expected = precondition(&headers);
    let (_, owner) = personal(&state, &peer, &token).await?;
    match state.store.discard_draft(owner, expected).await? {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(stored) => Err(ApiError::new(
            ErrorCode::DraftChanged,
            format!("the stored draft is revision {stored}, saved since; it was kept"),
        )),
    }
}
