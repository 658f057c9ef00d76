//! The quiz attempt in progress, kept on the device so that a reload, or leaving and coming
//! back, continues where the trainee was with the answers already checked, and the choice made
//! on the question shown but not checked yet. One per training link (a trainee takes one quiz
//! at a time); it goes once the attempt is submitted or the device forgets the link.
//!
//! Kept in the shape of an outbox holding that one attempt, so the bundle carries no code of
//! its own to read and write it (and it is never sent: it is under a key of its own): first the
//! attempt with its checked answers, then, while a choice is made and not checked, the same
//! attempt with that choice as well. What it needs beyond that is derived: the questions are
//! drawn again (the core's draw is seeded by the registration and the attempt's number), and
//! the question to continue at is the one with the unchecked choice, else the last one with a
//! checked answer (shown with its feedback).

use crate::local::Outbox;
use chrono::{DateTime, Utc};
use wavegate_core::training::AttemptPlan;
use wavegate_core::training::wire::{MyModule, SubmitAnswers};
use wavegate_ui::storage::{load, remove as remove_key, save};

use crate::local::quiz_key as key;

/// Keeps the attempt in progress of `module`: the answers checked so far (`submitted_at` unset:
/// it is not submitted), and `choosing`, the attempt with the choice not checked yet as well.
pub fn keep(token: &str, module: &str, attempt: SubmitAnswers, choosing: Option<SubmitAnswers>) {
    let draft = Outbox {
        views: Vec::new(),
        attempts: (std::iter::once(attempt).chain(choosing))
            .map(|a| (module.to_string(), a))
            .collect(),
    };
    save(&key(token), &draft);
}

/// The attempt in progress of the link, with its module, whatever module it is of: its checked
/// answers.
pub fn load_any(token: &str) -> Option<(String, SubmitAnswers)> {
    load::<Outbox>(&key(token))?.attempts.into_iter().next()
}

/// The attempt is over (submitted), or the link forgotten.
pub fn remove(token: &str) {
    remove_key(&key(token));
}

/// The attempt in progress of `module`, if `plan` (the next attempt, as the core draws it now)
/// is still that attempt; else none (it was submitted on another device, or a new version came).
/// With its checked answers first, then with the choice not checked yet when one was made.
pub fn matching(token: &str, module: &str, plan: &AttemptPlan) -> Vec<SubmitAnswers> {
    let kept = load::<Outbox>(&key(token)).unwrap_or_default().attempts;
    (kept.into_iter())
        .filter(|(m, a)| m == module && a.number == plan.number && a.version == plan.version)
        .map(|(_, a)| a)
        .collect()
}

/// Whether `m` has an attempt in progress on the device that can still continue at `now`.
pub fn in_progress(token: &str, m: &MyModule, now: DateTime<Utc>) -> bool {
    m.progress
        .next_attempt(&m.module, &m.lineage, now)
        .is_ok_and(|plan| !matching(token, &m.module.id, &plan).is_empty())
}
