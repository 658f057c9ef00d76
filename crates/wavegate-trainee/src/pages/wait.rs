//! A quiz's wait followed while a page shows it: why no attempt can start, judged when the page
//! is drawn and again when the wait ends, so a page left open offers the next attempt then
//! rather than only after the module is opened again.

use super::Session;
use super::next_attempt::{NoAttempt, blocked, judge_again_in};
use crate::local;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Why the quiz of `module_id` cannot start now (`None` when it can, or there is nothing to
/// take), kept current: a timer set for the end of a wait judges it again, from the session's
/// copy as it is then (a sync may have changed it). The timer goes with the page.
pub fn followed(session: Session, module_id: String) -> ReadSignal<Option<NoAttempt>> {
    let id = StoredValue::new(module_id);
    let judge = move |now: DateTime<Utc>| {
        session.training.with_untracked(|tr| {
            id.with_value(|id| tr.modules.iter().find(|m| &m.module.id == id))
                .and_then(|m| blocked(m, now, tr.helpdesk.is_some()))
        })
    };
    let why = RwSignal::new(judge(local::now()));
    let timer = StoredValue::new(None::<TimeoutHandle>);
    arm(why, timer, judge);
    on_cleanup(move || {
        if let Some(Some(handle)) = timer.try_get_value() {
            handle.clear();
        }
    });
    why.read_only()
}

/// While `why` is a wait, sets a timer to judge again just after it ends (or sooner, see
/// [`judge_again_in`]), and again after that if the wait still runs.
fn arm(
    why: RwSignal<Option<NoAttempt>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    judge: impl Fn(DateTime<Utc>) -> Option<NoAttempt> + Copy + 'static,
) {
    let Some(Some(NoAttempt::Wait(at))) = why.try_get_untracked() else {
        return;
    };
    let again = move || {
        let now_why = judge(local::now());
        // Redrawn only when the answer changes, not at every check of a long wait.
        if why.try_get_untracked().is_some_and(|was| was != now_why) {
            why.set(now_why);
        }
        arm(why, timer, judge);
    };
    let handle = set_timeout_with_handle(again, judge_again_in(at, local::now())).ok();
    timer.try_set_value(handle);
}
