//! `/planner/programs/{program}/surveys`: the program's surveys, and publishing one from a
//! built-in template or from a definition file (`wavegate.survey/1` or SurveyJS JSON).

use super::{ProgramNav, Tab, links, param};
use crate::components::notice::{Failure, load_failed};
use crate::components::upload::FilePicker;
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{ErrorCode, PublishSurvey, PublishedSurvey, SurveyProblem};
use wavegate_core::survey::templates;
use wavegate_ui::api::{ApiError, programs, surveys};

/// The format name a Wavegate survey definition declares (any other JSON is read as SurveyJS).
const WAVEGATE_FORMAT: &str = "wavegate.survey/1";

/// What publishing answered.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// Published (or the same content was already).
    Published(PublishedSurvey),
    /// The definition breaks rules: every problem with its JSON path.
    Invalid(Vec<SurveyProblem>, Option<String>),
    /// The call failed.
    Failed(ApiError),
    /// The file is not JSON.
    NotJson,
}

/// The result of publishing, in the planner's language.
fn outcome_view(o: Outcome, program: String) -> impl IntoView {
    let lang = use_lang();
    match o {
        Outcome::Published(p) => {
            let link = links::survey(&program, &p.survey_id);
            view! {
                <div class="banner banner-ok" role="status">
                    <p>{move || fill(Msg::Published, lang.get(), &[("survey", p.survey_id.clone()), ("version", p.version.to_string())])}
                        " "<a href=link>{t(Msg::OpenSurvey)}</a></p>
                    {(!p.warnings.is_empty()).then(|| view! {
                        <ul>{p.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                    })}
                </div>
            }
            .into_any()
        }
        Outcome::Invalid(problems, message) => view! {
            <div class="refused" role="alert">
                <p class="form-error">{t(UiMsg::ErrorInvalidSurvey)}</p>
                {message.map(|m| view! { <p>{m}</p> })}
                <ul class="survey-problems">
                    {problems.into_iter().map(|p| view! {
                        <li><code>{if p.path.is_empty() { "/".to_string() } else { p.path }}</code>": "{p.message}</li>
                    }).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
        Outcome::Failed(e) => view! { <Failure error=Signal::stored(Some(e)) /> }.into_any(),
        Outcome::NotJson => {
            view! { <p class="form-error" role="alert">{t(Msg::NotJson)}</p> }.into_any()
        }
    }
}

/// Sends a publication and reads the answer.
async fn publish(
    csrf: String,
    program: String,
    body: PublishSurvey,
    lang: wavegate_core::i18n::Lang,
) -> Outcome {
    match surveys::publish(&csrf, &program, &body, lang).await {
        Ok(p) => Outcome::Published(p),
        Err(e) if e.code() == Some(ErrorCode::InvalidSurvey) => Outcome::Invalid(
            e.details::<Vec<SurveyProblem>>().unwrap_or_default(),
            e.server_message().map(str::to_string),
        ),
        Err(e) => Outcome::Failed(e),
    }
}

/// Publishing a survey: a template or a definition file.
#[component]
fn Publish(program: Memo<String>, published: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let template = RwSignal::new(templates::IDS[0].to_string());
    let anonymous = RwSignal::new(false);
    let survey_id = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let run = move |body: PublishSurvey| {
        busy.set(true);
        let (csrf, pid, l) = (
            session.csrf(),
            program.get_untracked(),
            lang.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            let o = publish(csrf, pid, body, l).await;
            if matches!(o, Outcome::Published(_)) {
                published.notify();
            }
            outcome.set(Some(o));
            busy.set(false);
        });
    };
    let from_template = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(PublishSurvey {
            template: Some(template.get_untracked()),
            anonymous: Some(anonymous.get_untracked()),
            ..PublishSurvey::default()
        });
    };
    let from_file = move |f: web_sys::File| {
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(f.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
                outcome.set(Some(Outcome::NotJson));
                return;
            };
            let wavegate = json.get("format").and_then(|f| f.as_str()) == Some(WAVEGATE_FORMAT);
            let id = survey_id.get_untracked().trim().to_string();
            run(if wavegate {
                PublishSurvey {
                    definition: Some(json),
                    ..PublishSurvey::default()
                }
            } else {
                PublishSurvey {
                    surveyjs: Some(json),
                    survey_id: (!id.is_empty()).then_some(id),
                    anonymous: Some(anonymous.get_untracked()),
                    ..PublishSurvey::default()
                }
            });
        });
    };
    let options = templates::IDS
        .into_iter()
        .filter_map(templates::builtin)
        .map(|s| {
            let value = s.id.clone();
            let id = s.id.clone();
            let title = s.title.clone();
            view! { <option value=value>{move || format!("{} ({id})", title.get(lang.get()))}</option> }
        })
        .collect_view();
    let disabled = Signal::derive(move || busy.get() || !session.can_change());
    view! {
        <section class="card" aria-labelledby="publish-title">
            <h2 id="publish-title">{t(Msg::PublishTitle)}</h2>
            <fieldset class="plain" disabled=move || !session.can_change()>
                <legend class="visually-hidden">{t(Msg::PublishTitle)}</legend>
                <div class="field checkbox">
                    <label><input type="checkbox" prop:checked=move || anonymous.get()
                        on:change=move |ev| anonymous.set(event_target_checked(&ev)) />" "{t(Msg::AnonymousSurvey)}</label>
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
                        on:input=move |ev| survey_id.set(event_target_value(&ev)) />
                </div>
                <FilePicker id="survey-file".to_string() label=Msg::ChooseDefinition accept=".json,application/json"
                    on_file=from_file disabled=disabled />
            </fieldset>
            {move || outcome.get().map(|o| outcome_view(o, program.get_untracked()))}
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
                            let rate = s.response_rate().map(|r| format!(" · {r}%")).unwrap_or_default();
                            let counts = move || fill(Msg::SurveyCounts, lang.get(), &[
                                ("version", s.version.to_string()),
                                ("invitations", s.invitations.to_string()),
                                ("responses", s.responses.to_string()),
                            ]) + &rate;
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
        <Publish program=program published=published />
    }
}
