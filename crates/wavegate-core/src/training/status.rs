//! Where a trainee stands in a module version: lessons viewed, completed, passed, done by the
//! module's completion rule, attempts left, what is left to (re-)study, and whether the module
//! changed since they studied it; and the latest earlier version they did, whose certificate
//! they keep meanwhile. Derived from the progress facts, never stored.

use super::model::{Completion, Module};
use super::progress::Progress;
use super::restudy::Restudy;
use super::versions::{Lineage, ModuleHistory};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How far a trainee is, in the words of `training.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Assigned, nothing done.
    Assigned,
    /// Something done, the completion rule not yet satisfied.
    Started,
    /// The completion rule is satisfied.
    Done,
}

impl Stage {
    /// The `status` cell of `training.csv` (`assigned`, `started`, `completed`).
    pub fn csv(self) -> &'static str {
        match self {
            Stage::Assigned => "assigned",
            Stage::Started => "started",
            Stage::Done => "completed",
        }
    }
}

/// A lesson and whether it counts as viewed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonState {
    /// The lesson.
    pub id: String,
    /// When it was first viewed in a way that still counts.
    pub viewed_at: Option<DateTime<Utc>>,
    /// Viewed in an earlier version, but changed substantively since: to re-study.
    pub changed: bool,
}

/// A trainee's standing in one module version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// The module.
    pub module_id: String,
    /// The version judged.
    pub version: u32,
    /// Assigned, started or done.
    pub stage: Stage,
    /// Every lesson, in order.
    pub lessons: Vec<LessonState>,
    /// When the last lesson was viewed (cmi5 "completed"): every lesson viewed.
    pub completed_at: Option<DateTime<Utc>>,
    /// When the quiz was passed (every topic, possibly over a pass and a later retake).
    pub passed_at: Option<DateTime<Utc>>,
    /// When the module's completion rule was satisfied.
    pub done_at: Option<DateTime<Utc>>,
    /// Attempts taken in this version.
    pub attempts_used: u32,
    /// Attempts left in this version (none: unlimited, or no quiz).
    pub attempts_left: Option<u32>,
    /// The earliest time of the next attempt, while the wait after the last one runs.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// The score of the latest attempt.
    pub last_score: Option<f64>,
    /// What is left to study and be tested on.
    pub restudy: Restudy,
    /// The trainee had studied something that has changed substantively since: tell them.
    pub updated: bool,
    /// Share done for a progress bar: lessons viewed and the quiz passed, 0–1; 1 once the
    /// module's completion rule is met.
    pub share_done: f64,
}

/// The later of two optional times, if both are there.
fn both(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    Some(a?.max(b?))
}

/// The earlier of two optional times, of those there.
fn either(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl Progress {
    /// Where the trainee stands in `module` (described by `lineage`).
    pub fn status(&self, module: &Module, lineage: &Lineage) -> Status {
        let restudy = self.restudy(module, lineage);
        let lessons: Vec<LessonState> = module
            .lessons
            .iter()
            .map(|l| {
                let viewed_at = self.lesson_viewed_at(lineage, &l.id);
                let seen_before = self.views.values().any(|v| v.contains_key(&l.id));
                LessonState {
                    id: l.id.clone(),
                    viewed_at,
                    changed: viewed_at.is_none() && seen_before,
                }
            })
            .collect();
        let completed_at = lessons
            .iter()
            .map(|l| l.viewed_at)
            .collect::<Option<Vec<_>>>()
            .and_then(|times| times.into_iter().max());
        let passed_at = module.quiz.as_ref().and_then(|_| {
            module
                .quiz_topics()
                .iter()
                .map(|t| self.topic_passed_at(lineage, t))
                .collect::<Option<Vec<_>>>()
                .and_then(|times| times.into_iter().max())
        });
        let done_at = match module.completion {
            Completion::Completed => completed_at,
            Completion::Passed => passed_at,
            Completion::CompletedAndPassed => both(completed_at, passed_at),
            Completion::CompletedOrPassed => either(completed_at, passed_at),
        };
        let stage = if done_at.is_some() {
            Stage::Done
        } else if self.started() {
            Stage::Started
        } else {
            Stage::Assigned
        };
        let attempts_used = self.attempts_in(module.version).count() as u32;
        let policy = module.quiz.as_ref().map(|q| q.attempts).unwrap_or_default();
        // The wait follows the version's own attempts, as `next_attempt` judges it.
        let next_attempt_at = self
            .wait_over_at(module.version, policy.wait_minutes)
            .filter(|_| passed_at.is_none() && policy.wait_minutes > 0);
        let retake_changed = restudy.topics.iter().any(|t| {
            self.attempts
                .values()
                .any(|a| a.passed && a.topics.iter().any(|r| &r.topic == t))
        });
        let steps = module.lessons.len() + usize::from(module.quiz.is_some());
        let steps_done = lessons.iter().filter(|l| l.viewed_at.is_some()).count()
            + usize::from(passed_at.is_some());
        Status {
            module_id: module.id.clone(),
            version: module.version,
            stage,
            updated: retake_changed || lessons.iter().any(|l| l.changed),
            lessons,
            completed_at,
            passed_at,
            done_at,
            attempts_used,
            attempts_left: policy.max.map(|m| m.saturating_sub(attempts_used)),
            next_attempt_at,
            last_score: self.last_attempt().map(|a| a.score()),
            restudy,
            // Done by the completion rule is all the way, whatever practice is left.
            share_done: if done_at.is_some() {
                1.0
            } else if steps == 0 {
                0.0
            } else {
                steps_done as f64 / steps as f64
            },
        }
    }

    /// Where the trainee stood in the latest version before `history`'s latest that they did,
    /// if any. Each version is judged against its own lineage, so what they did in a later
    /// version does not count for an earlier one: its certificate states the version they
    /// finished and the day they finished it, and is theirs to keep while a substantive new
    /// version waits to be re-studied.
    pub fn earlier_done(&self, history: &ModuleHistory) -> Option<Status> {
        let (_latest, earlier) = history.published().split_last()?;
        let mut lineage: Option<Lineage> = None;
        let mut found = None;
        for module in earlier {
            let this = lineage.map_or_else(|| Lineage::first(module), |l| l.next(module));
            let status = self.status(module, &this);
            if status.done_at.is_some() {
                found = Some(status);
            }
            lineage = Some(this);
        }
        found
    }
}
