//! Choosing a group of the roster to invite or assign, and sending it: a wave (or every wave)
//! and, optionally, one split attribute with its value. The server checks the choice (known
//! wave, split attribute, at least 5 people) and says why it refuses one; this only offers what
//! the program has, and the roster's values with their people (`roster_values`).

use crate::components::notice::Failure;
use crate::components::roster_values::{GroupHolds, Groups, ValueField, roster_groups};
use crate::components::wave_choice::wave_choices;
use crate::i18n::{Msg, UiMsg, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::future::Future;
use wavegate_core::api::{ErrorCode, FromRosterResult, InvitationKind, InvitationsFromRoster};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::{Program, text};
use wavegate_ui::api::{ApiError, invitations, programs};

/// The chosen group, as the form's fields hold it (empty: not chosen).
#[derive(Clone, Copy)]
pub struct GroupFields {
    /// The wave id; empty for every wave.
    pub wave: RwSignal<String>,
    /// The split attribute; empty for no segment.
    pub attribute: RwSignal<String>,
    /// The attribute's value.
    pub value: RwSignal<String>,
}

impl GroupFields {
    /// Empty fields: every wave, no segment.
    pub fn new() -> GroupFields {
        GroupFields {
            wave: RwSignal::new(String::new()),
            attribute: RwSignal::new(String::new()),
            value: RwSignal::new(String::new()),
        }
    }

    /// The chosen wave (`None`: every wave) and segment (empty unless both the attribute and a
    /// value are given), as the API's requests take them.
    pub fn chosen(self) -> (Option<String>, BTreeMap<String, String>) {
        let wave = self.wave.get_untracked();
        let (attribute, value) = (
            self.attribute.get_untracked(),
            self.value.get_untracked().trim().to_string(),
        );
        let segment = if attribute.is_empty() || value.is_empty() {
            BTreeMap::new()
        } else {
            BTreeMap::from([(attribute, value)])
        };
        ((!wave.is_empty()).then_some(wave), segment)
    }
}

impl Default for GroupFields {
    fn default() -> Self {
        GroupFields::new()
    }
}

/// The group picker for the program `program`, once its definition has loaded: the value from
/// the roster's values with their people, typed when there is no roster. Inviting, assigning
/// and reminding all pick a group this one way.
#[component]
pub fn GroupPicker(
    program: Memo<String>,
    prefix: &'static str,
    fields: GroupFields,
) -> impl IntoView {
    let detail = LocalResource::new(move || {
        let id = program.get();
        async move { programs::get(&id).await }
    });
    let groups = roster_groups(program);
    let choices = move || {
        detail
            .get()
            .and_then(|r| r.ok())
            .and_then(|d| d.program)
            .map(|p| group_choice(&p, prefix, fields, groups))
    };
    view! {
        <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
            {choices}
        </Suspense>
    }
}

/// A request about a group of the roster (inviting it, assigning it a module): busy while it
/// waits, then its result, or why it failed; for a refused group, the server's reason too.
pub struct GroupRequest<R: Send + Sync + 'static> {
    /// The last result.
    pub result: RwSignal<Option<R>>,
    failed: RwSignal<Option<ApiError>>,
    refusal: RwSignal<Option<String>>,
    /// Whether a request is under way.
    pub busy: RwSignal<bool>,
}

impl<R: Send + Sync + 'static> Clone for GroupRequest<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Send + Sync + 'static> Copy for GroupRequest<R> {}

impl<R: Send + Sync + 'static> GroupRequest<R> {
    /// Nothing sent yet.
    pub fn new() -> GroupRequest<R> {
        GroupRequest {
            result: RwSignal::new(None),
            failed: RwSignal::new(None),
            refusal: RwSignal::new(None),
            busy: RwSignal::new(false),
        }
    }

    /// Sends `request`. Its result is kept, `done` notified and the element `result_id` (the
    /// result's banner) focused once it is drawn, so a screen reader reads it.
    pub fn send(
        self,
        request: impl Future<Output = Result<R, ApiError>> + 'static,
        done: Option<Trigger>,
        result_id: &'static str,
    ) {
        self.busy.set(true);
        self.result.set(None);
        self.failed.set(None);
        self.refusal.set(None);
        leptos::task::spawn_local(async move {
            match request.await {
                Ok(r) => {
                    self.result.set(Some(r));
                    if let Some(done) = done {
                        done.notify();
                    }
                    request_animation_frame(move || wavegate_ui::dom::focus_id(result_id));
                }
                // The server says why in the request's language: which wave, segment or size.
                Err(e) if e.code() == Some(ErrorCode::InvalidSelection) => {
                    self.refusal.set(e.server_message().map(str::to_string));
                    self.failed.set(Some(e));
                }
                Err(e) => self.failed.set(Some(e)),
            }
            self.busy.set(false);
        });
    }

    /// Why the last request failed, with the server's reason for a refused group.
    pub fn failure(self) -> impl IntoView {
        let refusal = self.refusal;
        view! {
            <Failure error=self.failed />
            {move || refusal.get().map(|m| view! { <p class="refusal-detail">{m}</p> })}
        }
    }
}

/// A survey to invite a group to, and the kind of link.
pub struct InviteTo {
    /// The program.
    pub program: String,
    /// The survey.
    pub survey: String,
    /// One anonymous link for the group instead of one link per person.
    pub anonymous: bool,
}

impl GroupRequest<FromRosterResult> {
    /// Invites `group` (wave, segment) as `to` says; the links expire by the core's default
    /// (the wave's end plus the grace period). The result's banner has the id `invite-result`.
    pub fn invite(
        self,
        session: Session,
        lang: Lang,
        to: InviteTo,
        (wave, segment): (Option<String>, BTreeMap<String, String>),
        done: Option<Trigger>,
    ) {
        let body = InvitationsFromRoster {
            wave,
            segment,
            kind: if to.anonymous {
                InvitationKind::Anonymous
            } else {
                InvitationKind::Personal
            },
            expires_on: None,
        };
        let csrf = session.csrf();
        self.send(
            async move { invitations::from_roster(&csrf, &to.program, &to.survey, &body, lang).await },
            done,
            "invite-result",
        );
    }
}

impl<R: Send + Sync + 'static> Default for GroupRequest<R> {
    fn default() -> Self {
        GroupRequest::new()
    }
}

/// The wave select and the segment's attribute and value for `program`, the value from the
/// roster's `groups` when there are any, and how many people the group holds; element ids
/// start with `prefix` (two forms may share a page).
fn group_choice(
    program: &Program,
    prefix: &'static str,
    fields: GroupFields,
    groups: Groups,
) -> impl IntoView + use<> {
    let GroupFields {
        wave,
        attribute,
        value,
    } = fields;
    let waves = wave_choices(program)
        .into_iter()
        .map(|w| view! { <option value=w.id>{w.label}</option> })
        .collect_view();
    // The roster's own column as the value; its usual name in the page's language as the label.
    let lang = use_lang();
    let attributes = program
        .split_attributes
        .iter()
        .map(|a| {
            let name = a.clone();
            view! { <option value=a.clone()>{move || text::attribute(&name, lang.get()).to_string()}</option> }
        })
        .collect_view();
    let id = move |field: &str| format!("{prefix}-{field}");
    let size_id = id("size");
    let holds = Signal::derive(move || {
        let groups = groups.get()?;
        let (a, v) = (attribute.get(), value.get().trim().to_string());
        let segment = if a.is_empty() || v.is_empty() {
            Vec::new()
        } else {
            vec![(a, v)]
        };
        let wave = wave.get();
        Some(groups.holds((!wave.is_empty()).then_some(wave.as_str()), &segment))
    });
    view! {
        <div class="field">
            <label for=id("wave")>{t(Msg::Wave)}</label>
            <select id=id("wave") on:change=move |ev| wave.set(event_target_value(&ev))>
                <option value="">{t(Msg::AllWaves)}</option>
                {waves}
            </select>
        </div>
        <div class="field-row">
            <div class="field">
                <label for=id("attribute")>{t(Msg::SegmentAttribute)}</label>
                <select id=id("attribute") on:change=move |ev| {
                    attribute.set(event_target_value(&ev));
                    value.set(String::new());
                }>
                    <option value="">{t(Msg::NoSegment)}</option>
                    {attributes}
                </select>
            </div>
            <div class="field">
                <label for=id("value")>{t(Msg::SegmentValue)}</label>
                <ValueField id=id("value") groups=groups wave=wave attribute=attribute value=value
                    described_by=size_id.clone() />
            </div>
        </div>
        <GroupHolds id=size_id holds=holds />
    }
}

/// The kind of link the survey takes, said rather than offered: an anonymous survey takes
/// only one anonymous link per segment and a personal one only personal links, so a choice
/// could only be refused.
#[component]
pub fn LinkKindNote(anonymous: Signal<bool>) -> impl IntoView {
    view! {
        <p class="muted">
            <strong>{t(Msg::LinkKind)}": "</strong>
            {move || if anonymous.get() { t(Msg::AnonymousLinkKind) } else { t(Msg::PersonalLinks) }}
            ". "{t(Msg::LinkKindFollowsSurvey)}
        </p>
    }
}
