//! Drafts of personal links kept on the server as well as on the device, so a person can
//! continue on another device. The device copy stays the one the page works with (it works
//! offline); the server copy is brought in when the link opens, by the core's rule of which is
//! newer ([`resume`]), and saved shortly after each page change and when the page is left. Each
//! save expects the revision this device last saw; when another device saved since, the server
//! refuses it and the same rule decides again ([`after_conflict`]), and the page is told.
//! One save goes at a time, and a copy the server holds that this device sent itself (the
//! answer to a save made while the page was left is never heard) is no news from elsewhere.
//! Anonymous links never send a draft: everyone with the link would share it.

use crate::storage::{self, Draft, Key};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wavegate_core::api::{ErrorCode, InvitationView};
use wavegate_core::survey::Survey;
use wavegate_core::survey::draft::{
    AfterConflict, DraftSync, DraftUpload, Precondition, Resume, SavedDraft, after_conflict, resume,
};
use wavegate_ui::api::respond as api;

/// How long after a page change the draft goes to the server: a person paging back and forth
/// sends one save, not one per click.
const DEBOUNCE_MS: u32 = 800;

/// What the person is told about the answers they continue with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The server's copy, saved at this time (RFC 3339), on a device that had no answers of its
    /// own (opened here for the first time, or again after "not you?"): where the person left
    /// off, wherever that was.
    Saved(String),
    /// The server's copy, saved at this time (RFC 3339) from another device, newer than the
    /// answers this device had.
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
    /// The revision the save under way makes if the server takes it; `None` while none is.
    static FLIGHT: Cell<Option<u64>> = const { Cell::new(None) };
    /// A save was asked for while another was under way: it follows that one.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    /// The drafts sent while the page was left, whose answers were never heard: found on the
    /// server after a refusal, they are this device's own save, not another device's.
    static UNHEARD: RefCell<Vec<Draft>> = const { RefCell::new(Vec::new()) };
}

/// The revision a save over `base` makes: the server counts a link's saves one by one, from 1
/// (docs/api.md).
fn made_over(base: Precondition) -> u64 {
    match base {
        Precondition::Revision(r) => r + 1,
        _ => 1,
    }
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
    if server.as_ref().is_some_and(|s| own(token, s)) {
        return None;
    }
    let device: Option<Draft> = storage::load(&Key::Draft(token.to_string()));
    let sync = sync_of(token);
    match resume(device.as_ref().map(|d| (d, &sync)), server.as_ref()) {
        Resume::Device => None,
        Resume::DeviceNewer => {
            // This device's copy replaces the server's: its next save goes over that revision.
            let mut sync = sync;
            sync.revision = server.map(|s| s.revision);
            sync.mine = false;
            storage::save(&Key::DraftSync(token.to_string()), &sync);
            Some(Origin::ThisDevice)
        }
        Resume::Server => {
            let saved = server?;
            let at = saved.saved_at.clone();
            let draft = take(token, saved, &view.survey);
            // Only a device that had answers of its own knows these came from elsewhere.
            let origin = match device {
                Some(d) if !d.answers.is_empty() => Origin::OtherDevice(at),
                _ => Origin::Saved(at),
            };
            (!draft.answers.is_empty()).then_some(origin)
        }
    }
}

/// Whether `server` is this device's own copy: one it sent as the page was left, or one with
/// the answers the device has (only a page turned elsewhere, or the same answers saved twice).
/// Then the device takes its revision, keeps its own page and says nothing: nothing came from
/// elsewhere.
fn own(token: &str, server: &SavedDraft) -> bool {
    let Some(device) = storage::load::<Draft>(&Key::Draft(token.to_string())) else {
        return false;
    };
    let same =
        device.answers == server.draft.answers && device.response_id == server.draft.response_id;
    if !same && !UNHEARD.with(|u| u.borrow().contains(&server.draft)) {
        return false;
    }
    saved(token, &server.draft, server.revision);
    true
}

/// Continues with the server's copy on this device, carried to the version the page shows.
pub fn take(token: &str, saved: SavedDraft, survey: &Survey) -> Draft {
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
            mine: false,
        },
    );
    draft
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
/// this device last saw. One save at a time: two over the same revision would refuse each other;
/// one asked for meanwhile follows, with the revision the first made.
pub async fn save_now(token: String, told: Callback<Told>) {
    if FLIGHT.get().is_some() {
        AGAIN.set(true);
        return;
    }
    let Some(draft) = storage::load::<Draft>(&Key::Draft(token.clone())) else {
        return;
    };
    let sync = sync_of(&token);
    if !sync.changed {
        return;
    }
    FLIGHT.set(Some(made_over(sync.base())));
    // Offline or refused (e.g. answered meanwhile): the device copy stays, marked as changed.
    match api::save_draft(&token, &upload(&draft, &sync), sync.base()).await {
        Ok(receipt) => saved(&token, &draft, receipt.revision),
        Err(e) if e.code() == Some(ErrorCode::DraftChanged) => settle(&token, draft, told).await,
        Err(_) => {}
    }
    FLIGHT.set(None);
    if AGAIN.replace(false) {
        save_soon(token, told);
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
    // Forgotten meanwhile ("not you?"): nothing of the link is written back.
    if now.is_none() {
        return;
    }
    let mut sync = sync_of(token);
    sync.revision = Some(revision);
    sync.mine = true;
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
    if server.as_ref().is_some_and(|s| own(token, s)) {
        // What the device holds now goes over it, with the revision just taken.
        AGAIN.set(true);
        return;
    }
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
            FLIGHT.set(Some(made_over(base)));
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
/// outlives the page, in place of the one waiting for its delay.
fn save_on_leave(token: &str) {
    PENDING.with(|p| p.borrow_mut().take());
    let sync = sync_of(token);
    let Some(draft) = storage::load::<Draft>(&Key::Draft(token.to_string())) else {
        return;
    };
    // Hidden, then closed: one save of the same draft is enough.
    if !sync.changed || UNHEARD.with(|u| u.borrow().last() == Some(&draft)) {
        return;
    }
    // A save under way goes first: this one goes over the revision that one makes, so they do
    // not refuse each other, and another follows it should the person come back and go on.
    let base = match FLIGHT.get() {
        Some(next) => {
            AGAIN.set(true);
            Precondition::Revision(next)
        }
        None => sync.base(),
    };
    // Refused when another device saved since; the next open decides which copy wins.
    api::save_draft_on_leave(token, &upload(&draft, &sync), base);
    UNHEARD.with(|u| u.borrow_mut().push(draft));
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

/// Whether the server's copy is one this device saved itself: "not you?" takes it back
/// ([`take_back`]).
pub fn saved_here(token: &str) -> bool {
    let sync = sync_of(token);
    sync.mine && sync.revision.is_some()
}

/// "Not you?": takes back from the server the copy this device saved itself, if the server
/// still holds that one (one saved since from another device stays); with a request that
/// outlives the page, which is left right after. Call before [`forget`].
pub fn take_back(token: &str) {
    let sync = sync_of(token);
    if let (true, Some(revision)) = (sync.mine, sync.revision) {
        api::discard_draft_on_leave(token, Precondition::Revision(revision));
    }
}

/// Forgets this device's draft and what it knew of the server's copy (a stored response, or
/// "not you?"); a save still waiting is dropped.
pub fn forget(token: &str) {
    PENDING.with(|p| p.borrow_mut().take());
    UNHEARD.with(|u| u.borrow_mut().clear());
    storage::remove(&Key::Draft(token.to_string()));
    storage::remove(&Key::DraftSync(token.to_string()));
}
