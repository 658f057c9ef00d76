//! Planning a message or changing one: the target group (a wave and up to three split
//! attributes with their values), channel, owner, purpose, planned and sent days, subject and
//! note. The core's rules are checked before sending, and every problem is shown at its field
//! in the page's language at once, the focus on the first field at fault.

use crate::components::notice::Failure;
use crate::components::roster_values::{GroupHolds, ValueField, roster_groups};
use crate::components::wave_choice::{WaveChoice, ids};
use crate::i18n::{Msg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wavegate_core::api::{Channel, MessageProblems, NewMessage, PlannedMessage, Purpose};
use wavegate_core::comms::{MessageError, PlanContext};
use wavegate_core::readiness::program::MAX_SEGMENT_DEPTH;
use wavegate_core::readiness::text;
use wavegate_ui::api::{ApiError, comms};

/// How many attribute rows the form has (the core's deepest segment).
const ROWS: usize = MAX_SEGMENT_DEPTH as usize;

/// What is wrong, at which field: one of the core's rules, or a planned day not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Problem {
    Rule(MessageError),
    PlannedMissing,
}

impl Problem {
    fn field(self) -> &'static str {
        match self {
            Problem::Rule(e) => e.field(),
            Problem::PlannedMissing => "planned_on",
        }
    }

    fn message(self, lang: wavegate_core::i18n::Lang) -> String {
        match self {
            Problem::Rule(e) => e.message(lang),
            Problem::PlannedMissing => Msg::PlannedMissing.text(lang).to_string(),
        }
    }
}

/// The fields with the element a problem of each sends the focus to, in the form's order;
/// the plan as a whole (`""`) last.
const FIELDS: [(&str, &str); 8] = [
    ("wave", "msg-wave"),
    ("segment", "msg-attribute-0"),
    ("owner", "msg-owner"),
    ("planned_on", "msg-planned"),
    ("sent_on", "msg-sent"),
    ("subject", "msg-subject"),
    ("note", "msg-note"),
    ("", "plan-message-title"),
];

/// Where a field stands in the form, so its problems are listed (and focused) in that order.
fn position(field: &str) -> usize {
    FIELDS
        .iter()
        .position(|(f, _)| *f == field)
        .unwrap_or(FIELDS.len())
}

/// The element a field's problem sends the focus to.
fn focus_target(field: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("plan-message-title", |(_, id)| id)
}

/// Problems in the order of the form's fields, each once.
fn in_form_order(mut found: Vec<Problem>) -> Vec<Problem> {
    found.sort_by_key(|p| position(p.field()));
    let mut seen = Vec::new();
    found.retain(|p| {
        let new = !seen.contains(p);
        seen.push(*p);
        new
    });
    found
}

/// The form's fields; shared with the plan's list, whose "edit" fills them in.
#[derive(Clone, Copy)]
pub struct MessageFields {
    /// The message being changed; `None` while planning a new one.
    pub editing: RwSignal<Option<u64>>,
    wave: RwSignal<String>,
    attributes: [RwSignal<String>; ROWS],
    values: [RwSignal<String>; ROWS],
    rows: RwSignal<usize>,
    channel: RwSignal<Channel>,
    owner: RwSignal<String>,
    purpose: RwSignal<Purpose>,
    planned: RwSignal<String>,
    sent: RwSignal<String>,
    subject: RwSignal<String>,
    note: RwSignal<String>,
    /// Every problem found at the last attempt, in the form's order.
    problems: RwSignal<Vec<Problem>>,
    /// A message was just stored (the status to announce).
    saved: RwSignal<Option<Msg>>,
}

impl MessageFields {
    /// Empty fields: a new e-mail to everyone.
    pub fn new() -> MessageFields {
        MessageFields {
            editing: RwSignal::new(None),
            wave: RwSignal::new(String::new()),
            attributes: std::array::from_fn(|_| RwSignal::new(String::new())),
            values: std::array::from_fn(|_| RwSignal::new(String::new())),
            rows: RwSignal::new(1),
            channel: RwSignal::new(Channel::Email),
            owner: RwSignal::new(String::new()),
            purpose: RwSignal::new(Purpose::Enroll),
            planned: RwSignal::new(String::new()),
            sent: RwSignal::new(String::new()),
            subject: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            problems: RwSignal::new(Vec::new()),
            saved: RwSignal::new(None),
        }
    }

    /// Fills in a group, what the message asks (when given), a subject and a note (from the
    /// dashboard's link).
    pub fn prefill(
        self,
        wave: Option<String>,
        segment: &BTreeMap<String, String>,
        purpose: Option<Purpose>,
        subject: String,
        note: String,
    ) {
        self.wave.set(wave.unwrap_or_default());
        self.set_segment(segment);
        if let Some(p) = purpose {
            self.purpose.set(p);
        }
        self.subject.set(subject);
        self.note.set(note);
    }

    fn set_segment(self, segment: &BTreeMap<String, String>) {
        for i in 0..ROWS {
            let (a, v) = segment
                .iter()
                .nth(i)
                .map(|(a, v)| (a.clone(), v.clone()))
                .unwrap_or_default();
            self.attributes[i].set(a);
            self.values[i].set(v);
        }
        self.rows.set(segment.len().clamp(1, ROWS));
    }

    /// Fills in a planned message to change it.
    pub fn edit(self, m: &PlannedMessage) {
        self.editing.set(Some(m.id));
        self.wave.set(m.wave.clone().unwrap_or_default());
        self.set_segment(&m.segment);
        self.channel.set(m.channel);
        self.owner.set(m.owner.clone());
        self.purpose.set(m.purpose);
        self.planned.set(m.planned_on.to_string());
        self.sent
            .set(m.sent_on.map(|d| d.to_string()).unwrap_or_default());
        self.subject.set(m.subject.clone());
        self.note.set(m.note.clone());
        self.problems.set(Vec::new());
        self.saved.set(None);
    }

    fn clear(self) {
        self.editing.set(None);
        self.set_segment(&BTreeMap::new());
        for s in [
            self.owner,
            self.planned,
            self.sent,
            self.subject,
            self.note,
            self.wave,
        ] {
            s.set(String::new());
        }
        self.problems.set(Vec::new());
    }

    /// The message as typed, and what the form finds wrong before the core's rules: a planned
    /// day not given (`today` stands in for it, so the core still checks everything else).
    fn typed(self, today: chrono::NaiveDate) -> (NewMessage, Vec<Problem>) {
        let mut found = Vec::new();
        let mut segment = BTreeMap::new();
        for i in 0..self.rows.get_untracked() {
            let attribute = self.attributes[i].get_untracked();
            if !attribute.is_empty() {
                segment.insert(attribute, self.values[i].get_untracked());
            }
        }
        let planned_on = self.planned.get_untracked().parse().unwrap_or_else(|_| {
            found.push(Problem::PlannedMissing);
            today
        });
        let sent = self.sent.get_untracked();
        let sent_on = if sent.is_empty() {
            None
        } else {
            sent.parse().map_or_else(
                |_| {
                    found.push(Problem::Rule(MessageError::SentInFuture));
                    None
                },
                Some,
            )
        };
        let wave = self.wave.get_untracked();
        let message = NewMessage {
            wave: (!wave.is_empty()).then_some(wave),
            segment,
            channel: self.channel.get_untracked(),
            owner: self.owner.get_untracked(),
            purpose: self.purpose.get_untracked(),
            planned_on,
            sent_on,
            subject: self.subject.get_untracked(),
            note: self.note.get_untracked(),
        };
        (message, found)
    }

    /// The message as the core stores it, or every problem the form and the core find.
    fn checked(self, ctx: PlanContext<'_>) -> Result<NewMessage, Vec<Problem>> {
        let (message, mut found) = self.typed(ctx.today);
        match message.checked(ctx) {
            Ok(body) if found.is_empty() => return Ok(body),
            Ok(_) => {}
            Err(errors) => found.extend(errors.all().copied().map(Problem::Rule)),
        }
        Err(in_form_order(found))
    }
}

/// The DOM id of a field's message (`msg-owner-error`; `msg--error` for the plan as a whole).
fn error_id(field: &str) -> String {
    format!("msg-{field}-error")
}

impl Default for MessageFields {
    fn default() -> Self {
        MessageFields::new()
    }
}

/// The problems of a refusal by the server that name the core's rules (none for any other
/// failure).
fn server_problems(e: &ApiError) -> Vec<Problem> {
    let problems = e.details::<MessageProblems>();
    in_form_order(
        (problems.iter())
            .flat_map(MessageProblems::all)
            .filter_map(|p| MessageError::from_code(&p.code).map(Problem::Rule))
            .collect(),
    )
}

/// The form; `changed` fires after a message was stored. `waves` and `attributes` are the
/// program's.
#[component]
pub fn MessageForm(
    program: Memo<String>,
    waves: Signal<Vec<WaveChoice>>,
    attributes: Signal<Vec<String>>,
    fields: MessageFields,
    changed: Trigger,
) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let groups = roster_groups(program);
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let f = fields;
    // Every problem at its field at once; the focus on the first, whose message its
    // `aria-describedby` reads out.
    let show = move |found: Vec<Problem>| {
        let first = found.first().map(|p| focus_target(p.field()));
        f.problems.set(found);
        if let Some(id) = first {
            wavegate_ui::dom::focus_id_soon(id.into());
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        f.saved.set(None);
        failure.set(None);
        let Some(today) = wavegate_ui::dom::utc_today() else {
            return;
        };
        let (w, a) = (ids(&waves.get_untracked()), attributes.get_untracked());
        let ctx = PlanContext {
            waves: &w,
            attributes: &a,
            today,
        };
        let body = match f.checked(ctx) {
            Ok(body) => body,
            Err(found) => return show(found),
        };
        f.problems.set(Vec::new());
        let (csrf, pid, l) = (
            session.csrf(),
            program.get_untracked(),
            lang.get_untracked(),
        );
        let editing = f.editing.get_untracked();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match editing {
                Some(id) => comms::update(&csrf, &pid, id, &body, l).await,
                None => comms::add(&csrf, &pid, &body, l).await,
            };
            busy.set(false);
            match result {
                Ok(_) => {
                    f.clear();
                    // A message a dashboard action filled in is planned: without its
                    // `?wave=…&note=…` the address no longer fills it in again on a reload.
                    wavegate_ui::dom::set_fragment(None, false);
                    f.saved.set(Some(if editing.is_some() {
                        Msg::MessageChanged
                    } else {
                        Msg::MessageSaved
                    }));
                    changed.notify();
                    request_animation_frame(|| wavegate_ui::dom::focus_id("message-saved"));
                }
                Err(e) => match server_problems(&e) {
                    found if found.is_empty() => failure.set(Some(e)),
                    found => show(found),
                },
            }
        });
    };
    // A field's first problem, shown under it (the segment's rows share one message); while
    // it shows, the field is marked invalid and described by it, as in the program form.
    let shown_at = move |field: &'static str| {
        Signal::derive(move || {
            f.problems
                .with(|all| all.iter().copied().find(|p| p.field() == field))
        })
    };
    let error_at = move |field: &'static str| {
        let shown = shown_at(field);
        view! {
            <p id=error_id(field) class="field-error" hidden=move || shown.get().is_none()>
                {move || shown.get().map(|p| p.message(lang.get()))}
            </p>
        }
    };
    let invalid = move |field: &'static str| {
        let shown = shown_at(field);
        move || shown.get().map(|_| "true")
    };
    let described = move |field: &'static str| {
        let shown = shown_at(field);
        move || shown.get().map(|_| error_id(field))
    };
    let wave_options = move || {
        waves
            .get()
            .into_iter()
            .map(|WaveChoice { id, label }| {
                view! { <option value=id.clone() selected=move || f.wave.get() == id>{label}</option> }
            })
            .collect_view()
    };
    let row = move |i: usize| {
        let (attribute, value) = (f.attributes[i], f.values[i]);
        let n = (i + 1).to_string();
        let n2 = n.clone();
        let options = move || {
            attributes
                .get()
                .into_iter()
                .map(|a| {
                    let (v, name) = (a.clone(), a.clone());
                    view! {
                        <option value=v selected=move || attribute.get() == a>
                            {move || text::attribute(&name, lang.get()).to_string()}
                        </option>
                    }
                })
                .collect_view()
        };
        view! {
            <div class="field-row" hidden=move || { i >= f.rows.get() }>
                <div class="field">
                    <label for=format!("msg-attribute-{i}")>{move || fill(Msg::MessageAttribute, lang.get(), &[("n", n.clone())])}</label>
                    <select id=format!("msg-attribute-{i}") on:change=move |ev| {
                            attribute.set(event_target_value(&ev));
                            value.set(String::new());
                        }
                        aria-invalid=invalid("segment") aria-describedby=described("segment")>
                        <option value="" selected=move || attribute.get().is_empty()>{t(Msg::NoSegment)}</option>
                        {options}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("msg-value-{i}")>{move || fill(Msg::MessageValue, lang.get(), &[("n", n2.clone())])}</label>
                    <ValueField id=format!("msg-value-{i}") groups=groups wave=f.wave attribute=attribute
                        value=value described_by="msg-size".to_string() />
                </div>
            </div>
        }
    };
    // How many people the group holds, from the rows with an attribute and a value.
    let holds = Signal::derive(move || {
        let groups = groups.get()?;
        let segment: Vec<(String, String)> = (0..f.rows.get())
            .map(|i| (f.attributes[i].get(), f.values[i].get().trim().to_string()))
            .filter(|(a, v)| !a.is_empty() && !v.is_empty())
            .collect();
        let wave = f.wave.get();
        Some(groups.holds((!wave.is_empty()).then_some(wave.as_str()), &segment))
    });
    let add_row = move |_| {
        let i = f.rows.get_untracked();
        f.rows.set((i + 1).min(ROWS));
        wavegate_ui::dom::focus_id_soon(format!("msg-attribute-{i}"));
    };
    let channel_options = Channel::ALL
        .into_iter()
        .map(|c| {
            let label = c.label();
            view! { <option value=c.as_str() selected=move || f.channel.get() == c>{move || label.get(lang.get()).to_string()}</option> }
        })
        .collect_view();
    let purpose_options = Purpose::ALL
        .into_iter()
        .map(|p| {
            let label = p.label();
            view! { <option value=p.as_str() selected=move || f.purpose.get() == p>{move || label.get(lang.get()).to_string()}</option> }
        })
        .collect_view();
    let title = move || match f.editing.get() {
        Some(_) => fill(
            Msg::EditMessageTitle,
            lang.get(),
            &[("subject", f.subject.get_untracked())],
        ),
        None => Msg::PlanMessageTitle.text(lang.get()).to_string(),
    };
    let cancel = move |_| {
        let id = f.editing.get_untracked();
        f.clear();
        if let Some(id) = id {
            wavegate_ui::dom::focus_id_soon(format!("message-{id}-edit"));
        }
    };
    let text_input = move |id: &'static str,
                           field: &'static str,
                           label: Msg,
                           signal: RwSignal<String>,
                           max: &'static str| {
        view! {
            <div class="field">
                <label for=id>{t(label)}</label>
                <input id=id type="text" maxlength=max prop:value=move || signal.get()
                    aria-invalid=invalid(field) aria-describedby=described(field)
                    on:input=move |ev| signal.set(event_target_value(&ev)) />
                {error_at(field)}
            </div>
        }
    };
    let date_input =
        move |id: &'static str, field: &'static str, label: Msg, signal: RwSignal<String>| {
            view! {
                <div class="field">
                    <label for=id>{t(label)}</label>
                    <input id=id type="date" prop:value=move || signal.get()
                        aria-invalid=invalid(field) aria-describedby=described(field)
                        on:input=move |ev| signal.set(event_target_value(&ev))
                        on:change=move |ev| signal.set(event_target_value(&ev)) />
                    {error_at(field)}
                </div>
            }
        };
    view! {
        <section class="card" id="plan-message" aria-labelledby="plan-message-title">
            <h2 id="plan-message-title" tabindex="-1">{title}</h2>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="msg-wave">{t(Msg::MessageWave)}</label>
                    <select id="msg-wave" on:change=move |ev| f.wave.set(event_target_value(&ev))
                        aria-invalid=invalid("wave") aria-describedby=described("wave")>
                        <option value="" selected=move || f.wave.get().is_empty()>{t(Msg::MessageEveryone)}</option>
                        {wave_options}
                    </select>
                    {error_at("wave")}
                </div>
                <fieldset class="plain">
                    <legend>{t(Msg::MessageSegmentLegend)}</legend>
                    {(0..ROWS).map(row).collect_view()}
                    {error_at("segment")}
                    <GroupHolds id="msg-size".to_string() holds=holds />
                    {move || (f.rows.get() < ROWS).then(|| view! {
                        <button type="button" class="secondary add-row" on:click=add_row>{t(Msg::AddAttribute)}</button>
                    })}
                </fieldset>
                <div class="field">
                    <label for="msg-channel">{t(Msg::MessageChannel)}</label>
                    <select id="msg-channel" on:change=move |ev| {
                        if let Some(c) = Channel::parse(&event_target_value(&ev)) { f.channel.set(c) }
                    }>{channel_options}</select>
                </div>
                {text_input("msg-owner", "owner", Msg::MessageOwner, f.owner, "200")}
                <div class="field">
                    <label for="msg-purpose">{t(Msg::MessagePurpose)}</label>
                    <select id="msg-purpose" on:change=move |ev| {
                        if let Some(p) = Purpose::parse(&event_target_value(&ev)) { f.purpose.set(p) }
                    }>{purpose_options}</select>
                </div>
                <div class="field-row">
                    {date_input("msg-planned", "planned_on", Msg::MessagePlanned, f.planned)}
                    {date_input("msg-sent", "sent_on", Msg::MessageSent, f.sent)}
                </div>
                {text_input("msg-subject", "subject", Msg::MessageSubject, f.subject, "200")}
                <div class="field">
                    <label for="msg-note">{t(Msg::MessageNote)}</label>
                    <textarea id="msg-note" rows="6" prop:value=move || f.note.get()
                        aria-invalid=invalid("note") aria-describedby=described("note")
                        on:input=move |ev| f.note.set(event_target_value(&ev))></textarea>
                    {error_at("note")}
                </div>
                {error_at("")}
                <div class="button-row">
                    <button type="submit" class="primary" disabled=move || busy.get()>
                        {move || if f.editing.get().is_some() { Msg::SaveMessageChanges.text(lang.get()) } else { Msg::SavePlannedMessage.text(lang.get()) }}
                    </button>
                    {move || f.editing.get().is_some().then(|| view! {
                        <button type="button" class="secondary" on:click=cancel>{t(Msg::CancelEdit)}</button>
                    })}
                </div>
                <Failure error=failure />
                {move || f.saved.get().map(|msg| view! {
                    <p id="message-saved" class="banner banner-ok" role="status" tabindex="-1">{t(msg)}</p>
                })}
            </form>
        </section>
    }
}
