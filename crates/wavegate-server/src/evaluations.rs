//! The history of evaluations: storing the readiness of a date with the hashes of its inputs
//! and who asked, listing them, and reading one back. The stored reports are the history the
//! EXPAND rule reads.

use crate::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery};
use crate::programs::program_not_found;
use crate::readiness::{date_and_lang, evaluated};
use crate::store::{
    EvaluationFields, EvaluationRow, EvaluationWithSegments, NewEvaluation, StoredOutcome,
};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::{Extension, Json};
use chrono::NaiveDate;
use wavegate_core::api::{
    ErrorCode, EvaluationSummary, EvaluationsQuery, InputFile, InvalidField, ReadinessQuery,
    ReadinessScore, SegmentReadiness, StoredEvaluation,
};
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::readiness::Report;

fn evaluation_not_found() -> ApiError {
    ApiError::not_found("evaluation of this program")
}

/// The list fields of a stored row, read back.
fn summary(row: EvaluationRow) -> Result<EvaluationSummary, ApiError> {
    let f = row.fields;
    let decided = f.decision.is_some();
    let corrupt = |what: &str| ApiError::internal(format!("stored evaluation {}: {what}", row.id));
    Ok(EvaluationSummary {
        id: row.id,
        at: NaiveDate::parse_from_str(&f.at, "%Y-%m-%d").map_err(|_| corrupt("date"))?,
        lang: Lang::parse(&f.lang).ok_or_else(|| corrupt("language"))?,
        created_at: f.created_at,
        created_by: f.created_by,
        next_wave: f.next_wave,
        decision: f
            .decision
            .map(|d| serde_json::from_value(serde_json::Value::String(d)))
            .transpose()
            .map_err(|_| corrupt("decision"))?,
        // Every decision has a readiness, whose figures may be no number.
        readiness: decided.then_some(ReadinessScore {
            estimate: f.readiness_estimate,
            conservative: f.readiness_conservative,
        }),
        everything_passes: f.everything_passes,
        inputs: serde_json::from_str::<Vec<InputFile>>(&f.inputs_json)
            .map_err(|_| corrupt("inputs"))?,
        segments: None,
    })
}

/// The list fields of a stored row with its segments' readiness, read back. A row whose report
/// did not read as one when the segments were filled in shows none.
fn summary_with_segments(stored: EvaluationWithSegments) -> Result<EvaluationSummary, ApiError> {
    let id = stored.row.id;
    let segments = match stored.segments_json {
        Some(json) => serde_json::from_str::<Vec<SegmentReadiness>>(&json)
            .map_err(|_| ApiError::internal(format!("stored evaluation {id}: segments")))?,
        None => Vec::new(),
    };
    Ok(EvaluationSummary {
        segments: Some(segments),
        ..summary(stored.row)?
    })
}

fn stored(row: EvaluationRow, report_json: &str) -> Result<StoredEvaluation, ApiError> {
    let report: Report = serde_json::from_str(report_json)
        .map_err(|e| ApiError::internal(format!("stored report {}: {e}", row.id)))?;
    Ok(StoredEvaluation {
        summary: summary(row)?,
        report,
    })
}

/// Why an evaluation of `at` is not stored: the history EXPAND reads ("two evaluations at
/// least a week apart") must be what was seen on those days, so it is written on the day only.
fn not_today(at: NaiveDate, today: NaiveDate, lang: Lang) -> ApiError {
    let text = Text::new(
        format!(
            "Een beoordeling wordt alleen opgeslagen voor vandaag ({today}), niet voor {at}; een andere dag is te bekijken met …/readiness?at={at}."
        ),
        format!(
            "An evaluation is stored for today ({today}) only, not for {at}; another day can be viewed with …/readiness?at={at}."
        ),
    );
    ApiError::new(ErrorCode::InvalidDate, text.get(lang))
        .with_details(InvalidField { field: "at".into() })
}

/// `POST /api/v1/programs/{program}/evaluations[?at=&lang=]`: evaluates the program today and
/// stores the result as its evaluation of today (`at`, when given, must be today). `201` when
/// stored (replacing an earlier one of the same date), `200` when the one stored for that date
/// has the same report and inputs.
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<ReadinessQuery>,
    headers: HeaderMap,
) -> Result<(StatusCode, Json<StoredEvaluation>), ApiError> {
    let (at, lang) = date_and_lang(&state, &q, &headers);
    let today = state.clock.now().date_naive();
    if at != today {
        return Err(not_today(at, today, lang));
    }
    let done = evaluated(&state, &program, at, lang).await?;
    let decision = done.report.decision.as_ref();
    let readiness = decision.map(|d| &d.readiness);
    let new = NewEvaluation {
        fields: EvaluationFields {
            program_id: program.clone(),
            at: at.format("%Y-%m-%d").to_string(),
            lang: lang.code().to_string(),
            created_at: done.computed_at.clone(),
            created_by: caller.who,
            next_wave: done.report.next_wave.clone(),
            decision: decision
                .and_then(|d| serde_json::to_value(d.kind).ok())
                .and_then(|v| v.as_str().map(String::from)),
            readiness_estimate: readiness.and_then(|r| r.estimate),
            readiness_conservative: readiness.and_then(|r| r.conservative),
            everything_passes: decision.is_some_and(|d| d.everything_passes),
            inputs_json: serde_json::to_string(&done.inputs).map_err(ApiError::internal)?,
        },
        segments_json: serde_json::to_string(&SegmentReadiness::of(&done.report))
            .map_err(ApiError::internal)?,
        report_json: done.json.clone(),
    };
    let outcome = state
        .store
        .store_evaluation(new)
        .await?
        .ok_or_else(program_not_found)?;
    let (status, row) = match outcome {
        StoredOutcome::Stored { row, replaced } => {
            tracing::info!(id = row.id, ?replaced, "evaluation stored");
            (StatusCode::CREATED, row)
        }
        StoredOutcome::Unchanged(row) => (StatusCode::OK, row),
    };
    Ok((
        status,
        // When unchanged, the stored report is this one byte for byte.
        Json(StoredEvaluation {
            summary: summary(row)?,
            report: done.report.clone(),
        }),
    ))
}

/// `GET /api/v1/programs/{program}/evaluations[?segments=true]`: every stored evaluation,
/// latest date first; with `segments=true`, each with its segments' readiness (as stored with
/// it: no report is read).
pub async fn list(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<EvaluationsQuery>,
) -> Result<Json<Vec<EvaluationSummary>>, ApiError> {
    let listed = if q.segments == Some(true) {
        state
            .store
            .evaluations_with_segments(&program)
            .await?
            .ok_or_else(program_not_found)?
            .into_iter()
            .map(summary_with_segments)
            .collect::<Result<_, _>>()?
    } else {
        state
            .store
            .evaluations(&program)
            .await?
            .ok_or_else(program_not_found)?
            .into_iter()
            .map(summary)
            .collect::<Result<_, _>>()?
    };
    Ok(Json(listed))
}

/// `GET /api/v1/programs/{program}/evaluations/{evaluation}`: one, with its report as stored.
pub async fn get(
    State(state): State<AppState>,
    ApiPath((program, id)): ApiPath<(String, u64)>,
) -> Result<Json<StoredEvaluation>, ApiError> {
    let (row, report) = state
        .store
        .evaluation(&program, id)
        .await?
        .ok_or_else(evaluation_not_found)?;
    Ok(Json(stored(row, &report)?))
}
