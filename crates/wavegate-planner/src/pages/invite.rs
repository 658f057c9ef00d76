//! `/planner/programs/{program}/invite?wave=…&{attribute}=…`: inviting one group of the roster
//! to a survey, the group filled in from the address (the readiness dashboard's actions link
//! here). Choose the survey (its kind of link follows from it); the server makes the links.

use super::group_address::{GroupPage, group_of};
use super::{links, param};
use crate::components::group_choice::{GroupRequest, InviteTo, LinkKindNote};
use crate::components::notice::load_failed;
use crate::i18n::{Msg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wavegate_core::api::FromRosterResult;
use wavegate_core::i18n::{Text, count};
use wavegate_ui::api::programs;

/// The page.
#[component]
pub fn InvitePage() -> impl IntoView {
    let id = param("program");
    let query = use_query_map();
    let session = Session::get();
    let lang = use_lang();
    let overview = LocalResource::new(move || async move { programs::list().await });
    let survey = RwSignal::new(String::new());
    // The chosen survey's kind of link, once the overview is in.
    let anonymous = Signal::derive(move || {
        overview
            .get()
            .and_then(|r| r.ok())
            .and_then(|all| all.into_iter().find(|p| p.id == id.get()))
            .and_then(|p| p.surveys.into_iter().find(|s| s.survey_id == survey.get()))
            .is_some_and(|s| s.anonymous)
    });
    let request = GroupRequest::<FromRosterResult>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let to = InviteTo {
            program: id.get_untracked(),
            survey: survey.get_untracked(),
            anonymous: anonymous.get_untracked(),
        };
        let group = group_of(&query.get_untracked(), &[]);
        request.invite(session, lang.get_untracked(), to, group, None);
    };
    let form = move || {
        overview.get().map(|r| match r {
            Ok(list) => {
                let surveys: Vec<(String, Text)> = list
                    .into_iter()
                    .find(|p| p.id == id.get_untracked())
                    .map(|p| p.surveys.into_iter().map(|s| (s.survey_id, s.title)).collect())
                    .unwrap_or_default();
                if surveys.is_empty() {
                    return view! {
                        <p>{t(Msg::NoSurveyYet)}" "<a href=links::surveys(&id.get_untracked())>{t(Msg::TabSurveys)}</a></p>
                    }
                    .into_any();
                }
                if survey.get_untracked().is_empty() {
                    survey.set(surveys[0].0.clone());
                }
                // Named by its title, as the surveys page names it.
                let options = surveys
                    .into_iter()
                    .map(|(s, title)| view! { <option value=s>{move || title.get(lang.get()).to_string()}</option> })
                    .collect_view();
                view! {
                    <form on:submit=submit novalidate>
                        <fieldset class="plain" aria-labelledby=super::group_address::GROUP_PAGE_TITLE disabled=move || !session.can_change()>
                            <div class="field">
                                <label for="invite-survey">{t(Msg::Survey)}</label>
                                <select id="invite-survey" prop:value=move || survey.get()
                                    on:change=move |ev| survey.set(event_target_value(&ev))>{options}</select>
                            </div>
                            <LinkKindNote anonymous=anonymous />
                            <button type="submit" class="primary" disabled=move || request.busy.get()>{t(Msg::CreateInvitations)}</button>
                        </fieldset>
                    </form>
                }
                .into_any()
            }
            Err(e) => load_failed(e, move || overview.refetch()).into_any(),
        })
    };
    let outcome = move || {
        request.result.get().map(|r| {
            let anonymous_link = r.links.first().map(|l| l.url.clone());
            let survey_page = links::survey(&id.get_untracked(), &survey.get_untracked());
            view! {
                <div id="invite-result" class="banner banner-ok" role="status" tabindex="-1">
                    <p>{move || fill(Msg::Invited, lang.get(), &[
                        ("people", count(r.people, lang.get())),
                        ("created", count(r.created, lang.get())),
                        ("existing", count(r.existing, lang.get())),
                    ])}</p>
                    {anonymous_link.map(|url| view! { <p>{t(Msg::AnonymousLink)}" "<code class="link">{url}</code></p> })}
                    <p><a href=survey_page>{t(Msg::OpenSurvey)}</a></p>
                </div>
            }
        })
    };
    view! {
        <GroupPage program=id title=Msg::InvitePageTitle heading_id="invite-group"
            group=Signal::derive(move || group_of(&query.get(), &[])) hint=Msg::InvitePageHint form=form>
            {request.failure()}
            {outcome}
        </GroupPage>
    }
}
