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
use std::any::Any;
use std::collections::VecDeque;
use std::fs::File;
use std::sync::{Arc, Mutex};
use wavegate_core::api::{FileKind, ImportedResponses};
use wavegate_core::readiness::import::{read_responses, read_training};
use wavegate_core::survey::imported::by_survey;
use wavegate_core::training::imported::by_module;
use wavegate_core::training::wire::ImportedTraining;

/// How many summaries [`Kept`] holds.
const KEPT: usize = 8;

/// The last summaries made, by the stored file's SHA-256: a stored file never changes, so
/// it is read again only when its summary has dropped out, not on every visit of the page
/// (a large `responses.csv` takes seconds to read).
#[derive(Clone, Default)]
pub(crate) struct Kept(Arc<Mutex<VecDeque<(String, Summary)>>>);

/// A summary of one kind or another ([`Kept`] gives it back as the kind asked for).
type Summary = Arc<dyn Any + Send + Sync>;

impl Kept {
    fn get<T: Clone + Send + Sync + 'static>(&self, sha: &str) -> Option<T> {
        let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        (kept.iter())
            .find(|(s, _)| s == sha)
            .and_then(|(_, summary)| summary.downcast_ref::<T>().cloned())
    }

    fn keep<T: Send + Sync + 'static>(&self, sha: String, summary: T) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() == KEPT {
            kept.pop_front();
        }
        kept.push_back((sha, Arc::new(summary)));
    }
}

/// The current file of `kind` in `program`, summed up by `summary`: its name, when it was
/// imported, and the summary; `None` when no such file was imported.
async fn current<T: Clone + Send + Sync + 'static>(
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
    if let Some(summed) = state.imported.get::<T>(&import.sha256) {
        return Ok(Some((import.file_name, import.imported_at, summed)));
    }
    // The file was read when it was imported; reading it again is blocking work.
    let sha = import.sha256.clone();
    let summed = tokio::task::spawn_blocking(move || {
        let file = File::open(&path).map_err(|e| e.to_string())?;
        summary(file)
    })
    .await
    .map_err(|e| ApiError::internal(format!("reading {}: {e}", kind.as_str())))?
    .map_err(|e| ApiError::internal(format!("stored file {sha}: {e}")))?;
    state.imported.keep(import.sha256, summed.clone());
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
