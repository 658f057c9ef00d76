//! Planner endpoints: the program overview, invitations, results and exports. The routes'
//! guard (see `routes`) has checked the caller before any of these runs.

use crate::AppState;
use crate::auth::{Caller, new_token};
use crate::datadir::stored_responses;
use crate::downloads::attachment;
use crate::error::ApiError;
use crate::extract::request_lang;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::imports::{program_of, required_roster};
use crate::parsing::roster_of;
use crate::programs::{program_record, stored_program};
use crate::respond::{parse_attributes, parse_survey};
use crate::store::{ListedInvitation, NewInvitationRow, ProgramOverviewRow, ProgramSurveyRow};
use axum::Extension;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use wavegate_core::api::{
    CreateInvitations, ErrorCode, ExportLayout, FileKind, FromRosterResult, InvitationKind,
    InvitationLink, InvitationProblem, InvitationsFormat, InvitationsFromRoster, InvitationsQuery,
    LangQuery, NewInvitation, ProgramOverview, ResponsesQuery, RosterGroups, SurveyOverview,
    SurveyRates, SurveyResults,
};
use wavegate_core::i18n::{Lang, Text, reading_language};
use wavegate_core::invitation::{BatchError, check_batch, fill_emails, write_mail_merge};
use wavegate_core::invitation::{
    Selection, anonymous_invitation, check_invitation, personal_invitations, rates_by_group,
    response_rate,
};
use wavegate_core::invitation::{
    anonymous_capacity, check_people_on_roster, link_expiry, link_wave,
};
use wavegate_core::readiness::Program;
use wavegate_core::survey::{
    StoredResponse, SummaryOptions, Survey, export_long, export_wide, summarize_with,
};

/// `GET /api/v1/programs/{program}/roster/groups`: the groups of the current roster a planner
/// can choose from (every split attribute's values with their people per wave, small groups
/// without their count); `409 no_roster` before a roster is imported. The roster is read from
/// its stored file on a blocking thread, as inviting from it does.
pub async fn roster_groups(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
) -> Result<Json<RosterGroups>, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let definition = program_of(&state, &program, lang).await?;
    let roster = required_roster(&state, &program, &definition, lang).await?;
    Ok(Json(wavegate_core::invitation::roster_groups(
        &roster,
        &definition,
    )))
}

/// The survey as the program holds it (anonymous or not), or the error for one it does not hold.
pub(crate) async fn program_survey_of(
    state: &AppState,
    program: &str,
    survey: &str,
) -> Result<ProgramSurveyRow, ApiError> {
    state
        .store
        .program_survey(program, survey)
        .await?
        .ok_or_else(ApiError::survey_not_found)
}

/// `GET /api/v1/programs`.
pub async fn programs(
    State(state): State<AppState>,
) -> Result<Json<Vec<ProgramOverview>>, ApiError> {
    let rows = state.store.programs_overview().await?;
    Ok(Json(rows.into_iter().map(overview).collect()))
}

fn overview(row: ProgramOverviewRow) -> ProgramOverview {
    let surveys = row
        .surveys
        .into_iter()
        .map(|s| SurveyOverview {
            // A definition that does not read leaves the title empty rather than the page.
            title: s
                .definition_json
                .and_then(|j| serde_json::from_str::<Survey>(&j).ok())
                .map(|d| d.title)
                .unwrap_or_default(),
            survey_id: s.survey.survey_id,
            version: s.survey.version,
            anonymous: s.survey.anonymous,
            responses: s.survey.responses,
            invitations: s.survey.invitations,
        })
        .collect();
    ProgramOverview {
        id: row.program.id,
        name: row.program.name,
        has_program: row.program.has_program,
        files: row
            .program
            .files
            .iter()
            .filter_map(|k| FileKind::parse(k))
            .collect(),
        surveys,
    }
}

/// The languages of the survey version a program's links open: a link's language is one of
/// them, as the respondent's page opens it (see `respond::invitation`).
pub(crate) async fn link_languages(
    state: &AppState,
    ps: &ProgramSurveyRow,
) -> Result<Vec<Lang>, ApiError> {
    let json = state
        .store
        .survey_version(&ps.survey_id, ps.version)
        .await?
        .ok_or_else(|| ApiError::internal("the survey's current version is not stored"))?;
    Ok(parse_survey(&json)?.languages)
}

/// A stored link as planners list and mail-merge it; `languages` are the survey's (see
/// [`link_languages`]), so the file names the language the person will read.
pub(crate) fn link(
    state: &AppState,
    listed: ListedInvitation,
    languages: &[Lang],
) -> Result<InvitationLink, ApiError> {
    let row = listed.invitation;
    Ok(InvitationLink {
        url: format!("{}/r/{}", state.public_url, row.token),
        attributes: parse_attributes(&row.attributes_json)?,
        language: reading_language(languages, row.language.as_deref().and_then(Lang::parse)),
        person_id: row.person_id,
        // Filled in from the roster where a mail merge needs it ([`with_emails`]).
        email: None,
        token: row.token,
        submitted_at: listed.submitted_at,
        wave: row.wave,
        expires_on: row.expires_on,
        revoked_at: row.revoked_at,
    })
}

/// `GET /api/v1/programs/{program}/surveys/{survey}/invitations[?format=csv&delimiter=…]`.
pub async fn invitations(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<InvitationsQuery>,
) -> Result<Response, ApiError> {
    let csv = q.format.unwrap_or_default() == InvitationsFormat::Csv;
    if csv {
        caller.may_hold_links()?;
    }
    let ps = program_survey_of(&state, &program, &survey).await?;
    let languages = link_languages(&state, &ps).await?;
    let listed = state
        .store
        .invitations(&program, &survey)
        .await?
        .ok_or_else(ApiError::survey_not_found)?;
    let mut links: Vec<InvitationLink> = listed
        .into_iter()
        .map(|l| link(&state, l, &languages))
        .collect::<Result<_, _>>()?;
    if caller.may_hold_links().is_err() {
        // A viewer's list: everything but the link itself.
        for l in &mut links {
            l.token.clear();
            l.url.clear();
        }
    }
    match q.format.unwrap_or_default() {
        InvitationsFormat::Json => Ok(Json(links).into_response()),
        InvitationsFormat::Csv => {
            with_emails(&state, &program, &mut links).await?;
            let options = q
                .delimiter
                .unwrap_or_default()
                .options(q.bom.unwrap_or(false));
            csv_response(
                "invitations.csv",
                write_mail_merge(&links, Vec::new(), options),
            )
        }
    }
}

/// Fills in the links' e-mail addresses from the program's roster, when it has one that reads
/// (a mail merge needs the address; the JSON list does without, so it parses no roster).
pub(crate) async fn with_emails<'a>(
    state: &AppState,
    program: &str,
    links: impl IntoIterator<Item = &'a mut InvitationLink>,
) -> Result<(), ApiError> {
    let Some(definition) = program_if_any(state, program).await? else {
        return Ok(());
    };
    if let Some(Ok(roster)) = roster_of(state, program, &definition).await? {
        fill_emails(links, &roster);
    }
    Ok(())
}

/// Anonymous links written by hand carry only what the core allows an anonymous link: split
/// attributes of a segment of at least 5 people on the program's roster. Returns how many
/// answers each takes (its segment's people; `None` without a roster to count on, which only a
/// link carrying nothing may do).
async fn check_anonymous_links(
    state: &AppState,
    program: &str,
    definition: Option<&Program>,
    links: &[NewInvitation],
    lang: Lang,
) -> Result<Vec<Option<u64>>, ApiError> {
    let roster = match definition {
        Some(d) => match roster_of(state, program, d).await? {
            Some(Ok(roster)) => Some((roster, d)),
            _ => None,
        },
        None => None,
    };
    let Some((roster, definition)) = roster else {
        if links.iter().all(|l| l.attributes.is_empty()) {
            return Ok(vec![None; links.len()]);
        }
        let text = Text::new(
            "Een anonieme link met kenmerken heeft de personeelslijst van het programma nodig: laad die eerst.",
            "An anonymous link with attributes needs the program's roster: import it first.",
        );
        return Err(ApiError::new(ErrorCode::NoRoster, text.get(lang)));
    };
    let mut capacities = Vec::with_capacity(links.len());
    let mut problems = Vec::new();
    for (index, l) in links.iter().enumerate() {
        match anonymous_capacity(&roster, definition, &l.attributes) {
            Ok(people) => capacities.push(Some(people as u64)),
            Err(e) => problems.push(InvitationProblem {
                index,
                message: e.message(lang),
            }),
        }
    }
    if problems.is_empty() {
        return Ok(capacities);
    }
    let text = match problems.len() {
        1 => Text::new(
            "1 anonieme link zou mensen herkenbaar maken; er is niets aangemaakt",
            "1 anonymous link could single out people; none were created",
        ),
        n => Text::new(
            format!("{n} anonieme links zouden mensen herkenbaar maken; er is niets aangemaakt"),
            format!("{n} anonymous links could single out people; none were created"),
        ),
    };
    Err(ApiError::new(ErrorCode::InvalidInvitations, text.get(lang)).with_details(problems))
}

/// Personal links written by hand name people on the program's roster, once it has one (a
/// program may collect answers before its roster is imported; a roster that no longer reads
/// with the program is the readiness report's error to show, not a reason to stop inviting).
async fn check_personal_links(
    state: &AppState,
    program: &str,
    definition: Option<&Program>,
    links: &[NewInvitation],
    lang: Lang,
) -> Result<(), ApiError> {
    let Some(definition) = definition else {
        return Ok(());
    };
    match roster_of(state, program, definition).await? {
        Some(Ok(roster)) => check_people_on_roster(&roster, links).map_err(|e| refused(e, lang)),
        _ => Ok(()),
    }
}

/// The program's definition, when it has one (links of a program without program.toml have no
/// wave and no default expiry).
async fn program_if_any(state: &AppState, program: &str) -> Result<Option<Program>, ApiError> {
    let record = program_record(state, program).await?;
    stored_program(&record)
}

/// The program's wave ids in its order, which every list of groups puts its wave rows in (none
/// without program.toml: then by id).
pub(crate) async fn wave_ids(state: &AppState, program: &str) -> Result<Vec<String>, ApiError> {
    Ok((program_if_any(state, program).await?.iter())
        .flat_map(|p| p.waves.iter().map(|w| w.id.clone()))
        .collect())
}

/// The last day a new link opens: the one asked for, else the core's default for its wave on
/// `today`.
pub(crate) fn last_day(
    asked: Option<NaiveDate>,
    program: Option<&Program>,
    wave: Option<&str>,
    today: NaiveDate,
) -> Option<String> {
    link_expiry(asked, program, wave, today).map(|d| d.format("%Y-%m-%d").to_string())
}

/// A CSV download (UTF-8, a byte-order mark kept when the export wrote one).
pub(crate) fn csv_response(
    file_name: &str,
    body: std::io::Result<Vec<u8>>,
) -> Result<Response, ApiError> {
    let body = body.map_err(ApiError::internal)?;
    Ok(attachment(body, "text/csv; charset=utf-8", file_name))
}

/// The API error for a refused invitation list, in `lang`: one detail per bad entry, with its
/// index.
fn refused(e: BatchError, lang: Lang) -> ApiError {
    let message = e.message(lang);
    match e {
        BatchError::Count => ApiError::new(ErrorCode::InvalidInvitations, message),
        BatchError::Entries(entries) => {
            let details: Vec<InvitationProblem> = entries
                .into_iter()
                .map(|e| InvitationProblem {
                    index: e.index,
                    message: e.error.message(lang),
                })
                .collect();
            ApiError::new(ErrorCode::InvalidInvitations, message).with_details(details)
        }
    }
}

/// `POST /api/v1/programs/{program}/surveys/{survey}/invitations`: creates links, all or none.
/// A person who already has a link gets that link back, so re-running a mail merge is safe.
pub async fn create_invitations(
    State(state): State<AppState>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<CreateInvitations>,
) -> Result<(StatusCode, Json<Vec<InvitationLink>>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    let ps = program_survey_of(&state, &program, &survey).await?;
    check_batch(&body.invitations, ps.anonymous).map_err(|e| refused(e, lang))?;
    let languages = link_languages(&state, &ps).await?;
    let definition = program_if_any(&state, &program).await?;
    let capacities = if ps.anonymous {
        check_anonymous_links(
            &state,
            &program,
            definition.as_ref(),
            &body.invitations,
            lang,
        )
        .await?
    } else {
        check_personal_links(
            &state,
            &program,
            definition.as_ref(),
            &body.invitations,
            lang,
        )
        .await?;
        vec![None; body.invitations.len()]
    };
    let entries = body
        .invitations
        .into_iter()
        .zip(capacities)
        .map(|(inv, capacity)| {
            let wave = definition
                .as_ref()
                .and_then(|d| link_wave(d, None, &inv.attributes));
            Ok(NewInvitationRow {
                token: new_token(),
                attributes_json: serde_json::to_string(&inv.attributes)
                    .map_err(ApiError::internal)?,
                person_id: inv.person_id,
                language: inv.language.map(|l| l.code().to_string()),
                expires_on: last_day(
                    body.expires_on,
                    definition.as_ref(),
                    wave.as_deref(),
                    state.clock.now().date_naive(),
                ),
                wave,
                capacity,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let created = state
        .store
        .create_invitations(&program, &survey, entries, &state.clock.stamp())
        .await?;
    let links = created
        .into_iter()
        .map(|l| link(&state, l, &languages))
        .collect::<Result<_, _>>()?;
    Ok((StatusCode::CREATED, Json(links)))
}

/// A program's survey with every stored response, ready for the core's summaries and exports.
async fn survey_with_responses(
    state: &AppState,
    program: &str,
    survey: &str,
) -> Result<(Survey, Vec<StoredResponse>), ApiError> {
    let stored = state
        .store
        .survey_responses(program, survey)
        .await?
        .ok_or_else(ApiError::survey_not_found)?;
    let definition = parse_survey(&stored.definition_json)?;
    let responses = stored_responses(&definition, stored.responses).map_err(ApiError::internal)?;
    Ok((definition, responses))
}

/// `GET /api/v1/programs/{program}/surveys/{survey}/summary`.
pub async fn summary(
    State(state): State<AppState>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
) -> Result<Json<SurveyResults>, ApiError> {
    let (survey, responses) = survey_with_responses(&state, &program, &survey).await?;
    let pairs: Vec<_> = responses
        .into_iter()
        .map(|r| (r.response, r.attributes))
        .collect();
    let options = SummaryOptions {
        waves: wave_ids(&state, &program).await?,
        ..SummaryOptions::default()
    };
    let summary = summarize_with(&survey, &pairs, &options);
    Ok(Json(SurveyResults { survey, summary }))
}

/// `GET /api/v1/programs/{program}/surveys/{survey}/responses`: CSV export of every response.
pub async fn export_responses(
    State(state): State<AppState>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<ResponsesQuery>,
) -> Result<Response, ApiError> {
    let options = q
        .delimiter
        .unwrap_or_default()
        .options(q.bom.unwrap_or(false));
    let (definition, responses) = survey_with_responses(&state, &program, &survey).await?;
    let written = match q.layout.unwrap_or_default() {
        ExportLayout::Long => export_long(&definition, &responses, Vec::new(), options),
        ExportLayout::Wide => export_wide(&definition, &responses, Vec::new(), options),
    };
    let name = format!("{}-responses.csv", definition.id);
    csv_response(
        &name,
        written.map_err(|e| std::io::Error::other(e.to_string())),
    )
}

/// `POST …/surveys/{survey}/invitations/from-roster`: links for the people of a wave or
/// segment of the roster (personal), or one link for the segment (anonymous). Idempotent: a
/// person, or an anonymous segment, that has a link keeps it.
pub async fn from_roster(
    State(state): State<AppState>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<InvitationsFromRoster>,
) -> Result<(StatusCode, Json<FromRosterResult>), ApiError> {
    let lang = request_lang(q.lang, &headers);
    let ps = program_survey_of(&state, &program, &survey).await?;
    let languages = link_languages(&state, &ps).await?;
    let definition = program_of(&state, &program, lang).await?;
    let roster = required_roster(&state, &program, &definition, lang).await?;
    let selection = Selection {
        wave: body.wave.clone(),
        segment: body.segment.clone(),
    };
    let selection_error = |e: wavegate_core::invitation::SelectionError| {
        ApiError::new(ErrorCode::InvalidSelection, e.message(lang))
    };
    let wanted = match body.kind {
        InvitationKind::Personal => {
            personal_invitations(&roster, &definition, &selection).map_err(selection_error)?
        }
        InvitationKind::Anonymous => {
            vec![anonymous_invitation(&roster, &definition, &selection).map_err(selection_error)?]
        }
    };
    let people = match body.kind {
        InvitationKind::Personal => wanted.len() as u64,
        // The people of the segment: what the link is for, and the most answers it takes.
        InvitationKind::Anonymous => wanted
            .first()
            .map(|inv| anonymous_capacity(&roster, &definition, &inv.attributes))
            .transpose()
            .map_err(selection_error)?
            .unwrap_or(0) as u64,
    };
    for inv in &wanted {
        check_invitation(inv, ps.anonymous).map_err(|e| {
            ApiError::new(
                ErrorCode::InvalidSelection,
                match &inv.person_id {
                    Some(p) => format!("{p}: {}", e.message(lang)),
                    None => e.message(lang),
                },
            )
        })?;
    }
    let entries = wanted
        .into_iter()
        .map(|inv| {
            let wave = link_wave(&definition, body.wave.as_deref(), &inv.attributes);
            let capacity = inv.person_id.is_none().then_some(people);
            Ok(NewInvitationRow {
                token: new_token(),
                attributes_json: serde_json::to_string(&inv.attributes)
                    .map_err(ApiError::internal)?,
                person_id: inv.person_id,
                language: inv.language.map(|l| l.code().to_string()),
                expires_on: last_day(
                    body.expires_on,
                    Some(&definition),
                    wave.as_deref(),
                    state.clock.now().date_naive(),
                ),
                wave,
                capacity,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let now = state.clock.stamp();
    let (created, existing, listed) = match body.kind {
        InvitationKind::Personal => {
            let tokens: std::collections::HashSet<String> =
                entries.iter().map(|e| e.token.clone()).collect();
            let out = state
                .store
                .create_invitations(&program, &survey, entries, &now)
                .await?;
            let created = out
                .iter()
                .filter(|l| tokens.contains(&l.invitation.token))
                .count() as u64;
            (created, out.len() as u64 - created, Vec::new())
        }
        InvitationKind::Anonymous => {
            let entry = entries
                .into_iter()
                .next()
                .ok_or_else(|| ApiError::internal("no anonymous entry"))?;
            let (made, row) = state
                .store
                .anonymous_link_or_create(&program, &survey, entry, &now)
                .await?;
            let listed = vec![ListedInvitation {
                invitation: row,
                submitted_at: None,
            }];
            (u64::from(made), u64::from(!made), listed)
        }
    };
    let links = listed
        .into_iter()
        .map(|l| link(&state, l, &languages))
        .collect::<Result<Vec<_>, _>>()?;
    let status = if created > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(FromRosterResult {
            kind: body.kind,
            people,
            created,
            existing,
            links,
        }),
    ))
}

/// `GET …/surveys/{survey}/rates`: response rates per wave and segment, groups under 5
/// suppressed; never a name.
pub async fn rates(
    State(state): State<AppState>,
    ApiPath((program, survey)): ApiPath<(String, String)>,
) -> Result<Json<SurveyRates>, ApiError> {
    let ps = program_survey_of(&state, &program, &survey).await?;
    let waves = wave_ids(&state, &program).await?;
    let groups = if ps.anonymous {
        // One link is answered by many: count responses per group of the attributes they carry.
        let stored = state
            .store
            .survey_responses(&program, &survey)
            .await?
            .ok_or_else(ApiError::survey_not_found)?;
        let attributes = stored
            .responses
            .iter()
            .map(|r| parse_attributes(&r.attributes_json))
            .collect::<Result<Vec<_>, _>>()?;
        rates_by_group(attributes.iter().map(|a| (a, true)), &waves)
            .into_iter()
            .map(|mut g| {
                g.responded = g.invited.take();
                g.rate = None;
                g
            })
            .collect()
    } else {
        let listed = state
            .store
            .invitations(&program, &survey)
            .await?
            .ok_or_else(ApiError::survey_not_found)?;
        let personal = listed
            .iter()
            .filter(|l| l.invitation.person_id.is_some())
            .map(|l| {
                Ok((
                    parse_attributes(&l.invitation.attributes_json)?,
                    l.submitted_at.is_some(),
                ))
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        rates_by_group(personal.iter().map(|(a, r)| (a, *r)), &waves)
    };
    Ok(Json(SurveyRates {
        anonymous: ps.anonymous,
        invitations: ps.invitations,
        responses: ps.responses,
        rate: response_rate(ps.responses, ps.invitations, ps.anonymous),
        groups,
    }))
}
