//! Sending finished responses, now or when the connection returns.
//!
//! The outbox is in `localStorage` (see [`crate::storage`]); this module drains it: on start,
//! whenever the browser reports it is back online, and with a backing-off schedule while
//! anything waits. Only one flush runs at a time, whoever asks for it.

use crate::storage::{self, Key, Queued};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wavegate_core::api::{ErrorCode, SubmitAck};
use wavegate_ui::api::{ApiError, respond};

/// The result of one attempt.
#[derive(Clone, Debug, PartialEq)]
pub enum Sent {
    /// Stored by the server (now or before).
    Acknowledged(SubmitAck),
    /// Not sent this time, for a reason that passes: still in the outbox.
    Later(Wait),
    /// Not stored because the link was answered before: on another device, or with other
    /// answers under this response id (`409 already_submitted`). The first answers count;
    /// removed from the outbox.
    AnsweredBefore,
    /// Refused for good for another reason (e.g. an invalid answer); removed from the outbox.
    Refused(ApiError),
}

/// Why a response still waits in the outbox: the respondent is told which, since "you are
/// offline" on a working connection sends people looking for a problem they do not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    /// No answer from the server: no connection (or a proxy that cannot reach it).
    Offline,
    /// The server is busy and asked to come back later (429).
    Busy,
    /// The server failed or took too long (5xx, 408).
    ServerProblem,
}

impl Wait {
    /// Why a failed attempt is worth repeating; `None` when the server refused it for good.
    pub fn of(e: &ApiError) -> Option<Wait> {
        match e {
            ApiError::Network => Some(Wait::Offline),
            _ => match e.status()? {
                429 => Some(Wait::Busy),
                408 | 500.. => Some(Wait::ServerProblem),
                _ => None,
            },
        }
    }
}

thread_local! {
    /// The time (ms since the epoch) before which the server asked not to be sent anything
    /// (its `Retry-After`); 0 when it did not.
    static NOT_BEFORE: Cell<f64> = const { Cell::new(0.0) };
}

/// Whether the server's `Retry-After` still holds at `now` (ms since the epoch).
pub fn must_wait(now: f64) -> bool {
    NOT_BEFORE.with(|n| now < n.get())
}

/// Remembers a `Retry-After` of `seconds` from `now` (ms since the epoch).
pub fn wait_after(now: f64, seconds: u64) {
    NOT_BEFORE.with(|n| n.set(n.get().max(now + seconds as f64 * 1000.0)));
}

/// Tries to send one queued response and updates the outbox accordingly.
pub async fn send(item: &Queued) -> Sent {
    match respond::submit(&item.token, &item.response).await {
        Ok(ack) => {
            storage::dequeue(&item.response.id);
            // The page of this link, if open, matches its draft with the acknowledgement and then
            // forgets both; otherwise nothing of the answered survey needs to stay.
            if !shown(&item.token) {
                storage::forget_answered(&item.token);
            }
            // Only for a page open now; removed when it shows the thank-you, or at next start.
            storage::save(&Key::Sent(item.response.id.clone()), &ack);
            Sent::Acknowledged(ack)
        }
        Err(e) => match Wait::of(&e) {
            Some(wait) => {
                if let Some(seconds) = e.retry_after() {
                    wait_after(js_sys::Date::now(), seconds);
                }
                Sent::Later(wait)
            }
            None => {
                // The draft stays on the device, so the respondent's answers are still there.
                storage::dequeue(&item.response.id);
                if e.code() == Some(ErrorCode::AlreadySubmitted) {
                    ANSWERED_BEFORE.with(|a| a.borrow_mut().insert(item.response.id.clone()));
                    Sent::AnsweredBefore
                } else {
                    Sent::Refused(e)
                }
            }
        },
    }
}

thread_local! {
    /// Responses refused because their link was answered before, for the page that waited for
    /// them while a flush sent them (the refusal itself leaves nothing in storage).
    static ANSWERED_BEFORE: std::cell::RefCell<std::collections::HashSet<String>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

/// Whether the response `response_id` was refused because its link was answered before.
pub fn answered_before(response_id: &str) -> bool {
    ANSWERED_BEFORE.with(|a| a.borrow().contains(response_id))
}

thread_local! {
    /// The invitation whose page this tab shows (the app shows at most one).
    static SHOWN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Tells the outbox which invitation's page is open, before anything is sent.
pub fn showing(token: &str) {
    SHOWN.with(|s| *s.borrow_mut() = Some(token.to_string()));
}

fn shown(token: &str) -> bool {
    SHOWN.with(|s| s.borrow().as_deref() == Some(token))
}

/// The queued response for an invitation, if one waits.
pub fn pending_for(token: &str) -> Option<Queued> {
    storage::outbox().into_iter().find(|q| q.token == token)
}

/// Lets one flight (a flush) run at a time.
///
/// The Retry button and the `online` watcher both flush. Two flushes at once would send every
/// queued response twice in parallel: the server stores it once, but it is wasted traffic on a
/// weak connection and each flush reports to the page on its own. So a second caller gets no
/// flight while the first is under way.
#[derive(Clone, Debug, Default)]
pub struct SingleFlight {
    busy: Rc<Cell<bool>>,
}

/// A flight under way; it ends when this is dropped (also when its task is cancelled).
#[derive(Debug)]
pub struct Flight {
    busy: Rc<Cell<bool>>,
}

impl SingleFlight {
    /// Starts a flight, or `None` while another is under way.
    pub fn try_start(&self) -> Option<Flight> {
        if self.busy.replace(true) {
            None
        } else {
            Some(Flight {
                busy: self.busy.clone(),
            })
        }
    }

    /// Whether a flight is under way.
    pub fn is_busy(&self) -> bool {
        self.busy.get()
    }
}

impl Drop for Flight {
    fn drop(&mut self) {
        self.busy.set(false);
    }
}

/// What a call to [`Outbox::flush`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flush {
    /// It sent what it could; `waiting` says why something is still queued.
    Done {
        /// Why something is still in the outbox, if anything is.
        waiting: Option<Wait>,
    },
    /// Another flush was under way, so this one sent nothing; that one reports when done.
    AlreadyRunning,
}

/// The running outbox: a handle components use to flush it and to hear that it was flushed.
///
/// Passed by value rather than looked up after an `await`: reactive context is only available
/// synchronously, so a lookup inside an async task silently finds nothing.
#[derive(Clone, Copy, Debug)]
pub struct Outbox {
    flushed: RwSignal<u64>,
    waiting: RwSignal<Option<Wait>>,
    flight: StoredValue<SingleFlight, LocalStorage>,
}

impl Outbox {
    /// A new outbox handle (one per app: [`watch`] makes it).
    pub fn new() -> Outbox {
        Outbox {
            flushed: RwSignal::new(0),
            waiting: RwSignal::new(None),
            flight: StoredValue::new_local(SingleFlight::default()),
        }
    }

    /// The outbox started by [`watch`], from the current component's context.
    pub fn get() -> Option<Outbox> {
        use_context::<Outbox>()
    }

    /// Sends everything in the outbox, oldest first; stops at the first "later" (offline, or
    /// the server busy or failing). Sends nothing while the server's `Retry-After` holds, nor
    /// while another flush runs.
    pub async fn flush(self) -> Flush {
        let Some(_flight) = self
            .flight
            .try_with_value(SingleFlight::try_start)
            .flatten()
        else {
            return Flush::AlreadyRunning;
        };
        let mut waiting = None;
        if must_wait(js_sys::Date::now()) {
            waiting = Some(Wait::Busy);
        } else {
            for item in storage::outbox() {
                if let Sent::Later(wait) = send(&item).await {
                    waiting = Some(wait);
                    break;
                }
            }
        }
        self.waiting.try_set(waiting);
        self.flushed.try_update(|n| *n += 1);
        Flush::Done { waiting }
    }

    /// Why the last flush left something in the outbox (`None` before the first flush and
    /// when it emptied the outbox).
    pub fn waiting(self) -> Option<Wait> {
        self.waiting.try_get_untracked().flatten()
    }

    /// Runs `f` after every flush (and once now).
    pub fn on_flushed(self, f: impl Fn() + 'static) {
        Effect::new(move |_| {
            self.flushed.track();
            f();
        });
    }
}

impl Default for Outbox {
    fn default() -> Outbox {
        Outbox::new()
    }
}

/// How long to wait after `failures` failed attempts in a row: 2, 4, 8, 16, then 30 seconds.
/// Short at first (a connection that just came back often fails once), capped so thousands of
/// phones do not hammer a server that is down.
pub fn backoff_ms(failures: u32) -> f64 {
    (1000.0 * 2f64.powi(failures.min(5) as i32)).min(30_000.0)
}

/// Starts draining the outbox: now, when the browser goes online, and then on a schedule that
/// backs off while sending keeps failing, never before a `Retry-After` the server gave. Provides the [`Outbox`] to the components below.
pub fn watch() {
    let outbox = Outbox::new();
    provide_context(outbox);
    let state = Rc::new(Schedule::default());
    // When the browser says it is online again, try at once.
    let on_online = state.clone();
    let handle = window_event_listener(leptos::ev::online, move |_| on_online.next.set(0.0));
    // The app lives as long as the page: keep the listener for good.
    std::mem::forget(handle);
    leptos::task::spawn_local(async move {
        loop {
            let now = js_sys::Date::now();
            if now >= state.next.get() && !must_wait(now) && !storage::outbox().is_empty() {
                // A flush the Retry button started is left to finish; the next tick tries again.
                if let Flush::Done { waiting } = outbox.flush().await {
                    let waiting = waiting.is_some();
                    let failures = if waiting { state.failures.get() + 1 } else { 0 };
                    state.failures.set(failures);
                    let delay = if waiting { backoff_ms(failures) } else { 0.0 };
                    state.next.set(js_sys::Date::now() + delay);
                }
            }
            gloo_timers::future::TimeoutFuture::new(1_000).await;
        }
    });
}

/// When the next attempt is due and how many in a row failed.
#[derive(Default)]
struct Schedule {
    next: Cell<f64>,
    failures: Cell<u32>,
}
