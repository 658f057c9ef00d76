//! Self-study training served: the planner's endpoints ([`planner`], [`revoke`]), the trainee's
//! ([`trainee`]), and reading stored modules and facts back into the core's types (here), so
//! every rule (validation, versions, draws, scoring, status) is the core's.

pub mod planner;
pub mod revoke;
pub mod trainee;

use crate::error::ApiError;
use crate::store::{AssignmentRecord, ModuleVersions, Store, StoreError};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use wavegate_core::training::{Fact, Lineage, Module, ModuleHistory, Progress, Record};

/// The largest body that publishes a module or a version: twice the core's limit on a
/// definition as compact JSON, so a definition sent indented still reaches the validator, which
/// says in both languages that it is too large, and where, instead of a bare `413`.
pub const MODULE_BODY_LIMIT: usize = 2 * wavegate_core::training::MAX_MODULE_BYTES;

/// The trainee's routes (the token in the path is their credential).
pub fn trainee_router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/api/v1/train/{token}", get(trainee::my_training))
        .route(
            "/api/v1/train/{token}/modules/{module}/lessons/{lesson}",
            get(trainee::lesson),
        )
        .route(
            "/api/v1/train/{token}/modules/{module}/attempts",
            post(trainee::start_attempt),
        )
        .route(
            "/api/v1/train/{token}/modules/{module}/answers",
            post(trainee::submit_answers),
        )
        .route(
            "/api/v1/train/{token}/modules/{module}/sync",
            post(trainee::sync),
        )
        .route(
            "/api/v1/train/{token}/modules/{module}/certificate",
            get(trainee::certificate),
        )
}

/// A stored module's history; stored versions were valid when stored, so failing to read them
/// back is our fault.
pub(crate) fn history(stored: &ModuleVersions) -> Result<ModuleHistory, ApiError> {
    read_history(stored).map_err(ApiError::internal)
}

fn read_history(stored: &ModuleVersions) -> Result<ModuleHistory, String> {
    let versions = stored
        .versions
        .iter()
        .map(|(_, json, _)| serde_json::from_str::<Module>(json))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("stored module: {e}"))?;
    ModuleHistory::from_published(versions).map_err(|e| format!("stored module history: {e:?}"))
}

/// When each stored version was published, by version: the earliest a trainee's facts about it
/// can be dated (the core's `view_fact` and `receive_attempt` take it).
pub(crate) fn published_times(
    stored: &ModuleVersions,
) -> Result<BTreeMap<u32, DateTime<Utc>>, ApiError> {
    stored
        .versions
        .iter()
        .map(|(version, _, at)| {
            crate::clock::parse_stamp(at)
                .map(|t| (*version, t))
                .ok_or_else(|| ApiError::internal(format!("stored time `{at}`")))
        })
        .collect()
}

/// The latest version of a history and its lineage.
pub(crate) fn latest(history: &ModuleHistory) -> Result<(&Module, Lineage), ApiError> {
    read_latest(history).map_err(ApiError::internal)
}

fn read_latest(history: &ModuleHistory) -> Result<(&Module, Lineage), String> {
    match (history.latest(), history.lineage()) {
        (Some(m), Some(l)) => Ok((m, l)),
        _ => Err("a stored module without versions".into()),
    }
}

/// The progress an assignment's stored facts make.
pub(crate) fn progress(a: &AssignmentRecord) -> Result<Progress, ApiError> {
    read_progress(a).map_err(ApiError::internal)
}

fn read_progress(a: &AssignmentRecord) -> Result<Progress, String> {
    let facts = a
        .facts
        .iter()
        .map(|(id, body)| Ok((id.as_str(), serde_json::from_str::<Fact>(body)?)))
        .collect::<Result<Vec<_>, serde_json::Error>>()
        .map_err(|e| format!("stored fact: {e}"))?;
    let assigned_at = crate::clock::parse_stamp(&a.assigned_at)
        .ok_or_else(|| format!("stored time `{}`", a.assigned_at))?;
    Progress::from_facts(
        &a.module_id,
        &a.registration,
        assigned_at,
        facts.iter().map(|(id, f)| (*id, f)),
    )
    .map_err(|e| format!("stored registration: {e}"))
}

/// A fresh registration: a version-4 UUID from the operating system's random source.
pub(crate) fn new_registration() -> String {
    let mut bytes = [0u8; 16];
    // The OS random source failing is unrecoverable for a server that must issue identifiers.
    getrandom::getrandom(&mut bytes).expect("the operating system's random source failed");
    wavegate_core::training::registration_from_bytes(bytes)
}

/// Every assignment as a `training.csv` record (judged on its module's latest version), by
/// module and person, with the module's history and the progress, for the other exports.
pub fn records_of(
    modules: &[ModuleVersions],
    assignments: &[AssignmentRecord],
) -> Result<Vec<TraineeRecord>, String> {
    let mut out = Vec::with_capacity(assignments.len());
    for stored in modules {
        let history = read_history(stored)?;
        let (module, lineage) = read_latest(&history)?;
        for a in assignments
            .iter()
            .filter(|a| a.module_id == stored.module_id)
        {
            let progress = read_progress(a)?;
            out.push(TraineeRecord {
                record: Record::of(&a.trainee.person_id, &progress, module, &lineage),
                module: module.clone(),
                history: history.clone(),
                progress,
                assignment: a.clone(),
            });
        }
    }
    Ok(out)
}

/// One trainee's record of one module, with what it was made from.
#[derive(Clone, Debug)]
pub struct TraineeRecord {
    /// The `training.csv` row.
    pub record: Record,
    /// The module's latest version.
    pub module: Module,
    /// Every published version of it.
    pub history: ModuleHistory,
    /// The trainee's progress.
    pub progress: Progress,
    /// The assignment (link, registration, facts).
    pub assignment: AssignmentRecord,
}

/// Every training record of a program (see [`records_of`]).
pub async fn records(store: &Store, program_id: &str) -> Result<Vec<TraineeRecord>, StoreError> {
    let modules = store.modules(program_id, None).await?;
    let assignments = store.assignments(program_id, None).await?;
    records_of(&modules, &assignments).map_err(StoreError::Corrupt)
}
