//! Programs: the list, one program's definition and support details, creating and replacing
//! one, and downloading its program.toml.

use super::{ApiError, Download, change, download, json, path};
use gloo_net::http::Request;
use wavegate_core::api::{Created, ProgramDetail, ProgramOverview, ProgramSupport, RosterGroups};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::Program;

/// `GET /api/v1/programs`: the programs and their surveys.
pub async fn list() -> Result<Vec<ProgramOverview>, ApiError> {
    json(Request::get("/api/v1/programs").build()).await
}

/// `POST /api/v1/programs`: creates a program from its definition (sent as JSON); problems come
/// back in `lang`.
pub async fn create(csrf: &str, program: &Program, lang: Lang) -> Result<Created, ApiError> {
    let url = path::program_list() + &path::lang_query(lang);
    json(change(Request::post(&url), csrf).json(program)).await
}

/// `GET /api/v1/programs/{program}`: its definition and support details.
pub async fn get(program: &str) -> Result<ProgramDetail, ApiError> {
    json(Request::get(&path::program(program, "")).build()).await
}

/// `PUT /api/v1/programs/{program}`: replaces the definition.
pub async fn replace(
    csrf: &str,
    id: &str,
    program: &Program,
    lang: Lang,
) -> Result<ProgramDetail, ApiError> {
    let url = path::program(id, "") + &path::lang_query(lang);
    json(change(Request::put(&url), csrf).json(program)).await
}

/// `PUT /api/v1/programs/{program}/support`: what respondents see after answering.
pub async fn set_support(
    csrf: &str,
    program: &str,
    support: &ProgramSupport,
    lang: Lang,
) -> Result<ProgramSupport, ApiError> {
    let url = path::program(program, "/support") + &path::lang_query(lang);
    json(change(Request::put(&url), csrf).json(support)).await
}

/// `GET /api/v1/programs/{program}/roster/groups`: the groups of the current roster to choose
/// from, each split attribute's values with their people per wave (`no_roster` without one).
pub async fn roster_groups(program: &str) -> Result<RosterGroups, ApiError> {
    json(Request::get(&path::program(program, "/roster/groups")).build()).await
}

/// `GET /api/v1/programs/{program}/program.toml`: the definition as a file.
pub async fn program_toml(program: &str) -> Result<Download, ApiError> {
    download::fetch(&path::program(program, "/program.toml")).await
}
