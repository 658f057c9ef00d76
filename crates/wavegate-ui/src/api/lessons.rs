//! A program's lessons-learned log: listing its lessons, the log as a CSV file, recording one
//! and deleting one.

use super::{ApiError, change, json, path, send};
use gloo_net::http::Request;
use wavegate_core::api::{Lesson, NewLesson};
use wavegate_core::i18n::Lang;

/// `GET /api/v1/programs/{program}/lessons`: every lesson, newest first.
pub async fn list(program: &str) -> Result<Vec<Lesson>, ApiError> {
    json(Request::get(&path::program(program, "/lessons")).build()).await
}

/// `POST /api/v1/programs/{program}/lessons`: records a lesson; a refusal names its field, the
/// message in `lang`.
pub async fn add(
    csrf: &str,
    program: &str,
    lesson: &NewLesson,
    lang: Lang,
) -> Result<Lesson, ApiError> {
    let url = path::program(program, "/lessons") + &path::lang_query(lang);
    json(change(Request::post(&url), csrf).json(lesson)).await
}

/// `DELETE /api/v1/programs/{program}/lessons/{lesson}`.
pub async fn delete(csrf: &str, program: &str, id: u64) -> Result<(), ApiError> {
    let url = path::program(program, &format!("/lessons/{id}"));
    send(change(Request::delete(&url), csrf).build())
        .await
        .map(|_| ())
}

/// `GET /api/v1/programs/{program}/lessons.csv`: the log as a CSV file (settings in `query`).
pub async fn csv(
    program: &str,
    query: &wavegate_core::api::LessonsCsvQuery,
) -> Result<super::Download, ApiError> {
    let url = path::program(program, "/lessons.csv") + &query.to_query();
    super::download::fetch(&url).await
}
