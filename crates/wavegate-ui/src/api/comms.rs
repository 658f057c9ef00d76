//! A program's communication plan: listing its messages with their reach, the plan as a CSV
//! file, planning one, changing one (marking it sent) and deleting one.

use super::{ApiError, change, json, path, send};
use gloo_net::http::Request;
use wavegate_core::api::{CommsCsvQuery, NewMessage, PlannedMessage};
use wavegate_core::i18n::Lang;

/// `GET /api/v1/programs/{program}/communications`: the plan by planned day, with reach.
pub async fn list(program: &str) -> Result<Vec<PlannedMessage>, ApiError> {
    json(Request::get(&path::program(program, "/communications")).build()).await
}

/// `POST /api/v1/programs/{program}/communications`: plans a message; a refusal names its
/// field, the message in `lang`.
pub async fn add(
    csrf: &str,
    program: &str,
    message: &NewMessage,
    lang: Lang,
) -> Result<PlannedMessage, ApiError> {
    let url = path::program(program, "/communications") + &path::lang_query(lang);
    json(change(Request::post(&url), csrf).json(message)).await
}

/// `PUT /api/v1/programs/{program}/communications/{message}`: changes a message.
pub async fn update(
    csrf: &str,
    program: &str,
    id: u64,
    message: &NewMessage,
    lang: Lang,
) -> Result<PlannedMessage, ApiError> {
    let url = path::program(program, &format!("/communications/{id}")) + &path::lang_query(lang);
    json(change(Request::put(&url), csrf).json(message)).await
}

/// `DELETE /api/v1/programs/{program}/communications/{message}`.
pub async fn delete(csrf: &str, program: &str, id: u64) -> Result<(), ApiError> {
    let url = path::program(program, &format!("/communications/{id}"));
    send(change(Request::delete(&url), csrf).build())
        .await
        .map(|_| ())
}

/// `GET /api/v1/programs/{program}/communications.csv`: the plan as a CSV file.
pub async fn csv(program: &str, query: &CommsCsvQuery) -> Result<super::Download, ApiError> {
    let url = path::program(program, "/communications.csv") + &query.to_query();
    super::download::fetch(&url).await
}
