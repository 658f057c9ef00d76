//! One planned message of the plan: its subject, target group, channel, owner and purpose, its
//! planned and sent days, its reach as a sentence (or why it has none) and its note; for
//! planners the ways to change it, mark it sent (with a day) and delete it after a
//! confirmation.

use super::form::MessageFields;
use crate::components::delete_question::DeleteQuestion;
use crate::components::notice::Failure;
use crate::i18n::{Msg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{MessageProblems, PlannedMessage};
use wavegate_core::comms::{MessageError, text};
use wavegate_core::i18n::long_date;
use wavegate_core::readiness::program::Wave;
use wavegate_ui::api::{ApiError, comms};

/// What the plan's items share: which confirmation is open, what was last done (the status to
/// announce), a failure, and the trigger that reloads the plan.
#[derive(Clone, Copy)]
pub struct PlanState {
    /// The message whose delete confirmation is shown.
    pub confirming: RwSignal<Option<u64>>,
    /// A request is under way.
    pub busy: RwSignal<bool>,
    /// Why the last request failed, and the message it was about: shown there only, not
    /// under every message of the plan (each a `role="alert"` read out again).
    pub failure: RwSignal<Option<ApiError>>,
    pub failed_on: RwSignal<Option<u64>>,
    /// What was just done.
    pub status: RwSignal<Option<Msg>>,
    /// Reloads the plan.
    pub changed: Trigger,
}

impl PlanState {
    /// Nothing open, nothing done.
    pub fn new(changed: Trigger) -> PlanState {
        PlanState {
            confirming: RwSignal::new(None),
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
            failed_on: RwSignal::new(None),
            status: RwSignal::new(None),
            changed,
        }
    }

    /// The request about message `id` failed with `e`.
    fn fail_on(self, id: u64, e: ApiError) {
        self.failed_on.set(Some(id));
        self.failure.set(Some(e));
    }

    fn done(self, msg: Msg) {
        self.status.set(Some(msg));
        self.changed.notify();
        request_animation_frame(|| wavegate_ui::dom::focus_id("plan-status"));
    }
}

/// The note as lines: each line a text node (never HTML), line breaks kept.
fn note_lines(note: &str) -> impl IntoView + use<> {
    let lines: Vec<String> = note.split('\n').map(String::from).collect();
    let last = lines.len().saturating_sub(1);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| view! { {line}{(i < last).then(|| view! { <br /> })} })
        .collect_view()
}

/// Why the server refused to mark a message sent, split by where each problem is shown: the
/// sent day's at its field, every other (a wave the program has lost since, an owner too
/// long by newer rules) on the message itself, as marking sent changes nothing else of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Refusal {
    /// About the sent day.
    day: Option<MessageError>,
    /// About the rest of the message, in the form's order.
    rest: Vec<MessageError>,
}

impl Refusal {
    /// The problems of a refusal that name the core's rules; `None` for any other failure.
    fn of(e: &ApiError) -> Option<Refusal> {
        let problems = e.details::<MessageProblems>()?;
        let mut refusal = Refusal::default();
        for p in problems.all() {
            match MessageError::from_code(&p.code) {
                Some(e) if e.field() == MessageError::SentInFuture.field() => {
                    refusal.day.get_or_insert(e);
                }
                Some(e) if !refusal.rest.contains(&e) => refusal.rest.push(e),
                _ => {}
            }
        }
        (refusal.day.is_some() || !refusal.rest.is_empty()).then_some(refusal)
    }
}

/// Marking an unsent message sent, on a day (today unless changed).
fn mark_sent(m: &PlannedMessage, program: Memo<String>, plan: PlanState) -> impl IntoView + use<> {
    let session = Session::get();
    let lang = use_lang();
    let id = m.id;
    let today = wavegate_ui::dom::utc_today();
    let day = RwSignal::new(today.map(|d| d.to_string()).unwrap_or_default());
    let refused = RwSignal::new(Refusal::default());
    let body = m.body();
    let input_id = format!("message-{id}-sent");
    let error_id = format!("message-{id}-sent-error");
    let rest_id = format!("message-{id}-refused");
    // The day's problem is read out by its field; the rest by the message's own notice.
    let show = move |refusal: Refusal| {
        let target = if refusal.day.is_some() {
            format!("message-{id}-sent")
        } else {
            format!("message-{id}-refused")
        };
        refused.set(refusal);
        wavegate_ui::dom::focus_id_soon(target);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        plan.failure.set(None);
        let sent_on = day.get_untracked().parse().ok();
        if sent_on.is_none() || sent_on > today {
            return show(Refusal {
                day: Some(MessageError::SentInFuture),
                rest: Vec::new(),
            });
        }
        refused.set(Refusal::default());
        let mut body = body.clone();
        body.sent_on = sent_on;
        let (csrf, pid, l) = (
            session.csrf(),
            program.get_untracked(),
            lang.get_untracked(),
        );
        plan.busy.set(true);
        leptos::task::spawn_local(async move {
            let result = comms::update(&csrf, &pid, id, &body, l).await;
            plan.busy.set(false);
            match result {
                Ok(_) => plan.done(Msg::MessageMarkedSent),
                Err(e) => match Refusal::of(&e) {
                    Some(refusal) => show(refusal),
                    None => plan.fail_on(id, e),
                },
            }
        });
    };
    let day_problem = move || refused.with(|r| r.day);
    let error = {
        let error_id = error_id.clone();
        move || {
            day_problem().map(|p| {
                view! { <p id=error_id.clone() class="form-error" role="alert">{move || p.message(lang.get())}</p> }
            })
        }
    };
    let rest = move || {
        let rest = refused.with(|r| r.rest.clone());
        (!rest.is_empty()).then(|| {
            let items = rest
                .into_iter()
                .map(|p| view! { <li>{move || p.message(lang.get())}</li> })
                .collect_view();
            view! {
                <div id=rest_id.clone() class="form-error message-refused" role="alert" tabindex="-1">
                    <p>{t(Msg::MarkSentRefused)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    };
    view! {
        <form class="mark-sent" on:submit=submit novalidate>
            <div class="field">
                <label for=input_id.clone()>{t(Msg::MarkSentDate)}</label>
                <input id=input_id type="date" prop:value=move || day.get()
                    aria-invalid=move || day_problem().map(|_| "true")
                    aria-describedby=move || day_problem().map(|_| error_id.clone())
                    on:input=move |ev| day.set(event_target_value(&ev))
                    on:change=move |ev| day.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="secondary" disabled=move || plan.busy.get()>{t(Msg::MarkSent)}</button>
        </form>
        {error}
        {rest}
    }
}

/// A planner's controls of a message: edit, mark sent, delete (after a confirmation).
fn controls(
    m: &PlannedMessage,
    program: Memo<String>,
    plan: PlanState,
    fields: MessageFields,
) -> impl IntoView + use<> {
    let session = Session::get();
    let id = m.id;
    let editable = m.clone();
    let edit = move |_| {
        fields.edit(&editable);
        request_animation_frame(|| wavegate_ui::dom::focus_id("plan-message-title"));
    };
    let confirm = move |_| {
        let (csrf, pid) = (session.csrf(), program.get_untracked());
        plan.busy.set(true);
        plan.failure.set(None);
        leptos::task::spawn_local(async move {
            let result = comms::delete(&csrf, &pid, id).await;
            plan.busy.set(false);
            plan.confirming.set(None);
            match result {
                Ok(()) => plan.done(Msg::MessageDeleted),
                Err(e) => plan.fail_on(id, e),
            }
        });
    };
    let cancel = move |_| {
        plan.confirming.set(None);
        // After the redraw: until then the button is still disabled and cannot take focus.
        wavegate_ui::dom::focus_id_soon(format!("message-{id}-delete"));
    };
    let ask = move |_| {
        plan.status.set(None);
        plan.confirming.set(Some(id));
        request_animation_frame(move || {
            wavegate_ui::dom::focus_id(&format!("message-{id}-confirm-title"))
        });
    };
    let confirmation = move || {
        (plan.confirming.get() == Some(id)).then(|| {
            view! {
                <DeleteQuestion title_id=format!("message-{id}-confirm-title")
                    title=Msg::ConfirmDeleteMessageTitle text=Msg::ConfirmDeleteMessageText
                    confirm=Msg::ConfirmDeleteMessage busy=plan.busy
                    on_confirm=Callback::new(confirm) on_cancel=Callback::new(cancel) />
            }
        })
    };
    let unsent = m.sent_on.is_none().then(|| mark_sent(m, program, plan));
    view! {
        {unsent}
        <div class="button-row">
            <button type="button" class="secondary" id=format!("message-{id}-edit")
                aria-describedby=format!("message-{id}-subject") on:click=edit>{t(Msg::EditMessage)}</button>
            <button type="button" class="secondary" id=format!("message-{id}-delete")
                aria-describedby=format!("message-{id}-subject")
                disabled=move || plan.confirming.get().is_some()
                on:click=ask>{t(Msg::DeleteMessage)}</button>
        </div>
        {confirmation}
        {move || (plan.failed_on.get() == Some(id)).then(|| view! { <Failure error=plan.failure /> })}
    }
}

/// One message of the plan.
pub fn message_item(
    m: PlannedMessage,
    program: Memo<String>,
    waves: Signal<Vec<Wave>>,
    plan: PlanState,
    fields: MessageFields,
) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let id = m.id;
    let body = m.body();
    let group = {
        let body = body.clone();
        move || waves.with(|w| text::group(&body, w, lang.get()))
    };
    let (channel, purpose, owner) = (m.channel.label(), m.purpose.label(), m.owner.clone());
    let facts = move || {
        let l = lang.get();
        fill(
            Msg::MessageFacts,
            l,
            &[
                ("channel", channel.get(l).to_string()),
                ("owner", owner.clone()),
                ("purpose", purpose.get(l).to_string()),
            ],
        )
    };
    let (planned_on, sent_on) = (m.planned_on, m.sent_on);
    let when = move || {
        let l = lang.get();
        let planned = fill(Msg::PlannedOn, l, &[("date", long_date(planned_on, l))]);
        let sent = match sent_on {
            Some(d) => fill(Msg::SentOn, l, &[("date", long_date(d, l))]),
            None => Msg::NotSentYet.text(l).to_string(),
        };
        format!("{planned} · {sent}")
    };
    let (reach, purpose_of) = (m.reach.clone(), m.purpose);
    let reach_text = move || text::reach(&reach, purpose_of, lang.get());
    let (who, at) = (m.created_by.clone(), m.created_at.clone());
    let by = move || {
        let when = wavegate_ui::dom::written_time(&at, lang.get());
        fill(
            Msg::MessagePlannedBy,
            lang.get(),
            &[("who", who.clone()), ("when", when)],
        )
    };
    let note =
        (!m.note.is_empty()).then(|| view! { <p class="message-note">{note_lines(&m.note)}</p> });
    let controls = session
        .can_change()
        .then(|| controls(&m, program, plan, fields));
    view! {
        <li class="message" data-message=id.to_string() data-sent=m.sent_on.is_some().to_string()
            data-reach=reach_status(&m)>
            <h3 id=format!("message-{id}-subject")>{m.subject.clone()}</h3>
            <p><strong>{t(Msg::MessageGroup)}": "</strong>{group}</p>
            <p>{facts}</p>
            <p>{when}</p>
            <p class="reach"><span>{t(Msg::ReachLabel)}": "</span>{reach_text}</p>
            {note}
            <p class="muted">{by}</p>
            {controls}
        </li>
    }
}

/// The reach's status as the API names it, for tests and styles.
fn reach_status(m: &PlannedMessage) -> String {
    serde_json::to_value(&m.reach)
        .ok()
        .and_then(|v| v.get("status").and_then(|s| s.as_str()).map(String::from))
        .unwrap_or_default()
}
