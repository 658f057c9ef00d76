//! `/planner/programs/{program}/communications`: the program's communication plan by planned
//! day, each message with its target group, channel, owner, purpose, days and reach; planners
//! plan, change, mark sent and delete messages, viewers read. The readiness dashboard's
//! message actions link here with the group, the purpose and the text filled in
//! (`?wave=…&{attribute}=…&purpose=…&subject=…&note=…`).

mod form;
mod item;

use super::group_address::group_of;
use super::{ProgramNav, Tab, param};
use crate::components::download::{DownloadButton, holds_entries};
use crate::components::notice::load_failed;
use crate::components::wave_choice::wave_choices;
use crate::i18n::{Msg, UiMsg, t, use_lang};
use crate::session::Session;
use form::{MessageFields, MessageForm};
use item::{PlanState, message_item};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wavegate_core::api::{CommsCsvQuery, Purpose};
use wavegate_ui::api::{comms, programs};

/// The page.
#[component]
pub fn CommsPage() -> impl IntoView {
    let program = param("program");
    let session = Session::get();
    let changed = Trigger::new();
    let plan = PlanState::new(changed);
    let fields = MessageFields::new();
    let query = use_query_map();
    // A group and text from the dashboard's "plan this message", filled in once.
    let given = query.get_untracked();
    let (wave, segment) = group_of(&given, &["purpose", "subject", "note"]);
    let (subject, note) = (
        given.get("subject").unwrap_or_default(),
        given.get("note").unwrap_or_default(),
    );
    let purpose = given.get("purpose").and_then(|p| Purpose::parse(&p));
    let from_dashboard = wave.is_some() || !segment.is_empty() || !note.is_empty();
    if from_dashboard {
        fields.prefill(wave, &segment, purpose, subject, note);
    }
    let detail = LocalResource::new(move || {
        let pid = program.get();
        async move { programs::get(&pid).await }
    });
    let list = LocalResource::new(move || {
        changed.track();
        let pid = program.get();
        async move { comms::list(&pid).await }
    });
    let defined = move || detail.get().and_then(|r| r.ok()).and_then(|d| d.program);
    let waves = Signal::derive(move || defined().map(|p| wave_choices(&p)).unwrap_or_default());
    let attributes =
        Signal::derive(move || defined().map(|p| p.split_attributes).unwrap_or_default());
    let program_waves = Signal::derive(move || defined().map(|p| p.waves).unwrap_or_default());
    let body = move || {
        list.get().map(|r| match r {
            Ok(all) if all.is_empty() => view! { <p>{t(Msg::NoMessages)}</p> }.into_any(),
            Ok(all) => view! {
                <ol class="message-list">
                    {all.into_iter().map(|m| message_item(m, program, program_waves, plan, fields)).collect_view()}
                </ol>
            }
            .into_any(),
            Err(e) => load_failed(e, move || list.refetch()).into_any(),
        })
    };
    // In the page's language, as a spreadsheet in that language opens it.
    let lang = use_lang();
    let csv = move || {
        let query = CommsCsvQuery::for_spreadsheet(lang.get_untracked());
        let pid = program.get_untracked();
        async move { comms::csv(&pid, &query).await }
    };
    let status = move || {
        plan.status.get().map(|msg| view! {
            <p id="plan-status" class="banner banner-ok" role="status" tabindex="-1">{t(msg)}</p>
        })
    };
    view! {
        <ProgramNav program=program current=Tab::Comms />
        <h1>{t(Msg::CommsTitle)}</h1>
        <p class="muted">{t(Msg::CommsHint)}</p>
        // Reached from a dashboard action: the way back, as the invite and assign pages have.
        {from_dashboard.then(|| view! {
            <p><a href=move || super::links::readiness(&program.get())>{t(Msg::BackToReadiness)}</a></p>
        })}
        {move || session.can_change().then(|| view! {
            <MessageForm program=program waves=waves attributes=attributes fields=fields changed=changed />
        })}
        <section class="card" aria-labelledby="plan-title">
            <h2 id="plan-title">{t(Msg::CommsPlanTitle)}</h2>
            <DownloadButton label=Msg::DownloadPlan fetch=csv fallback="communications.csv"
                offered=holds_entries(list) />
            {status}
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {body}
            </Suspense>
        </section>
    }
}
