//! Programs: creating one from program.toml or its JSON, reading, replacing and downloading it,
//! and the helpdesk and FAQ details respondents see.

use crate::AppState;
use crate::downloads::attachment;
use crate::error::{ApiError, file_problem};
use crate::extract::{ApiBytes, ApiJson, ApiPath, ApiQuery, media_type, request_lang};
use crate::store::{NewProgram, ProgramRecord};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use wavegate_core::api::{
    Created, ErrorCode, FirstAndMore, LangQuery, ProgramDetail, ProgramProblems, ProgramSupport,
};
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::program_toml::ProgramInput;

pub(crate) fn program_not_found() -> ApiError {
    ApiError::not_found("program")
}

/// The stored program `id`, or the error for a program that does not exist.
pub(crate) async fn program_record(state: &AppState, id: &str) -> Result<ProgramRecord, ApiError> {
    state.store.program(id).await?.ok_or_else(program_not_found)
}

/// A program's stored definition, read back; `None` for a program from before programs had one.
pub(crate) fn stored_program(record: &ProgramRecord) -> Result<Option<Program>, ApiError> {
    record
        .program_toml
        .as_deref()
        .map(|t| {
            Program::parse(t).map_err(|e| ApiError::internal(format!("stored program.toml: {e}")))
        })
        .transpose()
}

/// A program body: `application/toml` (program.toml as `wavegate score` reads it) or
/// `application/json` (the same program as JSON). Returns the program and the TOML to keep.
fn read_program(
    headers: &HeaderMap,
    body: &[u8],
    lang: Lang,
) -> Result<(Program, String), ApiError> {
    let content_type = media_type(headers);
    // Every problem at once: the message names the first and how many more there are, the
    // details list them all.
    let invalid = |problems: Vec<wavegate_core::tabular::InputError>| {
        let Some(problems) = FirstAndMore::of(problems) else {
            return ApiError::internal("a program refused without a problem");
        };
        let first = Text::new(
            format!(
                "Het programma is niet geldig: {}",
                problems.first.render(Lang::Nl)
            ),
            format!(
                "The program is not valid: {}",
                problems.first.render(Lang::En)
            ),
        );
        let details: ProgramProblems = problems.map(|e| file_problem(e, lang));
        ApiError::new(
            ErrorCode::InvalidProgram,
            problems.in_words(first).get(lang),
        )
        .with_details(details)
    };
    match content_type.as_str() {
        "application/toml" | "text/toml" | "application/x-toml" => {
            let text = std::str::from_utf8(body).map_err(|_| {
                let text = Text::new(
                    "program.toml moet UTF-8-tekst zijn.",
                    "program.toml must be UTF-8 text.",
                );
                ApiError::new(ErrorCode::InvalidProgram, text.get(lang))
            })?;
            let program = Program::check(text).map_err(invalid)?;
            Ok((program, text.to_string()))
        }
        "application/json" => {
            let input = ProgramInput::from_json(body).map_err(|e| {
                ApiError::new(ErrorCode::InvalidBody, e.text().get(lang).to_string())
            })?;
            // The JSON gets the very rules of program.toml: through its TOML.
            let toml = input.to_toml();
            let program = Program::check(&toml).map_err(invalid)?;
            Ok((program, toml))
        }
        _ => Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "expected Content-Type: application/toml (program.toml) or application/json",
        )),
    }
}

/// A readable id from a program's name: `Intune-uitrol 2027` → `intune-uitrol-2027`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "program".into()
    } else {
        out
    }
}

fn detail(record: ProgramRecord) -> Result<ProgramDetail, ApiError> {
    let program = stored_program(&record)?;
    let support: ProgramSupport = serde_json::from_str(&record.support_json)
        .map_err(|e| ApiError::internal(format!("stored support: {e}")))?;
    Ok(ProgramDetail {
        id: record.id,
        name: record.name,
        program,
        support,
        created_at: record.created_at,
        updated_at: record.updated_at,
        roster_problem: None,
    })
}

/// `POST /api/v1/programs`: creates a program; `201 {"id"}`.
pub async fn create(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let (program, toml) = read_program(&headers, &body, request_lang(q.lang, &headers))?;
    let id = state
        .store
        .create_program(NewProgram {
            id: slug(&program.name),
            name: program.name.clone(),
            program_toml: toml,
            created_at: state.clock.stamp(),
        })
        .await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// `GET /api/v1/programs/{program}`.
pub async fn get(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ProgramDetail>, ApiError> {
    let record = program_record(&state, &id).await?;
    Ok(Json(detail(record)?))
}

/// `PUT /api/v1/programs/{program}`: replaces the definition (and so the name).
pub async fn put(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<Json<ProgramDetail>, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let (program, toml) = read_program(&headers, &body, lang)?;
    if !state
        .store
        .update_program(&id, &program.name, &toml, &state.clock.stamp())
        .await?
    {
        return Err(program_not_found());
    }
    let record = program_record(&state, &id).await?;
    // Say at once when the roster stopped fitting (a wave renamed or removed), rather than
    // leaving the planner to find out on the readiness page.
    let roster_problem = match crate::parsing::roster_of(&state, &id, &program).await? {
        Some(Err(e)) => Some(file_problem(&e, lang)),
        _ => None,
    };
    Ok(Json(ProgramDetail {
        roster_problem,
        ..detail(record)?
    }))
}

/// `GET /api/v1/programs/{program}/program.toml`: the definition as a file for `wavegate score`.
pub async fn toml(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let record = program_record(&state, &id).await?;
    let toml = record
        .program_toml
        .ok_or_else(|| ApiError::not_found("program.toml of this program"))?;
    Ok(attachment(
        toml,
        "application/toml; charset=utf-8",
        "program.toml",
    ))
}

/// `PUT /api/v1/programs/{program}/support`: the helpdesk and FAQ link respondents see.
pub async fn put_support(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(support): ApiJson<ProgramSupport>,
) -> Result<Json<ProgramSupport>, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let support = support
        .checked()
        .map_err(|e| ApiError::new(ErrorCode::InvalidSupport, e.message(lang)))?;
    let json = serde_json::to_string(&support).map_err(ApiError::internal)?;
    if !state.store.set_support(&id, &json).await? {
        return Err(program_not_found());
    }
    Ok(Json(support))
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn ids_are_readable_slugs_of_the_name() {
        assert_eq!(slug("Intune-uitrol 2027 (demo)"), "intune-uitrol-2027-demo");
        assert_eq!(slug("  Ünïcode!!"), "n-code");
        assert_eq!(slug("€€€"), "program");
    }
}
