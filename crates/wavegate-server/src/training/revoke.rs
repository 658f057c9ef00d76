//! Revoking training links, per person or per wave: a revoked link answers `410 link_revoked`
//! with the program's helpdesk on every trainee endpoint. The routes' guard has checked the
//! caller (a planner, with the CSRF token of a cookie session).

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::programs::program_not_found;
use crate::store::TraineeRevocation;
use axum::Json;
use axum::extract::State;
use wavegate_core::api::MAX_REVOKED_PER_REQUEST;
use wavegate_core::api::{ErrorCode, RevokedInvitations};
use wavegate_core::training::wire::RevokeTrainingLinks;

/// `POST /api/v1/programs/{program}/training/revoke`: revokes the training links of these
/// people or of this wave; answers how many opened until now (revoking again changes nothing).
pub async fn revoke(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiJson(body): ApiJson<RevokeTrainingLinks>,
) -> Result<Json<RevokedInvitations>, ApiError> {
    // A list sent empty still names `person_ids`: with a wave that is both, refused, not read
    // as a wave's revocation.
    let which = match (body.person_ids, body.wave) {
        (None, Some(wave)) => TraineeRevocation::Wave(wave),
        (Some(ids), None) if ids.is_empty() => {
            return Err(ApiError::new(
                ErrorCode::InvalidBody,
                "person_ids names nobody: give at least one person id, or a wave",
            ));
        }
        (Some(ids), None) if ids.len() > MAX_REVOKED_PER_REQUEST => {
            return Err(ApiError::new(
                ErrorCode::InvalidBody,
                format!("at most {MAX_REVOKED_PER_REQUEST} people per request"),
            ));
        }
        (Some(ids), None) => TraineeRevocation::People(ids),
        _ => {
            return Err(ApiError::new(
                ErrorCode::InvalidBody,
                "give exactly one of person_ids and wave",
            ));
        }
    };
    if state.store.program(&program).await?.is_none() {
        return Err(program_not_found());
    }
    let revoked = state
        .store
        .revoke_trainees(&program, which, &state.clock.stamp())
        .await?;
    tracing::info!(%program, revoked, "training links revoked");
    Ok(Json(RevokedInvitations { revoked }))
}
