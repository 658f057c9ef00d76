//! Sending finished responses, now or when the connection returns.
//!
//! The outbox is in `localStorage` (see [`crate::storage`]); this module drains it: on start,
//! whenever the browser reports it is back online, and every 30 seconds while anything waits.

use crate::api::{self, ApiError};
use crate::storage::{self, Key, Queued};
use leptos::prelude::*;
use wavegate_core::api::SubmitAck;

/// The result of one attempt.
#[derive(Clone, Debug, PartialEq)]
pub enum Sent {
    /// Stored by the server (now or before).
    Acknowledged(SubmitAck),
    /// Not reachable or a server fault: still in the outbox.
    Later,
    /// Refused for good (e.g. this invitation was already answered); removed from the outbox.
    Refused(ApiError),
}

/// Tries to send one queued response and updates the outbox accordingly.
pub async fn send(item: &Queued) -> Sent {
    match api::submit(&item.token, &item.response).await {
        Ok(ack) => {
            storage::dequeue(&item.response.id);
            storage::save(&Key::Sent(item.token.clone()), &ack);
            Sent::Acknowledged(ack)
        }
        Err(ApiError::Network) => Sent::Later,
        Err(e) if e.status().is_some_and(|s| s >= 500 || s == 429 || s == 408) => Sent::Later,
        Err(e) => {
            // The draft stays on the device, so the respondent's answers are still there.
            storage::dequeue(&item.response.id);
            Sent::Refused(e)
        }
    }
}

/// The queued response for an invitation, if one waits.
pub fn pending_for(token: &str) -> Option<Queued> {
    storage::outbox().into_iter().find(|q| q.token == token)
}

#[derive(Clone, Copy)]
struct Flushed(RwSignal<u64>);

/// Sends everything in the outbox, oldest first; stops at the first "later" (still offline).
pub async fn flush() {
    for item in storage::outbox() {
        if send(&item).await == Sent::Later {
            break;
        }
    }
    if let Some(Flushed(tick)) = use_context::<Flushed>() {
        tick.update(|n| *n += 1);
    }
}

/// Runs `f` after every flush (and once now).
pub fn on_flushed(f: impl Fn() + 'static) {
    if let Some(Flushed(tick)) = use_context::<Flushed>() {
        Effect::new(move |_| {
            tick.track();
            f();
        });
    }
}

/// Starts draining the outbox: now, when the browser goes online, and every 30 seconds.
pub fn watch() {
    provide_context(Flushed(RwSignal::new(0)));
    let owner = Owner::current();
    let run = move || {
        if storage::outbox().is_empty() {
            return;
        }
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            match owner {
                Some(o) => o.with(|| leptos::task::spawn_local(flush())),
                None => flush().await,
            }
        });
    };
    run();
    let on_online = run.clone();
    let handle = window_event_listener(leptos::ev::online, move |_| on_online());
    // The app lives as long as the page: keep the listener and the timer for good.
    std::mem::forget(handle);
    gloo_timers::callback::Interval::new(30_000, run).forget();
}
