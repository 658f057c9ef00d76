//! `/planner/programs/{program}/surveys/{survey}`: inviting a wave or segment of the roster,
//! the mail-merge file of the links, response rates per wave and segment, reminders for those
//! who have not answered, revoking links, and the way to the results (a page of their own).

use super::{ProgramNav, Tab, links, param};
use crate::components::download::DownloadButton;
use crate::components::group_choice::{
    GroupFields, GroupPicker, GroupRequest, InviteTo, LinkKindNote,
};
use crate::components::notice::load_failed;
use crate::components::reminders::Reminders;
use crate::components::revoke::Revoke;
use crate::components::wave_choice::group_value;
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{
    CsvDelimiter, FromRosterResult, InvitationsFormat, InvitationsQuery, SurveyRates,
};
use wavegate_core::i18n::count;
use wavegate_core::readiness::text;
use wavegate_ui::api::{invitations, programs, surveys};

/// Inviting people from the roster.
#[component]
fn Invite(
    program: Memo<String>,
    survey: Memo<String>,
    anonymous: Signal<bool>,
    invited: Trigger,
) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let group = GroupFields::new();
    let request = GroupRequest::<FromRosterResult>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let to = InviteTo {
            program: program.get_untracked(),
            survey: survey.get_untracked(),
            anonymous: anonymous.get_untracked(),
        };
        request.invite(
            session,
            lang.get_untracked(),
            to,
            group.chosen(),
            Some(invited),
        );
    };
    let outcome = move || {
        request.result.get().map(|r| {
            let anonymous_link = r.links.first().map(|l| l.url.clone());
            view! {
                <div id="invite-result" class="banner banner-ok" role="status" tabindex="-1">
                    <p>{move || fill(Msg::Invited, lang.get(), &[
                        ("people", count(r.people, lang.get())),
                        ("created", count(r.created, lang.get())),
                        ("existing", count(r.existing, lang.get())),
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
                <fieldset class="plain" aria-labelledby="invite-title" disabled=move || !session.can_change()>
                    <GroupPicker program=program prefix="invite" fields=group />
                    <LinkKindNote anonymous=anonymous />
                    <button type="submit" class="primary" disabled=move || request.busy.get()>{t(Msg::CreateInvitations)}</button>
                </fieldset>
            </form>
            {request.failure()}
            {outcome}
        </section>
    }
}

/// Response rates per wave and segment, small groups suppressed by the server.
#[component]
pub fn Rates(program: Memo<String>, survey: Memo<String>, invited: Trigger) -> impl IntoView {
    let lang = use_lang();
    let rates = LocalResource::new(move || {
        invited.track();
        let (p, s) = (program.get(), survey.get());
        async move { surveys::rates(&p, &s).await }
    });
    // The program's waves, so a wave's row names it as the invitation form above does.
    let detail = LocalResource::new(move || {
        let p = program.get();
        async move { programs::get(&p).await }
    });
    let table = move |r: SurveyRates| {
        let waves = detail
            .get()
            .and_then(|d| d.ok())
            .and_then(|d| d.program)
            .map(|p| p.waves)
            .unwrap_or_default();
        let overall = match r.rate {
            Some(rate) => fill(
                Msg::RateOverall,
                lang.get(),
                &[
                    ("responses", count(r.responses, lang.get())),
                    ("invitations", count(r.invitations, lang.get())),
                    ("rate", rate.to_string()),
                ],
            ),
            None => fill(
                Msg::ResponsesOnly,
                lang.get(),
                &[("responses", count(r.responses, lang.get()))],
            ),
        };
        let any_suppressed = r.groups.iter().any(|g| g.suppressed);
        let dash = || "—".to_string();
        view! {
            <p>{overall}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || crate::i18n::table_label(Msg::RatesTitle, lang.get())>
                <table class="rates stack">
                    <thead><tr>
                        <th scope="col">{t(Msg::Group)}</th>
                        <th scope="col" class="num">{t(Msg::InvitedCol)}</th>
                        <th scope="col" class="num">{t(Msg::RespondedCol)}</th>
                        <th scope="col" class="num">{t(Msg::RateCol)}</th>
                    </tr></thead>
                    <tbody>
                        {r.groups.into_iter().map(|g| {
                            let (attribute, value) = (g.attribute.clone(), group_value(&g.attribute, &g.value, &waves));
                            let label = move || format!("{}: {value}", text::attribute(&attribute, lang.get()));
                            // Counts as the page writes them everywhere (`12.000` in Dutch).
                            let number = move |n: Option<u64>| n.map(|n| count(n, lang.get())).unwrap_or_else(dash);
                            let (invited, responded) = (g.invited, g.responded);
                            view! {
                            <tr data-group=format!("{}={}", g.attribute, g.value)>
                                <th scope="row">{label}</th>
                                <td class="num" data-label=t(Msg::InvitedCol)>{move || number(invited)}</td>
                                <td class="num" data-label=t(Msg::RespondedCol)>{move || number(responded)}</td>
                                <td class="num" data-label=t(Msg::RateCol)>{g.rate.map(|n| format!("{n}%")).unwrap_or_else(dash)}</td>
                            </tr>
                        }
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
    // The survey's title in the page's language, once the overview has it; its id till then.
    let lang = use_lang();
    let overview = LocalResource::new(programs::list);
    let this_survey = move || {
        let (p, s) = (program.get(), survey.get());
        overview
            .get()
            .and_then(|r| r.ok())
            .and_then(|all| all.into_iter().find(|x| x.id == p))
            .and_then(|x| x.surveys.into_iter().find(|x| x.survey_id == s))
    };
    let title = move || this_survey().map_or(survey.get(), |x| x.title.get(lang.get()).to_string());
    let anonymous = Signal::derive(move || this_survey().is_some_and(|x| x.anonymous));
    view! {
        <ProgramNav program=program current=Tab::Surveys title=Signal::derive(title) />
        <h1>{title}</h1>
        <Invite program=program survey=survey anonymous=anonymous invited=invited />
        <section class="card" aria-labelledby="links-title">
            <h2 id="links-title">{t(Msg::LinksTitle)}</h2>
            <p class="muted">{t(Msg::LinksHint)}</p>
            {move || if Session::get().can_change() {
                view! { <DownloadButton label=Msg::DownloadInvitations fetch=mail_merge fallback="invitations.csv" /> }.into_any()
            } else {
                view! { <p class="muted">{t(Msg::ViewerNoLinks)}</p> }.into_any()
            }}
        </section>
        <Rates program=program survey=survey invited=invited />
        <Reminders program=program survey=survey changed=invited />
        <Revoke program=program survey=survey changed=invited />
        <section class="card" aria-labelledby="results-link-title">
            <h2 id="results-link-title">{t(Msg::ResultsTitle)}</h2>
            <p class="muted">{t(Msg::ResultsHint)}</p>
            <p><a class="button primary" href=move || links::results(&program.get(), &survey.get())>{t(Msg::ViewResults)}</a></p>
        </section>
    }
}
