//! The communication plan of a program: listing its planned messages with their reach measured
//! on the program's current data (as JSON or a CSV file), planning one, changing one (marking
//! it sent among others) and deleting one; every rule is the core's.

use crate::AppState;
use crate::auth::Caller;
use crate::downloads::attachment;
use crate::error::ApiError;
use crate::evaluator::EvalError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, request_lang};
use crate::programs::{program_not_found, program_record, stored_program};
use crate::store::{MessageAdded, MessageFields, MessageRow};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::{Extension, Json};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use wavegate_core::api::{
    Channel, CommsCsvQuery, ErrorCode, LangQuery, NewMessage, PlannedMessage, Purpose, Reach,
};
use wavegate_core::comms::{self, MessageError, MessageErrors, PlanContext, room_for_another};
use wavegate_core::i18n::Lang;

/// The largest body `POST`/`PUT …/communications` read: a 4,000-character note of up to 4
/// bytes a character, JSON-escaped line breaks and the other bounded fields fit.
pub const MESSAGE_BODY_LIMIT: usize = 32 * 1024;

fn message_not_found() -> ApiError {
    ApiError::not_found("message of this program")
}

fn refused(e: impl Into<MessageErrors>, lang: Lang) -> ApiError {
    let errors = e.into();
    ApiError::new(ErrorCode::InvalidMessage, errors.message(lang))
        .with_details(errors.problems(lang))
}

/// A checked message as the store keeps it.
fn fields(m: &NewMessage) -> Result<MessageFields, ApiError> {
    Ok(MessageFields {
        wave: m.wave.clone(),
        segment: serde_json::to_string(&m.segment).map_err(ApiError::internal)?,
        channel: m.channel.as_str().to_string(),
        owner: m.owner.clone(),
        purpose: m.purpose.as_str().to_string(),
        planned_on: m.planned_on.to_string(),
        sent_on: m.sent_on.map(|d| d.to_string()),
        subject: m.subject.clone(),
        note: m.note.clone(),
    })
}

/// A stored row read back as the core's message.
fn body(row: &MessageRow) -> Result<NewMessage, ApiError> {
    let f = &row.fields;
    let broken = |what: &str| ApiError::internal(format!("stored message {}: {what}", row.id));
    let day = |s: &str| s.parse::<NaiveDate>().map_err(|_| broken("date"));
    Ok(NewMessage {
        wave: f.wave.clone(),
        segment: serde_json::from_str::<BTreeMap<String, String>>(&f.segment)
            .map_err(|_| broken("segment"))?,
        channel: Channel::parse(&f.channel).ok_or_else(|| broken("channel"))?,
        owner: f.owner.clone(),
        purpose: Purpose::parse(&f.purpose).ok_or_else(|| broken("purpose"))?,
        planned_on: day(&f.planned_on)?,
        sent_on: f.sent_on.as_deref().map(day).transpose()?,
        subject: f.subject.clone(),
        note: f.note.clone(),
    })
}

fn planned(row: MessageRow, m: NewMessage, reach: Reach) -> PlannedMessage {
    PlannedMessage {
        id: row.id,
        wave: m.wave,
        segment: m.segment,
        channel: m.channel,
        owner: m.owner,
        purpose: m.purpose,
        planned_on: m.planned_on,
        sent_on: m.sent_on,
        subject: m.subject,
        note: m.note,
        created_by: row.created_by,
        created_at: row.created_at,
        reach,
    }
}

fn today(state: &AppState) -> NaiveDate {
    state.clock.now().date_naive()
}

/// The reach of each message, in order: measured on the program's data directory (kept by the
/// evaluator while the program's files are unchanged, read once for all messages, within the
/// evaluator's slots and time limit) for the sent ones that ask something.
async fn reaches(
    state: &AppState,
    program: &str,
    messages: Vec<NewMessage>,
) -> Result<Vec<Reach>, ApiError> {
    if messages.iter().all(|m| comms::unmeasured(m).is_some()) {
        return Ok(messages.iter().filter_map(comms::unmeasured).collect());
    }
    let today = today(state);
    let all_as = |reach: Reach, messages: &[NewMessage]| -> Vec<Reach> {
        messages
            .iter()
            .map(|m| comms::unmeasured(m).unwrap_or_else(|| reach.clone()))
            .collect()
    };
    let kept = messages.clone();
    let measured = state
        .evaluator
        .with_data(&state.store, program, move |data| {
            if data.dir.missing().is_some() {
                return Ok(all_as(Reach::NoRoster, &messages));
            }
            let Ok(loaded) = data.load() else {
                return Ok(all_as(Reach::Unavailable, &messages));
            };
            let (program, set) = &*loaded;
            Ok(messages
                .iter()
                .map(|m| comms::reach(m, set, program, today))
                .collect())
        })
        .await;
    match measured {
        Ok(reaches) => Ok(reaches),
        Err(EvalError::NotFound) => Err(program_not_found()),
        // The plan stays readable while the server is busy; its reach says why it is missing.
        Err(EvalError::Busy | EvalError::Rejected(_) | EvalError::Missing(_)) => {
            Ok(all_as(Reach::Unavailable, &kept))
        }
        Err(EvalError::Internal(cause)) => Err(ApiError::internal(cause)),
    }
}

/// The program's messages with their reach, in the plan's order (at most the core's 500); the
/// communications endpoints and the readiness report's downloads read the plan through it.
pub(crate) async fn plan(state: &AppState, program: &str) -> Result<Vec<PlannedMessage>, ApiError> {
    let rows = state
        .store
        .messages(program)
        .await?
        .ok_or_else(program_not_found)?;
    let bodies = rows.iter().map(body).collect::<Result<Vec<_>, _>>()?;
    let reaches = reaches(state, program, bodies.clone()).await?;
    let messages = rows
        .into_iter()
        .zip(bodies)
        .zip(reaches)
        .map(|((row, m), reach)| planned(row, m, reach))
        .collect();
    Ok(comms::ordered(messages))
}

/// `GET /api/v1/programs/{program}/communications`: every planned message by planned day, each
/// with its reach.
pub async fn list(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
) -> Result<Json<Vec<PlannedMessage>>, ApiError> {
    Ok(Json(plan(&state, &program).await?))
}

/// `GET /api/v1/programs/{program}/communications.csv[?lang=&delimiter=&bom=]`: the plan as a
/// file, every cell formula-safe (the core's `plan_csv`).
pub async fn csv(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<CommsCsvQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let messages = plan(&state, &program).await?;
    let record = program_record(&state, &program).await?;
    let waves = stored_program(&record)?
        .map(|p| p.waves)
        .unwrap_or_default();
    let options = q
        .delimiter
        .unwrap_or_default()
        .options(q.bom.unwrap_or(false));
    let bytes =
        comms::csv::plan_csv(messages, &waves, lang, options).map_err(ApiError::internal)?;
    Ok(attachment(
        bytes,
        "text/csv; charset=utf-8",
        &format!("{program}-communications.csv"),
    ))
}

/// The message checked against the program's waves and split attributes, today.
async fn checked(
    state: &AppState,
    program: &str,
    new: NewMessage,
    lang: Lang,
) -> Result<NewMessage, ApiError> {
    let record = program_record(state, program).await?;
    let defined = stored_program(&record)?;
    let waves: Vec<String> = (defined.iter())
        .flat_map(|p| p.waves.iter().map(|w| w.id.clone()))
        .collect();
    let attributes: Vec<String> = (defined.iter())
        .flat_map(|p| p.split_attributes.iter().cloned())
        .collect();
    let ctx = PlanContext {
        waves: &waves,
        attributes: &attributes,
        today: today(state),
    };
    new.checked(ctx).map_err(|e| refused(e, lang))
}

/// One message with its reach.
async fn answer(
    state: &AppState,
    program: &str,
    row: MessageRow,
    m: NewMessage,
) -> Result<Json<PlannedMessage>, ApiError> {
    let reach = reaches(state, program, vec![m.clone()])
        .await?
        .pop()
        .unwrap_or(Reach::Unavailable);
    Ok(Json(planned(row, m, reach)))
}

/// `POST /api/v1/programs/{program}/communications[?lang=]`: plans a message by the caller,
/// now; `201` with it. `422 invalid_message` names every field at fault, in the request's
/// language.
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(new): ApiJson<NewMessage>,
) -> Result<(StatusCode, Json<PlannedMessage>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    let m = checked(&state, &program, new, lang).await?;
    let added = state
        .store
        .add_message(
            &program,
            fields(&m)?,
            caller.who,
            state.clock.stamp(),
            |kept| room_for_another(kept).is_ok(),
        )
        .await?;
    match added {
        MessageAdded::Stored(row) => Ok((
            StatusCode::CREATED,
            answer(&state, &program, *row, m).await?,
        )),
        MessageAdded::Full(_) => Err(refused(MessageError::TooMany, lang)),
        MessageAdded::NoProgram => Err(program_not_found()),
    }
}

/// `PUT /api/v1/programs/{program}/communications/{message}[?lang=]`: replaces what the
/// planner set (marking it sent is setting `sent_on`); `200` with it, `404` for an id the
/// program has no message by.
pub async fn update(
    State(state): State<AppState>,
    ApiPath((program, id)): ApiPath<(String, u64)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(new): ApiJson<NewMessage>,
) -> Result<Json<PlannedMessage>, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let m = checked(&state, &program, new, lang).await?;
    let row = state
        .store
        .update_message(&program, id, fields(&m)?)
        .await?
        .ok_or_else(message_not_found)?;
    answer(&state, &program, row, m).await
}

/// `DELETE /api/v1/programs/{program}/communications/{message}`: `204`; `404` for an id the
/// program has no message by.
pub async fn delete(
    State(state): State<AppState>,
    ApiPath((program, id)): ApiPath<(String, u64)>,
) -> Result<StatusCode, ApiError> {
    if state.store.delete_message(&program, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(message_not_found())
    }
}
