//! A program's training modules as the planner sees them: publishing (built-in, uploaded, a
//! next version), assigning by wave or segment, the links file, results, who must re-study, and
//! revoking training links.

use super::{ApiError, Download, change, download, json, path};
use gloo_net::http::Request;
use wavegate_core::api::{ListCsvQuery, RevokedInvitations};
use wavegate_core::i18n::Lang;
use wavegate_core::training::wire::{
    AssignModule, Assigned, ImportedTraining, ModulePublished, ModuleResults, ModuleSummary,
    PublishModule, RestudyList, RevokeTrainingLinks,
};

/// `GET /api/v1/programs/{program}/modules`: the program's modules, latest version first-hand.
pub async fn list(program: &str) -> Result<Vec<ModuleSummary>, ApiError> {
    json(Request::get(&path::program(program, "/modules")).build()).await
}

/// `GET /api/v1/programs/{program}/training/imported`: the training records imported as a file,
/// per module.
pub async fn imported(program: &str) -> Result<ImportedTraining, ApiError> {
    json(Request::get(&path::program(program, "/training/imported")).build()).await
}

/// `POST /api/v1/programs/{program}/modules`: publishes a built-in or uploaded module; problems
/// come back with their JSON paths in `lang`.
pub async fn publish(
    csrf: &str,
    program: &str,
    body: &PublishModule,
    lang: Lang,
) -> Result<ModulePublished, ApiError> {
    let url = path::program(program, "/modules") + &path::lang_query(lang);
    json(change(Request::post(&url), csrf).json(body)).await
}

/// `POST …/modules/{module}/versions`: publishes the module's next version (its change notes
/// say which lessons changed and how).
pub async fn publish_version(
    csrf: &str,
    program: &str,
    module: &str,
    body: &PublishModule,
    lang: Lang,
) -> Result<ModulePublished, ApiError> {
    let url = path::module(program, module, "versions") + &path::lang_query(lang);
    json(change(Request::post(&url), csrf).json(body)).await
}

/// `POST …/modules/{module}/assignments`: assigns the module to a wave and/or segment; why a
/// selection cannot be assigned comes back in `lang`.
pub async fn assign(
    csrf: &str,
    program: &str,
    module: &str,
    body: &AssignModule,
    lang: Lang,
) -> Result<Assigned, ApiError> {
    let url = path::module(program, module, "assignments") + &path::lang_query(lang);
    json(change(Request::post(&url), csrf).json(body)).await
}

/// `GET …/modules/{module}/links.csv`: the trainees' personal links as a mail-merge file.
pub async fn links_csv(
    program: &str,
    module: &str,
    query: ListCsvQuery,
) -> Result<Download, ApiError> {
    download::fetch(&(path::module(program, module, "links.csv") + &query.to_query())).await
}

/// `POST /api/v1/programs/{program}/training/revoke`: revokes the training links of these
/// people or of a wave; answers how many opened until now.
pub async fn revoke(
    csrf: &str,
    program: &str,
    body: &RevokeTrainingLinks,
) -> Result<RevokedInvitations, ApiError> {
    let url = path::program(program, "/training/revoke");
    json(change(Request::post(&url), csrf).json(body)).await
}

/// `GET …/modules/{module}/results`: completion and per-topic results per group.
pub async fn results(program: &str, module: &str) -> Result<ModuleResults, ApiError> {
    json(Request::get(&path::module(program, module, "results")).build()).await
}

/// `GET …/modules/{module}/restudy`: who must re-study what in the latest version.
pub async fn restudy(program: &str, module: &str) -> Result<RestudyList, ApiError> {
    json(Request::get(&path::module(program, module, "restudy")).build()).await
}
