//! Drafts of personal links kept on the server as well as on the device, so a person can
//! continue on another device. The device copy stays the one the page works with (it works
//! offline); the server copy is brought in when the link opens, by the core's rule of which is
//! newer ([`resume`]), and saved shortly after each page change and when the page is left. Each
//! save expects the revision this device last saw; when another device saved since, the server
//! refuses it and the same rule decides again ([`after_conflict`]), and the page is told.
//! Anonymous links never send a draft: everyone with the link would share it.

use crate::storage::{self, Draft, Key};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;
use wavegate_core::api::{ErrorCode, InvitationView};
use wavegate_core::survey::Survey;
use wavegate_core::survey::draft::{
    AfterConflict, DraftSync, DraftUpload, Resume, SavedDraft, after_conflict, resume,
};
use wavegate_ui::api::respond as api;

/// How long after a page change the draft goes to the server: a person paging back and forth
/// sends one save, not one per click.
const DEBOUNCE_MS: u32 = 800;

/// What the person is told about the answers they continue with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The server's copy, saved from another device at this time (RFC 3339).
    OtherDevice(String),
    /// This device's answers, newer than the ones saved from another device.
    ThisDevice,
}

/// What a save that met another device's newer save tells the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Told {
    /// The other device's copy is newer: the page continues with it ([`take`]).
    Newer(SavedDraft),
    /// This device's answers are newer and were saved over the other device's.
    Kept,
}

thread_local! {
    /// The save waiting for its delay; replacing it cancels the earlier one.
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Now, as the server writes times (UTC, whole seconds), on this device's clock.
fn now() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    format!("{}Z", iso.get(..19).unwrap_or(&iso))
}

fn sync_of(token: &str) -> DraftSync {
    storage::load(&Key::DraftSync(token.to_string())).unwrap_or_default()
}

/// Brings this device's draft and the server's together before the survey shows; returns what
/// to tell the person, if anything. Offline or refused, the device copy simply carries on.
pub async fn reconcile(token: &str, view: &InvitationView) -> Option<Origin> {
    if view.anonymous || view.submitted.is_some() {
        return None;
    }
    let server = match api::draft(token).await {
        Ok(saved) => Some(saved),
        Err(e) if e.status() == Some(404) => None,
        Err(_) => return None,
    };
    let device: Option<Draft> = storage::load(&Key::Draft(token.to_string()));
    let sync = sync_of(token);
    match resume(device.as_ref().map(|d| (d, &sync)), server.as_ref()) {
        Resume::Device => None,
        Resume::DeviceNewer => {
            // This device's copy replaces the server's: its next save goes over that revision.
            let mut sync = sync;
            sync.revision = server.map(|s| s.revision);
            storage::save(&Key::DraftSync(token.to_string()), &sync);
            Some(Origin::ThisDevice)
        }
        Resume::Server => {
            let (draft, origin) = take(token, server?, &view.survey);
            (!draft.answers.is_empty()).then_some(origin)
        }
    }
}

/// Continues with the server's copy on this device, carried to the version the page shows;
/// returns it and what to tell the person.
pub fn take(token: &str, saved: SavedDraft, survey: &Survey) -> (Draft, Origin) {
    let edited_at = saved.edited().to_string();
    let draft = saved.draft.carried_to(survey);
    storage::save(&Key::Draft(token.to_string()), &draft);
    storage::save(
        &Key::DraftSync(token.to_string()),
        &DraftSync {
            revision: Some(saved.revision),
            changed: false,
            answered: false,
            edited_at,
        },
    );
    (draft, Origin::OtherDevice(saved.saved_at))
}

/// Keeps the draft on the device; a change (not the same draft written again) marks it as not
/// yet on the server, and a change of answers (not a page turn) as this device's latest edit
/// (the core's [`DraftSync::note_change`]).
pub fn record(token: &str, draft: &Draft) {
    let key = Key::Draft(token.to_string());
    let before = storage::load::<Draft>(&key);
    if before.as_ref() == Some(draft) {
        return;
    }
    storage::save(&key, draft);
    let mut sync = sync_of(token);
    sync.note_change(before.as_ref(), draft, &now());
    storage::save(&Key::DraftSync(token.to_string()), &sync);
}

/// Saves the device's draft on the server after a short delay (a later call replaces it);
/// `told` hears when it met another device's newer save.
pub fn save_soon(token: String, told: Callback<Told>) {
    let timer = Timeout::new(DEBOUNCE_MS, move || {
        leptos::task::spawn_local(save_now(token, told));
    });
    PENDING.with(|p| *p.borrow_mut() = Some(timer));
}

/// Saves the device's draft on the server if it changed since the last save, over the revision
/// this device last saw.
pub async fn save_now(token: String, told: Callback<Told>) {
    let Some(draft) = storage::load::<Draft>(&Key::Draft(token.clone())) else {
        return;
    };
    let sync = sync_of(&token);
    if !sync.changed {
        return;
    }
    // Offline or refused (e.g. answered meanwhile): the device copy stays, marked as changed.
    match api::save_draft(&token, &upload(&draft, &sync), sync.base()).await {
        Ok(receipt) => saved(&token, &draft, receipt.revision),
        Err(e) if e.code() == Some(ErrorCode::DraftChanged) => settle(&token, draft, told).await,
        Err(_) => {}
    }
}

/// The draft as it goes to the server, with when its answers last changed on this device.
fn upload<'a>(draft: &'a Draft, sync: &'a DraftSync) -> DraftUpload<'a> {
    DraftUpload {
        draft,
        edited_at: &sync.edited_at,
    }
}

/// `draft` is on the server as `revision`.
fn saved(token: &str, draft: &Draft, revision: u64) {
    let now = storage::load::<Draft>(&Key::Draft(token.to_string()));
    let mut sync = sync_of(token);
    sync.revision = Some(revision);
    // Edits made while the save was under way still need the next one.
    sync.changed = now.as_ref() != Some(draft);
    sync.answered = now.is_some_and(|d| d.answers != draft.answers);
    storage::save(&Key::DraftSync(token.to_string()), &sync);
}

/// Another device saved since this one last saw the server's copy: fetch it and let the core
/// decide, as when the link opens.
async fn settle(token: &str, draft: Draft, told: Callback<Told>) {
    let server = match api::draft(token).await {
        Ok(saved) => Some(saved),
        Err(e) if e.status() == Some(404) => None,
        Err(_) => return,
    };
    match after_conflict(&draft, &sync_of(token), server.as_ref()) {
        AfterConflict::Same(revision) => saved(token, &draft, revision),
        AfterConflict::Take => {
            if let Some(saved) = server {
                told.try_run(Told::Newer(saved));
            }
        }
        AfterConflict::SaveOver { base, tell } => {
            // Refused again (yet another save in between): the next page change tries anew.
            let sync = sync_of(token);
            if let Ok(receipt) = api::save_draft(token, &upload(&draft, &sync), base).await {
                saved(token, &draft, receipt.revision);
                if tell {
                    told.try_run(Told::Kept);
                }
            }
        }
    }
}

/// The page is being left (hidden, closed, navigated away): save now with a request that
/// outlives the page.
fn save_on_leave(token: &str) {
    PENDING.with(|p| p.borrow_mut().take());
    let sync = sync_of(token);
    if !sync.changed {
        return;
    }
    // Refused when another device saved since; the next open decides which copy wins.
    if let Some(draft) = storage::load::<Draft>(&Key::Draft(token.to_string())) {
        api::save_draft_on_leave(token, &upload(&draft, &sync), sync.base());
    }
}

/// Saves the draft whenever the person leaves the page (switching apps on a phone hides it;
/// closing the tab or navigating fires `pagehide`), for as long as the calling view lives.
pub fn save_when_leaving(token: String) {
    let on_hide = {
        let token = token.clone();
        window_event_listener_untyped("pagehide", move |_| save_on_leave(&token))
    };
    let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            save_on_leave(&token);
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });
}

/// Whether this device holds answers the server does not have yet (typed offline, or the last
/// save has not gone out).
pub fn unsaved(token: &str) -> bool {
    let sync = sync_of(token);
    sync.changed && sync.answered
}

/// Forgets this device's draft and what it knew of the server's copy (a stored response, or
/// "not you?"); a save still waiting is dropped.
pub fn forget(token: &str) {
    PENDING.with(|p| p.borrow_mut().take());
    storage::remove(&Key::Draft(token.to_string()));
    storage::remove(&Key::DraftSync(token.to_string()));
}
