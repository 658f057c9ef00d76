//! The planner's pages: sign in with e-mail and password, see programs, surveys and results.

use crate::api::{self, ApiError};
use crate::components::results::ResultsPanel;
use crate::i18n::{Msg, t, use_lang};
use leptos::prelude::*;
use wavegate_core::api::{CsvDelimiter, ErrorCode, ProgramOverview, SessionInfo};

/// Whether the app knows yet who is signed in: it asks the server once on load (the session is
/// an HttpOnly cookie the app cannot read).
#[derive(Clone, Debug, PartialEq)]
enum SignedIn {
    Unknown,
    No,
    Yes(SessionInfo),
}

/// `/planner`: the sign-in form, or the overview once signed in.
#[component]
pub fn PlannerPage() -> impl IntoView {
    let session = RwSignal::new(SignedIn::Unknown);
    leptos::task::spawn_local(async move {
        session.set(match api::session().await {
            Ok(info) => SignedIn::Yes(info),
            Err(_) => SignedIn::No,
        });
    });
    view! {
        {move || match session.get() {
            SignedIn::Unknown => view! { <p class="status" role="status">{t(Msg::Loading)}</p> }.into_any(),
            SignedIn::No => view! { <SignIn session=session /> }.into_any(),
            SignedIn::Yes(info) => view! { <Overview info=info session=session /> }.into_any(),
        }}
    }
}

#[component]
fn SignIn(session: RwSignal<SignedIn>) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // Why signing in failed: wrong e-mail or password, too many attempts, or the call failing.
    let failed = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (e, p) = (
            email.get_untracked().trim().to_string(),
            password.get_untracked(),
        );
        if e.is_empty() || p.is_empty() {
            failed.set(Some(Msg::SignInFailed));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::sign_in(&e, &p).await;
            busy.set(false);
            match result {
                Ok(info) => {
                    failed.set(None);
                    session.set(SignedIn::Yes(info));
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
                    <label for="planner-email">{t(Msg::EmailLabel)}</label>
                    <input id="planner-email" type="email" autocomplete="username"
                        aria-invalid=move || failed.get().map(|_| "true")
                        aria-describedby="signin-error"
                        on:input=move |ev| email.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="planner-password">{t(Msg::PasswordLabel)}</label>
                    <input id="planner-password" type="password" autocomplete="current-password"
                        aria-invalid=move || failed.get().map(|_| "true")
                        aria-describedby="signin-error"
                        on:input=move |ev| password.set(event_target_value(&ev)) />
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
fn Overview(info: SessionInfo, session: RwSignal<SignedIn>) -> impl IntoView {
    let csrf = StoredValue::new(info.csrf_token);
    let programs = LocalResource::new(move || async move { api::programs().await });
    let selected = RwSignal::new(None::<Selected>);
    let sign_out = move |_| {
        let c = csrf.get_value();
        leptos::task::spawn_local(async move {
            // Signed out locally whatever the server says: the cookie is cleared or expires.
            let _ = api::sign_out(&c).await;
            session.set(SignedIn::No);
        });
    };
    // A session that ended (expired, revoked) sends the planner back to sign in.
    Effect::new(move |_| {
        if let Some(Err(e)) = programs.get()
            && e.code() == Some(ErrorCode::Unauthorized)
        {
            session.set(SignedIn::No);
        }
    });
    let list = move || {
        programs.get().map(|r| match r {
            Ok(list) if list.is_empty() => view! { <p>{t(Msg::NoPrograms)}</p> }.into_any(),
            Ok(list) => list
                .into_iter()
                .map(|p| view! { <ProgramCard program=p selected=selected /> })
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
                <ResultsPanel program=s.program survey=s.survey />
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
fn ProgramCard(program: ProgramOverview, selected: RwSignal<Option<Selected>>) -> impl IntoView {
    let lang = use_lang();
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
                let file = file_name.clone();
                leptos::task::spawn_local(async move {
                    // Dutch Excel opens semicolon-separated files by double-click.
                    let csv = api::invitations_csv(&program_id, &survey_id, CsvDelimiter::Semicolon);
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
