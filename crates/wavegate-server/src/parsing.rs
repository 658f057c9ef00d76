//! Stored and staged files read through the core's importers, off the async threads, and the
//! program's roster kept parsed: what the import, invitation, training and program endpoints
//! share.

use crate::AppState;
use crate::error::ApiError;
use std::sync::Arc;
use wavegate_core::api::FileKind;
use wavegate_core::readiness::Program;
use wavegate_core::readiness::data::Roster;
use wavegate_core::tabular::{FileProblem, InputError};
use wavegate_core::upload::{Parsed, parse_upload};

/// Parses a stored or staged file on a blocking thread.
pub(crate) async fn parse_file(
    path: std::path::PathBuf,
    kind: FileKind,
    program: Program,
) -> Result<Result<Parsed, InputError>, ApiError> {
    tokio::task::spawn_blocking(move || {
        let file = std::fs::File::open(&path).map_err(|e| {
            InputError::file(
                kind.file_name(),
                0,
                FileProblem::Unreadable {
                    detail: e.to_string(),
                },
            )
        })?;
        parse_upload(kind, std::io::BufReader::new(file), &program)
    })
    .await
    .map_err(ApiError::internal)
}

/// The program's current roster, parsed: `None` without one, `Err` when it no longer reads
/// with the program. Read once per stored file and program, then kept.
pub(crate) async fn roster_of(
    state: &AppState,
    program_id: &str,
    program: &Program,
) -> Result<Option<Result<Arc<Roster>, InputError>>, ApiError> {
    let Some((import, path)) = state
        .store
        .current_file(program_id, FileKind::Roster.as_str())
        .await?
    else {
        return Ok(None);
    };
    if let Some(roster) = state.rosters.get(&import.sha256, program) {
        return Ok(Some(Ok(roster)));
    }
    let _parsing = state.rosters.parsing().await;
    // Another request may have parsed it while this one waited.
    if let Some(roster) = state.rosters.get(&import.sha256, program) {
        return Ok(Some(Ok(roster)));
    }
    let parsed = parse_file(path, FileKind::Roster, program.clone())
        .await?
        .map(|parsed| match parsed {
            Parsed::Roster(r) => Arc::new(r),
            _ => Arc::new(Roster::default()),
        })
        // Named as the planner uploaded it: the import list may hold an older `roster.csv`.
        .map_err(|mut e| {
            e.file = import.file_name.clone();
            e
        });
    if let Ok(roster) = &parsed {
        state.rosters.keep(&import.sha256, program, roster.clone());
    }
    Ok(Some(parsed))
}
