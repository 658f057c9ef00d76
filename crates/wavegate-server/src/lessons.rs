//! The lessons-learned log of a program: listing its lessons (as JSON or a CSV file), recording
//! one (checked by the core's rules against the program's waves) and deleting one.

use crate::AppState;
use crate::auth::Caller;
use crate::downloads::attachment;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, request_lang};
use crate::programs::{program_not_found, program_record, stored_program};
use crate::store::{LessonAdded, LessonRow, NewLessonRow};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::{Extension, Json};
use wavegate_core::api::{
    ErrorCode, LangQuery, Lesson, LessonError, LessonKind, LessonsCsvQuery, NewLesson,
    room_for_another,
};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::program::Wave;

/// The largest body `POST …/lessons` reads: 2,000 characters of up to 4 bytes, JSON-escaped
/// line breaks and the other fields fit with room to spare.
pub const LESSON_BODY_LIMIT: usize = 16 * 1024;

fn lesson_not_found() -> ApiError {
    ApiError::not_found("lesson of this program")
}

fn refused(e: LessonError, lang: Lang) -> ApiError {
    ApiError::new(ErrorCode::InvalidLesson, e.message(lang)).with_details(e.problem(lang))
}

/// A stored row as the API shows it.
fn lesson(row: LessonRow) -> Result<Lesson, ApiError> {
    let l = row.lesson;
    let kind = LessonKind::parse(&l.kind)
        .ok_or_else(|| ApiError::internal(format!("stored lesson {}: kind", row.id)))?;
    Ok(Lesson {
        id: row.id,
        wave: l.wave,
        kind,
        text: l.text,
        author: l.author,
        created_at: l.created_at,
    })
}

/// `GET /api/v1/programs/{program}/lessons`: every lesson of the program, newest first.
pub async fn list(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
) -> Result<Json<Vec<Lesson>>, ApiError> {
    let rows = state
        .store
        .lessons(&program)
        .await?
        .ok_or_else(program_not_found)?;
    Ok(Json(
        rows.into_iter().map(lesson).collect::<Result<_, _>>()?,
    ))
}

/// The wave ids of a stored program, in its order (none for a program without program.toml).
/// The program's waves, in order (none before it has a program.toml).
fn waves_of(record: &crate::store::ProgramRecord) -> Result<Vec<Wave>, ApiError> {
    Ok(stored_program(record)?.map(|p| p.waves).unwrap_or_default())
}

fn wave_ids(record: &crate::store::ProgramRecord) -> Result<Vec<String>, ApiError> {
    Ok(waves_of(record)?.into_iter().map(|w| w.id).collect())
}

/// The program's lessons with its waves in order, as the lessons file and the readiness
/// report read them per wave (at most [`wavegate_core::api::MAX_LESSONS_PER_PROGRAM`]).
pub(crate) async fn log(
    state: &AppState,
    program: &str,
) -> Result<(Vec<Lesson>, Vec<Wave>), ApiError> {
    let record = program_record(state, program).await?;
    let waves = waves_of(&record)?;
    let rows = state
        .store
        .lessons(program)
        .await?
        .ok_or_else(program_not_found)?;
    let lessons = rows
        .into_iter()
        .map(lesson)
        .collect::<Result<Vec<_>, _>>()?;
    Ok((lessons, waves))
}

/// `GET /api/v1/programs/{program}/lessons.csv[?lang=&delimiter=&bom=]`: the log as a file, per
/// wave in the program's order, every cell formula-safe (the core's `lessons_csv`).
pub async fn csv(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<LessonsCsvQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let (lessons, waves) = log(&state, &program).await?;
    let options = q
        .delimiter
        .unwrap_or_default()
        .options(q.bom.unwrap_or(false));
    let bytes = wavegate_core::lessons_csv::lessons_csv(lessons, &waves, lang, options)
        .map_err(ApiError::internal)?;
    Ok(attachment(
        bytes,
        "text/csv; charset=utf-8",
        &format!("{program}-lessons.csv"),
    ))
}

/// `POST /api/v1/programs/{program}/lessons[?lang=]`: records a lesson by the caller, now;
/// `201` with it. `422 invalid_lesson` names the field at fault, in the request's language.
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(new): ApiJson<NewLesson>,
) -> Result<(StatusCode, Json<Lesson>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    let record = program_record(&state, &program).await?;
    let waves = wave_ids(&record)?;
    let checked = new.checked(&waves).map_err(|e| refused(e, lang))?;
    let row = NewLessonRow {
        program_id: program,
        wave: checked.wave,
        kind: checked.kind.as_str().to_string(),
        text: checked.text,
        author: caller.who,
        created_at: state.clock.stamp(),
    };
    match state
        .store
        .add_lesson(row, |kept| room_for_another(kept).is_ok())
        .await?
    {
        LessonAdded::Stored(row) => Ok((StatusCode::CREATED, Json(lesson(row)?))),
        LessonAdded::Full(_) => Err(refused(LessonError::TooMany, lang)),
        LessonAdded::NoProgram => Err(program_not_found()),
    }
}

/// `DELETE /api/v1/programs/{program}/lessons/{lesson}`: `204`; `404` for an id the program
/// has no lesson by.
pub async fn delete(
    State(state): State<AppState>,
    ApiPath((program, id)): ApiPath<(String, u64)>,
) -> Result<StatusCode, ApiError> {
    if state.store.delete_lesson(&program, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(lesson_not_found())
    }
}
