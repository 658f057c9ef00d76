//! A program's surveys: publishing one, its results, its response export and response rates.

use super::{ApiError, Download, change, download, json, path};
use gloo_net::http::Request;
use wavegate_core::api::{
    ImportedResponses, PublishSurvey, PublishedSurvey, ResponsesQuery, SurveyRates, SurveyResults,
};
use wavegate_core::i18n::Lang;

/// `POST /api/v1/programs/{program}/surveys`: publishes a template, a definition or a SurveyJS
/// survey; problems and import warnings come back in `lang`.
pub async fn publish(
    csrf: &str,
    program: &str,
    body: &PublishSurvey,
    lang: Lang,
) -> Result<PublishedSurvey, ApiError> {
    let url = path::program(program, "/surveys") + &path::lang_query(lang);
    json(change(Request::post(&url), csrf).json(body)).await
}

/// `GET /api/v1/programs/{program}/responses/imported`: the responses imported as a file, per
/// survey.
pub async fn imported(program: &str) -> Result<ImportedResponses, ApiError> {
    json(Request::get(&path::program(program, "/responses/imported")).build()).await
}

/// `GET …/surveys/{survey}/summary`: a survey's results.
pub async fn summary(program: &str, survey: &str) -> Result<SurveyResults, ApiError> {
    json(Request::get(&path::survey(program, survey, "summary")).build()).await
}

/// `GET …/surveys/{survey}/responses`: every response as a CSV file.
pub async fn responses_csv(
    program: &str,
    survey: &str,
    query: ResponsesQuery,
) -> Result<Download, ApiError> {
    download::fetch(&(path::survey(program, survey, "responses") + &query.to_query())).await
}

/// `GET …/surveys/{survey}/rates`: response rates per wave and segment.
pub async fn rates(program: &str, survey: &str) -> Result<SurveyRates, ApiError> {
    json(Request::get(&path::survey(program, survey, "rates")).build()).await
}
