//! Reminder endpoints: how many people of a wave or segment have not answered and are due a
//! reminder, and the mail-merge CSV of those due, recorded as sent when the planner makes it.
//! Anonymous surveys get counts only.

use crate::AppState;
use crate::auth::Caller;
use crate::clock::{parse_stamp, stamp};
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery, request_lang};
use crate::planner::{csv_response, link, link_languages, program_survey_of, with_emails};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use wavegate_core::api::{ErrorCode, InvitationsFormat};
use wavegate_core::invitation::reminders::{
    ReminderError, ReminderRow, RemindersQuery, RemindersSummary, due_reminders, write_reminders,
};

/// Every personal link of the survey with its reminders; `Err` for an anonymous survey when
/// names were asked for.
async fn rows(state: &AppState, program: &str, survey: &str) -> Result<Vec<ReminderRow>, ApiError> {
    let ps = program_survey_of(state, program, survey).await?;
    let languages = link_languages(state, &ps).await?;
    let reminded = state
        .store
        .reminded_invitations(program, survey)
        .await?
        .ok_or_else(ApiError::survey_not_found)?;
    let mut rows = reminded
        .into_iter()
        .map(|r| {
            Ok(ReminderRow {
                link: link(state, r.listed, &languages)?,
                reminders_sent: u32::try_from(r.sent).unwrap_or(u32::MAX),
                last_reminded_at: r.last_sent_at.as_deref().and_then(parse_stamp),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    with_emails(state, program, rows.iter_mut().map(|r| &mut r.link)).await?;
    Ok(rows)
}

fn anonymous_names(headers: &HeaderMap) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidSelection,
        ReminderError::Anonymous.message(request_lang(None, headers)),
    )
}

fn bad_query(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::InvalidQuery, e.to_string())
}

/// `GET …/surveys/{survey}/reminders?wave=&attribute=&value=&min_gap_days=&format=json|csv`:
/// the counts (JSON), or the CSV of the people due (a preview: nothing is recorded).
pub async fn preview(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<RemindersQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let ps = program_survey_of(&state, &program, &survey).await?;
    let csv = q.format.unwrap_or_default() == InvitationsFormat::Csv;
    if csv {
        caller.may_hold_links()?;
    }
    if ps.anonymous {
        if csv {
            return Err(anonymous_names(&headers));
        }
        return Ok(Json(RemindersSummary {
            anonymous: true,
            responses: ps.responses,
            ..RemindersSummary::default()
        })
        .into_response());
    }
    let rows = rows(&state, &program, &survey).await?;
    let (due, summary) = due_reminders(&rows, &q, state.clock.now()).map_err(bad_query)?;
    if !csv {
        return Ok(Json(summary).into_response());
    }
    let options = q
        .delimiter
        .unwrap_or_default()
        .options(q.bom.unwrap_or(false));
    csv_response(
        &format!("{survey}-reminders.csv"),
        write_reminders(&due, Vec::new(), options),
    )
}

/// `POST …/surveys/{survey}/reminders?…`: the CSV of the people due, each recorded as reminded
/// now (so the next batch skips them for `min_gap_days`).
pub async fn send(
    State(state): State<AppState>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<RemindersQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let ps = program_survey_of(&state, &program, &survey).await?;
    if ps.anonymous {
        return Err(anonymous_names(&headers));
    }
    let rows = rows(&state, &program, &survey).await?;
    let now = state.clock.now();
    let (due, _) = due_reminders(&rows, &q, now).map_err(bad_query)?;
    let tokens: Vec<String> = due.iter().map(|r| r.link.token.clone()).collect();
    let recorded = state.store.record_reminders(tokens, &stamp(now)).await?;
    tracing::info!(%program, %survey, recorded, "reminders recorded");
    let sent: Vec<ReminderRow> = due
        .into_iter()
        .map(|r| ReminderRow {
            reminders_sent: r.reminders_sent + 1,
            last_reminded_at: Some(now),
            ..r.clone()
        })
        .collect();
    let options = q
        .delimiter
        .unwrap_or_default()
        .options(q.bom.unwrap_or(false));
    csv_response(
        &format!("{survey}-reminders.csv"),
        write_reminders(&sent.iter().collect::<Vec<_>>(), Vec::new(), options),
    )
}
