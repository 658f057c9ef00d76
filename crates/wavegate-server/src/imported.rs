//! What the planner's pages show of a file imported from another tool: responses from another
//! survey tool (the surveys page) and training records from another learning platform (the
//! training page). Readiness counts both, so the planner should see what they hold. The current
//! file of the kind is read again and summed up by the core, groups under 5 without figures.

use crate::AppState;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::programs::program_not_found;
use axum::Json;
use axum::extract::State;
use std::fs::File;
use wavegate_core::api::{FileKind, ImportedResponses};
use wavegate_core::readiness::import::{read_responses, read_training};
use wavegate_core::survey::imported::by_survey;
use wavegate_core::training::imported::by_module;
use wavegate_core::training::wire::ImportedTraining;

/// The current file of `kind` in `program`, summed up by `summary`: its name, when it was
/// imported, and the summary; `None` when no such file was imported.
async fn current<T: Send + 'static>(
    state: &AppState,
    program: &str,
    kind: FileKind,
    summary: fn(File) -> Result<T, String>,
) -> Result<Option<(String, String, T)>, ApiError> {
    if state.store.program(program).await?.is_none() {
        return Err(program_not_found());
    }
    let Some((import, path)) = state.store.current_file(program, kind.as_str()).await? else {
        return Ok(None);
    };
    // The file was read when it was imported; reading it again is blocking work.
    let sha = import.sha256.clone();
    let summed = tokio::task::spawn_blocking(move || {
        let file = File::open(&path).map_err(|e| e.to_string())?;
        summary(file)
    })
    .await
    .map_err(|e| ApiError::internal(format!("reading {}: {e}", kind.as_str())))?
    .map_err(|e| ApiError::internal(format!("stored file {sha}: {e}")))?;
    Ok(Some((import.file_name, import.imported_at, summed)))
}

/// `GET /api/v1/programs/{program}/responses/imported`: the responses imported as a file (from
/// another survey tool), per survey, with the SUS, NPS and ADKAR barriers they give; surveys of
/// fewer than 5 responses without figures.
pub async fn responses(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
) -> Result<Json<ImportedResponses>, ApiError> {
    let found = current(&state, &program, FileKind::Responses, |file| {
        read_responses(file)
            .map(|r| by_survey(&r))
            .map_err(|e| e.to_string())
    })
    .await?;
    Ok(Json(match found {
        None => ImportedResponses::default(),
        Some((file_name, imported_at, surveys)) => ImportedResponses {
            file_name: Some(file_name),
            imported_at: Some(imported_at),
            surveys,
        },
    }))
}

/// `GET /api/v1/programs/{program}/training/imported`: the training records imported as a file
/// (from another learning tool), per module, modules of fewer than 5 people without counts.
pub async fn training(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
) -> Result<Json<ImportedTraining>, ApiError> {
    let found = current(&state, &program, FileKind::Training, |file| {
        read_training(file)
            .map(|r| by_module(&r))
            .map_err(|e| e.to_string())
    })
    .await?;
    Ok(Json(match found {
        None => ImportedTraining::default(),
        Some((file_name, imported_at, modules)) => ImportedTraining {
            file_name: Some(file_name),
            imported_at: Some(imported_at),
            modules,
        },
    }))
}
