//! `/planner/programs/{program}/surveys/{survey}`: inviting a wave or segment of the roster,
//! the mail-merge file of the links, response rates per wave and segment, and the way to the
//! results (a page of their own).

use super::{ProgramNav, Tab, links, param};
use crate::components::download::DownloadButton;
use crate::components::group_choice::{GroupFields, group_choice};
use crate::components::notice::{Failure, load_failed};
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wavegate_core::api::{
    CsvDelimiter, ErrorCode, FromRosterResult, InvitationKind, InvitationsFormat,
    InvitationsFromRoster, InvitationsQuery, SurveyRates,
};
use wavegate_ui::api::{ApiError, invitations, programs, surveys};

/// Inviting people from the roster.
#[component]
fn Invite(program: Memo<String>, survey: Memo<String>, invited: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let detail = LocalResource::new(move || {
        let id = program.get();
        async move { programs::get(&id).await }
    });
    let wave = RwSignal::new(String::new());
    let attribute = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let anonymous = RwSignal::new(false);
    let result = RwSignal::new(None::<FromRosterResult>);
    let failed = RwSignal::new(None::<ApiError>);
    let refusal = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, v) = (
            attribute.get_untracked(),
            value.get_untracked().trim().to_string(),
        );
        let segment: BTreeMap<String, String> = if a.is_empty() || v.is_empty() {
            BTreeMap::new()
        } else {
            BTreeMap::from([(a, v)])
        };
        let w = wave.get_untracked();
        let body = InvitationsFromRoster {
            wave: (!w.is_empty()).then_some(w),
            segment,
            kind: if anonymous.get_untracked() {
                InvitationKind::Anonymous
            } else {
                InvitationKind::Personal
            },
            expires_on: None,
        };
        busy.set(true);
        failed.set(None);
        refusal.set(None);
        let (csrf, p, s, l) = (
            session.csrf(),
            program.get_untracked(),
            survey.get_untracked(),
            lang.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            match invitations::from_roster(&csrf, &p, &s, &body, l).await {
                Ok(r) => {
                    result.set(Some(r));
                    invited.notify();
                    wavegate_ui::dom::focus_id("invite-result");
                }
                // The server says why in the request's language: which wave, segment or size.
                Err(e) if e.code() == Some(ErrorCode::InvalidSelection) => {
                    refusal.set(e.server_message().map(str::to_string));
                    failed.set(Some(e));
                }
                Err(e) => failed.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let choices = move || {
        detail
            .get()
            .and_then(|r| r.ok())
            .and_then(|d| d.program)
            .map(|p| {
                group_choice(
                    &p,
                    "invite",
                    GroupFields {
                        wave,
                        attribute,
                        value,
                    },
                )
            })
    };
    let outcome = move || {
        result.get().map(|r| {
            let anonymous_link = r.links.first().map(|l| l.url.clone());
            view! {
                <div id="invite-result" class="banner banner-ok" role="status" tabindex="-1">
                    <p>{move || fill(Msg::Invited, lang.get(), &[
                        ("people", r.people.to_string()),
                        ("created", r.created.to_string()),
                        ("existing", r.existing.to_string()),
                    ])}</p>
                    {anonymous_link.map(|url| view! {
                        <p>{t(Msg::AnonymousLink)}" "<code class="link">{url}</code></p>
                    })}
                </div>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="invite-title">
            <h2 id="invite-title">{t(Msg::InviteTitle)}</h2>
            <p class="muted">{t(Msg::InviteHint)}</p>
            <form on:submit=submit novalidate>
                <fieldset class="plain" disabled=move || !session.can_change()>
                    <legend class="visually-hidden">{t(Msg::InviteTitle)}</legend>
                    <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                        {choices}
                    </Suspense>
                    <fieldset class="choice">
                        <legend>{t(Msg::LinkKind)}</legend>
                        <label class="option"><input type="radio" name="invite-kind" prop:checked=move || !anonymous.get()
                            on:change=move |_| anonymous.set(false) />{t(Msg::PersonalLinks)}</label>
                        <label class="option"><input type="radio" name="invite-kind" prop:checked=move || anonymous.get()
                            on:change=move |_| anonymous.set(true) />{t(Msg::AnonymousLinkKind)}</label>
                    </fieldset>
                    <button type="submit" class="primary" disabled=move || busy.get()>{t(Msg::CreateInvitations)}</button>
                </fieldset>
            </form>
            <Failure error=failed />
            {move || refusal.get().map(|m| view! { <p class="refusal-detail">{m}</p> })}
            {outcome}
        </section>
    }
}

/// Response rates per wave and segment, small groups suppressed by the server.
#[component]
fn Rates(program: Memo<String>, survey: Memo<String>, invited: Trigger) -> impl IntoView {
    let lang = use_lang();
    let rates = LocalResource::new(move || {
        invited.track();
        let (p, s) = (program.get(), survey.get());
        async move { surveys::rates(&p, &s).await }
    });
    let table = move |r: SurveyRates| {
        let overall = match r.rate {
            Some(rate) => fill(
                Msg::RateOverall,
                lang.get(),
                &[
                    ("responses", r.responses.to_string()),
                    ("invitations", r.invitations.to_string()),
                    ("rate", rate.to_string()),
                ],
            ),
            None => fill(
                Msg::ResponsesOnly,
                lang.get(),
                &[("responses", r.responses.to_string())],
            ),
        };
        let any_suppressed = r.groups.iter().any(|g| g.suppressed);
        let dash = || "—".to_string();
        view! {
            <p>{overall}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="rates-title">
                <table class="rates">
                    <thead><tr>
                        <th scope="col">{t(Msg::Group)}</th>
                        <th scope="col" class="num">{t(Msg::InvitedCol)}</th>
                        <th scope="col" class="num">{t(Msg::RespondedCol)}</th>
                        <th scope="col" class="num">{t(Msg::RateCol)}</th>
                    </tr></thead>
                    <tbody>
                        {r.groups.into_iter().map(|g| view! {
                            <tr data-group=format!("{}={}", g.attribute, g.value)>
                                <th scope="row">{format!("{}: {}", g.attribute, g.value)}</th>
                                <td class="num">{g.invited.map(|n| n.to_string()).unwrap_or_else(dash)}</td>
                                <td class="num">{g.responded.map(|n| n.to_string()).unwrap_or_else(dash)}</td>
                                <td class="num">{g.rate.map(|n| format!("{n}%")).unwrap_or_else(dash)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {any_suppressed.then(|| view! { <p class="muted suppressed-note">{t(Msg::RatesSuppressed)}</p> })}
        }
    };
    let body = move || {
        rates.get().map(|r| match r {
            Ok(r) => table(r).into_any(),
            Err(e) => load_failed(e, move || rates.refetch()).into_any(),
        })
    };
    view! {
        <section class="card" aria-labelledby="rates-title">
            <h2 id="rates-title">{t(Msg::RatesTitle)}</h2>
            <p class="muted">{t(Msg::RatesNote)}</p>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {body}
            </Suspense>
        </section>
    }
}

/// The page.
#[component]
pub fn SurveyPage() -> impl IntoView {
    let program = param("program");
    let survey = param("survey");
    let invited = Trigger::new();
    // What Excel and Word on a Dutch Windows open by double-click: semicolons and the UTF-8
    // byte-order mark, saved byte for byte.
    let mail_merge = move || {
        let (p, s) = (program.get_untracked(), survey.get_untracked());
        let query = InvitationsQuery {
            format: Some(InvitationsFormat::Csv),
            delimiter: Some(CsvDelimiter::Semicolon),
            bom: Some(true),
        };
        async move { invitations::mail_merge(&p, &s, query).await }
    };
    view! {
        <ProgramNav program=program current=Tab::Surveys />
        <h1>{move || survey.get()}</h1>
        <Invite program=program survey=survey invited=invited />
        <section class="card" aria-labelledby="links-title">
            <h2 id="links-title">{t(Msg::LinksTitle)}</h2>
            <p class="muted">{t(Msg::LinksHint)}</p>
            <DownloadButton label=Msg::DownloadInvitations fetch=mail_merge fallback="invitations.csv" />
        </section>
        <Rates program=program survey=survey invited=invited />
        <section class="card" aria-labelledby="results-link-title">
            <h2 id="results-link-title">{t(Msg::ResultsTitle)}</h2>
            <p class="muted">{t(Msg::ResultsHint)}</p>
            <p><a class="button primary" href=move || links::results(&program.get(), &survey.get())>{t(Msg::ViewResults)}</a></p>
        </section>
    }
}
