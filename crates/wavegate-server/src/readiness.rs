//! Readiness on the server: the report `wavegate score --format json` prints for the program's
//! data directory, the same report with the time it was computed and the hashes of its inputs,
//! and the report as downloads (JSON, Markdown, printable HTML).

use crate::AppState;
use crate::downloads::attachment;
use crate::error::{ApiError, file_problem};
use crate::evaluator::{Done, EvalError, RETRY_AFTER_SECS};
use crate::extract::{ApiPath, ApiQuery, request_lang};
use crate::programs::program_not_found;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use std::sync::Arc;
use wavegate_core::api::{ErrorCode, Evaluation, FileKind, ReadinessQuery};
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::readiness::datadir::Missing;
use wavegate_core::readiness::provenance::markdown_line;
use wavegate_core::readiness::render;

/// The header naming when a report was computed.
pub const COMPUTED_AT_HEADER: &str = "wavegate-computed-at";
/// The header naming the input files and their SHA-256 (`roster.csv=<hex>, …`).
pub const INPUTS_HEADER: &str = "wavegate-inputs";

/// The evaluation date and language of a request: `?at=` (default today, UTC) and `?lang=`
/// (default the request's language).
pub(crate) fn date_and_lang(
    state: &AppState,
    q: &ReadinessQuery,
    headers: &HeaderMap,
) -> (NaiveDate, Lang) {
    let at = q.at.unwrap_or_else(|| state.clock.now().date_naive());
    (at, request_lang(q.lang, headers))
}

impl EvalError {
    /// The answer for a failed evaluation, its message in `lang`.
    pub(crate) fn into_api(self, lang: Lang) -> ApiError {
        match self {
            EvalError::NotFound => program_not_found(),
            EvalError::Missing(m @ Missing::Program) => {
                ApiError::new(ErrorCode::InvalidProgram, m.message(lang))
            }
            EvalError::Missing(m @ Missing::Roster) => {
                ApiError::new(ErrorCode::NoRoster, m.message(lang))
            }
            EvalError::Rejected(e) => {
                let text = Text::new(
                    format!(
                        "De bestanden van het programma passen niet bij elkaar; er is niets beoordeeld: {}",
                        e.render(Lang::Nl)
                    ),
                    format!(
                        "The program's files do not fit together; nothing was evaluated: {}",
                        e.render(Lang::En)
                    ),
                );
                ApiError::new(ErrorCode::InputsRejected, text.get(lang))
                    .with_details(file_problem(&e, lang))
            }
            EvalError::Busy => {
                let text = Text::new(
                    format!(
                        "De server is nog met andere beoordelingen bezig; probeer het over {RETRY_AFTER_SECS} seconden opnieuw."
                    ),
                    format!(
                        "The server is still busy with other evaluations; try again in {RETRY_AFTER_SECS} seconds."
                    ),
                );
                ApiError::new(ErrorCode::Busy, text.get(lang)).with_retry_after(RETRY_AFTER_SECS)
            }
            EvalError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

/// Evaluates the program of a request, or the error to answer.
pub(crate) async fn evaluated(
    state: &AppState,
    program_id: &str,
    at: NaiveDate,
    lang: Lang,
) -> Result<Arc<Done>, ApiError> {
    match (state.evaluator)
        .readiness(&state.store, &state.clock, program_id, at, lang)
        .await
    {
        Ok(done) => Ok(done),
        Err(EvalError::Rejected(mut e)) => {
            e.file = uploaded_name(state, program_id, &e.file).await;
            Err(EvalError::Rejected(e).into_api(lang))
        }
        Err(e) => Err(e.into_api(lang)),
    }
}

/// The name the planner uploaded the data directory's `file` under (`roster.csv` may be
/// `Medewerkers 2027.csv`), so a problem's line is looked for in the right file. Responses and
/// training are the imported file merged with what the server collected: their lines are the
/// data directory's, and so is their name.
async fn uploaded_name(state: &AppState, program_id: &str, file: &str) -> String {
    let kind = FileKind::ALL
        .into_iter()
        .find(|k| k.file_name() == file)
        .filter(|k| !matches!(k, FileKind::Responses | FileKind::Training));
    let Some(kind) = kind else {
        return file.to_string();
    };
    match state.store.current_file(program_id, kind.as_str()).await {
        Ok(Some((import, _))) => import.file_name,
        _ => file.to_string(),
    }
}

/// The report's JSON with the headers saying when and from what it was computed.
fn report_response(done: &Done) -> Response {
    let mut res = (StatusCode::OK, done.json.clone()).into_response();
    set_provenance(&mut res, done);
    res.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

fn set_provenance(res: &mut Response, done: &Done) {
    let inputs: Vec<String> = done
        .inputs
        .iter()
        .map(|f| format!("{}={}", f.file, f.sha256))
        .collect();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&done.computed_at) {
        h.insert(COMPUTED_AT_HEADER, v);
    }
    if let Ok(v) = HeaderValue::from_str(&inputs.join(", ")) {
        h.insert(INPUTS_HEADER, v);
    }
}

/// `GET /api/v1/programs/{program}/readiness?at=&lang=`: the bytes `wavegate score --format
/// json` prints for the program's data directory.
pub async fn report(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<ReadinessQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (at, lang) = date_and_lang(&state, &q, &headers);
    let done = evaluated(&state, &program, at, lang).await?;
    Ok(report_response(&done))
}

/// `GET …/readiness/evaluation?at=&lang=`: the report with when and from what it was computed.
pub async fn evaluation(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<ReadinessQuery>,
    headers: HeaderMap,
) -> Result<Json<Evaluation>, ApiError> {
    let (at, lang) = date_and_lang(&state, &q, &headers);
    let done = evaluated(&state, &program, at, lang).await?;
    Ok(Json(Evaluation {
        at,
        lang,
        computed_at: done.computed_at.clone(),
        inputs: done.inputs.clone(),
        report: done.report.clone(),
    }))
}

/// The forms a readiness report downloads in.
#[derive(Clone, Copy, Debug)]
enum Download {
    /// `readiness.json`: the JSON of `wavegate score`.
    Json,
    /// `readiness.md`: the Markdown report, under a line naming its time and inputs.
    Markdown,
    /// `readiness.html`: the printable A4 report, naming its time and inputs, under a policy
    /// of its own ([`ReportPolicy`]).
    Html,
}

/// The Content Security Policy of the printable report: nothing may load or run but its one
/// inline stylesheet, named by hash. A roster value that looks like markup is escaped by the
/// core; were it ever not, this policy still runs no script and loads nothing.
pub(crate) fn report_policy() -> HeaderValue {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let hash = base64::engine::general_purpose::STANDARD
        .encode(Sha256::digest(render::HTML_STYLE.as_bytes()));
    let policy = format!(
        "default-src 'none'; style-src 'sha256-{hash}'; img-src 'none'; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'; sandbox"
    );
    HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static("default-src 'none'"))
}

/// Marks a response that carries its own Content Security Policy, so the app's page policy
/// (set on every HTML response) does not replace it.
#[derive(Clone, Debug)]
pub struct ReportPolicy(pub HeaderValue);

/// Puts back the policy of a response marked with [`ReportPolicy`]; layered outside the app's
/// headers middleware.
pub async fn keep_report_policy(mut res: Response) -> Response {
    if let Some(ReportPolicy(policy)) = res.extensions().get::<ReportPolicy>().cloned() {
        res.headers_mut()
            .insert(axum::http::header::CONTENT_SECURITY_POLICY, policy);
    }
    res
}

/// What the stakeholder report adds to the evaluation: the communication plan with its reach
/// (measured as `GET …/communications` measures it) and the lessons-learned log, read now and
/// dated with the evaluation's time. The JSON leaves both out: it stays what `wavegate score`
/// prints.
async fn appendix(
    state: &AppState,
    program: &str,
    read_at: &str,
) -> Result<render::Appendix, ApiError> {
    let messages = crate::comms::plan(state, program).await?;
    let (lessons, waves) = crate::lessons::log(state, program).await?;
    Ok(render::Appendix {
        read_at: read_at.to_string(),
        messages,
        lessons,
        waves,
    })
}

async fn download(
    state: AppState,
    program: String,
    q: ReadinessQuery,
    headers: HeaderMap,
    form: Download,
) -> Result<Response, ApiError> {
    let (at, lang) = date_and_lang(&state, &q, &headers);
    let done = evaluated(&state, &program, at, lang).await?;
    let stem = format!("readiness-{program}-{}", at.format("%Y-%m-%d"));
    let mut res = match form {
        Download::Json => attachment(
            done.json.clone(),
            "application/json",
            &format!("{stem}.json"),
        ),
        Download::Markdown => {
            let appendix = appendix(&state, &program, &done.computed_at).await?;
            let text = markdown_line(&done.computed_at, &done.inputs, lang)
                + &render::markdown_with(&done.report, Some(&appendix));
            attachment(text, "text/markdown; charset=utf-8", &format!("{stem}.md"))
        }
        Download::Html => {
            let provenance = render::Provenance {
                evaluated_at: Some(done.computed_at.clone()),
                inputs: done
                    .inputs
                    .iter()
                    .map(|f| (f.file.clone(), f.sha256.clone(), f.bytes))
                    .collect(),
            };
            let appendix = appendix(&state, &program, &done.computed_at).await?;
            let page = render::html_with(&done.report, &provenance, Some(&appendix));
            let mut res = attachment(page, "text/html; charset=utf-8", &format!("{stem}.html"));
            let policy = report_policy();
            res.headers_mut()
                .insert(axum::http::header::CONTENT_SECURITY_POLICY, policy.clone());
            res.extensions_mut().insert(ReportPolicy(policy));
            res
        }
    };
    set_provenance(&mut res, &done);
    Ok(res)
}

/// `GET …/readiness.json?at=&lang=`: the report's JSON as a file.
pub async fn download_json(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<ReadinessQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    download(state, program, q, headers, Download::Json).await
}

/// `GET …/readiness.md?at=&lang=`: the Markdown report for stakeholders as a file.
pub async fn download_markdown(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<ReadinessQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    download(state, program, q, headers, Download::Markdown).await
}

/// `GET …/readiness.html?at=&lang=`: the printable deployment readiness report as a file.
pub async fn download_html(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<ReadinessQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    download(state, program, q, headers, Download::Html).await
}
