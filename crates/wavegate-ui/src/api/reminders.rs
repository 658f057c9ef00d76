//! A survey's reminders: how many people of a wave or segment have not answered and are due
//! one, the preview file of those due, and making the batch (recorded as sent).

use super::{ApiError, Download, change, download, json, path};
use gloo_net::http::Request;
use wavegate_core::invitation::reminders::{RemindersQuery, RemindersSummary};

fn url(program: &str, survey: &str, query: &RemindersQuery) -> String {
    path::survey(program, survey, "reminders") + &path::reminders_query(query)
}

/// `GET …/reminders`: the counts (`query.format` is left as JSON).
pub async fn summary(
    program: &str,
    survey: &str,
    query: &RemindersQuery,
) -> Result<RemindersSummary, ApiError> {
    let query = RemindersQuery {
        format: None,
        ..query.clone()
    };
    json(Request::get(&url(program, survey, &query)).build()).await
}

/// `GET …/reminders?format=csv`: the file of the people due; nothing is recorded.
pub async fn preview(
    program: &str,
    survey: &str,
    query: &RemindersQuery,
) -> Result<Download, ApiError> {
    let query = RemindersQuery {
        format: Some(wavegate_core::api::InvitationsFormat::Csv),
        ..query.clone()
    };
    download::fetch(&url(program, survey, &query)).await
}

/// `POST …/reminders`: the batch, the file of the people due, each recorded as reminded now.
pub async fn make_batch(
    csrf: &str,
    program: &str,
    survey: &str,
    query: &RemindersQuery,
) -> Result<Download, ApiError> {
    download::receive(change(Request::post(&url(program, survey, query)), csrf).build()).await
}
