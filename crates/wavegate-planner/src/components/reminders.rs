//! Reminders for a survey: pick a wave or segment and a minimum gap, read who has not answered
//! and who is due now, download a preview, and make the batch (the file of those due, recorded
//! as reminded by the server). Anonymous surveys show counts only; viewers get no batch button.

use crate::components::download::DownloadButton;
use crate::components::group_choice::{GroupFields, GroupPicker};
use crate::components::notice::{Failure, load_failed};
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::CsvDelimiter;
use wavegate_core::i18n::count;
use wavegate_core::invitation::reminders::{
    DEFAULT_MIN_GAP_DAYS, MAX_MIN_GAP_DAYS, RemindersQuery, RemindersSummary, parse_min_gap_days,
};
use wavegate_ui::api::{ApiError, reminders};

/// The query for the group chosen and the gap. The files open in Dutch Excel and Word by
/// double-click: semicolons and the UTF-8 byte-order mark, as the links' mail-merge file.
fn query_of(group: GroupFields, gap: u32) -> RemindersQuery {
    let (wave, segment) = group.chosen();
    let (attribute, value) = segment.into_iter().next().unzip();
    RemindersQuery {
        wave,
        attribute,
        value,
        min_gap_days: Some(gap),
        format: None,
        delimiter: Some(CsvDelimiter::Semicolon),
        bom: Some(true),
    }
}

/// The counts in words.
pub fn summary_view(s: RemindersSummary) -> impl IntoView {
    let lang = use_lang();
    let line = move |msg: Msg, n: u64| {
        move || {
            fill(
                msg,
                lang.get(),
                &[
                    ("n", count(n, lang.get())),
                    ("due", count(s.due, lang.get())),
                ],
            )
        }
    };
    if s.anonymous {
        return view! {
            <ul class="reminder-counts">
                <li>{line(Msg::RemindResponses, s.responses)}</li>
            </ul>
            <p class="muted anonymous-note">{t(Msg::RemindAnonymous)}</p>
        }
        .into_any();
    }
    view! {
        <ul class="reminder-counts">
            <li>{line(Msg::RemindResponses, s.responses)}</li>
            <li>{line(Msg::RemindNonResponders, s.non_responders)}</li>
            <li>{line(Msg::RemindDue, s.due)}</li>
            {(s.due > 0).then(|| view! { <li>{line(Msg::RemindBefore, s.reminded_before)}</li> })}
        </ul>
    }
    .into_any()
}

/// The reminders card of a survey. `changed` fires when links change elsewhere on the page
/// (new links, revoked ones), which changes the counts.
#[component]
pub fn Reminders(program: Memo<String>, survey: Memo<String>, changed: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let group = GroupFields::new();
    let gap = RwSignal::new(DEFAULT_MIN_GAP_DAYS.to_string());
    let gap_invalid = RwSignal::new(false);
    // The query counted last: the form's fields change it only when "Count" is pressed.
    let asked = RwSignal::new(query_of(group, DEFAULT_MIN_GAP_DAYS));
    // The form changed since it was counted: the counts, the preview and the batch below are
    // still those of the group counted, so the batch waits for "Count".
    let changed_since_count = RwSignal::new(false);
    let batch_made = RwSignal::new(None::<(String, u32)>);
    // The batch just made was for the group counted; a changed form is about another one.
    let form_changed = move || {
        changed_since_count.set(true);
        batch_made.set(None);
    };
    let batch_error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let counts = LocalResource::new(move || {
        changed.track();
        let (p, s, q) = (program.get(), survey.get(), asked.get());
        async move { reminders::summary(&p, &s, &q).await }
    });
    let count = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_min_gap_days(&gap.get_untracked()) {
            Some(days) => {
                gap_invalid.set(false);
                changed_since_count.set(false);
                batch_made.set(None);
                asked.set(query_of(group, days));
            }
            None => {
                gap_invalid.set(true);
                wavegate_ui::dom::focus_id("remind-gap");
            }
        }
    };
    let preview = move || {
        let (p, s, q) = (
            program.get_untracked(),
            survey.get_untracked(),
            asked.get_untracked(),
        );
        async move { reminders::preview(&p, &s, &q).await }
    };
    let make_batch = move |_| {
        let (p, s, q) = (
            program.get_untracked(),
            survey.get_untracked(),
            asked.get_untracked(),
        );
        let csrf = session.csrf();
        busy.set(true);
        batch_error.set(None);
        leptos::task::spawn_local(async move {
            match reminders::make_batch(&csrf, &p, &s, &q).await {
                Ok(file) => {
                    wavegate_ui::dom::save(&file, "reminders.csv");
                    let name = file.file_name.unwrap_or_else(|| "reminders.csv".into());
                    batch_made.set(Some((name, q.min_gap_days.unwrap_or(DEFAULT_MIN_GAP_DAYS))));
                    counts.refetch();
                    request_animation_frame(|| wavegate_ui::dom::focus_id("reminder-batch-result"));
                }
                Err(e) => batch_error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let actions = move |s: RemindersSummary| {
        (!s.anonymous).then(|| {
            // The preview is a file of working links: planners only (a viewer sees the counts).
            view! {
                {move || (session.can_change() && changed_since_count.get()).then(|| view! {
                    <p class="banner banner-warn" role="status">{t(Msg::RecountBeforeBatch)}</p>
                })}
                {move || (session.can_change() && !changed_since_count.get()).then(|| view! {
                    <p class="muted">{t(Msg::PreviewHint)}</p>
                    <div class="button-row">
                        <DownloadButton label=Msg::DownloadRemindersPreview fetch=preview fallback="reminders.csv" />
                        <button type="button" class="primary" disabled=move || busy.get() || s.due == 0
                            on:click=make_batch>{t(Msg::MakeReminderBatch)}</button>
                    </div>
                })}
                {(s.due == 0).then(|| view! { <p class="muted">{t(Msg::NobodyDue)}</p> })}
            }
        })
    };
    let body = move || {
        counts.get().map(|r| match r {
            Ok(s) => view! {
                <div role="status" aria-live="polite">{summary_view(s)}</div>
                {actions(s)}
            }
            .into_any(),
            Err(e) => load_failed(e, move || counts.refetch()).into_any(),
        })
    };
    let made = move || {
        batch_made.get().map(|(file, days)| {
            view! {
                <p id="reminder-batch-result" class="banner banner-ok" role="status" tabindex="-1">
                    {move || fill(Msg::ReminderBatchMade, lang.get(), &[("file", file.clone()), ("gap", days.to_string())])}
                </p>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="reminders-title">
            <h2 id="reminders-title">{t(Msg::RemindersTitle)}</h2>
            <p class="muted">{t(Msg::RemindersHint)}</p>
            <form on:submit=count novalidate on:input=move |_| form_changed() on:change=move |_| form_changed()>
                <GroupPicker program=program prefix="remind" fields=group />
                <div class="field">
                    <label for="remind-gap">{t(Msg::MinGapDays)}</label>
                    <input id="remind-gap" type="number" inputmode="numeric" min="0" max=MAX_MIN_GAP_DAYS.to_string()
                        class="narrow" prop:value=move || gap.get()
                        aria-invalid=move || gap_invalid.get().then_some("true")
                        aria-describedby=move || gap_invalid.get().then_some("remind-gap-error")
                        on:input=move |ev| gap.set(event_target_value(&ev)) />
                    {move || gap_invalid.get().then(|| view! {
                        <p id="remind-gap-error" class="form-error" role="alert">{t(Msg::MinGapInvalid)}</p>
                    })}
                </div>
                <button type="submit" class="secondary">{t(Msg::CountReminders)}</button>
            </form>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {body}
            </Suspense>
            <Failure error=batch_error />
            {made}
        </section>
    }
}
