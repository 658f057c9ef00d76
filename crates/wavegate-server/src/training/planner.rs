//! The planner's training endpoints: publish modules (built-in or a definition) and new
//! versions, assign a module to a wave or segment (personal links, as for surveys), download the
//! links, completion and per-topic results per group (small groups suppressed), and who must
//! re-study after a new version. The routes' guard has checked the caller.

use super::{history, latest, new_registration, progress};
use crate::AppState;
use crate::auth::{Caller, new_token};
use crate::downloads::attachment;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, request_lang};
use crate::imports::{program_of, required_roster};
use crate::programs::program_not_found;
use crate::respond::parse_attributes;
use crate::store::{ModuleStored, NewTrainee};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::{Extension, Json};
use wavegate_core::api::{
    Definition, ErrorCode, InvalidField, InvitationLink, LangQuery, ListCsvQuery, SurveyProblem,
    Unpublished,
};
use wavegate_core::i18n::Lang;
use wavegate_core::invitation::{Selection, check_last_day, write_link_list};
use wavegate_core::training::wire::{
    AssignModule, Assigned, ModuleNames, ModulePublished, ModuleResults, ModuleSummary,
    PersonRestudy, PublishModule, RestudyList, VersionSummary,
};
use wavegate_core::training::{
    ChangeKind, Module, ModuleHistory, Published, Record, results_by_group, templates, trainees,
};

fn module_not_found() -> ApiError {
    ApiError::not_found("module of this program")
}

/// The latest version of a module the program published; a module it never published is not
/// found (a client's mistake, not the server's: nothing is logged as an internal error).
fn published_latest(
    history: &ModuleHistory,
) -> Result<(&Module, wavegate_core::training::Lineage), ApiError> {
    if history.latest().is_none() {
        return Err(module_not_found());
    }
    latest(history)
}

fn invalid_module(message: impl Into<String>, details: Vec<SurveyProblem>) -> ApiError {
    ApiError::new(ErrorCode::InvalidModule, message).with_details(details)
}

/// The versions a request publishes, oldest first: every version of a built-in by id (a
/// program adds those it lacks), or one definition read and validated by the core (every
/// problem with its JSON path).
fn requested(body: PublishModule, lang: Lang) -> Result<Vec<Module>, ApiError> {
    match (body.builtin, body.module) {
        (Some(id), None) => templates::versions(&id).ok_or_else(|| {
            let known = templates::all().iter().map(|m| m.id.clone()).collect();
            invalid_module(
                Unpublished::NotBuiltIn {
                    definition: Definition::Module,
                    id,
                    known,
                }
                .message(lang),
                Vec::new(),
            )
        }),
        (None, Some(value)) => Module::from_value(value)
            .map(|m| vec![m])
            .map_err(|errors| {
                let details = SurveyProblem::list(&errors, lang);
                invalid_module(Unpublished::Problems(details.len()).message(lang), details)
            }),
        _ => Err(ApiError::new(
            ErrorCode::InvalidBody,
            "send exactly one of `builtin` and `module`",
        )),
    }
}

/// The stored history of a module of the program (empty for a new one).
async fn stored_history(
    state: &AppState,
    program: &str,
    module_id: &str,
) -> Result<ModuleHistory, ApiError> {
    match state.store.modules(program, Some(module_id)).await?.first() {
        Some(stored) => history(stored),
        None => Ok(ModuleHistory::new()),
    }
}

/// Publishes a module's versions, oldest first, each after the one before (those already
/// published with the same content change nothing); `path_module` is the module the path
/// names, if any. Nothing is stored unless every version may follow.
async fn publish_version(
    state: &AppState,
    program: &str,
    path_module: Option<&str>,
    body: PublishModule,
    lang: Lang,
) -> Result<(StatusCode, Json<ModulePublished>), ApiError> {
    if state.store.program(program).await?.is_none() {
        return Err(program_not_found());
    }
    let versions = requested(body, lang)?;
    let Some(module) = versions.last().cloned() else {
        return Err(module_not_found());
    };
    if let Some(id) = path_module
        && module.id != id
    {
        return Err(invalid_module(
            Unpublished::OtherModule {
                found: module.id.clone(),
                named: id.to_string(),
            }
            .message(lang),
            Vec::new(),
        ));
    }
    let mut history = stored_history(state, program, &module.id).await?;
    if path_module.is_some() && history.latest().is_none() {
        return Err(module_not_found());
    }
    let mut new = Vec::new();
    for version in versions {
        match history.publish(version.clone()) {
            Ok(Published::New) => new.push(version),
            Ok(Published::Unchanged) => {}
            Err(errors) => {
                // Refused, so the latest version is still the one it was checked against.
                let previous = history.latest();
                let details: Vec<SurveyProblem> = errors
                    .iter()
                    .map(|e| SurveyProblem {
                        path: e.path(previous, &version),
                        code: e.code().to_string(),
                        message: e.message(lang),
                    })
                    .collect();
                return Err(invalid_module(
                    Unpublished::CannotFollow {
                        version: version.version,
                    }
                    .message(lang),
                    details,
                ));
            }
        }
    }
    let mut created = false;
    for version in &new {
        created |= state
            .store
            .publish_module_version(
                program,
                &version.id,
                version.version,
                &serde_json::to_string(version).map_err(ApiError::internal)?,
                &state.clock.stamp(),
            )
            .await?
            == ModuleStored::New;
    }
    let (latest_module, lineage) = latest(&history)?;
    let mut must_restudy = 0;
    for a in state.store.assignments(program, Some(&module.id)).await? {
        must_restudy += u64::from(progress(&a)?.status(latest_module, &lineage).updated);
    }
    tracing::info!(module = %module.id, version = module.version, created, "module published");
    Ok((
        if created {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        },
        Json(ModulePublished {
            module_id: module.id,
            title: module.title,
            version: module.version,
            created,
            must_restudy,
        }),
    ))
}

/// `POST /api/v1/programs/{program}/modules`: publishes a built-in module or a definition.
pub async fn publish(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<PublishModule>,
) -> Result<(StatusCode, Json<ModulePublished>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    publish_version(&state, &program, None, body, lang).await
}

/// `POST /api/v1/programs/{program}/modules/{module}/versions`: publishes the next version of
/// a module, with its change notes.
pub async fn publish_next(
    State(state): State<AppState>,
    ApiPath((program, module)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<PublishModule>,
) -> Result<(StatusCode, Json<ModulePublished>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    publish_version(&state, &program, Some(&module), body, lang).await
}

/// `GET /api/v1/programs/{program}/modules`: the program's modules with their versions.
pub async fn list(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
) -> Result<Json<Vec<ModuleSummary>>, ApiError> {
    if state.store.program(&program).await?.is_none() {
        return Err(program_not_found());
    }
    let assignments = state.store.assignments(&program, None).await?;
    let mut out = Vec::new();
    for stored in state.store.modules(&program, None).await? {
        let history = history(&stored)?;
        let (module, _) = latest(&history)?;
        let versions = history
            .published()
            .iter()
            .zip(&stored.versions)
            .map(|(m, (_, _, at))| {
                let of = |kind: ChangeKind| {
                    m.changes
                        .iter()
                        .filter(|c| c.kind == kind)
                        .map(|c| c.lesson.clone())
                        .collect()
                };
                VersionSummary {
                    version: m.version,
                    published_at: at.clone(),
                    substantive: of(ChangeKind::Substantive),
                    editorial: of(ChangeKind::Editorial),
                }
            })
            .collect();
        out.push(ModuleSummary {
            id: module.id.clone(),
            title: module.title.clone(),
            version: module.version,
            estimate_minutes: module.estimate_minutes,
            versions,
            assigned: assignments
                .iter()
                .filter(|a| a.module_id == module.id)
                .count() as u64,
            names: ModuleNames::of(history.published()),
            targets: module.targets.clone(),
        });
    }
    Ok(Json(out))
}

/// `POST /api/v1/programs/{program}/modules/{module}/assignments`: assigns the module's
/// latest version to the people of a wave and/or segment whom it targets, each with a personal
/// training link. Idempotent: existing links and progress are kept; a link revoked or past its
/// last day is replaced, and the answer counts those as `renewed`.
pub async fn assign(
    State(state): State<AppState>,
    ApiPath((program, module_id)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<AssignModule>,
) -> Result<(StatusCode, Json<Assigned>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    let today = state.clock.now().date_naive();
    // A last day already past would make links that never open, and count them as made.
    if let Some(asked) = body.expires_on {
        check_last_day(asked, today).map_err(|e| {
            ApiError::new(ErrorCode::InvalidDate, e.message(lang)).with_details(InvalidField {
                field: "expires_on".into(),
            })
        })?;
    }
    let history = stored_history(&state, &program, &module_id).await?;
    let (module, _) = published_latest(&history)?;
    let definition = program_of(&state, &program, lang).await?;
    let roster = required_roster(&state, &program, &definition, lang).await?;
    let selection = Selection {
        wave: body.wave,
        segment: body.segment,
    };
    let people = wavegate_core::invitation::personal_invitations(&roster, &definition, &selection)
        .map_err(|e| ApiError::new(ErrorCode::InvalidSelection, e.message(lang)))?
        .len() as u64;
    let chosen = trainees(&roster, &definition, &selection, module)
        .map_err(|e| ApiError::new(ErrorCode::InvalidSelection, e.message(lang)))?;
    let entries = chosen
        .into_iter()
        .filter_map(|t| {
            let wave = t.wave(&definition);
            let expires_on = t
                .expires_on(&definition, body.expires_on, today)
                .map(|d| d.format("%Y-%m-%d").to_string());
            Some(Ok(NewTrainee {
                token: new_token(),
                wave,
                expires_on,
                person_id: t.link.person_id?,
                name: t.name,
                email: t.email,
                attributes_json: match serde_json::to_string(&t.link.attributes) {
                    Ok(j) => j,
                    Err(e) => return Some(Err(ApiError::internal(e))),
                },
                language: t.link.language.map(|l| l.code().to_string()),
                registration: new_registration(),
            }))
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let targeted = entries.len() as u64;
    let out = state
        .store
        .assign_module(&program, &module_id, entries, &state.clock.stamp())
        .await?;
    let created = out.iter().filter(|a| a.created).count() as u64;
    let renewed = out.iter().filter(|a| a.renewed).count() as u64;
    Ok((
        if created > 0 {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        },
        Json(Assigned {
            people,
            targeted,
            created,
            existing: targeted - created,
            renewed,
            targets: module.targets.clone(),
        }),
    ))
}

/// `GET /api/v1/programs/{program}/modules/{module}/links.csv`: the mail-merge CSV of the
/// module's trainees' personal links (`submitted_at`: when they were done), with each link's
/// wave, last day and revocation.
pub async fn links(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath((program, module_id)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<ListCsvQuery>,
) -> Result<Response, ApiError> {
    caller.may_hold_links()?;
    let history = stored_history(&state, &program, &module_id).await?;
    let (module, lineage) = published_latest(&history)?;
    let mut rows = Vec::new();
    for a in state.store.assignments(&program, Some(&module_id)).await? {
        let done = progress(&a)?.status(module, &lineage).done_at;
        rows.push(InvitationLink {
            url: format!("{}/t/{}", state.public_url, a.trainee.token),
            attributes: parse_attributes(&a.trainee.attributes_json)?,
            language: a.trainee.language.as_deref().and_then(Lang::parse),
            person_id: Some(a.trainee.person_id),
            email: None,
            token: a.trainee.token,
            submitted_at: done.map(crate::clock::stamp),
            wave: a.trainee.wave,
            expires_on: a.trainee.expires_on,
            revoked_at: a.trainee.revoked_at,
        });
    }
    crate::planner::with_emails(&state, &program, &mut rows).await?;
    let options = q
        .delimiter
        .unwrap_or_default()
        .options(q.bom.unwrap_or(false));
    let bytes = write_link_list(&rows, Vec::new(), options).map_err(ApiError::internal)?;
    Ok(attachment(
        bytes,
        "text/csv; charset=utf-8",
        &format!("{module_id}-links.csv"),
    ))
}

/// `GET /api/v1/programs/{program}/modules/{module}/results`: completion and per-topic results
/// per group, groups under 5 suppressed; never a name.
pub async fn results(
    State(state): State<AppState>,
    ApiPath((program, module_id)): ApiPath<(String, String)>,
) -> Result<Json<ModuleResults>, ApiError> {
    let history = stored_history(&state, &program, &module_id).await?;
    let (module, lineage) = published_latest(&history)?;
    let mut rows = Vec::new();
    for a in state.store.assignments(&program, Some(&module_id)).await? {
        let record = Record::of(&a.trainee.person_id, &progress(&a)?, module, &lineage);
        rows.push((parse_attributes(&a.trainee.attributes_json)?, record));
    }
    let n = rows.len();
    let waves = crate::planner::wave_ids(&state, &program).await?;
    Ok(Json(ModuleResults {
        module_id,
        version: module.version,
        assigned: wavegate_core::measures::shown(n).then_some(n as u64),
        groups: results_by_group(rows.iter().map(|(a, r)| (a, r)), &waves),
    }))
}

/// `GET /api/v1/programs/{program}/modules/{module}/restudy`: the trainees a substantive change
/// asks to re-study, with the lessons and quiz topics it asks of each.
pub async fn restudy(
    State(state): State<AppState>,
    ApiPath((program, module_id)): ApiPath<(String, String)>,
) -> Result<Json<RestudyList>, ApiError> {
    let history = stored_history(&state, &program, &module_id).await?;
    let (module, lineage) = published_latest(&history)?;
    let mut people = Vec::new();
    for a in state.store.assignments(&program, Some(&module_id)).await? {
        let status = progress(&a)?.status(module, &lineage);
        if status.updated {
            people.push(PersonRestudy {
                person_id: a.trainee.person_id,
                restudy: status.restudy,
            });
        }
    }
    Ok(Json(RestudyList {
        module_id,
        version: module.version,
        people,
    }))
}
