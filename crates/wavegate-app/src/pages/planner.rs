//! The planner's pages: sign in with the planner token, see programs, surveys and results.

use crate::api::{self, ApiError};
use crate::components::results::ResultsPanel;
use crate::i18n::{Msg, t, use_lang};
use crate::storage::{self, Key};
use leptos::prelude::*;
use wavegate_core::api::{CsvDelimiter, ErrorCode, ProgramOverview};

/// `/planner`: the sign-in form, or the overview once signed in.
#[component]
pub fn PlannerPage() -> impl IntoView {
    let token = RwSignal::new(storage::load::<String>(&Key::PlannerToken));
    view! {
        {move || match token.get() {
            None => view! { <SignIn token=token /> }.into_any(),
            Some(t) => view! { <Overview token=t signed_in=token /> }.into_any(),
        }}
    }
}

#[component]
fn SignIn(token: RwSignal<Option<String>>) -> impl IntoView {
    let value = RwSignal::new(String::new());
    // Why signing in failed: a token the server does not know, or the call itself failing.
    let failed = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let candidate = value.get_untracked().trim().to_string();
        if candidate.is_empty() {
            failed.set(Some(Msg::SignInFailed));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::programs(&candidate).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    failed.set(None);
                    storage::save(&Key::PlannerToken, &candidate);
                    token.set(Some(candidate));
                }
                Err(e) if e.code() == Some(ErrorCode::Unauthorized) => {
                    failed.set(Some(Msg::SignInFailed));
                }
                Err(e) => failed.set(Some(crate::errors::message(&e))),
            }
        });
    };
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="signin-title">
            <h1 id="signin-title">{t(Msg::SignInTitle)}</h1>
            <p class="muted">{t(Msg::SignInHint)}</p>
            <form on:submit=submit>
                <div class="field">
                    <label for="planner-token">{t(Msg::TokenLabel)}</label>
                    <input id="planner-token" type="password" autocomplete="current-password"
                        aria-invalid=move || failed.get().map(|_| "true")
                        aria-describedby="signin-error"
                        on:input=move |ev| value.set(event_target_value(&ev)) />
                </div>
                <p id="signin-error" class="form-error" role="alert" hidden=move || failed.get().is_none()>
                    {move || failed.get().map(|m| m.text(lang.get()))}
                </p>
                <button type="submit" class="primary" disabled=move || busy.get()>{t(Msg::SignIn)}</button>
            </form>
        </section>
    }
}

/// Which survey's results are open.
#[derive(Clone, Debug, PartialEq)]
struct Selected {
    program: String,
    survey: String,
}

#[component]
fn Overview(token: String, signed_in: RwSignal<Option<String>>) -> impl IntoView {
    let token = StoredValue::new(token);
    let programs = LocalResource::new(move || {
        let t = token.get_value();
        async move { api::programs(&t).await }
    });
    let selected = RwSignal::new(None::<Selected>);
    let sign_out = move |_| {
        storage::remove(&Key::PlannerToken);
        signed_in.set(None);
    };
    // A token that stopped working (server restarted with a new one) sends the planner back.
    Effect::new(move |_| {
        if let Some(Err(e)) = programs.get()
            && e.status() == Some(401)
        {
            storage::remove(&Key::PlannerToken);
            signed_in.set(None);
        }
    });
    let list = move || {
        programs.get().map(|r| match r {
            Ok(list) if list.is_empty() => view! { <p>{t(Msg::NoPrograms)}</p> }.into_any(),
            Ok(list) => list
                .into_iter()
                .map(|p| view! { <ProgramCard program=p selected=selected token=token.get_value() /> })
                .collect_view()
                .into_any(),
            Err(e) => load_failed(e, move || programs.refetch()).into_any(),
        })
    };
    view! {
        <div class="planner-grid">
            <div class="toolbar">
                <h1>{t(Msg::PlannerTitle)}</h1>
                <button type="button" class="secondary" on:click=move |_| programs.refetch()>{t(Msg::Refresh)}</button>
                <button type="button" class="secondary" on:click=sign_out>{t(Msg::SignOut)}</button>
            </div>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(Msg::Loading)}</p> }>
                {list}
            </Suspense>
            {move || selected.get().map(|s| view! {
                <ResultsPanel token=token.get_value() program=s.program survey=s.survey />
            })}
        </div>
    }
}

/// The message for a failed load (what failed, in the planner's language), with a retry button.
pub fn load_failed(e: ApiError, retry: impl Fn() + 'static) -> impl IntoView {
    leptos::logging::warn!("load failed: {e:?}");
    let why = crate::errors::message(&e);
    view! {
        <div class="card notice" role="alert">
            <p>{t(Msg::LoadFailed)}" "{t(why)}</p>
            <button type="button" class="secondary" on:click=move |_| retry()>{t(Msg::Retry)}</button>
        </div>
    }
}

#[component]
fn ProgramCard(
    program: ProgramOverview,
    selected: RwSignal<Option<Selected>>,
    token: String,
) -> impl IntoView {
    let lang = use_lang();
    let token = StoredValue::new(token);
    let heading_id = format!("program-{}", program.id);
    let heading_for_h2 = heading_id.clone();
    let rows = program
        .surveys
        .into_iter()
        .map(|s| {
            let pick = Selected {
                program: program.id.clone(),
                survey: s.survey_id.clone(),
            };
            let rate = s.response_rate().map(|r| format!("{r}%"));
            let title = s.title.clone();
            let (program_id, survey_id) = (program.id.clone(), s.survey_id.clone());
            let file_name = format!("{}-{}-invitations.csv", program.id, s.survey_id);
            let download = move |_| {
                let (program_id, survey_id) = (program_id.clone(), survey_id.clone());
                let (file, t) = (file_name.clone(), token.get_value());
                leptos::task::spawn_local(async move {
                    // Dutch Excel opens semicolon-separated files by double-click.
                    let csv = api::invitations_csv(&t, &program_id, &survey_id, CsvDelimiter::Semicolon);
                    if let Ok(csv) = csv.await {
                        crate::dom::download(&file, &csv, "text/csv;charset=utf-8");
                    }
                });
            };
            view! {
                <tr>
                    <th scope="row" data-survey=s.survey_id.clone()>
                        {move || title.get(lang.get()).to_string()}
                        {s.anonymous.then(|| view! { <span class="muted">" ("{t(Msg::Anonymous)}")"</span> })}
                    </th>
                    <td class="num">{s.version}</td>
                    <td class="num" data-cell="invitations">{s.invitations}</td>
                    <td class="num" data-cell="responses">{s.responses}</td>
                    <td class="num" data-cell="rate">{rate.unwrap_or_else(|| "—".into())}</td>
                    <td>
                        <div class="toolbar">
                            <button type="button" class="secondary" on:click=move |_| selected.set(Some(pick.clone()))>
                                {t(Msg::ShowResults)}
                            </button>
                            <button type="button" class="secondary" on:click=download>{t(Msg::DownloadInvitations)}</button>
                        </div>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby=heading_id>
            <h2 id=heading_for_h2>{program.name}</h2>
            <table>
                <caption class="visually-hidden">{t(Msg::Surveys)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::Surveys)}</th>
                        <th scope="col" class="num">{t(Msg::Version)}</th>
                        <th scope="col" class="num">{t(Msg::Invitations)}</th>
                        <th scope="col" class="num">{t(Msg::Responses)}</th>
                        <th scope="col" class="num">{t(Msg::ResponseRate)}</th>
                        <th scope="col"><span class="visually-hidden">{t(Msg::ShowResults)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
