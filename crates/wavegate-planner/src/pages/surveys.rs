//! `/planner/programs/{program}/surveys`: the program's surveys, and publishing one from a
//! built-in template or from a definition file (`wavegate.survey/1` or SurveyJS JSON).

use super::{ProgramNav, Tab, links, param};
use crate::components::file_problem::with_code;
use crate::components::notice::load_failed;
use crate::components::preview::{Checked, Fact, PreviewedPicker};
use crate::components::publish::{Outcome, Publishing, builtin_options};
use crate::i18n::{Lang, Msg, UiMsg, counted, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{
    ErrorCode, PublishSurvey, PublishedSurvey, SurveyOverview, SurveyProblem,
};
use wavegate_core::i18n::Text;
use wavegate_core::survey::publishing::{is_wavegate, read_definition, read_surveyjs};
use wavegate_core::survey::{QuestionType, Survey, labels, templates};
use wavegate_ui::api::{programs, surveys};

/// The result of publishing, in the planner's language.
pub fn outcome_view(o: Outcome<PublishedSurvey>, program: String) -> AnyView {
    let lang = use_lang();
    o.view(|p| {
        let link = links::survey(&program, &p.survey_id);
        // Publishing the same content again changes nothing: saying "published" would suggest
        // a new version went out to respondents.
        let msg = if p.created {
            Msg::Published
        } else {
            Msg::SurveyUnchanged
        };
        view! {
            <div class="banner banner-ok" role="status">
                <p>{move || fill(msg, lang.get(), &[("survey", p.title.get(lang.get()).to_string()), ("version", p.version.to_string())])}
                    " "<a href=link>{t(Msg::OpenSurvey)}</a></p>
                {(!p.warnings.is_empty()).then(|| view! {
                    <ul>{p.warnings.iter().map(|w| view! { <li>{with_code(w.clone())}</li> }).collect_view()}</ul>
                })}
            </div>
        }
        .into_any()
    })
}

/// A published survey's line in the list: its version, its links (personal invitations, or
/// the anonymous links one of which many people answer), its responses and, for a personal
/// survey, the response rate said as one (a bare "67%" beside counts reads as anything).
pub fn survey_counts(s: &SurveyOverview, lang: Lang) -> String {
    let links = if s.anonymous {
        counted(s.invitations, Msg::LinksOne, Msg::LinksN, lang)
    } else {
        counted(s.invitations, Msg::InvitationsOne, Msg::InvitationsN, lang)
    };
    let mut text = fill(
        Msg::SurveyCounts,
        lang,
        &[
            ("version", s.version.to_string()),
            ("invitations", links),
            (
                "responses",
                counted(s.responses, Msg::ResponsesOne, Msg::ResponsesN, lang),
            ),
        ],
    );
    if let Some(rate) = s.response_rate() {
        text += " · ";
        text += &fill(Msg::RateAnswered, lang, &[("rate", rate.to_string())]);
    }
    text
}

/// The languages of a definition by name, in both languages.
pub(super) fn language_names(languages: &[Lang]) -> Text {
    let names = |l: Lang| {
        languages
            .iter()
            .map(|x| match x {
                Lang::Nl => Msg::LanguageDutch.text(l),
                Lang::En => Msg::LanguageEnglish.text(l),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Text::new(names(Lang::Nl), names(Lang::En))
}

/// What a survey's preview shows: its id, pages, questions, their types (with how many of
/// each), languages and whether answers are personal or anonymous.
fn survey_facts(s: &Survey, anonymous: bool) -> Vec<Fact> {
    let questions: Vec<QuestionType> = s
        .pages
        .iter()
        .flat_map(|p| &p.questions)
        .map(|q| q.kind.question_type())
        .collect();
    let mut kinds: Vec<(QuestionType, usize)> = Vec::new();
    for q in &questions {
        match kinds.iter_mut().find(|(k, _)| k == q) {
            Some((_, n)) => *n += 1,
            None => kinds.push((*q, 1)),
        }
    }
    let types = |l: Lang| {
        kinds
            .iter()
            .map(|(k, n)| format!("{} ({n})", labels::question_type(*k, l)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        Fact::one(Msg::FactId, Text::new(s.id.clone(), s.id.clone())),
        Fact::count(Msg::FactPages, s.pages.len()),
        Fact::count(Msg::FactQuestions, questions.len()),
        Fact::one(
            Msg::FactQuestionTypes,
            Text::new(types(Lang::Nl), types(Lang::En)),
        ),
        Fact::one(Msg::FactLanguages, language_names(&s.languages)),
        Fact::word(
            Msg::FactAnswers,
            if anonymous {
                Msg::FactAnonymous
            } else {
                Msg::FactPersonal
            },
        ),
    ]
}

/// Publishing a survey: a template, or a definition file checked and previewed first.
#[component]
fn Publish(program: Memo<String>, published: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let template = RwSignal::new(templates::IDS[0].to_string());
    let anonymous = RwSignal::new(false);
    let survey_id = RwSignal::new(String::new());
    let recheck = Trigger::new();
    let publishing = Publishing::<PublishedSurvey>::new().focusing("survey-outcome");
    let run = move |body: PublishSurvey| {
        let (csrf, pid, l) = (
            session.csrf(),
            program.get_untracked(),
            lang.get_untracked(),
        );
        publishing.run(
            async move {
                let answer = surveys::publish(&csrf, &pid, &body, l).await;
                Outcome::from(answer, ErrorCode::InvalidSurvey)
            },
            published,
        );
    };
    let from_template = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(PublishSurvey {
            template: Some(template.get_untracked()),
            anonymous: Some(anonymous.get_untracked()),
            ..PublishSurvey::default()
        });
    };
    // The same core functions the server runs on the upload: what the preview shows is what
    // would be published, and a file the server would refuse is refused here, unsent.
    let check = move |json: serde_json::Value, file: String| {
        let l = lang.get_untracked();
        let anonymous = anonymous.get_untracked();
        let id = survey_id.get_untracked().trim().to_string();
        let id = (!id.is_empty()).then_some(id);
        let wavegate = is_wavegate(&json);
        let read = if wavegate {
            read_definition(json.clone())
        } else {
            read_surveyjs(&json, id.as_deref())
        };
        let uploaded = read.map_err(|r| {
            Outcome::Invalid(
                ErrorCode::InvalidSurvey,
                SurveyProblem::list(r.problems(), l),
                Some(r.message(l)),
            )
        })?;
        let body = if wavegate {
            PublishSurvey {
                definition: Some(json),
                anonymous: Some(anonymous),
                ..PublishSurvey::default()
            }
        } else {
            PublishSurvey {
                surveyjs: Some(json),
                survey_id: id,
                anonymous: Some(anonymous),
                ..PublishSurvey::default()
            }
        };
        Ok(Checked {
            file,
            title: uploaded.survey.title.clone(),
            facts: survey_facts(&uploaded.survey, anonymous),
            warnings: uploaded
                .warnings
                .iter()
                .map(|w| Text::new(w.message(Lang::Nl), w.message(Lang::En)))
                .collect(),
            body,
        })
    };
    let options = builtin_options(templates::catalogue());
    let busy = publishing.busy;
    let disabled = Signal::derive(move || busy.get() || !session.can_change());
    view! {
        <section class="card" aria-labelledby="publish-title">
            <h2 id="publish-title">{t(Msg::PublishTitle)}</h2>
            <fieldset class="plain" aria-labelledby="publish-title" disabled=move || !session.can_change()>
                <div class="field checkbox">
                    <label><input type="checkbox" prop:checked=move || anonymous.get()
                        on:change=move |ev| { anonymous.set(event_target_checked(&ev)); recheck.notify(); } />" "{t(Msg::AnonymousSurvey)}</label>
                    <p class="muted field-hint">{t(Msg::AnonymousHint)}</p>
                </div>
                <form on:submit=from_template novalidate>
                    <div class="field">
                        <label for="template">{t(Msg::Template)}</label>
                        <select id="template" on:change=move |ev| template.set(event_target_value(&ev))>{options}</select>
                    </div>
                    <button type="submit" class="primary" disabled=move || disabled.get()>{t(Msg::PublishTemplate)}</button>
                </form>
                <h3>{t(Msg::OrUploadDefinition)}</h3>
                <div class="field">
                    <label for="surveyjs-id">{t(Msg::SurveyJsId)}</label>
                    <input id="surveyjs-id" type="text" prop:value=move || survey_id.get()
                        on:change=move |_| recheck.notify()
                        on:input=move |ev| survey_id.set(event_target_value(&ev)) />
                </div>
                <PreviewedPicker id="survey-file" label=Msg::ChooseDefinition check=check send=run
                    publishing=publishing disabled=disabled outcome_id="survey-outcome" recheck=recheck />
            </fieldset>
            <div id="survey-outcome" tabindex="-1">
                {move || publishing.outcome.get().map(|o| outcome_view(o, program.get_untracked()))}
            </div>
        </section>
    }
}

/// The page.
#[component]
pub fn SurveysPage() -> impl IntoView {
    let program = param("program");
    let lang = use_lang();
    let published = Trigger::new();
    let list = LocalResource::new(move || {
        published.track();
        programs::list()
    });
    // The surveys published here, for the imported responses' titles.
    let published_here = Signal::derive(move || {
        let pid = program.get();
        (list.get().and_then(Result::ok).into_iter().flatten())
            .find(|p| p.id == pid)
            .map(|p| p.surveys)
            .unwrap_or_default()
    });
    let body = move || {
        list.get().map(|r| match r {
            Ok(all) => {
                let pid = program.get();
                let surveys = all
                    .into_iter()
                    .find(|p| p.id == pid)
                    .map(|p| p.surveys)
                    .unwrap_or_default();
                if surveys.is_empty() {
                    return view! { <p>{t(Msg::NoSurveys)}</p> }.into_any();
                }
                view! {
                    <ul class="survey-list">
                        {surveys.into_iter().map(|s| {
                            let title = s.title.clone();
                            let counts = {
                                let s = s.clone();
                                move || survey_counts(&s, lang.get())
                            };
                            view! {
                                <li data-survey=s.survey_id.clone()>
                                    <a href=links::survey(&pid, &s.survey_id)>{move || title.get(lang.get()).to_string()}</a>
                                    {s.anonymous.then(|| view! { " " <span class="badge">{t(Msg::Anonymous)}</span> })}
                                    <span class="muted">" "{counts}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
            Err(e) => load_failed(e, move || list.refetch()).into_any(),
        })
    };
    view! {
        <ProgramNav program=program current=Tab::Surveys />
        <h1>{t(Msg::SurveysTitle)}</h1>
        <section class="card" aria-labelledby="surveys-title">
            <h2 id="surveys-title">{t(Msg::PublishedSurveys)}</h2>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {body}
            </Suspense>
        </section>
        <super::surveys_imported::ImportedResponses program=program published=published_here />
        <Publish program=program published=published />
    }
}
