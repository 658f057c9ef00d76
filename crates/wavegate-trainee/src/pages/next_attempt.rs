//! Whether a trainee can start a quiz attempt now and, when not, why in the app's own words:
//! the wait with its end in the trainee's local time, in words, or that every attempt is used and whom to
//! ask. The rule is the core's (`Progress::next_attempt`); only the wording is the app's.

use crate::i18n::{Lang, Msg, fill};
use chrono::{DateTime, NaiveDateTime, Utc};
use wavegate_core::i18n::long_date_time_from;
use wavegate_core::training::wire::MyModule;
use wavegate_core::training::{AttemptPlan, ProgressError};

/// Why no attempt can start now.
#[derive(Clone, Debug, PartialEq)]
pub enum NoAttempt {
    /// The wait after the last attempt runs until then.
    Wait(DateTime<Utc>),
    /// Every attempt this version allows is used: the quiz is closed. `true` when the program
    /// has a helpdesk to ask to open it again (without one, none is pointed to).
    NoneLeft(bool),
    /// Anything else the core refused, in its words (a copy out of step with the module).
    Other(ProgressError),
}

impl NoAttempt {
    fn of(e: ProgressError, helpdesk: bool) -> NoAttempt {
        match e {
            ProgressError::TooSoon { next_at } => NoAttempt::Wait(next_at),
            ProgressError::NoAttemptsLeft { .. } => NoAttempt::NoneLeft(helpdesk),
            other => NoAttempt::Other(other),
        }
    }

    /// The sentence for the trainee in `lang`, times written in words as the wall clock
    /// `local` gives them (the trainee's own: [`browser_time`]).
    pub fn text(&self, lang: Lang, local: impl Fn(DateTime<Utc>) -> NaiveDateTime) -> String {
        match self {
            NoAttempt::Wait(at) => fill(
                Msg::WaitUntil,
                lang,
                &[("time", long_date_time_from(local(*at), lang))],
            ),
            NoAttempt::NoneLeft(ask) => {
                let closed = Msg::NoAttemptsLeft.text(lang);
                match ask {
                    true => format!("{closed} {}", Msg::AskToReopen.text(lang)),
                    false => closed.to_string(),
                }
            }
            NoAttempt::Other(e) => e.message(lang),
        }
    }
}

/// The next attempt of `m` at `now`, or why there is none (`helpdesk`: whether the program
/// has one to ask when every attempt is used).
pub fn next_attempt(
    m: &MyModule,
    now: DateTime<Utc>,
    helpdesk: bool,
) -> Result<AttemptPlan, NoAttempt> {
    m.progress
        .next_attempt(&m.module, &m.lineage, now)
        .map_err(|e| NoAttempt::of(e, helpdesk))
}

/// Why the quiz of `m` cannot be started at `now`, when it cannot; `None` when it can, and when
/// there is nothing to take (no quiz, or passed: the pages offer no quiz then); `helpdesk` as
/// for [`next_attempt`].
pub fn blocked(m: &MyModule, now: DateTime<Utc>, helpdesk: bool) -> Option<NoAttempt> {
    match next_attempt(m, now, helpdesk) {
        Ok(_) => None,
        Err(NoAttempt::Other(ProgressError::NoQuiz | ProgressError::AlreadyPassed)) => None,
        Err(why) => Some(why),
    }
}

/// The longest a page waits before judging a quiz's wait again. A phone that sleeps may hold a
/// page's timers back, and a timer far off would then fire long after the wait's end; judged at
/// least every minute, the retry shows within a minute of waking.
pub const JUDGE_AT_LEAST_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// How long after `now` to judge again whether a wait that ends at `at` is over: just past its
/// end (the core allows the attempt from that very instant on), but no later than
/// [`JUDGE_AT_LEAST_EVERY`].
pub fn judge_again_in(at: DateTime<Utc>, now: DateTime<Utc>) -> std::time::Duration {
    let cap = JUDGE_AT_LEAST_EVERY.as_millis() as i64;
    // A millisecond past, so that a timer firing on the dot does not find the wait still running.
    let millis = (at - now)
        .num_milliseconds()
        .saturating_add(1)
        .clamp(1, cap);
    std::time::Duration::from_millis(millis as u64)
}

/// The wall-clock time of an instant in the trainee's time zone.
pub fn browser_time(at: DateTime<Utc>) -> NaiveDateTime {
    wavegate_ui::dom::wall_clock(at)
}
