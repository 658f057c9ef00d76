//! Publishing a survey for a program: a built-in template, a `wavegate.survey/1` definition or
//! a SurveyJS one. A published version never changes; publishing changed content needs the
//! next version number (templates and SurveyJS imports get it by themselves).

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, request_lang};
use crate::programs::program_not_found;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use wavegate_core::api::{
    Definition, ErrorCode, LangQuery, PublishSurvey, PublishedSurvey, SurveyProblem, Unpublished,
};
use wavegate_core::i18n::Lang;
use wavegate_core::survey::publishing::{Refused, read_definition, read_surveyjs};
use wavegate_core::survey::{Survey, check_next_version, templates};

/// A refused upload as the API answers it: the summary, and every problem with its path.
fn invalid(refused: &Refused, lang: Lang) -> ApiError {
    ApiError::new(ErrorCode::InvalidSurvey, refused.message(lang))
        .with_details(SurveyProblem::list(refused.problems(), lang))
}

/// The definition a request names, with the SurveyJS import's warnings; `fixed_version` tells
/// whether the version was chosen by the author (a definition, or `version` given). An upload
/// is read by the same core function the planner's preview runs in the browser.
fn definition(body: &PublishSurvey, lang: Lang) -> Result<(Survey, Vec<String>, bool), ApiError> {
    let sources = [
        body.template.is_some(),
        body.definition.is_some(),
        body.surveyjs.is_some(),
    ];
    if sources.iter().filter(|s| **s).count() != 1 {
        return Err(ApiError::new(
            ErrorCode::InvalidBody,
            "give exactly one of template, definition and surveyjs",
        ));
    }
    if let Some(id) = &body.template {
        let survey = templates::builtin(id).ok_or_else(|| {
            let known = templates::IDS.iter().map(|i| i.to_string()).collect();
            ApiError::new(
                ErrorCode::InvalidSurvey,
                Unpublished::NotBuiltIn {
                    definition: Definition::Survey,
                    id: id.clone(),
                    known,
                }
                .message(lang),
            )
        })?;
        return Ok((survey, Vec::new(), body.version.is_some()));
    }
    let fixed = body.definition.is_some() || body.version.is_some();
    let read = match (&body.definition, &body.surveyjs) {
        (Some(value), _) => read_definition(value.clone()),
        (None, surveyjs) => read_surveyjs(
            surveyjs.as_ref().unwrap_or(&serde_json::Value::Null),
            body.survey_id.as_deref(),
        ),
    };
    let uploaded = read.map_err(|r| invalid(&r, lang))?;
    let warnings = uploaded.warnings.iter().map(|w| w.message(lang)).collect();
    Ok((uploaded.survey, warnings, fixed))
}

/// `POST /api/v1/programs/{program}/surveys`: publishes a survey version for the program; `201`
/// when a version was published now, `200` when the same content was published before.
pub async fn publish(
    State(state): State<AppState>,
    ApiPath(program_id): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<PublishSurvey>,
) -> Result<(StatusCode, Json<PublishedSurvey>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    if state.store.program(&program_id).await?.is_none() {
        return Err(program_not_found());
    }
    let (mut survey, warnings, fixed) = definition(&body, lang)?;
    if let Some(v) = body.version {
        survey.version = v;
    }
    let history: Vec<Survey> = state
        .store
        .survey_history(&survey.id)
        .await?
        .into_iter()
        .map(|(_, json)| {
            serde_json::from_str(&json)
                .map_err(|e| ApiError::internal(format!("stored survey: {e}")))
        })
        .collect::<Result<_, _>>()?;
    let same_as = |s: &Survey| {
        let mut a = s.clone();
        let mut b = survey.clone();
        a.version = 0;
        b.version = 0;
        a == b
    };
    // A template or SurveyJS survey without a version: the published version with the same
    // content, else the next one.
    if !fixed {
        survey.version = match history.iter().rev().find(|s| same_as(s)) {
            Some(s) => s.version,
            None => history.last().map_or(1, |s| s.version + 1),
        };
    }
    let already = history.iter().find(|s| s.version == survey.version);
    match already {
        Some(s) if *s == survey => {}
        Some(_) => {
            return Err(ApiError::new(
                ErrorCode::VersionPublished,
                format!(
                    "version {} of survey {} is published with other content; publish version {} instead",
                    survey.version,
                    survey.id,
                    history.last().map_or(1, |s| s.version + 1)
                ),
            ));
        }
        None => check_next_version(&history, &survey)
            .map_err(|e| ApiError::new(ErrorCode::InvalidSurvey, e.message(lang)))?,
    }
    // Versions are shared by the server's programs: one published elsewhere is new to this
    // program all the same. What the planner is told is whether this program changed.
    let before = state
        .store
        .program_survey(&program_id, &survey.id)
        .await?
        .map(|r| r.version);
    let json = serde_json::to_string(&survey).map_err(ApiError::internal)?;
    let row = state
        .store
        .publish_survey(
            &program_id,
            &survey.id,
            survey.version,
            &json,
            body.anonymous.unwrap_or(false),
            &state.clock.stamp(),
        )
        .await?
        .ok_or_else(program_not_found)?;
    let status = if already.is_some() {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(PublishedSurvey {
            survey_id: survey.id,
            title: survey.title,
            version: row.version,
            languages: survey.languages,
            anonymous: row.anonymous,
            created: before != Some(row.version),
            warnings,
        }),
    ))
}
