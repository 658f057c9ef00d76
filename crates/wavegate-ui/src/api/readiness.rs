//! Readiness: the report of a program with what it speaks for, its downloads (printable HTML,
//! Markdown, JSON, the data directory), and the stored evaluations behind the trend.

use super::{ApiError, Download, change, download, json, path};
use chrono::NaiveDate;
use gloo_net::http::Request;
use wavegate_core::api::{
    Evaluation, EvaluationSummary, EvaluationsQuery, ReadinessQuery, StoredEvaluation,
};
use wavegate_core::i18n::Lang;

fn query(at: NaiveDate, lang: Lang) -> String {
    ReadinessQuery {
        at: Some(at),
        lang: Some(lang),
    }
    .to_query()
}

/// `GET …/readiness/evaluation?at=&lang=`: the report at `at`, its sentences in `lang`.
pub async fn evaluation(program: &str, at: NaiveDate, lang: Lang) -> Result<Evaluation, ApiError> {
    let url = path::program(program, "/readiness/evaluation") + &query(at, lang);
    json(Request::get(&url).build()).await
}

/// The forms the report downloads in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFile {
    /// `readiness.html`: printable (A4).
    Html,
    /// `readiness.md`.
    Markdown,
    /// `readiness.json`.
    Json,
}

/// `GET …/readiness.{html,md,json}?at=&lang=`: the report as a file.
pub async fn report_file(
    program: &str,
    at: NaiveDate,
    lang: Lang,
    form: ReportFile,
) -> Result<Download, ApiError> {
    let name = match form {
        ReportFile::Html => "/readiness.html",
        ReportFile::Markdown => "/readiness.md",
        ReportFile::Json => "/readiness.json",
    };
    download::fetch(&(path::program(program, name) + &query(at, lang))).await
}

/// `GET …/export.zip`: the program's data directory.
pub async fn export_zip(program: &str) -> Result<Download, ApiError> {
    download::fetch(&path::program(program, "/export.zip")).await
}

/// `GET …/evaluations[?segments=true]`: the stored evaluations, latest date first (with each
/// one's segments when `query` asks for them).
pub async fn evaluations(
    program: &str,
    query: EvaluationsQuery,
) -> Result<Vec<EvaluationSummary>, ApiError> {
    let url = path::program(program, "/evaluations") + &query.to_query();
    json(Request::get(&url).build()).await
}

/// `POST …/evaluations?at=&lang=`: stores the evaluation of `at`, which must be the server's today
/// (another day is `422 invalid_date`).
pub async fn save_evaluation(
    csrf: &str,
    program: &str,
    at: NaiveDate,
    lang: Lang,
) -> Result<StoredEvaluation, ApiError> {
    let url = path::program(program, "/evaluations") + &query(at, lang);
    json(change(Request::post(&url), csrf).build()).await
}
