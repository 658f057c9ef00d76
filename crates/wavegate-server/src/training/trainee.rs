//! The trainee's endpoints under `/api/v1/train/{token}`: my modules with progress, a lesson,
//! the next quiz attempt (drawn by the core from the registration), answers (scored again
//! here, each attempt once), sync of facts made offline, and the certificate.
//!
//! The training link's token is the only credential and scopes everything to one person's
//! assignments. Writes of training facts go one at a time (`AppState::training_writes`), so
//! two devices racing for the same attempt number cannot both record it.

use super::{history, latest, progress, published_times};
use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, PeerAddr, request_lang};
use crate::lookup::find_link;
use crate::store::{AssignmentRecord, FactOutcome, TraineeRow};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use wavegate_core::api::{ErrorCode, LangQuery};
use wavegate_core::i18n::Lang;
use wavegate_core::training::wire::{
    AttemptOutcome, LessonView, MyModule, MyTraining, RefusedFact, SubmitAnswers, SyncFacts, Synced,
};
use wavegate_core::training::{
    AttemptPlan, Certificate, Fact, Lineage, Module, ModuleHistory, Progress, ProgressError,
    Submission, is_valid_fact_id, markdown,
};

fn link_not_found() -> ApiError {
    ApiError::not_found("training link")
}

fn refused(message: String) -> ApiError {
    ApiError::new(ErrorCode::TrainingRefused, message)
}

/// Looks up a training link that still opens (see [`find_link`]: guessing is counted and
/// refused as for survey links), and an expired or revoked link answers `410` with the
/// program's helpdesk, as a survey link does. Every trainee endpoint starts here.
async fn find_trainee(
    state: &AppState,
    peer: &PeerAddr,
    token: &str,
) -> Result<TraineeRow, ApiError> {
    let trainee = find_link(state, peer, token, link_not_found, async {
        match state.store.trainee(token).await? {
            Some(trainee) => Ok(Some(trainee)),
            None => crate::links::refuse_replaced(state, token)
                .await
                .map(|()| None),
        }
    })
    .await?;
    crate::links::ensure_link_open(
        state,
        &trainee.program_id,
        trainee.expires_on.as_deref(),
        trainee.revoked_at.is_some(),
    )
    .await?;
    Ok(trainee)
}

/// One of the trainee's modules: the assignment, its history and the progress.
struct Mine {
    trainee: TraineeRow,
    assignment: AssignmentRecord,
    history: ModuleHistory,
    /// When each version was published: no fact about a version is dated before it.
    published: BTreeMap<u32, DateTime<Utc>>,
    progress: Progress,
}

impl Mine {
    fn latest(&self) -> Result<(&Module, Lineage), ApiError> {
        latest(&self.history)
    }

    fn published_at(&self, version: u32) -> Result<DateTime<Utc>, ApiError> {
        self.published
            .get(&version)
            .copied()
            .ok_or_else(|| ApiError::internal("a version without its publication time"))
    }
}

async fn mine(
    state: &AppState,
    peer: &PeerAddr,
    token: &str,
    module_id: &str,
) -> Result<Mine, ApiError> {
    let trainee = find_trainee(state, peer, token).await?;
    let assignment = state
        .store
        .trainee_assignments(&trainee)
        .await?
        .into_iter()
        .find(|a| a.module_id == module_id)
        .ok_or_else(|| ApiError::not_found("module assigned to this link"))?;
    let stored = state
        .store
        .modules(&trainee.program_id, Some(module_id))
        .await?;
    let stored = stored
        .first()
        .ok_or_else(|| ApiError::internal("an assignment of an unpublished module"))?;
    let history = history(stored)?;
    let published = published_times(stored)?;
    let progress = progress(&assignment)?;
    Ok(Mine {
        trainee,
        assignment,
        history,
        published,
        progress,
    })
}

/// `GET /api/v1/train/{token}`: the modules assigned to this link, with where the trainee
/// stands in each (and the whole definition and progress, to work offline, and where they
/// stood in the latest earlier version they did, for its certificate), and the program's
/// name and help.
pub async fn my_training(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath(token): ApiPath<String>,
) -> Result<Json<MyTraining>, ApiError> {
    let trainee = find_trainee(&state, &peer, &token).await?;
    let program = state
        .store
        .program(&trainee.program_id)
        .await?
        .ok_or_else(link_not_found)?;
    let stored = state.store.modules(&trainee.program_id, None).await?;
    let mut modules = Vec::new();
    for a in state.store.trainee_assignments(&trainee).await? {
        let Some(s) = stored.iter().find(|s| s.module_id == a.module_id) else {
            continue;
        };
        let history = history(s)?;
        let (module, lineage) = latest(&history)?;
        // The earlier versions are here only: the app shows what they certify offline.
        modules.push(
            MyModule::new(module.clone(), lineage, progress(&a)?).with_earlier_done(&history),
        );
    }
    let support = crate::links::stored_support(&program.support_json)?;
    Ok(Json(MyTraining {
        helpdesk: support.helpdesk,
        faq_url: support.faq_url,
        program_name: program.name,
        name: wavegate_core::training::assign::person_name(&trainee.name).to_string(),
        language: trainee.language.as_deref().and_then(Lang::parse),
        modules,
    }))
}

/// `GET /api/v1/train/{token}/modules/{module}/lessons/{lesson}`: one lesson of the latest
/// version, as safe HTML in each of the module's languages.
pub async fn lesson(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath((token, module_id, lesson_id)): ApiPath<(String, String, String)>,
) -> Result<Json<LessonView>, ApiError> {
    let m = mine(&state, &peer, &token, &module_id).await?;
    let (module, _) = m.latest()?;
    let lesson = module
        .lesson(&lesson_id)
        .ok_or_else(|| ApiError::not_found("lesson"))?;
    Ok(Json(LessonView {
        id: lesson.id.clone(),
        title: lesson.title.clone(),
        minutes: lesson.minutes.unwrap_or(0),
        html: module
            .languages
            .iter()
            .map(|l| (*l, markdown::render(lesson.body.get(*l)).html))
            .collect(),
    }))
}

/// `POST /api/v1/train/{token}/modules/{module}/attempts`: what the next attempt asks (drawn
/// from the registration and attempt number, so the answers can be checked against it).
pub async fn start_attempt(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath((token, module_id)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
) -> Result<Json<AttemptPlan>, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let m = mine(&state, &peer, &token, &module_id).await?;
    let (module, lineage) = m.latest()?;
    m.progress
        .next_attempt(module, &lineage, state.clock.now())
        .map(Json)
        .map_err(|e| refused(e.message(lang)))
}

/// Where an attempt went.
enum Recorded {
    /// Stored now, with its result.
    New(wavegate_core::training::QuizResult),
    /// Recorded before (the same id and answers).
    Again(wavegate_core::training::QuizResult),
}

/// Why an attempt was not recorded.
enum NotRecorded {
    /// The core refused it.
    Refused(ProgressError),
    /// The store failed.
    Failed(ApiError),
}

impl From<ProgressError> for NotRecorded {
    fn from(e: ProgressError) -> NotRecorded {
        NotRecorded::Refused(e)
    }
}

/// Scores an attempt on `m`'s progress with the core and stores it as a fact, exactly once.
/// `m`'s progress takes the attempt only once it is stored: one the store refuses (its id is
/// another fact's) leaves no trace, so the next attempt of the same sync is numbered and
/// judged without it.
async fn record_attempt(
    state: &AppState,
    m: &mut Mine,
    body: SubmitAnswers,
) -> Result<Recorded, NotRecorded> {
    let history = m.history.clone();
    // An attempt made offline before the next version appeared is judged on the version it
    // was made in (the core's rule, with the device's time bounded as for the attempt's date).
    let version = m.progress.judging_version(
        body.version,
        &m.published,
        body.submitted_at,
        state.clock.now(),
    )?;
    let (Some(module), Some(lineage)) = (history.get(version), history.lineage_at(version)) else {
        return Err(NotRecorded::Failed(ApiError::internal(
            "a published version without its module",
        )));
    };
    let published_at = m
        .published_at(module.version)
        .map_err(NotRecorded::Failed)?;
    let known = m.progress.attempts.contains_key(&body.id);
    let id = body.id.clone();
    let now = state.clock.now();
    let mut scored = m.progress.clone();
    let result = scored.receive_attempt(
        module,
        &lineage,
        Submission {
            id: body.id,
            number: body.number,
            answers: body.answers,
            started_at: body.started_at,
            submitted_at: body.submitted_at,
        },
        published_at,
        now,
    )?;
    if known {
        return Ok(Recorded::Again(result));
    }
    let attempt = scored.attempts.get(&id).cloned().ok_or_else(|| {
        NotRecorded::Failed(ApiError::internal(
            "a scored attempt is not in the progress",
        ))
    })?;
    let fact = serde_json::to_string(&Fact::Attempt(attempt))
        .map_err(|e| NotRecorded::Failed(ApiError::internal(e)))?;
    let stored = state
        .store
        .insert_fact(
            &m.trainee.program_id,
            &m.assignment.registration,
            &id,
            &fact,
            &crate::clock::stamp(now),
        )
        .await;
    match stored {
        Ok(FactOutcome::Stored) => {
            m.progress = scored;
            Ok(Recorded::New(result))
        }
        Ok(FactOutcome::AlreadyStored) => {
            m.progress = scored;
            Ok(Recorded::Again(result))
        }
        Ok(FactOutcome::Conflict(_)) => {
            Err(NotRecorded::Refused(ProgressError::AttemptIdReused { id }))
        }
        Err(e) => Err(NotRecorded::Failed(e.into())),
    }
}

/// `POST /api/v1/train/{token}/modules/{module}/answers`: scores an attempt's answers against
/// the draw the server makes again, and records it once (a resend gets the same result).
pub async fn submit_answers(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath((token, module_id)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SubmitAnswers>,
) -> Result<(StatusCode, Json<AttemptOutcome>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    let _one_at_a_time = state.training_writes.lock().await;
    let mut m = mine(&state, &peer, &token, &module_id).await?;
    let recorded = match record_attempt(&state, &mut m, body).await {
        Ok(r) => r,
        Err(NotRecorded::Refused(e)) => return Err(refused(e.message(lang))),
        Err(NotRecorded::Failed(e)) => return Err(e),
    };
    let (module, lineage) = m.latest()?;
    let status = m.progress.status(module, &lineage);
    let (code, result, created) = match recorded {
        Recorded::New(r) => (StatusCode::CREATED, r, true),
        Recorded::Again(r) => (StatusCode::OK, r, false),
    };
    Ok((
        code,
        Json(AttemptOutcome {
            result,
            created,
            status,
        }),
    ))
}

/// `POST /api/v1/train/{token}/modules/{module}/sync`: facts made offline (lesson views,
/// attempts), each taken once; those that cannot be taken are listed with why.
pub async fn sync(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath((token, module_id)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SyncFacts>,
) -> Result<Json<Synced>, ApiError> {
    let lang = request_lang(q.lang, &headers);
    if body.views.len() + body.attempts.len() > MAX_SYNC_FACTS {
        return Err(ApiError::new(
            ErrorCode::InvalidBody,
            format!("at most {MAX_SYNC_FACTS} facts per sync"),
        ));
    }
    let _one_at_a_time = state.training_writes.lock().await;
    let mut m = mine(&state, &peer, &token, &module_id).await?;
    let (mut stored, mut duplicates, mut refused_facts) = (0, 0, Vec::new());
    let now = state.clock.now();
    // The facts stored under each id: a resend is recognised by its id before the core is
    // asked, since the core refuses a second view of a lesson, and the resend is the first.
    let mut by_id: HashMap<String, String> = m.assignment.facts.iter().cloned().collect();
    for v in body.views {
        if let Some(stored_fact) = by_id.get(&v.id) {
            if same_view(stored_fact, v.version, &v.lesson) {
                duplicates += 1;
            } else {
                refused_facts.push(RefusedFact {
                    message: id_taken_message(&v.id, lang),
                    id: v.id,
                });
            }
            continue;
        }
        // Checked before anything is stored: an unknown lesson or version, and a lesson the
        // version already has a view of (the core's rule), are refused, so a link holds at
        // most one view per lesson and version however many ids a client makes up.
        let fact = if !is_valid_fact_id(&v.id) {
            Err(fact_id_message(&v.id, lang))
        } else {
            match m.history.get(v.version) {
                Some(module) => m
                    .progress
                    .view_fact(module, &v.lesson, v.at, m.published_at(v.version)?, now)
                    .map_err(|e| e.message(lang)),
                None => Err(match lang {
                    Lang::Nl => format!("versie {} is niet gepubliceerd", v.version),
                    Lang::En => format!("version {} is not published", v.version),
                }),
            }
        };
        let fact = match fact {
            Ok(f) => f,
            Err(message) => {
                refused_facts.push(RefusedFact { id: v.id, message });
                continue;
            }
        };
        let json = serde_json::to_string(&fact).map_err(ApiError::internal)?;
        match state
            .store
            .insert_fact(
                &m.trainee.program_id,
                &m.assignment.registration,
                &v.id,
                &json,
                &crate::clock::stamp(now),
            )
            .await?
        {
            FactOutcome::Stored => {
                stored += 1;
                m.progress.add_fact(&v.id, &fact);
                by_id.insert(v.id, json);
            }
            FactOutcome::AlreadyStored => duplicates += 1,
            // A resend of a view whose time was clamped to another `now`: the same view.
            FactOutcome::Conflict(other) if same_view(&other, v.version, &v.lesson) => {
                duplicates += 1;
            }
            FactOutcome::Conflict(_) => refused_facts.push(RefusedFact {
                message: id_taken_message(&v.id, lang),
                id: v.id,
            }),
        }
    }
    for a in body.attempts {
        let id = a.id.clone();
        match record_attempt(&state, &mut m, a).await {
            Ok(Recorded::New(_)) => stored += 1,
            Ok(Recorded::Again(_)) => duplicates += 1,
            Err(NotRecorded::Refused(e)) => refused_facts.push(RefusedFact {
                id,
                message: e.message(lang),
            }),
            Err(NotRecorded::Failed(e)) => return Err(e),
        }
    }
    let (module, lineage) = m.latest()?;
    Ok(Json(Synced {
        stored,
        duplicates,
        refused: refused_facts,
        status: m.progress.status(module, &lineage),
        progress: m.progress.clone(),
    }))
}

/// Whether a stored fact is a view of `lesson` in `version`.
fn same_view(stored: &str, version: u32, lesson: &str) -> bool {
    matches!(
        serde_json::from_str::<Fact>(stored),
        Ok(Fact::View { version: v, lesson: l, .. }) if v == version && l == lesson
    )
}

fn id_taken_message(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("id `{id}` is al gebruikt voor iets anders"),
        Lang::En => format!("id `{id}` is already used for something else"),
    }
}

/// The most facts one sync may carry (a module has a few lessons and attempts; an app that
/// was offline a long time sends more syncs).
pub const MAX_SYNC_FACTS: usize = 200;

fn fact_id_message(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("id `{id}` moet 8 tot 64 letters, cijfers, `-` of `_` zijn"),
        Lang::En => format!("id `{id}` must be 8 to 64 letters, digits, `-` or `_`"),
    }
}

/// `GET /api/v1/train/{token}/modules/{module}/certificate`: the certificate the app shows
/// ([`Certificate::held_in`]): the latest version's once the trainee has done it, else while
/// they re-study a substantive new version the one of the version they finished.
pub async fn certificate(
    State(state): State<AppState>,
    peer: PeerAddr,
    ApiPath((token, module_id)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
) -> Result<Json<Certificate>, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let m = mine(&state, &peer, &token, &module_id).await?;
    Certificate::held_in(&m.progress, &m.history, &m.trainee.name)
        .map(Json)
        .map_err(|e| refused(e.message(lang)))
}
